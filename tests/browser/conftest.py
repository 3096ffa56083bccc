"""Headless Chromium (Debian's package) driven by Playwright, against pytest-django's live server."""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import CountryFactory, KeyFigureFactory, ParkFactory, PlatformFactory

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        if os.environ.get("PARKWIRE_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed; run `make browser` (Debian's chromium package)")
        pytest.skip("chromium is not installed (make browser installs Debian's package)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' ORM calls stay synchronous.
    # Set for browser modules only, so subprocesses started by other tests do not inherit it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield instance
        instance.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, request):
    # axe-core is injected as an inline script, which the site's CSP rightly refuses; only those
    # scans bypass it, so every other browser test runs under the real policy.
    bypass_csp = "axe_script" in request.fixturenames
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp)
    page = context.new_page()
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{request.node.name}.png", full_page=True)
    context.close()


# axe-core, and a small published site to scan with it.
ROOT = Path(__file__).resolve().parents[2]
NODE_PREFIX = ROOT / "var" / "node"
AXE_SCRIPT = NODE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
AXE_PACKAGE = "axe-core@4.14.1"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """Return axe.min.js, installing it from the npm registry (as `make axe` does) when missing."""
    if not AXE_SCRIPT.exists() and shutil.which("npm"):
        command = [
            "npm",
            "install",
            "--prefix",
            str(NODE_PREFIX),
            "--no-audit",
            "--no-fund",
            AXE_PACKAGE,
        ]
        subprocess.run(command, check=False, capture_output=True, timeout=300)
    if not AXE_SCRIPT.exists():
        if os.environ.get("PARKWIRE_REQUIRE_BROWSER"):
            pytest.fail("axe-core is missing and npm could not install it; run `make axe`")
        pytest.skip("axe-core is not installed (make axe installs it with npm)")
    return AXE_SCRIPT


@pytest.fixture
def pages():
    park = ParkFactory(
        name="China-Israel Changzhou Innovation Park", slug="cicp", tagline="Pilot of cooperation"
    )
    park.partner_countries.add(CountryFactory(code="IL", name="Israel"))
    for year, value in [(2018, 180), (2019, 230)]:
        KeyFigureFactory(
            park=park, value=value, as_of=dt.date(year, 12, 31), source_sentence=f"{value} firms."
        )
    KeyFigureFactory(park=park, metric="area", label="Area", value=3, unit="km²")
    PlatformFactory(park=park, is_featured=True)
    item = NewsItemFactory(
        slug="visit", channel=ChannelFactory(), lead="Lead.", body="## Heading\n\nText."
    )
    item.parks.add(park)
    NewsItemFactory.create_batch(3)
    return ["/", "/parks/cicp/", "/news/?park=cicp", "/news/visit/", "/he/", "/zh-hans/news/visit/"]
