"""The address alone picks a page's language, so no response varies by Accept-Language."""

import pytest
from django.urls import reverse

from tests.news.factories import NewsItemFactory
from tests.portal.headers import vary

pytestmark = pytest.mark.django_db


def test_an_unprefixed_page_is_english_whatever_the_browser_asks_and_says_so(client):
    response = client.get(reverse("news:item-list"), headers={"accept-language": "zh-hans,he"})

    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert response["Content-Language"] == "en"
    assert "accept-language" not in vary(response)


def test_a_prefixed_page_is_in_its_language(client):
    response = client.get("/zh-hans/news/", headers={"accept-language": "en"})

    assert '<html lang="zh-hans"' in response.text
    assert response["Content-Language"] == "zh-hans"
    assert "accept-language" not in vary(response)


@pytest.mark.parametrize("path", ["/api/v1/news/", "/feeds/news.json", "/nowhere/"])
def test_the_api_feeds_and_errors_do_not_vary_by_language_either(client, path):
    NewsItemFactory()

    response = client.get(path, headers={"accept-language": "he"})

    assert response["Content-Language"] == "en"
    assert "accept-language" not in vary(response)


def test_cookies_still_split_caches(client):
    """Only Accept-Language goes: a signed-in visitor's page must still not be shared."""
    response = client.get(reverse("news:item-list"))

    assert "cookie" in vary(response)


@pytest.mark.urls("tests.portal.prefixed_urls")
def test_where_the_browser_picks_the_language_djangos_rules_apply(client):
    response = client.get("/plain/", headers={"accept-language": "he"})

    assert response.text == "he"
    assert "accept-language" in vary(response)
