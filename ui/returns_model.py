"""The returns tables of the 评审包与评分回收 page as models over scores_import.returns_overview:
one row per expert (bundle sent, returned, key), one per application (returned / assigned)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nn_review.exchange import scores_import
from nn_review.roster.common import local_time

from .plain import data

STATUS_COLOURS = {"received": "#1e7d32", "partial": "#b26a00", "missing": "#c62828"}
SHORT = "#b26a00"  # an application with fewer returns than assignments
NO_PARENT = QModelIndex()  # a table's rows hang off the invalid index


class _RowsModel(QAbstractTableModel):
    """Read-only rows of one overview list; ``cells(row)`` gives a row's texts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cells(self, row) -> tuple:
        raise NotImplementedError

    def colour(self, row, column: int) -> str | None:
        return None

    def tooltip(self, row, column: int) -> str | None:
        return None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index):
        return Qt.ItemIsSelectable | Qt.ItemIsEnabled if index.isValid() else Qt.NoItemFlags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return data(self.cells(row)[index.column()])  # hidden characters marked, as ro_item
        if role == Qt.ForegroundRole:
            colour = self.colour(row, index.column())
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.UserRole:
            return row
        return None


class ExpertReturnsModel(_RowsModel):
    """One row per expert of the session's panels (scores_import.ExpertReturn)."""

    def headers(self) -> list[str]:
        return [self.tr("专家"), self.tr("状态"), self.tr("已交回/应评"), self.tr("回避"), self.tr("版本"),
                self.tr("导入时间"), self.tr("评审包"), self.tr("密钥指纹")]

    def cells(self, e) -> tuple:
        status = str(scores_import.status_msg(e.status)) if e.bundle_id else self.tr("未发包")
        when = local_time(e.imported_at) if e.imported_at else ""  # stored UTC, shown local
        return (e.name, status, f"{e.returned}/{e.assigned}", e.recused or "", e.revision or "", when,
                e.file_name or "", e.key_fingerprint or "")

    def colour(self, e, column: int) -> str | None:
        return STATUS_COLOURS[e.status] if column == 1 else None


class ApplicationReturnsModel(_RowsModel):
    """One row per application of the session's panels (scores_import.AppReturn)."""

    def headers(self) -> list[str]:
        return [self.tr("申报编号"), self.tr("项目名称"), self.tr("已交回/应评"), self.tr("回避")]

    def cells(self, a) -> tuple:
        count = f"{a.returned}/{a.assigned}" + (f" +{a.unassigned}" if a.unassigned else "")
        return (a.application_id, a.title, count, a.recused or "")

    def tooltip(self, a, column: int) -> str | None:
        if column == 2 and a.unassigned:
            return self.tr("另有 %1 位未分配本项目的专家交回了评分（分配在交回后有变动），计入评审结果") \
                .replace("%1", str(a.unassigned))
        return None

    def colour(self, a, column: int) -> str | None:
        return SHORT if column == 2 and a.returned < a.assigned else None
