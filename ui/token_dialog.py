"""使用 UKey（PKCS#11）签名: the dialog that opens a hardware token for signing, and the small
flows of the results page around it (secretary signs reports, the leader signs in person).

The PKCS#11 library path, the token and the key label are remembered in the settings; the PIN
is read from the password field once, handed to nn_review.results.pkcs11_signer to log in, and
the field is cleared — it is never stored. The work itself is in pkcs11_signer and token_pins."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from nn_review.results import pkcs11_signer as P
from nn_review.results import token_pins
from nn_review.store import StoreError

from .settings_dialog import settings
from .plain import plain

LIB_KEY = "signing/pkcs11_library"
TOKEN_KEY = "signing/pkcs11_token"
KEY_KEY = "signing/pkcs11_key_label/"   # + role: the secretary's and the leader's keys differ


class TokenDialog(QDialog):
    def __init__(self, parent, role: str, who: str = ""):
        super().__init__(parent)
        self.role = role
        self.setWindowTitle(self.tr("使用 UKey（PKCS#11）签名"))
        s = settings()
        self.library = QLineEdit(str(s.value(LIB_KEY, "")), self)
        self.library.setPlaceholderText(self.tr("UKey 驱动中的 PKCS#11 库（.dll / .so / .dylib）"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        lib_row = QHBoxLayout()
        lib_row.addWidget(self.library, 1)
        lib_row.addWidget(browse)
        self.token = QComboBox(self)
        self.token.setEditable(True)
        self.token.setToolTip(self.tr("UKey（令牌）标签；只插入一个 UKey 时可留空"))
        self.token.setEditText(str(s.value(TOKEN_KEY, "")))
        refresh = QPushButton(self.tr("读取 UKey"), self)
        refresh.clicked.connect(self.refresh_tokens)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(refresh)
        self.key_label = QLineEdit(str(s.value(KEY_KEY + role, "")), self)
        self.key_label.setPlaceholderText(self.tr("UKey 中只有一个签名证书时可留空"))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setPlaceholderText(self.tr("不会保存"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)
        self.status.setStyleSheet("color: #a33;")

        form = QFormLayout()
        form.addRow(self.tr("PKCS#11 库"), lib_row)
        form.addRow(self.tr("UKey"), token_row)
        form.addRow(self.tr("密钥标签"), self.key_label)
        form.addRow(self.tr("PIN"), self.pin)
        intro = QLabel(self.tr("签名人：%1").replace("%1", who) if who else
                       self.tr("插入 UKey，填写驱动的 PKCS#11 库，输入 PIN。"), self)
        intro.setTextFormat(Qt.PlainText)  # the signer's name
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("签名"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)
        (self.pin if self.library.text() else self.library).setFocus()

    def _browse(self) -> None:
        start = str(Path(self.library.text()).parent) if self.library.text() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择 PKCS#11 库"), start,
                                              self.tr("PKCS#11 库 (*.dll *.so *.dylib);;所有文件 (*)"))
        if path:
            self.library.setText(path)
            self.refresh_tokens()

    def refresh_tokens(self) -> None:
        """List the tokens the library sees (no PIN needed)."""
        current = self.token.currentText()
        self.token.clear()
        try:
            tokens = [t for t in P.list_tokens(self.library.text().strip()) if t.initialized]
        except P.TokenError as e:
            self.status.setText(str(e))
            return
        for t in tokens:
            self.token.addItem(t.label, t.slot_id)
        self.token.setEditText(current if current and self.token.findText(current) >= 0 or not tokens
                               else tokens[0].label)
        self.status.setText("" if tokens else self.tr("没有检测到 UKey，请插入后重试"))

    def spec(self) -> P.TokenSpec:
        return P.TokenSpec(self.library.text().strip(), self.token.currentText().strip() or None, None,
                           self.key_label.text().strip() or None)

    def take_pin(self) -> str:
        pin = self.pin.text()
        self.pin.clear()
        return pin

    def remember(self) -> None:
        s = settings()
        s.setValue(LIB_KEY, self.library.text().strip())
        s.setValue(TOKEN_KEY, self.token.currentText().strip())
        s.setValue(KEY_KEY + self.role, self.key_label.text().strip())


def open_token(parent, role: str, owner: str, who: str = "") -> P.TokenIdentity | None:
    """Ask for the token and PIN until it opens (errors shown in the dialog); None if cancelled."""
    dlg = TokenDialog(parent, role, who)
    while dlg.exec() == QDialog.Accepted:
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            ident = P.open_token_identity(dlg.spec(), role, owner, pin=dlg.take_pin())
        except P.TokenError as e:
            dlg.status.setText(str(e))
            continue
        finally:
            QApplication.restoreOverrideCursor()
        dlg.remember()
        return ident
    dlg.take_pin()
    return None


def choose_signing(parent, question: str, allow_none: bool = True) -> str | None:
    """'file' (the app's signing certificate), 'token' (UKey), 'none', or None (cancelled)."""
    box = QMessageBox(QMessageBox.Question, QCoreApplication.translate("TokenDialog", "数字签名"), question,
                      parent=parent)
    file_btn = box.addButton(QCoreApplication.translate("TokenDialog", "用本机签名证书"), QMessageBox.AcceptRole)
    token_btn = box.addButton(QCoreApplication.translate("TokenDialog", "使用 UKey（PKCS#11）签名"),
                              QMessageBox.AcceptRole)
    none_btn = box.addButton(QCoreApplication.translate("TokenDialog", "不签名"), QMessageBox.DestructiveRole) \
        if allow_none else None
    box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(file_btn)
    box.exec()
    return {file_btn: "file", token_btn: "token", none_btn: "none"}.get(box.clickedButton())


def open_leader_token(parent, store, panel_id: int | None) -> tuple[P.TokenIdentity, str] | None:
    """The panel leader's own token, its certificate checked against the pin: on first use the
    certificate is shown for the secretary to compare with the leader; a different certificate
    needs a re-pin reason. Returns (identity, reason) or None."""
    title = QCoreApplication.translate("TokenDialog", "组长 UKey 签名")
    try:
        roster_key, _eid, name = token_pins.panel_leader(store, panel_id)
    except StoreError as e:
        QMessageBox.warning(parent, title, plain(str(e)))
        return None
    ident = open_token(parent, "leader", roster_key,
                       QCoreApplication.translate("TokenDialog", "组长 %1 本人的 UKey").replace("%1", name))
    if ident is None:
        return None
    check = token_pins.check_leader_certificate(store, panel_id, ident)
    if check.status == "same":
        return ident, ""
    details = (QCoreApplication.translate("TokenDialog", "证书主体：%1\n签发机构：%2\n证书指纹：%3")
               .replace("%1", ident.subject).replace("%2", ident.issuer).replace("%3", ident.fingerprint))
    if not check.name_matches:
        details += "\n\n" + QCoreApplication.translate("TokenDialog", "注意：证书姓名“%1”与组长姓名“%2”不一致") \
            .replace("%1", ident.name).replace("%2", name)
    reason = ""
    if check.status == "new":
        text = QCoreApplication.translate("TokenDialog", "首次登记组长 %1 的 UKey 证书。请与组长核对以下信息：") \
            .replace("%1", name) + "\n\n" + details
        ok = QMessageBox.question(parent, QCoreApplication.translate("TokenDialog", "登记组长证书"), plain(text)) \
            == QMessageBox.Yes
    else:
        text = (QCoreApplication.translate("TokenDialog", "UKey 中的证书与组长 %1 已登记的证书（指纹 %2）不同。")
                .replace("%1", name).replace("%2", check.pinned_fingerprint) + "\n\n" + details + "\n\n"
                + QCoreApplication.translate("TokenDialog", "重新登记的理由："))
        reason, ok = QInputDialog.getText(parent, QCoreApplication.translate("TokenDialog", "重新登记组长证书"), plain(text))
        ok = ok and bool(reason.strip())
    if not ok:
        ident.close()
        return None
    return ident, reason.strip()


def secretary_job(store, fn, ident: P.TokenIdentity):
    """``fn`` (a Task function) run with the secretary's token: its certificate recorded first,
    the token closed (logged out) at the end, whatever happens."""
    def run(**kw):
        with ident:
            token_pins.record_secretary_certificate(store, ident)
            return fn(**kw)
    return run


def leader_job(store, paths, ident: P.TokenIdentity, panel_id: int | None, reason: str):
    """Sign ``paths`` with the leader's token (pin recorded with the signature), then close it."""
    def run():
        with ident:
            return token_pins.sign_with_token(store, paths, ident, panel_id=panel_id, repin_reason=reason)
    return run
