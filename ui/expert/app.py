"""Start the expert app: unlock (or create) the workspace, then the main window.

``nn-review expert`` calls :func:`run_expert_gui`; bundle files given on the command line (a file
association, a double-click on a ``.nnrb``) are opened once the window is up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from nn_review.expert import WorkspaceError, open_workspace, workspace_state

from ..app import make_app
from .common import error_text
from .dialogs import PassphraseDialog
from ..plain import plain

RETRY = {"workspace.passphrase", "workspace.passphrase_weak", "workspace.passphrase_required"}


def unlock_workspace(root: str | Path | None = None, parent=None, *, keyring_backend=None):
    """The opened workspace, asking for the passphrase where there is no OS keyring; None if cancelled."""
    state = workspace_state(root, keyring_backend=keyring_backend)
    error = ""
    while True:
        passphrase = None
        if state.needs_passphrase:
            dlg = PassphraseDialog(state.creating, state.notice, error, parent)
            if not dlg.exec():
                return None
            passphrase = dlg.passphrase()
        try:
            ws = open_workspace(root, passphrase=passphrase, keyring_backend=keyring_backend)
        except WorkspaceError as e:
            if e.code in RETRY and state.needs_passphrase:
                error = error_text(e)
                continue
            QMessageBox.critical(parent, "nn-review", plain(error_text(e)))
            return None
        if ws.key_notice:  # the explanation was in the dialog that set the passphrase: shown once
            ws.acknowledge_key_notice()
        return ws


def run_expert_gui(root: str | Path | None = None, *, files=(), lang: str = "zh_CN", argv=None) -> int:
    app = make_app(argv, lang)
    app.setApplicationDisplayName("南宁市科技计划项目评审系统（专家端）" if lang == "zh_CN" else "Nanning S&T Review (expert)")
    ws = unlock_workspace(root)
    if ws is None:
        return 1
    from .main_window import ExpertWindow
    win = ExpertWindow(ws)
    win.show()
    for f in files:
        QTimer.singleShot(0, win, lambda f=f: win.open_bundle_file(Path(f)))
    try:
        return app.exec()
    finally:
        ws.close()
