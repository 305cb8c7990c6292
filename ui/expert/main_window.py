"""The expert's main window: applications (left), documents (middle), the form (right).

Keyboard-first: 1–5 / A–E grade the focused criterion, Ctrl+Enter marks complete and moves on to
the next unfinished application (to submitting once all are done), Ctrl+PgDn /
Ctrl+PgUp move between applications, Ctrl+Z / Ctrl+Shift+Z undo and redo grading actions.
Every edit is committed to the workspace at once; the status bar says when. The workspace answers
each edit with an ``Edit`` (draft, progress, export state, undo/redo) and the window shows that
answer rather than reading again. Where the expert was (bundle, application, form scroll
position, document tab) is saved as it changes. With no bundle yet, the window shows only the
empty state (one large "打开评审包…" and where the password is).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget

from nn_review.formats import ExchangeError
from nn_review.expert import WorkspaceError
from nn_review.expert.intake import peek_bundle
from nn_review.forms import criterion_name

from .app_list import ApplicationList
from .common import error_text
from .dialogs import OpenBundleDialog, RecusalDialog, ExpertSettingsDialog, is_bundle
from .doc_pane import DocumentPane
from .empty_state import EmptyState, RemovedState
from .form_pane import FormPane
from .sheet_print import print_preview
from .submit_dialog import SubmitDialog
from ..plain import data, plain


class ExpertWindow(QMainWindow):
    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.bundle_id: str | None = None
        self.application_id: str | None = None
        self.summary = None                 # the bundle shown (BundleSummary), as the last answer had it
        self._undo_redo = (False, False)    # likewise
        self.setWindowTitle(self.tr("专家评审 — 南宁市科技计划项目评审系统"))
        self.setAcceptDrops(True)
        self.apps = ApplicationList(self)
        self.docs = DocumentPane(self)
        self.form = FormPane(self)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.apps)
        split.addWidget(self.docs)
        split.addWidget(self.form)
        self.removed = RemovedState(self)  # in place of documents and form once they were removed
        split.addWidget(self.removed)
        self.removed.hide()
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 0)
        split.setCollapsible(1, False)
        split.setCollapsible(2, False)
        split.setSizes([250, 660, 456])
        self.splitter = split
        self.empty = EmptyState(self)
        self.empty.open_requested.connect(self.choose_bundle)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(split)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel(self)
        self.export_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.export_label)
        self.statusBar().addPermanentWidget(self.saved_label)

        self.apps.bundle_chosen.connect(self.show_bundle)
        self.apps.application_chosen.connect(self.show_application)
        self.form.edited.connect(self._edited)
        self.form.failed.connect(self._edit_refused)
        self.form.complete_requested.connect(self.mark_complete)
        self.form.recusal_requested.connect(self.request_recusal)
        self.docs.failed.connect(lambda m: QMessageBox.warning(self, self.tr("无法显示文档"), plain(m)))
        self.docs.ticks_changed.connect(lambda t: self._save_app_state(ticks=t))
        self.docs.document_changed.connect(lambda i: self._save_app_state(doc=i))
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(300)
        self._scroll_timer.timeout.connect(self._save_scroll)
        self._pending_scroll: int | None = None  # restored once the form is tall enough to scroll there
        self._restore_timer = QTimer(self)
        self._restore_timer.setSingleShot(True)
        self._restore_timer.setInterval(1500)
        self._restore_timer.timeout.connect(lambda: self._restore_scroll(force=True))
        bar = self.form.scroll.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(lambda _lo, _hi: self._restore_scroll())
        self._build_actions()
        self.removed.print_requested.connect(self.print_sheet)
        self.removed.save_requested.connect(lambda: self.save_sheet())
        self._restore_geometry()
        self.reload_bundles(ws.last_bundle())

    # -- actions ---------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcuts:
            a.setShortcuts([QKeySequence(s) for s in shortcuts])
        a.setStatusTip(tip or text)
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        self.act_open = self._action(self.tr("打开评审包…"), self.choose_bundle, [QKeySequence.Open],
                                     self.tr("打开秘书发来的 .nnrb 评审包（需任务通知书上的密码）"))
        self.act_submit = self._action(self.tr("提交评分（导出评分文件）…"), self.submit, ["Ctrl+E"],
                                       self.tr("校验全部申报，签名并导出 .nnscore 评分文件"))
        self.act_preview = self._action(self.tr("打印个人评分表…"), self.print_sheet, [QKeySequence.Print])
        self.act_save_sheet = self._action(self.tr("保存个人评分表 PDF…"), self.save_sheet)
        self.act_countersign = self._action(self.tr("组长签署结果表…"), self.countersign,
                                            tip=self.tr("专家组组长：核对秘书签名后，用本机的组长证书签署评审结果表 PDF"))
        self.act_remove = self._action(self.tr("删除本评审包的材料…"), self.remove_data,
                                       tip=self.tr("导出后删除申报材料，只保留已签名的评分记录"))
        self.act_quit = self._action(self.tr("退出"), self.close, [QKeySequence.Quit])
        self.act_undo = self._action(self.tr("撤销评分操作"), self.undo, ["Ctrl+Z"])
        self.act_redo = self._action(self.tr("重做评分操作"), self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.act_complete = self._action(self.tr("标记完成"), self.mark_complete, ["Ctrl+Return", "Ctrl+Enter"],
                                         self.tr("校验本申报的评分；完整时标记为已完成，否则列出所缺内容"))
        self.act_recuse = self._action(self.tr("申请回避…"), self.request_recusal)
        self.act_next = self._action(self.tr("下一个申报"), lambda: self.step(1), ["Ctrl+PgDown"])
        self.act_prev = self._action(self.tr("上一个申报"), lambda: self.step(-1), ["Ctrl+PgUp"])
        self.act_next_open = self._action(self.tr("下一个未完成的申报"), self.next_unfinished, ["Ctrl+Shift+PgDown"])
        self.act_settings = self._action(self.tr("设置与密钥指纹…"), self.settings)
        self.act_keys = self._action(self.tr("键盘操作"), self.keyboard_help, [QKeySequence.HelpContents])
        mb = self.menuBar()
        m = mb.addMenu(self.tr("文件(&F)"))
        m.addActions([self.act_open, self.act_submit])
        m.addSeparator()
        m.addActions([self.act_preview, self.act_save_sheet])
        m.addSeparator()
        m.addAction(self.act_countersign)
        m.addSeparator()
        m.addActions([self.act_remove, self.act_quit])
        m = mb.addMenu(self.tr("评分(&G)"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_complete, self.act_recuse])
        m = mb.addMenu(self.tr("转到(&N)"))
        m.addActions([self.act_next, self.act_prev, self.act_next_open])
        m = mb.addMenu(self.tr("设置(&S)"))
        m.addAction(self.act_settings)
        m = mb.addMenu(self.tr("帮助(&H)"))
        m.addAction(self.act_keys)
        for a in (self.act_undo, self.act_redo, self.act_complete, self.act_next, self.act_prev, self.act_next_open):
            a.setShortcutContext(Qt.WindowShortcut)
            self.addAction(a)

    def _update_actions(self) -> None:
        live = self.summary is not None and not self.summary.removed
        has_app = live and self.application_id is not None
        for a in (self.act_submit, self.act_remove):
            a.setEnabled(live)
        for a in (self.act_preview, self.act_save_sheet):
            a.setEnabled(self.bundle_id is not None)
        for a in (self.act_complete, self.act_recuse, self.act_next, self.act_prev, self.act_next_open):
            a.setEnabled(has_app)
        undo, redo = self._undo_redo if live else (False, False)
        self.act_undo.setEnabled(undo)
        self.act_redo.setEnabled(redo)

    # -- bundles ---------------------------------------------------------------------------------

    def reload_bundles(self, select: str | None = None) -> None:
        bundles = self.ws.bundles()
        select = select or self.bundle_id or self.ws.last_bundle()
        self.apps.set_bundles(bundles, select)
        bid = self.apps.current_bundle()
        if bid:
            self.stack.setCurrentWidget(self.splitter)
            self.show_bundle(bid)
        else:
            self.bundle_id = self.summary = None
            self.docs.clear()
            self.form.clear()
            self.stack.setCurrentWidget(self.empty)
            self.empty.open_button.setFocus()
            self._update_actions()

    def show_bundle(self, bundle_id: str) -> None:
        self.bundle_id, self.application_id = bundle_id, None
        b = self.summary = self.ws.bundle(bundle_id)
        self._undo_redo = self.ws.undo_redo_available(bundle_id) if not b.removed else (False, False)
        self._update_export_label()
        self._show_removed(b.removed)
        if b.removed:
            self.apps.set_applications(b, [], {}, None)
            self.docs.clear()
            self.removed.show_revision(b.last_revision)
            self.form.clear()
            self._update_actions()
            return
        state = self.ws.ui_state(bundle_id)
        entries = self.ws.applications(bundle_id)
        last = state.get("application") if any(e.application_id == state.get("application") for e in entries) \
            else (entries[0].application_id if entries else None)
        self.apps.set_applications(b, entries, self.ws.bundle_data(bundle_id).get("guide") or {}, None)
        if last:
            self.apps.select(last)  # -> show_application
        self.ws.save_ui_state(bundle_id, "", dict(state, application=last))
        self._update_actions()

    def _show_removed(self, removed: bool) -> None:
        """The removed-documents note in place of documents and form (the splitter sizes kept for later)."""
        if removed == self.removed.isVisibleTo(self):
            return
        sizes = self.splitter.sizes()
        if removed and sizes[1] and sizes[2]:
            self._sizes = sizes  # as the expert left them
        self.docs.setVisible(not removed)
        self.form.setVisible(not removed)
        self.removed.setVisible(removed)
        self.splitter.setSizes([250, 0, 0, 1116] if removed else getattr(self, "_sizes", [250, 660, 456, 0]))

    def choose_bundle(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("打开评审包"), str(Path.home()),
                                                self.tr("评审包 (*.nnrb)"))
        for f in files:
            self.open_bundle_file(Path(f))

    def open_bundle_file(self, path: Path) -> bool:
        path = Path(path)
        try:
            peek = peek_bundle(self.ws, path)
        except ExchangeError as e:
            QMessageBox.critical(self, self.tr("无法打开评审包"), plain(error_text(e)))
            return False
        if peek.held:
            if peek.removed:
                QMessageBox.information(self, self.tr("评审包"), self.tr("此评审包已在工作区中，其材料已在导出后删除。"))
            self.reload_bundles(peek.bundle_id)
            return True
        dlg = OpenBundleDialog(self.ws, peek, self)
        accepted = dlg.exec()
        self.activateWindow()
        if not accepted:
            return False
        res = dlg.result_value
        if res.notice:
            QMessageBox.information(self, self.tr("请核对秘书密钥指纹"), plain(res.notice))
        self.reload_bundles(res.bundle.bundle_id)
        self.statusBar().showMessage(self.tr("已打开评审包：%1，%2 项申报").replace("%1", res.bundle.session_name)
                                     .replace("%2", str(res.bundle.app_count)), 8000)
        return True

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasUrls() and any(is_bundle(Path(u.toLocalFile())) for u in e.mimeData().urls()):
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if is_bundle(Path(u.toLocalFile()))]
        e.acceptProposedAction()
        for p in paths:  # after the drop returns: the dialog must not run inside the drag
            QTimer.singleShot(0, self, lambda p=p: self.open_bundle_file(p))

    # -- applications ----------------------------------------------------------------------------------

    def show_application(self, application_id: str) -> None:
        if self.bundle_id is None or application_id == self.application_id:
            return
        self._save_scroll()
        self.application_id = application_id
        app = self.ws.application(self.bundle_id, application_id)
        state = self.ws.ui_state(self.bundle_id, application_id)
        self.docs.show_application(self.ws, self.bundle_id, app, self.ws.requirement_checks(self.bundle_id, application_id),
                                   state.get("ticks", []), state.get("doc", 0))
        self.form.set_application(self.ws, self.bundle_id, application_id)
        self._pending_scroll = state.get("form_scroll") or None
        self._restore_scroll()
        self._restore_timer.start()  # a window too tall to scroll that far: go as far as it can
        self.ws.save_ui_state(self.bundle_id, "", dict(self.ws.ui_state(self.bundle_id), application=application_id))
        self.apps.select(application_id)
        self._focus_next_ungraded()
        self._update_actions()

    def _focus_next_ungraded(self) -> None:
        d = self.form.draft
        if d is None or d.recused:
            return
        for i, box in enumerate(self.form.boxes):
            if not (d.grades.get(box.criterion.id) or {}).get("grade"):
                box.focus_grades()
                return
        if self.form.boxes:
            self.form.boxes[0].focus_grades()

    def _restore_scroll(self, force: bool = False) -> None:
        """Back to the saved position once the form can scroll that far (``force``: as far as it can)."""
        bar = self.form.scroll.verticalScrollBar()
        if self._pending_scroll is not None and (force or bar.maximum() >= self._pending_scroll):
            value, self._pending_scroll = self._pending_scroll, None
            bar.setValue(value)

    def _save_scroll(self) -> None:
        if self._pending_scroll is None:
            self._save_app_state(form_scroll=self.form_scroll())

    def _scrolled(self, _value: int) -> None:
        if self._pending_scroll is None:  # not the layout settling before the saved position is back
            self._scroll_timer.start()

    def form_scroll(self) -> int:
        return self.form.scroll.verticalScrollBar().value()

    def _save_app_state(self, **changes) -> None:
        if self.bundle_id is None or self.application_id is None:
            return
        state = self.ws.ui_state(self.bundle_id, self.application_id)
        if any(state.get(k) != v for k, v in changes.items()):
            self.ws.save_ui_state(self.bundle_id, self.application_id, dict(state, **changes))

    def step(self, delta: int) -> None:
        aid = self.apps.step(delta)
        if aid:
            self.show_application(aid)

    def next_unfinished(self) -> bool:
        """To the next application not yet complete nor recused, wrapping round (False: none left)."""
        entries = self.ws.applications(self.bundle_id)
        ids = [e.application_id for e in entries]
        start = ids.index(self.application_id) if self.application_id in ids else -1
        for e in entries[start + 1:] + entries[:start + 1]:
            if e.status in ("not_started", "in_progress"):
                self.apps.select(e.application_id)
                return True
        self.statusBar().showMessage(self.tr("全部申报均已完成或回避，可以提交评分（Ctrl+E）"), 8000)
        return False

    # -- grading --------------------------------------------------------------------------------------

    def _edited(self, edit) -> None:
        """Show the workspace's answer to an edit: saved time, the application's status, progress,
        export state, undo/redo (all from ``edit``: nothing is read again)."""
        if edit.saved_at:
            self.saved_label.setText(self.tr("已保存 %1").replace("%1", edit.saved_at.strftime("%H:%M:%S")))
        if edit.bundle.bundle_id != self.bundle_id:
            return
        self.apps.update_status(edit.application_id, edit.status)
        self.summary, self._undo_redo = edit.bundle, (edit.can_undo, edit.can_redo)
        self._update_export_label()
        self._update_actions()

    def _edit_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, self.tr("未保存"), plain(message))

    def mark_complete(self) -> None:
        if not (self.bundle_id and self.application_id):
            return
        try:
            edit = self.ws.mark_complete(self.bundle_id, self.application_id)
        except WorkspaceError as e:
            return self._edit_refused(error_text(e))
        self.form.show_problems(edit.problems)
        self.form.show_edit(edit)
        self._edited(edit)
        if edit.problems:
            self.statusBar().showMessage(self.tr("尚不能标记完成：还缺 %1 项（见评分表下方）")
                                         .replace("%1", str(len(edit.problems))), 15000)
        else:  # as a card deck moves on: the next unfinished one, or on to submitting
            done, total = edit.progress
            finished = self.application_id
            if self.next_unfinished():
                self.statusBar().showMessage(self.tr("%1 已标记完成（%2 / %3），转到下一个未完成的申报")
                                             .replace("%1", finished).replace("%2", str(done))
                                             .replace("%3", str(total)), 8000)
            else:
                self.statusBar().showMessage(self.tr("全部申报均已完成或回避（%1 / %2），请提交评分")
                                             .replace("%1", str(done)).replace("%2", str(total)), 8000)
                self.submit()

    def request_recusal(self) -> None:
        if not (self.bundle_id and self.application_id):
            return
        app = self.ws.application(self.bundle_id, self.application_id)
        dlg = RecusalDialog(self.application_id, app["title"], self)
        if dlg.exec():
            self.apply_recusal(dlg.text())

    def apply_recusal(self, reason: str) -> None:
        try:
            edit = self.ws.set_recusal(self.bundle_id, self.application_id, True, reason)
        except WorkspaceError as e:
            return self._edit_refused(error_text(e))
        self.form.show_edit(edit)
        self._edited(edit)

    def _replay(self, undo: bool) -> None:
        if self.bundle_id is None:
            return
        try:
            edit = self.ws.undo(self.bundle_id) if undo else self.ws.redo(self.bundle_id)
        except WorkspaceError as e:
            return self._edit_refused(error_text(e))
        if edit is None:
            self.statusBar().showMessage(self.tr("没有可撤销的评分操作") if undo else self.tr("没有可重做的评分操作"), 5000)
            return
        ch = edit.change
        if ch.application_id != self.application_id:
            self.apps.select(ch.application_id)
        self.form.show_edit(edit)
        self._edited(edit)
        what = self._field_text(ch.field)
        self.statusBar().showMessage((self.tr("已撤销：%1 %2") if undo else self.tr("已重做：%1 %2"))
                                     .replace("%1", ch.application_id).replace("%2", what), 8000)

    def _field_text(self, fld: str) -> str:
        if "." in fld:
            kind, cid = fld.split(".", 1)
            c = self.form.form.criterion(cid) if self.form.form else None
            name = criterion_name(self.form.form, cid) if c else cid
            return (self.tr("“%1”的等级") if kind == "grade" else self.tr("“%1”的说明")).replace("%1", name)
        return {"opinion": self.tr("专家意见"), "recommendation": self.tr("推荐意见"),
                "recusal": self.tr("回避")}.get(fld, fld)

    def undo(self) -> None:
        self._replay(True)

    def redo(self) -> None:
        self._replay(False)

    # -- export, sheet, removal -----------------------------------------------------------------------

    def _update_export_label(self) -> None:
        b = self.summary
        if b is None:
            self.export_label.setText("")
            return
        if b.last_revision is None:
            text = self.tr("尚未导出评分文件")
        elif b.changed_since_export:
            text = self.tr("已导出 r%1，之后有修改未导出").replace("%1", str(b.last_revision))
        else:
            text = self.tr("已导出 r%1").replace("%1", str(b.last_revision))
        if b.last_revision is not None and b.last_partial:
            text += self.tr("（部分交回）")
        self.export_label.setText(text)

    def submit(self) -> SubmitDialog | None:
        if self.bundle_id is None:
            return None
        settings = QSettings()
        dlg = SubmitDialog(self.ws, self.bundle_id, settings.value("expert/export_dir", "") or "", self)
        dlg.finished.connect(lambda _r: self._after_submit(dlg))
        dlg.open()
        return dlg

    def _after_submit(self, dlg: SubmitDialog) -> None:
        if dlg.result_value is not None:
            QSettings().setValue("expert/export_dir", dlg.folder.text())
        self.reload_bundles(self.bundle_id)

    def _sheet_bytes(self) -> bytes | None:
        try:
            return self.ws.score_sheet(self.bundle_id)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("无法生成个人评分表"), plain(error_text(e)))
            return None

    def print_sheet(self) -> None:
        data = self._sheet_bytes()
        if data:
            print_preview(self, data).exec()

    def save_sheet(self, path: str | None = None) -> Path | None:
        data = self._sheet_bytes()
        if not data:
            return None
        if path is None:
            b = self.ws.bundle(self.bundle_id)
            default = str(Path.home() / self.tr("个人评分表-%1.pdf").replace("%1", b.expert_name))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("保存个人评分表"), default, self.tr("PDF 文件 (*.pdf)"))
            if not path:
                return None
        Path(path).write_bytes(data)
        self.statusBar().showMessage(self.tr("已保存个人评分表：%1").replace("%1", str(path)), 8000)
        return Path(path)

    def countersign(self, path: str | None = None) -> Path | None:
        """文件 → 组长签署结果表…: choose the sheet, show what is signed and by whom before, sign."""
        from nn_review.expert.countersign import check_sheet, countersign_file, default_out, leader_expert, read_sheet
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择评审秘书发来的结果表"), str(Path.home()),
                                                  self.tr("PDF 文件 (*.pdf)"))
            if not path:
                return None
        src = Path(path)
        eid = self.ws.bundle(self.bundle_id).expert_id if self.bundle_id else None
        try:
            chk = check_sheet(read_sheet(src), src.name)
            _eid, name = leader_expert(self.ws, eid)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("不能签署"), plain(error_text(e)))
            return None
        text = "\n".join(chk.particulars) + "\n\n" + self.tr(
            "您将以专家组组长“{0}”的身份，用本机保存的证书对以上结果表加 PDF 数字签名。"
            "请先打开文件核对内容，确认无误后再签署。是否签署？").format(name)
        if QMessageBox.question(self, self.tr("组长签署结果表"), plain(text)) != QMessageBox.Yes:
            return None
        out, _ = QFileDialog.getSaveFileName(self, self.tr("保存签署后的结果表"), str(default_out(src)),
                                             self.tr("PDF 文件 (*.pdf)"))
        if not out:
            return None
        try:
            res = countersign_file(self.ws, src, out, expert_id=eid)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("签署失败"), plain(error_text(e)))
            return None
        QMessageBox.information(self, self.tr("已签署"), plain(self.tr(
            "已签署并保存到 {0}。\n组长证书指纹：{1}\n请将此文件交回评审秘书。").format(data(res.path),
                                                                             res.identity.fingerprint)))
        return res.path

    def remove_data(self) -> None:
        if self.bundle_id is None:
            return
        b = self.ws.bundle(self.bundle_id)
        answer = QMessageBox.question(
            self, self.tr("删除本评审包的材料"),
            plain(self.tr("将删除“%1”的全部申报材料和评分草稿，只保留已签名的评分记录（r%2）。此操作不可撤销。继续吗？")
                  .replace("%1", data(b.session_name)).replace("%2", str(b.last_revision or "—"))))
        if answer != QMessageBox.Yes:
            return
        try:
            self.ws.remove_bundle_data(self.bundle_id)
        except WorkspaceError as e:
            QMessageBox.warning(self, self.tr("不能删除"), plain(error_text(e)))
            return
        self.reload_bundles(self.bundle_id)

    # -- misc --------------------------------------------------------------------------------------------

    def settings(self) -> None:
        ExpertSettingsDialog(self.ws, self).exec()

    def keyboard_help(self) -> None:
        QMessageBox.information(self, self.tr("键盘操作"), self.tr(
            "1–5 或 A–E：评定当前指标的等级并跳到下一指标\n"
            "← / →：在等级按钮间移动；空格：选中/取消当前等级\n"
            "Tab：下一个输入项\n"
            "Ctrl+Enter：标记完成并转到下一个未完成的申报（不完整时列出所缺内容）\n"
            "评为 D、E：光标进入该指标的说明框（须写明理由）\n"
            "Ctrl+PgDn / Ctrl+PgUp：下一个 / 上一个申报\n"
            "Ctrl+Shift+PgDn：下一个未完成的申报\n"
            "Ctrl+Z / Ctrl+Shift+Z：撤销 / 重做评分操作\n"
            "PgUp / PgDn：文档翻页；Ctrl+F：在文档中查找\n"
            "Ctrl+E：提交评分；Ctrl+P：打印个人评分表"))

    def _restore_geometry(self) -> None:
        geo = QSettings().value("expert/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1366, 768)

    def closeEvent(self, e) -> None:
        self._save_scroll()
        QSettings().setValue("expert/geometry", self.saveGeometry())
        super().closeEvent(e)
