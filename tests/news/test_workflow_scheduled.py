"""A scheduled item appears on every public surface at its publication time, with no job to run."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db

TITLE = "Scheduled opening of the incubator"
SURFACES = {
    "page": lambda item: item.get_absolute_url(),
    "list": lambda item: reverse("news:item-list"),
    "park page": lambda item: item.parks.get().get_absolute_url(),
    "rss": lambda item: reverse("feeds:news-rss"),
    "atom": lambda item: reverse("feeds:news-atom"),
    "json feed": lambda item: reverse("feeds:news-json"),
    "park feed": lambda item: reverse("feeds:park-rss", kwargs={"slug": item.parks.get().slug}),
    "sitemap": lambda item: "/sitemap.xml",
    "api list": lambda item: "/api/v1/news/",
    "api detail": lambda item: f"/api/v1/news/{item.slug}/",
    "api sync": lambda item: "/api/v1/sync/news/",
}


@pytest.fixture
def scheduled():
    when = timezone.now() + dt.timedelta(hours=3)
    item = NewsItemFactory(title=TITLE, slug="scheduled-opening", published_at=when)
    item.parks.add(ParkFactory())
    NewsItemFactory()  # something already public, so lists are never empty
    return item


def shows(client, url: str, item) -> bool:
    response = client.get(url)
    assert response.status_code in (200, 404)
    return response.status_code == 200 and item.slug in response.content.decode()


@pytest.mark.parametrize("surface", SURFACES)
def test_scheduled_item_is_hidden_before_its_time_and_shown_after(client, scheduled, surface):
    url = SURFACES[surface](scheduled)
    before = shows(client, url, scheduled)
    with time_machine.travel(scheduled.published_at + dt.timedelta(seconds=1)):
        after = shows(client, url, scheduled)
    assert (before, after) == (False, True)
