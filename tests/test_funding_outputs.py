"""Funding outputs (issue 21): 公示 → objections → 立项 on the DB tables, the 拟资助项目汇总表 and the
公示名单 / 立项名单 (PDF text layer, xlsx read back), the CLI verbs.

The plan itself (``plan.funding_plan``) is the plan task's; until it lands these tests stand a
hand-built ``FundingPlan`` (the fixed data model) in for it, made from the world's real applications.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from nn_review.cli import main
from nn_review.funding import model as fm
from nn_review.funding import publicity as pub
from nn_review.funding.errors import FundingError
from nn_review.funding.sheets import write_plan_sheet, write_public_list
from nn_review.i18n import Msg
from nn_review.pdf.signing import existing_fields, memory_identity
from nn_review.pdf.slots import SIG_LEADER, SIG_SECRETARY
from nn_review.results.consensus import reopen
from nn_review.results.errors import ResultsError
from nn_review.store import models as M

from .exchange_fixtures import EXPERTS, build_world, no_real_keyring, table_counts  # noqa: F401 (autouse)
from .results_fixtures import OPINION

D = Decimal
START, END = date(2026, 3, 2), date(2026, 3, 8)
SCORES = ("91.37", "86.25", "79.64", "63.18")  # distinctive: none may appear on the public list


def _apps(world):
    with world.store.read() as s:
        return [s.get(M.Application, world.apps[aid]) for aid in world.app_ids]


def hand_plan(world, *, state: str = "finalised", missing=(), statuses=None) -> fm.FundingPlan:
    """Item 11, budget 100: A1 40 + A2 35 funded (cumulative 75), A3 30 below the line (25 left),
    A4 not recommended; A2's 40 was cut to 35 by the secretary (核减, with reason)."""
    apps = _apps(world)
    proposed = [D("40.00"), D("35.00"), D("30.00"), None]
    status = statuses or [fm.FUNDED, fm.FUNDED, fm.BELOW_LINE, fm.NOT_RECOMMENDED]
    cum = [D("40.00"), D("75.00"), None, None]
    lines = []
    for i, a in enumerate(apps):
        lines.append(fm.PlanLine(
            pk=a.id, application_id=a.application_id, title=a.title, applicant=a.applicant_name,
            credit_code=a.applicant_credit_code, guide_item=11, direction=None, route="panel",
            requested=D(str(a.requested)), rank=i + 1, score=D(SCORES[i]),
            recommendation="support" if i < 3 else "reject", cap=D("50.00"),
            adjusted=D("35.00") if i == 1 else None, adjusted_reason="预算压减，核减设备费" if i == 1 else "",
            proposed=proposed[i], status=status[i], cumulative=cum[i]))
    lines[0].computed = fm.Computed(fm.OK, D("40.00"), Msg("funding.out.test.formula"))
    lines[0].flags = [fm.ExclusiveFlag(lines[3].application_id, 12, "同一项目不能重复享受本指南其他资金支持")]
    scope = fm.ScopePlan(scope="item:11", title="项目11 广西南宁国家农业科技园区能力建设", route="panel",
                         budget=D("100.00"), lines=lines, line_after=2, allocated=D("75.00"),
                         remaining=D("25.00"), rule_text="每个项目支持不超过50万元。")
    return fm.FundingPlan(session_id=world.sid, session_name="2025年度第一批评审", session_state=state,
                          guide_title="2025年南宁市科技计划项目申报指南", rules_source="004 指南 2025",
                          scopes=[scope], missing_params=list(missing), data_hash="ab" * 32)


@pytest.fixture
def world(tmp_path, monkeypatch):
    w = build_world(tmp_path, n_apps=4)
    with w.store.write() as s:
        s.get(M.ReviewSession, w.sid).state = "finalised"
    w.plan = hand_plan(w)
    monkeypatch.setattr("nn_review.funding.plan.funding_plan", lambda store, sid: w.plan)
    return w


class Clock:
    """The day ``publicity.today()`` says it is (the shipped code has no way to set it)."""
    def __init__(self, day: date):
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    c = Clock(END)   # the last day of the 公示 period: publishing and every objection are in the past
    monkeypatch.setattr(pub, "today", c)
    return c


