"""The pipeline's programmes, phases and links, and the actors' stage derived from them, on the fictional dataset."""

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.filters import Filters
from ecosystem.i18n import t
from ecosystem.pipeline import (
    build_phase_figure,
    build_phase_points,
    build_phase_table,
    build_programme_export,
    build_programme_table,
    build_trial_url,
    count_by_phase,
    describe_pipeline,
    filter_by_text,
    list_choices,
    read_phase_click,
    select_programmes,
)
from tests.tiny import actor, build_tiny, programme


@pytest.mark.parametrize(
    ("trial", "url"),
    [
        ("NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        ("2023-501234-12-00", "https://euclinicaltrials.eu/ctis-public/view/2023-501234-12-00"),
        ("2019-001234-56", "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2019-001234-56"),
        ("NCT0123456", ""),
        ("ISRCTN12345678", ""),
    ],
)
def test_trial_url(trial, url):
    assert build_trial_url(trial) == url


# (filters by facet name, programme ids shown): the facets read the programme's own areas, modality and phase.
SELECTIONS = [
    ({}, {"beta-bio-bt101", "beta-bio-bt202", "beta-bio-bt303", "gamma-dx-gammatest"}),
    ({"stage": {"phase_1"}}, {"beta-bio-bt202"}),  # beta-bio is at phase 3, its phase 1 programme still shows
    ({"area": {"autoimmune"}}, {"beta-bio-bt202", "beta-bio-bt303"}),
    ({"modality": {"diagnostics"}}, {"gamma-dx-gammatest"}),
    ({"type": {"diagnostics_medtech"}}, {"gamma-dx-gammatest"}),  # other facets filter the companies
    ({"area": {"oncology"}, "stage": {"phase_3", "marketed"}}, {"beta-bio-bt101"}),
    ({"type": {"research_lab"}}, set()),
]


@pytest.mark.parametrize(("selected", "expected"), SELECTIONS)
def test_select_programmes(mini, selected, expected):
    filters = Filters()
    for facet, items in selected.items():
        filters = filters.with_facet(facet, items)
    assert set(select_programmes(mini, filters)[C.ID]) == expected


def test_count_by_phase_counts_active_programmes_only(mini):
    # bt303 is discontinued at phase 2: it is listed, not counted
    assert count_by_phase(mini.programmes, mini.taxonomy) == {
        "discovery": 0,
        "preclinical": 0,
        "phase_1": 1,
        "phase_2": 0,
        "phase_3": 1,
        "marketed": 1,
    }


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        (
            "modality",
            [
                ("phase_1", "antibody_drug_conjugate", 1),
                ("phase_3", "monoclonal_antibody", 1),
                ("marketed", "diagnostics", 1),
            ],
        ),
        (
            "area",
            [
                ("phase_1", "oncology", 1),
                ("phase_1", "autoimmune", 1),
                ("phase_3", "oncology", 1),
                ("marketed", "infectious", 1),
            ],
        ),
    ],
)
def test_phase_points(mini, by, expected):
    points = build_phase_points(mini.programmes, mini.taxonomy, "en", by=by)
    assert list(zip(points["phase"], points["group"], points["count"], strict=True)) == expected


def test_phase_table_lists_every_phase_with_its_total(mini):
    table = build_phase_table(build_phase_points(mini.programmes, mini.taxonomy, "fr"), mini.taxonomy, "fr")
    assert table[t("col_phase", "fr")].to_list() == [
        "Recherche",
        "Préclinique",
        "Phase 1",
        "Phase 2",
        "Phase 3",
        "Commercialisé",
    ]
    assert table["Total"].to_list() == [0, 0, 1, 0, 1, 1]


