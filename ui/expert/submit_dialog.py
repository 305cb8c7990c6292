"""Submit (提交评分): validate every application, allow a clearly marked partial return, write the
signed ``.nnscore`` into a folder the expert picks (a USB stick), and show what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout)

from nn_review.expert import WorkspaceError
from nn_review.expert.texts import problem_msg
from nn_review.i18n import render

from .common import error_text


def _label(text: str, parent, style: str = "") -> QLabel:
    lb = QLabel(text, parent)
    lb.setWordWrap(True)
    lb.setTextFormat(Qt.PlainText)
    lb.setStyleSheet(style)
    return lb


class SubmitDialog(QDialog):
    def __init__(self, ws, bundle_id: str, folder: str = "", parent=None):
        super().__init__(parent)
        self.ws, self.bundle_id = ws, bundle_id
        self.result_value = None
        self.setWindowTitle(self.tr("提交评分：导出签名评分文件"))
        self.setMinimumWidth(640)
        b = ws.bundle(bundle_id)
        r = ws.export_readiness(bundle_id)
        self.readiness = r
        lay = QVBoxLayout(self)
        lay.addWidget(_label(self.tr("%1 — 专家 %2").replace("%1", b.session_name).replace("%2", b.expert_name), self,
                             "font-weight: bold; font-size: 14px;"))
        nxt = (b.last_revision or 0) + 1
        lay.addWidget(_label(self.tr("已完成（含回避）%1 / %2 项。本次导出为修订 r%3").replace("%1", str(len(r.ready)))
                             .replace("%2", str(b.app_count)).replace("%3", str(nxt))
                             + (self.tr("（此前已导出 r%1，评审秘书以最后导入的修订为准）").replace("%1", str(b.last_revision))
                                if b.last_revision else self.tr("。")), self))
        self.missing = QPlainTextEdit(self)
        self.missing.setReadOnly(True)
        self.partial = QCheckBox(self)
        if r.missing:
            lay.addWidget(_label(self.tr("以下 %1 项尚未完成：").replace("%1", str(len(r.missing))), self,
                                 "color: #b71c1c; font-weight: bold;"))
            form_of = ws.form_for
            drafts = ws.drafts(bundle_id)
            self.missing.setPlainText("\n".join(f"{aid}  {title}\n    " + "\n    ".join(
                render(problem_msg(form_of(bundle_id, aid), p, drafts.get(aid))) for p in probs)
                                                for aid, title, probs in r.missing))
            lay.addWidget(self.missing)
            self.partial.setText(self.tr("部分交回：只交回已完成和已回避的 %1 项（文件名标注“部分”，之后可再导出完整的新修订）")
                                 .replace("%1", str(len(r.ready))))
            self.partial.setEnabled(bool(r.ready))
            lay.addWidget(self.partial)
        else:
            self.missing.hide()
            self.partial.hide()
        row = QHBoxLayout()
        self.folder = QLineEdit(folder or str(Path.home()), self)
        browse = QPushButton(self.tr("选择文件夹…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel(self.tr("保存到"), self))
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        self.message = _label("", self)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message.hide()
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Close, self)
        self.export_button = self.buttons.button(QDialogButtonBox.Ok)
        self.export_button.setText(self.tr("签名并导出"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.partial.toggled.connect(self._update)
        self._update()

    def _update(self, *_):
        self.export_button.setEnabled(self.result_value is None and (not self.readiness.missing
                                                                      or self.partial.isChecked()))

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("选择保存评分文件的文件夹（如 U 盘）"), self.folder.text())
        if d:
            self.folder.setText(d)

    def export(self) -> None:
        try:
            res = self.ws.export(self.bundle_id, self.folder.text().strip(), partial=self.partial.isChecked())
        except WorkspaceError as e:
            self.message.setStyleSheet("color: #b71c1c;")
            self.message.setText(error_text(e))
            self.message.show()
            return
        self.result_value = res
        self.message.setStyleSheet("color: #1e7d32;")
        self.message.setText(
            self.tr("已导出修订 r%1（%2/%3 项%4）：\n%5\n专家签名密钥指纹：%6\n请将此文件交回评审秘书。")
            .replace("%1", str(res.revision)).replace("%2", str(res.reviewed)).replace("%3", str(res.total))
            .replace("%4", self.tr("，部分交回") if res.partial else "").replace("%5", str(res.path))
            .replace("%6", res.key_fingerprint))
        self.message.show()
        self._update()
