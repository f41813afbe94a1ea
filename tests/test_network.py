"""The relations graph: deterministic layout, edges and nodes chosen by the filters, clicks on nodes only."""

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.charts import type_style
from ecosystem.load import load_dataset
from ecosystem.netgeometry import Box, LabelSpot, estimate_label_box, place_labels
from ecosystem.network import (
    build_edge_segments,
    build_neighbourhood,
    build_network,
    build_network_figure,
    build_nodes,
    build_relation_list,
    choose_labels,
    compute_layout,
    describe_network,
    edge_colour,
    edge_style,
    read_node_click,
    select_edges,
)
from tests.conftest import DATA, ROOT
from tests.tiny import actor, build_tiny, relation

TAXONOMY = load_dataset(DATA).taxonomy


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    actors = [
        actor("lab", "research_lab", name="Lab"),
        actor("spin", name="Spin"),
        actor("fund", "investor", name="Fund", scope="elsewhere", city="Paris", site="paris"),
        actor("pharma", "pharma", name="Pharma", scope="elsewhere", city="Paris", site="paris"),
        actor("cluster", "france2030_project", name="Cluster"),
        actor("alone", name="Alone"),
    ]
    relations = [
        relation("spin", "spin_off_of", "lab", 1999),
        relation("spin", "funded_by", "fund", 2020),
        relation("spin", "acquired_by", "pharma", 2021),
        relation("lab", "member_of", "cluster", 2023),
        relation("spin", "member_of", "cluster", 2023),
    ]
    return build_tiny(tmp_path_factory.mktemp("network"), actors, (), relations)


def test_layout_is_the_same_twice(tiny):
    assert compute_layout(tiny.relations) == compute_layout(tiny.relations)


def test_layout_ignores_row_order(tiny):
    shuffled = tiny.relations.sample(frac=1, random_state=3).reset_index(drop=True)
    assert list(shuffled[C.SOURCE_ID]) != list(tiny.relations[C.SOURCE_ID])
    assert compute_layout(shuffled) == compute_layout(tiny.relations)


def test_layout_places_every_linked_actor_and_only_them(tiny):
    positions = compute_layout(tiny.relations)
    assert set(positions) == {"lab", "spin", "fund", "pharma", "cluster"}
    assert len(set(positions.values())) == len(positions)


def test_layout_is_the_same_in_another_process(real):
    """Another interpreter with another hash seed draws the same picture (as another machine would)."""
    script = (
        "import json; from ecosystem.load import load_dataset; from ecosystem.network import compute_layout; "
        f"print(json.dumps(compute_layout(load_dataset({str(DATA)!r}).relations), sort_keys=True))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    other = {key: tuple(value) for key, value in json.loads(output.stdout).items()}
    assert other == compute_layout(real.relations)


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ({"spin"}, 4),  # every relation of spin
        ({"lab"}, 2),  # spun off from, member of
        ({"fund", "pharma"}, 2),
        ({"alone"}, 0),
        (set(), 0),
    ],
)
def test_select_edges_keeps_relations_touching_a_shown_actor(tiny, shown, expected):
    assert len(select_edges(tiny.relations, shown)) == expected


def test_nodes_have_degree_and_fade_outside_the_filters(tiny):
    edges = select_edges(tiny.relations, {"lab"})
    nodes = build_nodes(tiny.actors, edges, {"lab"}, compute_layout(tiny.relations)).set_index("id")
    assert nodes["degree"].to_dict() == {"cluster": 1, "lab": 2, "spin": 1}
    assert nodes["shown"].to_dict() == {"cluster": False, "lab": True, "spin": False}


def test_edge_segments_per_kind(tiny):
    positions = {"spin": (0.0, 0.0), "lab": (1.0, 1.0), "cluster": (2.0, 0.0)}
    segments = build_edge_segments(tiny.relations, positions)
    assert segments["spin_off_of"] == ([0.0, 1.0, None], [0.0, 1.0, None])
    assert segments["member_of"] == ([1.0, 2.0, None, 0.0, 2.0, None], [1.0, 0.0, None, 0.0, 0.0, None])
    assert "funded_by" not in segments  # the fund has no position: no dangling line


