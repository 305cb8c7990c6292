"""The decisions of the funding plan (issue 21): budgets, template figures, 核定金额 (panel),
核减/调整 (secretary, reason required), 秘书审核 of rule-computed amounts. One write transaction
each, audited; refused once the 公示 is published (objections change the list then) or frozen.

CONTRACT: signatures fixed; the plan task implements them.
"""

from __future__ import annotations

from decimal import Decimal

from ..changes import operation
from ..store import Store


@operation
def set_budget(store: Store, session_id: int, scope: str, amount: Decimal | str | None, *, note: str = "") -> None:
    """``scope`` ``item:N`` or ``plan:<plan type id>``; ``amount`` None removes the budget."""
    raise NotImplementedError("issue 21: plan task")


@operation
def set_param(store: Store, session_id: int, item: int, param: str, value: Decimal | str | None, *,
              direction: int = 0, source: str = "") -> None:
    """A template figure from the notice; validated against the rule's param (unit, min, max)."""
    raise NotImplementedError("issue 21: plan task")


@operation
def approve_amount(store: Store, session_id: int, application: str | int, amount: Decimal | str | None, *,
                   reason: str, by: str = "leader") -> None:
    """核定金额: the panel sets the amount (≤ requested and cap); None withdraws it."""
    raise NotImplementedError("issue 21: plan task")


@operation
def adjust_amount(store: Store, session_id: int, application: str | int, amount: Decimal | str | None, *,
                  reason: str) -> None:
    """核减/调整 by the secretary (reason required); None withdraws the adjustment."""
    raise NotImplementedError("issue 21: plan task")


@operation
def confirm_amount(store: Store, session_id: int, application: str | int, *, note: str = "") -> None:
    """秘书审核: the secretary has checked a rule-computed amount against the documents."""
    raise NotImplementedError("issue 21: plan task")
