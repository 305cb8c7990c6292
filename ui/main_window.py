"""The secretary's main window: sessions, the applications table, the detail pane, imports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nn_review.changes import Changes, Kind
from nn_review.i18n import text_of
from nn_review.services import checks as checks_service
from nn_review.services import formal as formal_service
from nn_review.services import importer, queries, sessions
from nn_review.services.guides import list_editions
from nn_review.store import Store, StoreError
from nn_review.textsafe import marked

from .apps_model import ApplicationsFilter, ApplicationsModel
from .column_fit import ColumnFit
from .detail_pane import DetailPane
from .exchange_page import SCORE_SUFFIX, ExchangePage
from .import_dialogs import ImportProgress, ImportResultDialog
from .ops import Operations, Page
from .panels_page import PanelsPage
from .plain import data, plain
from .funding_tab import FundingPage
from .results_page import ResultsPage
from .roster_page import RosterPage
from .session_dialog import NewSessionDialog
from .start_panel import StartPanel, open_step
from .store_watch import StoreWatch

# Pages after the applications page: callables (main_window) -> QWidget implementing
# ui.ops.Page (title, set_session, refresh, on_changes, page_shown). Each feature module's page
# is listed here.
PAGE_FACTORIES: list = [RosterPage, PanelsPage, ExchangePage, ResultsPage, FundingPage]

# What the applications page (table + detail pane) shows: packages, their findings and the
# formal-check decisions. The session chooser above all pages follows SESSIONS.
APPLICATIONS_SHOW = Kind.PACKAGES | Kind.FINDINGS


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.session_id: int | None = None
        # Every write of every page runs through ops; its change notices keep all pages current.
        self.ops = Operations(store, self)
        self.ops.busyChanged.connect(self._enable_actions)
        self.applications_stale = False
        self.select_after_refresh: str | None = None  # the last package an import brought in
        self.last_report = None
        self.setWindowTitle(self.tr("南宁市科技计划项目评审系统") + f" — {store.root}")
        self.setAcceptDrops(True)
        from .signer_dialogs import install_passphrase_dialog
        install_passphrase_dialog(self)  # the secretary's key passphrase: a dialog, once per run

        self.sessions = QComboBox(self)
        self.sessions.setMinimumWidth(360)
        self.sessions.currentIndexChanged.connect(self._session_changed)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选：编号、项目名称、申报单位、指南项目… (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        for label, key in ((self.tr("全部"), None), (self.tr("通过"), "pass"), (self.tr("不通过"), "fail"),
                           (self.tr("待核实"), "attention"), (self.tr("未确认结论"), "undecided"),
                           (self.tr("不予受理"), "excluded")):
            self.status_filter.addItem(label, key)

        self.model = ApplicationsModel(self)
        self.proxy = ApplicationsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideMiddle)  # an elided verdict keeps both the check and the decision
        # The title stretches; applicant, guide item, verdict and amounts give way in that order, so
        # 形式审查结论 (last) stays in view at 1366 in English too (ui/column_fit.py).
        self.columns = ColumnFit(self.table, stretch=2, bounds={0: (90, 200), 1: (70, 170), 3: (90, 280),
                                                                4: (60, 120), 5: (60, 120), 6: (60, 110),
                                                                7: (110, 300)},
                                 shrink=(3, 1, 7, 6, 4, 5), stretch_least=120)
        self._quiet_selection = False  # a refresh re-selecting the same row: the detail pane stays
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._quiet_selection or self._row_selected(cur))
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.detail = DetailPane(self)
        self.detail.decision_requested.connect(self.decide)
        self.detail.manual_check_requested.connect(self.manual_check)
        self.formal_undo: list[tuple[int, str, str, str]] = []  # (session, application, old decision, old reason)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.status_filter)
        ll.addLayout(row)
        ll.addWidget(self.table, 1)
        self.drop_hint = QLabel(self)  # what to do first when import is not possible yet: _update_drop_hint
        self.drop_hint.setWordWrap(True)
        ll.addWidget(self.drop_hint)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([880, 486])
        self.splitter = split

        # The session chooser sits above the pages: every page shows the chosen session.
        central = QWidget(self)
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(6, 0, 6, 0)
        row.addWidget(QLabel(self.tr("评审批次"), self))
        row.addWidget(self.sessions, 1)
        cl.addLayout(row)
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(split, self.tr("申报包与形式审查"))
        self.extra_pages: list = []
        for factory in PAGE_FACTORIES:
            page = factory(self)
            assert isinstance(page, Page), f"{factory.__name__} must be a ui.ops.Page"
            self.extra_pages.append(page)
            self.pages.addTab(page, page.title())
        # 开始 (the steps of a review) in place of the pages: on an empty store, from 帮助 or the button.
        self.start = StartPanel(self)
        self.start.stepRequested.connect(lambda key: open_step(self, key))
        self.start.closeRequested.connect(self.show_pages)
        self.start.manualRequested.connect(self.open_manual)
        self.start_auto = False  # shown because the store was empty: gives way to the data once it comes
        self.start.refreshed.connect(lambda: self.start_auto and not self.start.progress.empty and self.show_pages())
        start_btn = QToolButton(self)
        start_btn.setText(self.tr("开始"))
        start_btn.setToolTip(self.tr("评审工作的八个步骤和当前进度"))
        start_btn.clicked.connect(lambda: self.show_start())
        self.pages.setCornerWidget(start_btn, Qt.TopLeftCorner)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.pages)
        self.stack.addWidget(self.start)
        self.pages.currentChanged.connect(lambda _i: self.show_pages())
        cl.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.counts = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts)

        self._build_actions()
        # The window's own pages first (session chooser, applications), then every other page.
        self.ops.changed.connect(self.on_changes)
        self.ops.changed.connect(self.start.on_changes)
        for page in self.extra_pages:
            self.ops.changed.connect(page.on_changes)
        self.ops.changed.connect(lambda *_: self.show_page_status())  # after the pages have refreshed
        self.reload_sessions()
        if self.start.progress.empty:  # first start, or a session without packages: the steps first
            self.show_start(auto=True)
        self._restore()
        self.pages.currentChanged.connect(self._page_shown)
        # Another process (a CLI import, a second window) may write to the store meanwhile.
        self.watch = StoreWatch(store, self)
        self.watch.storeChanged.connect(self.ops.external)

    # -- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setStatusTip(tip or text)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        self.act_import = self._action(self.tr("导入申报包…"), self.choose_files, "Ctrl+I",
                                       self.tr("选择一个或多个 .nnpkg / .zip 申报包导入当前批次"))
        self.act_import_dir = self._action(self.tr("导入文件夹…"), self.choose_folder, "Ctrl+Shift+I",
                                           self.tr("导入文件夹（含子文件夹）中的全部申报包"))
        self.act_quit = self._action(self.tr("退出"), self.close, QKeySequence.Quit)
        self.act_new = self._action(self.tr("新建评审批次…"), self.new_session, QKeySequence.New)
        self.act_checks = self._action(self.tr("重新形式审查"), self.rerun_checks, "F5",
                                       self.tr("按指南重新审查本批次全部申报包（含跨申报包检查）"))
        self.act_remove = self._action(self.tr("移除申报包…"), self.remove_selected, QKeySequence.Delete)
        self.act_about = self._action(self.tr("关于"), self.about)
        self.act_settings = self._action(self.tr("设置…"), self.open_settings, QKeySequence.Preferences)
        # One Ctrl+F for the window: the focused pane's (the PDF's search, else the table filter).
        focus_filter = self._action(self.tr("筛选"), lambda: self.detail.find_in_pdf() or (
            self.filter.setFocus(), self.filter.selectAll()), QKeySequence.Find)
        self.addAction(focus_filter)
        mb = self.menuBar()
        m = mb.addMenu(self.tr("文件(&F)"))
        m.addActions([self.act_import, self.act_import_dir])
        m.addSeparator()
        from .signer_dialogs import backup_keys, restore_keys
        m.addAction(self._action(self.tr("备份密钥…"), lambda: backup_keys(self, self.store),
                                 tip=self.tr("把评审秘书的签名密钥与证书备份到口令保护的文件（换电脑用）")))
        m.addAction(self._action(self.tr("恢复密钥…"), lambda: restore_keys(self, self.store),
                                 tip=self.tr("在新电脑上从备份恢复评审秘书的密钥（指纹不变）")))
        m.addSeparator()
        m.addAction(self.act_settings)
        m.addSeparator()
        m.addAction(self.act_quit)
        # 形式审查结论 of the selected package: menu, table context menu, keyboard; Ctrl+Z on the page.
        self.act_accept = self._action(self.tr("形式审查：通过…"), lambda: self.decide_selected("accepted"),
                                       "Ctrl+Shift+A", self.tr("确认所选申报包形式审查通过"))
        self.act_exclude = self._action(self.tr("形式审查：不予受理…"), lambda: self.decide_selected("excluded"),
                                        "Ctrl+Shift+X", self.tr("所选申报包形式审查不予受理（须填写理由）"))
        self.act_withdraw = self._action(self.tr("撤销形式审查结论…"), lambda: self.decide_selected(""),
                                         tip=self.tr("撤销所选申报包已登记的形式审查结论（须填写理由）"))
        self.act_undo_formal = self._action(self.tr("撤销上一次形式审查结论"), self.undo_decision, QKeySequence.Undo)
        for a in (self.act_accept, self.act_exclude, self.act_undo_formal):
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)  # only on the applications page
            self.splitter.addAction(a)
        m = mb.addMenu(self.tr("批次(&S)"))
        m.addActions([self.act_new, self.act_checks, self.act_remove])
        m.addSeparator()
        m.addActions([self.act_accept, self.act_exclude, self.act_withdraw, self.act_undo_formal])
        roster, panels, exchange = (next(p for p in self.extra_pages if isinstance(p, cls))
                                    for cls in (RosterPage, PanelsPage, ExchangePage))

        def on(page, slot):  # show the page the action belongs to, then act
            return lambda: (self.pages.setCurrentWidget(page), slot())

        m = mb.addMenu(self.tr("专家与评审(&R)"))
        m.addAction(self._action(self.tr("导入专家库…"), on(roster, roster.choose_import)))
        m.addAction(self._action(self.tr("导出专家库…"), on(roster, roster.choose_export)))
        m.addAction(self._action(self.tr("保存专家库导入模板…"), on(roster, roster.choose_template)))
        m.addSeparator()
        m.addAction(self._action(self.tr("新建评审组…"), on(panels, panels.new_panel_dialog)))
        m.addAction(self._action(self.tr("重新检测回避"), on(panels, panels.detect)))
        m.addSeparator()
        m.addAction(self._action(self.tr("导出评审包…"), on(exchange, exchange.choose_export)))
        m.addAction(self._action(self.tr("导入评分文件…"), on(exchange, exchange.choose_scores)))
        m = mb.addMenu(self.tr("帮助(&H)"))
        self.act_start = self._action(self.tr("开始：评审步骤与进度"), lambda: self.show_start(),
                                      tip=self.tr("评审工作的八个步骤、本批次进度，点击步骤即可打开"))
        self.act_manual = self._action(self.tr("使用手册"), self.open_manual, "F1",
                                       self.tr("打开随软件提供的使用手册（无需联网）"))
        self.act_manual.setShortcutContext(Qt.ApplicationShortcut)
        m.addActions([self.act_start, self.act_manual])
        m.addSeparator()
        m.addAction(self.act_about)
        tb = QToolBar(self.tr("工具栏"), self)
        tb.setObjectName("main-toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        tb.addActions([self.act_new, self.act_import, self.act_import_dir, self.act_checks])
        self.addToolBar(tb)

    # -- sessions ----------------------------------------------------------------------------

    def reload_sessions(self, select: int | None = None) -> None:
        infos = sessions.list_sessions(self.store)
        select = select or self.session_id or (infos[-1].id if infos else None)
        self._fill_sessions(infos, select)
        self._session_changed()

    def _fill_sessions(self, infos, select: int | None) -> None:
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for i in infos:
            # The guide edition's id ("nanning-seed v1") is technical: on hover only (issue 15 item 8).
            state = self.tr("（已定稿）") if i.state != "open" else ""
            self.sessions.addItem(f"{marked(i.name)}{state}", i.id)
            self.sessions.setItemData(self.sessions.count() - 1, self.tr("申报指南版本：%1").replace(
                "%1", f"{i.edition} v{i.edition_version}"), Qt.ToolTipRole)
        idx = self.sessions.findData(select)
        self.sessions.setCurrentIndex(max(idx, 0))
        self.sessions.blockSignals(False)

    def _session_changed(self, *_):
        self.session_id = self.sessions.currentData()
        has = self.session_id is not None
        for a in (self.act_import, self.act_import_dir, self.act_checks, self.act_remove):
            a.setEnabled(has)
        self._update_drop_hint()
        self.start.set_session(self.session_id)
        if has:  # an import killed between its commit and its checks: check now (a write, announced)
            self.ops.call(checks_service.ensure_checked, self.store, self.session_id, initiator=self)
        self.reload_applications()
        for page in self.extra_pages:
            page.set_session(self.session_id)
        self.show_page_status()

    def new_session(self) -> None:
        dlg = NewSessionDialog(list_editions(self.store), self)
        if dlg.exec() != NewSessionDialog.Accepted:
            return
        v = dlg.values()
        try:
            sid = self.ops.call(sessions.create_session, self.store, v["name"], edition=v["edition"],
                                version=v["version"], start=v["start"], end=v["end"], form=v["form"], initiator=self)
        except StoreError as e:
            QMessageBox.warning(self, self.tr("新建评审批次"), plain(str(e)))
            return
        self.reload_sessions(sid)
        self.statusBar().showMessage(self.tr("已创建评审批次：%1").replace("%1", v["name"]), 8000)

    # -- change notices ----------------------------------------------------------------------------

    def on_changes(self, changes: Changes, initiator: object = None) -> None:
        """The session chooser and the applications page follow every write (this window's
        operations and, via the store watch, another process's); the other pages connect their
        own ``on_changes``."""
        if changes.kinds & Kind.SESSIONS:
            infos = sessions.list_sessions(self.store)
            if self.session_id not in {i.id for i in infos}:
                self.reload_sessions()  # ours is gone (or there was none): everything anew
                return
            self._fill_sessions(infos, self.session_id)  # a new session, finalised / reopened
        # A formal decision or tick updates its own row and box in place (the reason typed and the
        # PDF page shown stay): see decide() and manual_check().
        if initiator is not self.detail and changes.touches(APPLICATIONS_SHOW, self.session_id):
            if self.pages.currentWidget() is self.splitter:
                self.refresh_applications()
            else:
                self.applications_stale = True
        if changes.external:
            self.statusBar().showMessage(self.tr("存储已被其他程序更新，已刷新"), 15000)

    def _page_shown(self, _index: int) -> None:
        page = self.pages.currentWidget()
        if page is self.splitter:
            if self.applications_stale:
                self.refresh_applications()
        else:
            page.page_shown()
        self.show_page_status()

    def show_page_status(self) -> None:
        """The status bar's permanent line: what the page shown says of itself (Page.status_text)."""
        page = self.pages.currentWidget()
        self.counts.setText(self.applications_status() if page is self.splitter else page.status_text())

    def refresh_applications(self) -> None:
        """The table anew, keeping the selected row, the scroll position and — when the selected
        application itself did not change — the detail pane (and the page shown in its PDF).
        After an import, the last package imported is selected instead."""
        self.applications_stale = False
        idx = self.table.currentIndex()
        old = self.proxy.data(idx, Qt.UserRole) if idx.isValid() else None
        bar = self.table.verticalScrollBar()
        scroll, was_empty = bar.value(), not self.model.rows
        rows = queries.list_applications(self.store, self.session_id) if self.session_id else []
        self._quiet_selection = True
        try:
            self.model.set_rows(rows)
            found = old is not None and self.select_application(old.application_id)
        finally:
            self._quiet_selection = False
        pick, self.select_after_refresh = self.select_after_refresh, None
        if pick is not None and (old is None or pick != old.application_id) and self.select_application(pick):
            self._size_columns()  # new rows: as reload_applications
            self._update_counts()
            return  # the newly imported package: selected (and its detail shown) like a click
        if was_empty:
            self._size_columns()
        self._update_counts()
        bar.setValue(scroll)
        if not found:
            self.detail.show_detail(None)
        elif self._row_of(old.application_id) != old:
            self._row_selected(self.table.currentIndex())

    # -- table and detail ------------------------------------------------------------------------

    def reload_applications(self, keep: str | None = None) -> None:
        keep = keep or self.current_application_id()
        rows = queries.list_applications(self.store, self.session_id) if self.session_id else []
        self.model.set_rows(rows)
        self._size_columns()
        self._update_counts()
        if keep:
            self.select_application(keep)
        if not self.table.selectionModel().hasSelection():
            self.detail.show_detail(None)

    def _update_counts(self) -> None:
        if self.pages.currentWidget() is self.splitter:  # another page's line stays its own
            self.counts.setText(self.applications_status())

    def applications_status(self) -> str:
        """The applications page's status line: the packages and their formal-check state."""
        rows = self.model.rows
        c = Counter(r.check_status for r in rows)
        d = Counter(r.formal_decision for r in rows)
        open_ = sum(1 for r in rows if not r.formal_decision and r.check_status != "pass")
        return (self.tr("共 %1 个申报包：通过 %2，不通过 %3，待核实 %4")
                .replace("%1", str(len(rows))).replace("%2", str(c["pass"]))
                .replace("%3", str(c["fail"])).replace("%4", str(c["attention"]))
                + self.tr("；不予受理 %1，未确认 %2").replace("%1", str(d["excluded"])).replace("%2", str(open_)))

    def _size_columns(self) -> None:
        self.columns.to_contents()  # ui/column_fit.py: refitted again whenever the table is resized

    def current_application_id(self) -> str | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.proxy.data(idx, Qt.UserRole).application_id

    def select_application(self, application_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if self.proxy.data(idx, Qt.UserRole).application_id == application_id:
                self.table.setCurrentIndex(idx)
                self.table.scrollTo(idx)
                return True
        return False

    def _row_selected(self, idx) -> None:
        if not idx.isValid() or self.session_id is None:
            self.detail.show_detail(None)
            return
        row = self.proxy.data(idx, Qt.UserRole)
        self.detail.show_detail(queries.application_detail(self.store, self.session_id, row.application_id))

    # -- formal-check decisions ------------------------------------------------------------------

    def decide(self, application_id: str, decision: str, reason: str, *, undoable: bool = True) -> bool:
        """One decision = one core call; a refusal (e.g. reason missing) is shown in the detail pane."""
        if self.session_id is None:
            return False
        sid = self.session_id
        try:
            old = formal_service.formal_state(self.store, sid, application_id)
            self.ops.call(formal_service.decide, self.store, sid, application_id, decision, reason,
                          initiator=self.detail)
        except StoreError as e:
            if self.current_application_id() == application_id:
                self.detail.formal.show_error(e)  # in the UI language where the core gave a message id
            else:
                QMessageBox.warning(self, self.tr("形式审查结论"), plain(text_of(e)[0]))
            return False
        if undoable:
            self.formal_undo.append((sid, application_id, old.decision, old.reason))
        self._refresh_formal(application_id)
        self.statusBar().showMessage(self.tr("%1：%2").replace("%1", application_id)
                                     .replace("%2", self.model.status_text(self._row_of(application_id))), 10000)
        return True

    def manual_check(self, application_id: str, rule_id: str, ticked: bool, note: str) -> bool:
        if self.session_id is None:
            return False
        try:
            self.ops.call(formal_service.set_manual_check, self.store, self.session_id, application_id, rule_id,
                          ticked, note, initiator=self.detail)
        except StoreError as e:
            self.detail.formal.show_error(e)
            self._refresh_formal(application_id)
            return False
        self._refresh_formal(application_id, keep_reason=True)
        return True

    def _row_of(self, application_id: str):
        return next(r for r in self.model.rows if r.application_id == application_id)

    def _refresh_formal(self, application_id: str, *, keep_reason: bool = False) -> None:
        d = queries.application_detail(self.store, self.session_id, application_id)
        self.model.replace_row(d.row)
        self._update_counts()
        if self.current_application_id() == application_id:
            self.detail.show_formal(d.formal, keep_reason=keep_reason)

    def decide_selected(self, decision: str) -> None:
        """Menu, context menu and keyboard: ask for the reason where one is needed."""
        app_id = self.current_application_id()
        if app_id is None or self.session_id is None:
            return
        row = self._row_of(app_id)
        reason = ""
        if not (decision == "accepted" and row.check_status == "pass"):
            label = {"accepted": self.tr("确认 %1 形式审查通过。机器审查未通过：请填写核实情况。"),
                     "excluded": self.tr("%1 形式审查不予受理。请填写理由（写入审计记录和结果表）："),
                     "": self.tr("撤销 %1 的形式审查结论。请填写理由：")}[decision].replace("%1", app_id)
            reason, ok = QInputDialog.getText(self, self.tr("形式审查结论"), label)
            if not ok:
                return
        self.decide(app_id, decision, reason)

    def undo_decision(self) -> None:
        """Ctrl+Z: record the reverse of the last decision made here, with the reason 撤销."""
        while self.formal_undo:
            sid, app_id, old, _old_reason = self.formal_undo.pop()
            if sid != self.session_id:
                continue
            self.select_application(app_id)
            if self.decide(app_id, old, formal_service.UNDO_REASON, undoable=False):  # the record stays Chinese
                self.statusBar().showMessage(self.tr("已撤销 %1 的上一次形式审查结论").replace("%1", app_id), 10000)
            return
        self.statusBar().showMessage(self.tr("没有可撤销的形式审查结论"), 5000)

    def _table_menu(self, pos) -> None:
        idx = self.table.indexAt(pos)
        if not idx.isValid():
            return
        self.table.setCurrentIndex(idx)
        menu = QMenu(self)
        menu.addActions([self.act_accept, self.act_exclude, self.act_withdraw])
        menu.addSeparator()
        menu.addAction(self.act_remove)
        self.table_menu = menu  # kept for tests
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- imports ---------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("导入申报包"), self._last_dir(),
                                                self.tr("申报包 (*.nnpkg *.zip);;所有文件 (*)"))
        if files:
            self._remember_dir(Path(files[0]).parent)
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导入文件夹中的申报包"), self._last_dir())
        if folder:
            self._remember_dir(Path(folder))
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path], replace: bool = False) -> None:
        """Drop, menu and toolbar all end here. The work runs in a worker thread."""
        if self.session_id is None:
            QMessageBox.information(self, self.tr("导入申报包"), self.tr("请先新建评审批次。"))
            return
        if self.ops.busy:
            QMessageBox.information(self, self.tr("导入申报包"), self.tr("上一次导入尚未完成。"))
            return
        self.ops.run(self.tr("导入申报包"), importer.import_packages, self.store, self.session_id, paths,
                     replace=replace, long=True, progress=ImportProgress(self), done=self._import_done,
                     initiator=self)

    def _import_done(self, report) -> None:
        """Before the change notice refreshes the table: say what happened, select the last import."""
        self.last_report = report
        self.show_pages()  # the table, with the last package imported selected
        imported = [r.application_id for r in report.results if r.outcome in ("imported", "replaced")]
        self.select_after_refresh = imported[-1] if imported else None
        self.statusBar().showMessage(self.tr("导入完成：%1").replace("%1", report.summary()), 15000)
        dlg = ImportResultDialog(report, self)
        dlg.setModal(True)
        dlg.show()
        self.result_dialog = dlg
        dups = [Path(r.file) for r in report.results if r.outcome == "duplicate"]
        if dups:
            dlg.finished.connect(lambda _r: self._offer_replace(dups))

    def _offer_replace(self, dups: list[Path]) -> None:
        answer = QMessageBox.question(
            self, self.tr("重复的申报编号"),
            self.tr("%1 个申报包的申报编号在本批次中已存在。要用这些文件替换已导入的申报包吗？").replace("%1", str(len(dups))))
        if answer == QMessageBox.Yes:
            self.import_paths(dups, replace=True)

    # -- checks and removal ----------------------------------------------------------------------

    def rerun_checks(self) -> None:
        if self.session_id is not None and self._finalised():
            self._recheck_frozen()
        elif self.session_id is not None:
            done = self.tr("已重新完成形式审查")
            self.ops.run(self.tr("重新形式审查"), checks_service.run_checks, self.store, self.session_id,
                         done=lambda _r: self.statusBar().showMessage(done, 10000), initiator=self)

    def _finalised(self) -> bool:
        return any(i.id == self.session_id and i.state != "open" for i in sessions.list_sessions(self.store))

    def _recheck_frozen(self) -> None:
        """A finalised session keeps its findings (the signed sheets print them): re-check read-only."""
        title = self.tr("只读复核形式审查")
        try:
            r = checks_service.recheck(self.store, self.session_id)
        except StoreError as e:
            QMessageBox.warning(self, title, plain(str(e)))
            return
        text = self.tr("本批次已定稿，形式审查结果已冻结（评审表所载为定稿时的结果）；本次只读复核，未写入任何数据。")
        if r.changed:
            text += "\n" + self.tr("复核结果与定稿时不同的申报：%1").replace("%1", "、".join(r.changed))
        else:
            text += "\n" + self.tr("复核结果与定稿时一致。")
        QMessageBox.information(self, title, plain(text))

    def remove_selected(self) -> None:
        app_id = self.current_application_id()
        if app_id is None or self.session_id is None:
            return
        answer = QMessageBox.question(self, self.tr("移除申报包"),
                                      self.tr("从本批次移除申报包 %1？此操作会记入审计日志。").replace("%1", app_id))
        if answer == QMessageBox.Yes:
            done = self.tr("已移除 %1").replace("%1", app_id)
            self.ops.run(self.tr("移除申报包"), importer.remove_application, self.store, self.session_id, app_id,
                         done=lambda _r: self.statusBar().showMessage(done, 10000), initiator=self)

    def _enable_actions(self, busy: bool) -> None:
        for a in (self.act_import, self.act_import_dir, self.act_checks, self.act_remove, self.act_new):
            a.setEnabled(not busy and (a is self.act_new or self.session_id is not None))

    # -- drag & drop -------------------------------------------------------------------------------

    @staticmethod
    def _dropped_paths(mime) -> list[Path]:
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if any(p.is_dir() or p.suffix.lower() in importer.PACKAGE_SUFFIXES + (SCORE_SUFFIX,)
               for p in self._dropped_paths(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = self._dropped_paths(event.mimeData())
        self.handle_drop(paths)
        event.acceptProposedAction()

    def handle_drop(self, paths: list[Path]) -> None:
        # Score files returned by experts go to the returns page; packages and folders are imported.
        scores = [p for p in paths if p.suffix.lower() == SCORE_SUFFIX]
        if scores:
            exchange = next(p for p in self.extra_pages if isinstance(p, ExchangePage))
            exchange.import_scores(scores)
            paths = [p for p in paths if p not in scores]
            if not paths:
                return
        ok = [p for p in paths if p.is_dir() or p.suffix.lower() in importer.PACKAGE_SUFFIXES]
        skipped = [p.name for p in paths if p not in ok]
        if skipped:
            QMessageBox.information(self, self.tr("导入申报包"),
                                    plain(self.tr("以下文件不是申报包（.nnpkg / .zip）或评分文件（.nnscore），已跳过：\n%1")
                                    .replace("%1", "\n".join(data(n) for n in skipped))))
        if ok:
            self.import_paths(ok)

    # -- misc ----------------------------------------------------------------------------------------

    def _update_drop_hint(self) -> None:
        """The line under the table: invite a drop only when a drop can import."""
        if self.session_id is None:
            self.drop_hint.setText(self.tr("先新建评审批次（菜单“批次 → 新建评审批次…”，Ctrl+N），"
                                           "再把申报包（.nnpkg / .zip）或文件夹拖到此窗口导入。"))
            self.drop_hint.setStyleSheet("color: #b26a00; font-weight: bold;")
        else:
            self.drop_hint.setText(self.tr("把申报包（.nnpkg / .zip）或文件夹拖到此窗口即可导入"))
            self.drop_hint.setStyleSheet("color: #666;")

    def show_start(self, auto: bool = False) -> None:
        self.start_auto = auto
        self.stack.setCurrentWidget(self.start)
        self.start.page_shown()

    def show_pages(self) -> None:
        self.start_auto = False
        if self.stack.currentWidget() is not self.pages:
            self.stack.setCurrentWidget(self.pages)
            self._page_shown(self.pages.currentIndex())  # what changed while the steps were shown

    def open_manual(self) -> None:
        """F1 from anywhere in the app: the manual (one window; pressed again, it comes to the front)."""
        from .manual_dialog import ManualDialog
        old = getattr(self, "manual_dialog", None)
        if old is not None and old.isVisible():
            old.raise_()
            old.activateWindow()
            return
        self.manual_dialog = ManualDialog(self)
        self.manual_dialog.show()

    def about(self) -> None:
        from .about_dialog import AboutDialog
        self.about_dialog = AboutDialog(self.store.root, self)
        self.about_dialog.show()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog
        dlg = SettingsDialog(self, store=self.store)
        if dlg.exec() == SettingsDialog.Accepted and dlg.restart_needed():
            self.statusBar().showMessage(self.tr("界面语言将在重新启动后生效"), 10000)

    def _settings(self) -> QSettings:
        return QSettings("nn-review", "nn-review")

    def _last_dir(self) -> str:
        return str(self._settings().value("last_dir", str(Path.home())))

    def _remember_dir(self, folder: Path) -> None:
        self._settings().setValue("last_dir", str(folder))

    def _restore(self) -> None:
        s = self._settings()
        geo = s.value("geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1366, 768)

    def closeEvent(self, event) -> None:
        self.watch.stop()
        if self.ops.task is not None:
            self.ops.task.cancel()
            self.ops.task.wait()
        self._settings().setValue("geometry", self.saveGeometry())
        super().closeEvent(event)
