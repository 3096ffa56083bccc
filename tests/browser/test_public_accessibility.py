"""axe-core finds no serious or critical accessibility violations on the main public pages."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING_IMPACTS = {"serious", "critical"}


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
