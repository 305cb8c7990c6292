"""Annex data of a panel's summary: its draw records (随机抽取记录) and its conflicts (回避情况)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..roster.common import local_time
from ..roster.draw import draw_record_text
from ..store import Store
from ..store.models import Application, Conflict, Draw, Expert, PanelApplication

SOURCE_ZH = {"auto": "自动识别", "manual": "秘书登记", "declared": "专家声明"}


@dataclass
class Annexes:
    draws: list[str] = field(default_factory=list)          # printable texts, one per draw
    conflicts: list[dict] = field(default_factory=list)     # expert, application_id, source, reason, state, note


def panel_annexes(store: Store, panel_id: int) -> Annexes:
    with store.read() as s:
        draw_ids = list(s.scalars(select(Draw.id).where(Draw.panel_id == panel_id).order_by(Draw.id)))
        rows = s.execute(
            select(Conflict, Expert.name, Expert.roster_key, Application.application_id)
            .join(Expert, Expert.id == Conflict.expert_id)
            .join(Application, Application.id == Conflict.application_pk)
            .join(PanelApplication, PanelApplication.application_pk == Conflict.application_pk)
            .where(PanelApplication.panel_id == panel_id)
            .order_by(Application.application_id, Expert.roster_key, Conflict.id)).all()
        conflicts = [{"expert": name, "roster_key": key, "application_id": aid,
                      "source": SOURCE_ZH.get(c.source, c.source), "reason": c.reason,
                      "state": "已撤销" if c.dismissed else "回避", "note": c.dismiss_reason,
                      "at": local_time(c.created_at)} for c, name, key, aid in rows]
    return Annexes([draw_record_text(store, i) for i in draw_ids], conflicts)
