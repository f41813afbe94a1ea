"""The funding page in a real Chromium: a click on an investor's bar lists that investor's rounds."""

from playwright.sync_api import expect

from ecosystem.funding import count_investors, select_rounds
from ecosystem.i18n import t
from ecosystem.load import load_dataset
from tests.conftest import DATA
from tests.urls import LANG, page_url
from tools.appserver import block_external

SLOW = 90_000
INVESTORS_CHART = 2  # the page's third chart: money per year, the largest rounds, the investors


def test_a_click_on_an_investor_filters_the_rounds(browser, app_url):
    dataset = load_dataset(DATA)
    investors = count_investors(dataset, select_rounds(dataset, dataset.actors.index))
    second = investors.iloc[1]  # not the first: the click must pick the bar it lands on
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.route("**/*", block_external)
    page = context.new_page()
    page.goto(page_url(app_url, "funding", {LANG: "en"}))
    chart = page.locator('[data-testid="stPlotlyChart"]').nth(INVESTORS_CHART)
    bars = chart.locator(".barlayer .point path")
    bars.nth(1).wait_for(timeout=SLOW)
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # the chart settles to its container's width
    box = bars.nth(1).bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # where a reader clicks
    heading = t("rounds_of_investor", "en", name=second["name"], count=second["rounds"])
    expect(page.get_by_text(heading, exact=True)).to_be_visible(timeout=SLOW)
    page.get_by_role("button", name=t("clear_investor", "en")).click()
    expect(page.get_by_text(heading, exact=True)).to_have_count(0, timeout=SLOW)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    context.close()
