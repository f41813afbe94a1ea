"""The catalogue holds every key the code asks for, and no key the code never asks for.

A key asked for but missing would show the raw key to the reader (`t` falls
back to it); a key nobody asks for is text nobody maintains.
"""

import ast
from pathlib import Path

import pytest

from ecosystem.filters import FLAGS
from ecosystem.history import ACTORS_FILE, LINKED_FILES, NOT_FACTS, RETIRED_VOCABULARIES
from ecosystem.i18n import STRINGS
from ecosystem.load import load_dataset
from ecosystem.navigation import PAGES
from ecosystem.present import SCENES
from ecosystem.urlstate import FOUNDED, SCOPE, Q
from tests.conftest import DATA, ROOT

CATALOGUE = ROOT / "ecosystem" / "i18n.py"
CODE = sorted([*(ROOT / "ecosystem").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"])


def _is_t(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "t") or (isinstance(func, ast.Attribute) and func.attr == "t")


def read_requests(tree: ast.AST) -> tuple[set[str], set[str], set[str]]:
    """(literal keys passed to t(), f-string key patterns passed to t(), every other string constant)."""
    literal, patterns, constants = set(), set(), set()
    asked = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_t(node) and node.args:
            first = node.args[0]
            asked.add(id(first))
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            elif isinstance(first, ast.JoinedStr):
                patterns.add("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in first.values))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in asked:
            constants.add(node.value)
    return literal, patterns, constants


def expand(pattern: str) -> set[str]:
    """The keys an f-string pattern of the code can produce, from the names the code fills it with."""
    facets = load_dataset(DATA).schema.facets
    actor_columns = [c for c in load_dataset(DATA).schema.columns("actors") if c not in NOT_FACTS]
    fillers = {
        "filter_{}": [*(facet.name for facet in facets), Q, FOUNDED, SCOPE, *FLAGS],
        # the facets' columns, and every column of a record its history may name (retired ones too)
        "col_{}": [
            *(facet.column for facet in facets),
            *actor_columns,
            *(column for _, column in RETIRED_VOCABULARIES),
        ],
        "history_file_{}": [name.removesuffix(".csv") for name in (ACTORS_FILE, *(f for f, *_ in LINKED_FILES))],
        "scene_{}": list(SCENES),
        "scene_{}_lead": list(SCENES),
    }
    if pattern not in fillers:
        raise KeyError(f"the catalogue test does not know what fills {pattern!r}: add it to expand()")
    return {pattern.format(name) for name in fillers[pattern]}


def collect() -> tuple[set[str], set[str], set[str]]:
    literal, patterns, constants = set(), set(), set()
    for path in CODE:
        found = read_requests(ast.parse(Path(path).read_text(encoding="utf-8")))
        literal |= found[0]
        patterns |= found[1]
        if path != CATALOGUE:  # the catalogue's own keys are no use of them
            constants |= found[2]
    return literal, patterns, constants


@pytest.mark.parametrize(
    ("code", "literal", "patterns"),
    [
        ("t('a', lang)", {"a"}, set()),
        ("page.t('b')", {"b"}, set()),
        ("t(f'filter_{facet.name}', lang)", set(), {"filter_{}"}),
        ("x = 'c'", set(), set()),
    ],
)
def test_read_requests_finds_what_t_is_asked(code, literal, patterns):
    found = read_requests(ast.parse(code))
    assert (found[0], found[1]) == (literal, patterns)


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    literal, patterns, _ = collect()
    asked = literal | {key for pattern in patterns for key in expand(pattern)}
    asked |= {page.title_key for page in PAGES}
    missing = sorted(asked - set(STRINGS))
    assert not missing, f"asked for but not in ecosystem/i18n.py: {missing}"


def test_every_key_of_the_catalogue_is_used():
    literal, patterns, constants = collect()
    used = literal | constants | {key for pattern in patterns for key in expand(pattern)}
    unused = sorted(set(STRINGS) - used)
    assert not unused, f"in the catalogue but used nowhere: {unused}"
