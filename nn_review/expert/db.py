"""The workspace database: WAL, synchronous=FULL, one IMMEDIATE transaction per change.

SQLAlchemy Core on the same connection set-up as the secretary store (``store.db``): every
write is committed (and fsynced) before the call returns, so killing the process loses at
most the change in flight.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, text

from ..store.pragmas import on_begin, on_connect
from .migrations import migrate

DB_NAME = "workspace.sqlite"


class WorkspaceDb:
    def __init__(self, root: Path):
        self.path = Path(root) / DB_NAME
        migrate(self.path)
        self.engine = create_engine(f"sqlite:///{self.path}", future=True)
        event.listen(self.engine, "connect", on_connect)
        event.listen(self.engine, "begin", on_begin)
        self._writer = self.engine.execution_options(nn_write=True)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as c, c.begin():
            yield c

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """All of it commits, or none of it."""
        with self._writer.connect() as c, c.begin():
            yield c

    def close(self) -> None:
        self.engine.dispose()


def q(c: Connection, sql: str, **params: Any):
    return c.execute(text(sql), params)


def get_meta(c: Connection, key: str, default: Any = None) -> Any:
    row = q(c, "SELECT value FROM meta WHERE key = :k", k=key).first()
    return json.loads(row[0]) if row else default


def set_meta(c: Connection, key: str, value: Any) -> None:
    q(c, "INSERT INTO meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      k=key, v=json.dumps(value, ensure_ascii=False))
