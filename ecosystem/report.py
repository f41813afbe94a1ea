"""`python -m ecosystem report`: what the dataset holds and how complete it is, as Markdown."""

from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from . import columns as C
from .load import load_dataset

STALE_AFTER = timedelta(days=365)
# Columns whose fill rate the report shows (derived columns left out).
COMPLETENESS_COLUMNS = tuple(c for c in C.ACTOR_COLUMNS if c not in (C.ID, C.LAT, C.LON))


def _table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def count_filled(actors: pd.DataFrame, column: str) -> int:
    values = actors[column]
    if column in C.MULTI_VALUED:
        return int(values.map(bool).sum())
    return int((values.astype("string").fillna("").str.strip() != "").sum())


def build_report(data_dir: str | Path | None = None, *, today: date | None = None) -> str:
    dataset = load_dataset(data_dir)
    actors, taxonomy = dataset.actors, dataset.taxonomy
    today = today or date.today()
    total = len(actors)
    parts = [
        f"Dataset report — {total} actors, {len(dataset.places)} places, {len(dataset.relations)} relations, {len(dataset.milestones)} milestones (data as of {dataset.data_as_of}).",
        "",
    ]

    sections = (
        ("**By type**", "type", "types", actors[C.TYPE]),
        ("**By scope**", "scope", "scopes", actors[C.SCOPE]),
        ("**By therapeutic area** (an actor may have several)", "area", "areas", actors[C.AREAS].explode()),
        ("**By modality** (an actor may have several)", "modality", "modalities", actors[C.MODALITIES].explode()),
    )
    for title, header, vocabulary, values in sections:
        counts = values.value_counts()
        rows = [[taxonomy.label(vocabulary, item, "en"), int(counts.get(item, 0))] for item in taxonomy.ids(vocabulary)]
        parts += [title, "", _table([header, "actors"], rows), ""]

    filled = [
        [f"`{column}`", count_filled(actors, column), f"{count_filled(actors, column) / total:.0%}" if total else "–"]
        for column in COMPLETENESS_COLUMNS
    ]
    parts += ["**Completeness** (rows with the field filled)", "", _table(["field", "rows", "share"], filled), ""]

    verified = pd.to_datetime(actors[C.LAST_VERIFIED], errors="coerce")
    stale = actors[verified < pd.Timestamp(today - STALE_AFTER)]
    parts += [
        f"**Last verified more than 12 months ago**: {len(stale)}"
        + (" — " + ", ".join(f"`{i}`" for i in stale[C.ID]) if len(stale) else ""),
        "",
    ]

    local = actors[actors[C.SCOPE] == "marseille_area"]
    city_only = local[local[C.PRECISION] == "city"]
    share = f"{len(city_only) / len(local):.0%}" if len(local) else "–"
    parts += [
        f"**Aix-Marseille actors located only at city precision**: {len(city_only)} of {len(local)} ({share})"
        + (" — " + ", ".join(f"`{i}`" for i in city_only[C.ID]) if len(city_only) else "")
    ]
    return "\n".join(parts)


README_START = "<!-- report:start -->"
README_END = "<!-- report:end -->"


def build_readme_report(data_dir: str | Path | None = None) -> str:
    """The report as of the data's own date, so the copy in data/README.md stays reproducible."""
    dataset_date = load_dataset(data_dir).data_as_of
    return build_report(data_dir, today=date.fromisoformat(dataset_date) if dataset_date else None)


def write_readme_report(readme: Path, report: str) -> bool:
    """Replace the report block of data/README.md; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    head, found, rest = text.partition(README_START)
    if not found or README_END not in rest:
        raise ValueError(f"{readme} has no {README_START} … {README_END} block")
    tail = rest.partition(README_END)[2]
    updated = f"{head}{README_START}\n{report}\n{README_END}{tail}"
    readme.write_text(updated, encoding="utf-8")
    return updated != text
