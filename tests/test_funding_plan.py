"""The funding plan (issue 21; docs/funding.md "The plan"): scopes and budgets, the funding line in
strict rank order, 核定 / 核减 / 调整, caps, the rule route (秘书审核, over budget), 不能重复享受,
the decisions' refusals (nothing changes), the lock of a published list, and the CLI verbs.

One real store (scores really signed and imported) shared by the module; every test starts from
no budgets, figures, decisions or 公示 (``w`` fixture). Figures are hand-computed in the comments."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import delete, select

from nn_review.cli import main
from nn_review.funding import plan as plan_mod
from nn_review.funding.edits import adjust_amount, approve_amount, confirm_amount, set_budget, set_param
from nn_review.funding.errors import FundingError
from nn_review.funding.exclusive import Entry, exclusive_flags
from nn_review.funding.model import (BELOW_LINE, EXCLUDED, FUNDED, INELIGIBLE, NO_CONSENSUS, NOT_ELIGIBLE,
                                     NOT_RECOMMENDED, OK, UNCONFIRMED, Computed)
from nn_review.funding.plan import AppIn, build_scopes, funding_plan
from nn_review.guide.funding_schema import Exclusive, FundingParam, FundingRule
from nn_review.i18n import M
from nn_review.results.consensus import set_consensus
from nn_review.services.guides import guide_for_session
from nn_review.store import models as M_

from .exchange_fixtures import no_real_keyring, table_counts  # noqa: F401
from .helpers import file_keys
from .results_fixtures import SEVEN, make_world, return_scores, review, set_items

OPINION = "专家组经讨论认为该项目创新性突出、技术路线可行，同意按专家多数意见处理。"
THREE = SEVEN[:3]
# application → (guide item, requested 万元, grades of each expert, recommendation, consensus)
SPEC = {
    "a1": (15, "100", "AAAAAA", "support", "support"),
    "a2": (15, "100", "ABBBBB", "support", "support"),
    "a3": (14, "80", "BBBBBB", "support", "support_if_revised"),
    "a4": (15, "50", "BBBBBC", "support", "support"),
    "a5": (15, "30", "CCCCCC", "reject", "reject"),
    "a6": (15, "20", "BCCCCC", "support", None),       # no consensus recorded
    "a7": (15, "10", "CCCCCD", "support", None),       # 不予受理 at formal check
}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("funding")
    with file_keys(tmp):
        w = make_world(tmp, n_apps=len(SPEC), experts=THREE, leader=THREE[0])
        w.ids = dict(zip(SPEC, w.app_ids))          # a1 → NNKJ-2025-…
        set_items(w, {w.ids[k]: v[0] for k, v in SPEC.items()})
        with w.store.write() as s:
            for k, v in SPEC.items():
                s.get(M_.Application, w.apps[w.ids[k]]).requested = float(v[1])
        return_scores(w, tmp, {name: [review(w.ids[k], v[2], v[3]) for k, v in SPEC.items()] for name in THREE})
        for k, v in SPEC.items():
            if v[4]:
                set_consensus(w.store, w.sid, w.ids[k], opinion=OPINION, recommendation=v[4],
                              reason="" if v[4] == v[3] else "专家组讨论后认为需修改完善")
        with w.store.write() as s:
            s.get(M_.Application, w.apps[w.ids["a7"]]).formal_decision = "excluded"
        yield w
        w.store.close()


@pytest.fixture
def w(world, monkeypatch):
    """The module's world with no funding data: each test starts from the same plan."""
    with world.store.write() as s:
        for t in (M_.FundingBudget, M_.FundingParam, M_.FundingPublicity):
            s.execute(delete(t).where(t.session_id == world.sid))
        s.execute(delete(M_.FundingDecision))
        s.execute(delete(M_.FundingObjection))
        for k in SPEC:
            s.get(M_.Application, world.apps[world.ids[k]]).applicant_credit_code = f"9145010000000000{k[1]}X"[:18]
    return world


def plan(w):
    return funding_plan(w.store, w.sid)


def line(p, w, key):
    return p.line(w.ids[key])


def scope(p, name):
    return next(sc for sc in p.scopes if sc.scope == name)


def ids(w, sc, status=None):
    back = {v: k for k, v in w.ids.items()}
    return [back[ln.application_id] for ln in sc.lines if status is None or ln.status == status]


def snapshot(w):
    """Every row count and every funding row: 'nothing changed' in one comparison."""
    with w.store.read() as s:
        rows = {t.__tablename__: sorted(repr(sorted((c.name, str(getattr(r, c.name))) for c in t.__table__.columns))
                                        for r in s.scalars(select(t)))
                for t in (M_.FundingBudget, M_.FundingParam, M_.FundingDecision)}
    return table_counts(w.store), rows


