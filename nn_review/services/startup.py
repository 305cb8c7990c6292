"""Opening a store for work, as the secretary's window and CLI verbs do.

The store layer (``store.open_store``) only makes the store sound: permissions, migrations and
what killed processes left. What a secretary's work needs on top — the built-in guides, and the
formal checks a killed import never completed — builds on the services, so it lives here.
"""

from __future__ import annotations

from pathlib import Path

from ..store import Store, open_store
from .checks import ensure_all_checked
from .guides import ensure_builtin_guides


def open_for_work(root: str | Path, *, create: bool = True) -> Store:
    """The store at ``root`` with its built-in guides, every package of an open session checked
    (a session whose checks fail keeps its packages 未审查 and is logged; the store still opens)."""
    store = open_store(root, create=create)
    ensure_builtin_guides(store)
    ensure_all_checked(store)
    return store
