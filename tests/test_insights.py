"""Insights: matrix building and clicks, takeaways with known answers, colour plus shape for types."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from ecosystem.charts import PLOTLY_SYMBOLS, build_table_csv, type_style
from ecosystem.insights import (
    build_founding_figure,
    build_founding_points,
    build_stage_figure,
    build_stage_points,
    build_timeline_figure,
    build_timeline_points,
    describe_founding,
    describe_stages,
    describe_timeline,
    parse_event_date,
    timeline_kinds,
)
from ecosystem.load import load_dataset
from ecosystem.matrix import (
    build_matrix_figure,
    build_matrix_points,
    build_matrix_table,
    describe_matrix,
    read_matrix_click,
)
from tests.conftest import DATA
from tests.tiny import actor, build_tiny, milestone

TAXONOMY = load_dataset(DATA).taxonomy


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    actors = [
        actor(
            "b1",
            therapeutic_areas="oncology;autoimmune",
            modalities="monoclonal_antibody",
            founded="1982",
            stage="marketed",
        ),
        actor(
            "b2",
            therapeutic_areas="oncology",
            modalities="monoclonal_antibody;cell_therapy",
            founded="1999",
            stage="phase_2",
        ),
        actor("b3", therapeutic_areas="oncology", modalities="monoclonal_antibody", founded="2015", stage="phase_1"),
        actor(
            "d1",
            "diagnostics_medtech",
            therapeutic_areas="infectious",
            modalities="diagnostics",
            founded="2016",
            stage="marketed",
        ),
        actor("h1", "hospital", therapeutic_areas="oncology", founded="1925"),
        actor("f1", "investor", founded="2017"),
    ]
    milestones = [
        milestone("1982", "b1", "founded"),
        milestone("2001-03", "b2", "funding_round", 10_000_000),
        milestone("2020-06-15", "b3", "funding_round", 48_000_000),
        milestone("2021", "b3", "funding_round"),
        milestone("2019", "d1", "acquisition"),
        milestone("2023-05-12", "h1", "award", 5_000_000),
        milestone("2024", "f1", "launch"),
    ]
    return build_tiny(tmp_path_factory.mktemp("insights"), actors, milestones)


def pairs(points: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(a, m): c for a, m, c in zip(points["area"], points["modality"], points["count"], strict=True)}


def test_matrix_points_count_each_pair(tiny):
    points = build_matrix_points(tiny.actors, tiny.taxonomy, "en")
    assert pairs(points) == {
        ("oncology", "monoclonal_antibody"): 3,
        ("oncology", "cell_therapy"): 1,
        ("autoimmune", "monoclonal_antibody"): 1,
        ("infectious", "diagnostics"): 1,
    }
    assert (points["count"] > 0).all()


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        ({"b2"}, {("oncology", "monoclonal_antibody"): 1, ("oncology", "cell_therapy"): 1}),
        ({"h1", "f1"}, {}),  # an area without modality, and neither: no pair
        ({"d1"}, {("infectious", "diagnostics"): 1}),
    ],
)
def test_matrix_follows_the_filtered_actors(tiny, kept, expected):
    actors = tiny.actors[tiny.actors["id"].isin(kept)]
    assert pairs(build_matrix_points(actors, tiny.taxonomy, "en")) == expected


def test_matrix_is_square_scatter_markers_carrying_ids(tiny):
    points = build_matrix_points(tiny.actors, tiny.taxonomy, "fr")
    figure = build_matrix_figure(points, "fr", selected=(frozenset({"oncology"}), frozenset({"cell_therapy"})))
    (trace,) = figure.data
    assert isinstance(trace, go.Scatter)  # a heatmap would report no click to Streamlit
    assert trace.marker.symbol == "square"
    assert [tuple(c) for c in trace.customdata] == list(zip(points["area"], points["modality"], strict=True))
    widths = dict(zip(map(tuple, trace.customdata), trace.marker.line.width, strict=True))
    assert widths[("oncology", "cell_therapy")] > widths[("oncology", "monoclonal_antibody")]
    assert figure.layout.xaxis.title.text == "Modalité"


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (None, None),
        ({}, None),
        ({"selection": {"points": []}}, None),
        ({"selection": {"points": [{"customdata": ["oncology", "cell_therapy"]}]}}, ("oncology", "cell_therapy")),
        ({"selection": {"points": [{"customdata": [1, 2]}]}}, None),
        ({"selection": {"points": [{"customdata": ["oncology"]}]}}, None),
        ({"selection": {"points": ["junk", {"x": 1}]}}, None),
        ({"selection": None}, None),
    ],
)
def test_read_matrix_click(event, expected):
    assert read_matrix_click(event) == expected


def test_matrix_table_has_labels_not_ids(tiny):
    table = build_matrix_table(build_matrix_points(tiny.actors, tiny.taxonomy, "en"), "en")
    assert list(table.columns) == ["Therapeutic areas", "Modalities", "Actors"]
    assert "oncology" not in set(table["Therapeutic areas"])


@pytest.mark.parametrize(
    ("kept", "lang", "expected"),
    [
        (
            {"b1", "b2", "b3", "d1", "h1", "f1"},
            "en",
            "3 of the 6 actors shown work on cancers with monoclonal antibodies, the most frequent combination.",
        ),
        (
            {"d1"},
            "fr",
            "1 des 1 acteurs affichés travaille sur les maladies infectieuses avec le diagnostic, la combinaison la "
            "plus fréquente.",
        ),
        ({"f1"}, "en", "No actor shown states both a therapeutic area and a modality."),
    ],
)
def test_describe_matrix(tiny, kept, lang, expected):
    actors = tiny.actors[tiny.actors["id"].isin(kept)]
    assert describe_matrix(build_matrix_points(actors, tiny.taxonomy, lang), len(actors), lang) == expected


# How each area and modality reads inside the takeaway: French with its article, English in lower case.
AREAS_IN_TEXT = {
    "oncology": ("cancers", "les cancers"),
    "autoimmune": ("auto-immune diseases", "les maladies auto-immunes"),
    "chronic_inflammatory": ("chronic inflammatory diseases", "les maladies inflammatoires chroniques"),
    "infectious": ("infectious diseases", "les maladies infectieuses"),
    "allergy": ("allergy", "l'allergie"),
    "transplantation": ("transplantation", "la transplantation"),
    "other": ("other areas", "d'autres domaines"),
}
MODALITIES_IN_TEXT = {
    "monoclonal_antibody": ("monoclonal antibodies", "des anticorps monoclonaux"),
    "multispecific_antibody": ("multispecific antibodies", "des anticorps multispécifiques"),
    "antibody_drug_conjugate": ("antibody-drug conjugates", "des anticorps conjugués (ADC)"),
    "cell_therapy": ("cell therapies (CAR and others)", "des thérapies cellulaires (CAR et autres)"),
    "extracellular_vesicles": ("extracellular vesicles", "des vésicules extracellulaires"),
    "vaccine": ("vaccines", "des vaccins"),
    "small_molecule": ("small molecules", "des petites molécules"),
    "diagnostics": ("diagnostics", "le diagnostic"),
    "services_platform": ("services and platforms", "des services et des plateformes"),
    "other": ("other modalities", "d'autres modalités"),
}


def test_every_area_and_modality_has_its_reading_in_a_sentence():
    assert set(AREAS_IN_TEXT) == set(TAXONOMY.ids("areas"))
    assert set(MODALITIES_IN_TEXT) == set(TAXONOMY.ids("modalities"))


def _pair(area: str, modality: str, count: int, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "area": area,
                "modality": modality,
                "area_label": TAXONOMY.label("areas", area, lang),
                "modality_label": TAXONOMY.label("modalities", modality, lang),
                "area_in_text": TAXONOMY.label_in_text("areas", area, lang),
                "modality_in_text": TAXONOMY.label_in_text("modalities", modality, lang),
                "count": count,
            }
        ]
    )


@pytest.mark.parametrize(("area", "forms"), sorted(AREAS_IN_TEXT.items()))
@pytest.mark.parametrize(("modality", "modality_forms"), sorted(MODALITIES_IN_TEXT.items()))
def test_describe_matrix_reads_every_pair(area, forms, modality, modality_forms):
    english = describe_matrix(_pair(area, modality, 9, "en"), 40, "en")
    french = describe_matrix(_pair(area, modality, 9, "fr"), 40, "fr")
    assert english.startswith(f"9 of the 40 actors shown work on {forms[0]} with {modality_forms[0]}, ")
    assert french.startswith(f"9 des 40 acteurs affichés travaillent sur {forms[1]} avec {modality_forms[1]}, ")


@pytest.mark.parametrize(
    ("count", "lang", "verb"),
    [(1, "en", "works"), (2, "en", "work"), (1, "fr", "travaille"), (2, "fr", "travaillent")],
)
def test_describe_matrix_agrees_with_its_count(count, lang, verb):
    assert f" {verb} " in describe_matrix(_pair("oncology", "vaccine", count, lang), 40, lang)


@pytest.mark.parametrize(
    ("kept", "lang", "expected"),
    [
        (
            {"b1", "b2", "b3", "d1", "h1"},
            "en",
            "2 of the 4 actors stating a stage are in clinical trials (phase 1 to 3); 2 have a product on the market.",
        ),
        (
            {"b2"},
            "fr",
            "1 des 1 acteurs qui indiquent un stade est en essais cliniques (phase 1 à 3) ; 0 a un produit "
            "commercialisé.",
        ),
        ({"h1", "f1"}, "en", "No actor shown states a development stage."),
    ],
)
def test_describe_stages(tiny, kept, lang, expected):
    actors = tiny.actors[tiny.actors["id"].isin(kept)]
    assert describe_stages(build_stage_points(actors, tiny.taxonomy, lang), tiny.taxonomy, lang) == expected


def _stage_points(clinical: int, marketed: int) -> pd.DataFrame:
    return pd.DataFrame(
        {"stage": ["phase_2", "marketed", "discovery"], "count": [clinical, marketed, 3]},
    )


@pytest.mark.parametrize(
    ("clinical", "marketed", "lang", "expected"),
    [
        (
            1,
            1,
            "en",
            "1 of the 5 actors stating a stage is in clinical trials (phase 1 to 3); 1 has a product on the market.",
        ),
        (
            2,
            0,
            "en",
            "2 of the 5 actors stating a stage are in clinical trials (phase 1 to 3); 0 have a product on the market.",
        ),
        (
            1,
            2,
            "fr",
            "1 des 6 acteurs qui indiquent un stade est en essais cliniques (phase 1 à 3) ; 2 ont un produit commercialisé.",
        ),
        (
            2,
            1,
            "fr",
            "2 des 6 acteurs qui indiquent un stade sont en essais cliniques (phase 1 à 3) ; 1 a un produit commercialisé.",
        ),
    ],
)
def test_describe_stages_agrees_with_each_count(clinical, marketed, lang, expected):
    assert describe_stages(_stage_points(clinical, marketed), TAXONOMY, lang) == expected


def test_stage_points_in_stage_order(tiny):
    points = build_stage_points(tiny.actors, tiny.taxonomy, "en")
    assert list(zip(points["stage"], points["type"], points["count"], strict=True)) == [
        ("phase_1", "biotech", 1),
        ("phase_2", "biotech", 1),
        ("marketed", "biotech", 1),
        ("marketed", "diagnostics_medtech", 1),
    ]


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        (
            {"b1", "b2", "b3", "d1", "h1", "f1"},
            "The 2010s saw the most foundations: 3 of the 6 actors with a known founding year.",
        ),
        (
            {"b1", "b2"},
            "The 1980s saw the most foundations: 1 of the 2 actors with a known founding year.",
        ),  # tie: earliest
        (set(), "No actor shown has a known founding year."),
    ],
)
def test_describe_founding(tiny, kept, expected):
    actors = tiny.actors[tiny.actors["id"].isin(kept)]
    assert describe_founding(build_founding_points(actors, tiny.taxonomy, "en"), "en") == expected


@pytest.mark.parametrize(
    ("kept", "lang", "expected"),
    [
        (
            {"b1", "b2", "b3", "d1", "h1", "f1"},
            "en",
            "3 funding rounds (at least €58M disclosed, over 2 of them), 1 acquisition and 1 award recorded for "
            "the actors shown, 2001–2024.",
        ),
        (
            {"b3"},
            "fr",
            "2 levées de fonds (au moins 48\xa0M\xa0€ publiés, pour 1 d'entre elles), 0 rachat et 0 distinction "
            "recensés pour les acteurs affichés, 2020–2021.",
        ),
        ({"b1"}, "en", "No milestone recorded for the actors shown."),  # a foundation is not on the timeline
    ],
)
def test_describe_timeline(tiny, kept, lang, expected):
    actors = tiny.actors[tiny.actors["id"].isin(kept)]
    points = build_timeline_points(tiny.milestones, actors, tiny.taxonomy, lang)
    assert describe_timeline(points, tiny.taxonomy, lang) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", pd.Timestamp("2023-07-01")),
        ("2023-06", pd.Timestamp("2023-06-15")),
        ("2023-06-29", pd.Timestamp("2023-06-29")),
        ("2023-13", None),
        ("", None),
        ("soon", None),
        ("2023-06-29T10:00", None),
    ],
)
def test_parse_event_date(value, expected):
    assert parse_event_date(value) == expected


@pytest.mark.parametrize("item", TAXONOMY.ids("types"))
def test_every_type_has_a_valid_plotly_symbol(item):
    colour, symbol = type_style(TAXONOMY, item)
    assert TAXONOMY.row("types", item)["symbol"] in PLOTLY_SYMBOLS
    go.scatter.Marker(symbol=symbol, color=colour)  # plotly rejects unknown symbols and colours


def test_type_symbols_tell_types_apart():
    styles = [type_style(TAXONOMY, item) for item in TAXONOMY.ids("types")]
    assert len(set(styles)) == len(styles)


@pytest.mark.parametrize("builder", ["stage", "founding", "timeline"])
def test_type_charts_use_colour_and_shape_of_each_type(tiny, builder):
    actors = tiny.actors
    if builder == "stage":
        figure = build_stage_figure(build_stage_points(actors, tiny.taxonomy, "en"), tiny.taxonomy, "en")
    elif builder == "founding":
        figure = build_founding_figure(build_founding_points(actors, tiny.taxonomy, "en"), tiny.taxonomy, "en")
    else:
        points = build_timeline_points(tiny.milestones, actors, tiny.taxonomy, "en")
        figure = build_timeline_figure(points, tiny.taxonomy, "en")
    by_label = {TAXONOMY.label("types", item, "en"): type_style(TAXONOMY, item) for item in TAXONOMY.ids("types")}
    assert figure.data
    for trace in figure.data:
        assert (trace.marker.color, trace.marker.symbol) == by_label[trace.name]


def test_table_csv_round_trips():
    table = pd.DataFrame({"Nom": ["Bêta; « Thérapie »"], "Actors": [3]})
    data = build_table_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheets read the BOM as UTF-8
    assert data.decode("utf-8-sig").splitlines() == ["Nom,Actors", "Bêta; « Thérapie »,3"]


@pytest.mark.parametrize(("lang", "separators"), [("fr", ",\u202f"), ("en", ".,")])
def test_chart_numbers_follow_the_language(tiny, lang, separators):
    figure = build_founding_figure(build_founding_points(tiny.actors, tiny.taxonomy, lang), tiny.taxonomy, lang)
    assert figure.layout.separators == separators


@pytest.mark.parametrize(
    ("vocabulary", "role", "expected"),
    [
        ("milestone_kinds", "founding", {"founded"}),
        ("milestone_kinds", "funding", {"funding_round"}),
        ("milestone_kinds", "acquisition", {"acquisition"}),
        ("milestone_kinds", "award", {"award"}),
        ("stages", "clinical", {"phase_1", "phase_2", "phase_3"}),
        ("stages", "marketed", {"marketed"}),
    ],
)
def test_roles_the_charts_count_by(vocabulary, role, expected):
    assert set(TAXONOMY.ids_where(vocabulary, "role", role)) == expected


def test_timeline_leaves_foundings_to_the_founding_chart():
    kinds = timeline_kinds(TAXONOMY)
    assert "founded" not in kinds
    assert {"funding_round", "acquisition", "award", "clinical"} <= set(kinds)
