"""The directory uses the page: a tall table, the columns a reader needs in view, empty cells empty.

Streamlit's dataframe draws on a canvas; its accessible twin (a hidden `table` inside
`[data-testid=stDataFrame]`) holds the cells in view, which the test reads, scrolling the grid
sideways to reach every column. The twin shows a missing value as an empty cell whatever the
canvas draws, so what it catches is a "None"/"nan"/"NaT" written into the table's data; the canvas's
own placeholder for missing values is set by the page (`placeholder=""`).
"""

import pytest
from playwright.sync_api import Page

from ecosystem import columns as C
from ecosystem.i18n import t
from tests.urls import LANG, page_url
from tools.appserver import block_external

TIMEOUT = 60_000
GRID = "[data-testid=stDataFrame]"
EMPTY_WORDS = {"None", "nan", "NaN", "NaT", "<NA>", "null"}
# The columns a reader needs without scrolling sideways, by their catalogue keys.
NEEDED = ("col_name", f"col_{C.TYPE}", f"col_{C.AREAS}", f"col_{C.MODALITIES}", f"col_{C.STAGE}", "col_city")
READ_CELLS = """grid => [...grid.querySelectorAll('table tr')].map(row =>
    [...row.querySelectorAll('th, td')].map(cell => cell.innerText.trim()))"""


def open_directory(browser, app_url: str, width: int, height: int, lang: str) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route("**/*", block_external)
    page = context.new_page()
    page.goto(page_url(app_url, "directory", {LANG: lang}))
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    page.wait_for_selector(f"{GRID} table tr td", state="attached", timeout=TIMEOUT)
    page.wait_for_timeout(1000)  # the grid sizes its columns after its first draw
    return page


def read_every_cell(page: Page) -> tuple[list[str], list[str]]:
    """(headers, cells) of the rows in view, over every column: the grid is scrolled sideways step by step."""
    grid = page.locator(GRID).first
    scroller = grid.locator(".dvn-scroller").first
    headers: list[str] = []
    cells: list[str] = []
    width = scroller.evaluate("element => element.scrollWidth")
    step = max(scroller.evaluate("element => element.clientWidth") // 2, 100)
    for left in range(0, width + step, step):
        scroller.evaluate("(element, left) => { element.scrollLeft = left; }", left)
        page.wait_for_timeout(300)
        rows = grid.evaluate(READ_CELLS)
        headers += [header for header in (rows[0] if rows else []) if header not in headers]
        cells += [cell for row in rows[1:] for cell in row]
    return headers, cells


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_directory_fills_the_page_and_shows_no_none(browser, app_url, width, height, lang):
    page = open_directory(browser, app_url, width, height, lang)
    try:
        box = page.locator(GRID).first.bounding_box()
        assert box is not None
        assert box["height"] >= 600
        first = page.locator(GRID).first.evaluate(READ_CELLS)
        if width >= 1440:  # the columns a reader needs are in view without scrolling
            assert set(first[0]) >= {t(key, lang) for key in NEEDED}
            assert box["width"] >= 900
        else:  # the page itself does not scroll sideways: the table does
            assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
        headers, cells = read_every_cell(page)
        assert t("col_founded", lang) in headers
        assert t("col_identifiers", lang) in headers
        assert cells
        assert not EMPTY_WORDS & set(cells)
    finally:
        page.context.close()
