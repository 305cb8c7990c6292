"""Finding a session's application the way every command names one: by its row id (an ``int``,
from the UI) or by its 申报编号 (text, from the CLI; surrounding spaces ignored)."""

from __future__ import annotations

from sqlalchemy import select

from .models import Application


def application_in(s, session_id: int, ref: str | int) -> Application | None:
    if isinstance(ref, int):
        app = s.get(Application, ref)
        return app if app is not None and app.session_id == session_id else None
    return s.scalar(select(Application).where(Application.session_id == session_id,
                                              Application.application_id == str(ref).strip()))
