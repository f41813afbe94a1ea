"""axe-core (vendored in tests/browser/vendor/, MPL-2.0) finds no serious or critical violation on any page."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from ecosystem.i18n import LANGS
from ecosystem.navigation import PAGES as REGISTERED
from tests.browser.test_browser import TIMEOUT
from tests.urls import ACTOR, INTERVAL, LANG, SCENE, TYPE, page_url

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SLOW = 90_000
# Pages that show more with a view in the URL: the map's card, a filtered list, a profile.
VIEWS = {"map": {ACTOR: "innate-pharma"}, "directory": {TYPE: "biotech"}, "actor": {ACTOR: "innate-pharma"}}
PRESENT = "present"


def addresses() -> list[str]:
    """Every registered page in every language; the presentation by its first scene only, since
    tests/browser/test_present_browser.py runs axe on every scene in both languages."""
    found = []
    for page in REGISTERED:
        if page.key == PRESENT:
            found += [page_url(None, page.key, {LANG: lang, INTERVAL: 0, SCENE: 1}) for lang in LANGS]
        else:
            found += [page_url(None, page.key, {LANG: lang, **VIEWS.get(page.key, {})}) for lang in LANGS]
    return found


PAGES = addresses()


def test_every_page_named_here_is_registered():
    assert {PRESENT, *VIEWS} <= {page.key for page in REGISTERED}
    assert {url.split("?", 1)[0] for url in PAGES} == {page_url(None, page.key) for page in REGISTERED}


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
    if violations:  # a page still laying out (a chart or a table resizing) can fail for a moment: look again
        page.wait_for_timeout(2500)
        violations = run_axe(page)
    assert not violations, describe(violations)
