"""专家库 page: xlsx import with a per-row report, export a secretary can open, template."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from nn_review.roster import xlsx
from nn_review.roster.experts import list_experts

from ..roster_files import secretary_workbook
from .conftest import wait_idle


def roster_page(win):
    return next(p for p in win.extra_pages if p.title() == "专家库")


GOOD = ["ZJ-0001", "王建国", "广西大学", "12450000498502233W", "教授", "重点研发计划；项目15", "13800000001",
        "wang@example.com", "", ""]
BAD_MAIL = ["ZJ-0002", "李敏", "南宁师范大学", "", "研究员", "新材料", "13800000002", "not-an-email", "", ""]
NO_NAME = ["ZJ-0003", "", "广西民族大学", "", "", "", "", "", "", ""]


def test_import_shows_rows_and_row_errors(qtbot, window, tmp_path):
    page = roster_page(window)
    window.pages.setCurrentWidget(page)
    page.import_file(secretary_workbook(tmp_path / "专家.xlsx", [GOOD, BAD_MAIL, NO_NAME]))
    wait_idle(qtbot, window)
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 1).data() == "王建国"
    dlg = page.report_dialog
    errs = [(dlg.errors.item(r, 0).text(), dlg.errors.item(r, 1).text()) for r in range(dlg.errors.rowCount())]
    assert ("3", "电子邮箱") in errs and ("4", "姓名") in errs
    assert "新增 1" in window.statusBar().currentMessage()
    dlg.accept()
    # Filtering narrows the visible rows.
    page.filter.setText("不存在的单位")
    assert page.proxy.rowCount() == 0 and "显示 0 位" in page.count.text()


def test_refused_file_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    page = roster_page(window)
    bad = tmp_path / "roster.xlsx"
    bad.write_text("this is not a workbook", encoding="utf-8")
    shown = []
    monkeypatch.setattr("ui.main_window.QMessageBox.critical", lambda *a, **k: shown.append(a[2]))
    page.import_file(bad)
    wait_idle(qtbot, window)
    assert shown and "roster.xlsx" in shown[0]
    assert list_experts(window.store) == [] and page.model.rowCount() == 0


def test_export_and_template_open_in_openpyxl(qtbot, window, tmp_path, monkeypatch):
    page = roster_page(window)
    page.import_file(secretary_workbook(tmp_path / "in.xlsx", [GOOD]))
    wait_idle(qtbot, window)
    page.report_dialog.accept()
    out = tmp_path / "导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.btn_export.click()
    wait_idle(qtbot, window)
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == xlsx.HEADERS and ws["B2"].value == "王建国"
    tpl = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tpl), ""))
    page.btn_template.click()
    assert load_workbook(tpl).sheetnames == ["专家库", "说明"]


def test_template_from_the_menu(qtbot, window, tmp_path, monkeypatch):
    tpl = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tpl), ""))
    # the action is kept: PySide6 6.9 drops a menu's wrapper with its action's
    action = next(a for a in window.menuBar().actions() if a.text() == "专家与评审(&R)")
    menu = action.menu()
    next(a for a in menu.actions() if a.text() == "保存专家库导入模板…").trigger()
    assert window.pages.currentWidget() is roster_page(window)
    assert load_workbook(tpl)["专家库"]["B2"].value == "王某某"
