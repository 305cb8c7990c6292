"""Canonical JSON, base64 and UTC time stamps: how signed data is spelled in both formats."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone
from typing import Any


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
