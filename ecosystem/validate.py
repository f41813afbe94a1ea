"""The curator's check: the Frictionless descriptor plus what Table Schema cannot say.

Every problem names the file, the line, the column and the value, so that a
curator can go straight to the cell.
"""

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .config import DESCRIPTOR, resolve_data_dir
from .consistency import check_consistency, check_events
from .load import (
    ACTORS,
    DEAL_MILESTONES,
    DEALS,
    MILESTONES,
    PLACES,
    PROGRAMMES,
    RELATIONS,
    REQUIRED,
    SOURCES,
    read_resource,
)
from .problems import (
    ACTORS_FILE,
    DEALS_FILE,
    MILESTONES_FILE,
    PLACES_FILE,
    PROGRAMMES_FILE,
    RELATIONS_FILE,
    SAME_POINT_DEGREES,
    Problem,
    _line,
    _number,
    distance_km,
    list_records,
)
from .schema import Schema, load_schema
from .sourcing import check_sources
from .taxonomy import TRUE, Taxonomy, load_taxonomy
from .text import fold, split_multi

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')
_FOREIGN = re.compile(r'values "(.*)" not found in the lookup table "(\w+)" as "(\w+)"')
_TYPE = re.compile(r'type is "(\w+)/')
_DATE_SHAPE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
# Trial registry ids: ClinicalTrials.gov, EU CT (CTIS) and EudraCT.
TRIAL_ID = re.compile(r"NCT[0-9]{8}|[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{6}-[0-9]{2}")


def describe_error(error) -> str:
    """A curator-friendly sentence for a Frictionless error."""
    note = error.note or ""
    if error.type == "type-error" and (match := _TYPE.search(note)):
        return f"not a valid {match[1]}"
    if error.type == "constraint-error" and (match := _CONSTRAINT.search(note)):
        name, value = match[1], match[2]
        return {
            "required": "required cell is empty",
            "pattern": f"does not match the pattern {value}",
            "minimum": f"below the minimum {value}",
            "maximum": f"above the maximum {value}",
            "enum": f"not one of {value}",
        }.get(name, note)
    if error.type in ("unique-error", "primary-key") and (match := re.search(r"position (\d+)", note)):
        return f"duplicate: already used on line {match[1]}"
    if error.type == "foreign-key" and (match := _FOREIGN.search(note)):
        return f"{match[1]!r} not found in {match[2]} ({match[3]})"
    return note or error.title


def check_headers(data_dir: Path, schema: Schema) -> list[Problem]:
    """One line per column missing from (or unknown to) a data file: not one per row that lacks it."""
    problems = []
    for name, path in schema.paths.items():
        file = data_dir / path
        if not path or not file.is_file():
            continue
        with file.open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        declared = schema.columns(name)
        problems += [
            Problem(Path(path).name, 0, column, "", f"column {column} is missing")
            for column in declared
            if column not in header
        ]
        problems += [
            Problem(Path(path).name, 0, column, "", f"column {column} is not in the descriptor")
            for column in header
            if column not in declared
        ]
    return problems


def check_descriptor(data_dir: Path) -> list[Problem]:
    """Types, required cells, uniqueness, patterns and foreign keys, per the descriptor."""
    import frictionless  # imported here: the app reads a kept result and need not load it (8 MB)

    report = frictionless.validate(str(data_dir / DESCRIPTOR))
    problems = [Problem(DESCRIPTOR, 0, "", "", error.message) for error in report.errors]
    for task in report.tasks:
        for error in task.errors:
            column = getattr(error, "field_name", "") or ""
            if not column and getattr(error, "field_names", None):
                column = ",".join(error.field_names)
            value = getattr(error, "cell", "") or ""
            if not value and getattr(error, "field_cells", None):
                value = ",".join(str(cell) for cell in error.field_cells)
            problems.append(
                Problem(
                    Path(task.place).name if task.place else task.name,
                    getattr(error, "row_number", 0) or 0,
                    column,
                    str(value),
                    describe_error(error),
                )
            )
    return problems


