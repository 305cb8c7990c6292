"""资金安排 page (issue 21): the funding line's row, the live 预算/已安排/剩余 label, a 核减 through the
dialog moving the line, a refusal shown whole, the budget field, the 拟资助 column of the results
table.

The store is real (applications imported, a panel); the notices are the real ones of real
writes to the funding tables. The plan's core (``funding_plan``, ``set_budget``,
``adjust_amount``) is being written in parallel (branch i21-plan): until it lands here, the
module-level ``StandIn`` below takes its place — it reads the budgets and decisions the page's
writes stored and walks the ranked candidates as docs/funding.md says. Replace it with the real
core once merged (the assertions stay)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import select

from nn_review.changes import operation
from nn_review.funding import edits as FE
from nn_review.funding import model as FM
from nn_review.funding import plan as FP
from nn_review.funding.errors import FundingError
from nn_review.store import models as M

from ..exchange_fixtures import build_world
from .conftest import secretary_window

REQUESTED = (Decimal("40"), Decimal("35"), Decimal("30"), Decimal("20"))


class StandIn:
    """The plan task's core for one scope ``item:11`` of four recommended candidates, ranked in id
    order with the requested amounts above — reading budgets and 核减 from the store."""

    def __init__(self, world):
        self.world = world
        self.calls: list[tuple] = []

    def funding_plan(self, store, session_id):
        w = self.world
        with store.read() as s:
            budget_row = s.scalar(select(M.FundingBudget).where(M.FundingBudget.session_id == session_id,
                                                                M.FundingBudget.scope == "item:11"))
            adjusted = {}
            for d in s.scalars(select(M.FundingDecision).where(M.FundingDecision.kind == "adjusted")
                               .order_by(M.FundingDecision.id)):
                adjusted[d.application_pk] = (d.amount, d.reason)
            titles = {a.application_id: (a.title, a.applicant_name)
                      for a in s.scalars(select(M.Application).where(M.Application.session_id == session_id))}
        budget = budget_row.amount if budget_row is not None else None
        lines, remaining, allocated, line_after, cumulative = [], budget, Decimal(0), None, Decimal(0)
        for rank, (aid, req) in enumerate(zip(w.app_ids, REQUESTED), 1):
            adj, reason = adjusted.get(w.apps[aid], (None, ""))
            proposed = adj if adj is not None else req
            ln = FM.PlanLine(pk=w.apps[aid], application_id=aid, title=titles[aid][0], applicant=titles[aid][1],
                             credit_code="91450100MA5KXXXX0" + str(rank), guide_item=11, direction=None,
                             route="panel", requested=req, rank=rank, score=Decimal(90 - rank),
                             recommendation="support", adjusted=adj, adjusted_reason=reason or "",
                             proposed=proposed)
            if budget is None or (line_after is None and proposed <= remaining):
                ln.status = FM.FUNDED
                allocated += proposed
                cumulative += proposed
                ln.cumulative = cumulative
                if budget is not None:
                    remaining -= proposed
            else:
                ln.status = FM.BELOW_LINE
                if line_after is None:
                    line_after = rank - 1
            lines.append(ln)
        if budget is not None and line_after is None:
            line_after = len(lines)
        scope = FM.ScopePlan(scope="item:11", title="项目11 广西南宁国家农业科技园区能力建设", route="panel",
                             budget=budget, lines=lines, line_after=line_after, allocated=allocated,
                             remaining=budget - allocated if budget is not None else None,
                             rule_text="择优支持，每项不超过 50 万元。")
        return FM.FundingPlan(session_id=session_id, session_name="2025年度第一批评审", session_state="open",
                              guide_title="2025年度指南", rules_source="2025", scopes=[scope])

    def install(self, monkeypatch):
        calls = self.calls

        @operation
        def set_budget(store, session_id, scope, amount, *, note=""):
            calls.append(("budget", scope, amount))
            with store.write() as s:
                row = s.scalar(select(M.FundingBudget).where(M.FundingBudget.session_id == session_id,
                                                             M.FundingBudget.scope == scope))
                if amount is None:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(M.FundingBudget(session_id=session_id, scope=scope, amount=Decimal(amount), note=note))
                else:
                    row.amount = Decimal(amount)

        @operation
        def adjust_amount(store, session_id, application, amount, *, reason):
            calls.append(("adjust", application, amount, reason))
            pk = self.world.apps[application]
            req = REQUESTED[self.world.app_ids.index(application)]
            if amount is not None and Decimal(amount) > req:
                raise FundingError(f"申报编号 {application}：核减/调整后的金额 {amount} 万元超过申请金额 {req} 万元。\n"
                                   f"请输入不超过 {req} 万元的金额。", "funding.over_requested")
            with store.write() as s:
                s.add(M.FundingDecision(application_pk=pk, kind="adjusted", amount=amount, reason=reason,
                                        author="秘书", author_role="secretary"))

        monkeypatch.setattr(FP, "funding_plan", self.funding_plan)
        monkeypatch.setattr(FE, "set_budget", set_budget)
        monkeypatch.setattr(FE, "adjust_amount", adjust_amount)


@pytest.fixture
def world(tmp_path):
    from ui.app import make_app
    make_app()
    w = build_world(tmp_path, n_apps=4)
    yield w
    w.store.close()


@pytest.fixture
def page(qtbot, world, monkeypatch):
    from ui.long_message import LongMessageDialog
    stand_in = StandIn(world)
    stand_in.install(monkeypatch)
    shown: list = []
    monkeypatch.setattr(LongMessageDialog, "exec", lambda dlg: shown.append(dlg) or 0)  # modal: recorded instead
    win = secretary_window(qtbot, world.store)
    p = next(x for x in win.extra_pages if x.title() == "资金安排")
    win.pages.setCurrentWidget(p)
    p.world, p.stand_in, p.shown = world, stand_in, shown
    return p


def set_budget(qtbot, page, text):
    page.budget.setFocus()
    page.budget.selectAll()
    qtbot.keyClicks(page.budget, text)
    qtbot.keyClick(page.budget, Qt.Key_Return)  # Enter applies


def select_line(page, application_id):
    page.table.selectRow(page.model.row_of(application_id))


def greyed(page, row) -> bool:
    return page.model.index(row, 1).data(Qt.ForegroundRole) is not None


def test_without_budget_no_line_and_the_label_says_so(page):
    assert page.scope.currentText() == "项目11 广西南宁国家农业科技园区能力建设"
    assert page.model.rowCount() == 4
    assert page.line_row() is None
    assert page.summary.text() == "未设置预算，已安排 125.00 万元"
    assert not any(greyed(page, r) for r in range(4))


def test_a_budget_entered_with_enter_draws_the_line_and_the_remaining(qtbot, page):
    set_budget(qtbot, page, "100")
    assert page.stand_in.calls == [("budget", "item:11", Decimal("100"))]
    # 40 + 35 = 75 fit; 30 does not fit in the 25 left: the line falls under the second row
    assert page.line_row() == 1
    assert page.summary.text() == "预算 100.00，已安排 75.00，剩余 25.00（万元）"
    assert [page.model.index(r, 11).data() for r in range(4)] == ["拟资助", "拟资助", "线下", "线下"]
    assert [greyed(page, r) for r in range(4)] == [False, False, True, True]
    assert page.model.index(1, 10).data() == "75.00"  # cumulative


def test_the_line_is_painted_red_under_the_last_funded_row(qtbot, page):
    set_budget(qtbot, page, "100")
    qtbot.wait(50)
    rect = page.table.visualRect(page.model.index(1, 4))
    img = page.table.viewport().grab().toImage()
    below = QColor(img.pixel(rect.center().x(), rect.bottom()))
    above = QColor(img.pixel(rect.center().x(), page.table.visualRect(page.model.index(0, 4)).bottom()))
    assert (below.red(), below.green(), below.blue()) == (0xc6, 0x28, 0x28)
    assert (above.red(), above.green(), above.blue()) != (0xc6, 0x28, 0x28)


def test_an_invalid_budget_is_refused_in_place_and_nothing_is_written(qtbot, page):
    for bad in ("12.345", "-5", "abc"):
        set_budget(qtbot, page, bad)
        assert page.shown[-1].summary.text().startswith("预算须为不小于 0 的金额（万元，最多两位小数）")
    assert page.stand_in.calls == [] and len(page.shown) == 3
    assert page.line_row() is None


def test_a_cut_through_the_dialog_moves_the_line(qtbot, page):
    from ui.funding_dialogs import AmountDialog
    set_budget(qtbot, page, "100")
    third = page.world.app_ids[2]
    select_line(page, third)
    dlg = page.amount_dialog("adjust")
    qtbot.addWidget(dlg)
    dlg.amount.setText("25")
    dlg.accept()  # no reason yet: refused in the dialog
    assert dlg.result() != AmountDialog.Accepted and dlg.error.text() == "请写明理由。"
    dlg.reason.setPlainText("预算内核减：设备购置费压缩")
    dlg.accept()
    assert page.adjust(dlg)
    assert page.stand_in.calls[-1] == ("adjust", third, Decimal("25"), "预算内核减：设备购置费压缩")
    # refreshed by the notice of the write: 40 + 35 + 25 = 100 fit, the line is now under the third row
    assert page.line_row() == 2
    assert page.summary.text() == "预算 100.00，已安排 100.00，剩余 0.00（万元）"
    assert page.current_line().application_id == third  # the selection is kept
    assert page.model.index(2, 8).data() == "25.00"
    assert page.model.index(2, 8).data(Qt.ToolTipRole) == "预算内核减：设备购置费压缩"
    assert [greyed(page, r) for r in range(4)] == [False, False, False, True]


def test_a_refusal_of_the_core_is_shown_whole_and_changes_nothing(qtbot, page, world):
    set_budget(qtbot, page, "100")
    third = world.app_ids[2]
    select_line(page, third)
    dlg = page.amount_dialog("adjust")
    qtbot.addWidget(dlg)
    dlg.amount.setText("50")
    dlg.reason.setPlainText("调增")
    dlg.accept()
    assert not page.adjust(dlg)
    assert page.shown == [page.last_long_message]
    msg = page.last_long_message
    assert msg.summary.text() == f"申报编号 {third}：核减/调整后的金额 50 万元超过申请金额 30 万元。"
    assert msg.lines == ["请输入不超过 30 万元的金额。"]
    with world.store.read() as s:
        assert s.scalars(select(M.FundingDecision)).all() == []
    assert page.line_row() == 1


def test_the_results_table_shows_the_proposed_amounts_once_a_budget_is_set(qtbot, page, world):
    results = next(x for x in page.win.extra_pages if x.title() == "评审结果")
    heads = lambda: [results.model.headerData(c, Qt.Horizontal) for c in range(results.model.columnCount())]  # noqa: E731
    assert "拟资助（万元）" not in heads()
    set_budget(qtbot, page, "100")
    page.win.pages.setCurrentWidget(results)  # refreshed when shown (the notice came while hidden)
    c = heads().index("拟资助（万元）")
    got = {results.model.index(r, 2).data(): results.model.index(r, c).data() for r in range(results.model.rowCount())}
    assert got == dict(zip(world.app_ids, ["40.00", "35.00", "线下", "线下"]))