@pytest.fixture(autouse=True)
def _formula_message(monkeypatch):
    """A formula message for the hand-built plan (the real ones are the plan task's)."""
    from nn_review import i18n
    cat = dict(i18n.catalog())
    cat["funding.out.test.formula"] = ("资助额 = min(申请 100.00, 上限 50.00, 核定 40.00) = 40.00",
                                       "amount = min(100.00, 50.00, 40.00) = 40.00")
    monkeypatch.setattr(i18n, "_catalog", cat)


def snapshot(store):
    """Row counts of every table and every 公示 / objection / session row in full: 'nothing changed'."""
    with store.read() as s:
        rows = {t.__tablename__: sorted(repr([(c.name, str(getattr(r, c.name))) for c in t.__table__.columns])
                                        for r in s.scalars(select(t)))
                for t in (M.FundingPublicity, M.FundingObjection, M.ReviewSession)}
    return table_counts(store), rows


def refused(fn, *args, code: str, match: str = "", store=None, **kw):
    before = snapshot(store) if store else None
    with pytest.raises(FundingError) as ei:
        fn(*args, **kw)
    assert ei.value.code == code, (ei.value.code, str(ei.value))
    assert match in str(ei.value), str(ei.value)
    assert ei.value.msg is not None
    if store:
        assert snapshot(store) == before
    return ei.value


