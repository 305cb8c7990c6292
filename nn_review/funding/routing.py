"""Which route an application takes (issue 21): an expert panel (经评审 / 择优) or the rule (the
amount follows from the guide; formal check → amount → secretary's review, no panel).

CONTRACT: signatures fixed; the routing task implements them.

Besides the two contract functions: ``no_review_groups`` (the rule-route applications among a
set, by item: what the panels code refuses), ``no_review_error`` (that refusal), and
``route_detail`` (route, rule text and computed amount of one application: the detail pane's
"资助规则" section).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from ..guide import Guide
from ..guide.funding_schema import FundingRule
from ..i18n import M, Msg, render
from .errors import FundingError

PANEL, RULE = "panel", "rule"
NO_REVIEW_CODE = "panel.no_review_item"   # FundingError/PanelError code: a rule-route item put in a panel


def funding_rule(guide: Guide, item: int | None, direction: int | None) -> FundingRule | None:
    """The rule of the direction if it has its own, else the item's; None when the guide has none."""
    if guide is None or item is None:
        return None
    it = guide.item(item)
    if it is None:
        return None
    d = it.direction(direction) if direction is not None else (
        it.directions[0] if len(it.directions) == 1 else None)  # a one-direction item: its only direction
    if d is not None and d.funding is not None:
        return d.funding
    return it.funding


def route_of(guide: Guide, item: int | None, direction: int | None) -> str:
    """PANEL or RULE; PANEL when the guide says nothing (consortium packages, guides without rules)."""
    rule = funding_rule(guide, item, direction)
    return RULE if rule is not None and rule.route == RULE else PANEL


# -- rule-route applications among a set (panels refuse them) ------------------------------

class _AppLike(Protocol):
    application_id: str
    guide_item: int | None
    direction: int | None


@dataclass(frozen=True)
class NoReviewGroup:
    """Rule-route applications of one guide item (or of one direction with its own rule)."""
    item: int
    direction: int | None        # set when the direction has its own rule
    title: str                   # the item's title (项目25 创新创业大赛项目资助)
    application_ids: tuple[str, ...]

    def label(self) -> Msg:
        if self.direction is None:
            return M("routing.item", item=self.item, title=self.title)
        return M("routing.item_direction", item=self.item, direction=self.direction, title=self.title)


def _rule_owner(guide: Guide, item: int, direction: int | None) -> int | None:
    """The direction whose own rule applies, else None (the item's rule)."""
    it = guide.item(item)
    d = it.direction(direction) if direction is not None else (
        it.directions[0] if len(it.directions) == 1 else None)
    return d.number if d is not None and d.funding is not None and len(it.directions) > 1 else None


def no_review_groups(guide: Guide, apps: Iterable[_AppLike]) -> list[NoReviewGroup]:
    """The rule-route applications among ``apps`` (objects with ``application_id``,
    ``guide_item``, ``direction``: store rows or ``AppRow``), grouped by item, in item order."""
    found: dict[tuple[int, int | None], list[str]] = {}
    for a in apps:
        if route_of(guide, a.guide_item, a.direction) == RULE:
            found.setdefault((a.guide_item, _rule_owner(guide, a.guide_item, a.direction)), []).append(a.application_id)
    return [NoReviewGroup(item, d, guide.item(item).title, tuple(sorted(ids)))
            for (item, d), ids in sorted(found.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))]


def no_review_list(groups: list[NoReviewGroup]) -> Msg:
    """项目25 创新创业大赛项目资助 不需再行评审：A、B；项目26 …"""
    parts = [M("routing.no_review_group", item=g.label(), ids=list(g.application_ids)) for g in groups]
    joined = parts[0]
    for p in parts[1:]:
        joined = M("routing.and", a=joined, b=p)
    return joined


def no_review_msg(groups: list[NoReviewGroup]) -> Msg:
    """The groups, then what it means (the amount follows from the rule, no panel)."""
    return M("routing.no_review", groups=no_review_list(groups))


