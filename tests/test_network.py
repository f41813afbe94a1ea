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
from ecosystem.network import (
    build_edge_segments,
    build_network,
    build_network_figure,
    build_nodes,
    build_relation_list,
    compute_layout,
    describe_network,
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
    markers = [trace for trace in figure.data if trace.mode != "lines"]
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
    from ecosystem.network import LAYOUT_SPRING_LIMIT, compute_layout, is_large

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
    from ecosystem.network import is_large

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
    from ecosystem.network import select_drawn

    assert select_drawn(_star_relations(2, 3), shown, limit) == (drawn, linked)


def test_large_graph_draws_only_relations_among_the_drawn(real):
    from ecosystem.network import build_network

    shown = ["innate-pharma", "mib", "amu"]
    nodes, edges, _ = build_network(real, shown, None, "en", among=True)
    assert set(edges[C.SOURCE_ID]) | set(edges[C.TARGET_ID]) <= set(shown)
    assert set(nodes["id"]) <= set(shown)
    assert len(edges) >= 2  # amu–mib twice (founding member, operator), innate-pharma–mib
