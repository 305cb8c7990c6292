"""``nn-review`` with no verb: the secretary's GUI (the demo store with ``--demo``)."""

from __future__ import annotations

from .support import gui_language


def start_gui(args) -> int:
    from ui.app import run_gui

    from ..paths import default_store, demo_store
    path = args.store or (demo_store() if args.demo else default_store())
    if args.demo:
        from ..demo.store import ensure_demo_store
        ensure_demo_store(path)
    return run_gui(path, lang=gui_language(args), open_files=getattr(args, "open_files", []),
                   smoke_exit=getattr(args, "smoke_exit", False))
