"""`python -m ecosystem report`: what the dataset holds and how complete it is, as Markdown."""

from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .curation import QUIET_YEARS, STALE_MONTHS, summarise
from .funding import count_rounds_by_year, select_rounds
from .load import ACTORS, DEALS, FACT_SOURCES, MILESTONES, SOURCES, load_dataset, read_resource
from .pipeline import count_by_phase
from .problems import DEALS_FILE, MILESTONES_FILE
from .sourcing import FACT_COLUMNS, find_copy_only_facts
from .urlstate import SCOPE

STALE_AFTER = timedelta(days=365)
# Columns whose fill rate the report leaves out: always filled, or derived from the site.
NOT_COUNTED = (C.ID, C.LAT, C.LON)


def _table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def count_filled(actors: pd.DataFrame, column: str) -> int:
    values = actors[column]
    if values.map(lambda value: isinstance(value, tuple)).any():
        return int(values.map(bool).sum())
    return int((values.astype("string").fillna("").str.strip() != "").sum())


def build_pipeline_sections(dataset) -> list[str]:
    """Active programmes by phase and rounds by year: the figures /pipeline and /funding show unfiltered."""
    taxonomy = dataset.taxonomy
    phases = count_by_phase(dataset.programmes, taxonomy)
    rows = [[taxonomy.label(V.STAGES, phase, "en"), count] for phase, count in phases.items()]
    parts = [
        f"**Active programmes by phase** ({len(dataset.programmes)} programmes in all)",
        "",
        _table(["phase", "programmes"], rows),
        "",
    ]
    years = count_rounds_by_year(select_rounds(dataset, dataset.actors.index))
    rows = [
        [str(year), rounds, disclosed, f"{amount:,.0f}"]
        for year, rounds, disclosed, amount in zip(
            years["year"], years["rounds"], years["disclosed"], years["amount_eur"], strict=True
        )
    ]
    parts += [
        "**Rounds by year** (amounts only where stated in euros)",
        "",
        _table(["year", "rounds", "with an amount in euros", "euros"], rows),
        "",
    ]
    return parts


# What the report calls each fact that may not rest on copies alone, by where `find_copy_only_facts` finds it.
COPY_ONLY_FACTS = (
    ("founding years", lambda f: f.fact == C.FOUNDED),
    ("statuses", lambda f: f.fact == C.STATUS),
    ("rounds, grants and acquisitions", lambda f: f.file == DEALS_FILE),
    ("amounts of other events", lambda f: f.file == MILESTONES_FILE and f.fact == C.AMOUNT_EUR),
)


def _declared_facts(schema) -> list[str]:
    """The facts fact_sources.csv may tie: its `field` column's enum in the descriptor."""
    field: dict = next((f for f in schema.fields(FACT_SOURCES) if f["name"] == C.FIELD), {})
    return field.get("constraints", {}).get("enum", [])


def build_source_sections(dataset) -> list[str]:
    """Sources by kind, how many are titled and dated, facts resting only on copies, and the copies kept."""
    sources, taxonomy = dataset.sources, dataset.taxonomy
    if not len(sources):
        return []
    counts = sources[C.KIND].value_counts()
    total = len(sources)
    rows = [
        [taxonomy.label(V.SOURCE_KINDS, kind, "en"), int(counts.get(kind, 0)), f"{counts.get(kind, 0) / total:.0%}"]
        for kind in taxonomy.ids(V.SOURCE_KINDS)
    ]
    titled, dated = int((sources[C.TITLE] != "").sum()), int((sources[C.PUBLISHED] != "").sum())
    parts = [
        f"**Sources by kind** ({total} sources: {titled} with a title, {dated} with a publication date)",
        "",
        _table(["kind", "sources", "share"], rows),
        "",
    ]
    directory, schema = Path(dataset.data_dir), dataset.schema
    tables = {
        name: read_resource(directory, schema, name) for name in (ACTORS, DEALS, MILESTONES, SOURCES, FACT_SOURCES)
    }
    findings = find_copy_only_facts(tables, taxonomy)
    rows = [[label, sum(1 for finding in findings if chosen(finding))] for label, chosen in COPY_ONLY_FACTS]
    parts += ["**Quoted facts whose only source is a copy**", "", _table(["facts", "count"], rows), ""]
    actors = tables[ACTORS]
    with_value = sum(
        int(any(row.get(column, "") for column in FACT_COLUMNS.get(field, (field,))))
        for row in actors.to_dict("records")
        for field in _declared_facts(dataset.schema)
    )
    parts += [
        f"**Facts tied to the sources that state them** (`fact_sources.csv`): {len(tables[FACT_SOURCES])} "
        f"of the {with_value} actor facts that have a value",
        "",
    ]
    copies = sources[sources[C.KIND].isin(taxonomy.ids_where(V.SOURCE_KINDS, C.ROLE, C.ROLE_MIRROR))]
    parts += [f"**Copies kept** ({len(copies)}: the original could not be found)", ""]
    if len(copies):
        rows = [
            [f"`{row[C.ID]}`", row[C.TITLE] or "–", row[C.PUBLISHER] or "–", row[C.NOTES].replace("|", "/")]
            for row in copies.to_dict("records")
        ]
        parts += [_table(["source", "original title", "original publisher", "why it is kept"], rows), ""]
    return parts


