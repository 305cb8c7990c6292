"""User-only permissions for the user's private data (the store, the expert workspace).

The store holds every package's PDFs, the per-bundle HMAC secrets and the secretary's keys:
on POSIX folders are 0700 and files 0600 (write-once blobs 0400), set when made and fixed
when an older, world-readable store is opened. On Windows the folder gets an ACL that grants
the current user alone, inherited by everything below (``icacls``).
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
WINDOWS_MARK = ".acl-user-only"  # the ACL was applied (icacls on a big tree is not free)


def private_tree(root: str | Path) -> None:
    """Make ``root`` and everything under it user-only (symlinks are not followed)."""
    root = Path(root)
    if os.name == "nt":  # pragma: no cover - Windows only
        _windows_private(root)
        return
    _fix(root, DIR_MODE)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            _fix(Path(dirpath) / name, DIR_MODE)
        for name in filenames:
            _fix(Path(dirpath) / name, FILE_MODE)


def _fix(p: Path, mode: int) -> None:
    """Drop group/other bits; a directory also gets full user access (0700), a file keeps its
    user bits (a read-only blob stays 0400)."""
    try:
        st = os.lstat(p)
    except OSError:
        return
    if stat.S_ISLNK(st.st_mode):
        return
    cur = stat.S_IMODE(st.st_mode)
    want = DIR_MODE if stat.S_ISDIR(st.st_mode) else (cur & 0o700) or mode
    if cur != want:
        try:
            os.chmod(p, want)
        except OSError:
            pass


def private_dir(path: str | Path) -> Path:
    """``mkdir -p`` with a user-only final folder (also when it already existed)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if os.name != "nt":  # on Windows a folder inherits the user-only ACL of the store / workspace
        _fix(path, DIR_MODE)
    return path


def create_private_file(path: str | Path) -> None:
    """Create ``path`` empty and user-only if it does not exist (an SQLite database made this way
    is never world-readable, not even for a moment)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass


def windows_user() -> str:
    """``DOMAIN\\user`` of the current Windows user (from the environment)."""
    user = os.environ.get("USERNAME") or ""
    if not user:
        import getpass
        user = getpass.getuser()
    domain = os.environ.get("USERDOMAIN") or ""
    return f"{domain}\\{user}" if domain else user


def icacls_command(path: str | Path, user: str) -> list[str]:
    """Replace the ACL of ``path`` by: full control for ``user`` alone, inherited by every file
    and folder below (``(OI)(CI)``); inherited entries from above (Users, Everyone) are dropped."""
    return ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F", "/C", "/Q"]


def _windows_private(root: Path, run=subprocess.run) -> bool:  # pragma: no cover - Windows only
    mark = root / WINDOWS_MARK
    if mark.exists():
        return True
    try:
        done = run(icacls_command(root, windows_user()), capture_output=True, timeout=120,
                   creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except (OSError, subprocess.SubprocessError):
        return False
    if done.returncode != 0:
        return False
    try:
        mark.write_text("icacls /inheritance:r /grant:r <user>:(OI)(CI)F\n", encoding="ascii")
    except OSError:
        pass
    return True