# -- the panel route ------------------------------------------------------------------------

def test_plan_type_budget_cuts_the_list_in_strict_rank_order(w):
    # plan:key_rd shared by items 14 and 15; candidates by score: a1 100, a2 100, a3 80, a4 50.
    # 250: a1 → 150 left, a2 → 50 left, a3 (80) does not fit → the line; a4 (50) would fit but is below.
    set_budget(w.store, w.sid, "plan:key_rd", "250")
    p = plan(w)
    assert [sc.scope for sc in p.scopes] == ["plan:key_rd"]
    sc = p.scopes[0]
    assert sc.title == "重点研发计划" and sc.route == "panel" and sc.budget == D("250")
    assert ids(w, sc) == ["a1", "a2", "a3", "a4", "a7", "a5", "a6"]
    assert ids(w, sc, FUNDED) == ["a1", "a2"] and ids(w, sc, BELOW_LINE) == ["a3", "a4"]
    assert sc.line_after == 2 and sc.allocated == D("200") and sc.remaining == D("50") and sc.over_budget is None
    assert [line(p, w, k).cumulative for k in ("a1", "a2", "a3", "a4")] == [D("100"), D("200"), None, None]
    assert [line(p, w, k).proposed for k in ("a1", "a2", "a3", "a4")] == [D("100"), D("100"), D("80"), D("50")]
    assert line(p, w, "a1").rank == 1 and line(p, w, "a3").rank == 1   # the rank within the guide item
    assert line(p, w, "a3").recommendation == "support_if_revised"
    # never funded, whatever the budget
    assert (line(p, w, "a5").status, line(p, w, "a6").status, line(p, w, "a7").status) == \
        (NOT_RECOMMENDED, NO_CONSENSUS, EXCLUDED)
    assert all(line(p, w, k).proposed is None for k in ("a5", "a6", "a7"))
    assert len(p.data_hash) == 64 and p.data_hash == plan(w).data_hash


def test_an_item_budget_of_its_own_takes_the_item_out_of_the_shared_one(w):
    set_budget(w.store, w.sid, "plan:key_rd", "250")
    set_budget(w.store, w.sid, "item:14", "80", note="南科字〔2025〕1号")
    p = plan(w)
    assert [sc.scope for sc in p.scopes] == ["item:14", "plan:key_rd"]
    item14, shared = p.scopes
    assert item14.title.startswith("项目14 ") and ids(w, item14) == ["a3"]
    assert (item14.line_after, item14.allocated, item14.remaining) == (1, D("80"), D("0"))
    # a1 100 + a2 100 + a4 50 = 250: everyone fits, the line falls after the last candidate
    assert ids(w, shared, FUNDED) == ["a1", "a2", "a4"] and shared.line_after == 3 and shared.remaining == D("0")


def test_no_budget_no_line_and_every_candidate_proposed(w):
    p = plan(w)
    assert [sc.scope for sc in p.scopes] == ["item:14", "item:15"]
    for sc in p.scopes:
        assert sc.budget is None and sc.line_after is None and sc.remaining is None
    item15 = scope(p, "item:15")
    assert ids(w, item15, FUNDED) == ["a1", "a2", "a4"] and item15.allocated == D("250")
    assert p.rules_source == "nanning-seed v2" and p.missing_params == []


def test_a_session_on_an_edition_without_rules_takes_them_from_the_newest_version_that_has_them(w):
    with w.store.write() as s:
        sess = s.get(M_.ReviewSession, w.sid)
        own = sess.guide_edition_id
        v1 = s.scalar(select(M_.GuideEdition).where(M_.GuideEdition.edition == "nanning-seed",
                                                    M_.GuideEdition.version == "1"))
        if v1 is None:   # the v1 file is no longer built in: store it as it was (no funding rules)
            base = json.loads(s.get(M_.GuideEdition, own).content_json)
            for it in base["items"]:
                it.pop("funding", None)
                for d in it.get("directions", []):
                    d.pop("funding", None)
            base["version"] = "1"
            raw = json.dumps(base, ensure_ascii=False)
            import hashlib
            v1 = M_.GuideEdition(edition="nanning-seed", version="1", title=base["title"],
                                 sha256=hashlib.sha256(raw.encode()).hexdigest(), content_json=raw)
            s.add(v1)
            s.flush()
        sess.guide_edition_id = v1.id
    try:
        p = plan(w)
        assert p.rules_source.startswith("nanning-seed v2") and "v1 未含资助规则" in p.rules_source
    finally:
        with w.store.write() as s:
            s.get(M_.ReviewSession, w.sid).guide_edition_id = own


