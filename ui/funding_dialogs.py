"""The dialogs of the 资金安排 page: an amount with its reason (核定金额, 核减/调整), the template
figures from the notice, the 公示 period, an objection received and its decision.

The dialogs only check what a form can (a number was typed, a reason was written, the dates are
in order); every rule (≤ requested, ≤ cap, not after 公示 …) is the core's, whose refusal the page
shows. Amounts are returned as the typed text (the core parses it as ``Decimal``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from nn_review.funding import model as FM

from .funding_model import money
from .plain import data


def parse_amount(text: str) -> Decimal | None:
    """The typed amount in 万元, or None when it is not a number ≥ 0 with at most 2 decimals."""
    text = text.strip().replace(",", "").replace("，", "")
    try:
        d = Decimal(text)
    except InvalidOperation:
        return None
    if not d.is_finite() or d < 0 or d.as_tuple().exponent < -2:
        return None
    return d


def _buttons(dlg: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dlg)
    box.button(QDialogButtonBox.Ok).setText(ok_text)
    box.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("FundingDialogs", "取消"))
    box.accepted.connect(dlg.accept)
    box.rejected.connect(dlg.reject)
    return box


def _error_label(dlg: QDialog) -> QLabel:
    label = QLabel(dlg)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828")
    return label


class AmountDialog(QDialog):
    """核定金额 (``kind="approve"``, with who decided) or 核减/调整 (``kind="adjust"``) of one line."""

    def __init__(self, kind: str, line: FM.PlanLine, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("核定金额") if kind == "approve" else self.tr("核减/调整"))
        head = QLabel(data(f"{line.application_id}  {line.title}"), self)
        head.setTextFormat(Qt.PlainText)
        head.setWordWrap(True)
        facts = QLabel(self.tr("申请 %1 万元 · 上限 %2 · 当前拟资助 %3")
                       .replace("%1", money(line.requested)).replace("%2", money(line.cap))
                       .replace("%3", money(line.proposed)), self)
        facts.setTextFormat(Qt.PlainText)
        current = line.approved if kind == "approve" else line.adjusted
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("万元，最多两位小数"))
        if current is not None:
            self.amount.setText(f"{current:.2f}")
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("必须写明理由（将记入审计日志并打印在汇总表上）"))
        self.reason.setPlainText(line.approved_reason if kind == "approve" else line.adjusted_reason)
        form = QFormLayout()
        form.addRow(head)
        form.addRow(facts)
        form.addRow(self.tr("金额（万元）"), self.amount)
        form.addRow(self.tr("理由"), self.reason)
        self.by_leader = QRadioButton(self.tr("组长核定"), self)
        self.by_secretary = QRadioButton(self.tr("秘书代录"), self)
        self.by_leader.setChecked(True)
        grp = QButtonGroup(self)
        grp.addButton(self.by_leader)
        grp.addButton(self.by_secretary)
        if kind == "approve":
            row = QHBoxLayout()
            row.addWidget(self.by_leader)
            row.addWidget(self.by_secretary)
            row.addStretch(1)
            form.addRow(self.tr("录入"), row)
        else:
            self.by_leader.hide()
            self.by_secretary.hide()
        self.error = _error_label(self)
        form.addRow(self.error)
        self.buttons = _buttons(self, self.tr("确定"))
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.resize(480, 300)

    def value(self) -> Decimal | None:
        return parse_amount(self.amount.text())

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def by(self) -> str:
        return "secretary" if self.by_secretary.isChecked() else "leader"

    def validate(self) -> str:
        if self.value() is None:
            return self.tr("请输入金额（万元，不小于 0，最多两位小数）。")
        if not self.reason_text():
            return self.tr("请写明理由。")
        return ""

    def accept(self) -> None:
        problem = self.validate()
        self.error.setText(problem)
        if not problem:
            super().accept()


class ParamsDialog(QDialog):
    """The template figures a rule needs (具体申报事项另行通知): the missing ones listed, each with
    its value and the notice it comes from."""

    def __init__(self, missing: list[tuple[int, int, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("模板参数"))
        intro = QLabel(self.tr("以下参数由当年申报通知确定，录入后才能计算金额：") if missing
                       else self.tr("所有模板参数均已录入。如需修改，请在下方填写项目、方向与参数名。"), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(max(len(missing), 1), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("项目"), self.tr("方向"), self.tr("参数"), self.tr("数值"),
                                              self.tr("来源（文号）")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        for r, (item, direction, param) in enumerate(missing):
            for c, v in enumerate((str(item), str(direction), param)):
                cell = QTableWidgetItem(data(v))
                cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(r, c, cell)
        self.error = _error_label(self)
        self.buttons = _buttons(self, self.tr("保存"))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(620, 320)

    def _text(self, r: int, c: int) -> str:
        it = self.table.item(r, c)
        return it.text().strip() if it is not None else ""

    def entries(self) -> list[tuple[int, int, str, Decimal, str]]:
        """(item, direction, param, value, source) of every row with a value."""
        out = []
        for r in range(self.table.rowCount()):
            if not self._text(r, 3):
                continue
            out.append((int(self._text(r, 0)), int(self._text(r, 1) or 0), self._text(r, 2),
                        Decimal(self._text(r, 3).replace(",", "")), self._text(r, 4)))
        return out

    def validate(self) -> str:
        n = 0
        for r in range(self.table.rowCount()):
            if not self._text(r, 3):
                continue
            n += 1
            if not self._text(r, 0).isdigit() or not (self._text(r, 1) or "0").isdigit() or not self._text(r, 2):
                return self.tr("第 %1 行：请填写项目编号、方向编号（整数）和参数名。").replace("%1", str(r + 1))
            try:
                Decimal(self._text(r, 3).replace(",", ""))
            except InvalidOperation:
                return self.tr("第 %1 行：数值不是数字。").replace("%1", str(r + 1))
        return "" if n else self.tr("请至少填写一个数值。")

    def accept(self) -> None:
        problem = self.validate()
        self.error.setText(problem)
        if not problem:
            super().accept()


def _date_edit(parent, d: date) -> QDateEdit:
    e = QDateEdit(QDate(d.year, d.month, d.day), parent)
    e.setCalendarPopup(True)
    e.setDisplayFormat("yyyy-MM-dd")
    return e


def _py(e: QDateEdit) -> date:
    q = e.date()
    return date(q.year(), q.month(), q.day())


class PublicityDialog(QDialog):
    """公示: the period; after it the amounts are locked."""

    def __init__(self, today: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("公示"))
        note = QLabel(self.tr("公示后预算、参数与金额不能再修改，只能通过异议处理调整。公示期（含首尾两日）："), self)
        note.setWordWrap(True)
        self.start = _date_edit(self, today)
        self.end = _date_edit(self, date.fromordinal(today.toordinal() + 6))
        form = QFormLayout()
        form.addRow(note)
        form.addRow(self.tr("开始日期"), self.start)
        form.addRow(self.tr("结束日期"), self.end)
        self.error = _error_label(self)
        form.addRow(self.error)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self, self.tr("公示")))
        self.resize(420, 200)

    def period(self) -> tuple[date, date]:
        return _py(self.start), _py(self.end)

    def accept(self) -> None:
        a, b = self.period()
        self.error.setText("" if b >= a else self.tr("结束日期不能早于开始日期。"))
        if b >= a:
            super().accept()


class ObjectionDialog(QDialog):
    """记录异议: against one application, the date it was received and its text."""

    def __init__(self, line: FM.PlanLine, today: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("记录异议"))
        head = QLabel(data(f"{line.application_id}  {line.title}"), self)
        head.setTextFormat(Qt.PlainText)
        head.setWordWrap(True)
        self.received = _date_edit(self, today)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("异议的内容（来信、来电摘要）"))
        form = QFormLayout()
        form.addRow(head)
        form.addRow(self.tr("收到日期"), self.received)
        form.addRow(self.tr("异议内容"), self.text)
        self.error = _error_label(self)
        form.addRow(self.error)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self, self.tr("记录")))
        self.resize(480, 280)

    def values(self) -> tuple[date, str]:
        return _py(self.received), self.text.toPlainText().strip()

    def accept(self) -> None:
        ok = bool(self.values()[1])
        self.error.setText("" if ok else self.tr("请填写异议内容。"))
        if ok:
            super().accept()


class DecideObjectionDialog(QDialog):
    """处理异议: choose a pending objection, 维持 / 调整 (with the new amount) / 撤销, and the reason."""

    OUTCOMES = ("maintain", "adjust", "revoke")

    def __init__(self, objections: list[FM.ObjectionInfo], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("处理异议"))
        self.objections = objections
        self.which = QComboBox(self)
        for o in objections:
            self.which.addItem(data(f"{o.application_id} · {o.received_date:%Y-%m-%d} · {o.text[:30]}"), o.id)
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.PlainText)
        self.detail.setWordWrap(True)
        self.which.currentIndexChanged.connect(self._show)
        self.outcome = QComboBox(self)
        for key, text in zip(self.OUTCOMES, (self.tr("维持"), self.tr("调整金额"), self.tr("撤销资助"))):
            self.outcome.addItem(text, key)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("调整后的金额（万元）"))
        self.outcome.currentIndexChanged.connect(lambda _i: self.amount.setEnabled(self.outcome_key() == "adjust"))
        self.amount.setEnabled(False)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("处理理由（必填）"))
        form = QFormLayout()
        form.addRow(self.tr("异议"), self.which)
        form.addRow(self.detail)
        form.addRow(self.tr("处理结果"), self.outcome)
        form.addRow(self.tr("金额（万元）"), self.amount)
        form.addRow(self.tr("理由"), self.reason)
        self.error = _error_label(self)
        form.addRow(self.error)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self, self.tr("确定")))
        self.resize(520, 360)
        self._show()

    def _show(self, *_):
        i = self.which.currentIndex()
        self.detail.setText(data(self.objections[i].text) if 0 <= i < len(self.objections) else "")

    def objection_id(self) -> int | None:
        return self.which.currentData()

    def outcome_key(self) -> str:
        return self.outcome.currentData()

    def values(self) -> tuple[int | None, str, str, Decimal | None]:
        amount = parse_amount(self.amount.text()) if self.outcome_key() == "adjust" else None
        return self.objection_id(), self.outcome_key(), self.reason.toPlainText().strip(), amount

    def validate(self) -> str:
        oid, outcome, reason, amount = self.values()
        if oid is None:
            return self.tr("没有待处理的异议。")
        if outcome == "adjust" and amount is None:
            return self.tr("请输入调整后的金额（万元，不小于 0，最多两位小数）。")
        if not reason:
            return self.tr("请写明处理理由。")
        return ""

    def accept(self) -> None:
        problem = self.validate()
        self.error.setText(problem)
        if not problem:
            super().accept()