def build_report(data_dir: str | Path | None = None, *, today: date | None = None) -> str:
    dataset = load_dataset(data_dir)
    actors, taxonomy = dataset.actors, dataset.taxonomy
    today = today or date.today()
    total = len(actors)
    parts = [
        f"Dataset report — {total} actors, {len(dataset.places)} places, {len(dataset.relations)} relations, {len(dataset.milestones)} milestones (data as of {dataset.data_as_of}).",
        "",
    ]

    by_facet = [
        (
            f"**By {facet.name}**" + (" (an actor may have several)" if facet.multi else ""),
            facet.name,
            facet.vocabulary,
            facet.column,
            facet.multi,
        )
        for facet in dataset.schema.facets
    ]
    sections = [by_facet[0], ("**By scope**", SCOPE, V.SCOPES, C.SCOPE, False), *by_facet[1:]]
    for title, header, vocabulary, column, multi in sections:
        values = actors[column].explode() if multi else actors[column]
        counts = values.value_counts()
        rows = [[taxonomy.label(vocabulary, item, "en"), int(counts.get(item, 0))] for item in taxonomy.ids(vocabulary)]
        parts += [title, "", _table([header, "actors"], rows), ""]

    parts += build_pipeline_sections(dataset)
    parts += build_source_sections(dataset)

    filled = [
        [f"`{column}`", count_filled(actors, column), f"{count_filled(actors, column) / total:.0%}" if total else "–"]
        for column in dataset.schema.columns(ACTORS)
        if column not in NOT_COUNTED
    ]
    parts += ["**Completeness** (rows with the field filled)", "", _table(["field", "rows", "share"], filled), ""]

    verified = pd.to_datetime(actors[C.LAST_VERIFIED], errors="coerce")
    stale = actors[verified < pd.Timestamp(today - STALE_AFTER)]
    parts += [
        f"**Last verified more than 12 months ago**: {len(stale)}"
        + (" — " + ", ".join(f"`{i}`" for i in stale[C.ID]) if len(stale) else ""),
        "",
    ]
    curation = summarise(dataset, today)
    parts += [
        "**To re-check** (`python -m ecosystem report --stale` lists them)",
        "",
        _table(
            ["what", "count"],
            [
                [
                    f"records (actors, relations, milestones) last verified over {STALE_MONTHS} months ago",
                    f"{curation['stale']} of {curation['records']}",
                ],
                [f"actors planned, or with no milestone for {QUIET_YEARS} years", curation["quiet"]],
                ["actors without a registry identifier", curation["without_registry"]],
                ["distinct sources cited", curation["sources"]],
            ],
        ),
        "",
    ]

    home = dataset.home_scope
    if home is None:  # no territory of its own: nothing to say about where its actors are placed
        return "\n".join(parts)
    local = actors[actors[C.SCOPE] == home]
    counts = local[C.PRECISION].value_counts()
    rows = [
        [
            taxonomy.label(V.PRECISIONS, item, "en"),
            int(counts.get(item, 0)),
            f"{counts.get(item, 0) / len(local):.0%}" if len(local) else "–",
        ]
        for item in taxonomy.ids(V.PRECISIONS)
    ]
    parts += [
        f"**Where the {taxonomy.label(V.SCOPES, home, 'en')} actors are placed**",
        "",
        _table(["precision", "actors", "share"], rows),
        "",
    ]
    for item in taxonomy.ids(V.PRECISIONS):
        if taxonomy.row(V.PRECISIONS, item).get(C.PLACE_KINDS) in taxonomy.ids_where(
            V.PLACE_KINDS, C.ROLE, C.ROLE_CITY
        ):
            city_only = local[local[C.PRECISION] == item]
            share = f"{len(city_only) / len(local):.0%}" if len(local) else "–"
            parts.append(
                f"**{taxonomy.label(V.SCOPES, home, 'en')} actors placed only at their city's centre**: {len(city_only)} of {len(local)} ({share})"
                + (" — " + ", ".join(f"`{i}`" for i in city_only[C.ID]) if len(city_only) else "")
            )
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
