"""What changed in a record between releases, read from the released packages kept beside the data.

Each release's zip is kept in `data/releases/` (`python -m ecosystem release
--archive` adds the current one), so a reader can see, for one actor, which
fact changed in which release and on which source, and can fetch the exact
package a citation names. The data as it is now counts as one more, unreleased
step when it differs from the newest archive.
"""

import csv
import dataclasses
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import columns as C
from .formatting import format_day
from .i18n import STRINGS, t
from .load import resolve_urls
from .problems import (
    ACTORS_FILE,
    DEALS_FILE,
    MILESTONES_FILE,
    PROGRAMMES_FILE,
    RELATIONS_FILE,
    SOURCES_FILE,
)
from .release import load_release, write_zip, zip_name
from .schema import VocabularyColumn
from .taxonomy import Taxonomy
from .vocabularies import STAGES

ARCHIVE_FOLDER = "releases"  # under the data directory
# Bookkeeping columns: their changes are the evidence of a change, not a change of fact.
NOT_FACTS = frozenset({C.SOURCES, C.LAST_VERIFIED})
RELATION_KEY = (C.SOURCE_ID, C.TARGET_ID, C.KIND)
MILESTONE_KEY = (C.DATE, C.KIND, C.TITLE_EN)
# A linked row in a record's history: the file, how its rows are told apart, the columns that link it to an
# actor, and the columns a reader knows it by.
LINKED_FILES = (
    (RELATIONS_FILE, RELATION_KEY, (C.SOURCE_ID, C.TARGET_ID), (C.SOURCE_ID, C.KIND, C.TARGET_ID, C.YEAR)),
    (MILESTONES_FILE, MILESTONE_KEY, (C.ACTOR_ID,), (C.DATE, C.KIND, C.TITLE_EN)),
    (PROGRAMMES_FILE, (C.ID,), (C.ACTOR_ID, C.PARTNER_ID), (C.NAME, C.PHASE, C.STATUS)),
    (DEALS_FILE, (C.ID,), (C.ACTOR_ID, C.LEAD_IDS, C.INVESTOR_IDS, C.COUNTERPARTY_ID), (C.DATE, C.KIND, C.TITLE_EN)),
)
# Columns whose values are actors' ids: a reader sees their names.
ACTOR_ID_COLUMNS = frozenset({C.SOURCE_ID, C.TARGET_ID})
# The actors' resource, whose columns a record's own changes name.
ACTORS = ACTORS_FILE.removesuffix(".csv")
# Columns of actors.csv in older releases that the descriptor no longer declares (the stage is now derived
# from programmes.csv): their vocabulary, so their values still read as labels.
RETIRED_VOCABULARIES = {(ACTORS, C.STAGE): (STAGES, False)}
# The columns each linked file's rows are shown by.
SHOWN = {name: shown for name, _, _, shown in LINKED_FILES}


@dataclass(frozen=True)
class Package:
    """The rows of one release (or of the data as it is now) that a record's history needs."""

    version: str
    date: str
    released: bool
    actors: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: tuple[dict[str, str], ...] = ()
    milestones: tuple[dict[str, str], ...] = ()
    programmes: tuple[dict[str, str], ...] = ()
    deals: tuple[dict[str, str], ...] = ()

    def rows(self) -> tuple:
        """Everything a record's history compares: two packages with equal rows tell the same facts."""
        return self.actors, self.relations, self.milestones, self.programmes, self.deals


@dataclass(frozen=True)
class Change:
    """One change of one record: `field` is a column of actors.csv, or the file a linked row lives in."""

    version: str
    date: str
    released: bool
    field: str
    old: str
    new: str
    sources: tuple[str, ...]
    # A linked row as it was and as it is (files only): what `describe_history` reads in the reader's language.
    old_row: Mapping[str, str] | None = dataclasses.field(default=None, compare=False)
    new_row: Mapping[str, str] | None = dataclasses.field(default=None, compare=False)


