"""The relations graph: who spun off, bought, hosts, funds or partners with whom.

The layout is computed once for the whole graph (seeded, so every load and every
machine draws the same picture); filters then only choose which edges and nodes
show, and nodes never jump when a filter changes.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import columns as C
from . import vocabularies as V
from .charts import FONT, SEPARATORS, add_type_traces
from .formatting import format_count
from .i18n import t
from .taxonomy import Taxonomy

LAYOUT_SEED = 1976  # the year the CIML was founded
LAYOUT_ITERATIONS = 200
# A spring layout of more actors takes seconds to minutes (16 s at 1,000 on 2 cores), and
# a drawing of thousands is a tangle: past this, the page draws the most related actors shown.
LAYOUT_SPRING_LIMIT = 500
DRAWN_LIMIT = 300
# Up to this many actors, the spring layout is refined by Kamada-Kawai's (a second on 2 cores), which spreads a dense core.
LAYOUT_STRESS_LIMIT = 200
LAYOUT_ASPECT = 1.5
LAYOUT_SPACING = 0.3  # networkx's k: larger than its default 1/sqrt(n), so that hubs' neighbours overlap less
LABEL_LENGTH = 28
LABELLED = 16  # the most connected shown actors that get a label (fewer when labels would overlap)
# An edge whose kind the taxonomy does not know (the validator reports it) is drawn plainly.
DEFAULT_EDGE = ("solid", 1.0)
EDGE_COLOUR = "#999999"
EDGE_OPACITY = 0.8
# Components this small (a pair, a triple) sit in rows under the main graph instead of being flung around it.
SMALL_COMPONENT = 3
SMALL_CELL = 0.4  # the width of one small component's cell, in layout units (the main graph spans 2)
RING_LIMIT = 16  # a neighbourhood of more actors than this is drawn on two rings
SMALL_GAP = 0.3  # between the main graph and the first row, and between rows
# The drawing's geometry, as label placement estimates it: text in pixels, the chart's width assumed
# narrower than a laptop's page (a wider chart spreads nodes further apart, labels keep their size).
LABEL_FONT = 12
LABEL_COLOUR = "#1a1a1a"
CHAR_WIDTH = 0.62  # an average character's width, in font sizes
LINE_HEIGHT = 1.3
LABEL_GAP = 3
ASSUMED_WIDTH = 900
MARGINS = {"l": 10, "r": 10, "t": 50, "b": 10}
LEGEND_ALLOWANCE = 130  # the legends above and under the graph: their rows take this much of the chart's height
RANGE_PAD = 0.12  # room around the nodes for the outer labels, as a share of the span
NEIGHBOURHOOD_SIDE_ROOM = 0.3
ROW_LEGEND = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "itemsizing": "constant",
}  # the chart's font: larger on a projector
LABEL_POSITIONS = (
    "top center",
    "bottom center",
    "middle right",
    "middle left",
    "top right",
    "top left",
    "bottom right",
    "bottom left",
)
NODE_COLUMNS = ("id", "name", "label", "type", "x", "y", "degree", "shown")


def edge_style(taxonomy: Taxonomy, kind: str) -> tuple[str, float]:
    """The kind's line (taxonomy/relation_kinds.csv `line_dash`, `line_width`)."""
    row = taxonomy.row(V.RELATION_KINDS, kind)
    try:
        return row["line_dash"], float(row["line_width"])
    except (KeyError, ValueError):
        return DEFAULT_EDGE


def edge_colour(taxonomy: Taxonomy, kind: str) -> str:
    """The kind's colour (taxonomy/relation_kinds.csv `colour`, Okabe–Ito), grey for a kind the taxonomy lacks."""
    try:
        return taxonomy.row(V.RELATION_KINDS, kind)["colour"] or EDGE_COLOUR
    except KeyError:
        return EDGE_COLOUR


