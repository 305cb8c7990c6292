"""Routes in the GUI (issue 21): the applications table's 评审路径 column (text, sort, filter),
the detail pane's 资助规则 section, and the panels page asking before a rule-route application
(不需再行评审) goes into a panel — No: nothing changes; Yes: added, the confirmation audited."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from nn_review.funding.routing import RULE
from nn_review.guide.funding_schema import FundingRule
from nn_review.roster.panels import list_panels
from nn_review.services import guides as guides_mod
from nn_review.services.importer import import_packages
from nn_review.store import models as M

from ..helpers import manifest, unique_code, write_package

R25 = FundingRule(route=RULE, text="此类项目不需再行评审。资助经费：市级大赛初创企业组一、二、三等奖项目分别一次性定额奖励6万元、4万元、2万元/项。")


def prize(app_id: str, n: int) -> dict:
    return manifest(application_id=app_id, guide_item=25, direction=None,
                    title=f"智能巡检机器人{n}（第十届南宁市创新创业大赛获奖企业后补助）",
                    applicant={"name": f"南宁获奖企业{n}有限公司", "credit_code": unique_code(700 + n),
                               "kind": "enterprise", "in_nanning": True},
                    partners=[], leader={"name": f"获奖负责人{n}"}, members=[])


@pytest.fixture
def win(window, demo_packages, tmp_path, monkeypatch):
    store, sid = window.store, window.session_id
    extra = [write_package(tmp_path, prize(f"NNCX-2025-000{n}", n)) for n in (1, 2)]
    import_packages(store, sid, list(demo_packages) + extra)
    with store.read() as s:
        sha = s.get(M.ReviewSession, sid).guide_edition.sha256
        guide = guides_mod.parse_edition_row(s.get(M.ReviewSession, sid).guide_edition)
    items = tuple(replace(it, funding=R25) if it.number == 25 else it for it in guide.items)
    monkeypatch.setitem(guides_mod._cache, sha, replace(guide, items=items))  # item 25: the rule route
    window.reload_sessions()
    return window


def column_texts(win, col: str) -> dict[str, str]:
    c = win.model.COLUMNS.index(col)
    return {win.proxy.data(win.proxy.index(r, 0)): win.proxy.data(win.proxy.index(r, c))
            for r in range(win.proxy.rowCount())}


def test_route_column_text_sort_and_filter(win):
    routes = column_texts(win, "route")
    assert routes["NNCX-2025-0001"] == routes["NNCX-2025-0002"] == "按规则核定"
    assert routes["NNKJ-2025-0107"] == routes["NNLH-2025-0001"] == "专家评审"
    assert set(routes.values()) == {"按规则核定", "专家评审"}
    c = win.model.COLUMNS.index("route")
    assert win.model.headerData(c, Qt.Horizontal) == "评审路径"
    assert win.model.COLUMNS[-1] == "status"  # the verdict stays last
    # sortable: the rule-route rows come together at one end
    win.table.sortByColumn(c, Qt.DescendingOrder)
    first = [win.proxy.data(win.proxy.index(r, c)) for r in range(2)]
    assert first == ["按规则核定", "按规则核定"]
    win.table.sortByColumn(c, Qt.AscendingOrder)
    assert win.proxy.data(win.proxy.index(0, c)) == "专家评审"
    # filterable as the other columns: the text filter finds the route's words
    win.filter.setText("按规则")
    assert sorted(column_texts(win, "route")) == ["NNCX-2025-0001", "NNCX-2025-0002"]
    win.filter.clear()
    assert win.proxy.rowCount() == len(routes)


def summary_rows(win) -> dict[str, str]:
    t = win.detail.summary
    return {t.item(r, 0).text(): (t.item(r, 1).text() if t.item(r, 1) else "") for r in range(t.rowCount())}


def test_detail_pane_shows_the_route_and_the_rule(win):
    assert win.select_application("NNCX-2025-0001")
    rows = summary_rows(win)
    assert "资助规则" in rows and rows["评审路径"] == "按规则核定"
    assert rows["规则"] == "项目25 创新创业大赛项目资助" and rows["指南原文"] == R25.text
    assert "按规则计算" in rows  # the computed amount (or why it cannot be computed yet)
    assert win.select_application("NNKJ-2025-0107")
    rows = summary_rows(win)
    assert rows["评审路径"] == "专家评审" and rows["资助规则"].startswith("指南未规定资助规则")


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
    assert page.create_panel("第四组（创新创业大赛）", [25], ["NNKJ-2025-0111"]) is None
    assert len(asked) == 1 and "项目25 创新创业大赛项目资助 不需再行评审：NNCX-2025-0001、NNCX-2025-0002" in asked[0]
    assert "--allow-no-review" not in asked[0]
    assert counts(win.store) == before and list_panels(win.store, win.session_id) == []
    answer[0] = QMessageBox.Yes
    pid = page.create_panel("第四组（创新创业大赛）", [25], ["NNKJ-2025-0111"])
    assert pid and len(asked) == 2
    [p] = list_panels(win.store, win.session_id)
    assert [a.application_id for a in p.applications] == ["NNCX-2025-0001", "NNCX-2025-0002", "NNKJ-2025-0111"]
    with win.store.read() as s:
        [details] = s.scalars(select(M.AuditEvent.details_json).where(M.AuditEvent.action == "panel.allow_no_review"))
    assert json.loads(details)["applications"] == ["NNCX-2025-0001", "NNCX-2025-0002"]
    # panel-route applications alone: no question
    assert page.create_panel("第五组", [15], []) and len(asked) == 2


def test_new_panel_dialog_marks_rule_route_items(win):
    from nn_review.services.queries import list_applications
    from ui.panel_dialogs import NewPanelDialog
    dlg = NewPanelDialog(list_applications(win.store, win.session_id), win)
    texts = [dlg.items.item(i).text() for i in range(dlg.items.count())]
    assert any(t.startswith("项目25（2 个申报包）") and "按规则核定" in t for t in texts)
    assert not any(t.startswith("项目15") and "按规则核定" in t for t in texts)
    assert sum("按规则核定" in t for t in texts) == 3  # item 25 and its two packages
