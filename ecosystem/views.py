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
# The profile's fact that the site's sources (places.csv) stand for: where the map puts the actor.
LOCATION = "location"
# The curators write the actors' notes in English only: a page in another language says so beside them.
NOTES_LANG = "en"
# A source link shows its site's name: a whole address would be cut in a table column.
HOST_DISPLAY = r"^https?://(?:www\.)?([^/?#]+)"
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
    """A column of a table the reader sees: its key in the table, its header, how to show it, its width in pixels."""

    column: str
    label: str
    kind: str  # "text", "list" (several items), "year", "link"
    width: int | None = None  # None: sized to its content
    display: str | None = (
        None  # a link's text: a fixed text, or a pattern whose group is shown (a registry id by default)
    )


# The directory's widths: what a reader needs (name, type, areas, modalities, stage, city: 940 px with the
# selection column) fits the 980 px a 1440 px screen leaves beside the sidebar; the rest is a scroll away. A facet the descriptor adds takes the default width.
DIRECTORY_WIDTHS = {
    C.NAME: 190,
    C.TYPE: 160,
    C.AREAS: 170,
    C.MODALITIES: 180,
    C.STAGE: 150,
    C.CITY: 90,
    C.STATUS: 110,
    C.FOUNDED: 90,
    REGISTRY: 150,
}
# Facets shown after the city: the reader's second look.
DIRECTORY_LATER = (C.STATUS,)
# Rows the directory shows at once (about a 900 px screen's worth below the title), and the grid's row height.
DIRECTORY_ROWS = 18
ROW_HEIGHT = 35


def build_directory_columns(dataset: Dataset, lang: str) -> list[TableColumn]:
    """The directory's columns: the name, the descriptor's facets, the city, the founding year, the registry.

    A facet's header is its catalogue key `col_<column>`: a facet added to the descriptor shows here.
    """

    def facet_column(facet: Facet) -> TableColumn:
        kind = "list" if facet.multi else "text"
        return TableColumn(facet.column, t(f"col_{facet.column}", lang), kind, DIRECTORY_WIDTHS.get(facet.column))

    facets = dataset.schema.facets
    return [
        TableColumn(C.NAME, t("col_name", lang), "text", DIRECTORY_WIDTHS[C.NAME]),
        *(facet_column(facet) for facet in facets if facet.column not in DIRECTORY_LATER),
        TableColumn(C.CITY, t("col_city", lang), "text", DIRECTORY_WIDTHS[C.CITY]),
        *(facet_column(facet) for facet in facets if facet.column in DIRECTORY_LATER),
        TableColumn(C.FOUNDED, t("col_founded", lang), "year", DIRECTORY_WIDTHS[C.FOUNDED]),
        TableColumn(REGISTRY, t("col_identifiers", lang), "link", DIRECTORY_WIDTHS[REGISTRY]),
    ]


def measure_table_height(rows: int, shown: int = DIRECTORY_ROWS) -> int:
    """Pixels for a grid of `rows` rows: every row up to `shown`, then it scrolls (header and border included)."""
    return ROW_HEIGHT * (max(min(rows, shown), 1) + 1) + 3