def pdf_text(path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    return "\n".join(pg.extract_text() for pg in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return "".join(text.split())


# -- the state machine and its refusals ----------------------------------------------------

def test_publish_refusals_leave_the_db_unchanged(world):
    st, sid = world.store, world.sid
    refused(pub.start_publicity, st, sid, END, START, code="funding.publicity.dates", match="早于开始日期", store=st)
    refused(pub.start_publicity, st, sid, "2026-02-30", END, code="funding.date", match="2026-02-30", store=st)
    with st.write() as s:
        s.get(M.ReviewSession, sid).state = "open"
    refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.not_finalised", match="尚未定稿", store=st)
    with st.write() as s:
        s.get(M.ReviewSession, sid).state = "finalised"
    a = world.app_ids
    world.plan = hand_plan(world, statuses=[fm.FUNDED, fm.UNCONFIRMED, fm.NO_CONSENSUS, fm.NOT_RECOMMENDED])
    e = refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.undecided", store=st)
    assert a[2] in str(e) and "专家组最终意见" in str(e) and a[1] in str(e) and "秘书审核" in str(e)
    world.plan = hand_plan(world, missing=[(32, 2, "amount")])
    refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.params", match="项目32方向2 amount", store=st)
    world.plan = hand_plan(world, statuses=[fm.BELOW_LINE, fm.BELOW_LINE, fm.BELOW_LINE, fm.NOT_RECOMMENDED])
    refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.empty", store=st)
    # nothing before the 公示
    refused(pub.record_objection, st, sid, a[0], received=START, text="异议", code="funding.publicity.none", store=st)
    refused(pub.freeze, st, sid, today=date(2026, 4, 1), code="funding.publicity.none", store=st)
    assert pub.publicity_info(st, sid) is None


def test_publish_stores_the_public_list_with_its_hash_and_locks_it(world):
    st, sid = world.store, world.sid
    a = world.app_ids
    titles = pub.item_titles(st, sid)
    assert titles[11].startswith("项目11 ") and len(titles) > 20          # the session's guide
    preview = pub.public_list(st, sid)  # before the 公示: the funded lines of the plan
    assert [e["application_id"] for e in preview] == a[:2]
    world.plan.scopes[0].lines[1].proposed = D("0.00")   # funded with 0 (核减 to 0): not announced
    assert [e["application_id"] for e in pub.public_list(st, sid)] == a[:1]
    world.plan = hand_plan(world)
    info = pub.start_publicity(st, sid, START, END)
    assert info.state == "published" and (info.start_date, info.end_date) == (START, END)
    with st.read() as s:
        row = s.scalar(select(M.FundingPublicity).where(M.FundingPublicity.session_id == sid))
        assert hashlib.sha256(row.list_json.encode("utf-8")).hexdigest() == row.list_sha256 == info.list_sha256
        doc = json.loads(row.list_json)
        audit = s.scalars(select(M.AuditEvent).where(M.AuditEvent.action == "funding.publish")).all()
    assert len(audit) == 1 and audit[0].details["list_sha256"] == info.list_sha256
    assert [(e["application_id"], e["amount"]) for e in doc["lines"]] == [(a[0], "40.00"), (a[1], "35.00")]
    assert doc["total"] == "75.00" and set(doc["lines"][0]) == {"application_id", "title", "applicant", "amount",
                                                                 "item", "direction", "item_title"}
    # the list is stored: a later change of the plan does not reach it
    world.plan = hand_plan(world, statuses=[fm.FUNDED, fm.FUNDED, fm.FUNDED, fm.NOT_RECOMMENDED])
    assert [e["application_id"] for e in pub.public_list(st, sid)] == a[:2]
    refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.exists", match="已经公示", store=st)
    # the session cannot be reopened while a 公示 exists
    before = table_counts(st)
    with pytest.raises(ResultsError) as ei:
        reopen(st, sid, "补录一份评分")
    assert ei.value.code == "reopen.funding_publicity" and "公示" in str(ei.value)
    assert table_counts(st) == before


def test_objection_refusals(world):
    st, sid = world.store, world.sid
    a = world.app_ids
    pub.start_publicity(st, sid, START, END)
    refused(pub.record_objection, st, sid, a[2], received=START, text="该项目应予资助", code="funding.objection.not_listed",
            match=f"申报 {a[2]} 不在", store=st)
    refused(pub.record_objection, st, sid, "NNKJ-NOPE", received=START, text="x", code="funding.application_missing",
            store=st)
    refused(pub.record_objection, st, sid, a[0], received=START, text="  ", code="funding.objection.text", store=st)
    refused(pub.record_objection, st, sid, a[0], received=date(2026, 3, 9), text="逾期异议",
            code="funding.objection.received", match="2026-03-02 至 2026-03-08", store=st)
    oid = pub.record_objection(st, sid, a[0], received=date(2026, 3, 3), text="申报单位存在重复申报")
    refused(pub.decide_objection, st, oid, "cancel", reason="理由充分", code="funding.objection.outcome", store=st)
    refused(pub.decide_objection, st, oid, "maintain", reason="", code="funding.objection.reason", store=st)
    refused(pub.decide_objection, st, oid, "maintain", reason="好", code="funding.objection.reason", store=st)
    refused(pub.decide_objection, st, oid, "adjust", reason="核实后调整", code="funding.objection.amount",
            match="须给出" if False else "调整必须给出", store=st)
    for bad in ("abc", "-5", "0", "NaN"):
        refused(pub.decide_objection, st, oid, "adjust", reason="核实后调整", amount=bad,
                code="funding.objection.amount", match=f"“{bad}”无效", store=st)
    refused(pub.decide_objection, st, oid, "adjust", reason="核实后调整", amount="120",
            code="funding.objection.amount", match="超过申报", store=st)
    refused(pub.decide_objection, st, oid, "adjust", reason="核实后调整", amount="40",
            code="funding.objection.amount", match="与公示金额相同", store=st)
    refused(pub.decide_objection, st, oid, "revoke", reason="核实后撤销", amount="10",
            code="funding.objection.amount", match="不能给出金额", store=st)
    refused(pub.decide_objection, st, 9999, "maintain", reason="核实无误", code="funding.objection.missing", store=st)
    # freeze: not before the end date, not with an undecided objection
    refused(pub.freeze, st, sid, today=END, code="funding.freeze.period", match="2026-03-08", store=st)
    refused(pub.freeze, st, sid, today=date(2026, 3, 9), code="funding.freeze.pending", match=f"#{oid}（{a[0]}）",
            store=st)
    pub.decide_objection(st, oid, "maintain", reason="经核实无重复申报")
    refused(pub.decide_objection, st, oid, "revoke", reason="再议撤销", code="funding.objection.decided",
            match="不能重复处理", store=st)
    info = pub.freeze(st, sid, today=date(2026, 3, 9))
    assert info.state == "frozen"
    refused(pub.freeze, st, sid, today=date(2026, 3, 10), code="funding.publicity.frozen", store=st)
    refused(pub.record_objection, st, sid, a[0], received=END, text="再提异议", code="funding.publicity.frozen", store=st)


def test_outcomes_are_applied_to_the_frozen_list_and_its_hash_is_stable(world, tmp_path):
    st, sid = world.store, world.sid
    a = world.app_ids
    # three funded lines: A1 40, A2 35, A3 20 (budget fits them all in this variant)
    world.plan = hand_plan(world, statuses=[fm.FUNDED, fm.FUNDED, fm.FUNDED, fm.NOT_RECOMMENDED])
    world.plan.scopes[0].lines[2].proposed = D("20.00")
    pub.start_publicity(st, sid, START, END)
    o1 = pub.record_objection(st, sid, a[0], received=date(2026, 3, 3), text="预算偏高")
    o2 = pub.record_objection(st, sid, a[1], received=date(2026, 3, 4), text="存在重复申报")
    o3 = pub.record_objection(st, sid, a[2], received=date(2026, 3, 5), text="成果归属有争议")
    pub.decide_objection(st, o1, "adjust", reason="核减差旅费", amount="32.5")
    pub.decide_objection(st, o2, "revoke", reason="查实重复申报")
    pub.decide_objection(st, o3, "maintain", reason="成果归属清楚")
    info = pub.freeze(st, sid, today=date(2026, 3, 9))
    final = pub.public_list(st, sid)
    # hand-checked: A1 40 → 32.50, A2 revoked, A3 20 unchanged; total 52.50
    assert [(e["application_id"], e["amount"]) for e in final] == [(a[0], "32.50"), (a[2], "20.00")]
    doc = pub.published_document(st, sid)
    assert doc["total"] == "52.50" and doc["count"] == 2 and doc["state"] == "frozen"
    assert [o["outcome"] for o in doc["objections"]] == ["adjust", "revoke", "maintain"]
    with st.read() as s:
        row = s.scalar(select(M.FundingPublicity).where(M.FundingPublicity.session_id == sid))
        frozen_json, published_json = row.frozen_json, row.list_json
        actions = [e.action for e in s.scalars(select(M.AuditEvent).order_by(M.AuditEvent.id))]
    assert hashlib.sha256(frozen_json.encode()).hexdigest() == info.frozen_sha256
    assert json.loads(published_json)["total"] == "95.00"   # the published list itself is kept as it was
    assert actions.count("funding.objection.add") == 3 and actions.count("funding.objection.decide") == 3
    assert "funding.freeze" in actions
    # stable: the same outcomes applied to the same published list give the same bytes (no time stamps)
    lines = pub.apply_outcomes(json.loads(published_json)["lines"],
                               [(a[0], "adjust", D("32.50")), (a[1], "revoke", None), (a[2], "maintain", None)])
    assert lines == json.loads(frozen_json)["lines"]
    assert pub.publicity_info(st, sid).frozen_sha256 == info.frozen_sha256
    assert [o.outcome for o in pub.publicity_info(st, sid).objections] == ["adjust", "revoke", "maintain"]


# -- the sheets ---------------------------------------------------------------------------

def test_plan_sheet_pdf_signed_and_xlsx(world, tmp_path):
    st, sid = world.store, world.sid
    a = world.app_ids
    ident = memory_identity("secretary", "韦秘书", title="科员", unit="南宁市科学技术局")
    paths = write_plan_sheet(st, sid, tmp_path / "out", sign=True, identity=ident)
    pdf = next(p for p in paths if p.suffix == ".pdf")
    xlsx = next(p for p in paths if p.suffix == ".xlsx")
    assert pdf.name == "2025年度第一批评审-拟资助项目汇总表.pdf"
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".nn-report-")]  # staging gone
    text = flat(pdf_text(pdf))
    for label in ("剩余", "财政预算控制数", "已安排"):
        assert label in text
    assert "25.00万元" in text and "100.00万元" in text and "75.00万元" in text
    for aid in a:
        assert aid in text
    assert "核减35.00" in text and "预算压减，核减设备费" in text           # 核减 with the reason
    assert "资助额=min(申请100.00,上限50.00,核定40.00)=40.00" in text     # the rule formula
    assert "不能重复享受" in text and "同一项目不能重复享受本指南其他资金支持" in text
    assert "ab" * 32 in text                                                # the plan's data hash
    # the line falls between the last funded (A2) and the first below-line candidate (A3)
    mark = "——资助线——预算100.00万元：以上拟资助"
    assert text.count(mark) == 1 and text.index(a[1]) < text.index(mark) < text.index(a[2])
    data = pdf.read_bytes()
    assert existing_fields(data) == {SIG_SECRETARY: True, SIG_LEADER: False}
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert "Signature is Valid." in out, out
    with st.read() as s:
        issued = s.scalars(select(M.IssuedSheet).where(M.IssuedSheet.session_id == sid)).all()
    assert [(i.kind, i.ref, i.sha256) for i in issued] == [("funding", "plan", hashlib.sha256(data).hexdigest())]
    ws = load_workbook(xlsx).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    by_id = {r[2]: r for r in rows if r[2] in a}
    assert by_id[a[0]][14] == 40 and by_id[a[1]][12] == 35 and by_id[a[1]][13] == "预算压减，核减设备费"
    assert by_id[a[1]][15] == 75 and by_id[a[2]][14] == 30 and by_id[a[3]][14] is None
    cell = next(c for r in ws.iter_rows() for c in r if c.value == 40)
    assert cell.number_format == "0.00"
    marker = [i for i, r in enumerate(rows) if isinstance(r[0], str) and "资助线" in r[0]]
    ids_order = [i for i, r in enumerate(rows) if r[2] in a]
    assert len(marker) == 1 and ids_order[1] < marker[0] < ids_order[2]
    assert any(r[0] == "剩余" or r[4] == "剩余" for r in rows) and any(25 in r for r in rows)


