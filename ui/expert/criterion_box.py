"""One criterion of the form: weight, five large grade buttons, anchor text, band points, comment.

Keyboard: with focus on the criterion's buttons, 1–5 or A–E grades it (``graded`` is emitted
with ``advance=True`` so the form moves focus on). Under the buttons: the description (anchor)
of the chosen grade, A's before one is chosen; while the pointer is on a grade, or the keyboard
moves along the buttons, that grade's description is shown until it leaves.

Compact: one-line grade buttons and a short comment box, so a 705 px high laptop screen shows
four or more criteria (issue 15 item 10).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QSizePolicy, QVBoxLayout)

from nn_review.expert.texts import grade_name
from nn_review.forms import Criterion, Form, criterion_name
from nn_review.i18n import render

from ..plain import plain

LETTERS = "ABCDE"
KEYS = {**{getattr(Qt, f"Key_{i}"): LETTERS[i - 1] for i in range(1, 6)},
        **{getattr(Qt, f"Key_{c}"): c for c in LETTERS}}
COMMENT_CLOSED, COMMENT_OPEN = 30, 58  # px: the comment box, empty and unused / in use
GRADE_COLOURS = {"A": "#1e7d32", "B": "#2e7d9a", "C": "#8a6d00", "D": "#c05a00", "E": "#b71c1c"}


class GradeButton(QPushButton):
    hovered = Signal(str)   # letter, or "" when the pointer/focus leaves

    def __init__(self, letter: str, name: str, parent=None):
        super().__init__(f"{letter} {name}", parent)
        self.letter = letter
        self.setCheckable(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumSize(54, 32)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        c = GRADE_COLOURS[letter]
        self.setStyleSheet(
            f"QPushButton {{ font-size: 13px; font-weight: bold; border: 1px solid #b8c2cc; border-radius: 5px;"
            f" background: #fafbfc; color: {c}; padding: 2px; }}"
            f"QPushButton:hover {{ background: #eef3f8; }}"
            f"QPushButton:focus {{ border: 2px solid #1565c0; }}"
            f"QPushButton:checked {{ background: {c}; color: white; border: 2px solid {c}; }}"
            f"QPushButton:checked:focus {{ border: 2px solid #0d2a52; }}"
            f"QPushButton:disabled {{ color: #a0a6ad; background: #f1f2f4; border: 1px solid #d5dbe2; }}")

    def enterEvent(self, e) -> None:
        self.hovered.emit(self.letter)
        super().enterEvent(e)

    def leaveEvent(self, e) -> None:
        self.hovered.emit("")
        super().leaveEvent(e)

    def focusInEvent(self, e) -> None:
        self.hovered.emit(self.letter)
        super().focusInEvent(e)

    def focusOutEvent(self, e) -> None:
        self.hovered.emit("")  # back to the chosen grade's description
        super().focusOutEvent(e)


class CriterionBox(QFrame):
    graded = Signal(str, object, bool)    # criterion id, letter or None, advance focus
    points_changed = Signal(str, object)  # criterion id, value (float) or None
    comment_changed = Signal(str, str)

    def __init__(self, index: int, form: Form, criterion: Criterion, band_mode: bool, parent=None):
        super().__init__(parent)
        self.form, self.criterion, self.band_mode = form, criterion, band_mode
        self.current: str | None = None
        self.setObjectName("criterion")
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("QFrame#criterion { border: 1px solid #d5dbe2; border-radius: 6px; background: white; }")
        name = criterion_name(form, criterion.id)  # the built-in forms' names per language, others as given
        self.title = QLabel(self.tr("%1. %2（权重 %3）").replace("%1", str(index)).replace("%2", name)
                            .replace("%3", str(criterion.weight)), self)
        self.title.setTextFormat(Qt.PlainText)  # the form comes with the bundle
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; border: none;")
        self.title.setToolTip(plain(criterion.description))
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(False)  # clicking the checked grade again clears it
        row = QHBoxLayout()
        row.setSpacing(4)
        for g in form.grades:
            name = render(grade_name(g.name))
            b = GradeButton(g.grade, name, self)
            anchor = criterion.anchors.get(g.grade, "")
            b.setToolTip(plain(self.tr("%1（%2）：%3").replace("%1", g.grade).replace("%2", name)
                               .replace("%3", anchor)))
            b.setAccessibleName(self.tr("%1 评为 %2").replace("%1", name).replace("%2", g.grade))
            b.hovered.connect(self._show_anchor)
            b.installEventFilter(self)
            self.buttons.addButton(b)
            row.addWidget(b)
        self.buttons.buttonClicked.connect(self._clicked)
        self.points = None
        if band_mode:
            self.points = QDoubleSpinBox(self)
            self.points.setRange(-1, 100)
            self.points.setDecimals(1)
            self.points.setSpecialValueText(self.tr("分值"))
            self.points.setValue(-1)
            self.points.setSuffix(self.tr(" 分"))
            self.points.setKeyboardTracking(False)
            self.points.setToolTip(self.tr("分段评分：在所选等级的分段内填写分值（填写分值会自动选中对应等级）"))
            self.points.valueChanged.connect(self._points)
            row.addWidget(self.points)
        self.anchor = QLabel(self)
        self.anchor.setWordWrap(True)
        self.anchor.setTextFormat(Qt.PlainText)
        self.anchor.setStyleSheet("color: #4a5560; font-size: 12px; border: none;")
        self.anchor.setToolTip(self.tr("按 1–5 或 A–E 评定等级；指向等级按钮或用 ← → 移动可查看各等级的评分标准。"))
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.installEventFilter(self)
        self.comment.textChanged.connect(lambda: self.comment_changed.emit(criterion.id, self.comment.toPlainText()))
        self.comment.textChanged.connect(self._fit_comment)
        self.comment.textChanged.connect(self._update_comment_hint)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 5)
        lay.setSpacing(3)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addWidget(self.anchor)
        lay.addWidget(self.comment)
        self._update_comment_hint()
        self._fit_comment()
        self._show_anchor("")

    # -- state --------------------------------------------------------------------------------

    def set_entry(self, grade: str | None, points: str | None, comment: str) -> None:
        """Show the stored state (signals blocked: this is not an edit)."""
        self.current = grade
        for b in self.buttons.buttons():
            b.setChecked(b.letter == grade)
        if self.points is not None:
            self.points.blockSignals(True)
            self.points.setValue(float(points) if points is not None else -1)
            self.points.blockSignals(False)
        if self.comment.toPlainText() != comment:
            self.comment.blockSignals(True)
            self.comment.setPlainText(comment)
            self.comment.blockSignals(False)
        self._update_comment_hint()
        self._show_anchor("")

    def set_editable(self, on: bool) -> None:
        for w in self.buttons.buttons() + [self.comment] + ([self.points] if self.points else []):
            w.setEnabled(on)
        self._show_anchor("")

    def focus_grades(self) -> None:
        target = next((b for b in self.buttons.buttons() if b.isChecked()), self.buttons.buttons()[0])
        target.setFocus(Qt.TabFocusReason)

    def has_focus_in_grades(self) -> bool:
        return any(b.hasFocus() for b in self.buttons.buttons())

    # -- edits --------------------------------------------------------------------------------

    def grade(self, letter: str | None, advance: bool = False) -> None:
        self.current = letter
        for b in self.buttons.buttons():
            b.setChecked(b.letter == letter)
        self._update_comment_hint()
        self._show_anchor("")
        self.graded.emit(self.criterion.id, letter, advance)

    def _clicked(self, button: GradeButton) -> None:
        self.grade(None if self.current == button.letter else button.letter)

    def _points(self, value: float) -> None:
        self.points_changed.emit(self.criterion.id, None if value < 0 else value)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.comment and event.type() in (QEvent.FocusIn, QEvent.FocusOut):
            self._fit_comment(event.type() == QEvent.FocusIn)
        if event.type() == QEvent.KeyPress and isinstance(obj, GradeButton):
            mods = event.modifiers() & ~Qt.KeypadModifier
            letter = KEYS.get(event.key())
            if letter and mods in (Qt.NoModifier, Qt.ShiftModifier):
                self.grade(letter, advance=True)
                return True
            if event.key() in (Qt.Key_Left, Qt.Key_Right) and mods == Qt.NoModifier:
                bs = self.buttons.buttons()
                i = bs.index(obj) + (1 if event.key() == Qt.Key_Right else -1)
                bs[max(0, min(i, len(bs) - 1))].setFocus(Qt.TabFocusReason)
                return True
        return super().eventFilter(obj, event)

    # -- display ------------------------------------------------------------------------------

    def _show_anchor(self, letter: str) -> None:
        """``letter``: the grade pointed at; "" → the chosen grade's description (A's before one is chosen)."""
        g = self.form.grade(letter or self.current or "") or (self.form.grades[0] if self.form.grades else None)
        if g is None:
            self.anchor.setText("")
            return
        band = self.tr("（分段 %1）").replace("%1", g.band_text) if self.band_mode else ""
        self.anchor.setText(self.tr("%1 %2%3：%4").replace("%1", g.grade).replace("%2", render(grade_name(g.name)))
                            .replace("%3", band).replace("%4", self.criterion.anchors.get(g.grade, "")))

    def _fit_comment(self, focused: bool | None = None) -> None:
        """One line while empty and not in use (compact: more criteria in view), taller when in use or written in."""
        used = self.comment.hasFocus() if focused is None else focused
        self.comment.setFixedHeight(COMMENT_OPEN if used or self.comment.toPlainText() else COMMENT_CLOSED)

    def _update_comment_hint(self) -> None:
        required = self.current in self.form.comment_required_grades
        missing = required and not self.comment.toPlainText().strip()
        self.comment.setPlaceholderText(self.tr("必填：评为 %1 须写明理由").replace("%1", self.current or "")
                                        if required else self.tr("说明（可选；评为 D、E 时必填）"))
        self.comment.setStyleSheet("QPlainTextEdit { border: 2px solid #c62828; border-radius: 3px; }"
                                   if missing else "")

    def refresh_comment_hint(self) -> None:
        self._update_comment_hint()
