"""The right-hand form: criteria, overall opinion with live 汉字 counter, recommendation, recusal,
live total, and the "mark complete" button that says exactly what is missing.

Every edit goes straight to the workspace (one committed transaction); the workspace answers
with an :class:`~nn_review.expert.Edit` (the stored draft, what is missing, progress, undo state),
which is shown as it is and passed on with ``edited`` — nothing is read back. A refused edit
emits ``failed`` with the workspace's message and the stored state is shown again.

Tab follows the form top to bottom: each criterion's grades (one stop) and comment, the opinion,
the recommendation, the complete button. "申请回避…" is out of the Tab chain (reached by its own
button or the menu), so a Space meant for a radio never opens it. The title with the total above
and the status with the complete button below stay in view; only the criteria scroll.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from nn_review.expert import WorkspaceError
from nn_review.expert.texts import problem_msg, recommendation_name
from nn_review.forms import display, han_count
from nn_review.i18n import render

from .common import STATUS_COLOURS, error_text, status_text
from .criterion_box import CriterionBox


class FormPane(QWidget):
    edited = Signal(object)   # the workspace's Edit
    failed = Signal(str)
    complete_requested = Signal()
    recusal_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ws = self.bundle_id = self.application_id = None
        self.draft = None          # the draft shown (as the workspace last answered)
        self.form = None
        self.band_mode = False
        self.boxes: list[CriterionBox] = []
        self._show_problems = False

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; color: #1f3864;")
        self.total = QLabel(self)
        self.total.setStyleSheet("font-size: 16px; font-weight: bold; color: #0d47a1;")
        self.total.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.total)

        self.recused_banner = QFrame(self)
        self.recused_banner.setStyleSheet("QFrame { background: #fff3e0; border: 1px solid #e0a040; border-radius: 4px; }")
        self.recused_text = QLabel(self.recused_banner)
        self.recused_text.setWordWrap(True)
        self.recused_text.setTextFormat(Qt.PlainText)
        self.recused_text.setStyleSheet("border: none;")
        self.withdraw = QPushButton(self.tr("撤销回避"), self.recused_banner)
        self.withdraw.clicked.connect(self._withdraw)
        bl = QHBoxLayout(self.recused_banner)
        bl.addWidget(self.recused_text, 1)
        bl.addWidget(self.withdraw)
        self.recused_banner.hide()

        self.body = QWidget(self)
        self.criteria_layout = QVBoxLayout()
        self.criteria_layout.setSpacing(6)
        self.opinion_label = QLabel(self)
        self.opinion_label.setStyleSheet("font-weight: bold;")
        self.counter = QLabel(self)
        ol = QHBoxLayout()
        ol.addWidget(self.opinion_label, 1)
        ol.addWidget(self.counter)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setTabChangesFocus(True)
        self.opinion.setMinimumHeight(110)
        self.opinion.setPlaceholderText(self.tr("总体评价：立项必要性、创新性、可行性、团队、指标和经费的综合意见"))
        self.opinion.textChanged.connect(self._opinion_changed)
        self.rec_label = QLabel(self.tr("推荐意见"), self)
        self.rec_label.setStyleSheet("font-weight: bold;")
        self.rec_group = QButtonGroup(self)
        self.rec_group.buttonClicked.connect(self._recommend)
        self.rec_row = QHBoxLayout()
        self.recuse = QPushButton(self.tr("申请回避…"), self)
        self.recuse.setToolTip(self.tr("与申报单位、合作单位或项目成员存在利害关系时申请回避，并写明理由"))
        self.recuse.setFocusPolicy(Qt.NoFocus)  # never reached by Tab nor pressed by a Space meant for the form
        self.recuse.clicked.connect(self.recusal_requested)
        bottom_row = QHBoxLayout()
        bottom_row.addStretch(1)
        bottom_row.addWidget(self.recuse)

        body = QVBoxLayout(self.body)
        body.setContentsMargins(2, 2, 8, 2)
        body.addLayout(self.criteria_layout)
        body.addSpacing(4)
        body.addLayout(ol)
        body.addWidget(self.opinion)
        body.addWidget(self.rec_label)
        body.addLayout(self.rec_row)
        body.addLayout(bottom_row)
        body.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)

        self.problems = QLabel(self)
        self.problems.setTextFormat(Qt.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.PlainText)
        self.problems.setStyleSheet("color: #b71c1c;")
        self.problems_box = QScrollArea(self)  # a long list must not squeeze the form away
        self.problems_box.setWidgetResizable(True)
        self.problems_box.setFrameShape(QFrame.NoFrame)
        self.problems_box.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.problems_box.setMaximumHeight(132)
        self.problems_box.setWidget(self.problems)
        self.problems_box.hide()
        self.complete = QPushButton(self.tr("标记完成，下一个（Ctrl+Enter）"), self)
        self.complete.setToolTip(self.tr("校验本申报的评分；完整时标记为已完成并转到下一个未完成的申报，否则列出所缺内容"))
        self.complete.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.complete.clicked.connect(self.complete_requested)
        self.state = QLabel(self)
        foot = QHBoxLayout()
        foot.addWidget(self.state, 1)
        foot.addWidget(self.complete)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(head)
        lay.addWidget(self.recused_banner)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.problems_box)
        lay.addLayout(foot)
        self.setEnabled(False)

    # -- showing an application -----------------------------------------------------------------

    def set_application(self, ws, bundle_id: str, application_id: str) -> None:
        form, band = ws.form_for(bundle_id, application_id), ws.band_mode(bundle_id)
        if (form, band) != (self.form, self.band_mode):
            self._build(form, band)
        self.ws, self.bundle_id, self.application_id = ws, bundle_id, application_id
        self._show_problems = False
        self.problems_box.hide()
        self.setEnabled(True)
        self.reload()
        self.scroll.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.ws = self.bundle_id = self.application_id = self.draft = None
        self.setEnabled(False)
        self.title.setText("")
        self.total.setText("")

    def _build(self, form, band: bool) -> None:
        for b in self.boxes:
            b.setParent(None)
            b.deleteLater()
        self.boxes = []
        self.form, self.band_mode = form, band
        for i, c in enumerate(form.criteria, 1):
            box = CriterionBox(i, form, c, band, self.body)
            box.graded.connect(self._graded)
            box.points_changed.connect(self._points)
            box.comment_changed.connect(self._comment)
            self.criteria_layout.addWidget(box)
            self.boxes.append(box)
        for b in self.rec_group.buttons():
            self.rec_group.removeButton(b)
            b.setParent(None)
            b.deleteLater()
        for rid, name in form.recommendations:
            rb = QRadioButton(render(recommendation_name(rid, name)), self.body)
            rb.setProperty("rec", rid)
            self.rec_group.addButton(rb)
            self.rec_row.addWidget(rb)
        self.rec_label.setVisible(bool(form.recommendations))
        self.opinion_label.setText(self.tr("专家意见（不少于 %1 个汉字）").replace("%1", str(form.opinion_min_chars)))
        self.title.setText(form.title)
        self._tab_order()

    def _tab_order(self) -> None:
        """Top to bottom (the boxes and radios are made after the opinion, so not so by themselves)."""
        chain = []
        for box in self.boxes:
            chain += box.buttons.buttons() + ([box.points] if box.points else []) + [box.comment]
        chain += [self.opinion] + self.rec_group.buttons() + [self.complete]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def reload(self) -> None:
        """Show what the workspace has stored for this application (one read)."""
        if self.ws is not None:
            self.show_draft(self.ws.draft(self.bundle_id, self.application_id))

    def show_draft(self, d, problems=None) -> None:
        """Show draft ``d`` in every field (``problems``: what is missing, when known already)."""
        if self.ws is None or d.application_id != self.application_id:
            return
        for box in self.boxes:
            e = d.grades.get(box.criterion.id) or {}
            box.set_entry(e.get("grade"), e.get("points"), e.get("comment") or "")
            box.set_editable(not d.recused)
        if self.opinion.toPlainText() != d.opinion:
            self.opinion.blockSignals(True)
            self.opinion.setPlainText(d.opinion)
            self.opinion.blockSignals(False)
        self.opinion.setEnabled(not d.recused)
        self.rec_group.setExclusive(False)
        for b in self.rec_group.buttons():
            b.setChecked(b.property("rec") == d.recommendation)
            b.setEnabled(not d.recused)
        self.rec_group.setExclusive(True)
        self.recused_banner.setVisible(d.recused)
        self.recused_text.setText(self.tr("已申请回避（不评分，不计入本人评分）。理由：%1").replace("%1", d.recusal_reason))
        self.recuse.setVisible(not d.recused)
        self.complete.setEnabled(not d.recused)
        self._refresh(d, problems)

    def show_edit(self, edit) -> None:
        """Show the workspace's answer to an edit made elsewhere (menu, undo/redo, complete)."""
        self.show_draft(edit.draft, edit.problems)

    def _refresh(self, d, problems=None) -> None:
        self.draft = d
        n = han_count(d.opinion)
        need = self.form.opinion_min_chars
        self.counter.setText(self.tr("已写 %1 / %2 字").replace("%1", str(n)).replace("%2", str(need)))
        self.counter.setStyleSheet("color: #1e7d32;" if n >= need else "color: #b71c1c;")
        if d.recused:
            self.total.setText(self.tr("回避"))
        else:
            total, missing = d.total(self.form, self.band_mode)
            self.total.setText(self.tr("合计 %1 分").replace("%1", display(total)) if not missing else
                               self.tr("小计 %1（%2 项未评）").replace("%1", display(total)).replace("%2", str(missing)))
        self.state.setText(self.tr("状态：%1").replace("%1", status_text(d.status)))
        self.state.setStyleSheet(f"color: {STATUS_COLOURS[d.status]}; font-weight: bold;")
        if self._show_problems:
            self.show_problems(d.problems(self.form, self.band_mode) if problems is None else problems)

    def show_problems(self, problems) -> None:
        self._show_problems = True
        if problems:
            lines = (render(problem_msg(self.form, p, self.draft)) for p in problems)
            self.problems.setText(self.tr("尚不能标记完成，还缺：") + "\n" + "\n".join(f"• {t}" for t in lines))
            self.problems.setStyleSheet("color: #b71c1c;")
        else:
            self.problems.setText(self.tr("已完成：本申报的评分完整有效。"))
            self.problems.setStyleSheet("color: #1e7d32;")
        cap = max(66, min(132, self.height() // 6))  # a laptop screen keeps room for the criteria (it scrolls)
        self.problems_box.setMaximumHeight(min(cap, self.problems.heightForWidth(self.problems_box.width()) + 4)
                                           if self.problems_box.width() > 50 else cap)
        self.problems_box.show()

    # -- keyboard flow ------------------------------------------------------------------------------

    def focus_first(self) -> None:
        if self.boxes:
            self.focus_criterion(0)

    def focus_criterion(self, i: int) -> None:
        self.boxes[i].focus_grades()
        self.scroll.ensureWidgetVisible(self.boxes[i], 0, 8)

    def focused_box(self) -> int | None:
        return next((i for i, b in enumerate(self.boxes) if b.isAncestorOf(self.focusWidget() or self)), None)

    # -- edits ------------------------------------------------------------------------------------

    def _do(self, fn, *args, whole: bool = False):
        """Run one edit; show its answer (``whole``: every field, else the totals and state)."""
        if self.ws is None:
            return None
        try:
            edit = fn(self.bundle_id, self.application_id, *args)
        except WorkspaceError as e:
            self.failed.emit(error_text(e))
            self.reload()
            return None
        if whole:
            self.show_edit(edit)
        else:
            self._refresh(edit.draft, edit.problems)
        self.edited.emit(edit)
        return edit

    def _show_entry(self, cid: str, edit) -> None:
        if edit is None:  # refused: reload() has shown the stored state
            return
        box = next(b for b in self.boxes if b.criterion.id == cid)
        e = edit.draft.grades.get(cid) or {}
        box.set_entry(e.get("grade"), e.get("points"), e.get("comment") or "")

    def _graded(self, cid: str, letter, advance: bool) -> None:
        edit = self._do(self.ws.set_grade, cid, letter)
        self._show_entry(cid, edit)  # band mode: points may go
        box = next(b for b in self.boxes if b.criterion.id == cid)
        if edit is not None and letter in self.form.comment_required_grades:
            box.comment.setFocus(Qt.TabFocusReason)  # D/E need a reason: straight into it
            self.scroll.ensureWidgetVisible(box.comment, 0, 8)
            return
        if advance:
            i = self.boxes.index(box)
            if i + 1 < len(self.boxes):
                self.focus_criterion(i + 1)
            else:
                self.opinion.setFocus(Qt.TabFocusReason)
                self.scroll.ensureWidgetVisible(self.opinion, 0, 8)

    def _points(self, cid: str, value) -> None:
        self._show_entry(cid, self._do(self.ws.set_points, cid, None if value is None else f"{value:.1f}"))

    def _comment(self, cid: str, text: str) -> None:
        self._do(self.ws.set_comment, cid, text)

    def _opinion_changed(self) -> None:
        self._do(self.ws.set_opinion, self.opinion.toPlainText())

    def _recommend(self, button) -> None:
        self._do(self.ws.set_recommendation, button.property("rec"))

    def _withdraw(self) -> None:
        self._do(self.ws.set_recusal, False, "", whole=True)
