"""The sidebar never lies, in a real browser: after each route, every widget shows the view in the URL.

The walks: a deep link with filters in English, a page change through the
menu, a filter chosen in a box, a click on the area x modality matrix, a move
to the directory, the browser's back button; and a click on a network node,
then back. After each step the widgets are read as
the reader sees them (the chips, the checked segment, the slider's thumbs…) and
compared with the view the URL holds, decoded by the URL contract.
"""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from ecosystem import columns as C
from ecosystem.filters import FLAGS, filter_actors, founded_bounds
from ecosystem.i18n import t
from ecosystem.matrix import build_matrix_points
from ecosystem.network import build_network_figure, build_nodes, compute_layout, select_edges
from ecosystem.urlstate import decode_state
from ecosystem.vocabularies import SCOPES
from tests.browser.test_browser import TIMEOUT, wait_for_app
from tests.browser.test_story_browser import click_point
from tests.urls import ACTOR, AREA, FOUNDED, LANG, MODALITY, SCOPE, TYPE, page_path_pattern, page_url
from tools.appserver import block_external

SIDEBAR = '[data-testid="stSidebar"]'
COUNT = re.compile(r"\s*\(\d+\)$")  # an option's count, "Biotech (15)" → "Biotech"


def widget(page: Page, kind: str, label: str):
    """The sidebar widget of `kind` (its data-testid) whose label is exactly `label`."""
    name = page.locator('[data-testid="stWidgetLabel"]', has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    return page.locator(SIDEBAR).locator(f'[data-testid="{kind}"]').filter(has=name)


def read_shown(page: Page, real, lang: str) -> dict[str, object]:
    """What each sidebar widget shows the reader, as labels."""
    sidebar = page.locator(SIDEBAR)
    checked = sidebar.locator('[data-testid="stButtonGroup"] button[aria-checked="true"]').all_inner_texts()
    shown: dict[str, object] = {LANG: [text.strip().lower() for text in checked]}
    shown["q"] = widget(page, "stTextInput", t("filter_q", lang)).locator("input").input_value()
    for facet in real.schema.facets:
        chips = widget(page, "stMultiSelect", t(f"filter_{facet.name}", lang)).locator("[data-tag]")
        labels = chips.evaluate_all("chips => chips.map(chip => chip.getAttribute('aria-label'))")
        shown[facet.name] = sorted(COUNT.sub("", text).strip() for text in labels)
    thumbs = widget(page, "stSlider", t("filter_founded", lang)).locator('input[type="range"]')
    shown[FOUNDED] = tuple(int(value) for value in thumbs.evaluate_all("ts => ts.map(t => t.value)"))
    radios = widget(page, "stRadio", t("filter_scope", lang))
    picked = radios.locator("label").filter(has=page.locator("input:checked")).all_inner_texts()
    shown[SCOPE] = [COUNT.sub("", text).strip() for text in picked]
    for flag in FLAGS:
        shown[flag] = sidebar.get_by_role("checkbox", name=t(f"filter_{flag}", lang)).is_checked()
    return shown


def url_view(page: Page, real):
    query = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
    state, _ = decode_state(query, real)
    return state


def expect_from_url(page: Page, real) -> tuple[str, dict[str, object]]:
    """The language, and what each widget must show for the view in the browser's address bar."""
    state = url_view(page, real)
    filters, lang, taxonomy = state.filters, state.lang, real.taxonomy
    expected: dict[str, object] = {LANG: [lang], "q": filters.q}
    for facet in real.schema.facets:
        items = filters.selected(facet.name)
        expected[facet.name] = sorted(taxonomy.label(facet.vocabulary, item, lang) for item in items)
    expected[FOUNDED] = tuple(filters.founded or founded_bounds(real.actors))
    expected[SCOPE] = [taxonomy.label(SCOPES, filters.scope, lang) if filters.scope else t("scope_all", lang)]
    for flag in FLAGS:
        expected[flag] = getattr(filters, flag)
    return lang, expected


def assert_sidebar_tells_the_url(page: Page, real, step: str) -> None:
    """Once the app has settled, the widgets show the URL's view (the browser may still be drawing: a few tries)."""
    wait_for_app(page)
    for _ in range(10):
        lang, expected = expect_from_url(page, real)
        shown = read_shown(page, real, lang)
        if shown == expected:
            return
        page.wait_for_timeout(500)
    wrong = {name: (shown[name], want) for name, want in expected.items() if shown[name] != want}
    raise AssertionError(f"{step}: the sidebar shows (shown, URL's) {wrong} at {page.url}")


def wait_for_view(page: Page, key: str, params: dict[str, object]) -> None:
    """Until the address is page `key` with each of `params` (decoded: the app may write a comma as %2C)."""

    def arrived() -> bool:
        query = parse_qs(urlsplit(page.url).query)
        at_page = re.search(page_path_pattern(key), page.url) is not None
        return at_page and all(query.get(name) == [str(value)] for name, value in params.items())

    for _ in range(TIMEOUT // 250):
        if arrived():
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"never reached {key} with {params}: {page.url}")


def go_by_menu(page: Page, key_title: str) -> None:
    page.locator(".st-key-app_menu a").filter(has_text=key_title).click()


def test_every_route_keeps_the_sidebar_on_the_urls_view(page: Page, app_url, real):
    deep = {TYPE: "biotech", FOUNDED: "1990-2022", SCOPE: "marseille_area", LANG: "en"}
    page.goto(page_url(app_url, "directory", deep))
    wait_for_view(page, "directory", deep)
    assert_sidebar_tells_the_url(page, real, "deep link")

    go_by_menu(page, t("page_map", "en"))
    wait_for_view(page, "map", deep)
    assert_sidebar_tells_the_url(page, real, "menu to the map")

    widget(page, "stMultiSelect", t("filter_type", "en")).click()
    label = real.taxonomy.label("types", "pharma", "en")
    page.get_by_role("option", name=re.compile(rf"^{re.escape(label)} \(")).click()
    wait_for_view(page, "map", {TYPE: "biotech,pharma"})
    page.keyboard.press("Escape")
    assert_sidebar_tells_the_url(page, real, "a type chosen")

    go_by_menu(page, t("page_insights", "en"))
    wait_for_view(page, "insights", {TYPE: "biotech,pharma"})
    assert_sidebar_tells_the_url(page, real, "menu to the matrix")
    points = build_matrix_points(filter_actors(real, url_view(page, real).filters), real.taxonomy, "en")
    index = int(points["count"].idxmax())
    area, modality = points.at[index, "area"], points.at[index, "modality"]
    chart = page.locator('[class*="st-key-insights_matrix"] [data-testid="stPlotlyChart"]').first
    click_point(page, chart, 0, index)
    wait_for_view(page, "insights", {AREA: area, MODALITY: modality})
    assert_sidebar_tells_the_url(page, real, "matrix click")

    go_by_menu(page, t("page_directory", "en"))
    wait_for_view(page, "directory", {AREA: area, MODALITY: modality})
    assert_sidebar_tells_the_url(page, real, "matrix click, then the directory")
    shown = len(filter_actors(real, url_view(page, real).filters))
    expect(page.get_by_text(f"{shown} of {len(real.actors)} actors")).to_be_visible(timeout=TIMEOUT)

    page.go_back()
    wait_for_view(page, "insights", {AREA: area, MODALITY: modality})
    assert_sidebar_tells_the_url(page, real, "back button")

    page.go_back()  # to the matrix before its click: the square's filters go
    wait_for_view(page, "insights", {TYPE: "biotech,pharma"})
    assert AREA not in parse_qs(urlsplit(page.url).query)
    assert_sidebar_tells_the_url(page, real, "back again")


def test_a_network_click_and_back_keep_the_sidebar_on_the_urls_view(page: Page, app_url, real):
    bounds = founded_bounds(real.actors)
    assert bounds is not None
    deep = {TYPE: "pharma", FOUNDED: f"1900-{bounds[1]}", LANG: "en"}  # up to the latest year the data holds
    page.goto(page_url(app_url, "network", deep))
    wait_for_view(page, "network", deep)
    assert_sidebar_tells_the_url(page, real, "deep link to the network")
    shown = filter_actors(real, url_view(page, real).filters)[C.ID]
    positions = compute_layout(real.relations)
    edges = select_edges(real.relations, shown)
    nodes = build_nodes(real.actors, edges, shown, positions)
    figure = build_network_figure(nodes, edges, positions, real.taxonomy, "en")
    label = real.taxonomy.label("types", "pharma", "en")
    trace = next(i for i, data in enumerate(figure.data) if data.customdata is not None and data.name == label)
    actor_id = figure.data[trace].customdata[0]
    click_point(page, page.locator('[class*="st-key-network_chart"] [data-testid="stPlotlyChart"]').first, trace, 0)
    wait_for_view(page, "actor", {ACTOR: actor_id, **deep})
    assert_sidebar_tells_the_url(page, real, "network click")

    page.go_back()  # to the network (Streamlit's page switch leaves the actor in the address it left)
    wait_for_view(page, "network", deep)
    assert_sidebar_tells_the_url(page, real, "back to the network")


def test_a_menu_tap_on_a_phone_closes_the_sidebar(browser, app_url):
    """On a phone the sidebar covers the page: after a tap on a menu link, the page it opens is in view."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route("**/*", block_external)
    page = context.new_page()
    try:
        page.goto(page_url(app_url, "directory", {TYPE: "biotech", LANG: "en"}))
        page.get_by_role("heading", name=t("page_directory", "en")).wait_for(timeout=TIMEOUT)
        sidebar = page.locator(SIDEBAR)
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=TIMEOUT)
        go_by_menu(page, t("page_insights", "en"))
        wait_for_view(page, "insights", {TYPE: "biotech"})
        expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=TIMEOUT)
        expect(page.get_by_role("heading", name=t("page_insights", "en"))).to_be_in_viewport(timeout=TIMEOUT)
    finally:
        context.close()
