"""The funding plan and its sheet never say what is not so (review of the integrated branch, fix-plan):
bounded 核减/调整 (item 2), an adjustment never funded above the CURRENT bound (item 3), the sheet's
核减/调整 label from the audit's base (item 7), the data hash covers what the sheet prints (item 10),
the rules pinned at 公示 (item 11), per-enterprise annual ceilings and item 23's exclusivity (item 9),
strict amounts, missing figures of 不予受理 applications, the newest decision by id."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from nn_review.funding import model as fm
from nn_review.funding.edits import adjust_amount, confirm_amount, parse_amount, set_param
from nn_review.funding.errors import FundingError
from nn_review.funding.model import FUNDED, OK, UNCONFIRMED, Computed
from nn_review.funding.plan import (AppIn, build_scopes, data_hash, funding_plan, plan_figures,
                                    rules_guide)
from nn_review.i18n import M
from nn_review.store import models as M_

from .helpers import file_keys

R24, R28A, R28B, R23 = "NNKJ-2025-0115", "NNKJ-2025-0118", "NNKJ-2025-0119", "NNKJ-2025-0120"


@pytest.fixture
def demo(tmp_path):
    """The demo packages in a session on the seed guide v2 (rule lines on items 23, 24, 28)."""
    from nn_review.demo.packages import write_demo_packages
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.importer import import_packages
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store
    with file_keys(tmp_path):
        store = open_store(tmp_path / "store")
        ensure_builtin_guides(store)
        sid = create_session(store, "2025年度奖补批次")
        import_packages(store, sid, write_demo_packages(tmp_path / "pkgs", include_refused=False))
        yield store, sid
        store.close()


def decisions(store):
    with store.read() as s:
        return s.scalar(select(M_.FundingDecision.id).order_by(M_.FundingDecision.id.desc()))


# -- item 2: an adjustment is bounded ---------------------------------------------------------

def test_an_upward_adjustment_of_a_rule_entitlement_is_refused(demo):
    store, sid = demo
    assert funding_plan(store, sid).line(R24).proposed == D("5.00")
    before = decisions(store)
    for amount in ("9999", "5.01"):
        with pytest.raises(FundingError, match="只能核减") as e:
            adjust_amount(store, sid, R24, amount, reason="调整金额测试")
        assert e.value.code == "funding.over_rule"
    assert decisions(store) == before                       # nothing written
    with pytest.raises(FundingError, match="超过资助上限 25"):   # item 28: the cap 25 first
        adjust_amount(store, sid, R28B, "26", reason="调整金额测试")
    adjust_amount(store, sid, R24, "4", reason="核减：材料不全")
    assert funding_plan(store, sid).line(R24).proposed == D("4")


def test_the_bound_of_an_adjustment():
    from nn_review.funding.plan import adjust_bound
    ok = Computed(OK, D("23.00"), M("funding.edit.none"))
    assert adjust_bound("panel", D("100"), D("90"), None) == D("90")
    assert adjust_bound("panel", D("50"), None, None) == D("50")
    assert adjust_bound("rule", D("0"), D("20"), ok) == D("20")
    assert adjust_bound("rule", D("0"), None, ok) == D("23.00")
    assert adjust_bound("rule", D("0"), None, Computed("needs_params", None, M("funding.edit.none"))) is None


# -- item 3: a later change of the cap never funds an adjustment above it ------------------------

def test_an_adjustment_above_a_lowered_cap_is_funded_at_the_cap_flagged_and_blocks_confirm(demo):
    from nn_review.funding.sheets import _adjust_text, _status
    store, sid = demo
    set_param(store, sid, 23, "rate", "1", direction=1)
    set_param(store, sid, 23, "cap", "20", direction=1)
    adjust_amount(store, sid, R23, "18", reason="按通知核定金额")
    confirm_amount(store, sid, R23)
    set_param(store, sid, 23, "cap", "5", direction=1)      # the notice's cap is corrected afterwards
    ln = funding_plan(store, sid).line(R23)
    assert ln.adjusted == D("18") and ln.adjust_bound == D("5.00") and ln.adjust_over
    assert ln.proposed == D("5.00") and ln.status == UNCONFIRMED
    assert "超出现行上限 5.00，按 5.00 计" in _adjust_text(ln) and "调整超出现行上限" in _status(ln)
    with pytest.raises(FundingError, match="超过现行上限 5.00") as e:
        confirm_amount(store, sid, R23)
    assert e.value.code == "funding.adjust_over_bound"
    adjust_amount(store, sid, R23, "4", reason="按更正后的上限核减")
    confirm_amount(store, sid, R23)
    ln = funding_plan(store, sid).line(R23)
    assert (ln.proposed, ln.adjust_over, ln.status) == (D("4"), False, FUNDED)


def app(pk, **kw):
    base = dict(pk=pk, application_id=f"A{pk}", title="t", applicant="u", credit_code=f"C{pk}", guide_item=15,
                direction=None, route="panel", requested=D("100"), plan_type="key_rd", item_title="x",
                has_consensus=True, recommendation="support", score=D(100 - pk))
    base.update(kw)
    return AppIn(**base)


def test_pure_adjustments_never_exceed_the_current_bound():
    ok = Computed(OK, D("23.00"), M("funding.edit.none"))
    (sc,) = build_scopes([app(1, cap=D("40"), adjusted=D("60")), app(2, requested=D("30"), adjusted=D("20"))], {})
    a1, a2 = sc.lines
    assert (a1.proposed, a1.adjust_over, a2.proposed, a2.adjust_over) == (D("40"), True, D("20"), False)
    (sc,) = build_scopes([app(1, route="rule", computed=ok, cap=D("10"), adjusted=D("15"), confirmed=True)], {})
    assert (sc.lines[0].proposed, sc.lines[0].adjust_over, sc.allocated) == (D("10"), True, D("10"))


# -- item 7: 核减 vs 调整 on the sheet, from the audit's base -------------------------------------

def test_sheet_labels_from_the_same_base_as_the_audit():
    from nn_review.funding.sheets import _adjust_text
    line = fm.PlanLine(pk=1, application_id="A1", title="t", applicant="u", credit_code="c", guide_item=15,
                       direction=None, route="panel", requested=D("50"), approved=D("10"), adjusted=D("15"))
    text = _adjust_text(line)                 # 15 > 核定 10: an upward 调整, flagged
    assert text.startswith("调整 15") and "高于专家组核定 10" in text
    line.approved = None
    assert _adjust_text(line).startswith("核减 15")          # 15 < requested 50
    ok = Computed(OK, D("23.00"), M("funding.edit.none"))
    rule = fm.PlanLine(pk=2, application_id="A2", title="t", applicant="u", credit_code="c", guide_item=23,
                       direction=1, route="rule", requested=D("0"), cap=D("20"), computed=ok, adjusted=D("20"))
    assert _adjust_text(rule).startswith("调整 20")          # the entitlement is 20 (cap), not 23: no 核减


# -- item 10: the data hash covers what the sheet prints ---------------------------------------

def test_plan_figures_cover_the_printed_sheet_and_the_hash_is_deterministic(demo):
    store, sid = demo
    p = funding_plan(store, sid)
    fig = plan_figures(p)
    assert fig["guide_title"] == p.guide_title and fig["session_state"] == "open" and fig["publicity"] is None
    line28 = next(ln for sc in fig["scopes"] for ln in sc["lines"] if ln["application_id"] == R28B)
    assert "= 28.50" in line28["computed"]["formula"] and line28["computed"]["inputs"]
    assert any("保费" in sc["rule_text"] for sc in fig["scopes"])
    assert "annual_flags" in line28 and "adjust_over" in line28
    assert funding_plan(store, sid).data_hash == p.data_hash == data_hash(p)
    for change in (dict(guide_title="另一份指南"), dict(session_state="finalised"), dict(rules_source="x v9")):
        assert data_hash(dataclasses.replace(p, **change)) != p.data_hash, change
    pub = fm.PublicityInfo("published", date(2026, 3, 1), date(2026, 3, 7), None, "ab" * 32, None, None)
    h1 = data_hash(dataclasses.replace(p, publicity=pub))
    h2 = data_hash(dataclasses.replace(p, publicity=dataclasses.replace(pub, state="frozen", frozen_sha256="cd" * 32)))
    assert len({p.data_hash, h1, h2}) == 3
    sc = p.scopes[0]
    other = dataclasses.replace(p, scopes=[dataclasses.replace(sc, rule_text=sc.rule_text + "。")] + p.scopes[1:])
    assert data_hash(other) != p.data_hash


# -- item 11: the rules pinned at 公示 ----------------------------------------------------------

def test_the_rules_come_from_the_edition_pinned_at_publication(demo):
    store, sid = demo
    with store.write() as s:
        own = s.get(M_.ReviewSession, sid).guide_edition
        v2_sha = own.sha256
        raw = json.loads(own.content_json)
        raw["version"] = "3"
        it28 = next(it for it in raw["items"] if it["number"] == 28)
        it28["funding"]["cap"] = 10                            # a later edition lowers item 28's cap
        text = json.dumps(raw, ensure_ascii=False)
        v3 = M_.GuideEdition(edition=own.edition, version="3", title=own.title, content_json=text,
                             sha256=hashlib.sha256(text.encode()).hexdigest())
        s.add(v3)
        s.flush()
        s.get(M_.ReviewSession, sid).guide_edition_id = v3.id  # the session now points at v3
    p = funding_plan(store, sid)
    assert p.line(R28B).proposed == D("10.00") and not p.rules_pinned
    with store.write() as s:
        s.add(M_.FundingPublicity(session_id=sid, state="published", start_date=date(2026, 3, 1),
                                  end_date=date(2026, 3, 7), list_json=json.dumps({"rules_sha256": v2_sha}),
                                  list_sha256="0" * 64))
    p = funding_plan(store, sid)
    assert p.rules_pinned and p.rules_sha256 == v2_sha and "公示时锁定" in p.rules_source
    assert p.line(R28B).proposed == D("25.00")                # the published rules, not v3's
    with store.read() as s:
        with pytest.raises(FundingError, match="已不在数据库中"):
            rules_guide(s, s.get(M_.ReviewSession, sid), pinned_sha="f" * 64)


# -- item 9: item 23's exclusivity, per-enterprise annual ceilings -------------------------------

def test_seed_item_23_excludes_the_pre_funded_base_projects():
    from nn_review.services.guides import builtin_guide
    rule = builtin_guide().item(23).direction(1).funding
    assert {31, 36, 37, 38} <= set(rule.exclusive.items)
    assert "31、36、37、38" in rule.note


def test_one_enterprise_over_an_items_annual_ceiling_is_flagged_on_the_sheet():
    from nn_review.funding.sheets import _status, plan_story
    from nn_review.pdf.slots import SlotSink
    ok20, ok10 = Computed(OK, D("20.00"), M("funding.edit.none")), Computed(OK, D("10.00"), M("funding.edit.none"))
    kw = dict(guide_item=28, route="rule", confirmed=True, credit_code="SAME", rule_text="单个企业年最高补贴额不超过25万元")
    apps = [app(1, computed=ok20, **kw), app(2, computed=ok10, **kw),
            app(3, computed=ok10, **{**kw, "credit_code": "OTHER"})]
    (sc,) = build_scopes(apps, {})
    a1, a2, a3 = sc.lines
    assert [(f.total, f.cap, f.application_ids) for f in a1.annual_flags] == [(D("30.00"), D("25"), ("A1", "A2"))]
    assert a2.annual_flags == a1.annual_flags and not a3.annual_flags
    assert "超单个企业年度上限" in _status(a1)
    plan = fm.FundingPlan(1, "s", "open", "g", "r", [sc])
    story = plan_story(plan, 1, SlotSink())
    texts = " ".join(getattr(f, "text", "") for f in story)
    assert "超过单个企业年度上限 25" in texts
    from nn_review.funding.sheets import plan_workbook
    cells = [str(c.value) for row in plan_workbook(plan, 1).active.iter_rows() for c in row if c.value is not None]
    assert sum("超过单个企业年度上限 25" in c for c in cells) == 2
    # within the ceiling, or an item without one: no flag
    (sc,) = build_scopes([app(1, computed=ok10, **kw), app(2, computed=ok10, **kw)], {})
    assert not any(ln.annual_flags for ln in sc.lines)
    (sc,) = build_scopes([app(1, computed=ok20, **{**kw, "guide_item": 24}),
                          app(2, computed=ok20, **{**kw, "guide_item": 24})], {})
    assert not any(ln.annual_flags for ln in sc.lines)


# -- minor: strict amounts, 不予受理 figures, the newest decision by id ------------------------------

@pytest.mark.parametrize("text", ["1,0,0", "1,5", "-0", "-1", "1E+5", "1e30", "١٢", "１２", "1.2.3", "1.005",
                                  "12345678901", " ", "", "+5", "0x10", "1 000", "NaN", "Infinity", ",100",
                                  "1,00", "1,000,00"])
def test_parse_amount_refuses(text):
    with pytest.raises(FundingError) as e:
        parse_amount(text)
    assert e.value.code == "funding.amount"


@pytest.mark.parametrize("value, want", [("100", D("100")), ("1,000.5", D("1000.5")), ("12,345,678.90", D("12345678.90")),
                                         (" 0.01 ", D("0.01")), ("1.50", D("1.50")), ("1.500", D("1.500")),
                                         ("9999999999.99", D("9999999999.99")), (7, D(7)), (D("2.5"), D("2.5"))])
def test_parse_amount_accepts(value, want):
    assert parse_amount(value) == want


def test_parse_amount_decimals_and_figures():
    for bad in (D("-0"), D("1E+30"), D("0.001"), D("NaN"), -1, 10 ** 11):
        with pytest.raises(FundingError):
            parse_amount(bad)
    assert parse_amount("12.125", "param") == D("12.125")
    with pytest.raises(FundingError):
        parse_amount("12.12345", "param")


def test_missing_figures_of_an_excluded_application_are_not_asked_for(demo):
    store, sid = demo
    assert (23, 1, "cap") in funding_plan(store, sid).missing_params
    with store.write() as s:
        s.scalar(select(M_.Application).where(M_.Application.application_id == R23)).formal_decision = "excluded"
    assert not any(m[0] == 23 and m[1] == 1 for m in funding_plan(store, sid).missing_params)


def test_the_newest_decision_is_the_one_with_the_highest_id(demo):
    from datetime import datetime
    store, sid = demo
    with store.write() as s:
        pk = s.scalar(select(M_.Application.id).where(M_.Application.application_id == R24))
        s.add(M_.FundingDecision(application_pk=pk, kind="adjusted", amount=D("3"), reason="较早", author_role="secretary",
                                 created_at=datetime(2030, 1, 1)))       # a clock set ahead
        s.flush()
        s.add(M_.FundingDecision(application_pk=pk, kind="adjusted", amount=D("2"), reason="较新", author_role="secretary",
                                 created_at=datetime(2020, 1, 1)))
    ln = funding_plan(store, sid).line(R24)
    assert (ln.adjusted, ln.adjusted_reason) == (D("2"), "较新")


def test_cli_plan_shows_the_annual_ceiling_and_json_keeps_the_hashed_figures(demo, capsys):
    from nn_review.cli import main
    store, sid = demo
    with store.write() as s:      # 0118 (23.00) and 0119 (25.00), item 28, from one enterprise: 48 > 25
        a, b = (s.scalar(select(M_.Application).where(M_.Application.application_id == x)) for x in (R28A, R28B))
        b.applicant_credit_code = a.applicant_credit_code
    capsys.readouterr()
    assert main(["--store", str(store.root), "funding", "plan", str(sid)]) == 0
    out = capsys.readouterr().out
    assert "超单个企业年度上限：" in out and "合计 48.00 万元 > 25.00 万元" in out
    assert main(["--store", str(store.root), "funding", "plan", str(sid), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    p = funding_plan(store, sid)
    assert data["data_hash"] == p.data_hash and data["publicity"] is None
    assert {k: v for k, v in data.items() if k not in ("data_hash", "guide")} == plan_figures(p)