def test_plan_sheet_rule_scope_over_budget_and_no_budget(world, tmp_path):
    """A rule-route scope over its budget says so (nothing cut); a scope without budget has no line."""
    apps = _apps(world)

    def line(i, aid, status, amount, computed):
        a = apps[i]
        return fm.PlanLine(pk=a.id, application_id=aid, title=a.title, applicant=a.applicant_name,
                           credit_code=a.applicant_credit_code, guide_item=24, direction=None, route="rule",
                           requested=D("100"), computed=computed, proposed=amount, status=status,
                           confirmed=status == fm.FUNDED)
    rule = fm.ScopePlan(scope="item:24", title="项目24 科技型企业研发投入奖补", route="rule", budget=D("20.00"),
                        lines=[line(0, "R-0001", fm.FUNDED, D("30.00"), fm.Computed(fm.OK, D("30.00"),
                               Msg("funding.out.test.formula"))),
                               line(1, "R-0002", fm.UNCONFIRMED, D("12.00"), fm.Computed(fm.OK, D("12.00"),
                                    Msg("funding.out.test.formula"))),
                               line(2, "R-0003", fm.INELIGIBLE, None, fm.Computed(fm.NOT_DECLARED, None,
                                    Msg("funding.out.test.formula")))],
                        allocated=D("30.00"), remaining=D("-10.00"), over_budget=D("10.00"))
    free = fm.ScopePlan(scope="plan:key_rd", title="重点研发计划", route="panel", budget=None,
                        lines=[line(3, "P-0001", fm.FUNDED, D("8.00"), None)], allocated=D("8.00"))
    world.plan.scopes = [rule, free]
    paths = write_plan_sheet(world.store, world.sid, tmp_path / "out")
    text = flat(pdf_text(next(p for p in paths if p.suffix == ".pdf")))
    assert "超出预算" in text and "10.00万元（实际奖补按财政预算控制，须调整）" in text
    assert "待秘书审核" in text and "不符合条件：申报材料未填报所需数据" in text
    assert "未录入（不划资助线）" in text and "——资助线——" not in text
    assert existing_fields((next(p for p in paths if p.suffix == ".pdf")).read_bytes()) == \
        {SIG_SECRETARY: False, SIG_LEADER: False}


