"""Filtering and facet counts: OR within a facet, AND across facets.

Facets are the descriptor's (`schema.facets`); `Filters` holds a selection per
facet name, so a facet added to the descriptor is filtered without an edit here.
Masks are vectorised over columns derived once at load time.
"""

import re
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .load import Dataset
from .schema import Facet
from .text import fold

# The yes/no restrictions: each is a field of `Filters`, its URL parameter and (as `filter_<name>`) its label key.
F2030, MIB = "f2030", "mib"
FLAGS = (F2030, MIB)


@dataclass(frozen=True, init=False)
class Filters:
    """What the reader asked to see. Empty means no restriction. Hashable, so it keys caches."""

    facets: tuple[tuple[str, frozenset[str]], ...]
    founded: tuple[int, int] | None
    q: str
    f2030: bool
    mib: bool
    scope: str | None

    def __init__(
        self,
        *,
        facets: tuple[tuple[str, frozenset[str]], ...] = (),
        founded: tuple[int, int] | None = None,
        q: str = "",
        f2030: bool = False,
        mib: bool = False,
        scope: str | None = None,
        **selected: frozenset[str],
    ):
        chosen = {**dict(facets), **selected}
        items = tuple(sorted((name, frozenset(values)) for name, values in chosen.items() if values))
        for name, value in (
            ("facets", items),
            ("founded", founded),
            ("q", q),
            ("f2030", f2030),
            ("mib", mib),
            ("scope", scope),
        ):
            object.__setattr__(self, name, value)

    def selected(self, facet: str) -> frozenset[str]:
        return dict(self.facets).get(facet, frozenset())

    def with_facet(self, facet: str, items) -> "Filters":
        return replace(self, facets=tuple({**dict(self.facets), facet: frozenset(items)}.items()))

    def without(self, facet: str) -> "Filters":
        return self.with_facet(facet, ())

    def with_flags(self, *names: str) -> "Filters":
        """These yes/no restrictions (names from `FLAGS`) switched on."""
        unknown = set(names) - set(FLAGS)
        if unknown:
            raise ValueError(f"not a flag of Filters: {sorted(unknown)}")
        changes: dict[str, Any] = dict.fromkeys(names, True)
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        return self == Filters()


def facet_mask(actors: pd.DataFrame, facet: Facet, selected: frozenset[str]) -> pd.Series:
    if facet.multi:
        pattern = "|".join(f";{re.escape(item)};" for item in sorted(selected))
        return actors[C.item_key(facet.column)].str.contains(pattern, regex=True)
    return actors[facet.column].isin(selected)


def search_mask(actors: pd.DataFrame, query: str) -> pd.Series:
    """Every word of the query appears in the name, acronym, descriptions or city."""
    mask = pd.Series(True, index=actors.index)
    for word in fold(query).split():
        mask &= actors[C.SEARCH_TEXT].str.contains(word, regex=False)
    return mask


def build_mask(dataset: Dataset, filters: Filters) -> pd.Series:
    actors = dataset.actors
    mask = pd.Series(True, index=actors.index)
    for facet in dataset.schema.facets:
        selected = filters.selected(facet.name)
        if selected:
            mask &= facet_mask(actors, facet, selected)
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


def filter_ids(dataset: Dataset, filters: Filters) -> pd.Index:
    """The ids of the actors matching every active filter, in the directory's order."""
    return dataset.actors.index[build_mask(dataset, filters)]


def filter_actors(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """The actors matching every active filter."""
    return dataset.actors[build_mask(dataset, filters)]


def count_facet(dataset: Dataset, filters: Filters, facet: str) -> dict[str, int]:
    """For each option of `facet`, how many actors match it given the other filters."""
    column = dataset.schema.facet(facet)
    if column is None:
        raise ValueError(f"no facet named {facet!r} in the descriptor")
    # the one column, not the whole frame: a count runs per facet on every new filter
    others = dataset.actors[column.column][build_mask(dataset, filters.without(facet))]
    if column.multi:
        others = others.explode().dropna()
    others = others[others != ""]
    return {str(key): int(count) for key, count in others.value_counts().items()}


def founded_bounds(actors: pd.DataFrame) -> tuple[int, int] | None:
    """The earliest and latest founding years in the dataset."""
    years = actors[C.FOUNDED].dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def count_scope(dataset: Dataset, filters: Filters) -> dict[str, int]:
    """For each scope, how many actors match it given the other filters."""
    others = dataset.actors[C.SCOPE][build_mask(dataset, replace(filters, scope=None))]
    return {scope: int((others == scope).sum()) for scope in dataset.taxonomy.ids(V.SCOPES)}
