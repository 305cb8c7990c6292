"""The results grid of a panel as a model over nn_review.results.PanelResults: one row per
application, the fixed columns, one column per expert, then the figures. Every text comes from
the merged results (``shown``); the model computes nothing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from nn_review import results as R
from nn_review.i18n import render
from nn_review.results.merge import shown

from .plain import data, tip

FLAG_BG = QColor("#fff3cd")
NOT_COUNTED_FG = QColor("#a23b00")
DRAFT_MARK = QColor("#1f6fb2")
FIXED = 4   # 总排名, 项目内排名, 申报编号, 项目名称
TAIL = 6    # 平均分, 去高低平均, 项目得分, 推荐, 结论, 分歧


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.pr: R.PanelResults | None = None
        self.heads: list[str] = []
        self.cells: list[list[str]] = []
        self.drafts: set[str] = set()    # applications with an unrecorded opinion draft
        self._draft_icon: QIcon | None = None
        self.funding: dict[str, str] | None = None  # 拟资助（万元） by 申报编号, when a funding plan exists

    def headers(self, pr: R.PanelResults) -> list[str]:
        return [self.tr("总排名"), self.tr("项目内排名"), self.tr("申报编号"), self.tr("项目名称")] + \
            [data(e.name) for e in pr.experts] + \
            [self.tr("平均分"), self.tr("去高低平均"), self.tr("项目得分"), self.tr("推荐"), self.tr("结论"),
             self.tr("分歧")]

    def set_results(self, pr: R.PanelResults | None, funding: dict[str, str] | None = None) -> None:
        """``funding``: the 拟资助（万元） cell of each application (ui.funding_model.results_amount),
        shown as a last column; None without a funding plan (no column)."""
        self.beginResetModel()
        self.pr = pr
        self.funding = funding if pr is not None else None
        self.heads = self.headers(pr) if pr is not None else []
        self.cells = [self._row(pr, a) for a in pr.applications] if pr is not None else []
        if self.funding is not None:
            self.heads.append(self.tr("拟资助（万元）"))
            for a, row in zip(pr.applications, self.cells):
                row.append(self.funding.get(a.application_id, "—"))
        self.endResetModel()

    def base_columns(self) -> int:
        """The columns up to 分歧 (without the funding column)."""
        return FIXED + len(self.pr.experts) + TAIL if self.pr is not None else 0

    @staticmethod
    def _row(pr: R.PanelResults, a: R.AppResult) -> list[str]:
        by_id = {e.expert_id: e for e in a.experts}
        cells = [a.rank_overall or "", a.rank_item or "", a.application_id, a.title]
        cells += [render(by_id[e.expert_id].cell_msg) if e.expert_id in by_id else "" for e in pr.experts]
        cells += [shown(a.score.mean), shown(a.score.trimmed_mean), shown(a.score.value), render(a.rec_counts_msg),
                  render(a.conclusion_msg), len([f for f in a.flags if not f.resolved]) or ""]
        return [data(v) for v in cells]

    def set_drafts(self, application_ids: set[str]) -> None:
        """Mark the rows whose panel opinion is a draft not yet recorded (an icon and a tooltip)."""
        if application_ids == self.drafts:
            return
        self.drafts = set(application_ids)
        if self.cells:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.cells) - 1, 2))

    def draft_icon(self) -> QIcon:
        if self._draft_icon is None:  # a dot in the row's id cell: no icon theme offline
            pm = QPixmap(12, 12)
            pm.fill(Qt.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.Antialiasing)
            p.setBrush(DRAFT_MARK)
            p.setPen(Qt.NoPen)
            p.drawEllipse(2, 2, 8, 8)
            p.end()
            self._draft_icon = QIcon(pm)
        return self._draft_icon

    def app(self, row: int) -> R.AppResult:
        return self.pr.applications[row]

    def row_of(self, application_id: str) -> int:
        return next((r for r, a in enumerate(self.pr.applications) if a.application_id == application_id), -1) \
            if self.pr is not None else -1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self.heads)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.heads):
            return self.heads[section]
        return None

    def _expert(self, r: int, c: int):
        """The expert's score in an expert column, or None."""
        pr = self.pr
        if not FIXED <= c < FIXED + len(pr.experts):
            return None
        eid = pr.experts[c - FIXED].expert_id
        return next((x for x in pr.applications[r].experts if x.expert_id == eid), None)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        last = self.base_columns() - 1  # 分歧 (the funding column, when shown, comes after it)
        if role == Qt.DisplayRole:
            return self.cells[r][c]
        a = self.pr.applications[r]
        unresolved = [f for f in a.flags if not f.resolved]
        has_draft = c == 2 and a.application_id in self.drafts
        if role == Qt.DecorationRole:
            return self.draft_icon() if has_draft else None
        if c > last:  # 拟资助（万元）
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignRight | Qt.AlignVCenter)
            return a if role == Qt.UserRole else None
        if role == Qt.ToolTipRole:
            if has_draft:
                return self.tr("有专家组意见草稿（尚未录入）")
            x = self._expert(r, c)
            if x is not None and x.status == "excluded":
                return tip(self.tr("原总分 %1，不计入：%2").replace("%1", shown(x.total))
                           .replace("%2", render(x.reason_msg)))
            if c == last - 3:
                return tip(render(a.method_msg))
            if c == last and unresolved:
                return tip("\n".join(render(f.msg(a.form)) for f in unresolved))
            if c in (3, last - 2, last - 1):  # long texts: the full text in the tooltip
                return tip(self.cells[r][c]) if self.cells[r][c] else None
            return None
        if role == Qt.ForegroundRole:
            x = self._expert(r, c)
            return QBrush(NOT_COUNTED_FG) if x is not None and x.status == "excluded" else None
        if role == Qt.BackgroundRole and c == last and unresolved:
            return QBrush(FLAG_BG)
        if role == Qt.UserRole:
            return a
        return None