def test_xlsx_formula_injection_is_text(world, tmp_path):
    st, sid = world.store, world.sid
    world.plan.scopes[0].lines[0].title = '=HYPERLINK("http://x","点击")'
    pub.start_publicity(st, sid, START, END)
    paths = write_public_list(st, sid, tmp_path / "pub") + write_plan_sheet(st, sid, tmp_path / "plan")
    for x in (p for p in paths if p.suffix == ".xlsx"):
        ws = load_workbook(x).active
        c = next(c for r in ws.iter_rows() for c in r if isinstance(c.value, str) and "HYPERLINK" in c.value)
        assert c.data_type == "s" and c.quotePrefix


def test_public_list_has_the_public_columns_only(world, tmp_path):
    st, sid = world.store, world.sid
    a = world.app_ids
    refused(write_public_list, st, sid, tmp_path / "x", code="funding.publicity.none", store=st)
    assert not (tmp_path / "x").exists()
    pub.start_publicity(st, sid, START, END)
    paths = write_public_list(st, sid, tmp_path / "pub")
    pdf = next(p for p in paths if p.suffix == ".pdf")
    assert pdf.name == "2025年度第一批评审-拟资助项目公示名单.pdf"
    text = flat(pdf_text(pdf))
    apps = _apps(world)
    for app in apps[:2]:
        assert app.application_id in text and flat(app.title) in text and flat(app.applicant_name) in text
    assert "40.00" in text and "35.00" in text and "75.00" in text
    assert "2026-03-02至2026-03-08" in text and "项目11广西南宁国家农业科技园区能力建设" in text
    for head in ("序号", "申报编号", "项目名称", "申报单位", "拟资助金额"):
        assert head in text
    assert a[2] not in text and a[3] not in text                       # not funded: not listed
    for score in SCORES:                                                # no score
        assert score not in text
    for name in EXPERTS:                                                # no expert
        assert name not in text
    assert flat(OPINION)[:12] not in text and "得分" not in text and "排名" not in text
    assert "核减" not in text and "预算压减" not in text                # no internal reasons
    ws = load_workbook(next(p for p in paths if p.suffix == ".xlsx")).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[3][:5] == ["序号", "申报编号", "项目名称", "申报单位", "拟资助金额（万元）"]
    assert [(r[1], r[4]) for r in rows[4:6]] == [(a[0], 40), (a[1], 35)]
    assert rows[6][3] == "合计" and rows[6][4] == 75
    assert ws.cell(row=5, column=5).number_format == "0.00"
    # once frozen it is the 立项名单
    pub.freeze(st, sid, today=date(2026, 3, 9))
    paths = write_public_list(st, sid, tmp_path / "final")
    pdf = next(p for p in paths if p.suffix == ".pdf")
    assert pdf.name == "2025年度第一批评审-立项名单.pdf" and "立项名单" in flat(pdf_text(pdf))
    with st.read() as s:
        refs = [i.ref for i in s.scalars(select(M.IssuedSheet).order_by(M.IssuedSheet.id))]
    assert refs == ["public", "final"]


