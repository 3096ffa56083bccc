import datetime as dt

import pytest
from django.utils.http import http_date

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import IndustryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return NewsItemFactory(slug="opening")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/news/",
        "/api/v1/news/opening/",
        "/api/v1/sync/news/",
        "/api/v1/sync/news/withdrawals/",
    ],
)
def test_same_etag_answers_304_without_a_body(api_client, item, url):
    etag = api_client.get(url).headers["ETag"]

    response = api_client.get(url, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["ETag"] == etag


def test_changed_item_answers_200_to_its_old_etag(api_client, item):
    etag = api_client.get("/api/v1/news/opening/").headers["ETag"]
    item.title = "Retitled"
    item.save()

    response = api_client.get("/api/v1/news/opening/", headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response.headers["ETag"] != etag


def test_last_modified_is_the_item_update_time(api_client, item):
    response = api_client.get("/api/v1/news/opening/")

    assert response.headers["Last-Modified"] == http_date(item.updated_at.timestamp())


def test_if_modified_since_answers_304_until_the_item_changes(api_client, item):
    later = http_date((item.updated_at + dt.timedelta(seconds=5)).timestamp())
    earlier = http_date((item.updated_at - dt.timedelta(seconds=5)).timestamp())

    assert api_client.get("/api/v1/news/", headers={"If-Modified-Since": later}).status_code == 304
    assert (
        api_client.get("/api/v1/news/", headers={"If-Modified-Since": earlier}).status_code == 200
    )


def test_if_none_match_wins_over_if_modified_since(api_client, item):
    later = http_date((item.updated_at + dt.timedelta(seconds=5)).timestamp())
    headers = {"If-None-Match": '"stale"', "If-Modified-Since": later}

    assert api_client.get("/api/v1/news/", headers=headers).status_code == 200


def test_list_etag_changes_when_an_item_leaves_it(api_client, item):
    etag = api_client.get("/api/v1/news/").headers["ETag"]
    NewsItem.objects.filter(pk=item.pk).update(status=NewsItem.Status.DRAFT)

    assert api_client.get("/api/v1/news/", headers={"If-None-Match": etag}).status_code == 200


def test_models_without_update_time_still_get_an_etag(api_client):
    IndustryFactory()

    response = api_client.get("/api/v1/industries/")

    assert "ETag" in response.headers
    assert "Last-Modified" not in response.headers


def test_errors_carry_no_etag(api_client):
    assert "ETag" not in api_client.get("/api/v1/news/missing/").headers
