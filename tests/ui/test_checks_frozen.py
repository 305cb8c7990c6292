"""F5 (重新形式审查) on a finalised session (issue 13): a read-only re-check that says the findings
are frozen and writes nothing, instead of an error."""

from sqlalchemy import func, select

from nn_review.results import finalise, panel_results, set_consensus
from nn_review.store import models as M

from ..exchange_fixtures import EXPERTS, no_real_keyring  # noqa: F401
from ..results_fixtures import make_world, return_scores, review


def test_rerun_checks_after_finalise_is_read_only(qtbot, tmp_path, no_blocking_message_boxes):
    from ui.app import make_app
    from ui.main_window import MainWindow

    w = make_world(tmp_path, n_apps=2, experts=EXPERTS, leader="王建国")
    return_scores(w, tmp_path, {n: [review(a, "BBBBBB") for a in w.app_ids] for n in EXPERTS})
    for a in w.app_ids:
        set_consensus(w.store, w.sid, a, opinion="专家组一致认为该项目技术路线可行，同意按计算结果给出推荐意见。",
                      recommendation=panel_results(w.store, w.panel_id).application(a).computed_recommendation)
    finalise(w.store, w.sid)
    make_app()
    win = MainWindow(w.store)
    qtbot.addWidget(win)
    win.show()
    with w.store.read() as s:
        audits = s.scalar(select(func.count()).select_from(M.AuditEvent))
    win.act_checks.trigger()
    assert not win.ops.busy  # nothing was started in the background: no write
    [(kind, text)] = no_blocking_message_boxes
    assert kind == "information" and "已定稿" in text and "已冻结" in text and "一致" in text
    with w.store.read() as s:
        assert s.scalar(select(func.count()).select_from(M.AuditEvent)) == audits
    win.close()
    w.store.close()