def test_figure_draws_edges_first_unclickable_and_nodes_last_with_ids(tiny):
    positions = compute_layout(tiny.relations)
    edges = select_edges(tiny.relations, {"spin"})
    nodes = build_nodes(tiny.actors, edges, {"spin"}, positions)
    figure = build_network_figure(nodes, edges, positions, TAXONOMY, "en")
    kinds = [trace for trace in figure.data if trace.mode == "lines"]
    markers = [trace for trace in figure.data if trace.mode == "markers"]
    assert figure.data[: len(kinds)] == tuple(kinds)  # nodes are drawn on top, so clicks land on them
    assert {trace.name for trace in kinds} == {"Spin-off of", "Funded by", "Acquired by", "Member of"}
    assert all(trace.hoverinfo == "skip" for trace in kinds)
    assert all(trace.customdata is None for trace in kinds)
    assert sorted(i for trace in markers for i in trace.customdata) == sorted(nodes["id"])
    for trace in markers:
        kind = nodes.set_index("id").loc[trace.customdata[0], "type"]
        assert (trace.marker.color, trace.marker.symbol) == type_style(TAXONOMY, kind)


def test_every_relation_kind_has_its_own_edge_style():
    styles = [edge_style(TAXONOMY, kind) for kind in TAXONOMY.ids("relation_kinds")]
    assert len(set(styles)) == len(styles)
    assert edge_style(TAXONOMY, "no_such_kind") == ("solid", 1.0)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"selection": {"points": [{"customdata": "spin"}]}}, "spin"),
        ({"selection": {"points": [{"customdata": ["lab"]}]}}, "lab"),
        ({"selection": {"points": [{"x": 0.1, "y": 0.2}]}}, None),  # an edge or empty space
        ({"selection": {"points": [{"customdata": "../../etc/passwd"}]}}, None),
        ({"selection": {"points": [{"customdata": ["oncology", "cell_therapy"]}]}}, None),
        ({"selection": {"points": []}}, None),
        (None, None),
        ({}, None),
    ],
)
def test_read_node_click(event, expected):
    assert read_node_click(event, {"spin", "lab"}) == expected


def test_relation_list_reads_source_relation_target(tiny):
    table = build_relation_list(select_edges(tiny.relations, {"lab"}), tiny.actors, TAXONOMY, "fr")
    rows = [tuple(row) for row in table[["De", "Type de relation", "Vers", "Année"]].itertuples(index=False)]
    assert rows == [("Lab", "Membre de", "Cluster", "2023"), ("Spin", "Essaimage de", "Lab", "1999")]


def test_relation_list_leaves_an_unknown_year_empty(tiny):
    edges = select_edges(tiny.relations, {"lab"}).assign(**{C.YEAR: pd.array([None, 1999], dtype="Int64")})
    table = build_relation_list(edges, tiny.actors, TAXONOMY, "en")
    assert sorted(table["Year"]) == ["", "1999"]


@pytest.mark.parametrize(
    ("shown", "lang", "expected"),
    [
        ({"spin"}, "en", "4 relations link 5 actors; the most connected is Spin, with 4."),
        ({"lab"}, "fr", "2 relations relient 3 acteurs ; le plus connecté est Lab, avec 2."),
        ({"alone"}, "en", "No relation recorded for the actors shown."),
    ],
)
def test_describe_network(tiny, shown, lang, expected):
    edges = select_edges(tiny.relations, shown)
    nodes = build_nodes(tiny.actors, edges, shown, compute_layout(tiny.relations))
    assert describe_network(nodes, edges, lang) == expected


def test_build_network_puts_the_pieces_together(tiny):
    positions = compute_layout(tiny.relations)
    nodes, edges, figure = build_network(tiny, ["lab"], positions, "en", height=400)
    assert sorted(nodes["id"]) == ["cluster", "lab", "spin"]
    assert len(edges) == 2
    assert figure.layout.height == 400


def test_build_network_with_nothing_to_draw(tiny):
    nodes, edges, figure = build_network(tiny, ["alone"], compute_layout(tiny.relations), "en")
    assert (len(nodes), len(edges), len(figure.data)) == (0, 0, 0)


@pytest.mark.slow
def test_layout_of_a_large_graph():
    """The most actors the page lays out at once: from 500 nodes networkx switches to its sparse layout.

    Past LAYOUT_SPRING_LIMIT the page lays out only the DRAWN_LIMIT most related actors, with the
    dense layout, so this size is both the largest layout the page computes and the smallest that
    takes networkx's other path. Seconds per layout, computed twice.
    """
    from ecosystem.netlayout import LAYOUT_SPRING_LIMIT, compute_layout, is_large

    ids = [f"actor-{number:04d}" for number in range(LAYOUT_SPRING_LIMIT)]
    relations = pd.DataFrame({C.SOURCE_ID: ids[1:], C.TARGET_ID: ids[:-1], C.KIND: "partner_of"})
    assert not is_large(relations)  # the page lays all of them out, not only the most related
    positions = compute_layout(relations)
    assert set(positions) == set(ids)
    assert compute_layout(relations) == positions


