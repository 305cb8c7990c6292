"""Change notices: derived by the store from what committed transactions wrote."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from nn_review import changes as C
from nn_review.changes import Changes, Kind
from nn_review.roster import panels
from nn_review.services import formal, importer, sessions
from nn_review.services.guides import ensure_builtin_guides
from nn_review.store import StoreError, open_store
from nn_review.store.models import Base

from .helpers import write_package


def _store(tmp_path):
    store = open_store(tmp_path / "s")
    ensure_builtin_guides(store)
    return store

ROOT = Path(__file__).resolve().parents[1]


def test_every_table_has_a_kind():
    assert set(C.TABLE_KINDS) == set(Base.metadata.tables)


def test_kind_of_statement():
    assert C.kind_of_statement('INSERT INTO "applications" (a) VALUES (?)') is Kind.PACKAGES
    assert C.kind_of_statement("UPDATE panels SET name=? WHERE id=?") is Kind.PANELS
    assert C.kind_of_statement("DELETE FROM conflicts WHERE id=?") is Kind.CONFLICTS
    assert C.kind_of_statement("INSERT OR REPLACE INTO grades VALUES (?)") is Kind.RETURNS
    assert C.kind_of_statement("SELECT * FROM applications") is Kind.NONE
    assert C.kind_of_statement("PRAGMA data_version") is Kind.NONE


def test_create_session_announces_sessions(tmp_path):
    store = _store(tmp_path)
    out = sessions.create_session.with_changes(store, "批次")
    assert isinstance(out.value, int)
    assert Kind.SESSIONS in out.changes.kinds and out.changes.session_id == out.value
    assert out.changes.touches(Kind.SESSIONS, out.value)
    assert not out.changes.touches(Kind.ROSTER, out.value)


def test_a_refused_write_announces_nothing(tmp_path):
    store = _store(tmp_path)
    sid = sessions.create_session(store, "批次")
    with pytest.raises(StoreError) as e:
        panels.create_panel.with_changes(store, sid, "")
    assert not e.value.changes


def test_rolled_back_transaction_is_not_collected(tmp_path):
    store = _store(tmp_path)
    sid = sessions.create_session(store, "批次")
    with store.collect() as got:
        with pytest.raises(RuntimeError):
            with store.write() as s:
                store.audit(s, "x", sid)
                s.flush()
                raise RuntimeError("boom")
    assert got.kinds is Kind.NONE


def test_panel_and_formal_changes(tmp_path):
    store = _store(tmp_path)
    sid = sessions.create_session(store, "批次")
    out = importer.import_packages.with_changes(store, sid, [write_package(tmp_path)])
    assert {Kind.PACKAGES, Kind.FINDINGS} <= set(k for k in Kind if k in out.changes.kinds)
    assert out.changes.session_id == sid
    app = out.value.results[0].application_id
    p = panels.create_panel.with_changes(store, sid, "第一组", application_ids=[app])
    assert Kind.PANELS in p.changes.kinds
    d = formal.decide.with_changes(store, sid, app, "excluded", "材料不全")
    assert Kind.PACKAGES in d.changes.kinds and d.changes.session_id == sid


def test_changes_union_and_everything():
    a, b = Changes(Kind.PANELS, 1), Changes(Kind.RETURNS, 1)
    assert (a | b).kinds == Kind.PANELS | Kind.RETURNS and (a | b).session_id == 1
    assert (a | Changes(Kind.ROSTER, 2)).session_id is None
    assert (a | C.NO_CHANGES) == a
    assert Changes.everything().touches(Kind.RESULTS, 7)
    assert not Changes(Kind.AUDIT, 1)


def _public_writers():
    """Module-level public functions of the core that open a write transaction of the store."""
    for path in sorted((ROOT / "nn_review").rglob("*.py")):
        if "expert" in path.parts or "store" in path.parts or "demo" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                if "store.write()" in ast.unparse(node):
                    yield path.relative_to(ROOT), node


def test_every_public_core_write_is_an_operation():
    missing = [f"{p}:{n.lineno} {n.name}" for p, n in _public_writers()
               if not any(isinstance(d, ast.Name) and d.id == "operation" for d in n.decorator_list)]
    assert not missing, "core writes without @operation: " + ", ".join(missing)
