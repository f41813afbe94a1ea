"""A record's history between releases: kept packages, what changed, on which source."""

import re
import shutil
import zipfile

import pytest

from ecosystem.history import (
    ACTORS_FILE,
    DEALS_FILE,
    MILESTONES_FILE,
    PROGRAMMES_FILE,
    RELATIONS_FILE,
    Change,
    Package,
    archive_release,
    build_record_history,
    build_wording,
    describe_history,
    diff_record,
    list_archives,
    load_history,
    read_archive,
)
from ecosystem.i18n import t
from ecosystem.release import load_release
from ecosystem.schema import VocabularyColumn
from ecosystem.taxonomy import Taxonomy
from ecosystem.ui.cache import build_cached_record_history, load_cached_history
from tests.conftest import DATA, MINI

ACTOR = {
    "id": "a",
    "name": "Alpha",
    "city": "Marseille",
    "sources": "https://one.example",
    "last_verified": "2026-01-01",
}


def package(version, actors=(), relations=(), milestones=(), released=True):
    return Package(
        version, f"2026-0{version[-1]}-01", released, {row["id"]: row for row in actors}, relations, milestones
    )


def moved(**changes):
    return {**ACTOR, **changes}


LINK = {"source_id": "a", "target_id": "b", "kind": "spin_off_of", "year": "2001", "sources": "https://link.example"}
EVENT = {"date": "2020", "actor_id": "a", "kind": "founded", "title_en": "Founded", "sources": "https://event.example"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            None,
            package("1", [ACTOR], [LINK], [EVENT]),
            [(ACTORS_FILE, "", "Alpha", ("https://one.example",))],
            id="first",
        ),
        pytest.param(package("1", [ACTOR]), package("2", [ACTOR]), [], id="unchanged"),
        pytest.param(
            package("1", [ACTOR]),
            package("2", [moved(last_verified="2026-06-01", sources="https://one.example;https://two.example")]),
            [],
            id="re-checked only",
        ),
        pytest.param(
            package("1", [ACTOR]),
            package("2", [moved(city="Aix-en-Provence", sources="https://one.example https://two.example")]),
            [("city", "Marseille", "Aix-en-Provence", ("https://two.example",))],
            id="a fact and its new source",
        ),
        pytest.param(
            package("1", [moved(stage="phase_1")]),
            package("2", [ACTOR]),
            [("stage", "phase_1", "", ("https://one.example",))],
            id="a column dropped",
        ),
        pytest.param(package("1", [ACTOR]), package("2", []), [(ACTORS_FILE, "Alpha", "", ())], id="removed"),
        pytest.param(
            package("1", [ACTOR]),
            package("2", [ACTOR], [LINK], [EVENT]),
            [
                (RELATIONS_FILE, "", "a · spin_off_of · b · 2001", ("https://link.example",)),
                (MILESTONES_FILE, "", "2020 · founded · Founded", ("https://event.example",)),
            ],
            id="links and events added",
        ),
        pytest.param(
            package("1", [ACTOR], [LINK], [EVENT]),
            package("2", [ACTOR], [{**LINK, "year": "2002"}], []),
            [
                (MILESTONES_FILE, "2020 · founded · Founded", "", ()),
                (RELATIONS_FILE, "a · spin_off_of · b · 2001", "a · spin_off_of · b · 2002", ("https://link.example",)),
            ],
            id="an event removed, a link's year corrected",
        ),
        pytest.param(
            Package("1", "2026-01-01", True, {"a": ACTOR}),
            Package(
                "2",
                "2026-02-01",
                True,
                {"a": ACTOR},
                deals=(
                    {
                        "id": "z-2025-seed",
                        "actor_id": "z",
                        "investor_ids": "y;a",
                        "date": "2025",
                        "kind": "seed",
                        "title_en": "Seed",
                        "sources": "https://deal.example",
                    },
                ),
            ),
            [("deals.csv", "", "2025 · seed · Seed", ("https://deal.example",))],
            id="a round it took part in",
        ),
        pytest.param(
            package("1", [ACTOR], [{**LINK, "source_id": "x", "target_id": "y"}]),
            package("2", [ACTOR], [{**LINK, "source_id": "x", "target_id": "z"}]),
            [],
            id="other actors' links",
        ),
    ],
)
def test_what_changed_in_one_record(old, new, expected):
    changes = diff_record(old, new, "a")
    assert sorted((c.field, c.old, c.new, c.sources) for c in changes) == sorted(expected)
    assert {c.version for c in changes} <= {new.version}


