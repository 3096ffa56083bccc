"""`park_detail`: a park with its page's parts and its newest news, loaded together."""

import datetime as dt

import pytest
from django.db import connection
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from news.selectors import latest_news_about
from parks.selectors import park_detail
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import CountryFactory, ParkFactory, PlatformFactory
from tests.portal.pipelines import count_pipelines

pytestmark = pytest.mark.django_db


@pytest.fixture
def park_with_news():
    park, neighbour = ParkFactory(), ParkFactory(name="Neighbour")
    park.partner_countries.add(CountryFactory(name="Israel"))
    PlatformFactory(park=park, name="Innovation centre")
    now = timezone.now()
    for n in range(5):
        item = NewsItemFactory(title=f"Item {n}", published_at=now - dt.timedelta(days=n + 1))
        item.parks.add(park, *([neighbour] if n % 2 else []))
    NewsItemFactory(title="Scheduled", published_at=now + dt.timedelta(hours=1)).parks.add(park)
    return park


def test_the_park_comes_with_its_parts_and_its_newest_news(park_with_news):
    park = park_detail(slug=park_with_news.slug, news=3)

    assert [country.name for country in park.partner_countries.all()] == ["Israel"]
    assert [platform.name for platform in park.platforms.all()] == ["Innovation centre"]
    expected = latest_news_about(park_with_news, limit=3)
    assert [item.title for item in park.latest_news] == ["Item 0", "Item 1", "Item 2"]
    assert [item.title for item in park.latest_news] == [item.title for item in expected]
    shown = [[p.name for p in item.shown_parks] for item in park.latest_news]
    assert shown == [[p.name for p in item.shown_parks] for item in expected]
    assert "Neighbour" in shown[1] and "Neighbour" not in shown[0]


def test_an_unknown_park_is_not_found_before_anything_else_is_read(django_assert_num_queries):
    with django_assert_num_queries(1), pytest.raises(Http404):
        park_detail(slug="no-such-park", news=3)


def test_the_parts_and_the_news_are_eleven_queries(park_with_news, django_assert_num_queries):
    with django_assert_num_queries(11):
        park_detail(slug=park_with_news.slug, news=8)


def test_the_news_cards_need_nothing_the_park_page_did_not_load(
    park_with_news, django_assert_num_queries
):
    """The newest items load only what a card shows: a card reading any other field would
    cost a query per item here."""
    channel = ChannelFactory(name="Press releases")
    park_with_news.news_items.update(channel=channel, lead="A lead of a few words.")
    park = park_detail(slug=park_with_news.slug, news=8)

    with django_assert_num_queries(0):
        html = render_to_string("includes/news_list.html", {"items": park.latest_news})

    assert html.count('class="news-card"') == 5
    assert "Press releases" in html and "A lead of a few words." in html
    assert "Neighbour" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pipelines are PostgreSQL's")
def test_postgresql_gets_the_parts_and_the_news_in_one_round_trip(park_with_news, monkeypatch):
    entered = count_pipelines(monkeypatch)

    park = park_detail(slug=park_with_news.slug, news=8)

    assert len(park.latest_news) == 5
    assert len(entered) == 1
