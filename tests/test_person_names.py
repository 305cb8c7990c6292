"""Records printed on sheets name a person by the signer profile, never by the OS login ("root")."""

from __future__ import annotations

from nn_review.results.consensus import set_consensus
from nn_review.results.merge import panel_results
from nn_review.roster.draw import draw_record
from nn_review.store import models as M
from nn_review.signer import set_profile

from .results_fixtures import make_world, return_scores, review


def test_consensus_by_the_secretary_names_the_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_REVIEW_ACTOR", "root")
    w = make_world(tmp_path, n_apps=1, experts=("王建国", "李秀英", "张伟"), leader="王建国")
    set_profile(w.store, "韦丽华", "科员", "南宁市科学技术局")
    aid = w.app_ids[0]
    return_scores(w, tmp_path, {n: [review(aid, "AAAAAA")] for n in ("王建国", "李秀英", "张伟")})
    rec = panel_results(w.store, w.panel_id).application(aid).computed_recommendation
    set_consensus(w.store, w.sid, aid, opinion="专家组一致认为该项目技术路线可行，建议予以支持。",
                  recommendation=rec, level=None, reason="", by="secretary")
    with w.store.read() as s:
        author = s.query(M.Consensus).one().author
    assert author == "韦丽华（代组长 王建国）"


def test_draw_record_names_the_profile(tmp_path):
    w = make_world(tmp_path, n_apps=1, experts=("王建国", "李秀英", "张伟"))
    with w.store.write() as s:
        s.add(M.Draw(session_id=w.sid, panel_id=w.panel_id, panel_name="组", seed="1", requested=3,
                     actor=w.store.actor))
    with w.store.read() as s:
        draw_id = s.query(M.Draw).one().id
    assert draw_record(w.store, draw_id)["actor"] == w.store.actor  # no profile yet: the login
    set_profile(w.store, "韦丽华", "科员", "南宁市科学技术局")
    assert draw_record(w.store, draw_id)["actor"] == "韦丽华"
