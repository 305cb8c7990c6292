"""Returned / assigned never shows more returned than assigned (issue 15 item 13a, "5/4"): counted
per assignment, each expert once — with re-imported score files (a later revision) and an
assignment changed after the experts returned."""

from __future__ import annotations

import pytest

from nn_review.exchange.scores_import import returns_overview
from nn_review.keys import ephemeral_key
from nn_review.roster.panels import assign, panel_assignments

from ..exchange_fixtures import build_world, good_review, no_real_keyring  # noqa: F401  (autouse)
from ..test_scores import imported, issue, score
from .conftest import secretary_window

FIVE = ("王建国", "李秀英", "赵明", "陈晓东", "黄丽")


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path, n_apps=4, experts=FIVE)
    w.keys = {name: ephemeral_key("expert", name) for name in w.experts}
    obs = {n: issue(w, tmp_path, n) for n in FIVE}
    for n in FIVE:  # everyone returns revision 1, then two experts re-submit (revision 2)
        assert imported(w, score(w, obs[n], 1, expert=n))[0].outcome == "imported"
    for n in FIVE[:2]:
        rev = [good_review(a, grade="A") for a in w.app_ids]
        assert imported(w, score(w, obs[n], 2, rev, expert=n))[0].outcome == "imported"
    # The panel is re-assigned after the returns: 4 reviewers per application.
    assign(w.store, w.panel_id, 4, seed=7)
    yield w
    w.store.close()


def test_returned_never_exceeds_assigned(world):
    ov = returns_overview(world.store, world.sid)
    now = panel_assignments(world.store, world.panel_id)
    for a in ov.applications:
        assert (a.assigned, a.returned, a.missing, a.unassigned) == (len(now[a.application_id]),
                                                                     len(now[a.application_id]), 0, 1), a
    for e in ov.experts:  # two revisions imported: still each application once
        assert (e.returned, e.assigned, e.status) == (4, 4, "received"), e


def test_returns_page_shows_it(qtbot, world):
    win = secretary_window(qtbot, world.store)
    page = next(p for p in win.extra_pages if p.title() == "评审包与评分回收")
    win.pages.setCurrentWidget(page)
    m = page.apps_model
    for r in range(m.rowCount()):
        text = m.index(r, 2).data()
        returned, assigned = text.split()[0].split("/")
        assert int(returned) <= int(assigned) == 4, text
        assert "+1" in text and "1" in m.index(r, 2).data(0x03)  # tooltip: one more, from an unassigned expert
    e = page.experts_model
    assert {e.index(r, 2).data() for r in range(e.rowCount())} == {"4/4"}
