"""Secretary ⇄ expert exchange: encrypted, signed review bundles (``.nnrb``) going out,
signed score files (``.nnscore``) coming back. Byte-level formats: ``docs/formats.md``."""

from .common import ExchangeError, ExportCancelled

__all__ = ["ExchangeError", "ExportCancelled"]
