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


# -- is one folder (to be) the same as, inside or around another? (issue 20 item 3) ----------
#
# Paths are not compared as text: on a FAT/exFAT USB stick, on Windows and on macOS
# ``STICK/Out`` and ``STICK/out/letters`` are one folder and a folder inside it. A path is
# identified by its nearest existing ancestor (device and inode: symlinks, bind mounts and case
# do not matter) plus the names below it that do not exist yet, case-folded when that folder's
# filesystem ignores case.

CASE_INSENSITIVE_FS = frozenset({"vfat", "msdos", "exfat", "cifs", "smb3", "smbfs",
                                 "fuseblk"})  # fuseblk: exfat-fuse (and ntfs-3g: refuses more, never less)


def _stat(p: Path) -> os.stat_result | None:
    try:
        return os.stat(p)
    except (OSError, ValueError):
        return None


def fs_type_linux(path: str | Path, mounts_text: str | None = None) -> str:
    """The filesystem type (``vfat``, ``ext4`` …) of the mount holding ``path``; '' when unknown."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    best: tuple[str, str] | None = None
    text = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt = _unescape(parts[1])
        if (text == mnt or text.startswith(mnt.rstrip("/") + "/")) and (best is None or len(mnt) >= len(best[0])):
            best = (mnt, parts[2])
    return best[1] if best else ""


def _probe_case(folder: Path) -> bool | None:
    """Whether names in ``folder`` ignore case, by looking one of its entries up with its case
    swapped: the same file → yes; nothing (or another file) → no; None when no entry has letters."""
    try:
        with os.scandir(folder) as it:
            for n, entry in enumerate(it):
                if n > 200:
                    break
                name, swapped = entry.name, entry.name.swapcase()
                if swapped == name or swapped.casefold() != name.casefold():
                    continue
                a, b = _stat(folder / name), _stat(folder / swapped)
                if a is None:
                    continue
                return b is not None and os.path.samestat(a, b)
    except OSError:
        return None
    return None


def case_insensitive(folder: str | Path) -> bool:
    """Whether the existing ``folder`` looks names up ignoring case (new names created in it too):
    probed on an entry of it when it has one with letters; else Windows and macOS say yes, and on
    Linux a FAT/exFAT/SMB mount (``/proc/mounts``) does."""
    folder = Path(folder)
    probed = _probe_case(folder)
    if probed is not None:
        return probed
    if sys.platform.startswith("win") or sys.platform == "darwin":
        return True
    try:
        return fs_type_linux(folder) in CASE_INSENSITIVE_FS
    except Exception:
        return False


def _fold(name: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFC", name).casefold()


class _Identity:
    """Path → (device, inode of its nearest existing ancestor, the names below it), one check's cache."""

    def __init__(self, case_check=None):
        self.case_check = case_check or case_insensitive
        self.ci: dict[Path, bool] = {}

    def key(self, path: Path) -> tuple:
        p = Path(os.path.abspath(path))
        tail: list[str] = []
        st = _stat(p)
        while st is None and p != p.parent:
            tail.append(p.name)
            p = p.parent
            st = _stat(p)
        if st is None:
            return ("?", str(p), tuple(reversed(tail)))
        tail.reverse()
        if tail:
            if p not in self.ci:
                self.ci[p] = bool(self.case_check(p))
            if self.ci[p]:
                # a case-insensitive folder: an existing entry spelled otherwise is that entry
                while tail and (hit := self._entry(p, tail[0])) is not None:
                    p, st, tail = p / hit, _stat(p / hit) or st, tail[1:]
                tail = [_fold(t) for t in tail]
        return (st.st_dev, st.st_ino, tuple(tail))

    @staticmethod
    def _entry(folder: Path, name: str) -> str | None:
        want = _fold(name)
        try:
            with os.scandir(folder) as it:
                for e in it:
                    if _fold(e.name) == want and e.is_dir():
                        return e.name
        except OSError:
            return None
        return None


def folder_relation(a: str | Path, b: str | Path, case_check=None) -> str:
    """How folder ``b`` stands to folder ``a``: ``"same"``, ``"inside"`` (b in a), ``"around"`` (a in b)
    or ``""``. Neither needs to exist. ``case_check(existing_folder) -> bool`` replaces
    ``case_insensitive`` (tests)."""
    ids = _Identity(case_check)
    pa, pb = Path(os.path.realpath(a)), Path(os.path.realpath(b))
    ka, kb = ids.key(pa), ids.key(pb)
    if ka == kb:
        return "same"
    if any(ids.key(p) == ka for p in pb.parents):
        return "inside"
    if any(ids.key(p) == kb for p in pa.parents):
        return "around"
    return ""
