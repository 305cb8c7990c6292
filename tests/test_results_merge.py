"""Merged results from really imported score files: totals, 回避, trimmed means, ranks and
tie-breaks, flags, statistics, hashes, consensus, finalise/reopen and the write locks."""

from decimal import Decimal as D

import pytest
from sqlalchemy import select

from nn_review.exchange import ExchangeError
from nn_review.exchange.bundles import make_bundle
from nn_review.exchange.scores_import import import_score_files
from nn_review.forms import display
from nn_review.results import (ResultsError, application_detail, finalise, finalise_problems, panel_results, reopen,
                               set_consensus)
from nn_review.results.aggregate import divide
from nn_review.results.consensus import clear_consensus
from nn_review.roster.conflicts import add_conflict as roster_add_conflict
from nn_review.roster.panels import create_panel
from nn_review.services.checks import run_checks
from nn_review.services.importer import import_packages
from nn_review.store import StoreError
from nn_review.store import models as M

from .exchange_fixtures import EXPERTS, add_conflict, no_real_keyring  # noqa: F401
from .helpers import file_keys, manifest, write_package
from .results_fixtures import SEVEN, make_world, recusal, return_scores, review, set_items

OPINION_OK = "专家组经讨论认为该项目创新性突出、技术路线可行，同意按专家多数意见处理。"


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """7 experts, 4 applications: 7 scores; 6 + a recusal; 5 + a conflict + a recusal; 4 + 3 not returned."""
    tmp = tmp_path_factory.mktemp("big")
    with file_keys(tmp):
        w = make_world(tmp, n_apps=4, leader="王建国")
        a1, a2, a3, a4 = w.app_ids
        add_conflict(w, "王建国", a3)  # decided before bundles: a3 never leaves for 王建国
        g1 = dict(zip(SEVEN, ["AAAAAA", "ABBBBB", "BBBBBB", "BBBBBC", "CCCCCC", "BCCCCC", "DDDDDD"]))
        g2 = dict(zip(SEVEN, ["AAAABB", "AABBBB", "BABBBB", "BBBBBA", "BBBBBB", "CBBBBB"]))
        g3 = {"赵明": "BBBBBB", "陈晓东": "BBCBBB", "刘海燕": "BBBBCB", "黄志强": "CBBBBB", "周丽华": "BBBBBA"}
        r3 = {"赵明": "support", "陈晓东": "support", "刘海燕": "support", "黄志强": "support_if_revised",
              "周丽华": "support_if_revised"}
        reviews = {}
        for i, name in enumerate(SEVEN):
            revs = [review(a1, g1[name], "support" if i < 4 else "reject")]
            revs.append(review(a2, g2[name]) if name in g2 else recusal(a2, "本人曾指导该项目负责人的研究生"))
            if name in g3:
                revs.append(review(a3, g3[name], r3[name]))
            elif name == "李秀英":
                revs.append(recusal(a3, "与申报单位有合作项目"))
            if i < 4:
                revs.append(review(a4, "BBBBBB"))
            reviews[name] = revs
        return_scores(w, tmp, reviews)
        w.results = panel_results(w.store, w.panel_id)
        yield w
        w.store.close()


def cells(a):
    return {c.name: c.cell for c in a.experts}


def test_totals_recusals_and_rules(big):
    pr = big.results
    a1, a2, a3, a4 = (pr.application(x) for x in big.app_ids)
    # a1: 100, 83, 80, 78, 60, 63, 40 → mean 504/7 = 72; trimmed (504 − 100 − 40)/5 = 72.8
    assert [c.total for c in a1.experts] == [D(100), D(83), D(80), D(78), D(60), D(63), D(40)]
    assert (a1.score.n, a1.score.mean, a1.score.value, a1.score.method) == (7, D(72), D("72.8"), "trimmed_mean")
    # a2: 周丽华 recused → 6 scores 94, 87, 84, 82, 80, 77: mean 84, trimmed 333/4 = 83.25
    assert cells(a2)["周丽华"] == "回避" and a2.score.n == 6
    assert (a2.score.mean, a2.score.value) == (D(84), D("83.25"))
    # a3: 王建国 (conflict, never sent) and 李秀英 (recused) → 5 scores 80, 76, 76, 77, 82
    #     mean 391/5 = 78.2; trimmed drops 82 and one 76 → 233/3 = 77.67
    c3 = {c.name: c for c in a3.experts}
    assert c3["王建国"].status == "recused" and c3["王建国"].reason == "专家所在单位为合作单位"
    assert c3["李秀英"].status == "recused" and "有合作项目" in c3["李秀英"].reason
    assert c3["王建国"].total is None and c3["李秀英"].total is None  # never 0
    assert (a3.score.n, a3.score.mean, display(a3.score.value)) == (5, D("78.2"), "77.67")
    assert a3.score.value == divide(D(233), 3)
    # a4: 3 experts have not returned it → 未交回, not counted; 4 scores → plain mean
    assert [cells(a4)[n] for n in SEVEN] == ["80.00"] * 4 + ["未交回"] * 3
    assert (a4.score.n, a4.score.method, a4.score.value) == (4, "mean", D(80))
    assert pr.rule.id == "trimmed_mean_from_5" and "去掉一个最高分和一个最低分" in pr.rule.text


