"""资金安排 page (issue 21) over a real store and the real funding core: the funding line's row, the
live 预算/已安排/剩余 label, the budget field (Enter applies, invalid input refused in place), a 核减
through the dialog moving the line, the core's refusal shown whole with nothing changed, the 拟资助
column of the results table, the red rule painted under the last funded row.

One world per module (scores really signed and imported, consensus recorded); every test starts
from no budget and no decision. Figures are hand-computed in the comments."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import delete, select

from nn_review.funding.edits import set_budget as core_set_budget
from nn_review.results.consensus import set_consensus
from nn_review.store import models as M

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..helpers import file_keys
from ..results_fixtures import make_world, return_scores, review, set_items
from .conftest import secretary_window

THREE = ("王建国", "李秀英", "赵明")
# application → (requested 万元, grades): all in guide item 15, recommended; ranked a1 > a2 > a3 > a4
SPEC = {"a1": ("40", "AAAAAA"), "a2": ("35", "ABBBBB"), "a3": ("30", "BBBBBB"), "a4": ("20", "BBBBCC")}
OPINION = "专家组经讨论认为该项目技术路线可行，同意支持。"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from ui.app import make_app
    make_app()
    tmp = tmp_path_factory.mktemp("funding-tab")
    with file_keys(tmp):
        w = make_world(tmp, n_apps=len(SPEC), experts=THREE, leader=THREE[0])
        w.ids = dict(zip(SPEC, w.app_ids))
        set_items(w, {w.ids[k]: 15 for k in SPEC})
        with w.store.write() as s:
            for k, (req, _g) in SPEC.items():
                s.get(M.Application, w.apps[w.ids[k]]).requested = float(req)
        return_scores(w, tmp, {n: [review(w.ids[k], g) for k, (_r, g) in SPEC.items()] for n in THREE})
        for k in SPEC:
            set_consensus(w.store, w.sid, w.ids[k], opinion=OPINION, recommendation="support")
        yield w
        w.store.close()


@pytest.fixture
def page(qtbot, world, monkeypatch):
    """The secretary's window on 资金安排, with no budget and no decision; the modal long message
    recorded instead of shown."""
    from ui.long_message import LongMessageDialog
    with world.store.write() as s:
        s.execute(delete(M.FundingBudget).where(M.FundingBudget.session_id == world.sid))
        s.execute(delete(M.FundingDecision))
        s.execute(delete(M.FundingObjection))
        s.execute(delete(M.FundingPublicity).where(M.FundingPublicity.session_id == world.sid))
    shown: list = []
    monkeypatch.setattr(LongMessageDialog, "exec", lambda dlg: shown.append(dlg) or 0)
    win = secretary_window(qtbot, world.store)
    p = next(x for x in win.extra_pages if x.title() == "资金安排")
    win.pages.setCurrentWidget(p)
    p.world, p.shown = world, shown
    return p


def type_budget(qtbot, page, text):
    page.budget.setFocus()
    page.budget.selectAll()
    qtbot.keyClicks(page.budget, text)
    qtbot.keyClick(page.budget, Qt.Key_Return)  # Enter applies


def ids(page):
    back = {v: k for k, v in page.world.ids.items()}
    return [back[page.model.index(r, 1).data()] for r in range(page.model.rowCount())]


def statuses(page):
    return [page.model.index(r, 11).data() for r in range(page.model.rowCount())]


def greyed(page, row) -> bool:
    return page.model.index(row, 1).data(Qt.ForegroundRole) is not None


def budgets(world):
    with world.store.read() as s:
        return {b.scope: b.amount for b in s.scalars(select(M.FundingBudget))}


def test_without_budget_every_candidate_is_proposed_and_there_is_no_line(page):
    assert page.scope.currentText().startswith("项目15 ")
    assert ids(page) == ["a1", "a2", "a3", "a4"]                  # rank order
    assert [page.model.index(r, 0).data() for r in range(4)] == ["1", "2", "3", "4"]
    assert page.line_row() is None
    assert page.summary.text() == "未设置预算，已安排 125.00 万元"    # 40 + 35 + 30 + 20
    assert statuses(page) == ["拟资助"] * 4 and not any(greyed(page, r) for r in range(4))


def test_a_budget_entered_with_enter_draws_the_line_and_the_remaining(qtbot, page):
    type_budget(qtbot, page, "100")
    assert budgets(page.world) == {"item:15": D("100")}
    # 40 + 35 = 75 fit; a3 (30) does not fit in the 25 left: the line falls under the second row
    assert page.line_row() == 1
    assert page.summary.text() == "预算 100.00，已安排 75.00，剩余 25.00（万元）"
    assert statuses(page) == ["拟资助", "拟资助", "线下", "线下"]
    assert [greyed(page, r) for r in range(4)] == [False, False, True, True]
    assert [page.model.index(r, 10).data() for r in range(4)] == ["40.00", "75.00", "—", "—"]  # cumulative


def test_the_label_follows_a_change_made_elsewhere(qtbot, page, world):
    core_set_budget(world.store, world.sid, "item:15", "80")   # another process (the CLI): the store watch
    page.win.ops.external()
    assert page.summary.text() == "预算 80.00，已安排 75.00，剩余 5.00（万元）"


def test_the_line_is_painted_red_under_the_last_funded_row(qtbot, page):
    type_budget(qtbot, page, "100")
    qtbot.wait(50)
    img = page.table.viewport().grab().toImage()
    x = page.table.visualRect(page.model.index(1, 4)).center().x()
    red = (0xc6, 0x28, 0x28)

    def at(row):
        c = QColor(img.pixel(x, page.table.visualRect(page.model.index(row, 4)).bottom()))
        return c.red(), c.green(), c.blue()
    assert at(1) == red
    assert at(0) != red and at(2) != red


def test_an_invalid_budget_is_refused_in_place_and_nothing_is_written(qtbot, page):
    for bad in ("12.345", "-5", "abc"):
        type_budget(qtbot, page, bad)
        assert page.shown[-1].summary.text().startswith("预算须为不小于 0 的金额（万元，最多两位小数）")
    assert len(page.shown) == 3 and budgets(page.world) == {}
    assert page.line_row() is None


def test_a_cut_through_the_dialog_moves_the_line(qtbot, page, world):
    from ui.funding_dialogs import AmountDialog
    type_budget(qtbot, page, "100")
    a3 = world.ids["a3"]
    page.table.selectRow(page.model.row_of(a3))
    dlg = page.amount_dialog("adjust")
    qtbot.addWidget(dlg)
    dlg.amount.setText("25")
    dlg.accept()  # no reason yet: refused in the dialog
    assert dlg.result() != AmountDialog.Accepted and dlg.error.text() == "请写明理由。"
    dlg.reason.setPlainText("预算内核减：设备购置费压缩")
    dlg.accept()
    assert page.adjust(dlg)
    # refreshed by the notice of the write: 40 + 35 + 25 = 100 fit, the line is now under the third row
    assert page.line_row() == 2
    assert page.summary.text() == "预算 100.00，已安排 100.00，剩余 0.00（万元）"
    assert statuses(page) == ["拟资助", "拟资助", "拟资助", "线下"]
    assert page.current_line().application_id == a3  # the selection is kept
    assert page.model.index(2, 8).data() == "25.00"
    assert page.model.index(2, 8).data(Qt.ToolTipRole) == "预算内核减：设备购置费压缩"
    with world.store.read() as s:
        d = s.scalars(select(M.FundingDecision)).one()
        assert (d.kind, d.amount, d.reason) == ("adjusted", D("25"), "预算内核减：设备购置费压缩")
    # 撤销调整 (a withdrawal) brings the line back
    from ui import funding_tab
    assert page.act_unadjust.isEnabled()
    ok = funding_tab.ReasonDialog.Accepted
    orig = funding_tab.ReasonDialog.exec
    funding_tab.ReasonDialog.exec = lambda d: (d.text.setPlainText("按原计算金额"), ok)[1]
    try:
        assert page.withdraw_adjustment()
    finally:
        funding_tab.ReasonDialog.exec = orig
    assert page.line_row() == 1 and page.summary.text() == "预算 100.00，已安排 75.00，剩余 25.00（万元）"


def test_a_refusal_of_the_core_is_shown_whole_and_changes_nothing(qtbot, page, world):
    type_budget(qtbot, page, "100")
    a3 = world.ids["a3"]
    page.table.selectRow(page.model.row_of(a3))
    dlg = page.amount_dialog("adjust")
    qtbot.addWidget(dlg)
    dlg.amount.setText("50")
    dlg.reason.setPlainText("按同类项目标准调增")
    dlg.accept()
    assert not page.adjust(dlg)
    assert page.shown == [page.last_long_message]
    assert page.last_long_message.summary.text().startswith(f"申报 {a3} 的金额 50 万元超过申请金额 30")
    with world.store.read() as s:
        assert s.scalars(select(M.FundingDecision)).all() == []
    assert page.line_row() == 1


def test_the_results_table_shows_the_proposed_amounts_once_a_budget_is_set(qtbot, page, world):
    results = next(x for x in page.win.extra_pages if x.title() == "评审结果")
    results.refresh()

    def heads():
        return [results.model.headerData(c, Qt.Horizontal) for c in range(results.model.columnCount())]
    assert "拟资助（万元）" not in heads()
    type_budget(qtbot, page, "100")
    page.win.pages.setCurrentWidget(results)  # refreshed when shown (the notice came while hidden)
    c = heads().index("拟资助（万元）")
    got = {results.model.index(r, 2).data(): results.model.index(r, c).data()
           for r in range(results.model.rowCount())}
    assert got == {world.ids[k]: v for k, v in zip(SPEC, ["40.00", "35.00", "线下", "线下"])}


def test_the_summary_sheet_is_written_in_the_background(qtbot, page, tmp_path):
    from .conftest import wait_idle
    type_budget(qtbot, page, "100")
    page.write_sheet(tmp_path / "sheet", sign=False)
    assert page.win.ops.busy  # off the UI thread
    wait_idle(qtbot, page.win)
    assert sorted(p.suffix for p in page.last_sheet) == [".pdf", ".xlsx"]
    assert all(p.exists() for p in page.last_sheet)


def test_publicity_objection_and_freeze_through_the_page(qtbot, page, world, monkeypatch):
    """Refused while the session is open (shown whole, nothing stored); then, finalised: 公示 with
    past dates, an objection recorded and decided (调整 to 30), 立项 — each through its dialog."""
    from datetime import date, timedelta

    from nn_review.results.consensus import finalise, reopen
    from ui import funding_tab
    from ui.funding_dialogs import DecideObjectionDialog, ObjectionDialog, PublicityDialog
    monkeypatch.setattr(funding_tab.QMessageBox, "question", lambda *a, **k: funding_tab.QMessageBox.Yes)
    type_budget(qtbot, page, "100")
    today = date.today()

    def answer(cls, fill):
        monkeypatch.setattr(cls, "exec", lambda d: (fill(d), d.accept(), d.result())[2])

    def dates(d):
        d.start.setDate(today - timedelta(days=3))   # a 公示 that already began and is still running
        d.end.setDate(today + timedelta(days=3))
    answer(PublicityDialog, dates)
    assert not page.publish()
    assert "定稿" in page.last_long_message.summary.text()
    with world.store.read() as s:
        assert s.scalars(select(M.FundingPublicity)).all() == []
    finalise(world.store, world.sid)
    try:
        page.win.ops.external()
        assert page.publish()
        assert page.state.text().startswith("公示中 ")
        assert not page.buttons[page.act_adjust].isEnabled() and not page.budget.isEnabled()  # locked
        a2 = world.ids["a2"]
        page.table.selectRow(page.model.row_of(a2))
        def objection(d: ObjectionDialog):
            d.received.setDate(today - timedelta(days=1))  # within the period, not after today
            d.text.setPlainText("反映该项目与已立项项目内容重复")
        answer(ObjectionDialog, objection)
        assert page.record_objection(), page.last_long_message.summary.text()
        assert "异议 1 件（待处理 1）" in page.state.text()
        assert page.buttons[page.act_decide].isEnabled()

        def decide(d: DecideObjectionDialog):
            d.outcome.setCurrentIndex(d.outcome.findData("adjust"))
            d.amount.setText("30")
            d.reason.setPlainText("经核实部分内容重复，调整金额")
        answer(DecideObjectionDialog, decide)
        assert page.decide_objection(), page.last_long_message.summary.text()
        assert "待处理 0" in page.state.text()
        assert not page.freeze()   # the period is not over yet
        assert "还不能立项" in page.last_long_message.summary.text()
        monkeypatch.setattr("nn_review.funding.publicity.today", lambda: today + timedelta(days=4))
        assert page.freeze(), page.last_long_message.summary.text()
        assert page.state.text().startswith("已立项")
        assert not any(a.isEnabled() for a in (page.act_publish, page.act_freeze, page.act_objection))
        with world.store.read() as s:
            pub = s.scalars(select(M.FundingPublicity)).one()
            assert pub.state == "frozen" and pub.frozen_sha256
    finally:
        with world.store.write() as s:
            s.execute(delete(M.FundingObjection))
            s.execute(delete(M.FundingPublicity))
        reopen(world.store, world.sid, "测试后重新开启")


@pytest.fixture
def rule_page(page, world, monkeypatch):
    """Item 15 by rule for this test: amount = requested, capped by the notice's figure ``cap``."""
    import dataclasses

    from nn_review.funding import plan as plan_mod
    from nn_review.guide.funding_schema import FundingParam, FundingRule
    from nn_review.services.guides import guide_for_session
    base = guide_for_session(world.store, world.sid)
    rule = FundingRule(route="rule", text="按规则核定，每家最高不超过通知规定金额", cap={"param": "cap"},
                       params=(FundingParam("cap", "每家上限", "万元", D("0"), D("500")),))
    guide = dataclasses.replace(base, items=tuple(dataclasses.replace(it, funding=rule) if it.number == 15 else it
                                                  for it in base.items))
    monkeypatch.setattr(plan_mod, "rules_guide", lambda s, sess: (guide, "nanning-seed（测试规则）"))
    with world.store.write() as s:
        s.execute(delete(M.FundingParam).where(M.FundingParam.session_id == world.sid))
    page.refresh()
    yield page
    with world.store.write() as s:
        s.execute(delete(M.FundingParam).where(M.FundingParam.session_id == world.sid))