@dataclass(frozen=True)
class Box:
    """A rectangle in screen pixels (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )


@dataclass(frozen=True)
class LabelSpot:
    """A node to label: its id, centre in pixels, marker radius in pixels, and text."""

    id: str
    x: float
    y: float
    radius: float
    text: str


def estimate_label_box(spot: LabelSpot, position: str, font: float = LABEL_FONT) -> Box:
    """Where plotly writes `spot.text` for a `textposition`: beside the marker, a few pixels off its edge."""
    width = len(spot.text) * font * CHAR_WIDTH
    height = font * LINE_HEIGHT
    vertical, horizontal = position.split()
    reach = spot.radius + LABEL_GAP
    if horizontal == "center":
        left = spot.x - width / 2
    elif horizontal == "right":
        left = spot.x + (reach if vertical == "middle" else 0)
    else:
        left = spot.x - width - (reach if vertical == "middle" else 0)
    if vertical == "middle":
        top = spot.y - height / 2
    elif vertical == "top":
        top = spot.y - reach - height
    else:
        top = spot.y + reach
    return Box(left, top, left + width, top + height)


def order_positions(spot: LabelSpot, centre: tuple[float, float]) -> list[str]:
    """The text positions to try for a node, the one pointing away from the drawing's centre first."""
    dx, dy = spot.x - centre[0], spot.y - centre[1]
    length = math.hypot(dx, dy) or 1.0

    def away(position: str) -> float:
        vertical, horizontal = position.split()
        hx = {"left": -1.0, "center": 0.0, "right": 1.0}[horizontal]
        vy = {"top": -1.0, "middle": 0.0, "bottom": 1.0}[vertical]
        norm = math.hypot(hx, vy) or 1.0
        return -(hx * dx + vy * dy) / (norm * length)

    return sorted(LABEL_POSITIONS, key=lambda position: (round(away(position), 6), LABEL_POSITIONS.index(position)))


def place_labels(
    spots: Sequence[LabelSpot],
    *,
    font: float = LABEL_FONT,
    centre: tuple[float, float] | None = None,
) -> dict[str, str]:
    """A text position for each spot whose label fits, in the order given (most important first).

    Each label tries the positions around its node, away from the centre first, and takes the
    first whose box overlaps no label already placed and no marker of a spot as important or
    more (a label may cover a lesser node, drawn under it); a label that fits nowhere is dropped.
    """
    if centre is None and spots:
        centre = (sum(item.x for item in spots) / len(spots), sum(item.y for item in spots) / len(spots))
    placed: dict[str, str] = {}
    boxes: list[Box] = []
    markers: list[Box] = []
    for spot in spots:
        markers.append(Box(spot.x - spot.radius, spot.y - spot.radius, spot.x + spot.radius, spot.y + spot.radius))
        for position in order_positions(spot, centre or (spot.x, spot.y)):
            box = estimate_label_box(spot, position, font)
            if not any(box.overlaps(other) for other in boxes) and not any(box.overlaps(m) for m in markers):
                placed[spot.id] = position
                boxes.append(box)
                break
    return placed


def marker_size(degree: int) -> int:
    """A node's marker diameter in pixels: larger for the more connected, within bounds."""
    return 10 + min(16, 2 * degree)


