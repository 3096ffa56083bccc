"""Stored XSS: hostile strings in every text field never become executable markup anywhere."""

import html
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from news.models import NewsItem
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import (
    IndustryFactory,
    KeyFigureFactory,
    OrganizationFactory,
    ParkFactory,
    PlatformFactory,
)
from tests.portal.xss import VECTORS, find_executable_markup

pytestmark = pytest.mark.django_db


@pytest.fixture(params=range(len(VECTORS)), ids=lambda i: f"vector{i}")
def hostile(request):
    """Every text field of a published park, platform, figure and news item carries one vector."""
    vector = VECTORS[request.param]
    park = ParkFactory(
        name=f"Park {vector}"[:200],
        short_name=vector[:50],
        tagline=vector[:300],
        summary=vector,
        profile=f"{vector}\n\n{vector}",
        district=vector[:200],
        hotline=vector[:50],
        aliases=[vector],
    )
    park.sponsors.add(OrganizationFactory(name=f"Org {vector}"[:200]))
    park.designations.create(
        title=f"Title {vector}"[:300], awarded_by=vector[:300], source_sentence=vector
    )
    park.focus_industries.add(IndustryFactory(name=f"Industry {vector}"[:100]))
    KeyFigureFactory(park=park, label=vector[:200], unit=vector[:50], source_sentence=vector)
    platform = PlatformFactory(name=f"Platform {vector}"[:200], park=park, description=vector)
    item = NewsItemFactory(
        title=f"News {vector}"[:300],
        lead=vector,
        body=f"Before {vector} after.\n\n{vector}\n\n- {vector}",
        source_name=vector[:200],
        dateline=vector[:200],
        channel=ChannelFactory(name=f"Ch {vector}"[:200]),
    )
    item.parks.add(park)
    item.platforms.add(platform)
    return {"vector": vector, "park": park, "platform": platform, "item": item}


def assert_safe(content: str, where: str):
    assert find_executable_markup(content) == [], where


def public_urls(hostile) -> list[str]:
    query = hostile["vector"][:150]
    return [
        "/",
        "/parks/",
        "/platforms/",
        "/news/",
        hostile["park"].get_absolute_url(),
        hostile["platform"].get_absolute_url(),
        hostile["item"].get_absolute_url(),
        f"/search/?q={query}",
        f"/news/?q={query}",
        f"/he{hostile['item'].get_absolute_url()}",
    ]


def test_public_pages_render_no_executable_markup(client, hostile):
    for url in public_urls(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_safe(response.content.decode(), url)


def test_feeds_carry_no_executable_markup(client, hostile):
    for name in ("feeds:news-rss", "feeds:news-atom"):
        xml = client.get(reverse(name)).content.decode()
        for fragment in re.findall(r"<(?:description|content|summary)[^>]*>(.*?)</", xml, re.S):
            assert_safe(html.unescape(fragment), name)
    document = json.loads(client.get(reverse("feeds:news-json")).content)
    for item in document["items"]:
        assert_safe(item.get("content_html", ""), "json feed")


def test_api_is_json_and_its_html_fields_are_clean(client, hostile):
    for url in ("/api/v1/news/", f"/api/v1/news/{hostile['item'].slug}/", "/api/v1/parks/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json")
        for key, value in _walk(response.json()):
            if key.endswith("_html"):
                assert_safe(value, f"{url} {key}")


def test_admin_pages_render_no_executable_markup(admin_client, hostile):
    pages = [
        reverse("admin:news_newsitem_changelist"),
        reverse("admin:news_newsitem_change", args=[hostile["item"].pk]),
        reverse("admin:parks_park_changelist"),
        reverse("admin:parks_park_change", args=[hostile["park"].pk]),
        reverse("admin:parks_cooperationplatform_change", args=[hostile["platform"].pk]),
        reverse("admin:parks_keyfigure_changelist"),
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_safe(response.content.decode(), url)


@pytest.mark.parametrize("vector", VECTORS)
def test_importer_stores_hostile_documents_that_render_safely(client, tmp_path, vector):
    text = (
        f"Park news {vector}\n\nJanuary 08, 2021 |\n\n"
        f"On the morning of December 3, the China-Israel Innovation Hub celebrated {vector} with partners "
        f"from many countries, and the hub now hosts 32 China-Israeli cooperative enterprises.\n"
    )
    (tmp_path / "hostile.txt").write_text(text)
    out = io.StringIO()
    try:
        call_command(
            "import_seeds", str(tmp_path), "--report", "json", stdout=out, stderr=io.StringIO()
        )
    except Exception as error:  # a clear refusal is also fine: the command raises CommandError
        assert "failed" in str(error)
        assert json.loads(out.getvalue())["error"]
        return
    item = NewsItem.objects.get()
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert_safe(response.content.decode(), "imported item page")


def _walk(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    elif isinstance(value, str):
        yield key, value
