"""Hostile Markdown bodies never put script, event handlers or javascript: links on a page."""

import pytest
from django.urls import reverse

from news.models import NewsItem
from news.rendering import render_markdown
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

HOSTILE_BODY = "\n\n".join(
    [
        "Intro <script>alert('body')</script>",
        '<img src="x" onerror="alert(1)">',
        "[click me](javascript:alert(2))",
        '<a href="JaVaScRiPt:alert(3)" onclick="alert(4)">link</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<svg onload="alert(5)"></svg>',
        '<p style="background:url(javascript:alert(6))">styled</p>',
    ]
)


def assert_harmless(html: str) -> None:
    lowered = html.lower()
    for marker in ("<script", "onerror", "onclick", "onload", "javascript:", "<iframe", "<svg"):
        assert marker not in lowered, marker


def test_rendering_strips_hostile_markup():
    html = render_markdown(HOSTILE_BODY)
    assert_harmless(html)
    assert "Intro" in html and "click me" in html


def test_item_page_renders_a_hostile_body_harmlessly(client):
    item = NewsItemFactory(body=HOSTILE_BODY)
    page = client.get(item.get_absolute_url()).content.decode()
    assert_harmless(page.split('<div class="prose"', 1)[1])


def test_preview_renders_a_hostile_body_harmlessly(client, editor):
    item = NewsItemFactory(body=HOSTILE_BODY, status=NewsItem.Status.DRAFT, published_at=None)
    client.force_login(editor)
    page = client.get(reverse("admin:news_newsitem_preview", args=[item.pk])).content.decode()
    assert_harmless(page.split('<div class="prose"', 1)[1])


@pytest.mark.parametrize("name", ["feeds:news-rss", "feeds:news-atom", "feeds:news-json"])
def test_feeds_carry_a_hostile_body_harmlessly(client, name):
    NewsItemFactory(body=HOSTILE_BODY)
    content = client.get(reverse(name)).content.decode()
    assert "Intro" in content
    for marker in ("<script", "&lt;script", "onerror", "javascript:", "\\u003cscript"):
        assert marker not in content.lower(), marker


def test_api_returns_the_body_as_markdown_text_not_html(client):
    item = NewsItemFactory(body=HOSTILE_BODY)
    data = client.get(f"/api/v1/news/{item.slug}/").json()
    assert data["body"] == HOSTILE_BODY  # JSON text for clients to render; no HTML is served
    assert "body_html" not in data
