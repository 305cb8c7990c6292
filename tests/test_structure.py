"""The layout of the code, read with ``ast`` (nothing is imported): no import circles, no private
names taken across modules, the core free of Qt, the expert side free of the secretary's store
models (that one does import, in a fresh interpreter)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import module_files

ROOT = Path(__file__).resolve().parents[1]
TOPS = ("nn_review", "ui")

# Private names still imported across modules, each owned by the helper fixing it (issue 14);
# the lead empties this list when the branches are merged.


MODS = module_files(*TOPS)


def _resolve(name: str) -> str | None:
    """The deepest module of ours that ``name`` (a module or module.attribute) lives in."""
    while name and name not in MODS:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import statement, at module level or inside functions; not those under
    ``if TYPE_CHECKING:`` (never executed)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _scan():
    """(import graph module → modules, [(importer, home module, private name)], {module: [external tops]})."""
    edges: dict[str, set[str]] = {m: set() for m in MODS}
    private: list[tuple[str, str, str]] = []
    external: dict[str, set[str]] = {m: set() for m in MODS}
    for m, path in MODS.items():
        pkg = m if path.name == "__init__.py" else m.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for a in node.names:
                    external[m].add(a.name.partition(".")[0])
                    target = _resolve(a.name)
                    if target and target != m:
                        edges[m].add(target)
                continue
            if node.level:
                base = pkg.split(".")
                if node.level > 1:
                    base = base[: -(node.level - 1)]
                full = ".".join(base + ([node.module] if node.module else []))
            else:
                full = node.module or ""
                external[m].add(full.partition(".")[0])
            for a in node.names:
                sub = f"{full}.{a.name}"
                target = sub if sub in MODS else _resolve(full)
                if target and target != m:
                    edges[m].add(target)
                    if a.name.startswith("_") and not a.name.startswith("__"):
                        private.append((m, target, a.name))
    return edges, private, external


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return out


EDGES, PRIVATE, EXTERNAL = _scan()


def test_the_scan_sees_the_code():
    # A scan that found nothing would pass everything below.
    assert "nn_review.store.db" in MODS and "ui.main_window" in MODS
    assert "nn_review.store.models" in EDGES["nn_review.store.db"]
    assert any(t.startswith("nn_review.") for t in EDGES["ui.main_window"])


def test_circles_are_found():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circles():
    circles = _circles(EDGES)
    assert not circles, "import circles (each a list of modules importing one another):\n" + \
        "\n".join("  " + " → ".join(c) for c in circles)


def test_no_private_names_across_modules():
    found = sorted(set(PRIVATE))
    assert not found, "private names imported from another module (give them a public name at home):\n" + \
        "\n".join(f"  {m} imports {name} from {home}" for m, home, name in found)


# The only core room that starts the GUI is the command line (nn_review/cli/).
QT = {"PySide6", "shiboken6"}


def _starts_gui(module: str) -> bool:
    return module == "nn_review.cli" or module.startswith("nn_review.cli.")


def _qt_or_ui(module: str) -> set[str]:
    return (EXTERNAL[module] & QT) | {t for t in EDGES[module] if t == "ui" or t.startswith("ui.")}


def test_core_never_imports_qt_or_ui():
    bad = {m: _qt_or_ui(m) for m in MODS if m.startswith("nn_review") and not _starts_gui(m)}
    bad = {m: ts for m, ts in bad.items() if ts}
    assert not bad, "the core (nn_review/) must not import Qt or ui/ (only nn_review.cli starts the GUI):\n" + \
        "\n".join(f"  {m} imports {', '.join(sorted(ts))}" for m, ts in sorted(bad.items()))


EXPERT_ENTRIES = ["nn_review.expert", "nn_review.expert.workspace", "nn_review.cli.cmd_expert", "nn_review.expert.sheet",
                  "nn_review.expert.countersign", "ui.expert.app", "ui.expert.main_window"]
# The secretary's rooms: its ORM and store, its operations (the formats both sides speak are in
# nn_review.formats, the PDF pieces in nn_review.pdf).
SECRETARY_ONLY = ("nn_review.store.models", "nn_review.store.db", "nn_review.exchange", "nn_review.results",
                  "nn_review.services", "nn_review.roster")


@pytest.mark.parametrize("module", EXPERT_ENTRIES)
def test_expert_side_does_not_load_the_secretary_store_models(module):
    """The expert's laptop runs the expert workspace only: the secretary's ORM and operations are
    not its business (checked in a fresh interpreter: what importing the entry really loads)."""
    code = ("import sys, importlib\n"
            f"importlib.import_module({module!r})\n"
            f"print(sorted(m for m in sys.modules if m.startswith({SECRETARY_ONLY!r})))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    loaded = r.stdout.strip().splitlines()[-1]
    assert loaded == "[]", f"import {module} loads the secretary's {loaded}"


def test_production_pdfs_do_not_borrow_from_the_demo():
    # The font and the shared PDF pieces live in nn_review/pdf/; the demo only makes sample documents.
    users = sorted(m for m, ts in EDGES.items() if "nn_review.demo.pdfs" in ts and not m.startswith("nn_review.demo"))
    assert not users, f"import nn_review.demo.pdfs outside the demo: {users}"
