"""File names of the exchanged files (bundles, score files), valid on every system."""

from __future__ import annotations

import re


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name fragment that is valid on Windows, macOS and Linux (Chinese kept)."""
    s = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", text).strip(" .")
    return s[:limit] or "expert"
