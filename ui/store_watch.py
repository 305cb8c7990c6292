"""The Qt side of nn_review.store.watch: poll the store about once a second, emit storeChanged
when another process committed (a CLI import while the window is open); plus keeping a page's
scroll position and current row across a refresh."""

from __future__ import annotations

from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from nn_review.store import Store
from nn_review.store.watch import Change, StoreWatcher

POLL_MS = 1000


class StoreWatch(QObject):
    storeChanged = Signal()  # another process wrote to the store

    def __init__(self, store: Store, parent=None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.watcher = StoreWatcher(store)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> Change:
        change = self.watcher.poll()
        if change is Change.EXTERNAL:
            self.storeChanged.emit()
        return change

    def stop(self) -> None:
        self.timer.stop()
        self.watcher.close()


def _row_key(view: QAbstractItemView) -> tuple[str, int] | None:
    """The current row of ``view`` named by its first cell's text (and the current column)."""
    idx, model = view.currentIndex(), view.model()
    if model is None or not idx.isValid():
        return None
    first = model.data(model.index(idx.row(), 0, idx.parent()))
    return (str(first), idx.column()) if first is not None else None


@contextmanager
def kept_view_state(root: QWidget):
    """Scroll positions of every item view under ``root``, and the current row of each table
    (found again by its first cell's text: a QTableWidget's items or a model's rows), survive
    the refresh inside."""
    saved = []
    for view in root.findChildren(QAbstractItemView):
        key = _row_key(view) if isinstance(view, QTableView) else None  # QTableWidget is a QTableView
        saved.append((view, view.verticalScrollBar().value(), view.horizontalScrollBar().value(), key))
    yield
    for view, v, h, key in saved:
        if not shiboken6.isValid(view):  # the refresh rebuilt it
            continue
        if key is not None and _row_key(view) is not None and _row_key(view)[0] == key[0]:
            key = None  # the page found its row again itself
        if key is not None:
            model = view.model()
            row = next((r for r in range(model.rowCount()) if str(model.data(model.index(r, 0))) == key[0]), -1)
            if row >= 0:
                view.setCurrentIndex(model.index(row, max(key[1], 0)))
        view.verticalScrollBar().setValue(v)
        view.horizontalScrollBar().setValue(h)
