"""Citations: the line per actor in both languages, and the dataset as BibTeX and CSL-JSON."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from ecosystem.citation import build_actor_citation, build_bibtex, build_csl_json
from ecosystem.release import load_release
from tests.test_share import RELEASE as SHARE_RELEASE

ROOT = Path(__file__).resolve().parent.parent
RELEASE = replace(SHARE_RELEASE, authors=("The Marseille Immunology Ecosystem contributors",))
URL = "https://example.org/eco/actor?actor=innate-pharma&lang=en"


@pytest.mark.parametrize(
    ("name", "verified", "lang", "expected"),
    [
        (
            "Innate Pharma",
            "2026-11-28",
            "en",
            "“Innate Pharma”, in Marseille immunology ecosystem, release 0.3.0 of 1 December 2026. "
            f"{URL}. Record last verified on 28 November 2026. Licence: CC BY 4.0.",
        ),
        (
            "Innate Pharma",
            "2026-11-28",
            "fr",
            "«\u00a0Innate Pharma\u00a0», dans Écosystème de l'immunologie à Marseille, version 0.3.0 du "
            f"1er décembre 2026. {URL}. Fiche vérifiée le 28 novembre 2026. Licence\u00a0: CC BY 4.0.",
        ),
        (
            "  Centre d'Immunologie\nde Marseille-Luminy ",
            "",
            "en",
            "“Centre d'Immunologie de Marseille-Luminy”, in Marseille immunology ecosystem, release 0.3.0 of "
            f"1 December 2026. {URL}. Record last verified on not given by our sources. Licence: CC BY 4.0.",
        ),
    ],
)
def test_actor_citation_names_actor_release_link_and_check_date(name, verified, lang, expected):
    assert build_actor_citation(name, verified, RELEASE, URL, lang) == expected


def test_bibtex_entry_for_the_dataset():
    assert build_bibtex(RELEASE, "https://example.org/eco/about") == (
        "@misc{marseille-immunology-ecosystem-0-3-0,\n"
        "  title = {{Marseille immunology ecosystem}},\n"
        "  author = {{The Marseille Immunology Ecosystem contributors}},\n"
        "  year = {2026},\n"
        "  version = {0.3.0},\n"
        "  url = {https://example.org/eco/about},\n"
        "  note = {Dataset, CC BY 4.0}\n"
        "}"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("R&D {draft} 100% #1", r"{{R\&D \{draft\} 100\% \#1}}"),
        ("back\\slash a_b", r"{{back\textbackslash{}slash a\_b}}"),
        ("two\n  lines", "{{two lines}}"),
    ],
)
def test_bibtex_escapes_what_would_break_the_entry(title, expected):
    entry = build_bibtex(replace(RELEASE, title=title), "https://example.org/{x}")
    assert f"  title = {expected},\n" in entry
    assert "url = {https://example.org/%7Bx%7D}" in entry
    unescaped = entry.replace("\\{", "").replace("\\}", "")
    assert unescaped.count("{") == unescaped.count("}")


def test_csl_json_item_for_the_dataset():
    assert json.loads(build_csl_json(RELEASE, "https://example.org/eco/about")) == [
        {
            "id": "marseille-immunology-ecosystem-0-3-0",
            "type": "dataset",
            "title": "Marseille immunology ecosystem",
            "author": [{"literal": "The Marseille Immunology Ecosystem contributors"}],
            "version": "0.3.0",
            "URL": "https://example.org/eco/about",
            "note": "CC BY 4.0",
            "issued": {"date-parts": [[2026, 12, 1]]},
        }
    ]


def test_the_real_citations_agree_with_citation_cff():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    item = json.loads(build_csl_json(load_release(ROOT / "data"), "https://example.org/"))[0]
    assert (item["title"], item["version"]) == (cff["title"], str(cff["version"]))
    assert [author["literal"] for author in item["author"]] == [author["name"] for author in cff["authors"]]
    assert item["issued"]["date-parts"][0] == [int(part) for part in str(cff["date-released"]).split("-")]
