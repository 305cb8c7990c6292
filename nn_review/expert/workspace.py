"""The expert's workspace: a folder with its own SQLite store, sealed documents and keys.

Layout of the folder (default: the user data folder's ``expert-store``)::

    workspace.sqlite        bundles held, draft reviews, undo log, exports, UI state (WAL)
    docs/<bundle id>/<application id>/<sha256>.nnxs   documents, AES-256-GCM under the data key
    datakey.nnkey, keys/    only without an OS keyring: passphrase-protected keys

Every grading action is one committed transaction (``synchronous=FULL``) before the call
returns. Adding a bundle (``intake``), exporting a score file (``export``) and printing the
score sheet (``sheet``) live in their own modules; this class ties them together.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from ..formats.canonical import utc_stamp
from ..store.perms import create_private_file, private_tree
from .db import DB_NAME, WorkspaceDb, get_meta, q, set_meta
from .errors import PassphraseRequired, WorkspaceError
from .vault import DATAKEY_FILE, choose_storage, create_vault, passphrase_notice, unlock_vault
from .workspace_core import (AppEntry, BundleSummary, Change, Edit, WorkspaceCore, WorkspaceState,
                             default_workspace_dir, workspace_state)


def open_workspace(root: str | Path | None = None, *, passphrase: str | None = None,
                   keyring_backend=None) -> Workspace:
    """Open (creating on first use) the workspace; raises :class:`PassphraseRequired` when needed."""
    root = Path(root) if root else default_workspace_dir()
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        raise WorkspaceError(f"无法创建专家工作区文件夹 {root}：{e}", "workspace.io") from e
    create_private_file(root / DB_NAME)
    db = WorkspaceDb(root)
    private_tree(root)  # drafts, sealed documents and keys: the expert's alone (also older workspaces)
    try:
        with db.read() as c:
            wid, storage = get_meta(c, "workspace_id"), get_meta(c, "key_storage")
        _chosen, backend, reason = choose_storage(keyring_backend)
        if wid is None:
            with db.read() as c:
                held = q(c, "SELECT COUNT(*) FROM bundles").scalar()
            if held:
                raise WorkspaceError(f"工作区 {root} 的数据库中有评审包却没有工作区记录：请勿手工改动此文件夹",
                                     "workspace.damaged")
            # A creation interrupted before its record was committed: nothing depends on that key yet.
            (root / DATAKEY_FILE).unlink(missing_ok=True)
            storage = _chosen
            wid = uuid.uuid4().hex
            vault = create_vault(root, wid, storage, backend, passphrase)
            with db.write() as c:
                set_meta(c, "workspace_id", wid)
                set_meta(c, "key_storage", storage)
                set_meta(c, "created_at", utc_stamp())
                set_meta(c, "trusted_secretaries", [])
            ws = Workspace(root, db, vault)
            ws.created = True
            ws.key_notice = passphrase_notice(root, reason) if storage == "passphrase" else ""
        else:
            ws = Workspace(root, db, unlock_vault(root, wid, storage, backend if storage == "keyring" else None,
                                                  passphrase))
    except BaseException:
        db.close()
        raise
    ws.clean_up()
    return ws


class Workspace(WorkspaceCore):
    """The workspace with its operations (each in its own module)."""

    # -- delegated ---------------------------------------------------------------------------

    def add_bundle(self, path: str | Path, password: str, *, trusted_fingerprint: str | None = None):
        from .intake import add_bundle
        return add_bundle(self, path, password, trusted_fingerprint=trusted_fingerprint)

    def export(self, bundle_id: str, out_dir: str | Path, *, partial: bool = False):
        from .export import export_scores
        return export_scores(self, bundle_id, out_dir, partial=partial)

    def exports(self, bundle_id: str):
        from .export import export_records
        return export_records(self, bundle_id)

    def export_readiness(self, bundle_id: str):
        from .export import readiness
        return readiness(self, bundle_id)

    def remove_bundle_data(self, bundle_id: str) -> None:
        from .export import remove_bundle_data
        remove_bundle_data(self, bundle_id)

    def score_sheet(self, bundle_id: str) -> bytes:
        from .sheet import score_sheet_pdf
        return score_sheet_pdf(self, bundle_id)


__all__ = ["AppEntry", "BundleSummary", "Change", "Edit", "PassphraseRequired", "Workspace", "WorkspaceError",
           "WorkspaceState", "default_workspace_dir", "open_workspace", "workspace_state"]
