"""What the pages display: tables, exports, relations, milestones, charts, formats."""

import re

import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.charts import build_type_chart, count_area_modality, count_by_type
from ecosystem.formatting import format_day, format_euros
from ecosystem.views import (
    build_directory_table,
    build_milestones,
    build_registry_links,
    build_relations,
)


@pytest.mark.parametrize(
    ("lang", "type_label", "area_labels"),
    [
        ("en", "Diagnostics or medtech", ["Infectious diseases"]),
        ("fr", "Diagnostic ou medtech", ["Maladies infectieuses"]),
    ],
)
def test_directory_table_uses_labels(mini, lang, type_label, area_labels):
    table = build_directory_table(mini, mini.actors, lang)
    assert table.loc["gamma-dx", C.TYPE] == type_label
    assert table.loc["gamma-dx", C.AREAS] == area_labels
    assert len(table) == len(mini.actors)


@pytest.mark.parametrize(
    ("actor", "lang", "column", "expected"),
    [
        ("gamma-dx", "en", C.STATUS, "Acquired"),
        ("gamma-dx", "fr", C.STATUS, "Racheté"),
        ("beta-bio", "fr", C.MODALITIES, ["Anticorps monoclonaux", "Anticorps multispécifiques"]),
        ("beta-bio", "en", C.STAGE, "Phase 3"),
        ("alpha-lab", "en", C.STAGE, ""),
    ],
)
def test_directory_table_cells(mini, actor, lang, column, expected):
    assert build_directory_table(mini, mini.actors, lang).loc[actor, column] == expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (
            "beta-bio",
            [("siren", "SIREN", "123456789", "https://annuaire-entreprises.data.gouv.fr/entreprise/123456789")],
        ),
        (
            "alpha-lab",
            [
                (
                    "rnsr",
                    "RNSR",
                    "200000001X",
                    "https://appliweb.dgri.education.fr/rnsr/PresenteStruct.jsp?numNatStruct=200000001X&PUBLIC=OK",
                )
            ],
        ),
        ("delta-pharma", []),
    ],
)
def test_registry_links(mini, actor, expected):
    assert build_registry_links(mini, mini.find_actor(actor)) == expected


@pytest.mark.parametrize(
    ("actor", "lang", "expected"),
    [
        ("gamma-dx", "en", [("Acquired by", "delta-pharma", 2021)]),
        ("delta-pharma", "en", [("Acquired", "gamma-dx", 2021)]),
        ("delta-pharma", "fr", [("A racheté", "gamma-dx", 2021)]),
        ("alpha-lab", "en", [("Member of", "mib", 2023), ("Spin-off", "beta-bio", 1999)]),
        ("eta-fund", "en", [("Funded", "beta-bio", 2020)]),
        ("epsilon-hospital", "en", []),
    ],
)
def test_relations_both_directions(mini, actor, lang, expected):
    links = build_relations(mini, actor, lang)
    assert [(link.label, link.other_id, link.year) for link in links] == expected


def test_milestones(mini):
    en = build_milestones(mini, "beta-bio", "en")
    assert list(en["title"]) == ["Beta is founded", "Series B"]
    assert list(en["amount"]) == ["", "€48M"]
    assert list(build_milestones(mini, "beta-bio", "fr")["kind"]) == ["Création", "Levée de fonds"]


def test_derived_columns(mini):
    actors = mini.actors.set_index(C.ID)
    assert actors.loc["gamma-dx", C.ACQUIRED_BY] == "delta-pharma"
    assert bool(actors.loc["alpha-lab", C.MIB_MEMBER])
    assert not bool(actors.loc["delta-pharma", C.MIB_MEMBER])
    # site precision takes the place's coordinates
    assert (actors.loc["beta-bio", C.LAT], actors.loc["beta-bio", C.LON]) == (43.23, 5.44)


def test_find_actor(mini):
    assert mini.find_actor("beta-bio")[C.NAME] == "Beta Thérapie"
    assert mini.find_actor("nobody") is None
    assert mini.find_actor(None) is None


@pytest.mark.parametrize(
    ("actor", "relations", "milestones"),
    [("beta-bio", 3, 2), ("gamma-dx", 1, 1), ("mib", 2, 0), ("epsilon-hospital", 0, 0), ("nobody", 0, 0)],
)
def test_dataset_indexes_by_actor(mini, actor, relations, milestones):
    found = mini.relations_of(actor)
    assert len(found) == relations
    assert ((found[C.SOURCE_ID] == actor) | (found[C.TARGET_ID] == actor)).all()
    assert len(mini.milestones_of(actor)) == milestones
    assert (mini.milestones_of(actor)[C.ACTOR_ID] == actor).all()


