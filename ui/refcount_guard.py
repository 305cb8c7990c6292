"""Work-around for reference leaks in PySide6 6.12 on CPython 3.11.

A Qt method returning ``void`` hands ``None`` back without a new reference, and a Python
override of a virtual returning ``bool`` (``eventFilter`` → ``True``) loses one reference to
that bool: ``None``'s count drops by ~25 per graded criterion, ``True``'s by ~3. When either
reaches 0 the interpreter aborts ("none_dealloc" / "bool_dealloc") — after a couple of thousand
keystrokes in a long grading session, losing nothing committed but stopping the expert's work.

:func:`install` keeps those counts far from 0: whenever one falls below ``LOW`` a list holding
``CHUNK`` references to it is added and deliberately never freed (freeing it at exit would
drive the count to 0 again). CPython ≥ 3.12 makes these objects immortal: nothing to do there.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer

GUARDED = (None, True, False)
CHUNK = 1_000_000   # ~8 MB of pointers per top-up
LOW = 500_000
_bank: list[list] = []
_timer: QTimer | None = None


def needed() -> bool:
    return sys.version_info < (3, 12)


def top_up() -> None:
    if not needed():
        return
    for obj in GUARDED:
        if sys.getrefcount(obj) < LOW:
            chunk = [obj] * CHUNK
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))  # never freed, so never given back
            _bank.append(chunk)


def install(parent: QObject | None = None) -> None:
    """Top up now and every second (idempotent; the timer lives with the application object)."""
    global _timer
    top_up()
    if _timer is None and needed():
        _timer = QTimer(QCoreApplication.instance() or parent)
        _timer.setInterval(1000)
        _timer.timeout.connect(top_up)
        _timer.start()
