"""What the expert sees before any bundle is open: one large "打开评审包…" action and one line on
where the password is (the assignment letter). Nothing else: no empty table, no disabled form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    open_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.open_button = QPushButton(self.tr("打开评审包…"), self)
        self.open_button.setDefault(True)
        self.open_button.setMinimumSize(320, 64)
        self.open_button.setStyleSheet(
            "QPushButton { font-size: 20px; font-weight: bold; color: white; background: #1565c0;"
            " border: none; border-radius: 8px; padding: 12px 36px; }"
            "QPushButton:hover { background: #1976d2; } QPushButton:focus { border: 3px solid #0d2a52; }")
        self.open_button.setToolTip(self.tr("选择秘书发来的 .nnrb 评审包（Ctrl+O），也可以把文件拖到窗口中"))
        self.open_button.clicked.connect(self.open_requested)
        self.where = QLabel(self.tr("打开评审包需要密码：密码印在评审秘书交给您的专家评审任务书（分配函）上。"), self)
        self.where.setWordWrap(True)
        self.where.setAlignment(Qt.AlignCenter)
        self.where.setStyleSheet("font-size: 14px; color: #37474f;")
        column = QWidget(self)  # a fixed-width column: a wrapped label under an alignment flag is clipped
        column.setFixedWidth(560)
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.open_button)
        col.addSpacing(18)
        col.addWidget(self.where)
        _centre(self, column)


class RemovedState(QWidget):
    """In place of the documents and the form when a bundle's documents were removed after export:
    what is left (the signed score record) and what can still be done with it (the personal sheet)."""

    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.PlainText)
        self.text.setStyleSheet("font-size: 14px; color: #37474f;")
        self.print_button = QPushButton(self.tr("打印个人评分表…"), self)
        self.print_button.clicked.connect(self.print_requested)
        self.save_button = QPushButton(self.tr("保存个人评分表 PDF…"), self)
        self.save_button.clicked.connect(self.save_requested)
        column = QWidget(self)
        column.setFixedWidth(560)
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.text)
        col.addSpacing(12)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        col.addLayout(buttons)
        _centre(self, column)

    def show_revision(self, revision) -> None:
        self.text.setText(self.tr("此评审包的材料已在导出后删除，只保留了已签名的评分记录（r%1）。可打印个人评分表。")
                          .replace("%1", str(revision)))


def _centre(page: QWidget, column: QWidget) -> None:
    """``column`` in the middle of ``page``, a little above the centre (as a welcome screen)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column)
    row.addStretch(1)
    lay = QVBoxLayout(page)
    lay.addStretch(2)
    lay.addLayout(row)
    lay.addStretch(3)