# -- CLI ----------------------------------------------------------------------------------

def cli(world, *args) -> int:
    return main(["--store", str(world.store.root), "funding", *args])


def test_cli_verbs(world, tmp_path, capsys, clock):
    st, sid = world.store, world.sid
    a = world.app_ids
    s = str(sid)
    assert cli(world, "publish", s, "--from", "2026-03-08", "--to", "2026-03-02") == 2
    assert "早于开始日期" in capsys.readouterr().err
    assert cli(world, "publish", s, "--from", "2026-03-02", "--to", "2026-03-08") == 0
    assert "已公示：2 项" in capsys.readouterr().out
    before = table_counts(st)
    assert cli(world, "sheet", s, "--out", str(tmp_path / "sheet"), "--sign") == 2   # no signer profile yet
    capsys.readouterr()
    assert not (tmp_path / "sheet").exists() and table_counts(st) == before
    assert main(["--store", str(st.root), "signer", "set", "--name", "韦丽华", "--title", "科员",
                 "--unit", "南宁市科学技术局"]) == 0
    assert cli(world, "sheet", s, "--out", str(tmp_path / "sheet"), "--sign") == 0
    assert "已由评审秘书签名" in capsys.readouterr().out
    sheet = tmp_path / "sheet" / "2025年度第一批评审-拟资助项目汇总表.pdf"
    assert existing_fields(sheet.read_bytes()) == {SIG_SECRETARY: True, SIG_LEADER: False}
    assert (tmp_path / "sheet" / "2025年度第一批评审-拟资助项目汇总表.xlsx").exists()
    assert cli(world, "public-list", s, "--out", str(tmp_path / "pub")) == 0
    assert (tmp_path / "pub" / "2025年度第一批评审-拟资助项目公示名单.xlsx").exists()
    assert cli(world, "objection", "add", s, a[2], "--received", "2026-03-03", "--text", "应予资助") == 2
    assert "不在" in capsys.readouterr().err
    assert cli(world, "objection", "add", s, a[0], "--received", "2026-03-03", "--text", "预算偏高") == 0
    oid = pub.publicity_info(st, sid).objections[0].id
    assert f"#{oid}" in capsys.readouterr().out
    assert cli(world, "freeze", s) == 2
    assert "还不能立项" in capsys.readouterr().err
    clock.day = date(2026, 3, 9)
    assert cli(world, "freeze", s) == 2
    assert "未处理的异议" in capsys.readouterr().err
    assert cli(world, "objection", "decide", str(oid), "--outcome", "adjust", "--reason", "核减差旅费") == 2
    assert "调整必须给出" in capsys.readouterr().err
    assert cli(world, "objection", "decide", str(oid), "--outcome", "adjust", "--reason", "核减差旅费",
               "--amount", "30") == 0
    capsys.readouterr()
    assert cli(world, "objection", "list", s, "--json") == 0
    got = json.loads(capsys.readouterr().out)
    assert [(o["application_id"], o["outcome"], o["amount"]) for o in got] == [(a[0], "adjust", "30.00")]
    assert cli(world, "objection", "list", s) == 0
    assert "调整 30.00 万元" in capsys.readouterr().out
    assert cli(world, "freeze", s) == 0
    out = capsys.readouterr().out
    info = pub.publicity_info(st, sid)
    assert "已立项：2 项" in out and info.frozen_sha256 in out
    assert [(e["application_id"], e["amount"]) for e in pub.public_list(st, sid)] == [(a[0], "30.00"), (a[1], "35.00")]