def check_vocabularies(
    table: pd.DataFrame, file: str, resource: str, schema: Schema, taxonomy: Taxonomy
) -> list[Problem]:
    """Each item of a multi-valued cell belongs to its vocabulary (Table Schema checks single values)."""
    problems = []
    for column in schema.vocabulary_columns:
        if column.resource != resource or not column.multi:
            continue
        known = set(taxonomy.ids(column.vocabulary))
        where = schema.paths.get(column.vocabulary, column.vocabulary)
        for index, cell in table[column.column].items():
            items = split_multi(cell)
            problems += [
                Problem(file, _line(index), column.column, item, f"not in {where}")
                for item in items
                if item not in known
            ]
            if len(set(items)) != len(items):
                problems.append(Problem(file, _line(index), column.column, cell, "an item is repeated"))
    return problems


def actor_position(row: dict, place: dict | None) -> tuple[float, float] | None:
    lat, lon = _number(row[C.LAT]), _number(row[C.LON])
    if lat is not None and lon is not None:
        return lat, lon
    if place is not None:
        lat, lon = _number(place[C.LAT]), _number(place[C.LON])
        if lat is not None and lon is not None:
            return lat, lon
    return None


def check_precision(row: dict, line: int, place: dict | None, taxonomy: Taxonomy) -> list[Problem]:
    """The precision says what the point stands for; the site and coordinates must agree with it."""
    problems = []
    precision, site = row[C.PRECISION], row[C.SITE]
    kinds = split_multi(taxonomy.row(V.PRECISIONS, precision).get(C.PLACE_KINDS, ""))
    has_coords = bool(row[C.LAT] or row[C.LON])
    if precision in taxonomy.ids(V.PRECISIONS) and not kinds:
        if _number(row[C.LAT]) is None or _number(row[C.LON]) is None:
            problems.append(Problem(ACTORS_FILE, line, C.LAT, row[C.LAT], f"{precision} precision needs lat and lon"))
        return problems
    if not kinds:
        return problems  # an unknown precision: the descriptor's foreign key reports it
    if not site:
        return [Problem(ACTORS_FILE, line, C.SITE, "", f"{precision} precision needs a site")]
    if place is None:
        return problems  # an unknown site: the descriptor's foreign key reports it
    if place[C.PLACE_KIND] not in kinds:
        fitting = [
            p
            for p in taxonomy.ids(V.PRECISIONS)
            if place[C.PLACE_KIND] in split_multi(taxonomy.row(V.PRECISIONS, p).get(C.PLACE_KINDS, ""))
        ]
        hint = f"; {site} is a {place[C.PLACE_KIND]}: use {fitting[0]} precision" if fitting else ""
        problems.append(
            Problem(
                ACTORS_FILE,
                line,
                C.SITE,
                site,
                f"{precision} precision needs a place of kind {' or '.join(kinds)}{hint}",
            )
        )
    if has_coords:
        lat, lon = _number(row[C.LAT]), _number(row[C.LON])
        plat, plon = _number(place[C.LAT]), _number(place[C.LON])
        if (
            lat is None
            or lon is None
            or plat is None
            or plon is None
            or abs(lat - plat) > SAME_POINT_DEGREES
            or abs(lon - plon) > SAME_POINT_DEGREES
        ):
            problems.append(
                Problem(
                    ACTORS_FILE,
                    line,
                    C.LAT,
                    f"{row[C.LAT]},{row[C.LON]}",
                    f"coordinates disagree with place {site}; leave them empty, places.csv owns them",
                )
            )
    place_postcode = place.get(C.POSTCODE, "")
    if place_postcode and taxonomy.row(V.PRECISIONS, precision).get(C.APPROXIMATE) == TRUE:
        if not row[C.POSTCODE]:
            problems.append(
                Problem(ACTORS_FILE, line, C.POSTCODE, "", f"{precision} precision needs the actor's postcode")
            )
        elif row[C.POSTCODE] != place_postcode:
            problems.append(
                Problem(
                    ACTORS_FILE,
                    line,
                    C.POSTCODE,
                    row[C.POSTCODE],
                    f"{site} is the point of postcode {place_postcode}, not of the actor's postcode",
                )
            )
    return problems


