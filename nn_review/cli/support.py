"""Helpers shared by the CLI's verb modules (``nn_review/cli/cmd_*.py``).

Each verb module has ``register(cmds)`` (adds its parsers to :class:`Subcommands`, each with a
``handler`` default) and the handlers; a handler imports the services it calls inside the function,
so that building the parser — ``--help``, ``--version`` — imports none of SQLAlchemy, reportlab,
cryptography, pyHanko, openpyxl or Qt (tests/test_cli_layout.py).

Terminal safety (issue 12): everything the CLI prints passes through
:func:`nn_review.textsafe.for_terminal` — :func:`out`/:func:`err` do it per message, and
:func:`terminal_safe_output` (installed by ``cli.main`` for every verb) does it for any other
``print`` too, argparse's messages included — so an escape sequence in a file name, an entry
name or a title never reaches the terminal raw. JSON goes through :func:`out_json`, which keeps
it valid JSON (the escaping is JSON's own ``\\uXXXX``).
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from contextlib import contextmanager
from datetime import date

from ..textsafe import HIDDEN, for_terminal

# What json.dumps(ensure_ascii=False) leaves raw but a terminal must not see raw: DEL, C1 (8-bit
# CSI among them), line/paragraph separators, bidi and zero-width characters.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + "".join(sorted(HIDDEN)) + "]")


def out(text: str = "") -> None:
    print(for_terminal(text, keep_newlines=True))


def err(text: str = "") -> None:
    print(for_terminal(text, keep_newlines=True), file=sys.stderr)


def json_text(obj, **kw) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)`` with every character a terminal would
    interpret or hide written as a ``\\uXXXX`` escape: the same JSON value, safe to print."""
    kw.setdefault("ensure_ascii", False)
    kw.setdefault("indent", 2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(obj, **kw))


def out_json(obj, **kw) -> None:
    print(json_text(obj, **kw))


class _TerminalSafe:
    """A text stream whose writes have control characters escaped (newlines kept; a leading
    carriage return kept too — progress lines redraw themselves with it)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, s: str) -> int:
        lead = "\r" if s.startswith("\r") else ""
        self._stream.write(lead + for_terminal(s[len(lead):], keep_newlines=True))
        return len(s)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_output():
    """sys.stdout and sys.stderr escape what is written to them while the block runs."""
    saved = sys.stdout, sys.stderr
    if sys.stdout is not None and not isinstance(sys.stdout, _TerminalSafe):
        sys.stdout = _TerminalSafe(sys.stdout)
    if sys.stderr is not None and not isinstance(sys.stderr, _TerminalSafe):
        sys.stderr = _TerminalSafe(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


class Subcommands:
    """What ``register`` adds to: ``top`` (``nn-review VERB``) and ``session`` (``nn-review session VERB``,
    made when first asked for, so that it keeps its place among the top-level verbs)."""

    def __init__(self, top) -> None:
        self.top = top
        self._session = None
        self._funding = None

    @property
    def session(self):
        if self._session is None:
            self._session = self.top.add_parser("session", help="评审批次").add_subparsers(dest="action", required=True)
        return self._session

    @property
    def funding(self):
        """``nn-review funding VERB`` (issue 21): the funding plan, 公示 and 立项."""
        if self._funding is None:
            self._funding = self.top.add_parser("funding", help="资金安排、公示与立项").add_subparsers(
                dest="action", required=True)
        return self._funding


def parse_date(s: str) -> date:
    """argparse ``type=`` of a date option (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD，实际为 {s!r}") from None


def guarded(fn):
    """Key-store problems are user errors (exit 2), like StoreError in the common runner (cli.run)."""
    @functools.wraps(fn)
    def run(args) -> int:
        from ..keys import KeyStoreError
        try:
            return fn(args)
        except KeyStoreError as e:
            err(f"错误：{e}")
            return 2
    return run


def open_cli_store(args):
    """The store named by --store (default: the user's), opened for work: built-in guides present,
    what a killed import left unchecked checked (services/startup.py)."""
    from ..paths import default_store
    from ..services.startup import open_for_work
    return open_for_work(args.store or default_store())


def session_context(args):
    """(store, session id) from ``--store`` and ``--session`` (default: the newest session)."""
    from ..services.sessions import resolve_session
    store = open_cli_store(args)
    return store, resolve_session(store, getattr(args, "session", None))


def resolve_panel_id(store, session_id: int, ref: str) -> int:
    """A panel of the session by name or id (``--panel`` of the exchange and results verbs)."""
    from sqlalchemy import select

    from ..exchange import ExchangeError
    from ..store.models import Panel
    with store.read() as s:
        panels = s.scalars(select(Panel).where(Panel.session_id == session_id).order_by(Panel.id)).all()
    for p in panels:
        if p.name == ref or str(p.id) == ref:
            return p.id
    known = "、".join(p.name for p in panels) or "无"
    raise ExchangeError(f"本批次没有评审组 {ref!r}（现有：{known}）", "panel.missing")


def gui_language(args) -> str:
    """``--lang``, else the language chosen in Settings (GUI and expert GUI). Only the GUI verbs ask:
    reading the setting loads Qt."""
    if getattr(args, "lang", None):
        return args.lang
    try:
        from ui.settings_dialog import preferred_language
    except ImportError:  # no Qt: only CLI verbs can run anyway
        return "zh_CN"
    return preferred_language()
