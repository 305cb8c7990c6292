"""Small widget helpers shared by the pages: read-only cells and tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def ro_item(text: object, tooltip: str = "") -> QTableWidgetItem:
    """A selectable, non-editable cell; text is always plain (manifest text is never rich text)."""
    it = QTableWidgetItem("" if text is None else str(text))
    it.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    if tooltip:
        it.setToolTip(tooltip)
    return it


def ro_table(parent, headers: list[str], stretch: int) -> QTableWidget:
    """A read-only, row-selecting table whose column ``stretch`` takes the spare width."""
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(True)
    h = t.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeToContents)
    h.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return t
