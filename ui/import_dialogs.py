"""Import progress (cancellable) and the per-file result dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QProgressDialog,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from nn_review.services.importer import BatchReport

from .long_message import LongMessageDialog
from .plain import data, plain

OUTCOME_COLOURS = {"imported": "#1e7d32", "replaced": "#1e7d32", "duplicate": "#b26a00", "refused": "#c62828",
                   "cancelled": "#666666", "failed": "#c62828"}


class ImportProgress(QProgressDialog):
    SCALE = 1000  # bytes are mapped onto 0..1000 so that files over 2 GiB fit an int

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入申报包"))
        self.setLabelText(self.tr("正在准备…"))
        self.setCancelButtonText(self.tr("取消"))
        self.setRange(0, self.SCALE)
        self.setMinimumDuration(300)
        self.setWindowModality(Qt.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(480)

    def update_progress(self, done: int, total: int, name: str) -> None:
        self.setValue(done * self.SCALE // total if total else 0)
        self.setLabelText(plain(self.tr("正在导入：%1").replace("%1", data(name))))


class ImportResultDialog(QDialog):
    """One row per file: the outcome, the file, and what happened in plain words with what to do;
    the technical detail (manifest field, refusal code) in the row's tooltip and behind 详细信息…
    (issue 15 item 8), in the UI's language (item 12)."""

    def __init__(self, report: BatchReport, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        labels = {"imported": self.tr("已导入"), "replaced": self.tr("已替换"), "duplicate": self.tr("重复"),
                  "refused": self.tr("拒收"), "cancelled": self.tr("已取消"), "failed": self.tr("失败")}
        self.labels = labels
        summary = QLabel(report.summary() if report.results else self.tr("没有文件"), self)
        summary.setTextFormat(Qt.PlainText)
        self.table = QTableWidget(len(report.results), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("结果"), self.tr("文件"), self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.Stretch)
        self.lines: list[str] = []
        # Problems first: a refused file must not hide below a screenful of successes.
        rank = {"refused": 0, "failed": 0, "duplicate": 1, "cancelled": 2}
        self.rows = sorted(report.results, key=lambda r: rank.get(r.outcome, 3))
        for i, r in enumerate(self.rows):
            name = r.file.replace("\\", "/").rsplit("/", 1)[-1]
            text = r.text()
            warnings = r.warning_texts()
            if warnings:
                text += "\n" + "\n".join(f"! {w}" for w in warnings)
            outcome = QTableWidgetItem(labels[r.outcome])
            outcome.setForeground(QBrush(QColor(OUTCOME_COLOURS[r.outcome])))
            self.table.setItem(i, 0, outcome)
            self.table.setItem(i, 1, QTableWidgetItem(data(name)))
            item = QTableWidgetItem(data(text))
            if r.detail:
                item.setToolTip(plain(self.tr("技术细节：%1").replace("%1", data(r.detail))))
            self.table.setItem(i, 2, item)
            self.lines.append(f"[{labels[r.outcome]}] {r.file}\t{text}" + (f"\t({r.detail})" if r.detail else ""))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.show_details(row))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.details_button = buttons.addButton(self.tr("详细信息…"), QDialogButtonBox.ActionRole)
        self.details_button.setToolTip(self.tr("所选文件的完整说明和技术细节（字段位置、错误代码）"))
        self.details_button.clicked.connect(lambda: self.show_details(self.table.currentRow()))
        copy = buttons.addButton(self.tr("复制到剪贴板"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        lay = QVBoxLayout(self)
        lay.addWidget(summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        if self.rows:
            self.table.selectRow(0)
        self.resize(960, 480)

    def details(self, row: int) -> LongMessageDialog | None:
        """The dialog 详细信息… shows for ``row`` (not yet shown)."""
        if not 0 <= row < len(self.rows):
            return None
        r = self.rows[row]
        name = r.file.replace("\\", "/").rsplit("/", 1)[-1]
        level = {"refused": "error", "failed": "error", "duplicate": "warning", "cancelled": "warning"}.get(r.outcome, "info")
        detail = "\n".join(x for x in (r.file, r.detail) if x)
        return LongMessageDialog(self, f"{self.labels[r.outcome]} — {name}", r.text(), r.warning_texts(),
                                 detail=detail, level=level)

    def show_details(self, row: int) -> None:
        dlg = self.details(row)
        if dlg is not None:
            dlg.exec()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.lines))
