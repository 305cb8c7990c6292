"""Review sessions (评审批次)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..store import Store, StoreError
from ..store.models import Application, ReviewSession
from .guides import edition_row
from ..changes import operation

FORMS = {"form-a": "表A 科技计划项目立项评审", "form-b": "表B 创新联合体综合评估"}


@dataclass(frozen=True)
class SessionInfo:
    id: int
    name: str
    start_date: date | None
    end_date: date | None
    edition: str
    edition_version: str
    form_template: str
    state: str
    applications: int


@operation
def create_session(store: Store, name: str, *, edition: str = "nanning-seed", version: str | None = None,
                   start: date | None = None, end: date | None = None, form: str = "form-a") -> int:
    name = name.strip()
    if not name:
        raise StoreError("批次名称不能为空")
    if form not in FORMS:
        raise StoreError(f"未知评审表 {form!r}（可选：{', '.join(FORMS)}）")
    if start and end and end < start:
        raise StoreError(f"结束日期 {end} 早于开始日期 {start}")
    with store.write() as s:
        row = ReviewSession(name=name, start_date=start, end_date=end, form_template=form,
                            guide_edition_id=edition_row(s, edition, version).id)
        s.add(row)
        s.flush()
        store.audit(s, "session.create", row.id, name=name, edition=edition, form=form)
        return row.id


def list_sessions(store: Store) -> list[SessionInfo]:
    with store.read() as s:
        counts = dict(s.execute(select(Application.session_id, func.count()).group_by(Application.session_id)).all())
        rows = s.scalars(select(ReviewSession).order_by(ReviewSession.id)).all()
        return [SessionInfo(r.id, r.name, r.start_date, r.end_date, r.guide_edition.edition,
                            r.guide_edition.version, r.form_template, r.state, counts.get(r.id, 0)) for r in rows]


def resolve_session(store: Store, ref: int | str | None) -> int:
    """A session by id or exact name; the newest one when ``ref`` is None."""
    sessions = list_sessions(store)
    if not sessions:
        raise StoreError("存储中还没有评审批次：先运行 nn-review session create 名称")
    if ref is None:
        return sessions[-1].id
    for info in sessions:
        if str(info.id) == str(ref) or info.name == ref:
            return info.id
    raise StoreError(f"没有评审批次 {ref!r}（现有：{', '.join(f'{i.id} {i.name}' for i in sessions)}）")


def get_session(store: Store, session_id: int) -> SessionInfo:
    for info in list_sessions(store):
        if info.id == session_id:
            return info
    raise StoreError(f"没有评审批次 {session_id}")
