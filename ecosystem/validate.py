"""The curator's check: the Frictionless descriptor plus what Table Schema cannot say.

Every problem names the file, the line, the column and the value, so that a
curator can go straight to the cell.
"""

import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import frictionless
import pandas as pd

from . import columns as C
from .config import DESCRIPTOR, resolve_data_dir
from .load import read_table
from .taxonomy import Taxonomy, load_taxonomy
from .text import fold, split_multi

EARTH_RADIUS_KM = 6371.0
# Coordinates copied from a place must agree with it to about a metre.
SAME_POINT_DEGREES = 1e-5
HEADER_LINES = 1


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


def _line(index: int) -> int:
    return index + HEADER_LINES + 1


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


def check_descriptor(data_dir: Path) -> list[Problem]:
    """Types, required cells, uniqueness, patterns and foreign keys, per the descriptor."""
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


def check_vocabularies(actors: pd.DataFrame, taxonomy: Taxonomy) -> list[Problem]:
    """Each item of a multi-valued cell belongs to its vocabulary."""
    problems = []
    for column, vocabulary in ((C.AREAS, "areas"), (C.MODALITIES, "modalities")):
        known = set(taxonomy.ids(vocabulary))
        for index, cell in actors[column].items():
            items = split_multi(cell)
            for item in items:
                if item not in known:
                    problems.append(
                        Problem("actors.csv", _line(index), column, item, f"not in taxonomy/{vocabulary}.csv")
                    )
            if len(set(items)) != len(items):
                problems.append(Problem("actors.csv", _line(index), column, cell, "an item is repeated"))
    return problems


def actor_position(row: pd.Series, places: pd.DataFrame) -> tuple[float, float] | None:
    lat, lon = _number(row[C.LAT]), _number(row[C.LON])
    if lat is not None and lon is not None:
        return lat, lon
    place = places[places[C.ID] == row[C.SITE]]
    if len(place):
        lat, lon = _number(place.iloc[0][C.LAT]), _number(place.iloc[0][C.LON])
        if lat is not None and lon is not None:
            return lat, lon
    return None


def check_locations(actors: pd.DataFrame, places: pd.DataFrame) -> list[Problem]:
    """Precision matches what is filled, sites agree, and every actor lies in its city."""
    problems = []
    place_by_id = {row[C.ID]: row for _, row in places.iterrows()}
    cities = {fold(row[C.CITY]): row for _, row in places.iterrows() if row[C.PLACE_KIND] == "city"}
    for index, row in actors.iterrows():
        line = _line(index)
        precision, site = row[C.PRECISION], row[C.SITE]
        has_coords = bool(row[C.LAT] or row[C.LON])
        place = place_by_id.get(site)
        if precision == "address" and not (_number(row[C.LAT]) is not None and _number(row[C.LON]) is not None):
            problems.append(Problem("actors.csv", line, C.LAT, row[C.LAT], "address precision needs lat and lon"))
        if precision in ("site", "city") and not site:
            problems.append(Problem("actors.csv", line, C.SITE, "", f"{precision} precision needs a site"))
        if precision == "city" and place is not None and place[C.PLACE_KIND] != "city":
            problems.append(Problem("actors.csv", line, C.SITE, site, "city precision needs a place of kind city"))
        if precision == "site" and place is not None and place[C.PLACE_KIND] == "city":
            problems.append(
                Problem("actors.csv", line, C.PRECISION, precision, f"{site} is a city: use city precision")
            )
        if precision in ("site", "city") and place is not None and has_coords:
            lat, lon = _number(row[C.LAT]), _number(row[C.LON])
            plat, plon = _number(place[C.LAT]), _number(place[C.LON])
            if (
                None in (lat, lon, plat, plon)
                or abs(lat - plat) > SAME_POINT_DEGREES
                or abs(lon - plon) > SAME_POINT_DEGREES
            ):
                problems.append(
                    Problem(
                        "actors.csv",
                        line,
                        C.LAT,
                        f"{row[C.LAT]},{row[C.LON]}",
                        f"coordinates disagree with place {site}; leave them empty, places.csv owns them",
                    )
                )
        position = actor_position(row, places)
        if position is None:
            problems.append(
                Problem("actors.csv", line, C.LAT, "", "no coordinates (neither lat/lon nor a site with coordinates)")
            )
            continue
        city = cities.get(fold(row[C.CITY]))
        if city is None:
            problems.append(
                Problem("actors.csv", line, C.CITY, row[C.CITY], "no place of kind city with this name in places.csv")
            )
            continue
        problems += _check_in_city("actors.csv", line, row[C.CITY], position, city)
    for index, row in places.iterrows():
        if row[C.PLACE_KIND] == "city":
            if _number(row[C.RADIUS_KM]) is None:
                problems.append(
                    Problem("places.csv", _line(index), C.RADIUS_KM, row[C.RADIUS_KM], "a city needs radius_km")
                )
            continue
        city = cities.get(fold(row[C.CITY]))
        position = (_number(row[C.LAT]), _number(row[C.LON]))
        if city is None:
            problems.append(
                Problem("places.csv", _line(index), C.CITY, row[C.CITY], "no place of kind city with this name")
            )
        elif None not in position:
            problems += _check_in_city("places.csv", _line(index), row[C.CITY], position, city)
    return problems