def compute_ranges(
    positions: Iterable[tuple[float, float]], *, side_room: float = RANGE_PAD
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The axes' ranges: the nodes' extent and some room for the outer labels (`side_room` left and right)."""
    points = list(positions) or [(0.0, 0.0)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad_x = max(max(xs) - min(xs), 0.2) * side_room
    pad_y = max(max(ys) - min(ys), 0.2) * RANGE_PAD
    return (min(xs) - pad_x, max(xs) + pad_x), (min(ys) - pad_y, max(ys) + pad_y)


def project_to_pixels(
    positions: Mapping[str, tuple[float, float]],
    height: int,
    width: int = ASSUMED_WIDTH,
    *,
    side_room: float = RANGE_PAD,
) -> dict[str, tuple[float, float]]:
    """Layout positions as screen pixels, at the scale plotly draws them (equal axes, the tighter side decides)."""
    (x0, x1), (y0, y1) = compute_ranges(positions.values(), side_room=side_room)
    plot_width = width - MARGINS["l"] - MARGINS["r"]
    plot_height = height - MARGINS["t"] - MARGINS["b"] - LEGEND_ALLOWANCE
    scale = min(plot_width / (x1 - x0), max(plot_height, 1) / (y1 - y0))
    return {node: ((x - x0) * scale, (y1 - y) * scale) for node, (x, y) in positions.items()}


def build_node_label(name: str, acronym: str) -> str:
    """The short text written beside a node: the acronym, else the name cut to LABEL_LENGTH."""
    if acronym:
        return acronym
    return name if len(name) <= LABEL_LENGTH else name[: LABEL_LENGTH - 1].rstrip() + "…"


def compute_layout(relations: pd.DataFrame, *, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Positions of every actor that has a relation, the same for the same relations.

    Nodes and edges are added in sorted order so that row order in the CSV does not
    change the picture; the seed fixes the starting positions.
    """
    import networkx as nx  # here, not at the top: only the network page needs it (13 MB)

    graph = nx.Graph()
    pairs = sorted({tuple(sorted(pair)) for pair in zip(relations[C.SOURCE_ID], relations[C.TARGET_ID], strict=True)})
    graph.add_nodes_from(sorted({node for pair in pairs for node in pair}))
    graph.add_edges_from(pairs)
    if not graph.number_of_nodes():
        return {}
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    large = [node for component in components if len(component) > SMALL_COMPONENT for node in component]
    small = [component for component in components if len(component) <= SMALL_COMPONENT]
    positions: dict[str, tuple[float, float]] = {}
    if large:
        main = graph.subgraph(large)
        spring = nx.spring_layout(main, seed=seed, iterations=LAYOUT_ITERATIONS, k=LAYOUT_SPACING)
        if len(large) <= LAYOUT_STRESS_LIMIT:  # evens out the distances: hubs' neighbours spread, the core opens up
            spring = nx.kamada_kawai_layout(main, pos=spring)
            spring = nx.rescale_layout_dict(spring)
        # Wider than tall, as screens are: the graph takes the chart's width instead of a square in its middle.
        positions.update({node: (float(x) * LAYOUT_ASPECT, float(y)) for node, (x, y) in spring.items()})
    positions.update(arrange_small_components(small, below=min((y for _, y in positions.values()), default=None)))
    return {node: (round(x, 6), round(y, 6)) for node, (x, y) in positions.items()}


def arrange_small_components(
    components: Sequence[Sequence[str]], *, below: float | None
) -> dict[str, tuple[float, float]]:
    """Pairs and triples in rows of cells under the main graph (whose lowest node is at `below`), left to right.

    Left to the spring layout, they would be flung to the edges and squeeze the main graph into the middle.
    """
    per_row = max(1, int(2 * LAYOUT_ASPECT / SMALL_CELL))
    top = 0.0 if below is None else below - SMALL_GAP
    positions: dict[str, tuple[float, float]] = {}
    for index, component in enumerate(components):
        row, column = divmod(index, per_row)
        cx, cy = -LAYOUT_ASPECT + SMALL_CELL * (column + 0.5), top - row * SMALL_GAP
        step = SMALL_CELL / max(len(component), 2)
        for place, node in enumerate(component):
            offset = (place - (len(component) - 1) / 2) * step
            positions[node] = (cx + offset, cy + (0.05 if place % 2 else 0.0))
    return positions


def count_linked(relations: pd.DataFrame) -> pd.Series:
    """How many relations each actor has, for every actor with one."""
    return pd.concat([relations[C.SOURCE_ID], relations[C.TARGET_ID]]).value_counts()


def is_large(relations: pd.DataFrame, limit: int = LAYOUT_SPRING_LIMIT) -> bool:
    """Whether the whole graph is too large to lay out at once."""
    return len(count_linked(relations)) > limit


def select_drawn(relations: pd.DataFrame, shown: Iterable[str], limit: int = DRAWN_LIMIT) -> tuple[list[str], int]:
    """The `limit` shown actors with the most relations (ties by id), and how many shown actors have one."""
    linked = count_linked(relations)
    candidates = [item for item in shown if item in linked.index]
    ranked = sorted(candidates, key=lambda item: (-int(linked[item]), item))
    return ranked[:limit], len(candidates)


def select_edges(relations: pd.DataFrame, shown: Iterable[str]) -> pd.DataFrame:
    """The relations touching at least one shown actor (the other end is drawn too, faded)."""
    shown = set(shown)
    mask = relations[C.SOURCE_ID].isin(shown) | relations[C.TARGET_ID].isin(shown)
    return relations[mask].reset_index(drop=True)


def build_nodes(
    actors: pd.DataFrame, edges: pd.DataFrame, shown: Iterable[str], positions: Mapping[str, tuple[float, float]]
) -> pd.DataFrame:
    """One row per actor at either end of an edge: position, degree, and whether it passes the filters."""
    shown = set(shown)
    ends = pd.concat([edges[C.SOURCE_ID], edges[C.TARGET_ID]])
    degree = ends.value_counts()
    known = actors.set_index(C.ID)
    rows = [
        {
            "id": node,
            "name": known.at[node, C.NAME],
            "label": build_node_label(str(known.at[node, C.NAME]), str(known.at[node, C.ACRONYM])),
            "type": known.at[node, C.TYPE],
            "x": positions[node][0],
            "y": positions[node][1],
            "degree": int(degree[node]),
            "shown": node in shown,
        }
        for node in sorted(degree.index)
        if node in known.index and node in positions
    ]
    return pd.DataFrame(rows, columns=list(NODE_COLUMNS))


def build_edge_segments(
    edges: pd.DataFrame, positions: Mapping[str, tuple[float, float]]
) -> dict[str, tuple[list, list]]:
    """Per relation kind, the x and y lists of its segments (None between two segments)."""
    segments: dict[str, tuple[list, list]] = {}
    for source, target, kind in zip(edges[C.SOURCE_ID], edges[C.TARGET_ID], edges[C.KIND], strict=True):
        if source not in positions or target not in positions:
            continue
        xs, ys = segments.setdefault(kind, ([], []))
        xs += [positions[source][0], positions[target][0], None]
        ys += [positions[source][1], positions[target][1], None]
    return segments


def choose_labels(
    nodes: pd.DataFrame,
    positions: Mapping[str, tuple[float, float]],
    height: int,
    labelled: int,
    *,
    centre: str | None = None,
    side_room: float = RANGE_PAD,
) -> dict[str, str]:
    """The text position of each labelled node: the `labelled` most connected shown ones that fit without overlaps.

    With a `centre` (a neighbourhood), labels point away from that node rather than from the middle.
    """
    pixels = project_to_pixels(positions, height, side_room=side_room)
    ranked = nodes[nodes["shown"].astype(bool)].sort_values(["degree", "name"], ascending=[False, True])
    if centre is not None:
        ranked = pd.concat([ranked[ranked["id"] == centre], ranked[ranked["id"] != centre]])
    chosen = set(ranked.head(labelled)["id"])
    spots = {
        node: LabelSpot(node, *pixels[node], marker_size(int(degree)) / 2, str(label))
        for node, degree, label in zip(nodes["id"], nodes["degree"], nodes["label"], strict=True)
        if node in pixels
    }
    wanted = [spots[node] for node in ranked["id"] if node in chosen and node in spots]
    middle = (spots[centre].x, spots[centre].y) if centre in spots else None
    return place_labels(wanted, centre=middle)


def build_network_figure(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    positions: Mapping[str, tuple[float, float]],
    taxonomy: Taxonomy,
    lang: str,
    *,
    labelled: int = LABELLED,
    height: int = 720,
    centre: str | None = None,
) -> go.Figure:
    """Edges first (one trace per kind, not hoverable, not selectable), nodes last so clicks land on them.

    Each node trace carries the actor ids as customdata; the `labelled` most connected
    shown actors get their name written beside them where it overlaps no other label.
    Each relation kind has its colour and its dash, and the legend shows both.
    """
    figure = go.Figure()
    for kind in [k for k in taxonomy.ids(V.RELATION_KINDS) if k in set(edges[C.KIND])] + sorted(
        set(edges[C.KIND]) - set(taxonomy.ids(V.RELATION_KINDS))
    ):
        xs, ys = build_edge_segments(edges[edges[C.KIND] == kind], positions).get(kind, ([], []))
        dash, width = edge_style(taxonomy, kind)
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"dash": dash, "width": max(width, 1.2), "color": edge_colour(taxonomy, kind)},
                opacity=EDGE_OPACITY,
                name=taxonomy.label(V.RELATION_KINDS, kind, lang),
                legend="legend",
                hoverinfo="skip",
            )
        )
    # A neighbourhood is as wide as tall, its labels out to the sides: room for them when the width decides (a phone).
    side_room = NEIGHBOURHOOD_SIDE_ROOM if centre is not None else RANGE_PAD
    labels = choose_labels(nodes, positions, height, labelled, centre=centre, side_room=side_room)
    add_type_traces(
        figure,
        nodes,
        taxonomy,
        lang,
        lambda group, colour, symbol: go.Scatter(
            x=group["x"],
            y=group["y"],
            mode="markers",
            legend="legend2",
            hovertext=group["name"],
            customdata=group["id"],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "symbol": symbol,
                "color": colour,
                "size": [marker_size(int(d)) for d in group["degree"]],
                "opacity": [1.0 if shown else 0.3 for shown in group["shown"]],
                "line": {"width": 1.5, "color": "white" if not symbol.endswith("-open") else colour},
            },
        ),
    )
    if labels:
        figure.add_trace(build_label_trace(nodes, labels))
    x_range, y_range = compute_ranges(
        (positions[node] for node in nodes["id"] if node in positions), side_room=side_room
    )
    figure.update_layout(
        title=None,  # the page writes it above the chart: inside, it would run into the legend of relations
        separators=SEPARATORS.get(lang, SEPARATORS["en"]),
        height=height,
        margin=MARGINS,
        font=FONT,
        plot_bgcolor="white",
        xaxis={"visible": False, "range": list(x_range)},
        yaxis={"visible": False, "range": list(y_range), "scaleanchor": "x"},
        clickmode="event+select",
        dragmode="pan",
        # Two legends in rows, wrapping on a phone: the relations' kinds above the graph, the actors' types under it.
        legend={
            **ROW_LEGEND,
            "title": {"text": t("legend_relation", lang), "side": "top"},
            "y": 1.0,
            "yanchor": "bottom",
        },
        legend2={**ROW_LEGEND, "title": {"text": t("legend_type", lang), "side": "top"}, "y": 0.0, "yanchor": "top"},
    )
    return figure