def _rows(text: str) -> list[dict[str, str]]:
    return [{key: (value or "") for key, value in row.items() if key} for row in csv.DictReader(io.StringIO(text))]


def _package(version: str, date: str, released: bool, read) -> Package:
    """A package from `read(file name) -> text or None`; a file it lacks is empty.

    Rows cite source ids since sources.csv exists and URLs before it: both are read as URLs, so that a
    change of citation form is no change of evidence and every release's source links.
    """
    urls = {row.get(C.ID, ""): row.get(C.URL, "") for row in _rows(read(SOURCES_FILE) or "")}

    def rows(name: str) -> list[dict[str, str]]:
        found = _rows(read(name) or "")
        for row in found:
            if C.SOURCES in row:
                row[C.SOURCES] = resolve_urls(row[C.SOURCES], urls)
        return found

    return Package(
        version=version,
        date=date,
        released=released,
        actors={row.get(C.ID, ""): row for row in rows(ACTORS_FILE)},
        relations=tuple(rows(RELATIONS_FILE)),
        milestones=tuple(rows(MILESTONES_FILE)),
        programmes=tuple(rows(PROGRAMMES_FILE)),
        deals=tuple(rows(DEALS_FILE)),
    )


def read_archive(path: str | Path) -> Package:
    """A kept release: its zip holds one folder with the descriptor and the files."""
    with zipfile.ZipFile(path) as archive:
        names = {Path(name).name: name for name in archive.namelist() if name.count("/") == 1}

        def read(name: str) -> str | None:
            return archive.read(names[name]).decode("utf-8") if name in names else None

        descriptor = json.loads(read("datapackage.json") or "{}")
        version = str(descriptor.get("version", ""))
        date = str(descriptor.get("created", ""))[:10] or _changelog_date(read("README.md") or "", version)
        return _package(version, date, True, read)


def _changelog_date(readme: str, version: str) -> str:
    """A release's day from its changelog line ('- **0.2.0 (2026-12-01)**'), for packages older than `created`."""
    match = re.search(rf"^- \*\*{re.escape(version)} \((\d{{4}}-\d{{2}}-\d{{2}})\)\*\*", readme, re.MULTILINE)
    return match.group(1) if match else ""


def read_current(data_dir: str | Path) -> Package:
    """The data as it is now, as the next release would hold it."""
    data_dir, release = Path(data_dir), load_release(data_dir)

    def read(name: str) -> str | None:
        path = data_dir / name
        return path.read_text(encoding="utf-8") if path.is_file() else None

    return _package(release.version, release.date, False, read)


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"[.-]", version))


def list_archives(data_dir: str | Path) -> list[Path]:
    """The kept releases' zips, oldest version first."""
    folder = Path(data_dir) / ARCHIVE_FOLDER
    archives = {read_archive(path).version: path for path in sorted(folder.glob("*.zip"))} if folder.is_dir() else {}
    return [archives[version] for version in sorted(archives, key=_version_key)]


def load_history(data_dir: str | Path) -> list[Package]:
    """Every kept release, oldest first, then the data as it is now when it differs from the newest."""
    packages = [read_archive(path) for path in list_archives(data_dir)]
    current = read_current(data_dir)
    newest = packages[-1] if packages else None
    if newest is None or newest.rows() != current.rows():
        packages.append(current)
    return packages


