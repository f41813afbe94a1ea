"""The presentation in a real Chromium at 1920x1080, network cut: every scene in both languages as the room sees it,
the keys and the timer, the print view one scene a page, and the press kit.

One test per language walks every scene in one page (one browser, the shared app server), so the whole walk
costs a page load and an axe run per scene.
"""

import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

from ecosystem.formatting import format_day
from ecosystem.i18n import t
from ecosystem.load import load_dataset
from ecosystem.present import SCENES, build_qr_data_uri
from ecosystem.presskit import build_presskit_html
from ecosystem.urlstate import PRINT
from tests.browser.test_a11y import describe, run_axe
from tests.browser.test_browser import TIMEOUT, wait_for_app
from tests.conftest import DATA
from tests.urls import EMBED, INTERVAL, LANG, SCENE, page_url, url_pattern
from tools.appserver import block_external

SLOW = 90_000  # a cold server on a busy machine can take this long for the first page
CONTROLS = ".st-key-present_controls"
LABELLED = ("map", "network")
MAP_URL = "https://immuno.example.org/map?lang=en"  # the scenes whose label boxes must never overlap

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

# Every visible text of the scene with its size on screen (SVG text scaled with its drawing); the controls are
# the presenter's, and checked apart.
SMALL_TEXT = """(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element || element.closest(".st-key-present_controls")) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === "hidden") continue;
    if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) continue;  // off screen
    let size = parseFloat(getComputedStyle(element).fontSize);
    const svg = element.closest("svg");
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      const frame = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
      size *= Math.min(frame.width / view.width, frame.height / view.height);
    }
    if (size < minimum - 0.01) small.push(node.textContent.trim().slice(0, 40) + " " + size.toFixed(1));
  }
  return small;
}"""

# The scene's figure against the space under its title, as a share.
FIGURE_SHARE = """() => {
  const title = document.querySelector("section.scene h1").getBoundingClientRect();
  const figure = document.querySelector("section.scene .scene-figure").getBoundingClientRect();
  return (figure.width * figure.height) / (window.innerWidth * (window.innerHeight - title.bottom));
}"""

# Pairs of visible label boxes that overlap, and labels that cover a marker.
OVERLAPS = """() => {
  const boxes = (selector) => [...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect())
    .filter((b) => b.width && b.height);
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const labels = boxes(".scene-label rect"), markers = boxes(".scene-marker > circle:first-child");
  const found = [];
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b, j) => { if (hit(a, b)) found.push(["labels", i, i + 1 + j]); }));
  labels.forEach((a, i) => markers.forEach((m, j) => { if (hit(a, m)) found.push(["marker", i, j]); }));
  return {count: labels.length, found};
}"""


# The closing scene's QR code as this page styles it: the test server has no public address, so a code (the
# same kind of image the scene draws with one, as AppTest checks) is put where the scene puts it, and measured.
QR_SIZE = """(source) => {
  const closing = document.querySelector(".scene-closing");
  let code = closing.querySelector("img");
  if (!code) {
    closing.insertAdjacentHTML("afterbegin", '<img alt="">');
    closing.querySelector("img").src = source;
    closing.style.gridTemplateColumns = "auto 1fr";
    code = closing.querySelector("img");
  }
  const box = code.getBoundingClientRect();
  return Math.min(box.width, box.height);
}"""


