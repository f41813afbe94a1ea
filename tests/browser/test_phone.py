"""Every page but the map on a phone (390x844), network cut: nothing wider than the screen, matrix squares readable."""

import pytest
from playwright.sync_api import Page, expect

from ecosystem.navigation import PAGES
from ecosystem.ui.charts import MATRIX_CONTAINER
from tests.urls import ACTOR, INTERVAL, LANG, SCENE, page_url
from tools.appserver import block_external

SLOW = 90_000  # a cold server on a busy machine
PHONE = {"width": 390, "height": 844}
# The map has its own owner and its own checks; every other registered page is opened here.
PARAMS = {"actor": {ACTOR: "innate-pharma"}, "present": {SCENE: 3, INTERVAL: 0}}
KEYS = [spec.key for spec in PAGES if spec.key != "map"]
MIN_SQUARE = 24

# Streamlit scrolls the page inside these, not in the document: they must not scroll sideways.
PAGE_SCROLLERS = ("stApp", "stAppViewContainer", "stMain")
# Visible elements whose box ends right of the viewport, unless an ancestor inside the page scrolls them sideways.
STICKING_OUT = """(scrollers) => {
  const width = window.innerWidth;
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") continue;
    let scrolled = false;
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (scrollers.includes(parent.getAttribute("data-testid"))) break;
      const overflow = getComputedStyle(parent).overflowX;
      if (["auto", "scroll"].includes(overflow) && parent.getBoundingClientRect().right <= width + 1) {
        scrolled = true;
        break;
      }
    }
    if (!scrolled) found.push((element.getAttribute("data-testid") || element.tagName) + " right=" + Math.round(box.right));
  }
  return found.slice(0, 10);
}"""
# The page's own scrollers that scroll sideways.
WIDE_SCROLLERS = """(scrollers) => scrollers
  .map((id) => document.querySelector(`[data-testid="${id}"]`))
  .filter((element) => element && element.scrollWidth > element.clientWidth + 1)
  .map((element) => element.getAttribute("data-testid"))"""


@pytest.fixture
def phone(browser):
    """A phone-sized page with every request beyond loopback refused."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    context.route("**/*", block_external)
    yield context.new_page()
    context.close()


def open_page(page: Page, url: str) -> None:
    """Open a page and wait for its title, its run's end and every chart drawn (plotly loads lazily)."""
    page.goto(url)
    page.get_by_role("heading", level=1).first.wait_for(timeout=SLOW)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=SLOW)
    for chart in page.locator('[data-testid="stPlotlyChart"]').all():
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=SLOW)
    page.wait_for_timeout(1000)  # charts settle to their container's width


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_page_reads_on_a_phone_without_sideways_scrolling(phone: Page, app_url, key, lang):
    open_page(phone, page_url(app_url, key, {**PARAMS.get(key, {}), LANG: lang}))
    expect(phone.locator('[data-testid="stException"]')).to_have_count(0)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.evaluate(WIDE_SCROLLERS, PAGE_SCROLLERS) == []
    assert phone.evaluate(STICKING_OUT, PAGE_SCROLLERS) == []


def test_the_check_sees_an_element_sticking_out(phone: Page, app_url):
    """The check above can fail: a wide block added to the page is reported."""
    open_page(phone, page_url(app_url, "about", {LANG: "en"}))
    phone.evaluate("""() => {
      const wide = document.createElement("div");
      wide.style.width = "800px"; wide.style.height = "10px";
      document.querySelector('[data-testid="stMainBlockContainer"]').appendChild(wide);
    }""")
    assert phone.evaluate(STICKING_OUT, PAGE_SCROLLERS) != []


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("key", ["home", "insights"])
def test_matrix_squares_stay_readable_on_a_phone(phone: Page, app_url, key, lang):
    open_page(phone, page_url(app_url, key, {LANG: lang}))
    squares = phone.locator(f'[class*="st-key-{MATRIX_CONTAINER}"] .scatterlayer .point')
    expect(squares.first).to_be_attached(timeout=SLOW)
    boxes = squares.evaluate_all(
        "(nodes) => nodes.map((node) => { const box = node.getBoundingClientRect(); return [box.left, box.top, box.width, box.height]; })"
    )
    assert boxes
    assert min(min(width, height) for _, _, width, height in boxes) >= MIN_SQUARE
    rows: dict[int, list[float]] = {}
    for left, top, _, _ in boxes:
        rows.setdefault(round(top), []).append(left)
    steps = [b - a for lefts in rows.values() for a, b in zip(sorted(lefts), sorted(lefts)[1:], strict=False)]
    assert min(steps, default=MIN_SQUARE) >= MIN_SQUARE  # squares side by side, not piled on each other
