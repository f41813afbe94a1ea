"""Where the network's actors sit: a seeded layout of the whole graph, small components in a row under it,
an actor's neighbourhood on rings, and which actors a large graph draws.

Computed once per data version (seeded, so every machine draws the same picture);
networkx loads here, with the network page only.
"""

import math
from collections.abc import Iterable, Sequence

import pandas as pd

from . import columns as C

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
# Components this small (a pair, a triple) sit in rows under the main graph instead of being flung around it.
SMALL_COMPONENT = 3
SMALL_CELL = 0.4  # the width of one small component's cell, in layout units (the main graph spans 2)
RING_LIMIT = 16  # a neighbourhood of more actors than this is drawn on two rings
SMALL_GAP = 0.3  # between the main graph and the first row, and between rows


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
