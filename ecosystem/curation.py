"""What a curator should re-check next: the oldest records, the quiet or planned actors, the missing
registry ids, and the sources cited most (re-reading one page re-checks many facts).

Plain tables over the loaded dataset, shown on the review desk and by
`python -m ecosystem report --stale`; `report` gives the same counts.
"""

from collections import Counter
from datetime import date

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .load import Dataset

STALE_MONTHS = 12
QUIET_YEARS = 3
TOP_SOURCES = 15


def _months_ago(today: date, months: int) -> pd.Timestamp:
    return pd.Timestamp(today) - pd.DateOffset(months=months)


def list_records_by_age(dataset: Dataset, today: date, months: int = STALE_MONTHS) -> pd.DataFrame:
    """Every actor, relation and milestone with its last check, oldest first; `stale` past `months`."""
    names = dataset.names()
    actors, relations, milestones = dataset.actors, dataset.relations, dataset.milestones
    frames = [
        pd.DataFrame(
            {
                "file": "actors.csv",
                "record": actors[C.NAME].to_list(),
                C.LAST_VERIFIED: actors[C.LAST_VERIFIED].to_list(),
            }
        ),
        pd.DataFrame(
            {
                "file": "relations.csv",
                "record": [
                    f"{names.get(s, s)} → {names.get(t, t)} ({k})"
                    for s, t, k in zip(relations[C.SOURCE_ID], relations[C.TARGET_ID], relations[C.KIND], strict=True)
                ],
                C.LAST_VERIFIED: relations[C.LAST_VERIFIED].to_list(),
            }
        ),
        pd.DataFrame(
            {
                "file": "milestones.csv",
                "record": [
                    f"{d} · {names.get(a, a)} · {k}"
                    for d, a, k in zip(milestones[C.DATE], milestones[C.ACTOR_ID], milestones[C.KIND], strict=True)
                ],
                C.LAST_VERIFIED: milestones[C.LAST_VERIFIED].to_list(),
            }
        ),
    ]
    table = pd.concat(frames, ignore_index=True)
    checked = pd.to_datetime(table[C.LAST_VERIFIED], errors="coerce")
    table["stale"] = (checked < _months_ago(today, months)) | checked.isna()
    return (
        table.assign(_when=checked)
        .sort_values(["_when", "file", "record"], kind="stable", na_position="first")
        .drop(columns="_when")
        .reset_index(drop=True)
    )


def list_quiet_actors(dataset: Dataset, today: date, years: int = QUIET_YEARS) -> pd.DataFrame:
    """Actors still planned, or whose newest milestone is older than `years`: has anything happened since?"""
    taxonomy = dataset.taxonomy
    planned = set(taxonomy.ids_where(V.STATUSES, C.ROLE, C.ROLE_PLANNED))
    newest = dataset.milestones.groupby(C.ACTOR_ID)[C.DATE].max()
    limit = str(today.year - years)
    rows = []
    for actor, name, status in zip(dataset.actors[C.ID], dataset.actors[C.NAME], dataset.actors[C.STATUS], strict=True):
        last = str(newest.get(actor, ""))
        if status in planned:
            rows.append({"actor": actor, "name": name, "why": "planned", "last_milestone": last})
        elif last and last[:4] < limit:
            rows.append({"actor": actor, "name": name, "why": f"no milestone since {last[:4]}", "last_milestone": last})
    return pd.DataFrame(rows, columns=["actor", "name", "why", "last_milestone"])


def list_without_registry(dataset: Dataset) -> pd.DataFrame:
    """Actors with no registry identifier at all (SIREN, RNSR, ROR, FINESS…): one to look up."""
    columns = [registry.column for registry in dataset.schema.registries]
    actors = dataset.actors
    empty = pd.Series(True, index=actors.index)
    for column in columns:
        empty &= actors[column].astype("string").fillna("").str.strip() == ""
    return actors.loc[empty, [C.ID, C.NAME, C.TYPE]].reset_index(drop=True)


def count_sources(dataset: Dataset, top: int = TOP_SOURCES) -> pd.DataFrame:
    """The sources cited by the most records (actors, relations, milestones, places), most cited first."""
    counts: Counter[str] = Counter()
    for table in (dataset.actors, dataset.relations, dataset.milestones, dataset.places):
        for cell in table[C.SOURCE_URLS]:
            items = cell if isinstance(cell, tuple) else str(cell or "").split(";")
            counts.update({item for item in items if item})
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:top]
    return pd.DataFrame(ranked, columns=["source", "records"])


def summarise(dataset: Dataset, today: date) -> dict[str, int]:
    """The curation counts the report gives."""
    ages = list_records_by_age(dataset, today)
    return {
        "records": len(ages),
        "stale": int(ages["stale"].sum()),
        "quiet": len(list_quiet_actors(dataset, today)),
        "without_registry": len(list_without_registry(dataset)),
        "sources": len(count_sources(dataset, top=10**9)),
    }


def build_curation_report(dataset: Dataset, today: date, *, limit: int = 40) -> str:
    """`report --stale`: what to re-check next, as Markdown."""
    ages = list_records_by_age(dataset, today)
    stale = ages[ages["stale"]]
    quiet = list_quiet_actors(dataset, today)
    bare = list_without_registry(dataset)
    sources = count_sources(dataset)

    def table(frame: pd.DataFrame) -> str:
        if not len(frame):
            return "_none_"
        lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in frame.itertuples(index=False)]
        return "\n".join(lines)

    return "\n".join(
        [
            f"Curation report — {today.isoformat()}",
            "",
            f"**Records last verified more than {STALE_MONTHS} months ago**: {len(stale)} of {len(ages)}",
            "",
            f"**The oldest checks** (first {limit})",
            "",
            table(ages.head(limit)[["file", "record", C.LAST_VERIFIED]]),
            "",
            f"**Planned, or no milestone for {QUIET_YEARS} years**: {len(quiet)}",
            "",
            table(quiet),
            "",
            f"**Without a registry identifier**: {len(bare)}",
            "",
            table(bare),
            "",
            "**Sources cited most** (re-reading one re-checks every record that cites it)",
            "",
            table(sources),
        ]
    )
