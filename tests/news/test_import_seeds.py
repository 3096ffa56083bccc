"""What the five seed documents become once imported: pinned per document."""

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from news.models import NewsItem, SourceDocument
from parks.models import CooperationPlatform, KeyFigure, Park

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
CICP = "china-israel-changzhou-innovation-park"
CIIH = "china-israel-innovation-hub-shanghai"
SINO_SWISS = "sino-swiss-changzhou-innovation-park"


@pytest.fixture
def imported(seeds_dir):
    call_command("import_seeds", str(seeds_dir), stdout=io.StringIO())


def news_from(prefix: str) -> NewsItem:
    return NewsItem.objects.get(source_document__name__startswith=prefix)


def figures(park_slug: str, name_prefix: str) -> set[tuple]:
    rows = KeyFigure.objects.filter(
        park__slug=park_slug, source_document__name__startswith=name_prefix
    )
    return {(f.metric, f.value.normalize(), f.change, f.qualifier) for f in rows}


def test_every_seed_is_recorded_with_its_format(imported):
    formats = dict(SourceDocument.objects.values_list("name", "format"))
    assert sorted(formats.values()) == sorted(
        [
            "park_profile",
            "scraped_news_page",
            "scraped_news_page",
            "magazine_article",
            "press_release",
        ]
    )
    assert NewsItem.objects.published().count() == 4


def test_profile_updates_its_park(imported):
    park = Park.objects.get(slug=CICP)
    assert park.profile.startswith("The China Israel Changzhou Innovation Park (CICP) is the first")
    assert park.profile.count("\n\n") == 2
    assert park.summary.startswith(
        "The China Israel Changzhou Innovation Park (CICP) is the first innovation"
    )
    assert (park.established, park.established_precision) == (dt.date(2015, 1, 1), "month")
    assert park.tagline == "Pilot of China-Israel Innovation Cooperation"
    assert set(park.sponsors.values_list("name", flat=True)) == {
        "Government of China",
        "Government of Israel",
    }
    assert set(park.designations.values_list("title", flat=True)) == {
        "National Medical Device International Innovation Park",
        "Demonstration Area for China-Israel High-tech Industry Cooperation",
    }
    assert {
        "life-sciences",
        "modern-agriculture",
        "intelligent-manufacturing",
        "new-materials",
    } <= set(park.focus_industries.values_list("slug", flat=True))
    assert SourceDocument.objects.get(name__startswith="000").profile_park == park


def test_profile_figures_carry_their_sentence(imported):
    assert figures(CICP, "000") == {
        ("israeli-and-joint-enterprises", Decimal("188"), "total", "exact"),
        ("binational-projects", Decimal("46"), "total", "exact"),
    }
    figure = KeyFigure.objects.get(park__slug=CICP, value=188)
    assert "188 Israeli WOFEs" in figure.source_sentence
    assert (figure.as_of, figure.as_of_precision) == (dt.date(2023, 1, 1), "year")
    assert figure.status == KeyFigure.Status.CONFIRMED


def test_scraped_news_page_with_cut_title(imported):
    item = news_from("001")
    assert item.title == (
        "Requirement of the Municipal Committee Secretary upon visit to the China-Israel Changzhou Innovation Park"
    )
    assert item.source_title.endswith("Changzhou Innovatio")
    assert item.published_at == dt.datetime(2019, 11, 24, 16, 36, 14, tzinfo=SHANGHAI)
    assert item.published_precision == "second"
    assert item.channel.name == "Latest News › CIP Dynamic"
    assert item.event_date == dt.date(2019, 11, 21)
    assert list(item.parks.values_list("slug", flat=True)) == [CICP]
    assert {
        "israel-center",
        "jiangsu-china-israel-industrial-technology-research-institute",
        "israel-jiangsu-innovation-center",
    } <= set(item.platforms.values_list("slug", flat=True))
    assert "Service Hotline" not in item.body and "View count" not in item.body
    assert item.body.startswith("On the afternoon of November 21")
    assert item.lead.startswith(
        "On the afternoon of November 21, Changzhou Municipal Committee Secretary Mr. Wang"
    )
    assert item.lead.endswith("…") and len(item.lead) <= 300
    assert any("cut off" in w for w in item.source_document.warnings)
    assert Park.objects.get(slug=CICP).hotline == "86 0519 86361787"


