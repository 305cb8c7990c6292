"""Schema v7: band-mode grade points are stored exactly (issue 13, §4).

A v6 store kept them as FLOAT; the upgrade fills the exact text from the verbatim point
strings of the imported score files where they match the float, else from the float."""

import sqlite3
from decimal import Decimal as D

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from nn_review.results.merge import panel_results
from nn_review.store import open_store
from nn_review.store import models as M
from nn_review.store.migrations import current_version

from .exchange_fixtures import EXPERTS
from .results_fixtures import make_world, return_scores, review

# One letter per criterion: E (0–39), C, B, B, A, B — with the 87.35 / 33.3333 and a trailing zero.
GRADES = "ECBBAB"
POINTS = ["33.3333", "60.10", "87.35", "89.9999", "100", "75.5"]


def _world(tmp_path):
    w = make_world(tmp_path, n_apps=1, experts=EXPERTS, band_mode=True)
    a = w.app_ids[0]
    return_scores(w, tmp_path, {"王建国": [review(a, GRADES, points=POINTS)],
                                "李秀英": [review(a, "BBBBBB", points=["80"] * 6)]})
    return w, a


def _downgrade_to_v6(db) -> None:
    """Put the points back the way schema v6 stored them: a FLOAT column, no exact text."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ALTER TABLE grades ADD COLUMN points FLOAT")
    conn.execute("UPDATE grades SET points = CAST(points_text AS REAL)")
    conn.execute("ALTER TABLE grades DROP COLUMN points_text")
    conn.execute("ALTER TABLE findings DROP COLUMN message_json")  # and undo v8
    conn.execute("ALTER TABLE experts DROP COLUMN active")
    conn.execute("DROP TABLE consensus_drafts")
    for table in ("funding_budgets", "funding_params", "funding_decisions", "funding_publicity",
                  "funding_objections"):  # and v9
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version=6")
    conn.close()


def test_points_round_trip_exactly(tmp_path):
    w, a = _world(tmp_path)
    with w.store.read() as s:
        got = {g.criterion: g.points for g in s.scalars(select(M.Grade).where(M.Grade.expert_id == w.experts["王建国"]))}
    assert got == {f"c{i}": D(p) for i, p in enumerate(POINTS, 1)}
    assert str(got["c2"]) == "60.10" and str(got["c1"]) == "33.3333"  # verbatim text, not a float's repr
    raw = sqlite3.connect(w.store.db_path).execute("SELECT points_text FROM grades ORDER BY id").fetchall()
    assert {r[0] for r in raw} >= set(POINTS)
    r = panel_results(w.store, w.panel_id).application(a)
    assert r.experts[0].grades["c1"].points == D("33.3333") and r.experts[0].grades["c3"].points == D("87.35")
    with w.store.write() as s, pytest.raises(StatementError, match="精确小数"):
        s.add(M.Grade(expert_id=w.experts["李秀英"], application_pk=r.pk,
                      criterion="c9", grade="B", points=87.35))
        s.flush()
    w.store.close()


def test_v6_store_with_float_points_upgrades_to_exact_values(tmp_path):
    w, a = _world(tmp_path)
    before = panel_results(w.store, w.panel_id).application(a)
    root, db = w.store.root, w.store.db_path
    w.store.close()
    _downgrade_to_v6(db)
    conn = sqlite3.connect(db)
    # One score-file record no longer matches its row (e.g. a hand-edited store): that row must
    # come from the float, never from the mismatching text.
    lee = w.experts["李秀英"]
    raw = conn.execute("SELECT id, reviews_json FROM score_imports WHERE expert_id = ?", (lee,)).fetchone()
    conn.execute("UPDATE score_imports SET reviews_json = ? WHERE id = ?",
                 (raw[1].replace('"80"', '"81"', 1), raw[0]))
    conn.commit()
    assert conn.execute("SELECT points FROM grades WHERE expert_id = ? AND criterion = 'c1'",
                        (w.experts["王建国"],)).fetchone()[0] == 33.3333
    conn.close()

    store = open_store(root)
    assert current_version(sqlite3.connect(db)) >= 7
    assert (root / "store.sqlite.v6.bak").exists()
    with store.read() as s:
        wang = {g.criterion: g.points for g in s.scalars(select(M.Grade).where(M.Grade.expert_id == w.experts["王建国"]))}
        lees = {g.points for g in s.scalars(select(M.Grade).where(M.Grade.expert_id == lee))}
    assert wang == {f"c{i}": D(p) for i, p in enumerate(POINTS, 1)}
    assert str(wang["c2"]) == "60.10"  # the verbatim string of the signed file, trailing zero kept
    assert {str(p) for p in lees} == {"80"}  # the mismatching record ignored; the float 80.0 → "80"
    cols = {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(grades)")}
    assert "points_text" in cols and "points" not in cols
    after = panel_results(store, w.panel_id).application(a)
    assert after.experts[0].total == before.experts[0].total
    assert after.basis_hash == before.basis_hash  # figures and hashes unchanged by the upgrade
    store.close()


def test_xlsx_shows_the_points_as_entered(tmp_path):
    """The 全部评分 sheet gives the expert's points as typed (33.3333), not rounded to 2 decimals."""
    from openpyxl import load_workbook

    from nn_review.results.export import write_xlsx
    w, a = _world(tmp_path)
    path = write_xlsx(w.store, w.sid, tmp_path / "r.xlsx")
    ws = load_workbook(path)["全部评分"]
    head = [c.value for c in ws[1]]
    col = head.index("百分比")
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[3] == "王建国"]
    assert sorted(r[col] for r in rows) == sorted(float(p) for p in POINTS), head
    w.store.close()
