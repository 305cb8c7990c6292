"""Issue 14 §1/§3: no ui/ module reaches into another object's private members (pages called
MainWindow's ``_busy``/``_end_task``/``_task_failed`` in 16 places). Read with ``ast``, nothing
imported: ``X._name`` is allowed only on ``self``/``cls`` and on a third-party or standard
module (``os._exit``); ``getattr``/``setattr``/``hasattr`` with a private name count too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OURS = ("ui", "nn_review")



def _foreign_modules(tree: ast.Module) -> set[str]:
    """Names bound by ``import x`` / ``import x as y`` of modules that are not ours."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] not in OURS:
                    names.add(a.asname or a.name.split(".")[0])
    return names


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def offences(source: str, rel: str) -> list[str]:
    tree = ast.parse(source)
    modules = _foreign_modules(tree)
    out = []
    for node in ast.walk(tree):
        base, name = None, None
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base, name = node.value, node.attr
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr", "delattr") and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
              and _private(node.args[1].value)):
            base, name = node.args[0], node.args[1].value
        if base is None:
            continue
        if isinstance(base, ast.Name) and (base.id in ("self", "cls") or base.id in modules):
            continue
        out.append(f"{rel}:{node.lineno}: {ast.unparse(base)}.{name}")
    return out


def test_no_ui_module_reaches_into_private_members():
    found = []
    for p in sorted((ROOT / "ui").rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        found += offences(p.read_text(encoding="utf-8"), rel)
    assert not found, "private members reached from outside:\n" + "\n".join(found)


def test_the_check_sees_what_it_must():
    sample = ("import os\nimport shiboken6\nfrom .x import y\n"
              "def f(self, win, app):\n"
              "    self._ok = 1\n    os._exit(0)\n    shiboken6._x\n    win._busy(True)\n"
              "    self.win._end_task()\n    getattr(app, '_nn_translators', [])\n    y._z\n"
              "    win.__class__\n")
    got = sorted(o.split(": ", 1)[1] for o in offences(sample, "sample.py"))
    assert got == sorted(["win._busy", "self.win._end_task", "app._nn_translators", "y._z"])


def test_no_page_reaches_into_the_main_window():
    """The issue's grep, literally: no ui/ module but main_window calls the window's old task methods."""
    for p in sorted((ROOT / "ui").rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        if rel == "ui/main_window.py":
            continue
        text = p.read_text(encoding="utf-8")
        for name in ("win._busy", "win._end_task", "win._task_failed", "win._run_write", "win.task",
                     "window._"):
            assert name not in text, f"{rel} uses {name}"
