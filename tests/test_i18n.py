"""The catalogue speaks both languages: every key in French and English, and never the same words twice."""

import re
import string

import pytest

from ecosystem.i18n import STRINGS, t
from ecosystem.urlstate import LANGS

# Keys whose text is a name, the same in both languages.
SAME_IN_BOTH = {
    "fact_mib",  # "Marseille Immunology Biocluster", the cluster's own name
    "col_lat",  # "Latitude", the same word
    "col_lon",  # "Longitude", the same word
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


# --- the data's own words: taxonomy labels and the descriptor's descriptions ---------------------

# (vocabulary, id) whose French label is rightly the English one: true cognates and names.
SAME_LABEL = {
    ("types", "biotech"),
    ("areas", "oncology"),  # "Cancers" in both
    ("areas", "transplantation"),
    ("stages", "phase_1"),
    ("stages", "phase_2"),
    ("stages", "phase_3"),
    ("place_kinds", "campus"),
}
# Columns of a vocabulary that come in both languages: (English, French).
LANGUAGE_PAIRS = (("label_en", "label_fr"), ("inverse_en", "inverse_fr"), ("label_en_in_text", "label_fr_in_text"))


def _taxonomy():
    from ecosystem.load import load_dataset
    from tests.conftest import DATA

    dataset = load_dataset(DATA)
    return dataset.schema.vocabularies, dataset.taxonomy


def _vocabulary_items():
    vocabularies, taxonomy = _taxonomy()
    return [(vocabulary, item) for vocabulary in vocabularies for item in taxonomy.ids(vocabulary)]


@pytest.mark.parametrize(("vocabulary", "item"), _vocabulary_items())
def test_french_labels_are_not_the_english_ones(vocabulary, item):
    _, taxonomy = _taxonomy()
    row = taxonomy.row(vocabulary, item)
    for english, french in LANGUAGE_PAIRS:
        if english not in row:
            continue
        assert row[french].strip(), f"{vocabulary}/{item} has no {french}"
        if (vocabulary, item) in SAME_LABEL and english == "label_en":
            continue
        assert row[english].casefold() != row[french].casefold(), (
            f"{vocabulary}/{item}: {french} repeats {english} ({row[english]!r})"
        )


def test_label_allow_list_holds_only_real_twins():
    _, taxonomy = _taxonomy()
    for vocabulary, item in SAME_LABEL:
        row = taxonomy.row(vocabulary, item)
        assert row["label_en"] == row["label_fr"], f"{vocabulary}/{item} no longer needs its place on the list"


def _descriptor_fields():
    from ecosystem.schema import load_schema
    from tests.conftest import DATA

    descriptor = load_schema(DATA).descriptor
    return [(resource["name"], field) for resource in descriptor["resources"] for field in resource["schema"]["fields"]]


@pytest.mark.parametrize(
    ("resource", "field"), _descriptor_fields(), ids=lambda value: value if isinstance(value, str) else value["name"]
)
def test_every_column_is_described_in_both_languages(resource, field):
    english, french = field.get("description", ""), field.get("description_fr", "")
    assert english.strip(), f"{resource}.{field['name']} has no English description"
    assert french.strip(), f"{resource}.{field['name']} has no French description (description_fr)"
    assert english != french, f"{resource}.{field['name']} has the English description as its French one"
