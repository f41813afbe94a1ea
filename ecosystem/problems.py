"""What every check of the dataset shares: a problem and where it is, the files' names, rows as records."""

import math
from collections.abc import Hashable
from dataclasses import dataclass
from typing import cast

import pandas as pd

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
PROGRAMMES_FILE, DEALS_FILE = "programmes.csv", "deals.csv"
SOURCES_FILE, FACT_SOURCES_FILE = "sources.csv", "fact_sources.csv"


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


def list_records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts, built from whole columns: `to_dict("records")` is several times slower on text columns."""
    columns = list(frame.columns)
    values = zip(*(frame[column].tolist() for column in columns), strict=True)
    return [dict(zip(columns, row, strict=True)) for row in values]
