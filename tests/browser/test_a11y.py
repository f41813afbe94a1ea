"""axe-core (vendored in tests/browser/vendor/, MPL-2.0) finds no serious or critical violation on any page."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.test_browser import TIMEOUT

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SLOW = 90_000
PAGES = [
    "/?lang=en",
    "/?lang=fr",
    "/map?lang=en&actor=innate-pharma",
    "/directory?lang=fr&type=biotech",
    "/actor?lang=en&actor=innate-pharma",
    "/about?lang=fr",
    "/insights?lang=en",
    "/network?lang=fr",
    "/present?lang=en&interval=0&scene=1",
    "/present?lang=fr&interval=0&scene=2",
    "/present?lang=en&interval=0&scene=3",
    "/present?lang=fr&interval=0&scene=4",
    "/present?lang=en&interval=0&scene=5",
    "/present?lang=fr&interval=0&scene=6",
]


def run_axe(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'], runOnly: "
        "{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [
            f"{' '.join(map(str, node['target']))[-80:]}: {node.get('failureSummary', '')[:160]}"
            for node in violation["nodes"][:5]
        ]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page: Page, app_url, path):
    page.goto(app_url + path)
    page.get_by_role("heading", level=1).first.wait_for(timeout=SLOW)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    for chart in page.locator('[data-testid="stPlotlyChart"]').all():
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=TIMEOUT)
    page.wait_for_timeout(1500)
    violations = run_axe(page)
    assert not violations, describe(violations)
