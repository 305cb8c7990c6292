"""GUI side of issue 13 §1: the returns table does not count an expert's own 回避 as a return,
and the results page shows an application excluded at formal check (不予受理) unranked with
every review marked 不计入."""

from __future__ import annotations

import pytest

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..results_fixtures import SEVEN, make_world, recusal, return_scores, review
from .conftest import secretary_window


@pytest.fixture
def win(qtbot, tmp_path):
    w = make_world(tmp_path, n_apps=2, leader="王建国")
    a1, a2 = w.app_ids
    revs = {n: [review(a1, "BBBBBB"), review(a2, "ABBBBB")] for n in SEVEN[:5]}
    revs[SEVEN[5]] = [recusal(a1), review(a2, "BBBBBB")]
    return_scores(w, tmp_path, revs)  # 周丽华 (SEVEN[6]) never returns
    mw = secretary_window(qtbot, w.store)
    mw.world = w
    yield mw
    w.store.close()


def page(win, title):
    p = next(x for x in win.extra_pages if x.title() == title)
    win.pages.setCurrentWidget(p)
    return p


def test_returns_table_counts_received_reviews_only(win):
    a1, a2 = win.world.app_ids
    ex = page(win, "评审包与评分回收")
    m = ex.apps.model()
    rows = {m.index(r, 0).data(): (m.index(r, 2).data(), m.index(r, 3).data()) for r in range(m.rowCount())}
    assert rows[a1] == ("5/6", "1")   # 6 expected (7 − 回避), 5 received; not "6/6"
    assert rows[a2] == ("6/7", "")


def test_formally_excluded_application_on_the_results_page(win):
    from PySide6.QtCore import Qt

    from nn_review.services import formal
    a1, a2 = win.world.app_ids
    res = page(win, "评审结果")
    # decided as the applications page does (through the window's runner): the notice refreshes this page
    win.ops.call(formal.decide, win.store, win.world.sid, a2, "excluded", "申报单位不具备独立法人资格")
    m = res.model
    heads = [m.headerData(c, Qt.Horizontal) for c in range(m.columnCount())]
    text = lambda r, c, role=Qt.DisplayRole: m.index(r, c).data(role)  # noqa: E731
    r = next(i for i in range(m.rowCount()) if text(i, 2) == a2)
    assert text(r, heads.index("总排名")) == "" and text(r, heads.index("项目得分")) == "—"
    assert text(r, heads.index("李秀英")) == "不予受理（不计入）"
    assert "申报单位不具备独立法人资格" in text(r, heads.index("李秀英"), Qt.ToolTipRole)
    assert text(r, heads.index("结论")) == "不予受理（形式审查）"
    other = next(i for i in range(m.rowCount()) if text(i, 2) == a1)
    assert text(other, heads.index("总排名")) == "1"
    res.table.selectRow(r)
    assert "形式审查结论：不予受理：申报单位不具备独立法人资格" in res.cons_head.text()
    g = res.grades
    assert g.item(0, 2).font().strikeOut()
