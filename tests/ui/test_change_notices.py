"""Issue 14 §1: every write goes through the window's runner (``win.ops``) and every open page
that shows affected data is current afterwards — without a restart, a re-selection or a click
on another panel.

One table of operation × page. Each row runs one write the way the UI does (its page's own
method where there is one, ``win.ops.run/call`` of the core function otherwise), on a store
with packages, a roster, a panel, bundles and signed returns. Then, for every page, what the
page shows (every item view's display data, combo boxes, visible labels and texts, button
states) must equal what a freshly opened window on the same store shows on the same session,
page and selection.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QLabel, QMessageBox,
                               QPlainTextEdit, QTextEdit)

from nn_review.demo.roster import write_roster_xlsx
from nn_review.formats.scorefile import write_score_file
from nn_review.keys import ephemeral_key
from nn_review.results import consensus as C
from nn_review.results import reports
from nn_review.roster import conflicts, draw, panels, xlsx
from nn_review.services import formal, importer, sessions
from nn_review.store import open_store

from ..exchange_fixtures import World, no_real_keyring  # noqa: F401  (autouse)
from ..helpers import distinct_packages, file_keys
from ..results_fixtures import make_world, return_scores, review
from .conftest import secretary_window

THREE = ("王建国", "李秀英", "赵明")
EXTRA = ["NNKJ-2025-9001", "NNKJ-2025-9002"]   # imported, in no panel yet
OPINION = "专家组一致认为该项目技术路线可行，考核指标明确，建议支持。"


# -- the world ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """Built once: a session of two panelled applications reviewed and returned by three
    experts (consensus on the first), plus two packages in no panel. Each test copies it."""
    root = tmp_path_factory.mktemp("change-notices")
    with file_keys(root, NN_REVIEW_SECRETARY_PASSPHRASE="test-secretary-passphrase"):
        w = make_world(root, n_apps=2, experts=THREE, leader="王建国")
        return_scores(w, root, {n: [review(a, "ABBCCB") for a in w.app_ids] for n in THREE})
        extra = root / "extra"
        extra.mkdir()
        rep = importer.import_packages(w.store, w.sid, distinct_packages(extra, EXTRA, code_base=700))
        assert rep.counts["imported"] == 2
        C.set_consensus(w.store, w.sid, w.app_ids[0], opinion=OPINION, recommendation="support")
        w.store.close()
    w.root = root
    return w


@dataclass
class Case:
    name: str
    page: str                                          # the page the operation is started from
    act: Callable                                      # act(qtbot, win, world, tmp_path)
    prepare: Callable | None = None                    # prepare(world, tmp_path), before the window opens


@pytest.fixture
def world(base, tmp_path):
    shutil.copytree(base.root / "store", tmp_path / "store")
    store = open_store(tmp_path / "store")
    w = World(store, base.sid, base.panel_id, dict(base.experts), dict(base.apps), base.secretary)
    w.opened, w.keys = base.opened, base.keys
    yield w
    store.close()


# -- snapshots ------------------------------------------------------------------------------------

APPS_PAGE = "申报包与形式审查"


def page_titles(win) -> list[str]:
    return [win.pages.tabText(i) for i in range(win.pages.count())]


def show(win, title: str):
    win.pages.setCurrentIndex(page_titles(win).index(title))
    return win.pages.currentWidget()


def _settle() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def _views(page) -> list[QAbstractItemView]:
    return [v for v in page.findChildren(QAbstractItemView) if v.isVisibleTo(page)]


def _combos(page) -> list[QComboBox]:
    return [c for c in page.findChildren(QComboBox) if c.isVisibleTo(page)]


def _model_text(model) -> list[list[str]]:
    out = []
    r = 0
    while model.hasIndex(r, 0):  # hasIndex: the list widgets' models keep rowCount/columnCount private
        c, row = 0, []
        while model.hasIndex(r, c):
            row.append(str(model.data(model.index(r, c), Qt.DisplayRole) or ""))
            c += 1
        out.append(row)
        r += 1
    return out


def snapshot(win, page) -> list:
    _settle()
    out: list = [("session", [win.sessions.itemText(i) for i in range(win.sessions.count())],
                  win.sessions.currentText()), ("counts", win.counts.text())]
    for v in _views(page):
        out.append((type(v).__name__, _model_text(v.model())))
    for c in _combos(page):
        out.append(("combo", [c.itemText(i) for i in range(c.count())], c.currentText()))
    for w in page.findChildren(QLabel):
        if w.isVisibleTo(page):
            out.append(("label", w.text()))
    for w in page.findChildren(QTextEdit) + page.findChildren(QPlainTextEdit):
        if w.isVisibleTo(page) and w.isReadOnly():
            out.append(("text", w.toPlainText()))
    for b in page.findChildren(QAbstractButton):
        if b.isVisibleTo(page) and b.text():
            out.append(("button", b.text(), b.isEnabled()))
    return out


def _key(view, index) -> str:
    return str(view.model().data(view.model().index(index.row(), 0), Qt.DisplayRole) or "")


def align(old_page, new_page) -> None:
    """The fresh window's page chooses what the user had chosen: combo entries, then current
    rows (found by their first cell), one at a time (a choice may fill the next view)."""
    for i in range(len(_combos(old_page))):
        o, n = _combos(old_page)[i], _combos(new_page)
        if i < len(n) and n[i].currentText() != o.currentText() and n[i].findText(o.currentText()) >= 0:
            n[i].setCurrentIndex(n[i].findText(o.currentText()))
    i = 0
    while i < len(_views(old_page)):
        o, ns = _views(old_page)[i], _views(new_page)
        if i < len(ns) and o.currentIndex().isValid():
            n, key = ns[i], _key(o, o.currentIndex())
            if not n.currentIndex().isValid() or _key(n, n.currentIndex()) != key:
                m = n.model()
                row = next((r for r, cells in enumerate(_model_text(m)) if cells[0] == key), -1)
                if row >= 0:
                    n.setCurrentIndex(m.index(row, max(o.currentIndex().column(), 0)))
        i += 1
        _settle()


def assert_current(qtbot, win, world, home: str, case: str = "") -> None:
    """Every page of ``win`` shows what a freshly opened window shows (the home page first,
    without leaving it: it must be current at once)."""
    from ui.main_window import MainWindow
    titles = [home] + [t for t in page_titles(win) if t != home]
    seen = {}
    for t in titles:
        seen[t] = snapshot(win, show(win, t))
    fresh = MainWindow(world.store)
    qtbot.addWidget(fresh)
    fresh.resize(win.size())
    fresh.show()
    try:
        fresh.sessions.setCurrentIndex(fresh.sessions.findData(win.session_id))
        stale = []
        for t in titles:
            old_page, new_page = show(win, t), show(fresh, t)
            align(old_page, new_page)
            if snapshot(fresh, new_page) != seen[t]:
                stale.append(t)
                _explain(t, seen[t], snapshot(fresh, new_page))
        assert not stale, f"pages not current: {stale}"
    finally:
        fresh.close()


def _explain(title, old, new) -> None:
    print(f"--- {title}: shown vs. fresh")
    for a, b in zip(old, new):
        if a != b:
            print("  shown:", str(a)[:600])
            print("  fresh:", str(b)[:600])
    if len(old) != len(new):
        print("  lengths", len(old), len(new))


# -- the operations -------------------------------------------------------------------------------

def wait_idle(qtbot, win, timeout=60000):
    qtbot.waitUntil(lambda: not win.ops.busy and getattr(win, "task", None) is None, timeout=timeout)


def _call(win, fn, *args, **kw):
    return win.ops.call(fn, *args, **kw)


def _run(qtbot, win, fn, *args, **kw):
    box = {}
    win.ops.run("test", fn, *args, done=lambda v: box.setdefault("value", v),
                failed=lambda m: box.setdefault("error", m), **kw)
    wait_idle(qtbot, win)
    assert "error" not in box, box.get("error")
    return box.get("value")


def _aid(world, i=0) -> str:
    return world.app_ids[i]


def _panel2(world, tmp_path, members=False):
    pid = panels.create_panel(world.store, world.sid, "第二组", application_ids=EXTRA)
    if members:
        panels.add_members(world.store, pid, list(world.experts.values()))
    world.panel2 = pid


def _pkg(tmp_path) -> Path:
    (tmp_path / "new").mkdir(exist_ok=True)
    return distinct_packages(tmp_path / "new", ["NNKJ-2025-9101"], code_base=900)[0]


def act_import(qtbot, win, world, tmp_path):
    win.import_paths([_pkg(tmp_path)])
    wait_idle(qtbot, win)
    win.result_dialog.close()


def act_remove(qtbot, win, world, tmp_path, monkeypatch):
    assert win.select_application(EXTRA[0])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    win.remove_selected()
    wait_idle(qtbot, win)


def act_recheck(qtbot, win, world, tmp_path):
    win.rerun_checks()
    wait_idle(qtbot, win)


def act_decide(qtbot, win, world, tmp_path):
    assert win.select_application(_aid(world, 1))
    assert win.decide(_aid(world, 1), "excluded", "材料不全")


def act_new_session(qtbot, win, world, tmp_path):
    _call(win, sessions.create_session, world.store, "第二批")


def act_roster_import(qtbot, win, world, tmp_path):
    _run(qtbot, win, xlsx.import_roster, world.store, write_roster_xlsx(tmp_path / "roster.xlsx"))


def act_expert_add(qtbot, win, world, tmp_path):
    from nn_review.roster.edit import add_expert
    _call(win, add_expert, world.store, {"name": "新专家", "unit": "广西新单位", "fields": "重点研发计划"})


def act_expert_deactivate(qtbot, win, world, tmp_path):
    from nn_review.roster.edit import set_expert_active
    from nn_review.roster.experts import list_experts
    _call(win, set_expert_active, world.store, list_experts(world.store)[0].id, False, "调离")


def act_create_panel(qtbot, win, world, tmp_path):
    _call(win, panels.create_panel, world.store, world.sid, "第二组", application_ids=EXTRA)


def prep_draw(world, tmp_path):
    _panel2(world, tmp_path)
    xlsx.import_roster(world.store, write_roster_xlsx(tmp_path / "roster.xlsx"))


def act_draw(qtbot, win, world, tmp_path):
    _run(qtbot, win, draw.draw_experts, world.store, world.sid, world.panel2, 2, seed=7, fields=["人工智能"])


def act_assign(qtbot, win, world, tmp_path):
    _call(win, panels.assign, world.store, world.panel2)


def act_conflict_add(qtbot, win, world, tmp_path):
    _call(win, conflicts.add_conflict, world.store, world.sid, world.experts["赵明"], _aid(world, 1), "合作单位")


def prep_conflict(world, tmp_path):
    world.conflict = conflicts.add_conflict(world.store, world.sid, world.experts["赵明"], _aid(world, 1), "合作单位")


def act_conflict_dismiss(qtbot, win, world, tmp_path):
    _call(win, conflicts.dismiss_conflict, world.store, world.conflict, "经核实无利害关系")


def act_export(qtbot, win, world, tmp_path):
    page = show(win, "评审包与评分回收")
    page.panel.setCurrentIndex(page.panel.findData(world.panel_id))
    page.export(tmp_path / "usb")
    wait_idle(qtbot, win)
    assert page.last_handout, win.ops.last_error
    page.passwords_dialog.accept()  # closed once the passwords are kept (a plain close asks first)


def act_scores(qtbot, win, world, tmp_path):
    ob = world.opened["赵明"]
    path = tmp_path / "back" / "zhao-r2.nnscore"
    path.parent.mkdir()
    reviews = [dict(review(a, "AAAAAA"), recused=False, recusal_reason="") for a in world.app_ids]
    write_score_file(path, ob, world.keys["赵明"], 2, reviews)
    page = show(win, "评审包与评分回收")
    page.import_scores([path])
    wait_idle(qtbot, win)
    assert [r.outcome for r in page.last_results] == ["imported"], page.last_results
    page.results_dialog.close()


def act_consensus(qtbot, win, world, tmp_path):
    _call(win, C.set_consensus, world.store, world.sid, _aid(world, 1), opinion=OPINION, recommendation="support")


def prep_ready(world, tmp_path):
    C.set_consensus(world.store, world.sid, _aid(world, 1), opinion=OPINION, recommendation="support")


def act_finalise(qtbot, win, world, tmp_path):
    _call(win, C.finalise, world.store, world.sid)


def prep_finalised(world, tmp_path):
    prep_ready(world, tmp_path)
    C.finalise(world.store, world.sid)


def act_reopen(qtbot, win, world, tmp_path):
    _call(win, C.reopen, world.store, world.sid, "专家组补充意见")


def act_reports(qtbot, win, world, tmp_path):
    _run(qtbot, win, reports.write_reports, world.store, world.sid, tmp_path / "out", long=True)


def act_repin(qtbot, win, world, tmp_path):
    page = show(win, "评审包与评分回收")
    assert page.repin(world.experts["李秀英"], ephemeral_key("expert", "new-laptop").fingerprint, "更换电脑")


CASES = [
    Case("import", APPS_PAGE, act_import),
    Case("remove", APPS_PAGE, act_remove),
    Case("rerun checks", APPS_PAGE, act_recheck),
    Case("formal decision", APPS_PAGE, act_decide),
    Case("new session", APPS_PAGE, act_new_session),
    Case("roster import", "专家库", act_roster_import),
    Case("expert add", "专家库", act_expert_add),
    Case("expert deactivate", "专家库", act_expert_deactivate),
    Case("create panel", "专家组与回避", act_create_panel),
    Case("draw", "专家组与回避", act_draw, prep_draw),
    Case("assign", "专家组与回避", act_assign, lambda w, t: _panel2(w, t, members=True)),
    Case("conflict add", "专家组与回避", act_conflict_add),
    Case("conflict dismiss", "专家组与回避", act_conflict_dismiss, prep_conflict),
    Case("bundle export", "评审包与评分回收", act_export),
    Case("score import", "评审包与评分回收", act_scores),
    Case("key re-pin", "评审包与评分回收", act_repin),
    Case("consensus", "评审结果", act_consensus),
    Case("finalise", "评审结果", act_finalise, prep_ready),
    Case("reopen", "评审结果", act_reopen, prep_finalised),
    Case("reports", "评审结果", act_reports),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_page_is_current_after(case: Case, qtbot, world, tmp_path, monkeypatch):
    if case.prepare:
        case.prepare(world, tmp_path)
    win = secretary_window(qtbot, world.store)
    for t in page_titles(win):  # every page has been looked at once: all are open and filled
        show(win, t)
    show(win, case.page)
    kw = {"monkeypatch": monkeypatch} if case.act is act_remove else {}
    case.act(qtbot, win, world, tmp_path, **kw)
    assert_current(qtbot, win, world, case.page, case.name)
    win.close()


def test_the_table_covers_every_write_of_the_issue():
    names = {c.name for c in CASES}
    assert {"import", "remove", "roster import", "create panel", "draw", "assign", "conflict add", "conflict dismiss",
            "formal decision", "bundle export", "score import", "consensus", "finalise", "reopen", "reports",
            "key re-pin"} <= names


def test_a_notice_keeps_what_the_user_was_looking_at(qtbot, world, tmp_path):
    """The applications page keeps its row and its detail pane (the PDF page shown) when another
    package changes; the returns table keeps the expert selected across its refresh."""
    from ui.app import make_app
    from ui.main_window import MainWindow
    make_app()
    win = MainWindow(world.store)
    qtbot.addWidget(win)
    win.show()
    assert win.select_application(EXTRA[0])
    shown = win.detail.detail
    _call(win, formal.decide, world.store, world.sid, EXTRA[1], "excluded", "材料不全")  # another package, from elsewhere
    assert win.current_application_id() == EXTRA[0] and win.detail.detail is shown
    row = next(r for r in win.model.rows if r.application_id == EXTRA[1])
    assert row.formal_decision == "excluded"  # ... while the changed row is current
    page = show(win, "评审包与评分回收")
    m = page.experts.model()
    r = next(i for i in range(m.rowCount()) if m.index(i, 0).data() == "李秀英")
    page.experts.selectRow(r)
    assert page.btn_repin.isEnabled()
    assert page.repin(world.experts["李秀英"], ephemeral_key("expert", "x").fingerprint, "更换电脑")
    assert page.selected_expert() is not None and page.selected_expert().name == "李秀英"
    win.close()
