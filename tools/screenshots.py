"""Screenshots for the README: `python tools/screenshots.py [pages] [scenes]` (both by default).

Runs the real app with the real dataset in Debian's chromium, network blocked
beyond loopback, exactly as the browser tests do. Each presentation scene is
shot at 1920x1080, the projector's size; with PUBLIC_BASE_URL set in the
environment, the scenes show their QR code.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecosystem import columns as C
from ecosystem.navigation import get_page
from ecosystem.present import SCENES
from ecosystem.schema import load_schema
from ecosystem.share import build_public_url
from ecosystem.urlstate import ACTOR, INTERVAL, LANG, SCENE
from tools.appserver import CHROMIUM_ARGS, ROOT, block_external, find_chromium, run_app_server

SCHEMA = load_schema(ROOT / "data")
AREA, MODALITY = SCHEMA.facet_name(C.AREAS), SCHEMA.facet_name(C.MODALITIES)


def page_url(key: str, params: dict[str, str]) -> str:
    """A page's path and view, as the app builds its own links (the base is the server's)."""
    return build_public_url(None, get_page(key).url_path, params)


# file -> (path, number of plotly charts to wait for); the pages at a laptop's 1440x900
SHOTS = {
    "home.png": (page_url("home", {LANG: "en"}), 2),
    "map.png": (page_url("map", {LANG: "en", ACTOR: "innate-pharma"}), 0),
    "directory.png": (page_url("directory", {LANG: "en", AREA: "oncology", MODALITY: "monoclonal_antibody"}), 0),
    "actor.png": (page_url("actor", {LANG: "en", ACTOR: "innate-pharma"}), 0),
}
VIEWPORT = {"width": 1440, "height": 900}
OUT = ROOT / "docs" / "screenshots"
SCENE_SHOTS = {
    f"present-{number}-{name}.png": page_url("present", {SCENE: str(number), INTERVAL: "0", LANG: "en"})
    for number, name in enumerate(SCENES, start=1)
}
TIMEOUT = 90_000  # a cold server on a busy machine
MAP = ".ecosystem-map"


def wait_for_charts(page) -> None:
    """Plotly loads lazily: wait for every chart on the page to draw."""
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    for chart in page.locator('[data-testid="stPlotlyChart"]').all():
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=TIMEOUT)
    for index in range(page.locator(MAP).count()):  # and the maps their markers
        markers = page.locator(MAP).nth(index).locator(".leaflet-marker-icon")
        markers.first.wait_for(state="attached", timeout=TIMEOUT)


def shoot_scenes(browser, base: str) -> None:
    """One 1920x1080 image per presentation scene, with no scrollbar (checked, not assumed)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.route("**/*", block_external)
    page = context.new_page()
    for name, path in SCENE_SHOTS.items():
        page.goto(base + path)
        page.get_by_role("heading", level=1).wait_for(timeout=TIMEOUT)
        wait_for_charts(page)
        page.wait_for_timeout(2500)  # maps settle their clusters
        if not page.evaluate("document.scrollingElement.scrollHeight <= innerHeight"):
            print(f"warning: {name} scrolls at 1920x1080", file=sys.stderr)
        page.screenshot(path=str(OUT / name))
        print(OUT / name)
    context.close()


def main(which: list[str]) -> int:
    which = which or ["pages", "scenes"]
    executable = find_chromium()
    if executable is None:
        print("chromium is needed: apt-get install chromium", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with run_app_server() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        if "scenes" in which:
            shoot_scenes(browser, base)
        context = browser.new_context(viewport=VIEWPORT)
        context.route("**/*", block_external)
        page = context.new_page()
        for name, (path, charts) in SHOTS.items() if "pages" in which else ():
            page.goto(base + path)
            page.wait_for_selector('[data-testid="stSidebar"]', timeout=30_000)
            page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
            for index in range(charts):  # plotly loads lazily
                page.locator('[data-testid="stPlotlyChart"] .main-svg').nth(index).wait_for(
                    state="attached", timeout=30_000
                )
            page.wait_for_timeout(4000)  # maps settle their clusters, tables draw their cells
            page.screenshot(path=str(OUT / name))
            print(OUT / name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
