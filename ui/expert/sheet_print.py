"""Printing the personal score sheet: the PDF made by the core (``Workspace.score_sheet``) is
rendered page by page onto the printer, after the system's print preview / printer dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from ..pdf_print import render_pdf


def print_preview(parent, data: bytes) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(QCoreApplication.translate("SheetPrint", "专家个人评分表"))
    dlg = QPrintPreviewDialog(printer, parent)
    dlg.setWindowTitle(QCoreApplication.translate("SheetPrint", "个人评分表 — 打印预览"))
    dlg.paintRequested.connect(lambda p: render_pdf(data, p))
    return dlg
