"""Find in a PDF: one search bar for every PDF view of both windows (secretary and expert).

Over Qt's QPdfSearchModel, which searches page after page in the background: the count grows
while it runs, so the bar jumps to the first hit as soon as there is one (find as you type) and
says "无结果" only once the model has been quiet for a moment. Enter / F3 next, Shift+Enter /
Shift+F3 previous (both wrap), "3/20" shown, the current hit highlighted by the view and
scrolled to, Esc clears and closes. The keys F3 / Esc / Ctrl+F are wired by the viewer that owns
the bar (ui/pdf_viewer.py), so that they follow the focused pane.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

# Points above a hit left visible when it is scrolled to: the line before gives context.
CONTEXT_ABOVE = 48.0
# How long the model must stay quiet before an empty result is final ("无结果", not "查找中…").
SETTLE_MS = 350


class PdfSearchBar(QWidget):
    closed = Signal()  # Esc / ✕: the owner gives the focus back to the page

    def __init__(self, view: QPdfView, parent=None):
        super().__init__(parent)
        self.view = view
        self.model = QPdfSearchModel(self)
        self.model.setDocument(view.document())
        view.setSearchModel(self.model)
        self.index = -1            # the current hit (0-based), -1: none chosen yet
        self._pending = 0          # +1/-1: go there as soon as the background search has a hit
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._show_count)
        self.model.countChanged.connect(self._results_changed)
        self.model.modelReset.connect(self._results_changed)

        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("在文档中查找…"))
        self.field.setToolTip(self.tr("Enter / F3：下一处；Shift+Enter / Shift+F3：上一处；Esc：关闭查找"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._text_edited)
        self.field.installEventFilter(self)
        view.installEventFilter(self)  # resized (reading mode, window): the zoom changes, the hit must stay in view
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("888/888") + 8)
        self.count_label.setAlignment(Qt.AlignCenter)
        self.prev_button = self._button("▲", self.tr("上一处 (Shift+F3)"), self.previous)
        self.next_button = self._button("▼", self.tr("下一处 (F3)"), self.next)
        self.close_button = self._button("✕", self.tr("关闭查找 (Esc)"), self.close_search)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 2)
        lay.setSpacing(2)
        lay.addWidget(self.field, 1)
        lay.addWidget(self.count_label)
        lay.addWidget(self.prev_button)
        lay.addWidget(self.next_button)
        lay.addWidget(self.close_button)
        self.hide()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        return b

    # -- what the owner calls ----------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with the field focused and its text selected (typing replaces it)."""
        self.show()
        self.field.setFocus(Qt.ShortcutFocusReason)
        self.field.selectAll()

    def close_search(self) -> None:
        """Esc: the highlights go, the bar hides; the text stays for the next Ctrl+F."""
        self._reset("")
        self.hide()
        self.closed.emit()

    def document_reloaded(self) -> None:
        """Another document in the same view: the old hits mean nothing there."""
        self._reset("")
        self.hide()

    def count(self) -> int:
        return self.model.rowCount(QModelIndex())  # PySide6 wants the parent (issue 15: the TypeError)

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    # -- searching ------------------------------------------------------------------------------

    def _reset(self, text: str) -> None:
        self.index, self._pending = -1, 0
        self.view.setCurrentSearchResultIndex(-1)
        self.model.setSearchString(text)
        self._settle.start()
        self._show_count()

    def _text_edited(self, text: str) -> None:
        self._reset(text)
        self._pending = 1 if text else 0  # find as you type: the first hit once there is one

    def _step(self, delta: int) -> None:
        text = self.field.text()
        if not text:
            self.open()
            return
        if self.model.searchString() != text:  # e.g. after Esc or another document
            self._reset(text)
        n = self.count()
        if not n:
            self._pending = delta  # the background search may still find some
            self._show_count()
            return
        self.index = (0 if delta > 0 else n - 1) if self.index < 0 else (self.index + delta) % n
        self._go()

    def _results_changed(self, *_args) -> None:
        self._settle.start()
        n = self.count()
        if self._pending and n and self.index < 0:
            self.index = 0 if self._pending > 0 else n - 1
            self._pending = 0
            self._go()
        elif self.index >= n:
            self.index = -1
        self._show_count()

    def _go(self) -> None:
        link = self.model.resultAtIndex(self.index)
        self.view.setCurrentSearchResultIndex(self.index)
        nav = self.view.pageNavigator()
        rects = link.rectangles()
        top = min((r.top() for r in rects), default=link.location().y())
        left = min((r.left() for r in rects), default=link.location().x())
        # QPdfView scrolls to the top of a page only, and not at all when the page is already the
        # current one (it ignores the link's location): the scroll position set here, from the
        # view's own layout (pixels per point of each page).
        nav.jump(link.page(), QPointF(0.0, 0.0), nav.currentZoom())
        scale = self._pixels_per_point(link.page())
        bar = self.view.verticalScrollBar()
        bar.setValue(self._page_top(link.page()) + round(max(top - CONTEXT_ABOVE, 0.0) * scale))
        across = self.view.horizontalScrollBar()
        if across.maximum() > 0:  # zoomed in wider than the view: the hit's column too
            across.setValue(round(left * scale - self.view.viewport().width() / 3))
        self._show_count()

    def _page_top(self, page: int) -> int:
        """Where ``page`` starts in the view's scroll range (pages stacked, as QPdfView lays them out)."""
        doc, v = self.view.document(), self.view
        return v.documentMargins().top() + sum(
            round(doc.pagePointSize(p).height() * self._pixels_per_point(p)) + v.pageSpacing() for p in range(page))

    def _pixels_per_point(self, page: int) -> float:
        """How QPdfView scales ``page`` (as in its document layout)."""
        v, pts = self.view, self.view.document().pagePointSize(page)
        m = v.documentMargins()
        if pts.width() <= 0 or pts.height() <= 0:
            return 1.0
        fit_w = (v.viewport().width() - m.left() - m.right()) / pts.width()
        if v.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return fit_w
        if v.zoomMode() == QPdfView.ZoomMode.FitInView:
            return min(fit_w, (v.viewport().height() - m.top() - m.bottom()) / pts.height())
        return v.zoomFactor() * v.logicalDpiY() / 72.0

    def _reveal(self) -> None:
        if 0 <= self.index < self.count():
            self._go()

    def _show_count(self) -> None:
        n, text = self.count(), self.field.text()
        if not text or self.model.searchString() != text:
            label = ""
        elif n and self.index >= 0:
            label = f"{self.index + 1}/{n}"
        elif n:
            label = self.tr("%1 处").replace("%1", str(n))
        elif self._settle.isActive():
            label = self.tr("查找中…")
        else:
            label = self.tr("无结果")
        self.count_label.setText(label)
        self.count_label.setStyleSheet("color: #c62828;" if label == self.tr("无结果") else "")

    # -- keys in the field ------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.Resize and self.index >= 0 and self.isVisible():
            QTimer.singleShot(0, self._reveal)  # after QPdfView has laid its pages out at the new zoom
        if obj is self.field and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self._step(-1 if event.modifiers() & Qt.ShiftModifier else 1)
            return True
        return super().eventFilter(obj, event)
