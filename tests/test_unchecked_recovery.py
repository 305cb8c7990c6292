"""Packages a killed import left unchecked (killed during the formal checks) are checked at the
next open of the store, the next import (even one that finds them all 重复) and
``session checks``; until then every view says 未审查, and finalising waits for them."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.services import checks
from nn_review.services.formal import decisions_report, list_formal
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.queries import list_applications
from nn_review.services.sessions import create_session
from nn_review.services.startup import open_for_work
from nn_review.store import models as M
from nn_review.store import open_store
from nn_review.store.db import Store

from .helpers import manifest, unique_code, write_package

ROOT = Path(__file__).resolve().parents[1]
N = 3

KILLED_IN_CHECKS = """
    import sys, time
    from nn_review.services import checks, importer
    from nn_review.store import open_store
    def stall(*a, **kw):           # run_checks has its write transaction open here
        print("CHECKING", flush=True)
        time.sleep(600)
    checks.findings_for = stall
    store = open_store(sys.argv[1])
    importer.import_packages(store, 1, [sys.argv[2]])
"""


def _statuses(root: Path) -> dict[str, str]:
    store = Store(root)  # no open-time recovery: look at the file as it is
    try:
        with store.read() as s:
            return {a.application_id: a.check_status for a in s.scalars(select(M.Application))}
    finally:
        store.close()


@pytest.fixture(scope="module")
def killed_state(tmp_path_factory):
    """A store whose import was SIGKILLed while it ran the formal checks (made once, copied per test)."""
    if os.name == "nt":
        pytest.skip("SIGKILL")
    tmp = tmp_path_factory.mktemp("killed")
    store = open_store(tmp / "store")
    ensure_builtin_guides(store)
    create_session(store, "批次")
    store.close()
    pkgs = tmp / "pkgs"
    pkgs.mkdir()
    for i in range(N):
        m = manifest(application_id=f"NNKJ-2025-07{i:02d}")
        m["applicant"]["credit_code"] = unique_code(700 + i)
        write_package(pkgs, m)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILLED_IN_CHECKS), str(tmp / "store"), str(pkgs)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(120, proc.kill)
    watchdog.start()
    line = proc.stdout.readline()
    watchdog.cancel()
    assert line.startswith("CHECKING"), proc.stderr.read() if proc.poll() is not None else line
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    proc.stdout.close()
    proc.stderr.close()
    assert set(_statuses(tmp / "store").values()) == {"unchecked"}
    return tmp / "store", pkgs


@pytest.fixture
def killed(killed_state, tmp_path):
    root, pkgs = killed_state
    shutil.copytree(root, tmp_path / "store")
    return tmp_path / "store", pkgs


def _checked(root: Path) -> bool:
    st = _statuses(root)
    return len(st) == N and "unchecked" not in st.values()


def test_next_open_checks_them(killed):
    """The window and every CLI verb open the store through open_for_work."""
    root, _ = killed
    open_for_work(root).close()
    assert _checked(root)


def test_next_import_checks_them_though_all_are_duplicates(killed):
    root, pkgs = killed
    store = Store(root)  # a window opened before the kill: only the import can notice
    rep = import_packages(store, 1, [pkgs])
    assert [r.outcome for r in rep.results] == ["duplicate"] * N
    store.close()
    assert _checked(root)


def test_session_checks_checks_them(killed, capsys):
    root, _ = killed
    assert main(["--store", str(root), "session", "checks"]) in (0, 1)
    assert _checked(root)
    assert "未审查" not in capsys.readouterr().out


def test_unchecked_shown_as_unchecked_until_checks_run(killed, monkeypatch, capsys):
    """When the checks cannot run (here: they fail), the store still opens and every view says 未审查."""
    root, _ = killed

    def broken(*a, **kw):
        raise ValueError("规则出错")

    monkeypatch.setattr(checks, "findings_for", broken)
    store = open_for_work(root)  # opens anyway
    assert {r.check_status for r in list_applications(store, 1)} == {"unchecked"}
    assert {f.label.split(" → ")[0] for f in list_formal(store, 1)} == {"未审查"}
    assert decisions_report(store, 1)["summary"]["needs_decision"] == N
    store.close()
    assert main(["--store", str(root), "session", "decisions"]) == 0
    out = capsys.readouterr().out
    assert out.count("未审查 → 未确认") == N


def test_finalise_waits_for_unchecked(tmp_path):
    from nn_review.results.consensus import finalise_problems

    from .results_fixtures import make_world
    w = make_world(tmp_path, n_apps=2)
    with w.store.write() as s:
        s.get(M.Application, w.apps[w.app_ids[0]]).check_status = "unchecked"
    problems, _, _ = finalise_problems(w.store, w.sid)
    assert any("未审查" in p and w.app_ids[0] in p for p in problems), problems
