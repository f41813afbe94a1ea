"""Tables and facts as the pages show them: labels in the reader's language, links built."""

import re
from dataclasses import dataclass

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .formatting import format_euros
from .i18n import t
from .load import Dataset
from .schema import Facet
from .taxonomy import Taxonomy

REGISTRY = "registry"
# A registry record URL holds the identifier as its last path part or a query value; the directory shows just that.
REGISTRY_DISPLAY = r"[/=]([0-9A-Za-z]{9,10})(?:&|$)"


def label_column(values: pd.Series, taxonomy: Taxonomy, vocabulary: str, lang: str, *, multi: bool = False) -> list:
    """Ids shown as labels, through a lookup built once per column instead of per cell."""
    labels = {item: taxonomy.label(vocabulary, item, lang) for item in taxonomy.ids(vocabulary)}
    if multi:
        return [[labels.get(item, item) for item in items] for items in values]
    return [labels.get(value, value) if value else "" for value in values]


@dataclass(frozen=True)
class TableColumn:
    """A column of a table the reader sees: its key in the table, its header, and how to show it."""

    column: str
    label: str
    kind: str  # "text", "list" (several items), "year", "link"


def build_directory_columns(dataset: Dataset, lang: str) -> list[TableColumn]:
    """The directory's columns: the name, every facet of the descriptor, the city, the founding year, the registry.

    A facet's header is its catalogue key `col_<column>`: a facet added to the descriptor shows here.
    """
    facets = [
        TableColumn(facet.column, t(f"col_{facet.column}", lang), "list" if facet.multi else "text")
        for facet in dataset.schema.facets
    ]
    return [
        TableColumn(C.NAME, t("col_name", lang), "text"),
        *facets,
        TableColumn(C.CITY, t("col_city", lang), "text"),
        TableColumn(C.FOUNDED, t("col_founded", lang), "year"),
        TableColumn(REGISTRY, t("col_identifiers", lang), "link"),
    ]


