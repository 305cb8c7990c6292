"""Helpers shared by the feature modules' CLI verbs (exchange, expert, results)."""

from __future__ import annotations

import functools
import sys


def out(text: str = "") -> None:
    print(text)


def guarded(fn):
    """Key-store problems are user errors (exit 2), like StoreError in cli_commands.run."""
    @functools.wraps(fn)
    def run(args) -> int:
        from .keys import KeyStoreError
        try:
            return fn(args)
        except KeyStoreError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 2
    return run


def session_context(args):
    """(store, session id) from ``--store`` and ``--session`` (default: the newest session)."""
    from .cli_commands import _store
    from .services.sessions import resolve_session
    store = _store(args)
    return store, resolve_session(store, getattr(args, "session", None))
