"""Refusals of the expert workspace: Chinese messages, stable codes (an :class:`ExchangeError`)."""

from __future__ import annotations

from ..formats.errors import ExchangeError
from ..i18n import M, Msg


class WorkspaceError(ExchangeError):
    """Something the expert asked for cannot be done; ``message`` says exactly why (Chinese, for the
    CLI). ``msg``: the same for the GUI in its language (``i18n.text_of``), ``detail``: the technical
    part (paths, fingerprints, the underlying error) for a details line."""

    def __init__(self, message: str, code: str = "", field: str | None = None, *, msg: Msg | None = None,
                 detail: str = ""):
        super().__init__(message, code, field)
        self.msg, self.detail = msg, detail


class PassphraseRequired(WorkspaceError):
    """The workspace keeps its keys under a passphrase (no OS keyring) and none was given."""

    def __init__(self, creating: bool, reason: str = ""):
        self.creating, self.reason = creating, reason
        super().__init__("首次使用：本机没有可用的系统钥匙串，请设置工作区口令" if creating
                         else "请输入专家工作区口令", "workspace.passphrase_required",
                         msg=M("expert.err.passphrase_new" if creating else "expert.err.passphrase_enter"))
