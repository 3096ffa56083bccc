import datetime as dt

import pytest
import time_machine
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from news.models import NewsItem
from news.view_counts import flush_view_counts
from portal.page_cache import is_storable, seconds_to_keep
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
)
CACHED_PAGES = [
    ("portal:home", {}),
    ("parks:park-list", {}),
    ("parks:platform-list", {}),
    ("news:item-list", {}),
    ("api:news-item-list", {}),
    ("api:news-sync-list", {}),
    ("api:news-withdrawal-list", {}),
    ("feeds:news-json", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), CACHED_PAGES)
def test_a_repeated_anonymous_get_is_served_from_the_cache_without_sql(
    client, name, kwargs, django_assert_num_queries
):
    NewsItemFactory.create_batch(3)
    url = reverse(name, kwargs=kwargs)
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second.status_code == 200


def test_pages_are_cached_per_address_and_language(client):
    NewsItemFactory(title="Cached headline")
    client.get("/news/")

    assert client.get("/news/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/zh-hans/news/")["X-Page-Cache"] == "miss"
    assert client.get("/news/")["X-Page-Cache"] == "hit"


def test_a_saved_edit_retires_the_cached_page(client):
    item = NewsItemFactory(title="Before the edit")
    client.get("/news/")

    item.title = "After the edit"
    item.save()

    assert "After the edit" in client.get("/news/").text


def test_a_bulk_update_retires_the_cached_page_too(client):
    item = NewsItemFactory(title="Visible")
    client.get("/news/")

    NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.ARCHIVED)

    assert "Visible" not in client.get("/news/").text


def test_a_park_edit_retires_the_park_page(client):
    park = ParkFactory(name="Old name")
    client.get(park.get_absolute_url())

    park.name = "New name"
    park.save()

    assert "New name" in client.get(park.get_absolute_url()).text


def test_a_scheduled_item_appears_on_time_through_the_cache(client):
    now = timezone.now()
    NewsItemFactory(title="Scheduled story", published_at=now + dt.timedelta(seconds=90))

    with time_machine.travel(now, tick=False):
        assert seconds_to_keep() == 90
        assert "Scheduled story" not in client.get("/news/").text
    with time_machine.travel(now + dt.timedelta(seconds=91), tick=False):
        assert "Scheduled story" in client.get("/news/").text


def test_signed_in_visitors_are_never_served_or_stored(client, staff_user):
    client.get("/news/")
    client.force_login(staff_user)

    response = client.get("/news/")

    assert "X-Page-Cache" not in response


def test_api_clients_with_credentials_bypass_the_cache(api_client, staff_user):
    api_client.get("/api/v1/news/")
    api_client.force_authenticate(staff_user)

    assert "X-Page-Cache" not in api_client.get("/api/v1/news/", HTTP_AUTHORIZATION="Token x")


@pytest.mark.parametrize(("name", "kwargs"), CACHED_PAGES)
def test_cached_pages_carry_nothing_per_visitor(client, name, kwargs):
    first = client.get(reverse(name, kwargs=kwargs))
    second = Client().get(reverse(name, kwargs=kwargs))

    assert not first.cookies and not second.cookies
    assert b"csrfmiddlewaretoken" not in second.content
    assert second.content == first.content
    assert second["X-Page-Cache"] == "hit"


def test_a_page_that_rendered_a_csrf_token_is_never_stored(rf):
    request = rf.get("/news/")
    request.resolver_match = resolve("/news/")
    response = HttpResponse("<form>…</form>")
    assert is_storable(request, response)

    get_token(request)

    assert not is_storable(request, response)


def test_a_page_that_sets_a_cookie_is_never_stored(rf):
    request = rf.get("/news/")
    request.resolver_match = resolve("/news/")
    response = HttpResponse("hello")
    response.set_cookie("visitor", "42")

    assert not is_storable(request, response)


def test_a_cached_page_answers_a_conditional_get_with_304(client):
    NewsItemFactory()
    first = client.get("/api/v1/news/")
    client.get("/api/v1/news/")

    response = client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 304


