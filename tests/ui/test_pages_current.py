"""Issue 14 §1/§2 for the 专家库, 专家组与回避 and 评审结果 pages: their writes go through the
window's runner (``win.ops``) and every page showing the data is current afterwards from the
change notice alone — no restart, no re-selection; the roster and the results grid are models;
a row click on the results page reuses the merged panel (no second merge)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nn_review.demo.roster import write_roster_xlsx
from nn_review.exchange import scores_import
from nn_review.roster import xlsx
from nn_review.roster.experts import list_experts
from nn_review.services.importer import import_packages

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..helpers import distinct_packages
from ..results_fixtures import make_world, recusal, return_scores, review
from ..roster_files import secretary_workbook
from .conftest import secretary_window, wait_idle

ROOT = Path(__file__).resolve().parents[2]
FIVE = ("王建国", "李秀英", "赵明", "陈晓东", "刘海燕")


def page_of(win, title):
    return next(p for p in win.extra_pages if p.title() == title)


def show(win, title):
    p = page_of(win, title)
    win.pages.setCurrentWidget(p)
    return p


EXTRA = "NNKJ-2025-0901"  # imported, in no panel yet


@pytest.fixture
def world(tmp_path):
    w = make_world(tmp_path, n_apps=2, experts=FIVE, leader="王建国")
    (tmp_path / "extra").mkdir()
    rep = import_packages(w.store, w.sid, distinct_packages(tmp_path / "extra", [EXTRA], code_base=700))
    assert rep.counts["imported"] == 1
    xlsx.import_roster(w.store, write_roster_xlsx(tmp_path / "roster.xlsx"))
    yield w
    w.store.close()


@pytest.fixture
def win(qtbot, world):
    w = secretary_window(qtbot, world.store)
    w.world = world
    yield w
    w.close()


def grid_texts(results_page) -> dict[str, list[str]]:
    """application id → the row of the results grid as shown."""
    m = results_page.table.model()
    return {m.index(r, 2).data(): [m.index(r, c).data() for c in range(m.columnCount())]
            for r in range(m.rowCount())}


def header(model, c):
    return model.headerData(c, Qt.Horizontal, Qt.DisplayRole)


MOVED = ["E001", "王建国", "广西大学", "", "教授", "信息技术", "13800000101", "wang@example.com", "", ""]
NEW_EXPERT = ["ZJ-0901", "韦新来", "广西科学院", "", "研究员", "新材料", "13800000901", "wei@example.com", "", ""]


# -- 评审结果 ------------------------------------------------------------------------------------

def test_new_panel_is_listed_on_the_results_page_without_restart(qtbot, win):
    results = show(win, "评审结果")
    assert results.panel.count() == 1
    panels = show(win, "专家组与回避")
    pid = panels.create_panel("第二组（补充）", [], [EXTRA])
    assert pid is not None
    show(win, "评审结果")
    assert [results.panel.itemData(i) for i in range(results.panel.count())] == [win.world.panel_id, pid]


def test_score_import_elsewhere_makes_results_and_panels_current(qtbot, win, tmp_path, monkeypatch):
    """Scores imported by another page (here: straight through the runner, as the exchange page
    does) reach the results grid at once — the page is on screen, nothing is re-selected — and
    an expert's declared 回避 reaches the panels page's conflict matrix."""
    a1, a2 = win.world.app_ids
    results = show(win, "评审结果")
    assert not any(any(ch.isdigit() for ch in v) for v in grid_texts(results)[a1][4:9]), grid_texts(results)[a1]
    # the experts' files, made without importing them
    monkeypatch.setattr("tests.results_fixtures.import_score_files", lambda store, sid, paths: (
        made.extend(paths), [])[1])
    made: list = []
    return_scores(win.world, tmp_path, {n: [review(a1, "BBBBBB"), review(a2, "AAAAAA")] for n in FIVE[:4]}
                  | {"刘海燕": [review(a1, "CCCCCC"), recusal(a2)]})
    done = []
    win.ops.run("导入评分文件", scores_import.import_score_files, win.store, win.world.sid, made, done=done.append)
    wait_idle(qtbot, win)
    assert done and [r.outcome for r in done[0]] == ["imported"] * 5, [r.message for r in done[0]]
    row = grid_texts(results)[a1]
    heads = [header(results.table.model(), c) for c in range(results.table.model().columnCount())]
    assert row[heads.index("王建国")] == "80.00" and row[heads.index("刘海燕")] == "60.00"
    panels = show(win, "专家组与回避")
    i = next(i for i, e in enumerate(panels.matrix["experts"]) if e["name"] == "刘海燕")
    j = next(j for j, a in enumerate(panels.matrix["applications"]) if a["application_id"] == a2)
    assert panels.grid.item(i, j).text() == "回避"


def test_row_click_reuses_the_merged_panel(qtbot, win, tmp_path):
    """The drill-down is built from the PanelResults the grid shows: selecting a row reads
    nothing from the store (it used to merge the whole panel again on every click)."""
    a1, a2 = win.world.app_ids
    return_scores(win.world, tmp_path, {n: [review(a1, "ABBCCD"), review(a2, "BBBBBB")] for n in FIVE})
    results = show(win, "评审结果")
    results.refresh()
    reads = []
    real = win.store.read
    win.store.read = lambda *a, **k: (reads.append(1), real(*a, **k))[1]
    try:
        for app in (a2, a1, a2):
            results.select_app(app)
            assert results.current_app().application_id == app
            assert results.grades.rowCount() == 7 and results.grades.item(6, 0).text() == "总分"
    finally:
        del win.store.read
    assert reads == []


def test_consensus_and_finalise_refresh_through_the_notice(qtbot, win, tmp_path, monkeypatch):
    """The page's own writes refresh it by the same path as everyone else's: the grid, the
    chooser of sessions (已定稿) and the selection survive."""
    from PySide6.QtWidgets import QMessageBox
    a1, a2 = win.world.app_ids
    return_scores(win.world, tmp_path, {n: [review(a1, "BBBBBB"), review(a2, "BBBBBB")] for n in FIVE})
    results = show(win, "评审结果")
    results.refresh()
    seen = []
    win.ops.changed.connect(lambda ch, who: seen.append((ch.kinds, who)))
    for app in (a2, a1):
        results.select_app(app)
        results.opinion.setPlainText("专家组一致同意按计算结论处理，项目基础扎实，实施方案可行。")
        assert results.save_consensus()
        assert results.current_app().application_id == app  # selection kept by the refresh
        assert results.current_app().consensus is not None
    assert len(seen) == 2 and all(who is results for _k, who in seen)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    results.finalise_dialog()
    assert results.results.finalised and results.current_app().application_id == a1
    assert "已定稿" in win.sessions.currentText()


# -- 专家库 --------------------------------------------------------------------------------------

def test_roster_import_reaches_the_panels_page(qtbot, win, tmp_path):
    """An expert's unit updated by a roster import: the panels page (out of sight) shows it
    when next shown — its conflict matrix names the expert with the new unit."""
    panels = show(win, "专家组与回避")
    heads = lambda: [panels.grid.verticalHeaderItem(i).text() for i in range(panels.grid.rowCount())]  # noqa: E731
    assert "王建国（广西第1研究院）" in heads()
    roster = show(win, "专家库")
    roster.import_file(secretary_workbook(tmp_path / "new.xlsx", [MOVED]))
    wait_idle(qtbot, win)
    roster.report_dialog.accept()
    r = roster.model.row_of("E001")
    assert roster.model.index(r, 2).data() == "广西大学"
    assert panels.stale  # out of sight: refreshed when shown, not before
    show(win, "专家组与回避")
    assert "王建国（广西大学）" in heads() and not panels.stale


def test_roster_table_is_a_model_filtered_from_precomputed_text(qtbot, win, monkeypatch):
    from ui.roster_model import RosterModel
    roster = show(win, "专家库")
    n = len(list_experts(win.store))
    assert roster.proxy.rowCount() == n == roster.model.rowCount()
    calls = []
    real = RosterModel.data
    monkeypatch.setattr(RosterModel, "data", lambda self, *a: (calls.append(a), real(self, *a))[1])
    roster.filter.setText("e005")
    assert calls == []  # the filter reads no cell
    assert roster.proxy.rowCount() == 1
    assert roster.proxy.index(0, 1).data() == "刘海燕"
    assert f"共 {n} 位专家，显示 1 位" in roster.count.text()
    roster.filter.setText("")
    assert roster.proxy.rowCount() == n


def test_roster_sorts_by_key_and_keeps_the_row_on_refresh(qtbot, win, tmp_path):
    roster = show(win, "专家库")
    keys = [roster.proxy.index(r, 0).data() for r in range(roster.proxy.rowCount())]
    assert keys == sorted(keys)
    roster.table.setCurrentIndex(roster.proxy.index(1, 0))
    picked = roster.current_key()
    roster.table.sortByColumn(1, Qt.DescendingOrder)  # the model sorts; the selection follows the expert
    names = [roster.proxy.index(r, 1).data() for r in range(roster.proxy.rowCount())]
    assert names == sorted(names, reverse=True) and roster.current_key() == picked
    roster.filter.setText("广西")  # filtered rows keep the order
    shown = [roster.proxy.index(r, 1).data() for r in range(roster.proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)
    roster.filter.setText("")
    roster.table.setCurrentIndex(roster.proxy.index(2, 0))
    kept = roster.current_key()
    roster.import_file(secretary_workbook(tmp_path / "more.xlsx", [NEW_EXPERT]))
    wait_idle(qtbot, win)
    roster.report_dialog.accept()
    assert roster.model.rowCount() == len(keys) + 1 and roster.current_key() == kept


# -- 专家组与回避 -----------------------------------------------------------------------------------

def test_panel_operations_refresh_by_notice_once(qtbot, win, monkeypatch):
    """A write on the panels page announces itself; the page is refreshed by that notice (once),
    the panel chosen stays chosen, and the results page hears of it."""
    from nn_review.roster import panels as panels_core
    panels = show(win, "专家组与回避")
    results = page_of(win, "评审结果")
    listed = []
    real = panels_core.list_panels
    monkeypatch.setattr(panels_core, "list_panels", lambda *a, **k: (listed.append(1), real(*a, **k))[1])
    member = panels.current_panel().members[1]
    panels.members.selectRow(1)
    panels.set_leader()
    assert len(listed) == 1
    assert panels.members.item(1, 3).text() == "组长" and panels.current_panel().members[1].is_leader
    assert member.expert_id == panels.current_panel().members[1].expert_id
    assert results.stale


def test_draw_runs_on_the_runner(qtbot, win):
    panels = show(win, "专家组与回避")
    pid = panels.create_panel("第三组", [], [EXTRA])
    assert panels.current_panel().id == pid
    panels.draw(3, seed=11)
    assert win.ops.busy  # off the UI thread
    wait_idle(qtbot, win)
    res = panels.last_draw
    assert res is not None and res.seed == 11 and len(res.drawn) == 3
    assert panels.current_panel().id == pid and panels.members.rowCount() == 3  # by the notice
    assert "随机种子：11" in panels.draw_text.toPlainText()


def test_add_members_dialog_filters_from_precomputed_text(qtbot, win):
    from ui.panel_dialogs import AddMembersDialog
    dlg = AddMembersDialog(list_experts(win.store), set())
    qtbot.addWidget(dlg)
    dlg.filter.setText("e005")
    shown = [dlg.list.item(i).text() for i in range(dlg.list.count()) if not dlg.list.item(i).isHidden()]
    assert len(shown) == 1 and "刘海燕" in shown[0]
    dlg.filter.setText("")
    assert not any(dlg.list.item(i).isHidden() for i in range(dlg.list.count()))


# -- the rule ----------------------------------------------------------------------------------------

PAGES = ("ui/roster_page.py", "ui/panels_page.py", "ui/results_page.py", "ui/panel_dialogs.py",
         "ui/signer_dialogs.py", "ui/token_dialog.py", "ui/roster_model.py", "ui/results_model.py")


def test_pages_use_only_the_runner_and_public_names():
    """No page reads the window's task or calls its private helpers (or any other object's)."""
    bad = []
    for rel in PAGES:
        path = ROOT / rel
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                base = node.value
                if not (isinstance(base, ast.Name) and base.id in ("self", "cls")):
                    bad.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
            if isinstance(node, ast.Attribute) and node.attr == "task" and "win" in ast.unparse(node.value):
                bad.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
    assert not bad, bad
