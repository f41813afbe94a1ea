"""Every registered page in French reads as French: dates in words, no English sentence left over.

The pages' shown text (titles, headers, markdown, captions, metrics, notices, dataframes' headers)
is collected through AppTest; a date written as ISO or a phrase that only the English catalogue
holds fails the page. Actors' notes are the curators' English and say so: their text is left out.
"""

import re

import pytest
from streamlit.testing.v1 import AppTest

from ecosystem.i18n import STRINGS
from ecosystem.load import load_dataset
from ecosystem.navigation import PAGES
from tests.conftest import DATA
from tests.test_app import open_page
from tests.urls import ACTOR, LANG

TAXONOMY = load_dataset(DATA).taxonomy
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
URL = re.compile(r"\(https?://[^)\s]*\)|https?://\S+")
# English phrases that once showed on French pages, and what every English takeaway says.
ENGLISH_ONLY = (
    "Data as of",
    "of the",
    "actors shown",
    "work on",
    "What each column means",
    "Most advanced programme",
    "Registry identifiers",
    "not given by our sources",
    "None",
)
# A taxonomy label dropped capitalised and bare into a French sentence ('travaillent sur Cancers avec Anticorps').
_LABELS = [TAXONOMY.label(name, item, "fr") for name in ("areas", "modalities") for item in TAXONOMY.ids(name)]
BARE_LABEL = re.compile(r"\b(?:sur|avec) (?:" + "|".join(re.escape(label) for label in _LABELS) + r")\b")
NOTES_FR = STRINGS["fact_notes_in_english"]["fr"]
# Actors whose profiles carry most kinds of facts (relations, milestones, registry links, notes).
ACTORS = ("innate-pharma", "adcytherix", "abreos")


def collect_shown_text(app: AppTest) -> list[str]:
    """Every text the page shows, one item per element."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "text") for e in app.get(kind)]
    parts += [e.value for kind in ("info", "warning", "error", "success") for e in app.get(kind)]
    parts += [f"{m.label} {m.value}" for m in app.metric]
    parts += [e.label for e in app.expander] if hasattr(app, "expander") else []
    parts += [" ".join(str(c) for c in frame.value.columns) for frame in app.dataframe]
    return [str(part) for part in parts]


def find_english_or_iso(shown: list[str]) -> list[str]:
    """The shown texts with an ISO date or an English-only phrase, link targets and the notes' text left out."""
    found = []
    for part in shown:
        text = URL.sub("", part)
        if NOTES_FR in text:  # the curators' notes, in English by design, under a label that says so
            text = text.split(NOTES_FR)[0]
        if (
            ISO_DAY.search(text)
            or BARE_LABEL.search(text)
            or any(re.search(rf"\b{re.escape(phrase)}\b", text) for phrase in ENGLISH_ONLY)
        ):
            found.append(part)
    return found


@pytest.mark.parametrize(
    ("shown", "flagged"),
    [
        (["Données à jour au 1er décembre 2026"], []),
        (["Données à jour au 2026-12-01"], ["Données à jour au 2026-12-01"]),
        (["[source](https://example.org/2026-12-01/page)"], []),
        (["9 of the 40 actors shown work on cancers"], ["9 of the 40 actors shown work on cancers"]),
        (["Fondé : None"], ["Fondé : None"]),
        (
            ["9 des 40 acteurs travaillent sur Cancers avec Anticorps"],
            ["9 des 40 acteurs travaillent sur Cancers avec Anticorps"],
        ),
        (["9 des 40 acteurs travaillent sur les cancers avec des anticorps"], []),
        (["son travail de 2020 avec Marseille"], []),
        ([f"**{NOTES_FR}** — Renamed on 2019-04-01 after the merger"], []),
    ],
)
def test_find_english_or_iso(shown, flagged):
    assert find_english_or_iso(shown) == flagged


def _cases():
    cases = [(page.key, {}) for page in PAGES if page.key != "actor"]
    return cases + [("actor", {ACTOR: actor}) for actor in ACTORS]


@pytest.mark.parametrize(("page", "params"), _cases())
def test_french_pages_read_as_french(page, params):
    app = open_page(page, {LANG: "fr", **params})
    shown = collect_shown_text(app)
    assert any(text.strip() for text in shown)
    assert find_english_or_iso(shown) == []


def test_french_profile_labels_the_notes_as_english():
    app = open_page("actor", {LANG: "fr", ACTOR: ACTORS[0]})
    assert any(NOTES_FR in str(e.value) for e in app.markdown)
