"""Citations a reader can paste: one line per actor, and the dataset as BibTeX and CSL-JSON.

Title, authors, version, date and licence come from the descriptor, the same
place CITATION.cff is checked against, so every citation names the same release.
"""

import json
import re

from .formatting import format_day
from .i18n import t
from .release import Release
from .share import format_licence


def build_actor_citation(name: str, verified: str, release: Release, url: str, lang: str) -> str:
    """'“Innate Pharma”, in Marseille immunology ecosystem, release 0.2.1 of … Record last verified on ….'"""
    return t(
        "cite_actor_line",
        lang,
        name=" ".join(str(name).split()),
        title=t("app_title", lang),
        version=release.version,
        date=format_day(release.date, lang),
        url=url,
        verified=format_day(verified, lang) if verified else t("not_given", lang),
        licence=format_licence(release),
    )


def _cite_key(release: Release) -> str:
    """A BibTeX key readers can keep: the package name and its version, letters, digits and dashes only."""
    return re.sub(r"[^A-Za-z0-9-]+", "-", f"{release.name}-{release.version}").strip("-") or "dataset"


def _bibtex_text(text: str) -> str:
    """A value safe inside BibTeX braces: its special characters escaped, braces balanced."""
    escaped = re.sub(r"([\\{}%&$#_^~])", r"\\\1", " ".join(str(text).split()))
    return escaped.replace("\\\\", "\\textbackslash{}")


def build_bibtex(release: Release, url: str) -> str:
    """The dataset as a BibTeX @misc entry (the type every BibTeX style knows)."""
    authors = " and ".join("{" + _bibtex_text(name) + "}" for name in release.authors)
    fields = [
        ("title", "{" + _bibtex_text(release.title) + "}"),
        ("author", authors),
        ("year", release.date[:4]),
        ("version", _bibtex_text(release.version)),
        ("url", url.replace("}", "%7D").replace("{", "%7B")),
        ("note", _bibtex_text(f"Dataset, {format_licence(release)}")),
    ]
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields if value)
    return f"@misc{{{_cite_key(release)},\n{body}\n}}"


def build_csl_json(release: Release, url: str) -> str:
    """The dataset as CSL-JSON (what Zotero and pandoc read): one item of type `dataset`."""
    parts = [int(part) for part in re.findall(r"\d+", release.date)[:3]]
    item: dict[str, object] = {
        "id": _cite_key(release),
        "type": "dataset",
        "title": release.title,
        "author": [{"literal": name} for name in release.authors],
        "version": release.version,
        "URL": url,
        "note": format_licence(release),
    }
    if parts:
        item["issued"] = {"date-parts": [parts]}
    return json.dumps([item], ensure_ascii=False, indent=2)


__all__ = ["build_actor_citation", "build_bibtex", "build_csl_json"]
