"""From an accepted suggestion to the data files: review, the CSV patch, and its all-or-nothing application."""

import csv
import io
import shutil
import subprocess
import sys
from datetime import datetime

import pytest

from ecosystem import columns as C
from ecosystem.inbox import Suggestion, list_suggestions, open_inbox, review, submit
from ecosystem.patch import PATCH_COLUMNS, apply_patch, build_patch_rows, read_patch, write_patch
from ecosystem.validate import validate
from tests.conftest import MINI, ROOT

NOW = datetime(2026, 12, 5, 10, 0)
LATER = datetime(2026, 12, 6, 9, 30)


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def _actors(data_dir) -> dict[str, dict[str, str]]:
    return {row[C.ID]: row for row in csv.DictReader((data_dir / "actors.csv").open(encoding="utf-8"))}


def _files(data_dir) -> dict[str, bytes]:
    return {
        str(path.relative_to(data_dir)): path.read_bytes() for path in sorted(data_dir.rglob("*")) if path.is_file()
    }


def _declare(data_dir, *urls: str) -> dict[str, str]:
    """Declare evidence pages in sources.csv, as a curator does before applying: URL -> the id rows will cite."""
    ids = {url: f"evidence-{number}" for number, url in enumerate(urls, start=1)}
    with (data_dir / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for url, sid in ids.items():
            writer.writerow(
                [sid, url, "Legal notice", "Beta Thérapie", "", "2026-11", "fr", "own", "2026-12-04", "", ""]
            )
    return ids


def _patch(*rows: dict[str, str]) -> str:
    base = {name: "" for name in PATCH_COLUMNS}
    return write_patch([{**base, "date": "2026-12-04", **row} for row in rows])


@pytest.fixture
def inbox(tmp_path):
    return open_inbox(f"sqlite:///{tmp_path / 'inbox.sqlite3'}")


def test_review_accepts_with_an_edited_value_and_a_source_and_rejects_with_a_note(inbox):
    first = submit(
        inbox, Suggestion("correction", "1998", "https://a.example/x", "beta-bio", "founded", "2014"), "c", now=NOW
    )
    second = submit(
        inbox, Suggestion("correction", "spam", "https://b.example/y", "beta-bio", "name", "Beta"), "c", now=NOW
    )
    assert review(
        inbox, first.id, accept=True, value="1999", source="https://registry.example/1", note="registry", now=LATER
    )
    assert review(inbox, second.id, accept=False, note="no evidence")
    assert not review(inbox, second.id, accept=True)  # reviewed once only
    assert not review(inbox, 999, accept=True)
    accepted, rejected = list_suggestions(inbox)
    assert (accepted.status, accepted.accepted_value, accepted.added_source) == (
        "accepted",
        "1999",
        "https://registry.example/1",
    )
    assert (rejected.status, rejected.reviewer_note, rejected.accepted_value) == ("rejected", "no evidence", "")


def test_the_patch_holds_the_accepted_suggestions_only(inbox):
    kept = submit(
        inbox, Suggestion("correction", "1998", "https://a.example/x", "beta-bio", "founded", "2014"), "c", now=NOW
    )
    dropped = submit(
        inbox, Suggestion("correction", "x", "https://b.example/y", "beta-bio", "name", "Beta"), "c", now=NOW
    )
    review(inbox, kept.id, accept=True, note="ok", now=LATER)
    review(inbox, dropped.id, accept=False)
    rows = build_patch_rows(list_suggestions(inbox))
    assert rows == [
        {
            "reference": kept.reference,
            "actor_id": "beta-bio",
            "column": "founded",
            "old_value": "2014",
            "new_value": "1998",
            "evidence_url": "https://a.example/x",
            "note": "ok",
            "date": "2026-12-06",
        }
    ]
    assert read_patch(write_patch(rows)) == (rows, [])


def test_a_valid_patch_changes_exactly_the_named_cells_and_passes_the_check(data):
    ids = _declare(data, "https://beta.example/legal")
    before = _actors(data)
    old = before["beta-bio"][C.NAME]
    result = apply_patch(
        _patch(
            {
                "reference": "S-000001",
                "actor_id": "beta-bio",
                "column": C.NAME,
                "old_value": old,
                "new_value": "Beta Thérapie SA",
                "evidence_url": "https://beta.example/legal",
            }
        ),
        data,
    )
    assert result.ok, result.problems
    assert result.changed == ["beta-bio.name"]
    after = _actors(data)
    changed = {
        (actor, column) for actor in before for column in before[actor] if before[actor][column] != after[actor][column]
    }
    assert changed == {("beta-bio", C.NAME), ("beta-bio", C.SOURCES), ("beta-bio", C.LAST_VERIFIED)}
    assert after["beta-bio"][C.SOURCES].endswith(";" + ids["https://beta.example/legal"])
    assert after["beta-bio"][C.LAST_VERIFIED] == "2026-12-04"
    assert validate(data) == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"actor_id": "beta-bio", "column": C.NAME, "old_value": "not what it says now", "new_value": "X"}, "conflict"),
        ({"actor_id": "beta-bio", "column": "no_such_column", "old_value": "", "new_value": "X"}, "no column"),
        ({"actor_id": "beta-bio", "column": C.ID, "old_value": "beta-bio", "new_value": "x"}, "not set by a patch"),
        ({"actor_id": "", "column": C.NAME, "old_value": "", "new_value": "Nameless"}, "needs an id"),
        ({"actor_id": "new-co", "column": C.NAME, "old_value": "", "new_value": "New Co"}, "gives no type"),
    ],
)
def test_a_bad_patch_leaves_every_file_as_it_was_and_names_the_row(data, row, message):
    _declare(data, "https://e.example")
    before = _files(data)
    result = apply_patch(_patch({"reference": "S-000007", "evidence_url": "https://e.example", **row}), data)
    assert not result.ok
    assert result.changed == []
    assert any(message in problem for problem in result.problems), result.problems
    assert any("S-000007" in problem or "new-co" in problem for problem in result.problems)
    assert _files(data) == before


