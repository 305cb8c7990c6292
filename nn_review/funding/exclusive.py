"""不能重复享受 (issue 21): one applicant (credit code) funded under two things the guide says it may
not both receive (item 23: 企业研发奖补不能与瞪羚企业奖补、科技项目（前资助）、后补助项目等重复享受).
Flagged for the secretary, never resolved silently.

CONTRACT: signatures fixed; the routing task implements them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..guide.funding_schema import Exclusive
from .model import ExclusiveFlag


@dataclass(frozen=True)
class Entry:
    pk: int
    application_id: str
    credit_code: str
    item: int | None
    direction: int | None
    funded: bool                 # proposed for funding (amount > 0, above the line / eligible)
    exclusive: Exclusive | None  # the rule's exclusivity, if any


def exclusive_flags(entries: Iterable[Entry]) -> dict[int, list[ExclusiveFlag]]:
    """By application pk, the flags of every funded application that collides with another funded
    one of the same credit code (both sides are flagged)."""
    raise NotImplementedError("issue 21: routing task")
