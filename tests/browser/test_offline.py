"""Nothing comes from outside but the map's tiles: every page, both languages, every scene, offline.

Every request the browser makes beyond loopback is recorded and refused, so
the pages run as they would on a projector with no network; a request to any
host but the tile server's (fonts, icons, favicon, scripts) fails the test.
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from ecosystem.i18n import LANGS
from ecosystem.maps import TILES_URL
from ecosystem.navigation import PAGES
from tests.browser.test_browser import TIMEOUT, wait_for_app
from tests.urls import ACTOR, INTERVAL, LANG, SCENE, page_url
from tools.appserver import block_external, is_outside

TILE_HOST = urlsplit(TILES_URL).hostname
SETTLE = 2_500  # after the last run: components, fonts and the map's tiles ask for their files


# The opening (text), the map (SVG over the communes' outlines) and the closing (the QR code).
OFFLINE_SCENES = ("opening", "map", "closing")


def visits(actor: str) -> Iterator[tuple[str, dict[str, object]]]:
    """Every registered page in both languages, and the presentation's scenes that draw more than text
    (manual, so they stay): every scene is HTML drawn by the server, so these stand for the others."""
    for lang in LANGS:
        for spec in PAGES:
            if spec.key != "present":
                yield spec.key, {LANG: lang, **({ACTOR: actor} if spec.key == "actor" else {})}
        for scene in OFFLINE_SCENES:
            yield "present", {SCENE: scene, INTERVAL: 0, LANG: lang}


def wait_for_page(page, key: str) -> None:
    """Until the page has run: the presentation has no sidebar, so its heading says it is there."""
    if key == "present":
        page.get_by_role("heading", level=1).wait_for(timeout=TIMEOUT)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    else:
        wait_for_app(page)


def test_every_page_asks_no_host_but_the_tile_servers(browser: Browser, app_url, real):
    outside: dict[str, set[str]] = {}
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    current = {"url": ""}

    def refuse_outside(route) -> None:
        url = route.request.url
        if is_outside(url):
            outside.setdefault(urlsplit(url).hostname or url, set()).add(current["url"])
        block_external(route)

    context.route("**/*", refuse_outside)
    page = context.new_page()
    opened = []
    try:
        for key, params in visits(str(real.actors.iloc[0]["id"])):
            current["url"] = page_url(app_url, key, params)
            page.goto(current["url"])
            wait_for_page(page, key)
            page.wait_for_timeout(SETTLE)
            opened.append(current["url"])
    finally:
        context.close()
    assert len(opened) == len(LANGS) * (len(PAGES) - 1 + len(OFFLINE_SCENES))
    assert TILE_HOST in outside  # the check sees outside requests: the map asked for its tiles
    others = {host: sorted(urls) for host, urls in outside.items() if host != TILE_HOST}
    assert not others, others


@pytest.mark.parametrize("key", ["home", "present"])
def test_the_tab_icon_is_the_apps_own(browser: Browser, app_url, key):
    """The favicon is the app's (inlined), not a font host's icon nor Streamlit's default."""
    context = browser.new_context()
    context.route("**/*", block_external)
    page = context.new_page()
    try:
        page.goto(page_url(app_url, key, {SCENE: 1, INTERVAL: 0} if key == "present" else {}))
        wait_for_page(page, key)
        icons = page.eval_on_selector_all("link[rel~=icon]", "links => links.map(link => link.href)")
        assert icons
        assert all(href.startswith("data:image/svg+xml") for href in icons), icons
    finally:
        context.close()