# -- end to end with the real plan (scores really signed and imported, consensus, finalise) ---

def test_real_plan_publish_object_freeze_and_print(tmp_path):
    from nn_review.funding.edits import set_budget
    from nn_review.funding.plan import funding_plan
    from nn_review.results.consensus import finalise, set_consensus

    from .helpers import file_keys
    from .results_fixtures import SEVEN, make_world, return_scores, review, set_items

    three = SEVEN[:3]
    spec = {"a1": ("100", "AAAAAA", "support"), "a2": ("80", "ABBBBB", "support"),
            "a3": ("60", "BBBBBB", "support"), "a4": ("50", "CCCCCC", "reject")}
    consensus = "专家组经讨论认为该项目创新性突出、技术路线可行，同意按专家多数意见处理。"
    with file_keys(tmp_path):
        w = make_world(tmp_path, n_apps=4, experts=three, leader=three[0])
        ids = dict(zip(spec, w.app_ids))
        set_items(w, {aid: 15 for aid in ids.values()})
        with w.store.write() as s:
            for k, v in spec.items():
                s.get(M.Application, w.apps[ids[k]]).requested = float(v[0])
        return_scores(w, tmp_path, {n: [review(ids[k], v[1], v[2]) for k, v in spec.items()] for n in three})
        for k, v in spec.items():
            set_consensus(w.store, w.sid, ids[k], opinion=consensus, recommendation=v[2])
        st, sid = w.store, w.sid
        set_budget(st, sid, "item:15", "200")
        finalise(st, sid)
        # 200: a1 100 → 100 left, a2 80 → 20 left, a3 60 does not fit → the line; a4 not recommended
        p = funding_plan(st, sid)
        [sc] = p.scopes
        assert [(ln.application_id, ln.status) for ln in sc.lines][:3] == [
            (ids["a1"], fm.FUNDED), (ids["a2"], fm.FUNDED), (ids["a3"], fm.BELOW_LINE)]
        paths = write_plan_sheet(st, sid, tmp_path / "plan")
        text = flat(pdf_text(next(x for x in paths if x.suffix == ".pdf")))
        assert "——资助线——" in text and "20.00万元" in text
        assert text.index(ids["a2"]) < text.index("——资助线——") < text.index(ids["a3"])

        info = pub.start_publicity(st, sid, START, END)
        assert funding_plan(st, sid).publicity.list_sha256 == info.list_sha256
        paths = write_public_list(st, sid, tmp_path / "pub")
        text = flat(pdf_text(next(x for x in paths if x.suffix == ".pdf")))
        assert ids["a1"] in text and ids["a2"] in text and ids["a3"] not in text and ids["a4"] not in text
        assert "100.00" in text and "80.00" in text and "180.00" in text
        for name in three:                                             # the panel's experts: nowhere
            assert name not in text
        assert flat(consensus)[:10] not in text and flat(OPINION)[:10] not in text
        scores = {display_score(ln.score) for ln in sc.lines if ln.score is not None} - {"100.00", "80.00", "180.00"}
        assert len(scores) >= 2                                        # (a1's 100.00 is also its amount)
        for score in scores:                                           # no project score
            assert score not in text

        oid = pub.record_objection(st, sid, ids["a2"], received=date(2026, 3, 4), text="预算中设备费偏高")
        pub.decide_objection(st, oid, "adjust", reason="核减设备费10万元", amount="70")
        info = pub.freeze(st, sid, today=date(2026, 3, 9))
        assert [(e["application_id"], e["amount"]) for e in pub.public_list(st, sid)] == [
            (ids["a1"], "100.00"), (ids["a2"], "70.00")]
        with pytest.raises(ResultsError, match="不能重新开启"):
            reopen(st, sid, "财政局反馈需复议")
        paths = write_public_list(st, sid, tmp_path / "final")
        text = flat(pdf_text(next(x for x in paths if x.suffix == ".pdf")))
        assert "立项名单" in text and "70.00" in text and "170.00" in text
        st.close()


