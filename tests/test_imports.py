"""No import circle in the code, imports inside functions included; the package never imports the app or the tools.

Every `.py` file of `ecosystem/` (subpackages too), `tools/`, `pages/` and
`dashboard.py` is parsed with `ast`; every import, wherever it stands (top
level, function, `if`, `try`), is resolved to the project module it loads:
`from . import columns` in `ecosystem/` is `ecosystem.columns`, `from .x import y`
is `x`'s module, or `x.y` when `y` is a submodule. A name a package re-exports
from one of its submodules (`from .state import f` in its `__init__`) leads to
that submodule, so a submodule may take a sibling's function through the
package; a name the package's `__init__` defines itself leads to the package.
A package is not taken to import its parents: `ecosystem.ui.x` loading
`ecosystem.ui` first is how packages work, not a circle.
"""

import ast
import itertools
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("ecosystem", "tools", "pages", "dashboard.py")
# The package's layer: the app (its entry and pages) and the tools call it, never the other way round.
LAYERS = {"ecosystem": ("tools", "pages", "dashboard")}


# --- the detector ---------------------------------------------------------------------------


def list_modules(root: Path, sources=SOURCES) -> dict[str, Path]:
    """Module name -> file, for every `.py` under the sources (a package's name is its `__init__.py`)."""
    modules = {}
    for source in sources:
        top = root / source
        files = sorted(top.rglob("*.py")) if top.is_dir() else [top] if top.is_file() else []
        for path in files:
            if "__pycache__" in path.parts:
                continue
            parts = path.relative_to(root).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def read_node(package: list[str], node: ast.AST) -> list[tuple[str, str | None, str]]:
    """(module, imported name or None, name bound) for one import statement; relative ones made absolute."""
    if isinstance(node, ast.Import):
        return [(alias.name, None, alias.asname or alias.name) for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = package[: len(package) - (node.level - 1)]
        module = ".".join([*base, node.module] if node.module else base)
    else:
        module = node.module or ""
    return [(module, alias.name, alias.asname or alias.name) for alias in node.names]


def parse(name: str, path: Path) -> tuple[list[str], ast.Module]:
    """The package a file's relative imports start from, and its syntax tree."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    return package, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def read_imports(name: str, path: Path) -> list[tuple[str, str | None]]:
    """(module, imported name or None) for every import of the file, wherever it stands."""
    package, tree = parse(name, path)
    return [(module, imported) for node in ast.walk(tree) for module, imported, _ in read_node(package, node)]


def find_reexports(modules: dict[str, Path]) -> dict[tuple[str, str], str]:
    """(package, name) -> the submodule a package's `__init__` takes the name from, re-exports followed."""
    direct = {}
    for name, path in modules.items():
        if path.name != "__init__.py":
            continue
        package, tree = parse(name, path)
        for node in tree.body:  # the names it binds as it loads
            for module, imported, bound in read_node(package, node):
                if imported and imported != "*" and module.startswith(name + ".") and module in modules:
                    direct[(name, bound)] = (module, imported)
    resolved = {}
    for key, (module, imported) in direct.items():
        seen = {key}
        while (module, imported) in direct and (module, imported) not in seen:  # a subpackage's re-export
            seen.add((module, imported))
            module, imported = direct[(module, imported)]
        resolved[key] = f"{module}.{imported}" if f"{module}.{imported}" in modules else module
    return resolved


def resolve(module: str, imported: str | None, modules, reexports) -> str | None:
    """The project module an import loads, or None when it loads none (the standard library, pandas…)."""
    if imported and imported != "*":
        if f"{module}.{imported}" in modules:
            return f"{module}.{imported}"
        if (module, imported) in reexports:
            return reexports[(module, imported)]
    parts = module.split(".")
    while parts and ".".join(parts) not in modules:  # `import a.b.c` of a name that is not a module
        parts.pop()
    return ".".join(parts) or None


def build_graph(root: Path, sources=SOURCES) -> dict[str, set[str]]:
    """Project module -> the project modules it imports (a module's imports of itself left out)."""
    modules = list_modules(root, sources)
    reexports = find_reexports(modules)
    graph = {}
    for name, path in modules.items():
        targets = {resolve(module, imported, modules, reexports) for module, imported in read_imports(name, path)}
        graph[name] = {target for target in targets if target and target != name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Circles that pass through every module caught in one, each the shortest from its first module back to it."""

    def reach(start: str) -> dict[str, str | None]:
        """Every module `start` loads, directly or not, with the one it is reached from (breadth first)."""
        parents, todo = {start: None}, [start]
        while todo:
            here = todo.pop(0)
            for there in sorted(graph.get(here, ())):
                if there not in parents:
                    parents[there] = here
                    todo.append(there)
        return parents

    reached = {name: reach(name) for name in graph}
    circles, shown = [], set()
    for name in sorted(graph):
        if name in shown or not any(name in reached.get(other, {}) for other in graph[name]):
            continue  # shown already, or on no circle
        parents = reached[name]
        step = next(other for other in parents if other != name and name in graph.get(other, ()))
        way = [name]
        while step is not None:  # back along the shortest way from `name` to a module that imports it
            way.append(step)
            step = parents[step]
        circles.append(way[::-1])
        shown |= set(way)
    return circles


def check_layers(root: Path, sources=SOURCES, layers=LAYERS) -> list[str]:
    """`module imports target` for every import that crosses a layer the wrong way."""
    wrong = []
    for name, path in list_modules(root, sources).items():
        for module, _ in read_imports(name, path):
            for low, high in layers.items():
                if name.split(".")[0] == low and module.split(".")[0] in high:
                    wrong.append(f"{name} imports {module}")
    return sorted(set(wrong))


def format_cycles(cycles: list[list[str]]) -> str:
    return "\n".join(" -> ".join(cycle) for cycle in cycles)


# --- the project --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph():
    return build_graph(ROOT)


def test_no_import_circle(graph):
    """A circle works only in one order of loading, and ties the modules into one: break it."""
    cycles = find_cycles(graph)
    assert not cycles, "import circles (each module imports the next):\n" + format_cycles(cycles)


def test_the_package_imports_nothing_above_it():
    """`ecosystem` is the layer below: the pages and the tools call it, it calls neither."""
    wrong = check_layers(ROOT)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("dashboard", "ecosystem.ui"),
        ("pages.map", "ecosystem.mapdownload"),  # `from ecosystem.mapdownload import build_map_download`
        ("pages.map", "ecosystem.columns"),  # `from ecosystem import columns as C`
        ("ecosystem.load", "ecosystem.columns"),  # `from . import columns as C`
        ("ecosystem.load", "ecosystem.hashing"),
        ("ecosystem.mapdownload", "ecosystem.mapfile"),  # inside a function
        ("ecosystem.datacache", "ecosystem.validate"),  # inside a function
        ("tools.bench", "tools.browser_bench"),  # inside an `if`, inside a function
        ("tools.bench", "ecosystem.bench"),
    ],
)
def test_every_kind_of_import_is_read(graph, module, imported):
    """The detector sees the project: its files, and imports wherever they stand."""
    assert imported in graph[module]


def test_every_source_file_is_a_module(graph):
    files = [p for s in SOURCES for p in ((ROOT / s).rglob("*.py") if (ROOT / s).is_dir() else [ROOT / s])]
    assert len(graph) == len([p for p in files if "__pycache__" not in p.parts])
    assert {"dashboard", "ecosystem", "ecosystem.ui", "pages.map", "tools", "tools.bench"} <= set(graph)


# --- the detector on small packages -------------------------------------------------------------


def write_files(root: Path, files: dict[str, str]) -> Path:
    for name, text in {"pkg/__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


UI = "pkg/ui/__init__.py"


@pytest.mark.parametrize(
    ("files", "circles"),
    [
        pytest.param(
            {
                "pkg/a.py": "from . import b\nfrom .b import f\nimport pkg.c\n",
                "pkg/b.py": "import os\nfrom .c import g\n\ndef f():\n    from pkg import c\n",
                "pkg/c.py": "import pandas\ng = 1\n",
            },
            [],
            id="one-way",
        ),
        pytest.param(
            {"pkg/a.py": "from .b import f\n", "pkg/b.py": "from .a import g\n"}, [["pkg.a", "pkg.b"]], id="top-level"
        ),
        pytest.param(
            {"pkg/a.py": "from .b import f\n", "pkg/b.py": "def f():\n    from . import a\n"},
            [["pkg.a", "pkg.b"]],
            id="inside-a-function",
        ),
        pytest.param(
            {
                "pkg/a.py": "try:\n    import pkg.b\nexcept ImportError:\n    pass\n",
                "pkg/b.py": "if True:\n    from pkg import a\n",
            },
            [["pkg.a", "pkg.b"]],
            id="inside-try-and-if",
        ),
        pytest.param(
            {"pkg/a.py": "import pkg.b as b\n", "pkg/b.py": "from pkg.c import x\n", "pkg/c.py": "from .a import *\n"},
            [["pkg.a", "pkg.b", "pkg.c"]],
            id="three-modules",
        ),
        pytest.param(
            {
                "pkg/a.py": "from . import b\n",
                "pkg/b.py": "from . import a\n",
                "pkg/c.py": "from . import d\n",
                "pkg/d.py": "class D:\n    def m(self):\n        from .c import C\n",
            },
            [["pkg.a", "pkg.b"], ["pkg.c", "pkg.d"]],
            id="two-circles",
        ),
        pytest.param(
            {
                UI: "from .x import f\nfrom .y import g\n",
                "pkg/ui/x.py": "from . import y\nfrom pkg.ui import y as why\nfrom .y import g\nimport pkg.ui.y\n",
                "pkg/ui/y.py": "from .. import c\nfrom ..c import k\n",
                "pkg/c.py": "k = 1\n",
            },
            [],
            id="package-submodules-take-siblings-through-it",
        ),
        pytest.param(
            {
                UI: "from .x import f\nfrom .y import g as show\n",
                "pkg/ui/x.py": "def f():\n    from . import show\n    from pkg.ui import show as again\n",
                "pkg/ui/y.py": "def g():\n    pass\n",
            },
            [],
            id="package-submodule-takes-a-re-exported-name",
        ),
        pytest.param(
            {
                UI: "from .x import f\n",
                "pkg/ui/x.py": "from .y import g\n\ndef f():\n    pass\n",
                "pkg/ui/y.py": "def g():\n    from .x import f\n",
            },
            [["pkg.ui.x", "pkg.ui.y"]],
            id="package-two-submodules",
        ),
        pytest.param(
            {UI: "from .x import f\nLIMIT = 3\n", "pkg/ui/x.py": "from . import LIMIT\n\ndef f():\n    pass\n"},
            [["pkg.ui", "pkg.ui.x"]],
            id="package-submodule-needs-the-package-own-name",
        ),
        pytest.param(
            {"pkg/a.py": "from .ui.x import f\n", UI: "", "pkg/ui/x.py": "def f():\n    from ..a import g\n"},
            [["pkg.a", "pkg.ui.x"]],
            id="package-submodule-and-parent-module",
        ),
        pytest.param(
            {"pkg/ui.py": "from .x import f\n", "pkg/x.py": "def f():\n    from .ui import g\n"},
            [["pkg.ui", "pkg.x"]],
            id="module-not-package",
        ),
    ],
)
def test_detector_finds_circles(tmp_path, files, circles):
    graph = build_graph(write_files(tmp_path, files), ("pkg",))
    found = find_cycles(graph)
    assert [sorted(set(cycle)) for cycle in found] == circles, format_cycles(found)
    for cycle in found:  # each a real way round: closed, and every step an import
        assert cycle[0] == cycle[-1]
        assert all(there in graph[here] for here, there in itertools.pairwise(cycle))


def test_a_re_exported_name_leads_to_the_submodule_that_defines_it(tmp_path):
    files = {UI: "from .y import g as show\n", "pkg/ui/x.py": "from . import show\n", "pkg/ui/y.py": "def g(): ...\n"}
    graph = build_graph(write_files(tmp_path, files), ("pkg",))
    assert graph["pkg.ui.x"] == {"pkg.ui.y"}
    assert graph["pkg.ui"] == {"pkg.ui.y"}


@pytest.mark.parametrize(
    ("files", "wrong"),
    [
        ({"pkg/a.py": "def run():\n    from tools.run import main\n"}, ["pkg.a imports tools.run"]),
        ({"pkg/a.py": "import pages.somepage\n"}, ["pkg.a imports pages.somepage"]),
        ({"pkg/a.py": "from .tools import x\n", "pkg/tools.py": "x = 1\n"}, []),  # its own module called tools
        ({"tools/run.py": "from pkg import a\n", "pages/somepage.py": "from pkg.a import f\n", "pkg/a.py": ""}, []),
    ],
)
def test_detector_finds_the_package_importing_tools_or_pages(tmp_path, files, wrong):
    root = write_files(tmp_path, files)
    assert check_layers(root, ("pkg", "tools", "pages"), {"pkg": ("tools", "pages")}) == wrong
