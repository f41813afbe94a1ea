"""Read the curated CSVs into an indexed `Dataset`, deriving what is not stored twice.

Loading is lenient on purpose: a bad cell becomes empty instead of stopping the
app, and `validate` says precisely what is wrong. Everything derived here (search
keys, item keys, memberships, indexes by actor) is built once per data version.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .config import DESCRIPTOR, resolve_data_dir
from .hashing import hash_files
from .schema import Schema, load_schema
from .taxonomy import Taxonomy, load_taxonomy
from .text import fold, split_multi

# The resources the app reads, by descriptor name; only the first two must exist.
ACTORS, PLACES, RELATIONS, MILESTONES = "actors", "places", "relations", "milestones"
PROGRAMMES, DEALS = "programmes", "deals"
SOURCES, FACT_SOURCES = "sources", "fact_sources"
# What a deal kind's role makes of it on the timeline: the milestone kind's role (licences and partnerships stay off it).
DEAL_MILESTONES = {C.ROLE_FUNDING: C.ROLE_FUNDING, C.ROLE_GRANT: C.ROLE_FUNDING, C.ROLE_ACQUISITION: C.ROLE_ACQUISITION}
REQUIRED = (ACTORS, PLACES)


class DataError(Exception):
    """The data directory cannot be read at all (missing files)."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """The whole dataset, indexed for the pages: actors by id; relations, milestones, programmes and deals by actor.

    `milestones` holds milestones.csv and, derived from deals.csv, the rounds and acquisitions: one owner per fact.
    """

    actors: pd.DataFrame
    places: pd.DataFrame
    relations: pd.DataFrame
    milestones: pd.DataFrame
    programmes: pd.DataFrame
    deals: pd.DataFrame
    sources: pd.DataFrame
    fact_sources: dict[str, dict[str, tuple[str, ...]]]
    taxonomy: Taxonomy
    schema: Schema
    data_dir: str
    version: str
    data_as_of: str
    relations_by_actor: dict[str, tuple[int, ...]]
    milestones_by_actor: dict[str, tuple[int, ...]]
    programmes_by_actor: dict[str, tuple[int, ...]]
    deals_by_actor: dict[str, tuple[int, ...]]
    deals_by_investor: dict[str, tuple[int, ...]]

    @property
    def home_scope(self) -> str | None:
        """The cluster's own territory (taxonomy/scopes.csv `home`)."""
        return self.taxonomy.first_where(V.SCOPES, C.HOME)

    def find_actor(self, actor_id: str | None) -> pd.Series | None:
        if not actor_id or actor_id not in self.actors.index:
            return None
        return cast(pd.Series, self.actors.loc[actor_id])  # ids are unique: one row, not a frame

    def relations_of(self, actor_id: str) -> pd.DataFrame:
        """Relations in which the actor is source or target."""
        return self.relations.iloc[list(self.relations_by_actor.get(actor_id, ()))]

    def milestones_of(self, actor_id: str) -> pd.DataFrame:
        return self.milestones.iloc[list(self.milestones_by_actor.get(actor_id, ()))]

    def programmes_of(self, actor_id: str) -> pd.DataFrame:
        return self.programmes.iloc[list(self.programmes_by_actor.get(actor_id, ()))]

    def deals_of(self, actor_id: str) -> pd.DataFrame:
        """The company's own rounds and deals."""
        return self.deals.iloc[list(self.deals_by_actor.get(actor_id, ()))]

    def portfolio_of(self, actor_id: str) -> pd.DataFrame:
        """The deals the actor took part in as lead, participant or counterparty."""
        return self.deals.iloc[list(self.deals_by_investor.get(actor_id, ()))]

    def find_source(self, source_id: str) -> pd.Series | None:
        """A row of sources.csv by id (None for an id it does not declare)."""
        if source_id not in self.sources.index:
            return None
        return cast(pd.Series, self.sources.loc[source_id])

    def names(self) -> pd.Series:
        """Actor id -> name."""
        return self.actors[C.NAME]


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
    return frame.apply(lambda column: column.str.strip())  # column by column, in pyarrow


