"""The CLI room (nn_review/cli/): every verb still there, a start that does not import the world,
no private names across modules, imports that resolve, and only the CLI starts the UI (issue 14 §3)."""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import module_files

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "nn_review" / "cli"

# What only a verb's work needs: none of it may load to print --version or --help or build the parser.
HEAVY = {"sqlalchemy", "reportlab", "cryptography", "pyhanko", "openpyxl", "PySide6", "pypdf", "keyring",
         "pkcs11", "defusedxml", "ui"}

# Every verb of the parser before the move (issue 14): the layout changed, the verbs did not.
VERBS = [
    "guide", "guide list", "guide show", "guide import", "package", "package check", "session", "session create",
    "session list", "session import", "session checks", "session remove", "session decide", "session manual-check",
    "session decisions", "session panel", "session panel create", "session panel list", "session panel leader",
    "session panel add", "session panel remove", "session draw", "session draws", "session conflicts",
    "session conflict", "session conflict add", "session conflict dismiss", "session assign", "session bundles",
    "session import-scores", "session returns", "session repin-key", "session repin-cert", "session merge",
    "session consensus", "session finalise", "session reopen", "session report", "session export",
    "session accept-signed", "session sign", "roster", "roster import", "roster export", "roster template",
    "roster list", "bundle", "bundle open", "expert", "expert gui", "expert open", "expert list", "expert export",
    "expert sheet", "expert remove", "expert key", "expert countersign", "demo", "demo packages", "signer",
    "signer show", "signer set", "keys", "keys show", "keys backup", "keys restore"]


def _python(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)


def _loaded_after(statement: str) -> list[str]:
    r = _python("import sys, json\n" + statement + "\n"
                f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(HEAVY)!r}))))")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_building_the_parser_imports_no_heavy_library():
    assert _loaded_after("from nn_review.cli import build_parser; build_parser()") == []


@pytest.mark.parametrize("argv", [["--help"], ["session", "--help"], ["expert", "--help"], ["--version"]])
def test_help_and_version_import_no_heavy_library(argv):
    statement = (f"from nn_review.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
                 "sys.stdout.write('\\n')")
    assert _loaded_after(statement) == []


def test_a_verb_does_not_load_qt(tmp_path):
    """Only the GUI verbs read the UI language from the Settings (QSettings): a CLI verb loads no Qt."""
    loaded = _loaded_after(f"from nn_review.cli import main\nassert main(['--store', {str(tmp_path / 's')!r}, "
                           "'guide', 'show', '15', '--json']) == 0")
    assert "PySide6" not in loaded and "ui" not in loaded


@pytest.mark.parametrize("module", ["nn_review.cli", "nn_review"])
def test_version_as_a_module(module):
    r = subprocess.run([sys.executable, "-m", module, "--version"], check=False, capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("nn-review "), r.stderr


def _verbs(parser, prefix=()) -> list[str]:
    out = []
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            for name, sub in a.choices.items():
                out += [" ".join(prefix + (name,))] + _verbs(sub, prefix + (name,))
    return out


def test_every_verb_is_still_there_in_its_order():
    """New verbs may join; none of these is lost or moves (``--help`` lists them as before)."""
    from nn_review.cli import build_parser
    assert [v for v in _verbs(build_parser()) if v in VERBS] == VERBS


def test_the_verbs_live_in_cli_modules_with_register():
    from importlib import import_module

    from nn_review.cli import VERB_MODULES
    names = {p.stem for p in CLI.glob("cmd_*.py")}
    assert set(VERB_MODULES) == names, "every cmd_*.py is registered, and only those"
    for name in VERB_MODULES:
        assert callable(import_module(f"nn_review.cli.{name}").register), name
    # The old homes are gone (a stale copy would shadow nothing but confuse readers).
    for old in ("cli.py", "cli_support.py", "cli_commands.py", "keys_cli.py", "demo/cli.py", "exchange/cli.py",
                "expert/cli.py", "results/cli.py", "roster/cli.py"):
        assert not (ROOT / "nn_review" / old).exists(), old


def _imports(name: str, path: Path):
    """(imported module, names taken from it, line) of every import in the file, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            yield base, [a.name for a in node.names], node.lineno


def test_cli_imports_resolve():
    """Every nn_review import of the CLI names a module that exists (or a name of its package):
    handlers import lazily, so a stale path (e.g. ``from .workspace import`` left from the module's
    old home) would only fail when that verb runs."""
    mods = module_files("nn_review")
    bad = []
    for name, path in module_files("nn_review").items():
        if not name.startswith("nn_review.cli"):
            continue
        for target, names, line in _imports(name, path):
            if not target.startswith("nn_review"):
                continue
            if target not in mods:
                bad.append(f"{path.relative_to(ROOT)}:{line} {target}")
                continue
            for n in names:  # a submodule, or a name the module defines or imports
                if f"{target}.{n}" in mods:
                    continue
                tree = ast.parse(mods[target].read_text(encoding="utf-8"))
                defined = {getattr(t, "id", None) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                           for t in node.targets}
                defined |= {node.name for node in tree.body
                            if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))}
                defined |= {(a.asname or a.name).split(".")[0] for node in tree.body
                            if isinstance(node, (ast.Import, ast.ImportFrom)) for a in node.names}
                defined |= {node.target.id for node in tree.body
                            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)}
                if n not in defined:
                    bad.append(f"{path.relative_to(ROOT)}:{line} {target}.{n}")
    assert not bad, "imports that do not resolve:\n" + "\n".join(bad)


def _is_cli(module: str) -> bool:
    """The CLI's modules, in the package and where they lived before it (``*.cli``, ``cli_*``, ``keys_cli``)."""
    last = module.rpartition(".")[2]
    return module.startswith("nn_review.cli") or last == "cli" or last.endswith("_cli")


def test_cli_takes_no_private_name_from_another_module():
    bad = []
    for name, path in module_files("nn_review").items():
        for target, names, line in _imports(name, path):
            crosses = target != name and (_is_cli(target) or _is_cli(name))
            bad += [f"{path.relative_to(ROOT)}:{line} {target}.{n}" for n in names
                    if crosses and n.startswith("_") and not n.startswith("__")]
    assert not bad, "\n".join(bad)


def test_only_the_cli_starts_the_ui():
    """The core never imports Qt or ui/; the one exception is nn_review/cli (it starts the GUI)."""
    bad = []
    for name, path in module_files("nn_review").items():
        if name == "nn_review.cli" or name.startswith("nn_review.cli."):
            continue
        for target, _names, line in _imports(name, path):
            if target.split(".")[0] in {"ui", "PySide6"}:
                bad.append(f"{path.relative_to(ROOT)}:{line} {target}")
    assert not bad, "\n".join(bad)
