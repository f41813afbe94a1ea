"""Filtering and facet counts: OR within a facet, AND across facets."""

from dataclasses import dataclass, replace

import pandas as pd

from . import columns as C
from .text import fold

# Facet name -> actors column. The names are also the URL parameters.
FACETS = {
    "type": C.TYPE,
    "area": C.AREAS,
    "modality": C.MODALITIES,
    "status": C.STATUS,
    "stage": C.STAGE,
}
# Facet name -> taxonomy vocabulary holding its options.
FACET_VOCABULARIES = {
    "type": "types",
    "area": "areas",
    "modality": "modalities",
    "status": "statuses",
    "stage": "stages",
}
SCOPES = ("marseille_area", "elsewhere")


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty means no restriction."""

    type: frozenset[str] = frozenset()
    area: frozenset[str] = frozenset()
    modality: frozenset[str] = frozenset()
    status: frozenset[str] = frozenset()
    stage: frozenset[str] = frozenset()
    founded: tuple[int, int] | None = None
    q: str = ""
    f2030: bool = False
    mib: bool = False
    scope: str | None = None

    def without(self, facet: str) -> "Filters":
        return replace(self, **{facet: frozenset()})

    @property
    def is_empty(self) -> bool:
        return self == Filters()


def _facet_mask(actors: pd.DataFrame, column: str, selected: frozenset[str]) -> pd.Series:
    if column in C.MULTI_VALUED:
        return actors[column].map(lambda items: not selected.isdisjoint(items)).astype(bool)
    return actors[column].isin(selected)


def search_mask(actors: pd.DataFrame, query: str) -> pd.Series:
    """Every word of the query appears in the name, acronym, descriptions or city."""
    words = fold(query).split()
    mask = pd.Series(True, index=actors.index)
    for word in words:
        mask &= actors[C.SEARCH_TEXT].str.contains(word, regex=False)
    return mask


def build_mask(actors: pd.DataFrame, filters: Filters) -> pd.Series:
    mask = pd.Series(True, index=actors.index)
    for facet, column in FACETS.items():
        selected = getattr(filters, facet)
        if selected:
            mask &= _facet_mask(actors, column, selected)
    if filters.founded is not None:
        low, high = filters.founded
        founded = actors[C.FOUNDED]
        mask &= (founded >= low).fillna(False) & (founded <= high).fillna(False)
    if filters.q.strip():
        mask &= search_mask(actors, filters.q)
    if filters.f2030:
        mask &= actors[C.FRANCE2030].str.strip() != ""
    if filters.mib:
        mask &= actors[C.MIB_MEMBER]
    if filters.scope:
        mask &= actors[C.SCOPE] == filters.scope
    return mask.astype(bool)


def filter_actors(actors: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The actors matching every active filter."""
    return actors[build_mask(actors, filters)]


def count_facet(actors: pd.DataFrame, filters: Filters, facet: str) -> dict[str, int]:
    """For each option of `facet`, how many actors match it given the other filters."""
    column = FACETS[facet]
    others = filter_actors(actors, filters.without(facet))
    values = others[column]
    if column in C.MULTI_VALUED:
        values = values.explode().dropna()
    values = values[values != ""]
    return {str(key): int(count) for key, count in values.value_counts().items()}


def founded_bounds(actors: pd.DataFrame) -> tuple[int, int] | None:
    """The earliest and latest founding years in the dataset."""
    years = actors[C.FOUNDED].dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def count_scope(actors: pd.DataFrame, filters: Filters) -> dict[str, int]:
    """For each scope, how many actors match it given the other filters."""
    others = filter_actors(actors, replace(filters, scope=None))[C.SCOPE]
    return {scope: int((others == scope).sum()) for scope in SCOPES}
