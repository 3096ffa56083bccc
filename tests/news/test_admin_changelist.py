"""The news list in the admin: status with scheduled marker, filters, bounded queries on many items."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:news_newsitem_changelist"


def test_scheduled_items_are_marked_and_filtered(admin_client):
    NewsItemFactory(title="Live item")
    NewsItemFactory(title="Future item", published_at=timezone.now() + dt.timedelta(days=2))
    everything = admin_client.get(reverse(CHANGELIST)).content.decode()
    scheduled = admin_client.get(reverse(CHANGELIST), {"state": "scheduled"}).content.decode()
    assert 'class="scheduled"' in everything
    assert "Future item" in scheduled and "Live item" not in scheduled


@pytest.mark.parametrize(
    "state", ["draft", "review", "scheduled", "published", "archived", "bogus"]
)
def test_status_filter_answers_for_every_value(admin_client, state):
    assert admin_client.get(reverse(CHANGELIST), {"state": state}).status_code == 200


def test_search_covers_title_and_body(admin_client):
    NewsItemFactory(title="Medical devices", body="About the incubator.")
    NewsItemFactory(title="Other", body="Nothing here.")
    page = admin_client.get(reverse(CHANGELIST), {"q": "incubator"}).content.decode()
    assert "Medical devices" in page and ">Other<" not in page


def test_changelist_of_ten_thousand_items_uses_few_queries(
    admin_client, django_assert_max_num_queries
):
    parks = ParkFactory.create_batch(3)
    now = timezone.now()
    items = NewsItem.objects.bulk_create(
        NewsItem(
            title=f"Item {n}",
            slug=f"item-{n}",
            body="Text.",
            status=NewsItem.Status.PUBLISHED,
            published_at=now - dt.timedelta(minutes=n),
        )
        for n in range(10_000)
    )
    links = NewsItem.parks.through
    links.objects.bulk_create(
        links(newsitem_id=item.pk, park_id=parks[n % 3].pk) for n, item in enumerate(items)
    )
    with django_assert_max_num_queries(15):
        response = admin_client.get(reverse(CHANGELIST), {"parks__id__exact": parks[0].pk})
    assert response.status_code == 200
    assert parks[0].name in response.content.decode()
