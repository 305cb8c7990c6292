"""Small dialogs of the expert app: the workspace passphrase, opening a bundle, recusal, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout)

from nn_review.expert.workspace_core import NOT_YET
from nn_review.keys import MIN_PASSPHRASE, normalize_fingerprint

from ..worker import Task
from .common import error_text


def _mono() -> QFont:
    f = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    f.setPointSize(max(f.pointSize(), 11))
    return f


def _label(text: str, parent, style: str = "") -> QLabel:
    lb = QLabel(text, parent)
    lb.setWordWrap(True)
    lb.setTextFormat(Qt.PlainText)
    if style:
        lb.setStyleSheet(style)
    return lb


class PassphraseDialog(QDialog):
    """Unlock the workspace, or (first run without a keyring) set its passphrase after the explanation."""

    def __init__(self, creating: bool, notice: str = "", error: str = "", parent=None):
        super().__init__(parent)
        self.creating = creating
        self.setWindowTitle(self.tr("设置专家工作区口令") if creating else self.tr("解锁专家工作区"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        if creating:
            head = _label(self.tr("为什么需要口令"), self, "font-weight: bold; font-size: 14px;")
            lay.addWidget(head)
            self.notice = _label(notice, self, "background: #fff8e1; border: 1px solid #e0c060; padding: 8px;")
            lay.addWidget(self.notice)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("口令") if not creating else self.tr("设置口令（至少 %1 个字符）").replace("%1", str(MIN_PASSPHRASE)),
                    self.first)
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.Password)
        if creating:
            form.addRow(self.tr("再次输入"), self.second)
        else:
            self.second.hide()
        lay.addLayout(form)
        self.error = _label(error, self, "color: #b71c1c;")
        self.error.setVisible(bool(error))
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def passphrase(self) -> str:
        return self.first.text()

    def _ok(self) -> None:
        if self.creating:
            if len(self.first.text()) < MIN_PASSPHRASE:
                return self._fail(self.tr("口令至少 %1 个字符").replace("%1", str(MIN_PASSPHRASE)))
            if self.first.text() != self.second.text():
                return self._fail(self.tr("两次输入的口令不一致"))
        elif not self.first.text():
            return self._fail(self.tr("请输入口令"))
        self.accept()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class OpenBundleDialog(QDialog):
    """Shows whom a bundle is for and who signed it (cleartext header), asks for the password, and
    adds it to the workspace in a worker thread; refusals are shown here and the dialog stays open."""

    def __init__(self, ws, peek, parent=None):
        super().__init__(parent)
        self.ws, self.peek = ws, peek
        self.result_value = None
        self.task: Task | None = None
        self.setWindowTitle(self.tr("打开评审包"))
        self.setMinimumWidth(600)
        lay = QVBoxLayout(self)
        info = QFormLayout()
        info.addRow(self.tr("文件"), _label(peek.path.name, self))
        info.addRow(self.tr("评审批次"), _label(peek.session_name, self))
        info.addRow(self.tr("评审专家"), _label(peek.expert_name, self))
        info.addRow(self.tr("制作时间"), _label(peek.created_at.replace("T", " ").replace("Z", " UTC"), self))
        fpr = _label(peek.secretary_fingerprint, self)
        fpr.setFont(_mono())
        fpr.setTextInteractionFlags(Qt.TextSelectableByMouse)
        info.addRow(self.tr("签发密钥指纹"), fpr)
        lay.addLayout(info)
        pins = ws.trusted_secretaries()
        if peek.trusted:
            hint = self.tr("✓ 签发密钥与此前核对过的秘书密钥一致。")
            style = "color: #1e7d32;"
        elif pins:
            hint = self.tr("⚠ 签发密钥与此前核对过的秘书密钥不同：请输入本次任务通知书上印的秘书密钥指纹。")
            style = "color: #b71c1c;"
        else:
            hint = self.tr("首次使用：请核对上面的签发密钥指纹与任务通知书上印的一致，并在下方输入（强烈建议）。")
            style = "color: #8a6d00;"
        lay.addWidget(_label(hint, self, style))
        form = QFormLayout()
        self.password = QLineEdit(self)
        self.password.setFont(_mono())
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("如 8LM4X-WAJNN-84M4N-UMPTP（不区分大小写）"))
        form.addRow(self.tr("评审包密码"), self.password)
        self.show_pw = QCheckBox(self.tr("显示密码"), self)
        self.show_pw.toggled.connect(lambda on: self.password.setEchoMode(QLineEdit.Normal if on else QLineEdit.Password))
        form.addRow("", self.show_pw)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setFont(_mono())
        self.fingerprint.setPlaceholderText(self.tr("任务通知书上的秘书密钥指纹（可选）"))
        form.addRow(self.tr("秘书密钥指纹"), self.fingerprint)
        self.match = _label("", self)
        form.addRow("", self.match)
        self.fingerprint.textChanged.connect(self._compare)
        lay.addLayout(form)
        self.error = _label("", self, "color: #b71c1c; font-weight: bold;")
        self.error.hide()
        lay.addWidget(self.error)
        self.busy = _label(self.tr("正在验证签名并解密，请稍候…"), self, "color: #555;")
        self.busy.hide()
        lay.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("打开"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.password.setFocus()

    def _compare(self, text: str) -> None:
        """Typed from the letter: say at once whether it matches the key that signed this file."""
        try:
            ok = normalize_fingerprint(text) == self.peek.secretary_fingerprint if text.strip() else None
        except ValueError:
            ok = None if len(text.replace(" ", "")) < 32 else False
        self.match.setText("" if ok is None else self.tr("✓ 与签发密钥一致") if ok else
                           self.tr("✗ 与签发密钥不一致：请勿使用此评审包，并联系评审秘书"))
        self.match.setStyleSheet("color: #1e7d32;" if ok else "color: #b71c1c; font-weight: bold;")

    def start(self) -> None:
        if not self.password.text().strip():
            return self._fail(self.tr("请输入任务通知书上的评审包密码"))
        self.error.hide()
        self.busy.show()
        self.buttons.setEnabled(False)
        path, pw, fpr = self.peek.path, self.password.text(), self.fingerprint.text().strip() or None

        def run(progress, cancel):
            try:
                return self.ws.add_bundle(path, pw, trusted_fingerprint=fpr)
            except Exception as e:  # the refusal in the window's language where the core gave one
                if getattr(e, "msg", None) is not None or getattr(e, "problem", None) is not None:
                    raise RuntimeError(error_text(e)) from e
                raise
        self.task = Task(run, self)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _done(self, result) -> None:
        self.task = None
        self.result_value = result
        self.accept()

    def _failed(self, message: str) -> None:
        self.task = None
        self.busy.hide()
        self.buttons.setEnabled(True)
        self._fail(message.split("\n\n", 1)[0])  # the refusal, without the trace
        self.password.selectAll()
        self.password.setFocus()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reject(self) -> None:
        if self.task is None:
            super().reject()


class RecusalDialog(QDialog):
    def __init__(self, application_id: str, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("申请回避"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        lay.addWidget(_label(self.tr("申报 %1“%2”").replace("%1", application_id).replace("%2", title), self,
                             "font-weight: bold;"))
        lay.addWidget(_label(self.tr("与申报单位、合作单位或项目成员存在利害关系时应申请回避。回避后该申报不评分，"
                                     "在评分文件和评分表中显示为“回避”及理由，不计入本人评分。"), self))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("回避理由（必填），如：本人在申报单位兼职"))
        self.reason.setTabChangesFocus(True)
        lay.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("申请回避"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.reason.toPlainText().strip()))

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class ExpertSettingsDialog(QDialog):
    """Where the workspace is, how its keys are kept, the key fingerprints (to read out to the secretary)."""

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置与密钥"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("工作区文件夹"), _label(str(ws.root), self))
        storage = (self.tr("系统钥匙串（操作系统保管私钥和数据密钥）") if ws.key_storage == "keyring" else
                   self.tr("口令加密的密钥文件（本机没有可用的系统钥匙串；每次启动需输入口令）"))
        form.addRow(self.tr("密钥保存方式"), _label(storage, self))
        lay.addLayout(form)
        lay.addWidget(_label(self.tr("专家签名密钥指纹（评审秘书首次导入您的评分文件时登记；更换电脑后请告知秘书新指纹）："),
                             self, "font-weight: bold;"))
        self.fingerprints = []
        for eid, name, fpr in ws.fingerprints():
            fpr = self.tr("（尚未生成）") if fpr == NOT_YET else fpr
            lb = _label(self.tr("%1（编号 %2）").replace("%1", name).replace("%2", str(eid)) + f"  {fpr}", self)
            lb.setFont(_mono())
            lb.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.fingerprints.append(fpr)
            lay.addWidget(lb)
        if not self.fingerprints:
            lay.addWidget(_label(self.tr("尚未打开评审包：打开第一个评审包时生成签名密钥。"), self))
        else:
            lay.addWidget(_label(self.tr("PDF 签名证书指纹（签署个人评分表和组长签署结果表；随评分文件交给秘书登记）："),
                                 self, "font-weight: bold;"))
            for eid, name, fpr in ws.pdf_fingerprints():
                fpr = self.tr("（尚未生成）") if fpr == NOT_YET else fpr
                lb = _label(self.tr("%1（编号 %2）").replace("%1", name).replace("%2", str(eid)) + f"  {fpr}", self)
                lb.setFont(_mono())
                lb.setTextInteractionFlags(Qt.TextSelectableByMouse)
                lay.addWidget(lb)
        lay.addWidget(_label(self.tr("已核对的秘书签名密钥："), self, "font-weight: bold;"))
        for f in ws.trusted_secretaries() or [self.tr("（尚无）")]:
            lb = _label(f, self)
            lb.setFont(_mono())
            lay.addWidget(lb)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def is_bundle(path: Path) -> bool:
    return path.suffix.lower() == ".nnrb"


__all__ = ["OpenBundleDialog", "PassphraseDialog", "RecusalDialog", "ExpertSettingsDialog", "is_bundle"]
