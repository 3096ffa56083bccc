"""axe-core finds no WCAG 2.1 A/AA violations at all on the pages visitors and staff start from."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def wcag_violations(page, script) -> list[str]:
    page.add_script_tag(path=str(script))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
    ]


def test_public_pages_and_admin_login_meet_wcag_21_aa(live_server, page, axe_script, pages):
    found = {}
    for path in [*pages, "/search/?q=park", "/platforms/", "/parks/", "/admin/login/"]:
        page.goto(f"{live_server.url}{path}")
        violations = wcag_violations(page, axe_script)
        if violations:
            found[path] = violations
    assert found == {}
