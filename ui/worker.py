"""Run a core function off the UI thread, with progress and cancel.

``Task`` lives in the UI thread; the function runs in a ``_Worker`` moved to a QThread. The
worker's signals reach the Task's slots queued, so everything connected to the Task's own
signals (lambdas included) runs in the UI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    # object, not int: byte counts of a large batch overflow a C int.
    progressed = Signal(object, object, str)
    succeeded = Signal(object)
    errored = Signal(str)

    def __init__(self, fn: Callable[..., Any], cancel: threading.Event):
        super().__init__()
        self._fn, self._cancel = fn, cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(progress=lambda d, t, label: self.progressed.emit(d, t, label),
                              cancel=self._cancel.is_set)
        except Exception as e:  # surfaced to the user, with the trace for support
            self.errored.emit(f"{e}\n\n{traceback.format_exc(limit=3)}")
        else:
            self.succeeded.emit(result)


class Task(QObject):
    """Calls ``fn(progress=..., cancel=...)`` in a worker thread."""

    progressed = Signal(object, object, str)
    finished = Signal(object)   # the function's result
    failed = Signal(str)        # a readable error

    def __init__(self, fn: Callable[..., Any], parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("nn-review-task")
        self._worker = _Worker(fn, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.errored.connect(self._on_error)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    @Slot(object, object, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progressed.emit(done, total, label)

    @Slot(object)
    def _on_success(self, result) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(result)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._thread.quit()
        self._thread.wait()
        self.failed.emit(message)
