"""One schema: the constants, the descriptor, the taxonomy and the UI catalogue agree."""

import json

import pytest

from ecosystem import columns as C
from ecosystem.i18n import STRINGS
from ecosystem.taxonomy import VOCABULARIES, load_taxonomy
from ecosystem.urlstate import LANGS
from tests.conftest import DATA

DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {resource["name"]: resource for resource in DESCRIPTOR["resources"]}


@pytest.mark.parametrize(
    ("resource", "columns"),
    [
        ("actors", C.ACTOR_COLUMNS),
        ("places", C.PLACE_COLUMNS),
        ("relations", C.RELATION_COLUMNS),
        ("milestones", C.MILESTONE_COLUMNS),
    ],
)
def test_constants_match_descriptor(resource, columns):
    assert tuple(field["name"] for field in RESOURCES[resource]["schema"]["fields"]) == columns


def test_every_field_is_described():
    for resource in DESCRIPTOR["resources"]:
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']}"


def test_descriptor_names_its_licence():
    assert DESCRIPTOR["licenses"][0]["name"] == "CC-BY-4.0"


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_ui_strings_in_both_languages(key):
    assert all(STRINGS[key].get(lang) for lang in LANGS)


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_taxonomy_labels_in_both_languages(vocabulary):
    rows = load_taxonomy(DATA).vocabularies[vocabulary]
    assert rows
    assert all(row["label_en"] and row["label_fr"] for row in rows.values())


# Ids appear in URLs, exports and tests: they may be added, never renamed.
STABLE_IDS = {
    "types": {
        "research_lab",
        "hospital",
        "cro_platform",
        "biotech",
        "diagnostics_medtech",
        "pharma",
        "academic_institution",
        "support_organisation",
        "investor",
        "france2030_project",
    },
    "areas": {"oncology", "autoimmune", "chronic_inflammatory", "infectious", "allergy", "transplantation", "other"},
    "modalities": {
        "monoclonal_antibody",
        "multispecific_antibody",
        "antibody_drug_conjugate",
        "cell_therapy",
        "extracellular_vesicles",
        "vaccine",
        "small_molecule",
        "diagnostics",
        "services_platform",
        "other",
    },
    "stages": {"discovery", "preclinical", "phase_1", "phase_2", "phase_3", "marketed"},
}


@pytest.mark.parametrize("vocabulary", sorted(STABLE_IDS))
def test_taxonomy_ids_are_kept(vocabulary):
    assert STABLE_IDS[vocabulary] <= set(load_taxonomy(DATA).ids(vocabulary))


def test_types_differ_by_shape_as_well_as_colour():
    types = load_taxonomy(DATA).vocabularies["types"].values()
    assert len({row["symbol"] for row in types}) == len(types)
    assert len({row["colour"] for row in types}) == len(types)
