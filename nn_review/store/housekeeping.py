"""Working folders owned by a live process, and the clean-up of those a killed process left.

A working folder (an import's ``<store>/tmp/import-*`` with the plaintext PDFs being read, a
report run's hidden ``.nn-report-*`` folder with finished, possibly signed sheets) has a
sibling lock file ``<folder>.lock`` that its process holds for as long as it works
(:mod:`.locks`; the OS releases it when the process dies). The lock is taken before the folder
is made, so a sweeper never sees a live folder whose lock is free: a folder whose lock it can
take belongs to nobody and is removed. Folders without a lock file (made by older versions)
are removed once old enough that no import can still be running in them.

Report folders live outside the store (in the folder the user chose); while one exists it is
listed in ``<store>/tmp/work/`` so the next start of the app finds it even if that output
folder is never used again.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from pathlib import Path

from .locks import FileLock

LOCK = ".lock"
LEGACY_AGE_S = 6 * 3600       # a folder without a lock file (older versions): old enough = abandoned
REGISTRY = "work"             # <store>/tmp/work/<name>.path → a working folder outside the store


class WorkDir:
    """A private working folder ``parent/<prefix><hex>``; ``close()`` removes it."""

    def __init__(self, parent: str | Path, prefix: str, *, registry: Path | None = None):
        parent = Path(parent)
        parent.mkdir(parents=True, exist_ok=True)
        name = f"{prefix}{uuid.uuid4().hex}"
        self.lock = FileLock(parent / f"{name}{LOCK}")
        if not self.lock.try_acquire():  # a fresh name nobody else knows of
            raise OSError(f"无法锁定工作目录 {parent / name}")
        self.path = parent / name
        self.entry: Path | None = None
        try:
            self.path.mkdir(mode=0o700)
            if registry is not None:
                registry.mkdir(parents=True, exist_ok=True, mode=0o700)
                self.entry = registry / f"{name}.path"
                self.entry.write_text(str(self.path.resolve()), encoding="utf-8")
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        _remove(self.path, self.lock)
        if self.entry is not None:
            self.entry.unlink(missing_ok=True)

    def __enter__(self) -> WorkDir:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _remove(path: Path, lock: FileLock) -> None:
    """Remove the folder, then its lock file (we hold the lock: nobody else works in it)."""
    if path.is_dir() and not path.is_symlink():
        rmtree(path)
    lock.release()
    try:
        lock.path.unlink()
    except OSError:
        pass


def _force(func, p, _exc) -> None:
    """rmtree's error hook: a read-only file (Windows refuses to delete those) is made writable."""
    try:
        os.chmod(p, 0o700)
        func(p)
    except OSError:
        pass


def rmtree(path: Path) -> None:
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=_force)
    else:
        shutil.rmtree(path, onerror=_force)


def sweep(parent: str | Path, prefix: str, *, legacy_age_s: float = LEGACY_AGE_S) -> list[Path]:
    """Remove the abandoned working folders ``parent/<prefix>*`` (and their lock files); returns
    the folders removed. A folder whose process is still alive is left alone."""
    parent = Path(parent)
    removed: list[Path] = []
    try:
        entries = [p for p in parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    now = time.time()
    for p in entries:
        try:
            if p.is_symlink():
                continue
            if p.name.endswith(LOCK) and p.is_file():
                folder = p.with_name(p.name[:-len(LOCK)])
                lock = FileLock(p)
                if lock.try_acquire():
                    if folder.is_dir():
                        removed.append(folder)
                    _remove(folder, lock)
                continue
            if p.is_dir() and not p.with_name(p.name + LOCK).exists() \
                    and now - p.stat().st_mtime > legacy_age_s:
                rmtree(p)
                removed.append(p)
        except OSError:
            continue
    return removed


def sweep_registered(registry: str | Path, prefix: str) -> list[Path]:
    """Remove abandoned working folders outside the store that are listed in ``registry``."""
    registry = Path(registry)
    removed: list[Path] = []
    try:
        entries = sorted(registry.glob("*.path"))
    except OSError:
        return removed
    for entry in entries:
        try:
            target = Path(entry.read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            entry.unlink(missing_ok=True)
            continue
        # Only ever a folder we made: our prefix, next to its lock file.
        if target.name.startswith(prefix) and target.with_name(target.name + LOCK).exists():
            removed += sweep(target.parent, target.name)
        # Forget it once it is gone; keep it while its folder cannot be seen (a USB drive not plugged in).
        if target.parent.is_dir() and not target.with_name(target.name + LOCK).exists():
            entry.unlink(missing_ok=True)
    return removed
