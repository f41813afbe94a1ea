"""The presentation's logic: scene order, timing, URL parsing with junk, live link, and scene contents."""

import base64
from urllib.parse import unquote

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.filters import Filters
from ecosystem.present import (
    DEFAULT_INTERVAL,
    MAX_INTERVAL,
    MIN_INTERVAL,
    SCENE_LINKS,
    SCENES,
    Show,
    build_landmark_lines,
    build_live_url,
    build_qr_data_uri,
    build_scene_url,
    encode_show,
    next_scene,
    parse_interval,
    parse_scene,
    parse_show,
    previous_scene,
    select_landmarks,
    select_laureates,
    shorten,
    toggle_pause,
)
from ecosystem.schema import load_schema
from ecosystem.share import build_public_url
from ecosystem.taxonomy import load_taxonomy
from ecosystem.urlstate import ViewState, encode_state
from tests.conftest import DATA
from tests.urls import F2030, LANG, page_path, page_url


def test_scenes_are_the_story_in_order():
    assert SCENES == (
        "opening", "figures", "map", "matrix", "pipeline", "history", "funding", "laureates", "network", "closing",
    )  # fmt: skip
    assert set(SCENE_LINKS) == set(SCENES)


def test_every_scene_has_a_drawing_and_a_registered_page():
    from ecosystem.navigation import get_page
    from ecosystem.scenes import DRAW

    assert set(DRAW) == set(SCENES)
    for page, _ in SCENE_LINKS.values():
        assert get_page(page).url_path is not None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, (1, True)),
        ("", (1, True)),
        ("1", (1, True)),
        ("10", (10, True)),
        ("3", (3, True)),
        ("map", (3, True)),
        ("funding", (7, True)),
        ("network", (9, True)),
        ("closing", (10, True)),
        ("0", (1, False)),
        ("11", (1, False)),
        ("-2", (1, False)),
        ("2.5", (1, False)),
        ("abc", (1, False)),
        ("<script>", (1, False)),
        ("99999999999", (1, False)),
    ],
)
def test_parse_scene(raw, expected):
    assert parse_scene(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, (DEFAULT_INTERVAL, True)),
        ("", (DEFAULT_INTERVAL, True)),
        ("20", (20, True)),
        ("45", (45, True)),
        ("0", (0, True)),
        ("0.0", (0, True)),
        ("1", (MIN_INTERVAL, True)),
        ("100000", (MAX_INTERVAL, True)),
        ("12.6", (13, True)),
        ("-5", (DEFAULT_INTERVAL, False)),
        ("nan", (DEFAULT_INTERVAL, False)),
        ("inf", (DEFAULT_INTERVAL, False)),
        ("ten", (DEFAULT_INTERVAL, False)),
    ],
)
def test_parse_interval(raw, expected):
    assert parse_interval(raw) == expected


@pytest.mark.parametrize(
    ("params", "show", "ignored"),
    [
        ({}, Show(1, DEFAULT_INTERVAL), []),
        ({"scene": ["4"], "interval": ["0"]}, Show(4, 0), []),
        ({"scene": "laureates", "interval": "30"}, Show(8, 30), []),
        ({"scene": ["11"], "interval": ["soon"]}, Show(1, DEFAULT_INTERVAL), ["scene=11", "interval=soon"]),
        ({"scene": ["2", "5"]}, Show(2, DEFAULT_INTERVAL), []),  # repeated keys: the first wins
        ({"scene": []}, Show(1, DEFAULT_INTERVAL), []),
    ],
)
def test_parse_show(params, show, ignored):
    assert parse_show(params) == (show, ignored)


@pytest.mark.parametrize(
    ("show", "params"),
    [
        (Show(1, DEFAULT_INTERVAL), {"scene": "1"}),
        (Show(3, 0), {"scene": "3", "interval": "0"}),
        (Show(6, 45, paused=True), {"scene": "6", "interval": "45"}),
    ],
)
def test_encode_show_round_trips(show, params):
    assert encode_show(show) == params
    assert parse_show(params)[0] == Show(show.scene, show.interval)


