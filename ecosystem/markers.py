"""Compact marker rows for the map, drawn in the browser by `static/map/markers.js`.

A folium `Marker` costs about a kilobyte of generated script per actor, sent
again on every rerun; a row `[id, lat, lon, type index, label]` costs about 50
bytes, and the browser builds the markers, clusters and legend from it.
"""

import json
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import columns as C
from . import vocabularies as V
from .text import split_multi

# Rounding to 5 decimals keeps positions to about a metre.
COORD_DIGITS = 5
LABEL_LENGTH = 48
_CALL = "L.ecosystemMarkers("
# The precision of programmes and networks spread over several sites, drawn at their lead site.
MULTI_SITE = "multi_site"
# Links that tie an actor to a programme besides membership: a partner works in it, an operator runs it.
PROGRAMME_LINKS = ("partner_of", "operates")
# A card has room for a site's whole name ("Hôtel du Département des Bouches-du-Rhône"), not a marker label.
SITE_NAME_LENGTH = 60


@dataclass(frozen=True)
class MarkerData:
    """The located actors as a JSON array of rows, ready to drop into the map's script."""

    rows_json: str
    count: int
    types: tuple[str, ...]  # the type ids present, in taxonomy order
    approximate: int = 0  # how many stand for an area (a district or a city), not the actor's building
    groups: tuple["PlaceGroup", ...] = ()  # the actors drawn at a named place's point, by place, most first


@dataclass(frozen=True)
class PlaceGroup:
    """The actors drawn at one named place's point (`data/places.csv`): one marker on the map, fanned on a click."""

    name: str
    lat: float
    lon: float
    ids: tuple[str, ...]
    mix: tuple[tuple[int, int], ...]  # (type index, how many), in taxonomy order
    approximate: bool  # the place stands for an area (a district or a city)


def encode_json(value) -> str:
    """Compact JSON that is safe inside a <script> element (no markup characters)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def short_label(name: str, length: int = LABEL_LENGTH) -> str:
    """The name on one line, cut with an ellipsis when longer than `length`."""
    text = " ".join(str(name or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def short_place_name(name: str, length: int = 32) -> str:
    """A place's name as the map labels it: its first part, without the address or the aside.

    "Campus de Luminy / Parc scientifique…" → "Campus de Luminy"; "Palais du Pharo (and…), 58 bd…" → "Palais du Pharo".
    """
    text = " ".join(str(name or "").split())
    for cut in (" (", " / ", ", ", " – ", " - "):
        head = text.split(cut, 1)[0].strip()
        text = head or text
    return short_label(text, length)


def locate_places(
    actors: pd.DataFrame, places: pd.DataFrame | None
) -> tuple[list[int], list[tuple[str, float, float]]]:
    """For each located actor, the index of the place whose point it is drawn at (-1: none), and the places.

    An actor joins its site's place only when it stands at that place's point (it was placed by its site):
    an actor with its own address keeps its own marker.
    """
    located = actors.dropna(subset=[C.LAT, C.LON])
    if places is None or places.empty or C.SITE not in located.columns:
        return [-1] * len(located), []
    table = places.dropna(subset=[C.LAT, C.LON]).drop_duplicates(C.ID)
    number = {place: index for index, place in enumerate(table[C.ID].astype(str))}
    points = list(zip(table[C.LAT].round(COORD_DIGITS), table[C.LON].round(COORD_DIGITS), strict=True))
    rows = zip(
        located[C.SITE].fillna("").astype(str).tolist(),
        located[C.LAT].round(COORD_DIGITS).tolist(),
        located[C.LON].round(COORD_DIGITS).tolist(),
        strict=True,
    )
    place_of = []
    for site, lat, lon in rows:
        index = number.get(site, -1)
        place_of.append(index if index >= 0 and points[index] == (lat, lon) else -1)
    names = [short_place_name(name) for name in table[C.NAME].tolist()]
    return place_of, [(name, float(lat), float(lon)) for name, (lat, lon) in zip(names, points, strict=True)]


def list_member_sites(
    actor_id: str,
    actors: pd.DataFrame,
    places: pd.DataFrame,
    relations: pd.DataFrame,
    kinds: tuple[str, ...],
    area_kinds: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """The named sites a multi-site programme spans: where the actors linked to it by `kinds` stand.

    A member counts in either direction of the link, when it is in the programme's scope and stands on
    a named place (not one of `area_kinds`, a city or district point) other than the programme's own
    lead site; the sites come by short name, the most members first, then by name.
    """
    own = actors[actors[C.ID] == actor_id]
    if own.empty or relations.empty:
        return ()
    lead, scope = own.iloc[0][C.SITE], own.iloc[0][C.SCOPE]
    linked = relations[relations[C.KIND].isin(kinds)]
    members = set(linked.loc[linked[C.TARGET_ID] == actor_id, C.SOURCE_ID])
    members |= set(linked.loc[linked[C.SOURCE_ID] == actor_id, C.TARGET_ID])
    rows = actors[actors[C.ID].isin(members) & (actors[C.SCOPE] == scope) & (actors[C.SITE] != lead)]
    named = places[~places[C.PLACE_KIND].isin(area_kinds)].drop_duplicates(C.ID)
    name_of = dict(zip(named[C.ID], (short_place_name(name, SITE_NAME_LENGTH) for name in named[C.NAME]), strict=True))
    counts: dict[str, int] = {}
    for site in rows[C.SITE]:
        if site in name_of:
            counts[name_of[site]] = counts.get(name_of[site], 0) + 1
    return tuple(sorted(counts, key=lambda name: (-counts[name], name)))


def find_member_sites(dataset, actor_id: str) -> tuple[str, ...]:
    """The member sites of a multi-site programme of `dataset`, for its map card; () for any other actor."""
    actor = dataset.find_actor(actor_id)
    if actor is None or actor[C.PRECISION] != MULTI_SITE:
        return ()
    taxonomy = dataset.taxonomy
    kinds = (*taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_MEMBER), *PROGRAMME_LINKS)
    area_kinds = tuple(
        kind
        for precision in taxonomy.ids_where(V.PRECISIONS, C.APPROXIMATE)
        for kind in split_multi(taxonomy.row(V.PRECISIONS, precision).get(C.PLACE_KINDS, ""))
    )
    return list_member_sites(actor_id, dataset.actors, dataset.places, dataset.relations, kinds, area_kinds)


def build_place_groups(
    ids: list[str],
    types: list[int],
    approximate: list[bool],
    place_of: list[int],
    places: list[tuple[str, float, float]],
) -> tuple[PlaceGroup, ...]:
    """The actors by the place they are drawn at: the largest groups first, then in the places' order."""
    members: dict[int, list[int]] = {}
    for row, place in enumerate(place_of):
        if place >= 0:
            members.setdefault(place, []).append(row)
    groups = []
    for place in sorted(members):
        rows = members[place]
        name, lat, lon = places[place]
        counts: dict[int, int] = {}
        for row in rows:
            counts[types[row]] = counts.get(types[row], 0) + 1
        groups.append(
            PlaceGroup(
                name=name,
                lat=lat,
                lon=lon,
                ids=tuple(ids[row] for row in rows),
                mix=tuple(sorted(counts.items())),
                approximate=all(approximate[row] for row in rows),
            )
        )
    return tuple(sorted(groups, key=lambda group: -len(group.ids)))  # stable: ties keep the places' order


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


