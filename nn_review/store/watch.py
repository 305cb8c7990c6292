"""Notice another process's writes to a store (a CLI import while the window is open).

``PRAGMA data_version`` read on a connection of our own changes whenever *another* connection
commits to the database file — any process, and also this process's own ``Store`` engine. Our
own commits are told apart by ``Store.writes_begun`` / ``writes_ended`` (counted in
``Store.write()``): a change seen while or since this process wrote counts as ours. An external
commit made in the same poll interval as one of ours is therefore taken for ours — the window
refreshes what its own action touched, and the next external commit is noticed again.

Cheap and non-blocking: no read transaction, no table is read; one poll is one PRAGMA.
"""

from __future__ import annotations

import sqlite3
from enum import Enum

from .db import Store


class Change(Enum):
    NONE = "none"
    OWN = "own"            # this process wrote since the last poll (or is writing)
    EXTERNAL = "external"  # another process committed; this one did not write meanwhile


class StoreWatcher:
    """Poll :meth:`poll` (e.g. once a second) from one thread; :meth:`close` when done."""

    def __init__(self, store: Store):
        self.store = store
        # A connection of our own, read-only by pragma: the watcher never takes a lock.
        self._conn = sqlite3.connect(str(store.db_path), isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA query_only=ON")
        self._counts = self._own_counts()
        self._racing = False
        self._version = self._data_version()

    def _own_counts(self) -> tuple[int, int]:
        return self.store.writes_begun, self.store.writes_ended

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> Change:
        # Own counts before and after the PRAGMA: a write of ours that begins or ends in
        # between (its commit may or may not be in this version) also marks the next change.
        before = self._own_counts()
        version = self._data_version()
        after = self._own_counts()
        racing = after != before
        own = self._racing or racing or before != self._counts or after[0] != after[1]
        self._counts, self._racing = after, racing
        if version == self._version:
            return Change.NONE
        self._version = version
        return Change.OWN if own else Change.EXTERNAL

    def close(self) -> None:
        self._conn.close()
