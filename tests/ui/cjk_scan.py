"""Walk every text a window shows and report Chinese that is not data (issue 15 item 12).

``scan(widget, data)`` visits the widget and all its descendants: labels, buttons, group boxes,
tab texts and tooltips, window titles, placeholders, tooltips, status tips, combo items, line and
text edits, the displayed cells, tooltips and headers of every item view's model, menus and
actions, the status bar's message. Each text has the data strings (names, titles, file names:
shown as they are in any language) removed first, longest first; what still holds a CJK
character is a ``Hit``. Reusable by any test: ``assert not scan(win, data)``.

``data_of_store(store)`` / ``data_of_workspace(ws)`` collect the data strings of a secretary
store and of an expert workspace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QDateTimeEdit,
                               QGroupBox, QHeaderView, QLabel, QLineEdit, QMainWindow, QPlainTextEdit, QTabBar, QTabWidget,
                               QTextEdit, QWidget)

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
MAX_ROWS = 300  # of each model level: enough to meet every kind of cell


@dataclass(frozen=True)
class Hit:
    where: str  # widget path and which text (e.g. "ExchangePage/QLabel.text")
    text: str   # the text as shown (data not removed)

    def __str__(self) -> str:
        return f"{self.where}: {self.text[:200]!r}"


def program_vocabulary() -> frozenset[str]:
    """The program's own words — every Chinese source text the UI translates (.ts) and every core
    message (nn_review.i18n catalogs, without fields): never data, even where a guide or a
    manifest happens to contain the same word ("企业"), so they are never removed before the scan."""
    import html
    from pathlib import Path

    from nn_review.i18n import catalog
    words = {zh for zh, _en in catalog().values() if "{" not in zh}
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "nn_review_en.ts"
    words |= {html.unescape(m) for m in re.findall(r"<source>(.*?)</source>", ts.read_text(encoding="utf-8"), re.S)}
    return frozenset(w.strip() for w in words)


class Data:
    """The data strings of a world, matched longest first (the program's vocabulary excluded)."""

    def __init__(self, strings: Iterable[str] = ()):
        self.strings: set[str] = set()
        self.forced: set[str] = set()
        self.vocabulary = program_vocabulary()
        self.add(strings)

    def add(self, strings: Iterable[str], *, entered: bool = False) -> None:
        """``entered``: typed by a person (a name, a unit, an expert's fields): data even where it is
        also a word of the program; other strings (guide and manifest JSON) only when they are not."""
        for s in strings:
            if isinstance(s, str) and CJK.search(s):
                # names and titles are shown cut short ("…") or one line of a multi-line text
                parts = {s.strip(), *(x.strip() for x in s.splitlines() if CJK.search(x))}
                (self.forced if entered else self.strings).update(parts)
        self.strings -= self.vocabulary
        self._ordered = sorted((s for s in self.strings | self.forced if s), key=len, reverse=True)

    def strip(self, text: str) -> str:
        if not CJK.search(text):
            return text
        text = self._strip_elided(text)  # first: a shorter data string inside would break the prefix
        for s in self._ordered:
            if s in text:
                text = text.replace(s, "")
                if not CJK.search(text):
                    break
        return text

    def _strip_elided(self, text: str) -> str:
        """A title cut short to fit (``高安全长寿命磷…``): the longest tail before each "…" that
        begins some data string is data."""
        out, rest = [], text
        while "…" in rest:
            head, rest = rest.split("…", 1)
            for start in range(len(head)):
                frag = head[start:]
                if CJK.search(frag) and any(d.startswith(frag) for d in self._ordered):
                    head = head[:start]
                    break
            out.append(head + "…")
        return "".join(out) + rest


def json_strings(value) -> list[str]:
    """Every string (values and keys) inside a JSON value or its text."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    out: list[str] = []

    def walk(v) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                out.append(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(value)
    return out


def data_of_store(store) -> Data:
    """Names, titles, units, guide and form texts, file names, entered reasons and opinions."""
    from sqlalchemy import select

    from nn_review.store import models as m
    cols = [(m.ReviewSession, ("name",)), (m.Application, ("title", "applicant_name", "source_name", "formal_reason")),
            (m.Document, ("path", "title")), (m.Expert, ("name", "unit", "title")), (m.Panel, ("name",)),
            (m.Draw, ("panel_name", "note")), (m.Bundle, ("file_name",)), (m.ScoreImport, ("file_name",)),
            (m.Grade, ("comment",)), (m.Opinion, ("text", "recusal_reason")), (m.Consensus, ("text", "override_reason")),
            (m.ConsensusDraft, ("text",)), (m.GuideEdition, ("title",)), (m.KeyPin, ("reason",)),
            (m.Conflict, ("dismiss_reason",))]
    json_cols = [(m.GuideEdition, "content_json"), (m.Application, "manifest_json"), (m.Expert, "fields_json"),
                 (m.Expert, "standing_conflicts_json"), (m.Bundle, "applications_json")]
    data = Data()
    with store.read() as s:
        for model, names in cols:
            for name in names:
                data.add((v for v in s.scalars(select(getattr(model, name))) if v), entered=True)
        for model, name in json_cols:
            for v in s.scalars(select(getattr(model, name))):
                data.add(json_strings(v or "null"), entered=model is m.Expert)
        for v in s.scalars(select(m.Finding.source_text)):
            data.add([v or ""])  # the guide's own sentence, quoted
    from nn_review import forms
    for form_id in forms.builtin_form_ids():
        data.add(form_strings(forms.builtin_form(form_id)))
    return data


def form_strings(form) -> list[str]:
    """A form's own texts (title, criteria, their grade descriptions). Grade, recommendation and
    level names are the program's vocabulary, translated: not data."""
    out = [form.title]
    for c in form.criteria:
        out += [c.name, c.description, *c.anchors.values()]
    return out


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # QAbstractListModel: columnCount is private (one column)
        return 1


def _index_texts(model, parent: QModelIndex, out: list[tuple[str, str]], depth: int = 0) -> None:
    rows, cols = min(model.rowCount(parent), MAX_ROWS), _columns(model, parent)
    for r in range(rows):
        for c in range(cols):
            idx = model.index(r, c, parent)
            for role, what in ((Qt.DisplayRole, "cell"), (Qt.ToolTipRole, "cell tooltip")):
                v = model.data(idx, role)
                if isinstance(v, str) and v:
                    out.append((f"{what}[{r},{c}]", v))
            if c == 0 and depth < 4 and model.rowCount(idx) > 0:
                _index_texts(model, idx, out, depth + 1)


def texts_of(w: QWidget) -> list[tuple[str, str]]:
    """(which text, text) of one widget, without its children."""
    out: list[tuple[str, str]] = []

    def add(what: str, value) -> None:
        if isinstance(value, str) and value:
            out.append((what, value))

    if w.isWindow():
        add("windowTitle", w.windowTitle())
    add("toolTip", w.toolTip())
    add("statusTip", w.statusTip())
    add("whatsThis", w.whatsThis())
    if isinstance(w, QLabel):
        add("text", w.text())
    elif isinstance(w, QAbstractButton):
        add("text", w.text())
    elif isinstance(w, QGroupBox):
        add("title", w.title())
    elif isinstance(w, QLineEdit):
        add("text", w.text())
        add("placeholder", w.placeholderText())
    elif isinstance(w, (QPlainTextEdit, QTextEdit)):
        add("text", w.toPlainText())
        add("placeholder", w.placeholderText())
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            add(f"item[{i}]", w.itemText(i))
            add(f"item tooltip[{i}]", w.itemData(i, Qt.ToolTipRole))
        add("placeholder", w.placeholderText())
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            add(f"tab[{i}]", w.tabText(i))
            add(f"tab tooltip[{i}]", w.tabToolTip(i))
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            add(f"tab[{i}]", w.tabText(i))
            add(f"tab tooltip[{i}]", w.tabToolTip(i))
    if isinstance(w, QAbstractSpinBox) and not isinstance(w, QDateTimeEdit):
        add("text", w.text())  # with prefix and suffix ("分", "万元")
        add("specialValueText", w.specialValueText())
    if isinstance(w, QDateTimeEdit):
        add("displayFormat", w.displayFormat())
    if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
        # (a header view shares its table's model: the table reports the cells and headers once)
        model = w.model()
        for orient, name in ((Qt.Horizontal, "header"), (Qt.Vertical, "row header")):
            n = _columns(model, QModelIndex()) if orient == Qt.Horizontal else min(model.rowCount(QModelIndex()), MAX_ROWS)
            for i in range(n):
                for role in (Qt.DisplayRole, Qt.ToolTipRole):
                    add(f"{name}[{i}]", model.headerData(i, orient, role))
        cells: list[tuple[str, str]] = []
        _index_texts(model, QModelIndex(), cells)
        out.extend(cells)
    if isinstance(w, QMainWindow) and w.statusBar() is not None:
        add("statusBar", w.statusBar().currentMessage())
    for a in w.actions():
        add("action", a.text())
        add("action tooltip", a.toolTip())
        add("action statusTip", a.statusTip())
        if a.menu() is not None:
            add("menu title", a.menu().title())
    return out


def _path(w: QWidget, root: QWidget) -> str:
    """The widget's class under its nearest own (non-Qt) ancestors: ``ExchangePage/QLabel``."""
    own, leaf = [], type(w).__name__
    while w is not None:
        name = type(w).__name__
        if not name.startswith("Q") and (not own or own[-1] != name):
            own.append(name)
        if w is root or len(own) == 2:
            break
        w = w.parentWidget()
    return "/".join([*reversed(own), leaf] if not own or own[0] != leaf else reversed(own))


def report(hits: Iterable[Hit], limit: int = 80) -> str:
    """The distinct texts of ``hits`` (first place shown, how many places)."""
    groups: dict[str, list[Hit]] = {}
    for h in hits:
        groups.setdefault(h.text, []).append(h)
    lines = [f"{len(hs)}× {hs[0]}" for hs in groups.values()]
    more = f"\n… and {len(lines) - limit} more distinct texts" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def scan(root: QWidget, data: Data) -> list[Hit]:
    """Every text of ``root`` and its descendants with Chinese left once the data is removed."""
    hits: list[Hit] = []
    for w in [root, *root.findChildren(QWidget)]:
        try:
            texts = texts_of(w)
            where = _path(w, root)
        except RuntimeError:  # deleted meanwhile (a context menu closed, deleteLater)
            continue
        for what, text in texts:
            if CJK.search(data.strip(text)):
                hits.append(Hit(f"{where}.{what}", text))
    return hits


def unexpected(hits: Iterable[Hit], pending: Iterable[tuple[str, str]]) -> list[Hit]:
    """The hits that no pending entry (owner, regex on "where: text") covers."""
    rules = [re.compile(p) for _, p in pending]
    return [h for h in hits if not any(r.search(f"{h.where}: {h.text}") for r in rules)]