def test_ranks_counts_and_flags(big):
    pr = big.results
    a1, a2, a3, a4 = big.app_ids
    assert [a.application_id for a in pr.applications] == [a2, a4, a3, a1]  # 83.25, 80, 77.67, 72.8
    assert [pr.application(x).rank_overall for x in (a2, a4, a3, a1)] == [1, 2, 3, 4]
    r1 = pr.application(a1)
    assert r1.rec_counts == {"support": 4, "support_if_revised": 0, "reject": 3}
    assert r1.computed_recommendation == "support"
    kinds = [(f.kind, f.key) for f in r1.flags]
    assert ("total", f"total:{big.experts['王建国']}") in kinds and ("total", f"total:{big.experts['周丽华']}") in kinds
    assert sum(k == "grades" for k, _ in kinds) == 6 and ("split", "split") in kinds
    hi = next(f for f in r1.flags if f.key == f"total:{big.experts['王建国']}")
    assert hi.numbers["total"] == "100" and display(D(hi.numbers["others_mean"])) == "67.33"
    assert not any(f.resolved for f in r1.flags)
    r3 = pr.application(a3)
    assert [f.kind for f in r3.flags] == ["split"]  # 3 support of 5 < two thirds
    assert pr.application(a2).flags == [] and pr.application(a4).flags == []


def test_inter_rater_statistics(big):
    pr = big.results
    sev = {s.name: s for s in pr.severity}
    assert sev["王建国"].n == 3 and sev["周丽华"].n == 2  # a4 has 4 scores; 王建国 recused a3
    # 周丽华: a1 40 − 72.8 = −32.8; a3 82 − 77.666… → mean (−32.8 + 4.333…)/2 = −14.2333…
    assert display(sev["周丽华"].mean_deviation) == "-14.23" and "偏严" in sev["周丽华"].explanation
    assert pr.kendall.w is not None and 0 <= pr.kendall.w <= 1
    assert pr.kendall.m >= 2 and pr.kendall.n >= 2 and "肯德尔和谐系数" in pr.kendall.explanation


def test_drill_down_every_grade(big):
    d = application_detail(big.store, big.sid, big.app_ids[0])
    rows = d.grade_table
    assert [r["criterion"] for r in rows] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    c2 = rows[1]
    assert c2["weight"] == 20 and [c["grade"] for c in c2["cells"]] == list("ABBBCCD")
    assert [c["score"] for c in c2["cells"]] == [D(20), D(16), D(16), D(16), D(12), D(12), D(8)]
    assert "论证不足" in c2["cells"][-1]["comment"]  # D grades carry the expert's comment
    with pytest.raises(ResultsError, match="没有申报项目"):
        application_detail(big.store, big.sid, "NNKJ-NONE")


def test_hash_is_stable(big):
    again = panel_results(big.store, big.panel_id)
    assert again.data_hash == big.results.data_hash
    assert [a.basis_hash for a in again.applications] == [a.basis_hash for a in big.results.applications]


# -- ties, consensus, finalise ----------------------------------------------------------------

@pytest.fixture
def ties(tmp_path):
    """3 experts, 4 applications with equal scores: the tie-breaks decide."""
    w = make_world(tmp_path, n_apps=4, experts=EXPERTS, leader="王建国")
    t1, t2, t3, t4 = w.app_ids
    set_items(w, {t1: 15, t2: 15, t3: 16, t4: 16})
    reviews = {}
    for i, name in enumerate(EXPERTS):
        reviews[name] = [review(t1, "BBBBBB"), review(t2, "BBBBBB", "reject" if i == 2 else "support"),
                         review(t3, "BABBCB"), review(t4, "BBBBBB")]
    return_scores(w, tmp_path, reviews)
    yield w
    w.store.close()


