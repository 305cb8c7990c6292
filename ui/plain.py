"""Data shown as plain text: Qt takes a tooltip, a QLabel in AutoText or a QMessageBox text for
rich text when it *looks* like HTML (``Qt.mightBeRichText``) — a title such as
``<img src=file:///…>`` would load a local file, ``<a href=…>`` would show a link. Everything
from packages, rosters, bundles and files goes through these before it is shown.

* :func:`plain` — text for a tooltip or a message box: unchanged unless Qt would take it for
  rich text, then the escaped HTML of exactly that text (shows the same characters).
* :func:`data` — a value from a file (title, applicant, name, file name) for display: hidden
  characters (RTL override, zero-width) shown as ``⟦U+202E⟧``, line breaks kept.
* :func:`plain_label` — a QLabel that shows data: PlainText format.
"""

from __future__ import annotations

from PySide6.QtCore import Qt as QtCoreQt
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel

from nn_review.textsafe import for_terminal


def plain(text: object) -> str:
    text = "" if text is None else str(text)
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, QtCoreQt.WhiteSpaceNormal)


def data(value: object) -> str:
    """A value from outside for display (never stored back): hidden characters visibly marked."""
    return "" if value is None else for_terminal(value, keep_newlines=True)


def tip(value: object) -> str:
    """A tooltip made of data: marked and plain."""
    return plain(data(value))


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(QtCoreQt.PlainText)
    return label
