"""CLI verb ``package check`` (no store), and the printed check report ``session checks`` shares."""

from __future__ import annotations

from pathlib import Path

from ..textsafe import for_terminal
from .support import err, out, out_json

MARK = {"pass": "✓", "fail": "✗", "not_declared": "?", "manual": "☐"}


def register(cmds) -> None:
    pk = cmds.top.add_parser("package", help="申报包").add_subparsers(dest="action", required=True)
    pc = pk.add_parser("check", help="不入库，直接对申报包做格式校验与形式审查")
    pc.add_argument("files", nargs="+", type=Path)
    pc.add_argument("--guide", default="nanning-seed", help="指南版本名或指南 JSON 文件")
    pc.add_argument("--json", action="store_true")
    pc.add_argument("-v", "--verbose", action="store_true", help="也列出通过的审查项")
    pc.set_defaults(handler=_package)


def _t(value) -> str:
    """One value from outside (file name, entry name, title) inside a line: no line breaks or
    escape sequences of its own."""
    return for_terminal(value)


def _package(args) -> int:
    from ..guide import load_guide
    from ..services.check_report import check_files, exit_code
    from ..services.guides import builtin_guide
    g = Path(args.guide)
    guide = load_guide(g) if g.suffix == ".json" and g.is_file() else builtin_guide(args.guide)
    rep = check_files(guide, args.files)
    if not rep["packages"]:
        err("错误：没有找到申报包（.nnpkg / .zip）")
        return 2
    if args.json:
        out_json(rep)
    else:
        print_check_report(rep, args.verbose)
    return exit_code(rep)


def print_check_report(rep: dict, verbose: bool) -> None:
    """A check report (``nn-review/check-report/1``) as text: per package its verdict and the
    findings that need attention (``verbose``: all of them)."""
    from ..checks.engine import STATUS_ZH, VERDICT_ZH
    for p in rep["packages"]:
        if p["status"] == "refused":
            r = p["refusal"]
            where = f"{_t(r['field'])}：" if r["field"] else ""
            out(f"[拒收] {_t(p['file'])}\n    {where}{_t(r['message'])}  ({r['code']})")
            continue
        item = f"项目{p['guide_item']}" + (f" 方向{p['direction']}" if p["direction"] else "") \
            if p["kind"] == "project" else {"consortium_recognition": "创新联合体认定",
                                            "consortium_evaluation": "创新联合体评估"}[p["kind"]]
        out(f"[{VERDICT_ZH[p['verdict']]}] {p['application_id']}  {_t(p['title'])}（{item}，{_t(p['applicant'])}）")
        out(f"    文件：{_t(p['file'])}")
        for w in p["warnings"]:
            out(f"    ! {_t(w)}")
        if p.get("decision"):
            out(f"    形式审查结论：{_decision_line(p['verdict'], p['decision'])}")
        for f in p["findings"]:
            if verbose or f["status"] != "pass" and f["severity"] != "info":
                out(f"    {MARK[f['status']]} [{f['rule_id']}] {STATUS_ZH[f['status']]}：{f['message']}")
    s = rep["summary"]
    out(f"\n共 {s['total']} 个：通过 {s['pass']}，不通过 {s['fail']}，待核实 {s['attention']}，拒收 {s['refused']}")


def _decision_line(verdict: str, d: dict) -> str:
    text = d["label"]
    if d["reason"]:
        text += f"（理由：{d['reason']}）"
    mc = d["manual_checks"]
    if mc["total"]:
        text += f"  核对清单 {mc['done']}/{mc['total']}"
    return text
