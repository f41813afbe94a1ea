"""The goals tracker: which records count towards each goal, and how the figure is worded."""

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.goals import (
    Goal,
    GoalProgress,
    build_acquisitions_since,
    build_goal_cards,
    build_goal_progress,
    build_goals_view,
    describe_progress,
    format_published,
    is_on_or_after,
    load_goals,
    measure_goal,
    parse_goals,
)
from ecosystem.load import load_dataset
from tests.conftest import DATA
from tests.tiny import actor, build_tiny, milestone, programme, relation

SINCE = "2023-05-12"
COMPANIES = ("biotech", "diagnostics_medtech")


def goal(
    measure: str,
    *,
    unit: str = "count",
    target: int = 30,
    types=COMPANIES,
    scope="marseille_area",
    stages=("phase_2", "phase_3"),
    modalities=("monoclonal_antibody",),
) -> Goal:
    return Goal(
        id=measure or "jobs",
        label_en="Goal",
        label_fr="Objectif",
        target=target,
        unit=unit,
        since=SINCE,
        measure=measure,
        types=tuple(types),
        scope=scope,
        stages=tuple(stages),
        modalities=tuple(modalities),
        sources=("https://example.org/goals",),
        published="2024-11",
        last_verified="2026-11-01",
        notes="",
    )


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    actors = [
        actor("new-bio", founded="2024"),  # a start-up since the selection
        actor("same-year-bio", "diagnostics_medtech", founded="2023"),  # year of the selection: counted
        actor("old-bio", founded="2015", stage="phase_2"),
        actor("late-bio", founded="2010", stage="phase_3"),
        actor("early-bio", founded="2012", stage="phase_1"),
        actor("far-bio", founded="2024", scope="elsewhere", city="Paris", site="paris", stage="phase_3"),
        actor("new-fund", "investor", founded="2024"),
        actor("big-pharma", "pharma", founded="1950", scope="elsewhere", city="Paris", site="paris"),
        actor("branch-bio", founded="2025"),  # a subsidiary set up here: attracted, not created
    ]
    milestones = [
        milestone("2024", "new-bio", "funding_round", 30_000_000),
        milestone("2023-03", "old-bio", "funding_round", 10_000_000),  # before the selection
        milestone("2023", "old-bio", "funding_round"),  # same year, amount not disclosed
        milestone("2025-01-02", "new-fund", "funding_round", 50_000_000),  # not a company type counted
        milestone("2024-06-01", "far-bio", "funding_round", 100_000_000),  # elsewhere
        milestone("2025-10-22", "late-bio", "funding_round", 12_500_000),
        milestone("2023", "old-bio", "acquisition"),
        milestone("2023-06-29", "old-bio", "acquisition"),  # the same acquisition, told twice
        milestone("2022-12-01", "early-bio", "acquisition"),  # before
        milestone("2025-10-22", "late-bio", "acquisition", 350_000_000),
    ]
    relations = [relation("branch-bio", "subsidiary_of", "big-pharma", 2025)]
    return build_tiny(tmp_path_factory.mktemp("goals"), actors, milestones, relations)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", True),  # the source does not say it was before
        ("2023-05", True),
        ("2023-05-12", True),
        ("2023-05-11", False),
        ("2023-04", False),
        ("2022", False),
        ("2031-01-01", True),
        ("", False),
    ],
)
def test_is_on_or_after(value, expected):
    assert is_on_or_after(value, SINCE) is expected


@pytest.mark.parametrize(
    ("measure", "value", "counted"),
    [
        ("companies_created", 2, {"new-bio", "same-year-bio"}),
        ("companies_set_up", 1, {"branch-bio"}),
        ("funding_rounds", 42_500_000, {"new-bio", "old-bio", "late-bio"}),
        ("late_stage_programmes", 2, {"old-bio", "late-bio"}),
        ("", None, set()),
    ],
)
def test_measure_goal(tiny, measure, value, counted):
    progress = measure_goal(tiny, goal(measure))
    assert progress.value == value
    assert set(progress.evidence["actor"]) == counted


