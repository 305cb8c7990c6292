"""The expert side's modules keep to their own privates (issue 14 §3): intake and export used to
call ``ws._saved()`` and pop ``ws._data``; the workspace now offers ``note_saved`` and
``forget_content``. And workspace ↔ intake ↔ export import no circle, function-level imports too."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "nn_review" / "expert").rglob("*.py")) + sorted((ROOT / "ui" / "expert").rglob("*.py"))


def _foreign_privates(path: Path) -> list[str]:
    """``x._name`` where x is not self/cls nor a module this file imports (``os._exit`` is fine)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {(a.asname or a.name).split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    out = []
    for n in ast.walk(tree):
        if (isinstance(n, ast.Attribute) and n.attr.startswith("_") and not n.attr.startswith("__")
                and not (isinstance(n.value, ast.Name) and n.value.id in {"self", "cls"} | modules)):
            out.append(f"{path.relative_to(ROOT)}:{n.lineno}: {ast.unparse(n)}")
    return out


def test_no_expert_module_touches_another_objects_private_members():
    found = [hit for p in FILES for hit in _foreign_privates(p)]
    assert not found, "\n".join(found)


def _expert_imports() -> dict[str, set[str]]:
    """module → expert modules it imports (module level and inside functions, relative or not)."""
    pkg = ROOT / "nn_review" / "expert"
    names = {p.stem for p in pkg.glob("*.py")}
    edges: dict[str, set[str]] = {}
    for p in pkg.glob("*.py"):
        deps = set()
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.ImportFrom):
                mod = n.module or ""
                if n.level == 1 or mod.startswith("nn_review.expert"):
                    base = mod.removeprefix("nn_review.expert").lstrip(".").split(".")[0]
                    deps |= {base} if base else {a.name for a in n.names}
            elif isinstance(n, ast.Import):
                deps |= {a.name.split(".")[2] for a in n.names if a.name.startswith("nn_review.expert.")}
        edges[p.stem] = (deps & names) - {p.stem}
    return edges


def test_the_expert_modules_import_no_circle():
    edges = _expert_imports()
    assert "workspace_core" in edges["intake"] and "intake" in edges["workspace"]  # the check sees them

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for d in edges.get(todo.pop(), ()):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return seen
    circles = sorted(m for m in edges if m != "__init__" and m in reach(m))
    assert not circles, circles