@pytest.mark.parametrize(
    ("scene", "following", "preceding"),
    [(1, 2, 10), (2, 3, 1), (5, 6, 4), (10, 1, 9)],
)
def test_next_and_previous_loop(scene, following, preceding):
    show = Show(scene, 15, paused=True)
    assert next_scene(show) == Show(following, 15, paused=True)
    assert previous_scene(show) == Show(preceding, 15, paused=True)


@pytest.mark.parametrize(
    ("show", "advances"),
    [(Show(1, 20), True), (Show(1, 0), False), (Show(1, 20, paused=True), False)],
)
def test_toggle_pause_and_advances(show, advances):
    assert show.advances is advances
    assert toggle_pause(toggle_pause(show)) == show
    assert toggle_pause(show).paused is not show.paused


@pytest.mark.parametrize(
    ("base", "path", "params", "expected"),
    [
        ("https://immuno.example.org", "", {}, "https://immuno.example.org/"),
        ("https://immuno.example.org/", "somepage", {"k": "v"}, "https://immuno.example.org/somepage?k=v"),
        ("https://x.org/app/", "otherpage", {"flag": "1"}, "https://x.org/app/otherpage?flag=1"),
        (" https://x.org ", "/somepage/", {"tags": "a,b"}, "https://x.org/somepage?tags=a,b"),  # as every other link
        ("https://x.org", "", {"text": "Luminy & co"}, "https://x.org/?text=Luminy%20%26%20co"),
        (None, "somepage", {}, None),
        ("", "somepage", {}, None),
        ("http://localhost:8501", "somepage", {}, None),
        ("http://127.0.0.1:8501", "", {}, None),
        ("http://laptop.local:8501", "", {}, None),
        ("ftp://example.org", "", {}, None),
        ("example.org", "", {}, None),
        ("javascript:alert(1)", "", {}, None),
    ],
)
def test_build_live_url(base, path, params, expected):
    assert build_live_url(base, path, params) == expected


@pytest.mark.parametrize(
    ("scene", "lang", "page", "params"),
    [
        ("figures", "fr", "home", {}),
        ("map", "en", "map", {LANG: "en"}),
        ("laureates", "fr", "directory", {F2030: "1"}),
        ("network", "en", "network", {LANG: "en"}),
    ],
)
def test_a_scene_links_to_its_page_with_the_view(mini, scene, lang, page, params):
    assert build_scene_url("https://x.org", scene, ViewState(lang=lang), mini) == page_url(
        "https://x.org", page, params
    )


def test_a_scene_link_is_the_sidebar_link_of_the_same_view(mini):
    """One URL builder: the QR code and the sidebar's link agree, commas and all."""
    area = next(iter(mini.taxonomy.ids("areas")))
    modalities = list(mini.taxonomy.ids("modalities"))[:2]
    state = ViewState(filters=Filters(area=frozenset({area}), modality=frozenset(modalities)))
    qr = build_scene_url("https://x.org", "map", state, mini)
    assert qr == build_public_url("https://x.org", page_path("map"), encode_state(state, mini))
    assert "," in qr


def test_qr_code_is_an_svg_image_that_depends_on_the_url():
    one = build_qr_data_uri("https://immuno.example.org/somepage")
    other = build_qr_data_uri("https://immuno.example.org/otherpage")
    assert one.startswith("data:image/svg+xml")
    assert one != other
    svg = unquote(one.split(",", 1)[1]) if ";base64" not in one else base64.b64decode(one.split(",", 1)[1]).decode()
    assert "<svg" in svg
    assert "viewBox" in svg  # it scales to the box the closing scene gives it (360 px), not drawn at its own size
    assert "width=" not in svg.split(">", 1)[0]


def _milestones(rows):
    return pd.DataFrame(
        [
            {C.DATE: d, C.ACTOR_ID: a, C.KIND: k, C.TITLE_EN: t, C.TITLE_FR: "fr " + t, C.AMOUNT_EUR: m}
            for d, a, k, t, m in rows
        ]
    )


