"""Issue 15 on the 评审结果 page: the panel's opinion is never lost (item 1), long refusals
scroll (item 11), plain statistics and texts in the UI language (items 8 and 12), the title
column takes the room (item 9)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nn_review.results import get_draft

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from .conftest import open_results_page
from .test_expert_window import type_chinese
from .test_results_page import FIVE, graded_world

TEXT = "专家组初步意见：项目基础较好，技术路线"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture
def world(tmp_path):
    w = graded_world(tmp_path)
    yield w
    w.store.close()


def row_of(page, app_id):
    return page.model.row_of(app_id)


def test_opinion_survives_a_row_change_a_restart_and_goes_when_recorded(qtbot, world):
    page = open_results_page(qtbot, world)
    store, sid = world.store, world.sid
    a1, a2 = world.app_ids
    page.select_app(a1)
    type_chinese(page.opinion, TEXT)
    page.select_app(a2)                                       # another row: the text is kept
    assert page.opinion.toPlainText() == ""
    assert get_draft(store, sid, a1).text == TEXT
    assert page.model.index(row_of(page, a1), 2).data(Qt.DecorationRole) is not None   # the row is marked
    assert "草稿" in page.model.index(row_of(page, a1), 2).data(Qt.ToolTipRole)
    assert page.model.index(row_of(page, a2), 2).data(Qt.DecorationRole) is None
    page.select_app(a1)
    assert page.opinion.toPlainText() == TEXT
    assert re.fullmatch(r"草稿已保存 \d\d:\d\d", page.draft_state.text())

    # typing on: saved a second after it stops, and the page's own notice does not reload the editor
    refreshed = []
    real = page.refresh
    page.refresh = lambda: (refreshed.append(1), real())[1]
    type_chinese(page.opinion, "可行")
    cursor = page.opinion.textCursor().position()
    qtbot.waitUntil(lambda: get_draft(store, sid, a1).text == TEXT + "可行", timeout=5000)
    assert refreshed == [] and page.opinion.textCursor().position() == cursor
    # another process's commit reloads the page, not the editor under the typing user
    type_chinese(page.opinion, "，建议")
    page.win.ops.external()
    assert refreshed == [1] and page.opinion.toPlainText() == TEXT + "可行，建议"
    assert page.opinion.textCursor().position() == len(TEXT + "可行，建议")
    del page.refresh

    # focus leaving the editor saves; so does closing the window
    type_chinese(page.opinion, "支持")
    page.table.setFocus()
    assert get_draft(store, sid, a1).text == TEXT + "可行，建议支持"
    page.select_app(a1)
    type_chinese(page.opinion, "。")
    page.win.close()
    assert get_draft(store, sid, a1).text == TEXT + "可行，建议支持。"

    # a new window shows it again
    page = open_results_page(qtbot, world)
    page.select_app(a1)
    assert page.opinion.toPlainText() == TEXT + "可行，建议支持。"
    # recording it: the draft is gone, the mark too
    page.final.setCurrentIndex(page.final.findData(page.current_app().computed_recommendation))
    assert page.save_consensus()
    assert get_draft(store, sid, a1) is None
    assert page.model.index(row_of(page, a1), 2).data(Qt.DecorationRole) is None
    assert page.current_app().consensus.text == TEXT + "可行，建议支持。" and page.draft_state.text() == ""


def test_a_refused_record_keeps_the_draft(qtbot, world, monkeypatch):
    page = open_results_page(qtbot, world)
    a1, _ = world.app_ids
    page.select_app(a1)
    type_chinese(page.opinion, TEXT)
    page.final.setCurrentIndex(page.final.findData("reject"))   # differs from the computed one, no reason
    page.reason.setText("")
    assert not page.save_consensus()
    assert get_draft(world.store, world.sid, a1).text == TEXT and page.opinion.toPlainText() == TEXT



def test_another_session_chosen_keeps_the_draft_in_its_own_session(qtbot, world):
    page = open_results_page(qtbot, world)
    a1 = world.app_ids[0]
    page.select_app(a1)
    type_chinese(page.opinion, TEXT)
    page.set_session(None)
    assert get_draft(world.store, world.sid, a1).text == TEXT and page.opinion.toPlainText() == ""
    page.set_session(world.sid)
    page.select_app(a1)
    assert page.opinion.toPlainText() == TEXT and page.draft_state.text().startswith("草稿已保存")

# -- item 11: a long refusal scrolls and can be copied ---------------------------------------------

def long_messages(monkeypatch):
    from ui.long_message import LongMessageDialog
    shown = []
    monkeypatch.setattr(LongMessageDialog, "exec", lambda dlg: (shown.append(dlg), dlg.show())[0] or 0)
    return shown


def test_finalise_refusal_for_32_applications_scrolls_and_copies(qtbot, tmp_path, monkeypatch):
    from ui.app import make_app

    from ..results_fixtures import bulk_world
    make_app()
    w = bulk_world(tmp_path, n_apps=32)
    page = open_results_page(qtbot, w)
    shown = long_messages(monkeypatch)
    page.finalise_dialog()
    dlg = shown[-1]
    assert len(dlg.lines) >= 32 and "32" in dlg.summary.text() and "还不能定稿" in dlg.summary.text()
    assert all("尚未录入专家组意见" in x for x in dlg.lines[:32])
    assert dlg.body.verticalScrollBar().maximum() > 0   # it scrolls
    dlg.copy_button.click()
    copied = QApplication.clipboard().text()
    assert w.app_ids[0] in copied and copied.count("\n") >= 32
    dlg.close()
    # the same refusal in English: only the data (the panel's name) stays Chinese
    from nn_review.i18n import render
    from nn_review.results import finalise_refusal
    en = [render(p, "en") for p in finalise_refusal(w.store, w.sid)[0]]
    assert len(en) == len(dlg.lines) and all(not CJK.search(x.replace("信息技术组", "")) for x in en), en[:3]
    w.store.close()


# -- item 9: the title column takes the room ------------------------------------------------------

@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_title_column_stretches_and_the_rest_fit_their_contents(qtbot, world, size):
    from ..results_fixtures import LONG_TITLE, retitle
    retitle(world, {world.app_ids[0]: LONG_TITLE})
    page = open_results_page(qtbot, world, size=size)
    page.refresh()
    qtbot.waitExposed(page.win)
    t, m = page.table, page.model
    widths = [t.columnWidth(c) for c in range(m.columnCount())]
    viewport = t.viewport().width()
    assert abs(sum(widths) - viewport) <= 2          # no empty half of the table at 1920
    assert t.horizontalScrollBar().maximum() == 0    # nothing pushed off-screen at 1366
    title = widths[3]
    assert title == max(widths) and title > (300 if size[0] == 1920 else 150)
    for c in (0, 1, 2, 4):                           # ids, ranks, an expert's total: as wide as their contents
        assert widths[c] >= t.sizeHintForColumn(c) - 1, (c, widths[c], t.sizeHintForColumn(c))


# -- items 8 and 12: plain words, and no Chinese on the English page but data ----------------------

def page_texts(page) -> list[tuple[str, str]]:
    """(where, text) of everything the page shows or shows on hover: labels, buttons, tabs, combo
    items, placeholders, every cell and header of its tables, and their tooltips."""
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableView,
                                   QTableWidget, QTabWidget, QWidget)
    out = []
    for w in [page, *page.findChildren(QWidget)]:
        name = type(w).__name__
        if w.toolTip():
            out.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            out.append((f"{name} placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QTableView) and not isinstance(w, QTableWidget) or isinstance(w, QTableWidget):
            m = w.model()
            for c in range(m.columnCount()):
                out.append(("header", str(m.headerData(c, Qt.Horizontal) or "")))
                for r in range(m.rowCount()):
                    for role in (Qt.DisplayRole, Qt.ToolTipRole):
                        v = m.index(r, c).data(role)
                        if v not in (None, ""):
                            out.append((f"cell {r},{c}", str(v)))
    return out


def data_strings(world) -> list[str]:
    """What the page shows as it was entered (names, titles, typed reasons): not UI text."""
    from nn_review.store import models as M
    from ..results_fixtures import OPINION
    with world.store.read() as s:
        apps = [s.get(M.Application, pk) for pk in world.apps.values()]
        extra = [a.title for a in apps] + [a.applicant_name for a in apps]
        extra += [s.get(M.Panel, world.panel_id).name, s.get(M.ReviewSession, world.sid).name]
    return sorted([*FIVE, *extra, OPINION, "论证不足，需补充数据和依据。", "评分后发现与申报单位有合作关系", TEXT],
                  key=len, reverse=True)


@pytest.fixture
def english():
    from nn_review import i18n
    from ui.app import make_app
    make_app(lang="en")
    yield
    make_app(lang="zh_CN")
    i18n.set_language("zh_CN")


def test_english_results_page_shows_no_chinese_but_data(qtbot, world, english):
    from nn_review.results import save_draft
    from nn_review.roster.conflicts import add_conflict
    from ui.results_page import ResultsPage
    a1, a2 = world.app_ids
    add_conflict(world.store, world.sid, world.experts["王建国"], a2, "评分后发现与申报单位有合作关系")
    save_draft(world.store, world.sid, a1, TEXT)
    from ui.main_window import MainWindow
    win = MainWindow(world.store)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    page = next(p for p in win.extra_pages if isinstance(p, ResultsPage))
    win.pages.setCurrentWidget(page)
    assert page.title() == "Results" or not CJK.search(page.title())
    known = data_strings(world)
    found = []
    for app in (a1, a2):
        page.select_app(app)
        for where, text in page_texts(page):
            rest = text
            for d in known:
                rest = rest.replace(d, "")
            if CJK.search(rest):
                found.append(f"{where}: {text!r}")
    assert not found, "\n".join(sorted(set(found)))
    # the agreement in plain words; the figures only on hover
    assert page.kendall.text().startswith("Agreement among the experts:")
    assert "W = " not in page.kendall.text() and "Kendall's W = " in page.kendall.toolTip()
    assert page.final.itemText(0) == "Support"
    # a refusal in English too: what is wrong and what to do
    from PySide6.QtWidgets import QMessageBox
    told = []
    page.select_app(a1)
    page.final.setCurrentIndex(page.final.findData("reject"))
    page.reason.setText("")
    import unittest.mock as mock
    with mock.patch.object(QMessageBox, "warning", lambda *a, **k: told.append(a[2])):
        assert not page.save_consensus()
    assert told and "Give the reason" in told[0] and not CJK.search(told[0]), told
    hover = page.grades.item(0, 2).toolTip()
    assert hover.split("\n")[0] in ("A Excellent", "B Good", "C Fair", "D Poor", "E Very poor"), hover


def test_agreement_in_plain_chinese_with_the_figures_on_hover(qtbot, world):
    page = open_results_page(qtbot, world)
    text = page.kendall.text()
    assert re.match(r"专家评分一致性：(好|较好|一般|差)。", text) and "W =" not in text and "χ²" not in text
    assert "肯德尔和谐系数 W = " in page.kendall.toolTip() and "p = " in page.kendall.toolTip()
