"""The presentation's map: the cluster's actors grouped by their site, drawn as one SVG that fills the screen.

The projected map must say where people are ("Luminy: 16"), show each site's mix of
actor types, keep every name clear of the others and of the markers, and draw the
sea as sea. It is drawn here, as plain SVG from `places.csv` and the offline commune
outlines, rather than with Leaflet: no tiles to wait for at a venue, the same
picture on screen, on paper (`print=true`) and in the press kit, and label
placement tested without a browser. The app's /map page is untouched.
"""

import json
import math
from dataclasses import dataclass
from html import escape

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .backdrop import format_district, load_labels, load_outlines
from .i18n import t
from .markers import short_place_name
from .palette import pick_colour
from .placement import Box, Label, leader_end, place_labels, spread_circles
from .taxonomy import Taxonomy

WIDTH, HEIGHT = 1840, 800  # the drawing's own units: pixels on a 1920x1080 screen (less the margins)
PADDING = 0.1  # room around the sites for their names, as a share of the span
SEA = "#bcd7ea"
LAND = "#f4f0e6"
BORDER = "#b5aa98"
PLACE_FONT = 24
BACKDROP_FONT = 21
BACKDROP_COLOUR = "#4a4a4a"  # AA on the land colour
FAR_LABELS = 8  # the largest sites are always named: their labels may stand away, with a leader line


@dataclass(frozen=True)
class SiteGroup:
    """The actors of one site (`places.csv`): where it is, its name, and its mix of types (id, how many)."""

    site: str
    name: str
    lat: float
    lon: float
    count: int
    mix: tuple[tuple[str, int], ...]


def group_by_site(actors: pd.DataFrame, places: pd.DataFrame, taxonomy: Taxonomy, scope: str | None) -> list[SiteGroup]:
    """The actors of `scope` (all, when None) by site, largest first; actors without a located site are left out."""
    chosen = actors if scope is None else actors[actors[C.SCOPE] == scope]
    located = places.dropna(subset=[C.LAT, C.LON]).drop_duplicates(C.ID)
    table = {str(row[C.ID]): row for row in located.to_dict("records")}
    chosen = chosen[chosen[C.SITE].isin(list(table))]
    order = {kind: index for index, kind in enumerate(taxonomy.ids(V.TYPES))}
    groups = []
    for site, members in chosen.groupby(C.SITE, sort=True):
        counts = members[C.TYPE].value_counts()
        mix = tuple(sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda pair: order.get(pair[0], 99)))
        place = table[str(site)]
        groups.append(
            SiteGroup(
                site=str(site),
                name=short_place_name(str(place[C.NAME]), 34),
                lat=float(place[C.LAT]),
                lon=float(place[C.LON]),
                count=len(members),
                mix=mix,
            )
        )
    return sorted(groups, key=lambda group: (-group.count, group.name))


@dataclass(frozen=True)
class Frame:
    """Degrees to drawing units: a box around the sites, stretched to the drawing's shape."""

    west: float
    north: float
    scale_x: float
    scale_y: float

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.west) * self.scale_x, (self.north - lat) * self.scale_y


def fit_frame(groups: list[SiteGroup], width: float = WIDTH, height: float = HEIGHT) -> Frame:
    """The frame that shows every site with room around it, north up, distances true in both directions."""
    lats = [group.lat for group in groups] or [43.3]
    lons = [group.lon for group in groups] or [5.4]
    shrink = math.cos(math.radians(sum(lats) / len(lats)))  # a degree of longitude is shorter than one of latitude
    span_x = max((max(lons) - min(lons)) * shrink, 0.02) * (1 + 2 * PADDING)
    span_y = max(max(lats) - min(lats), 0.02) * (1 + 2 * PADDING)
    scale = min(width / span_x, height / span_y)  # drawing units per degree of latitude
    centre_lat, centre_lon = (max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2
    return Frame(
        west=centre_lon - width / 2 / (scale * shrink),
        north=centre_lat + height / 2 / scale,
        scale_x=scale * shrink,
        scale_y=scale,
    )


def ring_radius(count: int) -> float:
    return 20 + 4.5 * math.sqrt(count)


def _rings(geometry: dict) -> list[list]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def build_land_path(outlines: dict, frame: Frame) -> str:
    """The communes as one SVG path (the coast is where they end; the sea is the background)."""
    parts = []
    for feature in outlines.get("features", []):
        for ring in _rings(feature.get("geometry") or {}):
            points = [frame.project(lat, lon) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.0f} {y:.0f}" for x, y in points) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class PlacedMap:
    """What the map scene draws: each site's marker (centre and radius) and every label kept, with its box."""

    markers: list[tuple[SiteGroup, float, float, float]]
    anchors: list[tuple[float, float]]  # each site's true point (a marker moved aside has a leader line to it)
    labels: list[tuple[str, Box, bool]]  # text, box, whether it names a site
    leaders: list[tuple[float, float, float, float]]  # lines from a marker to its label standing away


def lay_out_map(groups: list[SiteGroup], frame: Frame, lang: str, backdrop: tuple = ()) -> PlacedMap:
    """Markers where the sites are; site names (largest first), then district and town names, where they fit."""
    inside = []
    for group in groups:
        x, y = frame.project(group.lat, group.lon)
        if 0 <= x <= WIDTH and 0 <= y <= HEIGHT:
            inside.append((group, x, y, ring_radius(group.count)))
    centres = spread_circles([(x, y, r) for _, x, y, r in inside])
    markers = [(group, cx, cy, r) for (group, _, _, r), (cx, cy) in zip(inside, centres, strict=True)]
    anchors = [(x, y) for _, x, y, _ in inside]
    obstacles = [Box(x - r, y - r, 2 * r, 2 * r) for _, x, y, r in markers]
    obstacles += [Box(x - 5, y - 5, 10, 10) for x, y in anchors]
    labels = [
        Label(
            key=f"site:{group.site}",
            text=t("present_site_count", lang, name=group.name, count=group.count),
            x=x,
            y=y,
            radius=r,
            font=PLACE_FONT,
            far=rank < FAR_LABELS,
        )
        for rank, (group, x, y, r) in enumerate(markers)
    ]
    for index, item in enumerate(backdrop):
        x, y = frame.project(item.lat, item.lon)
        text = format_district(item.district, lang) if item.district else item.name
        labels.append(Label(key=f"backdrop:{index}", text=text, x=x, y=y, font=BACKDROP_FONT, movable=False))
    texts = {label.key: label.text for label in labels}
    placed = place_labels(labels, obstacles, WIDTH, HEIGHT)
    leaders = []
    for group, x, y, r in markers:
        box = placed.get(f"site:{group.site}")
        if box is not None:
            ex, ey = leader_end(box, x, y)
            if (ex - x) ** 2 + (ey - y) ** 2 > (r + 10) ** 2:
                leaders.append((x, y, ex, ey))
    return PlacedMap(
        markers=markers,
        anchors=anchors,
        labels=[(texts[key], box, key.startswith("site:")) for key, box in placed.items()],
        leaders=leaders,
    )


def _ring_svg(group: SiteGroup, x: float, y: float, r: float, colours: dict[str, str]) -> str:
    circumference = 2 * math.pi * (r - 5)
    arcs, offset = [], 0.0
    for kind, count in group.mix:
        length = circumference * count / group.count
        arcs.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r - 5:.1f}" fill="none" stroke="{colours.get(kind, "#555555")}" '
            f'stroke-width="10" stroke-dasharray="{length:.2f} {circumference - length:.2f}" '
            f'stroke-dashoffset="{-offset:.2f}" transform="rotate(-90 {x:.1f} {y:.1f})"/>'
        )
        offset += length
    return (
        f'<g class="scene-marker"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#ffffff" stroke="#333333" '
        f'stroke-width="1.5"/>{"".join(arcs)}'
        f'<text x="{x:.1f}" y="{y:.1f}" dy="0.35em" text-anchor="middle" font-size="22" font-weight="700" '
        f'fill="#111111">{group.count}</text></g>'
    )