@pytest.fixture
def screen(browser):
    """A projector-sized page with every request beyond loopback refused."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.route("**/*", block_external)
    yield context.new_page()
    context.close()


def wait_for_scene(page: Page, name: str) -> None:
    page.locator(f'section.scene[data-scene="{name}"]').wait_for(timeout=SLOW)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    page.wait_for_timeout(300)


def controls_hidden(page: Page) -> bool:
    """Whether the controls are invisible (they may still be fading out from the first paint)."""
    try:
        expect(page.locator(CONTROLS)).to_have_css("opacity", "0", timeout=2_000)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_scene_as_the_room_sees_it(screen: Page, app_url, lang):
    """No set-up text, no controls until the pointer moves, a figure that fills the screen, no overlapping label,
    no text under 20 px, no scrollbar and nothing axe calls serious, in every scene."""
    problems: dict[str, object] = {}
    for number, name in enumerate(SCENES, start=1):
        screen.goto(page_url(app_url, "present", {SCENE: number, INTERVAL: 0, LANG: lang}))
        wait_for_scene(screen, name)
        text = screen.locator("body").inner_text()
        for hint in ("PUBLIC_BASE_URL", "secrets", "environment variable", "variable d'environnement"):
            if hint in text:
                problems[f"{name}: hint"] = hint
        if not controls_hidden(screen):
            problems[f"{name}: controls"] = "shown before the pointer moved"
        share = screen.evaluate(FIGURE_SHARE)
        if share < 0.8:
            problems[f"{name}: figure"] = round(share, 2)
        if name in LABELLED:
            labels = screen.evaluate(OVERLAPS)
            if labels["found"] or labels["count"] < 5:
                problems[f"{name}: labels"] = labels
        if small := screen.evaluate(SMALL_TEXT, 20):
            problems[f"{name}: small text"] = small[:5]
        if scrollers := screen.evaluate(SCROLLERS):
            problems[f"{name}: scroll"] = scrollers
        if name == "closing" and (size := screen.evaluate(QR_SIZE, build_qr_data_uri(MAP_URL))) < 240:
            problems[f"{name}: QR code"] = size
        if violations := run_axe(screen):
            problems[f"{name}: axe"] = describe(violations)
        expect(screen.locator('[data-testid="stException"]')).to_have_count(0)
    assert problems == {}
    # The presenter's pointer wakes the controls; still, they fall asleep again.
    screen.mouse.move(900, 500)
    screen.mouse.move(960, 560, steps=4)
    expect(screen.locator(CONTROLS)).to_have_css("opacity", "1", timeout=TIMEOUT)
    expect(screen.locator(CONTROLS)).to_have_css("opacity", "0", timeout=TIMEOUT)


def test_the_checks_can_fail(screen: Page, app_url):
    """The checks above see a page that scrolls, small text and overlapping labels."""
    screen.goto(page_url(app_url, "present", {SCENE: "network", INTERVAL: 0, LANG: "en"}))
    wait_for_scene(screen, "network")
    screen.evaluate("""() => {
      const rects = document.querySelectorAll(".scene-label rect");
      rects[1].setAttribute("x", rects[0].getAttribute("x")); rects[1].setAttribute("y", rects[0].getAttribute("y"));
      document.querySelector("section.scene h1").style.setProperty("font-size", "12px", "important");
      document.querySelector("section.scene").style.height = "150vh";
    }""")
    assert screen.evaluate(OVERLAPS)["found"]
    assert screen.evaluate(SMALL_TEXT, 20)
    assert screen.evaluate(SCROLLERS)


def press_and_expect(page: Page, key: str, scene: int) -> None:
    page.keyboard.press(key)
    expect(page).to_have_url(url_pattern("present", {SCENE: scene}), timeout=TIMEOUT)
    wait_for_scene(page, SCENES[scene - 1])
    page.wait_for_timeout(700)  # a key pressed while the scene still draws may be lost, as with a click


def test_arrow_keys_and_clicker_move_between_scenes(screen: Page, app_url):
    screen.goto(page_url(app_url, "present", {SCENE: 1, INTERVAL: 0, LANG: "en"}))
    wait_for_scene(screen, SCENES[0])
    press_and_expect(screen, "ArrowRight", 2)
    press_and_expect(screen, "PageDown", 3)  # a presenter's clicker
    press_and_expect(screen, "ArrowLeft", 2)
    press_and_expect(screen, "PageUp", 1)
    press_and_expect(screen, "ArrowLeft", len(SCENES))  # the show loops


def test_scenes_advance_by_themselves_and_pause_stops_them(screen: Page, app_url):
    screen.goto(page_url(app_url, "present", {SCENE: 5, INTERVAL: 5, LANG: "en"}))
    wait_for_scene(screen, SCENES[4])
    expect(screen).to_have_url(url_pattern("present", {SCENE: 6}), timeout=20_000)
    wait_for_scene(screen, SCENES[5])
    screen.mouse.move(800, 600)  # the controls show while the pointer moves
    screen.mouse.move(900, 700, steps=4)
    expect(screen.locator(CONTROLS)).to_have_css("opacity", "1", timeout=TIMEOUT)
    screen.get_by_role("button", name=re.compile("Pause")).click()
    expect(screen.get_by_role("button", name=re.compile("Resume"))).to_be_attached(timeout=TIMEOUT)
    screen.wait_for_timeout(7_000)
    expect(screen).to_have_url(url_pattern("present", {SCENE: 6}))


def test_embedded_show_never_shows_its_controls(screen: Page, app_url):
    screen.goto(page_url(app_url, "present", {SCENE: 2, INTERVAL: 0, LANG: "en", EMBED: "true"}))
    wait_for_scene(screen, SCENES[1])
    screen.mouse.move(700, 700)
    screen.mouse.move(800, 800)
    screen.wait_for_timeout(300)
    expect(screen.locator(CONTROLS)).to_be_hidden()


def count_pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def test_print_view_gives_one_page_per_scene(screen: Page, app_url, tmp_path):
    screen.goto(page_url(app_url, "present", {PRINT: "true", LANG: "fr"}))
    screen.locator("section.scene").nth(len(SCENES) - 1).wait_for(timeout=SLOW)
    screen.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    path = tmp_path / "show.pdf"
    screen.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    assert count_pdf_pages(path) == len(SCENES)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_press_kit_is_one_page_with_its_title_and_data_date(screen: Page, tmp_path, lang):
    dataset = load_dataset(DATA)
    screen.set_content(build_presskit_html(dataset, lang))
    path = tmp_path / f"kit-{lang}.pdf"
    screen.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    assert count_pdf_pages(path) == 1
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+" + re.escape(t("presskit_title", lang)), info, re.MULTILINE)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert format_day(dataset.data_as_of, lang) in " ".join(text.split())


def test_presentation_is_hidden_from_the_menu(page: Page, app_url):
    page.goto(page_url(app_url, "about", {LANG: "en"}))
    wait_for_app(page)
    nav = page.locator(".st-key-app_menu")
    expect(nav).to_contain_text("Map")
    expect(nav).not_to_contain_text("Presentation")