def _star_relations(hubs: int, leaves: int) -> pd.DataFrame:
    """`hubs` hubs, each linked to `leaves` actors of its own."""
    sources, targets = [], []
    for hub in range(hubs):
        for leaf in range(leaves):
            sources.append(f"hub-{hub:02d}")
            targets.append(f"leaf-{hub:02d}-{leaf:03d}")
    return pd.DataFrame({C.SOURCE_ID: sources, C.TARGET_ID: targets, C.KIND: "partner_of"})


@pytest.mark.parametrize(
    ("hubs", "leaves", "large"),
    [(1, 10, False), (4, 124, False), (5, 100, True), (20, 100, True)],
)
def test_a_graph_is_large_past_the_spring_layouts_limit(hubs, leaves, large):
    from ecosystem.netlayout import is_large

    assert is_large(_star_relations(hubs, leaves)) is large  # hubs × (leaves + 1) actors against 500


@pytest.mark.parametrize(
    ("shown", "limit", "drawn", "linked"),
    [
        (["leaf-00-000", "hub-01", "hub-00", "nobody"], 10, ["hub-00", "hub-01", "leaf-00-000"], 3),
        (["leaf-00-000", "hub-01", "hub-00"], 1, ["hub-00"], 3),  # the most related first, ties by id
        (["nobody"], 5, [], 0),
    ],
)
def test_select_drawn_keeps_the_most_related(shown, limit, drawn, linked):
    from ecosystem.netlayout import select_drawn

    assert select_drawn(_star_relations(2, 3), shown, limit) == (drawn, linked)


def test_large_graph_draws_only_relations_among_the_drawn(real):
    from ecosystem.network import build_network

    shown = ["innate-pharma", "mib", "amu"]
    nodes, edges, _ = build_network(real, shown, None, "en", among=True)
    assert set(edges[C.SOURCE_ID]) | set(edges[C.TARGET_ID]) <= set(shown)
    assert set(nodes["id"]) <= set(shown)
    assert len(edges) >= 2  # amu–mib twice (founding member, operator), innate-pharma–mib


# The colour-blind-safe palette of Okabe and Ito (2008), the relation kinds' colours.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"}


def test_relation_kinds_differ_by_colour_and_pattern():
    kinds = TAXONOMY.ids("relation_kinds")
    looks = {kind: (edge_colour(TAXONOMY, kind), edge_style(TAXONOMY, kind)[0]) for kind in kinds}
    assert {colour for colour, _ in looks.values()} <= OKABE_ITO
    assert len(set(looks.values())) == len(kinds)  # colour and dash together tell every kind apart
    assert len({colour for colour, _ in looks.values()}) >= len(kinds) - 1  # colour alone nearly does
    assert edge_colour(TAXONOMY, "no_such_kind") == "#999999"


def test_legend_shows_each_kind_in_its_colour_and_dash(tiny):
    positions = compute_layout(tiny.relations)
    edges = select_edges(tiny.relations, {"spin"})
    figure = build_network_figure(
        build_nodes(tiny.actors, edges, {"spin"}, positions), edges, positions, TAXONOMY, "en"
    )
    lines = {trace.name: (trace.line.color, trace.line.dash) for trace in figure.data if trace.mode == "lines"}
    assert lines["Funded by"] == (edge_colour(TAXONOMY, "funded_by"), "dash")
    assert lines["Spin-off of"] == (edge_colour(TAXONOMY, "spin_off_of"), "solid")
    assert len({colour for colour, _ in lines.values()}) == len(lines)


def _boxes(spots, placed):
    return [estimate_label_box(spot, placed[spot.id]) for spot in spots if spot.id in placed]


def _overlapping(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]


ROW = [LabelSpot(f"n{i}", 100 + 12 * i, 100, 5, "Label") for i in range(6)]  # six nodes 12 px apart in a row
GRID = [LabelSpot(f"g{i}-{j}", 40 * i, 20 * j, 6, "Long actor name") for i in range(5) for j in range(5)]


