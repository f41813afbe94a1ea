"""The tests' page addresses and URL patterns follow the registry and the declared parameter names."""

import pytest

from ecosystem.navigation import HOME, PAGES
from ecosystem.urlstate import decode_state
from tests.urls import (
    ACTOR,
    AREA,
    LANG,
    MODALITY,
    SCHEMA,
    STAGE,
    STATUS,
    TYPE,
    page_file,
    page_path,
    page_path_pattern,
    page_url,
    url_pattern,
)

BASE = "http://127.0.0.1:8501"


def test_facet_names_are_the_descriptors():
    assert {TYPE, AREA, MODALITY, STATUS, STAGE} == {facet.name for facet in SCHEMA.facets}


def test_every_page_has_its_address_and_file():
    for page in PAGES:
        assert page_url(BASE, page.key) == f"{BASE}/{page.url_path}"
        assert page_file(page.key) == page.file
    assert page_path(HOME.key) == ""


def test_an_unregistered_page_fails_loudly():
    with pytest.raises(KeyError):
        page_url(BASE, "no-such-page")


def test_the_app_reads_back_what_page_url_writes(real):
    url = page_url(BASE, "map", {AREA: "oncology,infectious", ACTOR: "innate-pharma", LANG: "en"})
    state, ignored = decode_state(dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&")), real)
    assert ignored == []
    assert state.filters.selected(AREA) == {"oncology", "infectious"}
    assert (state.actor, state.lang) == ("innate-pharma", "en")


@pytest.mark.parametrize("page", [page.key for page in PAGES])
def test_a_page_pattern_matches_its_page_only(page):
    for other in PAGES:
        for params in ({}, {LANG: "en"}):
            matches = url_pattern(page).search(page_url(BASE + "/eco", other.key, params)) is not None
            assert matches == (other.key == page), (page, other.key, params)
    assert page_path_pattern(page).startswith("^")


@pytest.mark.parametrize(
    ("params", "wanted", "matches"),
    [
        ({TYPE: "biotech", LANG: "en"}, {TYPE: "biotech"}, True),
        ({LANG: "en", TYPE: "biotech"}, {TYPE: "biotech", LANG: "en"}, True),  # in any order
        ({TYPE: "biotech,pharma"}, {TYPE: "biotech,pharma"}, True),
        ({TYPE: "biotech,pharma"}, {TYPE: "biotech"}, False),  # the whole value, not its start
        ({ACTOR: "innate-pharma"}, {ACTOR: None}, True),  # any value
        ({TYPE: "biotech"}, {ACTOR: None}, False),
        ({AREA: "oncology"}, {MODALITY: "oncology"}, False),
    ],
)
def test_a_url_pattern_asks_for_whole_parameters(params, wanted, matches):
    url = page_url(BASE, "directory", params)
    assert (url_pattern("directory", wanted).search(url) is not None) is matches
    assert (url_pattern(params=wanted).search(url) is not None) is matches
    assert url_pattern("map", wanted).search(url) is None
