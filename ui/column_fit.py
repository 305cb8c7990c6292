"""Table columns that use the width they are given (issue 15 item 9).

One column (a title) stretches over what the others leave; the others take their contents'
width within bounds (``bounds[col] = (least, most)``). When the viewport is too narrow for
every column at its contents' width, the ``shrink`` columns give way, down to their least, in
order — so the columns after them (a status at the end) stay in view; elided text keeps its
full value in the tooltip. Refitted when the viewport's width changes; a column the user drags
keeps its width until then.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFit(QObject):
    def __init__(self, table: QTableView, stretch: int, bounds: dict[int, tuple[int, int]] | None = None,
                 shrink: tuple[int, ...] = (), stretch_least: int = 120):
        super().__init__(table)
        self.table, self.stretch, self.bounds, self.shrink = table, stretch, dict(bounds or {}), shrink
        self.stretch_least = stretch_least
        self.natural: dict[int, int] = {}
        self._width = -1
        h = table.horizontalHeader()
        h.setStretchLastSection(False)
        h.setSectionResizeMode(QHeaderView.Interactive)
        h.setSectionResizeMode(stretch, QHeaderView.Stretch)
        h.setMinimumSectionSize(min(40, h.minimumSectionSize()))
        table.viewport().installEventFilter(self)

    def to_contents(self) -> None:
        """Measure the columns anew (new rows, another language) and fit them."""
        t, h = self.table, self.table.horizontalHeader()
        self.natural = {}
        for c in range(t.model().columnCount() if t.model() else 0):
            if c == self.stretch or t.isColumnHidden(c):
                continue
            least, most = self.bounds.get(c, (0, 10_000))
            want = max(t.sizeHintForColumn(c), h.sectionSizeHint(c))
            self.natural[c] = max(least, min(most, want))
        self._width = -1
        self.fit()

    def fit(self) -> None:
        """Give the others their width, taking any overflow from the shrink columns."""
        width = self.table.viewport().width()
        if width == self._width:
            return
        self._width = width
        if not self.natural:
            return
        widths = dict(self.natural)
        over = sum(widths.values()) + self.stretch_least - width
        for c in self.shrink:
            if over <= 0:
                break
            least = self.bounds.get(c, (40, 0))[0]
            cut = min(over, max(0, widths[c] - least))
            widths[c] -= cut
            over -= cut
        h = self.table.horizontalHeader()
        for c, w in widths.items():
            h.resizeSection(c, w)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Resize:
            self.fit()
        return False