def test_tie_breaks_support_then_criterion2_then_id(ties):
    pr = panel_results(ties.store, ties.panel_id)
    t1, t2, t3, t4 = ties.app_ids
    assert {a.score.value for a in pr.applications} == {D(80)}
    assert pr.application(t3).criterion2 == D(20) and pr.application(t1).criterion2 == D(16)
    assert [a.application_id for a in pr.applications] == [t3, t1, t4, t2]
    assert [(pr.application(x).rank_item, pr.application(x).rank_overall) for x in (t1, t2, t3, t4)] == [
        (1, 2), (2, 4), (1, 1), (2, 3)]
    assert [g.guide_item for g in pr.items] == [15, 16]


def test_consensus_reason_author_and_stale(ties, tmp_path):
    t1, t2, t3, _ = ties.app_ids
    a = set_consensus(ties.store, ties.sid, t1, opinion=OPINION_OK, recommendation="support")
    assert a.consensus.author == "王建国" and a.consensus.override_reason == "" and not a.consensus.stale
    with pytest.raises(ResultsError, match="必须写明理由") as e:
        set_consensus(ties.store, ties.sid, t2, opinion=OPINION_OK, recommendation="reject")
    assert e.value.code == "consensus.reason"
    a = set_consensus(ties.store, ties.sid, t2, opinion=OPINION_OK, recommendation="不建议支持",
                      reason="经核实，申报单位近三年有失信记录", by="secretary")
    assert a.final_recommendation == "reject" and a.computed_recommendation == "support"
    assert a.consensus.author == "test-secretary（代组长 王建国）" and "失信" in a.consensus.override_reason
    with pytest.raises(ResultsError, match="推荐意见应为"):
        set_consensus(ties.store, ties.sid, t3, opinion=OPINION_OK, recommendation="maybe")
    with pytest.raises(ResultsError, match="不设等次"):
        set_consensus(ties.store, ties.sid, t3, opinion=OPINION_OK, recommendation="support", level="良好")
    with pytest.raises(ResultsError, match="专家组意见不能为空"):
        set_consensus(ties.store, ties.sid, t3, opinion="  ", recommendation="support")
    before = panel_results(ties.store, ties.panel_id).application(t1)
    # a new revision changes one grade of t1: the consensus is now stale
    revs = [review(x, "BBBBBB") for x in ties.app_ids]
    revs[0] = review(t1, "ABBBBB")
    return_scores(ties, tmp_path, {"王建国": revs}, revision=2)
    after = panel_results(ties.store, ties.panel_id).application(t1)
    assert after.basis_hash != before.basis_hash and after.data_hash != before.data_hash
    assert after.consensus.stale and "待重新确认" in after.conclusion_text
    with ties.store.read() as s:
        events = [e.action for e in s.scalars(select(M.AuditEvent))]
    assert events.count("results.consensus") == 2
    clear_consensus(ties.store, ties.sid, t1, "评分变更，撤回后重议")
    assert panel_results(ties.store, ties.panel_id).application(t1).consensus is None


def test_consensus_needs_a_leader(tmp_path):
    w = make_world(tmp_path, n_apps=1, experts=EXPERTS)
    return_scores(w, tmp_path, {n: [review(w.app_ids[0], "BBBBBB")] for n in EXPERTS})
    with pytest.raises(ResultsError, match="尚未指定组长"):
        set_consensus(w.store, w.sid, w.app_ids[0], opinion=OPINION_OK, recommendation="support")
    w.store.close()


def test_form_b_level_and_override(tmp_path):
    w = make_world(tmp_path, n_apps=1, experts=EXPERTS, leader="李秀英", form="form-b")
    a = w.app_ids[0]
    grades = {"王建国": "ABBBB", "李秀英": "BBBBA", "赵明": "BBCCC"}  # 85, 85, 69 → 239/3 = 79.67 → 良好
    return_scores(w, tmp_path, {n: [review(a, g, None)] for n, g in grades.items()})
    r = panel_results(w.store, w.panel_id).application(a)
    assert display(r.score.value) == "79.67" and r.computed_level == "good" and r.level_zh(r.computed_level) == "良好"
    assert r.rec_counts == {} and [f.key for f in r.flags] == [f"total:{w.experts['赵明']}"]  # 69 vs 85: 16 > 15
    with pytest.raises(ResultsError, match="必须写明理由"):
        set_consensus(w.store, w.sid, a, opinion=OPINION_OK, level="优秀")
    with pytest.raises(ResultsError, match="等次应为"):
        set_consensus(w.store, w.sid, a, opinion=OPINION_OK, level="很好")
    with pytest.raises(ResultsError, match="不设推荐意见"):
        set_consensus(w.store, w.sid, a, opinion=OPINION_OK, recommendation="support", level="良好")
    r = set_consensus(w.store, w.sid, a, opinion=OPINION_OK, level="优秀", reason="成员单位新增国家级平台两个")
    assert (r.final_level, r.computed_level, r.consensus.author) == ("excellent", "good", "李秀英")
    assert r.conclusion_text == "优秀"
    w.store.close()