def test_a_patch_that_would_make_the_data_invalid_writes_nothing(data):
    _declare(data, "https://e.example")
    before = _files(data)
    old = _actors(data)["beta-bio"][C.TYPE]
    result = apply_patch(
        _patch(
            {
                "reference": "S-000009",
                "actor_id": "beta-bio",
                "column": C.TYPE,
                "old_value": old,
                "new_value": "wizard",
                "evidence_url": "https://e.example",
            }
        ),
        data,
    )
    assert not result.ok
    assert any("S-000009" in problem and "wizard" in problem for problem in result.problems), result.problems
    assert _files(data) == before


def test_one_bad_row_stops_the_good_ones_too(data):
    before = _files(data)
    actors = _actors(data)
    result = apply_patch(
        _patch(
            {
                "reference": "S-1",
                "actor_id": "beta-bio",
                "column": C.NAME,
                "old_value": actors["beta-bio"][C.NAME],
                "new_value": "Fine",
            },
            {"reference": "S-2", "actor_id": "gamma-dx", "column": C.NAME, "old_value": "stale", "new_value": "Late"},
        ),
        data,
    )
    assert [p for p in result.problems if "S-2" in p]
    assert _files(data) == before


def test_evidence_not_declared_in_sources_is_refused_and_nothing_is_written(data):
    before = _files(data)
    row = {
        "reference": "S-000011",
        "actor_id": "beta-bio",
        "column": C.NAME,
        "evidence_url": "https://undeclared.example",
    }
    result = apply_patch(_patch({**row, "old_value": _actors(data)["beta-bio"][C.NAME], "new_value": "Beta SA"}), data)
    assert not result.ok
    assert result.problems == [
        "patch line 2 (S-000011): the evidence https://undeclared.example is not in sources.csv: add it there "
        "(id, url, title, publisher, date, kind, read), then apply again"
    ]
    assert _files(data) == before


def test_a_new_actor_with_every_required_column_is_added(data):
    ids = _declare(data, "https://new.example")
    template = _actors(data)["beta-bio"]
    given = {
        column: template[column]
        for column in (C.TYPE, C.DESCRIPTION_EN, C.DESCRIPTION_FR, C.CITY, C.SCOPE, C.PRECISION, C.LAT, C.LON, C.SITE)
    }
    rows = [
        {
            "reference": "S-3",
            "actor_id": "new-co",
            "column": C.NAME,
            "new_value": "New Co",
            "evidence_url": "https://new.example",
        }
    ]
    rows += [
        {
            "reference": "S-3",
            "actor_id": "new-co",
            "column": column,
            "new_value": value,
            "evidence_url": "https://new.example",
        }
        for column, value in given.items()
    ]
    result = apply_patch(_patch(*rows), data)
    assert result.ok, result.problems
    added = _actors(data)["new-co"]
    assert (added[C.NAME], added[C.SOURCES], added[C.LAST_VERIFIED]) == (
        "New Co",
        ids["https://new.example"],
        "2026-12-04",
    )


def test_a_patch_without_its_columns_is_refused(data):
    assert read_patch("actor_id,new_value\nbeta-bio,x\n")[1] == [
        "the patch has no column reference, column, old_value, evidence_url, note, date"
    ]
    assert not apply_patch("actor_id\n", data).ok


def test_the_command_line_exports_and_applies(tmp_path, data):
    _declare(data, "https://beta.example/legal")
    db = f"sqlite:///{tmp_path / 'inbox.sqlite3'}"
    inbox = open_inbox(db)
    old = _actors(data)["beta-bio"][C.NAME]
    made = submit(
        inbox, Suggestion("correction", "Beta SA", "https://beta.example/legal", "beta-bio", C.NAME, old), "c"
    )
    review(inbox, made.id, accept=True)
    patch = tmp_path / "patch.csv"
    run = [sys.executable, "-m", "ecosystem", "suggestions"]
    exported = subprocess.run(
        [*run, "export", "--db", db, "--out", str(patch)], cwd=ROOT, capture_output=True, text=True
    )
    assert exported.returncode == 0, exported.stderr
    applied = subprocess.run([*run, "apply", str(patch), str(data)], cwd=ROOT, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert "changed beta-bio.name" in applied.stdout
    assert _actors(data)["beta-bio"][C.NAME] == "Beta SA"
    again = subprocess.run([*run, "apply", str(patch), str(data)], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1  # the old value no longer matches: a conflict, nothing written
    assert "conflict" in again.stderr
    assert "nothing was written" in again.stderr
    assert next(csv.reader(io.StringIO(patch.read_text(encoding="utf-8")))) == list(PATCH_COLUMNS)
