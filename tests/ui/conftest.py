"""Fixtures for the GUI tests: a real store, a session, the demo packages on disk."""

from __future__ import annotations

import pytest

from nn_review.demo.packages import write_demo_packages
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.sessions import create_session
from nn_review.store import open_store


@pytest.fixture(scope="session")
def demo_packages(tmp_path_factory):
    return write_demo_packages(tmp_path_factory.mktemp("demo-pkgs"))


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store")
    ensure_builtin_guides(s)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, store, monkeypatch):
    create_session(store, "界面测试批次")
    win = secretary_window(qtbot, store)
    yield win
    if win.ops.task is not None:
        win.ops.task.cancel()
        win.ops.task.wait()


def wait_idle(qtbot, win, timeout=60000):
    """Until the window's background operation (ui/ops.py) has ended."""
    qtbot.waitUntil(lambda: not win.ops.busy, timeout=timeout)


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch):
    """A modal QMessageBox would block a headless test forever: record it and answer No/OK instead.
    Tests that expect a box patch these again themselves."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    for kind, answer in (("critical", QMessageBox.Ok), ("warning", QMessageBox.Ok),
                         ("information", QMessageBox.Ok), ("question", QMessageBox.No)):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda *a, _k=kind, _r=answer, **kw: (shown.append((_k, str(a[2]) if len(a) > 2 else "")),
                                                                  _r)[1])
    return shown


def open_results_page(qtbot, world, size=(1366, 768)):
    """The secretary window on ``world``'s store, shown at ``size``, on its 评审结果 page (returned)."""
    from ui.main_window import MainWindow
    win = MainWindow(world.store)
    qtbot.addWidget(win)
    if size:
        win.resize(*size)
    win.show()
    page = next(x for x in win.extra_pages if x.title() == "评审结果")
    win.pages.setCurrentWidget(page)
    page.world = world
    return page


def secretary_window(qtbot, store):
    """The secretary's window over ``store`` as a secretary first sees it: 1366×768, shown."""
    from ui.app import make_app
    from ui.main_window import MainWindow
    make_app()
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def expert_window(qtbot, ws):
    """The expert window over workspace ``ws`` as an expert first sees it: 1366×768, shown."""
    from ui.app import make_app
    from ui.expert.main_window import ExpertWindow
    make_app()
    w = ExpertWindow(ws)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(autouse=True)
def modifiers_released():
    """QTest.keyClick(w, key, Ctrl/Shift) leaves QApplication.keyboardModifiers() at that modifier
    until the next key event: a later test's selectRow would extend a selection instead (a Ctrl+K
    in test_funding_tab made test_main_window's document switch select two rows). Every UI test
    ends with the modifiers released."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget
    QTest.keyRelease(QWidget(), Qt.Key_Shift)
