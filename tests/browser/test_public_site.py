"""A visitor reads the public site in a real browser: home, park, news, an item, Hebrew."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from parks.models import KeyFigure
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import CountryFactory, KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site():
    park = ParkFactory(
        name="China-Israel Changzhou Innovation Park",
        slug="cicp",
        short_name="CICP",
        tagline="Pilot of China-Israel Innovation Cooperation",
        hotline="86 0519 86361787",
        profile="The park was founded in 2015.\n\nIt hosts medical device companies.",
    )
    park.partner_countries.add(
        CountryFactory(code="CN", name="China"), CountryFactory(code="IL", name="Israel")
    )
    for year, value in [(2017, 120), (2018, 180), (2019, 230)]:
        KeyFigureFactory(
            park=park,
            label="Enterprises",
            value=value,
            as_of=dt.date(year, 12, 31),
            as_of_precision="year",
            source_sentence=f"By the end of {year}, {value} enterprises had settled.",
            status=KeyFigure.Status.CONFIRMED,
        )
    PlatformFactory(name="Israel Jiangsu Innovation Center", park=park, is_featured=True)
    channel = ChannelFactory(name="CIP Dynamic", slug="cip-dynamic")
    for n in range(6):
        item = NewsItemFactory(
            title=f"Delegation visit {n}",
            channel=channel,
            lead="A delegation toured the park.",
            body="## Programme\n\nThe visitors met **founders**.",
            source_name="CICP",
            dateline="CHANGZHOU",
        )
        item.parks.add(park)
    NewsItemFactory(title="Unrelated Shanghai news")
    return park


def test_visitor_follows_a_park_filters_news_opens_an_item_and_switches_to_hebrew(
    live_server, page, site
):
    page.goto(live_server.url)
    expect(page.locator("h1")).to_have_text("International innovation parks")
    page.click("text=China-Israel Changzhou Innovation Park")

    expect(page.locator("h1")).to_have_text("China-Israel Changzhou Innovation Park")
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator(".figure-table")).to_contain_text(
        "By the end of 2018, 180 enterprises had settled."
    )
    page.click("text=All news of CICP")

    expect(page.locator(".news-list > li")).to_have_count(6)
    page.select_option("#id_channel", "cip-dynamic")
    page.fill("#id_q", "visit 3")
    page.click("button:has-text('Show news')")
    expect(page).to_have_url(re.compile(r"/news/\?q=visit\+3&park=cicp&.*channel=cip-dynamic"))
    expect(page.locator(".news-list > li")).to_have_count(1)
    page.click("text=Delegation visit 3")

    expect(page.locator("h1")).to_have_text("Delegation visit 3")
    expect(page.locator(".prose h2")).to_have_text("Programme")
    english_url = page.url
    page.click(".language-switcher a[lang=he]")

    expect(page).to_have_url(english_url.replace(live_server.url, f"{live_server.url}/he"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("nav[aria-label='ניווט ראשי']")).to_contain_text("חדשות")


def test_keyboard_user_can_skip_to_the_content(live_server, page, site):
    page.goto(live_server.url)
    page.keyboard.press("Tab")

    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_phone_layout_has_no_horizontal_scroll(live_server, page, site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/parks/cicp/")

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Records what the page's Content-Security-Policy refused: an inline style the policy now forbids
# would leave the page unstyled in that spot without any other sign.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_public_pages_break_nothing_under_a_policy_without_inline_styles(live_server, page, pages):
    page.add_init_script(RECORD_VIOLATIONS)
    for path in [*pages, "/search/?q=visit", "/missing/"]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")

        assert page.evaluate("window.cspViolations") == [], path
        policy = page.evaluate(
            "fetch(location.href).then((r) => r.headers.get('content-security-policy'))"
        )
        assert "style-src 'self';" in policy, path


def test_the_policy_reports_an_inline_style_when_one_slips_in(live_server, page, pages):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_server.url}/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_function("window.cspViolations.length > 0")

    assert page.evaluate("window.cspViolations") == ["style-src-attr inline"]
