"""Before a bundle export: where the bundles go (the USB stick) and where the letters go (issue 20).

Two folders, said apart on screen: the encrypted bundles (``.nnrb``) are what the experts get,
on a USB stick; the assignment letters carry the passwords and stay on this computer (or are
only printed / saved as PDF from the password screen). A letters folder in or around the
bundles' folder is refused here as in the core (``handout.check_handout_folders``); both
folders on one removable drive asks first (``handout.shared_drive_warning``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QGroupBox,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton, QVBoxLayout)

from nn_review.exchange import handout
from nn_review.i18n import render, text_of
from nn_review.store import StoreError

from .plain import plain


def default_letters_dir() -> Path:
    return Path.home() / "评审任务通知书"


class HandoutFoldersDialog(QDialog):
    """Choose the bundles' folder and the letters' folder (or letters only printed / saved as PDF)."""

    def __init__(self, panel_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出评审包 — 选择存放位置"))
        settings = QSettings()
        head = QLabel(self.tr("评审组：%1。评审包和任务通知书分开存放：任务通知书载有密码，不能随评审包交给专家。")
                      .replace("%1", panel_name), self)
        head.setWordWrap(True)

        # -- 1. the bundles: for the USB stick
        self.bundles = QLineEdit(settings.value("bundles/last_dir", "") or "", self)
        self.bundles.setPlaceholderText(self.tr("例如 U 盘上的文件夹"))
        b_browse = QPushButton(self.tr("浏览…"), self)
        b_browse.clicked.connect(lambda: self._browse(self.bundles, self.tr("选择存放评审包的文件夹（如 U 盘）")))
        b_box = QGroupBox(self.tr("① 评审包（.nnrb，已加密）— 拷入 U 盘，交给专家"), self)
        bl = QGridLayout(b_box)
        bl.addWidget(self.bundles, 0, 0)
        bl.addWidget(b_browse, 0, 1)
        b_hint = QLabel(self.tr("此文件夹只放评审包：可整个拷入 U 盘或发送给专家。"), self)
        b_hint.setStyleSheet("color: #555;")
        bl.addWidget(b_hint, 1, 0, 1, 2)

        # -- 2. the letters: stay here / print
        self.to_folder = QRadioButton(self.tr("保存到本机文件夹："), self)
        self.print_only = QRadioButton(self.tr("不保存为文件：导出后在密码窗口中打印或保存为 PDF"), self)
        group = QButtonGroup(self)
        group.addButton(self.to_folder)
        group.addButton(self.print_only)
        self.to_folder.setChecked(True)
        self.letters = QLineEdit(settings.value("bundles/letters_dir", "") or str(default_letters_dir()), self)
        self.l_browse = QPushButton(self.tr("浏览…"), self)
        self.l_browse.clicked.connect(lambda: self._browse(self.letters, self.tr("选择存放任务通知书的文件夹（不要选 U 盘）")))
        l_box = QGroupBox(self.tr("② 任务通知书（PDF，载有密码）— 留在本机，打印后单独交给专家"), self)
        ll = QGridLayout(l_box)
        ll.addWidget(self.to_folder, 0, 0, 1, 2)
        ll.addWidget(self.letters, 1, 0)
        ll.addWidget(self.l_browse, 1, 1)
        ll.addWidget(self.print_only, 2, 0, 1, 2)
        l_hint = QLabel(self.tr("不要把任务通知书放进评审包的文件夹或交给专家的 U 盘。"), self)
        l_hint.setStyleSheet("color: #a00000;")
        ll.addWidget(l_hint, 3, 0, 1, 2)

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setMinimumHeight(self.problem.fontMetrics().lineSpacing() * 3)  # room kept: no jump
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导出"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for w in (self.bundles, self.letters):
            w.textChanged.connect(self._check)
        self.to_folder.toggled.connect(self._check)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(b_box)
        lay.addWidget(l_box)
        lay.addWidget(self.problem)
        lay.addWidget(self.buttons)
        self.resize(720, 0)
        self._check()

    # -- the choice ------------------------------------------------------------------------

    def bundles_dir(self) -> Path | None:
        text = self.bundles.text().strip()
        return Path(text).expanduser() if text else None

    def letters_dir(self) -> Path | None:
        """The letters' folder, or None: letters only printed / saved as PDF."""
        if not self.to_folder.isChecked():
            return None
        text = self.letters.text().strip()
        return Path(text).expanduser() if text else None

    def _browse(self, edit: QLineEdit, title: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, title, edit.text().strip() or str(Path.home()))
        if folder:
            edit.setText(folder)

    def folder_problem(self) -> str:
        """Why the choice cannot be exported (empty when it can)."""
        b = self.bundles_dir()
        if b is None:
            return self.tr("请选择存放评审包的文件夹。")
        if self.to_folder.isChecked() and self.letters_dir() is None:
            return self.tr("请选择存放任务通知书的文件夹，或选择只打印 / 保存为 PDF。")
        try:
            handout.check_handout_folders(b, self.letters_dir())
        except StoreError as e:
            return text_of(e)[0]
        return ""

    def _check(self) -> None:
        self.letters.setEnabled(self.to_folder.isChecked())
        self.l_browse.setEnabled(self.to_folder.isChecked())
        problem = self.folder_problem()
        # An empty field is said by the disabled button; a folder conflict in words.
        self.problem.setText(problem if self.bundles_dir() is not None else "")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)
        need = self.sizeHint().height()
        if self.isVisible() and need > self.height():  # a long reason (English) never squeezes the fields
            self.resize(self.width(), need)

    def accept(self) -> None:
        if self.folder_problem():
            return
        warning = handout.shared_drive_warning(self.bundles_dir(), self.letters_dir())
        if warning is not None:
            answer = QMessageBox.warning(self, self.tr("评审包和任务通知书在同一 U 盘"),
                                         plain(render(warning) + "\n\n" + self.tr("仍要导出到这两个文件夹吗？")),
                                         QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return
        settings = QSettings()
        settings.setValue("bundles/last_dir", str(self.bundles_dir()))
        if self.letters_dir() is not None:
            settings.setValue("bundles/letters_dir", str(self.letters_dir()))
        super().accept()
