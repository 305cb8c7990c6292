"""不能重复享受 (issue 21): one applicant (credit code) funded under two things the guide says it may
not both receive (item 23: 企业研发奖补不能与瞪羚企业奖补、科技项目（前资助）、后补助项目等重复享受).
Flagged for the secretary, never resolved silently.

CONTRACT: signatures fixed; the routing task implements them.
"""

from __future__ import annotations

from collections import defaultdict
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
    one of the same credit code (both sides are flagged).

    ``a`` collides with ``b`` when ``a``'s rule names ``b``'s item or (item, direction); the flag
    carries the sentence of the rule that names it. Each pair is flagged once per side."""
    funded = [e for e in entries if e.funded and e.credit_code]
    by_code: dict[str, list[Entry]] = defaultdict(list)
    for e in funded:
        by_code[e.credit_code].append(e)
    out: dict[int, list[ExclusiveFlag]] = {}

    def add(at: Entry, other: Entry, text: str) -> None:
        flags = out.setdefault(at.pk, [])
        if all(f.other_application_id != other.application_id for f in flags):
            flags.append(ExclusiveFlag(other.application_id, other.item, text))

    for group in by_code.values():
        for a in group:
            x = a.exclusive
            if x is None:
                continue
            for b in group:
                if b.pk == a.pk:
                    continue
                if b.item in x.items or (b.item, b.direction) in x.directions:
                    add(a, b, x.text)
                    add(b, a, x.text)
    for flags in out.values():
        flags.sort(key=lambda f: f.other_application_id)
    return out