def build_directory_table(dataset: Dataset, actors: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per actor, in the columns of `build_directory_columns`, taxonomy ids shown as labels.

    Missing values are empty: the founding year a nullable integer, no link an empty string, so no cell reads None.
    """
    taxonomy = dataset.taxonomy
    table = pd.DataFrame(index=actors.index.to_list())
    facets = {facet.column: facet for facet in dataset.schema.facets}
    for column in build_directory_columns(dataset, lang):
        if column.column in facets:
            facet = facets[column.column]
            table[column.column] = label_column(
                actors[column.column], taxonomy, facet.vocabulary, lang, multi=facet.multi
            )
        elif column.column == C.FOUNDED:
            table[C.FOUNDED] = (
                pd.to_numeric(actors[C.FOUNDED], errors="coerce").round().astype("Int64").set_axis(table.index)
            )
        elif column.column == REGISTRY:
            table[REGISTRY] = build_identifier_links(dataset, actors).fillna("").to_list()
        else:
            table[column.column] = actors[column.column].fillna("").astype(str).to_list()
    return table


def build_registry_links(dataset: Dataset, actor: pd.Series) -> list[tuple[str, str, str, str]]:
    """(column, registry, identifier, URL) for each identifier the actor has, by the descriptor's record URLs."""
    links = []
    for registry in dataset.schema.registries:
        value = str(actor.get(registry.column) or "").strip()
        if value:
            links.append((registry.column, registry.label, value, registry.url(value)))
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
                sources=tuple(s for s in row[C.SOURCE_URLS].split(";") if s),
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
            "sources": [s.split(";")[0] for s in rows[C.SOURCE_URLS]],
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


def link_markdown(url: str, label: str | None = None) -> str:
    """A Markdown link whose text is inert; a value that is not an http(s) URL is shown as text, never linked."""
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


def build_actor_facts(
    actor: pd.Series, dataset: Dataset, lang: str, marks: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """(label, Markdown value) for every fact of the profile; unknown facts say so.

    `marks` (fact -> '[1] [3]', from `references.mark_facts`) follow the facts their sources state.
    """
    marks = marks or {}

    def marked(field: str, value: str) -> str:
        return f"{value} {marks[field]}" if field in marks else value

    taxonomy = dataset.taxonomy
    names = dataset.names()
    unknown = f"_{t('not_given', lang)}_"

    multi = [facet for facet in dataset.schema.facets if facet.multi]
    facts = []
    for facet in dataset.schema.facets:
        if facet.column == C.TYPE:  # the profile's caption names the type
            continue
        colour = BADGE_COLOURS[multi.index(facet) % len(BADGE_COLOURS)] if facet.multi else ""
        value = describe_facet(actor, facet, taxonomy, lang, colour)
        facts.append((t(f"col_{facet.column}", lang), marked(facet.column, value) if value else unknown))
    founded = marked(C.FOUNDED, str(int(actor[C.FOUNDED]))) if _known(actor[C.FOUNDED]) else unknown
    facts.append((t("fact_founded", lang), founded))
    for column, key in ((C.ACQUIRED_BY, "fact_acquired_by"), (C.PARENT, "fact_parent")):
        if actor[column]:
            facts.append((t(key, lang), escape_markdown(names.get(actor[column], actor[column]))))
    if actor[C.MIB_MEMBER]:
        facts.append((t("fact_mib", lang), t("fact_mib_member", lang)))
    if actor[C.FRANCE2030]:
        facts.append((t("fact_france2030", lang), marked(C.FRANCE2030, escape_markdown(actor[C.FRANCE2030]))))
    address = ", ".join(v for v in (actor[C.ADDRESS], actor[C.POSTCODE], actor[C.CITY]) if v)
    facts.append((t("fact_address", lang), marked(C.FACT_ADDRESS, escape_markdown(address)) if address else unknown))
    position = escape_markdown(describe_position(actor, dataset.places, taxonomy, lang))
    facts.append((t("fact_location", lang), marked(LOCATION, position)))
    if actor[C.WEBSITE]:
        facts.append((t("fact_website", lang), marked(C.WEBSITE, link_markdown(actor[C.WEBSITE]))))
    registries = build_registry_links(dataset, actor)
    if registries:
        facts.append(
            (
                t("col_identifiers", lang),
                " · ".join(
                    marked(column, f"{label} {link_markdown(url, value)}") for column, label, value, url in registries
                ),
            )
        )
    if actor[C.NOTES]:
        notes_label = t("fact_notes", lang) if lang == NOTES_LANG else t("fact_notes_in_english", lang)
        facts.append((notes_label, escape_markdown(actor[C.NOTES])))
    return facts


def build_source_links(sources: str | tuple[str, ...]) -> list[str]:
    """Sources (a ';'-separated cell or a tuple of URLs) as Markdown links named by their site."""
    urls = sources.split(";") if isinstance(sources, str) else sources
    return [link_markdown(url, match[1] if (match := re.match(HOST_DISPLAY, url)) else None) for url in urls if url]


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
