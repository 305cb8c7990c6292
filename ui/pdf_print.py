"""A PDF made by the core printed through Qt: each page rendered at a fixed resolution and drawn
onto the printer (the password list and letters, the expert's personal score sheet)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300  # sharp enough for a password in 24 pt, and an A4 page stays ~9 MB in memory


def render_pdf(pdf: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Draw every page of ``pdf`` onto ``printer`` (rendered at ``dpi``); returns the pages drawn."""
    buf = QBuffer()
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.ReadOnly)
    doc = QPdfDocument()
    doc.load(buf)
    painter = QPainter()
    if not painter.begin(printer):
        doc.close()
        return 0
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        for i in range(doc.pageCount()):
            if i:
                printer.newPage()
            pts = doc.pagePointSize(i)
            scale = min(rect.width() / pts.width(), rect.height() / pts.height())
            target = QRect(0, 0, int(pts.width() * scale), int(pts.height() * scale))
            image = doc.render(i, QSize(int(pts.width() * dpi / 72), int(pts.height() * dpi / 72)))
            painter.drawImage(target, image)
        return doc.pageCount()
    finally:
        painter.end()
        doc.close()