def test_phase_figure_fades_the_phases_not_chosen_and_carries_the_phase(mini):
    points = build_phase_points(mini.programmes, mini.taxonomy, "en")
    figure = build_phase_figure(points, mini.taxonomy, "en", selected=frozenset({"phase_3"}))
    faded = {bar.customdata[0][0]: bar.marker.opacity[0] for bar in figure.data if bar.type == "bar"}
    assert faded == {"phase_1": 0.3, "phase_3": 1, "marketed": 0.3}
    assert figure.layout.barmode == "stack"
    (clicks,) = [trace for trace in figure.data if trace.type == "scatter"]  # a click anywhere on a bar is a point
    assert {tuple(data) for data in clicks.customdata} == {
        ("phase_1", "antibody_drug_conjugate"),
        ("phase_3", "monoclonal_antibody"),
        ("marketed", "diagnostics"),
    }
    assert (min(clicks.x), max(clicks.x)) == (0, 1)


@pytest.mark.parametrize(
    ("event", "phase"),
    [
        ({"selection": {"points": [{"customdata": ["phase_2", "vaccine"], "x": 1}]}}, "phase_2"),
        ({"selection": {"points": []}}, None),
        ({"selection": {"points": [{"x": 1}]}}, None),
        (None, None),
    ],
)
def test_read_phase_click(event, phase):
    assert read_phase_click(event) == phase


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Active programmes: 3, at 2 companies; in clinical trials: 2; on the market: 1."),
        ("fr", "Programmes en cours : 3, dans 2 entreprises ; en essais cliniques : 2 ; sur le marché : 1."),
    ],
)
def test_describe_pipeline(mini, lang, expected):
    assert describe_pipeline(mini.programmes, mini.taxonomy, lang) == expected


def test_programme_table_links_trials_and_the_company(mini):
    table = build_programme_table(mini, mini.programmes, "en", lambda actor: f"/actor?actor={actor}")
    row = table.loc["beta-bio-bt101"]
    assert (row["company"], row["partner"], row["phase"]) == ("Beta Thérapie", "Delta Pharma", "Phase 3")
    assert row["trial"] == "https://clinicaltrials.gov/study/NCT01234567"
    assert row["trials"] == ["NCT01234567", "2019-001234-56"]
    assert row["profile"] == "/actor?actor=beta-bio"
    assert pd.isna(table.loc["beta-bio-bt303", "trial"])


def test_target_and_partner_filters(mini):
    assert list_choices(mini.programmes, C.TARGET) == ["CD39", "NKG2A"]
    assert set(filter_by_text(mini.programmes, C.TARGET, ["CD39"])[C.ID]) == {"beta-bio-bt202"}
    assert set(filter_by_text(mini.programmes, C.PARTNER_ID, ["delta-pharma"])[C.ID]) == {"beta-bio-bt101"}
    assert len(filter_by_text(mini.programmes, C.TARGET, [])) == len(mini.programmes)


def test_programme_export_keeps_the_files_columns(mini):
    export = build_programme_export(mini, mini.programmes, "en")
    assert set(mini.schema.columns("programmes")) <= set(export.columns)
    assert export.loc[export[C.ID] == "beta-bio-bt101", C.TRIAL_IDS].item() == "NCT01234567;2019-001234-56"


# (programmes of one company: (phase, status), its derived stage)
STAGES = [
    ([("phase_1", "active"), ("phase_3", "active")], "phase_3"),
    ([("phase_1", "active"), ("phase_3", "discontinued")], "phase_1"),
    ([("phase_3", "out_licensed"), ("phase_1", "active")], "phase_3"),  # a licensee develops it further
    ([("marketed", "active"), ("preclinical", "active")], "marketed"),
    ([], ""),
]


@pytest.mark.parametrize(("programmes", "stage"), STAGES)
def test_stage_is_the_most_advanced_active_programme(tmp_path, programmes, stage):
    rows = [
        programme("one-bio", phase, status, **{C.ID: f"one-bio-{n}"}) for n, (phase, status) in enumerate(programmes)
    ]
    dataset = build_tiny(tmp_path, [actor("one-bio"), actor("two-bio", stage="phase_2")], programmes=rows)
    assert dataset.actors.at["one-bio", C.STAGE] == stage
    assert dataset.actors.at["two-bio", C.STAGE] == "phase_2"
