"""Maps of the filtered actors, with Leaflet served locally.

The app's map is a spec (plain JSON) drawn in the page by `static/map/component.js`;
the downloadable map (`mapfile`, built with folium, which `mapdownload` loads at
the first download) uses the same `markers.js` and `backdrop.js`. Every script
and stylesheet is taken from `static/vendor/`: from a CDN, without internet, the
map would vanish silently.
"""

from dataclasses import dataclass

import pandas as pd

from . import columns as C
from . import markers
from . import vocabularies as V
from .backdrop import build_backdrop_options, build_label_rows, load_labels
from .i18n import t
from .markers import MarkerData
from .palette import pick_colour
from .paths import BACKDROP_JS, MARKERS_JS, OUTLINES_URL, VENDOR_URL
from .taxonomy import Taxonomy

TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
MARKER_SIZE = 18
SELECTED_SIZE = 28
LEGEND_SIZE = 14
# Padding around the Marseille-area actors for the opening view, in degrees.
VIEW_PADDING = 0.02
# The closest the profile's map opens: its street.
ACTOR_ZOOM = 14
# From this zoom (the metropolis on a screen) each named place is one marker; below it, markers cluster.
GROUP_ZOOM = 10
# The zoom a selected actor is shown at (at least): its place among its neighbours.
SELECT_ZOOM = 13
# The app's map fills the window's height, less what the page shows above it (title, counts) and below
# (legend, download), so that both stay on screen; never shorter than MIN_MAP_HEIGHT.
PAGE_MAP_HEIGHT = "calc(100vh - 330px)"
EMBED_MAP_HEIGHT = "calc(100vh - 160px)"  # in another site's frame: the map and a caption
MIN_MAP_HEIGHT = 320


def vendor_assets(base: str = VENDOR_URL) -> dict[str, list[tuple[str, str]]]:
    """Local URLs for every script and stylesheet the map needs (and nothing else)."""
    base = "/" + base.strip("/")
    return {
        # No jQuery: it only served folium's popups, and the map has none.
        "map_js": [("leaflet", f"{base}/leaflet/leaflet.js")],
        "map_css": [("leaflet_css", f"{base}/leaflet/leaflet.css")],
        "cluster_js": [("markerclusterjs", f"{base}/markercluster/leaflet.markercluster.js")],
        "cluster_css": [
            ("markerclustercss", f"{base}/markercluster/MarkerCluster.css"),
            ("markerclusterdefaultcss", f"{base}/markercluster/MarkerCluster.Default.css"),
        ],
    }


def list_map_assets() -> dict[str, list]:
    """The map's stylesheets, and its scripts in groups that load in order (each needs the one before)."""
    assets = vendor_assets()
    return {
        "css": [url for _, url in assets["map_css"] + assets["cluster_css"]],
        "js": [
            [url for _, url in assets["map_js"]],
            [url for _, url in assets["cluster_js"]] + [BACKDROP_JS],
            [MARKERS_JS],
        ],
    }


# The drawing of each marker symbol that taxonomy/types.csv may name (the descriptor lists them).
SHAPES = {
    "circle": '<circle cx="12" cy="12" r="9"/>',
    "ring": '<circle cx="12" cy="12" r="8" fill="white" stroke-width="5"/>',
    "square": '<rect x="4" y="4" width="16" height="16"/>',
    "diamond": '<polygon points="12,2 22,12 12,22 2,12"/>',
    "triangle": '<polygon points="12,3 22,21 2,21"/>',
    "triangle_down": '<polygon points="2,3 22,3 12,21"/>',
    "hexagon": '<polygon points="12,2 21,7 21,17 12,22 3,17 3,7"/>',
    "pentagon": '<polygon points="12,2 22,9.5 18,21 6,21 2,9.5"/>',
    "star": '<polygon points="12,2 14.9,8.6 22,9.3 16.6,14 18.2,21 12,17.3 5.8,21 7.4,14 2,9.3 9.1,8.6"/>',
    "cross": '<polygon points="8,2 16,2 16,8 22,8 22,16 16,16 16,22 8,22 8,16 2,16 2,8 8,8"/>',
}


def build_symbol_svg(symbol: str, colour: str, size: int | None = MARKER_SIZE) -> str:
    """An inline SVG marker: shape and colour both tell the type apart. Without `size`, the user sizes it."""
    shape = SHAPES.get(symbol, SHAPES["circle"])
    colour = pick_colour(colour)
    if symbol == "ring":
        shape = shape.replace('fill="white"', 'fill="white" stroke="' + colour + '"')
    dimensions = f'width="{size}" height="{size}" ' if size else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" {dimensions}viewBox="0 0 24 24" '
        f'fill="{colour}" stroke="white" stroke-width="1.5">{shape}</svg>'
    )


@dataclass(frozen=True)
class View:
    """South-west and north-east corners of what the map shows."""

    south: float
    west: float
    north: float
    east: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    @property
    def bounds(self) -> list[list[float]]:
        return [[self.south, self.west], [self.north, self.east]]


def build_view(actors: pd.DataFrame, padding: float = VIEW_PADDING) -> View | None:
    """The box around the given actors' positions, padded."""
    located = actors.dropna(subset=[C.LAT, C.LON])
    if located.empty:
        return None
    return View(
        south=float(located[C.LAT].min()) - padding,
        west=float(located[C.LON].min()) - padding,
        north=float(located[C.LAT].max()) + padding,
        east=float(located[C.LON].max()) + padding,
    )


def build_home_view(all_actors: pd.DataFrame, home_scope: str | None) -> View | None:
    """The opening view: every actor of the cluster's own territory in the whole dataset, filters aside."""
    return build_view(all_actors.loc[all_actors[C.SCOPE] == home_scope, [C.LAT, C.LON]])


