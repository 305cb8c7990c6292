"""Issue 12 item 4: the secretary window notices another process's writes (a CLI import while
the window is open) and refreshes, keeping the user's selection; its own writes do not count."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from nn_review.services.importer import import_packages

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..helpers import manifest, unique_code, write_package
from ..results_fixtures import make_world

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = "其他程序"


def table_ids(win) -> list[str]:
    return [win.proxy.data(win.proxy.index(r, 0), Qt.UserRole).application_id for r in range(win.proxy.rowCount())]


def package(folder: Path, app_id: str, n: int, title: str) -> Path:
    m = manifest(application_id=app_id, title=title)
    m["applicant"]["credit_code"] = unique_code(n)
    return write_package(folder, m)


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "nn_review.cli", *args], env=env, capture_output=True, text=True,
                          timeout=180)


def test_cli_import_in_another_process_shows_up(qtbot, window, store, tmp_path):
    pkgs = tmp_path / "pkgs"
    pkgs.mkdir()
    mine = [package(pkgs, f"NNKJ-2025-01{i:02d}", 300 + i, f"本窗口导入的项目{i}") for i in range(3)]
    import_packages(store, window.session_id, mine)
    window.reload_applications()
    assert window.select_application("NNKJ-2025-0101")
    window.watch.poll()  # the window's own import: seen as its own, not announced
    assert EXTERNAL not in window.statusBar().currentMessage()
    shown = window.detail.detail

    other = package(tmp_path, "NNKJ-2025-0999", 399, "另一个程序导入的项目")
    r = cli("--store", str(store.root), "session", "import", str(other))
    assert r.returncode == 0, r.stdout + r.stderr

    qtbot.waitUntil(lambda: "NNKJ-2025-0999" in table_ids(window), timeout=5000)
    assert EXTERNAL in window.statusBar().currentMessage()
    assert "共 4 个申报包" in window.counts.text()
    # The selection and the detail pane (PDF viewer included) stay as they were.
    assert window.current_application_id() == "NNKJ-2025-0101"
    assert window.detail.detail is shown


def test_own_actions_are_not_announced(qtbot, window, store, tmp_path):
    import_packages(store, window.session_id, [package(tmp_path, "NNKJ-2025-0201", 401, "本窗口的项目")])
    window.reload_applications()
    window.watch.poll()
    window.statusBar().clearMessage()
    assert window.decide("NNKJ-2025-0201", "excluded", "材料不全")
    from nn_review.store.watch import Change
    assert window.watch.poll() is Change.OWN
    assert EXTERNAL not in window.statusBar().currentMessage()


def test_pages_out_of_sight_refresh_when_shown(qtbot, window, store):
    from ui.roster_page import RosterPage
    roster = next(p for p in window.extra_pages if isinstance(p, RosterPage))
    before = roster.model.rowCount()
    code = ("import sys; from nn_review.store import open_store, models as M;"
            "from nn_review.services.sessions import create_session;"
            "s = open_store(sys.argv[1]); create_session(s, '另一进程新建的批次')\n"
            "with s.write() as t: t.add(M.Expert(roster_key='EXT-1', name='外部专家', unit='广西大学', title='教授'))\n"
            "s.close()")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code, str(store.root)], check=True, env=env, timeout=120)
    sid = window.session_id
    qtbot.waitUntil(lambda: EXTERNAL in window.statusBar().currentMessage(), timeout=5000)
    # The new session is offered; the one being worked on stays chosen.
    assert window.sessions.count() == 2 and window.session_id == sid
    assert "另一进程新建的批次" in window.sessions.itemText(1)
    assert roster.stale and roster.model.rowCount() == before  # not shown: refreshed when shown
    window.pages.setCurrentWidget(roster)
    assert not roster.stale and roster.model.rowCount() == before + 1


def test_results_page_merges_once_when_shown_after_an_external_change(qtbot, tmp_path, monkeypatch):
    """The results merge is the expensive refresh: out of sight it waits, and showing the page
    merges once (not once for the stale mark and once more for the page's own showEvent)."""
    from nn_review import results as R
    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.results_page import ResultsPage
    make_app()
    w = make_world(tmp_path, n_apps=2)
    win = MainWindow(w.store)
    qtbot.addWidget(win)
    win.show()
    results = next(p for p in win.extra_pages if isinstance(p, ResultsPage))
    merges = []
    real = R.panel_results
    monkeypatch.setattr(R, "panel_results", lambda *a, **k: merges.append(a) or real(*a, **k))
    code = ("import sys; from nn_review.store import open_store, models as M\n"
            "s = open_store(sys.argv[1])\n"
            "with s.write() as t: t.add(M.Expert(roster_key='EXT-9', name='外部专家', unit='广西大学', title='教授'))\n"
            "s.close()")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code, str(w.store.root)], check=True, env=env, timeout=120)
    qtbot.waitUntil(lambda: EXTERNAL in win.statusBar().currentMessage(), timeout=5000)
    assert results.stale and merges == []
    win.pages.setCurrentWidget(results)
    assert not results.stale and len(merges) == 1
    win.close()
    w.store.close()
