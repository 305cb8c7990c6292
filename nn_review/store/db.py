"""Open a store: WAL, synchronous=FULL, foreign keys, migrations, one write transaction per action."""

from __future__ import annotations

import getpass
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..changes import Collector, Kind, kind_of_statement
from .blobs import BlobStore
from .housekeeping import REGISTRY, sweep, sweep_registered
from .errors import StoreError
from .perms import create_private_file, private_dir, private_tree
from .pragmas import on_begin, on_connect
from .migrations import MigrationError, migrate
from .models import AuditEvent

DB_NAME = "store.sqlite"


class Store:
    """A store folder: ``store.sqlite`` + ``blobs/`` + ``tmp/`` (same filesystem, for atomic renames)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.db_path = self.root / DB_NAME
        self.tmp_dir = self.root / "tmp"
        self.locks_dir = self.root / "locks"   # lock files of long actions (e.g. import.lock)
        self.work_registry = self.tmp_dir / REGISTRY  # working folders outside the store (reports)
        self.blobs = BlobStore(self.root)
        self.actor = os.environ.get("NN_REVIEW_ACTOR") or _user()
        self.engine = create_engine(f"sqlite:///{self.db_path}", future=True)
        event.listen(self.engine, "connect", on_connect)
        event.listen(self.engine, "begin", on_begin)
        # Change notices: what each committed write transaction touched (nn_review.changes).
        self._collecting = threading.local()
        event.listen(self.engine, "after_cursor_execute", _note_write)
        event.listen(self.engine, "commit", self._committed)
        event.listen(self.engine, "rollback", _forget_writes)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(nn_write=True), expire_on_commit=False)
        # This process's own write transactions, begun and ended (watch.StoreWatcher tells them
        # apart from another process's commits).
        self.writes_begun = self.writes_ended = 0
        self._count_lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as s, s.begin():
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action = one IMMEDIATE transaction: all of it commits, or none of it."""
        with self._count_lock:
            self.writes_begun += 1
        try:
            with self._writer() as s, s.begin():
                yield s
        finally:
            with self._count_lock:
                self.writes_ended += 1

    @contextmanager
    def collect(self) -> Iterator[Collector]:
        """Collect the kinds of data this thread's committed transactions change inside the block
        (blocks nest: an outer one sees what inner ones saw)."""
        stack = self._collecting.__dict__.setdefault("stack", [])
        got = Collector()
        stack.append(got)
        try:
            yield got
        finally:
            stack.remove(got)

    def _committed(self, conn) -> None:
        conn.info.pop("nn_context", None)
        kinds, sids = conn.info.pop("nn_kinds", Kind.NONE), conn.info.pop("nn_sessions", set())
        if kinds:
            for got in getattr(self._collecting, "stack", ()):
                got.add(kinds, sids)

    def audit(self, s: Session, action: str, session_id: int | None = None, **details) -> None:
        ev = AuditEvent(actor=self.actor, action=action, session_id=session_id)
        ev.details = details
        s.add(ev)

    def close(self) -> None:
        self.engine.dispose()


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service accounts, some containers)
        return "secretary"


def _note_write(conn, _cursor, statement, _parameters, context, _executemany) -> None:
    kind = kind_of_statement(statement)
    if not kind:
        return
    conn.info["nn_kinds"] = conn.info.get("nn_kinds", Kind.NONE) | kind
    # The bound values by name (the cursor's own are positional): which session a row is of.
    # An ORM flush of many rows runs one statement in batches ("insertmanyvalues"), each batch
    # seeing all the rows: read them once per statement, not once per batch.
    if conn.info.get("nn_context") is context:
        return
    conn.info["nn_context"] = context
    sids = conn.info.setdefault("nn_sessions", set())
    for row in getattr(context, "compiled_parameters", None) or ():
        if isinstance(row, dict) and isinstance(row.get("session_id"), int):
            sids.add(row["session_id"])


def _forget_writes(conn) -> None:
    conn.info.pop("nn_context", None)
    conn.info.pop("nn_kinds", None)
    conn.info.pop("nn_sessions", None)


def open_store(root: str | Path, *, create: bool = True) -> Store:
    """Open (or create) a store: user-only permissions, migrations and the clean-up of what killed
    processes left. The formal checks a killed import never completed are run by
    ``services.startup.open_for_work`` (services build on the store, not the other way)."""
    root = Path(root)
    if not root.exists():
        if not create:
            raise StoreError(f"存储目录不存在：{root}")
        private_dir(root)
    elif not root.is_dir():
        raise StoreError(f"存储路径不是目录：{root}")
    for sub in ("tmp", "blobs", "locks"):
        private_dir(root / sub)
    create_private_file(root / DB_NAME)  # SQLite gives -wal/-shm the database file's mode
    try:
        migrate(root / DB_NAME)
    except MigrationError as e:
        raise StoreError(str(e)) from e
    # The store is the user's private data (PDFs, bundle secrets, keys): user-only, also for
    # stores made by older versions (0755 / 0644).
    private_tree(root)
    store = Store(root)
    clean_leftovers(store)
    return store


def clean_leftovers(store: Store) -> list[Path]:
    """What killed processes left: import folders with plaintext PDFs (``tmp/import-*``) and
    report folders with finished sheets (``.nn-report-*``, listed in ``tmp/work``). Folders of a
    live process (the GUI beside a CLI run) are left alone (housekeeping.py)."""
    removed = sweep(store.tmp_dir, IMPORT_PREFIX)
    removed += sweep_registered(store.work_registry, REPORT_PREFIX)
    store.blobs.clean_tmp(store.tmp_dir)
    return removed


IMPORT_PREFIX = "import-"
REPORT_PREFIX = ".nn-report-"
