"""Files given on the command line — a double-click through the file associations, "Open with",
the Linux ``.desktop`` ``%F`` — opened once the GUI is up:

* ``.nnpkg``   → imported into the main window's current session (as if dropped on it);
* ``.nnscore`` → the score import of the 评审包与评分 page;
* ``.nnrb``    → the expert workspace (``ui.expert``; the same as ``nn-review expert gui FILE``).
  With only bundles given — an expert double-clicking the bundle the secretary sent — the
  secretary's store and window are not opened at all. A build without ``ui.expert`` says so.

``--smoke-exit`` (or ``NN_REVIEW_SMOKE_EXIT=1``) quits with 0 once the window is shown and
every file is handled: the bundle smoke test uses it to start the real app headless.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from nn_review.open_args import classify

from .plain import plain

EXPERT_APP = "ui.expert.app"  # provides run_expert_gui(root, files=, lang=, argv=) and unlock_workspace(root, parent)


def expert_app():
    """(ui.expert.app, None) when this build has the expert workspace, else (None, reason)."""
    try:
        found = importlib.util.find_spec("ui.expert") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        return None, "missing"
    try:
        module = importlib.import_module(EXPERT_APP)
    except Exception as e:  # noqa: BLE001 — told to the user, never a crash at start
        return None, f"{type(e).__name__}: {e}"
    if not (callable(getattr(module, "run_expert_gui", None)) and callable(getattr(module, "unlock_workspace", None))):
        return None, "no-entry"
    return module, None


def bundles_only(paths) -> bool:
    files = classify(paths)
    return bool(files.bundles) and not (files.packages or files.scores)


def open_bundles_only(paths, *, lang: str, argv=None, smoke_exit: bool = False) -> int:
    """Only bundles were given: the expert workspace, without the secretary's store. The caller
    has made the application (ui.app.make_app); run_expert_gui reuses it."""
    startup = StartupFiles(paths, smoke_exit=smoke_exit)
    bundles = startup.existing(startup.files.bundles)
    module, why = expert_app()
    if module is None:
        startup.tell_no_expert(bundles or startup.files.bundles, why)
        return 2
    if not bundles:
        return 2
    if smoke_exit:
        startup.timer.start()
    return module.run_expert_gui(None, files=bundles, lang=lang, argv=argv)


def _since_process_start(fallback_t0: float) -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere since ``fallback_t0``)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return max(uptime - start_ticks / os.sysconf("SC_CLK_TCK"), 0.0)
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - fallback_t0


class StartupFiles(QObject):
    def __init__(self, paths, smoke_exit: bool = False, parent=None):
        super().__init__(parent)
        self.files = classify(paths)
        self.smoke_exit = smoke_exit
        self.t0 = time.monotonic()
        self.win = None
        self.steps: list = []
        self.windows: list = []  # expert windows opened from here (kept alive)
        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)

    def open_in(self, win) -> None:
        """Queue the files for the main window; each kind after the one before has finished."""
        self.win = win
        if self.files.bundles:
            self.steps.append(lambda: self._open_bundles(self.existing(self.files.bundles)))
        if self.files.scores:
            self.steps.append(lambda: self._import_scores(self.existing(self.files.scores)))
        if self.files.packages:
            self.steps.append(lambda: self._import_packages(self.existing(self.files.packages)))
        if self.steps or self.smoke_exit:
            self.timer.start()

    # -- steps ---------------------------------------------------------------------------------------

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget() if self.smoke_exit else None
        if modal is not None:  # headless smoke run: nobody answers a dialog — say what it was, close it
            print(f"nn-review: closing dialog '{modal.windowTitle()}'", file=sys.stderr, flush=True)
            modal.reject() if hasattr(modal, "reject") else modal.close()
            return
        if self.win is not None and (self.win.ops.busy or not self.win.isVisible()):
            return
        if self.win is None and not any(w.isVisible() for w in QApplication.topLevelWidgets()
                                        if w.inherits("QMainWindow")):
            return  # expert only: wait for its window
        if self.steps:
            self.steps.pop(0)()
            return
        self.timer.stop()
        if self.smoke_exit:
            title = next((w.windowTitle() for w in ([self.win] if self.win else QApplication.topLevelWidgets())
                          if w.isVisible() and w.inherits("QMainWindow")), "")
            print(f"nn-review: window shown {_since_process_start(self.t0):.2f} s after the process started; "
                  f"{len(self.files.all)} file(s) handled; title: {title}; smoke exit", flush=True)
            QApplication.instance().exit(0)

    def _tell(self, title: str, text: str) -> None:
        if self.smoke_exit:  # nobody is there to close a message box
            print(f"{title}: {text}", file=sys.stderr, flush=True)
        else:
            QMessageBox.warning(self.win, title, plain(text))

    def existing(self, paths: list[Path]) -> list[Path]:
        missing = [p for p in paths if not p.is_file()]
        if missing:
            self._tell(self.tr("打开文件"), self.tr("找不到以下文件：\n%1").replace("%1", "\n".join(map(str, missing))))
        return [p for p in paths if p.is_file()]

    def tell_no_expert(self, paths: list[Path], why: str | None) -> None:
        text = self.tr("此版本没有专家评审工作台，无法打开评审包：\n%1\n\n"
                       "评审包（.nnrb）由评审专家在专家评审工作台中用一次性密码打开。"
                       ).replace("%1", "\n".join(p.name for p in paths))
        if why not in (None, "missing", "no-entry"):
            text += "\n\n" + why
        self._tell(self.tr("打开评审包"), text)

    def _open_bundles(self, paths: list[Path]) -> None:
        """Bundles given together with other files: an expert window beside the main window."""
        if not paths:
            return
        module, why = expert_app()
        if module is None:
            self.tell_no_expert(paths, why)
            return
        ws = module.unlock_workspace(None, self.win)
        if ws is None:
            return
        from .expert.main_window import ExpertWindow
        w = ExpertWindow(ws)
        QApplication.instance().aboutToQuit.connect(ws.close)
        w.show()
        for p in paths:
            QTimer.singleShot(0, lambda p=p: w.open_bundle_file(p))
        self.windows.append(w)

    def _import_scores(self, paths: list[Path]) -> None:
        if not paths:
            return
        if self.win.session_id is None:
            self._tell(self.tr("导入评分文件"), self.tr("请先新建评审批次。"))
            return
        from .exchange_page import ExchangePage
        page = next(p for p in self.win.extra_pages if isinstance(p, ExchangePage))
        self.win.pages.setCurrentWidget(page)
        page.import_scores(paths)

    def _import_packages(self, paths: list[Path]) -> None:
        if not paths:
            return
        if self.win.session_id is None:
            self._tell(self.tr("导入申报包"), self.tr("请先新建评审批次。"))
            return
        self.win.pages.setCurrentIndex(0)
        self.win.import_paths(paths)
