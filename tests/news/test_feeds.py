import datetime as dt
import io

import feedparser
import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from news.syndication import FEED_SIZE
from parks.models import Park
from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def fetch(client, name: str, **kwargs):
    response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize("name", ["feeds:news-rss", "feeds:news-atom"])
def test_site_feed_parses_cleanly_with_titles_links_and_ids(client, name):
    item = NewsItemFactory(title="Park opens & grows", slug="park-opens")

    _, feed = fetch(client, name)

    assert not feed.bozo, feed.get("bozo_exception")
    [entry] = feed.entries
    assert entry.title == "Park opens & grows"
    assert entry.link == f"{BASE}/news/park-opens/"
    assert entry.id == f"{BASE}/news/park-opens/"
    assert feed.feed.link == f"{BASE}/news/"
    published = dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC)
    assert published == item.published_at.replace(microsecond=0)


def test_rss_feed_has_rss_content_type(client):
    response, _ = fetch(client, "feeds:news-rss")

    assert response["Content-Type"].startswith("application/rss+xml")


def test_atom_feed_carries_the_lead_as_summary_and_the_body_as_content(client):
    NewsItemFactory(lead="A short lead.", body="## Heading\n\nBody *text*.")

    response, feed = fetch(client, "feeds:news-atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    [entry] = feed.entries
    assert entry.summary == "A short lead."
    assert "<h2>Heading</h2>" in entry.content[0].value
    assert "<em>text</em>" in entry.content[0].value


def test_rss_description_is_the_body_as_sanitised_html(client):
    NewsItemFactory(body="Hello **world**.\n\n<script>alert(1)</script>[x](javascript:alert(1))")

    _, feed = fetch(client, "feeds:news-rss")

    description = feed.entries[0].description
    assert "<strong>world</strong>" in description
    assert "script" not in description.lower()
    assert "javascript:" not in description


def test_feed_links_are_unprefixed_for_a_chinese_visitor(client):
    NewsItemFactory(slug="unprefixed")
    client.cookies["django_language"] = "zh-hans"

    response = client.get(reverse("feeds:news-rss"), HTTP_ACCEPT_LANGUAGE="zh-hans")

    entry = feedparser.parse(response.content).entries[0]
    assert entry.link == f"{BASE}/news/unprefixed/"


def test_feed_never_shows_drafts_items_in_review_or_archived_items(client):
    NewsItemFactory(title="Visible")
    for status in (NewsItem.Status.DRAFT, NewsItem.Status.IN_REVIEW, NewsItem.Status.ARCHIVED):
        NewsItemFactory(title=f"Hidden {status}", status=status)

    _, feed = fetch(client, "feeds:news-rss")

    assert [entry.title for entry in feed.entries] == ["Visible"]


def test_scheduled_item_appears_in_the_feed_only_from_its_publication_time(client):
    launch = timezone.now() + dt.timedelta(days=2)
    NewsItemFactory(title="Scheduled", published_at=launch)

    _, before = fetch(client, "feeds:news-rss")
    with time_machine.travel(launch + dt.timedelta(minutes=1)):
        _, after = fetch(client, "feeds:news-rss")

    assert before.entries == []
    assert [entry.title for entry in after.entries] == ["Scheduled"]


def test_feed_lists_only_the_newest_items_newest_first(client):
    now = timezone.now()
    for hours in range(FEED_SIZE + 5):
        NewsItemFactory(title=f"Item {hours}", published_at=now - dt.timedelta(hours=hours + 1))

    _, feed = fetch(client, "feeds:news-rss")

    assert len(feed.entries) == FEED_SIZE
    assert feed.entries[0].title == "Item 0"
    assert feed.entries[-1].title == f"Item {FEED_SIZE - 1}"


def test_categories_name_the_published_parks_and_industries(client):
    item = NewsItemFactory()
    item.parks.add(
        ParkFactory(name="Visible Park"), ParkFactory(name="Draft Park", is_published=False)
    )
    item.industries.add(IndustryFactory(name="Medical devices"))

    _, feed = fetch(client, "feeds:news-rss")

    assert {tag.term for tag in feed.entries[0].tags} == {"Visible Park", "Medical devices"}


@pytest.mark.parametrize("name", ["feeds:park-rss", "feeds:park-atom"])
def test_park_feed_lists_only_that_parks_published_items(client, name):
    park, other = ParkFactory(slug="cicp"), ParkFactory()
    NewsItemFactory(title="About CICP").parks.add(park)
    NewsItemFactory(title="About both").parks.add(park, other)
    NewsItemFactory(title="About the other").parks.add(other)
    NewsItemFactory(title="Draft about CICP", status=NewsItem.Status.DRAFT).parks.add(park)

    _, feed = fetch(client, name, slug="cicp")

    assert not feed.bozo
    assert sorted(entry.title for entry in feed.entries) == ["About CICP", "About both"]
    assert feed.feed.link == f"{BASE}/parks/cicp/"
    assert park.name in feed.feed.title


def test_park_feed_works_with_a_chinese_slug(client):
    park = ParkFactory(name="中以常州创新园", slug="中以常州创新园")
    NewsItemFactory(title="园区新闻").parks.add(park)

    _, feed = fetch(client, "feeds:park-rss", slug="中以常州创新园")

    assert [entry.title for entry in feed.entries] == ["园区新闻"]


@pytest.mark.parametrize("name", ["feeds:park-rss", "feeds:park-atom", "feeds:park-json"])
def test_park_feed_of_an_unpublished_or_unknown_park_is_not_found(client, name):
    ParkFactory(slug="draft-park", is_published=False)

    assert client.get(reverse(name, kwargs={"slug": "draft-park"})).status_code == 404
    assert client.get(reverse(name, kwargs={"slug": "x" * 5000})).status_code == 404


@pytest.mark.parametrize("name", ["feeds:news-rss", "feeds:news-atom", "feeds:news-json"])
def test_feed_answers_304_to_its_own_etag(client, name):
    NewsItemFactory()
    first = client.get(reverse(name))

    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize("name", ["feeds:news-rss", "feeds:news-atom", "feeds:news-json"])
def test_feed_answers_304_to_its_own_last_modified(client, name):
    NewsItemFactory()
    first = client.get(reverse(name))

    again = client.get(reverse(name), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


def test_feed_etag_changes_when_an_item_is_edited_or_withdrawn(client):
    item = NewsItemFactory()
    NewsItemFactory()
    url = reverse("feeds:news-rss")
    original = client.get(url)["ETag"]

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
        NewsItem.objects.filter(pk=item.pk).update(title="Edited", updated_at=timezone.now())
        edited = client.get(url, HTTP_IF_NONE_MATCH=original)
        NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.ARCHIVED)
        withdrawn = client.get(url, HTTP_IF_NONE_MATCH=edited["ETag"])

    assert edited.status_code == 200
    assert withdrawn.status_code == 200
    assert "Edited" not in withdrawn.content.decode()


def test_park_feed_etag_changes_when_the_park_is_renamed(client):
    park = ParkFactory(slug="renamed")
    url = reverse("feeds:park-rss", kwargs={"slug": "renamed"})
    original = client.get(url)["ETag"]

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
        Park.objects.filter(pk=park.pk).update(name="New name", updated_at=timezone.now())
        response = client.get(url, HTTP_IF_NONE_MATCH=original)

    assert response.status_code == 200
    assert "New name" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("feeds:news-rss", {}),
        ("feeds:news-atom", {}),
        ("feeds:park-rss", {"slug": "busy"}),
        ("feeds:park-atom", {"slug": "busy"}),
    ],
)
def test_feed_queries_are_bounded_with_many_items_and_parks(
    client, django_assert_max_num_queries, name, kwargs
):
    parks = [ParkFactory(slug="busy"), ParkFactory(), ParkFactory()]
    industries = [IndustryFactory(), IndustryFactory()]
    for _ in range(FEED_SIZE):
        item = NewsItemFactory()
        item.parks.add(*parks)
        item.industries.add(*industries)

    with django_assert_max_num_queries(8):
        response = client.get(reverse(name, kwargs=kwargs or None))

    assert len(feedparser.parse(response.content).entries) == FEED_SIZE


@pytest.mark.parametrize("suffix", ["rss", "atom", "json"])
def test_park_feed_with_a_nul_in_the_slug_is_not_found(client, suffix):
    assert client.get(f"/parks/a%00b/feed.{suffix}").status_code == 404


def test_feeds_of_the_imported_seeds_parse_cleanly(client, seeds_dir):
    call_command("import_seeds", str(seeds_dir), stdout=io.StringIO())
    park = Park.objects.published().filter(news_items__isnull=False).first()

    for name, kwargs in [
        ("feeds:news-rss", {}),
        ("feeds:news-atom", {}),
        ("feeds:park-atom", {"slug": park.slug}),
    ]:
        _, feed = fetch(client, name, **kwargs)
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.entries
