"""The map to download, as one HTML file: folium loads here, at the first download, not with the app.

`mapfile` builds the file with folium from the pieces of `maps`; this module
only imports it when a file is asked for, so a page can offer the download
without loading folium.
"""

from .exports import Provenance
from .maps import View
from .markers import MarkerData
from .taxonomy import Taxonomy


def build_map_download(
    data: MarkerData,
    taxonomy: Taxonomy,
    lang: str,
    *,
    view: View | None,
    legend_title: str,
    title: str,
    provenance: Provenance,
) -> str:
    """The map as one HTML file that opens offline."""
    from .mapfile import build_map, build_map_file  # folium, with branca and jinja2

    fmap = build_map(None, taxonomy, lang, view=view, legend_title=legend_title, data=data)
    return build_map_file(fmap, title=title, provenance=provenance)
