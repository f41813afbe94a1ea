"""Folium maps built from the filtered actors, with Leaflet served locally.

folium points at CDNs by default; without internet the map then vanishes
silently, so every script and stylesheet is taken from `static/vendor/`.
"""

import html
import re
from dataclasses import dataclass

import folium
import pandas as pd
from branca.element import MacroElement, Template
from folium.plugins import MarkerCluster

from . import columns as C
from .backdrop import add_backdrop
from .taxonomy import Taxonomy

VENDOR_URL = "app/static/vendor"
TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
MARKER_SIZE = 18
SELECTED_SIZE = 28
# Padding around the Marseille-area actors for the opening view, in degrees.
VIEW_PADDING = 0.02


def vendor_assets(base: str = VENDOR_URL) -> dict[str, list[tuple[str, str]]]:
    """Local URLs for every script and stylesheet the map needs (and nothing else)."""
    base = "/" + base.strip("/")
    return {
        "map_js": [("leaflet", f"{base}/leaflet/leaflet.js"), ("jquery", f"{base}/jquery/jquery.min.js")],
        "map_css": [("leaflet_css", f"{base}/leaflet/leaflet.css")],
        "cluster_js": [("markerclusterjs", f"{base}/markercluster/leaflet.markercluster.js")],
        "cluster_css": [
            ("markerclustercss", f"{base}/markercluster/MarkerCluster.css"),
            ("markerclusterdefaultcss", f"{base}/markercluster/MarkerCluster.Default.css"),
        ],
    }


def use_local_assets(base: str = VENDOR_URL) -> None:
    """Point folium at the vendored copies (class attributes, so set once per process)."""
    assets = vendor_assets(base)
    folium.Map.default_js = assets["map_js"]
    folium.Map.default_css = assets["map_css"]
    MarkerCluster.default_js = assets["cluster_js"]
    MarkerCluster.default_css = assets["cluster_css"]


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


def build_symbol_svg(symbol: str, colour: str, size: int = MARKER_SIZE) -> str:
    """An inline SVG marker: shape and colour both tell the type apart."""
    shape = SHAPES.get(symbol, SHAPES["circle"])
    colour = colour if re.fullmatch(r"#[0-9A-Fa-f]{6}", colour or "") else "#555555"
    if symbol == "ring":
        shape = shape.replace('fill="white"', 'fill="white" stroke="' + colour + '"')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 24 24" '
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
    return build_view(all_actors[all_actors[C.SCOPE] == home_scope])


def count_located(actors: pd.DataFrame) -> int:
    """How many actors have a position to draw."""
    return int((actors[C.LAT].notna() & actors[C.LON].notna()).sum())


def count_outside(actors: pd.DataFrame, view: View | None) -> int:
    """How many located actors the view does not show."""
    if view is None:
        return 0
    located = actors.dropna(subset=[C.LAT, C.LON])
    inside = located[C.LAT].between(view.south, view.north) & located[C.LON].between(view.west, view.east)
    return int((~inside).sum())


def tooltip_text(name: str) -> str:
    """The escaped name shown on hover; the browser hands back its plain text on click."""
    return html.escape(name or "", quote=True)


def find_clicked_actor(tooltip: str | None, actors: pd.DataFrame) -> str | None:
    """The id of the actor whose marker was clicked, from the tooltip's text."""
    if not tooltip:
        return None
    names = actors[C.NAME].map(lambda name: " ".join(str(name).split()))
    text = html.unescape(str(tooltip))
    # The browser hands back plain text; older versions of the component, the tooltip's HTML.
    for candidate in (text, re.sub(r"<[^>]*>", " ", text)):
        matches = actors[names == " ".join(candidate.split())]
        if len(matches):
            return str(matches.iloc[0][C.ID])
    return None


_LEGEND = Template(
    """
{% macro html(this, kwargs) %}{% endmacro %}
{% macro script(this, kwargs) %}
var legend = L.control({position: "bottomleft"});
legend.onAdd = function () {
  var div = L.DomUtil.create("div", "ecosystem-legend");
  div.style.background = "rgba(255,255,255,0.92)";
  div.style.padding = "6px 8px";
  div.style.font = "13px/1.4 sans-serif";
  div.style.borderRadius = "4px";
  div.innerHTML = {{ this.content|tojson }};
  return div;
};
legend.addTo({{ this._parent.get_name() }});
{% endmacro %}
"""
)


class Legend(MacroElement):
    """A Leaflet control listing the types shown, with their symbols."""

    def __init__(self, content: str):
        super().__init__()
        self._name = "Legend"
        self.content = content
        self._template = _LEGEND


def build_legend_html(taxonomy: Taxonomy, types: list[str], lang: str, title: str) -> str:
    rows = [
        f"<div>{build_symbol_svg(taxonomy.row('types', t).get('symbol', ''), taxonomy.row('types', t).get('colour', ''), 14)} "
        f"{html.escape(taxonomy.label('types', t, lang))}</div>"
        for t in types
    ]
    return f"<strong>{html.escape(title)}</strong>" + "".join(rows)


def build_map(
    actors: pd.DataFrame,
    taxonomy: Taxonomy,
    lang: str,
    *,
    view: View | None,
    selected: str | None = None,
    legend_title: str = "",
    height: int = 560,
) -> folium.Map:
    """A clustered map of `actors`, one marker each, opening on `view`."""
    use_local_assets()
    fmap = folium.Map(tiles=None, control_scale=True, prefer_canvas=False, height=height)
    folium.TileLayer(tiles=TILES_URL, attr=TILES_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(fmap)
    add_backdrop(fmap, lang)  # outlines and names beneath the tiles, for when they cannot load
    cluster = MarkerCluster(name="actors", options={"showCoverageOnHover": False, "maxClusterRadius": 40})
    cluster.add_to(fmap)
    located = actors.dropna(subset=[C.LAT, C.LON])
    for row in located.itertuples(index=False):
        row = row._asdict()
        info = taxonomy.row("types", row[C.TYPE])
        size = SELECTED_SIZE if row[C.ID] == selected else MARKER_SIZE
        icon = folium.DivIcon(
            html=build_symbol_svg(info.get("symbol", ""), info.get("colour", ""), size),
            icon_size=(size, size),
            icon_anchor=(size // 2, size // 2),
            class_name="ecosystem-marker" + (" selected" if row[C.ID] == selected else ""),
        )
        folium.Marker(
            location=(row[C.LAT], row[C.LON]),
            icon=icon,
            tooltip=folium.Tooltip(tooltip_text(row[C.NAME]), sticky=False),
        ).add_to(cluster)
    if view is not None:
        fmap.fit_bounds(view.bounds)
    types = [t for t in taxonomy.ids("types") if t in set(located[C.TYPE])]
    if types:
        Legend(build_legend_html(taxonomy, types, lang, legend_title)).add_to(fmap)
    return fmap


def build_actor_map(actors: pd.DataFrame, actor_id: str, taxonomy: Taxonomy, lang: str) -> folium.Map:
    """The profile's small map: the one actor, zoomed to its street."""
    one = actors.loc[[actor_id]] if actor_id in actors.index else actors.iloc[:0]
    fmap = build_map(one, taxonomy, lang, view=None, selected=actor_id, height=300)
    view = build_view(one, padding=0.01)
    if view is not None:
        fmap.fit_bounds(view.bounds, max_zoom=14)
    return fmap
