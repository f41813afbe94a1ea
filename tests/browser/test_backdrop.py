"""The map stays legible with the network cut: outlines and names drawn beneath the (missing) tiles."""

from playwright.sync_api import Page, expect

from tests.browser.test_browser import MAP, TIMEOUT, wait_for_app
from tests.urls import LANG, page_url


def test_map_shows_districts_and_coast_without_tiles(page: Page, app_url):
    page.goto(page_url(app_url, "map", {LANG: "fr"}))
    wait_for_app(page)
    area = page.locator(MAP).first
    area.locator(".leaflet-container").wait_for(state="attached", timeout=TIMEOUT)
    expect(area.locator(".backdrop-district", has_text="1er").first).to_be_visible(timeout=TIMEOUT)
    expect(area.locator(".backdrop-district")).to_have_count(16)
    expect(area.locator(".backdrop-town", has_text="Aubagne")).to_be_attached()
    assert area.locator(".leaflet-backdropOutlines-pane path").count() > 100  # the communes' outlines
    assert area.locator(".leaflet-tile-loaded").count() == 0  # no tile reached the page
    expect(area.locator(".leaflet-control-attribution")).to_contain_text("IGN")
    expect(area.locator(".leaflet-control-attribution")).to_contain_text("GeoNames")
    page.screenshot(path="/tmp/backdrop.png")
