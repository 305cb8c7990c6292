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
        final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(temp_path, "rb") as f:
            os.fsync(f.fileno())
        os.replace(temp_path, final)
        os.chmod(final, stat.S_IRUSR)  # write-once, and the user's alone
        return rel, True

    def remove(self, rel: str) -> None:
        p = self.path(rel)
        if p.exists():
            os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
            p.unlink()

    def clean_tmp(self, tmp_dir: Path, older_than_s: float = 6 * 3600) -> None:
        """Remove stray old files in ``tmp`` (nothing refers to them).

        Working folders and their lock files are not touched here: housekeeping.sweep knows
        whether their process is alive. Only old files: another process may be using them now.
        """
        now = time.time()
        for p in tmp_dir.iterdir() if tmp_dir.is_dir() else ():
            try:
                if p.is_file() and not p.is_symlink() and not p.name.endswith(".lock") \
                        and now - p.stat().st_mtime > older_than_s:
                    p.unlink()
            except OSError:
                pass