def _split(sources: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[;\s]+", sources or "") if part)


def _evidence(old: dict[str, str] | None, new: dict[str, str] | None) -> tuple[str, ...]:
    """The sources a change rests on: those the newer row added, else all the newer (or removed) row cites."""
    before, after = _split((old or {}).get(C.SOURCES, "")), _split((new or {}).get(C.SOURCES, ""))
    added = tuple(source for source in after if source not in before)
    return added or after or before


def _linked(rows: tuple[dict[str, str], ...], actor: str, key: tuple[str, ...], ends: tuple[str, ...]):
    return {
        tuple(row.get(k, "") for k in key): row
        for row in rows
        if any(actor in row.get(end, "").split(";") for end in ends)
    }


def _describe_row(row: dict[str, str], columns: tuple[str, ...]) -> str:
    return " · ".join(row.get(column, "") for column in columns if row.get(column, ""))


def diff_record(old: Package | None, new: Package, actor: str) -> list[Change]:
    """What changed for `actor` from `old` (None: nothing before) to `new`: its facts, links and events."""

    def change(column: str, old_value: str, new_value: str, sources: tuple[str, ...], rows=(None, None)) -> Change:
        return Change(new.version, new.date, new.released, column, old_value, new_value, sources, *rows)

    before, after = (old.actors.get(actor) if old else None), new.actors.get(actor)
    changes: list[Change] = []
    if before is None and after is not None:
        changes.append(change(ACTORS_FILE, "", after.get(C.NAME, actor), _evidence(None, after)))
    elif before is not None and after is None:
        changes.append(change(ACTORS_FILE, before.get(C.NAME, actor), "", ()))
    elif before is not None and after is not None:
        for column in [c for c in after if c not in NOT_FACTS] + [
            c for c in before if c not in after and c not in NOT_FACTS
        ]:
            if before.get(column, "") != after.get(column, ""):
                changes.append(
                    change(
                        column,
                        before.get(column, ""),
                        after.get(column, ""),
                        _evidence(before, after),
                    )
                )
    for name, key, ends, shown in LINKED_FILES:
        rows_before = _linked(getattr(old, name.removesuffix(".csv")) if old else (), actor, key, ends)
        rows_after = _linked(getattr(new, name.removesuffix(".csv")), actor, key, ends)
        if before is None:
            continue  # a record's first release lists it once, not each of its rows
        for row_key in [k for k in rows_after if k not in rows_before]:
            row = rows_after[row_key]
            changes.append(change(name, "", _describe_row(row, shown), _evidence(None, row), (None, row)))
        for row_key in [k for k in rows_before if k not in rows_after]:
            row = rows_before[row_key]
            changes.append(change(name, _describe_row(row, shown), "", (), (row, None)))
        for row_key in [k for k in rows_after if k in rows_before]:
            old_row, new_row = rows_before[row_key], rows_after[row_key]
            if _describe_row(old_row, shown) != _describe_row(new_row, shown):
                described = _describe_row(old_row, shown), _describe_row(new_row, shown)
                changes.append(change(name, *described, _evidence(old_row, new_row), (old_row, new_row)))
    return changes


def build_record_history(packages: list[Package], actor: str) -> list[Change]:
    """Every change of `actor` across `packages` (oldest first), newest change first."""
    changes: list[Change] = []
    previous: Package | None = None
    for package in packages:
        changes += diff_record(previous, package, actor)
        previous = package
    return changes[::-1]


def _release_label(change: Change, lang: str) -> str:
    if not change.released:
        return t("history_unreleased", lang)
    return f"{change.version} ({format_day(change.date, lang)})" if change.date else change.version


@dataclass(frozen=True)
class Wording:
    """How a record's changes read for a reader: vocabulary labels and actors' names instead of codes."""

    taxonomy: Taxonomy
    vocabularies: Mapping[tuple[str, str], tuple[str, bool]]  # (resource, column) -> (vocabulary, several)
    names: Mapping[str, str]  # an actor's id -> its name

    def value(self, resource: str, column: str, value: str, lang: str) -> str:
        """A cell as a reader reads it: labels for a vocabulary's ids, a name for an actor's id."""
        if column in ACTOR_ID_COLUMNS:
            return self.names.get(value, value)
        vocabulary, several = self.vocabularies.get((resource, column)) or RETIRED_VOCABULARIES.get(
            (resource, column), ("", False)
        )
        if not vocabulary or not value:
            return value
        items = [item for item in value.split(";") if item] if several else [value]
        return ", ".join(self.taxonomy.labels(vocabulary, items, lang))

    def row(self, name: str, row: Mapping[str, str] | None, lang: str) -> str:
        """A linked row by the columns a reader knows it by, its title in the reader's language when it has one."""
        if row is None:
            return ""
        resource = name.removesuffix(".csv")
        parts = []
        for column in SHOWN[name]:
            value = row.get(column, "")
            if column == C.TITLE_EN and lang != "en":
                value = row.get(f"title_{lang}") or value
            if value:
                parts.append(self.value(resource, column, value, lang))
        return " · ".join(parts)


def build_wording(
    schema_vocabularies: Iterable[VocabularyColumn], taxonomy: Taxonomy, names: Mapping[str, str]
) -> Wording:
    """The wording of a dataset: `schema_vocabularies` are the descriptor's `VocabularyColumn`s."""
    vocabularies = {(v.resource, v.column): (v.vocabulary, v.multi) for v in schema_vocabularies}
    return Wording(taxonomy, vocabularies, names)


def _field_label(change: Change, lang: str) -> str:
    if change.field.endswith(".csv"):
        return t(f"history_file_{change.field.removesuffix('.csv')}", lang)
    if f"col_{change.field}" not in STRINGS:
        return change.field  # a column the catalogue does not name (yet) keeps its name
    return t(f"col_{change.field}", lang)


def _values(change: Change, lang: str, wording: Wording | None) -> tuple[str, str]:
    if wording is None:
        return change.old, change.new
    if change.field in SHOWN:
        return wording.row(change.field, change.old_row, lang), wording.row(change.field, change.new_row, lang)
    if change.field.endswith(".csv"):
        return change.old, change.new  # the record itself: its name
    old, new = (wording.value(ACTORS, change.field, value, lang) for value in (change.old, change.new))
    return old, new


def describe_history(changes: list[Change], lang: str, wording: Wording | None = None) -> tuple[str, pd.DataFrame]:
    """A record's history for its page: since when it is in the dataset, and a table of what changed after.

    The table's columns are release, field (a column of actors.csv, or the kind of row linked to it), old
    value, new value and the source the change rests on. With `wording`, fields and values read in `lang`
    (labels, names, titles); without, as the files hold them.
    """
    since = next(
        (c for c in reversed(changes) if c.field == ACTORS_FILE and c.new and not c.old),
        None,
    )
    later = [c for c in changes if c is not since]
    if since is None:
        intro = t("history_unknown", lang)
    elif since.released:
        intro = t("history_since", lang, release=_release_label(since, lang))
    else:
        intro = t("history_new", lang)
    if not later:
        intro += " " + t("history_no_change", lang)
    rows = []
    for c in later:
        label = _field_label(c, lang) if wording is not None else c.field
        rows.append((_release_label(c, lang), label, *_values(c, lang, wording), c.sources[0] if c.sources else ""))
    table = pd.DataFrame(rows, columns=["release", "field", "old", "new", "source"])
    return intro, table


def archive_release(data_dir: str | Path) -> tuple[Path, bool]:
    """Keep the current release's zip in data/releases/; (path, whether it was written).

    A version is archived once: an archive of this version with other data means
    the data changed without a new version, which a reader citing it could not tell.
    """
    data_dir = Path(data_dir)
    release = load_release(data_dir)
    target = data_dir / ARCHIVE_FOLDER / zip_name(release)
    if target.is_file():
        kept, now = read_archive(target), read_current(data_dir)
        if kept.rows() != now.rows():
            raise ValueError(f"{target.name} is kept already with other data: give the data a new version first")
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    write_zip(data_dir, target, zip_name(release).removesuffix(".zip"))
    return target, True


__all__ = [
    "Change",
    "Package",
    "archive_release",
    "build_record_history",
    "describe_history",
    "diff_record",
    "list_archives",
    "load_history",
    "read_archive",
    "read_current",
]
