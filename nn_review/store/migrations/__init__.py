"""Versioned schema migrations, tracked in SQLite's ``PRAGMA user_version``.

Each migration is frozen DDL/DML run in one transaction together with the version bump,
so a store is always at exactly one version. Before upgrading a store that already holds
data, a copy of the database is kept beside it (``store.sqlite.v<N>.bak``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import (m0001_core, m0002_review, m0003_panels, m0004_exchange, m0005_results, m0006_trust,
               m0007_exact_points, m0008_texts_drafts, m0009_funding)

Step = Callable[[sqlite3.Connection], None]


def sql_script(sql: str) -> Step:
    def run(conn: sqlite3.Connection) -> None:
        for stmt in (s.strip() for s in sql.split(";")):
            if stmt:
                conn.execute(stmt)
    return run


MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "core", sql_script(m0001_core.SQL)),
    (2, "review", sql_script(m0002_review.SQL)),
    (3, "panels", sql_script(m0003_panels.SQL)),
    (4, "exchange", sql_script(m0004_exchange.SQL)),
    (5, "results", sql_script(m0005_results.SQL)),
    (6, "trust", sql_script(m0006_trust.SQL)),
    (7, "exact_points", m0007_exact_points.upgrade),
    (8, "texts_drafts", sql_script(m0008_texts_drafts.SQL)),
    (9, "funding", sql_script(m0009_funding.SQL)),
]
LATEST = MIGRATIONS[-1][0]


class MigrationError(RuntimeError):
    pass


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(db_path: Path, target: int = LATEST) -> tuple[int, int]:
    """Bring the database at ``db_path`` to ``target``; returns (from, to)."""
    def too_new(version: int) -> Exception:
        return MigrationError(
            f"数据库 {db_path} 的结构版本为 {version}，高于本程序支持的 {LATEST}：请升级 nn-review 后再打开。")
    return run_migrations(db_path, MIGRATIONS, target, too_new)


def run_migrations(db_path: Path, migrations: list[tuple[int, str, Step]], target: int,
                   too_new: Callable[[int], Exception]) -> tuple[int, int]:
    """The runner shared by the secretary store and the expert workspace: refuse a newer
    schema, back the database up before upgrading one that holds data, then one
    transaction per version together with its ``user_version`` bump."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        start = current_version(conn)
        if start > migrations[-1][0]:
            raise too_new(start)
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
        for version, _name, step in migrations:
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