def test_a_cut_on_a_funded_one_moves_the_line_and_withdrawing_it_moves_it_back(w):
    set_budget(w.store, w.sid, "plan:key_rd", "250")
    before = plan(w).data_hash
    # 核减 a2 to 50: a1 100, a2 50, a3 80 = 230 → 20 left, a4 (50) below
    adjust_amount(w.store, w.sid, w.ids["a2"], "50", reason="预算中设备费偏高")
    p = plan(w)
    sc = p.scopes[0]
    assert ids(w, sc, FUNDED) == ["a1", "a2", "a3"] and ids(w, sc, BELOW_LINE) == ["a4"]
    assert sc.line_after == 3 and sc.remaining == D("20") and sc.allocated == D("230")
    a2 = line(p, w, "a2")
    assert (a2.adjusted, a2.adjusted_reason, a2.proposed) == (D("50"), "预算中设备费偏高", D("50"))
    assert p.data_hash != before
    with w.store.read() as s:
        ev = s.scalars(select(M_.AuditEvent).where(M_.AuditEvent.action == "funding.adjust")
                       .order_by(M_.AuditEvent.id.desc())).first()
        assert ev.details["old"] is None and ev.details["new"] == "50" and ev.details["label"] == "核减"
    adjust_amount(w.store, w.sid, w.ids["a2"], None, reason="")
    assert plan(w).data_hash == before


def test_approved_amount_caps_the_proposal_and_is_refused_above_requested(w):
    set_budget(w.store, w.sid, "plan:key_rd", "250")
    # 核定 a1 at 60: 60 + 100 + 80 = 240 → 10 left, a4 (50) below
    approve_amount(w.store, w.sid, w.ids["a1"], D("60"), reason="考核指标偏低，核定60万元", by="secretary")
    p = plan(w)
    a1 = line(p, w, "a1")
    assert (a1.approved, a1.proposed, a1.cumulative) == (D("60"), D("60"), D("60"))
    assert ids(w, p.scopes[0], FUNDED) == ["a1", "a2", "a3"] and p.scopes[0].remaining == D("10")
    with w.store.read() as s:
        d = s.scalars(select(M_.FundingDecision).where(M_.FundingDecision.kind == "approved")).one()
        assert (d.amount, d.author_role) == (D("60"), "secretary")
    before = snapshot(w)
    with pytest.raises(FundingError, match="超过申请金额 100") as e:
        approve_amount(w.store, w.sid, w.ids["a1"], "100.01", reason="专家组核定")
    assert e.value.code == "funding.over_requested"
    assert snapshot(w) == before


def test_adjust_above_the_computed_amount_is_a_调整(w):
    adjust_amount(w.store, w.sid, w.ids["a4"], "20", reason="按同类项目标准")
    approve_amount(w.store, w.sid, w.ids["a4"], "10", reason="专家组核定")   # the adjustment still wins
    p = plan(w)
    assert line(p, w, "a4").proposed == D("20")
    adjust_amount(w.store, w.sid, w.ids["a4"], "15", reason="与核定金额协调")
    with w.store.read() as s:
        labels = [e.details["label"] for e in s.scalars(select(M_.AuditEvent)
                                                        .where(M_.AuditEvent.action == "funding.adjust")
                                                        .order_by(M_.AuditEvent.id))]
    assert labels[-2:] == ["核减", "调整"]   # 20 < requested 50; then 15 > 核定 10


def test_a_zero_amount_is_funded_with_zero(w):
    set_budget(w.store, w.sid, "item:15", "100")
    adjust_amount(w.store, w.sid, w.ids["a1"], "0", reason="与其他计划重复支持")
    sc = scope(plan(w), "item:15")
    # a1 0 → 100 left; a2 100 → 0 left; a4 50 below
    assert ids(w, sc, FUNDED) == ["a1", "a2"] and sc.line_after == 2 and sc.remaining == D("0")


# -- refusals leave everything as it was ----------------------------------------------------

