"""The amount a guide item's funding rule gives one application (issue 21).

CONTRACT: signatures fixed; the rules task implements them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..guide.funding_schema import FundingRule
from .model import Computed

CENT = Decimal("0.01")


def quantize(d: Decimal) -> Decimal:
    """Money as the sheets show it: 0.01 万元, half-up (docs/funding.md, "Amounts")."""
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def compute(rule: FundingRule, facts: Mapping[str, Any], params: Mapping[str, Decimal], *,
            requested: Decimal) -> Computed:
    """Evaluate ``rule.amount`` (None: the requested amount) on the application's facts
    (``checks.facts.extract_facts``) and the session's template figures, then the cap."""
    raise NotImplementedError("issue 21: rules task")