def _check_in_city(file: str, line: int, name: str, position, city) -> list[Problem]:
    clat, clon, radius = _number(city[C.LAT]), _number(city[C.LON]), _number(city[C.RADIUS_KM])
    if None in (clat, clon, radius):
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


def check_consistency(actors: pd.DataFrame, relations: pd.DataFrame, today: date) -> list[Problem]:
    """Rules that tie columns and files together."""
    problems = []
    acquired = set(relations[relations[C.KIND] == "acquired_by"][C.SOURCE_ID])
    for index, row in actors.iterrows():
        line = _line(index)
        if row[C.TYPE] == "france2030_project" and not row[C.FRANCE2030]:
            problems.append(Problem("actors.csv", line, C.FRANCE2030, "", "a france2030_project needs its programme"))
        if row[C.STATUS] == "acquired" and row[C.ID] not in acquired:
            problems.append(
                Problem("actors.csv", line, C.STATUS, "acquired", "no acquired_by relation in relations.csv")
            )
        if row[C.ID] in acquired and row[C.STATUS] not in ("acquired", "closed"):
            problems.append(Problem("actors.csv", line, C.STATUS, row[C.STATUS], "relations.csv says it was acquired"))
        if row[C.STATUS] in ("acquired", "closed") and not row[C.STATUS_YEAR]:
            problems.append(Problem("actors.csv", line, C.STATUS_YEAR, "", f"status {row[C.STATUS]} needs its year"))
    problems += _duplicates(actors, C.NAME, fold)
    problems += _duplicates(actors, C.WEBSITE, _site_key)
    for index, row in relations.iterrows():
        if row[C.SOURCE_ID] and row[C.SOURCE_ID] == row[C.TARGET_ID]:
            problems.append(
                Problem("relations.csv", _line(index), C.TARGET_ID, row[C.TARGET_ID], "an actor related to itself")
            )
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
            problems.append(Problem("actors.csv", _line(index), column, value, f"same as line {seen[normal]}"))
        else:
            seen[normal] = _line(index)
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
    problems = check_descriptor(directory)
    missing = [name for name in ("actors.csv", "places.csv") if not (directory / name).exists()]
    if missing:
        return problems
    taxonomy = load_taxonomy(directory)
    actors = read_table(directory / "actors.csv", C.ACTOR_COLUMNS)
    places = read_table(directory / "places.csv", C.PLACE_COLUMNS)
    relations = read_table(directory / "relations.csv", C.RELATION_COLUMNS, required=False)
    milestones = read_table(directory / "milestones.csv", C.MILESTONE_COLUMNS, required=False)
    problems += check_vocabularies(actors, taxonomy)
    problems += check_locations(actors, places)
    problems += check_consistency(actors, relations, today)
    problems += check_dates(milestones, "milestones.csv", C.DATE, today)
    tables = {"actors.csv": actors, "places.csv": places, "relations.csv": relations, "milestones.csv": milestones}
    for name, table in tables.items():
        problems += check_dates(table, name, C.LAST_VERIFIED, today)
    return sorted(set(problems))
