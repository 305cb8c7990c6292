"""Dialogs of the signer identity: the signer profile (asked once before the first signature,
changed in Settings), the secretary's key passphrase (asked once per run, from any thread),
and the key backup/restore of the File menu. The work is in nn_review.signer / secretary_keys."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QVBoxLayout, QWidget)

from nn_review import keys as K
from nn_review import secretary_keys as SK
from nn_review.i18n import text_of
from nn_review.signer import SignerError, get_profile, set_profile

from .plain import data, plain


class SignerFields(QWidget):
    """Name, title and unit: used by the first-signing dialog and the Settings section."""

    def __init__(self, parent=None, profile=None):
        super().__init__(parent)
        self.name, self.title, self.unit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name.setPlaceholderText(self.tr("真实姓名，如 韦丽华"))
        self.title.setPlaceholderText(self.tr("职务，如 科员"))
        self.unit.setPlaceholderText(self.tr("单位，如 南宁市科学技术局"))
        if profile is not None:
            self.name.setText(profile.name)
            self.title.setText(profile.title)
            self.unit.setText(profile.unit)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("职务"), self.title)
        form.addRow(self.tr("单位"), self.unit)

    def values(self) -> tuple[str, str, str]:
        return self.name.text(), self.title.text(), self.unit.text()

    def changed_from(self, profile) -> bool:
        now = tuple(" ".join(v.split()) for v in self.values())
        return profile is None and any(now) or profile is not None and now != (profile.name, profile.title,
                                                                                 profile.unit)

    def save(self, store) -> bool:
        """Store the profile; a refusal is shown and False returned (the dialog stays open)."""
        try:
            set_profile(store, *self.values())
        except SignerError as e:
            QMessageBox.warning(self, self.tr("签名人资料"), plain(str(e)))
            return False
        return True


class SignerProfileDialog(QDialog):
    """Asked once before the secretary's first signature."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("签名人资料"))
        intro = QLabel(self.tr("数字签名要写明签名人。请填写您的真实姓名、职务和单位：它们写入签名证书，显示在"
                               "每份签名的评审表上。以后可在“设置”中更改（证书将重新签发，旧证书保留，"
                               "已签名的评审表仍可核验）。"), self)
        intro.setWordWrap(True)
        self.fields = SignerFields(self, get_profile(store))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.fields)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        if self.fields.save(self.store):
            super().accept()


def ensure_signer_profile(parent, store) -> bool:
    """True when the signer profile exists (asked now if not); False when the user cancelled."""
    if get_profile(store) is not None:
        return True
    return SignerProfileDialog(store, parent).exec() == QDialog.Accepted and get_profile(store) is not None


class PassphraseDialog(QDialog):
    """The secretary's key passphrase; a new one is typed twice."""

    def __init__(self, prompt: str, confirm: bool, parent=None):
        super().__init__(parent)
        self.confirm = confirm
        self.setWindowTitle(self.tr("密钥口令"))
        label = QLabel(prompt, self)
        label.setTextFormat(Qt.PlainText)
        label.setWordWrap(True)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.Password)
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("口令"), self.first)
        if confirm:
            form.addRow(self.tr("再输入一次"), self.second)
        else:
            self.second.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        if len(self.first.text()) < K.MIN_PASSPHRASE:
            self.error.setText(self.tr("口令至少 %1 个字符").replace("%1", str(K.MIN_PASSPHRASE)))
            return
        if self.confirm and self.first.text() != self.second.text():
            self.error.setText(self.tr("两次输入的口令不一致"))
            return
        super().accept()

    def passphrase(self) -> str:
        return self.first.text()


def ask_in_dialog(parent, prompt: str, confirm: bool) -> str | None:
    dlg = PassphraseDialog(prompt, confirm, parent)
    return dlg.passphrase() if dlg.exec() == QDialog.Accepted else None


