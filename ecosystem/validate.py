"""The curator's check: the Frictionless descriptor plus what Table Schema cannot say.

Every problem names the file, the line, the column and the value, so that a
curator can go straight to the cell.
"""

import csv
import math
import re
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .config import DESCRIPTOR, resolve_data_dir
from .load import ACTORS, MILESTONES, PLACES, RELATIONS, REQUIRED, read_resource
from .schema import Schema, load_schema
from .taxonomy import TRUE, Taxonomy, load_taxonomy
from .text import fold, split_multi

EARTH_RADIUS_KM = 6371.0
# Coordinates copied from a place must agree with it to about a metre.
SAME_POINT_DEGREES = 1e-5
HEADER_LINES = 1
ACTORS_FILE, PLACES_FILE, RELATIONS_FILE, MILESTONES_FILE = (
    "actors.csv",
    "places.csv",
    "relations.csv",
    "milestones.csv",
)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        column = f" [{self.column}]" if self.column else ""
        value = f" {self.value!r}" if self.value else ""
        return f"{where}{column}{value}: {self.message}"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _line(index: Hashable) -> int:
    """The file line of a row: the tables keep read_csv's index, the row's position from 0."""
    return cast(int, index) + HEADER_LINES + 1


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


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


def list_records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts, built from whole columns: `to_dict("records")` is several times slower on text columns."""
    columns = list(frame.columns)
    values = zip(*(frame[column].tolist() for column in columns), strict=True)
    return [dict(zip(columns, row, strict=True)) for row in values]


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


def check_consistency(actors: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """Rules that tie columns and files together, by the roles the taxonomy gives its items."""
    problems = []
    acquirer_kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_ACQUIRER)
    acquired = set(relations[relations[C.KIND].isin(acquirer_kinds)][C.SOURCE_ID])
    acquired_statuses = set(taxonomy.ids_where(V.STATUSES, C.ROLE, C.ROLE_ACQUIRED))
    final_statuses = acquired_statuses | set(taxonomy.ids_where(V.STATUSES, C.ROLE, C.ROLE_ENDED))
    for index, row in enumerate(list_records(actors)):
        line, status = _line(index), row[C.STATUS]
        required = taxonomy.row(V.TYPES, row[C.TYPE]).get(C.REQUIRES, "")
        if required and not row.get(required):
            problems.append(Problem(ACTORS_FILE, line, required, "", f"a {row[C.TYPE]} requires {required}"))
        if status in acquired_statuses and row[C.ID] not in acquired:
            problems.append(Problem(ACTORS_FILE, line, C.STATUS, status, "no acquired_by relation in relations.csv"))
        if row[C.ID] in acquired and status not in final_statuses:
            problems.append(Problem(ACTORS_FILE, line, C.STATUS, status, "relations.csv says it was acquired"))
        if status in final_statuses and not row[C.STATUS_YEAR]:
            problems.append(Problem(ACTORS_FILE, line, C.STATUS_YEAR, "", f"status {status} needs its year"))
    problems += _duplicates(actors, C.NAME, fold)
    problems += _duplicates(actors, C.WEBSITE, _site_key)
    self_links = relations[(relations[C.SOURCE_ID] != "") & (relations[C.SOURCE_ID] == relations[C.TARGET_ID])]
    problems += [
        Problem(RELATIONS_FILE, _line(index), C.TARGET_ID, target, "an actor related to itself")
        for index, target in self_links[C.TARGET_ID].items()
    ]
    return problems


def _site_key(url: str) -> str:
    key = url.strip().lower().split("://", 1)[-1].removeprefix("www.")
    return key.rstrip("/")


def _duplicates(actors: pd.DataFrame, column: str, key) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, value in actors[column].items():
        if not value:
            continue
        normal = key(value)
        if normal in seen:
            problems.append(Problem(ACTORS_FILE, _line(index), column, value, f"same as line {seen[normal]}"))
        else:
            seen[normal] = _line(index)
    return problems


def check_events(milestones: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """An event recorded twice for one actor; a relation and a milestone that date one event differently."""
    problems = []
    acquisitions = set(taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, C.ROLE_ACQUISITION))
    seen: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for index, row in enumerate(list_records(milestones)):
        line = _line(index)
        for other_line, other in seen.get((row[C.ACTOR_ID], row[C.KIND]), []):
            same_amount = row[C.AMOUNT_EUR] not in ("", None) and row[C.AMOUNT_EUR] == other[C.AMOUNT_EUR]
            same_title = fold(row[C.TITLE_EN]) == fold(other[C.TITLE_EN])
            once_a_year = row[C.KIND] in acquisitions  # an announcement and its closing are one acquisition
            if str(row[C.DATE])[:4] == str(other[C.DATE])[:4] and (same_amount or same_title or once_a_year):
                problems.append(
                    Problem(MILESTONES_FILE, line, C.DATE, row[C.DATE], f"the same event as line {other_line}")
                )
        seen.setdefault((row[C.ACTOR_ID], row[C.KIND]), []).append((line, row))
    years: dict[str, set[str]] = {}
    for actor, kind, when in zip(milestones[C.ACTOR_ID], milestones[C.KIND], milestones[C.DATE], strict=True):
        if kind in acquisitions:
            years.setdefault(actor, set()).add(str(when)[:4])
    acquirer_kinds = set(taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_ACQUIRER))
    for index, row in enumerate(list_records(relations)):
        year = str(row[C.YEAR] or "").split(".")[0]
        known = years.get(row[C.SOURCE_ID])
        if row[C.KIND] in acquirer_kinds and year and known and year not in known:
            dated = ", ".join(sorted(known))
            problems.append(
                Problem(RELATIONS_FILE, _line(index), C.YEAR, year, f"milestones.csv dates this acquisition {dated}")
            )
    return problems


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
