"""The one-time password screen after a bundle export: the only screen that shows the passwords.

It says where the bundles went (for the USB stick) and where the letters went (kept on this
computer) or that the letters exist only to be printed / saved as PDF (issue 20).
The passwords exist only here and in the assignment letters, so closing (关闭, Esc, the window's
X) asks for confirmation unless they were printed or saved as PDF. 打印… and 保存为 PDF… give
the secretary's copy made by the core (nn_review/exchange/handout_pdf.py): the password list,
then every expert's letter.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QVBoxLayout

from nn_review.exchange import handout
from nn_review.exchange.handout_pdf import handout_pdf
from nn_review.i18n import render

from .pdf_print import render_pdf
from .plain import data, plain
from .widgets import ro_item, ro_table


class PasswordsDialog(QDialog):
    """The one and only screen that shows the bundle passwords."""

    def __init__(self, items: list[handout.Handout], folder: Path, parent=None, letters: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("评审包已生成 — 请记录密码"))
        self.items, self.folder, self.letters_folder = items, folder, letters
        self.copied = self.printed = self.saved = False
        self.saved_path: Path | None = None
        warn = QLabel(self.tr("密码只显示这一次，系统不保存密码。每位专家的密码写在其任务通知书中。"
                              "请将评审包与任务通知书分开交付。关闭前请打印或保存为 PDF（密码清单和全部任务通知书）。"), self)
        warn.setWordWrap(True)
        warn.setStyleSheet("color: #a00000; font-weight: bold;")
        # Where each went, and what to do with it (issue 20 item 3): the stick gets only the bundles.
        self.bundles_label = QLabel(self.tr("① 评审包（交给专家，可拷入 U 盘）：%1").replace("%1", data(str(folder))), self)
        if letters is not None:
            where = self.tr("② 任务通知书（载有密码，留在本机，打印后单独交付，勿放入 U 盘）：%1").replace("%1", data(str(letters)))
        else:
            where = self.tr("② 任务通知书（载有密码）未保存为文件：请用下方“打印…”或“保存为 PDF…”，单独交付。")
        self.letters_label = QLabel(where, self)
        for lab in (self.bundles_label, self.letters_label):
            lab.setTextFormat(Qt.PlainText)
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = ro_table(self, [self.tr("专家"), self.tr("评审包文件"), self.tr("密码"), self.tr("申报数"),
                                   self.tr("任务通知书")], 1)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        mono.setPointSize(mono.pointSize() + 2)
        self.table.setRowCount(len(items))
        for r, h in enumerate(items):
            b = h.bundle
            letter = h.letter.name if h.letter is not None else self.tr("（仅打印 / PDF）")
            for c, v in enumerate((b.expert_name, b.file_name, b.password, b.app_count, letter)):
                self.table.setItem(r, c, ro_item(v))
            self.table.item(r, 2).setFont(mono)
            self.table.item(r, 2).setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
        fpr = QLabel(self.tr("秘书签名密钥指纹：%1").replace("%1", items[0].bundle.secretary_fingerprint), self)
        fpr.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # formal check, once each, in the UI language
        notes = list(dict.fromkeys(render(n) for h in items for n in (h.bundle.note_msgs or h.bundle.notes)))
        notice = "\n".join([items[0].bundle.key_notice] + notes
                           + [h.letter_error for h in items if h.letter_error]).strip()
        self.kept_label = QLabel(self)
        self.kept_label.setStyleSheet("color: #1e7d32;")
        self.kept_label.setTextFormat(Qt.PlainText)
        self.kept_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        self.btn_print = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ActionRole)
        self.btn_print.setToolTip(self.tr("打印密码清单和每位专家的任务通知书"))
        self.btn_print.clicked.connect(self.print_)
        self.btn_save = buttons.addButton(self.tr("保存为 PDF…"), QDialogButtonBox.ActionRole)
        self.btn_save.setToolTip(self.tr("把密码清单和全部任务通知书保存为一个 PDF（请勿存放在交给专家的 U 盘中）"))
        self.btn_save.clicked.connect(self.choose_save)
        copy = buttons.addButton(self.tr("复制全部"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(self.copy)
        open_dir = buttons.addButton(self.tr("打开评审包文件夹"), QDialogButtonBox.ActionRole)
        open_dir.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        if letters is not None:
            open_letters = buttons.addButton(self.tr("打开任务通知书文件夹"), QDialogButtonBox.ActionRole)
            open_letters.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(letters))))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(warn)
        lay.addWidget(self.bundles_label)
        lay.addWidget(self.letters_label)
        lay.addWidget(self.table, 1)
        lay.addWidget(fpr)
        if notice:
            n = QLabel(data(notice), self)
            n.setTextFormat(Qt.PlainText)
            n.setWordWrap(True)
            n.setStyleSheet("color: #b26a00;")
            lay.addWidget(n)
        lay.addWidget(self.kept_label)
        lay.addWidget(buttons)
        self.resize(980, 480)

    def text(self) -> str:
        return "\n".join(f"{h.bundle.expert_name}\t{h.bundle.file_name}\t{h.bundle.password}\t"
                         f"{h.letter.name if h.letter is not None else ''}" for h in self.items)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copied = True

    def pdf(self) -> bytes:
        return handout_pdf(self.items)

    # -- keeping the passwords -------------------------------------------------------------

    def print_(self) -> bool:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName(self.tr("评审包密码清单和任务通知书"))
        dlg = QPrintDialog(printer, self)
        dlg.setWindowTitle(self.tr("打印密码清单和任务通知书"))
        if dlg.exec() != QDialog.Accepted:
            return False
        try:
            pages = render_pdf(self.pdf(), dlg.printer())
        except Exception as e:  # a broken letter file, an out-of-memory render: say so, keep the dialog
            QMessageBox.warning(self, self.tr("打印"), plain(self.tr("未能打印：%1").replace("%1", str(e))))
            return False
        if not pages:
            QMessageBox.warning(self, self.tr("打印"), self.tr("未能打印：打印机不可用。请检查打印机或改用“保存为 PDF…”。"))
            return False
        self.printed = True
        self._kept(self.tr("已发送到打印机（%1 页）。").replace("%1", str(pages)))
        return True

    def choose_save(self) -> None:
        start = QSettings().value("bundles/list_dir", str(Path.home()))
        name = f"评审包密码清单-{datetime.now():%Y%m%d-%H%M}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存密码清单和任务通知书"), str(Path(start) / name),
                                              self.tr("PDF 文件 (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            QSettings().setValue("bundles/list_dir", str(Path(path).parent))
            self.save(Path(path))

    def save(self, path: Path) -> bool:
        from nn_review.exchange.handout_pdf import write_handout_pdf
        try:
            write_handout_pdf(path, self.items)
        except OSError as e:
            QMessageBox.warning(self, self.tr("保存为 PDF"),
                                plain(self.tr("未能保存 %1：%2").replace("%1", data(str(path))).replace("%2", str(e))))
            return False
        self.saved, self.saved_path = True, path
        self._kept(self.tr("已保存到 %1").replace("%1", data(str(path))))
        return True

    def _kept(self, text: str) -> None:
        self.kept_label.setText(text)
        self.kept_label.show()

    def reject(self) -> None:
        """关闭, Esc and the window's X all end here: unless printed or saved, ask first."""
        if not (self.printed or self.saved):
            answer = QMessageBox.question(
                self, self.tr("关闭密码窗口"),
                self.tr("密码尚未打印或保存为 PDF。关闭后本窗口不再显示密码，系统也不保存密码"
                        "（每位专家的密码只写在其任务通知书中）。\n\n确定关闭吗？"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return
        super().reject()
