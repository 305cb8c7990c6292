"""The window's runner (ui/ops.py) as the secretary window uses it: a failure is shown once and
what committed before it is still announced; one operation at a time; a long operation is
cancelled from its progress dialog; the window's actions follow ``busyChanged``."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from nn_review.changes import Kind, operation
from nn_review.roster import panels
from nn_review.services import sessions
from nn_review.store import StoreError

from .conftest import wait_idle


@operation
def new_session_then_fail(store, name: str) -> None:
    """Commits one transaction (a session), then refuses: as an import failing at the 201st package."""
    sessions.create_session(store, name)
    raise StoreError("第二步失败：测试")


@operation
def until_cancelled(store, *, progress=None, cancel=None) -> str:
    n = 0
    while not cancel():
        progress(n, 1000, f"第 {n} 步")
        n += 1
        time.sleep(0.01)
        if n > 3000:
            return "never cancelled"
    return f"cancelled after {n}"


def notices(window) -> list:
    got = []
    window.ops.changed.connect(lambda changes, initiator: got.append((changes, initiator)))
    return got


def test_failure_is_shown_once_with_the_core_message(qtbot, window, no_blocking_message_boxes):
    got = notices(window)
    assert window.ops.run("新建评审组", panels.create_panel, window.store, window.session_id, "  ") is not None
    wait_idle(qtbot, window)
    boxes = [b for b in no_blocking_message_boxes if b[0] == "critical"]
    assert len(boxes) == 1 and "评审组名称不能为空" in boxes[0][1]
    assert "评审组名称不能为空" in window.ops.last_error
    assert got == []  # nothing committed, nothing announced
    assert window.act_import.isEnabled()  # the window is usable again


def test_partial_changes_are_broadcast_on_failure(qtbot, window, no_blocking_message_boxes):
    got = notices(window)
    before = window.sessions.count()
    window.ops.run("两步", new_session_then_fail, window.store, "失败前已提交的批次", initiator="me")
    wait_idle(qtbot, window)
    assert [b[0] for b in no_blocking_message_boxes] == ["critical"]
    assert len(got) == 1 and Kind.SESSIONS in got[0][0].kinds and got[0][1] == "me"
    # The session chooser follows the notice: the committed session is offered at once.
    assert window.sessions.count() == before + 1
    assert any("失败前已提交的批次" in window.sessions.itemText(i) for i in range(window.sessions.count()))


def test_a_quick_call_raises_the_refusal_and_announces_what_committed(qtbot, window):
    got = notices(window)
    with pytest.raises(StoreError, match="第二步失败"):
        window.ops.call(new_session_then_fail, window.store, "同步调用的批次")
    assert len(got) == 1 and Kind.SESSIONS in got[0][0].kinds
    assert any("同步调用的批次" in window.sessions.itemText(i) for i in range(window.sessions.count()))


def test_one_operation_at_a_time(qtbot, window, no_blocking_message_boxes):
    busy = []
    window.ops.busyChanged.connect(busy.append)
    first = window.ops.run("慢", until_cancelled, window.store, long=True)
    assert first is not None and window.ops.busy
    assert not window.act_import.isEnabled() and not window.act_new.isEnabled()  # busyChanged disabled them
    assert window.ops.run("第二项", panels.create_panel, window.store, window.session_id, "组") is None
    assert [b[0] for b in no_blocking_message_boxes] == ["information"]  # told to wait, nothing started
    first.cancel()
    wait_idle(qtbot, window)
    assert busy == [True, False]
    assert window.act_import.isEnabled() and window.act_new.isEnabled()
    assert panels.list_panels(window.store, window.session_id) == []  # the refused one never ran


def test_cancel_from_the_progress_dialog(qtbot, window, no_blocking_message_boxes):
    progress = QProgressDialog("…", "取消", 0, 1000, window)
    steps, done = [], []
    window.ops.run("可取消", until_cancelled, window.store, long=True, progress=progress,
                   step=lambda d, t, label: steps.append(label), done=done.append)
    qtbot.waitUntil(lambda: len(steps) >= 3, timeout=10000)
    progress.findChild(QPushButton).click()  # the dialog's 取消 button
    wait_idle(qtbot, window)
    assert done and done[0].startswith("cancelled after")
    assert not progress.isVisible()
    assert no_blocking_message_boxes == []  # a cancel is not a failure
