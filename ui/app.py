"""Start the GUI on a store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nn_review import i18n
from nn_review.resources import resource
from nn_review.store import StoreError

from .plain import plain

# The translators make_app installed last (removed when it is called again: tests, a language switch).
INSTALLED_TRANSLATORS: list[QTranslator] = []
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Our strings are written in Chinese; English comes from resources/translations/*.qm."""
    loaded = []
    ours = QTranslator(app)
    if lang != "zh_CN" and ours.load(f"nn_review_{lang}", str(resource("translations"))):
        app.installTranslator(ours)
        loaded.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


def pick_font(app: QApplication) -> None:
    font_file = resource("fonts", "wqy-microhei.ttc")
    if font_file.exists():
        QFontDatabase.addApplicationFont(str(font_file))  # shipped fallback, so Chinese always renders
    families = set(QFontDatabase.families())
    for name in CJK_FONTS:
        if name in families:
            f = QFont(name)
            f.setPointSize(max(app.font().pointSize(), 10))
            app.setFont(f)
            return


def make_app(argv=None, lang: str | None = "zh_CN") -> QApplication:
    """``lang`` None: the language chosen in Settings (ui/settings_dialog.py)."""
    if not lang:
        from .settings_dialog import preferred_language
        lang = preferred_language()
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("nn-review")
    app.setOrganizationName("nn-review")
    app.setApplicationDisplayName("南宁市科技计划项目评审系统" if lang == "zh_CN" else "Nanning S&T Review")
    QLocale.setDefault(QLocale(lang))
    i18n.set_language(lang)  # core texts (nn_review.i18n.Msg) render in the UI language
    for old in INSTALLED_TRANSLATORS:  # make_app again (tests): one language at a time
        app.removeTranslator(old)
    INSTALLED_TRANSLATORS[:] = install_translations(app, lang)
    pick_font(app)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("nn-review")  # Wayland/X11: matches installer/linux/nn-review.desktop
    return app


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        f = resource("icons", f"nn-review-{size}.png")
        if f.exists():
            icon.addFile(str(f))
    return icon


def run_gui(store_path: Path, *, lang: str | None = None, argv=None, open_files=(), smoke_exit: bool = False) -> int:
    """``lang`` None: the language chosen in Settings. ``open_files``: see ui/open_files.py."""
    from nn_review.services.startup import open_for_work  # here: make_app serves the expert app too (no store)

    from .open_files import StartupFiles, bundles_only, open_bundles_only
    from .settings_dialog import preferred_language
    lang = lang or preferred_language()
    smoke_exit = smoke_exit or os.environ.get("NN_REVIEW_SMOKE_EXIT") == "1"
    if bundles_only(open_files):  # an expert double-clicked a .nnrb: the expert workspace only
        make_app(argv, lang)
        return open_bundles_only(open_files, lang=lang, argv=argv, smoke_exit=smoke_exit)
    app = make_app(argv, lang)
    startup = StartupFiles(open_files, smoke_exit=smoke_exit)
    try:
        store = open_for_work(store_path)
    except StoreError as e:
        QMessageBox.critical(None, "nn-review", plain(str(e)))
        return 2
    from .main_window import MainWindow
    win = MainWindow(store)
    win.show()
    startup.open_in(win)
    return app.exec()