def build_label_trace(nodes: pd.DataFrame, labels: Mapping[str, str]) -> go.Scatter:
    """The labels as one trace drawn after every node, so that no node covers a label; a click on one opens the actor.

    Its markers are invisible copies of the nodes' own: plotly sets text off a marker's edge by its size.
    """
    chosen = nodes[nodes["id"].isin(list(labels))]
    return go.Scatter(
        x=chosen["x"],
        y=chosen["y"],
        mode="markers+text",
        marker={"size": [marker_size(int(d)) for d in chosen["degree"]], "opacity": 0},
        text=chosen["label"],
        textposition=[labels[node] for node in chosen["id"]],
        textfont={"size": LABEL_FONT, "color": LABEL_COLOUR, "shadow": "auto"},  # a halo over the lines
        customdata=chosen["id"],
        hovertext=chosen["name"],
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
        showlegend=False,
    )


def compute_radial_layout(centre: str, neighbours: Sequence[str]) -> dict[str, tuple[float, float]]:
    """The actor in the middle and its neighbours around it, in the order given, from the top clockwise.

    Past RING_LIMIT neighbours, every other one sits on a wider ring, so that neighbours stay apart.
    """
    positions = {centre: (0.0, 0.0)}
    count = len(neighbours)
    for index, node in enumerate(neighbours):
        angle = math.pi / 2 - 2 * math.pi * index / max(count, 1)
        radius = 1.0 if count <= RING_LIMIT or index % 2 == 0 else 1.45
        positions[node] = (round(radius * math.cos(angle), 6), round(radius * math.sin(angle), 6))
    return positions


