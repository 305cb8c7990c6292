"""``nn-review``: the GUI with no sub-command; every secretary operation as a CLI verb.

The verbs live together here, one module per group (``cmd_*.py``, each with ``register(cmds)`` and
its handlers; shared helpers in ``support.py``). Building the parser imports no handler's services:
``--version`` and ``--help`` stay fast. This package is the only core room that starts the UI
(``gui.py``, ``cmd_expert``).
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from ..buildinfo import version_text

# The verb groups in the order their verbs appear in --help (``session`` is made by the first module
# that asks for it: cmd_session).
VERB_MODULES: tuple[str, ...] = ("cmd_guide", "cmd_package", "cmd_session", "cmd_formal", "cmd_roster",
                                 "cmd_bundles", "cmd_expert", "cmd_results", "cmd_funding", "cmd_funding_out", "cmd_demo",
                                 "cmd_keys")


def build_parser() -> argparse.ArgumentParser:
    from .support import Subcommands
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
    cmds = Subcommands(p.add_subparsers(dest="cmd"))
    for name in VERB_MODULES:  # each parser sets its `handler` via set_defaults
        import_module(f"{__name__}.{name}").register(cmds)
    return p


def run(args) -> int:
    """Run the parsed command: the GUI without one, else its handler. Store and guide refusals are
    user errors (exit 2)."""
    from ..guide import GuideError
    from ..store import StoreError
    from .support import err
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        if args.cmd is None:
            from .gui import start_gui
            return start_gui(args)
        if getattr(args, "open_files", None):
            err("错误：要打开的文件（.nnpkg/.nnrb/.nnscore）只能用于图形界面，不能与子命令一起使用")
            return 2
        return args.handler(args)
    except (StoreError, GuideError) as e:
        err(f"错误：{e}")
        return 2


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
    from .support import terminal_safe_output
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
    if argv[:1] == ["--version"]:  # no parser needed
        print(version_text())
        return 0
    from ..open_args import split_argv
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    argv, open_files = split_argv(argv, commands)
    args = parser.parse_args(argv)
    args.open_files = open_files
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
