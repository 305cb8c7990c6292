"""Small widget helpers shared by the pages: read-only cells and tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTableWidgetItem

from .plain import data, tip


def ro_item(text: object, tooltip: str = "") -> QTableWidgetItem:
    """A selectable, non-editable cell showing data: hidden characters marked (a cell is drawn as
    plain text), the tooltip never taken for rich text."""
    it = QTableWidgetItem(data(text))
    it.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    if tooltip:
        it.setToolTip(tip(tooltip))
    return it


def ro_table(parent, headers: list[str], stretch: int) -> QTableWidget:
    """A read-only, row-selecting table whose column ``stretch`` takes the spare width."""
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    return read_only_rows(t, stretch)


def ro_view(parent, model: QAbstractItemModel, stretch: int) -> QTableView:
    """The same over a model (big tables: ui/returns_model.py, ui/results_model.py)."""
    t = QTableView(parent)
    t.setModel(model)
    return read_only_rows(t, stretch)


def read_only_rows(t: QTableView, stretch: int) -> QTableView:
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


def add_group(table: QTableWidget, title: str, rows: list[tuple[str, object]]) -> None:
    """A bold heading row spanning both columns of a two-column summary table, then its rows."""
    r = table.rowCount()
    table.insertRow(r)
    head = ro_item(title)
    f = head.font()
    f.setBold(True)
    head.setFont(f)
    head.setBackground(QBrush(QColor("#eef2f7")))
    table.setItem(r, 0, head)
    table.setSpan(r, 0, 1, 2)
    for k, v in rows:
        r = table.rowCount()
        table.insertRow(r)
        table.setItem(r, 0, ro_item(k))
        table.setItem(r, 1, ro_item("" if v is None else v))