def build_neighbourhood(
    dataset, actor: str, lang: str, *, height: int = 720
) -> tuple[pd.DataFrame, pd.DataFrame, go.Figure]:
    """Nodes, edges and figure of one actor and its direct relations, laid out around it, every node labelled."""
    edges = select_edges(dataset.relations, [actor])
    kinds = {kind: index for index, kind in enumerate(dataset.taxonomy.ids(V.RELATION_KINDS))}
    names = dict(zip(dataset.actors[C.ID], dataset.actors[C.NAME], strict=True))
    first: dict[str, tuple[int, str]] = {}
    for source, target, kind in zip(edges[C.SOURCE_ID], edges[C.TARGET_ID], edges[C.KIND], strict=True):
        other = target if source == actor else source
        if other != actor and other in names:
            key = (kinds.get(kind, len(kinds)), str(names[other]).casefold())
            first[other] = min(first.get(other, key), key)
    neighbours = sorted(first, key=lambda node: (*first[node], node))
    positions = compute_radial_layout(actor, neighbours)
    shown = [actor, *neighbours]
    nodes = build_nodes(dataset.actors, edges, shown, positions)
    figure = build_network_figure(
        nodes, edges, positions, dataset.taxonomy, lang, labelled=len(nodes), height=height, centre=actor
    )
    return nodes, edges, figure


