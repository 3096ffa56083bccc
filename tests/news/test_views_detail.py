import datetime as dt

import pytest
from django.utils import timezone

from news.models import NewsItem
from news.view_counts import flush_view_counts
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db


def test_shows_title_date_source_dateline_channel_and_links(client):
    park, platform = ParkFactory(name="CICP Park"), PlatformFactory(name="Israel Innovation Center")
    item = NewsItemFactory(
        title="Delegation visits",
        source_name="PR Newswire",
        dateline="CHANGZHOU, China",
        channel=ChannelFactory(name="CIP Dynamic"),
        published_precision="day",
        published_at=timezone.make_aware(dt.datetime(2019, 12, 3, 9, 30)),
    )
    item.parks.add(park)
    item.platforms.add(platform)

    text = client.get(item.get_absolute_url()).text

    for expected in [
        "Delegation visits",
        "PR Newswire",
        "CHANGZHOU, China",
        "CIP Dynamic",
        "Dec. 3, 2019",
    ]:
        assert expected in text
    assert f'href="{park.get_absolute_url()}"' in text
    assert f'href="{platform.get_absolute_url()}"' in text


def test_date_shows_only_the_known_precision(client):
    item = NewsItemFactory(
        published_precision="month", published_at=timezone.make_aware(dt.datetime(2015, 1, 1))
    )

    text = client.get(item.get_absolute_url()).text

    assert "January 2015" in text
    assert "Jan. 1, 2015" not in text


def test_renders_markdown_paragraphs_and_headings(client):
    item = NewsItemFactory(body="First paragraph.\n\n## Background\n\nSecond *paragraph*.")

    text = client.get(item.get_absolute_url()).text

    assert "<p>First paragraph.</p>" in text
    assert "<h2>Background</h2>" in text
    assert "<em>paragraph</em>" in text


def test_strips_raw_html_and_scripts_from_the_body(client):
    item = NewsItemFactory(
        body='Hi <script>alert("x")</script> <img src=x onerror=alert(1)> [a](javascript:alert(1))'
    )

    text = client.get(item.get_absolute_url()).text

    assert "<script>alert" not in text
    assert "onerror" not in text
    assert "javascript:alert" not in text


def test_escapes_the_title(client):
    item = NewsItemFactory(title="<b>Bold</b> claims")

    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in client.get(item.get_absolute_url()).text


def test_each_view_is_counted_once_the_buffer_is_flushed(client):
    item = NewsItemFactory(view_count=5)

    response = client.get(item.get_absolute_url())
    client.get(item.get_absolute_url())
    flush_view_counts()

    item.refresh_from_db()
    assert item.view_count == 7
    assert "6 views" in response.text


def test_related_news_share_a_park_and_exclude_the_item(client):
    park = ParkFactory()
    item = NewsItemFactory(title="Main")
    sibling = NewsItemFactory(title="Sibling")
    NewsItemFactory(title="Stranger")
    for news in (item, sibling):
        news.parks.add(park)

    related = client.get(item.get_absolute_url()).context["related"]

    assert [news.title for news in related] == ["Sibling"]


def test_previous_and_next_follow_publication_order(client):
    now = timezone.now()
    older, middle, newer = (
        NewsItemFactory(published_at=now - dt.timedelta(days=d)) for d in (3, 2, 1)
    )
    NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=now - dt.timedelta(hours=36))

    context = client.get(middle.get_absolute_url()).context

    assert context["previous"] == older
    assert context["next"] == newer


@pytest.mark.parametrize(
    "status", [NewsItem.Status.DRAFT, NewsItem.Status.IN_REVIEW, NewsItem.Status.ARCHIVED]
)
def test_unpublished_items_are_not_found(client, status):
    item = NewsItemFactory(status=status)

    assert client.get(item.get_absolute_url()).status_code == 404


def test_scheduled_items_are_not_found_before_their_time(client):
    item = NewsItemFactory(published_at=timezone.now() + dt.timedelta(hours=1))

    assert client.get(item.get_absolute_url()).status_code == 404


def test_links_only_published_parks(client):
    item = NewsItemFactory()
    item.parks.add(ParkFactory(name="Hidden Draft Park", is_published=False))

    assert "Hidden Draft Park" not in client.get(item.get_absolute_url()).text


def test_chinese_slug_resolves(client):
    item = NewsItemFactory(slug="中以常州创新园-新闻")

    assert client.get(item.get_absolute_url()).status_code == 200


def test_query_count_does_not_grow_with_links(client, django_assert_max_num_queries):
    item = NewsItemFactory(channel=ChannelFactory())
    item.parks.add(*ParkFactory.create_batch(5))
    item.platforms.add(*PlatformFactory.create_batch(5))
    item.industries.add(*IndustryFactory.create_batch(5))
    for _ in range(20):
        NewsItemFactory().parks.add(*item.parks.all())

    with django_assert_max_num_queries(15):
        response = client.get(item.get_absolute_url())

    assert response.status_code == 200