def test_band_mode_totals_are_exact(tmp_path):
    w = make_world(tmp_path, n_apps=1, experts=EXPERTS, band_mode=True)
    a = w.app_ids[0]
    pts = ["87.35", "80", "75.5", "89.9999", "76", "88"]
    return_scores(w, tmp_path, {"王建国": [review(a, "BBBBBB", points=pts)],
                                "李秀英": [review(a, "BBBBBB", points=["80"] * 6)]})
    r = panel_results(w.store, w.panel_id).application(a)
    # (15×87.35 + 20×80 + 20×75.5 + 15×89.9999 + 20×76 + 10×88) / 100 = 81.702485
    assert r.experts[0].total == D("81.702485") and r.experts[0].grades["c4"].points == D("89.9999")
    assert r.score.mean == D("80.8512425") and display(r.score.mean) == "80.85"
    w.store.close()


def _all_consensus(w):
    for x in w.app_ids:
        a = panel_results(w.store, w.panel_id).application(x)
        set_consensus(w.store, w.sid, x, opinion=OPINION_OK, recommendation=a.computed_recommendation)


def test_finalise_refuses_until_complete_then_locks_every_write(ties, tmp_path):
    problems, _, _ = finalise_problems(ties.store, ties.sid)
    assert len(problems) == 4 and all("尚未录入专家组意见" in p for p in problems)
    with pytest.raises(ResultsError, match="尚不能定稿") as e:
        finalise(ties.store, ties.sid)
    assert e.value.code == "finalise.incomplete"
    _all_consensus(ties)
    rep = finalise(ties.store, ties.sid)
    assert rep.applications == 4 and rep.sheet_version == 1 and list(rep.panels) == ["信息技术组"]
    pr = panel_results(ties.store, ties.panel_id)
    assert pr.finalised and all(f.resolved for f in pr.flags)

    t1 = ties.app_ids[0]
    with pytest.raises(ResultsError, match="已定稿"):
        set_consensus(ties.store, ties.sid, t1, opinion=OPINION_OK, recommendation="support")
    with pytest.raises(ResultsError, match="已定稿"):
        finalise(ties.store, ties.sid)
    [r] = import_score_files(ties.store, ties.sid, [tmp_path / "returns" / "王建国-r1.nnscore"])
    assert r.code == "session.locked"
    with pytest.raises(ExchangeError, match="已定稿"):
        make_bundle(ties.store, ties.sid, ties.experts["王建国"], tmp_path / "b2", secretary_key=ties.secretary)
    with pytest.raises(StoreError, match="已定稿"):
        create_panel(ties.store, ties.sid, "第二组", application_ids=[t1])
    with pytest.raises(StoreError, match="已定稿"):
        roster_add_conflict(ties.store, ties.sid, ties.experts["赵明"], t1, "临时发现的利害关系")
    with pytest.raises(StoreError, match="已定稿"):
        run_checks(ties.store, ties.sid)
    m = manifest(application_id="NNKJ-2025-LATE")
    late = write_package(tmp_path / "late", m)
    with pytest.raises(StoreError, match="已定稿"):
        import_packages(ties.store, ties.sid, [late])

    with pytest.raises(ResultsError, match="必须写明理由"):
        reopen(ties.store, ties.sid, "  ")
    assert reopen(ties.store, ties.sid, "财政局反馈申报单位资格有误，需复议") == 2
    with ties.store.read() as s:
        sess = s.get(M.ReviewSession, ties.sid)
        assert (sess.state, sess.sheet_version) == ("open", 2)
        ev = s.scalars(select(M.AuditEvent).where(M.AuditEvent.action == "session.reopen")).one()
        assert ev.details["reason"].startswith("财政局") and ev.details["sheet_version_to"] == 2
    assert panel_results(ties.store, ties.panel_id).sheet_version == 2
    set_consensus(ties.store, ties.sid, t1, opinion=OPINION_OK, recommendation="support")  # writable again
    with pytest.raises(ResultsError, match="未定稿"):
        reopen(ties.store, ties.sid, "再次开启")
