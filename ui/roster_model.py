"""The roster table: a model over roster.experts.ExpertInfo and a filter-as-you-type proxy.

The filter text of each row (every column, case-folded) is computed once when the rows are set,
so a keystroke only tests a substring per row instead of reading every cell of the table. The
model sorts itself (one Python sort by key) and the proxy keeps its order: a proxy sort would
call ``data()`` through Python about two million times for a 60,000-expert roster."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, \
    QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from nn_review.i18n import render
from nn_review.roster.experts import ExpertInfo

from .plain import data, tip

SORT_ROLE = Qt.UserRole + 1
INACTIVE = QBrush(QColor("#9e9e9e"))


def _cells(e: ExpertInfo) -> tuple[str, ...]:
    return (e.roster_key, e.name, e.unit, e.title, render(list(e.fields)), e.phone, e.email,
            render(list(e.avoid_units + e.avoid_persons)))  # the UI language's list separator (issue 15)


class RosterModel(QAbstractTableModel):
    # Marked for lupdate under the page's context (the headers kept their translations).
    COLUMNS = (QT_TRANSLATE_NOOP("RosterPage", "专家编号"), QT_TRANSLATE_NOOP("RosterPage", "姓名"),
               QT_TRANSLATE_NOOP("RosterPage", "工作单位"), QT_TRANSLATE_NOOP("RosterPage", "职称"),
               QT_TRANSLATE_NOOP("RosterPage", "专业领域"), QT_TRANSLATE_NOOP("RosterPage", "手机"),
               QT_TRANSLATE_NOOP("RosterPage", "电子邮箱"), QT_TRANSLATE_NOOP("RosterPage", "回避单位/人员"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ExpertInfo] = []
        self.raw: list[tuple[str, ...]] = []      # the cells' values (sorting)
        self.texts: list[tuple[str, ...]] = []   # the cells as shown (hidden characters marked)
        self.hay: list[str] = []                  # per row: every cell, case-folded, for the filter
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[ExpertInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.raw = [_cells(e) for e in rows]
        self.texts = [tuple(data(v) for v in cells) for cells in self.raw]
        self.hay = [" ".join(cells).casefold() for cells in self.raw]
        if self.sorted_by is not None:
            self._order(*self.sorted_by)
        self.endResetModel()

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Put the rows in order (stable); returns the old row of each new row."""
        perm = sorted(range(len(self.rows)), key=lambda i: self.raw[i][column],
                      reverse=order == Qt.DescendingOrder)
        self.rows, self.raw, self.texts, self.hay = ([seq[i] for i in perm]
                                                     for seq in (self.rows, self.raw, self.texts, self.hay))
        return perm

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self.sorted_by = (column, order)
        perm = self._order(column, order)
        new_row = {old: new for new, old in enumerate(perm)}
        old = self.persistentIndexList()  # the view's selection and current row follow their experts
        self.changePersistentIndexList(old, [self.index(new_row[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return QCoreApplication.translate("RosterPage", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        e = self.rows[r]
        if role == Qt.DisplayRole:
            return self.texts[r][c]
        if role == Qt.ForegroundRole and not e.active:
            return INACTIVE  # 停用: greyed, still listed
        if role == Qt.ToolTipRole and not e.active and c in (0, 1):
            return QCoreApplication.translate("RosterPage", "已停用：不再被抽取或加入评审组")
        if role == Qt.ToolTipRole:
            if c == 2:  # the unit with its credit code
                return tip(f"{e.unit}\n{e.unit_credit_code}" if e.unit_credit_code else e.unit)
            return tip(self.texts[r][c]) if c == 7 and self.texts[r][c] else None
        if role == SORT_ROLE:
            return self.raw[r][c]
        if role == Qt.UserRole:
            return e
        return None

    def row_of(self, roster_key: str) -> int:
        return next((i for i, e in enumerate(self.rows) if e.roster_key == roster_key), -1)


class RosterFilter(QSortFilterProxyModel):
    """Case-insensitive substring filter over a row's precomputed text; sorting is the model's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.needle = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        # The model sorts in one pass; the proxy (never sorting itself) keeps the model's order.
        self.sourceModel().sort(column, order)

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self.needle:
            return
        # Qt ≥ 6.10 wants the change bracketed (see apps_model.ApplicationsFilter); 6.9 has no end.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            self.needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.needle = needle
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 (Qt)
        return not self.needle or self.needle in self.sourceModel().hay[source_row]
