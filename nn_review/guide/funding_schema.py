"""The ``funding`` block of a guide item or direction (issue 21): how much an application of it
receives, and whether it needs an expert panel. Grammar in resources/guides/SCHEMA.md
("Funding rules"); amounts are computed by ``nn_review.funding.amounts``.

CONTRACT (issue 21): the dataclasses are fixed; ``parse_funding`` is filled in by the rules task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

ROUTES = ("panel", "rule")   # panel: 经评审/择优 (expert panel ranks); rule: computed, no panel


@dataclass(frozen=True)
class FundingParam:
    """A figure the secretary fills in per session from the notice (具体申报事项另行通知)."""
    id: str
    label: str                      # Chinese label shown where it is asked for
    unit: str = ""                  # "%" | "万元" | ""
    min: Decimal | None = None
    max: Decimal | None = None


@dataclass(frozen=True)
class Exclusive:
    """不能重复享受: an applicant (by credit code) funded here must not also be funded under these."""
    items: tuple[int, ...] = ()                  # whole items
    directions: tuple[tuple[int, int], ...] = ()  # (item, direction)
    text: str = ""                               # the guide's sentence, verbatim


@dataclass(frozen=True)
class FundingRule:
    route: str                      # one of ROUTES
    text: str                       # the source sentence(s), verbatim
    cap: Any = None                 # None | number (万元) | {"param": id}: per-application ceiling
    amount: Any = None              # amount expression (raw JSON, validated); None: the requested amount
    params: tuple[FundingParam, ...] = ()
    exclusive: Exclusive | None = None
    note: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def parse_funding(v, data: Any, path: str) -> FundingRule:
    """Validate one ``funding`` object (``v`` is the catalog's validator: ``v.fail(path, msg)``,
    ``v.rule(expr, path)`` for conditions) and return it parsed."""
    raise NotImplementedError("issue 21: rules task")
