"""评审包与回收 page: export a panel's encrypted review bundles (+ letters), import returned scores.

The export asks for two folders (ui/handout_dialog.py): the bundles for the USB stick, the letters
(with the passwords) kept on this computer or only printed — never together (issue 20).

Bundle passwords exist only in the one-time dialog (ui/passwords_dialog.py) and in the
assignment letters: the dialog says so, and closing it asks for confirmation unless the
passwords were printed or saved as PDF.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressDialog,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from nn_review.changes import Kind
from nn_review.exchange import handout, scores_import
from nn_review.i18n import text_of
from nn_review.roster import panels as panels_core
from nn_review.services.sessions import get_session
from nn_review.store import StoreError

from .handout_dialog import HandoutFoldersDialog
from .ops import RefreshOnChange
from .panel_dialogs import ReasonDialog
from .passwords_dialog import PasswordsDialog
from .plain import data, plain
from .returns_model import ApplicationReturnsModel, ExpertReturnsModel
from .store_watch import kept_view_state
from .widgets import ro_item, ro_table, ro_view
from .worker import Task

SCORE_SUFFIX = ".nnscore"


class ScoreResultsDialog(QDialog):
    def __init__(self, results: list[scores_import.ScoreImportResult], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("评分文件导入结果"))
        ok = sum(r.outcome == "imported" for r in results)
        failed = sum(r.outcome == "failed" for r in results)
        text = self.tr("已导入 %1 个，拒收 %2 个").replace("%1", str(ok)).replace("%2", str(len(results) - ok - failed))
        if failed:  # a file the program could not handle (not the file's fault): said apart from refusals
            text += self.tr("，失败 %1 个").replace("%1", str(failed))
        head = QLabel(text, self)
        self.table = ro_table(self, [self.tr("结果"), self.tr("文件"), self.tr("说明")], 2)
        rows = sorted(results, key=lambda r: r.outcome == "imported")  # refusals first
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            label = {"imported": self.tr("已导入"), "failed": self.tr("失败")}.get(r.outcome) or self.tr("拒收")
            item = ro_item(label)
            item.setForeground(QBrush(QColor("#1e7d32" if r.outcome == "imported" else "#c62828")))
            self.table.setItem(i, 0, item)
            self.table.setItem(i, 1, ro_item(Path(r.file).name, r.file))
            # Plain words and what to do; the technical reason (HMAC, field, code) on hover and in 详细信息…
            problem = r.problem
            self.table.setItem(i, 2, ro_item(problem.render(), problem.detail))
        self.table.cellDoubleClicked.connect(lambda row, _col: self.show_details(row))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        details = buttons.addButton(self.tr("详细信息…"), QDialogButtonBox.ActionRole)
        details.setToolTip(self.tr("所选文件的完整说明和技术细节"))
        details.clicked.connect(lambda: self.show_details(self.table.currentRow()))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        if rows:
            self.table.selectRow(0)
        self.resize(900, 360)

    def details(self, row: int):
        """The LongMessageDialog 详细信息… shows for ``row`` (not yet shown): technical detail folded."""
        from .long_message import LongMessageDialog
        if not 0 <= row < len(self.rows):
            return None
        r = self.rows[row]
        problem = r.problem
        return LongMessageDialog(self, Path(r.file).name, problem.render(), detail="\n".join([r.file, problem.detail]),
                                 level="info" if r.outcome == "imported" else "error")

    def show_details(self, row: int) -> None:
        dlg = self.details(row)
        if dlg is not None:
            dlg.exec()


class ExchangePage(RefreshOnChange, QWidget):
    # The panel chooser (members, applications, assignments), the returns tables (bundles, score
    # files, recusals, keys, excluded packages) and the deadline (the session's end date).
    watched = (Kind.PANELS | Kind.CONFLICTS | Kind.BUNDLES | Kind.RETURNS | Kind.ROSTER | Kind.KEYS
               | Kind.SESSIONS | Kind.PACKAGES)

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.session_id: int | None = None
        self.export_task: Task | None = None
        self.last_handout: list[handout.Handout] = []
        self.last_results: list[scores_import.ScoreImportResult] = []
        self.passwords_dialog: PasswordsDialog | None = None
        self.results_dialog: ScoreResultsDialog | None = None
        self.folders_dialog: HandoutFoldersDialog | None = None

        self.panel = QComboBox(self)
        self.panel.setMinimumWidth(280)
        self.deadline = QDateEdit(self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.btn_export = QPushButton(self.tr("导出本组评审包…"), self)
        self.btn_export.setShortcut("Ctrl+E")
        self.btn_export.setToolTip(self.tr("为本组每位专家生成加密评审包和任务通知书，分别存放 (Ctrl+E)"))
        self.btn_export.clicked.connect(self.choose_export)
        box = QGroupBox(self.tr("制作评审包"), self)
        bl = QHBoxLayout(box)
        bl.addWidget(QLabel(self.tr("评审组"), self))
        bl.addWidget(self.panel, 1)
        bl.addWidget(QLabel(self.tr("交回截止"), self))
        bl.addWidget(self.deadline)
        bl.addWidget(self.btn_export)

        self.btn_import = QPushButton(self.tr("导入评分文件…"), self)
        self.btn_import.setShortcut("Ctrl+Shift+O")
        self.btn_import.setToolTip(self.tr("导入专家交回的 .nnscore 评分文件；也可直接拖到窗口 (Ctrl+Shift+O)"))
        self.btn_import.clicked.connect(self.choose_scores)
        self.btn_repin = QPushButton(self.tr("更换专家密钥…"), self)
        self.btn_repin.clicked.connect(self.repin_dialog)
        self.summary = QLabel(self)
        self.experts_model = ExpertReturnsModel(self)
        self.experts = ro_view(self, self.experts_model, 6)
        self.experts.selectionModel().selectionChanged.connect(self._enable)
        self.apps_model = ApplicationReturnsModel(self)
        self.apps = ro_view(self, self.apps_model, 1)
        returns = QGroupBox(self.tr("评分回收"), self)
        rl = QVBoxLayout(returns)
        row = QHBoxLayout()
        row.addWidget(self.btn_import)
        row.addWidget(self.btn_repin)
        row.addStretch(1)
        row.addWidget(self.summary)
        rl.addLayout(row)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.experts)
        split.addWidget(self.apps)
        rl.addWidget(split, 1)
        hint = QLabel(self.tr("把 .nnscore 评分文件拖到此窗口即可导入；被篡改、重放或不属于本批次的文件会被拒收并说明原因。"), self)
        hint.setStyleSheet("color: #666;")
        rl.addWidget(hint)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(box)
        lay.addWidget(returns, 1)
        self._enable()

    def title(self) -> str:
        return self.tr("评审包与评分回收")

    def status_text(self) -> str:
        ov = getattr(self, "overview", None)
        if ov is None:
            return ""
        sent = sum(e.bundle_id is not None for e in ov.experts)
        c = ov.counts
        return (self.tr("评审包已发 %1 位专家；评分已交回 %2，部分交回 %3，未交回 %4")
                .replace("%1", str(sent)).replace("%2", str(c["received"])).replace("%3", str(c["partial"]))
                .replace("%4", str(sum(e.status == "missing" and e.bundle_id is not None for e in ov.experts))))

    # -- data ------------------------------------------------------------------------------

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        end = get_session(self.win.store, session_id).end_date if session_id else None
        d = end or (date.today() + timedelta(days=14))
        self.deadline.setDate(QDate(d.year, d.month, d.day))
        self.reload()

    def refresh(self) -> None:
        """A change notice: panels and returns anew (selection and scroll kept), the deadline as typed."""
        with kept_view_state(self):
            self.reload()

    def reload(self) -> None:
        keep = self.panel.currentData()
        self.panel.clear()
        for p in panels_core.list_panels(self.win.store, self.session_id) if self.session_id else []:
            self.panel.addItem(self.tr("%1（%2 人，%3 项，%4 项任务）").replace("%1", data(p.name))
                               .replace("%2", str(len(p.members))).replace("%3", str(len(p.applications)))
                               .replace("%4", str(p.assignments)), p.id)
        i = self.panel.findData(keep)
        self.panel.setCurrentIndex(max(i, 0))
        self.reload_returns()
        self._enable()

    def reload_returns(self) -> None:
        self.overview = None
        if self.session_id is None:
            self.experts_model.set_rows([])
            self.apps_model.set_rows([])
            self.summary.setText("")
            return
        ov = self.overview = scores_import.returns_overview(self.win.store, self.session_id)
        self.experts_model.set_rows(ov.experts)
        self.apps_model.set_rows(ov.applications)
        got = sum(e.status == "received" for e in ov.experts)
        self.summary.setText(self.tr("专家 %1 位：已交回 %2，部分 %3，未交回 %4")
                             .replace("%1", str(len(ov.experts))).replace("%2", str(got))
                             .replace("%3", str(sum(e.status == "partial" for e in ov.experts)))
                             .replace("%4", str(sum(e.status == "missing" for e in ov.experts))))

    def _enable(self) -> None:
        self.btn_export.setEnabled(self.panel.count() > 0)
        self.btn_import.setEnabled(self.session_id is not None)
        self.btn_repin.setEnabled(self.selected_expert() is not None)

    def selected_expert(self):
        """The expert row (scores_import overview) selected in the returns table, or None."""
        rows = self.experts.selectionModel().selectedRows()
        return self.experts_model.rows[rows[0].row()] if len(rows) == 1 else None

    # -- bundles -------------------------------------------------------------------------

    def choose_export(self) -> None:
        """Ask for the two folders (bundles for the USB stick, letters kept here or only printed)."""
        if self.panel.currentData() is None:
            return
        dlg = HandoutFoldersDialog(self.panel.currentText(), self)
        self.folders_dialog = dlg
        if dlg.exec() == QDialog.Accepted:
            self.export(dlg.bundles_dir(), dlg.letters_dir())

    def export(self, folder: Path, letters: Path | None = None) -> None:
        """Bundles into ``folder``; letters into ``letters`` (None: only printed / saved as PDF from the
        password screen). A letters folder in or around ``folder`` is refused by the core."""
        pid = self.panel.currentData()
        if pid is None:
            return
        q = self.deadline.date()
        deadline = date(q.year(), q.month(), q.day())
        progress = QProgressDialog(self.tr("正在制作评审包…"), self.tr("取消"), 0, 1000, self)
        progress.setWindowTitle(self.tr("导出评审包"))
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)

        def step(done, total, name):
            progress.setValue(done * 1000 // total if total else 0)
            progress.setLabelText(plain(self.tr("正在为 %1 制作评审包…").replace("%1", data(name))) if name else "")

        self.export_task = self.win.ops.run(
            self.tr("导出评审包"), handout.prepare_handout, self.win.store, pid, folder, letters_dir=letters,
            deadline=deadline, long=True, progress=progress, step=step,
            done=lambda items: self._exported(items, folder, letters), failed=self._export_failed, initiator=self)

    def _export_failed(self, message: str) -> None:
        """A refusal (folders, no assignments, locked session, …) in a box. A cancelled export never
        ends here: the core returns ``[]`` (``_exported``). The task's ``cancelled`` flag cannot tell
        them apart: closing the progress dialog at the end emits ``canceled`` too, which hid every
        refusal as a cancellation (found with issue 20)."""
        QMessageBox.critical(self, self.tr("导出评审包"), plain(message))

    def _exported(self, items: list[handout.Handout], folder: Path | None, letters: Path | None = None) -> None:
        self.last_handout = items
        if not items:  # cancelled: the secretary's own choice, no error box, and no file left behind
            self.win.statusBar().showMessage(self.tr("已取消导出评审包，未留下任何文件"), 10000)
            return
        self.win.statusBar().showMessage(self.tr("已导出 %1 个评审包到 %2").replace("%1", str(len(items)))
                                         .replace("%2", str(folder)), 15000)
        self.passwords_dialog = PasswordsDialog(items, folder, self, letters)
        self.passwords_dialog.setModal(True)
        self.passwords_dialog.show()

    # -- scores ----------------------------------------------------------------------------

    def choose_scores(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("导入评分文件"),
                                                QSettings().value("scores/last_dir", str(Path.home())),
                                                self.tr("评分文件 (*.nnscore);;所有文件 (*)"))
        if files:
            QSettings().setValue("scores/last_dir", str(Path(files[0]).parent))
            self.import_scores([Path(f) for f in files])

    def import_scores(self, paths: list[Path]) -> None:
        if self.session_id is None:
            return
        self.win.ops.run(self.tr("导入评分文件"), scores_import.import_score_files, self.win.store, self.session_id,
                         paths, done=self._scores_done, initiator=self)

    def _scores_done(self, results) -> None:
        """Before the change notice refreshes the tables: this page to the front, the outcome of each file."""
        self.last_results = results
        self.win.pages.setCurrentWidget(self)
        self.results_dialog = ScoreResultsDialog(results, self)
        self.results_dialog.setModal(True)
        self.results_dialog.show()

    def repin_dialog(self) -> None:
        e = self.selected_expert()
        if e is None:
            return
        dlg = RepinDialog(data(e.name), self)
        if dlg.exec() == RepinDialog.Accepted:
            self.repin(e.expert_id, dlg.fingerprint.text(), dlg.reason())

    def repin(self, expert_id: int, fingerprint: str, reason: str) -> bool:
        try:
            self.win.ops.call(scores_import.repin_expert_key, self.win.store, expert_id, fingerprint, reason,
                              initiator=self)
        except StoreError as e:
            QMessageBox.warning(self, self.tr("更换专家密钥"), plain(text_of(e)[0]))  # plain words (issue 15)
            return False
        return True


class RepinDialog(ReasonDialog):
    """Trust a new key for an expert (new laptop): the fingerprint and an audited reason."""

    def __init__(self, expert_name: str, parent=None):
        super().__init__(self.tr("更换专家密钥"),
                         self.tr("专家 %1 更换电脑或密钥后，其评分文件会因密钥不同被拒收。核实后可改为信任新密钥。"
                                 "更换原因（记入审计日志）：").replace("%1", expert_name), parent)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setPlaceholderText(self.tr("新密钥指纹（见专家软件“设置”或其个人评分表）"))
        self.layout().insertWidget(0, self.fingerprint)
        ok = self.buttons.button(QDialogButtonBox.Ok)
        check = lambda: ok.setEnabled(bool(self.reason()) and bool(self.fingerprint.text().strip()))
        self.text.textChanged.connect(check)
        self.fingerprint.textChanged.connect(check)
