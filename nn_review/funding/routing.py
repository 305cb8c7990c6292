"""Which route an application takes (issue 21): an expert panel (经评审 / 择优) or the rule (the
amount follows from the guide; formal check → amount → secretary's review, no panel).

CONTRACT: signatures fixed; the routing task implements them.
"""

from __future__ import annotations

from ..guide import Guide
from ..guide.funding_schema import FundingRule

PANEL, RULE = "panel", "rule"
NO_REVIEW_CODE = "panel.no_review_item"   # FundingError/PanelError code: a rule-route item put in a panel


def funding_rule(guide: Guide, item: int | None, direction: int | None) -> FundingRule | None:
    """The rule of the direction if it has its own, else the item's; None when the guide has none."""
    raise NotImplementedError("issue 21: routing task")


def route_of(guide: Guide, item: int | None, direction: int | None) -> str:
    """PANEL or RULE; PANEL when the guide says nothing (consortium packages, guides without rules)."""
    raise NotImplementedError("issue 21: routing task")
