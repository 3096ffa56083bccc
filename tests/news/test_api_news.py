import datetime as dt

import pytest
from django.utils import timezone

from news.models import NewsItem
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/news/"


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


def test_list_shows_only_published_items(api_client):
    NewsItemFactory(slug="out")
    NewsItemFactory(slug="draft", status=NewsItem.Status.DRAFT)
    NewsItemFactory(slug="scheduled", published_at=timezone.now() + dt.timedelta(hours=1))

    assert slugs(api_client.get(LIST_URL)) == ["out"]


def test_list_is_lean_but_enough_for_a_listing(api_client):
    item = NewsItemFactory(
        lead="A lead.", channel=ChannelFactory(slug="dynamic"), dateline="CHANGZHOU"
    )
    item.parks.add(ParkFactory(slug="cicp", name="CICP"))

    result = api_client.get(LIST_URL).json()["results"][0]

    assert "body" not in result
    assert result["lead"] == "A lead."
    assert result["channel"] == {"slug": "dynamic", "name": item.channel.name}
    assert result["parks"][0]["name"] == "CICP"
    assert result["url"].endswith(f"/api/v1/news/{item.slug}/")


def test_detail_carries_body_relations_source_and_dateline(api_client):
    item = NewsItemFactory(source_name="PR Newswire", dateline="CHANGZHOU, China")
    item.platforms.add(PlatformFactory(slug="institute"))
    item.industries.add(IndustryFactory(slug="medical-devices"))

    body = api_client.get(f"{LIST_URL}{item.slug}/").json()

    assert body["body"] == item.body
    assert body["source_name"] == "PR Newswire"
    assert body["dateline"] == "CHANGZHOU, China"
    assert [platform["slug"] for platform in body["platforms"]] == ["institute"]
    assert [industry["slug"] for industry in body["industries"]] == ["medical-devices"]