def test_type_counts_add_up(mini):
    counts = count_by_type(mini.actors, mini.taxonomy)
    assert counts.sum() == len(mini.actors)
    assert list(counts.index)[:2] == ["research_lab", "hospital"]  # taxonomy order


def test_area_modality_matrix(mini):
    table = count_area_modality(mini.actors, mini.taxonomy)
    assert table.loc["oncology", "monoclonal_antibody"] == 3  # beta, delta, zeta
    assert table.loc["infectious", "diagnostics"] == 1
    assert table.loc["allergy"].sum() == 0


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_charts_build(mini, lang):
    bars = build_type_chart(mini.actors, mini.taxonomy, lang, title="t", axis="n")
    assert sum(bars.data[0].x) == len(mini.actors)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("2026-11-27", "fr", "27 novembre 2026"),
        ("2026-11-27", "en", "27 November 2026"),
        ("2026-12-01", "fr", "1er décembre 2026"),
        ("2026-12-01", "en", "1 December 2026"),
        ("2027-01-01", "fr", "1er janvier 2027"),
        ("2026-12-11", "fr", "11 décembre 2026"),
        ("2026-12-21", "fr", "21 décembre 2026"),
        ("1999", "en", "1999"),
        ("2024-03", "fr", "mars 2024"),  # a source dated to the month
        ("2024-03", "en", "March 2024"),
        ("2024-13", "en", "2024-13"),
        ("", "en", ""),
        ("not a date", "fr", "not a date"),
    ],
)
def test_format_day(value, lang, expected):
    assert format_day(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(48_000_000, "en", "€48M"), (1_200_000_000, "en", "€1.2B"), (None, "en", ""), (float("nan"), "fr", "")],
)
def test_format_euros(value, lang, expected):
    assert format_euros(value, lang) == expected


def test_format_euros_french():
    assert format_euros(48_000_000, "fr").replace("\u202f", " ").replace("\xa0", " ") == "48 M €"


@pytest.mark.parametrize(
    ("actor", "lang", "expected"),
    [
        ("beta-bio", "en", "On its campus or hospital site: South Campus"),
        ("delta-pharma", "fr", "Ville seulement\u00a0: Paris"),
        ("epsilon-hospital", "en", "At the street address"),
    ],
)
def test_describe_position(mini, actor, lang, expected):
    from ecosystem.views import describe_position

    assert describe_position(mini.find_actor(actor), mini.places, mini.taxonomy, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Innate Pharma", "Innate Pharma"),
        ("[click](javascript:alert(1))", "\\[click\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
        ("<script>", "\\<script\\>"),
        ("", ""),
        (None, ""),
    ],
)
def test_escape_markdown(text, expected):
    from ecosystem.views import escape_markdown

    assert escape_markdown(text) == expected


def test_actor_facts_keep_hostile_text_inert(mini):
    from ecosystem.views import build_actor_facts

    actor = mini.find_actor("beta-bio").copy()
    actor[C.NOTES] = "[phish](http://evil.example) <img src=x onerror=alert(1)>"
    actor[C.WEBSITE] = "javascript:alert(1)"
    facts = dict(build_actor_facts(actor, mini, "en"))
    unescaped = re.compile(r"(?<!\\)[<\[\]()]")  # markup characters without their backslash
    assert not unescaped.search(facts["Notes"])
    assert not unescaped.search(facts["Website"])  # not a link: only http(s) URLs become links


