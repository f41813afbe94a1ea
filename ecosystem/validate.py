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
from .load import ACTORS, MILESTONES, PLACES, RELATIONS, REQUIRED, read_resource
from .problems import (
    ACTORS_FILE,
    MILESTONES_FILE,
    PLACES_FILE,
    SAME_POINT_DEGREES,
    Problem,
    _line,
    _number,
    distance_km,
    list_records,
)
from .schema import Schema, load_schema
from .taxonomy import TRUE, Taxonomy, load_taxonomy
from .text import fold, split_multi

_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"')
_FOREIGN = re.compile(r'values "(.*)" not found in the lookup table "(\w+)" as "(\w+)"')
_TYPE = re.compile(r'type is "(\w+)/')


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
            if column == C.DATE:  # the descriptor reports malformed last_verified dates itself
                problems.append(
                    Problem(file, _line(index), column, value, "not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)")
                )
            continue
        if parsed > today:
            problems.append(Problem(file, _line(index), column, value, "date in the future"))
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
    tables = {name: read_resource(directory, schema, name) for name in {*names, ACTORS, PLACES, RELATIONS, MILESTONES}}
    actors, places, relations = tables[ACTORS], tables[PLACES], tables[RELATIONS]
    for name, table in tables.items():
        problems += check_vocabularies(table, Path(schema.paths[name]).name, name, schema, taxonomy)
    problems += check_locations(actors, places, taxonomy)
    problems += check_consistency(actors, relations, taxonomy)
    problems += check_events(tables[MILESTONES], relations, taxonomy)
    problems += check_dates(tables[MILESTONES], MILESTONES_FILE, C.DATE, today)
    for name, table in tables.items():
        problems += check_dates(table, Path(schema.paths[name]).name, C.LAST_VERIFIED, today)
    return sorted(set(problems))
