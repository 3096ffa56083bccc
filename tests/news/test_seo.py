import datetime as dt
import json
import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.dates import DatePrecision
from portal.structured_data import isoformat_partial
from tests.news.factories import NewsItemFactory
from tests.parks.factories import ParkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """Requests to /zh-hans/… leave Chinese active in this thread; later tests expect English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


BASE = "http://testserver"
HOSTILE = "</script><script>alert(1)</script><!-- & 'quote' \"double\""
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def render(template: str, rf, path: str = "/", **context) -> str:
    return render_to_string(template, context, request=rf.get(path))


def json_ld(html: str) -> dict:
    [payload] = JSON_LD.findall(html)
    return json.loads(payload)


def test_news_article_json_ld_describes_the_item_and_its_parks(rf):
    park = ParkFactory(name="CICP", slug="cicp")
    item = NewsItemFactory(
        slug="opening", title="Park opens", lead="A lead.", source_name="PR Newswire",
        published_at=dt.datetime(2019, 12, 3, 8, 30, tzinfo=dt.UTC),
    )  # fmt: skip
    item.parks.add(park, ParkFactory(name="Hidden", is_published=False))

    data = json_ld(render("includes/seo_news_item.html", rf, "/he/news/opening/", item=item))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Park opens"
    assert data["description"] == "A lead."
    assert data["mainEntityOfPage"] == f"{BASE}/news/opening/"
    assert data["datePublished"] == "2019-12-03T16:30:00+08:00"
    assert dt.datetime.fromisoformat(data["dateModified"]) == item.updated_at.replace(microsecond=0)
    assert data["author"] == {"@type": "Organization", "name": "PR Newswire"}
    assert data["publisher"]["name"] == "Parkwire"
    assert data["about"] == [
        {"@type": ["Organization", "Place"], "name": "CICP", "url": f"{BASE}/parks/cicp/"}
    ]


def test_news_article_without_a_source_is_authored_by_the_publisher(rf):
    item = NewsItemFactory(source_name="")

    data = json_ld(render("includes/seo_news_item.html", rf, item=item))

    assert data["author"] == data["publisher"]


def test_news_article_date_keeps_a_day_precision(rf):
    item = NewsItemFactory(
        published_at=dt.datetime(2019, 12, 2, 20, 0, tzinfo=dt.UTC),
        published_precision=DatePrecision.DAY,
    )

    data = json_ld(render("includes/seo_news_item.html", rf, item=item))

    assert data["datePublished"] == "2019-12-03"


def test_json_ld_survives_a_hostile_title(rf):
    item = NewsItemFactory(title=HOSTILE, lead=HOSTILE)

    html = render("includes/seo_news_item.html", rf, item=item)

    script = html[html.index('<script type="application/ld+json">') :]
    assert script.count("</script>") == 1
    assert "<script>alert" not in html
    assert "<!--" not in script
    assert json_ld(html)["headline"] == HOSTILE


def test_open_graph_tags_describe_the_article_and_escape_its_title(rf):
    item = NewsItemFactory(title=HOSTILE, lead="A lead.", slug="opening")

    html = render("includes/seo_news_item.html", rf, "/news/opening/", item=item)

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:site_name" content="Parkwire">' in html
    assert '<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;alert(1)' in html
    assert '<meta property="og:description" content="A lead.">' in html
    assert f'<meta property="og:url" content="{BASE}/news/opening/">' in html
    published = timezone.localtime(item.published_at).isoformat(timespec="seconds")
    assert f'<meta property="article:published_time" content="{published}">' in html


def test_park_json_ld_is_an_organization_and_place_with_precise_founding_date(rf):
    park = ParkFactory(
        name="China-Israel Changzhou Innovation Park", slug="cicp", short_name="CICP",
        aliases=["CIP", "CICP"], city="Changzhou", province="Jiangsu", hotline="0519-86361787",
        established=dt.date(2015, 1, 1), established_precision=DatePrecision.MONTH,
        website="https://www.cicp.example/", tagline="Pilot of cooperation",
    )  # fmt: skip

    data = json_ld(render("includes/seo_park.html", rf, "/zh-hans/parks/cicp/", park=park))

    assert data["@type"] == ["Organization", "Place"]
    assert data["name"] == "China-Israel Changzhou Innovation Park"
    assert data["alternateName"] == ["CICP", "CIP"]
    assert data["foundingDate"] == "2015-01"
    assert data["url"] == f"{BASE}/parks/cicp/"
    assert data["telephone"] == "0519-86361787"
    assert data["slogan"] == "Pilot of cooperation"
    assert data["sameAs"] == ["https://www.cicp.example/"]
    assert data["address"] == {
        "@type": "PostalAddress", "addressLocality": "Changzhou",
        "addressRegion": "Jiangsu", "addressCountry": "CN",
    }  # fmt: skip


def test_park_json_ld_leaves_out_what_is_unknown(rf):
    park = ParkFactory(city="", province="", hotline="", established=None)

    data = json_ld(render("includes/seo_park.html", rf, park=park))

    assert not {"address", "telephone", "foundingDate", "alternateName", "sameAs"} & set(data)


def test_park_open_graph_tags_describe_a_website(rf):
    park = ParkFactory(name="Hub", summary="A hub.", slug="hub")

    html = render("includes/seo_park.html", rf, "/parks/hub/", park=park)

    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="Hub">' in html
    assert '<meta property="og:description" content="A hub.">' in html


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (dt.date(2015, 1, 1), DatePrecision.YEAR, "2015"),
        (dt.date(2015, 1, 1), DatePrecision.MONTH, "2015-01"),
        (dt.date(2015, 1, 20), DatePrecision.DAY, "2015-01-20"),
        (dt.datetime(2014, 12, 31, 17, tzinfo=dt.UTC), DatePrecision.YEAR, "2015"),
        (
            dt.datetime(2019, 11, 24, 8, 36, 14, tzinfo=dt.UTC),
            "second",
            "2019-11-24T16:36:14+08:00",
        ),
        (None, DatePrecision.DAY, None),
    ],
)
def test_isoformat_partial_is_no_more_precise_than_known(value, precision, expected):
    assert isoformat_partial(value, precision) == expected


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/news/?page=3&industry=x&utm_source=y", f"{BASE}/news/?page=3"),
        ("/news/?page=1", f"{BASE}/news/"),
        ("/news/?page=abc", f"{BASE}/news/"),
        ("/news/?page=%C2%B2", f"{BASE}/news/"),
        (f"/news/?page={'9' * 5000}", f"{BASE}/news/"),
        ("/zh-hans/parks/?q=%3Cscript%3E", f"{BASE}/zh-hans/parks/"),
    ],
)
def test_canonical_link_keeps_the_language_and_only_a_real_page_number(rf, path, canonical):
    html = render("includes/head_discovery.html", rf, path)

    assert f'<link rel="canonical" href="{canonical}">' in html


def test_head_discovery_links_the_site_feeds(rf):
    html = render("includes/head_discovery.html", rf, "/he/news/")

    assert 'type="application/rss+xml" title="Parkwire news (RSS)" href="/feeds/news.rss"' in html
    assert (
        'type="application/atom+xml" title="Parkwire news (Atom)" href="/feeds/news.atom"' in html
    )
    assert (
        'type="application/feed+json" title="Parkwire news (JSON Feed)" href="/feeds/news.json"'
        in html
    )
    assert "/feed.rss" not in html


def test_head_discovery_links_the_parks_own_feeds_on_a_park_page(rf):
    park = ParkFactory(name="Hub & Co", slug="hub")

    html = render("includes/head_discovery.html", rf, "/parks/hub/", park=park)

    assert 'title="Hub &amp; Co news (RSS)" href="/parks/hub/feed.rss"' in html
    assert 'href="/parks/hub/feed.atom"' in html
    assert 'href="/parks/hub/feed.json"' in html


def test_park_page_head_has_json_ld_canonical_and_park_feeds(client):
    ParkFactory(
        name="Hub", slug="hub", established=dt.date(2018, 1, 1), established_precision="year"
    )

    html = client.get("/zh-hans/parks/hub/").content.decode()

    head = html[: html.index("</head>")]
    assert json_ld(head)["foundingDate"] == "2018"
    assert f'<link rel="canonical" href="{BASE}/zh-hans/parks/hub/">' in head
    assert 'href="/parks/hub/feed.atom"' in head
    assert head.count('rel="canonical"') == 1


def test_news_item_page_head_has_article_json_ld_open_graph_and_canonical(client):
    park = ParkFactory(name="CICP", slug="cicp")
    NewsItemFactory(slug="opening", title=HOSTILE).parks.add(park)

    html = client.get("/zh-hans/news/opening/").content.decode()

    head = html[: html.index("</head>")]
    data = json_ld(head)
    assert data["headline"] == HOSTILE
    assert data["mainEntityOfPage"] == f"{BASE}/news/opening/"
    assert data["about"][0]["url"] == f"{BASE}/parks/cicp/"
    assert '<meta property="og:type" content="article">' in head
    assert f'<link rel="canonical" href="{BASE}/zh-hans/news/opening/">' in head
    assert "<script>alert(1)" not in html
