"""The formal-check findings of one application as a model (detail pane, 形式审查 tab): failures
first, then missing declarations, manual checks, passes; the 核对清单 items last."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from nn_review.checks.engine import STATUS_ZH

from .plain import data, tip

STATUS_ORDER = {"fail": 0, "not_declared": 1, "manual": 2, "pass": 3}
STATUS_COLOURS = {"fail": "#c62828", "not_declared": "#b26a00", "manual": "#1565c0", "pass": "#1e7d32"}
SORT_ROLE = Qt.UserRole + 1


def _checklist(f) -> bool:
    return f.severity == "info" and f.status == "manual"


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.headers = [QCoreApplication.translate("FindingsModel", "结论"),
                        QCoreApplication.translate("FindingsModel", "规则"),
                        QCoreApplication.translate("FindingsModel", "说明（申报值与要求）")]
        self.checklist_label = QCoreApplication.translate("FindingsModel", "核对清单")

    def set_findings(self, findings) -> None:
        self.beginResetModel()
        self.rows = sorted(findings, key=lambda f: (
            STATUS_ORDER[f.status] if f.severity != "info" or f.status == "pass" else 4, f.rule_id))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        f, col = self.rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            if col == 0:
                return self.checklist_label if _checklist(f) else STATUS_ZH[f.status]
            return data(f.rule_id if col == 1 else f.message)
        if role == Qt.ToolTipRole and f.source_text:
            return tip(f.source_text)
        if role == Qt.ForegroundRole and col == 0:
            return QBrush(QColor(STATUS_COLOURS[f.status]))
        if role == Qt.UserRole:
            return f
        if role == SORT_ROLE:  # the status column sorts by severity, not alphabetically
            return index.row() if col == 0 else (f.rule_id if col == 1 else f.message)
        return None


def findings_proxy(model: FindingsModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
