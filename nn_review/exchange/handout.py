"""What the secretary hands out for a panel: every expert's bundle plus its assignment letter.

The CLI verb ``session bundles`` and the GUI's export both call ``prepare_handout``, so the
letters (the only place the passwords exist besides the one-time screen) are always written
next to the bundles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..services.sessions import get_session
from ..store import Store
from ..store.models import Expert, Panel
from .bundles import BundleInfo, export_panel_bundles
from .letter import write_assignment_letter
from ..changes import operation
from ..i18n import M


@dataclass(frozen=True)
class Handout:
    bundle: BundleInfo
    letter: Path
    letter_error: str = ""   # the letter could not be written: the password must still be shown


def letter_path(info: BundleInfo) -> Path:
    return info.path.with_name(f"{info.path.stem}-任务通知书.pdf")


@operation
def prepare_handout(store: Store, panel_id: int, out_dir: str | Path, *, deadline: date | None = None,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None, **kw) -> list[Handout]:
    """The panel's bundles (all or nothing; ``[]`` when cancelled), then one letter per bundle."""
    infos = export_panel_bundles(store, panel_id, out_dir, deadline=deadline, progress=progress, cancel=cancel, **kw)
    if not infos:  # cancelled: nothing was written
        return []
    with store.read() as s:
        session_id = s.scalar(select(Panel.session_id).where(Panel.id == panel_id))
        experts = {e.id: e for e in s.scalars(select(Expert).where(Expert.id.in_([i.expert_id for i in infos])))}
    session = get_session(store, session_id)
    out: list[Handout] = []
    for i in infos:  # the bundles are committed: a failing letter must not hide the passwords
        try:
            out.append(Handout(i, write_assignment_letter(letter_path(i), i, experts[i.expert_id], session,
                                                          deadline)))
        except Exception as e:  # disk full, permissions on the USB stick, …
            # In the process language (the GUI's; the CLI's is Chinese): the password dialog shows it.
            out.append(Handout(i, letter_path(i), str(M("handout.letter_failed", path=letter_path(i), error=e))))
    return out
