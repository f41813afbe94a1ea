"""The app in a real Chromium, with every request beyond loopback refused."""

import re

from playwright.sync_api import Page, expect

from ecosystem import columns as C
from ecosystem.filters import Filters, filter_actors
from tests.urls import ACTOR, LANG, SCOPE, TYPE, Q, page_url, url_pattern

MAP = ".ecosystem-map"
TIMEOUT = 30_000
# The sidebar's menu, drawn with the filters: on a first visit to the map, once the map has painted.
SIDEBAR_MENU = '[data-testid="stSidebar"] .st-key-app_menu'


def wait_for_app(page: Page) -> None:
    page.wait_for_selector(SIDEBAR_MENU, timeout=TIMEOUT)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)


def map_totals(page: Page) -> int:
    """Markers drawn on the map, counting each cluster as its size."""
    area = page.locator(MAP).first
    area.locator(".leaflet-container").wait_for(state="attached", timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # clusters settle after the first area
    clusters = area.locator(".marker-cluster span").all_inner_texts()
    singles = area.locator(".ecosystem-marker").count()
    return sum(int(text) for text in clusters) + singles


def test_first_deep_link_opens_the_translated_page(page: Page, app_url):
    page.goto(page_url(app_url, "directory", {TYPE: "biotech", LANG: "en"}))
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Directory")).to_be_visible(timeout=TIMEOUT)
    nav = page.locator(".st-key-app_menu")
    expect(nav).to_contain_text("Actor profile")
    expect(nav).not_to_contain_text("dashboard")


def test_map_draws_every_actor_offline(page: Page, app_url, real):
    page.goto(page_url(app_url, "map", {LANG: "en"}))
    wait_for_app(page)
    located = real.actors.dropna(subset=[C.LAT, C.LON])
    # the map opens on Marseille; the actors elsewhere are counted outside the view
    page.get_by_role("button", name=re.compile("Show all")).click()
    wait_for_app(page)
    assert map_totals(page) == len(located) == len(real.actors)


def test_map_follows_the_filters(page: Page, app_url, real):
    page.goto(page_url(app_url, "map", {TYPE: "biotech", SCOPE: "marseille_area"}))
    wait_for_app(page)
    expected = filter_actors(real, Filters(type=frozenset({"biotech"}), scope="marseille_area"))
    assert map_totals(page) == len(expected)
    expect(page.get_by_text(f"{len(expected)} acteurs sur la carte")).to_be_visible(timeout=TIMEOUT)


def test_clicking_a_marker_shows_the_card(page: Page, app_url, real):
    # an actor alone at its own site, so that its marker never joins a group of markers at one point
    alone = real.actors[C.SITE].map(real.actors[C.SITE].value_counts()) == 1
    located = real.actors[C.PRECISION].isin(["site", "address"])
    actor = real.actors[(real.actors[C.SCOPE] == "marseille_area") & alone & located].iloc[0]
    page.goto(page_url(app_url, "map", {Q: actor[C.NAME], LANG: "en"}))
    wait_for_app(page)
    area = page.locator(MAP).first
    marker = area.get_by_role("button", name=actor[C.NAME], exact=True)  # the search may find others too
    marker.wait_for(state="attached", timeout=TIMEOUT)
    marker.click(force=True)
    expect(page).to_have_url(url_pattern("map", {ACTOR: None}), timeout=TIMEOUT)
    expect(page.get_by_role("link", name="Open the full profile")).to_be_visible(timeout=TIMEOUT)
    # the clicked actor's marker is drawn larger, and the legend names its type
    expect(area.locator(".ecosystem-marker.selected")).to_have_count(1, timeout=TIMEOUT)
    type_label = real.taxonomy.label("types", actor[C.TYPE], "en")
    expect(area.locator(".ecosystem-legend")).to_contain_text(type_label)


def test_filter_changes_url_and_table_and_survives_navigation(page: Page, app_url, real):
    page.goto(page_url(app_url, "directory", {LANG: "en"}))
    wait_for_app(page)
    total = len(real.actors)
    expect(page.get_by_text(f"{total} of {total} actors")).to_be_visible(timeout=TIMEOUT)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Type of actor").click()
    page.get_by_role("option", name=re.compile(r"^Biotech \(")).click()
    expect(page).to_have_url(url_pattern("directory", {TYPE: "biotech"}), timeout=TIMEOUT)
    biotechs = int((real.actors[C.TYPE] == "biotech").sum())
    expect(page.get_by_text(f"{biotechs} of {total} actors")).to_be_visible(timeout=TIMEOUT)

    sidebar.locator(".st-key-app_menu a").filter(has_text="Map").click()
    expect(page).to_have_url(url_pattern("map", {TYPE: "biotech"}), timeout=TIMEOUT)
    expect(page.get_by_role("heading", name="Map")).to_be_visible(timeout=TIMEOUT)
    expect(sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Type of actor")).to_contain_text("Biotech")


def test_actor_page_and_relations(page: Page, app_url, real):
    actor = real.actors[real.actors[C.ID] == "innate-pharma"].iloc[0]
    page.goto(page_url(app_url, "actor", {ACTOR: "innate-pharma", LANG: "fr"}))
    wait_for_app(page)
    expect(page.get_by_role("heading", name=actor[C.NAME])).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(actor[C.DESCRIPTION_FR][:40])).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Vérifié le")).to_be_visible(timeout=TIMEOUT)
    # the small map draws with the network blocked
    page.locator(MAP).first.locator(".ecosystem-marker").wait_for(state="attached", timeout=TIMEOUT)


def test_unknown_actor_is_friendly(page: Page, app_url):
    page.goto(page_url(app_url, "actor", {ACTOR: "nobody-here", LANG: "en"}))
    wait_for_app(page)
    expect(page.get_by_text(f"{ACTOR}=nobody-here")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_role("link", name="Back to the directory")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_selecting_a_directory_row_opens_the_profile(page: Page, app_url, real):
    page.goto(page_url(app_url, "directory", {TYPE: "pharma", LANG: "en"}))
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=TIMEOUT)
    box = grid.bounding_box()
    # the row-selection checkbox of the first data row: left edge, just under the header
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 18)
    pharma = real.actors[real.actors[C.TYPE] == "pharma"]  # in the directory's order
    expect(page).to_have_url(url_pattern("actor", {ACTOR: pharma.iloc[0][C.ID]}), timeout=TIMEOUT)
    expect(page).to_have_url(url_pattern("actor", {TYPE: "pharma"}))  # the filters come along
    expect(page.get_by_role("heading", level=1)).to_contain_text(pharma.iloc[0][C.NAME])


def test_home_charts_draw_offline(page: Page, app_url):
    page.goto(page_url(app_url, "home", {LANG: "fr"}))
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Écosystème de l'immunologie à Marseille")).to_be_visible(timeout=TIMEOUT)
    for index in range(2):  # plotly's bundle loads lazily, from the app itself
        page.locator('[data-testid="stPlotlyChart"] .main-svg').nth(index).wait_for(state="attached", timeout=TIMEOUT)