def test_history_runs_across_releases_newest_first():
    packages = [
        package("1", [ACTOR]),
        package("2", [moved(city="Aix")]),
        package("3", [moved(city="Arles")], released=False),
    ]
    changes = build_record_history(packages, "a")
    assert [(c.version, c.field, c.new) for c in changes] == [
        ("3", "city", "Arles"),
        ("2", "city", "Aix"),
        ("1", ACTORS_FILE, "Alpha"),
    ]
    intro, table = describe_history(changes, "en")
    assert intro == "In the dataset since release 1 (1 January 2026)."
    assert table["release"].tolist() == ["since the last release", "2 (1 February 2026)"]
    assert table["source"].tolist() == ["https://one.example", "https://one.example"]


@pytest.mark.parametrize(
    ("packages", "lang", "intro", "rows"),
    [
        ([package("1", [ACTOR])], "en", "In the dataset since release 1 (1 January 2026). No change since.", 0),
        (
            [package("1", [ACTOR])],
            "fr",
            "Dans le jeu de données depuis la version 1 (1er janvier 2026). Aucun changement depuis.",
            0,
        ),
        (
            [package("1"), package("2", [ACTOR], released=False)],
            "en",
            "New since the last release. No change since.",
            0,
        ),
        ([package("1"), package("2")], "en", "No kept release holds this record. No change since.", 0),
    ],
)
def test_history_says_since_when(packages, lang, intro, rows):
    said, table = describe_history(build_record_history(packages, "a"), lang)
    assert said == intro
    assert len(table) == rows


def test_a_release_is_kept_once_and_read_back(tmp_path):
    data = shutil.copytree(MINI, tmp_path / "data")
    path, written = archive_release(data)
    assert written
    assert archive_release(data) == (path, False)  # same data, same version: nothing to do
    kept = read_archive(path)
    assert (kept.version, kept.released) == (load_release(data).version, True)
    assert load_history(data) == [kept]  # the data now is that release
    actors = (data / "actors.csv").read_text(encoding="utf-8")
    (data / "actors.csv").write_text(
        actors.replace("Alpha Immunology Lab", "Alpha Immunology Laboratory"), encoding="utf-8"
    )
    history = load_history(data)
    assert [p.released for p in history] == [True, False]
    assert [(c.field, c.new) for c in diff_record(*history, "alpha-lab")] == [("name", "Alpha Immunology Laboratory")]
    with pytest.raises(ValueError, match="new version"):
        archive_release(data)


def test_every_release_in_the_changelog_is_kept():
    changelog = (DATA / "README.md").read_text(encoding="utf-8").split("## Changelog", 1)[1].split("\n## ", 1)[0]
    versions = re.findall(r"^- \*\*(\S+) \((\d{4}-\d{2}-\d{2})\)\*\*", changelog, re.MULTILINE)
    kept = [read_archive(path) for path in list_archives(DATA)]
    assert [(p.version, p.date) for p in kept] == sorted(versions, key=lambda v: [int(x) for x in v[0].split(".")])
    for path in list_archives(DATA):
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None


def test_the_app_keeps_one_shared_history_and_an_actor_s_changes_per_version():
    """Every session reads the same releases (a copy each would cost some 10 MB a run of an actor page)."""
    version = "test-shared-history"
    first, again = load_cached_history(str(MINI), version), load_cached_history(str(MINI), version)
    assert first is again
    assert [package.version for package in first] == [package.version for package in load_history(MINI)]
    actor = "beta-bio"
    assert build_cached_record_history(str(MINI), version, actor) == build_record_history(load_history(MINI), actor)


def _labels(**items):
    return {item: {"label_en": en, "label_fr": fr} for item, (en, fr) in items.items()}


