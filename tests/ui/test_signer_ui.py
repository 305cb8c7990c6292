"""GUI path of the signer identity: the profile asked before the first signature, the passphrase
dialog (asked once, from the report worker thread), Settings changing the profile, File-menu
key backup/restore, and the leader refused on the secretary's machine."""

import os
import shutil
import subprocess
import time

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from nn_review import keys as K
from nn_review import secretary_keys as SK
from nn_review.signer import certificates, get_profile, set_profile
from nn_review.store import open_store

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..results_fixtures import make_world
from .conftest import open_results_page, wait_idle


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    from ui.app import make_app
    old_tz = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    K.forget_passphrases()
    make_app()
    w = make_world(tmp_path, n_apps=1, experts=("王建国", "李秀英", "赵明"), leader="王建国")
    p = open_results_page(qtbot, w)
    yield p
    K.set_passphrase_provider(None)
    K.forget_passphrases()
    w.store.close()
    os.environ.pop("TZ", None) if old_tz is None else os.environ.__setitem__("TZ", old_tz)
    time.tzset()


def _fill_profile(monkeypatch, name, title, unit, seen):
    from ui.signer_dialogs import SignerProfileDialog

    def exec_(self):
        seen.append(self.windowTitle())
        self.fields.name.setText(name)
        self.fields.title.setText(title)
        self.fields.unit.setText(unit)
        self.accept()
        return self.result()

    monkeypatch.setattr(SignerProfileDialog, "exec", exec_)


def test_first_signing_asks_profile_and_passphrase_once(qtbot, page, tmp_path, monkeypatch, no_blocking_message_boxes):
    from ui.signer_dialogs import PassphraseDialog
    monkeypatch.delenv("NN_REVIEW_SECRETARY_PASSPHRASE")
    seen, asked, threads = [], [], []

    def exec_pass(self):
        import threading
        asked.append(self.confirm)
        threads.append(threading.current_thread() is threading.main_thread())
        self.first.setText("gui passphrase 1")
        self.second.setText("gui passphrase 1")
        self.accept()
        return self.result()

    monkeypatch.setattr(PassphraseDialog, "exec", exec_pass)
    _fill_profile(monkeypatch, "", "科员", "南宁市科学技术局", seen)   # empty name: refused, dialog stays
    page.write_reports(tmp_path / "out0", sign=True)
    assert not page.win.ops.busy and get_profile(page.world.store) is None and not (tmp_path / "out0").exists()
    assert any("姓名" in text for kind, text in no_blocking_message_boxes if kind == "warning")

    _fill_profile(monkeypatch, "韦秘书", "科员", "南宁市科学技术局", seen)
    page.write_reports(tmp_path / "out", sign=True)
    wait_idle(qtbot, page.win)
    res = page.last_report
    page.report_box.close()
    assert res.signed and res.signer == "韦秘书" and len(seen) == 2
    assert asked == [True] and threads == [True]   # asked in the UI thread for the worker, a new one twice
    assert SK.ed_file(page.world.store).exists() or SK.pdf_file(page.world.store).exists()

    page.write_reports(tmp_path / "out2", sign=True)   # the same run: neither asked again
    wait_idle(qtbot, page.win)
    page.report_box.close()
    assert asked == [True] and len(seen) == 2
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(page.last_report.summaries[0])], capture_output=True, text=True).stdout
        assert "Signature is Valid." in out and "Common Name: 韦秘书" in out

    # the leader cannot sign here: a clear refusal, no second signature
    page.leader_sign([res.sheets[0]])
    wait_idle(qtbot, page.win)
    assert any("expert countersign" in text for kind, text in no_blocking_message_boxes if kind == "critical")


def test_settings_change_the_profile(qtbot, page, no_blocking_message_boxes):
    from ui.settings_dialog import SettingsDialog
    store = page.world.store
    set_profile(store, "韦秘书", "科员", "南宁市科学技术局")
    dlg = SettingsDialog(page.win, store=store)
    qtbot.addWidget(dlg)
    assert dlg.signer.name.text() == "韦秘书"
    dlg.signer.unit.setText("")
    dlg.accept()
    assert dlg.result() != QDialog.Accepted and get_profile(store).unit == "南宁市科学技术局"
    dlg.signer.unit.setText("南宁市科学技术局")
    dlg.signer.title.setText("副科长")
    dlg.accept()
    assert dlg.result() == QDialog.Accepted and get_profile(store).title == "副科长"


def test_file_menu_backup_and_restore(qtbot, page, tmp_path, monkeypatch, no_blocking_message_boxes):
    import ui.signer_dialogs as D
    store = page.world.store
    set_profile(store, "韦秘书", "科员", "南宁市科学技术局")
    from nn_review.results.identity import secretary_identity
    ident = secretary_identity(store)
    ed = SK.secretary_ed25519(store)
    target = tmp_path / "usb" / "keys.nnkeys"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(D, "ask_in_dialog", lambda parent, prompt, confirm: "backup phrase 9")
    file_action = page.win.menuBar().actions()[0]  # kept: PySide6 6.9 drops a menu's wrapper with its action's
    action = next(a for a in file_action.menu().actions() if a.text() == "备份密钥…")
    action.trigger()
    assert target.exists() and any(ed.fingerprint in t for k, t in no_blocking_message_boxes if k == "information")

    other = open_store(tmp_path / "pc2" / "store")
    monkeypatch.setenv("NN_REVIEW_KEY_DIR", str(tmp_path / "pc2" / "home-keys"))
    assert D.restore_keys(page.win, other)
    assert SK.secretary_ed25519(other).fingerprint == ed.fingerprint
    assert [c.fingerprint for c in certificates(other)] == [ident.fingerprint]
    other.close()
