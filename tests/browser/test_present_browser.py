"""The presentation in a real Chromium at 1920x1080, network cut: every scene fits, keys and timer move it."""

import re

import pytest
from playwright.sync_api import Page, expect

from ecosystem.present import SCENES
from tests.browser.test_browser import MAP, TIMEOUT, wait_for_app
from tests.urls import INTERVAL, LANG, SCENE, page_url, url_pattern
from tools.appserver import block_external

SLOW = 90_000  # a cold server on a busy machine can take this long for the first page

# Whether anything on the page scrolls: the document itself, or any element that scrolls its overflow.
SCROLLERS = """() => {
  const found = [];
  const root = document.scrollingElement;
  if (root.scrollHeight > window.innerHeight) found.push("document " + root.scrollHeight + ">" + window.innerHeight);
  for (const element of document.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (["auto", "scroll"].includes(style.overflowY) && element.scrollHeight > element.clientHeight + 1) {
      found.push((element.getAttribute("data-testid") || element.tagName) + " " + element.scrollHeight + ">" + element.clientHeight);
    }
  }
  return found;
}"""


@pytest.fixture
def screen(browser):
    """A projector-sized page with every request beyond loopback refused."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.route("**/*", block_external)
    yield context.new_page()
    context.close()


def wait_for_scene(page: Page) -> None:
    page.get_by_role("heading", level=1).wait_for(timeout=SLOW)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    for chart in page.locator('[data-testid="stPlotlyChart"]').all():  # plotly loads lazily
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=TIMEOUT)
    for index in range(page.locator(MAP).count()):  # the map draws its markers
        page.locator(MAP).nth(index).locator(".leaflet-marker-icon").first.wait_for(state="attached", timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # maps and charts settle


@pytest.mark.parametrize("scene", range(1, len(SCENES) + 1))
def test_each_scene_fits_the_screen_without_scrolling(screen: Page, app_url, scene):
    screen.goto(page_url(app_url, "present", {SCENE: scene, INTERVAL: 0, LANG: "en"}))
    wait_for_scene(screen)
    expect(screen.locator('[data-testid="stSidebar"]')).to_be_hidden()
    assert screen.evaluate("document.scrollingElement.scrollHeight <= innerHeight")
    assert screen.evaluate(SCROLLERS) == []
    expect(screen.locator('[data-testid="stException"]')).to_have_count(0)


def test_the_no_scroll_check_sees_a_page_that_scrolls(screen: Page, app_url):
    """The check above can fail: the long home page scrolls at the same size."""
    screen.goto(page_url(app_url, "home", {LANG: "en"}))
    wait_for_app(screen)
    # the page is long once its charts have drawn (plotly loads lazily)
    screen.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(state="attached", timeout=TIMEOUT)
    assert screen.evaluate(SCROLLERS) != []


TITLES = {1: "The cluster in figures", 2: "Where they are", 3: "Who works on what", 6: "Who is linked to whom"}


def press_and_expect(page: Page, key: str, scene: int) -> None:
    page.keyboard.press(key)
    expect(page).to_have_url(url_pattern("present", {SCENE: scene}), timeout=TIMEOUT)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLES[scene], timeout=TIMEOUT)
    # a key pressed while the scene still draws may be lost, as with a click
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    page.wait_for_timeout(1000)


def test_arrow_keys_and_clicker_move_between_scenes(screen: Page, app_url):
    screen.goto(page_url(app_url, "present", {SCENE: 1, INTERVAL: 0, LANG: "en"}))
    wait_for_scene(screen)
    press_and_expect(screen, "ArrowRight", 2)
    press_and_expect(screen, "PageDown", 3)  # a presenter's clicker
    press_and_expect(screen, "ArrowLeft", 2)
    press_and_expect(screen, "PageUp", 1)
    press_and_expect(screen, "ArrowLeft", 6)  # the show loops


def test_scenes_advance_by_themselves_and_pause_stops_them(screen: Page, app_url):
    screen.goto(page_url(app_url, "present", {SCENE: 4, INTERVAL: 5, LANG: "en"}))
    wait_for_scene(screen)
    expect(screen).to_have_url(url_pattern("present", {SCENE: 5}), timeout=20_000)
    expect(screen.get_by_role("heading", level=1)).to_have_text("France 2030 laureates")
    screen.get_by_role("button", name=re.compile("Pause")).click()
    expect(screen.get_by_role("button", name=re.compile("Resume"))).to_be_visible(timeout=TIMEOUT)
    screen.wait_for_timeout(8_000)
    expect(screen).to_have_url(url_pattern("present", {SCENE: 5}))


def test_presentation_is_hidden_from_the_menu(page: Page, app_url):
    page.goto(page_url(app_url, "about", {LANG: "en"}))
    wait_for_app(page)
    nav = page.locator(".st-key-app_menu")
    expect(nav).to_contain_text("Map")
    expect(nav).not_to_contain_text("Presentation")
