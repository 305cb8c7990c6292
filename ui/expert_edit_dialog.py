"""One expert's particulars, added or edited in the app (issue 15 item 13): the columns of the
roster workbook, checked by the core as an imported row is (nn_review/roster/edit.py). A refusal
is shown under the form and the field it names is marked; the dialog stays open with what was
typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from nn_review.i18n import text_of
from nn_review.roster.edit import RosterEditError
from nn_review.roster.experts import ExpertInfo

from .plain import data

# The error marking of a refused field (the rest of the form keeps the platform style).
_BAD = "QLineEdit { border: 2px solid #c62828; }"


class ExpertEditDialog(QDialog):
    """``submit(values)`` is called on OK with the form's values (keys of roster.edit.FIELDS);
    it returns the saved ExpertInfo or raises the core's ``RosterEditError``, shown in place."""

    def __init__(self, submit: Callable[[dict], ExpertInfo], expert: ExpertInfo | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.submit, self.expert, self.saved = submit, expert, None
        self.setWindowTitle(self.tr("修改专家信息") if expert else self.tr("新增专家"))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        lists = self.tr("多个用；分隔")
        for key, label, hint in (
                ("roster_key", self.tr("专家编号"), self.tr("留空则按姓名与手机（或单位）生成")),
                ("name", self.tr("姓名*"), ""), ("unit", self.tr("工作单位*"), self.tr("单位全称")),
                ("credit_code", self.tr("单位统一社会信用代码"), self.tr("18 位，不清楚可留空")),
                ("title", self.tr("职称"), ""), ("fields", self.tr("专业领域"),
                                                   self.tr("如：重点研发计划；项目15；人工智能")),
                ("phone", self.tr("手机"), self.tr("手机或带区号的座机，如 13812345678、0771-5551234")),
                ("email", self.tr("电子邮箱"), ""),
                ("avoid_units", self.tr("回避单位"), lists), ("avoid_persons", self.tr("回避人员"), lists)):
            edit = QLineEdit(self)
            edit.setPlaceholderText(hint)
            edit.textEdited.connect(lambda _t, e=edit: self._clear_mark(e))
            self.fields[key] = edit
            form.addRow(label, edit)
        if expert is not None:
            for key, value in (("roster_key", expert.roster_key), ("name", expert.name), ("unit", expert.unit),
                               ("credit_code", expert.unit_credit_code or ""), ("title", expert.title),
                               ("fields", "；".join(expert.fields)), ("phone", expert.phone),
                               ("email", expert.email), ("avoid_units", "；".join(expert.avoid_units)),
                               ("avoid_persons", "；".join(expert.avoid_persons))):
                self.fields[key].setText(value)
            # the key re-imports match on: shown, not editable
            self.fields["roster_key"].setReadOnly(True)
            self.fields["roster_key"].setToolTip(self.tr("专家编号是 Excel 重新导入时对应专家的依据，不能修改"))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        note = QLabel(self.tr("保存后记入审计日志。校验与 Excel 导入相同。"), self)
        note.setStyleSheet("color: #666;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(note)
        lay.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        out = {k: e.text() for k, e in self.fields.items()}
        if self.expert is not None:
            out.pop("roster_key")
        return out

    def save(self) -> bool:
        """OK: the core saves or refuses; a refusal stays on screen with its field marked."""
        try:
            self.saved = self.submit(self.values())
        except RosterEditError as e:
            self.show_error(e.field, text_of(e)[0])  # in the UI language (nn_review.i18n)
            return False
        self.accept()
        return True

    def show_error(self, field: str, text: str) -> None:
        for e in self.fields.values():
            self._clear_mark(e)
        self.error.setText(data(text))
        self.error.show()
        if (edit := self.fields.get(field)) is not None:
            edit.setStyleSheet(_BAD)
            edit.setFocus()
            edit.selectAll()

    def marked(self) -> list[str]:
        """The fields marked as refused (tests)."""
        return [k for k, e in self.fields.items() if e.styleSheet()]

    @staticmethod
    def _clear_mark(edit: QLineEdit) -> None:
        if edit.styleSheet():
            edit.setStyleSheet("")