def build_marker_data(
    actors: pd.DataFrame,
    type_ids: tuple[str, ...],
    approximate: tuple[str, ...] = (),
    places: pd.DataFrame | None = None,
) -> MarkerData:
    """The marker data of every located actor in `actors`; with `places`, grouped by the place they stand at."""
    index = build_marker_index(actors, type_ids, approximate, places)
    return select_marker_data(index, index.ids)


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
    place_of: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # each row's place, -1: none
    places: tuple[tuple[str, float, float], ...] = ()  # (short name, lat, lon) per place


def build_marker_index(
    actors: pd.DataFrame,
    type_ids: tuple[str, ...],
    approximate: tuple[str, ...] = (),
    places: pd.DataFrame | None = None,
) -> MarkerIndex:
    rows = build_marker_rows(actors, type_ids, approximate)
    place_of, place_table = locate_places(actors, places)
    return MarkerIndex(
        ids=tuple(row[0] for row in rows),
        rows=np.array([encode_json(row) for row in rows], dtype=object),
        types=np.array([row[3] for row in rows], dtype=np.int64),
        approximate=np.array([len(row) > 5 for row in rows], dtype=bool),
        type_ids=type_ids,
        place_of=np.array(place_of, dtype=np.int64),
        places=tuple(place_table),
    )


def select_marker_data(index: MarkerIndex, ids) -> MarkerData:
    """The marker data of the actors `ids` (the located ones), as `build_marker_data` would build it."""
    wanted = set(ids)
    keep = np.fromiter((item in wanted for item in index.ids), dtype=bool, count=len(index.ids))
    present = set(np.unique(index.types[keep]).tolist())
    groups: tuple[PlaceGroup, ...] = ()
    if index.places:
        placed = keep & (index.place_of >= 0)
        rows = np.flatnonzero(placed).tolist()
        groups = build_place_groups(
            [index.ids[row] for row in rows],
            index.types[placed].tolist(),
            index.approximate[placed].tolist(),
            index.place_of[placed].tolist(),
            list(index.places),
        )
    return MarkerData(
        rows_json="[" + ",".join(index.rows[keep].tolist()) + "]",
        count=int(keep.sum()),
        types=tuple(item for number, item in enumerate(index.type_ids) if number in present),
        approximate=int(index.approximate[keep].sum()),
        groups=groups,
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