class _PassphraseAsker(QObject):
    """keys.set_passphrase_provider target: shows the dialog in the UI thread, also when the key is
    needed by a worker thread (which waits for the answer)."""

    requested = Signal(str, bool, object)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.requested.connect(self._on_request)

    @Slot(str, bool, object)
    def _on_request(self, prompt: str, confirm: bool, holder: dict) -> None:
        try:
            holder["value"] = ask_in_dialog(self.window, prompt, confirm)
        finally:
            holder["done"].set()

    def __call__(self, prompt: str, confirm: bool) -> str | None:
        if QThread.currentThread() is self.thread():
            return ask_in_dialog(self.window, prompt, confirm)
        holder = {"done": threading.Event(), "value": None}
        self.requested.emit(prompt, confirm, holder)
        holder["done"].wait()
        return holder["value"]


def install_passphrase_dialog(window) -> None:
    """From now on the secretary's passphrase is asked with a dialog over ``window`` (once per run)."""
    window.passphrase_asker = _PassphraseAsker(window)
    K.set_passphrase_provider(window.passphrase_asker)


def show_problem(parent, title: str, exc: BaseException) -> None:
    """A refusal in plain words (the UI language); the technical sentence (paths, commands) folded
    under 技术细节 when the core gave one (issue 15 item 8)."""
    text, detail = text_of(exc)
    if detail:
        from .long_message import show_long_message
        show_long_message(parent, title, text, detail=detail)
    else:
        QMessageBox.warning(parent, title, plain(text))


# -- File menu: back up / restore the secretary's keys --------------------------------------------------

def backup_keys(parent, store) -> Path | None:
    last = QSettings().value("keys/last_dir", str(Path.home()))
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("KeyBackup", "备份评审秘书的密钥"),
                                          str(Path(last) / "评审秘书密钥备份.nnkeys"),
                                          QCoreApplication.translate("KeyBackup", "密钥备份 (*.nnkeys)"))
    if not path:
        return None
    QSettings().setValue("keys/last_dir", str(Path(path).parent))
    phrase = ask_in_dialog(parent, QCoreApplication.translate("KeyBackup", "请设置备份文件的口令（恢复时需要；请与备份文件分开保管）"), True)
    if phrase is None:
        return None
    try:
        info = SK.backup(store, path, phrase)
    except K.KeyStoreError as e:
        show_problem(parent, QCoreApplication.translate("KeyBackup", "备份密钥"), e)
        return None
    QMessageBox.information(parent, QCoreApplication.translate("KeyBackup", "备份密钥"), plain(QCoreApplication.translate("KeyBackup", 
        "已备份到 %1。\n评审包签名密钥指纹：%2\nPDF 签名私钥指纹：%3").replace("%1", data(info.path))
        .replace("%2", info.ed25519_fingerprint).replace("%3", info.pdf_fingerprint)))
    return info.path


def restore_keys(parent, store) -> bool:
    last = QSettings().value("keys/last_dir", str(Path.home()))
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("KeyBackup", "从备份恢复评审秘书的密钥"), last,
                                          QCoreApplication.translate("KeyBackup", "密钥备份 (*.nnkeys);;所有文件 (*)"))
    if not path:
        return False
    phrase = ask_in_dialog(parent, QCoreApplication.translate("KeyBackup", "请输入备份文件的口令"), False)
    if phrase is None:
        return False
    force = False
    while True:
        try:
            info = SK.restore(store, path, phrase, force=force)
            break
        except K.KeyStoreError as e:
            if force or "--force" not in str(e):
                show_problem(parent, QCoreApplication.translate("KeyBackup", "恢复密钥"), e)
                return False
            msg = str(e).split("。如确要")[0]
            if QMessageBox.question(parent, QCoreApplication.translate("KeyBackup", "恢复密钥"), plain(QCoreApplication.translate("KeyBackup", 
                    "%1。\n用备份替换本机的密钥吗？专家已登记的本机旧指纹将失效。").replace("%1", msg))) \
                    != QMessageBox.Yes:
                return False
            force = True
    QMessageBox.information(parent, QCoreApplication.translate("KeyBackup", "恢复密钥"), QCoreApplication.translate("KeyBackup", 
        "已恢复。\n评审包签名密钥指纹：%1\nPDF 签名私钥指纹：%2").replace("%1", info.ed25519_fingerprint)
        .replace("%2", info.pdf_fingerprint))
    return True