def read_resource(directory: Path, schema: Schema, resource: str) -> pd.DataFrame:
    return read_table(
        directory / schema.paths.get(resource, f"{resource}.csv"),
        schema.columns(resource),
        required=resource in REQUIRED,
    )


def compute_version(directory: Path, schema: Schema) -> str:
    """A short hash of the descriptor and every file it names: the cache key of derived work."""
    files = [directory / DESCRIPTOR, *(directory / path for path in schema.paths.values() if path)]
    return hash_files([file for file in files if file.is_file()], directory)[:16]


def _numbers(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.replace("", None), errors="coerce")


def derive_positions(actors: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Actors placed by their site take the coordinates of that place."""
    coords = places.drop_duplicates(C.ID).set_index(C.ID)[[C.LAT, C.LON]]
    site_lat = actors[C.SITE].map(coords[C.LAT]) if len(coords) else pd.Series(dtype=float)
    site_lon = actors[C.SITE].map(coords[C.LON]) if len(coords) else pd.Series(dtype=float)
    actors[C.LAT] = actors[C.LAT].fillna(site_lat).astype(float)
    actors[C.LON] = actors[C.LON].fillna(site_lon).astype(float)
    return actors


def derive_relations(actors: pd.DataFrame, relations: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """MIB membership, acquirer and parent come from relations.csv only, by the kinds' roles."""
    member_kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, C.ROLE_MEMBER)
    members = relations[relations[C.KIND].isin(member_kinds) & (relations[C.TARGET_ID] == C.MIB_ID)][C.SOURCE_ID]
    actors[C.MIB_MEMBER] = actors[C.ID].isin(set(members))
    for column, role in ((C.ACQUIRED_BY, C.ROLE_ACQUIRER), (C.PARENT, C.ROLE_PARENT)):
        kinds = taxonomy.ids_where(V.RELATION_KINDS, C.ROLE, role)
        links = relations[relations[C.KIND].isin(kinds)].drop_duplicates(C.SOURCE_ID)
        actors[column] = actors[C.ID].map(links.set_index(C.SOURCE_ID)[C.TARGET_ID]).astype(str).fillna("")
    return actors


def build_search_text(actors: pd.DataFrame) -> pd.Series:
    """Name, acronym, descriptions and city, folded: what a search looks in.

    Joined column by column (in pyarrow), not row by row: at 50,000 actors that is seconds apart.
    """
    columns = [actors[column] for column in (C.NAME, C.ACRONYM, C.DESCRIPTION_EN, C.DESCRIPTION_FR, C.CITY)]
    joined = columns[0].str.cat(columns[1:], sep=" ")  # type: ignore[arg-type]  # pandas takes a list of Series; the stubs only list[str]
    return joined.map(fold)


def prepare_actors(
    actors: pd.DataFrame, places: pd.DataFrame, relations: pd.DataFrame, schema: Schema, taxonomy: Taxonomy
) -> pd.DataFrame:
    actors = actors.drop_duplicates(C.ID).copy()
    for column in schema.multi_valued(ACTORS):
        actors[column] = actors[column].map(split_multi)
        actors[C.item_key(column)] = actors[column].map(lambda items: ";" + ";".join(items) + ";")
    for column in (C.LAT, C.LON):
        actors[column] = _numbers(actors[column])
    for column in (C.FOUNDED, C.STATUS_YEAR):
        actors[column] = _numbers(actors[column]).round().astype("Int64")
    actors = derive_positions(actors, places)
    actors = derive_relations(actors, relations, taxonomy)
    actors[C.SEARCH_TEXT] = build_search_text(actors)
    actors = actors.sort_values(C.NAME, key=lambda s: s.map(fold))
    actors.index = pd.Index(actors[C.ID].to_list())
    return actors


