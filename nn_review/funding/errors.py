"""The one exception of the funding services."""

from __future__ import annotations

from ..results.errors import ResultsError


class FundingError(ResultsError):
    """A funding operation was refused (``code`` stable, ``funding.*``; ``msg`` for the GUI). A
    ``ResultsError`` (so a ``StoreError``): the CLI prints it and exits 2."""
