"""Drafts of the panel's opinion (专家组意见) being typed, one per application (issue 15 item 1).

The results page saves what the secretary types — on a row change, when the editor loses
focus, when the window closes and a second after typing stops — so no text is lost before the
consensus is recorded. A draft is not a result: it touches ``Kind.DRAFTS`` only (no page's
figures change), it is not audited (it is rewritten every few seconds), and
:func:`~.consensus.set_consensus` deletes it in its own write transaction (kept when recording
is refused). Empty text, or the text already on record, deletes the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, select

from ..changes import operation
from ..forms import MAX_TEXT_CHARS
from ..i18n import M
from ..store import Store
from ..store.lookup import application_in
from ..store.models import Application, Consensus, ConsensusDraft, PanelApplication, utcnow
from .consensus import require_open
from .errors import ResultsError


@dataclass(frozen=True)
class Draft:
    application_id: str
    text: str
    author: str
    updated_at: datetime          # UTC, naive (as stored)

    @property
    def local_time(self) -> datetime:
        return self.updated_at.replace(tzinfo=timezone.utc).astimezone()

    def to_json(self) -> dict:
        return {"application_id": self.application_id, "text": self.text, "author": self.author,
                "updated_at": self.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")}


def _application(s, session_id: int, application: str | int) -> Application:
    app = application_in(s, session_id, application)
    if app is None:
        raise ResultsError(f"本批次没有申报项目 {application}", "results.application",
                           msg=M("results.err.no_application", application=str(application)))
    return app


@operation
def save_draft(store: Store, session_id: int, application: str | int, text: str, author: str = "") -> Draft | None:
    """Keep ``text`` as the draft of the panel's opinion on ``application``; returns it, or None when
    the draft was removed (empty text, or the same as the recorded consensus)."""
    text = text or ""
    if len(text) > MAX_TEXT_CHARS:
        raise ResultsError(f"专家组意见最多 {MAX_TEXT_CHARS} 个字符，实际 {len(text)} 个", "draft.too_long",
                           msg=M("results.err.draft_too_long", limit=MAX_TEXT_CHARS, actual=len(text)))
    with store.write() as s:
        require_open(s, session_id, "修改专家组意见")
        app = _application(s, session_id, application)
        row = s.scalar(select(ConsensusDraft).where(ConsensusDraft.application_pk == app.id))
        recorded = s.scalar(select(Consensus.text).where(Consensus.application_pk == app.id))
        if not text.strip() or text.strip() == (recorded or "").strip():
            if row is not None:
                s.delete(row)
            return None
        if row is None:
            row = ConsensusDraft(application_pk=app.id)
            s.add(row)
        elif row.text == text:
            return Draft(app.application_id, row.text, row.author, row.updated_at)  # nothing to write
        row.text, row.author, row.updated_at = text, author or store.actor, utcnow()
        return Draft(app.application_id, row.text, row.author, row.updated_at)


@operation
def clear_draft(store: Store, session_id: int, application: str | int) -> bool:
    """Throw the draft away; True when there was one."""
    with store.write() as s:
        require_open(s, session_id, "修改专家组意见")
        app = _application(s, session_id, application)
        return bool(s.execute(delete(ConsensusDraft).where(ConsensusDraft.application_pk == app.id)).rowcount)


def get_draft(store: Store, session_id: int, application: str | int) -> Draft | None:
    with store.read() as s:
        app = _application(s, session_id, application)
        row = s.scalar(select(ConsensusDraft).where(ConsensusDraft.application_pk == app.id))
        return None if row is None else Draft(app.application_id, row.text, row.author, row.updated_at)


def panel_drafts(store: Store, panel_id: int) -> dict[str, Draft]:
    """Every draft of a panel's applications, by 申报编号 (one read, for the results page)."""
    with store.read() as s:
        rows = s.execute(select(Application.application_id, ConsensusDraft.text, ConsensusDraft.author,
                                ConsensusDraft.updated_at)
                         .join(ConsensusDraft, ConsensusDraft.application_pk == Application.id)
                         .join(PanelApplication, PanelApplication.application_pk == Application.id)
                         .where(PanelApplication.panel_id == panel_id))
        return {r.application_id: Draft(r.application_id, r.text, r.author, r.updated_at) for r in rows}


def session_drafts(store: Store, session_id: int) -> list[Draft]:
    with store.read() as s:
        rows = s.execute(select(Application.application_id, ConsensusDraft.text, ConsensusDraft.author,
                                ConsensusDraft.updated_at)
                         .join(ConsensusDraft, ConsensusDraft.application_pk == Application.id)
                         .where(Application.session_id == session_id).order_by(Application.application_id))
        return [Draft(r.application_id, r.text, r.author, r.updated_at) for r in rows]