@pytest.mark.parametrize(
    ("modality", "phase", "status", "counted"),
    [
        ("monoclonal_antibody", "phase_2", "active", True),
        ("small_molecule", "phase_3", "active", False),  # not an antibody
        ("monoclonal_antibody", "phase_1", "active", False),  # not yet late
        ("monoclonal_antibody", "phase_3", "discontinued", False),
        ("monoclonal_antibody", "phase_3", "out_licensed", True),  # its licensee carries it on
    ],
)
def test_late_stage_goal_counts_matching_programmes(tmp_path, modality, phase, status, counted):
    dataset = build_tiny(
        tmp_path, [actor("some-bio")], programmes=[programme("some-bio", phase, status, modality=modality)]
    )
    assert measure_goal(dataset, goal("late_stage_programmes")).value == int(counted)


def test_rounds_without_amount_are_counted_apart(tiny):
    progress = measure_goal(tiny, goal("funding_rounds", unit="eur", target=2_000_000_000))
    assert progress.records == 3
    assert progress.undisclosed == 1
    assert progress.evidence["source"].str.startswith("https://example.org/").all()


def test_acquisitions_count_each_company_once(tiny):
    acquired = build_acquisitions_since(tiny, (goal("companies_created"),))
    assert list(acquired["actor"]) == ["old-bio", "late-bio"]


@pytest.mark.parametrize(
    ("value", "target", "share"),
    [(0, 30, 0.0), (15, 30, 0.5), (45, 30, 1.0), (None, 30, None), (3, 0, None)],
)
def test_share_is_capped(value, target, share):
    progress = GoalProgress(goal("companies_created", target=target), value, evidence=None)
    assert progress.share == share


@pytest.mark.parametrize(
    ("measure", "unit", "lang", "expected"),
    [
        (
            "companies_created",
            "count",
            "en",
            "At least 2 since 12 May 2023, as recorded in this dataset, which may be incomplete.",
        ),
        (
            "companies_created",
            "count",
            "fr",
            "Au moins 2 depuis le 12 mai 2023, d'après ce jeu de données, qui peut être incomplet.",
        ),
        (
            "funding_rounds",
            "eur",
            "en",
            "At least €42.5M over 2 disclosed rounds since 12 May 2023, as recorded in this dataset, which may "
            "be incomplete. Plus 1 round whose amount was not disclosed.",
        ),
        (
            "funding_rounds",
            "eur",
            "fr",
            "Au moins 42,5\xa0M\xa0€ sur 2 levées au montant publié depuis le 12 mai 2023, d'après ce jeu de "
            "données, qui peut être incomplet. Plus 1 levée au montant non communiqué.",
        ),
        ("", "count", "en", "Not recorded in this dataset."),
        ("", "count", "fr", "Non recensé dans ce jeu de données."),
        (
            "late_stage_programmes",
            "count",
            "en",
            "At least 2 programmes of the goal's kind are in phase 2 or 3 today, as the developers' pages recorded "
            "in this dataset state it.",
        ),
    ],
)
def test_describe_progress(tiny, measure, unit, lang, expected):
    assert describe_progress(measure_goal(tiny, goal(measure, unit=unit)), lang) == expected


def test_nothing_recorded_is_said_plainly(tmp_path):
    empty = build_tiny(tmp_path, [actor("old-bio", founded="1999")])
    assert describe_progress(measure_goal(empty, goal("companies_created")), "en") == (
        "None recorded since 12 May 2023 in this dataset, which may be incomplete."
    )
    assert describe_progress(measure_goal(empty, goal("funding_rounds", unit="eur")), "en") == (
        "No round recorded since 12 May 2023 in this dataset, which may be incomplete."
    )


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (0, "en", "Also recorded: at least 0 companies of the area acquired since 1 May 2023."),
        (1, "en", "Also recorded: at least 1 company of the area acquired since 1 May 2023."),
        (0, "fr", "Également recensé : au moins 0 entreprise du territoire rachetée depuis le 1er mai 2023."),
        (1, "fr", "Également recensé : au moins 1 entreprise du territoire rachetée depuis le 1er mai 2023."),
        (3, "fr", "Également recensé : au moins 3 entreprises du territoire rachetées depuis le 1er mai 2023."),
    ],
)
def test_acquisitions_sentence_agrees_and_dates_in_words(count, lang, expected):
    from ecosystem.goals import describe_acquisitions

    acquisitions = pd.DataFrame({"actor": [f"a{number}" for number in range(count)]})
    assert describe_acquisitions(acquisitions, "2023-05-01", lang).replace("\u00a0", " ") == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "At least 1 programme of the goal's kind is in phase 2 or 3 today"),
        ("fr", "Au moins 1 programme du type visé est en phase 2 ou 3 aujourd'hui"),
    ],
)
def test_late_stage_sentence_agrees_with_one(tmp_path, lang, expected):
    one = build_tiny(tmp_path, [actor("late-bio", type="biotech", stage="phase_2")])
    assert describe_progress(measure_goal(one, goal("late_stage_programmes")), lang).startswith(expected)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [("2024-11", "fr", "novembre 2024"), ("2024-11", "en", "November 2024"), ("2023-10-19", "en", "19 October 2023")],
)
def test_format_published(value, lang, expected):
    assert format_published(value, lang) == expected


