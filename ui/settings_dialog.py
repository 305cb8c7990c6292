"""Settings (设置): the UI language, kept in QSettings and applied at the next start; the signer
profile (name, title, unit of the signing certificate), kept in the store.

``--lang`` on the command line still wins over the stored choice."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "zh_CN"
# Each language is named in itself, so that someone who cannot read the current UI finds theirs.
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


def settings() -> QSettings:
    return QSettings("nn-review", "nn-review")


def preferred_language() -> str:
    """The language chosen in Settings (简体中文 until someone chooses otherwise)."""
    value = settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in dict(LANGUAGES) else DEFAULT_LANGUAGE


def set_preferred_language(lang: str) -> None:
    if lang not in dict(LANGUAGES):
        raise ValueError(f"unsupported UI language {lang!r}")
    s = settings()
    s.setValue(LANGUAGE_KEY, lang)
    s.sync()


class SettingsDialog(QDialog):
    def __init__(self, parent=None, current_language: str | None = None, store=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("设置"))
        # The language this process runs in (QLocale default is set from it at start, --lang included).
        self.running_language = current_language or ("zh_CN" if QLocale().language() == QLocale.Chinese else "en")
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(preferred_language()), 0))
        self.language.currentIndexChanged.connect(self._update_note)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")

        self.form = QFormLayout()
        self.form.addRow(self.tr("界面语言"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.note)
        self.signer = None
        if store is not None:  # the signer profile of this store's secretary (the certificate's subject)
            from nn_review.signer import get_profile

            from .signer_dialogs import SignerFields
            self.profile = get_profile(store)
            box = QGroupBox(self.tr("签名人（写入数字签名证书）"), self)
            inner = QVBoxLayout(box)
            self.signer = SignerFields(box, self.profile)
            hint = QLabel(self.tr("更改后，下次签名时重新签发签名证书；旧证书保留，已签名的评审表仍可核验。"), box)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #666;")
            inner.addWidget(self.signer)
            inner.addWidget(hint)
            lay.addWidget(box)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.setMinimumWidth(420)
        self._update_note()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def restart_needed(self) -> bool:
        return self.chosen_language() != self.running_language

    def _update_note(self, *_):
        self.note.setText(self.tr("更改界面语言后，重新启动程序生效。命令行参数 --lang 优先于此设置。")
                          if self.restart_needed() else
                          self.tr("命令行参数 --lang 优先于此设置。"))
        self.adjustSize()

    def accept(self) -> None:
        if self.signer is not None and self.signer.changed_from(self.profile) and not self.signer.save(self.store):
            return  # the refusal was shown; the dialog stays open
        set_preferred_language(self.chosen_language())
        super().accept()
