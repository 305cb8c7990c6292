"""Item 7 of issue 15: first start. The start panel shows the steps of a review and where the
session stands (from the core), each step a click away; the drop hint says what to do first when
import is disabled; 帮助 → 使用手册 (F1) opens the manual shipped with the app, images and all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMenu

from nn_review.demo.store import ensure_demo_store
from nn_review.services.importer import import_packages
from nn_review.progress import STEPS
from nn_review.services.sessions import create_session, list_sessions
from nn_review.store import open_store

from .conftest import secretary_window, wait_idle


def panel_states(win) -> dict[str, str]:
    return {k: win.start.states[k].text() for k in STEPS}


def menu_texts(win, title: str) -> list[str]:
    menu = next(m for m in win.menuBar().findChildren(QMenu) if m.title().startswith(title))
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_empty_store_opens_on_the_start_panel_and_says_create_a_session_first(qtbot, store):
    win = secretary_window(qtbot, store)
    assert win.stack.currentWidget() is win.start and win.start.isVisible()
    st = panel_states(win)
    assert st["session"] == "当前步骤" and all(st[k] == "待办" for k in STEPS[1:])
    assert win.start.details["session"].text() == "尚未新建评审批次"
    assert win.start.next_label.text() == "下一步：评审批次"
    # Import is disabled, and the drop hint says why and what to do first.
    assert not win.act_import.isEnabled()
    assert "先新建评审批次" in win.drop_hint.text() and "拖到" in win.drop_hint.text()
    assert menu_texts(win, "帮助") == ["开始：评审步骤与进度", "使用手册", "关于"]


def test_drop_hint_invites_a_drop_once_there_is_a_session(qtbot, store):
    create_session(store, "2025年度评审")
    win = secretary_window(qtbot, store)
    assert win.act_import.isEnabled()
    assert "先新建" not in win.drop_hint.text() and "拖到此窗口即可导入" in win.drop_hint.text()
    # A session without packages still opens on the steps: import is the current one.
    assert win.stack.currentWidget() is win.start
    assert panel_states(win)["session"] == "已完成" and panel_states(win)["import"] == "当前步骤"


def test_imported_packages_open_on_the_pages_and_the_panel_follows_changes(qtbot, store, demo_packages):
    sid = create_session(store, "2025年度评审")
    n = import_packages(store, sid, demo_packages[:3]).counts["imported"]
    win = secretary_window(qtbot, store)
    assert win.stack.currentWidget() is win.pages          # work under way: straight to the table
    win.act_start.trigger()                                # 帮助 → 开始
    assert win.start.isVisible()
    assert win.start.details["import"].text() == f"已导入 {n} 个申报包"
    assert panel_states(win)["import"] == "已完成"
    # A write while the steps are shown (here: an import through the window's operations) updates them.
    more = win.ops.call(win.ops.job(import_packages), store, sid, demo_packages[3:6]).counts["imported"]
    assert more and win.stack.currentWidget() is win.start  # asked for: it stays
    assert win.start.details["import"].text() == f"已导入 {n + more} 个申报包"
    win.start.btn_pages.click()
    assert win.stack.currentWidget() is win.pages


def test_first_import_gives_way_to_the_table(qtbot, window, demo_packages):
    assert window.stack.currentWidget() is window.start     # a session without packages: the steps
    window.handle_drop(demo_packages[:2])
    wait_idle(qtbot, window)
    window.result_dialog.accept()
    assert window.stack.currentWidget() is window.pages and window.pages.currentWidget() is window.splitter
    assert window.current_application_id() is not None     # the package just imported, selected
    assert window.table.isVisible()


def test_demo_session_shows_done_and_current_steps(qtbot, tmp_path):
    ensure_demo_store(tmp_path / "demo")
    store = open_store(tmp_path / "demo")
    try:
        win = secretary_window(qtbot, store)
        win.show_start()
        st = panel_states(win)
        assert st["session"] == st["import"] == st["roster"] == "已完成"
        assert "当前步骤" in st.values()
        assert win.start.details["session"].text() == f"当前批次：{list_sessions(store)[-1].name}"
        assert win.start.details["bundles"].text() == "尚未制作评审包"
        win.close()
    finally:
        store.close()


@pytest.mark.parametrize("key,page_title", [("formal", None), ("roster", "专家库"), ("panels", "专家组与回避"),
                                            ("bundles", "评审包与评分回收"), ("returns", "评审包与评分回收"),
                                            ("results", "评审结果")])
def test_each_step_opens_its_page(qtbot, store, key, page_title):
    create_session(store, "2025年度评审")
    win = secretary_window(qtbot, store)
    win.show_start()
    win.start.buttons[key].click()
    assert win.stack.currentWidget() is win.pages
    page = win.pages.currentWidget()
    if page_title is None:
        assert page is win.splitter and win.status_filter.currentData() == "undecided"
    else:
        assert page.title() == page_title


def test_session_and_import_steps_open_their_actions(qtbot, store, monkeypatch):
    from ui.session_dialog import NewSessionDialog
    opened = []
    monkeypatch.setattr(NewSessionDialog, "exec", lambda self: (opened.append("session"), 0)[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: (opened.append("files"), ([], ""))[1])
    win = secretary_window(qtbot, store)
    win.start.buttons["import"].click()      # no session yet: import starts with the session
    assert opened == ["session"] and win.pages.currentWidget() is win.splitter
    create_session(store, "2025年度评审")
    win.reload_sessions()
    win.show_start()
    win.start.buttons["import"].click()
    assert opened == ["session", "files"]
    win.show_start()
    win.start.buttons["session"].click()
    assert opened == ["session", "files", "session"]


def test_f1_opens_the_manual_with_every_image_loaded(qtbot, store):
    win = secretary_window(qtbot, store)
    with qtbot.waitActive(win):
        win.activateWindow()
    win.start.buttons["session"].setFocus()
    qtbot.keyClick(win.start.buttons["session"], Qt.Key_F1)  # the key wherever the focus is
    dlg = win.manual_dialog
    assert dlg.isVisible()
    win.act_manual.trigger()                 # pressed again: the same window, not a second one
    assert win.manual_dialog is dlg
    text = dlg.browser.toPlainText()
    for step in ("新建评审批次", "导入申报包", "形式审查", "专家库", "专家组", "评审包", "回收评分", "评审结果",
                 "专家一方"):
        assert step in text, step
    urls = dlg.image_urls()
    assert len(urls) >= 8
    for url in urls:  # the browser's own loader: a broken image would come back empty
        res = dlg.browser.loadResource(QTextDocument.ImageResource, url)
        image = res if isinstance(res, (QImage, QPixmap)) else QImage.fromData(res) if res is not None else QImage()
        assert not image.isNull(), url.toString()
        assert image.width() >= 600, url.toString()
    dlg.close()


def test_the_start_panel_button_sits_left_of_the_page_tabs(qtbot, store, demo_packages):
    sid = create_session(store, "2025年度评审")
    import_packages(store, sid, demo_packages[:1])
    win = secretary_window(qtbot, store)
    corner = win.pages.cornerWidget(Qt.TopLeftCorner)
    assert corner is not None and corner.text() == "开始" and corner.isVisible()
    corner.click()
    assert win.stack.currentWidget() is win.start


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_manual_in_each_language_has_its_images_and_the_eight_steps(qtbot, lang):
    from ui.manual_dialog import ManualDialog
    dlg = ManualDialog(None, lang)
    qtbot.addWidget(dlg)
    assert dlg.path.parent.name == lang
    assert len(dlg.browser.toPlainText()) > 2000
    for url in dlg.image_urls():
        assert not QImage(url.toLocalFile()).isNull(), url.toString()
    anchors = ("start", "session", "import", "formal", "roster", "panels", "bundles", "returns", "results", "expert")
    html = dlg.path.read_text(encoding="utf-8")
    assert all(f'name="{a}"' in html and f'href="#{a}"' in html for a in anchors)