def display_score(value) -> str:
    from nn_review.forms import display
    return display(value)


def test_rule_route_on_the_seed_guide_publish_and_freeze(tmp_path):
    """The demo packages on the seed guide's own rules (items 23–28): 秘书审核 and the notice's figures
    are asked for before the 公示; the formulae are on the plan sheet, never on the public list."""
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
    rule_ids = {"NNKJ-2025-0114": "10.00", "NNKJ-2025-0115": "5.00", "NNKJ-2025-0116": "10.00",
                "NNKJ-2025-0117": "20.00", "NNKJ-2025-0118": "23.00", "NNKJ-2025-0119": "25.00"}
    with st.write() as s:  # test data: no panel here, the panel-route packages are set aside (不予受理)
        for a in s.scalars(select(M.Application).where(M.Application.session_id == sid)):
            if a.application_id not in rule_ids and a.application_id != "NNKJ-2025-0120":
                a.formal_decision = "excluded"
        s.get(M.ReviewSession, sid).state = "finalised"
    e = refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.undecided", store=st)
    assert "NNKJ-2025-0114" in str(e) and "秘书审核" in str(e)
    for aid in rule_ids:
        confirm_amount(st, sid, aid)
    refused(pub.start_publicity, st, sid, START, END, code="funding.publicity.params", match="项目23方向1", store=st)
    set_param(st, sid, 23, "rate", "1", direction=1, source="南科字〔2025〕5号")
    set_param(st, sid, 23, "cap", "20", direction=1)
    confirm_amount(st, sid, "NNKJ-2025-0120")   # 2300 × 1% = 23.00 → ceiling 20 → 20.00
    paths = write_plan_sheet(st, sid, tmp_path / "plan")
    text = flat(pdf_text(next(x for x in paths if x.suffix == ".pdf")))
    assert "保费补贴20.00×70%+10.00×60%+10.00×30%=23.00，上限25.00→23.00" in text
    pub.start_publicity(st, sid, START, END)
    lines = pub.public_list(st, sid)
    assert {e["application_id"]: e["amount"] for e in lines} == dict(rule_ids, **{"NNKJ-2025-0120": "20.00"})
    assert [e["item"] for e in lines] == sorted(e["item"] for e in lines)
    assert pub.published_document(st, sid)["total"] == "113.00"   # 10+5+10+20+23+25+20
    paths = write_public_list(st, sid, tmp_path / "pub")
    text = flat(pdf_text(next(x for x in paths if x.suffix == ".pdf")))
    assert "113.00" in text and "×70%" not in text and "→定额" not in text and "上限25.00" not in text
    oid = pub.record_objection(st, sid, "NNKJ-2025-0117", received=END, text="计点积分材料不实")
    pub.decide_objection(st, oid, "revoke", reason="核实积分不足72分")
    pub.freeze(st, sid, today=date(2026, 3, 9))
    assert pub.published_document(st, sid)["total"] == "93.00"    # 113 − 20
    st.close()
