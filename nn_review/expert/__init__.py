"""The expert's side (no Qt): a workspace holding review bundles, draft reviews, signed exports.

``open_workspace`` → :class:`Workspace`; adding bundles (``intake``), exporting score files
(``export``), the personal score sheet (``sheet``) and the CLI verbs (``cli``) build on it.
"""

from .errors import PassphraseRequired, WorkspaceError
from .workspace import (AppEntry, BundleSummary, Change, Edit, Workspace, WorkspaceState, default_workspace_dir,
                        open_workspace, workspace_state)

__all__ = ["AppEntry", "BundleSummary", "Change", "Edit", "PassphraseRequired", "Workspace", "WorkspaceError",
           "WorkspaceState", "default_workspace_dir", "open_workspace", "workspace_state"]
