"""评审结果 page: merged scores per panel, drill-down, divergence flags, agreement statistics,
the panel's consensus, finalise/reopen, signed PDF result sheets and the xlsx export.

Every figure comes from nn_review.results (exact Decimals, rounded only by its ``shown``); the
page never computes a score itself. A review that is on record but not counted (a conflict
recorded after it came in, or the application 不予受理) is shown struck through and marked
回避/不计入. Writes go through the window's runner (``win.ops``); the page is refreshed by change
notices alone (``AFFECTS_RESULTS``: a conflict, a formal decision or a score import on another
page, its own consensus), once when shown if it was out of sight. The drill-down of a row is
built from the panel already merged for the grid.

The panel's opinion being typed is never lost (issue 15): it is saved as a draft of its
application (``results.save_draft``, one small write through ``ops.call``) when another row is
chosen, when the editor loses focus, when the window closes and a second after typing stops;
it comes back when the row is shown again (the rows with a draft are marked), and recording the
consensus deletes it. The page's own draft notices never reload the editor under the typing user.
Texts the core makes (grades, recommendations, conclusions, flags, the agreement in plain words,
refusals) are messages rendered in the UI language (``nn_review.i18n``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QDesktopServices, QFont, QPainter, QTextCursor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nn_review import results as R
from nn_review.changes import AFFECTS_RESULTS, Changes, Kind
from nn_review.i18n import language, render, text_of
from nn_review.forms import criterion_msg, grade_label, level_name, recommendation_name
from nn_review.results.agreement import kendall_msgs, severity_msg, signed
from nn_review.results.merge import short_hash, shown
from nn_review.roster import panels as panels_core
from nn_review.store import StoreError

from . import token_dialog
from .long_message import show_long_message
from .ops import RefreshOnChange
from .panel_dialogs import ReasonDialog
from .plain import data, plain, tip
from .results_model import NOT_COUNTED_FG, ResultsModel
from .widgets import ro_item, ro_table


def _strike(item) -> None:
    """Mark a figure on record that is not counted: struck through, in the warning colour."""
    font = QFont(item.font())
    font.setStrikeOut(True)
    item.setFont(font)
    item.setForeground(QBrush(NOT_COUNTED_FG))


class ResultsPage(RefreshOnChange, QWidget):
    # DRAFTS: another process's draft shows here; this page's own draft saves never reload it
    watched = AFFECTS_RESULTS | Kind.DRAFTS | Kind.FUNDING  # FUNDING: the 拟资助 column
    DRAFT_DELAY_MS = 1000  # a draft is saved this long after typing stops

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.session_id: int | None = None
        self.results: R.PanelResults | None = None
        self.last_report = None
        self.last_long_message = None
        self.drafts: dict[str, R.Draft] = {}   # the panel's opinion drafts, by 申报编号
        self._editing: str | None = None       # the application whose opinion is in the editor
        self._editor_base = ""                 # its text as last loaded or saved (unchanged = nothing to save)
        self._loading = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        win.installEventFilter(self)  # the window closing saves the draft

        self.panel = QComboBox(self)
        self.panel.setMinimumWidth(260)
        self.panel.currentIndexChanged.connect(lambda _i: self.reload_results())
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.PlainText)
        self.state.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # never widens the window
        self.btn_reports = QPushButton(self.tr("生成评审结果表…"), self)
        self.btn_reports.setShortcut("Ctrl+P")
        self.btn_reports.setToolTip(self.tr("每个申报项目的评审意见表、评审组汇总表与个人评分表（PDF，可数字签名）(Ctrl+P)"))
        self.btn_reports.clicked.connect(self.choose_reports)
        self.btn_leader_sign = QPushButton(self.tr("组长加签…"), self)
        self.btn_leader_sign.setToolTip(self.tr("在已生成（并由秘书签名）的评审结果表上加上组长的数字签名；原有签名保持有效"))
        self.btn_leader_sign.clicked.connect(self.choose_leader_sign)
        self.btn_xlsx = QPushButton(self.tr("导出 Excel…"), self)
        self.btn_xlsx.clicked.connect(self.choose_xlsx)
        self.btn_finalise = QPushButton(self.tr("定稿…"), self)
        self.btn_finalise.clicked.connect(self.finalise_dialog)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("评审组"), self))
        top.addWidget(self.panel, 1)
        top.addWidget(self.state, 2)
        for b in (self.btn_reports, self.btn_leader_sign, self.btn_xlsx, self.btn_finalise):
            top.addWidget(b)
        self._add_accept_signed(top)

        self.model = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)  # widths set per fill
        self.table.horizontalHeader().setMinimumSectionSize(48)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())

        self.grades = ro_table(self, [], 0)
        self.flags = ro_table(self, [self.tr("申报编号"), self.tr("类型"), self.tr("说明"), self.tr("已处理")], 2)
        self.severity = ro_table(self, [self.tr("专家"), self.tr("评分项目数"), self.tr("平均偏差"), self.tr("说明")], 3)
        for t in (self.flags, self.severity):  # rows follow the wrapped text at the real column width
            t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.kendall = QLabel(self)
        self.kendall.setTextFormat(Qt.PlainText)  # names the experts left out
        self.kendall.setWordWrap(True)
        agree = QWidget(self)
        al = QVBoxLayout(agree)
        al.addWidget(self.kendall)
        al.addWidget(self.severity, 1)

        # the panel's consensus on the selected application
        self.cons_head = QLabel(self)
        self.cons_head.setTextFormat(Qt.PlainText)
        self.cons_head.setWordWrap(True)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setPlaceholderText(self.tr("专家组意见（组长执笔）"))
        self.opinion.textChanged.connect(self._typed)
        self.opinion.installEventFilter(self)  # focus out saves the draft
        self.draft_state = QLabel(self)
        self.draft_state.setTextFormat(Qt.PlainText)
        self.final = QComboBox(self)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("最终结论与计算结论不同时必须写明理由"))
        self.by_leader = QRadioButton(self.tr("组长"), self)
        self.by_secretary = QRadioButton(self.tr("秘书代录"), self)
        self.by_leader.setChecked(True)
        grp = QButtonGroup(self)
        grp.addButton(self.by_leader)
        grp.addButton(self.by_secretary)
        self.btn_save = QPushButton(self.tr("保存专家组意见"), self)
        self.btn_save.setShortcut("Ctrl+S")
        self.btn_save.clicked.connect(self.save_consensus)
        cons = QWidget(self)
        cf = QFormLayout(cons)
        cf.addRow(self.cons_head)
        cf.addRow(self.tr("意见"), self.opinion)
        cf.addRow(self.tr("最终结论"), self.final)
        cf.addRow(self.tr("理由"), self.reason)
        row = QHBoxLayout()
        row.addWidget(self.by_leader)
        row.addWidget(self.by_secretary)
        row.addStretch(1)
        row.addWidget(self.draft_state)
        row.addWidget(self.btn_save)
        cf.addRow(self.tr("录入"), row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.grades, self.tr("评分明细"))
        self.tabs.addTab(cons, self.tr("专家组意见"))
        self.tabs.addTab(self.flags, self.tr("分歧提示"))
        self.tabs.addTab(agree, self.tr("评审一致性"))
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.tabs)
        split.setSizes([380, 320])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    def title(self) -> str:
        return self.tr("评审结果")

    def status_text(self) -> str:
        """The shown panel's state (status bar, ui.ops.Page)."""
        pr = self.results
        if pr is None:
            return ""
        return (self.tr("%1：%2，%3 个申报项目，专家组意见已录入 %4 个")
                .replace("%1", data(self.panel.currentText()))
                .replace("%2", self.tr("已定稿") if pr.finalised else self.tr("评审中"))
                .replace("%3", str(len(pr.applications)))
                .replace("%4", str(sum(a.consensus is not None for a in pr.applications))))

    # -- loading ---------------------------------------------------------------------------

    def on_changes(self, changes: Changes, initiator: object = None) -> None:
        """This page's own draft saves change nothing it shows but the mark it set itself: no reload
        (the editor is never reloaded under the typing user)."""
        if initiator is self and not (changes.kinds & ~(Kind.DRAFTS | Kind.AUDIT)):
            return
        super().on_changes(changes, initiator)

    def refresh(self) -> None:
        """A notice of something the results read (here or on another page, or another process):
        the panel list and the results anew (one merge), the selected row and the scroll kept."""
        self.save_draft_now()  # what is being typed goes to the store first, and comes back from it
        a = self.current_app()
        bar = self.table.verticalScrollBar()
        scroll = bar.value()
        self.set_session(self.session_id, keep_app=a.application_id if a else None)
        bar.setValue(scroll)

    def set_session(self, session_id: int | None, keep_app: str | None = None) -> None:
        self.save_draft_now()  # in the session it was typed in
        if session_id != self.session_id:
            self._editing = None
        self.session_id = session_id
        self.stale = False  # read anew here
        keep = self.panel.currentData()
        self.panel.blockSignals(True)
        self.panel.clear()
        # Names only: merging every panel just to fill the chooser would do the heavy work twice.
        names = {p.id: p.name for p in panels_core.list_panels(self.win.store, session_id)} if session_id else {}
        for pid in R.session_panels(self.win.store, session_id) if session_id else []:
            self.panel.addItem(data(names.get(pid, str(pid))), pid)
        self.panel.setCurrentIndex(max(self.panel.findData(keep), 0))
        self.panel.blockSignals(False)
        self.reload_results(keep_app)

    def reload_results(self, keep_app: str | None = None) -> None:
        self.save_draft_now()
        pid = self.panel.currentData()
        self.results = R.panel_results(self.win.store, pid) if pid is not None else None
        self.drafts = R.panel_drafts(self.win.store, pid) if pid is not None else {}
        pr = self.results
        for b in (self.btn_reports, self.btn_leader_sign, self.btn_xlsx, self.btn_finalise):
            b.setEnabled(pr is not None)
        if pr is None:
            self.model.set_results(None)
            self._selected()
            self.state.setText(self.tr("本批次还没有评审组") if self.session_id else "")
            return
        self.btn_finalise.setText(self.tr("重新开启…") if pr.finalised else self.tr("定稿…"))
        method = self.tr("去高低平均") if pr.rule.trim_from else self.tr("算术平均")
        self.state.setText(self.tr("%1 · 第 %2 版 · %3 · 数据摘要 %4")
                           .replace("%1", self.tr("已定稿") if pr.finalised else self.tr("评审中"))
                           .replace("%2", str(pr.sheet_version)).replace("%3", method)
                           .replace("%4", short_hash(pr.data_hash)))
        self.state.setToolTip(tip(render(pr.rule.msg)))  # the full rule; the label stays short at 1366 px
        self._fill_table(pr)
        self._fill_flags(pr)
        self._fill_agreement(pr)
        if pr.applications:
            self.select_app(keep_app if self.model.row_of(keep_app or "") >= 0 else pr.applications[0].application_id)
        else:
            self._selected()

    def select_app(self, application_id: str) -> None:
        r = self.model.row_of(application_id)
        if r >= 0:
            self.table.selectRow(r)

    def _fill_table(self, pr: R.PanelResults) -> None:
        self.model.set_results(pr, self._funding_cells(pr))
        self.model.set_drafts(set(self.drafts))  # before sizing: the mark takes room in the id column
        t = self.table
        head = t.horizontalHeader()
        n = self.model.base_columns()
        for c in range(self.model.columnCount()):
            head.setSectionResizeMode(c, QHeaderView.Interactive)
        t.resizeColumnsToContents()  # every figure column as wide as its contents
        for c in (n - 3, n - 2):  # vote counts and conclusions: the full text in the tooltip
            t.setColumnWidth(c, min(t.columnWidth(c), 200))
        if n > 3:  # the title takes what is left, at 1366 and at 1920 alike (issue 15 item 9)
            head.setSectionResizeMode(3, QHeaderView.Stretch)

    def _funding_cells(self, pr: R.PanelResults) -> dict[str, str] | None:
        """The 拟资助（万元） column (issue 21) once the session's funding plan is started (a budget,
        a decision or a 公示): the plan, which merges every panel, is only built then."""
        from nn_review.funding.views import plan_in_use

        from .funding_model import results_amount
        from .funding_tab import load_plan
        if self.session_id is None or not plan_in_use(self.win.store, self.session_id):
            return None
        plan, _error = load_plan(self.win.store, self.session_id)
        if plan is None:
            return None
        return {a.application_id: results_amount(plan, a.application_id) for a in pr.applications}

    def _fill_flags(self, pr: R.PanelResults) -> None:
        flags = [(f, a.form) for a in pr.applications for f in a.flags]
        self.flags.setRowCount(len(flags))
        for r, (f, form) in enumerate(flags):
            for c, v in enumerate((data(f.application_id), render(f.kind_msg), render(f.msg(form)),
                                   render(f.resolution_msg()) if f.resolved else "")):
                self.flags.setItem(r, c, ro_item(v))
        self.tabs.setTabText(2, self.tr("分歧提示（%1）").replace("%1", str(sum(not f.resolved for f in pr.flags))))

    def _fill_agreement(self, pr: R.PanelResults) -> None:
        # plain words first (专家评分一致性：较好 and what it means); W, χ² and p in the tooltip
        sentences, figures = kendall_msgs(pr.kendall)
        sep = "" if language() == "zh_CN" else " "
        self.kendall.setText(data(sep.join(render(m) for m in sentences)))
        self.kendall.setToolTip(tip(render(figures)))
        self.severity.setRowCount(len(pr.severity))
        for r, s in enumerate(pr.severity):
            dev = "" if s.mean_deviation is None else signed(s.mean_deviation)
            why = render(severity_msg(s))
            for c, v in enumerate((data(s.name), s.n, dev, why)):
                self.severity.setItem(r, c, ro_item(v, why))

    def current_app(self) -> R.AppResult | None:
        rows = self.table.selectionModel().selectedRows()
        if self.results is None or self.model.pr is not self.results or len(rows) != 1:
            return None
        return self.model.app(rows[0].row())

    def _selected(self) -> None:
        a, pr = self.current_app(), self.results
        self.grades.clear()
        self.grades.setRowCount(0)
        self.btn_save.setEnabled(a is not None and pr is not None and not pr.finalised)
        self.save_draft_now()  # the row left: its opinion is kept as a draft
        if a is None or pr is None:
            self.cons_head.setText("")
            self._load_editor(None, "")
            return
        # from the panel merged for the grid: a click reads nothing from the store
        table = R.ApplicationDetail(pr, a).grade_table
        self.grades.setColumnCount(2 + len(a.experts))
        self.grades.setHorizontalHeaderLabels(
            [self.tr("评审指标"), self.tr("权重")]
            + [data(e.name) + (self.tr("（%1，不计入）").replace("%1", render(e.mark_msg)) if e.status == "excluded" else "")
               for e in a.experts])
        self.grades.setRowCount(len(table) + 1)
        for r, row in enumerate(table):
            self.grades.setItem(r, 0, ro_item(render(criterion_msg(a.form, row["criterion"]))))
            self.grades.setItem(r, 1, ro_item(row["weight"]))
            for c, cell in enumerate(row["cells"]):
                text = "" if cell is None else f"{cell['grade']}  {cell['score']}"
                hover = "" if cell is None else "\n".join(x for x in (grade_label(a.form, cell["grade"]),
                                                                      data(cell.get("comment", ""))) if x)
                self.grades.setItem(r, 2 + c, ro_item(text, hover))
                if cell is not None and not cell["counted"]:
                    _strike(self.grades.item(r, 2 + c))
        last = len(table)
        self.grades.setItem(last, 0, ro_item(self.tr("总分")))
        for c, e in enumerate(a.experts):
            if e.status == "excluded" and e.total is not None:
                self.grades.setItem(last, 2 + c, ro_item(shown(e.total),
                                                         self.tr("不计入：%1").replace("%1", render(e.reason_msg))))
                _strike(self.grades.item(last, 2 + c))
            else:
                self.grades.setItem(last, 2 + c, ro_item(render(e.cell_msg), render(e.reason_msg)))
        self.grades.resizeColumnsToContents()
        # consensus editor
        self.cons_head.setText(data(f"{a.application_id}  {a.title}\n" + self.tr("计算结论：%1").replace(
            "%1", render(a.conclusion_msg)) + (self.tr("（专家组意见已过期：评分在其后有变化）")
                                               if a.consensus and a.consensus.stale else "")
            + "\n" + self.tr("形式审查结论：%1").replace("%1", render(a.formal_msg))
            + "".join("\n" + self.tr("%1 的评分不计入：%2").replace("%1", e.name).replace("%2", render(e.reason_msg))
                      for e in a.excluded)))
        self.final.clear()
        options = ([(lv.id, level_name(a.form, lv.id)) for lv in a.form.levels] if a.form.levels
                   else [(rid, recommendation_name(a.form, rid)) for rid, _ in a.form.recommendations])
        for oid, name in options:
            self.final.addItem(name, oid)
        c = a.consensus
        draft = self.drafts.get(a.application_id)
        self._load_editor(a.application_id, draft.text if draft else (c.text if c else ""))
        self.opinion.setReadOnly(pr.finalised)
        chosen = (a.final_level if a.form.levels else a.final_recommendation)
        self.final.setCurrentIndex(max(self.final.findData(chosen), 0))
        self.reason.setText(c.override_reason if c else "")
        (self.by_secretary if c and c.author_role == "secretary" else self.by_leader).setChecked(True)

    # -- the opinion being typed: kept as a draft ----------------------------------------------

    def _load_editor(self, application_id: str | None, text: str) -> None:
        """Show ``text`` for ``application_id`` — unless the editor already holds exactly that for the
        same application (a refresh under the typing user keeps the cursor and the undo stack)."""
        self._draft_timer.stop()
        same = application_id is not None and application_id == self._editing
        if not (same and self.opinion.toPlainText() == text):
            self._loading = True
            try:
                self.opinion.setPlainText(text)
                self.opinion.moveCursor(QTextCursor.End)  # to go on writing where the draft stopped
            finally:
                self._loading = False
        self._editing, self._editor_base = application_id, text
        self._show_draft_state()

    def _typed(self) -> None:
        if not self._loading and self._editing is not None:
            self._draft_timer.start()  # restarted by every keystroke: saved once typing pauses

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        if (obj is self.opinion and event.type() == QEvent.FocusOut) or \
                (obj is self.win and event.type() == QEvent.Close):
            self.save_draft_now()
        return super().eventFilter(obj, event)

    def save_draft_now(self) -> bool:
        """Save the editor's text as the draft of its application if it changed (one small write);
        False when that was refused (shown beside the editor: never a box under the typing user)."""
        self._draft_timer.stop()
        aid, text = self._editing, self.opinion.toPlainText()
        if aid is None or text == self._editor_base or self.session_id is None or \
                (self.results is not None and self.results.finalised):
            return True
        try:
            draft = self.win.ops.call(R.save_draft, self.win.store, self.session_id, aid, text, initiator=self)
        except Exception as e:  # noqa: BLE001 — a closed store at shutdown included: never raise from a filter
            self.draft_state.setText(self.tr("草稿未能保存：%1").replace("%1", text_of(e)[0]))
            self.draft_state.setToolTip(tip(text_of(e)[0]))
            return False
        self._editor_base = text
        if draft is None:
            self.drafts.pop(aid, None)
        else:
            self.drafts[aid] = draft
        self.model.set_drafts(set(self.drafts))
        self.table.resizeColumnToContents(2)  # room for the mark
        self._show_draft_state()
        return True

    def _show_draft_state(self) -> None:
        d = self.drafts.get(self._editing or "")
        self.draft_state.setText(self.tr("草稿已保存 %1").replace("%1", d.local_time.strftime("%H:%M")) if d else "")
        self.draft_state.setToolTip(self.tr("专家组意见尚未录入：文字已作为草稿保存，录入后草稿自动删除") if d else "")

    # -- actions -------------------------------------------------------------------------

    def save_consensus(self) -> bool:
        a = self.current_app()
        if a is None:
            return False
        key = "level" if a.form.levels else "recommendation"
        self._draft_timer.stop()
        # being recorded: nothing to save as a draft (the record deletes it); kept if refused
        base, self._editor_base = self._editor_base, self.opinion.toPlainText()
        try:  # the notice refreshes this page (and the others) with the row kept
            self.win.ops.call(R.set_consensus, self.win.store, self.session_id, a.application_id,
                              opinion=self.opinion.toPlainText(), reason=self.reason.text(),
                              by="secretary" if self.by_secretary.isChecked() else "leader",
                              **{key: self.final.currentData()}, initiator=self)
        except StoreError as e:
            self._editor_base = base
            self.save_draft_now()
            QMessageBox.warning(self, self.tr("专家组意见"), plain(text_of(e)[0]))
            return False
        self.win.statusBar().showMessage(self.tr("已保存 %1 的专家组意见").replace("%1", a.application_id), 10000)
        return True

    def finalise_dialog(self) -> None:
        if self.results is None:
            return
        if self.results.finalised:
            dlg = ReasonDialog(self.tr("重新开启评审批次"), self.tr("重新开启后可修改评分与意见；此后打印的评审表版本号加一。理由："),
                               self)
            if dlg.exec() == ReasonDialog.Accepted:
                self._call(self.tr("重新开启"), R.reopen, self.win.store, self.session_id, dlg.reason())
            return
        problems, _hashes, n = R.finalise_refusal(self.win.store, self.session_id)
        if problems:  # 30 applications without a consensus must scroll, and can be copied as a to-do list
            self.show_long(self.tr("定稿"), self.tr("还不能定稿：以下 %1 项须先处理。").replace("%1", str(len(problems))),
                           [render(p) for p in problems])
            return
        if QMessageBox.question(self, self.tr("定稿"), self.tr("定稿后本批次（%1 个申报项目）只读，修改须重新开启并说明理由。现在定稿？")
                                .replace("%1", str(n))) == QMessageBox.Yes:
            self._call(self.tr("定稿"), R.finalise, self.win.store, self.session_id)

    def _call(self, title: str, fn, *args) -> None:
        """Finalise/reopen: the notice (SESSIONS) refreshes this page and the window's session chooser."""
        try:
            self.win.ops.call(fn, *args, initiator=self)
        except StoreError as e:
            text, detail = text_of(e)
            head, *lines = text.split("\n")
            if lines or detail:  # a refusal listing what is left to do: scrollable
                self.show_long(title, head, [x.strip() for x in lines], detail=detail)
            else:
                QMessageBox.warning(self, title, plain(text))

    def show_long(self, title: str, summary: str, lines: list[str], *, detail: str = "", level: str = "warning"):
        """A message that can list many lines: scrollable, with a copy button (ui/long_message.py)."""
        self.last_long_message = show_long_message(self, title, plain(summary), [plain(data(x)) for x in lines],
                                                   detail=detail, level=level)
        return self.last_long_message

    def choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出评审结果"),
                                              str(Path(QSettings().value("results/last_dir", str(Path.home())))
                                                  / "评审结果.xlsx"), "Excel (*.xlsx)")
        if path:
            QSettings().setValue("results/last_dir", str(Path(path).parent))
            self._run(self.tr("导出 Excel"), self.win.ops.job(R.write_xlsx), self.win.store, self.session_id, path,
                      done=lambda p: self.win.statusBar().showMessage(self.tr("已导出 %1").replace("%1", str(p)),
                                                                      15000))

    def choose_reports(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择存放评审结果表的文件夹"),
                                                  QSettings().value("results/last_dir", str(Path.home())))
        if not folder:
            return
        QSettings().setValue("results/last_dir", folder)
        how = token_dialog.choose_signing(self, self.tr("用秘书的签名证书对生成的 PDF 做数字签名？"))
        identity = token_dialog.open_token(self, "secretary", self.win.store.actor) if how == "token" else None
        if how is not None and (how != "token" or identity is not None):
            self.write_reports(Path(folder), how != "none", identity)

    def write_reports(self, folder: Path, sign: bool, identity=None) -> None:
        """``identity``: an open UKey (token_dialog.open_token), closed when the task ends."""
        if self.win.ops.busy or self.session_id is None:
            if identity is not None:
                identity.close()
            return
        from .signer_dialogs import ensure_signer_profile
        # asked once, before the first signature with this PC's key (a UKey's certificate names its holder)
        if sign and identity is None and not ensure_signer_profile(self, self.win.store):
            return
        progress = QProgressDialog(self.tr("正在生成评审结果表…"), self.tr("取消"), 0, 1000, self)
        progress.setWindowTitle(self.tr("生成评审结果表"))
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        args = (self.win.store, self.session_id, folder)
        kw = dict(sign=sign, panel_ids=[self.panel.currentData()], identity=identity)
        fn = R.write_reports
        if identity is not None:  # the UKey's certificate recorded first, the token closed at the end
            fn = self.win.ops.job(token_dialog.secretary_job(self.win.store, partial(fn, *args, **kw), identity))
            args, kw = (), {}

        def step(done, total, name):
            progress.setValue(done * 1000 // total if total else 0)
            progress.setLabelText(plain(data(name)))

        self.win.ops.run(self.tr("生成评审结果表"), fn, *args, long=True, progress=progress, step=step,
                         done=self._reports_done, initiator=self, **kw)

    def _reports_done(self, res) -> None:
        self.last_report = res
        if res.cancelled:
            self.win.statusBar().showMessage(self.tr("已取消，未留下任何文件"), 10000)
            return
        n = len(res.summaries) + len(res.sheets) + len(res.personal)
        box = QMessageBox(self)
        box.setTextFormat(Qt.PlainText)  # the signer's name comes from the certificate
        box.setWindowTitle(self.tr("评审结果表"))
        box.setText(self.tr("已生成 %1 个 PDF 文件%2。").replace("%1", str(n)).replace(
            "%2", self.tr("（已数字签名，签名人 %1）").replace("%1", res.signer) if res.signed else ""))
        box.setInformativeText(plain(res.notice))
        open_pdf = box.addButton(self.tr("打开汇总表"), QMessageBox.ActionRole)  # the system PDF reader
        open_dir = box.addButton(self.tr("打开文件夹"), QMessageBox.ActionRole)
        print_btn = box.addButton(self.tr("打印汇总表…"), QMessageBox.ActionRole)
        box.addButton(self.tr("关闭"), QMessageBox.RejectRole)
        self.report_box = box
        box.open()
        summary = res.summaries[0] if res.summaries else None

        def clicked(b) -> None:
            if b is open_dir:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(res.out_dir)))
            elif b is open_pdf and summary:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(summary)))
            elif b is print_btn and summary:
                self.print_pdf(summary)

        box.buttonClicked.connect(clicked)

    def choose_leader_sign(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择要由组长加签的评审结果表"),
                                                QSettings().value("results/last_dir", str(Path.home())), "PDF (*.pdf)")
        if not files:
            return
        # No leader key is ever made on this PC: only the leader's own UKey signs here; otherwise
        # the leader countersigns in the expert workspace and the sheet comes back (导入组长签署的结果表).
        box = QMessageBox(QMessageBox.Question, self.tr("组长加签"), self.tr(
            "组长只能用本人的密钥签名：\n• 组长携带本人的 UKey 在本机签名；或\n"
            "• 把结果表交给组长，由组长在本人电脑的专家工作台中签署（文件 → 组长签署结果表…），"
            "交回后用“导入组长签署的结果表…”入档。"), QMessageBox.Cancel, self)
        token_btn = box.addButton(self.tr("使用组长本人的 UKey…"), QMessageBox.AcceptRole)
        box.setDefaultButton(token_btn)
        box.exec()
        if box.clickedButton() is token_btn:
            self.leader_sign_token([Path(f) for f in files])

    def leader_sign_token(self, paths: list[Path]) -> None:
        """The leader signs in person with the leader's own UKey (certificate pinned on first use)."""
        pid = self.panel.currentData()
        opened = token_dialog.open_leader_token(self, self.win.store, pid) if not self.win.ops.busy else None
        if opened:
            ident, reason = opened
            self._run(self.tr("组长加签"),
                      self.win.ops.job(token_dialog.leader_job(self.win.store, paths, ident, pid, reason)),
                      done=lambda res: self.win.statusBar().showMessage(
                          self.tr("已由 %1 加签 %2 个文件").replace("%1", res.identity.name)
                          .replace("%2", str(len(paths))), 15000))

    def leader_sign(self, paths: list[Path]) -> None:
        pid = self.panel.currentData()
        self._run(self.tr("组长加签"), R.sign_existing, self.win.store, paths, as_role="leader", panel_id=pid,
                  done=lambda ident: self.win.statusBar().showMessage(
                      self.tr("已由 %1 加签 %2 个文件").replace("%1", ident.name).replace("%2", str(len(paths))), 15000))

    # -- countersigned sheets coming back from the leader ------------------------------------

    def _add_accept_signed(self, layout) -> None:
        self.btn_accept_signed = QPushButton(self.tr("导入组长签署的结果表…"), self)
        self.btn_accept_signed.setToolTip(self.tr("组长在本人电脑上签署后交回的结果表：核验组长证书、原有签名和发出的结果表后入档"))
        self.btn_accept_signed.clicked.connect(lambda: self.accept_signed())
        layout.addWidget(self.btn_accept_signed)

    def accept_signed(self, paths: list[Path] | None = None) -> None:
        """Check countersigned sheets (same core as ``session accept-signed``) in the background and
        report each outcome (signature checks take ~0.2 s a file: never on the UI thread)."""
        from nn_review.results.accept import accept_signed_files
        if not self.session_id:
            return
        if paths is None:
            files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择组长签署后交回的结果表"),
                                                    QSettings().value("results/last_dir", str(Path.home())),
                                                    "PDF (*.pdf)")
            paths = [Path(f) for f in files]
        if paths:
            self._run(self.tr("导入组长签署的结果表"), self.win.ops.job(accept_signed_files), self.win.store,
                      self.session_id, paths, done=self._accepted)

    def _accepted(self, results: list) -> None:
        lines = [(self.tr("已入档：") if r.outcome == "accepted" else self.tr("拒收："))
                 + f"{Path(r.file).name}  {render(r.msg) if r.msg is not None else r.message}" for r in results]
        n = sum(r.outcome == "accepted" for r in results)
        self.show_long(self.tr("导入组长签署的结果表"),
                       self.tr("已入档 %1 个文件，拒收 %2 个。").replace("%1", str(n)).replace("%2", str(len(results) - n)),
                       lines, level="info" if n == len(results) else "warning")

    def print_pdf(self, path: Path) -> None:
        """Print a PDF through the system dialog: each page rendered at the printer's resolution."""
        doc = QPdfDocument(self)
        doc.load(str(path))
        printer = QPrinter(QPrinter.HighResolution)
        if QPrintDialog(printer, self).exec() != QPrintDialog.Accepted:
            return
        painter = QPainter(printer)
        try:
            for i in range(doc.pageCount()):
                if i:
                    printer.newPage()
                rect: QRect = painter.viewport()
                size = doc.pagePointSize(i).toSize().scaled(rect.size(), Qt.KeepAspectRatio)
                painter.drawImage(QRect(rect.topLeft(), size), doc.render(i, size))
        finally:
            painter.end()

    def _run(self, title: str, fn, *args, done, **kw) -> None:
        """In the background through the window's runner: one failure box, the notice broadcast."""
        self.win.ops.run(title, fn, *args, done=done, initiator=self, **kw)