def check_locations(actors: pd.DataFrame, places: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """Precision matches what is filled, sites agree, and every actor and place lies in its city."""
    problems = []
    city_kinds = set(taxonomy.ids_where(V.PLACE_KINDS, C.ROLE, C.ROLE_CITY))
    place_rows = list_records(places)
    place_by_id = {row[C.ID]: row for row in place_rows}
    cities = {fold(row[C.CITY]): row for row in place_rows if row[C.PLACE_KIND] in city_kinds}
    for index, row in enumerate(list_records(actors)):
        line = _line(index)
        place = place_by_id.get(row[C.SITE])
        problems += check_precision(row, line, place, taxonomy)
        position = actor_position(row, place)
        if position is None:
            problems.append(
                Problem(ACTORS_FILE, line, C.LAT, "", "no coordinates (neither lat/lon nor a site with coordinates)")
            )
            continue
        city = cities.get(fold(row[C.CITY]))
        if city is None:
            problems.append(
                Problem(ACTORS_FILE, line, C.CITY, row[C.CITY], "no place of kind city with this name in places.csv")
            )
            continue
        problems += _check_in_city(ACTORS_FILE, line, row[C.CITY], position, city)
    for index, row in enumerate(place_rows):
        if row[C.PLACE_KIND] in city_kinds:
            if _number(row[C.RADIUS_KM]) is None:
                problems.append(
                    Problem(PLACES_FILE, _line(index), C.RADIUS_KM, row[C.RADIUS_KM], "a city needs radius_km")
                )
            continue
        city = cities.get(fold(row[C.CITY]))
        lat, lon = _number(row[C.LAT]), _number(row[C.LON])
        if city is None:
            problems.append(
                Problem(PLACES_FILE, _line(index), C.CITY, row[C.CITY], "no place of kind city with this name")
            )
        elif lat is not None and lon is not None:
            problems += _check_in_city(PLACES_FILE, _line(index), row[C.CITY], (lat, lon), city)
    return problems


def _check_in_city(file: str, line: int, name: str, position: tuple[float, float], city: dict) -> list[Problem]:
    clat, clon, radius = _number(city[C.LAT]), _number(city[C.LON]), _number(city[C.RADIUS_KM])
    if clat is None or clon is None or radius is None:
        return []
    away = distance_km(position[0], position[1], clat, clon)
    if away > radius:
        return [
            Problem(
                file,
                line,
                C.LAT,
                f"{position[0]},{position[1]}",
                f"{away:.1f} km from the centre of {name}, outside its {radius:g} km radius",
            )
        ]
    return []


def parse_partial_date(value: str) -> date:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD date can mean."""
    parts = value.split("-")
    if len(parts) > 3 or len(parts[0]) != 4 or any(not part.isdigit() for part in parts):
        raise ValueError(value)
    return date(*(int(part) for part in parts), *([1] * (3 - len(parts))))


def check_dates(table: pd.DataFrame, file: str, column: str, today: date) -> list[Problem]:
    problems = []
    for index, value in table[column].items():
        if not value:
            continue
        try:
            parsed = parse_partial_date(value)
        except ValueError:
            # The descriptor reports malformed last_verified and read dates, and a published date of the wrong shape.
            if column == C.DATE or (column == C.PUBLISHED and _DATE_SHAPE.fullmatch(value)):
                problems.append(
                    Problem(file, _line(index), column, value, "not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)")
                )
            continue
        if parsed > today:
            problems.append(Problem(file, _line(index), column, value, "date in the future"))
    return problems


def check_trial_ids(programmes: pd.DataFrame) -> list[Problem]:
    """Each trial id is one a registry gives: NCT + 8 digits, EU CT YYYY-NNNNNN-NN-NN or EudraCT YYYY-NNNNNN-NN."""
    return [
        Problem(
            PROGRAMMES_FILE,
            _line(index),
            C.TRIAL_IDS,
            item,
            "not a trial id (NCT + 8 digits, EU CT YYYY-NNNNNN-NN-NN or EudraCT YYYY-NNNNNN-NN)",
        )
        for index, cell in programmes[C.TRIAL_IDS].items()
        for item in split_multi(cell)
        if not TRIAL_ID.fullmatch(item)
    ]


def check_amounts(deals: pd.DataFrame) -> list[Problem]:
    """An amount comes with its currency and a currency with an amount; a euro figure is the source's own."""
    problems = []
    for index, row in enumerate(list_records(deals)):
        line, amount, currency, euros = _line(index), row[C.AMOUNT], row[C.CURRENCY], row[C.AMOUNT_EUR]
        if amount and not currency:
            problems.append(Problem(DEALS_FILE, line, C.CURRENCY, "", "an amount needs its currency"))
        if currency and not amount:
            problems.append(Problem(DEALS_FILE, line, C.CURRENCY, currency, "a currency without an amount"))
        if euros and not amount:
            problems.append(Problem(DEALS_FILE, line, C.AMOUNT_EUR, euros, "amount_eur without the stated amount"))
        elif euros and currency == C.EURO and _number(euros) != _number(amount):
            problems.append(
                Problem(DEALS_FILE, line, C.AMOUNT_EUR, euros, f"differs from the amount in EUR ({amount})")
            )
        elif euros and currency != C.EURO and not row[C.NOTES]:
            problems.append(
                Problem(
                    DEALS_FILE, line, C.AMOUNT_EUR, euros, f"a {currency} amount: say in notes which source gives euros"
                )
            )
    return problems


def check_deal_actors(deals: pd.DataFrame, actors: pd.DataFrame) -> list[Problem]:
    """Every investor named in a deal is an actor (single ids have the descriptor's foreign keys)."""
    known = set(actors[C.ID])
    return [
        Problem(DEALS_FILE, _line(index), column, item, f"{item!r} not found in actors (id)")
        for column in (C.LEAD_IDS, C.INVESTOR_IDS)
        for index, cell in deals[column].items()
        for item in split_multi(cell)
        if item not in known
    ]


def _deal_roles(deals: pd.DataFrame, taxonomy: Taxonomy) -> pd.Series:
    return deals[C.KIND].map(lambda kind: taxonomy.row(V.DEAL_KINDS, kind).get(C.ROLE, ""))


def check_rounds_against_relations(deals: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """Each investor of a round has its funded_by relation, dated as a round it was in; a funded_by relation
    dated as a round of the company is among that round's investors."""
    problems = []
    funding_kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_FUNDER)
    funded = relations[relations[C.KIND].isin(funding_kinds)]
    dated = {
        (s, t): str(y).split(".")[0]
        for s, t, y in zip(funded[C.SOURCE_ID], funded[C.TARGET_ID], funded[C.YEAR], strict=True)
    }
    roles = _deal_roles(deals, taxonomy)
    rounds = deals[roles.isin([C.ROLE_FUNDING, C.ROLE_GRANT])]
    years_in: dict[tuple[str, str], set[str]] = {}
    round_years: dict[tuple[str, str], set[str]] = {}
    for row in list_records(rounds):
        year = row[C.DATE][:4]
        for column in (C.LEAD_IDS, C.INVESTOR_IDS):
            for investor in split_multi(row[column]):
                years_in.setdefault((row[C.ACTOR_ID], investor), set()).add(year)
                round_years.setdefault((row[C.ACTOR_ID], year), set()).add(investor)
        round_years.setdefault((row[C.ACTOR_ID], year), set())
    for index, row in zip(rounds.index, list_records(rounds), strict=True):
        for column in (C.LEAD_IDS, C.INVESTOR_IDS):
            for investor in split_multi(row[column]):
                pair = (row[C.ACTOR_ID], investor)
                if pair not in dated:
                    message = f"no funded_by relation from {pair[0]} to {investor} in relations.csv"
                    problems.append(Problem(DEALS_FILE, _line(index), column, investor, message))
                elif dated[pair] and dated[pair] not in years_in[pair]:
                    message = (
                        f"relations.csv dates {pair[0]} funded_by {investor} {dated[pair]}, a year without its round"
                    )
                    problems.append(Problem(DEALS_FILE, _line(index), column, investor, message))
    for index, row in zip(funded.index, list_records(funded), strict=True):
        year = str(row[C.YEAR]).split(".")[0]
        investors = round_years.get((row[C.SOURCE_ID], year))
        if (
            investors is not None
            and row[C.TARGET_ID] not in investors
            and year not in years_in.get((row[C.SOURCE_ID], row[C.TARGET_ID]), set())
        ):
            message = f"deals.csv has a {year} round of {row[C.SOURCE_ID]} without this investor"
            problems.append(Problem(RELATIONS_FILE, _line(index), C.TARGET_ID, row[C.TARGET_ID], message))
    return problems


def check_acquisitions_against_relations(
    deals: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy
) -> list[Problem]:
    """An acquisition's acquirer has its acquired_by relation, dated as an acquisition of the company."""
    problems = []
    acquirer_kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_ACQUIRER)
    acquired = relations[relations[C.KIND].isin(acquirer_kinds)]
    links = set(zip(acquired[C.SOURCE_ID], acquired[C.TARGET_ID], strict=True))
    deals = deals[_deal_roles(deals, taxonomy) == C.ROLE_ACQUISITION]
    years: dict[str, set[str]] = {}
    for index, row in zip(deals.index, list_records(deals), strict=True):
        years.setdefault(row[C.ACTOR_ID], set()).add(row[C.DATE][:4])
        acquirer = row[C.COUNTERPARTY_ID]
        if acquirer and (row[C.ACTOR_ID], acquirer) not in links:
            message = f"no acquired_by relation from {row[C.ACTOR_ID]} to {acquirer} in relations.csv"
            problems.append(Problem(DEALS_FILE, _line(index), C.COUNTERPARTY_ID, acquirer, message))
    for index, row in zip(acquired.index, list_records(acquired), strict=True):
        year, known = str(row[C.YEAR]).split(".")[0], years.get(row[C.SOURCE_ID])
        if year and known and year not in known:
            message = f"deals.csv dates this acquisition {', '.join(sorted(known))}"
            problems.append(Problem(RELATIONS_FILE, _line(index), C.YEAR, year, message))
    return problems