def test_a_cached_page_answers_if_modified_since_with_304(client, django_assert_num_queries):
    NewsItemFactory()
    first = client.get("/news/")

    with django_assert_num_queries(0):  # from the cache
        response = client.get("/news/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert response.status_code == 304


@pytest.mark.parametrize("path", ["/news/", "/api/v1/news/", "/feeds/news.json"])
def test_a_cached_page_carries_the_security_headers_it_was_served_with(client, path):
    NewsItemFactory()
    first = client.get(path)
    second = client.get(path)

    assert second["X-Page-Cache"] == "hit"
    for header in SECURITY_HEADERS:
        assert second[header] == first[header], header
    assert "default-src 'self'" in second["Content-Security-Policy"]


def test_pages_stored_in_an_older_shape_are_never_served(client, monkeypatch):
    from portal import page_cache

    NewsItemFactory()
    client.get("/news/")
    monkeypatch.setattr(page_cache, "ENTRY_FORMAT", page_cache.ENTRY_FORMAT + 1)  # a deploy
    page_cache.kept_pages.forget()

    assert client.get("/news/")["X-Page-Cache"] == "miss"
    assert client.get("/news/")["X-Page-Cache"] == "hit"


def test_a_cached_news_item_still_counts_its_views(client):
    item = NewsItemFactory()
    client.get(item.get_absolute_url())
    second = client.get(item.get_absolute_url())
    flush_view_counts()

    item.refresh_from_db()
    assert second["X-Page-Cache"] == "hit"
    assert item.view_count == 2


def test_the_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE = False
    client.get("/news/")

    assert "X-Page-Cache" not in client.get("/news/")


def test_errors_are_not_cached(client):
    client.get("/news/no-such-item/")

    assert "X-Page-Cache" not in client.get("/news/no-such-item/")


def test_visitors_with_any_language_preference_share_one_cached_copy(client):
    NewsItemFactory()
    client.get("/news/", HTTP_ACCEPT_LANGUAGE="he")

    other = Client(HTTP_ACCEPT_LANGUAGE="zh-hans,zh;q=0.9", headers={"Cookie": "language=he"})
    response = other.get("/news/")

    assert response["X-Page-Cache"] == "hit"
    assert '<html lang="en"' in response.text


def test_each_language_address_is_cached_in_its_own_language(client):
    client.get("/he/news/")
    client.get("/news/")

    hebrew = client.get("/he/news/")

    assert hebrew["X-Page-Cache"] == "hit"
    assert '<html lang="he" dir="rtl">' in hebrew.text


def test_a_hot_page_is_served_from_this_process_reading_only_the_generation(client):
    from unittest import mock

    from django.core.cache import cache

    NewsItemFactory.create_batch(2)
    first = client.get("/news/")

    with mock.patch.object(cache, "get", wraps=cache.get) as reads:
        second = client.get("/news/")

    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert [call.args[0] for call in reads.call_args_list] == ["content-generation"]


def test_another_process_reads_the_page_from_the_shared_cache_in_one_round_trip(client):
    from unittest import mock

    from django.core.cache import cache

    from portal.page_cache import kept_pages

    NewsItemFactory(title="Shared headline")
    client.get("/news/")
    kept_pages.forget()  # as a second server would be

    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as reads:
        response = client.get("/news/")

    assert response["X-Page-Cache"] == "hit"
    assert "Shared headline" in response.text
    [(keys,)] = [call.args for call in reads.call_args_list]  # the generation and the page
    assert keys[0] == "content-generation"
    assert len(keys) == 2


def test_a_kept_page_is_retired_by_an_edit_through_any_server(client):
    item = NewsItemFactory(title="Kept headline")
    client.get("/news/")
    client.get("/news/")  # now kept in this process

    NewsItem.objects.filter(pk=item.pk).update(title="Edited elsewhere")  # a new generation

    response = client.get("/news/")
    assert response["X-Page-Cache"] == "miss"
    assert "Edited elsewhere" in response.text


def test_a_kept_page_lapses_with_its_shared_copy(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    NewsItemFactory()
    client.get("/news/")

    with time_machine.travel(timezone.now() + dt.timedelta(seconds=61)):
        assert client.get("/news/")["X-Page-Cache"] == "miss"


def test_a_process_holding_an_old_copy_serves_the_current_one_another_server_stored(client):
    from portal import page_cache

    item = NewsItemFactory(title="Old headline")
    client.get("/news/")
    old_copies = dict(page_cache.kept_pages.entries)
    item.title = "New headline"
    item.save()
    client.get("/news/")  # rendered and stored at the new generation, as by another server
    page_cache.kept_pages.entries.update(old_copies)  # while this process still holds the old one

    response = client.get("/news/")

    assert response["X-Page-Cache"] == "hit"
    assert "New headline" in response.text
