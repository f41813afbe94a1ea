"""The map page as a reader sees it, on a desktop screen and a phone, in both languages, with the network cut.

The map spans the page, the legend never covers a marker, the largest places show
their names and counts, a selected actor is zoomed to and drawn out of its place,
and the phone never scrolls sideways.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ecosystem import columns as C
from ecosystem.i18n import t
from ecosystem.maps import list_map_assets
from ecosystem.markers import short_label
from ecosystem.paths import OUTLINES_URL
from tests.browser.test_browser import MAP, SIDEBAR_MENU, TIMEOUT, wait_for_app
from tests.urls import ACTOR, LANG, page_url
from tools.appserver import block_external

SIZES = {"desktop": (1440, 900), "phone": (390, 844)}
SCREENS = [(size, lang) for size in SIZES for lang in ("fr", "en")]
CANVAS = f"{MAP} .ecosystem-map-canvas"
SELECTED = "innate-pharma"

# Every marker, cluster and place drawn, by its centre (a place's ring, not its name), inside the map's frame.
MARKER_CENTRES = """() => {
  const frame = document.querySelector('.ecosystem-map-canvas').getBoundingClientRect();
  const out = [];
  for (const el of document.querySelectorAll('.ecosystem-map .ecosystem-marker, .ecosystem-map .marker-cluster')) {
    const box = (el.querySelector('.ecosystem-group-ring') || el).getBoundingClientRect();
    const x = box.x + box.width / 2, y = box.y + box.height / 2;
    if (x < frame.left || x > frame.right || y < frame.top || y > frame.bottom) continue;
    const hit = document.elementFromPoint(x, y);
    out.push({label: el.getAttribute('aria-label') || el.textContent, hit: !!hit && el.contains(hit),
              legend: !!hit && !!hit.closest('.ecosystem-legend, .leaflet-control')});
  }
  return out;
}"""


@pytest.fixture(params=SCREENS, ids=[f"{size}-{lang}" for size, lang in SCREENS])
def screen(request, browser):
    size, lang = request.param
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route("**/*", block_external)
    page = context.new_page()
    yield page, size, lang
    context.close()


def open_map(page: Page, base: str, params: dict) -> None:
    page.goto(page_url(base, "map", params))
    if page.viewport_size["width"] > 640:
        wait_for_app(page)
    else:  # the sidebar starts folded on a phone
        page.wait_for_selector(SIDEBAR_MENU, state="attached", timeout=TIMEOUT)
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)
    page.locator(f"{MAP}[data-ready=true]").wait_for(state="attached", timeout=TIMEOUT)
    page.locator(f"{MAP} .leaflet-marker-icon").first.wait_for(state="attached", timeout=TIMEOUT)
    page.wait_for_timeout(1200)  # the places settle after the first draw


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def within(inner: dict, outer: dict) -> bool:
    """Whether a box lies wholly inside another."""
    horizontally = outer["x"] <= inner["x"] <= inner["x"] + inner["width"] <= outer["x"] + outer["width"]
    vertically = outer["y"] <= inner["y"] <= inner["y"] + inner["height"] <= outer["y"] + outer["height"]
    return horizontally and vertically


def test_the_map_spans_the_page_and_nothing_scrolls_sideways(screen, app_url):
    page, size, lang = screen
    open_map(page, app_url, {LANG: lang})
    width, height = SIZES[size]
    canvas = box(page, CANVAS)
    assert canvas["width"] >= (0.6 if size == "desktop" else 0.85) * width
    assert canvas["height"] >= 0.55 * height
    expect(page.locator('[data-testid="stButton"]').filter(has_text="Fermer|Close")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # the download button's label is whole, and within the screen
    label = page.locator('[data-testid="stDownloadButton"] button p').first
    assert label.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert label.bounding_box()["x"] + label.bounding_box()["width"] <= width
    # a metric scale only
    scales = page.locator(f"{MAP} .leaflet-control-scale-line").all_inner_texts()
    assert len(scales) == 1
    assert scales[0].endswith((" m", " km"))


def test_the_legend_covers_no_marker(screen, app_url):
    page, size, lang = screen
    open_map(page, app_url, {LANG: lang})
    centres = page.evaluate(MARKER_CENTRES)
    assert len(centres) > 10  # Marseille's places and actors are drawn
    assert [c["label"] for c in centres if not c["hit"] or c["legend"]] == []
    legend = page.locator(f"{MAP} .ecosystem-legend")
    expect(legend).to_contain_text("Biotech")
    expect(legend).to_contain_text("Types d'acteurs" if lang == "fr" else "Types of actor")
    # outside the map, under it; folded on a phone until the reader opens it
    assert box(page, f"{MAP} .ecosystem-legend")["y"] >= box(page, CANVAS)["y"] + box(page, CANVAS)["height"]
    assert legend.evaluate("el => el.open") is (size == "desktop")


def test_the_largest_places_show_their_names_and_counts(screen, app_url, real):
    page, _, lang = screen
    open_map(page, app_url, {LANG: lang})
    local = real.actors[real.actors[C.SCOPE] == real.home_scope]
    largest = local.groupby(C.SITE).size().sort_values(ascending=False, kind="stable").head(5)
    names = real.places.set_index(C.ID)[C.NAME]
    # the names drawn within the map's frame, with the count in the ring
    shown = page.locator(f"{MAP} .ecosystem-group").evaluate_all(
        """els => { const f = document.querySelector('.ecosystem-map-canvas').getBoundingClientRect();
          return els.map(el => [el.querySelector('.ecosystem-group-name'), el.querySelector('span').textContent])
            .filter(([name]) => { const b = name.getBoundingClientRect();
              return name.offsetParent && b.left >= f.left && b.right <= f.right && b.top >= f.top && b.bottom <= f.bottom; })
            .map(([name, count]) => [name.textContent, count]); }"""
    )
    for site, count in largest.items():
        assert any(names[site].startswith(name) and int(number) == count for name, number in shown), (site, shown)


def test_a_click_on_a_place_fans_its_actors_inside_the_map(screen, app_url, real):
    """Luminy's actors, all at the campus's point near the map's lower edge, spread out within the frame."""
    page, _, lang = screen
    open_map(page, app_url, {LANG: lang})
    names = real.actors.loc[real.actors[C.SITE] == "luminy", C.NAME].map(short_label)
    luminy = page.locator(f"{MAP} .ecosystem-group").filter(has_text="Luminy")
    expect(luminy.locator("span")).to_have_text(str(len(names)))
    luminy.locator(".ecosystem-group-ring").click()
    expect(luminy).to_have_count(0, timeout=TIMEOUT)  # the place's marker gives way to its actors
    page.wait_for_timeout(300)
    canvas = box(page, CANVAS)
    for name in names:
        marker = page.locator(MAP).get_by_label(name, exact=True)
        expect(marker).to_be_visible()
        place = marker.bounding_box()
        assert within(place, canvas), name
        assert marker.evaluate(
            "el => { const b = el.getBoundingClientRect(); return el.contains(document.elementFromPoint("
            "b.x + b.width / 2, b.y + b.height / 2)); }"
        ), name


