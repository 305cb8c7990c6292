"""Versioned schema migrations of the expert workspace, tracked in ``PRAGMA user_version``.

Same rules as the secretary store: frozen DDL per version, each run in one transaction
with the version bump, and a backup copy kept before upgrading a database with data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import WorkspaceError
from . import m0001_workspace


def _script(sql: str):
    def run(conn: sqlite3.Connection) -> None:
        for stmt in (s.strip() for s in sql.split(";")):
            if stmt:
                conn.execute(stmt)
    return run


MIGRATIONS = [
    (1, "workspace", _script(m0001_workspace.SQL)),
]
LATEST = MIGRATIONS[-1][0]


def migrate(db_path: Path, target: int = LATEST) -> tuple[int, int]:
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        start = conn.execute("PRAGMA user_version").fetchone()[0]
        if start > LATEST:
            raise WorkspaceError(f"专家工作区数据库 {db_path} 的结构版本为 {start}，高于本程序支持的 {LATEST}："
                                 "请升级 nn-review 后再打开。", "workspace.version")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=OFF")
        if start == target:
            return start, start
        if start > 0:
            dest = sqlite3.connect(db_path.with_name(f"{db_path.name}.v{start}.bak"))
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
