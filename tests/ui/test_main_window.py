"""The secretary's main window through the GUI path: drop/menu → table → detail pane → PDF viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nn_review.services.queries import list_applications

from ui.findings_model import FindingsModel

from ..helpers import manifest, write_package
from .conftest import wait_idle

REFUSED = "NNKJ-2025-0199.nnpkg"


def table_ids(win) -> list[str]:
    return [win.proxy.data(win.proxy.index(r, 0), Qt.UserRole).application_id for r in range(win.proxy.rowCount())]


def findings(win) -> dict[str, str]:
    m, rule = win.detail.findings.model(), FindingsModel.COL_RULE
    return {m.index(r, rule).data(): m.index(r, 0).data() for r in range(m.rowCount())}


def import_demo(qtbot, win, paths):
    win.handle_drop(paths)
    wait_idle(qtbot, win)
    return win.result_dialog


def test_drop_imports_rows_and_reports_refusal(qtbot, window, demo_packages, store):
    dlg = import_demo(qtbot, window, demo_packages)
    ids = table_ids(window)
    assert len(ids) == 21 and "NNLH-2025-0001" in ids and "NNKJ-2025-0199" not in ids
    # The result dialog names the refused file and why.
    rows = {dlg.table.item(r, 1).text(): (dlg.table.item(r, 0).text(), dlg.table.item(r, 2).text())
            for r in range(dlg.table.rowCount())}
    assert len(rows) == 22
    outcome, why = rows[REFUSED]
    assert outcome == "拒收" and why
    assert "已导入 21" in window.statusBar().currentMessage()
    # The table shows the same as the store.
    assert sorted(ids) == sorted(r.application_id for r in list_applications(store, window.session_id))
    assert "共 21 个申报包" in window.counts.text()


def test_detail_pane_shows_title_and_findings(qtbot, window, demo_packages):
    import_demo(qtbot, window, demo_packages).accept()
    assert window.select_application("NNKJ-2025-0106")
    d = window.detail
    assert d.header.text().startswith("NNKJ-2025-0106") and "沃柑" in d.header.text()
    f = findings(window)
    assert f["I11.R3"] == "不符合"  # requested 260 > 200 万元
    assert f["K.BUDGET"] == "符合"
    # Selecting the failing finding shows the guide sentence it came from.
    d.tabs.setCurrentIndex(1)
    m = d.findings.model()
    row = next(r for r in range(m.rowCount()) if m.index(r, FindingsModel.COL_RULE).data() == "I11.R3")
    d.findings.selectRow(row)
    assert "200万元" in d.source.text()
    # The table row shows the failing status too.
    idx = window.table.currentIndex()
    assert window.proxy.data(idx.siblingAtColumn(window.proxy.columnCount() - 1)).startswith("不通过")


def test_pdf_viewer_shows_first_page(qtbot, window, demo_packages):
    import_demo(qtbot, window, demo_packages).accept()
    window.select_application("NNKJ-2025-0107")
    d = window.detail
    d.tabs.setCurrentIndex(2)
    doc = d.viewer.document
    qtbot.waitUntil(lambda: doc.status() == QPdfDocument.Status.Ready, timeout=10000)
    assert doc.pageCount() == d.detail.documents[0].page_count == 7
    assert "共 7 页" in d.viewer.pages.text()
    assert d.viewer.current_page() == 0
    img = doc.render(0, QSize(300, 420))
    assert not img.isNull()
    colours = {img.pixel(x, y) for x in range(0, 300, 7) for y in range(0, 420, 7)}
    assert len(colours) > 2  # text was drawn, not a blank page
    # Another document of the same package replaces it.
    d.documents.selectRow(2)
    qtbot.waitUntil(lambda: doc.status() == QPdfDocument.Status.Ready and doc.pageCount() == 2, timeout=10000)


def test_filter_and_status(qtbot, window, demo_packages):
    import_demo(qtbot, window, demo_packages).accept()
    window.filter.setText("东盟")
    assert sorted(table_ids(window)) == ["NNKJ-2025-0107", "NNKJ-2025-0108"]
    window.filter.setText("项目15")
    assert len(table_ids(window)) == 2
    window.filter.clear()
    i = window.status_filter.findData("fail")
    window.status_filter.setCurrentIndex(i)
    failing = table_ids(window)
    assert failing and all(r.check_status == "fail" for r in list_applications(window.store, window.session_id)
                           if r.application_id in failing)
    window.status_filter.setCurrentIndex(0)
    assert len(table_ids(window)) == 21


def test_real_drop_event_and_non_package_skipped(qtbot, window, demo_packages, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    note = tmp_path / "说明.txt"
    note.write_text("不是申报包", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_packages[0])), QUrl.fromLocalFile(str(note))])
    ev = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(ev)
    wait_idle(qtbot, window)
    assert table_ids(window) == ["NNKJ-2025-0101"]
    assert told and "说明.txt" in told[0]


def test_menu_import_and_duplicate_offer(qtbot, window, demo_packages, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(demo_packages[1])], ""))
    window.act_import.trigger()
    wait_idle(qtbot, window)
    assert table_ids(window) == ["NNKJ-2025-0102"]
    window.result_dialog.accept()
    # Importing the same file again: it is reported as a duplicate and replacing it is offered.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    window.act_import.trigger()
    wait_idle(qtbot, window)
    assert window.last_report.counts["duplicate"] == 1
    window.result_dialog.accept()
    assert asked and "已存在" in asked[0]
    wait_idle(qtbot, window)
    assert window.last_report.counts["replaced"] == 1
    assert table_ids(window) == ["NNKJ-2025-0102"]


def test_rich_text_title_is_shown_literally(qtbot, window, tmp_path):
    title = "<b>粗体</b><img src=x>智能系统研发"
    pkg = write_package(tmp_path, manifest(title=title))
    window.import_paths([pkg])
    wait_idle(qtbot, window)
    window.result_dialog.accept()
    window.select_application("NNKJ-2025-0137")
    assert window.detail.header.textFormat() == Qt.PlainText
    assert title in window.detail.header.text()
    col = 2  # 项目名称
    assert window.proxy.data(window.table.currentIndex().siblingAtColumn(col)) == title


def test_cancel_keeps_store_consistent(qtbot, window, demo_packages, store):
    window.import_paths(demo_packages)
    window.ops.task.cancel()
    wait_idle(qtbot, window)
    rep = window.last_report
    imported = {r.application_id for r in rep.results if r.outcome == "imported"}
    assert rep.counts["cancelled"] >= 1
    assert set(table_ids(window)) == imported
    assert not any(Path(store.tmp_dir).iterdir())


def test_remove_application(qtbot, window, demo_packages, monkeypatch):
    import_demo(qtbot, window, demo_packages[:3]).accept()
    window.select_application("NNKJ-2025-0102")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    window.act_remove.trigger()
    wait_idle(qtbot, window)
    assert table_ids(window) == ["NNKJ-2025-0101", "NNKJ-2025-0103"]


def test_findings_are_a_sortable_model_failures_first(qtbot, window, demo_packages):
    """The findings table is a model over the detail (no widget items): failures first; a click on
    the 规则 header sorts by rule, on 结论 back to failures first; the selection shows its source."""
    import_demo(qtbot, window, demo_packages).accept()
    assert window.select_application("NNKJ-2025-0106")
    view = window.detail.findings
    model = view.model()
    statuses = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert statuses[0] == "不符合" and statuses.count("不符合") >= 1
    view.sortByColumn(FindingsModel.COL_RULE, Qt.AscendingOrder)
    rules = [model.index(r, FindingsModel.COL_RULE).data() for r in range(model.rowCount())]
    assert rules == sorted(rules)
    view.sortByColumn(0, Qt.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == statuses
    view.selectRow(0)
    assert window.detail.selected_finding().status == "fail"
    assert window.detail.source.text().startswith("依据：")
