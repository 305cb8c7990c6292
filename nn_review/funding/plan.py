"""The funding plan (资金安排建议) of a session (issue 21; docs/funding.md, "The plan").

CONTRACT: signatures fixed; the plan task implements them.
"""

from __future__ import annotations

from ..store import Store
from .model import FundingPlan


def funding_plan(store: Store, session_id: int) -> FundingPlan:
    """The plan from the session's results, rules, budgets and decisions, in one read."""
    raise NotImplementedError("issue 21: plan task")
