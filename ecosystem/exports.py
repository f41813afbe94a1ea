"""Files that leave the app: the filtered list (CSV, Excel), one actor's record (CSV, JSON), the map (HTML).

Every exported text cell that a spreadsheet would run as a formula is made
inert, and every file says where it comes from: the view's link, the release
and the licence.
"""

import base64
import html
import io
import json
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .formatting import format_day
from .i18n import t
from .load import ACTORS, MILESTONES, RELATIONS, SOURCES, Dataset
from .paths import STATIC_DIR, STATIC_URL
from .text import split_multi

# A cell starting with one of these is a formula to Excel, LibreOffice or Google Sheets
# (the full-width forms too, in some locales); OWASP's advice is to prefix a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise_cell(value):
    """A text that a spreadsheet would evaluate, prefixed with a quote; plain numbers and other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.map(neutralise_cell)


def export_columns(dataset: Dataset) -> list[str]:
    """The actors' columns as the descriptor lists them, then the derived ones (the sources' URLs last)."""
    return [*dataset.schema.columns(ACTORS), *C.DERIVED, C.SOURCE_URLS]


LABEL_SUFFIX = "_label"


def build_actor_table(dataset: Dataset, actors: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The listed actors with the package's column names, stable ids, formulas made inert.

    With `lang`, each vocabulary column is followed by `<column>_label`: its ids as the reader reads them,
    so that a spreadsheet is readable without the taxonomy files while the ids stay for joins.
    """
    frame = actors[export_columns(dataset)].copy()
    for column in dataset.schema.multi_valued(ACTORS):
        frame[column] = frame[column].map(lambda items: ";".join(items) if isinstance(items, tuple) else items)
    if lang is not None:
        for vocabulary_column in dataset.schema.vocabulary_columns:
            if vocabulary_column.resource != ACTORS or vocabulary_column.column not in frame.columns:
                continue
            labels = build_label_column(dataset, actors[vocabulary_column.column], vocabulary_column.vocabulary, lang)
            position = list(frame.columns).index(vocabulary_column.column) + 1
            frame.insert(position, vocabulary_column.column + LABEL_SUFFIX, labels)
        for facet in dataset.schema.facets:  # a facet derived on load (the stage) is labelled too
            if facet.column in frame.columns and facet.column + LABEL_SUFFIX not in frame.columns:
                labels = build_label_column(dataset, actors[facet.column], facet.vocabulary, lang)
                frame.insert(list(frame.columns).index(facet.column) + 1, facet.column + LABEL_SUFFIX, labels)
    return neutralise_frame(frame)


def build_label_column(dataset: Dataset, values: pd.Series, vocabulary: str, lang: str) -> list[str]:
    """Ids (or tuples of ids) as labels in `lang`, '; '-separated for several items; empty stays empty."""
    labels = {item: dataset.taxonomy.label(vocabulary, item, lang) for item in dataset.taxonomy.ids(vocabulary)}

    def label(value) -> str:
        items = value if isinstance(value, tuple | list) else [value] if isinstance(value, str) and value else []
        return "; ".join(labels.get(item, item) for item in items)

    return [label(value) for value in values]


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """RFC 4180 CSV (CRLF, so that a carriage return inside a cell is quoted), UTF-8 with a BOM for Excel."""
    return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def build_export_csv(dataset: Dataset, actors: pd.DataFrame, lang: str | None = None) -> bytes:
    """Exactly the listed actors as UTF-8 CSV that spreadsheets open (with a BOM for Excel); labels in `lang`."""
    return to_csv_bytes(build_actor_table(dataset, actors, lang))


@dataclass(frozen=True)
class Provenance:
    """Where an export comes from, stated in every file."""

    url: str
    citation: str
    licence: str
    release: str
    data_as_of: str


def build_export_about(provenance: Provenance, filter_words: str, rows: int, lang: str) -> pd.DataFrame:
    """The 'about' sheet: the filter in words, the view's link, citation, licence, release and date."""
    lines = [
        ("export_filter", filter_words),
        ("export_url", provenance.url),
        ("export_rows", str(rows)),
        ("export_citation", provenance.citation),
        ("export_licence", provenance.licence),
        ("export_release", re.sub(ISO_DAY, lambda day: format_day(day[0], lang), provenance.release)),
        ("export_data_as_of", format_day(provenance.data_as_of, lang)),
        ("data_dictionary", t("export_dictionary", lang)),
    ]
    return pd.DataFrame(
        [(t(key, lang), value) for key, value in lines], columns=[t("export_field", lang), t("export_value", lang)]
    )


