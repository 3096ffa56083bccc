"""axe-core finds no serious or critical accessibility violations on the main public pages."""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import CountryFactory, KeyFigureFactory, ParkFactory, PlatformFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
NODE_PREFIX = ROOT / "var" / "node"
AXE_SCRIPT = NODE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
AXE_PACKAGE = "axe-core@4.14.1"
BLOCKING_IMPACTS = {"serious", "critical"}


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


def blocking_violations(page, script: Path) -> list[str]:
    page.add_script_tag(path=str(script))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {[n['target'] for n in violation['nodes']]}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def test_public_pages_have_no_serious_accessibility_violations(
    live_server, page, axe_script, pages
):
    found = {}
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        violations = blocking_violations(page, axe_script)
        if violations:
            found[path] = violations

    assert found == {}
