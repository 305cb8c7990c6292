"""What the decided objections (异议) do to the plan and to the published list (issue 21): pure
functions over the plan's data, shared by the plan (``plan.funding_plan``, after the 公示) and the
publicity (``publicity.freeze``, the 立项 list)."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from . import model as fm
from .model import PublicityInfo

CENT = Decimal("0.01")


def amount_text(value: Decimal) -> str:
    return str(Decimal(value).quantize(CENT, ROUND_HALF_UP))


def apply_objections(plan: fm.FundingPlan, publicity: PublicityInfo | None) -> fm.FundingPlan:
    """The plan with the decided objections applied (in the order they were decided): 撤销 → the line
    is REVOKED and no longer counted, 调整 → the new amount; allocated, cumulative, remaining and
    over_budget re-summed. The funding line stays where it was published. Changes ``plan`` in place."""
    if publicity is None:
        return plan
    decided = sorted((o for o in publicity.objections if o.outcome),
                     key=lambda o: (o.decided_at or datetime.min, o.id))
    if not decided:
        return plan
    for o in decided:
        ln = plan.line(o.application_id)
        if ln is None or ln.status not in (fm.FUNDED, fm.REVOKED):
            continue
        if o.outcome == "revoke":
            ln.status = fm.REVOKED
            ln.objection = f"异议撤销（#{o.id}）"
        elif o.outcome == "adjust" and o.amount is not None and ln.status == fm.FUNDED:
            new = Decimal(o.amount).quantize(CENT, ROUND_HALF_UP)
            ln.objection = f"异议调整（#{o.id}）{amount_text(ln.proposed)}→{amount_text(new)}"
            ln.proposed = new
    for sc in plan.scopes:
        allocated = Decimal(0)
        for ln in sc.lines:
            if ln.status == fm.FUNDED and ln.proposed is not None:
                allocated += ln.proposed
                ln.cumulative = allocated
            elif ln.status == fm.REVOKED:
                ln.cumulative = None
        sc.allocated = allocated
        if sc.budget is not None:
            sc.remaining = sc.budget - allocated
            sc.over_budget = allocated - sc.budget if allocated > sc.budget else None
    return plan


def apply_outcomes(lines: list[dict], decided: list[tuple[str, str, Decimal | None]]) -> list[dict]:
    """The published ``lines`` with the decided objections (application id, outcome, amount) applied
    in order: 调整 sets the amount, 撤销 removes the line, 维持 leaves it."""
    out = {e["application_id"]: dict(e) for e in lines}
    revoked = set()
    for aid, outcome, amount in decided:
        if aid not in out:
            continue
        if outcome == "revoke":
            revoked.add(aid)
        elif outcome == "adjust" and amount is not None:
            out[aid]["amount"] = amount_text(amount)
    return [out[e["application_id"]] for e in lines if e["application_id"] not in revoked]
