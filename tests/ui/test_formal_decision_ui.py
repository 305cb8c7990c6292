"""形式审查结论 through the secretary's window: the table column, the decision box and the 核对清单
in the detail pane, the context menu / keyboard path with undo, and the panels page refusing an
excluded package — real widgets over a real store with the demo packages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from nn_review.demo.roster import write_roster_xlsx
from nn_review.roster import xlsx
from nn_review.services import formal
from nn_review.services.importer import import_packages
from nn_review.store import models as M

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse: keys under tmp_path, never a keyring)

FAILING = "NNKJ-2025-0106"     # 不通过: requested 260 > 200 万元; 核对清单 I11.R1, I11.R2
ATTENTION = "NNKJ-2025-0107"   # 待核实


@pytest.fixture
def win(window, demo_packages):
    import_packages(window.store, window.session_id, demo_packages)
    window.reload_sessions()
    return window


def status_cell(win, app_id) -> str:
    assert win.select_application(app_id)
    idx = win.table.currentIndex()
    return win.proxy.data(idx.siblingAtColumn(win.model.COLUMNS.index("status")))


def type_reason(box, text: str) -> None:
    """What typing (through the input method, hence no QTest key clicks for Chinese) leaves in the field."""
    box.reason.setFocus()
    box.reason.insert(text)


def stored(win, app_id) -> M.Application:
    with win.store.read() as s:
        return s.scalar(select(M.Application).where(M.Application.application_id == app_id))


def actions(win, name):
    with win.store.read() as s:
        return [e.details for e in s.scalars(select(M.AuditEvent).where(M.AuditEvent.action == name))]


def test_table_and_detail_pane_decide_with_reason(qtbot, win):
    assert win.model.headers()[-1] == "形式审查结论"
    assert status_cell(win, FAILING) == "不通过（1） → 未确认"
    box = win.detail.formal
    win.detail.tabs.setCurrentIndex(1)
    assert "不通过" in box.status.text() and "未确认" in box.status.text()
    assert not box.btn_clear.isEnabled()

    # 不予受理 without a reason: refused, said in the box, nothing stored.
    qtbot.mouseClick(box.btn_exclude, Qt.LeftButton)
    assert box.error.isVisible() and "须填写理由" in box.error.text()
    assert stored(win, FAILING).formal_decision == "" and not actions(win, "formal.decide")
    # 通过 without a reason on a failing package: refused too.
    qtbot.mouseClick(box.btn_accept, Qt.LeftButton)
    assert "确认通过须填写理由" in box.error.text()

    type_reason(box, "申请资助超过指南上限200万元")
    qtbot.mouseClick(box.btn_exclude, Qt.LeftButton)
    a = stored(win, FAILING)
    assert (a.formal_decision, a.formal_reason) == ("excluded", "申请资助超过指南上限200万元")
    assert status_cell(win, FAILING) == "不通过（1） → 不予受理"
    assert "不予受理" in box.status.text() and "申请资助超过指南上限200万元" in box.detail.text()
    assert not box.error.isVisible() and box.reason.text() == "" and box.btn_clear.isEnabled()
    assert "不予受理 1" in win.counts.text()

    # Withdraw: needs a reason as well.
    qtbot.mouseClick(box.btn_clear, Qt.LeftButton)
    assert "须填写理由" in box.error.text() and stored(win, FAILING).formal_decision == "excluded"
    type_reason(box, "登记错误")
    qtbot.mouseClick(box.btn_clear, Qt.LeftButton)
    assert stored(win, FAILING).formal_decision == ""
    assert status_cell(win, FAILING) == "不通过（1） → 未确认"
    [w] = actions(win, "formal.withdraw")
    assert w["old"]["decision"] == "excluded" and w["reason"] == "登记错误"

    # An attention package accepted after verification.
    assert status_cell(win, ATTENTION) == "待核实 → 未确认"
    type_reason(box, "已核实产学研合作协议")
    qtbot.mouseClick(box.btn_accept, Qt.LeftButton)
    assert status_cell(win, ATTENTION) == "待核实 → 通过（已核实）"
    assert stored(win, ATTENTION).formal_actor == "test-secretary"


def test_status_filter_shows_what_still_needs_a_decision(qtbot, win):
    combo = win.status_filter
    combo.setCurrentIndex(combo.findData("undecided"))
    before = win.proxy.rowCount()
    assert before and all("未确认" in win.proxy.data(win.proxy.index(r, win.model.COLUMNS.index("status")))
                          for r in range(before))
    win.decide(FAILING, "excluded", "申请资助超过上限")
    win.proxy.set_status("undecided")  # re-apply as the combo would
    assert win.proxy.rowCount() == before - 1
    combo.setCurrentIndex(combo.findData("excluded"))
    assert win.proxy.rowCount() == 1


def test_checklist_tick_with_note(qtbot, win):
    win.select_application(FAILING)
    cl = win.detail.checklist
    assert cl.table.rowCount() == 2 and "已核对 0/2" in cl.title.text()
    row = next(r for r in range(2) if cl.table.item(r, 0).data(Qt.UserRole) == "I11.R1")
    cl.table.item(row, 2).setText("园区管委会证明已核对")   # what the note editor commits
    qtbot.waitUntil(lambda: "园区管委会证明已核对" in str(actions(win, "formal.manual_check")))
    row = next(r for r in range(2) if cl.table.item(r, 0).data(Qt.UserRole) == "I11.R1")
    cl.table.item(row, 0).setCheckState(Qt.Checked)        # what a click on the box does
    qtbot.waitUntil(lambda: "已核对 1/2" in cl.title.text())
    with win.store.read() as s:
        mc = s.scalar(select(M.ManualCheck).where(M.ManualCheck.rule_id == "I11.R1"))
        assert (mc.ticked, mc.note, mc.actor) == (True, "园区管委会证明已核对", "test-secretary")
    assert "已核对 1/2" in cl.title.text()
    row = next(r for r in range(2) if cl.table.item(r, 0).data(Qt.UserRole) == "I11.R1")
    assert cl.table.item(row, 0).checkState() == Qt.Checked and cl.table.item(row, 2).text() == "园区管委会证明已核对"
    events = actions(win, "formal.manual_check")
    assert events[-1]["old"]["ticked"] is False and events[-1]["new"] == {"ticked": True, "note": "园区管委会证明已核对"}
    # the reason typed in the decision box survives a tick
    win.detail.formal.reason.setText("核实中")
    cl.set_row("I11.R2", True, "")
    qtbot.waitUntil(lambda: "已核对 2/2" in cl.title.text())
    assert win.detail.formal.reason.text() == "核实中"


def test_context_menu_keyboard_and_undo(qtbot, win, monkeypatch):
    win.select_application(FAILING)
    rect = win.table.visualRect(win.table.currentIndex())
    win._table_menu(rect.center())
    texts = [a.text() for a in win.table_menu.actions() if a.text()]
    assert texts[:3] == ["形式审查：通过…", "形式审查：不予受理…", "撤销形式审查结论…"]
    win.table_menu.close()
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: (asked.append(a[2]), ("重复申报", True))[1])
    win.act_exclude.trigger()
    assert asked and FAILING in asked[0]
    assert stored(win, FAILING).formal_decision == "excluded"
    # Ctrl+Z on another page does nothing here …
    roster = win.extra_pages[0]
    win.pages.setCurrentWidget(roster)
    roster.table.setFocus()
    qtbot.keyClick(roster.table, Qt.Key_Z, Qt.ControlModifier)
    assert stored(win, FAILING).formal_decision == "excluded"
    win.pages.setCurrentIndex(0)
    # … on the applications page it records the reverse, with the reason 撤销.
    win.activateWindow()
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key_Z, Qt.ControlModifier)
    assert stored(win, FAILING).formal_decision == ""
    [w] = actions(win, "formal.withdraw")
    assert w["reason"] == "撤销" and w["old"]["decision"] == "excluded"
    # Keyboard: Ctrl+Shift+A on a passing package needs no reason (no dialog).
    asked.clear()
    win.select_application("NNKJ-2025-0101")
    qtbot.keyClick(win.table, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert not asked and stored(win, "NNKJ-2025-0101").formal_decision == "accepted"


def test_finalised_session_refuses_in_the_box(qtbot, win):
    with win.store.write() as s:
        s.get(M.ReviewSession, win.session_id).state = "finalised"
    win.select_application(FAILING)
    box = win.detail.formal
    type_reason(box, "理由")
    qtbot.mouseClick(box.btn_exclude, Qt.LeftButton)
    assert "已定稿" in box.error.text() and stored(win, FAILING).formal_decision == ""


def test_panels_page_refuses_an_excluded_package(qtbot, win, tmp_path, monkeypatch):
    xlsx.import_roster(win.store, write_roster_xlsx(tmp_path / "roster.xlsx"))
    formal.decide(win.store, win.session_id, FAILING, "excluded", "申请资助超过上限")
    win.reload_sessions()
    page = next(p for p in win.extra_pages if p.title() == "专家组与回避")
    win.pages.setCurrentWidget(page)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(("info", a[2])))
    assert page.create_panel("农业组", [], [FAILING, "NNKJ-2025-0105"]) is None
    assert shown[-1][0] == "warning" and FAILING in shown[-1][1] and "不予受理" in shown[-1][1]
    assert page.panel_list.count() == 0
    # By guide item the excluded package is left out and said so; an undecided failing one is let in.
    pid = page.create_panel("农业组", [11, 37], [])
    assert pid
    apps = [page.apps.item(r, 0).text() for r in range(page.apps.rowCount())]
    assert apps == ["NNKJ-2025-0111"]
    kind, text = shown[-1]
    assert kind == "info" and FAILING in text and "已跳过" in text and "NNKJ-2025-0111" in text
    assert "尚未确认形式审查结论" in page.panel_warn.text()
    # The hand-pick list of the new-panel dialog marks the excluded package.
    from nn_review.services.queries import list_applications
    from ui.panel_dialogs import NewPanelDialog
    dlg = NewPanelDialog(list_applications(win.store, win.session_id))
    qtbot.addWidget(dlg)
    texts = [dlg.items.item(i).text() for i in range(dlg.items.count())]
    assert any(t.startswith(FAILING) and "不予受理" in t for t in texts)


def test_bundle_export_leaves_out_an_excluded_package_and_says_so(qtbot, win, tmp_path):
    from PySide6.QtWidgets import QLabel

    from nn_review.demo.roster import build_demo_roster
    from nn_review.formats.bundle import open_bundle
    from nn_review.roster.panels import list_panels

    from .conftest import wait_idle
    build_demo_roster(win.store, win.session_id)
    first = list_panels(win.store, win.session_id)[0]
    gone, *kept = [a.application_id for a in first.applications]
    formal.decide(win.store, win.session_id, gone, "excluded", "重复申报")  # after assignment: allowed
    win.reload_sessions()
    page = next(p for p in win.extra_pages if p.title() == "评审包与评分回收")
    win.pages.setCurrentWidget(page)
    page.panel.setCurrentIndex(0)
    page.export(tmp_path / "usb")
    wait_idle(qtbot, win)
    dlg = page.passwords_dialog
    notes = "\n".join(lb.text() for lb in dlg.findChildren(QLabel))
    assert f"申报 {gone}" in notes and "不予受理" in notes and "已跳过" in notes
    h = page.last_handout[0]
    with open_bundle(h.bundle.path, h.bundle.password) as b:
        ids = [a["application_id"] for a in b.applications]
    assert gone not in ids and set(ids) <= set(kept)
    dlg.accept()
