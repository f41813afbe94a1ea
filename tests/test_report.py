"""The curator's report and the about page's sections, on the fictional dataset."""

from datetime import date

import pytest

from ecosystem.about import build_about, build_dictionary, read_sections
from ecosystem.report import build_report, write_readme_report
from tests.conftest import MINI


@pytest.mark.parametrize(
    "line",
    [
        "Dataset report — 8 actors, 5 places, 5 relations, 3 milestones (data as of 2026-11-01).",
        "| Biotech | 1 |",
        "| Aix-Marseille area | 6 |",
        "| Cancers | 5 |",
        "**By stage**",  # the actors' stage, derived from their programmes
        "| `siren` | 1 | 12% |",
        "**Last verified more than 12 months ago**: 0",
        "**Aix-Marseille area actors placed only at their city's centre**: 2 of 6 (33%) — `mib`, `zeta-cluster`",
        "| On its campus or hospital site | 3 | 50% |",
        "| In its district | 0 | 0% |",
        "**Active programmes by phase** (4 programmes in all)",
        "| Phase 2 | 0 |",  # the discontinued phase 2 programme is not counted
        "| Phase 3 | 1 |",
        "| Marketed | 1 |",
        "| 2020 | 1 | 1 | 48,000,000 |",
    ],
)
def test_report_lines(line):
    assert line in build_report(MINI, today=date(2026, 11, 27)).splitlines()


def test_report_flags_stale_rows():
    assert "**Last verified more than 12 months ago**: 8" in build_report(MINI, today=date(2028, 1, 1))


def test_write_readme_report(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- report:start -->\nold\n<!-- report:end -->\noutro\n", encoding="utf-8")
    assert write_readme_report(readme, "new")
    assert readme.read_text(encoding="utf-8") == "intro\n<!-- report:start -->\nnew\n<!-- report:end -->\noutro\n"
    assert not write_readme_report(readme, "new")


def test_write_readme_report_needs_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no markers", encoding="utf-8")
    with pytest.raises(ValueError, match="report:start"):
        write_readme_report(readme, "new")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Who is in"), ("fr", "Qui est dedans")],
)
def test_about_sections_follow_the_language(tmp_path, lang, expected):
    (tmp_path / "README.md").write_text(
        "## Inclusion criteria\nWho is in\n## Critères d'inclusion\nQui est dedans\n## Changelog\n- 0.1\n",
        encoding="utf-8",
    )
    about = build_about(tmp_path, lang)
    assert about["criteria"] == expected
    assert about["changelog"] == "- 0.1"  # English stands in for a missing translation
    assert "corrections" not in about


def test_read_sections_missing_file(tmp_path):
    assert read_sections(tmp_path / "README.md") == {}


@pytest.mark.parametrize(
    ("lang", "column", "description"), [("en", "Column", "What it holds"), ("fr", "Colonne", "Ce qu'elle contient")]
)
def test_dictionary_lists_descriptor_fields(lang, column, description):
    dictionary = build_dictionary(MINI, lang)
    assert dictionary[column].iloc[0] == "id"
    assert dictionary[description].map(bool).all()
