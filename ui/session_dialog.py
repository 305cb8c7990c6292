"""New review session (评审批次) dialog."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QMessageBox)

from nn_review.services.guides import EditionInfo
from nn_review.services.sessions import FORMS


class NewSessionDialog(QDialog):
    def __init__(self, editions: list[EditionInfo], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建评审批次"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("例如：2025年度南宁市科技计划项目评审"))
        self.edition = QComboBox(self)
        for e in editions:
            self.edition.addItem(self.tr("%1（%2 个项目）").replace("%1", e.title).replace("%2", str(e.items)),
                                 (e.edition, e.version))
            self.edition.setItemData(self.edition.count() - 1, self.tr("申报指南版本：%1").replace(
                "%1", f"{e.edition} v{e.version}"), Qt.ToolTipRole)
        self.form = QComboBox(self)
        for key, label in FORMS.items():
            self.form.addItem(label, key)
        today = QDate.currentDate()
        self.start = QDateEdit(today, self)
        self.end = QDateEdit(today.addDays(30), self)
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        lay = QFormLayout(self)
        lay.addRow(self.tr("批次名称"), self.name)
        lay.addRow(self.tr("申报指南"), self.edition)
        lay.addRow(self.tr("评审表"), self.form)
        lay.addRow(self.tr("开始日期"), self.start)
        lay.addRow(self.tr("结束日期"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("创建"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def _accept(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写批次名称。"))
            return
        if self.end.date() < self.start.date():
            QMessageBox.warning(self, self.windowTitle(), self.tr("结束日期不能早于开始日期。"))
            return
        self.accept()

    def values(self) -> dict:
        edition, version = self.edition.currentData()
        return {"name": self.name.text().strip(), "edition": edition, "version": version,
                "form": self.form.currentData(), "start": self.start.date().toPython(),
                "end": self.end.date().toPython()}
