"""The status bar says what matters on the page shown (issue 15 item 13b), not the package
counts everywhere: each page's ``status_text()`` (ui.ops.Page), shown when the page is
selected and after a change notice."""

from __future__ import annotations

import pytest

from nn_review.demo.roster import build_demo_roster
from nn_review.roster.edit import set_expert_active
from nn_review.roster.experts import list_experts
from nn_review.services.importer import import_packages
from ui.ops import Page


@pytest.fixture
def win(window, demo_packages):
    import_packages(window.store, window.session_id, demo_packages)
    window.ops.call(window.ops.job(build_demo_roster), window.store, window.session_id)  # the pages hear of it
    window.reload_sessions()
    return window


def shown(win, title: str) -> str:
    page = next(i for i in range(win.pages.count()) if win.pages.tabText(i) == title)
    win.pages.setCurrentIndex(page)
    return win.counts.text()


def test_each_page_has_its_own_status_line(win):
    assert all(isinstance(p, Page) and hasattr(p, "status_text") for p in win.extra_pages)
    n_experts = len(list_experts(win.store))
    first = shown(win, "申报包与形式审查")
    assert first.startswith("共 21 个申报包")
    roster = shown(win, "专家库")
    assert roster == f"专家库：{n_experts} 位专家" and "申报包" not in roster
    panels = shown(win, "专家组与回避")
    assert "个评审组" in panels and "位成员" in panels and "回避" in panels and "申报包" not in panels
    exchange = shown(win, "评审包与评分回收")
    assert exchange.startswith("评审包已发 0 位专家")
    results = shown(win, "评审结果")
    assert "评审中" in results and "专家组意见已录入 0 个" in results
    assert shown(win, "申报包与形式审查") == first  # back: the packages again


def test_status_follows_change_notices_on_the_page_shown(win):
    shown(win, "专家库")
    first = list_experts(win.store)[0]
    win.ops.call(set_expert_active, win.store, first.id, False, "调离", initiator=None)
    assert win.counts.text().endswith("（其中停用 1 位）")
    # a change on another page's data does not overwrite the roster's line with package counts
    win.ops.external()
    assert "申报包" not in win.counts.text() and "停用 1 位" in win.counts.text()
