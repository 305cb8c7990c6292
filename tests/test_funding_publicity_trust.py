"""公示 and 立项 that hold (issue 21 review, items 1, 4, 5, 6, 8): on the seed guide's own rules
(items 23–28, the demo packages), with the real plan — no stand-in.

* the plan and the signed 拟资助项目汇总表 after 立项 show the objection outcomes (撤销 → 已撤销 and not
  counted, 调整 → the new amount, 合计 = the 立项名单's total) and print the list hashes;
* an objection's 调整 is bounded by the cap and the rule's amount, parsed like any amount;
* the 公示 period and the received dates are checked against today; no hidden ``--today``;
* publishing re-checks the plan inside its write and pins the rules (``rules_sha256``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.funding import model as fm
from nn_review.funding import publicity as pub
from nn_review.funding.errors import FundingError
from nn_review.funding.plan import funding_plan
from nn_review.funding.sheets import write_plan_sheet
from nn_review.store import models as M

from .exchange_fixtures import no_real_keyring, table_counts  # noqa: F401 (autouse)
from .test_funding_outputs import flat, pdf_text

START, END = date(2026, 3, 2), date(2026, 3, 8)
RULE_IDS = {"NNKJ-2025-0114": "10.00", "NNKJ-2025-0115": "5.00", "NNKJ-2025-0116": "10.00",
            "NNKJ-2025-0117": "20.00", "NNKJ-2025-0118": "23.00", "NNKJ-2025-0119": "25.00"}


class Clock:
    def __init__(self, day: date):
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock(monkeypatch):
    c = Clock(START)
    monkeypatch.setattr(pub, "today", c, raising=False)  # raising=False: also before the fix
    return c


@pytest.fixture
def seed(tmp_path, clock):
    """The demo packages on the seed guide; only the rule-route ones (and item 23's) kept, all
    confirmed by the secretary, item 23's notice figures entered (rate 1 %, cap 20)."""
    from nn_review.demo.packages import write_demo_packages
    from nn_review.funding.edits import confirm_amount, set_param
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.importer import import_packages
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store

    st = open_store(tmp_path / "store")
    ensure_builtin_guides(st)
    sid = create_session(st, "2025年度奖补批次")
    import_packages(st, sid, write_demo_packages(tmp_path / "pkgs", include_refused=False))
    with st.write() as s:  # test data: no panel here, the panel-route packages are set aside (不予受理)
        for a in s.scalars(select(M.Application).where(M.Application.session_id == sid)):
            if a.application_id not in RULE_IDS and a.application_id != "NNKJ-2025-0120":
                a.formal_decision = "excluded"
            if a.application_id in ("NNKJ-2025-0115", "NNKJ-2025-0119"):
                a.requested = 100      # more than the rule's amount (5.00 定额) / ceiling (25)
        s.get(M.ReviewSession, sid).state = "finalised"
    for aid in RULE_IDS:
        confirm_amount(st, sid, aid)
    set_param(st, sid, 23, "rate", "1", direction=1)
    set_param(st, sid, 23, "cap", "20", direction=1)
    confirm_amount(st, sid, "NNKJ-2025-0120")   # 2300 × 1% = 23.00 → ceiling 20 → 20.00
    yield st, sid
    st.close()


def snapshot(st):
    with st.read() as s:
        rows = {t.__tablename__: sorted(repr([(c.name, str(getattr(r, c.name))) for c in t.__table__.columns])
                                        for r in s.scalars(select(t)))
                for t in (M.FundingPublicity, M.FundingObjection)}
    return table_counts(st), rows


def refused(st, fn, *args, code: str, match: str = "", **kw) -> FundingError:
    before = snapshot(st)
    with pytest.raises(FundingError) as ei:
        fn(*args, **kw)
    assert ei.value.code == code, (ei.value.code, str(ei.value))
    assert match in str(ei.value), str(ei.value)
    assert ei.value.msg is not None
    assert snapshot(st) == before
    return ei.value


# -- item 1: the plan and the sheet after 立项 ---------------------------------------------

def test_plan_and_sheet_after_freeze_show_the_objection_outcomes(seed, clock, tmp_path):
    st, sid = seed
    pub.start_publicity(st, sid, START, END)
    published = pub.publicity_info(st, sid).list_sha256
    clock.day = END
    o1 = pub.record_objection(st, sid, "NNKJ-2025-0117", received=END, text="计点积分材料不实")
    o2 = pub.record_objection(st, sid, "NNKJ-2025-0118", received=END, text="保费发票有误")
    pub.decide_objection(st, o1, "revoke", reason="核实积分不足72分")
    pub.decide_objection(st, o2, "adjust", reason="按发票核减", amount="20")
    # while published: the plan already shows the outcomes
    plan = funding_plan(st, sid)
    assert plan.line("NNKJ-2025-0117").status == fm.REVOKED
    assert plan.line("NNKJ-2025-0118").proposed == Decimal("20.00")
    clock.day = date(2026, 3, 9)
    info = pub.freeze(st, sid)
    doc = pub.published_document(st, sid)
    assert doc["total"] == "90.00"    # hand-checked: 113 − 20 (撤销) − 3 (23 → 20)
    plan = funding_plan(st, sid)
    revoked = plan.line("NNKJ-2025-0117")
    assert revoked.status == fm.REVOKED and revoked.cumulative is None
    assert plan.line("NNKJ-2025-0118").proposed == Decimal("20.00")
    assert plan.line("NNKJ-2025-0118").status == fm.FUNDED
    assert plan.line("NNKJ-2025-0118").objection == f"异议调整（#{o2}）23.00→20.00"
    # allocated re-summed per scope: the funded lines only, and the same total as the 立项名单
    for sc in plan.scopes:
        assert sc.allocated == sum((ln.proposed for ln in sc.lines if ln.status == fm.FUNDED), Decimal(0))
        if sc.budget is not None:
            assert sc.remaining == sc.budget - sc.allocated
    assert sum((sc.allocated for sc in plan.scopes), Decimal(0)) == Decimal("90.00")
    scope117 = next(sc for sc in plan.scopes if revoked in sc.lines)
    assert scope117.allocated == Decimal(0)
    paths = write_plan_sheet(st, sid, tmp_path / "plan")
    text = flat(pdf_text(next(x for x in paths if x.suffix == ".pdf")))
    i = text.index("NNKJ-2025-0117")
    row = text[i:text.index("指南资金规定", i)]   # the line's row: amount kept, no cumulative, 已撤销
    assert row.endswith(f"20.00—已撤销异议撤销（#{o1}）"), row
    assert "合计已安排90.00万元" in text
    assert f"异议调整（#{o2}）23.00→20.00" in text and f"异议撤销（#{o1}）" in text
    assert "已立项" in text
    assert published in text and info.frozen_sha256 in text
    assert plan.data_hash in text


# -- item 4: an objection's 调整 is bounded like a 核减/调整 --------------------------------

def test_objection_adjust_bounded_by_cap_and_rule_amount(seed, clock):
    st, sid = seed
    pub.start_publicity(st, sid, START, END)
    o19 = pub.record_objection(st, sid, "NNKJ-2025-0119", received=START, text="保费补贴计算有误")
    # requested 100, ceiling 25 (item 28): 30 is within the request, not within the cap
    refused(st, pub.decide_objection, st, o19, "adjust", reason="调整保费补贴", amount="30",
            code="funding.objection.amount", match="资助上限 25.00")
    o15 = pub.record_objection(st, sid, "NNKJ-2025-0115", received=START, text="定额有误")
    # item 24 gives a fixed 5.00: an objection cannot raise it
    refused(st, pub.decide_objection, st, o15, "adjust", reason="调整定额", amount="8",
            code="funding.objection.amount", match="按规则核定的 5.00")
    pub.decide_objection(st, o15, "adjust", reason="核减定额", amount="4")
    pub.decide_objection(st, o19, "adjust", reason="核减保费补贴", amount="24.5")
    assert funding_plan(st, sid).line("NNKJ-2025-0119").proposed == Decimal("24.50")


# -- item 5: the amount is parsed like any other ------------------------------------------

def test_objection_amount_parsing(seed, clock):
    st, sid = seed
    pub.start_publicity(st, sid, START, END)
    oid = pub.record_objection(st, sid, "NNKJ-2025-0118", received=START, text="保费发票有误")
    refused(st, pub.decide_objection, st, oid, "adjust", reason="按发票核减", amount="0.004",
            code="funding.objection.amount", match="最多两位小数")
    refused(st, pub.decide_objection, st, oid, "adjust", reason="按发票核减", amount="10.005",
            code="funding.objection.amount", match="最多两位小数")
    for bad in ("1e30", "0.00", "-0", "sNaN"):
        refused(st, pub.decide_objection, st, oid, "adjust", reason="按发票核减", amount=bad,
                code="funding.objection.amount")


# -- item 6: dates against today --------------------------------------------------------------

def test_publicity_period_and_received_dates(seed, clock, tmp_path):
    st, sid = seed
    clock.day = date(2026, 3, 10)
    refused(st, pub.start_publicity, st, sid, START, END, code="funding.publicity.dates", match="已经结束")
    refused(st, pub.start_publicity, st, sid, date(2026, 3, 10), date(9999, 3, 20), code="funding.publicity.dates",
            match="9999-03-20")
    refused(st, pub.start_publicity, st, sid, date(2020, 3, 10), date(2026, 3, 20), code="funding.publicity.dates",
            match="2020-03-10")
    # a start a few days back is allowed (the notice went up before it was entered)
    pub.start_publicity(st, sid, date(2026, 3, 6), date(2026, 3, 12))
    refused(st, pub.record_objection, st, sid, "NNKJ-2025-0117", received=date(2026, 3, 11), text="积分不实",
            code="funding.objection.received", match="晚于今天")
    refused(st, pub.record_objection, st, sid, "NNKJ-2025-0117", received=date(2026, 3, 5), text="积分不实",
            code="funding.objection.received", match="不在公示期")
    o1 = pub.record_objection(st, sid, "NNKJ-2025-0117", received=date(2026, 3, 7), text="积分不实")
    o2 = pub.record_objection(st, sid, "NNKJ-2025-0117", received=date(2026, 3, 8), text="积分材料造假")
    pub.decide_objection(st, o1, "revoke", reason="核实积分不足72分")
    refused(st, pub.decide_objection, st, o2, "adjust", reason="改为核减", amount="10",
            code="funding.objection.revoked", match="已因异议撤销")
    refused(st, pub.record_objection, st, sid, "NNKJ-2025-0117", received=date(2026, 3, 9), text="再提异议",
            code="funding.objection.revoked")
    pub.decide_objection(st, o2, "maintain", reason="已撤销，维持撤销")
    # the shipped CLI has no --today: freezing early is refused against the real clock of the module
    with pytest.raises(SystemExit):
        main(["--store", str(st.root), "funding", "freeze", str(sid), "--today", "2026-03-13"])
    assert main(["--store", str(st.root), "funding", "freeze", str(sid)]) == 2
    assert pub.publicity_info(st, sid).state == "published"
    clock.day = date(2026, 3, 13)
    assert main(["--store", str(st.root), "funding", "freeze", str(sid)]) == 0
    assert pub.publicity_info(st, sid).state == "frozen"


# -- item 8: the plan published is the plan as it is inside the write; the rules are pinned ----

def test_publish_rechecks_the_plan_inside_the_write_and_pins_the_rules(seed, monkeypatch):
    from nn_review.funding.edits import set_budget
    st, sid = seed
    real = pub.current_plan
    calls = []

    def racing(store, session_id):
        plan = real(store, session_id)
        calls.append(1)
        if len(calls) == 1:    # someone else enters a budget between the read and the write
            set_budget(store, session_id, "item:24", "100")
        return plan

    monkeypatch.setattr(pub, "current_plan", racing)
    with pytest.raises(FundingError) as ei:
        pub.start_publicity(st, sid, START, END)
    assert ei.value.code == "funding.publicity.changed" and "资金安排刚被修改，请重试" in str(ei.value)
    assert len(calls) == 2
    with st.read() as s:   # nothing published, nothing audited as published
        assert s.scalars(select(M.FundingPublicity)).all() == []
        assert s.scalars(select(M.AuditEvent).where(M.AuditEvent.action == "funding.publish")).all() == []
    monkeypatch.setattr(pub, "current_plan", real)
    pub.start_publicity(st, sid, START, END)
    doc = pub.published_document(st, sid)
    with st.read() as s:
        sess = s.get(M.ReviewSession, sid)
        assert doc["rules_sha256"] == sess.guide_edition.sha256
        audit = s.scalars(select(M.AuditEvent).where(M.AuditEvent.action == "funding.publish")).one()
        assert audit.details["rules_sha256"] == sess.guide_edition.sha256