def build_export_xlsx(
    dataset: Dataset,
    actors: pd.DataFrame,
    dictionary: pd.DataFrame,
    provenance: Provenance,
    filter_words: str,
    lang: str,
) -> bytes:
    """The listed actors, then what the list is (filter in words, link, licence), then the column dictionary."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        build_actor_table(dataset, actors, lang).to_excel(writer, sheet_name="actors", index=False)
        neutralise_frame(build_export_about(provenance, filter_words, len(actors), lang)).to_excel(
            writer, sheet_name="about", index=False
        )
        neutralise_frame(dictionary).to_excel(writer, sheet_name="dictionary", index=False)
    return buffer.getvalue()


def build_table_xlsx(
    table: pd.DataFrame, sheet: str, dictionary: pd.DataFrame, provenance: Provenance, filter_words: str, lang: str
) -> bytes:
    """Any listed table (programmes, rounds) like the actors' export: the rows, what they are, the dictionary."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise_frame(table).to_excel(writer, sheet_name=sheet, index=False)
        neutralise_frame(build_export_about(provenance, filter_words, len(table), lang)).to_excel(
            writer, sheet_name="about", index=False
        )
        neutralise_frame(dictionary).to_excel(writer, sheet_name="dictionary", index=False)
    return buffer.getvalue()


def build_listing_csv(table: pd.DataFrame) -> bytes:
    """Any listed table as the actors' CSV is written: formulas made inert, UTF-8 with a BOM."""
    return to_csv_bytes(neutralise_frame(table))


# --- one actor's record --------------------------------------------------------------------


