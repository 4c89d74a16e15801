"""bp_core's modules import each other at the top only, and never in a cycle (an import inside a function hides a
cycle; a cycle makes a module's names depend on who imported first)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bp_core"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _target(module: str, path: Path, node: ast.ImportFrom) -> list[str]:
    """The bp_core modules an ``from ... import`` names (a package's submodule when a name is one)."""
    if node.level:
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        name = ".".join([*base, *(node.module.split(".") if node.module else [])])
    else:
        name = node.module or ""
    if not name.startswith("bp_core"):
        return []
    parts = name.split(".")
    found = [".".join(parts[:i]) for i in range(2, len(parts) + 1)]  # importing a.b.c runs the package a.b first
    for alias in node.names:
        sub = f"{name}.{alias.name}"
        if (ROOT / Path(*sub.split("."))).with_suffix(".py").exists() or (ROOT / Path(*sub.split("."))).is_dir():
            found.append(sub)
    return found


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    graph: dict[str, set[str]] = {}
    inside: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module, tree = _module(path), ast.parse(path.read_text(), str(path))
        edges = graph.setdefault(module, set())
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                targets = _target(module, path, node)
            elif isinstance(node, ast.Import):
                targets = [".".join(a.name.split(".")[:i]) for a in node.names if a.name.startswith("bp_core")
                           for i in range(2, len(a.name.split(".")) + 1)]
            edges.update(t for t in targets if t != module)
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if (isinstance(node, ast.ImportFrom) and _target(module, path, node)) or (
                            isinstance(node, ast.Import) and any(a.name.startswith("bp_core") for a in node.names)):
                        inside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return graph, inside


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The modules that import each other round in a circle: each strongly connected group of two or more
    (Tarjan's algorithm), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_no_bp_core_module_imports_another_inside_a_function():
    assert _graph()[1] == []


def test_bp_core_has_no_import_cycle():
    graph, _ = _graph()
    assert _cycles({m: {t for t in e if not m.startswith(t + ".")} for m, e in graph.items()}) == []


def test_the_cycle_check_finds_a_planted_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _page_imports(source: str) -> list[str]:
    """Every module a page's code imports (``from a.b import c`` gives ``a.b.c`` when c is a module's name)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def test_pages_import_views_only():
    """A page is one call: it imports its screen from ui.views.screens and draws it (issue 26 D9)."""
    for page in sorted((ROOT / "pages").glob("*.py")):
        imported = _page_imports(page.read_text(encoding="utf-8"))
        assert imported == [f"ui.views.screens.{page.stem}"], page.name
    assert _page_imports("import streamlit as st\nfrom ui.session import state") == ["streamlit", "ui.session.state"]
