"""Two writers on one store: concurrent imports never replace each other's packages, a duplicate
is decided inside the write transaction, and a bundle is not made for a session finalised while
it was being written."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nn_review.exchange.bundles import make_bundle
from nn_review.formats.errors import ExchangeError
from nn_review.services import importer
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session
from nn_review.store import StoreError, open_store
from nn_review.store import models as M
from nn_review.store.db import Store

from .exchange_fixtures import build_world, no_real_keyring, table_counts  # noqa: F401
from .helpers import distinct_packages

ROOT = Path(__file__).resolve().parents[1]
N = 14


def _packages(folder: Path, version: str) -> list[Path]:
    folder.mkdir()
    return distinct_packages(folder, [f"NNKJ-2025-{i + 1:04d}" for i in range(N)], code_base=300,
                             version=version, pages=3)


def _cli(store: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-c", "import sys; from nn_review.cli import main; sys.exit(main(sys.argv[1:]))",
                             "--store", str(store), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture
def store_path(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    create_session(store, "并发批次")
    store.close()
    return tmp_path / "store"


def _audit(store, action: str) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(M.AuditEvent).where(M.AuditEvent.action == action))


@pytest.mark.parametrize("versions", ["same folder", "two versions"])
def test_two_concurrent_imports_never_replace(store_path, tmp_path, versions):
    a = tmp_path / "a"
    _packages(a, "甲")
    b = a
    if versions == "two versions":
        b = tmp_path / "b"
        _packages(b, "乙")
    procs = [_cli(store_path, "session", "import", str(a)), _cli(store_path, "session", "import", str(b))]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, (out, err)
        assert "Traceback" not in err, err
        assert "[已替换]" not in out, out
    lines = [ln for out, _ in outs for ln in out.splitlines() if ln.startswith("[")]
    assert len(lines) == 2 * N
    assert all(ln.startswith(("[已导入]", "[重复]")) for ln in lines), lines
    assert sum(ln.startswith("[已导入]") for ln in lines) == N

    store = open_store(store_path)
    assert _audit(store, "package.replace") == 0
    assert _audit(store, "package.import") == N
    with store.read() as s:
        ids = list(s.scalars(select(M.Application.application_id)))
        titles = {t[-1] for t in s.scalars(select(M.Application.title))}
        assert not s.scalar(select(func.count()).select_from(M.Application)
                            .where(M.Application.check_status == "unchecked"))
    assert sorted(ids) == [f"NNKJ-2025-{i + 1:04d}" for i in range(N)]  # each exactly once
    assert len(titles) == 1  # all from one import: none swapped for the other version
    assert list((store_path / "tmp").glob("import-*")) == []


def test_duplicate_is_decided_inside_the_write(store_path, tmp_path, monkeypatch):
    """A package that was new when this import looked, but written by another process before this
    import's write transaction (an older version not taking the import lock), is a duplicate."""
    mine = _packages(tmp_path / "mine", "甲")[:1]
    theirs = _packages(tmp_path / "theirs", "乙")[:1]
    store = open_store(store_path)
    sid = 1
    real_write = store.write

    def other_writer_first():  # the other writer commits between our look and our write
        store.write = real_write
        other = Store(store_path)
        assert importer._import_one(other, sid, theirs[0], False, lambda n: None, None).outcome == "imported"
        other.close()
        return real_write()

    store.write = other_writer_first
    rep = import_packages(store, sid, mine)
    assert [r.outcome for r in rep.results] == ["duplicate"], rep.results[0].message
    assert _audit(store, "package.replace") == 0
    with store.read() as s:
        assert [a.title[-1] for a in s.scalars(select(M.Application))] == ["乙"]
    # the user's choice to replace still replaces
    assert [r.outcome for r in import_packages(store, sid, mine, replace=True).results] == ["replaced"]
    assert _audit(store, "package.replace") == 1


def test_second_import_waits_or_reports_clearly(store_path, tmp_path):
    """While another import holds the store's import lock, an import waits (and says so); with a
    time limit it refuses with a clear message and imports nothing."""
    from nn_review.services.importer import import_lock
    pkgs = _packages(tmp_path / "p", "甲")[:2]
    store = open_store(store_path)
    other = import_lock(store)
    assert other.try_acquire()
    try:
        told = []
        with pytest.raises(StoreError, match="另一个导入正在进行（进程 \\d+"):
            import_packages(store, 1, pkgs, wait=0.3, on_wait=told.append)
        assert told and "另一个导入正在进行" in told[0]
        cancelled = import_packages(store, 1, pkgs, cancel=lambda: True)
        assert {r.outcome for r in cancelled.results} == {"cancelled"}
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(M.Application)) == 0
        # the CLI waits and says so, then imports once the other is done
        proc = _cli(store_path, "session", "import", str(tmp_path / "p"))
        watchdog = threading.Timer(120, proc.kill)
        watchdog.start()
        first = proc.stderr.readline()  # the child says it waits (and keeps waiting)
        watchdog.cancel()
        assert "另一个导入正在进行" in first and proc.poll() is None, first
    finally:
        other.release()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and out.count("[已导入]") == N, (out, err)


def test_bundle_refused_when_session_finalised_during_write(tmp_path, monkeypatch):
    from nn_review.exchange import bundles
    w = build_world(tmp_path)
    before = table_counts(w.store)
    real_write = bundles._write

    def write_then_finalise(*a, **kw):
        built = real_write(*a, **kw)
        with w.store.write() as s:  # another process finalises the session meanwhile
            s.get(M.ReviewSession, w.sid).state = "finalised"
        return built

    monkeypatch.setattr(bundles, "_write", write_then_finalise)
    out = tmp_path / "out"
    with pytest.raises(ExchangeError, match="定稿") as e:
        make_bundle(w.store, w.sid, w.experts["王建国"], out, secretary_key=w.secretary)
    assert e.value.code == "session.locked"
    after = table_counts(w.store)
    assert after["bundles"] == before["bundles"] == 0
    assert list(out.iterdir()) == []


def test_consensus_refused_when_scores_change_before_its_write(tmp_path):
    """The consensus is checked against the scores as read before the write lock; a score file
    imported in between (another window, the CLI) makes it refused, not recorded on stale data."""
    from nn_review.results import set_consensus
    from nn_review.results.errors import ResultsError

    from .results_fixtures import SEVEN, make_world, return_scores, review
    w = make_world(tmp_path, n_apps=1, leader="王建国")
    [aid] = w.app_ids
    return_scores(w, tmp_path, {n: [review(aid, "BBBBBB")] for n in SEVEN[:6]})
    real_write = w.store.write

    def late_import_first():
        w.store.write = real_write
        return_scores(w, tmp_path, {SEVEN[6]: [review(aid, "DDDDDD", "reject")]})
        return real_write()

    w.store.write = late_import_first
    with pytest.raises(ResultsError) as e:
        set_consensus(w.store, w.sid, aid, opinion="专家组一致同意该项目予以支持。", recommendation="support")
    assert e.value.code == "consensus.changed"
    with w.store.read() as s:
        assert s.scalar(select(func.count()).select_from(M.Consensus)) == 0
    # on the scores as they are now it is recorded
    set_consensus(w.store, w.sid, aid, opinion="专家组一致同意该项目予以支持。", recommendation="support")