def test_rule_lines_template_figures_secretary_review_and_over_budget(qtbot, rule_page, world, monkeypatch):
    from ui.funding_dialogs import ParamsDialog
    page = rule_page
    assert statuses(page) == ["不符合条件"] * 4 and page.line_row() is None
    assert "尚缺 1 个模板参数" in page.detail.text()

    def fill(d: ParamsDialog):
        assert [d.table.item(0, c).text() for c in range(3)] == ["15", "0", "cap"]  # the missing figure listed
        d.table.setItem(0, 3, type(d.table.item(0, 0))("30"))
        d.table.setItem(0, 4, type(d.table.item(0, 0))("南科字〔2025〕2号"))
        d.accept()
    monkeypatch.setattr(ParamsDialog, "exec", lambda d: (fill(d), d.result())[1])
    assert page.params()
    # capped at 30: a1 40 → 30, a2 35 → 30, a3 30, a4 20; unconfirmed until the secretary's review
    assert statuses(page) == ["待秘书审核"] * 4
    assert [page.model.index(r, 9).data() for r in range(4)] == ["30.00", "30.00", "30.00", "20.00"]
    assert page.model.index(0, 9).data(Qt.ToolTipRole)  # the rule's formula with its figures
    type_budget(qtbot, page, "50")
    for k in ("a1", "a2"):
        page.table.selectRow(page.model.row_of(world.ids[k]))
        assert page.act_confirm.isEnabled() and not page.act_approve.isEnabled()  # no 核定 on a rule line
        assert page.confirm()
    page.table.selectRow(page.model.row_of(world.ids["a1"]))
    assert not page.act_confirm.isEnabled()  # confirmed already
    assert statuses(page)[:2] == ["拟资助", "拟资助"] and page.line_row() is None  # a rule scope has no line
    # 30 + 30 against a budget of 50: shown, never cut
    assert page.summary.text() == "预算 50.00，已安排 60.00，剩余 -10.00（万元），超出预算 10.00"


