"""`python -m tools.presskit` (`make presskit`): the one-page press kit in each language, printed to PDF.

The browser's own print (Debian's chromium, headless, through Playwright) lays out the
same HTML and SVG as the presentation: no PDF library to add, nothing fetched, the
fonts and colours the audience saw. The files go to `static/presskit/`, where the
about page offers them.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from ecosystem.config import resolve_data_dir
from ecosystem.i18n import LANGS
from ecosystem.load import load_dataset
from ecosystem.presskit import PRESSKIT_DIR, build_presskit_html, presskit_path
from tools.appserver import CHROMIUM_ARGS, find_chromium


def print_presskits(
    directory: Path = PRESSKIT_DIR, langs: tuple[str, ...] = LANGS, public_url: str | None = None
) -> list[Path]:
    """Print the press kit in each of `langs` into `directory`; the paths written."""
    dataset = load_dataset(resolve_data_dir())
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # everything is inline: nothing to fetch
        for lang in langs:
            page.set_content(build_presskit_html(dataset, lang, public_url))
            path = presskit_path(lang, directory)
            page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
            written.append(path)
        browser.close()
    return written


if __name__ == "__main__":
    for written in print_presskits():
        print(written, file=sys.stderr)
