"""专家库 page: the expert roster (store-wide), imported from and exported to .xlsx."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QVBoxLayout, QWidget)

from nn_review.roster import xlsx
from nn_review.roster.experts import ExpertInfo, list_experts

from .widgets import ro_item
from .worker import Task
from .plain import data, plain

XLSX_FILTER = "Excel (*.xlsx)"


class RosterImportDialog(QDialog):
    """Added / updated / unchanged, then every row error: row, column, what was wrong, what was expected."""

    def __init__(self, report: xlsx.RosterImportReport, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("专家库导入结果"))
        # Core messages (Chinese, like summary_zh): formulas imported as their saved results (issue 12).
        # The summary counts them all; the first 20 are listed.
        lines = [f"{Path(report.file).name}：{report.summary_zh()}", *report.warnings[:20]]
        head = QLabel(data("\n".join(lines)), self)
        head.setTextFormat(Qt.PlainText)
        head.setWordWrap(True)
        self.errors = QTableWidget(len(report.errors), 4, self)
        self.errors.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("问题"), self.tr("应为")])
        self.errors.verticalHeader().setVisible(False)
        self.errors.setWordWrap(True)
        h = self.errors.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.Stretch)
        h.setSectionResizeMode(3, QHeaderView.Stretch)
        for i, e in enumerate(report.errors):
            for j, v in enumerate((e.row, e.column, e.message, e.expected)):
                self.errors.setItem(i, j, ro_item(v))
        self.errors.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        if report.ignored_columns:
            note = QLabel(self.tr("未识别的列（已忽略）：%1").replace("%1", data("、".join(report.ignored_columns))), self)
            note.setTextFormat(Qt.PlainText)
            lay.addWidget(note)
        lay.addWidget(self.errors, 1)
        self.errors.setVisible(bool(report.errors))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(820, 420 if report.errors else 140)


class RosterPage(QWidget):
    # Marked for lupdate; translated where the headers are set.
    COLUMNS = (QT_TRANSLATE_NOOP("RosterPage", "专家编号"), QT_TRANSLATE_NOOP("RosterPage", "姓名"),
               QT_TRANSLATE_NOOP("RosterPage", "工作单位"), QT_TRANSLATE_NOOP("RosterPage", "职称"),
               QT_TRANSLATE_NOOP("RosterPage", "专业领域"), QT_TRANSLATE_NOOP("RosterPage", "手机"),
               QT_TRANSLATE_NOOP("RosterPage", "电子邮箱"), QT_TRANSLATE_NOOP("RosterPage", "回避单位/人员"))

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.experts: list[ExpertInfo] = []
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选：姓名、单位、专业领域…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)  # by 专家编号 until the user clicks a header
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setStretchLastSection(True)
        self.btn_import = QPushButton(self.tr("从 Excel 导入…"), self)
        self.btn_import.setToolTip(self.tr("按“专家编号”新增或更新专家（Ctrl+Shift+E）"))
        self.btn_import.setShortcut("Ctrl+Shift+E")
        self.btn_import.clicked.connect(self.choose_import)
        self.btn_export = QPushButton(self.tr("导出为 Excel…"), self)
        self.btn_export.clicked.connect(self.choose_export)
        self.btn_template = QPushButton(self.tr("保存导入模板…"), self)
        self.btn_template.clicked.connect(self.choose_template)
        self.count = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for b in (self.btn_import, self.btn_export, self.btn_template):
            top.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)
        self.last_report: xlsx.RosterImportReport | None = None
        self.report_dialog: RosterImportDialog | None = None
        self.reload()

    def title(self) -> str:
        return self.tr("专家库")

    def set_session(self, _session_id) -> None:
        self.reload()  # the roster spans sessions, but may have changed (CLI, demo, another page)

    def refresh(self) -> None:
        """Another process wrote to the store."""
        self.reload()

    # -- table ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.experts = list_experts(self.win.store)
        t = self.table
        t.setSortingEnabled(False)
        t.setRowCount(len(self.experts))
        for i, e in enumerate(self.experts):
            avoid = "；".join(e.avoid_units + e.avoid_persons)
            unit_tip = f"{e.unit}\n{e.unit_credit_code}" if e.unit_credit_code else e.unit
            for j, (v, tip) in enumerate(((e.roster_key, ""), (e.name, ""), (e.unit, unit_tip), (e.title, ""),
                                          ("；".join(e.fields), ""), (e.phone, ""), (e.email, ""), (avoid, avoid))):
                t.setItem(i, j, ro_item(v, tip))
        t.setSortingEnabled(True)
        h = t.horizontalHeader()
        t.sortItems(h.sortIndicatorSection(), h.sortIndicatorOrder())
        t.resizeColumnsToContents()
        for j, cap in ((2, 260), (4, 260)):
            t.setColumnWidth(j, min(t.columnWidth(j), cap))
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        shown = 0
        for r in range(self.table.rowCount()):
            hay = " ".join(self.table.item(r, c).text() for c in range(self.table.columnCount())).casefold()
            hide = bool(needle) and needle not in hay
            self.table.setRowHidden(r, hide)
            shown += not hide
        self.count.setText(self.tr("专家库共 %1 位专家，显示 %2 位").replace("%1", str(len(self.experts)))
                           .replace("%2", str(shown)))

    # -- files ---------------------------------------------------------------------------

    def _dir(self) -> str:
        return QSettings().value("roster/last_dir", str(Path.home()))

    def _remember(self, path: str) -> None:
        QSettings().setValue("roster/last_dir", str(Path(path).parent))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入专家库"), self._dir(), XLSX_FILTER)
        if path:
            self._remember(path)
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self._run(partial(xlsx.import_roster, self.win.store, path), self._imported, self.tr("导入专家库"))

    def _imported(self, report: xlsx.RosterImportReport) -> None:
        self.last_report = report
        self.reload()
        self.win.statusBar().showMessage(self.tr("专家库导入：%1").replace("%1", report.summary_zh()), 15000)
        self.report_dialog = RosterImportDialog(report, self)
        self.report_dialog.setModal(True)
        self.report_dialog.show()

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出专家库"), str(Path(self._dir()) / "专家库.xlsx"),
                                              XLSX_FILTER)
        if path:
            self._remember(path)
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        self._run(partial(xlsx.export_roster, self.win.store, path),
                  lambda n: self.win.statusBar().showMessage(
                      self.tr("已导出 %1 位专家到 %2").replace("%1", str(n)).replace("%2", str(path)), 15000),
                  self.tr("导出专家库"))

    def choose_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存专家库导入模板"),
                                              str(Path(self._dir()) / "专家库导入模板.xlsx"), XLSX_FILTER)
        if path:
            self._remember(path)
            try:
                xlsx.save_template(path)
            except OSError as e:
                QMessageBox.critical(self, self.tr("保存导入模板"), plain(str(e)))
                return
            self.win.statusBar().showMessage(self.tr("模板已保存：%1").replace("%1", path), 10000)

    def _run(self, fn, done, title: str) -> None:
        """Workbook reading can take seconds on a big roster: off the UI thread."""
        if self.win.task is not None:
            return
        task = Task(lambda progress, cancel: fn())
        task.finished.connect(lambda result: (self.win._end_task(), done(result)))
        task.failed.connect(lambda msg: self.win._task_failed(title, msg, None))
        self.win.task = task
        self.win._busy(True)
        task.start()
