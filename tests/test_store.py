"""The store: pragmas, migrations (v1 store upgraded with its data), schema == models, blobs."""

import sqlite3

import pytest
from sqlalchemy import inspect, select

from nn_review.services.guides import ensure_builtin_guides, list_editions
from nn_review.services.sessions import create_session, list_sessions
from nn_review.store import StoreError, open_store
from nn_review.store.migrations import LATEST, migrate
from nn_review.store.models import AuditEvent, Base


def test_pragmas_wal_full_foreign_keys(tmp_path):
    store = open_store(tmp_path / "s")
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert sqlite3.connect(store.db_path).execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_migrated_schema_matches_models(tmp_path):
    store = open_store(tmp_path / "s")
    insp = inspect(store.engine)
    assert set(insp.get_table_names()) == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        db_cols = {c["name"]: c for c in insp.get_columns(name)}
        assert set(db_cols) == {c.name for c in table.columns}, name
        for col in table.columns:
            assert db_cols[col.name]["nullable"] == col.nullable, (name, col.name)
        db_fks = {(tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in insp.get_foreign_keys(name)}
        model_fks = {((fk.parent.name,), fk.column.table.name) for fk in table.foreign_keys}
        assert db_fks == model_fks, name


def test_upgrade_v1_store_keeps_data(tmp_path):
    root = tmp_path / "old"
    root.mkdir()
    db = root / "store.sqlite"
    migrate(db, target=1)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO guide_editions (edition, version, title, sha256, content_json, imported_at) "
                 "VALUES ('old-ed', '1', '旧指南', 'abc', '{\"items\": []}', '2025-01-01 00:00:00')")
    conn.execute("INSERT INTO review_sessions (name, guide_edition_id, form_template, aggregation_rule, band_mode,"
                 " state, sheet_version, created_at) VALUES ('v1 批次', 1, 'form-a', 'mean', 0, 'open', 1,"
                 " '2025-01-01 00:00:00')")
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "experts" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()

    store = open_store(root)
    assert [s.name for s in list_sessions(store)] == ["v1 批次"]
    assert "experts" in inspect(store.engine).get_table_names()
    assert (root / "store.sqlite.v1.bak").exists()  # the pre-upgrade copy


def test_newer_store_is_refused_untouched(tmp_path):
    root = tmp_path / "future"
    root.mkdir()
    db = root / "store.sqlite"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={LATEST + 5}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="高于本程序支持"):
        open_store(root)
    assert db.read_bytes() == before


def test_store_path_that_is_a_file_is_refused(tmp_path):
    f = tmp_path / "not-a-dir"
    f.write_text("x")
    with pytest.raises(StoreError, match="不是目录"):
        open_store(f)


def test_builtin_guide_added_once_and_session_audited(tmp_path):
    store = open_store(tmp_path / "s")
    ensure_builtin_guides(store)
    ensure_builtin_guides(store)
    eds = list_editions(store)
    assert [(e.edition, e.items) for e in eds] == [("nanning-seed", 38)]
    sid = create_session(store, "2025年度评审")
    with store.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["guide.import", "session.create"]
    assert list_sessions(store)[0].id == sid


def test_session_validation(tmp_path):
    from datetime import date
    store = open_store(tmp_path / "s")
    ensure_builtin_guides(store)
    with pytest.raises(StoreError, match="名称不能为空"):
        create_session(store, "  ")
    with pytest.raises(StoreError, match="早于开始日期"):
        create_session(store, "x", start=date(2025, 9, 2), end=date(2025, 9, 1))
    with pytest.raises(Exception, match="没有指南版本"):
        create_session(store, "x", edition="no-such-edition")
    assert list_sessions(store) == []


def test_write_transaction_is_all_or_nothing(tmp_path):
    store = open_store(tmp_path / "s")
    ensure_builtin_guides(store)
    with pytest.raises(RuntimeError):
        with store.write() as s:
            store.audit(s, "x.one")
            s.flush()
            raise RuntimeError("boom")
    with store.read() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "x.one")) is None


def test_blob_store_is_content_addressed_and_read_only(tmp_path):
    store = open_store(tmp_path / "s")
    t1 = store.tmp_dir / "a"
    t1.write_bytes(b"%PDF-1.4 same")
    rel, new = store.blobs.adopt(t1, "ab" * 32)
    t2 = store.tmp_dir / "b"
    t2.write_bytes(b"%PDF-1.4 same")
    rel2, new2 = store.blobs.adopt(t2, "ab" * 32)
    assert (rel, new, new2) == (rel2, True, False)
    assert not t1.exists() and not t2.exists()
    p = store.blobs.path(rel)
    assert p.read_bytes() == b"%PDF-1.4 same"
    assert not (p.stat().st_mode & 0o222)