def build_directory_table(dataset: Dataset, actors: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per actor, in the columns of `build_directory_columns`, taxonomy ids shown as labels."""
    taxonomy = dataset.taxonomy
    table = pd.DataFrame(index=actors.index.to_list())
    table[C.NAME] = actors[C.NAME].to_list()
    for facet in dataset.schema.facets:
        table[facet.column] = label_column(actors[facet.column], taxonomy, facet.vocabulary, lang, multi=facet.multi)
    table[C.CITY] = actors[C.CITY].to_list()
    table[C.FOUNDED] = actors[C.FOUNDED].astype("Int64").to_numpy()
    table[REGISTRY] = build_identifier_links(dataset, actors).to_list()
    return table


def build_registry_links(dataset: Dataset, actor: pd.Series) -> list[tuple[str, str, str]]:
    """(registry, identifier, URL) for each identifier the actor has, by the descriptor's record URLs."""
    links = []
    for registry in dataset.schema.registries:
        value = str(actor.get(registry.column) or "").strip()
        if value:
            links.append((registry.label, value, registry.url(value)))
    return links


def build_identifier_links(dataset: Dataset, actors: pd.DataFrame) -> pd.Series:
    """URL of each actor's first registry record (None when it has none), column by column."""
    links = pd.Series(None, index=actors.index, dtype=object)
    for registry in reversed(dataset.schema.registries):
        values = actors[registry.column].astype(str).str.strip()
        filled = values != ""
        links[filled] = [registry.url(value) for value in values[filled]]
    return links


@dataclass(frozen=True)
class Link:
    """A relation seen from one actor: 'Acquired by Veracyte (2021)'."""

    label: str
    other_id: str
    other_name: str
    year: int | None
    sources: tuple[str, ...]
    notes: str = ""


def build_relations(dataset: Dataset, actor_id: str, lang: str) -> list[Link]:
    """Relations in both directions, each labelled from this actor's side."""
    names = dataset.names()
    links = []
    relations = dataset.relations_of(actor_id)
    for values in relations.itertuples(index=False, name=None):
        row = dict(zip(relations.columns, values, strict=True))
        kind = dataset.taxonomy.row(V.RELATION_KINDS, row[C.KIND])
        if row[C.SOURCE_ID] == actor_id:
            other, label = row[C.TARGET_ID], kind.get(f"label_{lang}", row[C.KIND])
        elif row[C.TARGET_ID] == actor_id:
            other, label = row[C.SOURCE_ID], kind.get(f"inverse_{lang}", row[C.KIND])
        else:
            continue
        year = row[C.YEAR]
        links.append(
            Link(
                label=label,
                other_id=other,
                other_name=names.get(other, other),
                year=None if pd.isna(year) else int(year),
                sources=tuple(s for s in row[C.SOURCES].split(";") if s),
                notes=row[C.NOTES],
            )
        )
    return sorted(links, key=lambda link: (link.label, link.other_name))


def build_milestones(dataset: Dataset, actor_id: str, lang: str) -> pd.DataFrame:
    """The actor's dated events, oldest first, in the reader's language."""
    rows = dataset.milestones_of(actor_id)
    return pd.DataFrame(
        {
            "date": rows[C.DATE].to_list(),
            "kind": [dataset.taxonomy.label(V.MILESTONE_KINDS, k, lang) for k in rows[C.KIND]],
            "title": rows[f"title_{lang}"].to_list(),
            "amount": [format_euros(a, lang) for a in rows[C.AMOUNT_EUR]],
            "sources": [s.split(";")[0] for s in rows[C.SOURCES]],
        }
    )


def describe_position(actor: pd.Series, places: pd.DataFrame, taxonomy: Taxonomy, lang: str) -> str:
    """What the map position stands for: 'On its campus or hospital site: Hôpital de la Timone'."""
    precision = taxonomy.label(V.PRECISIONS, actor[C.PRECISION], lang)
    place = places[places[C.ID] == actor[C.SITE]]
    colon = " : " if lang == "fr" else ": "  # French puts a space before the colon
    return f"{precision}{colon}{place.iloc[0][C.NAME]}" if len(place) else precision


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def escape_markdown(text: str) -> str:
    """Data shown as text, never as markup: hostile names stay inert."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text or ""))


def _link(url: str, label: str | None = None) -> str:
    safe = url.replace(")", "%29").replace(" ", "%20")
    return f"[{escape_markdown(label or url)}]({safe})" if re.match(r"^https?://", url) else escape_markdown(url)


def _known(value) -> bool:
    return value is not None and not pd.isna(value) and str(value) != ""


# Badge colours of multi-valued facets, in the descriptor's order.
BADGE_COLOURS = ("blue", "violet", "green", "orange", "red", "gray")


def describe_facet(actor: pd.Series, facet: Facet, taxonomy: Taxonomy, lang: str, colour: str = "blue") -> str:
    """An actor's value of a facet as Markdown: `colour` badges for several items, a label for one; '' if unknown."""
    value = actor[facet.column]
    if facet.multi:
        labels = taxonomy.labels(facet.vocabulary, value, lang)
        return " ".join(f":{colour}-badge[{escape_markdown(label)}]" for label in labels)
    if not value:
        return ""
    text = escape_markdown(taxonomy.label(facet.vocabulary, value, lang))
    if facet.column == C.STATUS and _known(actor[C.STATUS_YEAR]):
        return t("status_since", lang, status=text, year=int(actor[C.STATUS_YEAR]))
    return text


def build_actor_facts(actor: pd.Series, dataset: Dataset, lang: str) -> list[tuple[str, str]]:
    """(label, Markdown value) for every fact of the profile; unknown facts say so."""
    taxonomy = dataset.taxonomy
    names = dataset.names()
    unknown = f"_{t('not_given', lang)}_"

    multi = [facet for facet in dataset.schema.facets if facet.multi]
    facts = [
        (
            t(f"col_{facet.column}", lang),
            describe_facet(
                actor,
                facet,
                taxonomy,
                lang,
                BADGE_COLOURS[multi.index(facet) % len(BADGE_COLOURS)] if facet.multi else "",
            )
            or unknown,
        )
        for facet in dataset.schema.facets
        if facet.column != C.TYPE  # the profile's caption names the type
    ]
    facts.append((t("fact_founded", lang), str(int(actor[C.FOUNDED])) if _known(actor[C.FOUNDED]) else unknown))
    for column, key in ((C.ACQUIRED_BY, "fact_acquired_by"), (C.PARENT, "fact_parent")):
        if actor[column]:
            facts.append((t(key, lang), escape_markdown(names.get(actor[column], actor[column]))))
    if actor[C.MIB_MEMBER]:
        facts.append((t("fact_mib", lang), t("fact_mib_member", lang)))
    if actor[C.FRANCE2030]:
        facts.append((t("fact_france2030", lang), escape_markdown(actor[C.FRANCE2030])))
    address = ", ".join(v for v in (actor[C.ADDRESS], actor[C.POSTCODE], actor[C.CITY]) if v)
    facts.append((t("fact_address", lang), escape_markdown(address) if address else unknown))
    facts.append((t("fact_location", lang), escape_markdown(describe_position(actor, dataset.places, taxonomy, lang))))
    if actor[C.WEBSITE]:
        facts.append((t("fact_website", lang), _link(actor[C.WEBSITE])))
    registries = build_registry_links(dataset, actor)
    if registries:
        facts.append(
            (t("col_identifiers", lang), " · ".join(f"{label} {_link(url, value)}" for label, value, url in registries))
        )
    if actor[C.NOTES]:
        facts.append((t("fact_notes", lang), escape_markdown(actor[C.NOTES])))
    return facts


def build_source_links(sources: str | tuple[str, ...]) -> list[str]:
    """Sources (a ';'-separated cell or a tuple of URLs) as Markdown links."""
    urls = sources.split(";") if isinstance(sources, str) else sources
    return [_link(url) for url in urls if url]


def label_value(label: str, value: str, lang: str) -> str:
    """'Label: value', with the space French puts before a colon."""
    return f"{label}{t('colon', lang)}{value}"


def build_relation_sources(link: Link, lang: str) -> str:
    """'Source: [a](…) · [b](…)': where a relation is stated, as links."""
    return label_value(t("col_source", lang), " · ".join(build_source_links(link.sources)), lang)


def build_relation_line(link: Link) -> str:
    """'Acquired by (2021)': what the relation says, without the other actor (the page links it)."""
    return f"{link.label} ({link.year})" if link.year else link.label


def build_headline_figures(dataset: Dataset, actors: pd.DataFrame, lang: str) -> list[tuple[str, int]]:
    """(label, count) for the home page's headline figures."""
    taxonomy = dataset.taxonomy
    figures = [(t("metric_actors", lang), len(actors))]
    home = dataset.home_scope
    if home:
        figures.append((taxonomy.label(V.SCOPES, home, lang), int((actors[C.SCOPE] == home).sum())))
    figures += [
        (taxonomy.label(V.TYPES, kind, lang), int((actors[C.TYPE] == kind).sum()))
        for kind in taxonomy.ids_where(V.TYPES, C.HEADLINE)
    ]
    figures += [
        (t("metric_mib", lang), int(actors[C.MIB_MEMBER].sum())),
        (t("metric_f2030", lang), int((actors[C.FRANCE2030] != "").sum())),
    ]
    return figures