def test_cards_carry_target_and_source(tiny):
    progress = build_goal_progress(tiny, (goal("funding_rounds", unit="eur", target=2_000_000_000),))
    card = build_goal_cards(progress, "en")[0]
    assert card.target == "Goal in ten years: €2B"
    assert card.source == "Goal stated in [example.org](https://example.org/goals) (November 2024)"


def test_rows_with_a_bad_target_are_skipped():
    import pandas as pd

    rows = pd.DataFrame(
        [
            {"id": "a", "target": "30", "unit": "count", "types": "biotech;pharma", C.SOURCES: "https://x.org/a"},
            {"id": "b", "target": "thirty", "unit": "count", "types": "", C.SOURCES: "https://x.org/b"},
        ]
    ).reindex(columns=list(Goal.__dataclass_fields__), fill_value="")
    goals = parse_goals(rows)
    assert [g.id for g in goals] == ["a"]
    assert goals[0].types == ("biotech", "pharma")


# --- the published goals themselves -----------------------------------------------------

GOALS = load_goals(DATA)
TAXONOMY = load_dataset(DATA).taxonomy


def test_the_published_goals_are_all_there():
    assert {g.id for g in GOALS} >= {
        "startups_created",
        "companies_attracted",
        "direct_jobs",
        "capital_raised",
        "antibodies_approved",
        "antibodies_phase_2_3",
    }
    assert {g.id: g.target for g in GOALS}["capital_raised"] == 2_000_000_000


@pytest.mark.parametrize("item", GOALS, ids=lambda g: g.id)
def test_goal_counts_known_types_and_cites_its_source(item):
    assert set(item.types) <= set(TAXONOMY.ids("types"))
    assert item.scope in ("", *TAXONOMY.ids("scopes"))
    assert item.sources
    assert all(url.startswith("https://") for url in item.sources)


def test_tracker_runs_on_the_real_dataset():
    dataset = load_dataset(DATA)
    for progress in build_goal_progress(dataset, GOALS):
        sentence = describe_progress(progress, "en")
        assert sentence
        if progress.value is not None and progress.records:
            assert progress.evidence["source"].str.startswith("http").all()


@pytest.mark.parametrize(
    ("measure", "unit", "figure", "has_share"),
    [
        ("companies_created", "count", "2", True),
        ("funding_rounds", "eur", "€42.5M", True),
        ("late_stage_programmes", "count", "2", True),  # antibody programmes: set against the target
        ("", "count", "–", False),
    ],
)
def test_card_figure_and_progress(tiny, measure, unit, figure, has_share):
    (card,) = build_goal_cards([measure_goal(tiny, goal(measure, unit=unit))], "en")
    assert card.figure == figure
    assert (card.share is not None) is has_share


def test_goals_view_gathers_cards_and_records(tiny):
    goals = (goal("companies_created"), goal("funding_rounds", unit="eur"))
    view = build_goals_view(tiny, goals, "en")
    assert [card.figure for card in view.cards] == ["2", "€42.5M"]
    assert view.acquisitions == "Also recorded: at least 2 companies of the area acquired since 12 May 2023."
    assert len(view.evidence) == 2 + 3 + 2  # companies, rounds, acquisitions
    assert build_goals_view(tiny, (), "en") is None
