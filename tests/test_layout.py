"""The package's shape: one direction of imports (no cycle between modules) and Whoosh only behind the
engine boundary."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "searchidx"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST, *, anywhere: bool) -> list[str]:
    """Modules a module imports: ``anywhere`` (inside functions too), or at its top level; never those under
    ``if TYPE_CHECKING``, which are for annotations only."""
    nodes = _walk(tree) if anywhere else _top_level(tree)
    out = []
    for node in nodes:
        if isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append(node.module)
            out.extend(f"{node.module}.{a.name}" for a in node.names)
    return out


def _walk(node: ast.AST):
    if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
        return
    yield node
    for child in ast.iter_child_nodes(node):
        yield from _walk(child)


def _top_level(tree: ast.AST):
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        yield node


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {m for m in _imports(tree, anywhere=True) if m in modules and m != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_modules():
    # Imports inside functions count too: a lazy import is still a dependency. A package's __init__ that
    # re-exports its modules is not a cycle with them.
    graph = {m: {d for d in deps if not m.startswith(d + ".") and not d.startswith(m + ".")}
             for m, deps in _graph().items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_a_cycle_is_found():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_only_the_whoosh_engine_imports_whoosh():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "engine" / "whoosh") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(m == "whoosh" or m.startswith("whoosh.") for m in _imports(tree, anywhere=True)):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_the_public_api_is_what_all_names():
    import searchidx

    for name in searchidx.__all__:
        assert getattr(searchidx, name) is not None, name
    assert (PACKAGE / "py.typed").exists()


def test_only_the_opensearch_engine_imports_its_client():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "engine" / "opensearch") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(m == "opensearchpy" or m.startswith("opensearchpy.") for m in _imports(tree, anywhere=True)):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_nothing_outside_the_engines_imports_their_modules():
    """Above the engine boundary an engine is its package (what its ``__init__`` names) and
    `searchidx.engine.base`: the modules inside an engine are its own business."""
    engines = [p for p in (PACKAGE / "engine").iterdir() if (p / "__init__.py").exists()]
    assert {p.name for p in engines} >= {"whoosh", "opensearch"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "engine") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in _imports(tree, anywhere=True):
            parts = name.split(".")
            if len(parts) < 4 or parts[:2] != ["searchidx", "engine"]:
                continue
            inside = PACKAGE / "engine" / parts[2] / parts[3]
            if inside.with_suffix(".py").exists() or inside.is_dir():
                offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert not offenders


def test_an_engine_s_package_names_what_it_exports():
    import importlib

    for name in ("whoosh", "opensearch"):
        package = importlib.import_module(f"searchidx.engine.{name}")
        for export in package.__all__:
            assert getattr(package, export) is not None, (name, export)
