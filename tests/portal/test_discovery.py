import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory, PlatformFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client, **params) -> dict[str, ET.Element]:
    response = client.get(reverse("sitemap"), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}


def alternates(entry: ET.Element) -> dict[str, str]:
    links = entry.findall("xhtml:link", NS)
    return {
        link.get("hreflang"): link.get("href") for link in links if link.get("rel") == "alternate"
    }


def test_sitemap_lists_published_items_parks_and_platforms_in_every_language(client):
    NewsItemFactory(slug="opening")
    ParkFactory(slug="cicp")
    PlatformFactory(slug="institute")

    entries = sitemap_entries(client)

    for path in ["/news/opening/", "/parks/cicp/", "/platforms/institute/", "/news/", "/"]:
        assert f"{BASE}{path}" in entries
        assert f"{BASE}/zh-hans{path}" in entries
        assert f"{BASE}/he{path}" in entries


def test_sitemap_entries_carry_hreflang_alternates_and_x_default(client):
    NewsItemFactory(slug="opening")

    entries = sitemap_entries(client)

    assert alternates(entries[f"{BASE}/he/news/opening/"]) == {
        "en": f"{BASE}/news/opening/",
        "zh-hans": f"{BASE}/zh-hans/news/opening/",
        "he": f"{BASE}/he/news/opening/",
        "x-default": f"{BASE}/news/opening/",
    }


def test_sitemap_lastmod_is_the_items_last_change(client):
    item = NewsItemFactory(slug="opening")

    entry = sitemap_entries(client)[f"{BASE}/news/opening/"]

    lastmod = dt.datetime.fromisoformat(entry.findtext("sm:lastmod", namespaces=NS))
    # A date, in the site's time zone as Django's sitemap writes it (Asia/Shanghai, UTC+8).
    assert lastmod.date() == timezone.localdate(item.updated_at)


def test_sitemap_leaves_out_drafts_scheduled_items_and_unpublished_parks(client):
    NewsItemFactory(slug="draft", status=NewsItem.Status.DRAFT)
    NewsItemFactory(slug="scheduled", published_at=timezone.now() + dt.timedelta(days=1))
    ParkFactory(slug="draft-park", is_published=False)
    PlatformFactory(slug="draft-platform", is_published=False)

    locations = " ".join(sitemap_entries(client))

    for slug in ["/news/draft/", "/news/scheduled/", "/parks/draft-park/", "/draft-platform/"]:
        assert slug not in locations


def test_sitemap_shows_a_scheduled_item_once_it_is_published(client):
    launch = timezone.now() + dt.timedelta(days=1)
    NewsItemFactory(slug="scheduled", published_at=launch)

    with time_machine.travel(launch + dt.timedelta(minutes=1)):
        entries = sitemap_entries(client)

    assert f"{BASE}/news/scheduled/" in entries


def test_sitemap_escapes_chinese_slugs(client):
    ParkFactory(slug="中以常州创新园")

    entries = sitemap_entries(client)

    assert (
        f"{BASE}/parks/%E4%B8%AD%E4%BB%A5%E5%B8%B8%E5%B7%9E%E5%88%9B%E6%96%B0%E5%9B%AD/" in entries
    )


@pytest.mark.parametrize("page", ["abc", "99999", "0"])
def test_sitemap_bogus_page_is_not_found(client, page):
    assert client.get(reverse("sitemap"), {"p": page}).status_code == 404


def test_sitemap_queries_are_bounded(client, django_assert_max_num_queries):
    for _ in range(30):
        park = ParkFactory()
        PlatformFactory(park=park)
        NewsItemFactory().parks.add(park)

    with django_assert_max_num_queries(5):
        entries = sitemap_entries(client)

    assert len(entries) == 3 * (4 + 30 + 30 + 30)


def test_robots_txt_keeps_crawlers_out_of_admin_api_and_search(client):
    response = client.get(reverse("robots-txt"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ["/admin/", "/api/", "/search/", "/zh-hans/search/", "/he/search/"]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert f"Sitemap: {BASE}/sitemap.xml" in response.content.decode().splitlines()


def test_robots_and_sitemap_are_not_language_prefixed(client):
    assert reverse("robots-txt") == "/robots.txt"
    assert reverse("sitemap") == "/sitemap.xml"
    assert client.get("/zh-hans/robots.txt").status_code == 404