def no_review_error(groups: list[NoReviewGroup], panel: str) -> FundingError:
    """The refusal (code ``NO_REVIEW_CODE``); ``applications`` and ``groups`` for the GUI's question."""
    msg = no_review_msg(groups)
    err = FundingError(render(msg, "zh_CN") + render(M("routing.no_review_todo", panel=panel), "zh_CN"),
                       NO_REVIEW_CODE, msg=M("routing.no_review_with_todo", what=msg, panel=panel))
    err.groups = list(groups)
    err.applications = sorted(i for g in groups for i in g.application_ids)
    err.question = msg  # what the GUI asks about (without the CLI's flag)
    return err


# -- one application's route, rule and amount (detail pane, table) ------------------------------

@dataclass(frozen=True)
class RouteDetail:
    route: str                           # PANEL | RULE
    rule_of: Msg | None                  # whose rule: 项目25 … / 项目32 方向2 …; None: the guide has none
    text: str = ""                       # the guide's funding sentence(s)
    cap: Decimal | None = None           # the rule's ceiling in 万元 (a template figure once entered)
    cap_param: str = ""                  # the label of the template figure the ceiling awaits
    computed: Any = None                 # amounts.Computed: the rule's amount with its formula


def route_label(route: str) -> Msg:
    """专家评审 | 按规则核定 (the table column, the detail pane)."""
    return M(f"routing.route.{route}")


def _params(s, session_id: int, item: int, owner: int | None) -> dict[str, Decimal]:
    """The session's template figures of the rule: keyed by the direction when the rule is that
    direction's own, else by 0 (the item) — as the funding plan reads them."""
    from sqlalchemy import select
    from ..store.models import FundingParam as ParamRow
    rows = s.execute(select(ParamRow.param, ParamRow.value).where(
        ParamRow.session_id == session_id, ParamRow.guide_item == item, ParamRow.direction == (owner or 0))).all()
    return {p: Decimal(v) for p, v in rows}


def route_detail(store, session_id: int, application_id: str) -> RouteDetail:
    """Route, rule text and — where ``amounts.compute`` can evaluate it — the computed amount with
    its formula, for one application of the session."""
    from sqlalchemy import select
    from ..store import StoreError
    from ..store.models import Application
    with store.read() as s:
        a = s.scalar(select(Application).where(Application.session_id == session_id,
                                              Application.application_id == application_id))
        if a is None:
            raise StoreError(f"本批次没有申报编号 {application_id}")
        return route_detail_of(s, a)


def route_detail_of(s, a) -> RouteDetail:
    """``route_detail`` of an application row, in an open read session ``s``."""
    from ..checks.facts import extract_facts
    from ..services.guides import parse_edition_row
    from . import amounts
    guide = parse_edition_row(a.session.guide_edition)
    rule = funding_rule(guide, a.guide_item, a.direction)
    if rule is None:
        return RouteDetail(PANEL, None)
    owner = _rule_owner(guide, a.guide_item, a.direction)
    title = guide.item(a.guide_item).title
    of = (M("routing.item", item=a.guide_item, title=title) if owner is None
          else M("routing.item_direction", item=a.guide_item, direction=owner, title=title))
    params = _params(s, a.session_id, a.guide_item, owner)
    computed = amounts.compute(rule, extract_facts(a.manifest), params, requested=Decimal(str(a.requested)))
    cap, cap_param = None, ""
    if isinstance(rule.cap, dict) and "param" in rule.cap:
        pid = rule.cap["param"]
        cap = params.get(pid)
        if cap is None:
            cap_param = next((p.label for p in rule.params if p.id == pid), pid)
    elif rule.cap is not None and not isinstance(rule.cap, bool):
        cap = Decimal(str(rule.cap))
    return RouteDetail(RULE if rule.route == RULE else PANEL, of, rule.text, cap, cap_param, computed)
