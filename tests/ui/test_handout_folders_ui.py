"""Issue 20 items 3 and 4 on the 评审包与评分回收 page: the export asks for two folders and says on
screen which goes on the USB stick and which stays here (or letters only printed / saved as PDF);
a letters folder in the bundles' folder cannot be chosen; both on one removable drive asks first;
a re-laid-out score file dropped on the window is refused in plain words."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from nn_review.demo.roster import build_demo_roster
from nn_review.exchange import drives
from nn_review.formats.bundle import open_bundle
from nn_review.formats.scorefile import write_score_file
from nn_review.keys import ephemeral_key
from nn_review.services.importer import import_packages
from ui.handout_dialog import HandoutFoldersDialog

from ..exchange_fixtures import good_review, no_real_keyring  # noqa: F401  (autouse: no real keyring)
from .conftest import wait_idle


@pytest.fixture
def page(window, demo_packages, monkeypatch):
    import_packages(window.store, window.session_id, demo_packages)
    build_demo_roster(window.store, window.session_id)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.reload_sessions()
    p = next(x for x in window.extra_pages if x.title() == "评审包与评分回收")
    window.pages.setCurrentWidget(p)
    p.panel.setCurrentIndex(0)
    return p


def choose(monkeypatch, bundles, letters, *, print_only=False, seen=None):
    """The folders dialog as the secretary fills it: two folders (or print only), then 导出."""
    def exec_(self):
        self.bundles.setText(str(bundles))
        if print_only:
            self.print_only.setChecked(True)
        else:
            self.letters.setText(str(letters))
        if seen is not None:
            seen.append(self)
        self.buttons.button(QDialogButtonBox.Ok).click()
        return self.result()
    monkeypatch.setattr(HandoutFoldersDialog, "exec", exec_)


def ok_button(dlg):
    return dlg.buttons.button(QDialogButtonBox.Ok)


def test_export_button_asks_for_two_folders_and_keeps_them_apart(qtbot, page, tmp_path, monkeypatch):
    usb, letters = tmp_path / "U盘" / "评审包", tmp_path / "本机" / "任务通知书"
    choose(monkeypatch, usb, letters)
    page.btn_export.click()
    wait_idle(qtbot, page.win)
    dlg = page.passwords_dialog
    assert dlg is not None and dlg.isVisible()
    assert sorted(p.suffix for p in usb.iterdir()) == [".nnrb"] * 5
    assert sorted(p.suffix for p in letters.iterdir()) == [".pdf"] * 5
    # On screen: which folder goes on the stick, which stays here.
    assert "拷入 U 盘" in dlg.bundles_label.text() and str(usb) in dlg.bundles_label.text()
    assert "留在本机" in dlg.letters_label.text() and str(letters) in dlg.letters_label.text()
    assert "勿放入 U 盘" in dlg.letters_label.text()
    assert "与评审包在同一文件夹" not in dlg.findChildren(type(dlg.bundles_label))[0].text()
    names = [b.text() for b in dlg.findChild(QDialogButtonBox).buttons()]
    assert "打开评审包文件夹" in names and "打开任务通知书文件夹" in names


def test_letters_inside_the_bundles_folder_cannot_be_chosen(qtbot, page, tmp_path):
    dlg = HandoutFoldersDialog("信息技术组", page)
    qtbot.addWidget(dlg)
    dlg.bundles.setText(str(tmp_path / "usb"))
    dlg.letters.setText(str(tmp_path / "usb" / "通知书"))
    assert not ok_button(dlg).isEnabled()
    assert "之内" in dlg.problem.text() and "载有评审包密码" in dlg.problem.text()
    dlg.letters.setText(str(tmp_path / "usb"))
    assert not ok_button(dlg).isEnabled() and "相同" in dlg.problem.text()
    dlg.print_only.setChecked(True)                 # letters only printed: nothing to keep apart
    assert ok_button(dlg).isEnabled() and dlg.problem.text() == "" and dlg.letters_dir() is None
    assert not dlg.letters.isEnabled()
    dlg.to_folder.setChecked(True)
    dlg.letters.setText(str(tmp_path / "本机"))
    assert ok_button(dlg).isEnabled() and dlg.letters_dir() == tmp_path / "本机"
    dlg.bundles.setText("")
    assert not ok_button(dlg).isEnabled()


def test_both_folders_on_one_stick_ask_first(qtbot, page, tmp_path, monkeypatch):
    stick = tmp_path / "STICK"
    monkeypatch.setattr(drives, "removable_root",
                        lambda p: stick if Path(p).absolute().is_relative_to(stick) else None)
    asked = []
    answer = [QMessageBox.No]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: (asked.append(a[2]), answer[0])[1])
    dlg = HandoutFoldersDialog("信息技术组", page)
    qtbot.addWidget(dlg)
    dlg.bundles.setText(str(stick / "评审包"))
    dlg.letters.setText(str(stick / "通知书"))
    ok_button(dlg).click()
    assert len(asked) == 1 and "同一个可移动磁盘" in asked[0] and "仍要导出" in asked[0]
    assert dlg.result() != QDialog.Accepted           # answered No: the secretary picks again
    dlg.letters.setText(str(tmp_path / "本机"))
    ok_button(dlg).click()
    assert len(asked) == 1 and dlg.result() == QDialog.Accepted   # not on the stick: no question
    # The page's export with both on the stick, answered Yes: exported, as chosen.
    answer[0] = QMessageBox.Yes
    choose(monkeypatch, stick / "b", stick / "l")
    page.btn_export.click()
    wait_idle(qtbot, page.win)
    assert len(asked) == 2 and len(list((stick / "l").glob("*.pdf"))) == 5


def test_letters_only_printed_are_in_the_saved_pdf(qtbot, page, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    choose(monkeypatch, usb, None, print_only=True)
    page.btn_export.click()
    wait_idle(qtbot, page.win)
    dlg = page.passwords_dialog
    assert sorted(p.suffix for p in usb.iterdir()) == [".nnrb"] * 5     # no letter anywhere on disk
    assert "未保存为文件" in dlg.letters_label.text()
    assert {dlg.table.item(r, 4).text() for r in range(dlg.table.rowCount())} == {"（仅打印 / PDF）"}
    target = tmp_path / "秘书" / "清单.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    dlg.btn_save.click()
    assert dlg.saved and target.is_file()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert text.count("专家评审任务通知书") == 5
        for h in dlg.items:
            assert text.count(h.bundle.password) >= 2


def test_dropped_pretty_printed_score_file_is_refused_in_plain_words(qtbot, page, tmp_path):
    page.export(tmp_path / "usb", tmp_path / "letters")
    wait_idle(qtbot, page.win)
    page.passwords_dialog.accept()
    h = page.last_handout[0]
    with open_bundle(h.bundle.path, h.bundle.password) as b:
        reviews = [good_review(a["application_id"]) for a in b.applications]
        good = write_score_file(tmp_path / "back" / "r1.nnscore", b, ephemeral_key("expert", "x"), 1, reviews).path
    pretty = tmp_path / "back" / "美化.nnscore"
    pretty.write_text(json.dumps(json.loads(good.read_bytes()), ensure_ascii=False, indent=2), encoding="utf-8")
    page.win.handle_drop([pretty])
    wait_idle(qtbot, page.win)
    [r] = page.last_results
    assert (r.outcome, r.code) == ("refused", "scores.not_canonical")
    shown = page.results_dialog.table.item(0, 2).text()
    assert "排版与专家端导出的原文件不同" in shown and "请导入专家交回的原文件" in shown
    page.results_dialog.close()
    page.win.handle_drop([good])
    wait_idle(qtbot, page.win)
    assert page.last_results[0].outcome == "imported"


def test_page_export_into_the_bundles_folder_is_refused_by_the_core(qtbot, page, tmp_path, monkeypatch):
    """Even without the dialog (a caller passing folders), the core refuses before making anything."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    page.export(tmp_path / "usb", tmp_path / "usb" / "通知书")
    wait_idle(qtbot, page.win)
    assert len(shown) == 1 and "之内" in shown[0] and "载有评审包密码" in shown[0]
    assert page.passwords_dialog is None and not (tmp_path / "usb").exists()
