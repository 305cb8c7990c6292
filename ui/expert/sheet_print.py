"""Printing the personal score sheet: the PDF made by the core (``Workspace.score_sheet``) is
rendered page by page onto the printer, after the system's print preview / printer dialog."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog


def render_pdf(data: bytes, printer: QPrinter) -> int:
    """Draw every page of the PDF ``data`` onto ``printer``; returns the number of pages."""
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.ReadOnly)
    doc = QPdfDocument()
    doc.load(buf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution())
        for i in range(doc.pageCount()):
            if i:
                printer.newPage()
            pts = doc.pagePointSize(i)
            scale = min(rect.width() / pts.width(), rect.height() / pts.height())
            size = QSize(int(pts.width() * scale), int(pts.height() * scale))
            image = doc.render(i, size)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
        return doc.pageCount()
    finally:
        painter.end()
        doc.close()


def print_preview(parent, data: bytes) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(QCoreApplication.translate("SheetPrint", "专家个人评分表"))
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.setWindowTitle(QCoreApplication.translate("SheetPrint", "个人评分表 — 打印预览"))
    dlg.paintRequested.connect(lambda p: render_pdf(data, p))
    return dlg
