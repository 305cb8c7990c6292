"""The 形式审查结论 box and the 核对清单 of the detail pane's findings tab.

Both only show a ``FormalState`` and ask: the main window calls nn_review.services.formal
(one write transaction each) and shows the result or the core's refusal here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from nn_review.checks.engine import text_of_finding
from nn_review.i18n import M, catalog, render, text_of
from nn_review.roster.common import local_time
from nn_review.services.formal import FormalState

from .findings_model import finding_tip
from .plain import data, tip

VERDICT_COLOURS = {"pass": "#1e7d32", "fail": "#c62828", "attention": "#b26a00", "unchecked": "#666666"}


class FormalBox(QGroupBox):
    """Machine verdict, the decision with reason/actor/time, and 通过 / 不予受理 / 撤销结论."""
    decision_requested = Signal(str, str)   # accepted | excluded | '' (withdraw), reason

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("形式审查结论"))
        self.state: FormalState | None = None
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-weight: bold;")
        self.detail = QLabel(self)  # reason, who and when
        self.detail.setTextFormat(Qt.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.reason = QLineEdit(self)
        self.reason.setClearButtonEnabled(True)
        self.reason.returnPressed.connect(self._enter)
        self.btn_accept = QPushButton(self.tr("通过", "button"), self)
        self.btn_accept.setToolTip(self.tr("确认形式审查通过（机器结论不是“通过”时须填写理由）"))
        self.btn_accept.clicked.connect(lambda: self.request("accepted"))
        self.btn_exclude = QPushButton(self.tr("不予受理", "button"), self)
        self.btn_exclude.setToolTip(self.tr("形式审查不予受理：不进入评审组和评审包，已交回的评分不计入（须填写理由）"))
        self.btn_exclude.clicked.connect(lambda: self.request("excluded"))
        self.btn_clear = QPushButton(self.tr("撤销结论"), self)
        self.btn_clear.setToolTip(self.tr("撤销已登记的形式审查结论（须填写理由）"))
        self.btn_clear.clicked.connect(lambda: self.request(""))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.btn_accept)
        buttons.addWidget(self.btn_exclude)
        buttons.addWidget(self.btn_clear)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.status)
        lay.addWidget(self.detail)
        lay.addLayout(buttons)
        lay.addWidget(self.error)
        self.show_state(None)

    # Verdict and decision in the words of the applications table (nn_review/i18n/catalog_checks.py).
    def verdict_text(self, verdict: str) -> str:
        key = f"check.verdict.{verdict}"
        return render(M(key)) if key in catalog() else verdict

    def decision_text(self, st: FormalState) -> str:
        if st.decision == "accepted" and st.verdict != "pass":
            return render(M("check.decision.verified"))
        return render(M(f"check.decision.{st.decision or 'undecided'}"))

    def show_state(self, st: FormalState | None, *, keep_reason: bool = False) -> None:
        self.state = st
        self.error.hide()
        if not keep_reason:
            self.reason.clear()
        for w in (self.reason, self.btn_accept, self.btn_exclude):
            w.setEnabled(st is not None)
        self.btn_clear.setEnabled(st is not None and bool(st.decision))
        if st is None:
            self.status.setText("")
            self.detail.setText("")
            return
        self.status.setText(self.tr("机器审查：%1 → 形式审查结论：%2")
                            .replace("%1", self.verdict_text(st.verdict)).replace("%2", self.decision_text(st)))
        colour = {"excluded": "#6d4c41", "accepted": "#1e7d32"}.get(st.decision) or VERDICT_COLOURS.get(st.verdict)
        self.status.setStyleSheet(f"font-weight: bold; color: {colour};")
        if st.decision:
            text = self.tr("%1 于 %2 确认").replace("%1", data(st.actor)).replace("%2", local_time(st.decided_at))
            if st.reason:
                text += "\n" + self.tr("理由：%1").replace("%1", data(st.reason))
        elif st.verdict == "pass":
            text = self.tr("机器审查通过；确认“通过”无需理由。")
        else:
            text = self.tr("请核实后确认：通过须填写核实情况，不予受理须填写理由。")
        self.detail.setText(text)
        self.reason.setPlaceholderText(self.tr("理由（与机器结论不同时必填）"))
        self.reason.setToolTip(self.tr("不予受理、撤销结论、机器结论未通过而确认通过时必须填写理由"))

    def _enter(self) -> None:
        if self.state is not None and self.state.decision == "" and self.state.verdict == "pass":
            self.request("accepted")

    def request(self, decision: str) -> None:
        if self.state is not None:
            self.decision_requested.emit(decision, self.reason.text().strip())

    def show_error(self, message: str | BaseException) -> None:
        """The core's refusal: in the UI language where it carries a message id (its detail in the tooltip)."""
        text, detail = text_of(message) if isinstance(message, BaseException) else (message, "")
        self.error.setText(text)
        self.error.setToolTip(tip(detail) if detail else "")
        self.error.show()


