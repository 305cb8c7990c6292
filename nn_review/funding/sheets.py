"""The funding outputs (issue 21): 拟资助项目汇总表 (signed PDF like the other sheets, and xlsx) and
the 公示名单 / 立项名单 (PDF and xlsx, public: no score, no expert name).

Files (existing ones of the same name are replaced: a reprint)::

    <out>/<session>-拟资助项目汇总表.pdf / .xlsx
    <out>/<session>-拟资助项目公示名单.pdf / .xlsx      (立项名单 once the list is frozen)

Written to a hidden staging folder of ``out`` first and moved into place at the end (an error
leaves no partial set); every PDF is recorded in ``issued_sheets`` (kind ``funding``, ref
``plan`` / ``public`` / ``final``), and the run is audited. The plan sheet carries the two empty
signature fields (secretary, leader); with ``sign=True`` the secretary signs it now.

The public list is made ONLY from the stored published / frozen list (``publicity``), whose
entries hold 申报编号, 项目名称, 申报单位, 拟资助金额 and the item: no score, rank, expert or
opinion can reach it.
"""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from .. import xlsxsafe
from ..changes import operation
from ..forms import display
from ..i18n import M, render
from ..pdf.signing import SigningIdentity, prepare_unsigned, sign_pdf
from ..pdf.slots import SIG_LEADER, SIG_SECRETARY, SignatureSlots, SlotSink
from ..results.merge import short_hash
from ..results.pdfkit import LANDSCAPE, PORTRAIT, Footer, build_pdf, frame_width, grid_table, kv_table, p
from ..results.reports import safe_name
from ..store import Store
from ..store.db import REPORT_PREFIX
from ..store.housekeeping import WorkDir, sweep
from ..store.models import IssuedSheet, ReviewSession
from . import model as fm
from .plan import unadjusted
from .publicity import current_plan, published_document, refusal

PLAN_TITLE = "拟资助项目汇总表"
PUBLIC_TITLE = "拟资助项目公示名单"
FINAL_TITLE = "立项名单"
LINE_MARK = "资助线"
LINE_RED = "#c00000"
MARGINS = (1.2 * cm, 1.2 * cm, 1.5 * cm, 1.8 * cm)

STATUS_ZH = {fm.FUNDED: "拟资助", fm.BELOW_LINE: "线下（预算不足）", fm.NOT_RECOMMENDED: "不建议支持",
             fm.NO_CONSENSUS: "未录入专家组意见", fm.EXCLUDED: "不予受理", fm.UNCONFIRMED: "待秘书审核",
             fm.INELIGIBLE: "不符合条件", fm.REVOKED: "已撤销"}
ROUTE_ZH = {"panel": "评审", "rule": "按规则核定", "mixed": "评审 / 按规则核定"}
COMPUTED_ZH = {fm.NOT_ELIGIBLE: "不符合条件", fm.NOT_DECLARED: "申报材料未填报所需数据", fm.NEEDS_PARAMS: "待录入通知参数"}


def _m(value) -> str:
    return "—" if value is None else display(value)


def _status(ln: fm.PlanLine) -> str:
    text = STATUS_ZH.get(ln.status, ln.status or "—")
    if ln.status == fm.FUNDED and ln.proposed is not None and Decimal(ln.proposed) == 0:
        text += "（金额为 0）"
    if ln.computed is not None and ln.computed.status in COMPUTED_ZH and ln.status == fm.INELIGIBLE:
        text += f"：{COMPUTED_ZH[ln.computed.status]}"
    if ln.flags:
        text += "；重复享受"
    if getattr(ln, "annual_flags", None):
        text += "；超单个企业年度上限"
    if getattr(ln, "adjust_over", False):
        text += "；调整超出现行上限"
    if ln.objection:
        text += f"\n{ln.objection}"
    return text


