"""Routes in the GUI (issue 21): the applications table's 评审路径 column (text, sort, filter),
the detail pane's 资助规则 section, and the panels page asking before a rule-route application
(不需再行评审) goes into a panel — No: nothing changes; Yes: added, the confirmation audited."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from nn_review.roster.panels import list_panels
from nn_review.services.importer import import_packages
from nn_review.store import models as M

RULE_APPS = ["NNKJ-2025-0114", "NNKJ-2025-0115", "NNKJ-2025-0116", "NNKJ-2025-0117", "NNKJ-2025-0118",
             "NNKJ-2025-0119", "NNKJ-2025-0120"]  # the demo's items 23–28 (the seed guide's rule route)


@pytest.fixture
def win(window, demo_packages):
    import_packages(window.store, window.session_id, demo_packages)
    window.reload_sessions()
    return window


def column_texts(win, col: str) -> dict[str, str]:
    c = win.model.COLUMNS.index(col)
    return {win.proxy.data(win.proxy.index(r, 0)): win.proxy.data(win.proxy.index(r, c))
            for r in range(win.proxy.rowCount())}


def test_route_column_text_sort_and_filter(win):
    routes = column_texts(win, "route")
    assert sorted(a for a, r in routes.items() if r == "按规则核定") == RULE_APPS
    assert routes["NNKJ-2025-0107"] == routes["NNLH-2025-0001"] == "专家评审"
    assert set(routes.values()) == {"按规则核定", "专家评审"}
    c = win.model.COLUMNS.index("route")
    assert win.model.headerData(c, Qt.Horizontal) == "评审路径"
    assert win.model.COLUMNS[-1] == "status"  # the verdict stays last
    # sortable: the rule-route rows come together at one end
    win.table.sortByColumn(c, Qt.DescendingOrder)
    first = [win.proxy.data(win.proxy.index(r, c)) for r in range(len(RULE_APPS) + 1)]
    assert first == ["按规则核定"] * len(RULE_APPS) + ["专家评审"]
    win.table.sortByColumn(c, Qt.AscendingOrder)
    assert win.proxy.data(win.proxy.index(0, c)) == "专家评审"
    # filterable as the other columns: the text filter finds the route's words
    win.filter.setText("按规则")
    assert sorted(column_texts(win, "route")) == RULE_APPS
    win.filter.clear()
    assert win.proxy.rowCount() == len(routes)


def summary_rows(win) -> dict[str, str]:
    t = win.detail.summary
    return {t.item(r, 0).text(): (t.item(r, 1).text() if t.item(r, 1) else "") for r in range(t.rowCount())}


def test_detail_pane_shows_the_route_the_rule_and_the_computed_amount(win):
    assert win.select_application("NNKJ-2025-0118")  # 科技保险保费补贴: premiums 20/10/10 万元, cap 25
    rows = summary_rows(win)
    assert "资助规则" in rows and rows["评审路径"] == "按规则核定"
    assert rows["规则"] == "项目28 科技保险保费补贴" and "保费补贴" in rows["指南原文"]
    assert rows["资助上限"] == "25.00 万元" and rows["按规则计算"] == "23.00 万元"
    assert "20.00×70%" in rows["计算过程"] and "23.00" in rows["计算过程"]
    assert win.select_application("NNKJ-2025-0107")  # a panel item: its rule gives the requested amount
    rows = summary_rows(win)
    assert rows["评审路径"] == "专家评审" and rows["规则"].startswith("项目15") and rows["按规则计算"] == "100.00 万元"
    assert win.select_application("NNLH-2025-0001")  # a consortium package: no guide item, no rule
    rows = summary_rows(win)
    assert rows["评审路径"] == "专家评审" and rows["规则"].startswith("指南未规定资助规则")


def panels_page(win):
    p = next(x for x in win.extra_pages if x.title() == "专家组与回避")
    win.pages.setCurrentWidget(p)
    return p


def counts(store):
    with store.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in M.Base.metadata.sorted_tables}


def test_confirm_dialog_no_changes_nothing_yes_adds_audited(win, monkeypatch):
    page = panels_page(win)
    asked: list[str] = []
    answer = [QMessageBox.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), answer[0])[1])
    before = counts(win.store)
    assert page.create_panel("第四组（创新创业大赛）", [24, 25], ["NNKJ-2025-0111"]) is None
    assert len(asked) == 1 and asked[0].startswith(
        "项目24 高新技术企业认定后补助 不需再行评审：NNKJ-2025-0114、NNKJ-2025-0115；"
        "项目25 创新创业大赛项目资助 不需再行评审：NNKJ-2025-0116")
    assert "--allow-no-review" not in asked[0]
    assert counts(win.store) == before and list_panels(win.store, win.session_id) == []
    answer[0] = QMessageBox.Yes
    pid = page.create_panel("第四组（创新创业大赛）", [24, 25], ["NNKJ-2025-0111"])
    assert pid and len(asked) == 2
    [p] = list_panels(win.store, win.session_id)
    assert [a.application_id for a in p.applications] == ["NNKJ-2025-0111", "NNKJ-2025-0114", "NNKJ-2025-0115",
                                                          "NNKJ-2025-0116"]
    with win.store.read() as s:
        [details] = s.scalars(select(M.AuditEvent.details_json).where(M.AuditEvent.action == "panel.allow_no_review"))
    assert json.loads(details)["applications"] == ["NNKJ-2025-0114", "NNKJ-2025-0115", "NNKJ-2025-0116"]
    # panel-route applications alone: no question
    assert page.create_panel("第五组", [15], []) and len(asked) == 2


def test_new_panel_dialog_marks_rule_route_items(win):
    from nn_review.services.queries import list_applications
    from ui.panel_dialogs import NewPanelDialog
    dlg = NewPanelDialog(list_applications(win.store, win.session_id), win)
    texts = [dlg.items.item(i).text() for i in range(dlg.items.count())]
    assert any(t.startswith("项目24（2 个申报包）") and "按规则核定" in t for t in texts)
    assert not any(t.startswith("项目15") and "按规则核定" in t for t in texts)
    assert sum("按规则核定" in t for t in texts) == 5 + len(RULE_APPS)  # items 23–26, 28 and their packages
