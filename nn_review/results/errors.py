"""The one exception of the results services."""

from __future__ import annotations

from ..store import StoreError


class ResultsError(StoreError):
    """A results operation was refused; ``code`` is stable for the UI, the message is Chinese.

    A subclass of ``StoreError`` so the CLI reports it like every other refusal (exit 2). ``msg``
    (an ``nn_review.i18n.Msg``, optional) is the same refusal for the GUI, rendered in its
    language (``i18n.text_of``)."""

    def __init__(self, message: str, code: str = "results.error", msg=None):
        super().__init__(message)
        self.code = code
        self.message = message
        if msg is not None:
            self.msg = msg
