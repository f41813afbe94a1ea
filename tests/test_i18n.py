"""The catalogue speaks both languages: every key in French and English, and never the same words twice."""

import re
import string

import pytest

from ecosystem.i18n import STRINGS, t
from ecosystem.urlstate import LANGS

# Keys whose text is a name, the same in both languages.
SAME_IN_BOTH = {
    "fact_mib",  # "Marseille Immunology Biocluster", the cluster's own name
}


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _has_words(text: str) -> bool:
    """Whether anything is left to translate once the {placeholders} are taken out."""
    return bool(re.search(r"[^\W\d_]", re.sub(r"\{[^}]*\}", "", text)))


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGS), f"{key} has {sorted(entry)}"
    for lang in LANGS:
        assert entry[lang].strip(), f"{key} is empty in {lang}"


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_french_and_english_differ(key):
    entry = STRINGS[key]
    if key in SAME_IN_BOTH or not _has_words(entry["en"]):
        return
    assert entry["en"] != entry["fr"], f"{key} reads the same in both languages: {entry['en']!r}"


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_placeholders_match(key):
    entry = STRINGS[key]
    assert _placeholders(entry["en"]) == _placeholders(entry["fr"])


def test_allow_list_holds_only_real_twins():
    for key in SAME_IN_BOTH:
        assert STRINGS[key]["en"] == STRINGS[key]["fr"], f"{key} no longer needs its place on the list"


@pytest.mark.parametrize(
    ("text", "has_words"),
    [("{status} ({year})", False), ("{count} · {total}", False), ("Scene {n}", True), ("Écosystème", True)],
)
def test_has_words(text, has_words):
    assert _has_words(text) is has_words


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Scene 2 of 6"), ("fr", "Scène 2 sur 6"), ("xx", "Scène 2 sur 6")]
)
def test_t_fills_values_and_falls_back_to_french(lang, expected):
    assert t("present_position", lang, scene=2, count=6) == expected
