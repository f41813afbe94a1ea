"""The relations graph: who spun off, bought, hosts, funds or partners with whom.

The layout is computed once for the whole graph (seeded, so every load and every
machine draws the same picture); filters then only choose which edges and nodes
show, and nodes never jump when a filter changes.
"""

from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from . import columns as C
from . import vocabularies as V
from .charts import FONT, SEPARATORS, add_type_traces
from .formatting import format_count
from .i18n import t
from .netgeometry import (
    LABEL_COLOUR,
    LABEL_FONT,
    MARGINS,
    NEIGHBOURHOOD_SIDE_ROOM,
    RANGE_PAD,
    LabelSpot,
    compute_ranges,
    marker_size,
    place_labels,
    project_to_pixels,
)
from .netlayout import (
    compute_layout,
    compute_radial_layout,
)
from .taxonomy import Taxonomy

LABEL_LENGTH = 28
LABELLED = 16  # the most connected shown actors that get a label (fewer when labels would overlap)
# An edge whose kind the taxonomy does not know (the validator reports it) is drawn plainly.
DEFAULT_EDGE = ("solid", 1.0)
EDGE_COLOUR = "#999999"
EDGE_OPACITY = 0.8
ROW_LEGEND = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "itemsizing": "constant",
}  # the chart's font: larger on a projector
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


def build_node_label(name: str, acronym: str) -> str:
    """The short text written beside a node: the acronym, else the name cut to LABEL_LENGTH."""
    if acronym:
        return acronym
    return name if len(name) <= LABEL_LENGTH else name[: LABEL_LENGTH - 1].rstrip() + "…"


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
            t("col_source", lang): [(s.split(";") or [""])[0] for s in edges[C.SOURCE_URLS]],
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