@pytest.mark.parametrize("call, code, text", [
    (lambda w: set_budget(w.store, w.sid, "item:15", 12.5), "funding.amount", "不接受浮点数"),
    (lambda w: set_budget(w.store, w.sid, "item:15", "十万"), "funding.amount", "不是有效的数字"),
    (lambda w: set_budget(w.store, w.sid, "item:15", "-1"), "funding.amount", "不能为负数"),
    (lambda w: set_budget(w.store, w.sid, "item:15", "1.001"), "funding.amount", "最多两位小数"),
    (lambda w: set_budget(w.store, w.sid, "item:99", "10"), "funding.scope", "没有项目 99"),
    (lambda w: set_budget(w.store, w.sid, "plan:nope", "10"), "funding.scope", "plan:key_rd"),
    (lambda w: set_budget(w.store, w.sid, "15", "10"), "funding.scope", "item:项目编号"),
    (lambda w: set_budget(w.store, w.sid, "item:15", None), "funding.no_budget", "没有已录入的预算"),
    (lambda w: approve_amount(w.store, w.sid, w.ids["a1"], 50.0, reason="专家组核定"), "funding.amount", "浮点数"),
    (lambda w: approve_amount(w.store, w.sid, w.ids["a1"], "50", reason="好"), "funding.reason", "理由"),
    (lambda w: approve_amount(w.store, w.sid, w.ids["a1"], "50", reason="ok"), "funding.reason", "理由"),
    (lambda w: approve_amount(w.store, w.sid, w.ids["a1"], "50", reason="专家组核定", by="expert"),
     "funding.author", "leader"),
    (lambda w: approve_amount(w.store, w.sid, w.ids["a7"], "5", reason="专家组核定"), "funding.excluded", "不予受理"),
    (lambda w: approve_amount(w.store, w.sid, "NNKJ-0000", "5", reason="专家组核定"), "funding.application",
     "没有申报项目 NNKJ-0000"),
    (lambda w: approve_amount(w.store, w.sid, w.ids["a1"], None, reason=""), "funding.nothing", "没有可撤销"),
    (lambda w: adjust_amount(w.store, w.sid, w.ids["a1"], "40", reason=""), "funding.reason", "理由"),
    (lambda w: adjust_amount(w.store, w.sid, w.ids["a1"], "120", reason="按实际需要调整"), "funding.over_requested",
     "超过申请金额"),
    (lambda w: confirm_amount(w.store, w.sid, w.ids["a1"]), "funding.route", "经专家组评审"),
    (lambda w: set_param(w.store, w.sid, 15, "rate", "50"), "funding.param", "没有需要填写的参数"),
    (lambda w: set_param(w.store, w.sid, 23, "rate", "50"), "funding.direction", "请指定方向（1、2）"),
    (lambda w: set_param(w.store, w.sid, 23, "ratio", "50", direction=1), "funding.param",
     "没有参数“ratio”（可填：rate（研发投入奖补比例）、cap（单个企业奖补上限））"),
    (lambda w: set_param(w.store, w.sid, 23, "rate", "150", direction=1), "funding.param_range", "不能大于 100%"),
    (lambda w: set_param(w.store, w.sid, 23, "rate", 1.5, direction=1), "funding.amount", "不接受浮点数"),
    (lambda w: set_param(w.store, w.sid, 23, "rate", "50", direction=3), "funding.scope", "没有方向 3"),
    (lambda w: set_param(w.store, w.sid, 99, "rate", "50"), "funding.scope", "没有项目 99"),
    (lambda w: set_budget(w.store, 999, "item:15", "10"), "session.missing", "没有评审批次 999"),
])
def test_refusals_change_nothing(w, call, code, text):
    set_budget(w.store, w.sid, "plan:key_rd", "250")
    before = snapshot(w)
    with pytest.raises(FundingError, match=text) as e:
        call(w)
    assert e.value.code == code and e.value.msg is not None
    assert snapshot(w) == before


def test_a_published_or_frozen_list_locks_every_decision(w):
    set_budget(w.store, w.sid, "item:15", "250")
    approve_amount(w.store, w.sid, w.ids["a2"], "90", reason="专家组核定")
    for state in ("published", "frozen"):
        with w.store.write() as s:
            s.execute(delete(M_.FundingPublicity))
            s.add(M_.FundingPublicity(session_id=w.sid, state=state, start_date=date(2026, 1, 5),
                                      end_date=date(2026, 1, 11), list_json="[]", list_sha256="0" * 64))
        before = snapshot(w)
        for call in (lambda: set_budget(w.store, w.sid, "item:15", "300"),
                     lambda: set_budget(w.store, w.sid, "item:15", None),
                     lambda: approve_amount(w.store, w.sid, w.ids["a1"], "50", reason="专家组核定"),
                     lambda: approve_amount(w.store, w.sid, w.ids["a2"], None, reason=""),
                     lambda: adjust_amount(w.store, w.sid, w.ids["a1"], "50", reason="核减设备费"),
                     lambda: confirm_amount(w.store, w.sid, w.ids["a1"]),
                     lambda: set_param(w.store, w.sid, 15, "rate", "50")):
            with pytest.raises(FundingError, match="已(公示|立项冻结)") as e:
                call()
            assert e.value.code == "funding.locked"
        assert snapshot(w) == before
    assert plan(w).publicity.state == "frozen"