WORDING = build_wording(
    [
        VocabularyColumn("actors", "type", "types", False),
        VocabularyColumn("actors", "therapeutic_areas", "areas", True),
        VocabularyColumn("relations", "kind", "relation_kinds", False),
        VocabularyColumn("deals", "kind", "deal_kinds", False),
        VocabularyColumn("programmes", "phase", "stages", False),
        VocabularyColumn("programmes", "status", "programme_statuses", False),
    ],
    Taxonomy(
        {
            "types": _labels(biotech=("Biotech", "Biotech FR")),
            "areas": _labels(oncology=("Cancers", "Cancers FR"), infectious=("Infections", "Infections FR")),
            "relation_kinds": _labels(spin_off_of=("Spin-off of", "Essaimage de")),
            "deal_kinds": _labels(ipo=("Listing", "Introduction en bourse")),
            "stages": _labels(phase_3=("Phase 3", "Phase 3 FR")),
            "programme_statuses": _labels(active=("Active", "En cours")),
        }
    ),
    {"a": "Alpha", "b": "Beta"},
)
DEAL = {"id": "a-ipo", "actor_id": "a", "date": "2006", "kind": "ipo", "title_en": "Listed", "title_fr": "Cotée"}
PROGRAMME = {"id": "p1", "actor_id": "a", "name": "alphamab", "phase": "phase_3", "status": "active"}


def change(field, old="", new="", old_row=None, new_row=None):
    return Change("2", "2026-02-01", True, field, old, new, ("https://one.example",), old_row, new_row)


@pytest.mark.parametrize(
    ("item", "lang", "expected"),
    [
        pytest.param(change("type", "biotech", ""), "fr", (t("col_type", "fr"), "Biotech FR", ""), id="a vocabulary"),
        pytest.param(
            change("therapeutic_areas", "oncology", "oncology;infectious"),
            "en",
            (t("col_therapeutic_areas", "en"), "Cancers", "Cancers, Infections"),
            id="several items",
        ),
        pytest.param(
            change("type", "", "unknown_kind"), "en", (t("col_type", "en"), "", "unknown_kind"), id="unknown id"
        ),
        pytest.param(change("stage", "phase_3", ""), "fr", (t("col_stage", "fr"), "Phase 3 FR", ""), id="retired"),
        pytest.param(change("city", "Aix", "Arles"), "fr", (t("col_city", "fr"), "Aix", "Arles"), id="plain text"),
        pytest.param(change("colour", "red", "blue"), "fr", ("colour", "red", "blue"), id="a column no one names"),
        pytest.param(
            change(RELATIONS_FILE, new_row=LINK),
            "fr",
            (t("history_file_relations", "fr"), "", "Alpha · Essaimage de · Beta · 2001"),
            id="a link: names and kind",
        ),
        pytest.param(
            change(DEALS_FILE, new_row=DEAL),
            "fr",
            (t("history_file_deals", "fr"), "", "2006 · Introduction en bourse · Cotée"),
            id="a deal's French title",
        ),
        pytest.param(
            change(DEALS_FILE, old_row={**DEAL, "title_fr": ""}),
            "fr",
            (t("history_file_deals", "fr"), "2006 · Introduction en bourse · Listed", ""),
            id="no French title: the English one",
        ),
        pytest.param(
            change(MILESTONES_FILE, old_row=EVENT, new_row={**EVENT, "title_en": "Set up"}),
            "en",
            (t("history_file_milestones", "en"), "2020 · founded · Founded", "2020 · founded · Set up"),
            id="a kind with no label",
        ),
        pytest.param(
            change(PROGRAMMES_FILE, new_row=PROGRAMME),
            "en",
            (t("history_file_programmes", "en"), "", "alphamab · Phase 3 · Active"),
            id="a programme",
        ),
    ],
)
def test_a_change_reads_in_the_readers_language(item, lang, expected):
    _, table = describe_history([item], lang, WORDING)
    assert tuple(table.loc[0, ["field", "old", "new"]]) == expected


def test_without_wording_the_history_shows_the_files_words():
    _, table = describe_history([change(DEALS_FILE, "", "2006 · ipo · Listed", None, DEAL)], "fr")
    assert tuple(table.loc[0, ["field", "new"]]) == (DEALS_FILE, "2006 · ipo · Listed")