def read_node_click(event: Mapping | None, known: Iterable[str]) -> str | None:
    """The actor id of the clicked node, from `st.plotly_chart`'s selection event; None otherwise."""
    known = set(known)
    selection = event.get("selection") if isinstance(event, Mapping) else None
    points = selection.get("points") if isinstance(selection, Mapping) else None
    for point in points or []:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, list | tuple) and len(data) == 1:
            data = data[0]
        if isinstance(data, str) and data in known:
            return data
    return None


def build_relation_list(edges: pd.DataFrame, actors: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> pd.DataFrame:
    """The same relations as a table, read 'source — relation — target', for keyboards and screen readers."""
    names = dict(zip(actors[C.ID], actors[C.NAME], strict=True))
    table = pd.DataFrame(
        {
            t("col_from", lang): [names.get(a, a) for a in edges[C.SOURCE_ID]],
            t("col_relation", lang): [taxonomy.label(V.RELATION_KINDS, k, lang) for k in edges[C.KIND]],
            t("col_to", lang): [names.get(a, a) for a in edges[C.TARGET_ID]],
            t("col_year", lang): ["" if pd.isna(year) else str(int(year)) for year in edges[C.YEAR]],
            t("col_source", lang): [(s.split(";") or [""])[0] for s in edges[C.SOURCES]],
        }
    )
    return table.sort_values([t("col_from", lang), t("col_relation", lang)], kind="stable").reset_index(drop=True)


def describe_network(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str) -> str:
    """'189 relations link 108 actors; the most connected is MIB, with 60.'"""
    if not len(edges) or not len(nodes):
        return t("takeaway_network_none", lang)
    best = nodes.sort_values(["degree", "name"], ascending=[False, True]).iloc[0]
    return t(
        "takeaway_network",
        lang,
        edges=format_count(len(edges), lang),
        nodes=format_count(len(nodes), lang),
        name=best["name"],
        degree=format_count(int(best["degree"]), lang),
    )


def build_network(
    dataset,
    shown: Iterable[str],
    positions: Mapping[str, tuple[float, float]] | None,
    lang: str,
    *,
    among: bool = False,
    **options,
) -> tuple[pd.DataFrame, pd.DataFrame, go.Figure]:
    """Nodes, edges and figure of the relations touching the `shown` actors (options go to the figure).

    With `among`, only the relations between shown actors; without `positions`, they are laid out here.
    """
    shown = list(shown)
    edges = select_edges(dataset.relations, shown)
    if among:
        edges = edges[edges[C.SOURCE_ID].isin(shown) & edges[C.TARGET_ID].isin(shown)].reset_index(drop=True)
    if positions is None:
        positions = compute_layout(edges)
    nodes = build_nodes(dataset.actors, edges, shown, positions)
    return nodes, edges, build_network_figure(nodes, edges, positions, dataset.taxonomy, lang, **options)