def index_by_actor(table: pd.DataFrame, *columns: str) -> dict[str, tuple[int, ...]]:
    """Actor id -> positions of the rows naming it in any of `columns` (a cell, or a tuple of ids)."""
    positions: dict[str, set[int]] = {}
    for column in columns:
        for position, cell in enumerate(table[column]):
            for actor in cell if isinstance(cell, tuple) else (cell,):
                if actor:
                    positions.setdefault(actor, set()).add(position)
    return {actor: tuple(sorted(found)) for actor, found in positions.items()}


def prepare_programmes(programmes: pd.DataFrame) -> pd.DataFrame:
    """Areas and trial ids as tuples of items, in the actor's order of reading (by id)."""
    programmes = programmes.copy()
    for column in (C.AREAS, C.TRIAL_IDS):
        programmes[column] = programmes[column].map(split_multi)
    return programmes.sort_values(C.ID, kind="stable").reset_index(drop=True)


def prepare_deals(deals: pd.DataFrame) -> pd.DataFrame:
    """Amounts as numbers, investors as tuples, the year of the date; in date order."""
    deals = deals.copy()
    for column in (C.AMOUNT, C.AMOUNT_EUR):
        deals[column] = _numbers(deals[column])
    for column in (C.LEAD_IDS, C.INVESTOR_IDS):
        deals[column] = deals[column].map(split_multi)
    deals[C.PARTICIPANT_IDS] = [
        lead + other for lead, other in zip(deals[C.LEAD_IDS], deals[C.INVESTOR_IDS], strict=True)
    ]
    deals[C.YEAR] = _numbers(deals[C.DATE].str[:4]).round().astype("Int64")
    return deals.sort_values(C.DATE, kind="stable").reset_index(drop=True)


def derive_milestones(milestones: pd.DataFrame, deals: pd.DataFrame, taxonomy: Taxonomy) -> pd.DataFrame:
    """milestones.csv plus the rounds and acquisitions of deals.csv, as the milestone kinds of their roles."""
    kind_of_role = {
        role: found[0]
        for role in set(DEAL_MILESTONES.values())
        if (found := taxonomy.ids_where(V.MILESTONE_KINDS, C.ROLE, role))
    }
    deal_roles = deals[C.KIND].map(lambda kind: taxonomy.row(V.DEAL_KINDS, kind).get(C.ROLE, ""))
    kinds = deal_roles.map(lambda role: kind_of_role.get(DEAL_MILESTONES.get(role, ""), ""))
    chosen = deals[kinds != ""]
    derived = pd.DataFrame({column: chosen[column] for column in milestones.columns if column in chosen.columns})
    derived[C.KIND] = kinds[kinds != ""]
    derived = derived.reindex(columns=milestones.columns, fill_value="")
    combined = pd.concat([milestones, derived], ignore_index=True) if len(derived) else milestones
    return combined.sort_values(C.DATE, kind="stable").reset_index(drop=True)


def derive_stages(actors: pd.DataFrame, programmes: pd.DataFrame, taxonomy: Taxonomy) -> pd.Series:
    """Each actor's most advanced phase among its active programmes ('' without one)."""
    rank = {stage: position for position, stage in enumerate(taxonomy.ids(V.STAGES))}
    active = set(taxonomy.ids_where(V.PROGRAMME_STATUSES, C.ROLE, C.ROLE_ACTIVE))
    chosen = programmes[programmes[C.STATUS].isin(active) & programmes[C.PHASE].isin(rank)]
    best = (
        chosen.assign(rank=chosen[C.PHASE].map(rank))
        .sort_values("rank", kind="stable")
        .drop_duplicates(C.ACTOR_ID, keep="last")
        .set_index(C.ACTOR_ID)[C.PHASE]
    )
    found = best.to_dict()
    return actors[C.ID].map(lambda actor: found.get(actor, ""))


def prepare_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """sources.csv indexed by id (the first row of an id repeated by mistake wins)."""
    sources = sources.drop_duplicates(C.ID).copy()
    sources.index = pd.Index(sources[C.ID].to_list())
    return sources


