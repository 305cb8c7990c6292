"""In-app PDF viewer: page navigation, zoom, text search. Loads a file or in-memory bytes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QSpinBox, QToolButton, QVBoxLayout, QWidget)


class PdfViewer(QWidget):
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
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.view.setSearchModel(self.search_model)
        self._hit = -1

        self.page = QSpinBox(self)
        self.page.setMinimum(1)
        self.page.setToolTip(self.tr("页码（PgUp / PgDn 翻页）"))
        self.page.valueChanged.connect(self._jump)
        self.pages = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("在文档中查找… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.next_hit)
        self.hits = QLabel(self)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 4)
        for text, tip, slot in (("−", self.tr("缩小 (Ctrl+-)"), self.zoom_out), ("+", self.tr("放大 (Ctrl++)"), self.zoom_in),
                                (self.tr("适合宽度"), self.tr("适合宽度 (Ctrl+0)"), self.fit_width)):
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("第"), self))
        bar.addWidget(self.page)
        bar.addWidget(self.pages)
        bar.addStretch(1)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.hits)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        nav = self.view.pageNavigator()
        nav.currentPageChanged.connect(lambda p: self._sync_page(p))
        self.document.statusChanged.connect(self._status)
        for keys, slot in ((QKeySequence.ZoomIn, self.zoom_in), (QKeySequence.ZoomOut, self.zoom_out),
                           (QKeySequence("Ctrl+0"), self.fit_width), (QKeySequence.Find, self.search.setFocus),
                           (QKeySequence(Qt.Key_PageDown), lambda: self.step(1)),
                           (QKeySequence(Qt.Key_PageUp), lambda: self.step(-1))):
            sc = QShortcut(keys, self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

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
            self.pages.setText(self.tr("页 / 共 %1 页").replace("%1", str(n)))
            self.page.setValue(1)

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

    def _search_changed(self, text: str) -> None:
        self.search_model.setSearchString(text)
        self._hit = -1
        self.hits.setText("")

    def next_hit(self) -> None:
        n = self.search_model.rowCount()
        if not n:
            self.hits.setText(self.tr("未找到") if self.search.text() else "")
            return
        self._hit = (self._hit + 1) % n
        link = self.search_model.resultAtIndex(self._hit)
        self.view.setCurrentSearchResultIndex(self._hit)
        self.view.pageNavigator().jump(link)
        self.hits.setText(f"{self._hit + 1}/{n}")
