"""Main window, About and Settings in one UI language, with the demo data:

    python -m ui.screenshots_lang OUTDIR [zh_CN|en] [WxH]

Writes main_window.png / about.png / settings.png for zh_CN and main_window_en.png / about_en.png
/ settings_en.png for English (the English .qm must be built: ``bash scripts/i18n.sh --build``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path, lang: str = "zh_CN", size: tuple[int, int] = (1366, 768)) -> list[Path]:
    from nn_review.demo.packages import write_demo_packages
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store

    from .about_dialog import AboutDialog
    from .app import make_app
    from .main_window import MainWindow
    from .screenshots import settle
    from .settings_dialog import SettingsDialog

    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "zh_CN" else f"_{lang}"
    tmp = Path(tempfile.mkdtemp(prefix="nn-shots-"))
    shots: list[Path] = []
    try:
        app = make_app(lang=lang)
        store = open_store(tmp / "store")
        ensure_builtin_guides(store)
        create_session(store, "2025年度南宁市科技计划项目评审（演示）")
        win = MainWindow(store)
        win.resize(*size)
        win.show()
        win.import_paths(write_demo_packages(tmp / "pkgs"))
        while win.ops.busy:
            settle(app, 0.1)
        settle(app)
        win.result_dialog.accept()
        settle(app)
        for w in app.topLevelWidgets():  # the "replace duplicates?" question, if any
            if w.isVisible() and w is not win and w.inherits("QMessageBox"):
                w.reject()

        def shot(name: str, widget) -> None:
            settle(app)
            p = out / f"{name}{suffix}.png"
            widget.grab().save(str(p))
            shots.append(p)

        win.select_application("NNKJ-2025-0106")
        win.detail.tabs.setCurrentIndex(1)
        shot("main_window", win)
        about = AboutDialog(store.root, win)
        about.show()
        shot("about", about)
        about.close()
        settings = SettingsDialog(win, current_language=lang)
        settings.language.setCurrentIndex(settings.language.findData("en" if lang == "zh_CN" else "zh_CN"))
        settings.show()
        shot("settings", settings)
        settings.reject()
        win.close()
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return shots


if __name__ == "__main__":
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    w, h = map(int, (sys.argv[3] if len(sys.argv) > 3 else "1366x768").split("x"))
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), lang, (w, h)):
        print(p)
    sys.stdout.flush()
    os._exit(0)  # see ui/screenshots.py: PySide can crash in the final GC after offscreen grabs
