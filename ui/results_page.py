"""评审结果 page: merged scores per panel, drill-down, divergence flags, agreement statistics,
the panel's consensus, finalise/reopen, signed PDF result sheets and the xlsx export.

Every figure comes from nn_review.results (exact Decimals, rounded only by its ``shown``); the
page never computes a score itself. A review that is on record but not counted (a conflict
recorded after it came in, or the application 不予受理) is shown struck through and marked
回避/不计入. Writes go through the window's runner (``win.ops``); the page is refreshed by change
notices alone (``AFFECTS_RESULTS``: a conflict, a formal decision or a score import on another
page, its own consensus), once when shown if it was out of sight. The drill-down of a row is
built from the panel already merged for the grid.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt, QUrl
from PySide6.QtGui import QBrush, QDesktopServices, QFont, QPainter
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
from nn_review.changes import AFFECTS_RESULTS
from nn_review.results.agreement import signed
from nn_review.results.merge import short_hash, shown
from nn_review.roster import panels as panels_core
from nn_review.store import StoreError

from . import token_dialog
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
    watched = AFFECTS_RESULTS

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.session_id: int | None = None
        self.results: R.PanelResults | None = None
        self.last_report = None

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

    def refresh(self) -> None:
        """A notice of something the results read (here or on another page, or another process):
        the panel list and the results anew (one merge), the selected row and the scroll kept."""
        a = self.current_app()
        bar = self.table.verticalScrollBar()
        scroll = bar.value()
        self.set_session(self.session_id, keep_app=a.application_id if a else None)
        bar.setValue(scroll)

    def set_session(self, session_id: int | None, keep_app: str | None = None) -> None:
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
        pid = self.panel.currentData()
        self.results = R.panel_results(self.win.store, pid) if pid is not None else None
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
        self.state.setToolTip(tip(pr.rule.text))  # the full rule; the label stays short at 1366 px
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
        self.model.set_results(pr)
        t = self.table
        t.resizeColumnsToContents()
        t.setColumnWidth(3, min(t.columnWidth(3), 300))
        n = self.model.columnCount()
        for c in (n - 3, n - 2):  # long texts: full text in the tooltip
            t.setColumnWidth(c, min(t.columnWidth(c), 170))

    def _fill_flags(self, pr: R.PanelResults) -> None:
        self.flags.setRowCount(len(pr.flags))
        for r, f in enumerate(pr.flags):
            for c, v in enumerate((f.application_id, f.kind_zh, f.message, f.resolution if f.resolved else "")):
                self.flags.setItem(r, c, ro_item(v))
        self.tabs.setTabText(2, self.tr("分歧提示（%1）").replace("%1", str(sum(not f.resolved for f in pr.flags))))

    def _fill_agreement(self, pr: R.PanelResults) -> None:
        k = pr.kendall
        if k.w is None:
            text = self.tr("肯德尔和谐系数 W：数据不足，无法计算（需至少 2 位专家共同评分至少 2 个项目）")
        else:
            text = (self.tr("肯德尔和谐系数 W = %1（%2 位专家 × %3 个项目，χ² = %4，p = %5）")
                    .replace("%1", f"{k.w:.3f}").replace("%2", str(k.m)).replace("%3", str(k.n))
                    .replace("%4", f"{k.chi2:.2f}").replace("%5", f"{k.p_value:.4f}"))
        if k.left_out:
            text += "\n" + self.tr("未计入：%1").replace("%1", "、".join(k.left_out))
        self.kendall.setText(data(text))
        self.kendall.setToolTip(tip(k.explanation))
        self.severity.setRowCount(len(pr.severity))
        for r, s in enumerate(pr.severity):
            dev = "" if s.mean_deviation is None else signed(s.mean_deviation)
            for c, v in enumerate((s.name, s.n, dev, s.explanation)):
                self.severity.setItem(r, c, ro_item(v, s.explanation))

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
        if a is None or pr is None:
            self.cons_head.setText("")
            return
        # from the panel merged for the grid: a click reads nothing from the store
        table = R.ApplicationDetail(pr, a).grade_table
        self.grades.setColumnCount(2 + len(a.experts))
        self.grades.setHorizontalHeaderLabels(
            [self.tr("评审指标"), self.tr("权重")]
            + [data(e.name) + (self.tr("（%1，不计入）").replace("%1", e.exclusion_mark) if e.status == "excluded" else "")
               for e in a.experts])
        self.grades.setRowCount(len(table) + 1)
        for r, row in enumerate(table):
            self.grades.setItem(r, 0, ro_item(row["name"]))
            self.grades.setItem(r, 1, ro_item(row["weight"]))
            for c, cell in enumerate(row["cells"]):
                text = "" if cell is None else f"{cell['grade']}  {cell['score']}"
                self.grades.setItem(r, 2 + c, ro_item(text, "" if cell is None else cell.get("comment", "")))
                if cell is not None and not cell["counted"]:
                    _strike(self.grades.item(r, 2 + c))
        last = len(table)
        self.grades.setItem(last, 0, ro_item(self.tr("总分")))
        for c, e in enumerate(a.experts):
            if e.status == "excluded" and e.total is not None:
                self.grades.setItem(last, 2 + c, ro_item(shown(e.total), self.tr("不计入：%1").replace("%1", e.reason)))
                _strike(self.grades.item(last, 2 + c))
            else:
                self.grades.setItem(last, 2 + c, ro_item(e.cell, e.reason))
        self.grades.resizeColumnsToContents()
        # consensus editor
        self.cons_head.setText(data(f"{a.application_id}  {a.title}\n" + self.tr("计算结论：%1").replace(
            "%1", a.conclusion_text) + (self.tr("（专家组意见已过期：评分在其后有变化）") if a.consensus and a.consensus.stale
                                        else "")
            + "\n" + self.tr("形式审查结论：%1").replace("%1", a.formal_text)
            + "".join("\n" + self.tr("%1 的评分不计入：%2").replace("%1", e.name).replace("%2", e.reason)
                      for e in a.excluded)))
        self.final.clear()
        options = ([(lv.id, lv.name) for lv in a.form.levels] if a.form.levels else list(a.form.recommendations))
        for oid, name in options:
            self.final.addItem(name, oid)
        c = a.consensus
        self.opinion.setPlainText(c.text if c else "")
        chosen = (a.final_level if a.form.levels else a.final_recommendation)
        self.final.setCurrentIndex(max(self.final.findData(chosen), 0))
        self.reason.setText(c.override_reason if c else "")
        (self.by_secretary if c and c.author_role == "secretary" else self.by_leader).setChecked(True)

    # -- actions -------------------------------------------------------------------------

    def save_consensus(self) -> bool:
        a = self.current_app()
        if a is None:
            return False
        key = "level" if a.form.levels else "recommendation"
        try:  # the notice refreshes this page (and the others) with the row kept
            self.win.ops.call(R.set_consensus, self.win.store, self.session_id, a.application_id,
                              opinion=self.opinion.toPlainText(), reason=self.reason.text(),
                              by="secretary" if self.by_secretary.isChecked() else "leader",
                              **{key: self.final.currentData()}, initiator=self)
        except StoreError as e:
            QMessageBox.warning(self, self.tr("专家组意见"), plain(str(e)))
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
        problems, _hashes, n = R.finalise_problems(self.win.store, self.session_id)
        if problems:
            QMessageBox.warning(self, self.tr("定稿"), plain(self.tr("还不能定稿：\n%1").replace("%1", "\n".join(problems))))
            return
        if QMessageBox.question(self, self.tr("定稿"), self.tr("定稿后本批次（%1 个申报项目）只读，修改须重新开启并说明理由。现在定稿？")
                                .replace("%1", str(n))) == QMessageBox.Yes:
            self._call(self.tr("定稿"), R.finalise, self.win.store, self.session_id)

    def _call(self, title: str, fn, *args) -> None:
        """Finalise/reopen: the notice (SESSIONS) refreshes this page and the window's session chooser."""
        try:
            self.win.ops.call(fn, *args, initiator=self)
        except StoreError as e:
            QMessageBox.warning(self, title, plain(str(e)))

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
        lines = [(self.tr("已入档：") if r.outcome == "accepted" else self.tr("拒收：")) + f"{Path(r.file).name}  {r.message}"
                 for r in results]
        ok = all(r.outcome == "accepted" for r in results)
        (QMessageBox.information if ok else QMessageBox.warning)(self, self.tr("导入组长签署的结果表"),
                                                                plain(data("\n\n".join(lines))))

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


