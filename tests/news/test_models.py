import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from news.models import NewsItem
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_published_excludes_drafts_and_future_items():
    past = NewsItemFactory(published_at=NOW - dt.timedelta(minutes=1))
    NewsItemFactory(status=NewsItem.Status.DRAFT)
    future = NewsItemFactory(published_at=NOW + dt.timedelta(minutes=1))
    assert list(NewsItem.objects.published()) == [past]
    assert list(NewsItem.objects.scheduled()) == [future]


def test_scheduled_item_appears_when_its_time_comes():
    item = NewsItemFactory(published_at=NOW + dt.timedelta(hours=1))
    with time_machine.travel(NOW, tick=False):
        assert item not in NewsItem.objects.published()
    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        assert item in NewsItem.objects.published()


def test_published_items_need_a_publication_time():
    with pytest.raises(IntegrityError):
        NewsItemFactory(status=NewsItem.Status.PUBLISHED, published_at=None)


def test_published_display_respects_precision():
    at = timezone.make_aware(dt.datetime(2019, 11, 24, 16, 36, 14))
    assert NewsItemFactory(published_at=at, published_precision="second").published_display == (
        "24 November 2019 16:36"
    )
    assert (
        NewsItemFactory(published_at=at, published_precision="day").published_display
        == "24 November 2019"
    )
