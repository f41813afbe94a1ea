"""Sharing in a real Chromium: the copied link, the public address, the offline map file, the embed, the zip."""

import io
import json
import re
import time
import zipfile

import frictionless
import openpyxl
from playwright.sync_api import Page, expect

from ecosystem import columns as C
from ecosystem.filters import Filters, filter_actors
from ecosystem.maps import build_home_view, count_outside
from ecosystem.release import load_release
from tests.browser.test_browser import MAP, TIMEOUT, wait_for_app
from tests.conftest import DATA
from tests.urls import ACTOR, AREA, EMBED, LANG, TYPE, page_url, url_pattern
from tools.appserver import block_external, run_app_server

LINK = '.st-key-share_link [data-testid="stCode"]'
PUBLIC = "https://example.org/eco"


def copied_link(page: Page) -> str:
    """The text the copy button of the 'Copy link' block puts on the clipboard."""
    code = page.locator(LINK)
    code.wait_for(timeout=TIMEOUT)
    return " ".join(code.inner_text().split())


def _markers_now(area) -> int:
    clusters = area.locator(".marker-cluster span").all_inner_texts()
    return sum(int(text) for text in clusters) + area.locator(".ecosystem-marker").count()


def count_markers(area, settle: float = 0.8) -> int:
    """Markers on a Leaflet map, counting each cluster as its size, once clustering has stopped moving."""
    area.locator(".leaflet-container").wait_for(state="attached", timeout=TIMEOUT)
    area.locator(".marker-cluster, .ecosystem-marker").first.wait_for(state="attached", timeout=TIMEOUT)
    deadline, last = time.monotonic() + TIMEOUT / 1000, -1
    while time.monotonic() < deadline:
        now = _markers_now(area)
        if now == last:
            return now
        last = now
        time.sleep(settle)
    return last


def open_in_new_context(browser, url: str) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", block_external)
    page = context.new_page()
    page.goto(url)
    wait_for_app(page)
    return page


def test_copied_link_opens_the_same_rows_and_actor(page: Page, app_url, browser, real):
    page.goto(page_url(app_url, "directory", {LANG: "en"}))
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Type of actor").click()
    page.get_by_role("option", name=re.compile(r"^Biotech \(")).click()
    expect(page).to_have_url(url_pattern("directory", {TYPE: "biotech"}), timeout=TIMEOUT)
    biotechs = real.actors[real.actors[C.TYPE] == "biotech"]
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=TIMEOUT)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 18)  # the first row's selection box
    actor = biotechs.iloc[0]
    expect(page).to_have_url(url_pattern("actor", {ACTOR: actor[C.ID]}), timeout=TIMEOUT)
    expect(page.get_by_role("heading", level=1)).to_contain_text(actor[C.NAME], timeout=TIMEOUT)

    link = copied_link(page)
    assert link == page_url(app_url, "actor", {TYPE: "biotech", ACTOR: actor[C.ID], LANG: "en"})
    expect(page.get_by_text("no public address is configured")).to_be_visible()

    other = open_in_new_context(browser, link)
    try:
        expect(other.get_by_role("heading", level=1)).to_contain_text(actor[C.NAME], timeout=TIMEOUT)
        other_sidebar = other.locator('[data-testid="stSidebar"]')
        expect(other_sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Type of actor")).to_contain_text(
            "Biotech"
        )
        other_sidebar.locator(".st-key-app_menu a").filter(has_text="Directory").click()
        expect(other.get_by_text(f"{len(biotechs)} of {len(real.actors)} actors")).to_be_visible(timeout=TIMEOUT)
    finally:
        other.context.close()


def test_public_base_url_starts_every_link(browser, real):
    """A second server, started for this test only, with PUBLIC_BASE_URL set."""
    actor = real.actors[real.actors[C.ID] == "innate-pharma"].iloc[0]
    with run_app_server(env={"PUBLIC_BASE_URL": PUBLIC}) as base:
        view = {AREA: "oncology", ACTOR: actor[C.ID], LANG: "en"}
        page = open_in_new_context(browser, page_url(base, "map", view))
        try:
            link = copied_link(page)
            assert link == page_url(PUBLIC, "map", view)
            citation = " ".join(page.locator('.st-key-share_citation [data-testid="stCode"]').inner_text().split())
            assert link in citation
            expect(page.get_by_text("no public address is configured")).to_have_count(0)
            # the same link on this server opens the same card
            page.goto(link.replace(PUBLIC, base))
            wait_for_app(page)
            expect(page.get_by_role("heading", name=actor[C.NAME])).to_be_visible(timeout=TIMEOUT)
        finally:
            page.context.close()


