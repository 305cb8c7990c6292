"""CLI verbs of the funding plan (issue 21): ``funding plan|budget|param|approve|adjust|confirm``
(docs/funding.md, "CLI"). Refusals are ``FundingError`` (a ``StoreError``): the common runner
prints them and exits 2.
"""

from __future__ import annotations

import sys

from .support import guarded as _guarded
from .support import out as _out
from .support import out_json as _out_json
from .support import session_context as _ctx

STATUS_ZH = {"funded": "拟资助", "below_line": "线下", "not_recommended": "不建议支持", "no_consensus": "未录入专家组意见",
             "excluded": "不予受理", "unconfirmed": "待秘书审核", "ineligible": "不符合条件", "revoked": "撤销"}
ROUTE_ZH = {"panel": "评审", "rule": "按规则核定", "mixed": "评审/按规则核定"}
LINE_ROW = "  ──── 资助线 ────"


def register(cmds) -> None:
    f = cmds.funding
    p = _parser(f, "plan", "资金安排建议：各预算范围内的排名、拟资助金额、资助线、结余和重复享受提示")
    p.add_argument("--json", action="store_true", help="输出 JSON（全部数字以十进制文本表示）")
    _session_arg(p, _plan)

    p = _parser(f, "budget", "录入或清除财政预算控制数（万元）：按指南项目（--item）或计划类别（--plan）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--item", type=int, help="指南项目编号")
    which.add_argument("--plan", help="计划类别，如 key_rd")
    p.add_argument("--amount", help="预算控制数（万元，十进制文本）")
    p.add_argument("--note", default="", help="备注（如文号）")
    p.add_argument("--clear", action="store_true", help="清除该范围的预算")
    _session_arg(p, _budget)

    p = _parser(f, "param", "填写资助规则的参数（具体申报事项另行通知的数字）")
    p.add_argument("--item", type=int, required=True, help="指南项目编号")
    p.add_argument("--direction", type=int, default=0, help="方向编号（默认：整个项目）")
    p.add_argument("param", help="参数编号")
    p.add_argument("value", help="参数值（十进制文本）；写 - 表示清除")
    p.add_argument("--source", default="", help="出处（通知文号）")
    _session_arg(p, _param)

    p = _parser(f, "approve", "核定金额（专家组；秘书可代组长录入：--by secretary）")
    p.add_argument("application_id", help="申报编号")
    p.add_argument("--amount", help="核定金额（万元，十进制文本）")
    p.add_argument("--reason", default="", help="理由（核定时必填）")
    p.add_argument("--by", choices=["leader", "secretary"], default="leader",
                   help="录入人：leader 组长（默认），secretary 秘书代组长")
    p.add_argument("--clear", action="store_true", help="撤销已录入的核定金额")
    _session_arg(p, _approve)

    p = _parser(f, "adjust", "核减/调整拟资助金额（秘书，须写明理由）")
    p.add_argument("application_id", help="申报编号")
    p.add_argument("--amount", help="金额（万元，十进制文本）")
    p.add_argument("--reason", default="", help="理由（必填）")
    p.add_argument("--clear", action="store_true", help="撤销核减/调整")
    _session_arg(p, _adjust)

    p = _parser(f, "confirm", "秘书审核：确认按规则计算的金额与申报材料相符")
    p.add_argument("application_id", help="申报编号")
    p.add_argument("--note", default="", help="审核说明")
    _session_arg(p, _confirm)


def _parser(group, name: str, help_text: str):
    """A verb whose first positional argument is the session (docs/funding.md, "CLI")."""
    p = group.add_parser(name, help=help_text)
    p.add_argument("session", help="批次编号或名称")
    return p


def _session_arg(p, handler) -> None:
    p.set_defaults(handler=_guarded(handler))


def _fail(text: str) -> int:
    print(f"错误：{text}", file=sys.stderr)
    return 2


def _m(d) -> str:
    return "—" if d is None else f"{d:.2f}"


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


INELIGIBLE_ZH = {"not_eligible": "不符合条件", "not_declared": "缺少申报数据", "needs_params": "待填写规则参数"}


def _status(ln) -> str:
    if ln.status == "ineligible" and ln.computed is not None:
        return INELIGIBLE_ZH.get(ln.computed.status, STATUS_ZH["ineligible"])
    return STATUS_ZH.get(ln.status, ln.status)