SCHEMA = load_schema(DATA)
TAXONOMY = load_taxonomy(DATA, {name: SCHEMA.paths[name] for name in SCHEMA.vocabularies})
ACTORS = pd.DataFrame(
    {
        C.ID: ["lab", "bio", "dx", "bank", "proj"],
        C.NAME: ["Old Lab", "Bio Inc", "Dx SA", "Big Bank", "Project Z"],
        C.ACRONYM: ["OL", "", "", "", ""],
        C.TYPE: ["research_lab", "biotech", "diagnostics_medtech", "investor", "france2030_project"],
        C.FRANCE2030: ["", "France 2030 (5 M EUR)", "", "", "Bioclusters"],
    }
)


@pytest.mark.parametrize(
    ("rows", "until", "limit", "expected"),
    [
        # foundings: the oldest ones (origins) stay; a later one only when the actor made news
        (
            [("1976", "lab", "founded", "lab", None), ("1990", "bio", "founded", "bio", None),
             ("2000", "dx", "founded", "dx", None)],
            2026, 12, ["lab", "bio"],
        ),
        (
            [("1976", "lab", "founded", "lab", None), ("1980", "bio", "founded", "bio", None),
             ("1990", "dx", "founded", "dx", None), ("2021", "dx", "acquisition", "dx bought", None)],
            2026, 12, ["lab", "bio", "dx", "dx bought"],
        ),
        # small rounds and awards are not landmarks; big ones are; an investor's events never
        (
            [("2015", "bio", "funding_round", "seed", 3e6), ("2019", "bio", "funding_round", "series B", 48e6),
             ("2023", "proj", "award", "prize", 5e6), ("2023-05", "proj", "award", "laureate", 97e6),
             ("2020", "bank", "acquisition", "bank merger", None)],
            2026, 12, ["series B", "laureate"],
        ),
        # one event per actor and kind: the first
        (
            [("2021-06", "dx", "acquisition", "agrees", 2.6e8), ("2021-08", "dx", "acquisition", "completed", 2.6e8)],
            2026, 12, ["agrees"],
        ),
        # the window: `until` included, fifty years back included, beyond dropped; undated dropped
        (
            [("1975", "lab", "clinical", "too old", None), ("1976", "bio", "clinical", "oldest", None),
             ("2027", "dx", "clinical", "future", None), ("", "proj", "clinical", "undated", None)],
            2026, 12, ["oldest"],
        ),
        # past the limit: origins first, then the largest amounts, then steps, then the oldest
        (
            [("1976", "lab", "founded", "origin", None), ("2010", "bio", "clinical", "trial", None),
             ("2012", "dx", "acquisition", "sale", 7e7), ("2015", "bio", "funding_round", "round", 9e7),
             ("2016", "proj", "award", "award", 5e7)],
            2026, 3, ["origin", "sale", "round"],
        ),
    ],
)  # fmt: skip
def test_select_landmarks(rows, until, limit, expected):
    events = select_landmarks(_milestones(rows), ACTORS, TAXONOMY, until_year=until, limit=limit)
    assert list(events[C.TITLE_EN]) == expected


def test_landmark_lines_follow_the_language_and_name_the_actor():
    events = _milestones(
        [("1976-05-01", "lab", "founded", "Created", None), ("2019", "bio", "clinical", "Trial", None)]
    )
    assert [(x.year, x.actor, x.text) for x in build_landmark_lines(events, ACTORS, "fr")] == [
        ("1976", "OL", "fr Created"),
        ("2019", "Bio Inc", "fr Trial"),
    ]
    assert build_landmark_lines(events, ACTORS, "en")[1].text == "Trial"


def test_a_landmark_told_only_in_english_stays_off_a_french_scene():
    events = _milestones([("2019", "bio", "clinical", "Trial", None)])
    events[C.TITLE_FR] = ""
    assert build_landmark_lines(events, ACTORS, "fr") == []
    assert [x.text for x in build_landmark_lines(events, ACTORS, "en")] == ["Trial"]


def test_select_laureates_sorted_by_name():
    assert list(select_laureates(ACTORS)[C.ID]) == ["bio", "proj"]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short name", 20, "Short name"),
        ("  spaced   out  ", 20, "spaced out"),
        ("The PIONeeR Project (Precision Immuno-Oncology)", 25, "The PIONeeR Project…"),
        ("Word, another, and more", 16, "Word, another…"),
        ("", 10, ""),
    ],
)
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit
