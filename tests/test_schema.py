"""One schema: the descriptor, the taxonomy, the catalogue and the page registry declare each fact once."""

import ast
import csv
import json
import shutil

import pytest

from ecosystem import columns as C
from ecosystem.exports import build_actor_table
from ecosystem.filters import Filters, count_facet, filter_actors
from ecosystem.i18n import LANGS, STRINGS
from ecosystem.load import load_dataset
from ecosystem.navigation import PAGES, get_page
from ecosystem.report import build_report
from ecosystem.schema import load_schema
from ecosystem.urlstate import decode_state, encode_state
from ecosystem.validate import validate
from ecosystem.views import build_actor_facts, build_directory_columns, build_directory_table
from tests.conftest import DATA, MINI, ROOT

SCHEMA = load_schema(DATA)
DESCRIPTOR = SCHEMA.descriptor


@pytest.mark.parametrize(
    ("name", "column", "vocabulary", "multi"),
    [
        ("type", C.TYPE, "types", False),
        ("area", C.AREAS, "areas", True),
        ("modality", C.MODALITIES, "modalities", True),
        ("status", C.STATUS, "statuses", False),
        ("stage", C.STAGE, "stages", False),
    ],
)
def test_facets_come_from_the_descriptor(name, column, vocabulary, multi):
    facet = SCHEMA.facet(name)
    assert (facet.column, facet.vocabulary, facet.multi) == (column, vocabulary, multi)


def test_every_field_is_described():
    for resource in DESCRIPTOR["resources"]:
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']}"


def test_descriptor_names_its_licence():
    assert DESCRIPTOR["licenses"][0]["name"] == "CC-BY-4.0"


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_ui_strings_in_both_languages(key):
    assert all(STRINGS[key].get(lang) for lang in LANGS)


@pytest.mark.parametrize("vocabulary", SCHEMA.vocabularies)
def test_taxonomy_labels_in_both_languages(vocabulary, real):
    rows = real.taxonomy.vocabularies[vocabulary]
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
def test_taxonomy_ids_are_kept(vocabulary, real):
    assert STABLE_IDS[vocabulary] <= set(real.taxonomy.ids(vocabulary))


def test_types_differ_by_shape_as_well_as_colour(real):
    types = real.taxonomy.vocabularies["types"].values()
    assert len({row["symbol"] for row in types}) == len(types)
    assert len({row["colour"] for row in types}) == len(types)


@pytest.mark.parametrize(
    ("vocabulary", "column", "value", "expected"),
    [
        ("relation_kinds", C.ROLE, C.ROLE_MEMBER, {"member_of", "founding_member_of"}),
        ("relation_kinds", C.ROLE, C.ROLE_ACQUIRER, {"acquired_by"}),
        ("relation_kinds", C.ROLE, C.ROLE_PARENT, {"subsidiary_of"}),
        ("statuses", C.ROLE, C.ROLE_ACQUIRED, {"acquired"}),
        ("statuses", C.ROLE, C.ROLE_ENDED, {"closed"}),
        ("scopes", C.HOME, "true", {"marseille_area"}),
        ("place_kinds", C.ROLE, C.ROLE_CITY, {"city"}),
        ("precisions", C.APPROXIMATE, "true", {"district", "city"}),
    ],
)
def test_taxonomy_roles(real, vocabulary, column, value, expected):
    assert set(real.taxonomy.ids_where(vocabulary, column, value)) == expected


# --- a facet added to the descriptor reaches the validator, the filters and the URL ---------


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    """The fictional dataset with one more multi-valued facet, 'backing', declared only in data."""
    target = tmp_path_factory.mktemp("extended") / "data"
    shutil.copytree(MINI, target)
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    actors = next(r for r in descriptor["resources"] if r["name"] == "actors")
    actors["schema"]["fields"].append(
        {
            "name": "backing",
            "type": "string",
            "description": "Kinds of backing received.",
            "facet": "backing",
            "vocabulary": "backing_kinds",
            "multiValued": True,
        }
    )
    vocabulary = json.loads(json.dumps(next(r for r in descriptor["resources"] if r["name"] == "areas")))
    vocabulary.update(name="backing_kinds", title="Backing kinds", path="taxonomy/backing_kinds.csv")
    vocabulary["schema"]["fields"] = [
        f for f in vocabulary["schema"]["fields"] if f["name"] in ("id", "label_en", "label_fr")
    ]
    descriptor["resources"].append(vocabulary)
    (target / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (target / "taxonomy" / "backing_kinds.csv").write_text(
        "id,label_en,label_fr\npublic,Public,Public\nventure,Venture capital,Capital-risque\n", encoding="utf-8"
    )
    path = target / "actors.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    values = {"beta-bio": "venture;public", "alpha-lab": "public", "gamma-dx": "lottery"}
    for row in rows:
        row["backing"] = values.get(row["id"], "")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


def test_added_facet_is_validated(extended):
    problems = [p for p in validate(extended) if p.column == "backing"]
    assert [(p.line, p.value, p.message) for p in problems] == [(4, "lottery", "not in taxonomy/backing_kinds.csv")]


def test_added_facet_filters_and_counts(extended):
    dataset = load_dataset(extended)
    assert set(filter_actors(dataset, Filters(backing=frozenset({"public"})))[C.ID]) == {"alpha-lab", "beta-bio"}
    assert count_facet(dataset, Filters(), "backing") == {"public": 2, "venture": 1, "lottery": 1}


def test_added_facet_is_in_the_url_contract(extended):
    dataset = load_dataset(extended)
    state, ignored = decode_state({"backing": "venture,nonsense"}, dataset)
    assert state.filters.selected("backing") == {"venture"}
    assert [str(item) for item in ignored] == ["backing=nonsense"]
    assert encode_state(state, dataset) == {"backing": "venture"}


# The catalogue entries the recipe in docs/architecture.md asks for with a new facet.
BACKING_STRINGS = {
    "filter_backing": {"en": "Kind of backing", "fr": "Type de soutien"},
    "col_backing": {"en": "Backing", "fr": "Soutien"},
}


@pytest.fixture
def backing_strings(monkeypatch):
    for key, value in BACKING_STRINGS.items():
        monkeypatch.setitem(STRINGS, key, value)


def test_added_facet_is_a_column_of_the_directory(extended, backing_strings):
    dataset = load_dataset(extended)
    columns = build_directory_columns(dataset, "en")
    backing = next(column for column in columns if column.column == "backing")
    assert (backing.label, backing.kind) == ("Backing", "list")
    table = build_directory_table(dataset, dataset.actors, "fr")
    assert list(table.columns) == [column.column for column in columns]
    assert table.loc["beta-bio", "backing"] == ["Capital-risque", "Public"]


def test_added_facet_is_a_fact_of_the_profile(extended, backing_strings):
    dataset = load_dataset(extended)
    facts = dict(build_actor_facts(dataset.find_actor("beta-bio"), dataset, "en"))
    assert "Venture capital" in facts["Backing"]
    assert "Public" in facts["Backing"]
    unknown = dict(build_actor_facts(dataset.find_actor("delta-pharma"), dataset, "en"))["Backing"]
    assert unknown == f"_{STRINGS['not_given']['en']}_"


def test_added_facet_is_exported_and_reported(extended):
    dataset = load_dataset(extended)
    exported = build_actor_table(dataset, dataset.actors)
    assert exported.set_index(C.ID).loc["beta-bio", "backing"] == "venture;public"
    report = build_report(extended)
    assert "**By backing** (an actor may have several)" in report
    assert "| Venture capital | 1 |" in report


def test_added_facet_is_in_the_sidebar_and_filters_the_app(extended, backing_strings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ECOSYSTEM_DATA_DIR", str(extended))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["lang"] = "en"
    app.run()
    (widget,) = [w for w in app.sidebar.multiselect if w.label == "Kind of backing"]
    widget.select("public").run()
    assert app.query_params["backing"] in ("public", ["public"])
    app.switch_page("pages/directory.py").run()
    assert not app.exception
    assert sorted(app.dataframe[0].value.index) == ["alpha-lab", "beta-bio"]


# --- code layout ------------------------------------------------------------------------------


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


APP_CODE = sorted([*(ROOT / "ecosystem").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])


@pytest.mark.parametrize("module", sorted((ROOT / "ecosystem").rglob("*.py")), ids=lambda p: p.name)
def test_only_the_ui_package_knows_streamlit(module):
    """Domain modules stay testable without Streamlit; the `ui` package is the one place that knows it."""
    knows = {"streamlit"} & _imports(module)
    in_ui = module.parent == ROOT / "ecosystem" / "ui"
    assert not knows or in_ui, f"{module.relative_to(ROOT)} imports {knows}"


def _streamlit_internals(tree: ast.AST) -> list[str]:
    """Imports of Streamlit's runtime, and attributes set on anything imported from Streamlit (a patch)."""
    found, streamlit_names = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
            streamlit_names |= {alias.asname or alias.name for alias in node.names}
            if (node.module or "").startswith("streamlit.runtime"):
                found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "streamlit":
                    streamlit_names.add(alias.asname or alias.name.split(".")[0])
                if alias.name.startswith("streamlit.runtime"):
                    found.append(f"import {alias.name}")
    for node in ast.walk(tree):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        )
        for target in targets:
            root = target
            while isinstance(root, ast.Attribute):
                root = root.value
            patched = isinstance(target, ast.Attribute) and isinstance(root, ast.Name) and root.id in streamlit_names
            if patched and not ast.unparse(target).startswith(f"{root.id}.session_state."):
                found.append(f"assignment to {ast.unparse(target)}")
    return found


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("from streamlit.runtime.scriptrunner import get_script_run_ctx", True),
        ("import streamlit.runtime.pages_manager", True),
        ("import streamlit as st\nst.something = 1", True),
        ("from streamlit.x import Manager\nManager.flag = False", True),
        ("from streamlit.x import Manager as M\nM.a.b = 1", True),
        ("import streamlit as st\nst.session_state['x'] = 1", False),
        ("import streamlit as st\nst.session_state.x = 1", False),
        ("class A:\n    def f(self):\n        self._template = 1", False),
        ("from streamlit.testing.v1 import AppTest", False),
    ],
)
def test_the_internals_check_finds_what_it_should(code, found):
    assert bool(_streamlit_internals(ast.parse(code))) is found


@pytest.mark.parametrize("module", APP_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_uses_streamlit_public_api_only(module):
    """No runtime import, no patched attribute: an upgrade of Streamlit cannot break the app behind its back."""
    assert _streamlit_internals(ast.parse(module.read_text(encoding="utf-8"))) == []


def test_every_page_file_is_registered():
    files = {str(path.relative_to(ROOT)) for path in (ROOT / "pages").glob("*.py")}
    assert files == {page.file for page in PAGES}


def test_registry_keys_paths_and_titles_are_unique_and_translated():
    assert len({p.key for p in PAGES}) == len({p.url_path for p in PAGES}) == len(PAGES)
    assert sum(1 for p in PAGES if not p.url_path) == 1  # one default page
    assert all(p.title_key in STRINGS for p in PAGES)
    with pytest.raises(KeyError, match="nowhere"):
        get_page("nowhere")


def test_the_app_does_not_load_folium_until_a_map_is_downloaded():
    """folium (with branca, jinja2 and requests) only builds the downloadable file: the server need not hold it."""
    import subprocess
    import sys

    code = "import sys, ecosystem.ui, ecosystem.maps; print('folium' in sys.modules, 'networkx' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.split() == ["False", "False"]


def test_every_vocabulary_the_code_names_is_in_the_descriptor(real):
    from ecosystem import vocabularies

    named = {value for key, value in vars(vocabularies).items() if key.isupper()}
    assert named
    assert named <= set(real.schema.vocabularies), named - set(real.schema.vocabularies)
