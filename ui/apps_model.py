"""The applications table: a model over queries.AppRow and a filter-as-you-type proxy."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nn_review.funding.routing import RULE, route_label
from nn_review.i18n import M, render
from nn_review.roster.common import local_time
from nn_review.services.queries import AppRow
from nn_review.package.vocab import money

from .plain import data, tip

STATUS_COLOURS = {"pass": "#1e7d32", "fail": "#c62828", "attention": "#b26a00", "unchecked": "#666666"}
DECISION_COLOURS = {"accepted": "#1e7d32", "excluded": "#6d4c41"}
SORT_ROLE = Qt.UserRole + 1
RULE_COLOUR = "#1565c0"  # 按规则核定: set apart from the panel route


class ApplicationsModel(QAbstractTableModel):
    # route (评审路径, issue 21) before the verdict: the verdict stays the last column.
    COLUMNS = ("id", "item", "title", "applicant", "requested", "self_funded", "route", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AppRow] = []

    def headers(self) -> list[str]:
        return [self.tr("申报编号"), self.tr("指南项目"), self.tr("项目名称"), self.tr("申报单位"),
                self.tr("申请资助"), self.tr("自筹经费"), self.tr("评审路径"), self.tr("形式审查结论")]

    def set_rows(self, rows: list[AppRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole and self.COLUMNS[section] in ("requested", "self_funded"):
            return self.tr("单位：万元")
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole and self.COLUMNS[section] == "route":
            return self.tr("专家评审：评审组评审、择优；按规则核定：资助金额按指南规则计算，经秘书审核，不需再行评审")
        return None

    def item_text(self, r: AppRow) -> str:
        if r.kind == "consortium_recognition":
            return self.tr("创新联合体认定")
        if r.kind == "consortium_evaluation":
            return self.tr("创新联合体评估")
        text = self.tr("项目%1").replace("%1", str(r.guide_item))
        if r.direction:
            text += " " + self.tr("方向%1").replace("%1", str(r.direction))
        return text

    @staticmethod
    def route_text(r: AppRow) -> str:
        """专家评审 | 按规则核定 (nn_review/i18n/catalog_routing.py), in the UI language."""
        return render(route_label(r.route))

    def status_text(self, r: AppRow) -> str:
        """Machine verdict → the secretary's decision, e.g. 不通过（1） → 不予受理."""
        # The same words as the decision box (nn_review/i18n/catalog_checks.py), in the UI language.
        verdict = (M("check.verdict_failed_n", n=r.failed_rules) if r.check_status == "fail"
                   else M(f"check.verdict.{r.check_status}"))
        return render(M("check.label", verdict=verdict, decision=self.decision_msg(r)))

    @staticmethod
    def decision_msg(r: AppRow):
        if r.formal_decision == "accepted" and r.check_status != "pass":
            return M("check.decision.verified")
        return M(f"check.decision.{r.formal_decision or 'undecided'}")

    def decision_text(self, r: AppRow) -> str:
        return render(self.decision_msg(r))

    def status_tip(self, r: AppRow) -> str:
        if not r.formal_decision:
            return self.status_text(r) + ("" if r.check_status == "pass" else "\n" + self.tr("尚未确认形式审查结论"))
        when = local_time(r.formal_decided_at)
        tip = self.status_text(r) + "\n" + self.tr("%1 于 %2 确认").replace("%1", r.formal_actor).replace("%2", when)
        return tip + ("\n" + self.tr("理由：%1").replace("%1", r.formal_reason) if r.formal_reason else "")

    @staticmethod
    def status_rank(r: AppRow) -> tuple:
        """Sort: what still needs a decision first, then excluded, verified, passed."""
        if r.formal_decision == "excluded":
            first = 1
        elif r.formal_decision == "accepted":
            first = 2 if r.check_status != "pass" else 4
        else:
            first = 3 if r.check_status == "pass" else 0
        return first, ("fail", "attention", "unchecked", "pass").index(r.check_status)

    def replace_row(self, row: AppRow) -> None:
        """One row changed (a formal decision): update it in place, keeping the selection."""
        for i, r in enumerate(self.rows):
            if r.pk == row.pk:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ToolTipRole and col == "status":
            return tip(self.status_tip(r))
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            # Title and applicant come from the package: marked hidden characters, and the
            # tooltip never rich text (Qt would render "<img src=file:///…>" in a title).
            text = {"id": r.application_id, "item": self.item_text(r), "title": data(r.title),
                    "applicant": data(r.applicant), "requested": money(r.requested, short=True), "self_funded": money(r.self_funded, short=True),
                    "route": self.route_text(r), "status": self.status_text(r)}[col]
            return tip(text) if role == Qt.ToolTipRole else text
        if role == SORT_ROLE:
            return {"id": r.application_id, "item": (r.guide_item or 99, r.direction or 0, r.kind),
                    "title": r.title, "applicant": r.applicant, "requested": r.requested,
                    "self_funded": r.self_funded, "route": r.route, "status": self.status_rank(r)}[col]
        if role == Qt.TextAlignmentRole and col in ("requested", "self_funded"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and col == "route" and r.route == RULE:
            return QBrush(QColor(RULE_COLOUR))
        if role == Qt.ForegroundRole and col == "status":
            return QBrush(QColor(DECISION_COLOURS.get(r.formal_decision) or STATUS_COLOURS[r.check_status]))
        if role == Qt.FontRole and col == "status" and not r.formal_decision and r.check_status != "pass":
            f = QFont()
            f.setBold(True)  # still to be decided
            return f
        if role == Qt.UserRole:
            return r
        return None


class ApplicationsFilter(QSortFilterProxyModel):
    """Text filter over id, item, title, applicant, route (case-insensitive) plus a status filter: a machine
    verdict, or ``undecided`` (not passed, no decision yet) / ``excluded`` (不予受理)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._status: str | None = None

    def _refilter(self, apply) -> None:
        # Qt ≥ 6.10 wants the change bracketed; invalidateFilter() is deprecated there. Qt 6.9 (the
        # pinned binding, README "Qt binding") has beginFilterChange() but not endFilterChange().
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            apply()
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "_status", status))

    def lessThan(self, left, right) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model: ApplicationsModel = self.sourceModel()
        r = model.rows[source_row]
        if self._status == "undecided":
            if r.formal_decision or r.check_status == "pass":
                return False
        elif self._status == "excluded":
            if r.formal_decision != "excluded":
                return False
        elif self._status and r.check_status != self._status:
            return False
        if not self._text:
            return True
        hay = " ".join((r.application_id, model.item_text(r), r.title, r.applicant, model.route_text(r))).casefold()
        return all(part in hay for part in self._text.split())
