"""A fresh server's first visitor never sees Streamlit's automatic menu, from the first paint on.

Until some session calls `st.navigation`, Streamlit builds a menu from the file
names in `pages/`. Each case starts a server of its own, so the visit is truly
the first, and watches every change to the page from before the first paint
(a MutationObserver installed before any script of the page runs).
"""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from ecosystem.i18n import t
from ecosystem.navigation import PAGES
from tests.browser.test_browser import TIMEOUT
from tests.urls import INTERVAL, LANG, SCENE, page_url
from tools.appserver import block_external, run_app_server

# The names Streamlit's own menu would show: the entry script's and each page file's.
FILE_NAMES = sorted({"dashboard", *(Path(spec.file).stem for spec in PAGES)})
STREAMLIT_MENU = '[data-testid="stSidebarNav"], [data-testid="stSidebarNavItems"], [data-testid="stSidebarNavLink"]'

# Before the page's scripts: note, at every change of the DOM, Streamlit's menu and any text that is a file name.
WATCH = """
(() => {
  const names = new Set(%(names)s);
  const seen = window.__firstPaint = {menus: 0, names: [], changes: 0};
  const look = () => {
    seen.changes += 1;
    if (document.querySelector(%(menu)r)) { seen.menus += 1; }
    for (const node of document.querySelectorAll("a, span, li, p")) {
      if (node.closest('[data-testid="stIconMaterial"]')) { continue; }  // an icon's ligature, not text
      let text = node.textContent || "";
      for (const icon of node.querySelectorAll('[data-testid="stIconMaterial"]')) {
        text = text.replace(icon.textContent, "");
      }
      text = text.trim();
      if (names.has(text) && !seen.names.includes(text)) { seen.names.push(text); }
    }
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true, characterData: true});
  document.addEventListener("DOMContentLoaded", look);
})();
"""


@pytest.fixture
def fresh_server():
    with run_app_server() as base:
        yield base


def open_first(browser: Browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", block_external)
    context.add_init_script(WATCH % {"names": FILE_NAMES, "menu": STREAMLIT_MENU})
    page = context.new_page()
    page.goto(url)
    return context, page


def seen(page) -> dict:
    return page.evaluate("window.__firstPaint")


def test_first_visit_to_a_page_shows_only_the_apps_menu(browser: Browser, fresh_server):
    context, page = open_first(browser, page_url(fresh_server, "map", {LANG: "en"}))
    try:
        menu = page.locator(".st-key-app_menu")
        expect(menu).to_be_visible(timeout=TIMEOUT)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
        listed = [spec for spec in PAGES if spec.listed]
        links = menu.locator("a")
        expect(links).to_have_count(len(listed))
        for link, spec in zip(links.all(), listed, strict=True):
            expect(link).to_have_accessible_name(t(spec.title_key, "en"))
        # the page shown is marked: its link alone has a background
        backgrounds = links.evaluate_all("links => links.map(link => getComputedStyle(link).backgroundColor)")
        current = next(i for i, spec in enumerate(listed) if spec.key == "map")
        assert all(colour != backgrounds[current] for i, colour in enumerate(backgrounds) if i != current), backgrounds
        watched = seen(page)
        assert watched["changes"] > 0  # the watch saw the page being built
        assert watched == {**watched, "menus": 0, "names": []}
        expect(page.locator(STREAMLIT_MENU)).to_have_count(0)
    finally:
        context.close()


def test_first_visit_to_the_presentation_shows_no_menu(browser: Browser, fresh_server):
    context, page = open_first(browser, page_url(fresh_server, "present", {SCENE: 1, INTERVAL: 0}))
    try:
        expect(page.get_by_role("heading", level=1)).to_have_text(t("scene_opening", "fr"), timeout=TIMEOUT)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
        watched = seen(page)
        assert watched["changes"] > 0
        assert watched == {**watched, "menus": 0, "names": []}
        expect(page.locator(".st-key-app_menu")).to_have_count(0)
    finally:
        context.close()
