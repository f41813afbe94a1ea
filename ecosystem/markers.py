"""Compact marker rows for the map, drawn in the browser by `static/map/markers.js`.

A folium `Marker` costs about a kilobyte of generated script per actor, sent
again on every rerun; a row `[id, lat, lon, type index, label]` costs about 50
bytes, and the browser builds the markers, clusters and legend from it.
"""

import json
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import columns as C

# Rounding to 5 decimals keeps positions to about a metre.
COORD_DIGITS = 5
LABEL_LENGTH = 48
_CALL = "L.ecosystemMarkers("


@dataclass(frozen=True)
class MarkerData:
    """The located actors as a JSON array of rows, ready to drop into the map's script."""

    rows_json: str
    count: int
    types: tuple[str, ...]  # the type ids present, in taxonomy order
    approximate: int = 0  # how many stand for an area (a district or a city), not the actor's building


def encode_json(value) -> str:
    """Compact JSON that is safe inside a <script> element (no markup characters)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def short_label(name: str, length: int = LABEL_LENGTH) -> str:
    """The name on one line, cut with an ellipsis when longer than `length`."""
    text = " ".join(str(name or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def build_marker_rows(actors: pd.DataFrame, type_ids: tuple[str, ...], approximate: tuple[str, ...] = ()) -> list[list]:
    """One row per located actor; an unknown type gets the index after the last type.

    A row ends with 1 when the actor's precision is `approximate` (its point is its
    district's or city's), so that the browser draws it differently.
    """
    located = actors.dropna(subset=[C.LAT, C.LON])
    index = {item: number for number, item in enumerate(type_ids)}
    types = located[C.TYPE].map(index).fillna(len(type_ids)).astype(int)
    rows = zip(
        located[C.ID].astype(str).tolist(),
        located[C.LAT].round(COORD_DIGITS).tolist(),
        located[C.LON].round(COORD_DIGITS).tolist(),
        types.tolist(),
        [short_label(name) for name in located[C.NAME].tolist()],
        located[C.PRECISION].isin(approximate).tolist(),
        strict=True,
    )
    return [[*row[:5], 1] if row[5] else list(row[:5]) for row in rows]


def build_marker_data(actors: pd.DataFrame, type_ids: tuple[str, ...], approximate: tuple[str, ...] = ()) -> MarkerData:
    rows = build_marker_rows(actors, type_ids, approximate)
    present = {row[3] for row in rows}
    return MarkerData(
        rows_json=encode_json(rows),
        count=len(rows),
        types=tuple(item for number, item in enumerate(type_ids) if number in present),
        approximate=sum(1 for row in rows if len(row) > 5),
    )


@dataclass(frozen=True)
class MarkerIndex:
    """Every located actor's row, encoded once per data version: a filter then only picks rows.

    Plain tuples and numpy arrays: picking from them costs a millisecond at 10,000 actors,
    where iterating a pandas index of strings costs twenty.
    """

    ids: tuple[str, ...]  # in the actors' order
    rows: np.ndarray  # the JSON text of each row
    types: np.ndarray  # each row's type index
    approximate: np.ndarray  # whether the row stands for an area
    type_ids: tuple[str, ...]


def build_marker_index(
    actors: pd.DataFrame, type_ids: tuple[str, ...], approximate: tuple[str, ...] = ()
) -> MarkerIndex:
    rows = build_marker_rows(actors, type_ids, approximate)
    return MarkerIndex(
        ids=tuple(row[0] for row in rows),
        rows=np.array([encode_json(row) for row in rows], dtype=object),
        types=np.array([row[3] for row in rows], dtype=np.int64),
        approximate=np.array([len(row) > 5 for row in rows], dtype=bool),
        type_ids=type_ids,
    )


def select_marker_data(index: MarkerIndex, ids) -> MarkerData:
    """The marker data of the actors `ids` (the located ones), as `build_marker_data` would build it."""
    wanted = set(ids)
    keep = np.fromiter((item in wanted for item in index.ids), dtype=bool, count=len(index.ids))
    present = set(np.unique(index.types[keep]).tolist())
    return MarkerData(
        rows_json="[" + ",".join(index.rows[keep].tolist()) + "]",
        count=int(keep.sum()),
        types=tuple(item for number, item in enumerate(index.type_ids) if number in present),
        approximate=int(index.approximate[keep].sum()),
    )


def read_marker_layers(script: str) -> list[tuple[list, dict]]:
    """The rows and options of every marker layer in a rendered map or component script.

    The reader of the format this module writes: it checks what an exported map file carries.
    """
    decoder = json.JSONDecoder()
    layers = []
    for match in re.finditer(re.escape(_CALL), script):
        try:
            rows, end = decoder.raw_decode(script, match.end())
            options, _ = decoder.raw_decode(script, script.index("{", end))
        except ValueError:
            continue  # a mention, not a call (markers.js itself, once inlined)
        layers.append((rows, options))
    return layers


def read_marker_rows(script: str) -> list[list]:
    """The rows of every marker layer in a rendered map or component script."""
    return [row for rows, _ in read_marker_layers(script) for row in rows]
