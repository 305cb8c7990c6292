"""Tables at 1366×768 and 1920×1080, in Chinese and English (issue 15 item 9): the applications
table's title stretches (no empty half at 1920) and its last column (形式审查结论) stays in view
at 1366 in English; the conflict matrix names the experts in a frozen column and the
applications (id and title) in its headers, every column reachable by scrolling; the roster
and returns tables use their width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from nn_review.demo.roster import build_demo_roster
from nn_review.roster.conflicts import conflict_matrix
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session

SIZES = [(1366, 768), (1920, 1080)]


@pytest.fixture(params=[(lang, size) for lang in ("zh_CN", "en") for size in SIZES],
                ids=lambda p: f"{p[0]}-{p[1][0]}")
def win(request, qtbot, store, demo_packages):
    from ui.app import make_app
    from ui.main_window import MainWindow
    lang, size = request.param
    sid = create_session(store, "表格宽度")
    import_packages(store, sid, demo_packages)
    build_demo_roster(store, sid)
    make_app(lang=lang)
    try:
        w = MainWindow(store)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        w.size_label = f"{lang} {size}"
        yield w
    finally:
        make_app()  # the other tests run in Chinese


def right_edge(view, col: int) -> int:
    h = view.horizontalHeader()
    return h.sectionViewportPosition(col) + h.sectionSize(col)


def page(win, index: int):
    win.pages.setCurrentIndex(index)
    return win.pages.currentWidget()


def test_applications_table_uses_its_width_and_keeps_the_last_column(win, qtbot):
    t = win.table
    h, last, width = t.horizontalHeader(), t.model().columnCount() - 1, t.viewport().width()
    qtbot.waitUntil(lambda: abs(right_edge(t, last) - t.viewport().width()) <= 1)
    for c in range(last + 1):  # every column in view, none squeezed to nothing
        assert h.sectionViewportPosition(c) >= 0 and right_edge(t, c) <= width, (win.size_label, c)
        assert h.sectionSize(c) >= 56, (win.size_label, c, h.sectionSize(c))
    assert t.horizontalScrollBar().maximum() == 0
    if win.width() >= 1920:
        others = [h.sectionSize(c) for c in range(last + 1) if c != 2]
        assert h.sectionSize(2) > max(others)  # the title takes what the others leave
    # The window narrowed (the splitter moved): the last column still in view.
    win.splitter.setSizes([720, win.width() - 720])
    qtbot.waitUntil(lambda: right_edge(t, last) <= t.viewport().width())


def test_conflict_matrix_names_frozen_and_all_columns_reachable(win, qtbot):
    panels = page(win, 2)
    panels.tabs.setCurrentIndex(1)
    g = panels.grid
    m = conflict_matrix(win.store, win.session_id)
    assert g.columnCount() == len(m["applications"]) == 21
    for j, a in enumerate(m["applications"]):  # id and the title's beginning, in full on hover
        head = g.model().headerData(j, Qt.Horizontal)
        assert head.startswith(a["application_id"] + "\n") and a["title"][:2] in head
        tip = g.model().headerData(j, Qt.Horizontal, Qt.ToolTipRole)
        assert a["title"] in tip and a["applicant"] in tip
    for i, e in enumerate(m["experts"]):
        assert e["name"] in g.model().headerData(i, Qt.Vertical)
        assert e["unit"] in g.model().headerData(i, Qt.Vertical, Qt.ToolTipRole)
    vh = g.verticalHeader()
    assert vh.isVisible() and 80 <= vh.width() <= 220
    bar = g.horizontalScrollBar()
    bar.setValue(bar.maximum())
    last = g.columnCount() - 1
    qtbot.waitUntil(lambda: 0 <= g.columnViewportPosition(last)
                    and g.columnViewportPosition(last) + g.columnWidth(last) <= g.viewport().width() + 1)
    # the names column stays where it was, left of the scrolled cells
    assert vh.isVisible() and vh.geometry().right() < g.viewport().geometry().left() + 1
    assert g.columnViewportPosition(0) < 0  # scrolled: the first application is out of view, not the names


def test_roster_and_returns_tables_use_their_width(win, qtbot):
    roster = page(win, 1)
    t = roster.table
    qtbot.waitUntil(lambda: abs(right_edge(t, 7) - t.viewport().width()) <= 1)
    assert t.horizontalScrollBar().maximum() == 0
    if win.width() >= 1920:  # the unit column (stretch) is not capped
        assert t.horizontalHeader().sectionSize(2) > 400
    exchange = page(win, 3)
    for view in (exchange.experts, exchange.apps):
        n = view.model().columnCount() - 1
        qtbot.waitUntil(lambda v=view, n=n: abs(right_edge(v, n) - v.viewport().width()) <= 1)
