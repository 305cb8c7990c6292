"""Versioned schema migrations of the expert workspace, tracked in ``PRAGMA user_version``.

Same rules as the secretary store: frozen DDL per version, each run in one transaction
with the version bump, and a backup copy kept before upgrading a database with data.
"""

from __future__ import annotations

from pathlib import Path

from ...store.migrations import run_migrations, sql_script
from ..errors import WorkspaceError
from . import m0001_workspace

MIGRATIONS = [
    (1, "workspace", sql_script(m0001_workspace.SQL)),
]
LATEST = MIGRATIONS[-1][0]


def migrate(db_path: Path, target: int = LATEST) -> tuple[int, int]:
    return run_migrations(db_path, MIGRATIONS, target, lambda version: WorkspaceError(
        f"专家工作区数据库 {db_path} 的结构版本为 {version}，高于本程序支持的 {LATEST}：请升级 nn-review 后再打开。",
        "workspace.version"))
