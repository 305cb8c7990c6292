"""In-app PDF viewer: page navigation, zoom, text search (ui/pdf_search.py), and a reading mode in
which the viewer takes the window. Loads a file or in-memory bytes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .pdf_search import PdfSearchBar


class PdfViewer(QWidget):
    enlarged_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        # QtPdf's PDFium is built without V8/XFA (checked on PySide6's libQt6Pdf: no JavaScript
        # runtime linked in), and this viewer connects no link or action handler (nothing calls
        # QDesktopServices): document JavaScript, /Launch actions and attachments are never run
        # or opened here. Packages flag such PDFs as a 形式审查 warning (K.PDF_ACTIVE,
        # nn_review/package/pdfscan.py; issue 12).
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # keeps in-memory PDFs alive while shown
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.search_bar = PdfSearchBar(self.view, self)
        self.search_bar.closed.connect(lambda: self.view.setFocus(Qt.OtherFocusReason))
        self.search_model = self.search_bar.model
        self.enlarged = False
        self._hidden: list[tuple[QSplitter, list[int], list[QWidget]]] = []  # what reading mode hid
        self._tab_parents: list[QTabWidget] = []

        self.page = QSpinBox(self)
        self.page.setMinimum(1)
        self.page.setToolTip(self.tr("页码（PgUp / PgDn 翻页）"))
        self.page.valueChanged.connect(self._jump)
        self.pages = QLabel(self)
        self.find_button = self._button(self.tr("查找"), self.tr("在文档中查找 (Ctrl+F)"), self.find)
        self.enlarge_button = self._button(self.tr("放大阅读"),
                                           self.tr("文档占满窗口阅读 (F11)；再按 F11 或 Esc 还原"), None)
        self.enlarge_button.setCheckable(True)
        self.enlarge_button.toggled.connect(self.set_enlarged)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 4)
        bar.setSpacing(2)
        for text, tip, slot in (("−", self.tr("缩小 (Ctrl+-)"), self.zoom_out), ("+", self.tr("放大 (Ctrl++)"), self.zoom_in),
                                (self.tr("适合宽度"), self.tr("适合宽度 (Ctrl+0)"), self.fit_width)):
            bar.addWidget(self._button(text, tip, slot))
        bar.addSpacing(8)
        bar.addWidget(self.page)
        bar.addWidget(self.pages)
        bar.addStretch(1)
        bar.addWidget(self.find_button)
        bar.addWidget(self.enlarge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.search_bar)  # its own row: never squeezed by the page controls
        layout.addWidget(self.view, 1)

        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(lambda p: self._sync_page(p))
        self.document.statusChanged.connect(self._status)
        # Keys for the focused viewer only (Ctrl+F is the window's: it goes to the focused pane).
        for keys, slot in ((QKeySequence.ZoomIn, self.zoom_in), (QKeySequence.ZoomOut, self.zoom_out),
                           (QKeySequence("Ctrl+0"), self.fit_width),
                           (QKeySequence(Qt.Key_PageDown), lambda: self.step(1)),
                           (QKeySequence(Qt.Key_PageUp), lambda: self.step(-1)),
                           (QKeySequence(Qt.Key_F3), self.search_bar.next),
                           (QKeySequence("Shift+F3"), self.search_bar.previous),
                           (QKeySequence(Qt.Key_F11), lambda: self.set_enlarged(not self.enlarged)),
                           (QKeySequence(Qt.Key_Escape), self._escape)):
            sc = QShortcut(keys, self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        if slot is not None:
            b.clicked.connect(slot)
        return b

    # -- loading ------------------------------------------------------------------------

    def load_file(self, path: Path) -> QPdfDocument.Error:
        self._buffer = None
        return self.document.load(str(path))

    def load_bytes(self, data: bytes) -> None:
        """Show a PDF held in memory (decrypted documents are never written to disk)."""
        buf = QBuffer(self)
        buf.setData(QByteArray(data))
        buf.open(QIODevice.ReadOnly)
        self.document.load(buf)
        self._buffer = buf

    def clear(self) -> None:
        self.document.close()
        self._buffer = None

    def _status(self, status) -> None:
        if status == QPdfDocument.Status.Ready:
            n = self.document.pageCount()
            self.page.setMaximum(max(n, 1))
            self.pages.setText(self.tr("/ 共 %1 页").replace("%1", str(n)))
            self.page.setValue(1)
            self.search_bar.document_reloaded()

    # -- navigation and zoom ---------------------------------------------------------------

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _jump(self, one_based: int) -> None:
        if self.current_page() != one_based - 1:
            self.view.pageNavigator().jump(one_based - 1, QPointF(), self.view.pageNavigator().currentZoom())

    def _sync_page(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)

    def step(self, delta: int) -> None:
        target = min(max(self.current_page() + delta, 0), max(self.document.pageCount() - 1, 0))
        self.view.pageNavigator().jump(target, QPointF(), self.view.pageNavigator().currentZoom())

    def zoom_in(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(self.view.zoomFactor() * 1.25, 8.0))

    def zoom_out(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(self.view.zoomFactor() / 1.25, 0.2))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- search ---------------------------------------------------------------------------

    def find(self) -> None:
        """Ctrl+F / 查找: the search bar, its text selected."""
        self.search_bar.open()

    def has_focus_within(self) -> bool:
        w = QApplication.focusWidget()
        return w is not None and (w is self or self.isAncestorOf(w))

    def _escape(self) -> None:
        """Esc: first the search closes, then reading mode ends."""
        if self.search_bar.isVisible():
            self.search_bar.close_search()
        elif self.enlarged:
            self.set_enlarged(False)

    # -- reading mode: the viewer takes the window ----------------------------------------------

    def set_enlarged(self, on: bool) -> None:
        """Hide what shares a splitter with the viewer (or with a pane holding it), up to the
        window; off again shows them with the splitter sizes they had."""
        if on == self.enlarged:
            return
        if on:
            child, w = self, self.parentWidget()
            while w is not None and not child.isWindow():
                if isinstance(w, QSplitter):
                    others = [w.widget(i) for i in range(w.count())
                              if w.widget(i) is not child and not w.widget(i).isHidden()]
                    self._hidden.append((w, w.sizes(), others))
                    for x in others:
                        x.hide()
                elif isinstance(w, QTabWidget):  # another tab shown: the viewer is gone, reading ends
                    w.currentChanged.connect(self._tab_switched)
                    self._tab_parents.append(w)
                child, w = w, w.parentWidget()
            self.window().installEventFilter(self)  # closed while enlarged: restore first (saved layouts)
        else:
            for split, sizes, others in reversed(self._hidden):
                for x in others:
                    x.show()
                split.refresh()  # the handles shown again before the sizes are set
                split.setSizes(sizes)
            for t in self._tab_parents:
                t.currentChanged.disconnect(self._tab_switched)
            self._hidden, self._tab_parents = [], []
            self.window().removeEventFilter(self)
        self.enlarged = on
        self.enlarge_button.blockSignals(True)
        self.enlarge_button.setChecked(on)
        self.enlarge_button.blockSignals(False)
        self.enlarge_button.setText(self.tr("还原") if on else self.tr("放大阅读"))
        if on:
            self.view.setFocus(Qt.OtherFocusReason)  # F11 / Esc work right away
        self.enlarged_changed.emit(on)

    def _tab_switched(self, _index: int) -> None:
        if self.enlarged and not self.isVisibleTo(self.window()):
            self.set_enlarged(False)

    def eventFilter(self, obj, event) -> bool:
        if self.enlarged and obj is self.window() and event.type() == QEvent.Close:
            self.set_enlarged(False)
        return super().eventFilter(obj, event)
