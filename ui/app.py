"""Start the GUI on a store."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from nn_review.resources import resource
from nn_review.services.guides import ensure_builtin_guides
from nn_review.store import StoreError, open_store

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


def make_app(argv=None, lang: str = "zh_CN") -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("nn-review")
    app.setOrganizationName("nn-review")
    app.setApplicationDisplayName("南宁市科技计划项目评审系统" if lang == "zh_CN" else "Nanning S&T Review")
    QLocale.setDefault(QLocale(lang))
    app._nn_translators = install_translations(app, lang)
    pick_font(app)
    return app


def run_gui(store_path: Path, *, lang: str = "zh_CN", argv=None) -> int:
    app = make_app(argv, lang)
    try:
        store = open_store(store_path)
        ensure_builtin_guides(store)
    except StoreError as e:
        QMessageBox.critical(None, "nn-review", str(e))
        return 2
    from .main_window import MainWindow
    win = MainWindow(store)
    win.show()
    return app.exec()
