"""Feed item ids stay the same when staff change an item's slug, so readers do not repost it."""

import datetime as dt

import feedparser
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def entries(client, name: str) -> list:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return feedparser.parse(response.content).entries


def json_items(client) -> list[dict]:
    response = client.get(reverse("feeds:news-json"))
    assert response.status_code == 200
    return response.json()["items"]


def rename(item: NewsItem, slug: str) -> None:
    item.slug = slug
    item.save()


@pytest.mark.parametrize("name", ["feeds:news-rss", "feeds:news-atom"])
def test_a_renamed_item_keeps_its_id_and_links_to_its_new_address(client, name):
    item = NewsItemFactory(slug="park-opnes")
    rename(item, "park-opens")

    [entry] = entries(client, name)

    assert entry.id == f"{BASE}/news/park-opnes/"
    assert entry.link == f"{BASE}/news/park-opens/"


def test_a_renamed_item_keeps_its_json_feed_id(client):
    item = NewsItemFactory(slug="park-opnes")
    rename(item, "park-opens")
    rename(item, "the-park-opens")

    [entry] = json_items(client)

    assert entry["id"] == f"{BASE}/news/park-opnes/"
    assert entry["url"] == f"{BASE}/news/the-park-opens/"


def test_the_id_still_leads_to_the_item(client):
    item = NewsItemFactory(slug="park-opnes")
    rename(item, "park-opens")
    [entry] = json_items(client)

    response = client.get(entry["id"].removeprefix(BASE))

    assert response.status_code == 301
    assert response["Location"] == "/news/park-opens/"


def test_a_slug_changed_before_publication_is_not_the_id(client):
    item = NewsItemFactory(slug="draft-name", status=NewsItem.Status.DRAFT)
    rename(item, "final-name")
    item.status = NewsItem.Status.PUBLISHED
    item.save(update_fields=["status"])

    [entry] = json_items(client)

    assert entry["id"] == f"{BASE}/news/final-name/"
    item.refresh_from_db()
    assert item.first_public_slug == "final-name"


def test_an_item_public_by_the_clock_keeps_the_address_it_went_public_at(client):
    """A scheduled item becomes public with no save; renamed afterwards, its id stays."""
    item = NewsItemFactory(slug="scheduled", published_at=timezone.now() + dt.timedelta(hours=1))
    assert item.first_public_slug == ""
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        assert json_items(client)[0]["id"] == f"{BASE}/news/scheduled/"
        rename(item, "scheduled-renamed")

        [entry] = json_items(client)

    assert entry["id"] == f"{BASE}/news/scheduled/"
    assert entry["url"] == f"{BASE}/news/scheduled-renamed/"


def test_an_item_never_renamed_is_identified_by_its_address(client):
    NewsItemFactory(slug="steady")

    [entry] = json_items(client)

    assert entry["id"] == entry["url"] == f"{BASE}/news/steady/"


def test_an_item_public_before_the_field_existed_keeps_its_id_when_renamed(client):
    """No migration fills the field: the first save of a public item reads its stored slug."""
    item = NewsItemFactory(slug="older-item")
    NewsItem.objects.filter(pk=item.pk).update(first_public_slug="")
    item.refresh_from_db()
    rename(item, "older-item-renamed")

    [entry] = json_items(client)

    assert entry["id"] == f"{BASE}/news/older-item/"