def _adjust_text(ln: fm.PlanLine) -> str:
    """核减 (below the amount the line would have without it) or 调整, from the same base as the
    audit (``plan.unadjusted``); flagged when above the panel's 核定 or the current bound."""
    if ln.adjusted is None:
        return "—"
    base = unadjusted(ln)
    kind = "核减" if base is not None and Decimal(ln.adjusted) < Decimal(base) else "调整"
    text = f"{kind} {display(ln.adjusted)}"
    if ln.approved is not None and Decimal(ln.adjusted) > Decimal(ln.approved):
        text += f"\n注：高于专家组核定 {display(ln.approved)}"
    if getattr(ln, "adjust_over", False):
        bound = display(ln.adjust_bound) if ln.adjust_bound is not None else "—"
        text += f"\n注：超出现行上限 {bound}，按 {bound} 计"
    return text + (f"\n理由：{ln.adjusted_reason}" if ln.adjusted_reason else "")


def _approved_text(ln: fm.PlanLine) -> str:
    if ln.approved is None:
        return "—"
    return display(ln.approved) + (f"\n{ln.approved_reason}" if ln.approved_reason else "")


def _line_text(sc: fm.ScopePlan) -> str:
    return (f"—— {LINE_MARK} ——　预算 {display(sc.budget)} 万元：以上拟资助，以下为预算不足的推荐项目"
            if sc.budget is not None else "")


def _session(store: Store, session_id: int):
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise refusal("funding.session_missing", "funding.out.err.session_missing", session=session_id)
        return sess.name, sess.sheet_version


# -- 拟资助项目汇总表 ---------------------------------------------------------------------------

PLAN_COLS = [("序号", 0.9), ("排名", 0.9), ("申报编号", 2.5), ("项目名称 / 申报单位", 0.0), ("项目\n得分", 1.2),
             ("申请资金", 1.45), ("上限", 1.3), ("核定", 1.6), ("核减/调整\n及理由", 2.9), ("拟资助", 1.5),
             ("累计", 1.5), ("状态", 2.3)]


def _scope_table(sc: fm.ScopePlan, width: float):
    fixed = sum(w for _, w in PLAN_COLS) * cm
    widths = [(w * cm if w else width - fixed) for _, w in PLAN_COLS]
    rows = [[p(lbl, "small_head") for lbl, _ in PLAN_COLS]]
    extra = []
    mark_at = sc.line_after if sc.budget is not None and sc.line_after is not None else None
    for i, ln in enumerate(sc.lines):
        if mark_at is not None and i == mark_at:
            r = len(rows)
            rows.append([p(_line_text(sc), "small_c", color=LINE_RED)] + [""] * (len(PLAN_COLS) - 1))
            extra += [("SPAN", (0, r), (-1, r)), ("LINEABOVE", (0, r), (-1, r), 2, colors.HexColor(LINE_RED)),
                      ("LINEBELOW", (0, r), (-1, r), 2, colors.HexColor(LINE_RED))]
        color = "#777777" if ln.status not in (fm.FUNDED, fm.UNCONFIRMED) else None
        rows.append([p(str(i + 1), "small_c"), p(str(ln.rank) if ln.rank is not None else "—", "small_c"),
                     p(ln.application_id, "small"),
                     p(f"{ln.title}\n{ln.applicant}" + (f"\n项目{ln.guide_item}" + (f" 方向{ln.direction}" if ln.direction else "")
                                                        if ln.guide_item is not None else ""), "small", color=color),
                     p(_m(ln.score), "small_r"), p(_m(ln.requested), "small_r"), p(_m(ln.cap), "small_r"),
                     p(_approved_text(ln), "small_r"), p(_adjust_text(ln), "small"),
                     p(_m(ln.proposed), "small_r"), p(_m(ln.cumulative), "small_r"),
                     p(_status(ln), "small_c", color="#a23b00" if ln.flags or getattr(ln, "annual_flags", None)
                       or getattr(ln, "adjust_over", False) else None)])
    if mark_at is not None and mark_at >= len(sc.lines):
        r = len(rows)
        rows.append([p(_line_text(sc), "small_c", color=LINE_RED)] + [""] * (len(PLAN_COLS) - 1))
        extra += [("SPAN", (0, r), (-1, r)), ("LINEABOVE", (0, r), (-1, r), 2, colors.HexColor(LINE_RED))]
    return grid_table(rows, widths, zebra=False, extra=extra, pad=(2.5, 3.5))


