"""CLI verbs of the roster: ``roster …`` and ``session panel|draw|draws|conflicts|conflict|assign``.

Services are imported inside the handlers so building the parser stays cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .support import json_text, open_cli_store


def register(cmds) -> None:
    top, session = cmds.top, cmds.session
    r = top.add_parser("roster", help="专家库（Excel 导入导出）").add_subparsers(dest="action", required=True)
    p = r.add_parser("import", help="从 Excel（.xlsx）导入或更新专家库；有错误的行跳过并报告")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_roster_import)
    p = r.add_parser("export", help="把专家库导出为 Excel（.xlsx），可修改后再导入")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_roster_export)
    p = r.add_parser("template", help="生成空白专家库模板（含示例行和填写说明）")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_roster_template)
    p = r.add_parser("list", help="列出专家库")
    p.add_argument("--all", action="store_true", help="包括已停用的专家")
    p.set_defaults(handler=_roster_list)
    p = r.add_parser("add", help="新增一位专家（校验同 Excel 导入的一行）")
    _expert_options(p, new=True)
    p.set_defaults(handler=_roster_add)
    p = r.add_parser("edit", help="修改一位专家的信息（只改给出的项）")
    p.add_argument("expert", help="专家编号、内部编号或姓名")
    _expert_options(p, new=False)
    p.set_defaults(handler=_roster_edit)
    for verb, text in (("deactivate", "停用一位专家：保留在专家库中，不再被抽取或加入评审组"),
                       ("activate", "重新启用已停用的专家")):
        p = r.add_parser(verb, help=text)
        p.add_argument("expert", help="专家编号、内部编号或姓名")
        p.add_argument("--reason", default="", help="原因（记入审计日志）")
        p.set_defaults(handler=_roster_activation, active=verb == "activate")

    pn = session.add_parser("panel", help="评审组").add_subparsers(dest="panel_action", required=True)
    p = pn.add_parser("create", help="新建评审组，按指南项目或申报编号指定评审的申报项目")
    p.add_argument("name")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--items", type=int, nargs="+", metavar="项目编号", help="指南项目编号，如 14 15")
    g.add_argument("--apps", nargs="+", metavar="申报编号")
    p.add_argument("--allow-no-review", action="store_true",
                   help="确认将按规则核定、不需再行评审的申报（如项目25）也交本组评审（记入审计日志）")
    _session_arg(p, _panel_create)
    _session_arg(pn.add_parser("list", help="列出本批次评审组"), _panel_list)
    p = pn.add_parser("leader", help="指定组长（须是本组成员）")
    p.add_argument("expert", help="专家编号或姓名")
    _panel_arg(p, _panel_leader)
    p = pn.add_parser("add", help="手动加入评审组成员")
    p.add_argument("experts", nargs="+", help="专家编号或姓名")
    _panel_arg(p, _panel_add)
    p = pn.add_parser("remove", help="移出评审组成员（同时删除其在本组的分配）")
    p.add_argument("expert", help="专家编号或姓名")
    _panel_arg(p, _panel_remove)

    p = session.add_parser("draw", help="从专家库随机抽取评审组专家（可复现）")
    p.add_argument("-n", type=int, required=True, help="抽取人数")
    p.add_argument("--seed", type=int, help="随机种子（默认随机生成并记录）")
    p.add_argument("--fields", nargs="+", metavar="专业领域", help="按指定专业领域匹配（默认按本组申报项目）")
    p.add_argument("--allow-other-panels", action="store_true", help="允许抽取已在本批次其他评审组的专家")
    _panel_arg(p, _draw)
    p = session.add_parser("draws", help="打印本批次的专家抽取记录")
    p.add_argument("--id", type=int, help="只打印一条记录")
    _session_arg(p, _draws)
    p = session.add_parser("conflicts", help="重新检测回避并输出专家×申报项目回避情况")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="包括不在任何评审组的专家")
    _session_arg(p, _conflicts)
    c = session.add_parser("conflict", help="人工回避").add_subparsers(dest="conflict_action", required=True)
    p = c.add_parser("add", help="登记人工回避")
    p.add_argument("--expert", required=True, help="专家编号或姓名")
    p.add_argument("--app", required=True, help="申报编号")
    p.add_argument("--reason", required=True, help="回避原因")
    _session_arg(p, _conflict_add)
    p = c.add_parser("dismiss", help="撤销一条回避（须填写理由）")
    p.add_argument("id", type=int, help="回避记录编号（见 session conflicts）")
    p.add_argument("--reason", required=True)
    _session_arg(p, _conflict_dismiss)
    p = session.add_parser("assign", help="为评审组分配评审任务（替换该组原有分配）")
    p.add_argument("--per-app", type=int, metavar="K", help="每个项目的评审专家人数（默认：组内全部无回避专家）")
    p.add_argument("--seed", type=int, help="随机种子（仅 --per-app 时使用）")
    _panel_arg(p, _assign)


def _session_arg(p, handler) -> None:
    p.add_argument("--session", help="批次编号或名称（默认：最新批次）")
    p.set_defaults(handler=handler)


def _panel_arg(p, handler) -> None:
    p.add_argument("--panel", required=True, help="评审组名称或编号")
    _session_arg(p, handler)


def _store(args):
    return open_cli_store(args)


def _sid(store, args) -> int:
    from ..services.sessions import resolve_session
    return resolve_session(store, args.session)


def _panel(store, args) -> tuple[int, int]:
    from ..roster.panels import resolve_panel
    sid = _sid(store, args)
    return sid, resolve_panel(store, sid, args.panel)


def _expert(store, ref: str) -> int:
    from ..roster.experts import resolve_expert
    return resolve_expert(store, ref)


def _warn(lines) -> None:
    for w in lines:
        print(f"  ！{w}")


# -- roster -------------------------------------------------------------------------------

def _roster_import(args) -> int:
    from ..textsafe import for_terminal
    from ..roster.xlsx import import_roster
    rep = import_roster(_store(args), args.file)
    for e in rep.errors:  # cell text reaches the terminal: escaped (issue 12)
        print(f"[错误] {for_terminal(e.text())}")
    for w in rep.warnings:
        print(f"[提示] {for_terminal(w)}")
    if rep.ignored_columns:
        print(f"[提示] 未识别的列已忽略：{for_terminal('、'.join(rep.ignored_columns))}")
    print(f"专家库导入 {for_terminal(rep.file)}：{rep.summary_zh()}")
    return 1 if rep.errors else 0


def _roster_export(args) -> int:
    from ..roster.xlsx import export_roster
    n = export_roster(_store(args), args.file)
    print(f"已导出 {n} 位专家到 {args.file}")
    return 0


def _roster_template(args) -> int:
    from ..roster.xlsx import save_template
    save_template(args.file)
    print(f"已生成专家库模板 {args.file}")
    return 0


def _roster_list(args) -> int:
    from ..roster.experts import list_experts
    experts = list_experts(_store(args))
    shown = [e for e in experts if e.active or args.all]
    for e in shown:
        extra = f"  领域：{'、'.join(e.fields)}" if e.fields else ""
        avoid = e.avoid_units + e.avoid_persons
        print(f"{e.roster_key}  {e.name}  {e.unit}  {e.title}{extra}" + (f"  回避：{'、'.join(avoid)}" if avoid else "")
              + ("" if e.active else "  [已停用]"))
    off = sum(not e.active for e in experts)
    print(f"共 {len(experts)} 位专家" + (f"（其中已停用 {off} 位{'' if args.all else '，未列出；--all 列出全部'}）" if off else ""))
    return 0


# (option, value key, help) of one expert's values: the columns of the roster workbook.
_EXPERT_OPTIONS = (("--key", "roster_key", "专家编号（新增时留空则按姓名与手机/单位生成）"),
                   ("--name", "name", "姓名"), ("--unit", "unit", "工作单位全称"),
                   ("--credit-code", "credit_code", "单位统一社会信用代码"), ("--title", "title", "职称"),
                   ("--fields", "fields", "专业领域，多个用；分隔"), ("--phone", "phone", "手机"),
                   ("--email", "email", "电子邮箱"), ("--avoid-units", "avoid_units", "回避单位，多个用；分隔"),
                   ("--avoid-persons", "avoid_persons", "回避人员，多个用；分隔"))


def _expert_options(p, new: bool) -> None:
    for opt, key, text in _EXPERT_OPTIONS:
        if key == "roster_key" and not new:
            continue
        p.add_argument(opt, dest=f"v_{key}", required=new and key in ("name", "unit"), help=text)


def _expert_values(args) -> dict:
    return {key: getattr(args, f"v_{key}") for _o, key, _t in _EXPERT_OPTIONS
            if getattr(args, f"v_{key}", None) is not None}


def _expert_line(e) -> str:
    from ..textsafe import for_terminal
    return for_terminal(f"{e.roster_key}  {e.name}  {e.unit}" + ("" if e.active else "  [已停用]"))


def _roster_add(args) -> int:
    from ..roster.edit import add_expert
    e = add_expert(_store(args), _expert_values(args))
    print(f"已新增专家：{_expert_line(e)}")
    return 0


def _roster_edit(args) -> int:
    from ..roster.edit import update_expert
    from ..roster.experts import resolve_expert
    store = _store(args)
    values = _expert_values(args)
    if not values:
        print("错误：没有要修改的项（如 --phone 13800000000）", file=sys.stderr)
        return 2
    e = update_expert(store, resolve_expert(store, args.expert), values)
    print(f"已修改专家：{_expert_line(e)}")
    return 0


def _roster_activation(args) -> int:
    from ..roster.edit import set_expert_active
    from ..roster.experts import resolve_expert
    store = _store(args)
    e = set_expert_active(store, resolve_expert(store, args.expert), args.active, args.reason)
    print(f"已{'启用' if args.active else '停用'}专家：{_expert_line(e)}")
    return 0


# -- panels -------------------------------------------------------------------------------

def _panel_create(args) -> int:
    from ..roster.panels import create_panel, get_panel, validate_panel
    store = _store(args)
    notes: list[str] = []
    pid = create_panel(store, _sid(store, args), args.name, items=args.items, application_ids=args.apps, notes=notes,
                       allow_no_review=args.allow_no_review)
    info = get_panel(store, pid)
    print(f"已创建评审组 {pid}：{info.name}（{len(info.applications)} 个申报项目："
          f"{'、'.join(a.application_id for a in info.applications)}）")
    _warn(notes)  # formal-check: excluded packages skipped, undecided ones let in
    if args.allow_no_review:  # rule-route items let in after confirmation: say which
        _warn([m.render("zh_CN") for m in validate_panel(store, pid).msgs if m.key == "routing.in_panel"])
    return 0


def _panel_list(args) -> int:
    from ..roster.panels import list_panels, validate_panel
    store = _store(args)
    panels = list_panels(store, _sid(store, args))
    for p in panels:
        leader = next((m.name for m in p.members if m.is_leader), "未指定")
        per = f"每项 {p.reviewers_per_app} 人，种子 {p.assign_seed}" if p.reviewers_per_app else "全员评审"
        print(f"评审组 {p.id}：{p.name}  申报项目 {len(p.applications)} 个，专家 {len(p.members)} 人，组长 {leader}，"
              f"分配 {p.assignments} 条" + (f"（{per}）" if p.assignments else ""))
        print(f"  申报项目：{'、'.join(a.application_id for a in p.applications) or '无'}")
        members = "、".join(f"{m.roster_key} {m.name}" + ("（组长）" if m.is_leader else "") for m in p.members)
        print(f"  成员：{members or '无'}")
        check = validate_panel(store, p.id)
        _warn(check.errors + check.warnings + check.formal)
    if not panels:
        print("本批次还没有评审组")
    return 0


def _panel_leader(args) -> int:
    from ..roster.panels import set_leader
    store = _store(args)
    _, pid = _panel(store, args)
    set_leader(store, pid, _expert(store, args.expert))
    print(f"已指定 {args.expert} 为评审组“{args.panel}”组长")
    return 0


def _panel_add(args) -> int:
    from ..roster.panels import add_members
    store = _store(args)
    _, pid = _panel(store, args)
    warnings = add_members(store, pid, [_expert(store, e) for e in args.experts])
    print(f"已加入评审组“{args.panel}”：{'、'.join(args.experts)}")
    _warn(warnings)
    return 0


def _panel_remove(args) -> int:
    from ..roster.panels import remove_member
    store = _store(args)
    _, pid = _panel(store, args)
    warnings = remove_member(store, pid, _expert(store, args.expert))
    print(f"已将 {args.expert} 移出评审组“{args.panel}”")
    _warn(warnings)
    return 0


# -- draw, conflicts, assignment ----------------------------------------------------------

def _draw(args) -> int:
    from ..roster.draw import draw_experts, draw_record_text
    from ..roster.panels import validate_panel
    store = _store(args)
    sid, pid = _panel(store, args)
    res = draw_experts(store, sid, pid, args.n, seed=args.seed, fields=args.fields,
                       allow_other_panels=args.allow_other_panels)
    print(draw_record_text(store, res.draw_id))
    _warn(validate_panel(store, pid).warnings)
    return 0


def _draws(args) -> int:
    from ..roster.draw import draw_record_text, list_draws
    store = _store(args)
    ids = [args.id] if args.id else [d["id"] for d in list_draws(store, _sid(store, args))]
    print("\n\n".join(draw_record_text(store, i) for i in ids) or "本批次还没有抽取记录")
    return 0


def _conflicts(args) -> int:
    from ..roster.conflicts import SOURCE_ZH, conflict_matrix, detect_conflicts
    store = _store(args)
    sid = _sid(store, args)
    from ..services.sessions import get_session
    # A finalised session is shown as it was decided; its conflicts are no longer re-detected.
    summary = detect_conflicts(store, sid) if get_session(store, sid).state == "open" else None
    m = conflict_matrix(store, sid, all_experts=args.all)
    if args.json:
        print(json_text(m))  # JSON-escaped where a terminal would act (issue 12)
        return 0
    if summary is None:
        print("评审批次已定稿：以下为定稿时的回避记录，未重新检测")
    else:
        # Count what is listed below (panel members, or everyone with --all), and say how many more exist.
        listed, ldis = len(m["conflicts"]), len(m["dismissed"])
        rest = summary.active - listed + summary.dismissed - ldis
        print(f"回避检测：新增 {summary.added}，移除 {summary.removed}；"
              f"下列专家有效回避 {listed} 条，已撤销 {ldis} 条"
              + (f"（另有 {rest} 条涉及未入组的专家，加 --all 列出）" if rest > 0 else ""))
    print(f"专家 {len(m['experts'])} 位 × 申报项目 {len(m['applications'])} 个：")
    for e, row in zip(m["experts"], m["matrix"], strict=True):
        hit = [a["application_id"] for a, cell in zip(m["applications"], row, strict=True) if cell]
        print(f"  {e['roster_key']} {e['name']}（{e['unit']}）：" + (f"回避 {'、'.join(hit)}" if hit else "无回避"))
    who = {e["id"]: f"{e['roster_key']} {e['name']}" for e in m["experts"]}
    for c in m["conflicts"]:
        print(f"[回避 #{c['id']}] {who[c['expert_id']]} × {c['application_id']}：{c['reason']}（{SOURCE_ZH[c['source']]}）")
    for c in m["dismissed"]:
        print(f"[已撤销 #{c['id']}] {who[c['expert_id']]} × {c['application_id']}：{c['reason']}"
              f"（撤销理由：{c['dismiss_reason']}）")
    return 0


def _conflict_add(args) -> int:
    from ..roster.conflicts import add_conflict
    store = _store(args)
    cid = add_conflict(store, _sid(store, args), _expert(store, args.expert), args.app, args.reason)
    print(f"已登记回避 #{cid}：{args.expert} × {args.app}（{args.reason}）")
    return 0


def _conflict_dismiss(args) -> int:
    from ..roster.conflicts import dismiss_conflict
    dismiss_conflict(_store(args), args.id, args.reason)
    print(f"已撤销回避 #{args.id}（理由：{args.reason}）")
    return 0


def _assign(args) -> int:
    from ..roster.panels import assign, get_panel
    store = _store(args)
    _, pid = _panel(store, args)
    res = assign(store, pid, args.per_app, args.seed)
    names = {m.expert_id: m.name for m in get_panel(store, pid).members}
    how = f"每项 {res.reviewers_per_app} 人，随机种子 {res.seed}" if res.reviewers_per_app else "组内无回避专家全部评审"
    print(f"评审组“{args.panel}”分配完成（{how}）：")
    for app, experts in res.assignments.items():
        recused = res.recused.get(app)
        print(f"  {app}：{'、'.join(names[e] for e in experts) or '无'}"
              + (f"（回避：{'、'.join(names[e] for e in recused)}）" if recused else ""))
    print("  工作量：" + "、".join(f"{names[e]} {n}" for e, n in sorted(res.loads.items(), key=lambda x: names[x[0]])))
    _warn(res.warnings)
    return 1 if res.short else 0
