"""Screenshots of the main pages for the README: `python tools/screenshots.py`.

Runs the real app with the real dataset in Debian's chromium, network blocked
beyond loopback, exactly as the browser tests do.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.appserver import CHROMIUM_ARGS, ROOT, block_external, find_chromium, run_app_server  # noqa: E402

# file -> (path, number of plotly charts to wait for)
SHOTS = {
    "home.png": ("/?lang=en", 2),
    "map.png": ("/map?lang=en&actor=innate-pharma", 0),
    "directory.png": ("/directory?lang=en&area=oncology&modality=monoclonal_antibody", 0),
    "actor.png": ("/actor?lang=en&actor=innate-pharma", 0),
}
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    executable = find_chromium()
    if executable is None:
        print("chromium is needed: apt-get install chromium", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with run_app_server() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", block_external)
        page = context.new_page()
        for name, (path, charts) in SHOTS.items():
            page.goto(base + path)
            page.wait_for_selector('[data-testid="stSidebar"]', timeout=30_000)
            page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
            for index in range(charts):  # plotly loads lazily
                page.locator('[data-testid="stPlotlyChart"] .main-svg').nth(index).wait_for(
                    state="attached", timeout=30_000
                )
            page.wait_for_timeout(2500)  # maps settle their clusters
            page.screenshot(path=str(OUT / name))
            print(OUT / name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
