"""The presentation's scenes without a browser: label placement, sites, lineage, goals for the room, laureate cards."""

import re

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.goals import load_goals, measure_goal
from ecosystem.lineage import Step, assign_columns, lay_out_lineage, select_lineage
from ecosystem.placement import Box, Label, find_overlaps, measure_text, place_labels, spread_circles
from ecosystem.present import SCENES
from ecosystem.scenefacts import (
    build_laureate_cards,
    choose_goals,
    describe_programme,
    parse_goal_ids,
)
from ecosystem.scenemap import HEIGHT, WIDTH, fit_frame, group_by_site, lay_out_map
from ecosystem.scenes import Room, draw_scene
from ecosystem.urlstate import ViewState


@pytest.mark.parametrize(
    ("labels", "obstacles", "kept"),
    [
        # a lone label goes right of its marker
        ([Label("a", "Luminy: 16", 100, 100, radius=20)], [], ["a"]),
        # two labels on the same anchor: both placed, apart
        ([Label("a", "One", 300, 300, 10), Label("b", "Two", 300, 300, 10)], [], ["a", "b"]),
        # a fixed label on top of a marker is left out
        ([Label("d", "3rd", 50, 50, movable=False)], [Box(40, 40, 20, 20)], []),
        # a fixed label beside the marker stays
        ([Label("d", "3rd", 150, 50, movable=False)], [Box(40, 40, 20, 20)], ["d"]),
        # no room in a frame too small: left out rather than cut
        ([Label("a", "A very long place name indeed", 20, 20, 5)], [], []),
    ],
)
def test_place_labels_never_overlap_markers_or_each_other(labels, obstacles, kept):
    width = 120 if kept == [] and obstacles == [] else 800
    placed = place_labels(labels, obstacles, width, 600)
    assert sorted(placed) == kept
    boxes = list(placed.values())
    assert find_overlaps(boxes) == []
    assert not any(box.overlaps(obstacle) for box in boxes for obstacle in obstacles)


def test_a_far_label_stands_away_rather_than_disappear():
    crowd = [Box(x, y, 40, 40) for x in range(150, 450, 42) for y in range(150, 450, 42) if (x, y) != (318, 318)]
    near = Label("a", "Name: 12", 338, 338, radius=20)
    assert place_labels([near], crowd, 1000, 1000) == {}
    assert "a" in place_labels([Label(**{**near.__dict__, "far": True})], crowd, 1000, 1000)


@pytest.mark.parametrize(
    "circles",
    [[(0, 0, 10), (0, 0, 10)], [(0, 0, 30), (5, 0, 10), (10, 5, 10)], [(100, 100, 20), (300, 300, 20)]],
)
def test_spread_circles_parts_every_pair(circles):
    points = spread_circles(circles)
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            distance = ((points[i][0] - points[j][0]) ** 2 + (points[i][1] - points[j][1]) ** 2) ** 0.5
            assert distance >= circles[i][2] + circles[j][2] - 0.5
    if circles[0][:2] != circles[1][:2] and all(abs(a - b) > 100 for a, b in zip(circles[0], circles[1], strict=False)):
        assert points == [(x, y) for x, y, _ in circles]  # apart already: nobody moves


def test_measure_text_grows_with_text_and_font():
    assert measure_text("abcd", 20)[0] > measure_text("ab", 20)[0]
    assert measure_text("ab", 30)[1] > measure_text("ab", 20)[1]


def test_sites_are_grouped_with_their_names_and_type_mix(real):
    groups = group_by_site(real.actors, real.places, real.taxonomy, real.home_scope)
    home = real.actors[(real.actors[C.SCOPE] == real.home_scope) & real.actors[C.SITE].isin(set(real.places[C.ID]))]
    assert sum(group.count for group in groups) == len(home)
    assert [group.count for group in groups] == sorted((group.count for group in groups), reverse=True)
    luminy = next(group for group in groups if group.site == "luminy")
    assert luminy.count == int((home[C.SITE] == "luminy").sum())
    assert sum(count for _, count in luminy.mix) == luminy.count
    assert "Luminy" in luminy.name


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_map_names_the_five_largest_sites_and_no_label_overlaps(real, lang):
    groups = group_by_site(real.actors, real.places, real.taxonomy, real.home_scope)
    from ecosystem.backdrop import load_labels

    laid = lay_out_map(groups, fit_frame(groups), lang, load_labels())
    texts = [text for text, _, site in laid.labels if site]
    separator = " : " if lang == "fr" else ": "
    for group in groups[:5]:
        assert f"{group.name}{separator}{group.count}" in texts
    boxes = [box for _, box, _ in laid.labels]
    assert find_overlaps(boxes) == []
    markers = [Box(x - r, y - r, 2 * r, 2 * r) for _, x, y, r in laid.markers]
    assert not any(box.overlaps(marker) for box in boxes for marker in markers)
    assert all(box.inside(WIDTH, HEIGHT) for box in boxes)


RELATIONS = pd.DataFrame(
    [
        ("spin", "lab", "spin_off_of", 1999),
        ("spin", "buyer", "acquired_by", 2011),
        ("sub", "spin", "subsidiary_of", pd.NA),
        ("spin", "friend", "partner_of", 2000),
        ("other", "lab", "spin_off_of", 2005),
    ],
    columns=["source_id", "target_id", C.KIND, "year"],
)