def _budget_pairs(sc: fm.ScopePlan) -> list[tuple[str, str]]:
    pairs = [("财政预算控制数", f"{display(sc.budget)} 万元" if sc.budget is not None else "未录入（不划资助线）"),
             ("已安排", f"{display(sc.allocated)} 万元"),
             ("剩余", f"{display(sc.remaining)} 万元" if sc.remaining is not None else "—"),
             ("资助方式", ROUTE_ZH.get(sc.route, sc.route))]
    if sc.over_budget is not None and Decimal(sc.over_budget) > 0:
        pairs.append(("超出预算", f"{display(sc.over_budget)} 万元（实际奖补按财政预算控制，须调整）"))
    return pairs


def _publicity_pairs(pub: fm.PublicityInfo | None) -> list[tuple[str, object]]:
    """The 公示 state and the published (and frozen) list's hash, printed on the plan sheet."""
    if pub is None:
        return []
    pairs = [("公示状态", f"{'已立项' if pub.state == 'frozen' else '公示中'}（{pub.start_date} 至 {pub.end_date}）"),
             ("公示名单码", p(pub.list_sha256, "small"))]
    if pub.state == "frozen" and pub.frozen_sha256:
        pairs.append(("立项名单码", p(pub.frozen_sha256, "small")))
    return pairs


