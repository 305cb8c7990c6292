"""Helpers shared by the feature modules' CLI verbs (exchange, expert, results).

Terminal safety (issue 12): everything the CLI prints passes through
:func:`nn_review.textsafe.for_terminal` — :func:`out`/:func:`err` do it per message, and
:func:`terminal_safe_output` (installed by ``cli.main`` for every verb) does it for any other
``print`` too, argparse's messages included — so an escape sequence in a file name, an entry
name or a title never reaches the terminal raw. JSON goes through :func:`out_json`, which keeps
it valid JSON (the escaping is JSON's own ``\\uXXXX``).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from contextlib import contextmanager

from .textsafe import HIDDEN, for_terminal

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


def guarded(fn):
    """Key-store problems are user errors (exit 2), like StoreError in cli_commands.run."""
    @functools.wraps(fn)
    def run(args) -> int:
        from .keys import KeyStoreError
        try:
            return fn(args)
        except KeyStoreError as e:
            err(f"错误：{e}")
            return 2
    return run


def open_cli_store(args):
    """The store named by --store (default: the user's), opened for work: built-in guides present,
    what a killed import left unchecked checked (services/startup.py)."""
    from .paths import default_store
    from .services.startup import open_for_work
    return open_for_work(args.store or default_store())


def session_context(args):
    """(store, session id) from ``--store`` and ``--session`` (default: the newest session)."""
    from .services.sessions import resolve_session
    store = open_cli_store(args)
    return store, resolve_session(store, getattr(args, "session", None))