@pytest.mark.parametrize(
    ("shown", "steps"),
    [
        ({"spin", "lab", "buyer", "sub", "friend", "other"},
         [("lab", "spin", "spin_off_of"), ("lab", "other", "spin_off_of"), ("spin", "buyer", "acquired_by"),
          ("spin", "sub", "subsidiary_of")]),
        ({"spin", "buyer"}, [("spin", "buyer", "acquired_by")]),  # a link needs both ends shown
        ({"friend", "spin"}, []),  # partners are not lineage
    ],
)  # fmt: skip
def test_select_lineage_runs_from_origin_to_buyer(shown, steps):
    assert [(s.before, s.after, s.kind) for s in select_lineage(RELATIONS, shown)] == steps


def test_lineage_columns_and_boxes_never_overlap():
    steps = [Step("lab", "spin", "spin_off_of", "1999"), Step("spin", "buyer", "acquired_by", "2011")]
    assert assign_columns(steps) == {"lab": 0, "spin": 1, "buyer": 2}
    many = [Step(f"lab{i % 3}", f"company {i}", "spin_off_of", "") for i in range(30)]
    layout = lay_out_lineage(many, {})
    assert layout.font >= 20
    assert find_overlaps(list(layout.boxes.values())) == []
    assert layout.hubs == {"lab0", "lab1", "lab2"}


def test_real_lineage_labels_do_not_overlap(real):
    steps = select_lineage(real.relations, set(real.actors[C.ID]))
    assert len(steps) >= 10
    layout = lay_out_lineage(steps, {})
    assert find_overlaps(list(layout.boxes.values())) == []
    assert "ciml" in layout.hubs


@pytest.mark.parametrize(
    ("raw", "asked", "unknown"),
    [
        (None, None, []),
        ("", None, []),
        ("capital_raised,startups_created", ("capital_raised", "startups_created"), []),
        ("capital_raised, nonsense", ("capital_raised",), ["nonsense"]),
    ],
)
def test_parse_goal_ids(real, raw, asked, unknown):
    assert parse_goal_ids(raw, load_goals(real.data_dir)) == (asked, unknown)


def test_default_goals_are_those_the_dataset_measures(real):
    goals = load_goals(real.data_dir)
    chosen = choose_goals(goals, None)
    assert chosen
    assert all(goal.measure for goal in chosen)
    assert [goal.id for goal in choose_goals(goals, ("direct_jobs", "capital_raised"))] == [
        "direct_jobs",
        "capital_raised",
    ]


def test_the_antibody_goal_counts_antibody_programmes_only(real):
    goal = next(goal for goal in load_goals(real.data_dir) if goal.id == "antibodies_phase_2_3")
    progress = measure_goal(real, goal)
    counted = real.programmes[real.programmes[C.ACTOR_ID].isin(progress.evidence["actor"])]
    late = counted[counted[C.PHASE].isin(goal.stages)]
    assert set(late[C.MODALITY]) & set(goal.modalities)
    assert progress.value == len(late[late[C.MODALITY].isin(goal.modalities)])
    assert "small_molecule" not in goal.modalities


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("France 2030 (20.18 M EUR; call not named in source)", "fr", "France 2030"),
        ("Recherche Hospitalo-Universitaire en santé (RHU), 3rd call", "fr", "Recherche Hospitalo-Universitaire en santé, 3e appel"),
        ("Recherche Hospitalo-Universitaire en santé (RHU), 3rd call", "en", "Recherche Hospitalo-Universitaire en santé, 3rd call"),
        ("IHU (Innovation Santé 2030)", "en", "IHU"),
    ],
)  # fmt: skip
def test_describe_programme_keeps_no_english_note(text, lang, expected):
    assert describe_programme(text, lang) == expected


def test_laureate_cards_are_in_the_scene_language(real):
    from ecosystem.present import select_laureates

    cards = build_laureate_cards(select_laureates(real.actors), real, "fr")
    words = " ".join(f"{c.name} {c.kind} {c.programme} {c.amount} {c.lead}" for c in cards)
    for english in ("call not named", "3rd call", "Led by", "Amount not stated"):
        assert english not in words
    assert any(card.stated for card in cards)


TAG = re.compile(r"<[^>]+>")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("scene", SCENES)
def test_every_scene_draws_its_title_and_no_setup_hint(real, scene, lang):
    html = draw_scene(scene, real, real.actors, Room(state=ViewState(lang=lang)))
    assert f'data-scene="{scene}"' in html
    assert "<h1>" in html
    text = TAG.sub(" ", html)
    for hint in ("PUBLIC_BASE_URL", "secrets", "environment variable", "variable d'environnement"):
        assert hint not in text


def test_the_closing_scene_has_a_large_qr_code_only_with_a_public_address(real):
    without = draw_scene("closing", real, real.actors, Room(public_base=None))
    assert "data:image/svg+xml" not in without
    with_url = draw_scene("closing", real, real.actors, Room(public_base="https://immuno.example.org"))
    assert "data:image/svg+xml" in with_url
    assert "https://immuno.example.org/map" in with_url


def test_a_goal_the_dataset_does_not_record_is_said_in_words(real):
    html = draw_scene("figures", real, real.actors, Room(state=ViewState(lang="en"), goal_ids=("direct_jobs",)))
    assert "–" not in TAG.sub(" ", html)
    assert "Direct jobs created" in html
