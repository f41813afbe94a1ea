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
from .taxonomy import Taxonomy

LAYOUT_SEED = 1976  # the year the CIML was founded
LAYOUT_ITERATIONS = 200
# A spring layout of more actors takes seconds to minutes (16 s at 1,000 on 2 cores), and
# a drawing of thousands is a tangle: past this, the page draws the most related actors shown.
LAYOUT_SPRING_LIMIT = 500
DRAWN_LIMIT = 300
LAYOUT_SPACING = 0.3  # networkx's k: larger than its default 1/sqrt(n), so that hubs' neighbours overlap less
LABEL_LENGTH = 28
# An edge whose kind the taxonomy does not know (the validator reports it) is drawn plainly.
DEFAULT_EDGE = ("solid", 1.0)
EDGE_COLOUR = "rgba(90, 90, 90, 0.55)"
NODE_COLUMNS = ("id", "name", "label", "type", "x", "y", "degree", "shown")


def edge_style(taxonomy: Taxonomy, kind: str) -> tuple[str, float]:
    """The kind's line (taxonomy/relation_kinds.csv `line_dash`, `line_width`)."""
    row = taxonomy.row(V.RELATION_KINDS, kind)
    try:
        return row["line_dash"], float(row["line_width"])
    except (KeyError, ValueError):
        return DEFAULT_EDGE


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
    positions = nx.spring_layout(graph, seed=seed, iterations=LAYOUT_ITERATIONS, k=LAYOUT_SPACING)
    return {node: (round(float(x), 6), round(float(y), 6)) for node, (x, y) in positions.items()}


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


def build_network_figure(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    positions: Mapping[str, tuple[float, float]],
    taxonomy: Taxonomy,
    lang: str,
    *,
    labelled: int = 10,
    height: int = 720,
) -> go.Figure:
    """Edges first (one trace per kind, not hoverable, not selectable), nodes last so clicks land on them.

    Each node trace carries the actor ids as customdata; the `labelled` most connected
    shown actors get their name written beside them.
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
                line={"dash": dash, "width": width, "color": EDGE_COLOUR},
                name=taxonomy.label(V.RELATION_KINDS, kind, lang),
                legendgroup="relations",
                legendgrouptitle={"text": t("legend_relation", lang)},
                hoverinfo="skip",
            )
        )
    top = set(
        nodes[nodes["shown"].astype(bool)].sort_values(["degree", "name"], ascending=[False, True]).head(labelled)["id"]
    )
    add_type_traces(
        figure,
        nodes,
        taxonomy,
        lang,
        lambda group, colour, symbol: go.Scatter(
            x=group["x"],
            y=group["y"],
            mode="markers+text",
            legendgroup=V.TYPES,
            legendgrouptitle={"text": t("legend_type", lang)},
            text=[label if node in top else "" for node, label in zip(group["id"], group["label"], strict=True)],
            textposition="top center",
            textfont={"size": 11},
            hovertext=group["name"],
            customdata=group["id"],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "symbol": symbol,
                "color": colour,
                "size": [10 + min(16, 2 * d) for d in group["degree"]],
                "opacity": [1.0 if shown else 0.3 for shown in group["shown"]],
                "line": {"width": 1.5, "color": "white" if not symbol.endswith("-open") else colour},
            },
        ),
    )
    figure.update_layout(
        title=t("chart_network_title", lang),
        separators=SEPARATORS.get(lang, SEPARATORS["en"]),
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        font=FONT,
        plot_bgcolor="white",
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        clickmode="event+select",
        dragmode="pan",
        legend={"groupclick": "toggleitem"},
    )
    return figure


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