def test_scraped_news_page_figures(imported):
    assert figures(CICP, "001") == {
        ("declared-projects", Decimal("17"), "added", "exact"),
        ("israeli-and-joint-enterprises", Decimal("10"), "added", "exact"),
        ("binational-projects", Decimal("4"), "added", "exact"),
        ("israeli-and-joint-enterprises", Decimal("90"), "total", "up_to"),
        ("binational-projects", Decimal("24"), "total", "exact"),
    }
    ninety = KeyFigure.objects.get(park__slug=CICP, value=90)
    assert ninety.as_of == dt.date(2019, 11, 24)


def test_second_scraped_page_links_unknown_platforms_as_drafts(imported):
    item = news_from("002")
    assert item.title.startswith(
        "Ruan Xiangping, First-Level Inspector of the Department of International"
    )
    assert item.published_at == dt.datetime(2019, 11, 2, 18, 40, 10, tzinfo=SHANGHAI)
    drafts = CooperationPlatform.objects.drafts()
    assert {
        "Guochuang NEV Energy and Information Innovation Center",
        "Natali Remote ECG Monitoring Center",
    } <= set(drafts.values_list("name", flat=True))
    natali = drafts.get(name="Natali Remote ECG Monitoring Center")
    assert natali.park.slug == CICP and natali.source_document == item.source_document
    assert natali in item.platforms.all()
    assert any("Natali Remote ECG Monitoring Center" in w for w in item.source_document.warnings)


def test_magazine_article(imported):
    item = news_from("003")
    assert item.title == "China-Israel Innovation Hub marks first anniversary"
    assert item.published_at == dt.datetime(2021, 1, 8, tzinfo=SHANGHAI)
    assert item.published_precision == "day"
    assert "photo gallery" not in item.body and "and measures" not in item.body
    assert list(item.parks.values_list("slug", flat=True)) == [CIIH]
    network = CooperationPlatform.objects.get(
        name="Yangtze River Delta China-Israel Innovation Network"
    )
    assert (network.is_published, network.kind, network.park) == (False, "network", None)
    hub = Park.objects.get(slug=CIIH)
    assert (hub.established, hub.established_precision) == (dt.date(2019, 12, 3), "day")
    assert {"CSA GCR", "Angeek Cyber Security", "Redstone Data"} <= set(
        hub.notable_companies.values_list("name", flat=True)
    )
    assert ("intellectual-properties", Decimal("100"), "total", "more_than") in figures(CIIH, "003")
    assert ("trademarks", Decimal("37"), "total", "exact") in figures(CIIH, "003")
    assert len(figures(CIIH, "003")) == 10


def test_press_release(imported):
    item = news_from("004")
    assert (
        item.title
        == "China-Switzerland Innovation and Entrepreneurship Cooperation Launch Conference"
    )
    assert item.source_title == ""
    assert item.published_at == dt.datetime(2021, 11, 12, tzinfo=SHANGHAI)
    assert (item.source_name, item.dateline) == ("PR Newswire", "CHANGZHOU, China")
    assert "## Sino-Swiss (Changzhou) Innovation Park" in item.body
    assert item.body.startswith(
        "The China-Switzerland Innovation and Entrepreneurship Cooperation Launch"
    )
    assert SINO_SWISS in set(item.parks.values_list("slug", flat=True))
    park = Park.objects.get(slug=SINO_SWISS)
    assert park.profile.startswith("Sino-Swiss (Changzhou) Innovation Park was established in 2018")
    assert "Medela, SID, COTESA" in park.profile
    assert park.summary.startswith("Sino-Swiss (Changzhou) Innovation Park was established in 2018")
    assert (park.established, park.established_precision) == (dt.date(2018, 1, 1), "year")
    assert (park.opened, park.opened_precision) == (dt.date(2019, 1, 1), "year")
    assert park.sponsors.count() == 3
    assert {"Medela", "SID", "COTESA", "Lanz Manufaktur", "Leoni"} == set(
        park.notable_companies.values_list("name", flat=True)
    )
    assert {"intelligent-manufacturing", "new-materials", "medical-devices"} <= set(
        park.focus_industries.values_list("slug", flat=True)
    )
    assert figures(SINO_SWISS, "004") == {
        ("land-occupied", Decimal("270000"), "total", "approximately"),
        ("land-allocated", Decimal("670000"), "total", "approximately"),
    }


def test_key_figures_form_series_over_time(imported):
    series = KeyFigure.objects.filter(
        park__slug=CICP, metric="israeli-and-joint-enterprises", change="total"
    ).order_by("as_of")
    assert [f.value.normalize() for f in series] == [Decimal("90"), Decimal("188")]
