"""Charts that act: a matrix click filters the whole app, a network click opens a profile (network cut)."""

import re

from playwright.sync_api import Page, expect

from ecosystem import columns as C
from ecosystem.filters import Filters, filter_actors
from ecosystem.matrix import build_matrix_points
from ecosystem.network import build_network_figure, build_nodes, compute_layout, select_edges
from tests.browser.test_browser import TIMEOUT, map_totals, wait_for_app
from tests.urls import ACTOR, AREA, LANG, MODALITY, TYPE, page_url, url_pattern


def click_point(page: Page, chart, trace: int, point: int) -> None:
    """Move to a plotly point and click it, as a user would (plotly picks points from the mouse position)."""
    chart.locator(".main-svg").first.wait_for(state="attached", timeout=TIMEOUT)
    target = chart.locator(".scatterlayer .trace").nth(trace).locator(".point").nth(point)
    target.wait_for(state="attached", timeout=TIMEOUT)
    target.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)


def test_matrix_click_filters_url_map_and_directory(page: Page, app_url, real):
    page.goto(page_url(app_url, "insights", {LANG: "en"}))
    wait_for_app(page)
    points = build_matrix_points(real.actors, real.taxonomy, "en")
    index = int(points.index[(points["area"] == "oncology") & (points["modality"] == "monoclonal_antibody")][0])
    chart = page.locator('[class*="st-key-insights_matrix"] [data-testid="stPlotlyChart"]').first
    click_point(page, chart, 0, index)
    expect(page).to_have_url(
        url_pattern("insights", {AREA: "oncology", MODALITY: "monoclonal_antibody"}), timeout=TIMEOUT
    )

    expected = filter_actors(real, Filters(area=frozenset({"oncology"}), modality=frozenset({"monoclonal_antibody"})))
    assert 0 < len(expected) < len(real.actors)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator(".st-key-app_menu a").filter(has_text="Directory").click()
    expect(page).to_have_url(url_pattern("directory", {AREA: "oncology"}), timeout=TIMEOUT)
    expect(page.get_by_text(f"{len(expected)} of {len(real.actors)} actors")).to_be_visible(timeout=TIMEOUT)

    sidebar.locator(".st-key-app_menu a").filter(has_text="Map").click()
    expect(page).to_have_url(url_pattern("map", {MODALITY: "monoclonal_antibody"}), timeout=TIMEOUT)
    wait_for_app(page)
    page.get_by_role("button", name=re.compile("Show all")).click()
    wait_for_app(page)
    assert map_totals(page) == len(expected)


def test_network_click_opens_the_actor_profile(page: Page, app_url, real):
    page.goto(page_url(app_url, "network", {TYPE: "pharma", LANG: "en"}))
    wait_for_app(page)
    shown = filter_actors(real, Filters(type=frozenset({"pharma"})))[C.ID]
    positions = compute_layout(real.relations)
    edges = select_edges(real.relations, shown)
    nodes = build_nodes(real.actors, edges, shown, positions)
    figure = build_network_figure(nodes, edges, positions, real.taxonomy, "en")
    trace = next(
        i for i, data in enumerate(figure.data) if data.customdata is not None and data.name == "Pharmaceutical group"
    )
    actor_id = figure.data[trace].customdata[0]
    name = real.actors.set_index(C.ID).at[actor_id, C.NAME]

    chart = page.locator('[class*="st-key-network_chart"] [data-testid="stPlotlyChart"]').first
    click_point(page, chart, trace, 0)
    expect(page).to_have_url(url_pattern("actor", {ACTOR: actor_id}), timeout=TIMEOUT)
    expect(page.get_by_role("heading", level=1)).to_contain_text(name, timeout=TIMEOUT)
    expect(page).to_have_url(url_pattern("actor", {TYPE: "pharma"}))  # the filters come along
