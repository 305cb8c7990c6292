"""The secretary's side of the exchange: encrypted, signed review bundles (``.nnrb``) going out
(``bundles``, ``handout``, ``letter``), signed score files (``.nnscore``) coming back
(``scores_import``, ``cert_pins``). The byte-level formats both sides speak are in
``nn_review.formats`` (docs/formats.md)."""

from ..formats.errors import ExchangeError
from .common import ExportCancelled

__all__ = ["ExchangeError", "ExportCancelled"]
