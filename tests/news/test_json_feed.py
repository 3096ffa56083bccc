import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from news.syndication import FEED_SIZE
from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def get_feed(client, name="feeds:news-json", **kwargs):
    response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200
    return response, response.json()


def test_json_feed_is_served_as_application_feed_json(client):
    response, _ = get_feed(client)

    assert response["Content-Type"] == "application/feed+json"


def test_json_feed_has_the_required_top_level_fields(client):
    _, feed = get_feed(client)

    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    assert feed["home_page_url"] == f"{BASE}/news/"
    assert feed["feed_url"] == f"{BASE}/feeds/news.json"
    assert feed["items"] == []


def test_json_feed_item_has_a_permanent_id_content_dates_and_tags(client):
    item = NewsItemFactory(slug="opening", title="Opening", lead="Lead.", body="Body **bold**.")
    item.industries.add(IndustryFactory(name="Biomedicine"))

    _, feed = get_feed(client)

    [entry] = feed["items"]
    assert entry["id"] == entry["url"] == f"{BASE}/news/opening/"
    assert entry["title"] == "Opening"
    assert entry["summary"] == "Lead."
    assert entry["content_html"] == "<p>Body <strong>bold</strong>.</p>"
    assert dt.datetime.fromisoformat(entry["date_published"]) == item.published_at
    assert dt.datetime.fromisoformat(entry["date_modified"]) == item.updated_at
    assert entry["tags"] == ["Biomedicine"]


def test_json_feed_item_credits_the_source_when_known(client):
    NewsItemFactory(slug="credited", source_name="PR Newswire", source_url="https://example.com/r")
    NewsItemFactory(slug="anonymous", source_name="", source_url="")

    _, feed = get_feed(client)

    by_url = {entry["url"]: entry for entry in feed["items"]}
    credited, anonymous = by_url[f"{BASE}/news/credited/"], by_url[f"{BASE}/news/anonymous/"]
    assert credited["authors"] == [{"name": "PR Newswire"}]
    assert credited["external_url"] == "https://example.com/r"
    assert "authors" not in anonymous
    assert "external_url" not in anonymous


def test_json_feed_park_extension_lists_only_published_parks(client):
    item = NewsItemFactory()
    item.parks.add(ParkFactory(name="CICP", slug="cicp"), ParkFactory(is_published=False))

    _, feed = get_feed(client)

    extension = feed["items"][0]["_park"]
    assert extension["about"] == f"{BASE}/feeds/json-feed/"
    assert extension["parks"] == [{"name": "CICP", "slug": "cicp", "url": f"{BASE}/parks/cicp/"}]


def test_json_feed_extension_is_documented_at_its_about_address(client):
    response = client.get(reverse("feeds:json-feed-extension"))

    assert response.status_code == 200
    assert "_park" in response.content.decode()


def test_json_feed_ids_are_unprefixed_for_a_hebrew_visitor(client):
    NewsItemFactory(slug="shalom")

    response = client.get(reverse("feeds:news-json"), HTTP_ACCEPT_LANGUAGE="he")

    assert response.json()["items"][0]["id"] == f"{BASE}/news/shalom/"


def test_json_feed_answers_a_plain_json_accept_header(client):
    response = client.get(reverse("feeds:news-json"), HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json"


def test_json_feed_never_lists_drafts_or_scheduled_items(client):
    NewsItemFactory(title="Visible")
    NewsItemFactory(title="Draft", status=NewsItem.Status.DRAFT)
    launch = timezone.now() + dt.timedelta(hours=3)
    NewsItemFactory(title="Scheduled", published_at=launch)

    _, before = get_feed(client)
    with time_machine.travel(launch + dt.timedelta(seconds=1)):
        _, after = get_feed(client)

    assert [entry["title"] for entry in before["items"]] == ["Visible"]
    assert [entry["title"] for entry in after["items"]] == ["Scheduled", "Visible"]


def test_park_json_feed_lists_only_that_parks_items(client):
    park = ParkFactory(slug="hub", name="Innovation Hub", summary="A hub in Shanghai.")
    NewsItemFactory(title="Hub news").parks.add(park)
    NewsItemFactory(title="Elsewhere").parks.add(ParkFactory())

    _, feed = get_feed(client, "feeds:park-json", slug="hub")

    assert [entry["title"] for entry in feed["items"]] == ["Hub news"]
    assert feed["home_page_url"] == f"{BASE}/parks/hub/"
    assert feed["feed_url"] == f"{BASE}/parks/hub/feed.json"
    assert feed["description"] == "A hub in Shanghai."
    assert "Innovation Hub" in feed["title"]


def test_unknown_park_json_feed_is_not_found(client):
    response = client.get(reverse("feeds:park-json", kwargs={"slug": "nowhere"}))

    assert response.status_code == 404


def test_json_feed_answers_304_only_while_unchanged(client):
    item = NewsItemFactory()
    url = reverse("feeds:news-json")
    etag = client.get(url)["ETag"]

    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        item.title = "Changed"
        item.save()
        changed = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert unchanged.status_code == 304
    assert changed.status_code == 200
    assert changed.json()["items"][0]["title"] == "Changed"


@pytest.mark.parametrize(
    ("name", "kwargs"), [("feeds:news-json", {}), ("feeds:park-json", {"slug": "busy"})]
)
def test_json_feed_queries_are_bounded(client, django_assert_max_num_queries, name, kwargs):
    parks = [ParkFactory(slug="busy"), ParkFactory(), ParkFactory()]
    for _ in range(FEED_SIZE + 1):
        item = NewsItemFactory()
        item.parks.add(*parks)
        item.industries.add(IndustryFactory())

    with django_assert_max_num_queries(8):
        _, feed = get_feed(client, name, **kwargs)

    assert len(feed["items"]) == FEED_SIZE
    assert all(len(entry["_park"]["parks"]) == 3 for entry in feed["items"])
