"""Who may keep a copy of an answer, and for how long: one policy for pages, feeds and the API."""

import pytest
from rest_framework.authtoken.models import Token

from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory
from tests.portal.headers import vary

pytestmark = pytest.mark.django_db

READS = ["/", "/news/", "/parks/", "/api/v1/news/", "/api/v1/sync/news/", "/feeds/news.json"]


@pytest.fixture
def content():
    item = NewsItemFactory()
    item.parks.add(ParkFactory(slug="cicp"))
    return item


@pytest.mark.parametrize("address", READS)
def test_every_cache_must_revalidate_by_default_so_edits_show_at_once(client, content, address):
    response = client.get(address)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    assert "Last-Modified" in response
    assert "cookie" in vary(response)


@pytest.mark.parametrize("address", READS)
def test_a_proxy_may_keep_anonymous_answers_for_the_configured_time(
    client, settings, content, address
):
    settings.SHARED_CACHE_SECONDS = 30

    response = client.get(address)

    assert response["Cache-Control"] == "public, max-age=0, s-maxage=30"
    assert "cookie" in vary(response)


def test_a_cached_page_keeps_the_header_it_was_given(client, settings, content):
    settings.SHARED_CACHE_SECONDS = 30
    first = client.get("/news/")
    second = client.get("/news/")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second["Cache-Control"] == first["Cache-Control"] == "public, max-age=0, s-maxage=30"


@pytest.mark.parametrize("address", ["/news/", "/api/v1/news/", "/feeds/news.json"])
def test_signed_in_staff_never_get_a_shareable_answer(
    client, settings, content, staff_user, address
):
    settings.SHARED_CACHE_SECONDS = 30
    client.force_login(staff_user)

    assert client.get(address)["Cache-Control"] == "private, no-cache"


def test_answers_to_an_api_token_are_private(api_client, settings, content, staff_user):
    settings.SHARED_CACHE_SECONDS = 30
    token = Token.objects.create(user=staff_user)

    response = api_client.get("/api/v1/news/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize(
    ("address", "status"), [("/news/no-such-item/", 404), ("/api/v1/news/?page_size=x", 400)]
)
def test_only_answers_worth_sharing_are_shared(client, settings, address, status):
    settings.SHARED_CACHE_SECONDS = 30

    response = client.get(address)

    assert response.status_code == status
    shared = status == 404  # a missing page is worth keeping; a mistyped query is not
    assert ("s-maxage=30" in response["Cache-Control"]) is shared


def test_answers_that_set_their_own_policy_keep_it(client, settings):
    settings.SHARED_CACHE_SECONDS = 30

    assert client.get("/robots.txt")["Cache-Control"] == "max-age=86400, public"
    assert "no-cache" in client.get("/healthz")["Cache-Control"]
    assert client.get("/admin/login/")["Cache-Control"].startswith("max-age=0")


def test_writes_get_no_caching_policy_added(client, settings):
    settings.SHARED_CACHE_SECONDS = 30

    response = client.post("/api/v1/news/", {})

    assert response.status_code in (401, 403)
    assert "s-maxage" not in response.get("Cache-Control", "")
