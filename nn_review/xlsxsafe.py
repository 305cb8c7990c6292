"""Every cell the app writes into an .xlsx goes through here: text stays text (issue 12, item 10).

openpyxl turns any string that begins with ``=`` into a formula, so a project title
``=HYPERLINK("http://…","点击")`` or an applicant ``=1+1`` would become a live formula in the
secretary's export. Here a string is always written as a string (``data_type = "s"``, an
inline string, never ``<f>``), and one that Excel or a spreadsheet importer would read as a
formula when the cell is edited or the sheet is saved as CSV (leading ``= + - @``, tab, CR,
LF) also gets the quote prefix (Excel's leading apostrophe), which shows the text as typed.
Numbers, dates and None are written as they are.

Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks) would make openpyxl
raise; they are written as visible escapes (``\\x01``, ESC as ``\\e``), never dropped silently,
and a text over Excel's 32,767-character cell limit is cut with a visible note.
"""

from __future__ import annotations

import re

from .textsafe import escape_char

EXCEL_MAX_TEXT = 32_767
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CUT = "…［超出 Excel 单元格长度上限，以下已截去］"


def text(value: str) -> str:
    """``value`` as it can be stored in a cell: illegal characters escaped, cut to Excel's limit."""
    value = _ILLEGAL.sub(lambda m: escape_char(m.group(0)), value)  # the terminal's escapes
    if len(value) > EXCEL_MAX_TEXT:
        value = value[:EXCEL_MAX_TEXT - len(_CUT)] + _CUT
    return value


def put(cell, value):
    """Write ``value`` into an openpyxl cell; a string always as literal text. Returns the cell."""
    if isinstance(value, str):
        value = text(value)
        cell.value = value
        cell.data_type = "s"  # after the assignment: openpyxl has just made a leading "=" a formula
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def cell(ws, row: int, column: int, value=None):
    """``ws.cell(row, column, value)``, through :func:`put`."""
    return put(ws.cell(row=row, column=column), value)


def append(ws, values) -> None:
    """``ws.append(values)``, through :func:`put`: the row goes below the last row written."""
    row = ws._current_row + 1  # where openpyxl's own append would write
    for column, value in enumerate(values, 1):
        if value is not None:
            put(ws.cell(row=row, column=column), value)
    ws._current_row = row
