"""Writing a file whole or not at all: beside its target under a hidden ``.name.part`` name, then
renamed over it (``os.replace`` is atomic on one filesystem), so a crash or a full disk never
leaves half a letter or half a workbook where the secretary would pick it up."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> Path:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