def resolve_urls(cell: str, urls: dict[str, str]) -> str:
    """A cell of source ids as their URLs, ';'-separated; a URL written in place of an id passes through."""
    found = [urls.get(item) or (item if item.startswith(("http://", "https://")) else "") for item in split_multi(cell)]
    return ";".join(url for url in found if url)


def add_source_urls(table: pd.DataFrame, urls: dict[str, str]) -> pd.DataFrame:
    """The derived `source_urls` column beside a table's `sources`: what links and exports show."""
    table[C.SOURCE_URLS] = [resolve_urls(cell, urls) for cell in table[C.SOURCES]]
    return table


def group_fact_sources(facts: pd.DataFrame) -> dict[str, dict[str, tuple[str, ...]]]:
    """fact_sources.csv as actor id -> fact -> source ids."""
    grouped: dict[str, dict[str, tuple[str, ...]]] = {}
    for actor, field, cell in zip(facts[C.ACTOR_ID], facts[C.FIELD], facts[C.SOURCES], strict=True):
        grouped.setdefault(actor, {})[field] = tuple(split_multi(cell))
    return grouped


def compute_data_as_of(actors: pd.DataFrame) -> str:
    """The latest date a fact was checked, ISO formatted ('' when unknown)."""
    dates = pd.to_datetime(actors[C.LAST_VERIFIED], errors="coerce").dropna()
    return dates.max().date().isoformat() if len(dates) else ""


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """The whole dataset, ready for filtering and display."""
    directory = resolve_data_dir(data_dir)
    if not directory.is_dir():
        raise DataError(f"No data directory at {directory}")
    if not (directory / DESCRIPTOR).exists():
        raise DataError(f"{DESCRIPTOR} is missing from {directory}")
    schema = load_schema(directory)
    taxonomy = load_taxonomy(directory, {name: schema.paths[name] for name in schema.vocabularies})
    places = read_resource(directory, schema, PLACES)
    for column in (C.LAT, C.LON, C.RADIUS_KM):
        places[column] = _numbers(places[column])
    relations = read_resource(directory, schema, RELATIONS)
    relations[C.YEAR] = _numbers(relations[C.YEAR]).round().astype("Int64")
    deals = prepare_deals(read_resource(directory, schema, DEALS))
    milestones = read_resource(directory, schema, MILESTONES)
    milestones[C.AMOUNT_EUR] = _numbers(milestones[C.AMOUNT_EUR])
    milestones = derive_milestones(milestones, deals, taxonomy)
    programmes = prepare_programmes(read_resource(directory, schema, PROGRAMMES))
    actors = prepare_actors(read_resource(directory, schema, ACTORS), places, relations, schema, taxonomy)
    actors[C.STAGE] = derive_stages(actors, programmes, taxonomy)
    sources = prepare_sources(read_resource(directory, schema, SOURCES))
    urls = dict(zip(sources[C.ID], sources[C.URL], strict=True))
    for table in (actors, places, relations, milestones, programmes, deals):
        add_source_urls(table, urls)
    return Dataset(
        actors=actors,
        places=places,
        relations=relations,
        milestones=milestones,
        programmes=programmes,
        deals=deals,
        sources=sources,
        fact_sources=group_fact_sources(read_resource(directory, schema, FACT_SOURCES)),
        taxonomy=taxonomy,
        schema=schema,
        data_dir=str(directory),
        version=compute_version(directory, schema),
        data_as_of=compute_data_as_of(actors),
        relations_by_actor=index_by_actor(relations, C.SOURCE_ID, C.TARGET_ID),
        milestones_by_actor=index_by_actor(milestones, C.ACTOR_ID),
        programmes_by_actor=index_by_actor(programmes, C.ACTOR_ID),
        deals_by_actor=index_by_actor(deals, C.ACTOR_ID),
        deals_by_investor=index_by_actor(deals, C.PARTICIPANT_IDS, C.COUNTERPARTY_ID),
    )
