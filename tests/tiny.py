"""Build a tiny dataset from a few rows, each test stating only the cells it cares about."""

import csv
import shutil
from pathlib import Path

from ecosystem import columns as C
from ecosystem.goals import GOALS
from ecosystem.load import ACTORS, DEALS, MILESTONES, PROGRAMMES, RELATIONS, SOURCES, Dataset, load_dataset
from ecosystem.schema import load_schema
from tests.conftest import DATA


def _write(path: Path, columns, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})


def actor(id: str, type: str = "biotech", **cells) -> dict:
    """An actor row: in the Aix-Marseille area, at city precision, sourced, unless told otherwise."""
    return {
        C.ID: id,
        C.NAME: cells.pop(C.NAME, id.replace("-", " ").title()),
        C.TYPE: type,
        C.CITY: "Marseille",
        C.SCOPE: "marseille_area",
        C.SITE: "marseille",
        C.PRECISION: "city",
        C.SOURCES: f"https://example.org/{id}",
        C.LAST_VERIFIED: "2026-11-01",
        **cells,
    }


def milestone(date: str, actor_id: str, kind: str, amount: int | None = None, title: str = "") -> dict:
    return {
        C.DATE: date,
        C.ACTOR_ID: actor_id,
        C.KIND: kind,
        C.TITLE_EN: title or f"{kind} of {actor_id}",
        C.TITLE_FR: title or f"{kind} de {actor_id}",
        C.AMOUNT_EUR: "" if amount is None else str(amount),
        C.SOURCES: f"https://example.org/{actor_id}/{kind}/{date}",
        C.LAST_VERIFIED: "2026-11-01",
    }


def relation(source: str, kind: str, target: str, year: int | None = None) -> dict:
    return {
        C.SOURCE_ID: source,
        C.TARGET_ID: target,
        C.KIND: kind,
        C.YEAR: "" if year is None else str(year),
        C.SOURCES: f"https://example.org/{source}/{target}",
        C.LAST_VERIFIED: "2026-11-01",
    }


# Milestone kinds that deals.csv owns, and the deal kind a tiny milestone of that kind becomes.
DEAL_KIND_OF = {"funding_round": "growth", "acquisition": "acquisition"}


def as_deal(number: int, row: dict) -> dict:
    """A round or an acquisition written as milestone(...) becomes the deals.csv row the data would hold."""
    amount = row[C.AMOUNT_EUR]
    kind = DEAL_KIND_OF[row[C.KIND]]
    return {
        **row,
        C.ID: f"{row[C.ACTOR_ID]}-{row[C.DATE][:4]}-{kind}-{number}",
        C.KIND: kind,
        C.AMOUNT: amount,
        C.CURRENCY: C.EURO if amount else "",
    }


def programme(actor_id: str, phase: str, status: str = "active", **cells) -> dict:
    return {
        C.ID: f"{actor_id}-{phase}-{status}",
        C.ACTOR_ID: actor_id,
        C.NAME: f"{actor_id} {phase}",
        C.MODALITY: "monoclonal_antibody",
        C.PHASE: phase,
        C.STATUS: status,
        C.SOURCES: f"https://example.org/{actor_id}/programme",
        C.LAST_VERIFIED: "2026-11-01",
        **cells,
    }


def build_tiny(
    directory: Path,
    actors: list[dict],
    milestones=(),
    relations=(),
    goals: list[dict] | None = None,
    programmes=(),
    deals=(),
) -> Dataset:
    """Write the rows as CSVs beside the real taxonomy and places, and load them with the real loader.

    As in the data, rounds and acquisitions given as milestones go to deals.csv, and an actor's `stage`
    is an active programme at that phase.
    """
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "datapackage.json", directory / "datapackage.json")
    shutil.copytree(DATA / "taxonomy", directory / "taxonomy", dirs_exist_ok=True)
    schema = load_schema(directory)
    shutil.copy(Path(__file__).parent / "fixtures" / "mini" / "places.csv", directory / "places.csv")
    _write(directory / "actors.csv", schema.columns(ACTORS), actors)
    owned = [row for row in milestones if row[C.KIND] in DEAL_KIND_OF]
    deals = [*deals, *(as_deal(number, row) for number, row in enumerate(owned))]
    programmes = [*programmes, *(programme(row[C.ID], row[C.STAGE]) for row in actors if row.get(C.STAGE))]
    _write(directory / "milestones.csv", schema.columns(MILESTONES), [m for m in milestones if m not in owned])
    _write(directory / "deals.csv", schema.columns(DEALS), deals)
    _write(directory / "programmes.csv", schema.columns(PROGRAMMES), programmes)
    _write(directory / "relations.csv", schema.columns(RELATIONS), list(relations))
    if goals is not None:
        _write(directory / "goals.csv", schema.columns(GOALS), goals)
    declare_sources(directory)
    return load_dataset(directory)


def declare_sources(directory: Path, kinds: dict[str, str] | None = None) -> None:
    """Cite sources as the data does: each URL in a citing column becomes an id of a written sources.csv.

    An id already cited keeps its row: the directory's own, or the real one (the real taxonomy's communes). `kinds` gives
    the kind of some URLs (a copy, a registry); the others are press pages.
    """
    schema = load_schema(directory)
    real = {row[C.ID]: row for row in _read(DATA / "sources.csv")}
    own = directory / schema.paths[SOURCES]
    known = {row[C.ID]: row for row in _read(own)} if own.is_file() else {}
    rows: dict[str, dict] = {}
    for reference in schema.references:
        path = directory / schema.paths[reference.resource]
        if not path.is_file():
            continue
        table = _read(path)
        for row in table:
            ids = []
            for item in (part for part in row.get(reference.column, "").split(";") if part):
                if item.startswith(("http://", "https://")):
                    sid = next((s for s, r in rows.items() if r[C.URL] == item), f"s{len(rows) + 1}")
                    rows.setdefault(sid, _source(sid, item, (kinds or {}).get(item, "press")))
                    item = sid
                elif item in known or item in real:
                    rows.setdefault(item, known.get(item) or real[item])
                ids.append(item)
            row[reference.column] = ";".join(ids)
        _write(path, list(table[0]) if table else schema.columns(reference.resource), table)
    _write(directory / "sources.csv", schema.columns(SOURCES), list(rows.values()))


def _source(sid: str, url: str, kind: str) -> dict:
    return {
        C.ID: sid,
        C.URL: url,
        C.TITLE: f"Page {sid}",
        C.PUBLISHER: "Example",
        C.PUBLISHED: "2026-10",
        C.LANGUAGE: "en",
        C.KIND: kind,
        C.READ: "2026-11-01",
        C.NOTES: "a copy kept for the tests" if kind == "mirror" else "",
    }


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rewrite_rows(path: Path, change) -> None:
    """Rewrite a CSV after `change(rows)` edits its rows (dicts) in place, keeping its columns."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
