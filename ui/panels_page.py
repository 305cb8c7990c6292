"""专家组与回避 page: panels (draw, members, leader, assignment), the conflict matrix, draw records.

Every button is one call into nn_review.roster (one write transaction) through the window's
runner (``win.ops``); the page only shows what the core returns and asks for the inputs the core
needs. It is refreshed by change notices — its own writes' and everyone else's — alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMenu, QMessageBox, QPlainTextEdit, QPushButton, QSplitter,
                               QTableWidget, QTabWidget, QVBoxLayout, QWidget)

from nn_review.changes import Kind
from nn_review.funding.errors import FundingError
from nn_review.funding.routing import NO_REVIEW_CODE
from nn_review.i18n import render, text_of
from nn_review.roster import conflicts as conflicts_core
from nn_review.roster.conflict_texts import reason_text
from nn_review.roster import draw as draw_core
from nn_review.roster import panels as panels_core
from nn_review.roster.experts import list_experts
from nn_review.services.queries import list_applications
from nn_review.store import StoreError

from .ops import RefreshOnChange
from .panel_dialogs import AddMembersDialog, AssignDialog, DrawDialog, NewPanelDialog, ReasonDialog, confirm_no_review
from .widgets import ro_item, ro_table
from .plain import data, plain, tip

CONFLICT_BG = QColor("#f8d7da")
EXPERT_HEADER_WIDTH = 220  # the frozen names column of the conflict matrix: the rest elided, in full on hover
DISMISSED_BG = QColor("#eeeeee")


class PanelsPage(RefreshOnChange, QWidget):
    # panels and draws; the matrix: experts × applications and conflicts; the warnings: formal
    # decisions (packages); the chooser's session state
    watched = Kind.PANELS | Kind.CONFLICTS | Kind.ROSTER | Kind.PACKAGES | Kind.SESSIONS

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.session_id: int | None = None
        self.panels: list[panels_core.PanelInfo] = []
        self.matrix: dict | None = None
        self.last_assign: panels_core.AssignResult | None = None
        self.last_draw: draw_core.DrawResult | None = None
        self.shown_panel: int | None = None

        # -- left: the session's panels
        self.panel_list = QListWidget(self)
        self.panel_list.setWordWrap(True)  # long panel names wrap instead of hiding the counts
        self.panel_list.currentRowChanged.connect(lambda _r: self._show_panel())
        self.btn_new = QPushButton(self.tr("新建评审组…"), self)
        self.btn_new.clicked.connect(self.new_panel_dialog)
        self.btn_delete = QPushButton(self.tr("删除"), self)
        self.btn_delete.clicked.connect(self.delete_panel)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 0, 6)
        ll.addWidget(QLabel(self.tr("评审组"), self))
        ll.addWidget(self.panel_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.btn_new)
        row.addWidget(self.btn_delete)
        ll.addLayout(row)

        # -- tab 1: members and assignment of the chosen panel
        self.panel_head = QLabel(self)
        self.panel_head.setTextFormat(Qt.PlainText)
        self.panel_head.setStyleSheet("font-weight: bold; padding: 2px;")
        self.panel_warn = QLabel(self)
        self.panel_warn.setTextFormat(Qt.PlainText)
        self.panel_warn.setWordWrap(True)
        self.panel_warn.setStyleSheet("color: #b26a00;")
        self.members = ro_table(self, [self.tr("专家编号"), self.tr("姓名"), self.tr("工作单位"), self.tr("组长"),
                                    self.tr("评审项目数")], stretch=2)
        self.apps = ro_table(self, [self.tr("申报编号"), self.tr("项目名称"), self.tr("指南项目"), self.tr("评审专家"),
                                 self.tr("回避")], stretch=1)
        self.btn_draw = QPushButton(self.tr("随机抽取…"), self)
        self.btn_draw.clicked.connect(self.draw_dialog)
        self.btn_add = QPushButton(self.tr("添加专家…"), self)
        self.btn_add.clicked.connect(self.add_members_dialog)
        self.btn_remove = QPushButton(self.tr("移除成员"), self)
        self.btn_remove.clicked.connect(self.remove_member)
        self.btn_leader = QPushButton(self.tr("设为组长"), self)
        self.btn_leader.clicked.connect(self.set_leader)
        self.btn_assign = QPushButton(self.tr("分配评审任务…"), self)
        self.btn_assign.clicked.connect(self.assign_dialog)
        members_tab = QWidget(self)
        ml = QVBoxLayout(members_tab)
        ml.addWidget(self.panel_head)
        ml.addWidget(self.panel_warn)
        row = QHBoxLayout()
        for b in (self.btn_draw, self.btn_add, self.btn_remove, self.btn_leader):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.btn_assign)
        ml.addLayout(row)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.members)
        split.addWidget(self.apps)
        ml.addWidget(split, 1)

        # -- tab 2: the conflict matrix of the whole session
        self.grid = QTableWidget(self)
        self.grid.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SingleSelection)
        self.grid.setContextMenuPolicy(Qt.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._grid_menu)
        self.grid.currentCellChanged.connect(lambda *_: self._show_cell())
        # Experts down the frozen vertical header (name（unit）, elided, in full on hover), the
        # applications across: id over a short title (two lines, elided by us: the header would
        # elide the two lines as one), in full on hover; every column reachable by scrolling.
        self.grid.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.grid.horizontalHeader().setTextElideMode(Qt.ElideNone)
        self.grid.verticalHeader().setMaximumWidth(EXPERT_HEADER_WIDTH)
        self.grid.verticalHeader().setTextElideMode(Qt.ElideRight)
        self.grid.verticalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.cell_info = QLabel(self)
        self.cell_info.setTextFormat(Qt.PlainText)
        self.cell_info.setWordWrap(True)
        self.cell_info.setStyleSheet("background: #f6f6f6; padding: 6px;")
        self.btn_detect = QPushButton(self.tr("重新检测回避"), self)
        self.btn_detect.setShortcut("F6")
        self.btn_detect.setToolTip(self.tr("按单位信用代码、单位名称、项目负责人/成员与专家声明重新判定 (F6)"))
        self.btn_detect.clicked.connect(self.detect)
        self.btn_conf_add = QPushButton(self.tr("添加回避…"), self)
        self.btn_conf_add.clicked.connect(lambda: self.add_conflict_dialog(self.grid.currentRow(),
                                                                           self.grid.currentColumn()))
        self.btn_conf_dismiss = QPushButton(self.tr("撤销回避…"), self)
        self.btn_conf_dismiss.clicked.connect(lambda: self.dismiss_dialog(self.grid.currentRow(),
                                                                          self.grid.currentColumn()))
        self.grid_summary = QLabel(self)
        conf_tab = QWidget(self)
        cl = QVBoxLayout(conf_tab)
        row = QHBoxLayout()
        for b in (self.btn_detect, self.btn_conf_add, self.btn_conf_dismiss):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.grid_summary)
        cl.addLayout(row)
        cl.addWidget(self.grid, 1)
        cl.addWidget(self.cell_info)

        # -- tab 3: draw records (printable)
        self.draw_list = QListWidget(self)
        self.draw_list.setWordWrap(True)
        self.draw_list.currentRowChanged.connect(lambda _r: self._show_draw())
        self.draw_text = QPlainTextEdit(self)
        self.draw_text.setReadOnly(True)
        self.btn_print = QPushButton(self.tr("打印…"), self)
        self.btn_print.clicked.connect(self.print_draw)
        self.btn_save_draw = QPushButton(self.tr("另存为文本…"), self)
        self.btn_save_draw.clicked.connect(self.save_draw)
        draws_tab = QWidget(self)
        dl = QHBoxLayout(draws_tab)
        dl.addWidget(self.draw_list, 1)
        right = QVBoxLayout()
        right.addWidget(self.draw_text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.btn_save_draw)
        row.addWidget(self.btn_print)
        right.addLayout(row)
        dl.addLayout(right, 3)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(members_tab, self.tr("成员与分配"))
        self.tabs.addTab(conf_tab, self.tr("回避矩阵"))
        self.tabs.addTab(draws_tab, self.tr("抽取记录"))
        outer = QSplitter(Qt.Horizontal, self)
        outer.addWidget(left)
        outer.addWidget(self.tabs)
        outer.setSizes([300, 1060])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(outer)
        self._enable()

    def title(self) -> str:
        return self.tr("专家组与回避")

    def status_text(self) -> str:
        if self.session_id is None:
            return ""
        m = self.matrix or {"conflicts": [], "dismissed": []}
        return (self.tr("本批次 %1 个评审组，%2 位成员，%3 项评审任务；回避 %4 处")
                .replace("%1", str(len(self.panels))).replace("%2", str(len({x.expert_id for p in self.panels
                                                                               for x in p.members})))
                .replace("%3", str(sum(p.assignments for p in self.panels))).replace("%4", str(len(m["conflicts"]))))

    # -- data ------------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.stale = False  # read anew here
        self.reload()

    def refresh(self) -> None:
        """Something shown here changed (a notice): the same session, panel and matrix cell kept."""
        self.reload()

    def on_changes(self, changes, initiator=None) -> None:
        if initiator is self and changes.touches(self.watched, self.session_id):
            self.stale = False
            self.refresh()  # its own write shows at once (a new panel gets selected), even out of sight
            return
        super().on_changes(changes, initiator)

    def reload(self, keep_panel: int | None = None) -> None:
        keep = keep_panel or (self.current_panel().id if self.current_panel() else None)
        self.panels = panels_core.list_panels(self.win.store, self.session_id) if self.session_id else []
        self.panel_list.blockSignals(True)
        self.panel_list.clear()
        for p in self.panels:
            it = QListWidgetItem(self.tr("%1（%2 人，%3 项）").replace("%1", data(p.name))
                                 .replace("%2", str(len(p.members))).replace("%3", str(len(p.applications))))
            it.setData(Qt.UserRole, p.id)
            self.panel_list.addItem(it)
        idx = next((i for i, p in enumerate(self.panels) if p.id == keep), 0 if self.panels else -1)
        self.panel_list.setCurrentRow(idx)
        self.panel_list.blockSignals(False)
        self.reload_matrix()  # first: the panel's 回避 column reads the matrix
        self._show_panel()
        self.reload_draws()

    def current_panel(self) -> panels_core.PanelInfo | None:
        r = self.panel_list.currentRow() if hasattr(self, "panel_list") else -1
        return self.panels[r] if 0 <= r < len(self.panels) else None

    def _enable(self) -> None:
        has_session, p = self.session_id is not None, self.current_panel()
        self.btn_new.setEnabled(has_session)
        for b in (self.btn_delete, self.btn_draw, self.btn_add, self.btn_assign):
            b.setEnabled(p is not None)
        self.btn_remove.setEnabled(p is not None)
        self.btn_leader.setEnabled(p is not None)
        for b in (self.btn_detect, self.btn_conf_add, self.btn_conf_dismiss):
            b.setEnabled(has_session)

    def _show_panel(self) -> None:
        p = self.current_panel()
        same = p is not None and p.id == self.shown_panel
        rows = {t: (t.item(t.currentRow(), 0).text() if same and t.currentRow() >= 0 and t.item(t.currentRow(), 0)
                    else None, t.verticalScrollBar().value() if same else 0) for t in (self.members, self.apps)}
        self.shown_panel = p.id if p is not None else None
        self.members.setRowCount(0)
        self.apps.setRowCount(0)
        self._enable()
        try:
            self._fill_panel(p)
        finally:  # a refresh keeps the member and the application selected, and the scroll
            for t, (key, scroll) in rows.items():
                r = next((r for r in range(t.rowCount()) if key is not None and t.item(r, 0).text() == key), -1)
                if r >= 0:
                    t.selectRow(r)
                t.verticalScrollBar().setValue(scroll)

    def _fill_panel(self, p) -> None:
        if p is None:
            self.panel_head.setText(self.tr("本批次还没有评审组：点击“新建评审组…”") if self.session_id else "")
            self.panel_warn.setText("")
            self.panel_warn.hide()
            return
        assigned = panels_core.panel_assignments(self.win.store, p.id)
        loads: dict[int, int] = {}
        for ids in assigned.values():
            for e in ids:
                loads[e] = loads.get(e, 0) + 1
        mode = (self.tr("每项目 %1 位专家（种子 %2）").replace("%1", str(p.reviewers_per_app))
                .replace("%2", p.assign_seed or "") if p.reviewers_per_app else self.tr("全员评审"))
        self.panel_head.setText(self.tr("%1：%2 位成员，%3 个申报项目，已分配 %4 项评审任务（%5）")
                                .replace("%1", data(p.name)).replace("%2", str(len(p.members)))
                                .replace("%3", str(len(p.applications))).replace("%4", str(p.assignments))
                                .replace("%5", mode))
        check = panels_core.validate_panel(self.win.store, p.id)
        self.panel_warn.setText(data("\n".join(check.shown())))
        self.panel_warn.setVisible(bool(check.errors or check.warnings or check.formal))
        self.members.setRowCount(len(p.members))
        for i, m in enumerate(p.members):
            for j, v in enumerate((m.roster_key, m.name, m.unit, self.tr("组长") if m.is_leader else "",
                                   loads.get(m.expert_id, 0))):
                self.members.setItem(i, j, ro_item(v))
            self.members.item(i, 0).setData(Qt.UserRole, m.expert_id)
        names = {m.expert_id: m.name for m in p.members}
        recused = self._recused_by_app(p)
        self.apps.setRowCount(len(p.applications))
        for i, a in enumerate(p.applications):
            who = assigned.get(a.application_id, [])
            rec = recused.get(a.pk, [])
            vals = (a.application_id, a.title, self.tr("项目%1").replace("%1", str(a.guide_item)) if a.guide_item else "",
                    self.tr("%1：%2").replace("%1", str(len(who))).replace("%2", render([names.get(e, str(e)) for e in who]))
                    if who else "0",
                    render(list(rec)))  # the list separator of the UI language (issue 15 item 12)
            for j, v in enumerate(vals):
                self.apps.setItem(i, j, ro_item(v))
            if p.assignments and len(who) < panels_core.MIN_MEMBERS:
                self.apps.item(i, 3).setForeground(QBrush(QColor("#c62828")))
                self.apps.item(i, 3).setToolTip(self.tr("评审专家少于 3 位"))

    def _recused_by_app(self, p) -> dict[int, list[str]]:
        if not self.matrix:
            return {}
        member_ids = {m.expert_id for m in p.members}
        out: dict[int, list[str]] = {}
        for c in self.matrix["conflicts"]:
            if c["expert_id"] in member_ids:
                name = next(e["name"] for e in self.matrix["experts"] if e["id"] == c["expert_id"])
                out.setdefault(c["application_pk"], []).append(name)
        return out

    # -- panel actions -----------------------------------------------------------------------

    def _call(self, title: str, fn, *args, **kw):
        """One core call = one transaction, through the runner (whose notice refreshes this page
        and the others); a refusal is shown as it was worded, nothing half-done."""
        try:
            return self.win.ops.call(fn, *args, initiator=self, **kw)
        except StoreError as e:
            QMessageBox.warning(self, title, plain(str(e)))
            return None

    def select_panel(self, panel_id: int) -> None:
        i = next((i for i, p in enumerate(self.panels) if p.id == panel_id), -1)
        if i >= 0 and i != self.panel_list.currentRow():
            self.panel_list.setCurrentRow(i)

    def new_panel_dialog(self) -> None:
        if self.session_id is None:
            return
        dlg = NewPanelDialog(list_applications(self.win.store, self.session_id), self)
        if dlg.exec() == NewPanelDialog.Accepted:
            self.create_panel(*dlg.values())

    def _call_confirming(self, title: str, fn, *args, notes: list[str], **kw):
        """``_call``, but a refusal of rule-route applications (不需再行评审) asks the secretary and,
        on Yes, tries again with ``allow_no_review`` (the core audits the confirmation)."""
        try:
            return self.win.ops.call(fn, *args, initiator=self, notes=notes, **kw)
        except FundingError as e:
            if e.code != NO_REVIEW_CODE:
                QMessageBox.warning(self, title, plain(text_of(e)[0]))
                return None
            if not confirm_no_review(self, title, e):
                return None
            notes.clear()  # the refused attempt's notes come again
            return self._call(title, fn, *args, notes=notes, allow_no_review=True, **kw)
        except StoreError as e:
            QMessageBox.warning(self, title, plain(str(e)))
            return None

    def create_panel(self, name: str, items: list[int], application_ids: list[str]) -> int | None:
        notes: list[str] = []  # formal check: excluded packages skipped, undecided ones let in
        pid = self._call_confirming(self.tr("新建评审组"), panels_core.create_panel, self.win.store, self.session_id,
                                    name, items=items or None, application_ids=application_ids or None, notes=notes)
        if pid is not None:
            self.select_panel(pid)  # the notice has listed it
            if notes:
                QMessageBox.information(self, self.tr("新建评审组"), plain("\n".join(notes)))
        return pid

    def delete_panel(self) -> None:
        p = self.current_panel()
        if p is None:
            return
        if QMessageBox.question(self, self.tr("删除评审组"),
                                plain(self.tr("删除评审组“%1”及其分配？抽取记录会保留。").replace("%1", data(p.name)))) \
                != QMessageBox.Yes:
            return
        self._call(self.tr("删除评审组"), panels_core.delete_panel, self.win.store, p.id)

    def draw_dialog(self) -> None:
        p = self.current_panel()
        if p is None:
            return
        dlg = DrawDialog(p.name, self)
        if dlg.exec() == DrawDialog.Accepted:
            self.draw(*dlg.values())

    def draw(self, n: int, seed: int | None = None, fields: list[str] | None = None) -> None:
        """In the background (a large roster is matched field by field); the result in ``last_draw``."""
        p = self.current_panel()
        if p is None:
            return
        title = self.tr("随机抽取专家")
        self.win.ops.run(title, draw_core.draw_experts, self.win.store, self.session_id, p.id, n, seed=seed,
                         fields=fields, done=lambda res: self._drawn(res, p.id),
                         failed=lambda msg: QMessageBox.warning(self, title, plain(msg.split("\n\n")[0])),
                         initiator=self)

    def _drawn(self, res: draw_core.DrawResult, panel_id: int) -> None:
        self.last_draw = res
        self.select_panel(panel_id)
        msg = self.tr("抽中 %1 位专家（随机种子 %2）").replace("%1", str(len(res.drawn))).replace("%2", str(res.seed))
        self.win.statusBar().showMessage(msg, 15000)
        if res.fallback:
            QMessageBox.information(self, self.tr("随机抽取专家"), plain(res.note))

    def add_members_dialog(self) -> None:
        p = self.current_panel()
        if p is None:
            return
        active = [e for e in list_experts(self.win.store) if e.active]  # 停用: never offered
        dlg = AddMembersDialog(active, {m.expert_id for m in p.members}, self)
        if dlg.exec() == AddMembersDialog.Accepted and dlg.chosen():
            self.add_members(dlg.chosen())

    def add_members(self, expert_ids: list[int]) -> None:
        p = self.current_panel()
        warnings = self._call(self.tr("添加专家"), panels_core.add_members, self.win.store, p.id, expert_ids)
        if warnings:
            QMessageBox.information(self, self.tr("添加专家"), plain("\n".join(warnings)))

    def _member_id(self) -> int | None:
        r = self.members.currentRow()
        return self.members.item(r, 0).data(Qt.UserRole) if r >= 0 else None

    def remove_member(self) -> None:
        p, eid = self.current_panel(), self._member_id()
        if p is None or eid is None:
            return
        self._call(self.tr("移除成员"), panels_core.remove_member, self.win.store, p.id, eid)

    def set_leader(self) -> None:
        p, eid = self.current_panel(), self._member_id()
        if p is None or eid is None:
            return
        self._call(self.tr("设为组长"), panels_core.set_leader, self.win.store, p.id, eid)

    def assign_dialog(self) -> None:
        p = self.current_panel()
        if p is None:
            return
        dlg = AssignDialog(len(p.members), self)
        if dlg.exec() == AssignDialog.Accepted:
            self.assign(*dlg.values())

    def assign(self, k: int | None = None, seed: int | None = None):
        p = self.current_panel()
        res = self._call(self.tr("分配评审任务"), panels_core.assign, self.win.store, p.id, k, seed)
        if res is None:
            return None
        self.last_assign = res
        self.win.statusBar().showMessage(self.tr("已分配 %1 项评审任务").replace("%1", str(sum(res.loads.values()))),
                                         15000)
        if res.warnings:
            QMessageBox.warning(self, self.tr("分配评审任务"), plain("\n".join(res.warnings)))
        return res

    # -- conflict matrix -----------------------------------------------------------------

    def detect(self) -> None:
        if self.session_id is None:
            return
        s = self._call(self.tr("检测回避"), conflicts_core.detect_conflicts, self.win.store, self.session_id)
        if s is not None:
            self.win.statusBar().showMessage(
                self.tr("回避检测完成：新增 %1，消除 %2，现有 %3，已撤销 %4").replace("%1", str(s.added))
                .replace("%2", str(s.removed)).replace("%3", str(s.active)).replace("%4", str(s.dismissed)), 15000)

    def reload_matrix(self) -> None:
        g = self.grid
        cell = self._cell(g.currentRow(), g.currentColumn())
        keep = (cell[0]["id"], cell[1]["pk"]) if cell else None
        scroll = (g.verticalScrollBar().value(), g.horizontalScrollBar().value())
        g.blockSignals(True)  # one _show_cell at the end, for the cell found again
        try:
            self._fill_matrix(keep)
        finally:
            g.blockSignals(False)
        g.verticalScrollBar().setValue(scroll[0])
        g.horizontalScrollBar().setValue(scroll[1])
        self._show_cell()

    def _fill_matrix(self, keep: tuple[int, int] | None) -> None:
        g = self.grid
        g.clear()
        self.matrix = None
        if self.session_id is None:
            g.setRowCount(0)
            g.setColumnCount(0)
            return
        m = self.matrix = conflicts_core.conflict_matrix(self.win.store, self.session_id)
        g.setRowCount(len(m["experts"]))
        g.setColumnCount(len(m["applications"]))
        fm = g.horizontalHeader().fontMetrics()
        width = max([fm.horizontalAdvance(a["application_id"]) for a in m["applications"]] + [64]) + 16
        g.setHorizontalHeaderLabels([
            a["application_id"] + "\n" + fm.elidedText(data(a["title"]), Qt.ElideRight, width - 10)
            for a in m["applications"]])
        g.setVerticalHeaderLabels([data(self._who(e["name"], e["unit"])) for e in m["experts"]])
        for j, a in enumerate(m["applications"]):
            g.horizontalHeaderItem(j).setToolTip(tip(f"{a['application_id']}  {a['title']}\n{a['applicant']}"))
            g.setColumnWidth(j, width)
        for i, e in enumerate(m["experts"]):
            g.verticalHeaderItem(i).setToolTip(tip(self._who(e["name"], e["unit"])))
        dismissed = {(c["expert_id"], c["application_pk"]): c for c in m["dismissed"]}
        for i, e in enumerate(m["experts"]):
            for j, a in enumerate(m["applications"]):
                reasons = m["matrix"][i][j]
                d = dismissed.get((e["id"], a["pk"]))
                if reasons:
                    it = ro_item(self.tr("回避"), "\n".join(map(reason_text, reasons)))
                    it.setBackground(QBrush(CONFLICT_BG))
                    it.setForeground(QBrush(QColor("#a00000")))
                elif d:
                    it = ro_item(self.tr("已撤销"), self.tr("原因：%1\n撤销理由：%2").replace("%1", reason_text(d["reason"]))
                                 .replace("%2", d["dismiss_reason"]))
                    it.setBackground(QBrush(DISMISSED_BG))
                else:
                    it = ro_item("")
                it.setTextAlignment(Qt.AlignCenter)
                g.setItem(i, j, it)
        g.resizeRowsToContents()
        self.grid_summary.setText(self.tr("%1 位专家 × %2 个申报包：回避 %3 处，已撤销 %4 处")
                                  .replace("%1", str(len(m["experts"]))).replace("%2", str(len(m["applications"])))
                                  .replace("%3", str(len(m["conflicts"]))).replace("%4", str(len(m["dismissed"]))))
        if keep is not None:
            i = next((i for i, e in enumerate(m["experts"]) if e["id"] == keep[0]), -1)
            j = next((j for j, a in enumerate(m["applications"]) if a["pk"] == keep[1]), -1)
            if i >= 0 and j >= 0:
                g.setCurrentCell(i, j)

    def _who(self, name: str, unit: str) -> str:
        """``name（unit）`` in Chinese, ``name (unit)`` in English."""
        return self.tr("%1（%2）").replace("%1", name).replace("%2", unit)

    def _cell(self, row: int, col: int) -> tuple[dict, dict, list[dict], list[dict]] | None:
        m = self.matrix
        if not m or not (0 <= row < len(m["experts"])) or not (0 <= col < len(m["applications"])):
            return None
        e, a = m["experts"][row], m["applications"][col]
        active = [c for c in m["conflicts"] if c["expert_id"] == e["id"] and c["application_pk"] == a["pk"]]
        gone = [c for c in m["dismissed"] if c["expert_id"] == e["id"] and c["application_pk"] == a["pk"]]
        return e, a, active, gone

    def _show_cell(self) -> None:
        cell = self._cell(self.grid.currentRow(), self.grid.currentColumn())
        if cell is None:
            self.cell_info.setText(self.tr("选中一格查看回避原因；右键可添加或撤销回避。"))
            return
        e, a, active, gone = cell
        lines = [f"{self._who(e['name'], e['unit'])} × {a['application_id']} {self._who(a['title'], a['applicant'])}"]
        src = {"auto": self.tr("自动"), "manual": self.tr("人工"), "declared": self.tr("专家声明")}
        lines += [self.tr("回避［%1］：%2").replace("%1", src.get(c["source"], c["source"])).replace("%2", reason_text(c["reason"]))
                  for c in active]
        lines += [self.tr("已撤销：%1（理由：%2）").replace("%1", reason_text(c["reason"])).replace("%2", c["dismiss_reason"])
                  for c in gone]
        if not active and not gone:
            lines.append(self.tr("无回避"))
        self.cell_info.setText(data("\n".join(lines)))

    def _grid_menu(self, pos: QPoint) -> None:
        idx = self.grid.indexAt(pos)
        cell = self._cell(idx.row(), idx.column())
        if cell is None:
            return
        _e, _a, active, gone = cell
        menu = QMenu(self)
        menu.addAction(self.tr("添加回避…"), lambda: self.add_conflict_dialog(idx.row(), idx.column()))
        if active:
            menu.addAction(self.tr("撤销回避…"), lambda: self.dismiss_dialog(idx.row(), idx.column()))
        for c in gone:
            menu.addAction(self.tr("恢复已撤销的回避：%1").replace("%1", reason_text(c["reason"])[:30]),
                           lambda cid=c["id"]: self.reinstate(cid))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def add_conflict_dialog(self, row: int, col: int) -> None:
        cell = self._cell(row, col)
        if cell is None:
            QMessageBox.information(self, self.tr("添加回避"), self.tr("请先在回避矩阵中选中专家与申报包所在的格。"))
            return
        e, a, _active, _gone = cell
        dlg = ReasonDialog(self.tr("添加回避"), self.tr("%1 回避 %2 %3 的原因：").replace("%1", e["name"])
                           .replace("%2", a["application_id"]).replace("%3", a["title"]), self)
        if dlg.exec() == ReasonDialog.Accepted:
            self.add_conflict(e["id"], a["application_id"], dlg.reason())

    def add_conflict(self, expert_id: int, application_id: str, reason: str) -> None:
        self._call(self.tr("添加回避"), conflicts_core.add_conflict, self.win.store, self.session_id, expert_id,
                   application_id, reason)

    def dismiss_dialog(self, row: int, col: int) -> None:
        cell = self._cell(row, col)
        if cell is None or not cell[2]:
            QMessageBox.information(self, self.tr("撤销回避"), self.tr("选中的格没有回避。"))
            return
        e, a, active, _gone = cell
        for c in active:
            dlg = ReasonDialog(self.tr("撤销回避"), self.tr("撤销 %1 对 %2 的回避（%3）。撤销理由会记入审计日志：")
                               .replace("%1", e["name"]).replace("%2", a["application_id"]).replace("%3", c["reason"]),
                               self)
            if dlg.exec() != ReasonDialog.Accepted:
                return
            self.dismiss(c["id"], dlg.reason())

    def dismiss(self, conflict_id: int, reason: str) -> None:
        self._call(self.tr("撤销回避"), conflicts_core.dismiss_conflict, self.win.store, conflict_id, reason)

    def reinstate(self, conflict_id: int) -> None:
        self._call(self.tr("恢复回避"), conflicts_core.reinstate_conflict, self.win.store, conflict_id)

    # -- draw records ------------------------------------------------------------------------

    def reload_draws(self) -> None:
        """The session's draw records; the one shown stays shown unless a new draw was made."""
        dl = self.draw_list
        before = {dl.item(i).data(Qt.UserRole) for i in range(dl.count())}
        current = dl.currentItem().data(Qt.UserRole) if dl.currentItem() else None
        dl.blockSignals(True)
        dl.clear()
        for d in draw_core.list_draws(self.win.store, self.session_id) if self.session_id else []:
            it = QListWidgetItem(self.tr("第 %1 号 %2 %3").replace("%1", str(d["id"])).replace("%2", data(d["panel"]))
                                 .replace("%3", d["at"]))
            it.setData(Qt.UserRole, d["id"])
            dl.addItem(it)
        ids = [dl.item(i).data(Qt.UserRole) for i in range(dl.count())]
        new = [i for i in ids if i not in before]
        keep = new[-1] if new else current
        dl.setCurrentRow(ids.index(keep) if keep in ids else dl.count() - 1)
        dl.blockSignals(False)
        self._show_draw()

    def select_draw(self, draw_id: int) -> None:
        for i in range(self.draw_list.count()):
            if self.draw_list.item(i).data(Qt.UserRole) == draw_id:
                self.draw_list.setCurrentRow(i)

    def _show_draw(self) -> None:
        it = self.draw_list.currentItem()
        self.draw_text.setPlainText(draw_core.draw_record_text(self.win.store, it.data(Qt.UserRole)) if it else "")
        self.btn_print.setEnabled(it is not None)
        self.btn_save_draw.setEnabled(it is not None)

    def print_draw(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        if QPrintDialog(printer, self).exec() == QPrintDialog.Accepted:
            doc = QTextDocument(self)
            doc.setDefaultFont(self.draw_text.font())
            doc.setPlainText(self.draw_text.toPlainText())
            doc.print_(printer)

    def save_draw(self) -> None:
        it = self.draw_list.currentItem()
        if it is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存抽取记录"),
                                              self.tr("专家抽取记录%1.txt").replace("%1", str(it.data(Qt.UserRole))),
                                              self.tr("文本文件 (*.txt)"))
        if path:
            try:
                with open(path, "w", encoding="utf-8-sig", newline="\r\n") as f:  # BOM + CRLF: Notepad-friendly
                    f.write(self.draw_text.toPlainText() + "\n")
            except OSError as e:
                QMessageBox.critical(self, self.tr("保存抽取记录"), plain(str(e)))
