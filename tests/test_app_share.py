"""The sharing controls in the running app (AppTest): the link, the citation, the downloads."""

import re

import pytest

from ecosystem.navigation import PAGES
from ecosystem.release import load_release
from tests.conftest import DATA
from tests.test_app import open_page, texts
from tests.urls import ACTOR, AREA, LANG, TYPE, page_url

PUBLIC = "https://example.org/eco"


def sidebar_codes(app) -> list[str]:
    return [element.value for element in app.sidebar.code]


@pytest.mark.parametrize("page", ["home", "directory", "map", "about"])
def test_copy_link_starts_with_the_public_address(monkeypatch, page):
    monkeypatch.setenv("PUBLIC_BASE_URL", PUBLIC + "/")
    view = {AREA: "oncology", LANG: "en"}
    app = open_page(page, view)
    link, citation = sidebar_codes(app)
    assert link == page_url(PUBLIC, page, view)
    assert link in citation
    release = load_release(DATA)
    assert f"release {release.version} of" in citation
    assert citation.endswith("Licence: CC BY 4.0.")
    assert "no public address is configured" not in texts(app)


def test_without_a_public_address_the_link_says_where_it_comes_from(monkeypatch):
    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    app = open_page("directory", {TYPE: "biotech"})
    link, citation = sidebar_codes(app)
    assert link.endswith(
        page_url(None, "directory", {TYPE: "biotech"})
    )  # AppTest has no browser address: the path alone
    assert citation.startswith("Écosystème de l'immunologie à Marseille, version")
    assert "aucune adresse publique n'est configurée" in "\n".join(c.value for c in app.sidebar.caption)


@pytest.mark.parametrize("page", [page.key for page in PAGES if page.listed])  # the slides have no sidebar
def test_every_page_has_the_copy_link(page):
    app = open_page(page, {LANG: "en"})
    assert "Copy link" in [c.value for c in app.sidebar.caption]


def _download_labels(app) -> list[str]:
    return [element.proto.label for element in app.get("download_button")]


@pytest.mark.parametrize(
    ("page", "params", "labels"),
    [
        ("directory", {}, ["Download this list (CSV)", "Download this list (Excel)"]),
        ("actor", {ACTOR: "innate-pharma"}, ["Download this profile (CSV)", "Download this profile (JSON)"]),
        ("map", {}, ["Download this map (HTML file, works offline)"]),
    ],
)
def test_downloads_on_each_page(page, params, labels):
    app = open_page(page, {**params, LANG: "en"})
    assert _download_labels(app) == labels


def test_about_page_links_the_release():
    release = load_release(DATA)
    app = open_page("about", {LANG: "en"})
    body = texts(app)
    assert f"Release {release.version} of" in body
    assert f"app/static/release/{release.name}-{release.version}.zip" in body
    links = re.findall(r"\[`([^`]+)`\]\(([^)]+)\)", body)
    assert [path for path, _ in links][:2] == ["datapackage.json", "actors.csv"]
    assert all(url == "app/static/release/" + path for path, url in links)