# -- rules: cap, the rule route, 不能重复享受 (a guide with funding rules) ------------------------

EXCL = "企业研发奖补不能与科技项目（前资助）重复享受"


@pytest.fixture
def rules(w, monkeypatch):
    """Item 14 by rule (amount = requested, cap from a template figure ``cap``), item 15 by panel with
    a cap of 90 万元 and 不能重复享受 with item 14."""
    base = guide_for_session(w.store, w.sid)
    r14 = FundingRule(route="rule", text="按规则核定，每家最高不超过通知规定金额", cap={"param": "cap"},
                      params=(FundingParam("cap", "每家上限", "万元", D("0"), D("500")),))
    r15 = FundingRule(route="panel", text="择优支持，每项最高不超过90万元", cap=90,
                      exclusive=Exclusive(items=(14,), text=EXCL))
    items = tuple(dataclasses.replace(it, funding=r14) if it.number == 14 else
                  dataclasses.replace(it, funding=r15) if it.number == 15 else it for it in base.items)
    guide = dataclasses.replace(base, items=items)
    monkeypatch.setattr(plan_mod, "rules_guide", lambda s, sess: (guide, "nanning-seed（测试规则）"))
    return w


def test_the_rules_cap_limits_panel_proposals(rules):
    w = rules
    set_budget(w.store, w.sid, "item:15", "200")
    p = plan(w)
    a1 = line(p, w, "a1")
    assert a1.cap == D("90") and a1.proposed == D("90") and a1.route == "panel"
    # a1 90 → 110 left, a2 90 → 20 left, a4 (50) below
    sc = scope(p, "item:15")
    assert ids(w, sc, FUNDED) == ["a1", "a2"] and sc.remaining == D("20") and sc.line_after == 2
    assert sc.rule_text == "择优支持，每项最高不超过90万元"
    with pytest.raises(FundingError, match="超过资助上限 90") as e:
        approve_amount(w.store, w.sid, w.ids["a1"], "95", reason="专家组核定")
    assert e.value.code == "funding.over_cap"


def test_rule_items_need_their_figures_then_the_secretarys_review_and_show_over_budget(rules):
    w = rules
    p = plan(w)
    a3 = line(p, w, "a3")
    assert scope(p, "item:14").route == "rule" and a3.route == "rule"
    assert p.missing_params == [(14, 0, "cap")] and a3.status == INELIGIBLE and a3.proposed is None
    with pytest.raises(FundingError, match="不能大于 500万元"):
        set_param(w.store, w.sid, 14, "cap", "600")
    with pytest.raises(FundingError, match="没有参数“rate”") as e:
        set_param(w.store, w.sid, 14, "rate", "50")
    assert "cap（每家上限）" in str(e.value)
    set_param(w.store, w.sid, 14, "cap", "70", source="南科字〔2025〕2号")
    set_budget(w.store, w.sid, "item:14", "60")
    p = plan(w)
    a3, sc = line(p, w, "a3"), scope(p, "item:14")
    assert p.missing_params == [] and a3.cap == D("70") and a3.proposed == D("70.00")
    assert a3.status == UNCONFIRMED and sc.allocated == D("0") and sc.over_budget is None
    with pytest.raises(FundingError, match="按规则核定金额") as e:
        approve_amount(w.store, w.sid, w.ids["a3"], "50", reason="专家组核定")
    assert e.value.code == "funding.route"
    confirm_amount(w.store, w.sid, w.ids["a3"], note="与审计报告相符")
    p = plan(w)
    a3, sc = line(p, w, "a3"), scope(p, "item:14")
    assert a3.status == FUNDED and a3.confirmed
    # 70 against a budget of 60: shown, not cut
    assert sc.allocated == D("70.00") and sc.over_budget == D("10.00") and sc.remaining == D("-10.00")
    assert sc.line_after is None   # a rule scope has no funding line


def test_重复享受_flags_both_funded_applications_of_one_applicant(rules):
    w = rules
    set_param(w.store, w.sid, 14, "cap", "70")
    confirm_amount(w.store, w.sid, w.ids["a3"])
    with w.store.write() as s:   # a1 (item 15) and a3 (item 14) from the same applicant
        s.get(M_.Application, w.apps[w.ids["a3"]]).applicant_credit_code = \
            s.get(M_.Application, w.apps[w.ids["a1"]]).applicant_credit_code
    p = plan(w)
    f1, f3 = line(p, w, "a1").flags, line(p, w, "a3").flags
    assert [(f.other_application_id, f.other_item, f.text) for f in f1] == [(w.ids["a3"], 14, EXCL)]
    assert [(f.other_application_id, f.other_item, f.text) for f in f3] == [(w.ids["a1"], 15, EXCL)]
    assert not line(p, w, "a2").flags
    # a 核减 to 0 resolves it: a1 is no longer funded with money
    adjust_amount(w.store, w.sid, w.ids["a1"], "0", reason="不能重复享受，核减为0")
    p = plan(w)
    assert not line(p, w, "a1").flags and not line(p, w, "a3").flags


