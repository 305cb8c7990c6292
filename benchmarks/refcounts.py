"""Reference counts of None/True/False across real GUI work (issue 12, item 13: the Qt binding).

    python benchmarks/refcounts.py                      every scenario, each in its own process
    python benchmarks/refcounts.py grading [--n 10000]  one scenario, in this process (prints JSON)

Scenarios (the real windows and widgets, headless):

* ``grading`` — the expert window on a real bundle: N grading actions through the widgets
  (a grade key on the focused criterion, a chunk of opinion typed as an input method commits it,
  a recommendation click), moving on with Ctrl+PgDn.
* ``table`` — the secretary window's applications table (ApplicationsModel + its filter proxy in
  the real QTableView) fed with N rows: loaded (sorted by 申报编号 through the proxy's Python
  ``lessThan``, as the window starts) and scrolled through: at each of 201 scroll positions the
  page is painted and ``data()`` asked for every role of every visible cell. (Sorting 100,000 rows calls ``lessThan`` ~1.7 million times:
  that, not the scrolling, is most of the time.)
* ``roster`` — the secretary window opened on a store holding N experts (its roster page loads
  them into its table model at start: 8 columns per expert, only the visible cells painted).

A binding that hands back ``None``/``True`` without a new reference makes the counts *drop*;
at 0 CPython aborts ("Fatal Python error: none_dealloc"). A scenario run in a child process reports
that as ``aborted``. ``--pad K`` holds K extra references to each object during the run, so a
leaking binding can be measured over the full size instead of aborting (the drop is the same).
CPython ≥ 3.12 makes None/True/False immortal: their counts are constant there, whatever leaks.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"grading": 10_000, "table": 100_000, "roster": 60_000}
STOPS = 200  # scroll positions visited (each painted, each cell asked for every role)
GUARDED = {"None": None, "True": True, "False": False}


def counts() -> dict[str, int]:
    return {k: sys.getrefcount(v) for k, v in GUARDED.items()}


def _private_home() -> Path:
    """Like tests/conftest.py: nothing reaches the real home, keyring or QSettings."""
    shm = Path("/dev/shm")  # in memory where there is one: each grading action commits (fsync)
    home = Path(tempfile.mkdtemp(prefix="nn-review-refcounts-",
                                 dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None))
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"),
                      ("NN_REVIEW_KEY_DIR", "keys"), ("NN_REVIEW_EXPERT_DIR", "expert")):
        (home / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[name] = str(home / sub)
    os.environ.update(NN_REVIEW_KEYRING="file", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
                      NN_REVIEW_SECRETARY_PASSPHRASE="refcounts-secretary", NN_REVIEW_ACTOR="refcounts")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        for scope in (QSettings.UserScope, QSettings.SystemScope):
            QSettings.setPath(fmt, scope, str(home / ".config"))
    return home


def _app():
    """The application as the program makes it — minus a refcount top-up timer, if this tree still
    has one (ui/refcount_guard.py in older trees): it would hide exactly what is measured here."""
    try:
        from ui import refcount_guard
    except ImportError:
        pass
    else:  # NN_REVIEW_REFCOUNTS_KEEP_GUARD=1: measure the old tree as it ran, timer included
        if not os.environ.get("NN_REVIEW_REFCOUNTS_KEEP_GUARD"):
            refcount_guard.install = lambda *a, **k: None
    from ui.app import make_app
    return make_app()


def _settle(app, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


# -- scenarios -----------------------------------------------------------------------------------

def grading(n: int, home: Path) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from nn_review.exchange.bundles import make_bundle
    from nn_review.expert import open_workspace
    from tests.exchange_fixtures import build_world
    from ui.expert.main_window import ExpertWindow

    app = _app()
    world = build_world(home / "secretary", n_apps=3)
    info = make_bundle(world.store, world.sid, world.experts["王建国"], home / "out", secretary_key=world.secretary)
    ws = open_workspace(home / "ws", passphrase="专家口令 refcounts")
    ws.add_bundle(info.path, info.password, trusted_fingerprint=world.secretary.fingerprint)
    win = ExpertWindow(ws)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    _settle(app, 10)
    keys = [Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_4, Qt.Key_5, Qt.Key_A, Qt.Key_B, Qt.Key_C]
    text = "技术路线清晰可行团队基础较好考核指标明确经费预算基本合理建议予以支持"
    before = counts()
    t0 = time.perf_counter()
    done = rnd = 0
    while done < n:
        win.form.boxes[0].focus_grades()
        for i, box in enumerate(win.form.boxes):  # a grade key to the focused criterion (focus moves on)
            if not box.has_focus_in_grades():  # a D or E put the cursor in its comment
                box.focus_grades()
            QTest.keyClick(QApplication.focusWidget() or win, keys[(rnd + i) % len(keys)])
            done += 1
        win.form.opinion.setFocus()
        win.form.opinion.selectAll()
        for j in range(0, 12, 3):  # typed through an input method, 3 characters a commit
            ev = QInputMethodEvent("", [])
            ev.setCommitString(text[(rnd + j) % 30:(rnd + j) % 30 + 3])
            QApplication.sendEvent(win.form.opinion, ev)
            done += 1
        recs = win.form.rec_group.buttons()
        QTest.mouseClick(recs[rnd % len(recs)], Qt.LeftButton)
        done += 1
        QTest.keyClick(QApplication.focusWidget() or win, Qt.Key_PageDown, Qt.ControlModifier)
        if rnd % 3 == 2:
            win.apps.select(ws.applications(win.bundle_id)[0].application_id)
        app.processEvents()
        rnd += 1
    _settle(app)
    after = counts()
    return {"actions": done, "seconds": round(time.perf_counter() - t0, 1), "before": before, "after": after}


def _app_rows(n: int):
    from datetime import datetime, timedelta

    from nn_review.services.queries import AppRow
    statuses = ("pass", "fail", "attention", "unchecked")
    decisions = ("", "", "accepted", "excluded")
    t = datetime(2025, 7, 1, 8, 0)
    return [AppRow(pk=i + 1, application_id=f"NNKJ-2025-{i:06d}", kind="project" if i % 50 else "consortium_evaluation",
                   guide_item=1 + i % 22, direction=1 + i % 3, title=f"面向东盟的智能制造关键技术研究（{i}）",
                   applicant=f"广西第{i % 997}信息科技有限公司", requested=float(50 + i % 250),
                   self_funded=float(100 + i % 700), check_status=statuses[i % 4], failed_rules=i % 4 == 1,
                   imported_at=t + timedelta(seconds=i), formal_decision=decisions[(i // 4) % 4],
                   formal_reason="材料不全" if (i // 4) % 4 == 3 else "", formal_actor="秘书" if (i // 4) % 4 >= 2 else "",
                   formal_decided_at=t + timedelta(days=1) if (i // 4) % 4 >= 2 else None)
            for i in range(n)]


def table(n: int, home: Path) -> dict:
    from PySide6.QtCore import Qt

    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store
    from ui import main_window as mw
    from ui.apps_model import SORT_ROLE

    app = _app()
    store = open_store(home / "store")
    ensure_builtin_guides(store)
    create_session(store, "万行表格批次")
    feed: list = []
    real = mw.queries.list_applications
    mw.queries.list_applications = lambda _store, _sid: feed  # the real window, fed n rows below
    try:
        win = mw.MainWindow(store)
        win.resize(1366, 768)
        win.show()
        win.show_pages()  # the session has no packages of its own: the window opened on the start panel
        _settle(app, 10)
        feed.extend(_app_rows(n))
        before = counts()
        t0 = time.perf_counter()
        win.reload_applications()
        _settle(app)
        view, proxy = win.table, win.proxy
        roles = (Qt.DisplayRole, Qt.ToolTipRole, Qt.TextAlignmentRole, Qt.ForegroundRole, Qt.FontRole,
                 Qt.UserRole, SORT_ROLE, Qt.DecorationRole, Qt.BackgroundRole, Qt.CheckStateRole, Qt.SizeHintRole)
        asked = 0

        def visible_data() -> int:
            top = max(0, view.rowAt(0))
            bottom = view.rowAt(view.viewport().height() - 1)
            bottom = proxy.rowCount() - 1 if bottom < 0 else bottom
            k = 0
            for r in range(top, bottom + 1):
                for c in range(proxy.columnCount()):
                    idx = proxy.index(r, c)
                    for role in roles:
                        proxy.data(idx, role)
                        k += 1
            return k

        bar = view.verticalScrollBar()

        def scroll_through() -> int:  # top to bottom in STOPS steps, each page painted and asked for
            k = 0
            for i in range(STOPS + 1):
                bar.setValue(bar.maximum() * i // STOPS)
                _settle(app, 1)
                k += visible_data()
            return k

        asked += scroll_through()  # as loaded: sorted by 申报编号 (the window's default) through lessThan
        after = counts()
        return {"rows": proxy.rowCount(), "data_calls": asked, "seconds": round(time.perf_counter() - t0, 1),
                "before": before, "after": after}
    finally:
        mw.queries.list_applications = real


def roster(n: int, home: Path) -> dict:
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.sessions import create_session
    from nn_review.store import models as M
    from nn_review.store import open_store
    from ui.main_window import MainWindow

    app = _app()
    store = open_store(home / "store")
    ensure_builtin_guides(store)
    create_session(store, "专家库批次")
    with store.write() as s:
        s.add_all(M.Expert(roster_key=f"E{i:06d}", name=f"专家{i:06d}", unit=f"广西第{i % 500}研究院",
                           title="研究员", fields_json='["信息技术", "智能制造"]', phone=f"1380771{i % 10000:04d}",
                           email=f"e{i}@example.cn", standing_conflicts_json="[]") for i in range(n))
    before = counts()
    t0 = time.perf_counter()
    win = MainWindow(store)  # the roster page is filled here, before the first event
    win.resize(1366, 768)
    win.show()
    _settle(app, 10)
    from ui.roster_page import RosterPage
    shown = next(p for p in win.extra_pages if isinstance(p, RosterPage))
    after = counts()
    return {"experts": shown.model.rowCount(), "seconds": round(time.perf_counter() - t0, 1),
            "before": before, "after": after}


SCENARIOS = {"grading": grading, "table": table, "roster": roster}


# -- driver --------------------------------------------------------------------------------------

_PADDING: list[list] = []


def run_here(name: str, n: int, pad: int) -> dict:
    home = _private_home()
    sys.path.insert(0, str(ROOT))
    # Never freed (the process ends with os._exit): giving them back after a leak is the abort.
    _PADDING.extend([v] * pad for v in GUARDED.values() if pad)
    result = SCENARIOS[name](n, home)
    result["drop"] = {k: result["before"][k] - result["after"][k] for k in GUARDED}
    result.update(scenario=name, python=sys.version.split()[0], pyside=_pyside_version(), padded=pad)
    shutil.rmtree(home, ignore_errors=True)
    return result


def _pyside_version() -> str:
    import PySide6
    return PySide6.__version__


def run_child(name: str, n: int, pad: int = 0, timeout: float = 1800, python: str = sys.executable) -> dict:
    """The scenario in a fresh interpreter: an abort there is a result, not the end of the caller."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([python, str(Path(__file__).resolve()), name, "--n", str(n), "--pad", str(pad)],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=timeout)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    fatal = next((ln for ln in proc.stderr.splitlines() if "Fatal Python error" in ln), proc.stderr[-400:])
    return {"scenario": name, "aborted": True, "exit": proc.returncode, "error": fatal.strip()}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("scenario", nargs="?", choices=sorted(SCENARIOS))
    p.add_argument("--n", type=int, help="actions / rows / experts (default: the issue's sizes)")
    p.add_argument("--pad", type=int, default=0, help="hold this many extra references to each object")
    p.add_argument("--python", default=sys.executable, help="interpreter for the child runs (its venv's PySide6)")
    a = p.parse_args(argv)
    if a.scenario:  # one scenario here; the last line is the JSON result
        result = run_here(a.scenario, a.n or SIZES[a.scenario], a.pad)
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        os._exit(0)  # a leaking binding may also crash in the final GC: the figures are out
    for name in SIZES:
        r = run_child(name, a.n or SIZES[name], a.pad, python=a.python)
        if r.get("aborted"):
            print(f"{name:8} ABORTED (exit {r['exit']}): {r['error']}")
        else:
            size = r.get("actions") or r.get("rows") or r.get("experts")
            d = r["drop"]
            print(f"{name:8} n={size:>7}  PySide6 {r['pyside']}  Python {r['python']}  "
                  f"drop None {d['None']:>8}  True {d['True']:>6}  False {d['False']:>6}  ({r['seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
