"""The lines of one funding scope (docs/funding.md, "The plan") as a table model, and the delegate
that draws the funding line. Every figure and every status comes from the core's
``FundingPlan`` (nn_review.funding.plan.funding_plan): the model only formats them.

* The funding line: ``ScopePlan.line_after`` lines are above it; the delegate paints a thick red
  rule under the last of them (above the first line when no candidate fits), and the rows below
  it — and every line that is not a candidate — are greyed.
* 不能重复享受 flags: the 提示 column in red, the guide's sentence and the other application in
  the tooltip.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QStyledItemDelegate

from nn_review.funding import model as FM
from nn_review.i18n import render

from .plain import data, tip

LINE_PEN = QColor("#c62828")    # the funding line
FLAG_FG = QColor("#c62828")     # 重复享受
BELOW_FG = QColor("#8a8a8a")    # below the line, not a candidate
OVER_FG = QColor("#a23b00")

COLUMNS = ("rank", "id", "title", "applicant", "score", "requested", "cap", "approved", "adjusted",
           "proposed", "cumulative", "status", "flags")


def money(d: Decimal | None) -> str:
    """An amount in 万元 as the core computed it (already quantized): two decimals, '—' when absent."""
    return "—" if d is None else f"{d:.2f}"


def scope_title(sc: FM.ScopePlan) -> str:
    """The scope's title in the UI language: ``项目11 <the guide item's title>`` / ``Item 11 <…>``
    (the core writes the Chinese form, docs: ScopePlan.title); a plan type's name as it is."""
    kind, _, ref = sc.scope.partition(":")
    prefix = f"项目{ref} "
    if kind == "item" and sc.title.startswith(prefix):
        return QCoreApplication.translate("FundingModel", "项目%1 %2").replace("%1", ref).replace(
            "%2", data(sc.title[len(prefix):]))
    return data(sc.title)


def status_text(status: str) -> str:
    return {
        FM.FUNDED: QCoreApplication.translate("FundingModel", "拟资助"),
        FM.BELOW_LINE: QCoreApplication.translate("FundingModel", "线下"),
        FM.NOT_RECOMMENDED: QCoreApplication.translate("FundingModel", "不建议支持"),
        FM.NO_CONSENSUS: QCoreApplication.translate("FundingModel", "未录入专家组意见"),
        FM.EXCLUDED: QCoreApplication.translate("FundingModel", "不予受理"),
        FM.UNCONFIRMED: QCoreApplication.translate("FundingModel", "待秘书审核"),
        FM.INELIGIBLE: QCoreApplication.translate("FundingModel", "不符合条件"),
        FM.REVOKED: QCoreApplication.translate("FundingModel", "已撤销"),
    }.get(status, status)


def computed_text(c: FM.Computed | None) -> str:
    if c is None:
        return ""
    head = {FM.OK: "", FM.NOT_ELIGIBLE: QCoreApplication.translate("FundingModel", "不符合奖补条件"),
            FM.NOT_DECLARED: QCoreApplication.translate("FundingModel", "申报材料缺少所需数据"),
            FM.NEEDS_PARAMS: QCoreApplication.translate("FundingModel", "模板参数尚未录入")}.get(c.status, c.status)
    formula = render(c.formula)
    if head and formula:
        return QCoreApplication.translate("FundingModel", "%1：%2").replace("%1", head).replace("%2", formula)
    return head or formula


def results_amount(plan: FM.FundingPlan | None, application_id: str) -> str | None:
    """The 拟资助（万元） cell of the results table: the amount, 线下, or —; None without a plan."""
    if plan is None:
        return None
    ln = plan.line(application_id)
    if ln is None:
        return "—"
    if ln.status in (FM.FUNDED, FM.UNCONFIRMED) and ln.proposed is not None:
        return money(ln.proposed)
    if ln.status == FM.BELOW_LINE:
        return QCoreApplication.translate("FundingModel", "线下")
    return "—"


class FundingModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.scope: FM.ScopePlan | None = None
        self.heads = [self.tr("排名"), self.tr("申报编号"), self.tr("项目名称"), self.tr("申报单位"), self.tr("得分"),
                      self.tr("申请金额"), self.tr("上限"), self.tr("核定"), self.tr("核减/调整"), self.tr("拟资助"),
                      self.tr("累计"), self.tr("状态"), self.tr("提示")]
        self.cells: list[list[str]] = []

    def set_scope(self, scope: FM.ScopePlan | None) -> None:
        self.beginResetModel()
        self.scope = scope
        self.cells = [self._row(ln) for ln in scope.lines] if scope is not None else []
        self.endResetModel()

    @property
    def line_after(self) -> int | None:
        return self.scope.line_after if self.scope is not None else None

    def _row(self, ln: FM.PlanLine) -> list[str]:
        score = "" if ln.score is None else f"{ln.score:.2f}"
        marks = [self.tr("重复享受")] if ln.flags else []
        if ln.annual_flags:
            marks.append(self.tr("超年度上限"))
        if ln.adjust_over:
            marks.append(self.tr("调整超上限"))
        flags = "；".join(marks)
        rank = "" if ln.rank is None else str(ln.rank)
        if rank and self.scope is not None and not self.scope.scope.startswith("item:"):
            # a plan type's budget pools several items: the rank is the one within its own item
            rank = self.tr("项目%1第%2").replace("%1", str(ln.guide_item)).replace("%2", rank)
        return [rank, data(ln.application_id), data(ln.title),
                data(ln.applicant), score, money(ln.requested), money(ln.cap), money(ln.approved),
                money(ln.adjusted), money(ln.proposed), money(ln.cumulative), status_text(ln.status), flags]

    def line(self, row: int) -> FM.PlanLine | None:
        if self.scope is None or not 0 <= row < len(self.scope.lines):
            return None
        return self.scope.lines[row]

    def row_of(self, application_id: str) -> int:
        if self.scope is None:
            return -1
        return next((r for r, ln in enumerate(self.scope.lines) if ln.application_id == application_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.heads)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt)
        if orientation == Qt.Horizontal and 0 <= section < len(self.heads):
            if role == Qt.DisplayRole:
                return self.heads[section]
            if role == Qt.ToolTipRole and COLUMNS[section] == "proposed":
                return self.tr("拟资助 = 核减/调整后的金额；否则取申请金额（或规则金额）、上限与核定金额中的最小者")
        return None

    def _greyed(self, r: int, ln: FM.PlanLine) -> bool:
        return ln.status not in (FM.FUNDED, FM.UNCONFIRMED)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or self.scope is None:
            return None
        r, c = index.row(), index.column()
        ln = self.scope.lines[r]
        col = COLUMNS[c]
        if role == Qt.DisplayRole:
            return self.cells[r][c]
        if role == Qt.TextAlignmentRole and col in ("rank", "score", "requested", "cap", "approved", "adjusted",
                                                    "proposed", "cumulative"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole:
            if col == "flags" and (ln.flags or ln.annual_flags or ln.adjust_over):
                return QBrush(FLAG_FG)
            if self._greyed(r, ln):
                return QBrush(BELOW_FG)
            return None
        if role == Qt.ToolTipRole:
            if col == "flags" and (ln.flags or ln.annual_flags or ln.adjust_over):
                lines = [self.tr("与 %1（项目%2）不能重复享受：%3")
                         .replace("%1", f.other_application_id)
                         .replace("%2", "" if f.other_item is None else str(f.other_item))
                         .replace("%3", f.text) for f in ln.flags]
                lines += [self.tr("同一单位在项目%1合计 %2 万元，超过单个企业年度上限 %3 万元（%4）")
                          .replace("%1", str(f.item) + (f"-{f.direction}" if f.direction else ""))
                          .replace("%2", money(f.total)).replace("%3", money(f.cap))
                          .replace("%4", "、".join(f.application_ids)) for f in ln.annual_flags]
                if ln.adjust_over:
                    lines.append(self.tr("核减/调整 %1 超出现行上限 %2，按上限计；请重新调整")
                                 .replace("%1", money(ln.adjusted)).replace("%2", money(ln.adjust_bound)))
                return tip("\n".join(lines))
            if col in ("proposed", "status") and ln.computed is not None:
                return tip(computed_text(ln.computed))
            if col == "approved" and ln.approved_reason:
                return tip(ln.approved_reason)
            if col == "adjusted" and ln.adjusted_reason:
                return tip(ln.adjusted_reason)
            if col in ("title", "applicant"):
                return tip(self.cells[r][c])
            return None
        if role == Qt.UserRole:
            return ln
        return None


class FundingLineDelegate(QStyledItemDelegate):
    """Paints the funding line: a thick red rule under the last funded row of the scope (above the
    first row when not even the first candidate fits)."""

    WIDTH = 3

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        model = index.model()
        after = getattr(model, "line_after", None)
        if after is None:
            return
        rect = option.rect
        y = None
        if after > 0 and index.row() == after - 1:
            y = rect.bottom() - self.WIDTH // 2
        elif after == 0 and index.row() == 0:
            y = rect.top() + self.WIDTH // 2
        if y is None:
            return
        painter.save()
        painter.setPen(QPen(LINE_PEN, self.WIDTH))
        painter.drawLine(rect.left(), y, rect.right() + 1, y)
        painter.restore()
