"""The URL contract: encode a view as query parameters and read one back.

Decoding never raises: unknown or malformed values are dropped and reported,
so that a link with junk in it still opens the best view it can.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import vocabularies as V
from .filters import F2030, FLAGS, MIB, Filters
from .i18n import DEFAULT_LANG, LANGS
from .load import Dataset

# The URL's parameter names. The facets' are the descriptor's (a field's `facet`); the
# flags are the names of `Filters`' yes/no fields (`filters.FLAGS`); these are the others.
Q = "q"
FOUNDED = "founded"
SCOPE = "scope"
ACTOR = "actor"
LANG = "lang"
# The presentation's own (read by ecosystem/present.py), and those Streamlit itself reads.
SCENE = "scene"
INTERVAL = "interval"
GOALS = "goals"
PRINT = "print"
EMBED = "embed"
PASSTHROUGH = (EMBED, "embed_options", SCENE, INTERVAL, GOALS, PRINT)

MAX_QUERY_LENGTH = 200
_YEARS = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$")


@dataclass(frozen=True)
class ViewState:
    filters: Filters = field(default_factory=Filters)
    actor: str | None = None
    lang: str = DEFAULT_LANG


@dataclass(frozen=True)
class Ignored:
    """A URL value that was dropped, and why."""

    param: str
    value: str

    def __str__(self) -> str:
        return f"{self.param}={self.value}"


def _values(params: Mapping[str, str | Iterable[str]], key: str) -> list[str]:
    raw = params.get(key)
    if raw is None:
        return []
    return [raw] if isinstance(raw, str) else [str(item) for item in raw]


def _items(values: list[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def decode_state(params: Mapping[str, str | Iterable[str]], dataset: Dataset) -> tuple[ViewState, list[Ignored]]:
    """The view a URL asks for, and what in it was ignored."""
    taxonomy = dataset.taxonomy
    ignored: list[Ignored] = []
    facets = {}
    for facet in dataset.schema.facets:
        known = set(taxonomy.ids(facet.vocabulary))
        items = _items(_values(params, facet.name))
        ignored += [Ignored(facet.name, item) for item in items if item not in known]
        facets[facet.name] = frozenset(item for item in items if item in known)

    founded = None
    for value in _values(params, FOUNDED)[:1]:
        match = _YEARS.match(value)
        if match and int(match[1]) <= int(match[2]):
            founded = (int(match[1]), int(match[2]))
        else:
            ignored.append(Ignored(FOUNDED, value))

    q = " ".join(_values(params, Q))[:MAX_QUERY_LENGTH].strip()

    flags = {}
    for flag in FLAGS:
        values = _values(params, flag)
        flags[flag] = bool(values) and values[0] == "1"
        if values and values[0] not in ("0", "1"):
            ignored.append(Ignored(flag, values[0]))

    scope = None
    for value in _values(params, SCOPE)[:1]:
        if value in taxonomy.ids(V.SCOPES):
            scope = value
        else:
            ignored.append(Ignored(SCOPE, value))

    actor = None
    for value in _values(params, ACTOR)[:1]:
        if value in dataset.actors.index:
            actor = value
        else:
            ignored.append(Ignored(ACTOR, value))

    lang = DEFAULT_LANG
    for value in _values(params, LANG)[:1]:
        if value in LANGS:
            lang = value
        else:
            ignored.append(Ignored(LANG, value))

    filters = Filters(
        facets=tuple(facets.items()), founded=founded, q=q, scope=scope, f2030=flags[F2030], mib=flags[MIB]
    )
    return ViewState(filters=filters, actor=actor, lang=lang), ignored


def encode_state(state: ViewState, dataset: Dataset) -> dict[str, str]:
    """Query parameters for a view: stable ids in taxonomy order, defaults left out."""
    filters = state.filters
    params: dict[str, str] = {}
    for facet in dataset.schema.facets:
        selected = filters.selected(facet.name)
        if selected:
            order = {item: rank for rank, item in enumerate(dataset.taxonomy.ids(facet.vocabulary))}
            params[facet.name] = ",".join(sorted(selected, key=lambda i: (order.get(i, len(order)), i)))
    if filters.q.strip():
        params[Q] = filters.q.strip()
    if filters.founded is not None:
        params[FOUNDED] = f"{filters.founded[0]}-{filters.founded[1]}"
    for flag in FLAGS:
        if getattr(filters, flag):
            params[flag] = "1"
    if filters.scope:
        params[SCOPE] = filters.scope
    if state.actor:
        params[ACTOR] = state.actor
    if state.lang != DEFAULT_LANG:
        params[LANG] = state.lang
    return params


__all__ = ["Ignored", "ViewState", "decode_state", "encode_state"]
