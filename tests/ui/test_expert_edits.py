"""The expert window's edits cost what they write: one grade click is one write transaction and at
most one read (it was 1 write + 7 reads: the window re-read the draft, the bundle summary, the undo
state… after every click). The workspace's own answer (an ``Edit``) carries what the window shows."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from ..expert_fixtures import issue, no_real_keyring, world, ws  # noqa: F401
from .conftest import expert_window


@pytest.fixture
def win(qtbot, ws, world, tmp_path):
    info = issue(world, tmp_path)
    ws.add_bundle(info.path, info.password)
    w = expert_window(qtbot, ws)
    w.info = info
    qtbot.wait(1700)  # the window's own settling (scroll restore, saved positions) is not the click's
    yield w
    w.close()


@contextmanager
def transactions(ws):
    """Count the workspace database's transactions begun meanwhile: {"write": n, "read": m}."""
    seen = {"write": 0, "read": 0}

    def begun(conn):
        seen["write" if conn.get_execution_options().get("nn_write") else "read"] += 1
    event.listen(ws.db.engine, "begin", begun)
    try:
        yield seen
    finally:
        event.remove(ws.db.engine, "begin", begun)


def _button(box, letter):
    return next(b for b in box.buttons.buttons() if b.letter == letter)


def test_one_grade_click_is_one_write_and_at_most_one_read(qtbot, win, ws):
    bid, aid = win.info.bundle_id, win.info.application_ids[0]
    assert win.application_id == aid
    box = win.form.boxes[0]
    with transactions(ws) as seen:
        qtbot.mouseClick(_button(box, "B"), Qt.LeftButton)
    assert ws.draft(bid, aid).get("grade.c1")["grade"] == "B"
    assert seen["write"] == 1 and seen["read"] <= 1, seen
    # …and the window shows what was written: status, progress, undo, the saved time.
    assert _button(box, "B").isChecked()
    assert "进行中" in win.form.state.text() and "进行中" in win.apps.list.item(0).text()
    assert win.act_undo.isEnabled() and not win.act_redo.isEnabled()
    assert "已保存" in win.saved_label.text()
    assert win.export_label.text() == "尚未导出评分文件"


def test_every_kind_of_edit_in_the_window_is_one_write_and_at_most_one_read(qtbot, win, ws):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from .test_expert_window import OPINION, type_chinese
    bid, aid = win.info.bundle_id, win.info.application_ids[0]
    box = win.form.boxes[0]
    box.focus_grades()

    def one_write(action):
        with transactions(ws) as seen:
            action()
        assert seen["write"] == 1 and seen["read"] <= 1, seen

    one_write(lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key_A))  # keyboard: grade and move on
    assert win.form.boxes[1].has_focus_in_grades() and ws.draft(bid, aid).get("grade.c1")["grade"] == "A"
    one_write(lambda: type_chinese(win.form.opinion, OPINION[:4]))
    rec = next(b for b in win.form.rec_group.buttons() if b.property("rec") == "support")
    one_write(lambda: qtbot.mouseClick(rec, Qt.LeftButton))
    one_write(win.mark_complete)
    assert "推荐意见" not in win.form.problems.text() and "专家意见至少" in win.form.problems.text()
    one_write(win.undo)
    assert not rec.isChecked() and ws.draft(bid, aid).recommendation is None and win.act_redo.isEnabled()
    one_write(win.redo)
    assert rec.isChecked() and not win.act_redo.isEnabled()
    one_write(lambda: win.apply_recusal("本人系申报单位的技术顾问"))
    assert win.form.recused_banner.isVisible() and win.apps.progress.format() == "已完成 1 / 3"
    one_write(lambda: qtbot.mouseClick(win.form.withdraw, Qt.LeftButton))
    assert not win.form.recused_banner.isVisible() and win.apps.progress.format() == "已完成 0 / 3"
    assert ws.draft(bid, aid).get("grade.c1")["grade"] == "A"
