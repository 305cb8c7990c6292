"""帮助 → 使用手册 (F1): the short manual shipped in resources/manual/, read offline.

One HTML page per language (resources/manual/<lang>/index.html) with screenshots under
resources/manual/images/; a QTextBrowser shows it, links inside the manual are followed there
and links to the web (there should be none) open in the system browser.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from nn_review import i18n
from nn_review.resources import resource


def manual_path(lang: str | None = None) -> Path:
    """The manual's page in ``lang`` (the UI language by default), else the Chinese one."""
    lang = lang or i18n.language()
    for name in (lang, "zh_CN"):
        p = resource("manual", name, "index.html")
        if p.is_file():
            return p
    raise FileNotFoundError(resource("manual", "zh_CN", "index.html"))


class ManualDialog(QDialog):
    def __init__(self, parent=None, lang: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用手册 — 南宁市科技计划项目评审系统"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(True)
        self.path = manual_path(lang)
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        back = buttons.addButton(self.tr("目录"), QDialogButtonBox.ActionRole)
        back.clicked.connect(self.browser.home)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(980, 700)

    def image_urls(self) -> list[QUrl]:
        """Every image the page refers to, resolved against the page (for the test of broken images)."""
        import re
        html = self.path.read_text(encoding="utf-8")
        base = QUrl.fromLocalFile(str(self.path))
        return [base.resolved(QUrl(src)) for src in re.findall(r'<img[^>]*\bsrc="([^"]+)"', html)]
