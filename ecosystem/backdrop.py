"""An offline backdrop beneath the map tiles: commune outlines (the coast) and district and town names.

At a venue whose network fails, the tiles never arrive and Leaflet shows a grey
void. The backdrop sits in panes *below* the tile pane: online the tiles cover
it, offline it shows through the empty tiles, so the map still says where
Marseille is. Its data ships with the app (static/geo/, sources and licences in
its README). The app's map reads the outlines from the static files (one
request, cached by the browser); the exported map file inlines them.
"""

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .paths import GEO_DIR

ATTRIBUTION = (
    '<a href="https://geoservices.ign.fr/adminexpress">IGN – Admin Express 2018</a> (Licence Ouverte)'
    ' · <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'
)
# Leaflet's tile pane sits at z-index 200: these panes stay beneath it.
OUTLINE_PANE_Z = 150
LABEL_PANE_Z = 160
# Below these zooms the labels would pile up on each other.
DISTRICT_MIN_ZOOM = 11
TOWN_MIN_ZOOM = 9


@dataclass(frozen=True)
class Label:
    """A name drawn on the backdrop; `district` is Marseille's arrondissement number, 0 for a town."""

    name: str
    district: int
    lat: float
    lon: float


@lru_cache(maxsize=4)
def load_outlines(geo_dir: Path = GEO_DIR) -> str:
    """The commune outlines as compact GeoJSON text, read once per process."""
    data = json.loads((geo_dir / "communes.geojson").read_text(encoding="utf-8"))
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


@lru_cache(maxsize=4)
def load_labels(geo_dir: Path = GEO_DIR) -> tuple[Label, ...]:
    with (geo_dir / "labels.csv").open(encoding="utf-8") as handle:
        return tuple(
            Label(name=row["name"], district=int(row["district"]), lat=float(row["lat"]), lon=float(row["lon"]))
            for row in csv.DictReader(handle)
        )


def format_district(number: int, lang: str) -> str:
    """An arrondissement as written on French maps ('1er', '2e') or in English ('1st', '2nd')."""
    if lang == "fr":
        return "1er" if number == 1 else f"{number}e"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def build_label_rows(labels: tuple[Label, ...], lang: str) -> list[list]:
    """[lat, lon, text, is_district] per label, ready for the map's script."""
    return [
        [
            label.lat,
            label.lon,
            format_district(label.district, lang) if label.district else label.name,
            label.district > 0,
        ]
        for label in labels
    ]


def build_backdrop_options(attribution: str = ATTRIBUTION) -> dict:
    """The panes' stacking, the zooms from which labels show, and the credit: what `backdrop.js` needs."""
    return {
        "outlineZ": OUTLINE_PANE_Z,
        "labelZ": LABEL_PANE_Z,
        "districtZoom": DISTRICT_MIN_ZOOM,
        "townZoom": TOWN_MIN_ZOOM,
        "attribution": attribution,
    }
