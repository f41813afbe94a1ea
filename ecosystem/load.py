"""Read the curated CSVs into a `Dataset`, deriving what is not stored twice.

Loading is lenient on purpose: a bad cell becomes empty instead of stopping the
app, and `validate` says precisely what is wrong.
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import columns as C
from .config import resolve_data_dir
from .taxonomy import Taxonomy, load_taxonomy
from .text import fold, split_multi


class DataError(Exception):
    """The data directory cannot be read at all (missing files)."""


@dataclass(frozen=True)
class Dataset:
    actors: pd.DataFrame
    places: pd.DataFrame
    relations: pd.DataFrame
    milestones: pd.DataFrame
    taxonomy: Taxonomy
    data_dir: str

    @property
    def data_as_of(self) -> str:
        """The latest date a fact was checked, ISO formatted ('' when unknown)."""
        dates = pd.to_datetime(self.actors[C.LAST_VERIFIED], errors="coerce").dropna()
        return dates.max().date().isoformat() if len(dates) else ""


def read_table(path: Path, columns: tuple[str, ...], *, required: bool = True) -> pd.DataFrame:
    """A CSV as strings, with every expected column present."""
    if not path.exists():
        if required:
            raise DataError(f"{path.name} is missing from {path.parent}")
        return pd.DataFrame({column: pd.Series(dtype=str) for column in columns})
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame.columns = [column.strip() for column in frame.columns]
    for column in columns:
        if column not in frame.columns:
            frame[column] = ""
    return frame.map(str.strip)


def _numbers(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.replace("", None), errors="coerce")


def derive_positions(actors: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Actors at site or city precision take the coordinates of their place."""
    coords = places.set_index(C.ID)[[C.LAT, C.LON]]
    site_lat = actors[C.SITE].map(coords[C.LAT]) if len(coords) else pd.Series(dtype=float)
    site_lon = actors[C.SITE].map(coords[C.LON]) if len(coords) else pd.Series(dtype=float)
    actors[C.LAT] = actors[C.LAT].fillna(site_lat).astype(float)
    actors[C.LON] = actors[C.LON].fillna(site_lon).astype(float)
    return actors


def derive_relations(actors: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """MIB membership, acquirer and parent come from relations.csv only."""
    members = relations[
        relations[C.KIND].isin(["member_of", "founding_member_of"]) & (relations[C.TARGET_ID] == C.MIB_ID)
    ][C.SOURCE_ID]
    actors[C.MIB_MEMBER] = actors[C.ID].isin(set(members))
    for column, kind in ((C.ACQUIRED_BY, "acquired_by"), (C.PARENT, "subsidiary_of")):
        links = relations[relations[C.KIND] == kind].drop_duplicates(C.SOURCE_ID)
        actors[column] = actors[C.ID].map(links.set_index(C.SOURCE_ID)[C.TARGET_ID]).fillna("")
    return actors


def build_search_text(actors: pd.DataFrame) -> pd.Series:
    parts = actors[[C.NAME, C.ACRONYM, C.DESCRIPTION_EN, C.DESCRIPTION_FR, C.CITY]]
    return parts.agg(" ".join, axis=1).map(fold)


def prepare_actors(actors: pd.DataFrame, places: pd.DataFrame, relations: pd.DataFrame):
    actors = actors.copy()
    for column in C.MULTI_VALUED:
        actors[column] = actors[column].map(split_multi)
    for column in (C.LAT, C.LON):
        actors[column] = _numbers(actors[column])
    for column in (C.FOUNDED, C.STATUS_YEAR):
        actors[column] = _numbers(actors[column]).round().astype("Int64")
    actors = derive_positions(actors, places)
    actors = derive_relations(actors, relations)
    actors[C.SEARCH_TEXT] = build_search_text(actors)
    return actors.sort_values(C.NAME, key=lambda s: s.map(fold)).reset_index(drop=True)


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """The whole dataset, ready for filtering and display."""
    directory = resolve_data_dir(data_dir)
    if not directory.is_dir():
        raise DataError(f"No data directory at {directory}")
    places = read_table(directory / "places.csv", C.PLACE_COLUMNS)
    for column in (C.LAT, C.LON, C.RADIUS_KM):
        places[column] = _numbers(places[column])
    relations = read_table(directory / "relations.csv", C.RELATION_COLUMNS, required=False)
    relations[C.YEAR] = _numbers(relations[C.YEAR]).round().astype("Int64")
    milestones = read_table(directory / "milestones.csv", C.MILESTONE_COLUMNS, required=False)
    milestones[C.AMOUNT_EUR] = _numbers(milestones[C.AMOUNT_EUR])
    actors = read_table(directory / "actors.csv", C.ACTOR_COLUMNS)
    actors = prepare_actors(actors, places, relations)
    return Dataset(
        actors=actors,
        places=places,
        relations=relations,
        milestones=milestones.sort_values(C.DATE).reset_index(drop=True),
        taxonomy=load_taxonomy(directory),
        data_dir=str(directory),
    )
