"""Small reads for the screens (issue 21): cheap questions a page asks before it builds the whole
plan (``plan.funding_plan`` merges every panel of the session)."""

from __future__ import annotations

from sqlalchemy import exists, select

from ..store import Store
from ..store.models import Application, FundingBudget, FundingDecision, FundingPublicity


def plan_in_use(store: Store, session_id: int) -> bool:
    """Has the secretary started the session's funding plan: a budget entered, an amount decided
    (核定 / 核减 / 秘书审核) or a 公示? One read, three EXISTS."""
    with store.read() as s:
        return bool(s.scalar(select(
            exists().where(FundingBudget.session_id == session_id)
            | exists().where(FundingPublicity.session_id == session_id)
            | exists().where(FundingDecision.application_pk == Application.id,
                             Application.session_id == session_id))))
