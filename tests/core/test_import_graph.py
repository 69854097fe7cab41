"""No import cycles inside the engine: each module of nnsim.core can be read (and loaded)
after the ones it imports. Imports inside functions count too: a lazy import only hides
a cycle."""

import ast
from pathlib import Path

import nnsim.core

PACKAGE = "nnsim.core"
ROOT = Path(nnsim.core.__file__).parent


def _module_names() -> set[str]:
    return {f"{PACKAGE}.{p.stem}" for p in ROOT.glob("*.py") if p.stem != "__init__"}


def import_graph() -> dict[str, set[str]]:
    """Module -> the nnsim.core modules it imports (``from nnsim.core import x`` names the
    submodule ``x`` when there is one)."""
    modules = _module_names()
    graph = {}
    for name in modules:
        tree = ast.parse((ROOT / f"{name.rsplit('.', 1)[1]}.py").read_text(encoding="utf-8"))
        targets = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in modules else node.module)
        graph[name] = {t for t in targets if t in modules or t == PACKAGE} - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle found by a depth-first walk, each as the path that closes it."""
    found, state = [], {}  # state: 1 = on the current path, 2 = finished

    def visit(node, path):
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                found.append(path[path.index(target):] + [target])
            elif state.get(target) is None:
                visit(target, path + [target])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_inside_the_engine():
    graph = import_graph()
    assert f"{PACKAGE}.csv_loader" in graph and f"{PACKAGE}.dataset" in graph[f"{PACKAGE}.csv_loader"]
    assert cycles(graph) == []


def test_no_engine_module_imports_the_package_itself():
    # nnsim/core/__init__.py imports the modules: a module importing it back closes a cycle.
    assert [m for m, targets in import_graph().items() if PACKAGE in targets] == []
