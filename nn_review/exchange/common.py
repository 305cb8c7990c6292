"""Small pieces of the secretary's exchange operations: bundle passwords, cancelling an export.

The formats themselves (canonical JSON, base64, stamps, the refusal ``ExchangeError``) are in
``nn_review.formats``."""

from __future__ import annotations

import secrets

from ..formats.errors import ExchangeError

# Unambiguous for people copying from paper: no 0/O or 1/I. 32 symbols = 5 bits each.
PASSWORD_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PASSWORD_GROUPS, PASSWORD_GROUP_LEN = 4, 5  # 20 symbols × 5 bits = 100 bits
MIN_CUSTOM_PASSWORD = 12


class ExportCancelled(ExchangeError):
    def __init__(self) -> None:
        super().__init__("用户取消，未生成评审包（已写出的临时文件已删除）", "cancelled")


def new_password() -> str:
    """``7KQ2M-XW9PA-…``: four groups of five, 100 bits, easy to read out and type."""
    sym = [secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUPS * PASSWORD_GROUP_LEN)]
    return "-".join("".join(sym[i:i + PASSWORD_GROUP_LEN]) for i in range(0, len(sym), PASSWORD_GROUP_LEN))
