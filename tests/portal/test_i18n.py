import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import timezone, translation

from portal.context_processors import site
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "heading"),
    [
        ("", "en", "ltr", "Latest news"),
        ("/zh-hans", "zh-hans", "ltr", "最新动态"),
        ("/he", "he", "rtl", "חדשות אחרונות"),
    ],
)
def test_each_language_has_its_prefix_direction_and_translated_ui(
    client, prefix, lang, direction, heading
):
    text = client.get(f"{prefix}/").text

    assert f'<html lang="{lang}" dir="{direction}">' in text
    assert heading in text


def test_reverse_gives_language_prefixed_urls():
    park = ParkFactory(slug="cicp")

    with translation.override("he"):
        assert park.get_absolute_url() == "/he/parks/cicp/"
    with translation.override("en"):
        assert park.get_absolute_url() == "/parks/cicp/"


def test_pages_link_their_alternates_with_hreflang(client):
    text = client.get(reverse("news:item-list") + "?year=2019").text

    assert '<link rel="alternate" hreflang="en" href="http://testserver/news/?year=2019">' in text
    assert (
        '<link rel="alternate" hreflang="zh-hans" href="http://testserver/zh-hans/news/?year=2019">'
        in text
    )
    assert (
        '<link rel="alternate" hreflang="he" href="http://testserver/he/news/?year=2019">' in text
    )
    assert 'hreflang="x-default" href="http://testserver/news/?year=2019"' in text


def test_language_switcher_links_to_this_page_in_each_language(client):
    park = ParkFactory(slug="cicp")
    text = client.get(park.get_absolute_url() + "?x=1").text
    switcher = text.split('<nav class="language-switcher"')[1].split("</nav>")[0]

    assert (
        'href="http://testserver/parks/cicp/?x=1" hreflang="en" lang="en" aria-current="true"'
        in switcher
    )
    assert 'href="http://testserver/he/parks/cicp/?x=1" hreflang="he" lang="he">' in switcher
    assert 'href="http://testserver/zh-hans/parks/cicp/?x=1" hreflang="zh-hans"' in switcher
    assert "<form" not in switcher


def test_set_language_still_switches_and_lands_on_the_same_page(client):
    response = client.post(reverse("set_language"), {"language": "he", "next": "/parks/cicp/"})

    assert response.status_code == 302
    assert response["Location"] == "/he/parks/cicp/"


def test_dates_are_formatted_per_language(client):
    published_at = timezone.make_aware(dt.datetime(2019, 11, 24, 16, 36))
    NewsItemFactory(slug="visit", published_precision="day", published_at=published_at)

    assert "Nov. 24, 2019" in client.get("/news/visit/").text
    assert "2019年11月24日" in client.get("/zh-hans/news/visit/").text
    assert "24 בנובמבר 2019" in client.get("/he/news/visit/").text


def test_filter_labels_and_months_are_translated(client):
    text = client.get("/zh-hans/news/").text

    assert "园区" in text
    assert "十一月" in text


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/news/?year=2019&park=cicp",
        "/he/parks/cicp/",
        "/zh-hans/search/?q=%E5%88%9B%E6%96%B0",
        "/news/no-such-item/",
        "/nowhere/at/all/",
    ],
)
def test_alternates_reuse_the_views_match_and_equal_translate_url(client, path):
    ParkFactory(slug="cicp")
    item = NewsItemFactory(slug="中以-创新园")
    for candidate in (path, item.get_absolute_url() + "?ref=x"):
        request = client.get(candidate).wsgi_request

        urls = [alternate["url"] for alternate in site(request)["language_alternates"]]

        full_path = request.get_full_path()
        expected = [translate_url(full_path, code) for code, _ in settings.LANGUAGES]
        assert urls == [request.build_absolute_uri(url) for url in expected]
