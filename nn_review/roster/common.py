"""Small lookups shared by the panel, draw and conflict services (inside a caller's transaction)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from ..store import StoreError
from ..store.models import Application, Panel, PanelApplication, ReviewSession


def session_row(s, session_id: int, *, must_be_open: bool = True) -> ReviewSession:
    sess = s.get(ReviewSession, session_id)
    if sess is None:
        raise StoreError(f"没有评审批次 {session_id}")
    if must_be_open and sess.state != "open":
        raise StoreError(f"评审批次“{sess.name}”已定稿锁定，不能再修改评审组、回避或分配")
    return sess


def panel_row(s, panel_id: int, *, must_be_open: bool = True) -> Panel:
    panel = s.get(Panel, panel_id)
    if panel is None:
        raise StoreError(f"没有评审组 {panel_id}")
    session_row(s, panel.session_id, must_be_open=must_be_open)
    return panel


def application_row(s, session_id: int, ref: int | str) -> Application:
    """An application of the session: ``str`` = 申报编号 (application_id), ``int`` = database id."""
    if isinstance(ref, int):
        app = s.get(Application, ref)
        app = app if app is not None and app.session_id == session_id else None
    else:
        app = s.scalar(select(Application).where(Application.session_id == session_id,
                                                Application.application_id == ref.strip()))
    if app is None:
        raise StoreError(f"本批次没有申报项目 {ref}")
    return app


def session_applications(s, session_id: int) -> list[Application]:
    return list(s.scalars(select(Application).where(Application.session_id == session_id)
                          .order_by(Application.application_id)))


def local_time(at: datetime | None) -> str:
    """A stored naive-UTC time as the secretary's local time with its UTC offset, for printed records:
    ``2026-12-01 14:03:22 (UTC+08:00)`` (a sheet read elsewhere must not be ambiguous)."""
    from ..zhfmt import local_time_with_offset
    if at is None:
        return ""
    return local_time_with_offset(at.replace(tzinfo=timezone.utc))


def panel_applications(s, panel_id: int) -> list[Application]:
    return list(s.scalars(select(Application).join(PanelApplication, PanelApplication.application_pk == Application.id)
                          .where(PanelApplication.panel_id == panel_id).order_by(Application.application_id)))
