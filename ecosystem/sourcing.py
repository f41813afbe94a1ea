"""Sources as data: every cited id declared, every declared source cited, no quoted fact resting on copies alone.

Rows cite ids of `sources.csv`, where each page read is a titled, dated record of
its publisher. A journalist quotes "according to La Provence, 12 March 2024"
from that; an editor rejects a fact whose only source is a copy of someone
else's page (a mirror), so the check refuses one for the facts readers quote
most: founding years, statuses, rounds, acquisitions and amounts.
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .load import ACTORS, DEALS, FACT_SOURCES, MILESTONES, SOURCES
from .problems import (
    ACTORS_FILE,
    DEALS_FILE,
    FACT_SOURCES_FILE,
    MILESTONES_FILE,
    SOURCES_FILE,
    Problem,
    _line,
    list_records,
)
from .schema import Schema
from .taxonomy import Taxonomy
from .text import split_multi

# The fact `address` stands for these columns, and `status` for the status and its year.
FACT_COLUMNS = {C.FACT_ADDRESS: (C.ADDRESS, C.POSTCODE, C.CITY), C.STATUS: (C.STATUS, C.STATUS_YEAR)}
# The actor facts that may not rest on copies alone (deals and amounts are checked by their rows).
QUOTED_ACTOR_FACTS = (C.FOUNDED, C.STATUS)
# Deal roles whose rows may not rest on copies alone: rounds, grants and acquisitions.
QUOTED_DEAL_ROLES = (C.ROLE_FUNDING, C.ROLE_GRANT, C.ROLE_ACQUISITION)


@dataclass(frozen=True)
class Finding:
    """A quoted fact whose every source is a copy: where it is, what it says, and the copies."""

    file: str
    line: int
    record: str
    fact: str
    value: str
    sources: tuple[str, ...]


def _is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def check_citations(tables: dict[str, pd.DataFrame], schema: Schema) -> list[Problem]:
    """Every cited item is a declared source id, and every declared source is cited somewhere."""
    sources = tables.get(SOURCES)
    declared = {} if sources is None else {sid: _line(index) for index, sid in sources[C.ID].items()}
    cited: set[str] = set()
    problems = []
    for reference in schema.references:
        table = tables.get(reference.resource)
        if table is None or reference.column not in table:
            continue
        file = Path(schema.paths.get(reference.resource, reference.resource)).name
        for index, cell in table[reference.column].items():
            for item in split_multi(cell):
                cited.add(item)
                if _is_url(item):
                    message = f"a URL, not a source id: declare it in {SOURCES_FILE} and cite its id"
                    problems.append(Problem(file, _line(index), reference.column, item, message))
                elif item not in declared:
                    message = f"{item!r} not found in {SOURCES_FILE} (id)"
                    problems.append(Problem(file, _line(index), reference.column, item, message))
    problems += [
        Problem(SOURCES_FILE, line, C.ID, sid, "cited by no row: cite it or remove it")
        for sid, line in declared.items()
        if sid and sid not in cited
    ]
    return problems


def check_copies(sources: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """A copy kept says why its original is not cited instead."""
    copies = set(taxonomy.ids_where(V.SOURCE_KINDS, C.ROLE, C.ROLE_MIRROR))
    return [
        Problem(SOURCES_FILE, _line(index), C.NOTES, "", "a copy kept needs notes saying why its original is not cited")
        for index, row in enumerate(list_records(sources))
        if row[C.KIND] in copies and not row[C.NOTES]
    ]


def check_fact_sources(facts: pd.DataFrame, actors: pd.DataFrame) -> list[Problem]:
    """A fact's sources are among its actor's own, and the fact has a value to stand for."""
    by_id = {row[C.ID]: row for row in list_records(actors)}
    problems = []
    for index, row in enumerate(list_records(facts)):
        actor = by_id.get(row[C.ACTOR_ID])
        if actor is None:
            continue  # the descriptor's foreign key reports it
        field = row[C.FIELD]
        known = field in actor or field in FACT_COLUMNS  # an unknown field: the descriptor's enum reports it
        if known and not any(actor.get(column, "") for column in FACT_COLUMNS.get(field, (field,))):
            message = f"{row[C.ACTOR_ID]} has no value for {field}"
            problems.append(Problem(FACT_SOURCES_FILE, _line(index), C.FIELD, field, message))
        own = set(split_multi(actor.get(C.SOURCES, "")))
        problems += [
            Problem(
                FACT_SOURCES_FILE,
                _line(index),
                C.SOURCES,
                item,
                f"not among the sources of {row[C.ACTOR_ID]} in {ACTORS_FILE}",
            )
            for item in split_multi(row[C.SOURCES])
            if item not in own and not _is_url(item)
        ]
    return problems


def _copies_only(cell: str, kinds: dict[str, str], copies: set[str]) -> bool:
    items = split_multi(cell)
    return bool(items) and all(kinds.get(item) in copies for item in items)


def find_copy_only_facts(tables: dict[str, pd.DataFrame], taxonomy: Taxonomy) -> list[Finding]:
    """Founding years, statuses, rounds, acquisitions and amounts whose every source is a copy."""
    sources = tables[SOURCES]
    kinds = dict(zip(sources[C.ID], sources[C.KIND], strict=True))
    copies = set(taxonomy.ids_where(V.SOURCE_KINDS, C.ROLE, C.ROLE_MIRROR))
    facts = tables.get(FACT_SOURCES)
    tied = (
        {}
        if facts is None
        else {(a, f): s for a, f, s in zip(facts[C.ACTOR_ID], facts[C.FIELD], facts[C.SOURCES], strict=True)}
    )
    findings = []
    for index, row in enumerate(list_records(tables[ACTORS])):
        for fact in QUOTED_ACTOR_FACTS:
            cell = tied.get((row[C.ID], fact)) or row[C.SOURCES]
            if row[fact] and _copies_only(cell, kinds, copies):
                findings.append(Finding(ACTORS_FILE, _line(index), row[C.ID], fact, row[fact], split_multi(cell)))
    deals = tables.get(DEALS)
    if deals is not None:
        for index, row in enumerate(list_records(deals)):
            role = taxonomy.row(V.DEAL_KINDS, row[C.KIND]).get(C.ROLE, "")
            if (role in QUOTED_DEAL_ROLES or row[C.AMOUNT]) and _copies_only(row[C.SOURCES], kinds, copies):
                value = f"{row[C.DATE]} {row[C.AMOUNT]} {row[C.CURRENCY]}".strip()
                findings.append(
                    Finding(DEALS_FILE, _line(index), row[C.ACTOR_ID], row[C.KIND], value, split_multi(row[C.SOURCES]))
                )
    milestones = tables.get(MILESTONES)
    if milestones is not None:
        founding = set(taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, C.ROLE_FOUNDING))
        for index, row in enumerate(list_records(milestones)):
            if not _copies_only(row[C.SOURCES], kinds, copies):
                continue
            if row[C.KIND] in founding:  # a founding event states a founding year
                findings.append(
                    Finding(
                        MILESTONES_FILE,
                        _line(index),
                        row[C.ACTOR_ID],
                        C.FOUNDED,
                        row[C.DATE],
                        split_multi(row[C.SOURCES]),
                    )
                )
            elif row[C.AMOUNT_EUR]:
                findings.append(
                    Finding(
                        MILESTONES_FILE,
                        _line(index),
                        row[C.ACTOR_ID],
                        C.AMOUNT_EUR,
                        row[C.AMOUNT_EUR],
                        split_multi(row[C.SOURCES]),
                    )
                )
    return findings


def check_copy_only_facts(tables: dict[str, pd.DataFrame], taxonomy: Taxonomy) -> list[Problem]:
    return [
        Problem(
            finding.file,
            finding.line,
            C.SOURCES,
            ";".join(finding.sources),
            f"{finding.record}: {finding.fact} {finding.value} rests only on copies of other publishers' pages; "
            "cite the original",
        )
        for finding in find_copy_only_facts(tables, taxonomy)
    ]


def check_sources(tables: dict[str, pd.DataFrame], schema: Schema, taxonomy: Taxonomy) -> list[Problem]:
    """The sources table's rules: citations resolve, copies are explained, fact ties hold, quoted facts stand."""
    if SOURCES not in tables:
        return []
    problems = check_citations(tables, schema)
    problems += check_copies(tables[SOURCES], taxonomy)
    if FACT_SOURCES in tables:
        problems += check_fact_sources(tables[FACT_SOURCES], tables[ACTORS])
    problems += check_copy_only_facts(tables, taxonomy)
    return problems
