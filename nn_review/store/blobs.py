"""Content-addressed, write-once document storage: ``blobs/<aa>/<sha256>.pdf``."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path


class BlobStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.dir = self.root / "blobs"

    def relpath(self, sha256: str) -> str:
        return f"blobs/{sha256[:2]}/{sha256}.pdf"

    def path(self, rel: str) -> Path:
        return self.root / rel

    def adopt(self, temp_path: Path, sha256: str) -> tuple[str, bool]:
        """Move a verified temp file into place; returns (relative path, newly created).

        Identical content is stored once; an existing blob is never overwritten.
        """
        rel = self.relpath(sha256)
        final = self.path(rel)
        if final.exists():
            temp_path.unlink(missing_ok=True)
            return rel, False
        final.parent.mkdir(parents=True, exist_ok=True)
        with open(temp_path, "rb") as f:
            os.fsync(f.fileno())
        os.replace(temp_path, final)
        os.chmod(final, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return rel, True

    def remove(self, rel: str) -> None:
        p = self.path(rel)
        if p.exists():
            os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
            p.unlink()

    def clean_tmp(self, tmp_dir: Path, older_than_s: float = 6 * 3600) -> None:
        """Remove leftovers of an import that was killed half-way (nothing refers to them).

        Only old ones: another process (the CLI beside the GUI) may be importing right now.
        """
        now = time.time()
        for p in tmp_dir.rglob("*"):
            try:
                if p.is_file() and now - p.stat().st_mtime > older_than_s:
                    p.unlink()
            except OSError:
                pass
