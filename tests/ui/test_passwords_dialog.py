"""Item 6 of issue 15: the one-time password dialog keeps the passwords from being lost with one
click — closing asks unless they were printed or saved; printing goes through the print dialog to
a printer; 保存为 PDF gives the password list and every letter (Chinese text checked)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from nn_review.demo.roster import build_demo_roster
from nn_review.services.importer import import_packages

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse: no real keyring)
from .conftest import wait_idle


@pytest.fixture
def dlg(qtbot, window, demo_packages, tmp_path, monkeypatch):
    import_packages(window.store, window.session_id, demo_packages)
    build_demo_roster(window.store, window.session_id)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.reload_sessions()
    page = next(x for x in window.extra_pages if x.title() == "评审包与评分回收")
    window.pages.setCurrentWidget(page)
    page.panel.setCurrentIndex(0)
    page.export(tmp_path / "usb", tmp_path / "letters")
    wait_idle(qtbot, window)
    d = page.passwords_dialog
    assert d is not None and d.isVisible()
    return d


@pytest.fixture
def asked(monkeypatch):
    """QMessageBox.question recorded; the answer is what the test puts in ``asked.answer``."""
    class Asked(list):
        answer = QMessageBox.No
    rec = Asked()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (rec.append(a[2]), rec.answer)[1])
    return rec


def test_close_button_esc_and_window_x_ask_first(qtbot, dlg, asked):
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Close).click()
    assert len(asked) == 1 and "尚未打印或保存" in asked[0]
    assert dlg.isVisible()                        # answered No: the passwords stay on screen
    qtbot.keyClick(dlg, Qt.Key_Escape)
    assert len(asked) == 2 and dlg.isVisible()
    dlg.close()                                   # the window's X
    assert len(asked) == 3 and dlg.isVisible()
    asked.answer = QMessageBox.Yes
    dlg.close()
    assert len(asked) == 4 and not dlg.isVisible()


def test_printed_passwords_close_without_asking(qtbot, dlg, asked, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    def exec_(self):  # the system print dialog: the secretary picks a printer (here: a PDF file)
        self.printer().setOutputFormat(QPrinter.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return QDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    dlg.btn_print.click()
    assert dlg.printed and "已发送到打印机" in dlg.kept_label.text()
    # What reached the printer: the password list page, then every expert's letter.
    letters = sum(len(PdfReader(str(h.letter)).pages) for h in dlg.items)
    assert len(PdfReader(str(out)).pages) == 1 + letters
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Close).click()
    assert asked == [] and not dlg.isVisible()


def test_cancelled_print_keeps_asking(qtbot, dlg, asked, monkeypatch):
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.Rejected)
    dlg.btn_print.click()
    assert not dlg.printed
    dlg.close()
    assert len(asked) == 1 and dlg.isVisible()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")
def test_saved_pdf_has_every_name_and_password(qtbot, dlg, asked, tmp_path, monkeypatch):
    target = tmp_path / "秘书留存" / "密码清单"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    dlg.btn_save.click()
    saved = target.with_suffix(".pdf")
    assert dlg.saved and dlg.saved_path == saved and saved.is_file()
    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True).stdout
    assert "评审包密码清单" in text and "专家评审任务通知书" in text
    for h in dlg.items:
        assert h.bundle.expert_name in text
        assert text.count(h.bundle.password) >= 2   # on the list and in the expert's letter
    assert not list(target.parent.glob(".*.part"))
    qtbot.keyClick(dlg, Qt.Key_Escape)
    assert asked == [] and not dlg.isVisible()


def test_save_to_an_unwritable_place_says_so_and_still_asks(qtbot, dlg, asked, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    assert not dlg.save(tmp_path / "no-such-folder" / "x.pdf")
    assert warned and "未能保存" in warned[0] and not dlg.saved
    dlg.close()
    assert len(asked) == 1 and dlg.isVisible()
