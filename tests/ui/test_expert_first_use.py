"""Issue 15, the expert window a first-time expert gets right without help: the Tab chain follows
the form (items 3), Ctrl+Enter moves on, a D/E grade asks for its comment, the description of the
chosen grade (4), the empty state (5), a laptop screen keeps the total and the status in view (10),
and the English window shows no Chinese but data (12)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ..expert_fixtures import grade_fully, issue, no_real_keyring, world, ws  # noqa: F401
from ..exchange_fixtures import good_review
from .conftest import expert_window

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def opened(qtbot, ws, world, tmp_path):
    """(window, bundle info): a bundle of 3 applications open, the first one shown."""
    info = issue(world, tmp_path)
    ws.add_bundle(info.path, info.password, trusted_fingerprint=world.secretary.fingerprint)
    w = expert_window(qtbot, ws)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w, info


def _fill(ws, bid, aid):
    """Everything an application needs, without marking it complete."""
    r = good_review(aid)
    for cid, g in r["grades"].items():
        ws.set_grade(bid, aid, cid, g["grade"])
    ws.set_opinion(bid, aid, r["opinion"])
    ws.set_recommendation(bid, aid, "support")


def _name(w: QWidget, win) -> str:
    for i, box in enumerate(win.form.boxes):
        if w in box.buttons.buttons():
            return f"c{i + 1}.grade"
        if w is box.comment:
            return f"c{i + 1}.comment"
    if w is win.form.opinion:
        return "opinion"
    if w in win.form.rec_group.buttons():
        return "recommendation"
    if w is win.form.complete:
        return "complete"
    if w is win.form.recuse:
        return "recuse"
    return type(w).__name__


# -- item 3 -------------------------------------------------------------------------------------------

def test_tab_follows_the_form_and_recusal_is_out_of_the_chain(qtbot, opened, monkeypatch):
    win, info = opened
    from ui.expert.dialogs import RecusalDialog
    asked = []
    monkeypatch.setattr(RecusalDialog, "exec", lambda self: asked.append(1) or 0)
    win.form.boxes[0].focus_grades()
    chain = [_name(QApplication.focusWidget(), win)]
    for _ in range(40):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        chain.append(_name(QApplication.focusWidget(), win))
        if chain[-1] == "complete":
            break
    want = [x for i in range(1, 7) for x in (f"c{i}.grade", f"c{i}.comment")] + ["opinion", "recommendation",
                                                                                   "complete"]
    assert chain == want
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert _name(QApplication.focusWidget(), win) != "recuse"
    # Space on the recommendation checks it and never opens the recusal dialog
    radio = win.form.rec_group.buttons()[0]
    radio.setFocus(Qt.TabFocusReason)
    QTest.keyClick(radio, Qt.Key_Space)
    assert radio.isChecked() and not asked
    assert win.ws.draft(info.bundle_id, win.application_id).recommendation == radio.property("rec")
    qtbot.mouseClick(win.form.recuse, Qt.LeftButton)  # its own button still asks
    assert asked == [1]


def test_band_mode_tab_goes_through_the_points(qtbot, ws, tmp_path):
    from ..exchange_fixtures import build_world
    bw = build_world(tmp_path / "band", n_apps=1, band_mode=True)
    try:
        info = issue(bw, tmp_path)
        ws.add_bundle(info.path, info.password)
        win = expert_window(qtbot, ws)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        b0, b1 = win.form.boxes[:2]
        b0.focus_grades()
        seen = []
        for _ in range(3):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
            seen.append(QApplication.focusWidget())
        assert seen[0] in (b0.points, b0.points.focusProxy(), *b0.points.findChildren(QWidget))
        assert seen[1] is b0.comment and b1.has_focus_in_grades()
    finally:
        bw.store.close()


def test_ctrl_enter_marks_complete_and_moves_to_the_next_unfinished(qtbot, opened):
    win, info = opened
    ws, bid = win.ws, info.bundle_id
    a1, a2, a3 = info.application_ids
    grade_fully(ws, bid, a2)
    win.apps.select(a3)
    _fill(ws, bid, a3)
    win.form.reload()
    QTest.keyClick(QApplication.focusWidget() or win, Qt.Key_Return, Qt.ControlModifier)
    assert ws.draft(bid, a3).status == "complete"
    assert win.application_id == a1  # wrapped round, a2 was done already
    assert win.form.boxes[0].has_focus_in_grades()
    QTest.keyClick(QApplication.focusWidget() or win, Qt.Key_Return, Qt.ControlModifier)  # a1 not ready: stays
    assert win.application_id == a1 and "尚不能标记完成" in win.form.problems.text()
    _fill(ws, bid, a1)
    win.form.reload()
    win.form.opinion.setFocus()  # typed last: Ctrl+Enter from the opinion box is no new line
    QTest.keyClick(win.form.opinion, Qt.Key_Return, Qt.ControlModifier)
    assert ws.draft(bid, a1).status == "complete" and "\n" not in ws.draft(bid, a1).opinion
    from ui.expert.submit_dialog import SubmitDialog
    dlg = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SubmitDialog) and w.isVisible()), None)
    assert dlg is not None and dlg.readiness.complete  # all done: on to submitting
    dlg.reject()


def test_a_d_or_e_grade_moves_focus_into_its_comment(qtbot, opened):
    win, _info = opened
    b0, b1 = win.form.boxes[:2]
    b0.focus_grades()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_4)  # D
    assert b0.current == "D" and b0.comment.hasFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)  # on to the next criterion
    assert b1.has_focus_in_grades()
    qtbot.mouseClick(next(b for b in b1.buttons.buttons() if b.letter == "E"), Qt.LeftButton)
    assert b1.current == "E" and b1.comment.hasFocus()
    QTest.keyClick(win.form.boxes[2].buttons.buttons()[0], Qt.Key_B)  # B: straight on to the next criterion
    assert win.form.boxes[3].has_focus_in_grades()


# -- item 4 -------------------------------------------------------------------------------------------

def test_the_description_shown_is_that_of_the_chosen_grade(qtbot, opened):
    win, _info = opened
    boxes = win.form.boxes
    anchors = [b.criterion.anchors for b in boxes]
    assert all(anchors[i]["A"] in b.anchor.text() for i, b in enumerate(boxes))  # before one is chosen: A's
    boxes[0].focus_grades()
    for k in (Qt.Key_2, Qt.Key_3, Qt.Key_4):  # B, C, D by keyboard (D then sits in its comment)
        QTest.keyClick(QApplication.focusWidget(), k)
    assert anchors[0]["B"] in boxes[0].anchor.text() and boxes[0].anchor.text().startswith("B ")
    assert anchors[1]["C"] in boxes[1].anchor.text()
    assert anchors[2]["D"] in boxes[2].anchor.text()
    boxes[4].grade("C")  # set while another grade of the box has focus
    boxes[5].focus_grades()
    assert anchors[4]["C"] in boxes[4].anchor.text()
    assert anchors[3]["A"] in boxes[3].anchor.text()
    win.form.reload()  # shown again from the workspace
    assert anchors[0]["B"] in boxes[0].anchor.text() and anchors[2]["D"] in boxes[2].anchor.text()


# -- item 5 -------------------------------------------------------------------------------------------

def test_the_empty_state_is_one_big_open_action(qtbot, ws, monkeypatch):
    win = expert_window(qtbot, ws)
    e = win.empty
    assert e.isVisible() and e.open_button.isVisible()
    assert e.open_button.text().startswith("打开评审包")
    assert "任务书" in e.where.text() and "密码" in e.where.text()
    assert e.open_button.height() >= 40
    assert e.where.height() >= e.where.heightForWidth(e.where.width())  # the wrapped line is not clipped
    for w in (win.docs, win.form, win.apps, win.docs.summary, win.docs.checks, win.form.opinion):
        assert not w.isVisible()
    assert not win.statusBar().currentMessage()
    chosen = []
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: chosen.append(1) or ([], ""))
    qtbot.mouseClick(e.open_button, Qt.LeftButton)
    assert chosen == [1]


def test_opening_a_bundle_leaves_the_empty_state(qtbot, ws, world, tmp_path):
    win = expert_window(qtbot, ws)
    info = issue(world, tmp_path)
    ws.add_bundle(info.path, info.password)
    win.reload_bundles(info.bundle_id)
    assert not win.empty.isVisible() and win.form.isVisible() and win.docs.isVisible()


# -- item 10 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1366, 705), (1920, 1080)])
def test_total_and_status_stay_in_view_on_a_laptop(qtbot, opened, size):
    win, _info = opened
    win.resize(*size)
    qtbot.waitUntil(lambda: win.size().height() == size[1])
    QTest.qWait(50)
    f = win.form
    assert len(f.boxes) == 6
    for w in (f.total, f.state, f.complete):
        assert w.isVisible() and not w.visibleRegion().isEmpty(), w
        assert w.visibleRegion().boundingRect().height() >= w.sizeHint().height() - 2
    viewport = f.scroll.viewport().height()
    box = f.boxes[0].height()
    assert box <= 140  # compact: four criteria in view at 705 px (three before)
    if size == (1366, 705):
        assert viewport >= 4 * box, (viewport, box)
    f.boxes[5].focus_grades()  # the last criterion, scrolled into view: total and status still there
    QTest.qWait(20)
    assert not f.total.visibleRegion().isEmpty() and not f.state.visibleRegion().isEmpty()
    win.mark_complete()  # the list of what is missing (7 lines) leaves three criteria in view
    QTest.qWait(20)
    assert f.problems_box.isVisible() and not f.complete.visibleRegion().isEmpty()
    assert f.scroll.viewport().height() >= 3 * box, (f.scroll.viewport().height(), box)


# -- item 12 (expert part) ----------------------------------------------------------------------------

def _texts(root: QWidget):
    for w in [root] + root.findChildren(QWidget):
        if not w.isVisibleTo(root.window()):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            yield w, w.text()
        if hasattr(w, "placeholderText"):
            yield w, w.placeholderText()
        if w.toolTip():
            yield w, w.toolTip()


def _cjk_hits(widgets_texts, data):
    hits = []
    for w, text in widgets_texts:
        for d in sorted(data, key=len, reverse=True):
            text = text.replace(d, "")
        if CJK.search(text):
            hits.append((type(w).__name__, text))
    return hits


def test_english_expert_form_shows_no_chinese_but_data(qtbot, ws, world, tmp_path):
    from ui.app import make_app
    from ui.expert.main_window import ExpertWindow
    make_app(lang="en")
    try:
        empty = ExpertWindow(ws)
        qtbot.addWidget(empty)
        empty.show()
        assert not _cjk_hits(_texts(empty.empty), set()) and empty.empty.open_button.text() == "Open Review Bundle…"
        info = issue(world, tmp_path)
        ws.add_bundle(info.path, info.password)
        bid = info.bundle_id
        from ui.expert.main_window import ExpertWindow
        win = ExpertWindow(ws)  # not conftest.expert_window: that one starts the app in Chinese
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        box = win.form.boxes[3]
        box.grade("D")
        win.mark_complete()  # the list of what is missing
        form = win.form.form
        b = ws.bundle(bid)
        data = {form.title, b.session_name, b.expert_name}
        for c in form.criteria:
            data |= {c.name, c.description, *c.anchors.values()}
        for e in ws.applications(bid):
            data |= {e.title, e.applicant}
        hits = _cjk_hits([*_texts(win.form), *_texts(win.apps), *_texts(win.statusBar()),
                          *((a, a.text()) for a in win.findChildren(QAction))], data)
        assert not hits, hits
        assert "Poor" in win.form.problems.text() and "Excellent" in box.buttons.buttons()[0].text()
        dlg = win.submit()  # what is missing, per application
        data |= {a for a in info.application_ids}
        data |= {"“部分”"}  # a partial return's file name carries 部分 in every UI language
        hits = _cjk_hits([*_texts(dlg), (dlg.missing, dlg.missing.toPlainText()), (dlg, dlg.windowTitle())], data)
        dlg.reject()
        assert not hits, hits
        from nn_review.expert.intake import peek_bundle
        from ui.expert.dialogs import ExpertSettingsDialog, OpenBundleDialog, RecusalDialog
        other = issue(world, tmp_path / "second", expert="李秀英")
        for dlg in (RecusalDialog(info.application_ids[0], "标题", win), OpenBundleDialog(ws, peek_bundle(ws, other.path), win),
                    ExpertSettingsDialog(ws, win)):
            qtbot.addWidget(dlg)
            dlg.show()
            hits += _cjk_hits([*_texts(dlg), (dlg, dlg.windowTitle())], data | {"标题", "李秀英", other.path.name})
            dlg.close()
        assert not hits, hits
    finally:
        make_app(lang="zh_CN")
