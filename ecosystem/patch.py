"""Accepted suggestions as a CSV patch, and the patch applied to the data files: all of it, checked, or nothing.

The app never writes to `data/`. A curator exports the accepted suggestions
(`python -m ecosystem suggestions export`), reads the patch, and applies it
(`python -m ecosystem suggestions apply PATCH.csv [DATA_DIR]`): each named
cell changes if it still holds the value the reader saw, the evidence (a page
declared in sources.csv) joins the row's sources by its id, `last_verified` takes the review's date, and the result
must pass the dataset check before any file is replaced.
"""

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import columns as C
from .inbox import Stored
from .load import ACTORS, SOURCES
from .schema import load_schema

PATCH_COLUMNS = ("reference", "actor_id", "column", "old_value", "new_value", "evidence_url", "note", "date")
# Columns a patch may not set: the id names the row, the rest are written by the apply step itself.
PROTECTED = (C.ID, C.SOURCES, C.LAST_VERIFIED)


@dataclass
class ApplyResult:
    """What applying a patch did: the cells changed, or the reasons nothing was written."""

    changed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def build_patch_rows(suggestions: list[Stored]) -> list[dict[str, str]]:
    """One patch row per accepted suggestion, in the order they were made."""
    rows = []
    for item in suggestions:
        if item.status != "accepted":
            continue
        rows.append(
            {
                "reference": item.reference,
                "actor_id": item.actor_id,
                "column": item.field or C.NAME,
                "old_value": item.current_value,
                "new_value": item.accepted_value or item.proposed_value,
                "evidence_url": item.added_source or item.evidence_url,
                "note": item.reviewer_note,
                "date": (item.reviewed_at or item.created_at).date().isoformat(),
            }
        )
    return rows


def write_patch(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PATCH_COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def read_patch(text: str) -> tuple[list[dict[str, str]], list[str]]:
    """The patch's rows, or why it cannot be read (missing columns)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in PATCH_COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        return [], [f"the patch has no column {', '.join(missing)}"]
    return [{name: (row.get(name) or "") for name in PATCH_COLUMNS} for row in reader], []


def _read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    return rows[0], rows[1:]


def _write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def _declared_sources(path: Path) -> dict[str, str] | None:
    """sources.csv as URL -> id; None when the package has no sources table."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[C.URL]: row[C.ID] for row in csv.DictReader(handle) if row.get(C.URL)}


def _required(data_dir: Path) -> list[str]:
    fields = load_schema(data_dir).fields(ACTORS)
    return [f["name"] for f in fields if (f.get("constraints") or {}).get("required")]


def apply_patch(patch_text: str, data_dir: str | Path, check=None) -> ApplyResult:
    """Apply every row of the patch to the actors' file, or write nothing and say why (per patch row).

    `check(data_dir)` returns the dataset's problems (default: `ecosystem.validate.validate`).
    """
    if check is None:
        from .validate import validate as check

    data_dir = Path(data_dir)
    result = ApplyResult()
    rows, result.problems = read_patch(patch_text)
    if result.problems:
        return result
    schema = load_schema(data_dir)
    path = data_dir / schema.paths.get(ACTORS, "actors.csv")
    header, table = _read_table(path)
    declared = _declared_sources(data_dir / schema.paths.get(SOURCES, "sources.csv"))
    for number, row in enumerate(rows, start=2):
        url = row["evidence_url"]
        if url and declared is not None and url not in declared:
            result.problems.append(
                f"patch line {number} ({row['reference'] or 'no reference'}): the evidence {url} is not in "
                "sources.csv: add it there (id, url, title, publisher, date, kind, read), then apply again"
            )
    if result.problems:
        return result
    for row in rows:  # rows cite the source's id (a URL where the package has no sources table)
        row["evidence_url"] = (declared or {}).get(row["evidence_url"], row["evidence_url"])
    at = {name: index for index, name in enumerate(header)}
    by_id = {row[at[C.ID]]: row for row in table}
    new: dict[str, dict[str, dict[str, str]]] = {}
    for number, row in enumerate(rows, start=2):  # line numbers of the patch file
        where = f"patch line {number} ({row['reference'] or 'no reference'})"
        column, actor_id = row["column"], row["actor_id"]
        if column not in at:
            result.problems.append(f"{where}: actors.csv has no column {column!r}")
        elif column in PROTECTED:
            result.problems.append(f"{where}: the column {column!r} is not set by a patch")
        elif actor_id in by_id:
            cells = by_id[actor_id]
            if cells[at[column]] != row["old_value"]:
                result.problems.append(
                    f"{where}: conflict: {actor_id}.{column} is now {cells[at[column]]!r}, "
                    f"the suggestion was made on {row['old_value']!r}"
                )
                continue
            cells[at[column]] = row["new_value"]
            _add_evidence(cells, at, row)
            result.changed.append(f"{actor_id}.{column}")
        elif not actor_id:
            result.problems.append(f"{where}: a new actor needs an id (set actor_id)")
        else:
            new.setdefault(actor_id, {})[column] = row
    for actor_id, given in new.items():
        missing = [name for name in _required(data_dir) if name not in given and name not in PROTECTED]
        if missing:
            result.problems.append(f"new actor {actor_id}: the patch gives no {', '.join(missing)}")
            continue
        cells = [""] * len(header)
        cells[at[C.ID]] = actor_id
        for column, row in given.items():
            cells[at[column]] = row["new_value"]
            _add_evidence(cells, at, row)
        table.append(cells)
        result.changed.append(f"{actor_id} (new)")
    if result.problems:
        result.changed = []
        return result
    lines: dict[int, list[str]] = {}  # a line of the patched actors.csv -> the patch references that made it
    index = {cells[at[C.ID]]: number for number, cells in enumerate(table, start=2)}
    for row in rows:
        lines.setdefault(index.get(row["actor_id"], 0), []).append(row["reference"] or row["actor_id"])
    _write_checked(data_dir, path, header, table, check, result, lines)
    return result


def _add_evidence(cells: list[str], at: dict[str, int], row: dict[str, str]) -> None:
    sources = [item for item in cells[at[C.SOURCES]].split(";") if item]
    if row["evidence_url"] and row["evidence_url"] not in sources:
        sources.append(row["evidence_url"])
    cells[at[C.SOURCES]] = ";".join(sources)
    if row["date"]:
        cells[at[C.LAST_VERIFIED]] = row["date"]


def _write_checked(data_dir: Path, path: Path, header, table, check, result: ApplyResult, lines) -> None:
    """Check a patched copy of the package; only then replace the file (atomically, by rename)."""
    with tempfile.TemporaryDirectory(prefix="ecosystem-patch-") as work:
        copy = Path(work) / "data"
        shutil.copytree(data_dir, copy)
        _write_table(copy / path.relative_to(data_dir), header, table)
        problems = check(copy)
        if problems:
            result.problems = [
                f"{_blame(problem, path.name, lines)} would make the data invalid: {problem}" for problem in problems
            ]
            result.changed = []
            return
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        shutil.copyfile(copy / path.relative_to(data_dir), partial)
        os.replace(partial, path)


def _blame(problem, file_name: str, lines: dict[int, list[str]]) -> str:
    """The patch references behind a problem on a patched line of the actors' file."""
    refs = lines.get(problem.line, []) if str(problem.file).endswith(file_name) else []
    return ", ".join(dict.fromkeys(refs)) or "the patched data"