# -- the arithmetic on plain data --------------------------------------------------------------

def app(pk, **kw):
    base = dict(pk=pk, application_id=f"A{pk}", title="t", applicant="u", credit_code=f"C{pk}", guide_item=15,
                direction=None, route="panel", requested=D("100"), plan_type="key_rd", item_title="x",
                has_consensus=True, recommendation="support", score=D(100 - pk))
    base.update(kw)
    return AppIn(**base)


def test_pure_walk_matches_the_hand_computed_example():
    apps = [app(1), app(2), app(3, requested=D("80")), app(4, requested=D("50"))]
    (sc,) = build_scopes(apps, {"item:15": D("250")})
    assert [ln.status for ln in sc.lines] == [FUNDED, FUNDED, BELOW_LINE, BELOW_LINE]
    assert (sc.line_after, sc.remaining) == (2, D("50"))
    # ties on score: more support votes first, then application id
    apps = [app(1, score=D("80"), supports=2), app(2, score=D("80"), supports=3), app(3, score=D("80"), supports=3)]
    (sc,) = build_scopes(apps, {})
    assert [ln.application_id for ln in sc.lines] == ["A2", "A3", "A1"]


def test_pure_rule_lines_and_template_amounts():
    ok = Computed(OK, D("23.00"), M("funding.edit.none"))
    no = Computed(NOT_ELIGIBLE, None, M("funding.edit.none"))
    apps = [app(1, route="rule", computed=ok, confirmed=True), app(2, route="rule", computed=ok),
            app(3, route="rule", computed=no), app(4, route="rule", computed=ok, adjusted=D("5"), confirmed=True),
            app(5, route="rule", computed=ok, excluded=True)]
    (sc,) = build_scopes(apps, {"item:15": D("20")})
    assert [ln.status for ln in sc.lines] == [FUNDED, UNCONFIRMED, INELIGIBLE, FUNDED, EXCLUDED]
    assert sc.route == "rule" and sc.allocated == D("28.00") and sc.over_budget == D("8.00")
    # a panel item whose rule needs a missing figure: not proposed, not blocking the others
    apps = [app(1, computed=Computed("needs_params", None, M("funding.edit.none"))), app(2)]
    (sc,) = build_scopes(apps, {"item:15": D("100")})
    assert [(ln.application_id, ln.status) for ln in sc.lines] == [("A2", FUNDED), ("A1", INELIGIBLE)]


def test_pure_mixed_scope_sets_the_rule_amounts_aside_before_the_walk():
    ok = Computed(OK, D("30.00"), M("funding.edit.none"))
    apps = [app(1, requested=D("50")), app(2, requested=D("40")), app(3, route="rule", computed=ok),
            app(4, route="rule", computed=ok, confirmed=True)]
    (sc,) = build_scopes(apps, {"item:15": D("120")})
    # 120 − (30 + 30) = 60 for the panel: A1 50 fits, A2 40 does not; A4 confirmed, A3 not yet
    assert sc.route == "mixed" and sc.line_after == 1
    assert [(ln.application_id, ln.status) for ln in sc.lines] == [
        ("A1", FUNDED), ("A2", BELOW_LINE), ("A3", UNCONFIRMED), ("A4", FUNDED)]
    assert sc.allocated == D("80.00") and sc.remaining == D("40.00") and sc.over_budget is None


def test_exclusive_flags_both_sides_only_when_both_are_funded():
    x = Exclusive(items=(24,), directions=((32, 2),), text="不能重复享受")
    e = [Entry(1, "A1", "C", 23, None, True, x), Entry(2, "A2", "C", 24, None, True, None),
         Entry(3, "A3", "C", 32, 2, True, None), Entry(4, "A4", "C", 32, 1, True, None),
         Entry(5, "A5", "D", 24, None, True, None), Entry(6, "A6", "C", 24, None, False, None)]
    flags = exclusive_flags(e)
    assert sorted(flags) == [1, 2, 3]
    assert [f.other_application_id for f in flags[1]] == ["A2", "A3"]
    assert [(f.other_application_id, f.other_item) for f in flags[2]] == [("A1", 23)]
    assert [f.other_application_id for f in flags[3]] == ["A1"]


# -- CLI -----------------------------------------------------------------------------------

