"""The refusal of the exchange formats (and of the secretary's exchange operations)."""

from __future__ import annotations

from ..store.errors import StoreError


class ExchangeError(StoreError):
    """A refusal with a Chinese message; ``code`` is stable for tests and the UI."""

    def __init__(self, message: str, code: str = "", field: str | None = None):
        super().__init__(message)
        self.message, self.code, self.field = message, code, field
