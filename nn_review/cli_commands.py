"""Implementation of the CLI verbs (thin: parse → call a service → print)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .checks.engine import STATUS_ZH, VERDICT_ZH
from .cli_support import err as _err
from .cli_support import out as _out
from .cli_support import out_json as _out_json
from .guide import GuideError, load_guide
from .paths import default_store, demo_store
from .cli_support import open_cli_store as _store
from .store import StoreError
from .textsafe import for_terminal

MARK = {"pass": "✓", "fail": "✗", "not_declared": "?", "manual": "☐"}


def _t(value) -> str:
    """One value from outside (file name, entry name, title) inside a line: no line breaks or
    escape sequences of its own."""
    return for_terminal(value)


def run(args) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if hasattr(args, "lang") and args.lang is None:
        args.lang = _ui_language()  # no --lang: the language chosen in Settings (GUI and expert GUI)
    try:
        if args.cmd is None:
            return _gui(args)
        if getattr(args, "open_files", None):
            _err("错误：要打开的文件（.nnpkg/.nnrb/.nnscore）只能用于图形界面，不能与子命令一起使用")
            return 2
        if getattr(args, "handler", None):
            return args.handler(args)
        return {"guide": _guide, "package": _package, "session": _session}[args.cmd](args)
    except (StoreError, GuideError) as e:
        _err(f"错误：{e}")
        return 2


def _ui_language() -> str:
    try:
        from ui.settings_dialog import preferred_language
    except ImportError:  # no Qt: only CLI verbs can run anyway
        return "zh_CN"
    return preferred_language()


def _gui(args) -> int:
    from ui.app import run_gui
    path = args.store or (demo_store() if args.demo else default_store())
    if args.demo:
        from .demo.store import ensure_demo_store
        ensure_demo_store(path)
    return run_gui(path, lang=args.lang, open_files=getattr(args, "open_files", []),
                   smoke_exit=getattr(args, "smoke_exit", False))


# -- guide --------------------------------------------------------------------------------

def _guide(args) -> int:
    from .services import guides
    if args.action == "import":
        info = guides.import_guide(_store(args), args.file)
        _out(f"已导入指南 {info.edition} v{info.version}：{info.title}（{info.items} 个项目）")
        return 0
    if args.store or default_store().exists():
        store = _store(args)
        editions = guides.list_editions(store)
        get = lambda e: guides.get_guide(store, e)  # noqa: E731
    else:
        files = [load_guide(p) for p in __import__("nn_review.guide", fromlist=["x"]).builtin_guide_files()]
        editions = files
        get = lambda e: guides.builtin_guide(e)  # noqa: E731
    if args.action == "list":
        for ed in editions:
            _out(f"{ed.edition} v{ed.version}  {ed.title}")
            guide = get(ed.edition)
            for pt in guide.plan_types:
                _out(f"  {pt.name}（项目{pt.first}–{pt.last}）")
                for item in guide.items[pt.first - 1:pt.last]:
                    rules = sum(r.is_machine for r in guide.requirements_for(item, None)) + sum(
                        r.is_machine and r.directions is not None for r in item.requirements)
                    _out(f"    项目{item.number:<3}{item.title}  [方向 {len(item.directions)}，机器规则 {rules}]")
        return 0
    guide = get(args.edition)
    item = guide.item(args.item)
    if item is None:
        _err(f"错误：指南 {guide.edition} 没有项目{args.item}（1–{len(guide.items)}）")
        return 2
    if args.json:
        _out_json(guide.raw["items"][item.number - 1])
        return 0
    pt = guide.plan_type(item.plan_type)
    _out(f"项目{item.number}：{item.title}（{pt.name}，指南 {guide.edition} v{guide.version}）")
    if item.intro:
        _out(f"  {item.intro}")
    for d in item.directions:
        _out(f"  方向{d.number}：{d.title}")
        _out(f"      {d.text}")
    _out("  申报要求：")
    for r in list(pt.requirements) + list(item.requirements):
        scope = f"（方向{'、'.join(map(str, r.directions))}）" if r.directions else ""
        kind = "机器规则" if r.is_machine else "人工核对"
        _out(f"  [{r.id}] {kind}{scope} {r.text}")
        if r.rule:
            _out(f"      规则：{json.dumps(r.rule, ensure_ascii=False)}")
    return 0


# -- package check ------------------------------------------------------------------------

def _package(args) -> int:
    from .services.check_report import check_files, exit_code
    from .services.guides import builtin_guide
    g = Path(args.guide)
    guide = load_guide(g) if g.suffix == ".json" and g.is_file() else builtin_guide(args.guide)
    rep = check_files(guide, args.files)
    if not rep["packages"]:
        _err("错误：没有找到申报包（.nnpkg / .zip）")
        return 2
    if args.json:
        _out_json(rep)
    else:
        _print_report(rep, args.verbose)
    return exit_code(rep)


def _print_report(rep: dict, verbose: bool) -> None:
    for p in rep["packages"]:
        if p["status"] == "refused":
            r = p["refusal"]
            where = f"{_t(r['field'])}：" if r["field"] else ""
            _out(f"[拒收] {_t(p['file'])}\n    {where}{_t(r['message'])}  ({r['code']})")
            continue
        item = f"项目{p['guide_item']}" + (f" 方向{p['direction']}" if p["direction"] else "") \
            if p["kind"] == "project" else {"consortium_recognition": "创新联合体认定",
                                            "consortium_evaluation": "创新联合体评估"}[p["kind"]]
        _out(f"[{VERDICT_ZH[p['verdict']]}] {p['application_id']}  {_t(p['title'])}（{item}，{_t(p['applicant'])}）")
        _out(f"    文件：{_t(p['file'])}")
        for w in p["warnings"]:
            _out(f"    ! {_t(w)}")
        if p.get("decision"):
            _out(f"    形式审查结论：{_decision_line(p['verdict'], p['decision'])}")
        for f in p["findings"]:
            if verbose or f["status"] != "pass" and f["severity"] != "info":
                _out(f"    {MARK[f['status']]} [{f['rule_id']}] {STATUS_ZH[f['status']]}：{f['message']}")
    s = rep["summary"]
    _out(f"\n共 {s['total']} 个：通过 {s['pass']}，不通过 {s['fail']}，待核实 {s['attention']}，拒收 {s['refused']}")


# -- session ------------------------------------------------------------------------------

def _session(args) -> int:
    from .services import sessions
    store = _store(args)
    if args.action == "create":
        sid = sessions.create_session(store, args.name, edition=args.guide, start=args.start, end=args.end,
                                      form=args.form)
        _out(f"已创建评审批次 {sid}：{args.name}")
        return 0
    if args.action == "list":
        for i in sessions.list_sessions(store):
            span = f"{i.start_date or ''}–{i.end_date or ''}" if i.start_date or i.end_date else ""
            _out(f"{i.id:>3}  {i.name}  {span}  指南 {i.edition} v{i.edition_version}  {i.form_template}  "
                 f"{i.applications} 个申报包  [{'进行中' if i.state == 'open' else '已定稿'}]")
        return 0
    sid = sessions.resolve_session(store, args.session)
    if args.action == "import":
        return _import(store, sid, args)
    if args.action == "remove":
        from .services.importer import remove_application
        remove_application(store, sid, args.application_id)
        _out(f"已移除 {args.application_id}")
        return 0
    if args.action in ("decide", "manual-check", "decisions"):
        return _formal(store, sid, args)
    from .checks.engine import FindingData
    from .services.check_report import exit_code, package_entry, report
    from .services.checks import recheck, run_checks
    from .services.guides import guide_for_session
    from .services.queries import application_detail, list_applications
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
        _err("注意：本批次已定稿，形式审查结果已冻结（评审表所载为定稿时的结果）；以下为只读复核，未写入存储。"
              + (f"复核结果与定稿时不同的申报：{'、'.join(fresh.changed)}" if fresh.changed
                 else "复核结果与定稿时一致。"))
    if args.json:
        _out_json(rep)
    else:
        _print_report(rep, args.verbose)
    return exit_code(rep)


def _import(store, sid: int, args) -> int:
    from .services.importer import OUTCOME_ZH, import_packages

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{done * 100 // total:3d}%  {_t(name)[:60]:<60}", end="", file=sys.stderr, flush=True)

    rep = import_packages(store, sid, args.files, replace=args.replace, progress=progress,
                          on_wait=lambda msg: print(msg, file=sys.stderr, flush=True))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for r in rep.results:
        where = f"{_t(r.field)}：" if r.field else ""
        _out(f"[{OUTCOME_ZH[r.outcome]}] {_t(r.file)}  {where}{_t(r.message)}")
        for w in r.warnings:
            _out(f"    ! {_t(w)}")
    _out(rep.summary_zh())
    return 2 if rep.counts["refused"] or rep.counts["failed"] else 0


# -- formal-check decisions ----------------------------------------------------------------

def _decision_line(verdict: str, d: dict) -> str:
    text = d["label"]
    if d["reason"]:
        text += f"（理由：{d['reason']}）"
    mc = d["manual_checks"]
    if mc["total"]:
        text += f"  核对清单 {mc['done']}/{mc['total']}"
    return text


def _formal(store, sid: int, args) -> int:
    from .services import formal
    if args.action == "decide":
        st = formal.decide(store, sid, args.application_id, args.decision, args.reason)
        if args.decision:
            _out(f"已登记 {st.application_id} 形式审查结论：{st.label}" + (f"（理由：{st.reason}）" if st.reason else ""))
            if args.decision == formal.ACCEPTED and st.ticks_done < st.ticks_total:
                _err(f"提示：核对清单尚有 {st.ticks_total - st.ticks_done} 项未勾选"
                     f"（nn-review session manual-check {st.application_id} RULE_ID --tick）")
        else:
            _out(f"已撤销 {st.application_id} 的形式审查结论（理由：{args.reason.strip()}），现为：{st.label}")
        return 0
    if args.action == "manual-check":
        item = formal.set_manual_check(store, sid, args.application_id, args.rule_id, args.ticked, args.note)
        mark = "☑ 已核对" if item.ticked else "☐ 未核对"
        _out(f"{args.application_id} [{item.rule_id}] {mark}" + (f"（备注：{item.note}）" if item.note else ""))
        return 0
    rep = formal.decisions_report(store, sid)
    if args.json:
        _out_json(rep)
        return 0
    for p in rep["packages"]:
        mc = p["manual_checks"]
        ticks = f"  核对清单 {mc['done']}/{mc['total']}" if mc["total"] else ""
        reason = f"  理由：{_t(p['reason'])}" if p["reason"] else ""
        _out(f"{p['application_id']}  {p['label']}{reason}{ticks}  {_t(p['title'])}")
        for m in mc["items"] if args.verbose else ():
            _out(f"    {'☑' if m['ticked'] else '☐'} [{m['rule_id']}] {m['message']}"
                 + (f"（备注：{_t(m['note'])}）" if m["note"] else ""))
    s = rep["summary"]
    _out(f"\n共 {s['total']} 个：通过 {s['accepted']}，不予受理 {s['excluded']}，未确认 {s['undecided']}"
         f"（其中机器结论未通过、待确认 {s['needs_decision']}）")
    return 0