def plan_story(plan: fm.FundingPlan, sheet_version: int, sink: SlotSink) -> list:
    width = frame_width(LANDSCAPE, MARGINS[:2])
    state = "已定稿" if plan.session_state == "finalised" else "未定稿"
    pub = plan.publicity
    pub_text = "未公示" if pub is None else (
        f"{'已立项' if pub.state == 'frozen' else '公示中'}（公示期 {pub.start_date} 至 {pub.end_date}）")
    story: list = [
        p("南宁市科学技术局　科技计划项目资金安排", "org"),
        p(PLAN_TITLE, "title"),
        p(f"{plan.session_name}　·　第 {sheet_version} 版（评审批次{state}）　·　{pub_text}", "subtitle"),
        kv_table([("评审批次", plan.session_name), ("申报指南", plan.guide_title or "—"),
                  ("资金规则来源", plan.rules_source or "—"), ("数据校验码", p(plan.data_hash or "—", "small"))]
                 + _publicity_pairs(pub),
                 width, label_w=2.6 * cm, cols=2),
        Spacer(1, 4),
        p("金额单位：万元，保留两位小数（四舍五入）。拟资助 = 秘书核减/调整后的金额；否则取申请资金（或规则金额）、"
          "规则上限与专家组核定金额中的最小者。推荐项目按排名依次安排，直至预算不足；不足处为资助线，"
          "其后的推荐项目不跳位安排。", "note"),
    ]
    if plan.missing_params:
        story.append(p("缺少通知参数：" + "、".join(f"项目{i}" + (f"方向{d}" if d else "") + f" {k}"
                                                   for i, d, k in plan.missing_params), "flag"))
    for sc in plan.scopes:
        story += [CondPageBreak(5 * cm), p(f"{sc.title}（{sc.scope}）", "h1_loose"),
                  kv_table(_budget_pairs(sc), width, label_w=3.2 * cm, cols=3), Spacer(1, 4),
                  _scope_table(sc, width), Spacer(1, 4)]
        if sc.rule_text:
            story.append(p(f"指南资金规定：{sc.rule_text}", "note"))
        formulas = [(ln.application_id, ln.computed) for ln in sc.lines if ln.computed is not None]
        if formulas:
            story.append(p("计算公式", "h2"))
            for aid, c in formulas:
                what = render(c.formula, "zh_CN")
                if c.status != fm.OK:
                    what += f"（{COMPUTED_ZH.get(c.status, c.status)}）"
                story.append(p(f"{aid}：{what}", "small"))
        over = [ln for ln in sc.lines if getattr(ln, "adjust_over", False)]
        if over:
            story.append(p("调整超出现行上限", "h2"))
            for ln in over:
                bound = display(ln.adjust_bound) if ln.adjust_bound is not None else "—"
                story.append(p(f"{ln.application_id}：秘书调整 {display(ln.adjusted)} 万元超出现行上限 {bound} 万元"
                               f"（上限或通知参数已变更），拟资助按 {bound} 万元计，须重新调整", "flag"))
        annual = [ln for ln in sc.lines if getattr(ln, "annual_flags", None)]
        if annual:
            story.append(p("超过单个企业年度上限", "h2"))
            for ln in annual:
                for f in ln.annual_flags:
                    where = f"项目{f.item}" + (f"方向{f.direction}" if f.direction else "")
                    story.append(p(f"{ln.application_id}（{ln.applicant}）：同一申报单位在{where}的拟资助合计 "
                                   f"{display(f.total)} 万元，超过单个企业年度上限 {display(f.cap)} 万元"
                                   f"（{'、'.join(f.application_ids)}）：{f.text}", "flag"))
        flagged = [ln for ln in sc.lines if ln.flags]
        if flagged:
            story.append(p("不能重复享受", "h2"))
            for ln in flagged:
                for f in ln.flags:
                    other = f.other_application_id + (f"（项目{f.other_item}）" if f.other_item is not None else "")
                    story.append(p(f"注：{ln.application_id}（{ln.applicant}）与 {other} 同属一个申报单位：{f.text}", "flag"))
    total = sum((Decimal(sc.allocated) for sc in plan.scopes), Decimal(0))
    story += [Spacer(1, 6), p(f"合计已安排 {display(total)} 万元。", "body"),
              CondPageBreak(5 * cm), p("签字", "h1"), KeepTogether([
                  p("评审秘书：＿＿＿＿＿＿＿＿　　专家组组长：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", "sign"),
                  Spacer(1, 6), SignatureSlots([SIG_SECRETARY, SIG_LEADER], sink)])]
    return story


def render_plan_sheet(plan: fm.FundingPlan, sheet_version: int) -> tuple[bytes, SlotSink]:
    sink = SlotSink()
    footer = Footer(f"数据校验码 {short_hash(plan.data_hash or '0' * 12)} · 第 {sheet_version} 版",
                    f"{plan.session_name} {PLAN_TITLE}")
    pdf = build_pdf(plan_story(plan, sheet_version, sink), pagesize=LANDSCAPE, margins=MARGINS,
                    title=f"{PLAN_TITLE} {plan.session_name}",
                    subject=f"data:{plan.data_hash} version:{sheet_version}", footer=footer)
    return pdf, sink


_HEAD_FILL = PatternFill("solid", fgColor="E4EAF2")
_RED = Side(style="thick", color="C00000")
MONEY = "0.00"


def _money_cell(ws, row: int, col: int, value) -> None:
    c = xlsxsafe.cell(ws, row, col, None if value is None else Decimal(value))
    if value is not None:
        c.number_format = MONEY


