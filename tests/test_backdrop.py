"""The offline backdrop: shipped files, district names in each language, and its place in the map."""

import json

import pytest

from ecosystem.backdrop import GEO_DIR, build_label_rows, format_district, load_labels, load_outlines
from ecosystem.mapfile import build_map
from ecosystem.maps import build_map_spec, build_marker_data


@pytest.mark.parametrize(
    ("number", "lang", "expected"),
    [
        (1, "fr", "1er"),
        (2, "fr", "2e"),
        (16, "fr", "16e"),
        (1, "en", "1st"),
        (2, "en", "2nd"),
        (3, "en", "3rd"),
        (4, "en", "4th"),
        (11, "en", "11th"),
        (12, "en", "12th"),
        (13, "en", "13th"),
    ],
)
def test_format_district(number, lang, expected):
    assert format_district(number, lang) == expected


def test_shipped_outlines_cover_the_departement_and_stay_small():
    outlines = json.loads(load_outlines())
    names = {feature["properties"]["nom"] for feature in outlines["features"]}
    assert len(names) == 119
    assert {"Marseille", "Aix-en-Provence", "Ciotat"} <= names
    assert (GEO_DIR / "communes.geojson").stat().st_size < 80_000


def test_labels_hold_sixteen_districts_and_towns():
    labels = load_labels()
    assert sorted(label.district for label in labels if label.district) == list(range(1, 17))
    towns = {label.name for label in labels if not label.district}
    assert {"Aix-en-Provence", "Aubagne", "La Ciotat"} <= towns
    assert "Marseille" not in towns  # its districts are named instead
    for label in labels:
        assert 43.1 < label.lat < 43.95
        assert 4.2 < label.lon < 6.0


@pytest.mark.parametrize(("lang", "first"), [("fr", "1er"), ("en", "1st")])
def test_label_rows_follow_the_language(lang, first):
    rows = build_label_rows(load_labels(), lang)
    assert rows[0][2:] == [first, True]
    assert ["Aubagne", False] in [row[2:] for row in rows]


def test_map_carries_the_backdrop_beneath_the_tiles(mini):
    script = build_map(mini.actors, mini.taxonomy, "en", view=None).get_root().render()
    assert "/app/static/map/backdrop.js" in script
    assert '"outlineZ": 150' in script  # below Leaflet's tile pane (200)
    assert "Admin Express 2018" in script
    assert "GeoNames" in script
    assert '"9th"' in script


def test_app_map_carries_the_backdrop_beneath_the_tiles(mini):
    data = build_marker_data(mini.actors, mini.taxonomy)
    backdrop = build_map_spec(data, mini.taxonomy, "fr", view=None)["backdrop"]
    assert backdrop["options"]["outlineZ"] < 200  # below Leaflet's tile pane
    assert backdrop["options"]["labelZ"] < 200
    assert "GeoNames" in backdrop["options"]["attribution"]
    assert [row[2] for row in backdrop["labels"] if row[3]][:2] == ["1er", "2e"]
