"""Links and citations that travel: built on the public address, in the reader's language.

A server behind a proxy sees its own address, not the one readers use; the
public base (`PUBLIC_BASE_URL`, from the environment or Streamlit's secrets)
is the start of every link the app prints. Without it, the address in the
reader's browser is used, and the app says so where it shows a link.
"""

from collections.abc import Mapping
from urllib.parse import quote, urlencode, urlsplit

from .filters import FLAGS, Filters
from .formatting import format_day
from .i18n import t
from .load import Dataset
from .release import Release
from .views import label_value
from .vocabularies import SCOPES

PUBLIC_BASE_ENV = "PUBLIC_BASE_URL"


def resolve_public_base(env: Mapping[str, str], secrets: Mapping[str, object] | None = None) -> str | None:
    """The public base URL from the environment, else from the secrets; None when unset or not an http(s) URL."""
    for source in (env, secrets or {}):
        value = str(source.get(PUBLIC_BASE_ENV) or "").strip()
        if value:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https") and parts.netloc and not parts.query and not parts.fragment:
                return value.rstrip("/")
            return None
    return None


def derive_app_root(browser_url: str | None, page_path: str) -> str | None:
    """The app's root from the address the browser shows for a page (Streamlit gives it without the query)."""
    if not browser_url:
        return None
    url = browser_url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    page_path = page_path.strip("/")
    if page_path and url.endswith("/" + page_path):
        url = url[: -len(page_path) - 1]
    return url


def build_public_url(base: str | None, page_path: str, params: Mapping[str, str]) -> str:
    """The link to a page and its view: `base/page?params`; a path alone when there is no base."""
    path = page_path.strip("/")
    query = urlencode(dict(params), safe=",", quote_via=quote)
    return f"{(base or '').rstrip('/')}/{path}" + (f"?{query}" if query else "")


def format_licence(release: Release) -> str:
    """'CC BY 4.0' from the descriptor's 'CC-BY-4.0'."""
    return release.licence_id.replace("-", " ") if release.licence_id else release.licence


def build_citation(release: Release, url: str, lang: str) -> str:
    """How to cite a view: dataset name, release version and date, URL and licence, in the reader's language."""
    return t(
        "citation",
        lang,
        title=t("app_title", lang),
        version=release.version,
        date=format_day(release.date, lang),
        url=url,
        licence=format_licence(release),
    )


def describe_filters(filters: Filters, dataset: Dataset, lang: str) -> str:
    """The filter in words, e.g. 'Type of actor: Biotech or Pharma; Founded between 1990 and 2020'."""
    taxonomy, parts = dataset.taxonomy, []
    for facet in dataset.schema.facets:
        chosen = filters.selected(facet.name)
        if chosen:
            order = {item: rank for rank, item in enumerate(taxonomy.ids(facet.vocabulary))}
            ordered = sorted(chosen, key=lambda i: (order.get(i, len(order)), i))
            labels = [taxonomy.label(facet.vocabulary, item, lang) for item in ordered]
            parts.append(label_value(t(f"filter_{facet.name}", lang), t("or", lang).join(labels), lang))
    if filters.founded:
        parts.append(t("words_founded", lang, start=filters.founded[0], end=filters.founded[1]))
    if filters.q.strip():
        parts.append(label_value(t("filter_q", lang), t("quoted", lang, text=filters.q.strip()), lang))
    if filters.scope:
        parts.append(label_value(t("filter_scope", lang), taxonomy.label(SCOPES, filters.scope, lang), lang))
    for flag in FLAGS:
        if getattr(filters, flag):
            parts.append(t(f"filter_{flag}", lang))
    return "; ".join(parts) if parts else t("words_no_filter", lang)


__all__ = [
    "PUBLIC_BASE_ENV",
    "build_citation",
    "build_public_url",
    "derive_app_root",
    "describe_filters",
    "resolve_public_base",
]