def check_deals_owned(milestones: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """Rounds and acquisitions have one owner, deals.csv: the timeline derives them from there."""
    owned = {
        kind for role in set(DEAL_MILESTONES.values()) for kind in taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, role)
    }
    return [
        Problem(MILESTONES_FILE, _line(index), C.KIND, kind, "a round or an acquisition belongs in deals.csv")
        for index, kind in milestones[C.KIND].items()
        if kind in owned
    ]


def check_pipeline(tables: dict[str, pd.DataFrame], taxonomy: Taxonomy, today: date) -> list[Problem]:
    """The programmes' and deals' rules, with the relations they must agree with."""
    deals, relations = tables[DEALS], tables[RELATIONS]
    problems = check_trial_ids(tables[PROGRAMMES])
    problems += check_deals_owned(tables[MILESTONES], taxonomy)
    problems += check_amounts(deals)
    problems += check_deal_actors(deals, tables[ACTORS])
    problems += check_rounds_against_relations(deals, relations, taxonomy)
    problems += check_acquisitions_against_relations(deals, relations, taxonomy)
    problems += check_dates(deals, DEALS_FILE, C.DATE, today)
    return problems


def validate(data_dir: str | Path | None = None, *, today: date | None = None) -> list[Problem]:
    """Every problem in the dataset; an empty list means it is valid."""
    directory = resolve_data_dir(data_dir)
    today = today or date.today()
    if not (directory / DESCRIPTOR).exists():
        return [Problem(DESCRIPTOR, 0, "", "", f"no descriptor in {directory}")]
    schema = load_schema(directory)
    problems = check_headers(directory, schema)
    if problems:  # every row would repeat it: say it once, and what else is wrong once it is fixed
        return sorted(set(problems))
    problems = check_descriptor(directory)
    if any(not (directory / schema.paths.get(name, "")).is_file() for name in REQUIRED):
        return problems
    taxonomy = load_taxonomy(directory, {name: schema.paths[name] for name in schema.vocabularies})
    # Every data file (not the vocabularies themselves): its multi-valued cells and dates are checked too.
    names = [name for name in schema.resources if name not in schema.vocabularies]
    tables = {
        name: read_resource(directory, schema, name)
        for name in {*names, ACTORS, PLACES, RELATIONS, MILESTONES, PROGRAMMES, DEALS}
    }
    actors, places, relations = tables[ACTORS], tables[PLACES], tables[RELATIONS]
    for name, table in tables.items():
        problems += check_vocabularies(table, Path(schema.paths[name]).name, name, schema, taxonomy)
    problems += check_locations(actors, places, taxonomy)
    problems += check_consistency(actors, relations, taxonomy)
    problems += check_events(tables[MILESTONES], relations, taxonomy)
    problems += check_dates(tables[MILESTONES], MILESTONES_FILE, C.DATE, today)
    problems += check_pipeline(tables, taxonomy, today)
    # The vocabularies that cite sources (the communes of a scope) are checked with the data files.
    citing = {name: read_resource(directory, schema, name) for name in {r.resource for r in schema.references}}
    problems += check_sources({**citing, **tables}, schema, taxonomy)
    for name, table in tables.items():
        column = C.READ if name == SOURCES else C.LAST_VERIFIED
        if column in table:  # fact_sources.csv has no date of its own: its sources do
            problems += check_dates(table, Path(schema.paths[name]).name, column, today)
    if SOURCES in tables:
        problems += check_dates(tables[SOURCES], Path(schema.paths[SOURCES]).name, C.PUBLISHED, today)
    return sorted(set(problems))