def test_exported_map_file_works_from_disk_offline(page: Page, app_url, browser, real, tmp_path):
    expected = filter_actors(real, Filters(area=frozenset({"oncology"}))).dropna(subset=[C.LAT, C.LON])
    page.goto(page_url(app_url, "map", {AREA: "oncology", LANG: "en"}))
    wait_for_app(page)
    page.get_by_role("button", name=re.compile("Show all")).click()  # the file keeps the view on screen
    expect(page.get_by_role("button", name="Back to Marseille")).to_be_visible(timeout=TIMEOUT)
    wait_for_app(page)
    assert count_markers(page.locator(MAP).first) == len(expected)  # the page has settled
    with page.expect_download(timeout=2 * TIMEOUT) as download:
        page.get_by_role("button", name=re.compile("Download this map")).click()
    path = tmp_path / "map.html"
    download.value.save_as(path)

    context = browser.new_context(viewport={"width": 1200, "height": 800})
    refused = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else (
        refused.append(route.request.url), route.abort()))  # fmt: skip
    try:
        offline = context.new_page()
        offline.goto(path.as_uri())
        assert count_markers(offline) == len(expected)
        expect(offline.locator(".ecosystem-legend")).to_contain_text("Biotech")
        expect(offline.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
        expect(offline.locator(".leaflet-control-attribution")).to_contain_text("CC BY 4.0")
        assert not [url for url in refused if "127.0.0.1" in url or "localhost" in url]
    finally:
        context.close()


def test_embedded_map_in_an_iframe(page: Page, app_url, real):
    oncology = filter_actors(real, Filters(area=frozenset({"oncology"}))).dropna(subset=[C.LAT, C.LON])
    outside = count_outside(oncology, build_home_view(real.actors, real.home_scope))
    assert outside  # the caption must then say how many the view leaves out
    embed = page_url(app_url, "map", {EMBED: "true", AREA: "oncology"})
    page.set_content(
        "<!doctype html><title>News</title><h1>An article</h1>"
        f'<iframe id="eco" src="{embed}" width="1000" height="760"></iframe>'
    )
    app = page.frame_locator("#eco")
    caption = app.get_by_text(f"{len(oncology)} acteurs, dont {outside} hors de cette vue · données au")
    expect(caption).to_be_visible(timeout=TIMEOUT)
    expect(app.locator('[data-testid="stSidebar"]')).to_have_count(0)
    expect(app.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
    expect(app.get_by_role("heading", level=1)).to_have_count(0)
    full_view = app.get_by_role("link", name="Ouvrir la vue complète")
    expect(full_view).to_have_attribute("href", page_url(app_url, "map", {AREA: "oncology"}))
    # every actor of the opening view is drawn; Leaflet also draws a margin around it, never more than the filter
    drawn = count_markers(app.locator(MAP).first)
    assert len(oncology) - outside <= drawn <= len(oncology)
    expect(app.locator(MAP).first.locator(".ecosystem-legend")).to_be_attached()


def test_release_zip_downloads_from_the_about_page_and_validates(page: Page, app_url, tmp_path):
    release = load_release(DATA)
    page.goto(page_url(app_url, "about", {LANG: "en"}))
    wait_for_app(page)
    link = page.get_by_role("link", name=re.compile(r"The whole package \(zip"))
    expect(link).to_be_visible(timeout=TIMEOUT)
    with page.context.expect_event("download", timeout=TIMEOUT) as download:
        link.click()
    target = tmp_path / "package.zip"
    download.value.save_as(target)
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path)
    descriptor = tmp_path / f"{release.name}-{release.version}" / "datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]


def test_downloads_from_the_pages_carry_the_view(page: Page, app_url, real, tmp_path):
    """The Excel list and the actor's JSON as a reader downloads them: the filtered rows, the filter in words, the link."""
    page.goto(page_url(app_url, "directory", {TYPE: "biotech", LANG: "en"}))
    wait_for_app(page)
    with page.expect_download(timeout=2 * TIMEOUT) as download:
        page.get_by_role("button", name="Download this list (Excel)").click()
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert book.sheetnames == ["actors", "about", "dictionary"]
    biotechs = filter_actors(real, Filters(type=frozenset({"biotech"})))
    assert [row[0] for row in book["actors"].iter_rows(min_row=2, values_only=True)] == list(biotechs[C.ID])
    about = dict(book["about"].iter_rows(min_row=2, values_only=True))
    assert about["Filter"] == "Type of actor: Biotech"
    assert about["Link to this view"] == page_url(app_url, "directory", {TYPE: "biotech", LANG: "en"})

    actor = biotechs.iloc[0]
    page.goto(page_url(app_url, "actor", {ACTOR: actor[C.ID], LANG: "en"}))
    wait_for_app(page)
    with page.expect_download(timeout=2 * TIMEOUT) as download:
        page.get_by_role("button", name="Download this profile (JSON)").click()
    record = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert record["actor"][C.ID] == actor[C.ID]
    assert len(record["relations"]) == len(real.relations_of(actor[C.ID]))
    assert len(record["milestones"]) == len(real.milestones_of(actor[C.ID]))
    assert record["url"] == page_url(app_url, "actor", {ACTOR: actor[C.ID], LANG: "en"})