def choose_map_view(
    filtered: pd.DataFrame, all_actors: pd.DataFrame, home_scope: str | None, *, fit_all: bool
) -> tuple[View | None, int]:
    """The view (around every filtered actor, or the cluster's territory) and how many it leaves out.

    With nothing filtered to fit, the territory's view stands in.
    """
    view = build_view(filtered) if fit_all else None
    view = view or build_home_view(all_actors, home_scope)
    return view, count_outside(filtered, view)


def count_outside(actors: pd.DataFrame, view: View | None) -> int:
    """How many located actors the view does not show."""
    if view is None:
        return 0
    located = actors.dropna(subset=[C.LAT, C.LON])
    inside = located[C.LAT].between(view.south, view.north) & located[C.LON].between(view.west, view.east)
    return int((~inside).sum())


def build_type_styles(taxonomy: Taxonomy, lang: str) -> list[list[str]]:
    """Per type, in taxonomy order: its SVG (sized where it is drawn: marker, selected marker, legend), label, colour.

    The last entry stands for a type the taxonomy does not know.
    """
    styles = []
    for item in (*taxonomy.ids(V.TYPES), None):
        info = taxonomy.row(V.TYPES, item) if item else {}
        symbol, colour = info.get("symbol", ""), info.get("colour", "")
        styles.append(
            [
                build_symbol_svg(symbol, colour, None),
                taxonomy.label(V.TYPES, item, lang) if item else "",
                pick_colour(colour),
            ]
        )
    return styles


def build_marker_data(actors: pd.DataFrame, taxonomy: Taxonomy, places: pd.DataFrame | None = None) -> MarkerData:
    """The compact rows of the located actors; with `places`, those at a named place grouped by it."""
    approximate = taxonomy.ids_where(V.PRECISIONS, C.APPROXIMATE)
    return markers.build_marker_data(actors, taxonomy.ids(V.TYPES), approximate, places)


def build_marker_index(
    actors: pd.DataFrame, taxonomy: Taxonomy, places: pd.DataFrame | None = None
) -> markers.MarkerIndex:
    """Every actor's row, encoded once per data version; `markers.select_marker_data` picks a filter's."""
    approximate = taxonomy.ids_where(V.PRECISIONS, C.APPROXIMATE)
    return markers.build_marker_index(actors, taxonomy.ids(V.TYPES), approximate, places)


def build_group_rows(groups: tuple[markers.PlaceGroup, ...]) -> list[list]:
    """The place groups as `markers.js` reads them: [name, lat, lon, [ids], [[type index, count], ...], approximate]."""
    return [
        [group.name, group.lat, group.lon, list(group.ids), [list(pair) for pair in group.mix], int(group.approximate)]
        for group in groups
    ]


def build_marker_options(
    data: MarkerData, taxonomy: Taxonomy, lang: str, *, selected: str | None = None, legend_title: str = ""
) -> dict:
    """What `markers.js` needs besides the rows: symbols, legend, selection and clustering."""
    type_ids = taxonomy.ids(V.TYPES)
    return {
        "types": build_type_styles(taxonomy, lang),
        "size": MARKER_SIZE,
        "selectedSize": SELECTED_SIZE,
        "legendSize": LEGEND_SIZE,
        "selected": selected,
        "legend": [type_ids.index(item) for item in data.types],
        "legendTitle": legend_title,
        "approximateLabel": t("map_legend_approximate", lang) if data.approximate else "",
        "groupLegend": t("map_legend_group", lang) if data.groups else "",
        "groupName": t("map_group_name", lang),
        "groups": build_group_rows(data.groups),
        "groupZoom": GROUP_ZOOM,
        "selectZoom": SELECT_ZOOM,
        "cluster": {"showCoverageOnHover": False, "maxClusterRadius": 40},
    }


def build_map_spec(
    data: MarkerData,
    taxonomy: Taxonomy,
    lang: str,
    *,
    view: View | None,
    selected: str | None = None,
    legend_title: str = "",
    height: int | str = 560,
    max_zoom: int | None = None,
    clickable: bool = False,
) -> dict:
    """Everything the app's map component (`static/map/component.js`) draws, as plain JSON.

    `height` is in pixels, or a CSS length (`calc(100vh - 300px)`) for a map that follows the window.
    The rows travel as the cached JSON text, so a rerun does not encode them again.
    """
    return {
        "assets": list_map_assets(),
        "height": height,
        "minHeight": MIN_MAP_HEIGHT,
        "view": view.bounds if view is not None else None,
        "maxZoom": max_zoom,
        "tiles": {"url": TILES_URL, "attribution": TILES_ATTRIBUTION, "maxZoom": 19},
        "backdrop": {
            "outlinesUrl": OUTLINES_URL,
            "labels": build_label_rows(load_labels(), lang),
            "options": build_backdrop_options(),
        },
        "rows": data.rows_json,
        "options": build_marker_options(data, taxonomy, lang, selected=selected, legend_title=legend_title),
        "clickable": clickable,
    }


def build_actor_map_spec(actors: pd.DataFrame, actor_id: str, taxonomy: Taxonomy, lang: str) -> dict:
    """The profile's small map: the one actor, zoomed to its street."""
    one = actors.loc[[actor_id]] if actor_id in actors.index else actors.iloc[:0]
    data = build_marker_data(one, taxonomy)
    view = build_view(one, padding=0.01)
    return build_map_spec(data, taxonomy, lang, view=view, selected=actor_id, height=300, max_zoom=ACTOR_ZOOM)
