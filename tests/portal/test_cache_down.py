"""With Redis down, every page and the API still answer: caching, rate limits, sessions and view
counts fail open. With Redis up, pages are served from it."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news import view_counts
from news.models import NewsItem
from portal import pagination
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


def redis_cache(location: str, prefix: str = "parkwire") -> dict:
    """Configure the cache as portal/settings/base.py does when REDIS_URL is set."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def cache_down(settings, monkeypatch):
    """Point the cache at a closed port, and the view-count buffer along with it."""
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")
    monkeypatch.setattr(view_counts, "_buffer", None)


@pytest.fixture
def real_redis(settings, monkeypatch):
    """Use the Redis on 127.0.0.1:6379 (database 15) under a prefix of this test's own."""
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1).ping()
    except redis.ConnectionError as error:
        pytest.skip(f"Redis not reachable: {error}")
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15", f"parkwire-test-{uuid.uuid4().hex}")
    monkeypatch.setattr(view_counts, "_buffer", None)
    yield
    cache.delete_pattern("*")


@pytest.fixture
def site():
    park = ParkFactory()
    item = NewsItemFactory()
    item.parks.add(park)
    return park, item


def public_urls(park, item) -> list[str]:
    return [
        reverse("portal:home"),
        reverse("news:item-list"),
        item.get_absolute_url(),
        park.get_absolute_url(),
        reverse("api:news-item-list"),
        reverse("api:news-item-detail", kwargs={"slug": item.slug}),
        reverse("feeds:news-json"),
        reverse("admin:login"),
    ]


def test_every_public_page_answers_while_the_cache_is_down(client, site, cache_down):
    for url in public_urls(*site) * 2:  # the second round would be served from a working cache
        response = client.get(url)

        assert (url, response.status_code) == (url, 200)
        assert response.get("X-Page-Cache") != "hit"


def test_api_rate_limits_fail_open_while_the_cache_is_down(api_client, site, cache_down):
    statuses = {api_client.get(reverse("api:news-item-list")).status_code for _ in range(5)}

    assert statuses == {200}


def test_views_are_counted_in_the_database_while_the_cache_is_down(client, site, cache_down):
    item = site[1]

    client.get(item.get_absolute_url())

    assert NewsItem.objects.get(pk=item.pk).view_count == item.view_count + 1


def test_staff_log_in_and_use_the_admin_on_database_sessions_while_the_cache_is_down(
    client, staff_user, site, cache_down
):
    login = client.post(reverse("admin:login"), {"username": "editor", "password": "x"})
    page = client.get(reverse("admin:news_newsitem_changelist"))

    assert login.status_code == 302
    assert Session.objects.count() == 1
    assert page.status_code == 200
    assert site[1].title in page.text


def test_a_forced_login_session_is_read_back_from_the_database_while_the_cache_is_down(
    client, staff_user, cache_down
):
    client.force_login(staff_user)

    assert client.get(reverse("admin:index")).status_code == 200


def test_readyz_reports_the_cache_that_is_down(client, cache_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["down"] == ["cache"]


def test_pages_are_served_from_a_running_redis(client, site, real_redis):
    for url in (reverse("news:item-list"), reverse("api:news-item-list")):
        first, second = client.get(url), client.get(url)

        assert (first.status_code, second.status_code) == (200, 200)
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert client.get("/readyz").status_code == 200


def test_values_kept_per_generation_are_computed_afresh_while_the_cache_is_down(cache_down):
    """Edits cannot retire kept values while the cache is down, so none are kept."""
    from portal.per_generation import kept, once_per_generation

    kept.forget()
    calls = []
    for _ in range(3):
        once_per_generation("outage-probe", lambda: calls.append(1))
    cheap = once_per_generation("outage-probe", lambda: "costly", uncached=lambda: "cheap")

    assert len(calls) == 3
    assert cheap == "cheap"


def test_listing_totals_follow_edits_made_while_the_cache_is_down(client, site, cache_down):
    before = client.get(reverse("news:item-list"))
    NewsItemFactory()
    after = client.get(reverse("news:item-list"))

    assert before.context["page_obj"].paginator.count == 1
    assert after.context["page_obj"].paginator.count == 2


def test_deep_pages_walk_the_index_while_the_cache_is_down(client, cache_down, monkeypatch):
    """Anchors could not be kept: numbering every row on each deep page would cost more."""
    monkeypatch.setattr(pagination, "SHALLOW", 20)
    monkeypatch.setattr(pagination, "ANCHOR_EVERY", 7)
    for n in range(60):
        NewsItemFactory(title=f"Item {n:02}", published_at=timezone.now() - timedelta(hours=n + 1))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("news:item-list"), {"page": 3})

    shown = [item.title for item in response.context["page_obj"].object_list]
    assert shown == [f"Item {n:02}" for n in range(40, 60)]
    assert not any("ROW_NUMBER" in query["sql"] for query in queries)
