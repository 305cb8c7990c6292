"""The expert roster (专家库) as plain data, and looking an expert up by what a secretary types.

``Expert.standing_conflicts`` (declared 回避) is stored as a list of
``{"kind": "unit" | "person", "name": "..."}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..store import Store, StoreError
from ..store.models import Expert


@dataclass(frozen=True)
class ExpertInfo:
    id: int
    roster_key: str
    name: str
    unit: str
    unit_credit_code: str | None
    title: str
    fields: list[str]
    phone: str
    email: str
    avoid_units: list[str]
    avoid_persons: list[str]
    active: bool = True  # False: 停用 (roster/edit.py) — kept, never drawn nor added to a panel


def expert_info(e: Expert) -> ExpertInfo:
    standing = e.standing_conflicts or []
    return ExpertInfo(e.id, e.roster_key, e.name, e.unit, e.unit_credit_code, e.title, list(e.fields or []),
                      e.phone, e.email, [c["name"] for c in standing if c.get("kind") == "unit"],
                      [c["name"] for c in standing if c.get("kind") == "person"], bool(e.active))


def standing_list(units: list[str], persons: list[str]) -> list[dict]:
    return [{"kind": "unit", "name": u} for u in units] + [{"kind": "person", "name": p} for p in persons]


# 停用 / 启用 (roster/edit.py): schema v8 has no column for it, the expert's last such audit
# event is the state.
DEACTIVATE, ACTIVATE = "roster.expert_deactivate", "roster.expert_activate"


def inactive_ids(s) -> set[int]:
    """Experts deactivated (停用) in the app (inside a caller's session)."""
    return set(s.scalars(select(Expert.id).where(Expert.active.is_(False))))


def list_experts(store: Store) -> list[ExpertInfo]:
    with store.read() as s:
        return [expert_info(e) for e in s.scalars(select(Expert).order_by(Expert.roster_key))]


def resolve_expert(store: Store, ref: int | str) -> int:
    """An expert by 专家编号 (roster key), database id, or exact name when that name is unique."""
    ref = str(ref).strip()
    with store.read() as s:
        row = s.scalar(select(Expert).where(Expert.roster_key == ref))
        if row is None and ref.isdigit():
            row = s.get(Expert, int(ref))
        if row is not None:
            return row.id
        named = s.scalars(select(Expert).where(Expert.name == ref)).all()
        if len(named) == 1:
            return named[0].id
        if named:
            keys = "、".join(f"{e.roster_key}（{e.unit}）" for e in named)
            raise StoreError(f"专家库中有 {len(named)} 位“{ref}”：{keys}；请改用专家编号")
    raise StoreError(f"专家库中没有专家 {ref!r}（可用专家编号、内部编号或姓名）")
