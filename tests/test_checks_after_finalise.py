"""`session checks` on a finalised session (issue 13): a read-only re-check that works, writes
nothing, and says that the stored findings are frozen and whether the re-check differs."""

import json

from sqlalchemy import func, select

from nn_review.cli import main
from nn_review.results import finalise, panel_results, set_consensus
from nn_review.services.checks import recheck
from nn_review.store import models as M

from .exchange_fixtures import EXPERTS, no_real_keyring  # noqa: F401
from .results_fixtures import make_world, return_scores, review

OPINION_OK = "专家组一致认为该项目技术路线可行，考核指标明确，同意按计算结果给出推荐意见。"


def _snapshot(store):
    with store.read() as s:
        finds = [(f.id, f.application_pk, f.rule_id, f.status, f.message)
                 for f in s.scalars(select(M.Finding).order_by(M.Finding.id))]
        audits = s.scalar(select(func.count()).select_from(M.AuditEvent))
        status = {a.application_id: a.check_status for a in s.scalars(select(M.Application))}
    return finds, audits, status


def test_session_checks_after_finalise_is_a_read_only_recheck(tmp_path, capsys):
    w = make_world(tmp_path, n_apps=2, experts=EXPERTS, leader="王建国")
    return_scores(w, tmp_path, {n: [review(a, "BBBBBB") for a in w.app_ids] for n in EXPERTS})
    for a in w.app_ids:
        r = panel_results(w.store, w.panel_id).application(a)
        set_consensus(w.store, w.sid, a, opinion=OPINION_OK, recommendation=r.computed_recommendation)
    finalise(w.store, w.sid)
    root = str(w.store.root)

    code = main(["--store", root, "session", "checks", "--session", str(w.sid), "--json"])
    out, err = capsys.readouterr()
    assert code in (0, 1), err  # the exit code of the report, not a refusal (2)
    rep = json.loads(out)
    assert len(rep["packages"]) == 2
    assert "已定稿" in err and "已冻结" in err and "只读复核" in err and "一致" in err and "已定稿锁定" not in err

    # The stored findings change (e.g. as decided before a rule was corrected): the re-check
    # shows what the checks give now, names the application, and leaves the stored ones alone.
    a0 = w.app_ids[0]
    with w.store.write() as s:
        app = s.scalar(select(M.Application).where(M.Application.application_id == a0))
        s.add(M.Finding(application_pk=app.id, position=99, rule_id="manual.note", scope="contract",
                        severity="warning", status="manual", message="定稿时的人工记录"))
    before = _snapshot(w.store)
    code = main(["--store", root, "session", "checks", "--session", str(w.sid)])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "定稿时的人工记录" not in out  # the report is the fresh re-check
    assert f"复核结果与定稿时不同的申报：{a0}" in err
    assert _snapshot(w.store) == before  # nothing written: findings, statuses, audit trail
    assert recheck(w.store, w.sid).changed == [a0]
    w.store.close()
