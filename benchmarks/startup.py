"""Start-up time of the CLI: ``nn-review --version``, ``nn-review --help`` and building the parser.

    python benchmarks/startup.py [--runs 20] [--python PATH] [--root DIR]

Each figure is a whole new process (interpreter start included), as a user or a script pays it:
the median, min and max wall time of ``--runs`` runs after one warm-up. The baseline in the same
run is ``python -c pass`` (the interpreter alone), and the list of heavy libraries each command
loaded (SQLAlchemy, reportlab, cryptography, pyHanko, openpyxl, Qt: none is needed to print the
version or the help). ``--root`` times another checkout (e.g. the code before issue 14) with the
same interpreter; ``farm-bench --vs`` compares two checkouts pair by pair.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["sqlalchemy", "reportlab", "cryptography", "pyhanko", "openpyxl", "PySide6", "pypdf", "keyring"]

COMMANDS = {
    "python -c pass (baseline)": ["-c", "pass"],
    "nn-review --version": ["-m", "nn_review.cli", "--version"],
    "nn-review --help": ["-m", "nn_review.cli", "--help"],
    "nn-review session --help": ["-m", "nn_review.cli", "session", "--help"],
}


def _env(root: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
    # An installed program runs from compiled bytecode: let the warm-up write it (a shell with
    # PYTHONDONTWRITEBYTECODE would otherwise time the compiler on every run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_command(python: str, args: list[str], root: Path, runs: int) -> list[float]:
    env = _env(root)
    times = []
    for i in range(runs + 1):
        t = time.perf_counter()
        subprocess.run([python, *args], env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        if i:  # the first run warms the file cache and the .pyc files
            times.append(time.perf_counter() - t)
    return times


def heavy_loaded(python: str, args: list[str], root: Path) -> list[str]:
    """The heavy libraries the command leaves in sys.modules (run in-process through runpy)."""
    if args[:1] != ["-m"]:
        return []
    code = ("import runpy, sys, json, atexit\n"
            f"sys.argv = {[args[1], *args[2:]]!r}\n"
            f"atexit.register(lambda: sys.__stderr__.write('HEAVY ' + json.dumps(sorted("
            f"{{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))) + '\\n'))\n"
            f"runpy.run_module({args[1]!r}, run_name='__main__', alter_sys=True)\n")
    r = subprocess.run([python, "-c", code], check=False, env=_env(root), cwd=root, capture_output=True, text=True)
    line = next((ln for ln in r.stderr.splitlines() if ln.startswith("HEAVY ")), "HEAVY []")
    return json.loads(line[6:])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--root", type=Path, default=ROOT, help="checkout to time (default: this one)")
    a = ap.parse_args()
    print(f"{a.root}  ({a.runs} runs each, wall seconds: median [min–max])")
    for name, args in COMMANDS.items():
        t = time_command(a.python, args, a.root, a.runs)
        heavy = heavy_loaded(a.python, args, a.root)
        print(f"  {name:<28} {statistics.median(t):6.3f} s  [{min(t):.3f}–{max(t):.3f}]"
              f"  heavy libraries loaded: {', '.join(heavy) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
