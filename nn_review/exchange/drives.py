"""Which removable drive (USB stick, SD card) a folder is on, if any (issue 20 item 3).

The hand-out warns when the bundles (for the USB stick) and the assignment letters (which carry
the passwords) are written onto one removable drive: whoever gets the stick then gets both.

* Linux: the mount point holding the folder (longest prefix in ``/proc/mounts``); removable when
  its block device (or the disk of its partition) says ``1`` in ``/sys/block/<disk>/removable``,
  or when it is mounted where udisks mounts media (``/media/…``, ``/run/media/…``): USB hard
  disks report 0 but are mounted there.
* Windows: ``GetDriveTypeW`` of the folder's drive is ``DRIVE_REMOVABLE`` (2).
* macOS: a volume under ``/Volumes/`` other than the start-up disk.

Best effort and read-only: anything unreadable counts as "not removable" (no warning), never an
error. Paths need not exist yet: the nearest existing parent decides.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MEDIA_ROOTS = ("/media/", "/run/media/")
DRIVE_REMOVABLE = 2


def _existing(path: Path) -> Path:
    p = Path(os.path.abspath(path))
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        return p.resolve()
    except OSError:
        return p


def _unescape(field: str) -> str:
    """``/proc/mounts`` writes space, tab, newline and backslash as octal escapes (``\\040``)."""
    out, i = [], 0
    while i < len(field):
        code = field[i + 1:i + 4]
        if field[i] == "\\" and len(code) == 3 and code.isdigit():
            out.append(chr(int(code, 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _mount_of(path: Path, mounts_text: str) -> tuple[str, str] | None:
    """(device, mount point) of the mount holding ``path`` (the longest matching mount point)."""
    best: tuple[str, str] | None = None
    text = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        dev, mnt = _unescape(parts[0]), _unescape(parts[1])
        inside = text == mnt or text.startswith(mnt.rstrip("/") + "/")
        if inside and (best is None or len(mnt) >= len(best[1])):
            best = (dev, mnt)
    return best


def _sys_removable(device: str, sys_root: Path) -> bool:
    """``/sys/block/<disk>/removable`` of the device (a partition is looked up by its disk)."""
    if not device.startswith("/dev/"):
        return False
    name = Path(device).name
    try:
        name = Path(os.path.realpath(device)).name if Path(device).is_symlink() else name
    except OSError:
        pass
    candidates = [sys_root / "block" / name / "removable"]
    part = sys_root / "class" / "block" / name
    try:  # /sys/class/block/sdb1 -> …/block/sdb/sdb1: the disk is the parent folder
        if part.exists():
            candidates.append(part.resolve().parent / "removable")
    except OSError:
        pass
    for c in candidates:
        try:
            if c.read_text(encoding="ascii").strip() == "1":
                return True
        except (OSError, UnicodeDecodeError):
            continue
    return False


def removable_root_linux(path: str | Path, mounts_text: str | None = None, sys_root: str | Path = "/sys",
                         media_roots: tuple[str, ...] = MEDIA_ROOTS) -> Path | None:
    """The mount point of the removable drive holding ``path`` on Linux, else None."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    found = _mount_of(_existing(Path(path)), mounts_text)
    if found is None or found[1] == "/":
        return None
    dev, mnt = found
    if any((mnt.rstrip("/") + "/").startswith(m) for m in media_roots) or _sys_removable(dev, Path(sys_root)):
        return Path(mnt)
    return None


def removable_root_macos(path: str | Path) -> Path | None:
    p = _existing(Path(path))
    parts = p.parts
    if len(parts) >= 3 and parts[1] == "Volumes":
        root = Path("/", "Volumes", parts[2])
        try:
            if root.resolve() == Path("/"):  # /Volumes/Macintosh HD is the start-up disk
                return None
        except OSError:
            return None
        return root
    return None


def removable_root_windows(path: str | Path) -> Path | None:  # pragma: no cover - Windows only
    import ctypes
    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return None
    root = drive + "\\"
    try:
        kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))
    except (AttributeError, OSError):
        return None
    return Path(root) if kind == DRIVE_REMOVABLE else None


def removable_root(path: str | Path) -> Path | None:
    """The root of the removable drive ``path`` is on (or would be created on), else None."""
    try:
        if sys.platform.startswith("win"):
            return removable_root_windows(path)
        if sys.platform == "darwin":
            return removable_root_macos(path)
        return removable_root_linux(path)
    except Exception:  # detection is a courtesy: never stop an export over it
        return None


def shared_removable_drive(a: str | Path, b: str | Path) -> Path | None:
    """The removable drive both folders are on, or None (different drives, or not removable)."""
    ra = removable_root(a)
    return ra if ra is not None and ra == removable_root(b) else None