def _label_svg(text: str, box: Box, site: bool) -> str:
    font = PLACE_FONT if site else BACKDROP_FONT
    fill = "#ffffff" if site else "none"
    stroke = ' stroke="#333333" stroke-width="1"' if site else ""
    colour = "#111111" if site else BACKDROP_COLOUR
    weight = "700" if site else "400"
    return (
        f'<g class="scene-label{" scene-label-site" if site else ""}">'
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="5" fill="{fill}"{stroke}/>'
        f'<text x="{box.x + box.w / 2:.1f}" y="{box.y + box.h / 2:.1f}" dy="0.35em" text-anchor="middle" '
        f'font-size="{font}" font-weight="{weight}" fill="{colour}">{escape(text)}</text></g>'
    )


def build_map_svg(
    actors: pd.DataFrame, places: pd.DataFrame, taxonomy: Taxonomy, lang: str, scope: str | None
) -> tuple[str, list[SiteGroup]]:
    """The map scene's SVG (sea, land, one ring per site with its name and count) and the groups it shows."""
    groups = group_by_site(actors, places, taxonomy, scope)
    frame = fit_frame(groups)
    laid = lay_out_map(groups, frame, lang, load_labels())
    colours = {kind: pick_colour(taxonomy.row(V.TYPES, kind).get("colour", "")) for kind in taxonomy.ids(V.TYPES)}
    land = build_land_path(json.loads(load_outlines()), frame)
    title = escape(t("present_map_alt", lang, count=len(groups)))
    svg = (
        f'<svg class="scene-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{title}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" '
        f'style="background:{SEA};overflow:hidden">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{SEA}"/>'
        f'<path d="{land}" fill="{LAND}" stroke="{BORDER}" stroke-width="1.2" fill-rule="evenodd"/>'
        + "".join(
            f'<line x1="{ax:.1f}" y1="{ay:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#333333" stroke-width="2"/>'
            f'<circle cx="{ax:.1f}" cy="{ay:.1f}" r="4" fill="#333333"/>'
            for (ax, ay), (_, x, y, _) in zip(laid.anchors, laid.markers, strict=True)
            if abs(ax - x) + abs(ay - y) > 3
        )
        + "".join(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#333333" stroke-width="2"/>'
            for x1, y1, x2, y2 in laid.leaders
        )
        + "".join(_ring_svg(group, x, y, r, colours) for group, x, y, r in laid.markers)
        + "".join(_label_svg(text, box, site) for text, box, site in laid.labels if not site)
        + "".join(_label_svg(text, box, site) for text, box, site in laid.labels if site)
        + "</svg>"
    )
    return svg, groups


def build_type_legend(groups: list[SiteGroup], taxonomy: Taxonomy, lang: str) -> list[tuple[str, str]]:
    """(colour, label) of each type present on the map, in the taxonomy's order."""
    present = {kind for group in groups for kind, _ in group.mix}
    return [
        (pick_colour(taxonomy.row(V.TYPES, kind).get("colour", "")), taxonomy.label(V.TYPES, kind, lang))
        for kind in taxonomy.ids(V.TYPES)
        if kind in present
    ]
