"""The house keeps its shape: no import cycle anywhere in the core or the GUI (late imports inside
functions included), and the layers point one way (see docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

BASE = {"errors", "i18n", "common"}
DOMAINS = {"history", "places", "people", "consent", "projects", "money", "upkeep"}
OUTPUTS = {"documents", "io", "reports"}
# What each part of liftdesk/ may import (besides itself): the layers from the bottom up.
ALLOWED = {
    **{name: BASE for name in BASE},
    "store": BASE,
    **{name: BASE | {"store"} | DOMAINS for name in DOMAINS},
    **{name: BASE | {"store"} | DOMAINS | OUTPUTS for name in OUTPUTS},
    "sync": BASE | {"store"} | DOMAINS | OUTPUTS,
    "demo": BASE | {"store"} | DOMAINS | OUTPUTS,
    "cli": BASE | {"store"} | DOMAINS | OUTPUTS | {"sync", "demo"},
}


def module_files(root: Path) -> dict[str, tuple[Path, bool]]:
    """Every module of liftdesk/ and ui/ (and main.py): dotted name → (file, is a package)."""
    found = {"main": (root / "main.py", False)}
    for package in ("liftdesk", "ui"):
        for path in (root / package).rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import statement, at any depth (functions, methods, try blocks); not those under
    `if TYPE_CHECKING:`, which never run."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _target(name: str, modules: dict) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(root: Path = ROOT, extra: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Module → the modules it imports, resolved to files of this project. `extra` adds source for
    a module (the planted-cycle tests)."""
    modules = module_files(root)
    sources = {name: path.read_text(encoding="utf-8") for name, (path, _) in modules.items()}
    for name, text in (extra or {}).items():
        sources[name] = text
        modules.setdefault(name, (Path(name), False))
    graph: dict[str, set[str]] = {}
    for name, text in sources.items():
        is_package = modules[name][1]
        edges = set()
        for node in _imports(ast.parse(text)):
            if isinstance(node, ast.Import):
                targets = [_target(alias.name, modules) for alias in node.names]
            else:
                if node.level:
                    base = name.split(".")
                    base = base if is_package else base[:-1]
                    base = base[:len(base) - node.level + 1]
                    full = ".".join(base + ([node.module] if node.module else []))
                else:
                    full = node.module or ""
                targets = [f"{full}.{a.name}" if f"{full}.{a.name}" in modules else _target(full, modules)
                           for a in node.names]
            edges.update(t for t in targets if t and t != name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            if target.split(".")[0] == "ui" and module != "main" and not module.startswith("ui"):
                wrong.append(f"{module} → {target} (only main.py starts the GUI)")
            if not module.startswith("liftdesk.") or not target.startswith("liftdesk."):
                continue
            part, other = module.split(".")[1], target.split(".")[1]
            if part != other and part in ALLOWED and other not in ALLOWED[part]:
                wrong.append(f"{module} → {target} ({part} may not import {other})")
    return wrong


def test_no_import_cycle_anywhere():
    assert cycles(import_graph()) == []


def test_layers_point_one_way():
    assert layer_violations(import_graph()) == []


def test_every_part_of_the_core_has_its_layer():
    parts = {p.name for p in (ROOT / "liftdesk").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    parts |= {p.stem for p in (ROOT / "liftdesk").glob("*.py") if p.stem != "__init__"}
    assert parts <= set(ALLOWED), f"a new part of liftdesk/ needs its place in ALLOWED: {parts - set(ALLOWED)}"


def test_the_core_never_imports_qt():
    for name, (path, _) in module_files(ROOT).items():
        if name.startswith("liftdesk"):
            imported = {a.name for n in _imports(ast.parse(path.read_text(encoding="utf-8")))
                        for a in (n.names if isinstance(n, ast.Import) else [ast.alias(n.module or "")])}
            assert not any(i.startswith(("PySide6", "shiboken6", "ui")) for i in imported), name


@pytest.mark.parametrize("planted, expect", [
    # a late import inside a function that closes a loop: store → places → store
    ({"liftdesk.store.ids": "def f():\n    from liftdesk.places import registry\n"}, "cycle"),
    # a domain that reaches up into sync
    ({"liftdesk.projects.stages": "from liftdesk.sync import exchange\n"}, "layer"),
    # the core starting the GUI
    ({"liftdesk.cli.main": "import ui.app\n"}, "layer"),
])
def test_a_planted_import_is_caught(planted, expect):
    """The checks themselves can fail: one extra import, each kind of mistake, is found."""
    graph = import_graph(extra={name: (ROOT / (name.replace(".", "/") + ".py")).read_text(encoding="utf-8") + text
                                for name, text in planted.items()})
    if expect == "cycle":
        assert any("liftdesk.store.ids" in c for c in cycles(graph))
    else:
        assert layer_violations(graph)


def test_one_catalogue_in_parts_each_entry_in_both_languages():
    """Every domain's part of the catalogue is merged under one t(); none defines a key twice."""
    from liftdesk import i18n

    parts = [part.MESSAGES for part in i18n.DOMAINS]
    assert sum(len(p) for p in parts) == len(i18n.MESSAGES)
    files = {p.stem for p in (ROOT / "liftdesk" / "i18n" / "catalogue").glob("*.py") if p.stem != "__init__"}
    assert files == {part.__name__.rsplit(".", 1)[1] for part in i18n.DOMAINS}
    for part in parts:
        for key, entry in part.items():
            assert entry.get("zh") and entry.get("en"), key