def test_approve_through_the_dialog_the_context_menu_and_the_shortcut(qtbot, page, world, monkeypatch):
    from ui.funding_dialogs import AmountDialog
    type_budget(qtbot, page, "100")
    a2 = world.ids["a2"]
    row = page.model.row_of(a2)
    pos = page.table.visualRect(page.model.index(row, 2)).center()
    page._menu(pos)  # right click on a2: the row is selected, the line's actions offered
    assert page.current_line().application_id == a2
    assert [a.text() for a in page._menu_shown.actions() if a.text()] == \
        ["核定金额…", "核减/调整…", "撤销调整", "审核通过", "记录异议…", "模板参数…"]
    page._menu_shown.close()
    asked = []

    def fill(d: AmountDialog):
        asked.append(d.kind)
        d.amount.setText("20")
        d.reason.setPlainText("考核指标偏低，核定20万元")
        d.by_secretary.setChecked(True)
        d.accept()
        return d.result()
    monkeypatch.setattr(AmountDialog, "exec", fill)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_K, Qt.ControlModifier)  # Ctrl+K: 核定金额…
    assert asked == ["approve"]
    # 40 + 20 + 30 = 90: a3 now fits, a4 (20) does not fit in the 10 left
    assert page.model.index(page.model.row_of(a2), 7).data() == "20.00"
    assert statuses(page) == ["拟资助", "拟资助", "拟资助", "线下"] and page.line_row() == 2
    with world.store.read() as s:
        d = s.scalars(select(M.FundingDecision)).one()
        assert (d.kind, d.amount, d.author_role) == ("approved", D("20"), "secretary")
