"""What the secretary hands out for a panel: every expert's bundle plus its assignment letter.

The CLI verb ``session bundles`` and the GUI's export both call ``prepare_handout``. The bundles
(``.nnrb``, encrypted: for the USB stick) and the letters (PDF: the only place the passwords exist
besides the one-time screen) never go into one folder (issue 20 item 3): the letters go into
their own folder, which may be neither inside the bundles' folder nor contain it, or — GUI
choice — are not written at all and only printed / saved as PDF from the password screen.
``shared_drive_warning`` says when both folders are on one removable drive.
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
from ..formats.errors import ExchangeError
from . import drives
from .bundles import BundleInfo, export_panel_bundles
from .letter import assignment_letter_pdf, write_assignment_letter
from ..changes import operation
from ..i18n import M, Msg, Problem

LETTER_SUFFIX = "-任务通知书.pdf"


@dataclass(frozen=True)
class Handout:
    bundle: BundleInfo
    letter: Path | None          # the letter's file; None when letters are only printed / saved as PDF
    letter_error: str = ""       # the letter could not be made: the password must still be shown
    letter_pdf: bytes = b""      # the letter itself when it was not written to a file


def letter_path(info: BundleInfo, letters_dir: str | Path) -> Path:
    return Path(letters_dir) / f"{info.path.stem}{LETTER_SUFFIX}"


def _abs(p: str | Path) -> Path:
    try:
        return Path(p).expanduser().resolve()
    except OSError:
        return Path(p).expanduser().absolute()


def check_handout_folders(out_dir: str | Path, letters_dir: str | Path | None) -> None:
    """Refuse a letters folder that is the bundles' folder, inside it, or holds it: whoever copies
    the bundles' folder onto the USB stick would copy the passwords too."""
    if letters_dir is None:
        return
    b, l = _abs(out_dir), _abs(letters_dir)
    # Not as text: by the identity of the nearest existing folders, and ignoring case where the
    # filesystem does (a FAT/exFAT stick, Windows, macOS: STICK/Out and STICK/out/letters).
    relation = drives.folder_relation(b, l)
    if relation == "same":
        key, zh = "handout.letters_same", f"任务通知书文件夹不能与评审包文件夹相同（{b}）"
    elif relation == "inside":
        key, zh = "handout.letters_inside", f"任务通知书文件夹 {l} 在评审包文件夹 {b} 之内"
    elif relation == "around":
        key, zh = "handout.bundles_inside", f"评审包文件夹 {b} 在任务通知书文件夹 {l} 之内"
    else:
        return
    e = ExchangeError(zh + "：任务通知书载有密码，不能与评审包放在一起；请另选一个不在其中的文件夹", key)
    e.problem = Problem(M(key, bundles=str(b), letters=str(l)), M("handout.todo.other_folder"),
                        detail=f"{zh} ({key})")
    raise e


def shared_drive_warning(out_dir: str | Path, letters_dir: str | Path | None) -> Msg | None:
    """The warning when bundles and letters would be written onto one removable drive (USB stick):
    whoever holds the stick would hold the passwords too. None otherwise."""
    if letters_dir is None:
        return None
    root = drives.shared_removable_drive(out_dir, letters_dir)
    return M("handout.same_removable", drive=str(root)) if root is not None else None


@operation
def prepare_handout(store: Store, panel_id: int, out_dir: str | Path, *, letters_dir: str | Path | None = None,
                    deadline: date | None = None, progress: Callable[[int, int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None, **kw) -> list[Handout]:
    """The panel's bundles into ``out_dir`` (all or nothing; ``[]`` when cancelled), then one letter
    per bundle into ``letters_dir`` — or, without ``letters_dir``, kept in memory (``letter_pdf``) to
    be printed or saved as PDF. A ``letters_dir`` in or around ``out_dir`` is refused first."""
    check_handout_folders(out_dir, letters_dir)
    infos = export_panel_bundles(store, panel_id, out_dir, deadline=deadline, progress=progress, cancel=cancel, **kw)
    if not infos:  # cancelled: nothing was written
        return []
    with store.read() as s:
        session_id = s.scalar(select(Panel.session_id).where(Panel.id == panel_id))
        experts = {e.id: e for e in s.scalars(select(Expert).where(Expert.id.in_([i.expert_id for i in infos])))}
    session = get_session(store, session_id)
    out: list[Handout] = []
    folder_error: Exception | None = None
    if letters_dir is not None:
        try:
            Path(letters_dir).mkdir(parents=True, exist_ok=True)
        except OSError as e:
            folder_error = e
    for i in infos:  # the bundles are committed: a failing letter must not hide the passwords
        expert = experts[i.expert_id]
        if letters_dir is None:
            try:
                out.append(Handout(i, None, letter_pdf=assignment_letter_pdf(i, expert, session, deadline)))
            except Exception as e:
                out.append(Handout(i, None, str(M("handout.letter_not_made", name=i.expert_name, error=e))))
            continue
        path = letter_path(i, letters_dir)
        try:
            if folder_error is not None:
                raise folder_error
            out.append(Handout(i, write_assignment_letter(path, i, expert, session, deadline)))
        except Exception as e:  # disk full, permissions, …
            # In the process language (the GUI's; the CLI's is Chinese): the password dialog shows it.
            out.append(Handout(i, path, str(M("handout.letter_failed", path=path, error=e))))
    return out
