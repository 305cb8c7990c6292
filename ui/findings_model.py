"""The formal-check findings of one application as a model (detail pane, 形式审查 tab): failures
first, then missing declarations, manual checks, passes; the 核对清单 items last.

The message is shown in the UI language (the finding's Msg; a finding stored before schema v8
has only its Chinese text). The rule id is a detail: the small last column and the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nn_review.checks.engine import text_of_finding
from nn_review.i18n import M, render

from .plain import data, tip

STATUS_ORDER = {"fail": 0, "not_declared": 1, "manual": 2, "pass": 3}
STATUS_COLOURS = {"fail": "#c62828", "not_declared": "#b26a00", "manual": "#1565c0", "pass": "#1e7d32"}
SORT_ROLE = Qt.UserRole + 1


def _checklist(f) -> bool:
    return f.severity == "info" and f.status == "manual"


def status_text(status: str) -> str:
    """符合 / 不符合 / 未申报 / 需人工核实 in the UI language."""
    return render(M(f"check.status.{status}"))


def source_text(f) -> str:
    """The 依据 of a finding: the guide's sentence as it is (data), or our own source texts
    (package format, cross-package rules) in the UI language."""
    from nn_review.checks.cross import SOURCES as CROSS
    from nn_review.checks.package_checks import SOURCES as CONTRACT
    key = CONTRACT.get(f.source_text) or CROSS.get(f.source_text)
    return render(M(key)) if key else data(f.source_text)


def finding_tip(f) -> str:
    """Tooltip of a finding: the 依据, then the technical detail (rule id, field path, codes)."""
    lines = [source_text(f)] if f.source_text else []
    detail = [QCoreApplication.translate("FindingsModel", "规则 %1").replace("%1", f.rule_id)]
    params = getattr(getattr(f, "msg", None), "params", None) or {}
    for key in ("path", "chars", "codes", "edition"):
        value = params.get(key)
        if value:
            detail.append(data(", ".join(value) if isinstance(value, list) else value))
    return tip("\n".join(lines + ["  ".join(detail)]))


class FindingsModel(QAbstractTableModel):
    COL_STATUS, COL_TEXT, COL_RULE = 0, 1, 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.headers = [QCoreApplication.translate("FindingsModel", "结论"),
                        QCoreApplication.translate("FindingsModel", "说明（申报值与要求）"),
                        QCoreApplication.translate("FindingsModel", "规则")]
        self.checklist_label = render(M("check.checklist"))

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
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole and section == self.COL_RULE:
            return QCoreApplication.translate("FindingsModel", "规则编号（指南要求或格式检查的编号）")
        return None

    def text(self, f) -> str:
        return data(text_of_finding(f))

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        f, col = self.rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_STATUS:
                return self.checklist_label if _checklist(f) else status_text(f.status)
            return self.text(f) if col == self.COL_TEXT else f.rule_id
        if role == Qt.ToolTipRole:
            return finding_tip(f)
        if role == Qt.ForegroundRole:
            if col == self.COL_STATUS:
                return QBrush(QColor(STATUS_COLOURS[f.status]))
            if col == self.COL_RULE:
                return QBrush(QColor("#777777"))
        if role == Qt.FontRole and col == self.COL_RULE:
            font = QFont()
            font.setPointSizeF(max(font.pointSizeF() - 1, 7))
            return font
        if role == Qt.UserRole:
            return f
        if role == SORT_ROLE:  # the status column sorts by severity, not alphabetically
            return index.row() if col == self.COL_STATUS else (self.text(f) if col == self.COL_TEXT else f.rule_id)
        return None


def findings_proxy(model: FindingsModel, parent=None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
