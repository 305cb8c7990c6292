"""The demo store behind ``nn-review --demo``: filled with a demo session on first use."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from ..services.guides import ensure_builtin_guides
from ..services.importer import BatchReport, import_packages
from ..services.sessions import create_session, list_sessions
from ..store import open_store

DEMO_SESSION = "2025年度南宁市科技计划项目评审（演示）"


def ensure_demo_store(path: Path) -> BatchReport | None:
    """Create the demo session and import the demo packages when the store has no session yet."""
    store = open_store(path)
    try:
        ensure_builtin_guides(store)
        if list_sessions(store):
            return None
        from .packages import write_demo_packages
        sid = create_session(store, DEMO_SESSION, start=date(2025, 9, 1), end=date(2025, 9, 30))
        with tempfile.TemporaryDirectory(prefix="nn-demo-") as tmp:
            report = import_packages(store, sid, write_demo_packages(Path(tmp)))
        from .roster import build_demo_roster
        build_demo_roster(store, sid)
        return report
    finally:
        store.close()
