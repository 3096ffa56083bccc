import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

URL = reverse("news:item-list")


def titles(response) -> list[str]:
    return [item.title for item in response.context["object_list"]]


def at(year: int, month: int, day: int = 15):
    return timezone.make_aware(dt.datetime(year, month, day, 10, 0))


def test_lists_published_items_newest_first(client):
    NewsItemFactory(title="Older", published_at=at(2019, 1))
    NewsItemFactory(title="Newer", published_at=at(2020, 1))
    NewsItemFactory(title="Draft", status="draft")
    NewsItemFactory(title="Scheduled", published_at=timezone.now() + dt.timedelta(days=1))

    response = client.get(URL)

    assert response.status_code == 200
    assert titles(response) == ["Newer", "Older"]


def test_filters_by_park_slug(client):
    park = ParkFactory(slug="cicp")
    NewsItemFactory(title="About CICP").parks.add(park)
    NewsItemFactory(title="Elsewhere")

    assert titles(client.get(URL, {"park": "cicp"})) == ["About CICP"]


def test_filters_by_platform_industry_and_channel(client):
    platform, industry, channel = (
        PlatformFactory(slug="lab"),
        IndustryFactory(slug="med"),
        ChannelFactory(slug="dyn"),
    )
    item = NewsItemFactory(title="Tagged", channel=channel)
    item.platforms.add(platform)
    item.industries.add(industry)
    NewsItemFactory(title="Untagged")

    assert titles(client.get(URL, {"platform": "lab"})) == ["Tagged"]
    assert titles(client.get(URL, {"industry": "med"})) == ["Tagged"]
    assert titles(client.get(URL, {"channel": "dyn"})) == ["Tagged"]


def test_filters_by_year_and_month(client):
    NewsItemFactory(title="March 2019", published_at=at(2019, 3))
    NewsItemFactory(title="May 2019", published_at=at(2019, 5))
    NewsItemFactory(title="March 2020", published_at=at(2020, 3))

    assert titles(client.get(URL, {"year": "2019"})) == ["May 2019", "March 2019"]
    assert titles(client.get(URL, {"year": "2019", "month": "3"})) == ["March 2019"]


def test_filters_by_text_in_title_lead_or_body(client):
    NewsItemFactory(title="Medical devices week", body="Text.")
    NewsItemFactory(title="Other", lead="A medical devices fair.")
    NewsItemFactory(title="Unrelated", body="Nothing here.")

    assert sorted(titles(client.get(URL, {"q": "medical devices"}))) == [
        "Medical devices week",
        "Other",
    ]


def test_a_short_word_filters_as_a_whole_word_and_a_chinese_character_as_itself(client):
    NewsItemFactory(title="AI-driven diagnostics")
    NewsItemFactory(title="Officials said so", body="In Taiwan.")
    NewsItemFactory(title="中以常州创新园", lead="A park.")

    assert titles(client.get(URL, {"q": "ai"})) == ["AI-driven diagnostics"]
    assert titles(client.get(URL, {"q": "园"})) == ["中以常州创新园"]


def test_filters_combine(client):
    park = ParkFactory(slug="cicp")
    for title, year in [("CICP 2019", 2019), ("CICP 2020", 2020)]:
        NewsItemFactory(title=title, published_at=at(year, 6)).parks.add(park)
    NewsItemFactory(title="Other 2019", published_at=at(2019, 6))

    assert titles(client.get(URL, {"park": "cicp", "year": "2019"})) == ["CICP 2019"]


def test_unpublished_park_is_not_a_valid_filter(client):
    ParkFactory(slug="draft-park", is_published=False)
    NewsItemFactory()

    response = client.get(URL, {"park": "draft-park"})

    assert response.status_code == 200
    assert titles(response) == []
    assert "Some filters could not be used" in response.text


def test_pagination_keeps_the_filters_in_its_links(client):
    park = ParkFactory(slug="cicp")
    for n in range(25):
        NewsItemFactory(published_at=at(2019, 1, n + 1)).parks.add(park)

    response = client.get(URL, {"park": "cicp"})

    assert len(response.context["object_list"]) == 20
    assert 'href="?park=cicp&amp;page=2"' in response.text
    assert len(client.get(URL, {"park": "cicp", "page": "2"}).context["object_list"]) == 5


@pytest.mark.parametrize(
    "params",
    [
        {"park": "no-such-park"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "9" * 5000},
        {"q": "x" * 10_000},
        {"year": "99999999", "month": "13"},
        {"year": "abc", "channel": "<script>alert(1)</script>"},
        {"q": "'; DROP TABLE news_newsitem; --", "unknown": "1"},
    ],
)
def test_bogus_parameters_give_a_friendly_page(client, params):
    NewsItemFactory(title="Still here")

    response = client.get(URL, params)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "<h1>News</h1>" in response.text


def test_too_long_text_query_says_so(client):
    response = client.get(URL, {"q": "x" * 10_000})

    assert "Please shorten your search to 200 characters." in response.text


def test_out_of_range_page_shows_the_last_page(client):
    NewsItemFactory.create_batch(21)

    response = client.get(URL, {"page": "99999"})

    assert response.context["page_obj"].number == 2


def test_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    parks = ParkFactory.create_batch(3)
    channel = ChannelFactory()
    for _ in range(40):
        NewsItemFactory(channel=channel).parks.add(*parks)

    with django_assert_max_num_queries(16):
        response = client.get(URL, {"park": parks[0].slug, "channel": channel.slug})

    assert response.status_code == 200