def test_detail_of_a_draft_is_not_found(api_client):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT, published_at=None)

    response = api_client.get(f"{LIST_URL}{item.slug}/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_unpublished_parks_and_platforms_are_left_out_of_items(api_client):
    item = NewsItemFactory()
    item.parks.add(ParkFactory(slug="draft-park", is_published=False), ParkFactory(slug="cicp"))
    item.platforms.add(PlatformFactory(is_published=False))

    body = api_client.get(f"{LIST_URL}{item.slug}/").json()

    assert [park["slug"] for park in body["parks"]] == ["cicp"]
    assert body["platforms"] == []


def test_detail_accepts_chinese_slugs(api_client):
    NewsItemFactory(slug="中以常州创新园开园")

    response = api_client.get("/api/v1/news/中以常州创新园开园/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("param", "relation", "factory"),
    [
        ("park", "parks", ParkFactory),
        ("platform", "platforms", PlatformFactory),
        ("industry", "industries", IndustryFactory),
    ],
)
def test_filters_by_related_slug(api_client, param, relation, factory):
    wanted = factory(slug="wanted")
    getattr(NewsItemFactory(slug="in"), relation).add(wanted)
    getattr(NewsItemFactory(slug="out"), relation).add(factory())

    assert slugs(api_client.get(LIST_URL, {param: "wanted"})) == ["in"]


def test_filters_by_channel(api_client):
    NewsItemFactory(slug="in", channel=ChannelFactory(slug="dynamic"))
    NewsItemFactory(slug="out", channel=ChannelFactory())

    assert slugs(api_client.get(LIST_URL, {"channel": "dynamic"})) == ["in"]


def test_filters_by_publication_date_range(api_client):
    NewsItemFactory(slug="old", published_at=dt.datetime(2019, 1, 5, tzinfo=dt.UTC))
    NewsItemFactory(slug="mid", published_at=dt.datetime(2020, 6, 1, tzinfo=dt.UTC))
    NewsItemFactory(slug="new", published_at=dt.datetime(2021, 3, 1, tzinfo=dt.UTC))

    response = api_client.get(
        LIST_URL, {"published_after": "2020-01-01", "published_before": "2020-12-31"}
    )

    assert slugs(response) == ["mid"]


def test_filters_by_updated_since(api_client):
    NewsItemFactory(slug="stale")
    NewsItem.objects.filter(slug="stale").update(updated_at=days_ago(10))
    NewsItemFactory(slug="fresh")

    assert slugs(api_client.get(LIST_URL, {"updated_since": days_ago(1).isoformat()})) == ["fresh"]


def test_searches_text(api_client):
    NewsItemFactory(slug="hit", title="Medical device incubator opens")
    NewsItemFactory(slug="miss", title="Water treatment forum")

    assert slugs(api_client.get(LIST_URL, {"q": "incubator"})) == ["hit"]


def test_orders_by_whitelisted_field(api_client):
    NewsItemFactory(slug="b", title="Beta")
    NewsItemFactory(slug="a", title="Alpha")

    assert slugs(api_client.get(LIST_URL, {"ordering": "title"})) == ["a", "b"]
    assert slugs(api_client.get(LIST_URL, {"ordering": "-title"})) == ["b", "a"]


@pytest.mark.parametrize(
    ("params", "bad"),
    [
        ({"park": "no-such-park"}, "park"),
        ({"published_after": "2020-02-30"}, "published_after"),
        ({"ordering": "body"}, "ordering"),
        ({"ordering": "title,"}, "ordering"),
        ({"sort": "title"}, "sort"),
        ({"park": ""}, "park"),
        ({"page": "abc"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"include_unpublished": "maybe"}, "include_unpublished"),
    ],
)
def test_bad_query_parameters_answer_400_naming_them(api_client, params, bad):
    response = api_client.get(LIST_URL, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_filter"
    assert bad in error["details"]
    assert bad in error["message"]


def test_unpublished_park_slug_is_an_unknown_filter_value(api_client):
    ParkFactory(slug="hidden", is_published=False)

    assert api_client.get(LIST_URL, {"park": "hidden"}).status_code == 400


def test_detail_rejects_list_filters(api_client):
    item = NewsItemFactory()

    assert api_client.get(f"{LIST_URL}{item.slug}/", {"park": "x"}).status_code == 400


def test_hostile_query_string_is_a_clear_400(api_client):
    response = api_client.get(LIST_URL, {"q": "<script>" * 100})

    assert response.status_code == 400
    assert "<script>" not in response.json()["error"]["message"]


def test_oversized_query_string_is_refused_before_parsing_with_a_json_414(api_client):
    response = api_client.get(LIST_URL, {"q": "<script>" * 2000})

    assert response.status_code == 414
    assert response.json()["error"]["code"] == "query_too_long"


def test_pages_by_number_with_chosen_size(api_client):
    NewsItemFactory.create_batch(5)

    body = api_client.get(LIST_URL, {"page_size": 2, "page": 2}).json()

    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert "page=3" in body["next"]


def test_page_past_the_end_is_not_found(api_client):
    NewsItemFactory()

    assert api_client.get(LIST_URL, {"page": 99999}).status_code == 404


def test_list_queries_stay_bounded_with_many_related_rows(
    api_client, django_assert_max_num_queries
):
    parks = ParkFactory.create_batch(3)
    platforms = PlatformFactory.create_batch(3)
    industries = IndustryFactory.create_batch(3)
    channel = ChannelFactory()
    for item in NewsItemFactory.create_batch(50, channel=channel):
        item.parks.set(parks)
        item.platforms.set(platforms)
        item.industries.set(industries)

    with django_assert_max_num_queries(6):
        response = api_client.get(LIST_URL, {"page_size": 50})

    assert len(response.json()["results"]) == 50
    assert len(response.json()["results"][0]["parks"]) == 3


@pytest.mark.parametrize("url", ["/api/v1/news/%00/", "/api/v1/parks/a%01b/figures/"])
def test_control_characters_in_addresses_are_not_found(api_client, url):
    assert api_client.get(url).status_code == 404


def test_nul_in_a_filter_value_is_a_400(api_client):
    assert api_client.get(LIST_URL, {"park": "\x00"}).status_code == 400


def test_times_are_given_in_utc_even_before_standard_time_zones(api_client):
    NewsItemFactory(published_at=dt.datetime(1890, 1, 1, tzinfo=dt.UTC))

    assert api_client.get(LIST_URL).json()["results"][0]["published_at"] == "1890-01-01T00:00:00Z"
