"""One way for every change (after Anki's CollectionOp and operation_did_execute).

``Operations`` belongs to the main window; pages reach it as ``window.ops`` and never call each
other or the window's private methods:

* ``ops.run(title, fn, *args, ...)`` runs a core ``@operation`` off the UI thread (with a
  progress dialog and cancel when one is given), shows a failure in one standard way, calls
  ``done(value)``, and broadcasts ``changed(changes, initiator)``.
* ``ops.call(fn, *args, ...)`` runs a quick write (one formal decision, one tick) in the UI
  thread and broadcasts the same way; a refusal is raised to the caller, who shows it in place.
* ``ops.external()`` is the store watch noticing another process's commit: everything may have
  changed, in any session.

Pages connect ``changed`` to a slot that marks them dirty when ``changes.touches(kinds they
show, their session)`` and refresh when visible (``RefreshOnChange``); the page that started the
operation gets its own changes too, so the same code path refreshes it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from nn_review.changes import NO_CHANGES, Changes, Kind, Outcome, collecting
from nn_review.i18n import text_of

from .plain import plain
from .worker import Task


@dataclass(frozen=True)
class _Failed:
    """An operation that raised: the message (with the trace, for support) and what it had
    committed before it failed (an import that fails at the 201st package committed 200)."""

    message: str
    changes: Changes


def _run_with_changes(fn: Callable[..., Any], args, kwargs, progress=None, cancel=None) -> Outcome:
    """Run ``fn`` with its change notice; long core functions take progress/cancel keywords."""
    kwargs = dict(kwargs)
    if kwargs.pop("_long", False):
        kwargs.update(progress=progress, cancel=cancel)
    runner = getattr(fn, "with_changes", None)
    if runner is None:
        raise TypeError(f"{getattr(fn, '__qualname__', fn)!r} is not a core @operation")
    return runner(*args, **kwargs)


def _job_changes(store, fn, *args, **kwargs) -> Outcome:
    return collecting(store, None, fn, args, kwargs)


class Operations(QObject):
    """The window's runner of core operations and its change bus."""

    changed = Signal(object, object)   # (Changes, initiator or None)
    busyChanged = Signal(bool)         # a background operation started / ended

    def __init__(self, store, parent: QWidget):
        super().__init__(parent)
        self.store = store
        self.window = parent
        self.task: Task | None = None
        self.last_error: str | None = None  # for tests and support

    @property
    def busy(self) -> bool:
        return self.task is not None

    # -- background ----------------------------------------------------------------------------

    def run(self, title: str, fn: Callable[..., Any], *args, done: Callable[[Any], None] | None = None,
            failed: Callable[[str], None] | None = None, progress=None, step=None, long: bool = False,
            initiator: object = None, **kwargs) -> Task | None:
        """Run ``fn(*args, **kwargs)`` in a worker thread. ``long``: ``fn`` takes progress= and
        cancel= keywords, fed by ``progress`` (a QProgressDialog-like object with
        ``update_progress(done, total, label)`` or a ``step(done, total, label)`` callable, and a
        ``canceled`` signal; closed when the operation ends). A cancelled operation ends through
        ``done`` or ``failed`` as the core function decides (ExportCancelled, a partial report…).
        Returns the task, or None when another operation is still running (one at a time: two
        writes would only queue on the store's lock)."""
        if self.task is not None:
            QMessageBox.information(self.window, title, self.tr("上一项操作尚未完成，请稍候。"))
            return None
        task = Task(partial(self._work, fn, args, dict(kwargs, _long=long)), self)
        step = step or getattr(progress, "update_progress", None)
        if step is not None:
            task.progressed.connect(step)
        if progress is not None:
            progress.canceled.connect(task.cancel)
        task.finished.connect(lambda outcome: self._finished(task, outcome, progress, done, failed, title, initiator))
        task.failed.connect(lambda message: self._failed(task, title, message, progress, failed, initiator))
        self.task = task
        self.busyChanged.emit(True)
        task.start()
        return task

    @staticmethod
    def _work(fn, args, kwargs, progress=None, cancel=None) -> Outcome | _Failed:
        try:
            return _run_with_changes(fn, args, kwargs, progress, cancel)
        except Exception as e:  # surfaced to the user, with the trace for support
            text, detail = text_of(e)  # plain words in the UI language where the core gave them (issue 15)
            # A refusal the core explained (``problem``/``msg``) needs no traceback; anything else keeps it.
            trace = "" if hasattr(e, "problem") or hasattr(e, "msg") else traceback.format_exc(limit=3)
            return _Failed("\n\n".join(x for x in (text, detail, trace) if x), getattr(e, "changes", NO_CHANGES))

    def _end(self, task: Task, progress) -> None:
        if progress is not None:
            progress.close()
        task.wait()
        if self.task is task:
            self.task = None
        self.busyChanged.emit(False)

    def _finished(self, task: Task, outcome: Outcome | _Failed, progress, done, failed, title, initiator) -> None:
        if isinstance(outcome, _Failed):
            self._failed(task, title, outcome.message, progress, failed, initiator, outcome.changes)
            return
        self._end(task, progress)
        try:
            if done is not None:
                done(outcome.value)
        finally:
            self.broadcast(outcome.changes, initiator)

    def _failed(self, task: Task, title: str, message: str, progress, failed, initiator,
                partial_changes: Changes = NO_CHANGES) -> None:
        self._end(task, progress)
        self.last_error = message
        if partial_changes:
            self.broadcast(partial_changes, initiator)
        if failed is not None:
            failed(message)
        else:
            QMessageBox.critical(self.window, title, plain(message))

    def job(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` (not itself an @operation: an export that only reads, a closure that opens a UKey
        around operations) made runnable by ``run``: its changes are collected from the store's
        committed transactions all the same, so the notice cannot lie either."""
        run = partial(fn)
        run.with_changes = partial(_job_changes, self.store, fn)  # type: ignore[attr-defined]
        return run

    # -- in the UI thread -----------------------------------------------------------------------

    def call(self, fn: Callable[..., Any], *args, initiator: object = None, **kwargs) -> Any:
        """A quick write (milliseconds) in the UI thread; raises the core's refusal to the caller."""
        try:
            outcome = _run_with_changes(fn, args, kwargs)
        except Exception as e:
            changes = getattr(e, "changes", None)
            if changes:
                self.broadcast(changes, initiator)
            raise
        self.broadcast(outcome.changes, initiator)
        return outcome.value

    # -- notices -------------------------------------------------------------------------------

    def broadcast(self, changes: Changes, initiator: object = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)

    def external(self) -> None:
        """Another process wrote the store: anything may have changed."""
        self.changed.emit(Changes.everything(external=True), None)


class RefreshOnChange:
    """Mix-in for a page: refresh when a change it cares about arrives — now if visible, else
    when next shown. The page sets ``watched`` (Kind flags) and implements ``refresh()`` and
    ``session_id``; the window calls ``page_shown()`` when its tab is selected."""

    watched: Kind = Kind.NONE
    stale: bool = False

    def on_changes(self, changes: Changes, initiator: object = None) -> None:
        if not changes.touches(self.watched, getattr(self, "session_id", None)):
            return
        if self.isVisible():  # type: ignore[attr-defined]
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def page_shown(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh()


@runtime_checkable
class Page(Protocol):
    """What the main window asks of every page after the applications page (PAGE_FACTORIES):
    ``title()`` for its tab, ``set_session(id)`` when another session is chosen, ``refresh()``
    to show the store anew (selection and scroll kept), ``on_changes(changes, initiator)``
    connected to ``Operations.changed``, and ``page_shown()`` when its tab is selected
    (``RefreshOnChange`` provides the last two). ``status_text()`` is the page's own line of
    the window's status bar (issue 15 item 13: what matters on this page — the roster page its
    expert count, the results page the panel's state …); the window shows it when the page is
    selected and after every change notice (the page has refreshed by then)."""

    def title(self) -> str: ...

    def status_text(self) -> str: ...

    def set_session(self, session_id: int | None) -> None: ...

    def refresh(self) -> None: ...

    def on_changes(self, changes: Changes, initiator: object = None) -> None: ...

    def page_shown(self) -> None: ...