def _plan(args) -> int:
    from ..funding.plan import funding_plan, plan_figures
    from ..i18n import render
    store, sid = _ctx(args)
    plan = funding_plan(store, sid)
    if args.json:
        figures = plan_figures(plan)
        for sc_json, sc in zip(figures["scopes"], plan.scopes):
            for ln_json, ln in zip(sc_json["lines"], sc.lines):
                if ln.computed is not None:
                    ln_json["computed"]["formula"] = render(ln.computed.formula, "zh_CN")
        figures.update(data_hash=plan.data_hash, session_state=plan.session_state, guide=plan.guide_title)
        _out_json(figures)
        return 0
    state = "已定稿" if plan.session_state == "finalised" else "未定稿"
    _out(f"资金安排建议：{plan.session_name}（{state}）  资助规则：{plan.rules_source}")
    if plan.publicity is not None:
        _out(f"  公示：{'已立项冻结' if plan.publicity.state == 'frozen' else '已发布'}"
             f"（{plan.publicity.start_date}—{plan.publicity.end_date}）")
    if not plan.scopes:
        _out("  本批次没有申报项目")
    for sc in plan.scopes:
        _out("")
        budget = "未录入预算（不划资助线）" if sc.budget is None else \
            f"预算 {_m(sc.budget)}  已安排 {_m(sc.allocated)}  结余 {_m(sc.remaining)}"
        _out(f"{sc.title}  [{sc.scope}，{ROUTE_ZH.get(sc.route, sc.route)}]  {budget}")
        if sc.over_budget is not None:
            _out(f"  超出预算 {_m(sc.over_budget)} 万元（实际奖补按财政预算控制，未自动削减）")
        _out(f"  {'排名':<4} {'申报编号':<16} {'申报单位':<14} {'得分':>7} {'申请':>9} {'拟资助':>9} {'累计':>9}  状态")
        for i, ln in enumerate(sc.lines):
            if sc.line_after is not None and i == sc.line_after:
                _out(LINE_ROW)
            rank = str(ln.rank) if ln.rank is not None else "—"
            marks = []
            if ln.approved is not None:
                marks.append(f"核定 {_m(ln.approved)}")
            if ln.adjusted is not None:
                marks.append(f"核减/调整 {_m(ln.adjusted)}：{ln.adjusted_reason}")
            if ln.status == "funded" and ln.proposed is not None and ln.proposed == 0:
                marks.append("金额为0")
            if ln.flags:
                marks.append("重复享受")
            if ln.annual_flags:
                marks.append("超单个企业年度上限")
            if ln.adjust_over:
                marks.append(f"调整超出现行上限 {_m(ln.adjust_bound)}，按上限计")
            extra = f"（{'；'.join(marks)}）" if marks else ""
            _out(f"  {rank:<6} {ln.application_id:<18} {_cut(ln.applicant, 14):<14} {_m(ln.score):>7} "
                 f"{_m(ln.requested):>9} {_m(ln.proposed):>9} {_m(ln.cumulative):>9}  "
                 f"{_status(ln)}{extra}")
        if sc.line_after is not None and sc.line_after == len(sc.lines):
            _out(LINE_ROW)
        for ln in sc.lines:
            if ln.computed is not None:
                _out(f"  {ln.application_id}：{render(ln.computed.formula, 'zh_CN')}")
        for ln in sc.lines:
            for fl in ln.flags:
                _out(f"  重复享受：{ln.application_id}（{ln.applicant}）与 {fl.other_application_id}"
                     f"（项目{fl.other_item}）— {fl.text}")
            for af in ln.annual_flags:
                _out(f"  超单个企业年度上限：{ln.application_id}（{ln.applicant}）项目{af.item}"
                     f"{f'方向{af.direction}' if af.direction else ''} 合计 {_m(af.total)} 万元 > {_m(af.cap)} 万元"
                     f"（{'、'.join(af.application_ids)}）— {af.text}")
    if plan.missing_params:
        _out("")
        _out("尚未填写的规则参数：" + "、".join(f"项目{i}{f' 方向{d}' if d else ''} {p}"
                                              for i, d, p in plan.missing_params))
    _out("")
    _out(f"数据校验码 {plan.data_hash[:12]}")
    return 0


def _budget(args) -> int:
    from ..funding.edits import set_budget
    store, sid = _ctx(args)
    scope = f"item:{args.item}" if args.item is not None else f"plan:{args.plan}"
    if args.clear == (args.amount is not None):
        return _fail("请给出 --amount 金额，或用 --clear 清除预算（二者择一）")
    set_budget(store, sid, scope, None if args.clear else args.amount, note=args.note)
    _out(f"已清除 {scope} 的预算" if args.clear else f"已录入 {scope} 的预算控制数 {args.amount} 万元")
    return 0


def _param(args) -> int:
    from ..funding.edits import set_param
    store, sid = _ctx(args)
    value = None if args.value.strip() == "-" else args.value
    set_param(store, sid, args.item, args.param, value, direction=args.direction, source=args.source)
    where = f"项目{args.item}" + (f" 方向{args.direction}" if args.direction else "")
    _out(f"已清除 {where} 的参数 {args.param}" if value is None else f"已填写 {where} 的参数 {args.param} = {value}")
    return 0


def _approve(args) -> int:
    from ..funding.edits import approve_amount
    store, sid = _ctx(args)
    if args.clear == (args.amount is not None):
        return _fail("请给出 --amount 核定金额，或用 --clear 撤销（二者择一）")
    approve_amount(store, sid, args.application_id, None if args.clear else args.amount, reason=args.reason,
                   by=args.by)
    _out(f"已撤销申报 {args.application_id} 的核定金额" if args.clear else
         f"已核定申报 {args.application_id} 的金额 {args.amount} 万元")
    return 0


def _adjust(args) -> int:
    from ..funding.edits import adjust_amount
    store, sid = _ctx(args)
    if args.clear == (args.amount is not None):
        return _fail("请给出 --amount 金额，或用 --clear 撤销核减/调整（二者择一）")
    adjust_amount(store, sid, args.application_id, None if args.clear else args.amount, reason=args.reason)
    _out(f"已撤销申报 {args.application_id} 的核减/调整" if args.clear else
         f"已将申报 {args.application_id} 的拟资助金额调为 {args.amount} 万元")
    return 0


def _confirm(args) -> int:
    from ..funding.edits import confirm_amount
    store, sid = _ctx(args)
    confirm_amount(store, sid, args.application_id, note=args.note)
    _out(f"已审核申报 {args.application_id} 按规则计算的金额")
    return 0
