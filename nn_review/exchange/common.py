"""Small pieces shared by the bundle and score-file code."""

from __future__ import annotations

import base64
import json
import re
import secrets
from datetime import datetime, timezone
from typing import Any

from ..store import StoreError

# Unambiguous for people copying from paper: no 0/O or 1/I. 32 symbols = 5 bits each.
PASSWORD_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PASSWORD_GROUPS, PASSWORD_GROUP_LEN = 4, 5  # 20 symbols × 5 bits = 100 bits
MIN_CUSTOM_PASSWORD = 12


class ExchangeError(StoreError):
    """A refusal with a Chinese message; ``code`` is stable for tests and the UI."""

    def __init__(self, message: str, code: str = "", field: str | None = None):
        super().__init__(message)
        self.message, self.code, self.field = message, code, field


class ExportCancelled(ExchangeError):
    def __init__(self) -> None:
        super().__init__("用户取消，未生成评审包（已写出的临时文件已删除）", "cancelled")


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, UTF-8, no insignificant spaces, no NaN: the bytes that get signed."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: Any, length: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("应为 base64 文本")
    raw = base64.b64decode(text, validate=True)
    if length is not None and len(raw) != length:
        raise ValueError(f"应为 {length} 字节，实际 {len(raw)} 字节")
    return raw


def utc_stamp(dt: datetime | None = None) -> str:
    dt = (dt or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return dt.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: str) -> datetime:
    """Naive UTC datetime (the store's convention) from ``YYYY-MM-DDTHH:MM:SSZ``."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")


def new_password() -> str:
    """``7KQ2M-XW9PA-…``: four groups of five, 100 bits, easy to read out and type."""
    sym = [secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUPS * PASSWORD_GROUP_LEN)]
    return "-".join("".join(sym[i:i + PASSWORD_GROUP_LEN]) for i in range(0, len(sym), PASSWORD_GROUP_LEN))


def normalize_password(password: str) -> str:
    """What the KDF sees: spaces and dashes dropped, upper case (typing mistakes people make)."""
    return re.sub(r"[\s\-]", "", password or "").upper()


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name fragment that is valid on Windows, macOS and Linux (Chinese kept)."""
    s = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", text).strip(" .")
    return s[:limit] or "expert"
