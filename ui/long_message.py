"""A message with many lines (a refusal listing 30 applications, an import summary): a summary
on top, the lines in a scrollable read-only box, a copy button, and the technical detail
folded away (issue 15 items 8 and 11). A QMessageBox cannot scroll its text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QStyle, QToolButton, QVBoxLayout, QHBoxLayout)

from .plain import plain_label

_ICONS = {"info": QStyle.SP_MessageBoxInformation, "warning": QStyle.SP_MessageBoxWarning,
          "error": QStyle.SP_MessageBoxCritical}


class LongMessageDialog(QDialog):
    def __init__(self, parent, title: str, summary: str, lines: Iterable[str] = (), *,
                 detail: str = "", level: str = "warning") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.lines = [str(x) for x in lines]
        self.detail = detail
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(_ICONS.get(level, QStyle.SP_MessageBoxWarning)).pixmap(32, 32))
        head.addWidget(icon)
        self.summary = plain_label(QLabel(summary, self))
        self.summary.setWordWrap(True)
        head.addWidget(self.summary, 1)
        lay.addLayout(head)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setPlainText("\n".join(self.lines))
        self.body.setVisible(bool(self.lines))
        lay.addWidget(self.body, 1)
        self.detail_box = QPlainTextEdit(self)
        self.detail_box.setReadOnly(True)
        self.detail_box.setPlainText(detail)
        self.detail_box.setVisible(False)
        self.detail_box.setMaximumHeight(120)
        if detail:
            self.toggle = QToolButton(self)
            self.toggle.setText(self.tr("技术细节"))
            self.toggle.setCheckable(True)
            self.toggle.toggled.connect(self.detail_box.setVisible)
            lay.addWidget(self.toggle)
        lay.addWidget(self.detail_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.copy_button = QPushButton(self.tr("复制全部"), self)
        self.copy_button.setShortcut(QKeySequence.Copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 420 if self.lines else 200)

    def text(self) -> str:
        parts = [self.summary.text(), *self.lines]
        if self.detail:
            parts += ["", self.detail]
        return "\n".join(parts)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


def show_long_message(parent, title: str, summary: str, lines: Iterable[str] = (), *,
                      detail: str = "", level: str = "warning") -> LongMessageDialog:
    """Shown modal (exec); returned for tests that drive it with a timer."""
    dlg = LongMessageDialog(parent, title, summary, lines, detail=detail, level=level)
    dlg.exec()
    return dlg
