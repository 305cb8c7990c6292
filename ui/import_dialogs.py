"""Import progress (cancellable) and the per-file result dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QProgressDialog,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from nn_review.services.importer import BatchReport

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
    def __init__(self, report: BatchReport, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入结果"))
        labels = {"imported": self.tr("已导入"), "replaced": self.tr("已替换"), "duplicate": self.tr("重复"),
                  "refused": self.tr("拒收"), "cancelled": self.tr("已取消"), "failed": self.tr("失败")}
        c = report.counts
        summary = QLabel("，".join(f"{labels[k]} {c[k]}" for k in labels if c[k]) or self.tr("没有文件"), self)
        summary.setTextFormat(Qt.PlainText)
        self.table = QTableWidget(len(report.results), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("结果"), self.tr("文件"), self.tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.Stretch)
        self.lines: list[str] = []
        # Problems first: a refused file must not hide below a screenful of successes.
        rank = {"refused": 0, "failed": 0, "duplicate": 1, "cancelled": 2}
        ordered = sorted(report.results, key=lambda r: rank.get(r.outcome, 3))
        for i, r in enumerate(ordered):
            name = r.file.replace("\\", "/").rsplit("/", 1)[-1]
            detail = r.message
            if r.field:
                detail = f"{r.field}：{detail}"
            if r.code and r.outcome in ("refused", "failed"):
                detail += f"（{r.code}）"
            if r.warnings:
                detail += "\n" + "\n".join(f"！{w}" for w in r.warnings)
            outcome = QTableWidgetItem(labels[r.outcome])
            outcome.setForeground(QBrush(QColor(OUTCOME_COLOURS[r.outcome])))
            self.table.setItem(i, 0, outcome)
            self.table.setItem(i, 1, QTableWidgetItem(data(name)))
            self.table.setItem(i, 2, QTableWidgetItem(data(detail)))
            self.lines.append(f"[{labels[r.outcome]}] {r.file}\t{detail}")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        copy = buttons.addButton(self.tr("复制到剪贴板"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        lay = QVBoxLayout(self)
        lay.addWidget(summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(960, 480)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.lines))
