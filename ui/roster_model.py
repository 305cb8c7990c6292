"""The roster table: a model over roster.experts.ExpertInfo and a filter-as-you-type proxy.

The filter text of each row (every column, case-folded) is computed once when the rows are set,
so a keystroke only tests a substring per row instead of reading every cell of the table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, \
    QSortFilterProxyModel, Qt

from nn_review.roster.experts import ExpertInfo

from .plain import data, tip

SORT_ROLE = Qt.UserRole + 1


def _cells(e: ExpertInfo) -> tuple[str, ...]:
    return (e.roster_key, e.name, e.unit, e.title, "；".join(e.fields), e.phone, e.email,
            "；".join(e.avoid_units + e.avoid_persons))


class RosterModel(QAbstractTableModel):
    # Marked for lupdate under the page's context (the headers kept their translations).
    COLUMNS = (QT_TRANSLATE_NOOP("RosterPage", "专家编号"), QT_TRANSLATE_NOOP("RosterPage", "姓名"),
               QT_TRANSLATE_NOOP("RosterPage", "工作单位"), QT_TRANSLATE_NOOP("RosterPage", "职称"),
               QT_TRANSLATE_NOOP("RosterPage", "专业领域"), QT_TRANSLATE_NOOP("RosterPage", "手机"),
               QT_TRANSLATE_NOOP("RosterPage", "电子邮箱"), QT_TRANSLATE_NOOP("RosterPage", "回避单位/人员"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ExpertInfo] = []
        self.texts: list[tuple[str, ...]] = []   # the cells as shown (hidden characters marked)
        self.hay: list[str] = []                  # per row: every cell, case-folded, for the filter

    def set_rows(self, rows: list[ExpertInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        raw = [_cells(e) for e in rows]
        self.texts = [tuple(data(v) for v in cells) for cells in raw]
        self.hay = [" ".join(cells).casefold() for cells in raw]
        self.endResetModel()

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
        if role == Qt.ToolTipRole:
            if c == 2:  # the unit with its credit code
                return tip(f"{e.unit}\n{e.unit_credit_code}" if e.unit_credit_code else e.unit)
            return tip(self.texts[r][c]) if c == 7 and self.texts[r][c] else None
        if role == SORT_ROLE:
            return _cells(e)[c]
        if role == Qt.UserRole:
            return e
        return None

    def row_of(self, roster_key: str) -> int:
        return next((i for i, e in enumerate(self.rows) if e.roster_key == roster_key), -1)


class RosterFilter(QSortFilterProxyModel):
    """Case-insensitive substring filter over a row's precomputed text; sorts by the raw values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.needle = ""

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
