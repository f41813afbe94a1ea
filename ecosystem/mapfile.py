"""The map as one HTML file, built with folium: for download, so folium loads only when someone asks for it.

It draws the markers and the backdrop with the app's own `markers.js` and
`backdrop.js`, and `build_map_file` inlines every asset so that the file
opens from disk with no network.
"""

import html
from pathlib import Path
from typing import ClassVar, cast

import folium
import pandas as pd
from branca.element import Element, Figure, MacroElement, Template
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.plugins import MarkerCluster

from .backdrop import (
    ATTRIBUTION,
    build_backdrop_options,
    build_label_rows,
    load_labels,
    load_outlines,
)
from .exports import Provenance, build_map_credit, inline_static_assets
from .maps import (
    TILES_ATTRIBUTION,
    TILES_URL,
    View,
    build_marker_data,
    build_marker_options,
    vendor_assets,
)
from .markers import MarkerData, encode_json
from .paths import BACKDROP_JS, GEO_DIR, MARKERS_JS, STATIC_DIR, VENDOR_URL
from .taxonomy import Taxonomy


def use_local_assets(base: str = VENDOR_URL) -> None:
    """Point folium at the vendored copies (class attributes, so set once per process)."""
    assets = vendor_assets(base)
    folium.Map.default_js = assets["map_js"]
    folium.Map.default_css = assets["map_css"]
    MarkerCluster.default_js = assets["cluster_js"]
    MarkerCluster.default_css = assets["cluster_css"]


_LAYER = Template(
    """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.ecosystemMarkers({{ this.rows_json }}, {{ this.options_json }});
{% endmacro %}
"""
)


class MarkerLayer(JSCSSMixin, Layer):
    """A marker cluster group built in the browser from compact rows, for a folium map (the exported file)."""

    # folium annotates these class-wide lists as instance attributes
    default_js: ClassVar[list[tuple[str, str]]] = [  # type: ignore[misc]
        *vendor_assets()["cluster_js"],
        ("ecosystem_markers", MARKERS_JS),
    ]
    default_css: ClassVar[list[tuple[str, str]]] = vendor_assets()["cluster_css"]  # type: ignore[misc]
    _template = _LAYER

    def __init__(self, data: MarkerData, options: dict):
        super().__init__(name="actors", overlay=True, control=False, show=True)
        self.rows_json = data.rows_json
        self.options_json = encode_json(options)


_BACKDROP = Template(
    """
{% macro html(this, kwargs) %}{% endmacro %}
{% macro script(this, kwargs) %}
L.ecosystemBackdrop({{ this._parent.get_name() }}, {{ this.outlines }}, {{ this.labels|tojson }}, {{ this.options|tojson }});
{% endmacro %}
"""
)


class Backdrop(JSCSSMixin, MacroElement):
    """The outlines and labels, drawn by `static/map/backdrop.js` (no per-label folium objects)."""

    # folium annotates these class-wide lists as instance attributes
    default_js: ClassVar[list[tuple[str, str]]] = [("ecosystem_backdrop", BACKDROP_JS)]  # type: ignore[misc]
    default_css: ClassVar[list[tuple[str, str]]] = []  # type: ignore[misc]

    def __init__(self, outlines: str, labels: list[list], attribution: str = ATTRIBUTION):
        super().__init__()
        self._name = "Backdrop"
        self.outlines = outlines
        self.labels = labels
        self.options = build_backdrop_options(attribution)
        self._template = _BACKDROP


def add_backdrop(fmap: folium.Map, lang: str, geo_dir: Path = GEO_DIR) -> folium.Map:
    """Add the offline backdrop to `fmap`, labels in `lang`; credited in the map's attribution."""
    Backdrop(load_outlines(geo_dir), build_label_rows(load_labels(geo_dir), lang)).add_to(fmap)
    return fmap


def build_marker_layer(
    data: MarkerData, taxonomy: Taxonomy, lang: str, *, selected: str | None = None, legend_title: str = ""
) -> MarkerLayer:
    """The clustered markers with their legend, as a folium layer (for the exported map file)."""
    return MarkerLayer(data, build_marker_options(data, taxonomy, lang, selected=selected, legend_title=legend_title))


def build_base_map(view: View | None, height: int = 560, lang: str = "fr") -> folium.Map:
    """The folium map without markers: tiles, backdrop and the opening view."""
    use_local_assets()
    fmap = folium.Map(tiles=None, control_scale=False, prefer_canvas=False, height=height)
    MetricScale().add_to(fmap)  # folium's own scale shows miles too
    folium.TileLayer(tiles=TILES_URL, attr=TILES_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(fmap)
    add_backdrop(fmap, lang)  # outlines and names beneath the tiles, for when they cannot load
    if view is not None:
        fmap.fit_bounds(view.bounds)
    return fmap


def build_map(
    actors: pd.DataFrame | None,
    taxonomy: Taxonomy,
    lang: str,
    *,
    view: View | None,
    selected: str | None = None,
    legend_title: str = "",
    height: int = 560,
    data: MarkerData | None = None,
) -> folium.Map:
    """A clustered map of `actors`, one marker each, opening on `view`.

    `data` (the actors' marker rows, when already built) saves building them again; `actors` is then unused.
    """
    fmap = build_base_map(view, height, lang)
    if data is None:
        if actors is None:
            raise ValueError("build_map needs the actors when their marker rows are not given")
        data = build_marker_data(actors, taxonomy)
    build_marker_layer(data, taxonomy, lang, selected=selected, legend_title=legend_title).add_to(fmap)
    return fmap


_ATTRIBUTION = Template(
    """
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
{% endmacro %}
"""
)


_SCALE = Template(
    """
{% macro script(this, kwargs) %}
L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
{% endmacro %}
"""
)


class MetricScale(MacroElement):
    """The map's scale in metres and kilometres only, as in the app."""

    def __init__(self):
        super().__init__()
        self._name = "MetricScale"
        self._template = _SCALE


class Attribution(MacroElement):
    """A line in the map's attribution corner (where Leaflet credits the tiles)."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = text
        self._template = _ATTRIBUTION


def build_map_file(fmap: folium.Map, *, title: str, provenance: Provenance, static_dir: Path = STATIC_DIR) -> str:
    """The map as one HTML file that opens from disk with no network: assets inlined, legend and credits kept."""
    Attribution(build_map_credit(title, provenance)).add_to(fmap)
    root = cast(Figure, fmap.get_root())  # a folium map is put in a Figure when it is made
    root.header.add_child(Element(f"<title>{html.escape(title)}</title>"), name="export_title")
    root.header.add_child(
        Element("<style>html,body{height:100%;margin:0}.folium-map{height:100% !important}</style>"),
        name="export_size",
    )
    return inline_static_assets(root.render(), static_dir)
