"""What a killed process leaves is cleaned at the next start and the next run of the same verb:
an import's plaintext PDFs (``<store>/tmp/import-*``) and a report run's hidden ``.nn-report-*``
folder with finished sheets. A folder a live process is working in is never removed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from nn_review.results import write_reports
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session
from nn_review.store import open_store

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .helpers import manifest, unique_code, write_package
from .results_fixtures import make_world

ROOT = Path(__file__).resolve().parents[1]

STALL_IMPORT = """
    import sys, time
    from nn_review.services import importer
    from nn_review.store import open_store
    real = importer.read_package
    def read_then_stall(path, workdir, **kw):
        pkg = real(path, workdir, **kw)   # the package's PDFs are now in plaintext under workdir
        print("READY", workdir, flush=True)
        time.sleep(600)
    importer.read_package = read_then_stall
    store = open_store(sys.argv[1])
    importer.import_packages(store, 1, [sys.argv[2]])
"""

STALL_REPORT = """
    import sys, time
    from nn_review.results import write_reports
    from nn_review.store import open_store
    def progress(done, total, name):
        if done >= 1:                      # one finished sheet is in the staging folder
            print("READY", flush=True)
            time.sleep(600)
    store = open_store(sys.argv[1])
    write_reports(store, int(sys.argv[2]), sys.argv[3], progress=progress, personal=False)
"""


class Stalled:
    """A child process stopped half-way through a verb (it prints READY there)."""

    def __init__(self, script: str, *args: str):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        watchdog = threading.Timer(120, self.proc.kill)
        watchdog.start()
        self.ready = self.proc.stdout.readline()
        watchdog.cancel()
        assert self.ready.startswith("READY"), (self.ready, self.proc.stderr.read() if self.proc.poll() is not None else "")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def store_with_package(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    create_session(store, "批次")
    store.close()
    m = manifest(application_id="NNKJ-2025-0901")
    m["applicant"]["credit_code"] = unique_code(901)
    return tmp_path / "store", write_package(tmp_path, m)


def _import_dirs(store_root: Path) -> list[Path]:
    return sorted(p for p in (store_root / "tmp").glob("import-*") if p.is_dir())


def _pdfs(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.read_bytes()[:5] == b"%PDF-"]


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_import_leftovers_removed_at_next_start(store_with_package):
    root, pkg = store_with_package
    child = Stalled(STALL_IMPORT, str(root), str(pkg))
    [left] = _import_dirs(root)
    assert _pdfs(left), "the stalled import has its plaintext PDFs in tmp"

    # while the importer lives, another process opening the store leaves its folder alone
    open_store(root).close()
    assert _import_dirs(root) == [left] and _pdfs(left)

    child.kill()
    assert _import_dirs(root) == [left]  # nothing removed it: the process was killed
    open_store(root).close()
    assert _import_dirs(root) == [] and not any((root / "tmp").glob("import-*"))


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_import_leftovers_removed_by_next_import(store_with_package):
    from nn_review.store.db import Store
    root, pkg = store_with_package
    child = Stalled(STALL_IMPORT, str(root), str(pkg))
    child.kill()
    assert len(_import_dirs(root)) == 1
    store = Store(root)  # already open in a GUI started before the kill: the next import cleans
    rep = import_packages(store, 1, [pkg])
    assert [r.outcome for r in rep.results] == ["imported"]
    assert _import_dirs(root) == [] and list((root / "tmp").iterdir()) == []


def test_in_use_work_dir_of_this_process_is_kept(tmp_path):
    """A sweep from another thread (the GUI's import beside a CLI-less clean-up) skips a held folder."""
    from nn_review.store.housekeeping import WorkDir, sweep
    work = WorkDir(tmp_path, "import-")
    (work.path / "doc.pdf").write_bytes(b"%PDF-1.4 secret")
    assert sweep(tmp_path, "import-") == []
    assert (work.path / "doc.pdf").exists()
    work.close()
    assert list(tmp_path.iterdir()) == []


def test_legacy_leftover_without_lock_removed_when_old(tmp_path):
    from nn_review.store.housekeeping import sweep
    old = tmp_path / "import-0123"
    old.mkdir()
    (old / "a.pdf").write_bytes(b"%PDF-")
    assert sweep(tmp_path, "import-") == []          # could be an older version's live import
    os.utime(old, (1, 1))
    assert sweep(tmp_path, "import-") == [old] and not old.exists()


@pytest.fixture
def report_world(tmp_path):
    w = make_world(tmp_path, n_apps=2, leader="王建国")
    w.store.close()
    return w


def _staging(out: Path) -> list[Path]:
    return sorted(p for p in out.glob(".nn-report-*") if p.is_dir())


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_report_run_leftovers_removed_at_next_start(report_world, tmp_path):
    root, out = report_world.store.root, tmp_path / "out"
    child = Stalled(STALL_REPORT, str(root), str(report_world.sid), str(out))
    [left] = _staging(out)
    assert _pdfs(left)
    open_store(root).close()                       # a live run's folder stays
    assert _staging(out) == [left] and _pdfs(left)
    child.kill()
    open_store(root).close()                       # the next start removes the dead one's
    assert _staging(out) == [] and list(out.glob(".nn-report-*")) == []
    assert list((root / "tmp" / "work").iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_report_run_leftovers_removed_by_next_run(report_world, tmp_path):
    root, out = report_world.store.root, tmp_path / "out"
    child = Stalled(STALL_REPORT, str(root), str(report_world.sid), str(out))
    [live] = _staging(out)
    store = open_store(root)
    # a run in the same folder while the other is alive: its staging folder is not touched
    res = write_reports(store, report_world.sid, out, personal=False)
    assert res.summaries and _staging(out) == [live] and _pdfs(live)
    child.kill()
    for entry in (root / "tmp" / "work").glob("*"):
        entry.unlink()  # e.g. written from another PC's store: only the folder itself knows
    write_reports(store, report_world.sid, out, personal=False)
    assert _staging(out) == [] and list(out.glob(".nn-report-*")) == []
    store.close()
