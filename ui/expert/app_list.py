"""The left pane: which bundle, overall progress (n of m complete), filter by guide item, and the
assigned applications with their status (未开始 / 进行中 / 已完成 / 回避)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QLabel, QListWidget, QListWidgetItem, QProgressBar,
                               QVBoxLayout, QWidget)

from ..plain import data, tip
from .common import STATUS_COLOURS, STATUS_MARKS, status_text

APP_ROLE = Qt.UserRole + 1


class ApplicationList(QWidget):
    bundle_chosen = Signal(str)
    application_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bundle = QComboBox(self)
        self.bundle.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.bundle.setMinimumContentsLength(12)
        self.bundle.currentIndexChanged.connect(self._bundle_changed)
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.PlainText)  # session and expert names
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #555;")
        self.progress_text = QLabel(self)
        self.progress_text.setStyleSheet("font-weight: bold;")
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        self.item_filter = QComboBox(self)
        self.item_filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.item_filter.setMinimumContentsLength(10)
        self.item_filter.currentIndexChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setTextElideMode(Qt.ElideNone)
        self.list.setSpacing(1)
        self.list.currentItemChanged.connect(self._current_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(4)
        title = QLabel(self.tr("评审包"), self)
        title.setStyleSheet("font-weight: bold;")
        lay.addWidget(title)
        lay.addWidget(self.bundle)
        lay.addWidget(self.info)
        lay.addWidget(self.progress_text)
        lay.addWidget(self.progress)
        lay.addWidget(self.item_filter)
        lay.addWidget(self.list, 1)
        self._entries = []

    # -- bundles ---------------------------------------------------------------------------------

    def set_bundles(self, bundles, current: str | None) -> None:
        self.bundle.blockSignals(True)
        self.bundle.clear()
        for b in bundles:
            suffix = self.tr("（材料已删除）") if b.removed else self.tr("（已被新评审包取代）") if b.superseded_by else ""
            self.bundle.addItem(f"{data(b.session_name)}{suffix}", b.bundle_id)
            label = (self.tr("%1（%2，%3）").replace("%1", b.session_name).replace("%2", b.expert_name)
                     .replace("%3", b.bundle_id[:8]))
            self.bundle.setItemData(self.bundle.count() - 1, tip(f"{label}\n{b.file_name}"), Qt.ToolTipRole)
        i = self.bundle.findData(current)
        self.bundle.setCurrentIndex(max(i, 0) if bundles else -1)
        self.bundle.blockSignals(False)

    def current_bundle(self) -> str | None:
        return self.bundle.currentData()

    def _bundle_changed(self, _i: int) -> None:
        bid = self.bundle.currentData()
        if bid:
            self.bundle_chosen.emit(bid)

    # -- applications ------------------------------------------------------------------------------

    def set_applications(self, summary, entries, guide: dict, current: str | None) -> None:
        self._entries = entries
        deadline = self.tr("，截止 %1").replace("%1", summary.deadline) if summary.deadline else ""
        self.info.setText(self.tr("%1\n专家 %2%3").replace("%1", data(summary.session_name))
                          .replace("%2", data(summary.expert_name)).replace("%3", deadline))
        self.item_filter.blockSignals(True)
        keep = self.item_filter.currentData()
        self.item_filter.clear()
        self.item_filter.addItem(self.tr("全部指南项目（%1）").replace("%1", str(len(entries))), None)
        titles = {i.get("number"): i.get("title", "") for i in (guide or {}).get("items", [])}
        for n in sorted({e.guide_item for e in entries if e.guide_item is not None}):
            count = sum(e.guide_item == n for e in entries)
            self.item_filter.addItem(self.tr("项目%1 %2（%3）").replace("%1", str(n)).replace("%2", data(titles.get(n, "")))
                                     .replace("%3", str(count)), n)
        self.item_filter.setCurrentIndex(max(self.item_filter.findData(keep), 0))
        self.item_filter.blockSignals(False)
        self.list.blockSignals(True)
        self.list.clear()
        for e in entries:
            it = QListWidgetItem()
            it.setData(APP_ROLE, e.application_id)
            self.list.addItem(it)
            self._paint(it, e)
        self.list.blockSignals(False)
        self._apply_filter()
        self.update_progress()
        if current:
            self.select(current)

    def _paint(self, it: QListWidgetItem, e) -> None:
        it.setText(f"{STATUS_MARKS[e.status]} {status_text(e.status)}  {e.application_id}\n{data(e.title)}")
        it.setToolTip(tip(f"{e.application_id}\n{e.title}\n{e.applicant}"))
        it.setForeground(QBrush(QColor(STATUS_COLOURS[e.status])))

    def update_status(self, application_id: str, status: str) -> None:
        for i, e in enumerate(self._entries):
            if e.application_id == application_id and e.status != status:
                self._entries[i] = e = replace(e, status=status)
                self._paint(self.list.item(i), e)
        self.update_progress()

    def update_progress(self) -> None:
        total = len(self._entries)
        done = sum(e.status in ("complete", "recused") for e in self._entries)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        text = self.tr("已完成 %1 / %2").replace("%1", str(done)).replace("%2", str(total))
        self.progress.setFormat(text)
        self.progress_text.setText(text)

    def _apply_filter(self, *_):
        item = self.item_filter.currentData()
        for i, e in enumerate(self._entries):
            self.list.item(i).setHidden(item is not None and e.guide_item != item)

    # -- selection ---------------------------------------------------------------------------------

    def _current_changed(self, cur, _prev) -> None:
        if cur is not None:
            self.application_chosen.emit(cur.data(APP_ROLE))

    def current(self) -> str | None:
        it = self.list.currentItem()
        return it.data(APP_ROLE) if it else None

    def select(self, application_id: str) -> None:
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.data(APP_ROLE) == application_id:
                if it.isHidden():
                    self.item_filter.setCurrentIndex(0)
                self.list.setCurrentItem(it)
                self.list.scrollToItem(it)
                return

    def step(self, delta: int) -> str | None:
        """The next/previous visible application (stops at either end), selected."""
        rows = [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]
        if not rows:
            return None
        cur = self.list.currentRow()
        if cur in rows:
            nxt = rows[min(max(rows.index(cur) + delta, 0), len(rows) - 1)]
        else:
            nxt = rows[0 if delta > 0 else -1]
        self.list.setCurrentRow(nxt)
        return self.list.item(nxt).data(APP_ROLE)