def cli(capsys, w, *argv):
    code = main(["--store", str(w.store.root), "funding", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_verbs(w, capsys):
    sid = w.sid
    code, out, _ = cli(capsys, w, "budget", sid, "--plan", "key_rd", "--amount", "250", "--note", "南科字〔2025〕1号")
    assert code == 0 and "250" in out
    code, out, _ = cli(capsys, w, "plan", sid)
    assert code == 0 and "──── 资助线 ────" in out and "重点研发计划" in out and "结余 50.00" in out
    rows = out.splitlines()
    at = rows.index("  ──── 资助线 ────")
    assert w.ids["a2"] in rows[at - 1] and w.ids["a3"] in rows[at + 1] and "线下" in rows[at + 1]
    code, out, _ = cli(capsys, w, "plan", sid, "--json")
    data = json.loads(out)
    assert code == 0 and data["scopes"][0]["line_after"] == 2 and data["scopes"][0]["remaining"] == "50.00"
    assert data["data_hash"] == plan(w).data_hash

    code, out, _ = cli(capsys, w, "approve", sid, w.ids["a1"], "--amount", "60", "--reason", "专家组核定60万元")
    assert code == 0 and "60" in out
    code, _, err = cli(capsys, w, "approve", sid, w.ids["a1"], "--amount", "200", "--reason", "专家组核定")
    assert code == 2 and "超过申请金额" in err
    code, out, _ = cli(capsys, w, "approve", sid, w.ids["a1"], "--clear")
    assert code == 0
    code, out, _ = cli(capsys, w, "adjust", sid, w.ids["a2"], "--amount", "50", "--reason", "核减设备费")
    assert code == 0
    code, out, _ = cli(capsys, w, "plan", sid)
    assert "核减/调整 50.00：核减设备费" in out and "结余 20.00" in out
    code, _, err = cli(capsys, w, "adjust", sid, w.ids["a2"], "--amount", "40")
    assert code == 2 and "理由" in err
    code, out, _ = cli(capsys, w, "adjust", sid, w.ids["a2"], "--clear")
    assert code == 0
    code, _, err = cli(capsys, w, "adjust", sid, w.ids["a2"])
    assert code == 2 and "二者择一" in err
    code, _, err = cli(capsys, w, "confirm", sid, w.ids["a1"])
    assert code == 2 and "经专家组评审" in err
    code, _, err = cli(capsys, w, "param", sid, "--item", "15", "rate", "50")
    assert code == 2 and "没有需要填写的参数" in err
    code, out, _ = cli(capsys, w, "param", sid, "--item", "23", "--direction", "1", "rate", "12.5",
                       "--source", "南科字〔2025〕3号")
    assert code == 0 and "rate = 12.5" in out
    with w.store.read() as s:
        row = s.scalars(select(M_.FundingParam)).one()
        assert (row.guide_item, row.direction, row.param, row.value, row.source) == \
            (23, 1, "rate", D("12.5"), "南科字〔2025〕3号")
    code, out, _ = cli(capsys, w, "param", sid, "--item", "23", "--direction", "1", "rate", "-")
    assert code == 0 and "已清除" in out
    code, _, err = cli(capsys, w, "budget", sid, "--item", "15", "--amount", "abc")
    assert code == 2 and "不是有效的数字" in err
    code, out, _ = cli(capsys, w, "budget", sid, "--plan", "key_rd", "--clear")
    assert code == 0
    code, out, _ = cli(capsys, w, "plan", sid)
    assert "──── 资助线 ────" not in out and "未录入预算" in out


def test_cli_rule_verbs(rules, capsys):
    w = rules
    code, out, _ = cli(capsys, w, "param", w.sid, "--item", "14", "cap", "70", "--source", "南科字〔2025〕2号")
    assert code == 0 and "cap = 70" in out
    code, out, _ = cli(capsys, w, "plan", w.sid)
    assert "待秘书审核" in out
    code, out, _ = cli(capsys, w, "confirm", w.sid, w.ids["a3"], "--note", "与审计报告相符")
    assert code == 0
    code, out, _ = cli(capsys, w, "budget", w.sid, "--item", "14", "--amount", "60")
    code, out, _ = cli(capsys, w, "plan", w.sid)
    assert "超出预算 10.00 万元" in out


# -- the seed guide's own rules on the demo packages -----------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo packages (rule-route ones among them) in a session on the seed guide v2; no panel."""
    from nn_review.demo.packages import write_demo_packages
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.importer import import_packages
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store
    tmp = tmp_path_factory.mktemp("demo")
    store = open_store(tmp / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, "2025年度奖补批次")
    rep = import_packages(store, sid, write_demo_packages(tmp / "pkgs", include_refused=False))
    assert rep.counts["imported"] >= 7, [r.message for r in rep.results]
    yield store, sid
    store.close()


def test_seed_rules_computed_confirmed_and_figures_asked_for(demo, capsys):
    store, sid = demo
    p = funding_plan(store, sid)
    assert p.rules_source == "nanning-seed v2"
    got = {ln.application_id: ln for sc in p.scopes for ln in sc.lines}
    # item 24: 规模以上 + 首次认定 + 纳入统计 → 10 万元; the other → 5 万元 (guide text)
    assert (got["NNKJ-2025-0114"].route, got["NNKJ-2025-0114"].proposed) == ("rule", D("10.00"))
    assert got["NNKJ-2025-0115"].proposed == D("5.00")
    # item 28: 20×70% + 10×60% + 10×30% = 23.00; 30×70% + 10×60% + 5×30% = 28.50 → cap 25.00
    assert got["NNKJ-2025-0118"].proposed == D("23.00") and got["NNKJ-2025-0119"].proposed == D("25.00")
    assert got["NNKJ-2025-0119"].cap == D("25")
    assert all(got[a].status == UNCONFIRMED for a in ("NNKJ-2025-0114", "NNKJ-2025-0118", "NNKJ-2025-0119"))
    # item 23 方向1 is a template: its figures come from the notice
    assert (23, 1, "cap") in p.missing_params and (23, 1, "rate") in p.missing_params
    assert got["NNKJ-2025-0120"].status == INELIGIBLE and got["NNKJ-2025-0120"].proposed is None
    # panel-route packages have no consensus here: listed, never funded
    assert got["NNKJ-2025-0101"].route == "panel" and got["NNKJ-2025-0101"].status == NO_CONSENSUS

    set_budget(store, sid, "item:28", "40")
    confirm_amount(store, sid, "NNKJ-2025-0118")
    confirm_amount(store, sid, "NNKJ-2025-0119", note="保费凭证已核")
    sc = next(sc for sc in funding_plan(store, sid).scopes if sc.scope == "item:28")
    # 23.00 + 25.00 = 48.00 against 40: over by 8.00, nothing cut
    assert sc.route == "rule" and sc.allocated == D("48.00") and sc.over_budget == D("8.00")
    assert [ln.status for ln in sc.lines] == [FUNDED, FUNDED]
    with pytest.raises(FundingError, match="按规则核定金额"):
        approve_amount(store, sid, "NNKJ-2025-0118", "20", reason="专家组核定")
    capsys.readouterr()
    assert main(["--store", str(store.root), "funding", "plan", str(sid)]) == 0
    out = capsys.readouterr().out
    part = out[out.index("项目28 科技保险保费补贴"):]
    part = part[:part.index("\n\n")]
    assert "超出预算 8.00 万元" in part and "资助线" not in part.replace("未录入预算（不划资助线）", "")
    assert "保费补贴 30.00×70% + 10.00×60% + 5.00×30% = 28.50，上限 25.00 → 25.00" in part
    assert "待填写规则参数" in out and "尚未填写的规则参数：项目23 方向1 cap、项目23 方向1 rate" in out
    with pytest.raises(FundingError, match="规则参数尚未填写") as e:
        confirm_amount(store, sid, "NNKJ-2025-0120")
    assert e.value.code == "funding.not_ok"
    with pytest.raises(FundingError, match="规则参数尚未填写"):   # a 调整 cannot make a line eligible
        adjust_amount(store, sid, "NNKJ-2025-0120", "10", reason="按通知标准调整")
    # the figures from the notice: 23 方向1 then computes (rd_spend 2300 × rate, capped)
    set_param(store, sid, 23, "rate", "1", direction=1, source="南科字〔2025〕5号")
    set_param(store, sid, 23, "cap", "20", direction=1)
    p = funding_plan(store, sid)
    ln = p.line("NNKJ-2025-0120")
    assert not any(m[0] == 23 and m[1] == 1 for m in p.missing_params)
    # above scale, in the statistics: 2300 × 1% = 23.00 → ceiling 20 → 20.00
    assert ln.computed.status == OK and ln.cap == D("20") and ln.proposed == D("20.00") and ln.status == UNCONFIRMED
    confirm_amount(store, sid, "NNKJ-2025-0120")
    assert funding_plan(store, sid).line("NNKJ-2025-0120").status == FUNDED
    # the figures change the amount: the review lapses and must be done again
    set_param(store, sid, 23, "cap", "15", direction=1)
    ln = funding_plan(store, sid).line("NNKJ-2025-0120")
    assert (ln.proposed, ln.confirmed, ln.status) == (D("15.00"), False, UNCONFIRMED)
