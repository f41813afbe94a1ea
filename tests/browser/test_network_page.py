"""The network page in a real Chromium at 1440x900, network cut: node labels never overlap, whole graph or neighbourhood."""

import pytest
from playwright.sync_api import Page, expect

from tests.urls import ACTOR, LANG, page_url
from tools.appserver import block_external

SLOW = 90_000  # a cold server lays out the graph before drawing it

# The visible labels plotly wrote (SVG text in `.textpoint` groups): text and box.
LABEL_BOXES = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .textpoint text')]
  .filter((node) => node.textContent.trim() !== "")
  .map((node) => { const box = node.getBoundingClientRect(); return [node.textContent, box.left, box.top, box.right, box.bottom]; })
  .filter((label) => label[3] > label[1] && label[4] > label[2])"""


@pytest.fixture
def laptop(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.route("**/*", block_external)
    yield context.new_page()
    context.close()


def read_labels(page: Page, url: str) -> list:
    page.goto(url)
    page.get_by_role("heading", level=1).first.wait_for(timeout=SLOW)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.locator(".textpoint text").first.wait_for(state="attached", timeout=SLOW)
    page.wait_for_timeout(1000)  # the chart settles to its container's width
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    return page.evaluate(LABEL_BOXES)


def overlapping(labels: list) -> list:
    return [
        (a[0], b[0])
        for index, a in enumerate(labels)
        for b in labels[index + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("params", [{}, {ACTOR: "mib"}, {ACTOR: "innate-pharma"}], ids=["whole", "mib", "innate"])
def test_node_labels_do_not_overlap(laptop: Page, app_url, lang, params):
    labels = read_labels(laptop, page_url(app_url, "network", {**params, LANG: lang}))
    assert len(labels) >= 5  # the hubs are named
    assert overlapping(labels) == []


def test_the_overlap_check_sees_labels_on_top_of_each_other(laptop: Page, app_url):
    """The check above can fail: the same labels shifted a few pixels overlap."""
    labels = read_labels(laptop, page_url(app_url, "network", {LANG: "en"}))
    shifted = [[f"{text}'", left + 3, top + 2, right + 3, bottom + 2] for text, left, top, right, bottom in labels]
    assert overlapping(labels + shifted) != []


def test_neighbourhood_toggles_back_to_the_whole_network(laptop: Page, app_url):
    points = '[data-testid="stPlotlyChart"] .scatterlayer .point'
    read_labels(laptop, page_url(app_url, "network", {ACTOR: "innate-pharma", LANG: "en"}))
    around = laptop.locator(points).count()
    laptop.get_by_text("The whole network", exact=True).click()
    expect(laptop.get_by_text("Who is linked to whom", exact=True)).to_be_visible(timeout=SLOW)
    # every linked actor, not one actor's few (the whole graph takes a moment to lay out)
    laptop.wait_for_function(f"document.querySelectorAll('{points}').length > {3 * around}", timeout=SLOW)
    laptop.wait_for_timeout(1000)
    assert overlapping(laptop.evaluate(LABEL_BOXES)) == []
