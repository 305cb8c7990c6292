"""The middle pane: the application's documents in tabs (in-app PDF viewer, bytes decrypted into
memory), the manifest summary, and the guide requirements of its item as a checklist.

Manifest text is shown as plain text only (table cells, PlainText labels).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from nn_review.expert import WorkspaceError
from nn_review.package import vocab

from ..pdf_viewer import PdfViewer
from ..plain import data, tip
from ..widgets import add_group, ro_item

CHECK_COLOURS = {"pass": "#1e7d32", "fail": "#c62828", "not_declared": "#b26a00", "manual": "#1565c0"}


class DocumentPane(QWidget):
    ticks_changed = Signal(list)       # ids of the checklist items the expert ticked
    document_changed = Signal(int)     # index of the document tab shown
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ws = self.bundle_id = self.app = None
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 14px; font-weight: bold; padding: 2px 4px;")
        self.sub = QLabel(self)
        self.sub.setTextFormat(Qt.PlainText)
        self.sub.setWordWrap(True)
        self.sub.setStyleSheet("color: #555; padding: 0 4px 2px 4px;")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.viewers: list[PdfViewer] = []
        self.loaded: set[int] = set()
        self.reading = False  # a document takes the window (PdfViewer reading mode), kept across applications

        self.summary = QTableWidget(0, 2, self)
        self.summary.setHorizontalHeaderLabels([self.tr("字段"), self.tr("内容")])
        self._plain(self.summary)
        self.summary.horizontalHeader().resizeSection(0, 150)
        self.summary.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)

        self.checks = QTableWidget(0, 3, self)
        self.checks.setHorizontalHeaderLabels([self.tr("已核对"), self.tr("形式审查"), self.tr("指南要求与申报情况")])
        self._plain(self.checks)
        self.checks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.checks.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.checks.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.checks.itemChanged.connect(self._tick)
        self._ids: list[str] = []

        # Ctrl+F anywhere in the window (grading included) searches the document shown; the
        # only Ctrl+F of the expert window, so never ambiguous.
        find = QAction(self.tr("在文档中查找"), self)
        find.setShortcut(QKeySequence.Find)
        find.setShortcutContext(Qt.WindowShortcut)
        find.triggered.connect(self.find)
        self.addAction(find)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.header)
        lay.addWidget(self.sub)
        lay.addWidget(self.tabs, 1)

    @staticmethod
    def _plain(t: QTableWidget) -> None:
        t.setEditTriggers(QAbstractItemView.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.NoSelection)
        t.setWordWrap(True)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)

    # -- showing ---------------------------------------------------------------------------------

    def clear(self) -> None:
        keep = self.reading
        self._end_reading()  # a viewer deleted while taking the window would leave the form hidden
        self.reading = keep
        self.tabs.blockSignals(True)
        while self.tabs.count():
            w = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if isinstance(w, PdfViewer):
                w.clear()
                w.deleteLater()
        self.tabs.blockSignals(False)
        self.viewers, self.loaded = [], set()
        self.header.setText(self.tr("打开评审包后，在左侧选择申报"))
        self.sub.setText("")

    def show_application(self, ws, bundle_id: str, app: dict, checks, ticks: list[str], doc_index: int = 0) -> None:
        reading = self.reading
        self.clear()
        self.ws, self.bundle_id, self.app = ws, bundle_id, app
        self.header.setText(data(f"{app['application_id']}  {app['title']}"))
        m = app.get("manifest") or {}
        item = ""
        if app.get("guide_item") is not None:
            item = self.tr("指南项目%1").replace("%1", str(app["guide_item"])) + (
                self.tr(" 方向%1").replace("%1", str(app["direction"])) if app.get("direction") else "")
        self.sub.setText(data(self.tr("　").join(x for x in (app.get("applicant") or "", item,
                                                    self._budget_line(m)) if x)))
        self.tabs.blockSignals(True)
        for d in app.get("documents") or []:
            v = PdfViewer(self)
            v.enlarged_changed.connect(self._reading_changed)
            self.viewers.append(v)
            label = d.get("title") or (vocab.label("doc", d.get("kind")) if d.get("kind") else d.get("path"))
            i = self.tabs.addTab(v, data(label))
            self.tabs.setTabToolTip(i, tip(self.tr("%1（%2 页）").replace("%1", d.get("path", "")).replace(
                "%2", str(d.get("page_count", "?")))))
        self._fill_summary(m)
        self.tabs.addTab(self.summary, self.tr("申报概要"))
        self._fill_checks(checks, ticks)
        fails = sum(1 for c in checks if c.machine and c.status != "pass")
        self.tabs.addTab(self.checks, self.tr("指南要求") + (f" ⚠{fails}" if fails else ""))
        self.tabs.blockSignals(False)
        self.tabs.setCurrentIndex(min(max(doc_index, 0), self.tabs.count() - 1))
        self._tab_changed(self.tabs.currentIndex())
        if reading and self.current_viewer() is not None:  # reading on from one application to the next
            self.current_viewer().set_enlarged(True)

    def _budget_line(self, m: dict) -> str:
        b = m.get("budget") or {}
        if "requested" not in b:
            return ""
        return self.tr("申请资助 %1 万元，自筹 %2 万元").replace("%1", f"{b['requested']:,.2f}").replace(
            "%2", f"{b.get('self_funded', 0):,.2f}")

    def _end_reading(self) -> bool:
        """Reading mode (a viewer taking the window) off; whether it was on."""
        was = False
        for v in self.viewers:
            was = was or v.enlarged
            v.set_enlarged(False)
        return was

    def _tab_changed(self, index: int) -> None:
        # Reading mode follows the reader from document to document (ends on 申报概要 / 指南要求).
        reading = self._end_reading()
        if 0 <= index < len(self.viewers) and index not in self.loaded and self.app is not None:
            doc = self.app["documents"][index]
            try:
                data = self.ws.document_bytes(self.bundle_id, self.app["application_id"], doc["sha256"])
            except WorkspaceError as e:
                self.failed.emit(e.message)
                return
            self.viewers[index].load_bytes(data)
            self.loaded.add(index)
        self.reading = reading and 0 <= index < len(self.viewers)
        if self.reading:
            self.viewers[index].set_enlarged(True)
        self.document_changed.emit(index)

    def _reading_changed(self, on: bool) -> None:
        if self.sender() is self.current_viewer():  # not the switch from one document to the next
            self.reading = on

    def find(self) -> None:
        v = next((v for v in self.viewers if v.has_focus_within()), None) or self.current_viewer()
        if v is not None:
            v.find()

    def current_viewer(self) -> PdfViewer | None:
        i = self.tabs.currentIndex()
        return self.viewers[i] if 0 <= i < len(self.viewers) else None

    # -- summary ---------------------------------------------------------------------------------

    def _group(self, title: str, rows: list[tuple[str, object]]) -> None:
        add_group(self.summary, title, rows)

    def _unit(self, u: dict, extra: str = "") -> str:
        parts = [u.get("name", ""), u.get("credit_code", ""), vocab.label("unit", u.get("kind"))]
        if "in_nanning" in u:
            parts.append(self.tr("南宁") if u["in_nanning"] else self.tr("非南宁"))
        return vocab.joined(parts + [extra])  # in the UI language (issue 15 item 12)

    def _fill_summary(self, m: dict) -> None:
        self.summary.clearSpans()
        self.summary.setRowCount(0)
        if not m:
            return
        self._group(self.tr("基本信息"), [(self.tr("申报编号"), m.get("application_id")),
                                      (self.tr("项目名称"), m.get("title")),
                                      (self.tr("指南项目"), m.get("guide_item")), (self.tr("方向"), m.get("direction"))])
        if m.get("applicant"):
            self._group(self.tr("申报单位"), [(self.tr("单位"), self._unit(m["applicant"])),
                                          (self.tr("所在城区"), m["applicant"].get("district") or "")])
        if m.get("partners"):
            self._group(self.tr("合作单位"), [(str(i + 1), self._unit(p, vocab.label("role", p.get("role"))))
                                          for i, p in enumerate(m["partners"])])
        people = []
        if m.get("leader"):
            ld = m["leader"]
            people.append((self.tr("项目负责人"), vocab.joined((ld.get("name"), ld.get("title"), ld.get("unit")))))
        people += [(self.tr("成员%1").replace("%1", str(i + 1)),
                    vocab.joined((p.get("name"), p.get("title"), p.get("unit"))))
                   for i, p in enumerate(m.get("members") or [])]
        if people:
            self._group(self.tr("项目团队"), people)
        b, p = m.get("budget") or {}, m.get("period") or {}
        rows = []
        if p:
            rows.append((self.tr("实施期"), f"{p.get('start', '')} — {p.get('end', '')}"))
        if b:
            rows += [(self.tr("申请资助"), vocab.money(b.get("requested", 0))),
                     (self.tr("自筹经费"), vocab.money(b.get("self_funded", 0)))]
        if rows:
            self._group(self.tr("实施期与经费"), rows)
        ind = m.get("indicators") or {}
        if ind:
            self._group(self.tr("考核指标（申报值）"), [
                (vocab.label("indicator", k), vocab.label("platform", v) if k == "platform_level" else v)
                for k, v in ind.items()])

    # -- checklist -------------------------------------------------------------------------------

    def _fill_checks(self, checks, ticks: list[str]) -> None:
        t = self.checks
        t.blockSignals(True)
        t.setRowCount(0)
        self._ids = [c.id for c in checks]
        for i, c in enumerate(checks):
            t.insertRow(i)
            box = QTableWidgetItem()
            box.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            box.setCheckState(Qt.Checked if c.id in ticks else Qt.Unchecked)
            t.setItem(i, 0, box)
            status = ro_item(c.status_text(), c.message_text())
            status.setForeground(QBrush(QColor(CHECK_COLOURS.get(c.status, "#333") if c.machine else "#1565c0")))
            t.setItem(i, 1, status)
            shown = c.message_text()
            text = f"[{c.id}] {c.text}" + (f"\n{shown}" if shown else "")
            t.setItem(i, 2, ro_item(text, shown))
        if not checks:
            t.insertRow(0)
            t.setItem(0, 2, ro_item(self.tr("评审包中没有该指南项目的要求")))
        t.blockSignals(False)

    def _tick(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        ticked = [self._ids[r] for r in range(min(self.checks.rowCount(), len(self._ids)))
                  if self.checks.item(r, 0) and self.checks.item(r, 0).checkState() == Qt.Checked]
        self.ticks_changed.emit(ticked)
