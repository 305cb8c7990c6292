"""The roster edited in the app (issue 15 item 13c): add and edit one expert in a dialog (a
refusal shown in place, the field marked, nothing written), deactivate / reactivate (greyed,
never offered to a panel), each one audited write through the window's runner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QInputDialog
from sqlalchemy import select

from nn_review.roster.experts import list_experts
from nn_review.store.models import AuditEvent
from ui.expert_edit_dialog import ExpertEditDialog

from ..exchange_fixtures import table_counts


def roster_page(win):
    page = next(p for p in win.extra_pages if p.title() == "专家库")
    win.pages.setCurrentWidget(page)
    return page


def actions(store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("roster.expert_%"))
                              .order_by(AuditEvent.id)))


def run_dialog(monkeypatch, fill):
    """Drive the page's dialog as a user would: ``fill(dlg)`` once it is open (exec is modal)."""
    seen = []

    def exec_(dlg):
        seen.append(dlg)
        fill(dlg)
        return dlg.result()

    monkeypatch.setattr(ExpertEditDialog, "exec", exec_)
    return seen


def test_add_refused_in_place_then_saved(qtbot, window, monkeypatch):
    page = roster_page(window)
    before = table_counts(window.store)

    def fill(dlg):
        dlg.fields["name"].setText("王建国")
        dlg.fields["unit"].setText("广西大学")
        dlg.fields["email"].setText("wang@")
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.LeftButton)
        assert dlg.result() != QDialog.Accepted  # refused: the dialog stays open
        assert "电子邮箱" in dlg.error.text() and "格式不正确" in dlg.error.text() and dlg.marked() == ["email"]
        assert table_counts(window.store) == before
        dlg.fields["email"].clear()
        qtbot.keyClicks(dlg.fields["email"], "wang@example.com")
        assert dlg.marked() == []  # typing in the field clears its mark
        dlg.fields["fields"].setText("重点研发计划；项目15")
        assert dlg.save()

    seen = run_dialog(monkeypatch, fill)
    page.add_dialog()
    assert seen and seen[0].result() == QDialog.Accepted
    [e] = list_experts(window.store)
    assert (e.name, e.unit, e.email, e.fields) == ("王建国", "广西大学", "wang@example.com", ["重点研发计划", "项目15"])
    assert page.proxy.rowCount() == 1 and page.current_expert().roster_key == e.roster_key  # the notice refreshed it
    assert actions(window.store) == ["roster.expert_add"]
    assert "已新增专家" in window.statusBar().currentMessage()


def test_edit_keeps_the_key_and_deactivate_greys(qtbot, window, monkeypatch):
    page = roster_page(window)
    from nn_review.roster.edit import add_expert
    window.ops.call(add_expert, window.store, {"roster_key": "ZJ-7", "name": "李秀英", "unit": "广西医科大学"})
    page.table.selectRow(0)

    def fill(dlg):
        assert dlg.fields["roster_key"].isReadOnly() and dlg.fields["roster_key"].text() == "ZJ-7"
        assert dlg.fields["name"].text() == "李秀英"
        dlg.fields["title"].setText("主任医师")
        dlg.fields["unit"].setText("")
        assert not dlg.save() and dlg.marked() == ["unit"] and "工作单位" in dlg.error.text()
        dlg.fields["unit"].setText("广西医科大学第一附属医院")
        assert dlg.save()

    run_dialog(monkeypatch, fill)
    page.edit_dialog()
    e = list_experts(window.store)[0]
    assert (e.roster_key, e.title, e.unit) == ("ZJ-7", "主任医师", "广西医科大学第一附属医院")
    assert page.btn_active.text() == "停用…"

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("调离广西", True))
    page.toggle_active()
    assert not list_experts(window.store)[0].active
    colour = page.proxy.index(0, 1).data(Qt.ForegroundRole).color()
    assert colour == QColor("#9e9e9e") and "已停用" in page.proxy.index(0, 1).data(Qt.ToolTipRole)
    assert page.btn_active.text() == "启用…" and "停用 1 位" in window.counts.text()
    page.toggle_active()
    assert list_experts(window.store)[0].active and page.proxy.index(0, 1).data(Qt.ForegroundRole) is None
    assert actions(window.store) == ["roster.expert_add", "roster.expert_edit", "roster.expert_deactivate",
                                     "roster.expert_activate"]


def test_deactivated_expert_not_offered_to_a_panel(qtbot, window, monkeypatch):
    from nn_review.roster.edit import add_expert, set_expert_active
    from ui.panel_dialogs import AddMembersDialog
    a = add_expert(window.store, {"roster_key": "ZJ-1", "name": "甲", "unit": "单位甲"})
    b = add_expert(window.store, {"roster_key": "ZJ-2", "name": "乙", "unit": "单位乙"})
    set_expert_active(window.store, b.id, False)
    offered = []
    monkeypatch.setattr(AddMembersDialog, "exec", lambda dlg: offered.extend(
        dlg.list.item(i).data(Qt.UserRole) for i in range(dlg.list.count())) or QDialog.Rejected)
    panels = next(p for p in window.extra_pages if p.title() == "专家组与回避")
    monkeypatch.setattr(panels, "current_panel", lambda: type("P", (), {"members": []})())
    panels.add_members_dialog()
    assert offered == [a.id]
