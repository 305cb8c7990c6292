"""评审结果 page over really imported, signed scores: figures, drill-down, flags, consensus,
finalise/reopen, reports in the background and the xlsx export."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui import panel_dialogs

from ..exchange_fixtures import no_real_keyring  # noqa: F401  (autouse)
from ..results_fixtures import make_world, return_scores, review
from .conftest import open_results_page, wait_idle

FIVE = ("王建国", "李秀英", "赵明", "陈晓东", "刘海燕")


def graded_world(tmp_path):
    """Two applications graded by a panel of five (A…E on the first), the UI in Chinese."""
    from ui.app import make_app
    make_app()
    w = make_world(tmp_path, n_apps=2, experts=FIVE, leader="王建国")
    a1, a2 = w.app_ids
    grades = {"王建国": "AAAAAA", "李秀英": "BBBBBB", "赵明": "BBBBBB", "陈晓东": "CCCCCC", "刘海燕": "EEEEEE"}
    return_scores(w, tmp_path, {n: [review(a1, g, "support" if g[0] in "AB" else "reject"), review(a2, "BBBBBB")]
                                for n, g in grades.items()})
    return w


@pytest.fixture
def page(qtbot, tmp_path):
    w = graded_world(tmp_path)
    p = open_results_page(qtbot, w)
    yield p
    w.store.close()


def col(page, name):
    m = page.model
    return next(c for c in range(m.columnCount()) if m.headerData(c, Qt.Horizontal) == name)


def cell(page, r, c, role=Qt.DisplayRole):
    """What the results grid shows in row ``r``, column ``c`` (a model: no QTableWidget items)."""
    return page.model.index(r, c).data(role)


def row_of(page, app_id):
    return next(r for r in range(page.model.rowCount()) if cell(page, r, 2) == app_id)


def test_figures_are_the_hand_computed_ones(page):
    a1, a2 = page.world.app_ids
    r = row_of(page, a1)
    # totals 100, 80, 80, 60, 20 → mean 68.00; trimmed (drop 100 and 20) = 73.33; 5 scores → trimmed is used
    assert cell(page, r, col(page, "王建国")) == "100.00"
    assert cell(page, r, col(page, "平均分")) == "68.00"
    assert cell(page, r, col(page, "去高低平均")) == "73.33"
    assert cell(page, r, col(page, "项目得分")) == "73.33"
    assert cell(page, row_of(page, a2), col(page, "项目得分")) == "80.00"
    assert cell(page, row_of(page, a2), col(page, "总排名")) == "1"
    # 刘海燕's 20 is far from the others' mean: flagged for discussion
    assert cell(page, r, col(page, "分歧")) not in ("", "0")
    assert any("刘海燕" in page.flags.item(i, 2).text() for i in range(page.flags.rowCount()))


def test_drill_down_and_consensus(page, monkeypatch):
    a1, _ = page.world.app_ids
    page.table.selectRow(row_of(page, a1))
    g = page.grades
    assert g.rowCount() == 7 and g.item(6, 0).text() == "总分"
    names = [g.horizontalHeaderItem(c).text() for c in range(g.columnCount())]
    assert g.item(0, names.index("刘海燕")).text().startswith("E")
    page.opinion.setPlainText("专家组经讨论认为该项目基础较好，但技术路线论证不足，建议修改后支持。")
    page.final.setCurrentIndex(page.final.findData("support_if_revised"))
    page.reason.setText("")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    # computed is 建议支持 (3 of 5): a different final one without a reason is refused with the rule
    assert not page.save_consensus()
    assert shown and "理由" in shown[0]
    page.reason.setText("专家组讨论后认为技术路线需修改")
    assert page.save_consensus()
    page.table.selectRow(row_of(page, a1))
    assert "修改后支持" in cell(page, row_of(page, a1), col(page, "结论"))


def long_messages(monkeypatch):
    """The scrollable messages (ui/long_message.py) the page shows, recorded instead of shown modal."""
    from ui.long_message import LongMessageDialog
    shown = []
    monkeypatch.setattr(LongMessageDialog, "exec", lambda dlg: shown.append(dlg) or 0)
    return shown


def test_finalise_needs_every_consensus_then_locks(page, monkeypatch):
    told = long_messages(monkeypatch)
    page.finalise_dialog()
    assert told and "还不能定稿" in told[0].text()
    for app in page.world.app_ids:
        page.table.selectRow(row_of(page, app))
        page.opinion.setPlainText("专家组一致同意按计算结论处理，项目基础扎实，实施方案可行。")
        page.final.setCurrentIndex(page.final.findData(page.current_app().computed_recommendation))
        assert page.save_consensus()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    page.finalise_dialog()
    assert page.results.finalised and page.btn_finalise.text() == "重新开启…"
    assert not page.btn_save.isEnabled()
    monkeypatch.setattr(panel_dialogs.ReasonDialog, "exec",
                        lambda self: (self.text.setPlainText("组长补充意见后重新开启"), 1)[1])
    page.finalise_dialog()
    assert not page.results.finalised and page.results.sheet_version == 2


def test_reports_and_xlsx_in_the_background(qtbot, page, tmp_path, monkeypatch):
    page.write_reports(tmp_path / "out", sign=False)
    wait_idle(qtbot, page.win)
    res = page.last_report
    assert res.summaries and len(res.sheets) == 2 and all(p.exists() for p in res.sheets)
    page.report_box.close()
    out = tmp_path / "结果.xlsx"
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.choose_xlsx()
    wait_idle(qtbot, page.win)
    wb = load_workbook(out)
    assert len(wb.sheetnames) >= 3


def test_leader_cannot_sign_on_the_secretary_machine(qtbot, page, tmp_path, no_blocking_message_boxes):
    import shutil
    import subprocess

    from nn_review.signer import set_profile
    set_profile(page.world.store, "韦秘书", "科员", "南宁市科学技术局")
    page.write_reports(tmp_path / "out", sign=True)
    wait_idle(qtbot, page.win)
    page.report_box.close()
    sheet = page.last_report.sheets[0]
    page.leader_sign([sheet])      # the leader countersigns in the expert workspace or with a UKey
    wait_idle(qtbot, page.win)
    assert any("expert countersign" in t for k, t in no_blocking_message_boxes if k == "critical")
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(sheet)], capture_output=True, text=True).stdout
        assert out.count("Signature is Valid.") == 1 and "韦秘书" in out, out


def test_late_conflict_marks_the_cell_and_the_page_refreshes(page, monkeypatch):
    """A conflict recorded on the 专家组与回避 page after the scores came in: the results page,
    shown again, marks 王建国's total on a1 回避（不计入）, strikes his grades through and
    recomputes the figures without him; dismissing the conflict brings his review back."""
    from nn_review.roster import conflicts as conflicts_core
    from ui.panels_page import PanelsPage
    a1, _ = page.world.app_ids
    win = page.win
    r = row_of(page, a1)
    assert cell(page, r, col(page, "王建国")) == "100.00"
    panels = next(p for p in win.extra_pages if isinstance(p, PanelsPage))
    win.pages.setCurrentWidget(panels)
    panels.add_conflict(page.world.experts["王建国"], a1, "评分后发现与申报单位有合作关系")
    win.pages.setCurrentWidget(page)  # shown again: reloads
    r = row_of(page, a1)
    wang = col(page, "王建国")
    tip = cell(page, r, wang, Qt.ToolTipRole)
    assert cell(page, r, wang) == "回避（不计入）" and "评分后发现" in tip and "100.00" in tip
    # totals 80, 80, 60, 20 remain: 4 scores → plain mean 60.00
    assert cell(page, r, col(page, "平均分")) == "60.00"
    assert cell(page, r, col(page, "项目得分")) == "60.00"
    page.table.selectRow(r)
    g = page.grades
    heads = [g.horizontalHeaderItem(c).text() for c in range(g.columnCount())]
    c = next(i for i, h in enumerate(heads) if h.startswith("王建国"))
    assert heads[c] == "王建国（回避，不计入）"
    assert g.item(0, c).text().startswith("A") and g.item(0, c).font().strikeOut()
    assert g.item(6, c).text() == "100.00" and g.item(6, c).font().strikeOut()
    assert "王建国 的评分不计入" in page.cons_head.text()
    other = next(i for i, h in enumerate(heads) if h == "李秀英")
    assert not g.item(0, other).font().strikeOut()
    # finalise from the page is refused, naming the application whose consensus is now stale
    from nn_review.results import panel_results, set_consensus
    for aid in page.world.app_ids:
        x = panel_results(win.store, page.world.panel_id).application(aid)
        set_consensus(win.store, win.session_id, aid, opinion="专家组一致同意按多数意见处理。",
                      recommendation=x.computed_recommendation, reason="专家组讨论决定")
    late = conflicts_core.add_conflict(win.store, win.session_id, page.world.experts["李秀英"], a1, "再补录的回避")
    page.reload_results(keep_app=a1)
    warned = long_messages(monkeypatch)
    page.finalise_dialog()
    text = warned[-1].text()
    assert a1 in text and "李秀英 回避" in text and "重新确认" in text
    conflicts_core.dismiss_conflict(win.store, late, "登记错误")
    # dismissal on the other page → counted again
    cid = next(x["id"] for x in conflicts_core.conflict_matrix(win.store, win.session_id)["conflicts"]
               if x["application_id"] == a1)
    win.pages.setCurrentWidget(panels)
    panels.dismiss(cid, "核实后确无利害关系")
    win.pages.setCurrentWidget(page)
    r = row_of(page, a1)
    assert cell(page, r, col(page, "王建国")) == "100.00"
    assert cell(page, r, col(page, "项目得分")) == "73.33"

