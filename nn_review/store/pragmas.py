"""How every SQLite connection of the app is set up: the secretary's store and the expert's
workspace (kept apart from store.db, which loads the secretary's models)."""

from __future__ import annotations


def on_connect(dbapi_conn, _record) -> None:
    """SQLAlchemy ``connect`` listener: WAL, synchronous=FULL, foreign keys, a busy timeout."""
    # We emit BEGIN ourselves (see on_begin); pysqlite's implicit transactions are off.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def on_begin(conn) -> None:
    """SQLAlchemy ``begin`` listener: BEGIN IMMEDIATE for writers (``nn_write`` option), else BEGIN."""
    # Writers take the lock up front so a read-then-write never fails half-way with SQLITE_BUSY.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("nn_write") else "BEGIN")
