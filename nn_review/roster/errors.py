"""The roster reader's refusal: a file (or part of it) that is not imported, with a Chinese message."""

from __future__ import annotations

from ..store import StoreError


class RosterError(StoreError):
    """A roster file refused before anything is written; a ``StoreError`` so every caller shows it as one."""