def plan_workbook(plan: fm.FundingPlan, sheet_version: int) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = PLAN_TITLE
    heads = ["序号", "排名", "申报编号", "项目名称", "申报单位", "项目", "方向", "项目得分", "申请资金（万元）", "上限（万元）",
             "核定（万元）", "核定理由", "核减/调整（万元）", "核减/调整理由", "拟资助（万元）", "累计（万元）", "状态",
             "计算公式", "重复享受"]
    xlsxsafe.cell(ws, 1, 1, f"{plan.session_name} {PLAN_TITLE}（第 {sheet_version} 版）").font = Font(bold=True, size=14)
    xlsxsafe.cell(ws, 2, 1, f"数据校验码 {plan.data_hash}")
    if plan.publicity is not None:
        pb = plan.publicity
        xlsxsafe.cell(ws, 2, 5, f"{'已立项' if pb.state == 'frozen' else '公示中'} 公示名单校验码 {pb.list_sha256}"
                      + (f" 立项名单校验码 {pb.frozen_sha256}" if pb.frozen_sha256 else ""))
    r = 4
    for sc in plan.scopes:
        xlsxsafe.cell(ws, r, 1, f"{sc.title}（{sc.scope}）").font = Font(bold=True)
        r += 1
        for k, (label, value) in enumerate([("预算", sc.budget), ("已安排", sc.allocated), ("剩余", sc.remaining),
                                            ("超出预算", sc.over_budget)]):
            xlsxsafe.cell(ws, r, 1 + 2 * k, label)
            _money_cell(ws, r, 2 + 2 * k, value)
        r += 1
        for col, h in enumerate(heads, 1):
            c = xlsxsafe.cell(ws, r, col, h)
            c.fill, c.font = _HEAD_FILL, Font(bold=True)
        r += 1
        mark_at = sc.line_after if sc.budget is not None and sc.line_after is not None else None
        for i, ln in enumerate(sc.lines):
            if mark_at is not None and i == mark_at:
                xlsxsafe.cell(ws, r, 1, _line_text(sc)).font = Font(bold=True, color="C00000")
                for col in range(1, len(heads) + 1):
                    ws.cell(row=r, column=col).border = Border(top=_RED, bottom=_RED)
                r += 1
            values = [i + 1, ln.rank, ln.application_id, ln.title, ln.applicant, ln.guide_item, ln.direction]
            for col, v in enumerate(values, 1):
                xlsxsafe.cell(ws, r, col, v)
            xlsxsafe.cell(ws, r, 8, None if ln.score is None else Decimal(ln.score))
            for col, v in ((9, ln.requested), (10, ln.cap), (11, ln.approved), (13, ln.adjusted), (15, ln.proposed),
                           (16, ln.cumulative)):
                _money_cell(ws, r, col, v)
            xlsxsafe.cell(ws, r, 12, ln.approved_reason or None)
            xlsxsafe.cell(ws, r, 14, ln.adjusted_reason or None)
            xlsxsafe.cell(ws, r, 17, _status(ln))
            if ln.computed is not None:
                xlsxsafe.cell(ws, r, 18, render(ln.computed.formula, "zh_CN"))
            notes = [f"与 {f.other_application_id}：{f.text}" for f in ln.flags]
            notes += [f"同一单位在项目{f.item}{f'方向{f.direction}' if f.direction else ''}合计 {display(f.total)} 万元，"
                      f"超过单个企业年度上限 {display(f.cap)} 万元（{'、'.join(f.application_ids)}）"
                      for f in getattr(ln, "annual_flags", [])]
            if getattr(ln, "adjust_over", False):
                notes.append(f"调整 {display(ln.adjusted)} 超出现行上限 {_m(ln.adjust_bound)}，按上限计")
            if notes:
                xlsxsafe.cell(ws, r, 19, "；".join(notes))
            r += 1
        if mark_at is not None and mark_at >= len(sc.lines):
            xlsxsafe.cell(ws, r, 1, _line_text(sc)).font = Font(bold=True, color="C00000")
            r += 1
        if sc.rule_text:
            xlsxsafe.cell(ws, r, 1, f"指南资金规定：{sc.rule_text}")
            r += 1
        r += 1
    for col, w in zip("ABCDEFGHIJKLMNOPQRS", (6, 6, 18, 40, 30, 6, 6, 10, 12, 12, 12, 20, 14, 24, 12, 12, 16, 50, 40)):
        ws.column_dimensions[col].width = w
    return wb


