"""Small dialogs of the panels page: new panel, random draw, add members, assignment, reasons."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QRadioButton,
                               QMessageBox, QSpinBox, QVBoxLayout, QWidget)

from nn_review.funding.routing import RULE
from nn_review.i18n import render
from nn_review.roster.experts import ExpertInfo
from nn_review.services.queries import AppRow

from .plain import data, plain


def _buttons(dlg: QDialog, ok_text: str) -> QDialogButtonBox:
    b = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dlg)
    b.button(QDialogButtonBox.Ok).setText(ok_text)
    b.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("PanelDialogs", "取消"))
    b.accepted.connect(dlg.accept)
    b.rejected.connect(dlg.reject)
    return b


def _seed(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


class NewPanelDialog(QDialog):
    """Name + the guide items (or single applications) the panel reviews."""

    def __init__(self, apps: list[AppRow], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建评审组"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("例如：第一组（新一代信息技术）"))
        self.items = QListWidget(self)
        per_item = Counter(a.guide_item for a in apps if a.guide_item is not None)
        rule_items = {a.guide_item for a in apps if a.route == RULE}
        rule_mark = "  " + self.tr("［按规则核定，不需再行评审］")
        for item, n in sorted(per_item.items()):
            it = QListWidgetItem(self.tr("项目%1（%2 个申报包）").replace("%1", str(item)).replace("%2", str(n))
                                 + (rule_mark if item in rule_items else ""))
            it.setData(Qt.UserRole, ("item", item))
            it.setFlags(it.flags() | Qt.ItemIsUserCheckable)
            it.setCheckState(Qt.Unchecked)
            self.items.addItem(it)
        head = QListWidgetItem(self.tr("— 或逐个选择申报包 —"))
        head.setFlags(Qt.NoItemFlags)
        self.items.addItem(head)
        for a in sorted(apps, key=lambda a: a.application_id):  # hand-picked (consortium packages have no item)
            mark = "  " + self.tr("［形式审查：不予受理］") if a.formal_decision == "excluded" else ""
            mark += rule_mark if a.route == RULE else ""
            it = QListWidgetItem(data(f"{a.application_id}  {a.title}{mark}"))
            it.setData(Qt.UserRole, ("app", a.application_id))
            it.setFlags(it.flags() | Qt.ItemIsUserCheckable)
            it.setCheckState(Qt.Unchecked)
            self.items.addItem(it)
        self.buttons = _buttons(self, self.tr("创建"))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.name.textChanged.connect(self._validate)
        self.items.itemChanged.connect(self._validate)
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("评审项目"), self.items)
        form.addRow(self.buttons)
        self.resize(520, 420)

    def _validate(self, *_):
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.name.text().strip()) and bool(self.chosen()))

    def chosen(self) -> list[tuple[str, object]]:
        return [self.items.item(i).data(Qt.UserRole) for i in range(self.items.count())
                if self.items.item(i).data(Qt.UserRole) and self.items.item(i).checkState() == Qt.Checked]

    def values(self) -> tuple[str, list[int], list[str]]:
        c = self.chosen()
        return self.name.text().strip(), [v for k, v in c if k == "item"], [v for k, v in c if k == "app"]


def confirm_no_review(parent, title: str, refusal) -> bool:
    """The core refused rule-route applications for a panel (``routing.NO_REVIEW_CODE``): ask the
    secretary, naming the items and applications, whether the panel reviews them all the same."""
    text = render(refusal.question) + "\n\n" + QCoreApplication.translate(
        "PanelDialogs", "仍要将这些申报交由评审组评审吗？确认将记入审计日志。")
    # The static question (not a box of our own): headless tests answer it (tests/ui/conftest.py).
    return QMessageBox.question(parent, title, plain(text), QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) == QMessageBox.Yes


class DrawDialog(QDialog):
    def __init__(self, panel_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("随机抽取专家 — %1").replace("%1", panel_name))
        self.n = QSpinBox(self)
        self.n.setRange(1, 99)
        self.n.setValue(5)
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("留空则随机生成；填写可复现以往抽取"))
        self.seed.setInputMask("")
        self.fields = QLineEdit(self)
        self.fields.setPlaceholderText(self.tr("留空则按本组项目的计划类别、指南项目匹配"))
        note = QLabel(self.tr("与本组任一项目存在回避的专家不参与抽取；随机种子与候选、排除、抽中名单均记入抽取记录。"), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("抽取人数"), self.n)
        form.addRow(self.tr("随机种子"), self.seed)
        form.addRow(self.tr("专业领域"), self.fields)
        form.addRow(note)
        form.addRow(_buttons(self, self.tr("抽取")))
        self.resize(480, 200)

    def values(self) -> tuple[int, int | None, list[str] | None]:
        fields = [f for f in self.fields.text().replace("；", ";").replace("、", ";").split(";") if f.strip()]
        return self.n.value(), _seed(self.seed.text()), [f.strip() for f in fields] or None


class AddMembersDialog(QDialog):
    def __init__(self, experts: list[ExpertInfo], exclude: set[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加评审组成员"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选：姓名、单位、专业领域…"))
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.hay: list[str] = []  # per item, case-folded once: a keystroke reads no item text
        for e in experts:
            if e.id in exclude:
                continue
            text = f"{e.roster_key}  {e.name}  {e.unit}  [{render(list(e.fields))}]"  # list separator per language
            it = QListWidgetItem(data(text))
            it.setData(Qt.UserRole, e.id)
            self.list.addItem(it)
            self.hay.append(text.casefold())
        self.filter.textChanged.connect(self._filter)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filter)
        lay.addWidget(self.list, 1)
        lay.addWidget(_buttons(self, self.tr("添加")))
        self.resize(640, 460)

    def _filter(self, text: str) -> None:
        t = text.strip().casefold()
        for i, hay in enumerate(self.hay):
            hide = bool(t) and t not in hay
            it = self.list.item(i)
            if it.isHidden() != hide:
                it.setHidden(hide)

    def chosen(self) -> list[int]:
        return [it.data(Qt.UserRole) for it in self.list.selectedItems()]


class AssignDialog(QDialog):
    def __init__(self, members: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("分配评审任务"))
        self.all = QRadioButton(self.tr("每位成员评审本组全部项目（回避的除外）"), self)
        self.some = QRadioButton(self.tr("每个项目由 k 位专家评审，工作量均衡"), self)
        self.all.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all)
        group.addButton(self.some)
        self.k = QSpinBox(self)
        self.k.setRange(1, max(members, 1))
        self.k.setValue(min(5, max(members, 1)))
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("留空则随机生成"))
        row = QWidget(self)
        rl = QHBoxLayout(row)
        rl.setContentsMargins(24, 0, 0, 0)
        rl.addWidget(QLabel("k =", self))
        rl.addWidget(self.k)
        rl.addWidget(QLabel(self.tr("随机种子"), self))
        rl.addWidget(self.seed, 1)
        self.some.toggled.connect(row.setEnabled)
        row.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.all)
        lay.addWidget(self.some)
        lay.addWidget(row)
        note = QLabel(self.tr("重新分配会替换本组以前的分配。"), self)
        note.setStyleSheet("color: #666;")
        lay.addWidget(note)
        lay.addWidget(_buttons(self, self.tr("分配")))

    def values(self) -> tuple[int | None, int | None]:
        if self.all.isChecked():
            return None, None
        return self.k.value(), _seed(self.seed.text())


class ReasonDialog(QDialog):
    """A required reason (manual conflicts, dismissals): OK stays disabled until one is typed."""

    def __init__(self, title: str, prompt: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(data(prompt), self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.PlainText)
        self.text = QPlainTextEdit(self)
        self.buttons = _buttons(self, self.tr("确定"))
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setEnabled(False)
        self.text.textChanged.connect(lambda: ok.setEnabled(bool(self.reason())))
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.buttons)
        self.resize(460, 220)

    def reason(self) -> str:
        return self.text.toPlainText().strip()