def test_a_selected_actor_is_zoomed_to_out_of_its_place_and_highlighted(screen, app_url, real):
    page, size, lang = screen
    open_map(page, app_url, {ACTOR: SELECTED, LANG: lang})
    actor = real.actors.loc[SELECTED]
    selected = page.locator(f"{MAP} .ecosystem-marker.selected")
    expect(selected).to_have_count(1, timeout=TIMEOUT)
    expect(selected).to_have_attribute("aria-label", short_label(actor[C.NAME]))
    assert selected.evaluate("el => !el.closest('.marker-cluster')")
    # drawn on top, inside the map
    centre = selected.evaluate(
        """el => { const b = el.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
                   const f = document.querySelector('.ecosystem-map-canvas').getBoundingClientRect();
                   return [el.contains(document.elementFromPoint(x, y)), x > f.left && x < f.right && y > f.top && y < f.bottom]; }"""
    )
    assert centre == [True, True]
    # the card beside the map on a desktop, under it on a phone
    card = page.get_by_role("heading", name=actor[C.NAME])
    expect(card).to_be_visible(timeout=TIMEOUT)
    canvas, heading = box(page, CANVAS), card.bounding_box()
    if size == "desktop":
        assert heading["x"] >= canvas["x"] + canvas["width"]
    else:
        assert heading["y"] >= canvas["y"] + canvas["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Before the page's scripts: the order in which the first marker, the sidebar and its filters appear,
# and the sidebar's width when the first marker does.
WATCH_ORDER = """
(() => {
  const seen = (window.__order = []);
  const stages = [["marker", %(marker)r], ["sidebar", '[data-testid="stSidebar"]'],
                  ["filters", '[data-testid="stSidebar"] [data-testid="stTextInput"]']];
  new MutationObserver(() => {
    for (const [name, selector] of stages) {
      if (seen.some((entry) => entry[0] === name) || !document.querySelector(selector)) continue;
      const sidebar = document.querySelector('[data-testid="stSidebar"]');
      seen.push([name, sidebar ? Math.round(sidebar.getBoundingClientRect().width) : 0]);
    }
  }).observe(document, {childList: true, subtree: true});
})();
"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_first_visit_draws_the_markers_before_the_filters_in_a_sidebar_already_in_place(browser, app_url, lang):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        context.route("**/*", block_external)
        context.add_init_script(WATCH_ORDER % {"marker": f"{MAP} .ecosystem-marker, {MAP} .marker-cluster"})
        page = context.new_page()
        page.goto(page_url(app_url, "map", {LANG: lang}))
        # the filters come without any action of the reader's, and read as on every page
        search = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"]')
        expect(search).to_be_visible(timeout=TIMEOUT)
        expect(search).to_contain_text("Recherche" if lang == "fr" else "Search")
        order = page.evaluate("window.__order")
        names = [name for name, _ in order]
        assert names.index("sidebar") < names.index("marker") < names.index("filters"), names
        # the sidebar is open when the first marker comes: the map does not narrow when the filters do
        assert dict(order)["marker"] > 200
    finally:
        context.close()


def test_a_marker_names_its_actor_when_hovered_and_when_focused(browser, app_url, real):
    """Tooltips are made as markers are first drawn: a drawn marker has one, for the mouse and the keyboard."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        context.route("**/*", block_external)
        page = context.new_page()
        open_map(page, app_url, {ACTOR: SELECTED})
        name = short_label(real.actors.loc[SELECTED, C.NAME])
        tooltip = page.locator(f"{MAP} .leaflet-tooltip")
        marker = page.locator(f"{MAP} .ecosystem-marker.selected")
        marker.hover()
        expect(tooltip).to_have_text(name, timeout=TIMEOUT)
        page.mouse.move(5, 5)
        expect(tooltip).to_have_count(0, timeout=TIMEOUT)
        marker.focus()
        expect(tooltip).to_have_text(name, timeout=TIMEOUT)
        # a place of several actors names itself and its count the same way
        page.locator(f"{MAP} .ecosystem-group").first.focus()
        expect(tooltip.last).to_contain_text(":", timeout=TIMEOUT)
    finally:
        context.close()


def test_a_shared_link_connects_at_once_and_loads_each_of_the_maps_files_once(browser, app_url):
    """The page's HTML says where the server is (no probe of `/map/_stcore/`) and starts the map's files,
    which the map's component then takes from the same loader instead of asking again."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        context.route("**/*", block_external)
        page = context.new_page()
        paths: list[str] = []
        page.on("request", lambda request: paths.append(urlsplit(request.url).path))
        open_map(page, app_url, {LANG: "en"})
        assert "/map/_stcore/health" not in paths
        assert paths.count("/_stcore/health") >= 1
        assets = list_map_assets()
        for url in [*assets["css"], *(url for group in assets["js"] for url in group)]:
            assert paths.count(url) == 1, (url, paths.count(url))
        assert paths.count(OUTLINES_URL) == 1
        # Streamlit's module for the map's element comes with the page, not after the map's message
        assert sum(path.startswith("/static/js/BidiComponent.") for path in paths) == 1
        # and the page still knows which page it is (told the base, Streamlit reads the page from the rest)
        expect(page.locator("h1").first).to_contain_text(t("page_map", "en"))
    finally:
        context.close()
