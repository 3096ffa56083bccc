"""The API lists build each item in one pass; it must give exactly what DRF's field walk gives."""

import datetime as dt

import pytest
from django.test import RequestFactory
from rest_framework import serializers
from rest_framework.request import Request

from news.api import public_news_items
from news.serializers import NewsItemListSerializer, NewsItemSyncSerializer
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items():
    park = ParkFactory(short_name="CICP")
    hidden = ParkFactory(is_published=False)
    platform = PlatformFactory(park=park)
    industry = IndustryFactory()
    linked = NewsItemFactory(
        channel=ChannelFactory(),
        event_date=dt.date(2019, 11, 24),
        lead="A <b>lead</b> & more",
        source_name="Wire",
        dateline="CHANGZHOU, China",
        title='Übersicht 中以 "quoted"',
        published_at=dt.datetime(2019, 11, 24, 8, 30, 15, 123456, tzinfo=dt.UTC),
    )
    linked.parks.add(park, hidden)
    linked.platforms.add(platform)
    linked.industries.add(industry)
    bare = NewsItemFactory(channel=None, event_date=None, lead="")
    return [linked, bare]


def drf_walk(serializer, item) -> dict:
    return serializers.HyperlinkedModelSerializer.to_representation(serializer, item)


@pytest.mark.parametrize("serializer_class", [NewsItemListSerializer, NewsItemSyncSerializer])
def test_one_pass_representation_equals_drfs_field_walk(items, serializer_class):
    request = Request(RequestFactory().get("/api/v1/news/"))
    serializer = serializer_class(context={"request": request})
    loaded = public_news_items().filter(pk__in=[item.pk for item in items])
    assert len(loaded) == 2

    for item in loaded:
        fast = serializer.to_representation(item)
        assert fast == drf_walk(serializer, item)
        assert list(fast) == list(drf_walk(serializer, item))  # same keys, same order


def test_hidden_parks_stay_out_of_the_one_pass_representation(items, client):
    data = client.get("/api/v1/news/").json()["results"]

    linked = next(result for result in data if result["channel"] is not None)
    assert [park["short_name"] for park in linked["parks"]] == ["CICP"]
