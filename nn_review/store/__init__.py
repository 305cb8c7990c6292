"""The secretary's store: one folder with an SQLite database and content-addressed blobs.

``Store`` and ``open_store`` are loaded on first use: importing a light part of the package
(``store.perms``, ``store.errors``, ``store.pragmas`` — shared with the expert workspace) does
not load SQLAlchemy's models of the secretary's database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import StoreError

if TYPE_CHECKING:
    from .db import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "open_store"):
        from . import db
        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
