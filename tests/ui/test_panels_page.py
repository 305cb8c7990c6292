"""专家组与回避 page: create a panel, draw, lead, assign; the conflict matrix with add/dismiss."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from nn_review.demo.roster import write_roster_xlsx
from nn_review.roster import xlsx
from nn_review.roster.experts import list_experts
from nn_review.services.importer import import_packages

from ..helpers import files_under
from .conftest import wait_idle

from ui import panel_dialogs


@pytest.fixture
def page(window, demo_packages, tmp_path, monkeypatch):
    import_packages(window.store, window.session_id, demo_packages)
    xlsx.import_roster(window.store, write_roster_xlsx(tmp_path / "roster.xlsx"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    window.reload_sessions()
    p = next(x for x in window.extra_pages if x.title() == "专家组与回避")
    window.pages.setCurrentWidget(p)
    return p


def expert_id(store, key):
    return next(e.id for e in list_experts(store) if e.roster_key == key)


def cell_text(page, name, app_id):
    m = page.matrix
    i = next(i for i, e in enumerate(m["experts"]) if e["name"] == name)
    j = next(j for j, a in enumerate(m["applications"]) if a["application_id"] == app_id)
    return page.grid.item(i, j).text(), i, j


def drawn(qtbot, page, n, seed):
    """The draw runs in the background (the window's runner); its result once it has ended."""
    page.draw(n, seed=seed)
    wait_idle(qtbot, page.win)
    return page.last_draw


def test_create_draw_lead_assign(qtbot, page):
    pid = page.create_panel("第二组（重点研发计划）", [14, 15, 17, 18], [])
    assert pid and page.panel_list.count() == 1
    assert page.apps.rowCount() == 5
    res = drawn(qtbot, page, 5, 20250902)
    assert len(res.drawn) == 5 and page.members.rowCount() == 5
    assert "20250902" in page.draw_text.toPlainText() and "抽中（5 人" in page.draw_text.toPlainText()
    page.members.selectRow(1)
    page.set_leader()
    assert page.members.item(1, 3).text() == "组长"
    result = page.assign()
    assert sum(result.loads.values()) == 25
    assert all(page.apps.item(r, 3).text().startswith("5：") for r in range(page.apps.rowCount()))
    assert "已分配 25 项评审任务" in page.panel_head.text()


def test_too_small_panel_is_refused_with_reason(page, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    page.create_panel("小组", [37], [])
    page.add_members([expert_id(page.win.store, "ZJ-0301"), expert_id(page.win.store, "ZJ-0302")])
    assert "少于 3 人" in page.panel_warn.text()
    assert page.assign() is None
    assert shown and "少于 3 人" in shown[0]


def test_conflict_matrix_add_and_dismiss(page, monkeypatch):
    store = page.win.store
    pid = page.create_panel("第二组", [15], [])
    page.add_members([expert_id(store, k) for k in ("ZJ-0201", "ZJ-0202", "ZJ-0206", "ZJ-0306")])
    page.detect()
    # 苏明 is a member of the 0107 project team: detected with the reason shown on selection.
    text, i, j = cell_text(page, "苏明", "NNKJ-2025-0107")
    assert text == "回避"
    page.grid.setCurrentCell(i, j)
    assert "项目组成员" in page.cell_info.text()
    # Dismiss it with a reason (through the dialog) — audited, shown as 已撤销.
    monkeypatch.setattr(panel_dialogs.ReasonDialog, "exec", lambda self: (self.text.setPlainText("同名，非本人"), 1)[1])
    page.dismiss_dialog(i, j)
    text, i, j = cell_text(page, "苏明", "NNKJ-2025-0107")
    assert text == "已撤销"
    page.grid.setCurrentCell(i, j)
    assert "同名，非本人" in page.cell_info.text()
    # A manual conflict on a clean cell.
    text, i2, j2 = cell_text(page, "张立新", "NNKJ-2025-0108")
    assert text == ""
    page.add_conflict_dialog(i2, j2)
    assert cell_text(page, "张立新", "NNKJ-2025-0108")[0] == "回避"
    # Re-detection keeps both decisions.
    page.detect()
    assert cell_text(page, "苏明", "NNKJ-2025-0107")[0] == "已撤销"
    assert cell_text(page, "张立新", "NNKJ-2025-0108")[0] == "回避"
    # The assignment leaves 张立新 out of 0108.
    page.panel_list.setCurrentRow(0)
    res = page.assign()
    assert expert_id(store, "ZJ-0202") not in res.assignments["NNKJ-2025-0108"]
    assert pid


def test_reason_dialog_requires_text(qtbot):
    dlg = panel_dialogs.ReasonDialog("撤销回避", "理由：")
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.text.setPlainText("   ")
    assert not ok.isEnabled()
    dlg.text.setPlainText("确非本人")
    assert ok.isEnabled()


def test_save_draw_record(qtbot, page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    page.create_panel("第一组", [1, 2, 8, 9, 11], [])
    drawn(qtbot, page, 3, 7)
    out = tmp_path / "draw.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.save_draw()
    text = out.read_text(encoding="utf-8-sig")
    assert "随机种子：7" in text and out in files_under(tmp_path)


def test_new_panel_dialog_items_and_hand_picked(qtbot, page):
    from nn_review.services.queries import list_applications
    from PySide6.QtCore import Qt
    dlg = panel_dialogs.NewPanelDialog(list_applications(page.win.store, page.win.session_id))
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.name.setText("联合体组")
    rows = {dlg.items.item(i).data(Qt.UserRole): dlg.items.item(i) for i in range(dlg.items.count())}
    rows[("item", 37)].setCheckState(Qt.Checked)
    rows[("app", "NNLH-2025-0001")].setCheckState(Qt.Checked)
    assert ok.isEnabled()
    name, items, apps = dlg.values()
    assert (name, items, apps) == ("联合体组", [37], ["NNLH-2025-0001"])
    page.create_panel(name, items, apps)
    assert sorted(page.apps.item(r, 0).text() for r in range(page.apps.rowCount())) == ["NNKJ-2025-0111",
                                                                                         "NNLH-2025-0001"]