class ManualChecklist(QWidget):
    """The 核对清单: one row per manual requirement, a tick and an editable note."""
    check_requested = Signal(str, str, bool, str)   # application id, rule id, ticked, note

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state: FormalState | None = None
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; padding: 2px;")
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("已核对"), self.tr("要求"), self.tr("备注（双击填写）")])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.Stretch)
        h.setSectionResizeMode(2, QHeaderView.Interactive)
        h.resizeSection(2, 150)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.itemChanged.connect(self._changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        self.show_state(None)

    def show_state(self, st: FormalState | None) -> None:
        self.state = st
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        items = st.manual if st else ()
        for i, m in enumerate(items):
            self.table.insertRow(i)
            tick = QTableWidgetItem(self.tr("已核对") if m.ticked else self.tr("未核对"))
            tick.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
            tick.setCheckState(Qt.Checked if m.ticked else Qt.Unchecked)
            tick.setData(Qt.UserRole, m.rule_id)
            tick.setForeground(QBrush(QColor("#1e7d32" if m.ticked else "#1565c0")))
            if m.ticked and m.actor:
                tick.setToolTip(tip(self.tr("%1 于 %2 核对").replace("%1", m.actor)
                                    .replace("%2", local_time(m.updated_at))))
            # The requirement in the UI language; its rule id is a detail, in the tooltip.
            # (a checklist item shows the guide's requirement itself: the table is the 核对清单 already)
            text = m.msg.params.get("text") if m.msg and m.msg.key == "check.msg.checklist" else None
            req = QTableWidgetItem(data(text if isinstance(text, str) else text_of_finding(m)))
            req.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            req.setToolTip(finding_tip(m))
            note = QTableWidgetItem(m.note)  # edited in place: the text as typed, marked in the tooltip
            note.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable)
            note.setToolTip(tip(m.note))
            for j, it in enumerate((tick, req, note)):
                self.table.setItem(i, j, it)
        self.table.blockSignals(False)
        if st is None or not items:
            self.title.setText(self.tr("核对清单：无需人工核对的要求"))
        else:
            self.title.setText(self.tr("核对清单：已核对 %1/%2").replace("%1", str(st.ticks_done))
                               .replace("%2", str(st.ticks_total)))

    def _changed(self, item: QTableWidgetItem) -> None:
        if self.state is None or item.column() not in (0, 2):
            return
        r = item.row()
        rule = self.table.item(r, 0).data(Qt.UserRole)
        ticked = self.table.item(r, 0).checkState() == Qt.Checked
        note = self.table.item(r, 2).text().strip()
        # Queued: the answer rebuilds this table, which must not happen inside the item's own setData.
        app_id = self.state.application_id
        QTimer.singleShot(0, lambda: self.check_requested.emit(app_id, rule, ticked, note))

    def set_row(self, rule_id: str, ticked: bool, note: str) -> None:
        """Tick/untick and write the note as a user would (tests and keyboard use)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.UserRole) == rule_id:
                self.table.blockSignals(True)
                self.table.item(r, 2).setText(note)
                self.table.blockSignals(False)
                self.table.item(r, 0).setCheckState(Qt.Checked if ticked else Qt.Unchecked)
                return
        raise KeyError(rule_id)
