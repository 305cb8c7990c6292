"""The guide requirements of an application's item, as the expert's checklist.

The bundle carries the guide text of the items concerned (docs/formats.md §1.6) and each
application's manifest, so the formal-check verdict of every machine-checkable requirement is
recomputed here with the same rule engine the secretary used; the others are checklist items
the expert ticks while reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..checks.engine import MANUAL, STATUS_ZH, requirement_finding
from ..checks.facts import extract_facts
from ..i18n import M, Msg, render
from ..guide.catalog import Requirement


@dataclass(frozen=True)
class RequirementCheck:
    id: str
    text: str            # the guide sentence, verbatim
    machine: bool        # checked by a rule (else: a checklist item)
    status: str          # pass | fail | not_declared | manual
    message: str         # what was declared against what is required
    msg: Msg | None = None  # the message per language (nn_review.i18n)

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status] if self.machine else "核对清单"

    def status_text(self, lang: str | None = None) -> str:
        return render(M(f"check.status.{self.status}") if self.machine else M("check.checklist"), lang)

    def message_text(self, lang: str | None = None) -> str:
        return render(self.msg, lang) if self.msg is not None else self.message


def _req(raw: dict[str, Any]) -> Requirement:
    dirs = raw.get("directions")
    return Requirement(raw["id"], raw["text"], tuple(dirs) if dirs is not None else None, raw.get("rule"),
                       raw.get("note") or "")


def item_of(guide: dict[str, Any], number: int | None) -> dict[str, Any] | None:
    return next((i for i in guide.get("items", []) if i.get("number") == number), None)


def requirement_checks(guide: dict[str, Any], app: dict[str, Any]) -> list[RequirementCheck]:
    """Plan-type requirements, then the item's, for the application's direction."""
    manifest = app.get("manifest") or {}
    direction = app.get("direction")
    if app.get("kind", "project") != "project":
        raws = (guide.get("consortium") or {}).get("requirements", [])
    else:
        item = item_of(guide, app.get("guide_item"))
        if item is None:
            return []
        plan = next((p for p in guide.get("plan_types", []) if p.get("id") == item.get("plan_type")), {})
        raws = list(plan.get("requirements", [])) + list(item.get("requirements", []))
        if direction is None and len(item.get("directions", [])) <= 1:
            direction = 1  # as the secretary's check: a single-direction item needs none declared
    try:
        facts = extract_facts(manifest)
    except Exception:  # a manifest the engine cannot read: every item becomes a checklist item
        facts = None
    out = []
    for raw in raws:
        req = _req(raw)
        if req.directions is not None and direction not in req.directions:
            continue
        if facts is None or req.rule is None:
            out.append(RequirementCheck(req.id, req.text, False, MANUAL, ""))
            continue
        f = requirement_finding(req, facts, "guide")
        out.append(RequirementCheck(req.id, req.text, True, f.status, f.message, f.msg))
    return out
