"""CLI verbs of the formal-check decisions (形式审查结论): ``session decide|manual-check|decisions``."""

from __future__ import annotations

from ..textsafe import for_terminal
from .support import err, open_cli_store, out, out_json


def register(cmds) -> None:
    s = cmds.session
    sd = s.add_parser("decide", help="登记形式审查结论：通过 / 不予受理（与机器结论不同时须填写理由）；--clear 撤销")
    sd.add_argument("application_id", metavar="APP_ID")
    g = sd.add_mutually_exclusive_group(required=True)
    g.add_argument("--accept", dest="decision", action="store_const", const="accepted", help="通过")
    g.add_argument("--exclude", dest="decision", action="store_const", const="excluded", help="不予受理")
    g.add_argument("--clear", dest="decision", action="store_const", const="", help="撤销已登记的结论（须填理由）")
    sd.add_argument("--reason", default="", help="理由（不予受理、机器结论未通过而确认通过、撤销时必填）")
    sd.add_argument("--session")
    sd.set_defaults(handler=_decide)
    sm = s.add_parser("manual-check", help="勾选核对清单中的一项人工核对要求，可附备注")
    sm.add_argument("application_id", metavar="APP_ID")
    sm.add_argument("rule_id", metavar="RULE_ID")
    g = sm.add_mutually_exclusive_group(required=True)
    g.add_argument("--tick", dest="ticked", action="store_true", default=None, help="已核对")
    g.add_argument("--untick", dest="ticked", action="store_false", help="取消勾选")
    sm.add_argument("--note", help="核对备注（不给出时保留原备注）")
    sm.add_argument("--session")
    sm.set_defaults(handler=_manual_check)
    sl = s.add_parser("decisions", help="列出每个申报包的机器结论、形式审查结论、理由与核对清单进度")
    sl.add_argument("--json", action="store_true")
    sl.add_argument("-v", "--verbose", action="store_true", help="也列出核对清单的每一项与备注")
    sl.add_argument("--session")
    sl.set_defaults(handler=_decisions)


def _t(value) -> str:
    """One value from outside (title, note) inside a line: no line breaks or escape sequences of its own."""
    return for_terminal(value)


def _ctx(args):
    from ..services.sessions import resolve_session
    store = open_cli_store(args)
    return store, resolve_session(store, args.session)


def _decide(args) -> int:
    from ..services import formal
    store, sid = _ctx(args)
    st = formal.decide(store, sid, args.application_id, args.decision, args.reason)
    if args.decision:
        out(f"已登记 {st.application_id} 形式审查结论：{st.label}" + (f"（理由：{st.reason}）" if st.reason else ""))
        if args.decision == formal.ACCEPTED and st.ticks_done < st.ticks_total:
            err(f"提示：核对清单尚有 {st.ticks_total - st.ticks_done} 项未勾选"
                f"（nn-review session manual-check {st.application_id} RULE_ID --tick）")
    else:
        out(f"已撤销 {st.application_id} 的形式审查结论（理由：{args.reason.strip()}），现为：{st.label}")
    return 0


def _manual_check(args) -> int:
    from ..services import formal
    store, sid = _ctx(args)
    item = formal.set_manual_check(store, sid, args.application_id, args.rule_id, args.ticked, args.note)
    mark = "☑ 已核对" if item.ticked else "☐ 未核对"
    out(f"{args.application_id} [{item.rule_id}] {mark}" + (f"（备注：{item.note}）" if item.note else ""))
    return 0


def _decisions(args) -> int:
    from ..services import formal
    store, sid = _ctx(args)
    rep = formal.decisions_report(store, sid)
    if args.json:
        out_json(rep)
        return 0
    for p in rep["packages"]:
        mc = p["manual_checks"]
        ticks = f"  核对清单 {mc['done']}/{mc['total']}" if mc["total"] else ""
        reason = f"  理由：{_t(p['reason'])}" if p["reason"] else ""
        out(f"{p['application_id']}  {p['label']}{reason}{ticks}  {_t(p['title'])}")
        for m in mc["items"] if args.verbose else ():
            out(f"    {'☑' if m['ticked'] else '☐'} [{m['rule_id']}] {m['message']}"
                + (f"（备注：{_t(m['note'])}）" if m["note"] else ""))
    s = rep["summary"]
    out(f"\n共 {s['total']} 个：通过 {s['accepted']}，不予受理 {s['excluded']}，未确认 {s['undecided']}"
        f"（其中机器结论未通过、待确认 {s['needs_decision']}）")
    return 0
