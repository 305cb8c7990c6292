"""CLI verbs of a review session: ``session create|list|status|import|checks|remove``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..textsafe import for_terminal
from .support import err, open_cli_store, out, out_json, parse_date


def register(cmds) -> None:
    s = cmds.session
    sc = s.add_parser("create", help="新建评审批次")
    sc.add_argument("name")
    sc.add_argument("--guide", default="nanning-seed")
    sc.add_argument("--start", type=parse_date)
    sc.add_argument("--end", type=parse_date)
    sc.add_argument("--form", default="form-a", choices=["form-a", "form-b"])
    sc.set_defaults(handler=_create)
    s.add_parser("list", help="列出评审批次").set_defaults(handler=_list)
    st = s.add_parser("status", help="评审进度：八个步骤各自的完成情况和下一步")
    st.add_argument("--session", help="批次编号或名称（默认：最新批次）")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=_status)
    si = s.add_parser("import", help="导入申报包（文件或文件夹）")
    si.add_argument("files", nargs="+", type=Path)
    si.add_argument("--session", help="批次编号或名称（默认：最新批次）")
    si.add_argument("--replace", action="store_true", help="同一申报编号已存在时替换")
    si.set_defaults(handler=_import)
    sk = s.add_parser("checks", help="重新运行并输出形式审查结果")
    sk.add_argument("--session")
    sk.add_argument("--json", action="store_true")
    sk.add_argument("-v", "--verbose", action="store_true")
    sk.set_defaults(handler=_checks)
    sr = s.add_parser("remove", help="从批次中移除一个申报包")
    sr.add_argument("application_id")
    sr.add_argument("--session")
    sr.set_defaults(handler=_remove)


def _t(value) -> str:
    """One value from outside (file name, entry name, title) inside a line: no line breaks or
    escape sequences of its own."""
    return for_terminal(value)


def _create(args) -> int:
    from ..services.sessions import create_session
    sid = create_session(open_cli_store(args), args.name, edition=args.guide, start=args.start, end=args.end,
                         form=args.form)
    out(f"已创建评审批次 {sid}：{args.name}")
    return 0


def _list(args) -> int:
    from ..services.sessions import list_sessions
    for i in list_sessions(open_cli_store(args)):
        span = f"{i.start_date or ''}–{i.end_date or ''}" if i.start_date or i.end_date else ""
        out(f"{i.id:>3}  {i.name}  {span}  指南 {i.edition} v{i.edition_version}  {i.form_template}  "
            f"{i.applications} 个申报包  [{'进行中' if i.state == 'open' else '已定稿'}]")
    return 0


def _status(args) -> int:
    """Where the session stands (the same as the GUI's start panel); no session yet is a state, not an error."""
    from ..progress import CURRENT, DONE, session_progress
    from ..services.sessions import list_sessions, resolve_session
    store = open_cli_store(args)
    sid = resolve_session(store, args.session) if args.session or list_sessions(store) else None
    prog = session_progress(store, sid)
    if args.json:
        out_json(prog.to_json())
        return 0
    for i, st in enumerate(prog.steps, 1):
        mark = {DONE: "[完成]", CURRENT: "[当前]"}.get(st.state, "[待办]")
        out(f"{mark} {i}. {st.title.render('zh_CN')}：{_t(st.detail.render('zh_CN'))}")
    cur = prog.current
    out(f"下一步：{cur.title.render('zh_CN')}" if cur else "本批次各步骤均已完成")
    return 0


def _remove(args) -> int:
    from ..services.importer import remove_application
    from ..services.sessions import resolve_session
    store = open_cli_store(args)
    remove_application(store, resolve_session(store, args.session), args.application_id)
    out(f"已移除 {args.application_id}")
    return 0


def _checks(args) -> int:
    from ..checks.engine import FindingData
    from ..services import sessions
    from ..services.check_report import exit_code, package_entry, report
    from ..services.checks import recheck, run_checks
    from ..services.guides import guide_for_session
    from ..services.queries import application_detail, list_applications
    from .cmd_package import print_check_report
    store = open_cli_store(args)
    sid = sessions.resolve_session(store, args.session)
    # A finalised session's findings are frozen (the signed sheets print them): re-check read-only.
    frozen = next(i.state != "open" for i in sessions.list_sessions(store) if i.id == sid)
    fresh = recheck(store, sid) if frozen else None
    if not frozen:
        run_checks(store, sid)
    entries = []
    for row in list_applications(store, sid):
        d = application_detail(store, sid, row.application_id)
        found = fresh.findings[row.pk] if fresh else [FindingData(**f.__dict__) for f in d.findings]
        entry = package_entry(d.source_name, d.manifest, found, d.warnings)
        entry["decision"] = d.formal.decision_json()  # the secretary's 形式审查结论 (added field)
        entries.append(entry)
    rep = report(guide_for_session(store, sid), entries)
    if fresh:
        err("注意：本批次已定稿，形式审查结果已冻结（评审表所载为定稿时的结果）；以下为只读复核，未写入存储。"
            + (f"复核结果与定稿时不同的申报：{'、'.join(fresh.changed)}" if fresh.changed
               else "复核结果与定稿时一致。"))
    if args.json:
        out_json(rep)
    else:
        print_check_report(rep, args.verbose)
    return exit_code(rep)


def _import(args) -> int:
    from ..services.importer import OUTCOME_ZH, import_packages
    from ..services.sessions import resolve_session
    store = open_cli_store(args)
    sid = resolve_session(store, args.session)

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{done * 100 // total:3d}%  {_t(name)[:60]:<60}", end="", file=sys.stderr, flush=True)

    rep = import_packages(store, sid, args.files, replace=args.replace, progress=progress,
                          on_wait=lambda msg: print(msg, file=sys.stderr, flush=True))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for r in rep.results:
        where = f"{_t(r.field)}：" if r.field else ""
        out(f"[{OUTCOME_ZH[r.outcome]}] {_t(r.file)}  {where}{_t(r.message)}")
        for w in r.warnings:
            out(f"    ! {_t(w)}")
    out(rep.summary_zh())
    return 2 if rep.counts["refused"] or rep.counts["failed"] else 0
