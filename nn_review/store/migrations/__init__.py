"""Versioned schema migrations, tracked in SQLite's ``PRAGMA user_version``.

Each migration is frozen DDL/DML run in one transaction together with the version bump,
so a store is always at exactly one version. Before upgrading a store that already holds
data, a copy of the database is kept beside it (``store.sqlite.v<N>.bak``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import m0001_core, m0002_review, m0003_panels, m0004_exchange, m0005_results

Step = Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Step:
    def run(conn: sqlite3.Connection) -> None:
        for stmt in (s.strip() for s in sql.split(";")):
            if stmt:
                conn.execute(stmt)
    return run


MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "core", _script(m0001_core.SQL)),
    (2, "review", _script(m0002_review.SQL)),
    (3, "panels", _script(m0003_panels.SQL)),
    (4, "exchange", _script(m0004_exchange.SQL)),
    (5, "results", _script(m0005_results.SQL)),
]
LATEST = MIGRATIONS[-1][0]


class MigrationError(RuntimeError):
    pass


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db_path: Path, target: int = LATEST) -> tuple[int, int]:
    """Bring the database at ``db_path`` to ``target``; returns (from, to)."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        start = current_version(conn)
        if start > LATEST:
            raise MigrationError(
                f"数据库 {db_path} 的结构版本为 {start}，高于本程序支持的 {LATEST}：请升级 nn-review 后再打开。")
        conn.execute("PRAGMA journal_mode=WAL")  # persistent: set once, before any table exists
        conn.execute("PRAGMA foreign_keys=OFF")  # table rebuilds in later migrations need this
        if start == target:
            return start, start
        if start > 0:
            backup = db_path.with_name(f"{db_path.name}.v{start}.bak")
            dest = sqlite3.connect(backup)
            with dest:
                conn.backup(dest)
            dest.close()
        for version, _name, step in MIGRATIONS:
            if start < version <= target:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    step(conn)
                    conn.execute(f"PRAGMA user_version={version}")
                    conn.execute("COMMIT")
                except Exception:
                    conn.execute("ROLLBACK")
                    raise
        return start, target
    finally:
        conn.close()
