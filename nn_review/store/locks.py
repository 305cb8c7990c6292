"""Advisory file locks held by a live process (released by the OS when the process dies).

POSIX: ``flock`` (per open file, so two threads of one process with their own ``FileLock``
exclude each other too); Windows: ``msvcrt.locking`` on the first byte. A lock file holds
the owner's pid and start time, for messages only; whether it is held is what counts, so
a killed owner never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on ``path`` (created user-only if missing)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.fd: int | None = None

    def try_acquire(self) -> bool:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The file may have been removed (a sweeper holding it) between open and lock: then the
            # lock is on an orphan inode and protects nothing; take the new file instead.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if same:
                break
            os.close(fd)
        self.fd = fd
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {datetime.now().isoformat(timespec='seconds')}\n".encode())
        return True

    def acquire(self, *, wait: float | None = None, poll: float = 0.2, cancel=None, on_wait=None) -> bool:
        """Wait for the lock (``wait`` seconds, None = no limit); False when timed out or cancelled.
        ``on_wait(owner)`` is called once when the lock is found taken."""
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while not self.try_acquire():
            if not told and on_wait:
                on_wait(self.owner())
                told = True
            if cancel and cancel():
                return False
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(poll)
        return True

    def owner(self) -> str:
        """``pid started-at`` as written by the holder (best effort)."""
        try:
            return self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return ""

    def release(self) -> None:
        if self.fd is not None:
            _unlock(self.fd)
            os.close(self.fd)
            self.fd = None

    @property
    def held(self) -> bool:
        return self.fd is not None

    def __enter__(self) -> FileLock:
        if not self.try_acquire():
            raise BlockingIOError(f"locked: {self.path}")
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def is_held_elsewhere(path: str | Path) -> bool:
    """True when a live owner (another process, or another handle of this one) holds ``path``."""
    lock = FileLock(path)
    try:
        if lock.try_acquire():
            lock.release()
            return False
    except OSError:
        return True  # cannot even open it: do not treat as abandoned
    return True
