"""A profile's references: the actor's sources numbered, and each fact marked with the numbers of its own.

A journalist quotes a fact with its source ("according to La Provence, 12 March
2024"): the profile puts [1] beside the fact and lists 1 as "Title — Publisher,
date (read on …)", linking the page and its archived copy. A copy of someone
else's page says so.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from . import columns as C
from . import vocabularies as V
from .formatting import format_day
from .i18n import t
from .load import Dataset
from .text import split_multi
from .views import LOCATION, escape_markdown, link_markdown


@dataclass(frozen=True)
class Reference:
    """One numbered source of a profile, as sources.csv describes it (empty fields for an undeclared id)."""

    number: int
    source_id: str
    url: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    published: str = ""
    read: str = ""
    archive_url: str = ""
    kind: str = ""
    copy: bool = False


def _reference(number: int, source_id: str, row: pd.Series | None, copies: set[str]) -> Reference:
    if row is None:  # an id sources.csv lacks (the check reports it): a URL written in its place still links
        return Reference(number, source_id, source_id if source_id.startswith(("http://", "https://")) else "")
    return Reference(
        number=number,
        source_id=source_id,
        url=row[C.URL],
        title=row[C.TITLE],
        publisher=row[C.PUBLISHER],
        author=row[C.AUTHOR],
        published=row[C.PUBLISHED],
        read=row[C.READ],
        archive_url=row[C.ARCHIVE_URL],
        kind=row[C.KIND],
        copy=row[C.KIND] in copies,
    )


def list_references(dataset: Dataset, actor: pd.Series) -> list[Reference]:
    """The actor's sources, numbered from 1 in its own order, then those of its facts, its stage and its site."""
    ids = list(split_multi(actor[C.SOURCES]))
    for sources in dataset.fact_sources.get(actor[C.ID], {}).values():
        ids += [item for item in sources if item not in ids]
    ids += [item for item in (*_stage_sources(dataset, actor), *_site_sources(dataset, actor)) if item not in ids]
    copies = set(dataset.taxonomy.ids_where(V.SOURCE_KINDS, C.ROLE, C.ROLE_MIRROR))
    return [_reference(number, item, dataset.find_source(item), copies) for number, item in enumerate(ids, start=1)]


def _stage_sources(dataset: Dataset, actor: pd.Series) -> tuple[str, ...]:
    """The sources of the active programmes at the actor's stage: the stage is derived from them."""
    if not actor.get(C.STAGE):
        return ()
    active = set(dataset.taxonomy.ids_where(V.PROGRAMME_STATUSES, C.ROLE, C.ROLE_ACTIVE))
    programmes = dataset.programmes_of(actor[C.ID])
    chosen = programmes[(programmes[C.PHASE] == actor[C.STAGE]) & programmes[C.STATUS].isin(active)]
    return tuple(dict.fromkeys(item for cell in chosen[C.SOURCES] for item in split_multi(cell)))


def _site_sources(dataset: Dataset, actor: pd.Series) -> tuple[str, ...]:
    place = dataset.places[dataset.places[C.ID] == actor[C.SITE]]
    return split_multi(place.iloc[0][C.SOURCES]) if len(place) else ()


def mark(numbers: list[Reference], *, linked: bool = True) -> str:
    """'[1] [3]' in small type, in order, each number linking its page ('' for none).

    Unlinked for a caption: a link in grey caption text is too pale to read (WCAG contrast).
    """
    if not numbers:
        return ""
    marks = " ".join(
        f"[\\[{ref.number}\\]]({_safe(ref.url)})" if ref.url and linked else f"\\[{ref.number}\\]"
        for ref in sorted(numbers, key=lambda ref: ref.number)
    )
    return f":small[{marks}]"


def _safe(url: str) -> str:
    return url.replace(")", "%29").replace(" ", "%20")


def mark_facts(dataset: Dataset, actor: pd.Series, references: list[Reference]) -> dict[str, str]:
    """Fact (a column of actors.csv, `address`, or `location`) -> the Markdown marks of the sources that state it.

    The type's marks are plain numbers: the page shows the type in its caption.
    """
    by_id = {ref.source_id: ref for ref in references}
    marks = {
        field: mark([by_id[item] for item in sources if item in by_id], linked=field != C.TYPE)
        for field, sources in dataset.fact_sources.get(actor[C.ID], {}).items()
    }
    for field, sources in ((C.STAGE, _stage_sources(dataset, actor)), (LOCATION, _site_sources(dataset, actor))):
        if field not in marks:
            marks[field] = mark([by_id[item] for item in sources if item in by_id])
    return {field: text for field, text in marks.items() if text}


# An untitled page shows its address, cut to what a line holds.
ADDRESS_CHARS = 60


def _shorten(text: str) -> str:
    return text if len(text) <= ADDRESS_CHARS else text[: ADDRESS_CHARS - 1] + "…"


def _address(url: str) -> str:
    """Host, path and query without the scheme: what names an untitled page ('site.fr/?p=12')."""
    parts = urlsplit(url)
    return _host(url) + parts.path + (f"?{parts.query}" if parts.query else "")


def _host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def describe_reference(ref: Reference, dataset: Dataset, lang: str) -> str:
    """'Title — Publisher, 12 March 2024 · Press · read on 5 December 2026 · archive', as Markdown."""
    title = ref.title or (_shorten(_address(ref.url)) if ref.url else ref.source_id)
    head = link_markdown(ref.url, title) if ref.url else escape_markdown(title)
    byline = ", ".join(
        part
        for part in (escape_markdown(ref.publisher), escape_markdown(ref.author), format_day(ref.published, lang))
        if part
    )
    parts = [f"{head} — {byline}" if byline else head]
    if ref.copy:
        parts.append(t("reference_copy", lang, host=escape_markdown(_host(ref.url))))
    elif ref.kind:
        parts.append(f"_{escape_markdown(dataset.taxonomy.label(V.SOURCE_KINDS, ref.kind, lang))}_")
    if ref.read:
        parts.append(t("reference_read", lang, date=format_day(ref.read, lang)))
    if ref.archive_url:
        parts.append(link_markdown(ref.archive_url, t("reference_archive", lang)))
    return " · ".join(parts)


def build_reference_list(dataset: Dataset, references: list[Reference], lang: str) -> str:
    """The numbered list under the profile, as Markdown."""
    return "\n".join(f"{ref.number}. {describe_reference(ref, dataset, lang)}" for ref in references)
