"""``nn-review``: the GUI with no sub-command; every secretary operation as a CLI verb."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .buildinfo import version_text


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD，实际为 {s!r}") from None


# Modules under nn_review/ with add_commands(top_level_subparsers, session_subparsers).
PLUGINS: list[str] = ["roster.cli", "exchange.cli", "expert.cli", "results.cli", "demo.cli", "keys_cli"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nn-review", description="南宁市科技计划项目评审系统（离线）")
    p.add_argument("--version", action="version", version=version_text())
    p.add_argument("--store", type=Path, help="存储目录（默认：用户数据目录）")
    p.add_argument("--demo", action="store_true", help="打开演示存储（为空时自动生成演示批次）")
    p.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言（默认：设置中所选，初始为简体中文）")
    # Files to open in the GUI (`nn-review FILE.nnpkg`, file associations) are taken out of argv
    # before parsing (nn_review/open_args.py); this only documents them in --help.
    p.epilog = ("nn-review [选项] 文件…：在界面中打开申报包（.nnpkg，导入当前批次）、"
                "评分文件（.nnscore）或评审包（.nnrb）")
    p.add_argument("--smoke-exit", action="store_true", help=argparse.SUPPRESS)  # quit once the window is up
    sub = p.add_subparsers(dest="cmd")

    g = sub.add_parser("guide", help="申报指南目录").add_subparsers(dest="action", required=True)
    g.add_parser("list", help="列出指南版本与项目")
    gs = g.add_parser("show", help="显示一个指南项目（方向、申报要求、机器规则）")
    gs.add_argument("item", type=int)
    gs.add_argument("--edition", default="nanning-seed")
    gs.add_argument("--json", action="store_true")
    gi = g.add_parser("import", help="导入新的指南版本文件（JSON）")
    gi.add_argument("file", type=Path)

    pk = sub.add_parser("package", help="申报包").add_subparsers(dest="action", required=True)
    pc = pk.add_parser("check", help="不入库，直接对申报包做格式校验与形式审查")
    pc.add_argument("files", nargs="+", type=Path)
    pc.add_argument("--guide", default="nanning-seed", help="指南版本名或指南 JSON 文件")
    pc.add_argument("--json", action="store_true")
    pc.add_argument("-v", "--verbose", action="store_true", help="也列出通过的审查项")

    s = sub.add_parser("session", help="评审批次").add_subparsers(dest="action", required=True)
    sc = s.add_parser("create", help="新建评审批次")
    sc.add_argument("name")
    sc.add_argument("--guide", default="nanning-seed")
    sc.add_argument("--start", type=_date)
    sc.add_argument("--end", type=_date)
    sc.add_argument("--form", default="form-a", choices=["form-a", "form-b"])
    s.add_parser("list", help="列出评审批次")
    si = s.add_parser("import", help="导入申报包（文件或文件夹）")
    si.add_argument("files", nargs="+", type=Path)
    si.add_argument("--session", help="批次编号或名称（默认：最新批次）")
    si.add_argument("--replace", action="store_true", help="同一申报编号已存在时替换")
    sk = s.add_parser("checks", help="重新运行并输出形式审查结果")
    sk.add_argument("--session")
    sk.add_argument("--json", action="store_true")
    sk.add_argument("-v", "--verbose", action="store_true")
    sr = s.add_parser("remove", help="从批次中移除一个申报包")
    sr.add_argument("application_id")
    sr.add_argument("--session")
    sd = s.add_parser("decide", help="登记形式审查结论：通过 / 不予受理（与机器结论不同时须填写理由）；--clear 撤销")
    sd.add_argument("application_id", metavar="APP_ID")
    g = sd.add_mutually_exclusive_group(required=True)
    g.add_argument("--accept", dest="decision", action="store_const", const="accepted", help="通过")
    g.add_argument("--exclude", dest="decision", action="store_const", const="excluded", help="不予受理")
    g.add_argument("--clear", dest="decision", action="store_const", const="", help="撤销已登记的结论（须填理由）")
    sd.add_argument("--reason", default="", help="理由（不予受理、机器结论未通过而确认通过、撤销时必填）")
    sd.add_argument("--session")
    sm = s.add_parser("manual-check", help="勾选核对清单中的一项人工核对要求，可附备注")
    sm.add_argument("application_id", metavar="APP_ID")
    sm.add_argument("rule_id", metavar="RULE_ID")
    g = sm.add_mutually_exclusive_group(required=True)
    g.add_argument("--tick", dest="ticked", action="store_true", default=None, help="已核对")
    g.add_argument("--untick", dest="ticked", action="store_false", help="取消勾选")
    sm.add_argument("--note", help="核对备注（不给出时保留原备注）")
    sm.add_argument("--session")
    sl = s.add_parser("decisions", help="列出每个申报包的机器结论、形式审查结论、理由与核对清单进度")
    sl.add_argument("--json", action="store_true")
    sl.add_argument("-v", "--verbose", action="store_true", help="也列出核对清单的每一项与备注")
    sl.add_argument("--session")
    # Feature modules add their own verbs; each sets `handler` via set_defaults.
    for module in PLUGINS:
        __import__(f"nn_review.{module}", fromlist=["add_commands"]).add_commands(sub, s)
    return p


# Exit status of a command whose reader went away (`nn-review … | head`), as a shell reports
# a process killed by SIGPIPE (128 + 13).
EXIT_BROKEN_PIPE = 141


def _stdout_gone() -> int:
    """The reader of stdout closed the pipe: no traceback, and nothing more to write. Point
    stdout at devnull so the interpreter's final flush cannot raise again (the recipe of the
    Python docs, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout replaced by an object without a descriptor
        pass
    return EXIT_BROKEN_PIPE


def main(argv: list[str] | None = None) -> int:
    from .cli_support import terminal_safe_output
    # Every line printed — by any verb, and argparse's own errors — has control characters
    # escaped: file names, entry names and titles come from outside (issue 12).
    with terminal_safe_output():
        try:
            code = _main(argv)
            if sys.stdout is not None:  # None in a windowed (no console) Windows build
                sys.stdout.flush()  # inside the guard: buffered output may meet the closed pipe only now
            return code
        except BrokenPipeError:
            return _stdout_gone()


def _main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--version"]:  # before building the parser: the feature modules import a lot
        print(version_text())
        return 0
    from .open_args import split_argv
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    argv, open_files = split_argv(argv, commands)
    args = parser.parse_args(argv)
    args.open_files = open_files
    from .cli_commands import run  # keeps `--version`/`--help` fast
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
