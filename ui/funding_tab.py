"""资金安排 page (issue 21; docs/funding.md): the funding plan of the session, one scope (a guide
item or a plan type with its budget) at a time — budget, the lines in rank order with the funding
line drawn, 预算 / 已安排 / 剩余 — and the secretary's actions: 核定金额, 核减/调整, 秘书审核, template
figures, the 拟资助项目汇总表, 公示, objections, the public list and 立项.

A page of the main window beside 评审结果 rather than a tab inside it: the plan is the session's
(a plan-type scope spans items reviewed by several panels) while the results page shows one
panel, and the plan's 13 columns with the line and the actions need the page's full height at
1366×768 (the results page's lower tabs have ~300 px).

Every figure comes from ``nn_review.funding.plan.funding_plan``; the page computes nothing. Writes
go through the window's runner (``win.ops``): quick ones with ``ops.call`` (a refusal shown in
place with the long-message helper), the sheets and the public list in the background with
``ops.run``. The page refreshes on change notices of Kind.FUNDING and of everything the results
read (AFFECTS_RESULTS), its own writes included.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nn_review.changes import AFFECTS_RESULTS, Kind
from nn_review.funding import edits as FE
from nn_review.funding import model as FM
from nn_review.funding import plan as FP
from nn_review.funding import publicity as FPub
from nn_review.funding import sheets as FS
from nn_review.i18n import text_of
from nn_review.store import StoreError

from . import token_dialog
from .funding_dialogs import (AmountDialog, DecideObjectionDialog, ObjectionDialog, ParamsDialog,
                              PublicityDialog, parse_amount)
from .funding_model import FundingLineDelegate, FundingModel, computed_text, money, scope_title, status_text
from .long_message import show_long_message
from .ops import RefreshOnChange
from .panel_dialogs import ReasonDialog
from .plain import data, plain, tip


def load_plan(store, session_id: int | None) -> tuple[FM.FundingPlan | None, str]:
    """(the session's plan, "") — or (None, why) when the core cannot build one (a refusal in
    plain words; the pages that read the plan keep working)."""
    if session_id is None:
        return None, ""
    try:
        return FP.funding_plan(store, session_id), ""
    except StoreError as e:  # FundingError and the store's own refusals
        return None, text_of(e)[0]


class FundingPage(RefreshOnChange, QWidget):
    watched = Kind.FUNDING | AFFECTS_RESULTS

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.session_id: int | None = None
        self.plan: FM.FundingPlan | None = None
        self.plan_error = ""                     # why there is no plan (the core's refusal), shown in the summary
        self.last_long_message = None
        self.last_sheet = None

        # scope, budget, the live summary
        self.scope = QComboBox(self)
        self.scope.setMinimumWidth(280)
        self.scope.currentIndexChanged.connect(lambda _i: self._show_scope())
        self.budget_target = QComboBox(self)
        self.budget_target.setToolTip(self.tr("预算可按指南项目单独设置，也可按计划类别统一设置"))
        self.budget = QLineEdit(self)
        self.budget.setPlaceholderText(self.tr("万元"))
        self.budget.setToolTip(self.tr("财政预算控制数（万元）；回车即设置"))
        self.budget.setMaximumWidth(170)
        self.budget.returnPressed.connect(self.apply_budget)
        self.btn_budget = QPushButton(self.tr("设置预算"), self)
        self.btn_budget.clicked.connect(self.apply_budget)
        self.btn_clear_budget = QPushButton(self.tr("清除预算"), self)
        self.btn_clear_budget.clicked.connect(self.clear_budget)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("范围"), self))
        top.addWidget(self.scope, 2)
        top.addWidget(QLabel(self.tr("预算"), self))
        top.addWidget(self.budget_target)
        top.addWidget(self.budget)
        top.addWidget(self.btn_budget)
        top.addWidget(self.btn_clear_budget)
        top.addWidget(self.summary, 3)

        # the lines
        self.model = FundingModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(FundingLineDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _i: self.adjust())

        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)

        # actions on the selected line, and on the session's plan
        self.act_approve = self._action(self.tr("核定金额…"), self.approve, "Ctrl+K",
                                        self.tr("专家组核定的金额（不超过申请金额与上限）"))
        self.act_adjust = self._action(self.tr("核减/调整…"), self.adjust, "Ctrl+J",
                                       self.tr("秘书核减或调整拟资助金额，须写明理由"))
        self.act_unadjust = self._action(self.tr("撤销调整"), self.withdraw_adjustment, None,
                                         self.tr("撤销秘书的核减/调整，恢复计算金额"))
        self.act_confirm = self._action(self.tr("审核通过"), self.confirm, "Ctrl+Return",
                                        self.tr("秘书审核：已对照申报材料核对按规则计算的金额"))
        self.act_params = self._action(self.tr("模板参数…"), self.params, None,
                                       self.tr("录入申报通知规定的奖补参数"))
        self.act_sheet = self._action(self.tr("生成拟资助汇总表…"), self.choose_sheet, "Ctrl+Shift+P",
                                      self.tr("拟资助项目汇总表（PDF，可数字签名；以及 Excel）"))
        self.act_publish = self._action(self.tr("公示…"), self.publish, None,
                                        self.tr("公示拟资助名单；公示后金额锁定"))
        self.act_objection = self._action(self.tr("记录异议…"), self.record_objection, None,
                                          self.tr("公示期内收到的异议"))
        self.act_decide = self._action(self.tr("处理异议…"), self.decide_objection, None,
                                       self.tr("维持、调整金额或撤销资助"))
        self.act_public_list = self._action(self.tr("导出公示名单…"), self.choose_public_list, None,
                                            self.tr("公示名单（立项后为立项名单）：PDF 与 Excel，不含评分与专家信息"))
        self.act_freeze = self._action(self.tr("立项定稿"), self.freeze, None,
                                       self.tr("公示期满且异议均已处理后，形成立项名单"))
        self.line_actions = (self.act_approve, self.act_adjust, self.act_unadjust, self.act_confirm,
                             self.act_objection)
        self.buttons: dict[QAction, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for a in (self.act_approve, self.act_adjust, self.act_unadjust, self.act_confirm, self.act_params):
            row1.addWidget(self._button(a))
        row1.addStretch(1)
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.PlainText)
        row1.addWidget(self.state)
        for a in (self.act_sheet, self.act_publish, self.act_objection, self.act_decide, self.act_public_list,
                  self.act_freeze):
            row2.addWidget(self._button(a))
        row2.addStretch(1)

        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([460, 80])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addLayout(row1)
        lay.addWidget(split, 1)
        lay.addLayout(row2)
        self._enable()

    def _action(self, text: str, slot, shortcut, tooltip: str) -> QAction:
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            tooltip = f"{tooltip} ({shortcut})"
        a.setToolTip(tooltip)
        a.triggered.connect(lambda _c=False: slot())
        self.addAction(a)
        return a

    def _button(self, action: QAction) -> QPushButton:
        b = QPushButton(action.text(), self)
        b.setToolTip(action.toolTip())
        b.clicked.connect(action.trigger)
        action.changed.connect(lambda: b.setEnabled(action.isEnabled()))
        self.buttons[action] = b
        return b

    # -- ui.ops.Page -----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("资金安排")

    def status_text(self) -> str:
        p = self.plan
        if p is None:
            return ""
        allocated = sum((sc.allocated for sc in p.scopes), Decimal(0))
        text = self.tr("资金安排：%1 个范围，已安排 %2 万元").replace("%1", str(len(p.scopes))).replace("%2", money(allocated))
        if p.publicity is not None:
            text = self.tr("%1，%2").replace("%1", text).replace("%2", self._publicity_text(p.publicity))
        return text

    def set_session(self, session_id: int | None) -> None:
        """Read now if shown; else when next shown (the plan merges every panel of the session)."""
        self.session_id = session_id
        if self.isVisible():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """The plan anew (one read in the core); the scope, the selected line and the scroll kept."""
        keep_scope = self.scope.currentData()
        ln = self.current_line()
        keep_app = ln.application_id if ln else None
        scroll = self.table.verticalScrollBar().value()
        self.plan, self.plan_error = load_plan(self.win.store, self.session_id)
        self.scope.blockSignals(True)
        self.scope.clear()
        for sc in self.plan.scopes if self.plan is not None else []:
            self.scope.addItem(scope_title(sc), sc.scope)
        self.scope.setCurrentIndex(max(self.scope.findData(keep_scope), 0))
        self.scope.blockSignals(False)
        self._show_scope(keep_app)
        self.table.verticalScrollBar().setValue(scroll)

    # -- showing -----------------------------------------------------------------------------------

    def current_scope(self) -> FM.ScopePlan | None:
        key = self.scope.currentData()
        if self.plan is None or key is None:
            return None
        return next((sc for sc in self.plan.scopes if sc.scope == key), None)

    def current_line(self) -> FM.PlanLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line(rows[0].row()) if rows else None

    def summary_text(self, sc: FM.ScopePlan | None) -> str:
        if sc is None:
            if self.plan_error:
                return self.plan_error
            return self.tr("本批次还没有资金安排") if self.session_id is not None else ""
        if sc.budget is None:
            return self.tr("未设置预算，已安排 %1 万元").replace("%1", money(sc.allocated))
        text = (self.tr("预算 %1，已安排 %2，剩余 %3（万元）").replace("%1", money(sc.budget))
                .replace("%2", money(sc.allocated)).replace("%3", money(sc.remaining)))
        if sc.over_budget is not None and sc.over_budget > 0:
            text += self.tr("，超出预算 %1").replace("%1", money(sc.over_budget))
        return text

    def _publicity_text(self, pub: FM.PublicityInfo) -> str:
        period = f"{pub.start_date:%Y-%m-%d} — {pub.end_date:%Y-%m-%d}"
        if pub.state == "frozen":
            return self.tr("已立项（公示 %1）").replace("%1", period)
        pending = sum(not o.outcome for o in pub.objections)
        text = self.tr("公示中 %1").replace("%1", period)
        if pub.objections:
            text += self.tr("，异议 %1 件（待处理 %2）").replace("%1", str(len(pub.objections))).replace("%2", str(pending))
        return text

    def _show_scope(self, keep_app: str | None = None) -> None:
        sc = self.current_scope()
        self.model.set_scope(sc)
        self.summary.setText(self.summary_text(sc))
        self.summary.setToolTip(self.summary.text())
        self.summary.setStyleSheet("color: #a23b00" if sc is not None and sc.over_budget else "")
        self.budget.setText(f"{sc.budget:.2f}" if sc is not None and sc.budget is not None else "")
        self.budget_target.clear()
        if sc is not None:
            self.budget_target.addItem(scope_title(sc), sc.scope)
            if sc.scope.startswith("plan:"):  # an item of the plan type may get a budget of its own
                for item in sorted({ln.guide_item for ln in sc.lines if ln.guide_item is not None}):
                    self.budget_target.addItem(self.tr("项目%1（单独预算）").replace("%1", str(item)), f"item:{item}")
        self.budget_target.setVisible(self.budget_target.count() > 1)
        pub = self.plan.publicity if self.plan is not None else None
        self.state.setText(self._publicity_text(pub) if pub is not None else "")
        self._size_columns()
        r = self.model.row_of(keep_app) if keep_app else -1
        if r >= 0:
            self.table.selectRow(r)
        else:
            self._selected()
        self._enable()

    def _size_columns(self) -> None:
        t = self.table
        head = t.horizontalHeader()
        for c in range(self.model.columnCount()):
            head.setSectionResizeMode(c, QHeaderView.Interactive)
        t.resizeColumnsToContents()
        t.setColumnWidth(3, min(t.columnWidth(3), 200))  # the applicant: the whole name in the tooltip
        head.setSectionResizeMode(2, QHeaderView.Stretch)  # the title takes what is left

    def line_row(self) -> int | None:
        """The row under which the funding line is drawn (None: no line in this scope)."""
        after = self.model.line_after
        return None if after is None else after - 1

    def _selected(self) -> None:
        ln = self.current_line()
        sc = self.current_scope()
        parts = []
        if sc is not None and sc.rule_text:
            parts.append(self.tr("资助规则：%1").replace("%1", data(sc.rule_text)))
        if ln is not None:
            parts.append(f"{data(ln.application_id)}  {data(ln.title)} · {status_text(ln.status)}")
            if ln.computed is not None:
                parts.append(data(computed_text(ln.computed)))
            if ln.approved is not None:
                parts.append(self.tr("核定 %1：%2").replace("%1", money(ln.approved)).replace("%2", data(ln.approved_reason)))
            if ln.adjusted is not None:
                parts.append(self.tr("核减/调整 %1：%2").replace("%1", money(ln.adjusted)).replace("%2", data(ln.adjusted_reason)))
            for f in ln.flags:
                parts.append(self.tr("重复享受：与 %1 — %2").replace("%1", data(f.other_application_id)).replace("%2", data(f.text)))
        if self.plan is not None and self.plan.missing_params:
            parts.append(self.tr("尚缺 %1 个模板参数（模板参数…）").replace("%1", str(len(self.plan.missing_params))))
        self.detail.setText("\n".join(parts))
        self._enable()

    def _enable(self) -> None:
        p = self.plan
        pub = p.publicity if p is not None else None
        editable = p is not None and pub is None
        ln = self.current_line()
        on_line = editable and ln is not None
        self.act_approve.setEnabled(on_line and ln.route == "panel" and ln.proposed is not None)
        self.act_adjust.setEnabled(on_line and ln.proposed is not None)
        self.act_unadjust.setEnabled(on_line and ln.adjusted is not None)
        self.act_confirm.setEnabled(on_line and ln.route == "rule" and not ln.confirmed
                                    and ln.status == FM.UNCONFIRMED)
        self.act_params.setEnabled(editable)
        for w in (self.budget, self.btn_budget, self.btn_clear_budget, self.budget_target):
            w.setEnabled(editable and self.current_scope() is not None)
        self.act_sheet.setEnabled(p is not None and bool(p.scopes))
        self.act_publish.setEnabled(editable and bool(p.scopes))
        self.act_objection.setEnabled(pub is not None and pub.state == "published" and ln is not None)
        self.act_decide.setEnabled(pub is not None and pub.state == "published"
                                   and any(not o.outcome for o in pub.objections))
        self.act_public_list.setEnabled(p is not None and bool(p.scopes))
        self.act_freeze.setEnabled(pub is not None and pub.state == "published")

    def _menu(self, pos) -> None:
        if self.table.indexAt(pos).isValid():
            self.table.selectRow(self.table.indexAt(pos).row())
        menu = QMenu(self)
        for a in self.line_actions:
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_params)
        self._menu_shown = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- writes --------------------------------------------------------------------------------

    def _call(self, title: str, fn, *args, **kw) -> bool:
        """A quick write through the runner (its notice refreshes this page and the results page);
        a refusal shown with its whole text, scrollable."""
        try:
            self.win.ops.call(fn, *args, initiator=self, **kw)
        except Exception as e:  # noqa: BLE001 — the core's refusal (FundingError) or any failure: shown
            text, detail = text_of(e)
            head, *lines = text.split("\n")
            self.show_long(title, head, [x.strip() for x in lines], detail=detail)
            return False
        return True

    def show_long(self, title: str, summary: str, lines: list[str], *, detail: str = "", level: str = "warning"):
        self.last_long_message = show_long_message(self, title, plain(summary), [plain(data(x)) for x in lines],
                                                   detail=detail, level=level)
        return self.last_long_message

    def _budget_scope(self) -> str | None:
        return self.budget_target.currentData() or (self.current_scope().scope if self.current_scope() else None)

    def apply_budget(self) -> bool:
        scope = self._budget_scope()
        if scope is None or self.session_id is None:
            return False
        amount = parse_amount(self.budget.text())
        if amount is None:
            self.show_long(self.tr("设置预算"), self.tr("预算须为不小于 0 的金额（万元，最多两位小数），例如 500 或 1200.50。"), [])
            return False
        return self._call(self.tr("设置预算"), FE.set_budget, self.win.store, self.session_id, scope, amount)

    def clear_budget(self) -> bool:
        scope = self._budget_scope()
        if scope is None or self.session_id is None:
            return False
        return self._call(self.tr("清除预算"), FE.set_budget, self.win.store, self.session_id, scope, None)

    def amount_dialog(self, kind: str) -> AmountDialog | None:
        ln = self.current_line()
        if ln is None:
            return None
        dlg = AmountDialog(kind, ln, self)
        self.last_dialog = dlg
        return dlg

    def _accepted(self, dlg: AmountDialog | None, kind: str) -> AmountDialog | None:
        """``dlg``: a dialog already filled in and accepted (tests), else one is asked now."""
        if dlg is None:
            dlg = self.amount_dialog(kind)
            if dlg is None or dlg.exec() != AmountDialog.Accepted:
                return None
        return dlg if dlg.result() == AmountDialog.Accepted else None

    def approve(self, dlg: AmountDialog | None = None) -> bool:
        """核定金额 of the selected line (the panel's; the leader, or the secretary on the leader's behalf)."""
        ln, dlg = self.current_line(), self._accepted(dlg, "approve")
        if ln is None or dlg is None:
            return False
        return self._call(self.tr("核定金额"), FE.approve_amount, self.win.store, self.session_id, ln.application_id,
                          dlg.value(), reason=dlg.reason_text(), by=dlg.by())

    def adjust(self, dlg: AmountDialog | None = None) -> bool:
        """核减/调整 of the selected line by the secretary, with the reason."""
        ln, dlg = self.current_line(), self._accepted(dlg, "adjust")
        if ln is None or dlg is None:
            return False
        return self._call(self.tr("核减/调整"), FE.adjust_amount, self.win.store, self.session_id, ln.application_id,
                          dlg.value(), reason=dlg.reason_text())

    def withdraw_adjustment(self) -> bool:
        ln = self.current_line()
        if ln is None or ln.adjusted is None:
            return False
        dlg = ReasonDialog(self.tr("撤销调整"), self.tr("撤销 %1 的核减/调整，恢复计算金额。理由：")
                           .replace("%1", ln.application_id), self)
        if dlg.exec() != ReasonDialog.Accepted:
            return False
        return self._call(self.tr("撤销调整"), FE.adjust_amount, self.win.store, self.session_id, ln.application_id,
                          None, reason=dlg.reason())

    def confirm(self) -> bool:
        ln = self.current_line()
        if ln is None:
            return False
        return self._call(self.tr("审核通过"), FE.confirm_amount, self.win.store, self.session_id, ln.application_id)

    def params(self) -> bool:
        if self.plan is None:
            return False
        dlg = ParamsDialog(list(self.plan.missing_params), self)
        self.last_dialog = dlg
        if dlg.exec() != ParamsDialog.Accepted:
            return False
        for item, direction, param, value, source in dlg.entries():  # one write each; the first refusal stops
            if not self._call(self.tr("模板参数"), FE.set_param, self.win.store, self.session_id, item, param, value,
                              direction=direction, source=source):
                return False
        return True

    def publish(self) -> bool:
        dlg = PublicityDialog(date.today(), self)
        self.last_dialog = dlg
        if dlg.exec() != PublicityDialog.Accepted:
            return False
        start, end = dlg.period()
        return self._call(self.tr("公示"), FPub.start_publicity, self.win.store, self.session_id, start, end)

    def record_objection(self) -> bool:
        ln = self.current_line()
        if ln is None:
            return False
        dlg = ObjectionDialog(ln, date.today(), self)
        self.last_dialog = dlg
        if dlg.exec() != ObjectionDialog.Accepted:
            return False
        received, text = dlg.values()
        return self._call(self.tr("记录异议"), FPub.record_objection, self.win.store, self.session_id,
                          ln.application_id, received=received, text=text)

    def decide_objection(self) -> bool:
        pub = self.plan.publicity if self.plan is not None else None
        pending = [o for o in pub.objections if not o.outcome] if pub is not None else []
        if not pending:
            return False
        dlg = DecideObjectionDialog(pending, self)
        self.last_dialog = dlg
        if dlg.exec() != DecideObjectionDialog.Accepted:
            return False
        oid, outcome, reason, amount = dlg.values()
        return self._call(self.tr("处理异议"), FPub.decide_objection, self.win.store, oid, outcome, reason=reason,
                          amount=amount)

    def freeze(self) -> bool:
        if QMessageBox.question(self, self.tr("立项定稿"), self.tr(
                "立项后名单定稿（异议处理结果已计入），资金安排不能再修改。现在立项？")) != QMessageBox.Yes:
            return False
        return self._call(self.tr("立项定稿"), FPub.freeze, self.win.store, self.session_id)

    # -- outputs, in the background -------------------------------------------------------------

    def _folder(self, caption: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, caption, QSettings().value("funding/last_dir", str(Path.home())))
        if not folder:
            return None
        QSettings().setValue("funding/last_dir", folder)
        return Path(folder)

    def _progress(self, text: str, title: str) -> QProgressDialog:
        progress = QProgressDialog(text, self.tr("取消"), 0, 0, self)  # a busy bar: one file at a time
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setCancelButton(None)
        return progress

    def choose_sheet(self) -> None:
        folder = self._folder(self.tr("选择存放拟资助项目汇总表的文件夹"))
        if folder is None:
            return
        how = token_dialog.choose_signing(self, self.tr("用秘书的签名证书对汇总表 PDF 做数字签名？"))
        identity = token_dialog.open_token(self, "secretary", self.win.store.actor) if how == "token" else None
        if how is not None and (how != "token" or identity is not None):
            self.write_sheet(folder, how != "none", identity)

    def write_sheet(self, folder: Path, sign: bool, identity=None) -> None:
        if self.win.ops.busy or self.session_id is None:
            if identity is not None:
                identity.close()
            return
        from .signer_dialogs import ensure_signer_profile
        if sign and identity is None and not ensure_signer_profile(self, self.win.store):
            return
        if identity is not None:  # the UKey's certificate recorded first, the token closed at the end
            fn = self.win.ops.job(token_dialog.secretary_job(
                self.win.store, partial(FS.write_plan_sheet, self.win.store, self.session_id, folder, sign=sign,
                                        identity=identity), identity))
            args: tuple = ()
        else:
            fn = self.win.ops.job(partial(FS.write_plan_sheet, sign=sign))
            args = (self.win.store, self.session_id, folder)
        progress = self._progress(self.tr("正在生成拟资助项目汇总表…"), self.tr("生成拟资助汇总表"))
        self.win.ops.run(self.tr("生成拟资助汇总表"), fn, *args, progress=progress, done=self._files_done,
                         initiator=self)

    def choose_public_list(self) -> None:
        folder = self._folder(self.tr("选择存放公示名单的文件夹"))
        if folder is not None:
            self.write_public_list(folder)

    def write_public_list(self, folder: Path) -> None:
        if self.win.ops.busy or self.session_id is None:
            return
        progress = self._progress(self.tr("正在导出公示名单…"), self.tr("导出公示名单"))
        self.win.ops.run(self.tr("导出公示名单"), self.win.ops.job(FS.write_public_list), self.win.store,
                         self.session_id, folder, progress=progress, done=self._files_done, initiator=self)

    def _files_done(self, paths) -> None:
        self.last_sheet = list(paths or [])
        self.win.statusBar().showMessage(self.tr("已生成 %1 个文件：%2").replace("%1", str(len(self.last_sheet)))
                                         .replace("%2", "  ".join(Path(p).name for p in self.last_sheet)), 15000)
