"""使用 UKey（PKCS#11）签名 in the results page, with a SoftHSM2 token: the secretary signs the
result sheets (a wrong PIN is shown in the dialog and asked again), the leader signs in person
(certificate shown and pinned); library, token and key label are remembered, the PIN never."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from sqlalchemy import select

from nn_review.store import models as M
from ui import token_dialog

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..token_fixtures import softhsm_token  # noqa: F401
from .conftest import wait_idle
from .test_results_page import page  # noqa: F401


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path):
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(tmp_path / "config"))
    return tmp_path / "config"


def fill(token, key_label: str, pins: list[str], seen: list[str]):
    """TokenDialog.exec stand-in: the user fills the form with the next PIN and clicks 签名."""
    def exec_(dlg) -> int:
        seen.append(dlg.status.text())
        if not pins:
            return QDialog.Rejected
        assert dlg.pin.text() == ""  # a PIN is never shown again
        dlg.library.setText(token.library)
        dlg.refresh_tokens()  # reads the token list from the library (no PIN)
        assert dlg.token.findText(token.label) >= 0
        dlg.token.setEditText(token.label)
        dlg.key_label.setText(key_label)
        dlg.pin.setText(pins.pop(0))
        return QDialog.Accepted
    return exec_


def click(text: str):
    def exec_(box) -> int:
        next(b for b in box.buttons() if b.text() == text).click()
        return 0
    return exec_


def signatures(path: Path) -> list[tuple[str, str]]:
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    import re
    return re.findall(r"Signer Certificate Common Name: (.+)\n(?:.*\n)*?\s+- Signature Validation: (.+)", out)


def test_secretary_then_leader_sign_with_ukey(qtbot, page, tmp_path, monkeypatch, softhsm_token, settings_in_tmp):
    store = page.world.store
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    monkeypatch.setattr(QMessageBox, "exec", click("使用 UKey（PKCS#11）签名"))
    seen: list[str] = []
    monkeypatch.setattr(token_dialog.TokenDialog, "exec", fill(softhsm_token, "secretary", ["wrong-pin",
                                                                                          softhsm_token.pin], seen))
    page.choose_reports()
    wait_idle(qtbot, page.win)
    assert "PIN 错误" in seen[1]  # the first PIN was refused in the dialog, then asked again
    res = page.last_report
    page.report_box.close()
    assert res.signed and res.signer == "张秘书"
    assert signatures(res.summaries[0]) == [("张秘书", "Signature is Valid.")]
    conf = "".join(p.read_text("utf-8") for p in settings_in_tmp.rglob("*.conf"))
    assert softhsm_token.library in conf and "secretary" in conf and softhsm_token.pin not in conf

    # the leader signs in person: the certificate is shown for checking, then pinned
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), QMessageBox.Yes)[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(res.summaries[0])], ""))
    monkeypatch.setattr(token_dialog.TokenDialog, "exec", fill(softhsm_token, "leader", [softhsm_token.pin], []))
    told = []  # no "this PC's certificate" for a leader: the UKey, or the expert workspace
    monkeypatch.setattr(QMessageBox, "exec", lambda box: (told.append(box.text()), click("使用组长本人的 UKey…")(box))[1])
    page.choose_leader_sign()
    assert "专家工作台" in told[0] and "导入组长签署的结果表" in told[0]
    wait_idle(qtbot, page.win)
    assert asked and "首次登记组长 王建国" in asked[0] and "CN=王建国" in asked[0]
    assert "王建国" in page.win.statusBar().currentMessage()
    assert signatures(res.summaries[0]) == [("张秘书", "Signature is Valid."), ("王建国", "Signature is Valid.")]
    with store.read() as s:
        rows = s.scalars(select(M.SigningCertificate).order_by(M.SigningCertificate.id)).all()
        assert [(r.role, r.source) for r in rows] == [("secretary", "pkcs11"), ("leader", "pkcs11")]


def test_cancelling_the_dialog_signs_nothing(qtbot, page, tmp_path, monkeypatch, softhsm_token):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    monkeypatch.setattr(QMessageBox, "exec", click("使用 UKey（PKCS#11）签名"))
    monkeypatch.setattr(token_dialog.TokenDialog, "exec", lambda dlg: QDialog.Rejected)
    page.choose_reports()
    assert not page.win.ops.busy and page.last_report is None and not (tmp_path / "out").exists()
