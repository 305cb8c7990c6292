"""专家库 page: the expert roster (store-wide), imported from and exported to .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from nn_review.changes import Kind
from nn_review.i18n import M, render, text_of
from nn_review.roster import edit as edit_core
from nn_review.roster import xlsx
from nn_review.roster.experts import ExpertInfo, list_experts
from nn_review.roster.identity import SuspectedDuplicate, suspected_duplicates
from nn_review.roster.merge import merge_experts
from nn_review.store import StoreError

from .column_fit import ColumnFit
from .expert_edit_dialog import ExpertEditDialog
from .ops import RefreshOnChange
from .plain import data, plain
from .roster_model import RosterFilter, RosterModel
from .widgets import ro_item

XLSX_FILTER = "Excel (*.xlsx)"


class RosterImportDialog(QDialog):
    """Added / updated / unchanged, then every row error: row, column, what was wrong, what was expected."""

    def __init__(self, report: xlsx.RosterImportReport, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("专家库导入结果"))
        # Core messages (Chinese, like summary_zh): formulas imported as their saved results (issue 12).
        # The summary counts them all; the first 20 are listed.
        lines = [str(M("roster.file_summary", file=Path(report.file).name, summary=report.summary())),
                 *report.warning_texts()[:20]]  # in the UI language (issue 15 item 12)
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
            for j, v in enumerate((e.row, *e.shown())):
                self.errors.setItem(i, j, ro_item(v))
        self.errors.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        if report.ignored_columns:
            note = QLabel(self.tr("未识别的列（已忽略）：%1").replace("%1", data(render(list(report.ignored_columns)))), self)
            note.setTextFormat(Qt.PlainText)
            lay.addWidget(note)
        lay.addWidget(self.errors, 1)
        self.errors.setVisible(bool(report.errors))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(820, 420 if report.errors else 140)


class RosterPage(RefreshOnChange, QWidget):
    watched = Kind.ROSTER  # store-wide: the avoid lists are the experts' own declarations

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选：姓名、单位、专业领域…"))
        self.filter.setClearButtonEnabled(True)
        self.model = RosterModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self._apply_filter)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)  # by 专家编号 until the user clicks a header
        # 工作单位 stretches (no empty band at 1920); 专业领域, 回避, 电子邮箱 give way at 1366.
        self.columns = ColumnFit(self.table, stretch=2, bounds={0: (70, 140), 1: (56, 120), 3: (50, 120),
                                                                4: (90, 360), 5: (60, 130), 6: (80, 240),
                                                                7: (90, 320)},
                                 shrink=(4, 7, 6), stretch_least=160)
        self.btn_import = QPushButton(self.tr("从 Excel 导入…"), self)
        self.btn_import.setToolTip(self.tr("按“专家编号”新增或更新专家（Ctrl+Shift+E）"))
        self.btn_import.setShortcut("Ctrl+Shift+E")
        self.btn_import.clicked.connect(self.choose_import)
        self.btn_export = QPushButton(self.tr("导出为 Excel…"), self)
        self.btn_export.clicked.connect(self.choose_export)
        self.btn_template = QPushButton(self.tr("保存导入模板…"), self)
        self.btn_template.clicked.connect(self.choose_template)
        # One expert edited in the app (nn_review/roster/edit.py), each save one audited write.
        self.btn_add = QPushButton(self.tr("新增专家…"), self)
        self.btn_add.clicked.connect(self.add_dialog)
        self.btn_edit = QPushButton(self.tr("修改…"), self)
        self.btn_edit.setToolTip(self.tr("修改所选专家的信息（也可双击该行）"))
        self.btn_edit.clicked.connect(self.edit_dialog)
        self.btn_active = QPushButton(self.tr("停用…"), self)
        self.btn_active.setToolTip(self.tr("停用的专家保留在专家库中，但不再被抽取或加入评审组；可随时重新启用"))
        self.btn_active.clicked.connect(self.toggle_active)
        self.table.doubleClicked.connect(lambda _i: self.edit_dialog())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.count = QLabel(self)
        # Suspected duplicates (issue 20): one person under two 专家编号, merged by the secretary.
        self.dup_label = QLabel(self)
        self.dup_label.setTextFormat(Qt.PlainText)
        self.dup_label.setStyleSheet("color: #b26a00;")
        self.dup_list = QListWidget(self)
        self.dup_list.currentRowChanged.connect(lambda *_: self._enable())
        self.dup_list.itemDoubleClicked.connect(lambda _i: self.merge_selected())
        self.btn_merge = QPushButton(self.tr("合并…"), self)
        self.btn_merge.setToolTip(self.tr("核实是同一人后，把所选的两位专家合并为一位（记入审计日志）"))
        self.btn_merge.clicked.connect(self.merge_selected)
        self.dup_box = QWidget(self)
        dup = QVBoxLayout(self.dup_box)
        dup.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.dup_label, 1)
        head.addWidget(self.btn_merge)
        dup.addLayout(head)
        dup.addWidget(self.dup_list)
        self.duplicates: list[SuspectedDuplicate] = []
        self.merge_box: QMessageBox | None = None
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for b in (self.btn_add, self.btn_edit, self.btn_active):
            top.addWidget(b)
        top.addSpacing(12)
        for b in (self.btn_import, self.btn_export, self.btn_template):
            top.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.dup_box)
        lay.addWidget(self.count)
        self.last_report: xlsx.RosterImportReport | None = None
        self.report_dialog: RosterImportDialog | None = None
        self.edit_dlg: ExpertEditDialog | None = None
        self.reload()

    @property
    def experts(self):
        return self.model.rows

    def title(self) -> str:
        return self.tr("专家库")

    def status_text(self) -> str:
        off = sum(not e.active for e in self.model.rows)
        text = self.tr("专家库：%1 位专家").replace("%1", str(len(self.model.rows)))
        return text + (self.tr("（其中停用 %1 位）").replace("%1", str(off)) if off else "")

    def set_session(self, _session_id) -> None:
        """The roster spans sessions: nothing to do (its changes arrive as notices)."""

    def refresh(self) -> None:
        """The roster changed (an import here, another process): the table anew, row kept."""
        self.reload()

    # -- table ---------------------------------------------------------------------------

    def current_expert(self) -> ExpertInfo | None:
        idx = self.table.currentIndex()
        return self.proxy.data(idx, Qt.UserRole) if idx.isValid() else None

    def current_key(self) -> str | None:
        idx = self.table.currentIndex()
        return self.proxy.data(idx, Qt.UserRole).roster_key if idx.isValid() else None

    def reload(self) -> None:
        keep = self.current_key()
        bar = self.table.verticalScrollBar()
        scroll = bar.value()
        self.model.set_rows(list_experts(self.win.store))
        self.size_columns()
        if keep is not None and (r := self.model.row_of(keep)) >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(r, 0)))
        bar.setValue(scroll)
        self._show_duplicates()
        self._count()
        self._enable()

    def _show_duplicates(self) -> None:
        keep = self.dup_list.currentRow()
        self.duplicates = suspected_duplicates(self.model.rows)
        self.dup_list.clear()
        for d in self.duplicates:
            item = QListWidgetItem(data(render(d.msg())), self.dup_list)
            item.setToolTip(self.tr("核实是同一人后点“合并…”；确是两个人时请核对手机与电子邮箱"))
        self.dup_label.setText(self.tr("疑似重复：%1 对（姓名相同，且手机或电子邮箱相同，或同单位且有一方未填手机）")
                               .replace("%1", str(len(self.duplicates))))
        self.dup_box.setVisible(bool(self.duplicates))
        rows = min(max(len(self.duplicates), 1), 4)  # up to four pairs in view, the rest scrolls
        row_h = self.dup_list.sizeHintForRow(0) if self.duplicates else self.fontMetrics().height() + 6
        self.dup_list.setFixedHeight(rows * max(row_h, 1) + 2 * self.dup_list.frameWidth() + 4)
        if self.duplicates:
            self.dup_list.setCurrentRow(min(max(keep, 0), len(self.duplicates) - 1))

    def size_columns(self) -> None:
        """Columns to their contents within bounds, the unit over the rest (ui/column_fit.py)."""
        self.columns.to_contents()

    def _enable(self) -> None:
        e = self.current_expert()
        self.btn_edit.setEnabled(e is not None)
        self.btn_active.setEnabled(e is not None)
        self.btn_active.setText(self.tr("启用…") if e is not None and not e.active else self.tr("停用…"))
        self.btn_merge.setEnabled(self.current_duplicate() is not None)

    # -- suspected duplicates --------------------------------------------------------------

    def current_duplicate(self) -> SuspectedDuplicate | None:
        row = self.dup_list.currentRow()
        return self.duplicates[row] if 0 <= row < len(self.duplicates) else None

    def merge_selected(self) -> None:
        """Ask which of the pair to keep (with what a merge does), then merge through the runner."""
        d = self.current_duplicate()
        if d is None:
            return
        box = QMessageBox(QMessageBox.Question, self.tr("合并专家"), "", QMessageBox.NoButton, self)
        box.setTextFormat(Qt.PlainText)
        box.setText(self.tr("%1\n\n合并后，被并入的专家的评审组成员身份、评审分配与回避记录转到保留的专家；保留的专家空缺的"
                            "职称、手机、电子邮箱由被并入的专家补上，专业领域与回避单位/人员两者合并；然后被并入的专家从专家库"
                            "删除。已有评分或评审包的专家只能作为保留的一方。合并记入审计日志，不能撤销。\n\n保留哪一位？")
                    .replace("%1", data(render(d.msg()))))
        keep_a = box.addButton(self.tr("保留 %1，并入 %2").replace("%1", data(d.a.roster_key))
                               .replace("%2", data(d.b.roster_key)), QMessageBox.AcceptRole)
        keep_b = box.addButton(self.tr("保留 %1，并入 %2").replace("%1", data(d.b.roster_key))
                               .replace("%2", data(d.a.roster_key)), QMessageBox.AcceptRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.merge_box = box
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep_a:
            self.merge(d.a.id, d.b.id)
        elif clicked is keep_b:
            self.merge(d.b.id, d.a.id)

    def merge(self, keep: int, drop: int) -> bool:
        try:
            res = self._save(merge_experts, keep, drop)
        except StoreError as err:
            QMessageBox.warning(self, self.tr("合并专家"), plain(text_of(err)[0]))
            return False
        if (r := self.model.row_of(res.keep_key)) >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(r, 0)))
        self.win.statusBar().showMessage(render(res.msg()), 15000)
        return True

    # -- one expert ----------------------------------------------------------------------

    def _save(self, fn, *args) -> ExpertInfo:
        """One core write through the runner (its notice refreshes this page and the panels page)."""
        return self.win.ops.call(fn, self.win.store, *args, initiator=self)

    def add_dialog(self) -> None:
        self.edit_dlg = ExpertEditDialog(lambda v: self._save(edit_core.add_expert, v), None, self)
        if self.edit_dlg.exec() == QDialog.Accepted:
            self._saved(self.edit_dlg.saved, self.tr("已新增专家 %1"))

    def edit_dialog(self) -> None:
        e = self.current_expert()
        if e is None:
            return
        self.edit_dlg = ExpertEditDialog(lambda v: self._save(edit_core.update_expert, e.id, v), e, self)
        if self.edit_dlg.exec() == QDialog.Accepted:
            self._saved(self.edit_dlg.saved, self.tr("已保存专家 %1 的信息"))

    def _saved(self, e: ExpertInfo, text: str) -> None:
        if (r := self.model.row_of(e.roster_key)) >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(r, 0)))
        self.win.statusBar().showMessage(text.replace("%1", data(f"{e.name}（{e.roster_key}）")), 10000)

    def toggle_active(self) -> None:
        """停用 asks for a reason (optional, kept in the audit log); 启用 too."""
        e = self.current_expert()
        if e is None:
            return
        title = self.tr("启用专家") if not e.active else self.tr("停用专家")
        prompt = (self.tr("重新启用 %1：原因（可不填，记入审计日志）") if not e.active else
                  self.tr("停用 %1：停用后不再被抽取或加入评审组，已有的评审组和评分不受影响。原因（可不填，记入审计日志）"))
        reason, ok = QInputDialog.getText(self, title, plain(prompt.replace("%1", data(f"{e.name}（{e.roster_key}）"))))
        if ok:
            self.set_active(e.id, not e.active, reason)

    def set_active(self, expert_id: int, active: bool, reason: str = "") -> bool:
        try:
            e = self._save(edit_core.set_expert_active, expert_id, active, reason)
        except StoreError as err:
            QMessageBox.warning(self, self.tr("停用专家") if not active else self.tr("启用专家"),
                                plain(text_of(err)[0]))
            return False
        self._saved(e, self.tr("已启用专家 %1") if active else self.tr("已停用专家 %1"))
        return True

    def _apply_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._count()

    def _count(self) -> None:
        self.count.setText(self.tr("专家库共 %1 位专家，显示 %2 位").replace("%1", str(self.model.rowCount()))
                           .replace("%2", str(self.proxy.rowCount())))

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
        """Workbook reading can take seconds on a big roster: off the UI thread. The table is
        refreshed by the change notice (nothing added: nothing re-read)."""
        self.win.ops.run(self.tr("导入专家库"), xlsx.import_roster, self.win.store, path, done=self._imported,
                         initiator=self)

    def _imported(self, report: xlsx.RosterImportReport) -> None:
        self.last_report = report
        self.win.statusBar().showMessage(self.tr("专家库导入：%1").replace("%1", report.summary()), 15000)
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
        self.win.ops.run(self.tr("导出专家库"), self.win.ops.job(xlsx.export_roster), self.win.store, path,
                         done=lambda n: self.win.statusBar().showMessage(
                             self.tr("已导出 %1 位专家到 %2").replace("%1", str(n)).replace("%2", str(path)), 15000),
                         initiator=self)

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