def _plain(value):
    """A JSON-ready value: lists for multi-valued cells, None for missing ones, Python numbers."""
    if isinstance(value, tuple):
        return list(value)
    if value is None or (not isinstance(value, str | bool) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _sources(cell) -> list[str]:
    items = cell if isinstance(cell, tuple | list) else str(cell or "").split(";")
    return [item for item in items if item]


def build_actor_record(dataset: Dataset, actor_id: str, lang: str, provenance: Provenance) -> dict | None:
    """One actor with its relations (both directions), milestones and the sources they cite (title, publisher,
    date, kind), as plain data; None for an unknown id."""
    actor = dataset.find_actor(actor_id)
    if actor is None:
        return None
    names = dataset.names()
    relations = []
    for row in dataset.relations_of(actor_id).to_dict("records"):
        outgoing = row[C.SOURCE_ID] == actor_id
        other = row[C.TARGET_ID] if outgoing else row[C.SOURCE_ID]
        kind = dataset.taxonomy.row(V.RELATION_KINDS, row[C.KIND])
        relations.append(
            {
                **{column: _plain(row[column]) for column in dataset.schema.columns(RELATIONS)},
                C.SOURCES: _sources(row[C.SOURCE_URLS]),
                "label": kind.get(f"{'label' if outgoing else 'inverse'}_{lang}", row[C.KIND]),
                "other_id": other,
                "other_name": names.get(other, other),
            }
        )
    milestones = [
        {
            **{column: _plain(row[column]) for column in dataset.schema.columns(MILESTONES)},
            C.SOURCES: _sources(row[C.SOURCE_URLS]),
            "kind_label": dataset.taxonomy.label(V.MILESTONE_KINDS, row[C.KIND], lang),
        }
        for row in dataset.milestones_of(actor_id).to_dict("records")
    ]
    record = {column: _plain(actor[column]) for column in export_columns(dataset)}
    record[C.SOURCES] = _sources(actor[C.SOURCE_URLS])
    cited = [actor[C.SOURCES], *dataset.relations_of(actor_id)[C.SOURCES], *dataset.milestones_of(actor_id)[C.SOURCES]]
    ids = dict.fromkeys(item for cell in cited for item in split_multi(cell))
    sources = [
        {column: _plain(source[column]) for column in dataset.schema.columns(SOURCES)}
        for item in ids
        if (source := dataset.find_source(item)) is not None
    ]
    return {
        "actor": record,
        "relations": relations,
        "milestones": milestones,
        "sources": sources,
        "url": provenance.url,
        "citation": provenance.citation,
        "licence": provenance.licence,
        "release": provenance.release,
        "data_as_of": provenance.data_as_of,
    }


def build_actor_json(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")


def build_actor_csv(record: dict) -> bytes:
    """The record as one table: a `section` column (actor, relation, milestone, source), the package's columns beside it."""

    def cells(section: str, item: dict) -> dict:
        flat = {key: ";".join(map(str, value)) if isinstance(value, list) else value for key, value in item.items()}
        return {"section": section, **flat}

    rows = [cells("actor", record["actor"])]
    rows += [cells("relation", item) for item in record["relations"]]
    rows += [cells("milestone", item) for item in record["milestones"]]
    rows += [cells("source", item) for item in record.get("sources", [])]
    return to_csv_bytes(neutralise_frame(pd.DataFrame(rows)))


# --- the map as one self-contained file -------------------------------------------------------

_TAG = re.compile(r"<(script|link|img)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\s(src|href)\s*=\s*(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")


class AssetError(ValueError):
    """The map needs a file that cannot be put inside it."""


def find_static_file(url: str, static_dir: Path = STATIC_DIR) -> Path | None:
    """The file under static/ that an app URL (`/app/static/...`, absolute or relative) points at, else None."""
    path = unquote(urlsplit(url).path)
    marker = path.find(STATIC_URL + "/")
    if marker < 0 or (marker > 0 and path[marker - 1] != "/"):
        return None
    root = static_dir.resolve()
    candidate = (root / path[marker + len(STATIC_URL) + 1 :]).resolve()
    if root not in candidate.parents or not candidate.is_file():
        raise AssetError(f"{url}: no such file under static/")
    return candidate


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(css: str, css_path: Path, static_dir: Path) -> str:
    """A stylesheet with the images it names (relative to itself) as data URIs."""

    def replace(match: re.Match) -> str:
        target = match[2].strip()
        if target.startswith(("data:", "#")) or re.match(r"^[a-z]+://", target):
            return match[0]
        path = (css_path.parent / unquote(urlsplit(target).path)).resolve()
        if static_dir.resolve() not in path.parents or not path.is_file():
            return match[0]
        return f'url("{_data_uri(path)}")'

    return _CSS_URL.sub(replace, css)


def _is_external(url: str) -> bool:
    return bool(re.match(r"^([a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE)) and find_static_file(url) is None


def inline_static_assets(page: str, static_dir: Path = STATIC_DIR) -> str:
    """Put every script, stylesheet and image the page loads from the app's static/ inside the page.

    Works on any rendered folium page, whatever plugins it loads from static/;
    a script or stylesheet from elsewhere is an error, since the file must work with the network cut.
    """

    def replace(match: re.Match) -> str:
        tag, name = match[0], match[1].lower()
        attr = _ATTR.search(tag)
        if attr is None:
            return tag
        url = attr[3]
        if name == "link" and "stylesheet" not in tag.lower():
            return tag
        path = find_static_file(url, static_dir)
        if path is None:
            if name in ("script", "link") and _is_external(url):
                raise AssetError(f"{url}: loaded from the network, so the file would not work offline")
            return tag
        if name == "script":
            code = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
            return _ATTR.sub("", tag, count=1) + code
        if name == "link":
            css = _inline_css(path.read_text(encoding="utf-8"), path, static_dir)
            return "<style>" + css.replace("</style", "<\\/style") + "</style>"
        return tag.replace(attr[0], f' src="{_data_uri(path)}"')

    page = _TAG.sub(replace, page)
    # images named in inline styles or scripts
    return re.sub(
        r"""(["'(])((?:[a-z]+://[^"'()\s]*)?/?""" + re.escape(STATIC_URL) + r"""/[^"'()\s]+)""",
        lambda m: m[1] + (_data_uri(p) if (p := find_static_file(m[2], static_dir)) else m[2]),
        page,
    )


def build_map_credit(title: str, provenance: Provenance) -> str:
    """The dataset's credit for the map's attribution corner: name and release linking to the view, licence."""
    url = html.escape(provenance.url, quote=True)
    link = f'<a href="{url}">{html.escape(title)} {html.escape(provenance.release)}</a>'
    return f"{link}, {html.escape(provenance.licence)}"


__all__ = [
    "AssetError",
    "Provenance",
    "build_actor_csv",
    "build_actor_json",
    "build_actor_record",
    "build_export_csv",
    "build_export_xlsx",
    "build_listing_csv",
    "build_table_xlsx",
    "inline_static_assets",
    "neutralise_cell",
]
