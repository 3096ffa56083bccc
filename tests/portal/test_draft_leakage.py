"""Unpublished and scheduled content is absent from every public surface."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from news.models import NewsItem
from parks.models import KeyFigure
from tests.news.factories import NewsItemFactory
from tests.parks.factories import KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

SECRET = "Zebra-Quartz"  # a word only hidden content carries


@pytest.fixture
def hidden():
    """A published park with public news, next to hidden items, parks, platforms and figures."""
    park = ParkFactory(slug="open-park", name="Open Park")
    visible = NewsItemFactory(slug="visible-news", title="Visible news")
    visible.parks.add(park)
    later = timezone.now() + dt.timedelta(days=3)
    items = [
        NewsItemFactory(
            slug=f"hidden-{status}", title=f"{SECRET} {status}", status=status, published_at=None
        )
        for status in (NewsItem.Status.DRAFT, NewsItem.Status.IN_REVIEW)
    ]
    items.append(
        NewsItemFactory(slug="hidden-archived", title=f"{SECRET} archived", status="archived")
    )
    items.append(
        NewsItemFactory(slug="hidden-scheduled", title=f"{SECRET} scheduled", published_at=later)
    )
    for item in items:
        item.parks.add(park)
        item.body = f"{SECRET} body"
        item.save()
    draft_park = ParkFactory(slug="draft-park", name=f"{SECRET} Park", is_published=False)
    PlatformFactory(slug="draft-platform", name=f"{SECRET} Platform", is_published=False, park=park)
    KeyFigureFactory(park=park, label=f"{SECRET} pending", status=KeyFigure.Status.PENDING)
    KeyFigureFactory(park=park, label=f"{SECRET} rejected", status=KeyFigure.Status.REJECTED)
    KeyFigureFactory(park=draft_park, label=f"{SECRET} figure of a draft park")
    return {"items": items, "visible": visible, "park": park}


LISTINGS = [
    "/",
    "/news/",
    "/news/?park=open-park",
    "/news/?q=Zebra",
    "/parks/",
    "/platforms/",
    "/parks/open-park/",
    "/search/?q=Zebra",
    "/news/visible-news/",
    "/feeds/news.rss",
    "/feeds/news.atom",
    "/feeds/news.json",
    "/parks/open-park/feed.rss",
    "/parks/open-park/feed.json",
    "/sitemap.xml",
    "/api/v1/news/",
    "/api/v1/news/?park=open-park",
    "/api/v1/news/?q=Zebra",
    "/api/v1/parks/",
    "/api/v1/platforms/",
    "/api/v1/figures/",
    "/api/v1/parks/open-park/figures/",
    "/api/v1/sync/news/",
    "/api/v1/sync/news/withdrawals/",
    "/zh-hans/news/",
    "/he/parks/open-park/",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_never_mention_hidden_content(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert SECRET not in response.content.decode(), url


DETAILS = [
    "/news/hidden-draft/",
    "/news/hidden-review/",
    "/news/hidden-archived/",
    "/news/hidden-scheduled/",
    "/parks/draft-park/",
    "/platforms/draft-platform/",
    "/parks/draft-park/feed.rss",
    "/parks/draft-park/feed.json",
    "/api/v1/news/hidden-draft/",
    "/api/v1/news/hidden-scheduled/",
    "/api/v1/parks/draft-park/",
    "/api/v1/platforms/draft-platform/",
    "/api/v1/parks/draft-park/figures/",
    "/he/news/hidden-scheduled/",
]


@pytest.mark.parametrize("url", DETAILS)
def test_hidden_content_has_no_page(client, hidden, url):
    assert client.get(url).status_code == 404, url


def test_api_filters_do_not_reveal_hidden_items(client, hidden):
    for query in ("status=draft", "include_unpublished=false", "ordering=-published_at"):
        response = client.get(f"/api/v1/news/?{query}")
        assert SECRET not in response.content.decode(), query


def test_json_feed_lists_only_the_published_item(client, hidden):
    document = json.loads(client.get("/feeds/news.json").content)
    assert [item["title"] for item in document["items"]] == ["Visible news"]