@pytest.mark.parametrize(
    ("spots", "placed_at_least", "placed_at_most"),
    [
        ([LabelSpot("a", 0, 0, 5, "Alpha"), LabelSpot("b", 500, 0, 5, "Beta")], 2, 2),  # far apart: both
        ([LabelSpot(f"s{i}", 0, 0, 5, "Same place") for i in range(9)], 2, 8),  # one spot: never all nine
        ([LabelSpot("a", 0, 0, 5, "Alpha"), LabelSpot("b", 0, 30, 5, "Beta")], 2, 2),  # one above the other
        (ROW, 2, 6),  # a tight row: around and between
        (GRID, 5, 24),
        ([], 0, 0),
    ],
)
def test_placed_labels_never_overlap(spots, placed_at_least, placed_at_most):
    placed = place_labels(spots)
    assert placed_at_least <= len(placed) <= placed_at_most
    assert _overlapping(_boxes(spots, placed)) == []
    first = spots[0] if spots else None  # the first (most connected) node is never covered
    if first is not None:
        marker = Box(first.x - first.radius, first.y - first.radius, first.x + first.radius, first.y + first.radius)
        assert not any(box.overlaps(marker) for box in _boxes(spots, placed))


def test_placing_keeps_the_first_spots_first():
    """Spots come most connected first: when two compete, the first keeps its label."""
    spots = [LabelSpot("hub", 0, 0, 12, "The hub of the network"), LabelSpot("leaf", 1, 0, 5, "Leaf")]
    assert list(place_labels(spots)) == ["hub"]


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [(100, 0, "middle right"), (-100, 0, "middle left"), (0, -100, "top center"), (0, 100, "bottom center")],
)
def test_a_label_points_away_from_the_centre(x, y, expected):
    spot = LabelSpot("a", x, y, 5, "Alpha")
    assert place_labels([spot], centre=(0, 0)) == {"a": expected}


@pytest.mark.parametrize(("height", "labelled"), [(820, 16), (520, 16), (820, 40)])
def test_the_real_network_labels_its_hubs_without_overlaps(real, height, labelled):
    positions = compute_layout(real.relations)
    nodes = build_nodes(real.actors, real.relations, real.actors.index, positions)
    placed = choose_labels(nodes, positions, height, labelled)
    assert len(placed) >= 8  # most hubs keep their name
    assert "mib" in placed  # the most connected always does
    from ecosystem.netgeometry import marker_size, project_to_pixels

    pixels = project_to_pixels(positions, height)
    texts = nodes.set_index("id")
    spots = [
        LabelSpot(n, *pixels[n], marker_size(int(texts.at[n, "degree"])) / 2, texts.at[n, "label"]) for n in placed
    ]
    assert _overlapping(_boxes(spots, placed)) == []


def test_pairs_sit_in_a_row_under_the_main_graph(tmp_path):
    actors = [actor(name) for name in ("a", "b", "c", "d", "e", "p1", "p2", "q1", "q2", "r1", "r2", "r3")]
    relations = [relation("a", "partner_of", other) for other in ("b", "c", "d", "e")] + [
        relation("b", "partner_of", "c"),
        relation("p1", "partner_of", "p2"),
        relation("q1", "funded_by", "q2"),
        relation("r1", "partner_of", "r2"),
        relation("r2", "partner_of", "r3"),
    ]
    dataset = build_tiny(tmp_path, actors, (), relations)
    positions = compute_layout(dataset.relations)
    lowest_main = min(positions[n][1] for n in "abcde")
    small = ["p1", "p2", "q1", "q2", "r1", "r2", "r3"]
    assert all(positions[n][1] < lowest_main for n in small)  # under the main graph, not around it
    spread = max(abs(positions[n][1] - positions["p1"][1]) for n in small)
    assert spread < 0.1  # one row
    assert len({positions[n] for n in small}) == len(small)


def test_neighbourhood_is_the_actor_and_its_direct_relations_around_it(real):
    nodes, edges, figure = build_neighbourhood(real, "innate-pharma", "en", height=600)
    assert len(edges) == len(real.relations_of("innate-pharma"))
    assert set(edges[C.SOURCE_ID]) | set(edges[C.TARGET_ID]) == set(nodes["id"])
    coordinates = nodes.set_index("id")[["x", "y"]]
    assert tuple(coordinates.loc["innate-pharma"]) == (0.0, 0.0)
    radii = {
        round(float((x**2 + y**2) ** 0.5), 3) for node, (x, y) in coordinates.iterrows() if node != "innate-pharma"
    }
    assert radii <= {1.0, 1.45}
    labels = [trace for trace in figure.data if trace.mode == "markers+text"]
    assert "innate-pharma" in list(labels[0].customdata)  # the actor itself is always named