@pytest.mark.parametrize(
    ("actor", "lang", "label", "value"),
    [
        ("beta-bio", "en", "Most advanced programme", "Phase 3"),
        ("gamma-dx", "en", "Status", "Acquired (2021)"),
        ("gamma-dx", "fr", "Racheté par", "Delta Pharma"),
        ("alpha-lab", "en", "Marseille Immunology Biocluster", "Member"),
        ("eta-fund", "en", "Founded", "_not given by our sources_"),
        (
            "beta-bio",
            "en",
            "Registry identifiers",
            "SIREN [123456789](https://annuaire-entreprises.data.gouv.fr/entreprise/123456789)",
        ),
        ("zeta-cluster", "en", "France 2030 programme", "Bioclusters"),
        ("zeta-cluster", "fr", "Programme France 2030", "Bioclusters"),
        ("alpha-lab", "fr", "Marseille Immunology Biocluster", "Membre"),
    ],
)
def test_actor_facts(mini, actor, lang, label, value):
    from ecosystem.views import build_actor_facts

    assert dict(build_actor_facts(mini.find_actor(actor), mini, lang))[label] == value


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://annuaire-entreprises.data.gouv.fr/entreprise/123456789", "123456789"),
        ("https://appliweb.dgri.education.fr/rnsr/PresenteStruct.jsp?numNatStruct=200000001X&PUBLIC=OK", "200000001X"),
        ("https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=130786049", "130786049"),
        ("https://ror.org/035xkbk20", "035xkbk20"),
    ],
)
def test_directory_shows_the_identifier_of_a_record_url(url, shown):
    import re

    from ecosystem.views import REGISTRY_DISPLAY

    assert re.search(REGISTRY_DISPLAY, url)[1] == shown


def test_directory_links_the_first_registry_record(mini):
    import re

    from ecosystem.views import REGISTRY, REGISTRY_DISPLAY

    table = build_directory_table(mini, mini.actors, "en")
    url = table.loc["alpha-lab", REGISTRY]
    assert "numNatStruct=200000001X" in url
    assert re.search(REGISTRY_DISPLAY, url)[1] == "200000001X"
    assert table.loc["delta-pharma", REGISTRY] == ""  # empty, never None


@pytest.mark.parametrize(
    ("lang", "rows", "expected"),
    [
        (
            "en",
            None,
            [
                ("Actors", 8),
                ("Aix-Marseille area", 6),
                ("Biotech", 1),
                ("MIB members", 2),
                ("France 2030 laureates", 1),
            ],
        ),
        (
            "fr",
            ["beta-bio", "delta-pharma", "eta-fund"],
            [
                ("Acteurs", 3),
                ("Métropole Aix-Marseille", 1),
                ("Biotech", 1),
                ("Membres du MIB", 1),
                ("Lauréats France 2030", 0),
            ],
        ),
    ],
)
def test_headline_figures(mini, lang, rows, expected):
    from ecosystem.views import build_headline_figures

    actors = mini.actors if rows is None else mini.actors.loc[rows]
    assert build_headline_figures(mini, actors, lang) == expected


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "Notes"), ("fr", "Remarques (en anglais)")],
)
def test_actor_notes_say_their_language(mini, lang, label):
    from ecosystem.views import build_actor_facts

    actor = mini.find_actor("beta-bio").copy()
    actor[C.NOTES] = "Renamed in 2019"
    facts = dict(build_actor_facts(actor, mini, lang))
    assert facts[label] == "Renamed in 2019"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_directory_cells_are_never_none_nan_or_nat(mini, lang):
    from ecosystem.views import build_directory_columns

    table = build_directory_table(mini, mini.actors, lang)
    assert list(table.columns) == [column.column for column in build_directory_columns(mini, lang)]
    shown = {str(value) for column in table.columns if table[column].dtype != "Int64" for value in table[column]}
    assert not shown & {"None", "nan", "NaT", "<NA>"}
    assert table[C.FOUNDED].dtype == "Int64"  # a missing year is a missing integer, shown empty
    assert table.loc["eta-fund", C.FOUNDED] is pd.NA
    assert table.loc["beta-bio", C.FOUNDED] == int(mini.find_actor("beta-bio")[C.FOUNDED])


def test_directory_columns_a_reader_needs_fit_beside_the_sidebar(mini):
    from ecosystem.views import build_directory_columns

    columns = build_directory_columns(mini, "fr")
    names = [column.column for column in columns]
    needed = [C.NAME, C.TYPE, C.AREAS, C.MODALITIES, C.STAGE, C.CITY]
    assert names[: len(needed)] == needed
    # 1440 px leaves 980 px beside the sidebar; the row selection column takes 36
    assert sum(column.width or 0 for column in columns[: len(needed)]) <= 980 - 36
    assert all(column.width for column in columns)
    assert all(column.label != column.column for column in columns)  # readable headers, not column names


@pytest.mark.parametrize(("rows", "height"), [(0, 73), (1, 73), (5, 213), (18, 668), (160, 668)])
def test_directory_height(rows, height):
    from ecosystem.views import measure_table_height

    assert measure_table_height(rows) == height
