"""CLI verbs of the funding outputs (issue 21): ``funding sheet|publish|public-list|objection|freeze``.

Services are imported inside the handlers so building the parser stays cheap. Refusals are
``FundingError`` (a ``StoreError``): the common runner prints them and exits 2.
"""

from __future__ import annotations

from pathlib import Path

from .support import guarded as _guarded
from .support import open_cli_store
from .support import out as _out
from .support import out_json as _out_json
from .support import parse_date


def register(cmds) -> None:
    funding = cmds.funding
    p = funding.add_parser("sheet", help="生成拟资助项目汇总表（PDF 带签名位置，及 xlsx）")
    _session(p)
    p.add_argument("--out", type=Path, required=True, help="输出目录")
    p.add_argument("--sign", action="store_true", help="由评审秘书加 PDF 数字签名")
    p.set_defaults(handler=_guarded(_sheet))

    p = funding.add_parser("publish", help="公示拟资助名单（批次须已定稿、各项目已定）")
    _session(p)
    p.add_argument("--from", dest="start", type=parse_date, required=True, help="公示开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=parse_date, required=True, help="公示结束日期 YYYY-MM-DD")
    p.set_defaults(handler=_guarded(_publish))

    p = funding.add_parser("public-list", help="生成公示名单（立项后为立项名单）：PDF 及 xlsx")
    _session(p)
    p.add_argument("--out", type=Path, required=True, help="输出目录")
    p.set_defaults(handler=_guarded(_public_list))

    p = funding.add_parser("objection", help="公示期异议：登记、处理、列出")
    verbs = p.add_subparsers(dest="objection_action", required=True)
    o = verbs.add_parser("add", help="登记异议")
    _session(o)
    o.add_argument("application_id", help="申报编号")
    o.add_argument("--received", type=parse_date, required=True, help="收到日期 YYYY-MM-DD")
    o.add_argument("--text", required=True, help="异议内容")
    o.set_defaults(handler=_guarded(_objection_add))
    o = verbs.add_parser("decide", help="处理异议：maintain 维持 / adjust 调整（须 --amount）/ revoke 撤销")
    o.add_argument("objection_id", type=int, help="异议编号")
    o.add_argument("--outcome", required=True, choices=["maintain", "adjust", "revoke"])
    o.add_argument("--reason", required=True, help="处理理由")
    o.add_argument("--amount", help="调整后的金额（万元）")
    o.set_defaults(handler=_guarded(_objection_decide))
    o = verbs.add_parser("list", help="列出本批次的异议")
    _session(o)
    o.add_argument("--json", action="store_true")
    o.set_defaults(handler=_guarded(_objection_list))

    p = funding.add_parser("freeze", help="立项：公示期满且异议均已处理后冻结名单")
    _session(p)
    p.set_defaults(handler=_guarded(_freeze))


def _session(p) -> None:
    p.add_argument("session", help="批次编号或名称")


def _ctx(args):
    from ..services.sessions import resolve_session
    store = open_cli_store(args)
    return store, resolve_session(store, args.session)


def _sheet(args) -> int:
    from ..funding.sheets import write_plan_sheet
    store, sid = _ctx(args)
    paths = write_plan_sheet(store, sid, args.out, sign=args.sign)
    _out(f"已生成拟资助项目汇总表{'（已由评审秘书签名）' if args.sign else ''}：")
    for path in paths:
        _out(f"  {path}")
    return 0


def _publish(args) -> int:
    from ..funding.publicity import public_list, start_publicity
    store, sid = _ctx(args)
    info = start_publicity(store, sid, args.start, args.end)
    lines = public_list(store, sid)
    _out(f"拟资助名单已公示：{len(lines)} 项，公示期 {info.start_date} 至 {info.end_date}；"
         f"名单校验码 {info.list_sha256}")
    _out("此后预算、参数和金额锁定，只能通过异议处理变更。")
    return 0


def _public_list(args) -> int:
    from ..funding.sheets import write_public_list
    store, sid = _ctx(args)
    paths = write_public_list(store, sid, args.out)
    _out("已生成名单：")
    for path in paths:
        _out(f"  {path}")
    return 0


def _objection_add(args) -> int:
    from ..funding.publicity import record_objection
    store, sid = _ctx(args)
    oid = record_objection(store, sid, args.application_id, received=args.received, text=args.text)
    _out(f"已登记异议 #{oid}（{args.application_id}，收到日期 {args.received}）")
    return 0


def _objection_decide(args) -> int:
    from ..funding.publicity import OUTCOMES, decide_objection
    store = open_cli_store(args)
    decide_objection(store, args.objection_id, args.outcome, reason=args.reason, amount=args.amount)
    _out(f"异议 #{args.objection_id} 已处理：{OUTCOMES[args.outcome]}"
         + (f"，调整为 {args.amount} 万元" if args.outcome == "adjust" else ""))
    return 0


def _objection_list(args) -> int:
    from ..forms import display
    from ..funding.publicity import OUTCOMES, publicity_info
    store, sid = _ctx(args)
    info = publicity_info(store, sid)
    objs = info.objections if info else ()
    if args.json:
        _out_json([{"id": o.id, "application_id": o.application_id, "received": o.received_date.isoformat(),
                    "text": o.text, "outcome": o.outcome, "amount": None if o.amount is None else display(o.amount),
                    "reason": o.reason, "actor": o.actor,
                    "decided_at": o.decided_at.isoformat() if o.decided_at else None} for o in objs])
        return 0
    if info is None:
        _out("本批次的拟资助名单尚未公示，没有异议。")
        return 0
    if not objs:
        _out("没有异议。")
    for o in objs:
        state = "待处理" if not o.outcome else OUTCOMES[o.outcome] + (
            f" {display(o.amount)} 万元" if o.amount is not None else "") + f"（理由：{o.reason}）"
        _out(f"#{o.id}  {o.application_id}  收到 {o.received_date}  {state}\n    {o.text}")
    return 0


def _freeze(args) -> int:
    from ..funding.publicity import freeze, public_list
    store, sid = _ctx(args)
    info = freeze(store, sid)
    _out(f"已立项：{len(public_list(store, sid))} 项；立项名单校验码 {info.frozen_sha256}")
    return 0
