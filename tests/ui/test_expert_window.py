"""The expert window against a real bundle made by the secretary code: open (wrong password first),
grade every application through the widgets (keyboard and mouse), undo/redo, recusal, export,
and the secretary imports and verifies the score file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nn_review.exchange.scores_import import import_score_files
from nn_review.expert import open_workspace

from ..expert_fixtures import PASSPHRASE, issue, no_real_keyring, world, ws  # noqa: F401
from .conftest import expert_window

OPINION = ("该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
           "考核指标量化明确且不低于指南要求，经费预算基本合理，建议予以支持。")


@pytest.fixture
def win(qtbot, ws):
    w = expert_window(qtbot, ws)
    w.activateWindow()
    yield w


def _dialog(cls):
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()), None)


def open_through_dialog(qtbot, win, path, passwords, fingerprint=""):
    """Drive the modal OpenBundleDialog: each password in turn; returns the refusals it showed."""
    from ui.expert.dialogs import OpenBundleDialog
    refusals, seen = [], []

    def step():
        dlg = _dialog(OpenBundleDialog)
        if dlg is None:
            if not seen:  # not shown yet (once it is gone, this helper is done)
                QTimer.singleShot(20, step)
            return
        seen.append(dlg)
        if dlg.task is not None:  # decrypting
            QTimer.singleShot(20, step)
            return
        if dlg.error.isVisible() and dlg.error.text() not in refusals:
            refusals.append(dlg.error.text())
        if not passwords:
            dlg.reject()
            return
        dlg.password.clear()
        QTest.keyClicks(dlg.password, passwords.pop(0))
        if fingerprint:
            dlg.fingerprint.setText(fingerprint)
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.LeftButton)
        QTimer.singleShot(20, step)

    QTimer.singleShot(0, step)
    ok = win.open_bundle_file(path)
    qtbot.waitUntil(win.isActiveWindow)
    return ok, refusals


def type_chinese(widget, text: str, phrase: int = 4) -> None:
    """Type as a Chinese input method does: committed a few characters at a time (QTest.keyClicks is ASCII only)."""
    widget.setFocus()
    for i in range(0, len(text), phrase):
        ev = QInputMethodEvent("", [])
        ev.setCommitString(text[i:i + phrase])
        QApplication.sendEvent(widget, ev)


def key(win, k, mod=Qt.NoModifier):
    target = QApplication.focusWidget() or win
    QTest.keyClick(target, k, mod)


def test_grade_everything_with_keyboard_and_mouse_then_export_and_import(qtbot, win, ws, world, tmp_path):
    info = issue(world, tmp_path)
    ok, refusals = open_through_dialog(qtbot, win, info.path, ["AAAAA-BBBBB-CCCCC-DDDDD", info.password],
                                       world.secretary.fingerprint)
    assert ok and len(refusals) == 1 and "密码错误" in refusals[0]
    bid = info.bundle_id
    assert win.bundle_id == bid and win.apps.list.count() == 3
    assert win.apps.progress.format() == "已完成 0 / 3"
    a1, a2, a3 = info.application_ids
    assert win.application_id == a1
    viewer = win.docs.current_viewer()
    qtbot.waitUntil(lambda: viewer.document.pageCount() == 2)  # decrypted into memory, shown

    # -- application 1: keyboard only ------------------------------------------------------------
    assert win.form.boxes[0].has_focus_in_grades()
    for k in (Qt.Key_2, Qt.Key_B, Qt.Key_1, Qt.Key_A, Qt.Key_3, Qt.Key_B):  # B B A A C B
        key(win, k)
    assert win.form.opinion.hasFocus()  # graded the last criterion: on to the opinion
    d = ws.draft(bid, a1)
    assert {c: e["grade"] for c, e in d.grades.items()} == {"c1": "B", "c2": "B", "c3": "A", "c4": "A",
                                                            "c5": "C", "c6": "B"}
    assert win.form.total.text() == "合计 83.00 分"  # 12 + 16 + 20 + 15 + 12 + 8
    key(win, Qt.Key_Return, Qt.ControlModifier)  # Ctrl+Enter: says what is missing
    assert "专家意见至少 50 个汉字" in win.form.problems.text() and "还未选择推荐意见" in win.form.problems.text()
    assert ws.draft(bid, a1).status == "in_progress"
    type_chinese(win.form.opinion, OPINION)
    assert win.form.counter.text().startswith("已写 ") and ws.draft(bid, a1).opinion == OPINION
    assert "已保存" in win.saved_label.text()
    rec = {b.property("rec"): b for b in win.form.rec_group.buttons()}
    qtbot.mouseClick(rec["support"], Qt.LeftButton)
    key(win, Qt.Key_Return, Qt.ControlModifier)
    assert ws.draft(bid, a1).status == "complete" and win.apps.progress.format() == "已完成 1 / 3"

    # -- application 2: Ctrl+Enter moved on; mouse clicks, a D with its comment; undo/redo ------------
    assert win.application_id == a2
    for box, letter in zip(win.form.boxes, "ABCDBA"):
        btn = next(b for b in box.buttons.buttons() if b.letter == letter)
        qtbot.mouseClick(btn, Qt.LeftButton)
    d_box = win.form.boxes[3]
    assert "必填" in d_box.comment.placeholderText()
    type_chinese(d_box.comment, "团队缺少核心算法人员")
    type_chinese(win.form.opinion, OPINION)
    qtbot.mouseClick({b.property("rec"): b for b in win.form.rec_group.buttons()}["support_if_revised"],
                     Qt.LeftButton)
    win.activateWindow()
    win.form.boxes[0].focus_grades()
    key(win, Qt.Key_Z, Qt.ControlModifier)  # undo the recommendation
    assert ws.draft(bid, a2).recommendation is None and not any(b.isChecked() for b in win.form.rec_group.buttons())
    key(win, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # redo it
    assert ws.draft(bid, a2).recommendation == "support_if_revised"
    qtbot.mouseClick(win.form.complete, Qt.LeftButton)
    assert ws.draft(bid, a2).status == "complete"
    assert ws.draft(bid, a2).grades["c4"] == {"grade": "D", "points": None, "comment": "团队缺少核心算法人员"}

    # -- application 3 (the complete button moved on too): recusal ---------------------------------------
    assert win.application_id == a3
    win.apply_recusal("本人系申报单位的技术顾问")
    assert ws.draft(bid, a3).status == "recused" and win.form.recused_banner.isVisible()
    assert not win.form.boxes[0].buttons.buttons()[0].isEnabled()
    assert win.apps.progress.format() == "已完成 3 / 3"
    assert "回避" in win.apps.list.item(2).text()
    key(win, Qt.Key_PageUp, Qt.ControlModifier)
    assert win.application_id == a2

    # -- submit -----------------------------------------------------------------------------------
    dlg = win.submit()
    assert dlg.readiness.complete and not dlg.partial.isVisible()
    dlg.folder.setText(str(tmp_path / "usb"))
    qtbot.mouseClick(dlg.export_button, Qt.LeftButton)
    assert dlg.result_value is not None and "r1" in dlg.message.text()
    path = dlg.result_value.path
    dlg.reject()
    assert win.export_label.text() == "已导出 r1"
    [r] = import_score_files(world.store, world.sid, [path])
    assert r.outcome == "imported" and "3/3" in r.message, r.message


def test_reopening_returns_to_the_same_application_and_scroll_position(qtbot, ws, world, tmp_path):
    info = issue(world, tmp_path)
    ws.add_bundle(info.path, info.password)
    w1 = expert_window(qtbot, ws)
    w1.apps.select(info.application_ids[1])
    w1.docs.tabs.setCurrentIndex(1)
    bar = w1.form.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    bar.setValue(bar.maximum() // 2)
    wanted = bar.value()
    qtbot.waitUntil(lambda: ws.ui_state(info.bundle_id, info.application_ids[1]).get("form_scroll") == wanted)
    w1.close()
    w2 = expert_window(qtbot, ws)
    assert w2.application_id == info.application_ids[1]
    assert w2.docs.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: w2.form.scroll.verticalScrollBar().value() == wanted)


def test_forged_bundle_refused_in_the_window(qtbot, win, ws, world, tmp_path, no_blocking_message_boxes):
    info = issue(world, tmp_path)
    raw = bytearray(info.path.read_bytes())
    raw[-100] ^= 0xFF
    bad = tmp_path / "forged.nnrb"
    bad.write_bytes(bytes(raw))
    ok, refusals = open_through_dialog(qtbot, win, bad, [info.password, info.password])
    assert not ok and refusals and "签名校验失败" in refusals[0]
    assert ws.bundles() == []
    junk = tmp_path / "junk.nnrb"
    junk.write_bytes(b"hello")
    assert not win.open_bundle_file(junk)
    assert no_blocking_message_boxes and "不是评审包文件" in no_blocking_message_boxes[-1][1]


def test_drop_a_bundle_on_the_window(qtbot, win, ws, world, tmp_path):
    from ui.expert.dialogs import OpenBundleDialog
    info = issue(world, tmp_path)
    seen = []

    def answer():
        dlg = _dialog(OpenBundleDialog)
        if dlg is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(dlg.peek.bundle_id)
        dlg.reject()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(info.path)), QUrl.fromLocalFile(str(tmp_path / "other.txt"))])
    ev = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QTimer.singleShot(50, answer)
    win.dropEvent(ev)
    qtbot.waitUntil(lambda: seen == [info.bundle_id])


def test_band_mode_points_and_sheet_and_remove(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.app import make_app
    from ui.expert.main_window import ExpertWindow

    from ..exchange_fixtures import build_world
    make_app()
    world = build_world(tmp_path, n_apps=1, band_mode=True)
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    info = issue(world, tmp_path)
    ws.add_bundle(info.path, info.password)
    w = ExpertWindow(ws)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    aid = info.application_ids[0]
    box = w.form.boxes[0]
    assert box.points is not None
    box.points.setValue(87.5)
    assert ws.draft(info.bundle_id, aid).get("grade.c1") == {"grade": "B", "points": "87.5"}
    assert next(b for b in box.buttons.buttons() if b.letter == "B").isChecked()
    for b in w.form.boxes[1:]:
        b.points.setValue(95)
    type_chinese(w.form.opinion, OPINION)
    next(b for b in w.form.rec_group.buttons() if b.property("rec") == "support").click()
    w.mark_complete()
    assert ws.draft(info.bundle_id, aid).status == "complete"
    assert w.form.total.text() == "合计 93.88 分"  # 15×0.875 + 85×0.95 = 13.125 + 80.75 = 93.875
    out = w.save_sheet(str(tmp_path / "sheet.pdf"))
    assert out.read_bytes().startswith(b"%PDF-")
    from ui.pdf_print import render_pdf
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render_pdf(out.read_bytes(), printer) >= 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    w.remove_data()  # the autouse fixture answers No: nothing removed
    assert not ws.bundle(info.bundle_id).removed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    w.remove_data()  # not exported yet: refused
    assert not ws.bundle(info.bundle_id).removed
    ws.export(info.bundle_id, tmp_path / "usb")
    w.remove_data()
    assert ws.bundle(info.bundle_id).removed and "材料已在导出后删除" in w.removed.text.text()
    assert w.removed.isVisible() and not w.docs.isVisible() and not w.form.isVisible()  # no empty form, no fragments
    assert not w.act_submit.isEnabled() and w.act_save_sheet.isEnabled()
    w.close()
    ws.close()
    world.store.close()


def test_settings_show_the_key_fingerprint(qtbot, win, ws, world, tmp_path):
    from ui.expert.dialogs import ExpertSettingsDialog
    info = issue(world, tmp_path)
    ws.add_bundle(info.path, info.password)
    dlg = ExpertSettingsDialog(ws, win)
    qtbot.addWidget(dlg)
    assert dlg.fingerprints == [ws.signing_key(world.experts["王建国"]).fingerprint]


def test_passphrase_dialog_explains_once_and_checks(qtbot, tmp_path, monkeypatch):
    from ui.app import make_app
    from ui.expert import app as expert_app
    from ui.expert.dialogs import PassphraseDialog
    make_app()
    seen, answers = [], [PASSPHRASE, "wrong passphrase", PASSPHRASE]

    def fake_exec(self):
        seen.append((self.creating, self.notice.text() if self.creating else "", self.error.text()))
        self.first.setText(answers.pop(0))
        self.second.setText(self.first.text())
        self._ok()
        return self.result()
    monkeypatch.setattr(PassphraseDialog, "exec", fake_exec)
    ws = expert_app.unlock_workspace(tmp_path / "ws")
    assert ws is not None and ws.key_storage == "passphrase"
    assert seen[0][0] and "不会以明文保存" in seen[0][1]
    ws.close()
    seen.clear()
    ws = expert_app.unlock_workspace(tmp_path / "ws")  # first try is wrong: asked again with the reason
    assert ws is not None and [s[0] for s in seen] == [False, False] and "口令错误" in seen[1][2]
    ws.close()


def test_nn_review_expert_starts_the_expert_gui_and_opens_the_files_given(qtbot, world, tmp_path, monkeypatch):
    """`nn-review expert --workspace DIR gui FILE.nnrb`: unlock, show the window, open the file."""
    from PySide6.QtWidgets import QApplication

    from nn_review.cli import main
    from ui.expert.dialogs import PassphraseDialog
    from ui.expert.main_window import ExpertWindow
    info = issue(world, tmp_path)
    opened, shown = [], []

    def fake_exec(self):
        self.first.setText(PASSPHRASE)
        self.second.setText(PASSPHRASE)
        self._ok()
        return self.result()
    monkeypatch.setattr(PassphraseDialog, "exec", fake_exec)
    monkeypatch.setattr(ExpertWindow, "open_bundle_file", lambda self, p: opened.append(p) or True)

    def fake_app_exec(*_a):
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExpertWindow) and w.isVisible())
        shown.append(win.windowTitle())
        qtbot.waitUntil(lambda: bool(opened))
        win.close()
        return 0
    monkeypatch.setattr(QApplication, "exec", fake_app_exec)
    assert main(["expert", "--workspace", str(tmp_path / "ws"), "gui", str(info.path)]) == 0
    assert shown and "专家评审" in shown[0] and opened == [info.path]
