"""nn_review.store.watch: another process's commit is told apart from this process's own."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.sessions import create_session
from nn_review.store import open_store
from nn_review.store.watch import Change, StoreWatcher

ROOT = Path(__file__).resolve().parents[1]


def test_own_and_other_writes(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    w = StoreWatcher(store)
    assert w.poll() is Change.NONE
    create_session(store, "本进程的批次")
    assert w.poll() is Change.OWN
    assert w.poll() is Change.NONE
    # Another connection that is not this Store's (here: another process) is "external".
    code = ("import sys; from nn_review.store import open_store; from nn_review.services.sessions import create_session;"
            "s = open_store(sys.argv[1]); create_session(s, '另一进程的批次'); s.close()")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code, str(store.root)], check=True, env=env, timeout=120)
    assert w.poll() is Change.EXTERNAL
    assert w.poll() is Change.NONE
    w.close()
    store.close()


def test_write_in_flight_counts_as_own(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    w = StoreWatcher(store)
    entered, release = threading.Event(), threading.Event()

    def writer():
        with store.write() as s:
            store.audit(s, "test.slow")
            entered.set()
            release.wait(10)

    t = threading.Thread(target=writer)
    t.start()
    entered.wait(10)
    assert w.poll() is Change.NONE  # not committed yet
    release.set()
    t.join()
    assert w.poll() is Change.OWN  # committed by this process's writer thread
    w.close()
    store.close()