# -- 公示名单 / 立项名单 ----------------------------------------------------------------------

def _groups(lines: list[dict]) -> list[tuple[str, list[dict]]]:
    groups: dict[object, tuple[str, list[dict]]] = {}
    for e in lines:
        key = e.get("item")
        title = e.get("item_title") or (f"项目{key}" if key is not None else "其他")
        groups.setdefault(key, (title, []))[1].append(e)
    return [groups[k] for k in sorted(groups, key=lambda k: (k is None, k or 0))]


def _list_title(doc: dict) -> str:
    return FINAL_TITLE if doc["state"] == "frozen" else PUBLIC_TITLE


def public_story(doc: dict) -> list:
    width = frame_width(PORTRAIT)
    title = _list_title(doc)
    story: list = [p("南宁市科学技术局", "org"), p(f"{doc['session_name']}{title}", "title"),
                   p(f"公示期：{doc['start_date']} 至 {doc['end_date']}", "subtitle")]
    if doc["state"] == "frozen":
        story.append(p("本名单为公示期满、异议处理完毕后的立项名单。", "note"))
    else:
        story.append(p("公示期内，任何单位和个人对名单中的项目有异议的，可向南宁市科学技术局书面提出。", "note"))
    cols = [("序号", 1.1), ("申报编号", 3.2), ("项目名称", 0.0), ("申报单位", 4.6), ("拟资助金额\n（万元）", 2.3)]
    fixed = sum(w for _, w in cols) * cm
    widths = [(w * cm if w else width - fixed) for _, w in cols]
    n = 0
    for title_item, entries in _groups(doc["lines"]):
        rows = [[p(lbl, "head") for lbl, _ in cols]]
        subtotal = Decimal(0)
        for e in entries:
            n += 1
            subtotal += Decimal(e["amount"])
            rows.append([p(str(n), "cell_c"), p(e["application_id"], "cell"), p(e["title"], "cell"),
                         p(e["applicant"], "cell"), p(display(e["amount"]), "cell_r")])
        rows.append([p("小计", "cell_c"), "", p(f"{len(entries)} 项", "cell"), "", p(display(subtotal), "cell_r")])
        extra = [("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)), ("SPAN", (2, len(rows) - 1), (3, len(rows) - 1))]
        story += [CondPageBreak(3 * cm), p(title_item, "h2"), grid_table(rows, widths, extra=extra)]
    story += [Spacer(1, 8), p(f"合计：{doc['count']} 项，拟资助金额 {display(doc['total'])} 万元。", "body"),
              Spacer(1, 16), p("南宁市科学技术局", "body")]
    return story


def render_public_list(doc: dict) -> bytes:
    title = _list_title(doc)
    footer = Footer(f"名单校验码 {short_hash(doc['sha256'])}", f"{doc['session_name']} {title}")
    return build_pdf(public_story(doc), pagesize=PORTRAIT, title=f"{doc['session_name']}{title}",
                     subject=f"list:{doc['sha256']}", footer=footer)


def public_workbook(doc: dict) -> Workbook:
    wb = Workbook()
    ws = wb.active
    title = _list_title(doc)
    ws.title = title
    xlsxsafe.cell(ws, 1, 1, f"{doc['session_name']}{title}").font = Font(bold=True, size=14)
    xlsxsafe.cell(ws, 2, 1, f"公示期：{doc['start_date']} 至 {doc['end_date']}")
    heads = ["序号", "申报编号", "项目名称", "申报单位", "拟资助金额（万元）", "项目"]
    for col, h in enumerate(heads, 1):
        c = xlsxsafe.cell(ws, 4, col, h)
        c.fill, c.font = _HEAD_FILL, Font(bold=True)
    r, n = 5, 0
    for title_item, entries in _groups(doc["lines"]):
        for e in entries:
            n += 1
            for col, v in enumerate([n, e["application_id"], e["title"], e["applicant"]], 1):
                xlsxsafe.cell(ws, r, col, v)
            _money_cell(ws, r, 5, e["amount"])
            xlsxsafe.cell(ws, r, 6, title_item)
            r += 1
    xlsxsafe.cell(ws, r, 4, "合计").alignment = Alignment(horizontal="right")
    _money_cell(ws, r, 5, doc["total"])
    for col, w in zip("ABCDEF", (6, 18, 50, 36, 18, 36)):
        ws.column_dimensions[col].width = w
    return wb


# -- writing: stage, move, record ----------------------------------------------------------

def _write_set(store: Store, session_id: int, out: Path, files: list[tuple[str, bytes | Workbook]],
               issued: list[dict], action: str, **details) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sweep(out, REPORT_PREFIX)
    work = WorkDir(out, REPORT_PREFIX, registry=store.work_registry)
    placed: list[tuple[Path, Path]] = []
    try:
        for name, content in files:
            dest = work.path / name
            if isinstance(content, Workbook):
                content.save(dest)
            else:
                dest.write_bytes(content)
            placed.append((dest, out / name))
        for src, dst in placed:
            os.replace(src, dst)
    finally:
        work.close()
    paths = [dst for _, dst in placed]
    with store.write() as s:
        for row in issued:
            s.add(IssuedSheet(session_id=session_id, kind="funding", **row))
        store.audit(s, action, session_id, out_dir=str(out), files=[p.name for p in paths], **details)
    return paths


@operation
def write_plan_sheet(store: Store, session_id: int, out_dir: str | Path, *, sign: bool = False,
                     identity: SigningIdentity | None = None) -> list[Path]:
    """拟资助项目汇总表: per scope, ranked, amounts, the funding line, remaining budget. PDF + xlsx."""
    out = Path(out_dir)
    name, version = _session(store, session_id)
    plan = current_plan(store, session_id)
    ident = None
    if sign:  # before anything is written: no signer profile / key → nothing on disk
        from ..results.identity import secretary_identity
        ident = identity or secretary_identity(store)
    pdf, slots = render_plan_sheet(plan, version)
    data = sign_pdf(pdf, ident, slots=slots) if ident else prepare_unsigned(pdf, slots)
    base = f"{safe_name(name)}-{PLAN_TITLE}"
    issued = [dict(ref="plan", panel_id=None, file_name=f"{base}.pdf", sheet_version=version,
                   sha256=hashlib.sha256(data).hexdigest(), data_hash=plan.data_hash)]
    return _write_set(store, session_id, out, [(f"{base}.pdf", data), (f"{base}.xlsx", plan_workbook(plan, version))],
                      issued, "funding.sheet", signed=bool(ident), signer=ident.name if ident else "",
                      fingerprint=ident.fingerprint if ident else "", data_hash=plan.data_hash)


@operation
def write_public_list(store: Store, session_id: int, out_dir: str | Path) -> list[Path]:
    """公示名单 (or 立项名单 once frozen) with the period dates. PDF + xlsx."""
    out = Path(out_dir)
    name, version = _session(store, session_id)
    doc = published_document(store, session_id)
    if doc is None:
        raise refusal("funding.publicity.none", "funding.out.err.not_published", action=M("funding.out.action.public_list"))
    title = _list_title(doc)
    pdf = render_public_list(doc)
    base = f"{safe_name(name)}-{title}"
    issued = [dict(ref="final" if doc["state"] == "frozen" else "public", panel_id=None, file_name=f"{base}.pdf",
                   sheet_version=version, sha256=hashlib.sha256(pdf).hexdigest(), data_hash=doc["sha256"])]
    return _write_set(store, session_id, out, [(f"{base}.pdf", pdf), (f"{base}.xlsx", public_workbook(doc))],
                      issued, "funding.public_list", state=doc["state"], list_sha256=doc["sha256"])
