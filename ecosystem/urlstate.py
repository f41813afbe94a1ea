"""The URL contract: encode a view as query parameters and read one back.

Decoding never raises: unknown or malformed values are dropped and reported,
so that a link with junk in it still opens the best view it can.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .filters import Filters
from .i18n import DEFAULT_LANG, LANGS
from .load import Dataset

MAX_QUERY_LENGTH = 200
_YEARS = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$")
# Parameters Streamlit itself reads, and the presentation's own (ecosystem/present.py); kept as they are.
PASSTHROUGH = ("embed", "embed_options", "scene", "interval")


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
    for value in _values(params, "founded")[:1]:
        match = _YEARS.match(value)
        if match and int(match[1]) <= int(match[2]):
            founded = (int(match[1]), int(match[2]))
        else:
            ignored.append(Ignored("founded", value))

    q = " ".join(_values(params, "q"))[:MAX_QUERY_LENGTH].strip()

    flags = {}
    for flag in ("f2030", "mib"):
        values = _values(params, flag)
        flags[flag] = bool(values) and values[0] == "1"
        if values and values[0] not in ("0", "1"):
            ignored.append(Ignored(flag, values[0]))

    scope = None
    for value in _values(params, "scope")[:1]:
        if value in taxonomy.ids("scopes"):
            scope = value
        else:
            ignored.append(Ignored("scope", value))

    actor = None
    for value in _values(params, "actor")[:1]:
        if value in dataset.actors.index:
            actor = value
        else:
            ignored.append(Ignored("actor", value))

    lang = DEFAULT_LANG
    for value in _values(params, "lang")[:1]:
        if value in LANGS:
            lang = value
        else:
            ignored.append(Ignored("lang", value))

    filters = Filters(
        facets=tuple(facets.items()), founded=founded, q=q, scope=scope, f2030=flags["f2030"], mib=flags["mib"]
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
        params["q"] = filters.q.strip()
    if filters.founded is not None:
        params["founded"] = f"{filters.founded[0]}-{filters.founded[1]}"
    if filters.f2030:
        params["f2030"] = "1"
    if filters.mib:
        params["mib"] = "1"
    if filters.scope:
        params["scope"] = filters.scope
    if state.actor:
        params["actor"] = state.actor
    if state.lang != DEFAULT_LANG:
        params["lang"] = state.lang
    return params


def with_actor(state: ViewState, actor: str | None) -> ViewState:
    return replace(state, actor=actor)


__all__ = ["Ignored", "ViewState", "decode_state", "encode_state", "with_actor"]
