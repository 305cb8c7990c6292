"""Help → About (关于): version, build date, store path, and the licences of the bundled components."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QLocale, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QIcon, QTextCursor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from nn_review.buildinfo import build_info
from nn_review.licenses import components, licenses_dir


def _open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AboutDialog(QDialog):
    def __init__(self, store_path: Path | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于"))
        self.store_path = Path(store_path) if store_path else None
        info = build_info()
        english = QLocale().language() != QLocale.Chinese

        icon = QLabel(self)
        icon.setPixmap(QIcon.fromTheme("nn-review", self.windowIcon()).pixmap(64, 64))
        title = QLabel(self.tr("南宁市科技计划项目评审系统"), self)
        f = QFont(title.font())
        f.setPointSize(f.pointSize() + 4)
        f.setBold(True)
        title.setFont(f)
        subtitle = QLabel(self.tr("南宁市科学技术局 专家评审委员会 · 离线评审"), self)
        subtitle.setStyleSheet("color: #555;")
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles, 1)

        self.version = QLabel(info.version, self)
        self.build_date = QLabel(self.tr("开发版本（从源代码运行）") if info.is_development else
                                 f"{info.build_date}{'  (' + info.platform + ')' if info.platform else ''}", self)
        runtime = QLabel(f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__}", self)
        self.store = QLabel(str(self.store_path) if self.store_path else "—", self)
        self.store.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.store.setWordWrap(True)
        open_store = QPushButton(self.tr("打开文件夹"), self)
        open_store.setEnabled(bool(self.store_path and self.store_path.exists()))
        open_store.clicked.connect(lambda: _open_folder(self.store_path))
        store_row = QHBoxLayout()
        store_row.addWidget(self.store, 1)
        store_row.addWidget(open_store)
        for w in (self.version, self.build_date, runtime):
            w.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("版本"), self.version)
        form.addRow(self.tr("构建日期"), self.build_date)
        form.addRow(self.tr("运行环境"), runtime)
        form.addRow(self.tr("存储位置"), store_row)

        self.components = components()
        self.table = QTableWidget(len(self.components), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("组件"), self.tr("版本"), self.tr("许可证")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        for r, c in enumerate(self.components):
            tip = c.role_en if english else c.role_zh
            for col, text in enumerate((c.name, c.version, c.license)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.link = QLabel(self)
        self.link.setOpenExternalLinks(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.TypeWriter)
        self.text.setFont(mono)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.link)
        right.addWidget(self.text, 1)
        right_w = QWidget(self)
        right_w.setLayout(right)
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right_w)
        split.setSizes([470, 570])
        self.table.currentCellChanged.connect(lambda row, *_: self.show_license(row))

        licences_label = QLabel(self.tr("本程序包含的开源组件及其许可证（许可证文件随程序一并提供）："), self)
        open_licences = QPushButton(self.tr("打开许可证文件夹"), self)
        open_licences.clicked.connect(lambda: _open_folder(licenses_dir()))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.addButton(open_licences, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addLayout(form)
        lay.addSpacing(6)
        lay.addWidget(licences_label)
        lay.addWidget(split, 1)
        lay.addWidget(buttons)
        self.resize(1060, 660)
        if self.components:
            self.table.selectRow(0)
            self.show_license(0)

    def show_license(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        c = self.components[row]
        self.link.setText(f'<b>{c.name}</b> {c.version} — {c.license} — <a href="{c.url}">{c.url}</a>'
                          if c.url else f"<b>{c.name}</b> {c.version} — {c.license}")
        self.text.setPlainText(c.text())
        self.text.moveCursor(QTextCursor.Start)
