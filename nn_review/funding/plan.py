"""The funding plan (资金安排建议) of a session (issue 21; docs/funding.md, "The plan").

:func:`funding_plan` reads, in one read transaction, the session's panels (through the results
loader: ranks, scores, consensus), its applications (credit code, requested amount, declared
facts), the guide's funding rules, the budgets, the template figures and the decisions; then
:func:`build_scopes` — a pure function of plain data (:class:`AppIn`) — walks each budget:

* scope: ``item:N`` when item N has a budget of its own, else ``plan:<plan type>`` when its plan
  type has one, else ``item:N`` without a budget (no funding line);
* panel route: candidates (final recommendation 建议支持 / 修改后支持) in ranking order (project
  score, ``support`` votes, criterion 2, application id — the ranking rule of review-rules.md,
  which within one panel's item is the item's rank); ``proposed`` = the secretary's adjustment,
  else min(base, cap, 核定); the first candidate that does not fit the remaining budget is where
  the line falls, it and every candidate after it are below the line (no skipping);
* rule route: the rule's amount (then the adjustment); funded once confirmed (秘书审核),
  unconfirmed before, ineligible when the rule gives nothing; the total over the budget is
  reported as ``over_budget``, never cut; in a scope that mixes both routes the rule lines'
  amounts are set aside first and the panel's walk runs on the rest (not in docs/funding.md);
* 不能重复享受 flags on both funded applications (:mod:`.exclusive`);
* ``data_hash``: SHA-256 of the canonical JSON of the plan's figures.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from ..formats.canonical import canonical_json
from ..guide import Guide
from ..guide.funding_schema import Exclusive, FundingRule
from ..store import Store
from ..store.models import (Application, FundingBudget, FundingDecision, FundingObjection, FundingParam,
                            FundingPublicity, GuideEdition, ReviewSession)
from .errors import FundingError
from .exclusive import Entry, exclusive_flags
from .outcomes import apply_objections
from .routing import RULE, funding_rule, route_of
from .model import (BELOW_LINE, EXCLUDED, FUNDED, INELIGIBLE, NO_CONSENSUS, NOT_RECOMMENDED, OK, UNCONFIRMED,
                    Computed, FundingPlan, ObjectionInfo, PlanLine, PublicityInfo, ScopePlan)

CANDIDATE_RECOMMENDATIONS = ("support", "support_if_revised")
CONSORTIUM_SCOPE = "consortium"

Params = Mapping[tuple[int, int, str], Decimal]   # (item, direction or 0, param id) → value


# -- the guide's rules ---------------------------------------------------------------------

def param_direction(guide: Guide, item: int | None, direction: int | None) -> int:
    """The ``direction`` key of a rule's template figures (``funding_params.direction``): the direction
    when the rule is that direction's own (in an item of several directions), else 0 (the item)."""
    it = guide.item(item) if item is not None else None
    if it is None:
        return 0
    d = it.direction(direction) if direction is not None else (it.directions[0] if len(it.directions) == 1 else None)
    return d.number if d is not None and d.funding is not None and len(it.directions) > 1 else 0


def rule_params(rule: FundingRule, item: int, pdir: int, params: Params) -> dict[str, Decimal]:
    return {p.id: params[(item, pdir, p.id)] for p in rule.params if (item, pdir, p.id) in params}


def resolve_cap(rule: FundingRule | None, values: Mapping[str, Decimal]) -> Decimal | None:
    """The rule's per-application ceiling (a number, or a template figure when entered)."""
    if rule is None or rule.cap is None:
        return None
    if isinstance(rule.cap, dict):
        v = values.get(rule.cap.get("param"))
        return None if v is None else Decimal(v)
    return Decimal(str(rule.cap))


def has_rules(guide: Guide) -> bool:
    return any(it.funding is not None or any(d.funding is not None for d in it.directions) for it in guide.items)


RULES_SHA_KEY = "rules_sha256"   # key of the published list JSON that pins the rules' guide edition


def pinned_rules_sha(s, session_id: int) -> str | None:
    """The sha256 of the guide edition pinned at 公示 (the published list JSON's ``rules_sha256``),
    or None before 公示 / for a list published without it."""
    import json
    row = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
    if row is None:
        return None
    try:
        doc = json.loads(row.list_json or "{}")
    except ValueError:
        return None
    sha = doc.get(RULES_SHA_KEY) if isinstance(doc, dict) else None
    return sha if isinstance(sha, str) and sha else None


def rules_guide_row(s, session: ReviewSession, pinned_sha: str | None = None) -> tuple[Guide, str, str, bool]:
    """:func:`rules_guide` with the sha256 of the edition row used and whether it was pinned."""
    from ..services.guides import parse_edition_row
    if pinned_sha is None:
        pinned_sha = pinned_rules_sha(s, session.id)
    if pinned_sha:
        row = s.scalar(select(GuideEdition).where(GuideEdition.sha256 == pinned_sha))
        if row is None:
            raise FundingError(f"公示时锁定的资助规则所在指南（sha256 {pinned_sha[:12]}…）已不在数据库中",
                               "funding.rules_missing")
        return (parse_edition_row(row), f"{row.edition} v{row.version}（公示时锁定）", row.sha256, True)
    own = session.guide_edition
    guide = parse_edition_row(own)
    if has_rules(guide):
        return guide, f"{own.edition} v{own.version}", own.sha256, False
    for row in s.scalars(select(GuideEdition).where(GuideEdition.edition == own.edition, GuideEdition.id != own.id)
                         .order_by(GuideEdition.id.desc())):
        try:
            other = parse_edition_row(row)
        except Exception:  # noqa: BLE001 - an edition this build cannot parse has no usable rules
            continue
        if has_rules(other):
            return other, f"{row.edition} v{row.version}（本批次所用 v{own.version} 未含资助规则）", row.sha256, False
    return guide, f"{own.edition} v{own.version}（未含资助规则：全部按评审，申请金额，无上限）", own.sha256, False


def rules_guide(s, session: ReviewSession, pinned_sha: str | None = None) -> tuple[Guide, str]:
    """The guide whose funding rules apply, and a sentence saying which. Once the list is published
    (a ``FundingPublicity`` row whose list JSON carries ``rules_sha256``), or when ``pinned_sha`` is
    given, the edition with that sha256 (the rules pinned at 公示); else the session's edition, or —
    when it has no funding rules at all — the newest stored version of the same edition that has them."""
    guide, source, _, _ = rules_guide_row(s, session, pinned_sha)
    return guide, source


# -- plain input of the arithmetic ---------------------------------------------------------

@dataclass(frozen=True)
class AppIn:
    """One application as the plan's arithmetic sees it."""
    pk: int
    application_id: str
    title: str
    applicant: str
    credit_code: str
    guide_item: int | None
    direction: int | None
    route: str                                  # panel | rule
    requested: Decimal
    plan_type: str | None = None                # the item's plan type id
    item_title: str = ""
    plan_title: str = ""
    excluded: bool = False                      # 不予受理 at formal check
    has_consensus: bool = False
    recommendation: str | None = None           # the consensus' final recommendation id
    rank: int | None = None                     # rank within the guide item (shown)
    score: Decimal | None = None
    supports: int = 0
    criterion2: Decimal | None = None
    cap: Decimal | None = None
    computed: Computed | None = None
    approved: Decimal | None = None
    approved_reason: str = ""
    adjusted: Decimal | None = None
    adjusted_reason: str = ""
    confirmed: bool = False
    exclusive: Exclusive | None = None
    rule_text: str = ""


def scope_of(a: AppIn, budgets: Mapping[str, Decimal]) -> str:
    if a.guide_item is None:
        return CONSORTIUM_SCOPE
    own = f"item:{a.guide_item}"
    if own in budgets:
        return own
    if a.plan_type and f"plan:{a.plan_type}" in budgets:
        return f"plan:{a.plan_type}"
    return own


def _rank_key(a: AppIn):
    neg = lambda d: -d if d is not None else Decimal("Infinity")  # noqa: E731
    return (a.score is None, neg(a.score), -a.supports, neg(a.criterion2), a.application_id)


def _min(*values: Decimal | None) -> Decimal:
    return min(v for v in values if v is not None)


def _line(a: AppIn) -> PlanLine:
    bound = adjust_bound(a.route, a.requested, a.cap, a.computed)
    return PlanLine(pk=a.pk, application_id=a.application_id, title=a.title, applicant=a.applicant,
                    credit_code=a.credit_code, guide_item=a.guide_item, direction=a.direction, route=a.route,
                    requested=a.requested, rank=a.rank, score=a.score, recommendation=a.recommendation, cap=a.cap,
                    computed=a.computed, approved=a.approved, approved_reason=a.approved_reason,
                    adjusted=a.adjusted, adjusted_reason=a.adjusted_reason, confirmed=a.confirmed,
                    adjust_bound=bound,
                    adjust_over=a.adjusted is not None and (bound is None or a.adjusted > bound))


def adjust_bound(route: str, requested: Decimal, cap: Decimal | None, computed: Computed | None) -> Decimal | None:
    """The highest amount the secretary's 核减/调整 may set, from the CURRENT figures: a panel line's
    min(requested, cap); a rule line's amount after the cap (an entitlement is only ever reduced);
    None when the rule gives no amount."""
    if route == RULE:
        return rule_amount(computed, cap)
    return _min(requested, cap)


def unadjusted(line) -> Decimal | None:
    """The amount a line (``PlanLine`` or ``AppIn``) would have without the secretary's adjustment:
    the base of 核减 (below it) vs 调整 (above it), for the audit (edits) and the sheet alike."""
    if line.route == RULE or line.computed is not None:
        if line.computed is None or line.computed.status != OK or line.computed.amount is None:
            return None
        base = line.computed.amount
    else:
        base = line.requested
    return _min(base, line.cap, line.approved if line.route != RULE else None)


def _bounded(a: AppIn) -> Decimal | None:
    """The adjustment, never above the current bound (a later change of the cap or a figure)."""
    bound = adjust_bound(a.route, a.requested, a.cap, a.computed)
    if bound is None:
        return None
    return min(a.adjusted, bound)


def panel_proposed(a: AppIn) -> Decimal | None:
    """What a panel candidate would receive: the adjustment (at most min(requested, cap)), else
    min(base, cap, 核定); None when its rule gives no amount (e.g. a template figure is missing)."""
    if a.adjusted is not None:
        return _bounded(a)
    if a.computed is not None:
        if a.computed.status != OK or a.computed.amount is None:
            return None
        base = a.computed.amount
    else:
        base = a.requested
    return _min(base, a.cap, a.approved)


def rule_proposed(a: AppIn) -> Decimal | None:
    if a.computed is None or a.computed.status != OK or a.computed.amount is None:
        return None
    return _bounded(a) if a.adjusted is not None else _min(a.computed.amount, a.cap)


def _scope_lines(apps: list[AppIn], budget: Decimal | None) -> tuple[list[PlanLine], int | None, Decimal]:
    """The lines of one scope in order, the line's position and the allocated total."""
    panel = [a for a in apps if a.route != RULE]
    rule = sorted((a for a in apps if a.route == RULE), key=lambda a: a.application_id)
    candidates, others = [], []
    for a in panel:
        if not a.excluded and a.has_consensus and a.recommendation in CANDIDATE_RECOMMENDATIONS:
            candidates.append(a)
        else:
            others.append(a)
    candidates.sort(key=_rank_key)
    out: list[PlanLine] = []
    allocated = Decimal(0)
    # In a scope shared with rule-route lines (an item with a rule direction and a panel one), the
    # rule's amounts are entitlements, never cut: the panel's walk runs on what they leave, whether
    # the secretary has confirmed them yet or not (so confirming does not move the line).
    reserved = sum((rule_proposed(a) or Decimal(0) for a in rule if not a.excluded), Decimal(0))
    remaining = None if budget is None else budget - reserved
    line_after: int | None = None
    no_amount: list[PlanLine] = []
    for a in candidates:
        ln = _line(a)
        ln.proposed = panel_proposed(a)
        if ln.proposed is None:
            ln.status = INELIGIBLE
            no_amount.append(ln)
            continue
        if remaining is not None and (line_after is not None or ln.proposed > remaining):
            if line_after is None:
                line_after = len(out)
            ln.status = BELOW_LINE
        else:
            ln.status = FUNDED
            allocated += ln.proposed
            ln.cumulative = allocated
            if remaining is not None:
                remaining -= ln.proposed
        out.append(ln)
    if budget is not None and line_after is None and out:
        line_after = len(out)       # every candidate fits: the line falls after the last one
    order = {EXCLUDED: 0, NOT_RECOMMENDED: 1, NO_CONSENSUS: 2}
    rest = []
    for a in others:
        ln = _line(a)
        ln.status = EXCLUDED if a.excluded else NO_CONSENSUS if not a.has_consensus else NOT_RECOMMENDED
        rest.append(ln)
    rest.sort(key=lambda ln: (order[ln.status], _rank_key(next(a for a in others if a.pk == ln.pk))))
    out += no_amount + rest
    for a in rule:
        ln = _line(a)
        if a.excluded:
            ln.status = EXCLUDED
        else:
            ln.proposed = rule_proposed(a)
            if ln.proposed is None:
                ln.status = INELIGIBLE
            elif a.confirmed:
                ln.status = FUNDED
                allocated += ln.proposed
                ln.cumulative = allocated
            else:
                ln.status = UNCONFIRMED
        out.append(ln)
    return out, line_after, allocated


def build_scopes(apps: Sequence[AppIn], budgets: Mapping[str, Decimal],
                 plan_titles: Mapping[str, str] | None = None) -> list[ScopePlan]:
    """The plan's scopes from plain data (no store): see the module's docstring."""
    groups: dict[str, list[AppIn]] = defaultdict(list)
    for a in apps:
        groups[scope_of(a, budgets)].append(a)

    def order(scope: str):
        if scope == CONSORTIUM_SCOPE:
            return (10 ** 6, "")
        items = [a.guide_item for a in groups[scope]]
        return (min(items), scope)

    scopes = []
    for scope in sorted(groups, key=order):
        members = groups[scope]
        budget = budgets.get(scope)
        lines, line_after, allocated = _scope_lines(members, budget)
        routes = {a.route for a in members}
        first = members[0]
        if scope.startswith("plan:"):
            title = (plan_titles or {}).get(scope[5:]) or first.plan_title or scope[5:]
        elif scope == CONSORTIUM_SCOPE:
            title = "创新联合体"
        else:
            title = f"项目{first.guide_item} {first.item_title}".rstrip()
        texts = list(dict.fromkeys(a.rule_text for a in sorted(members, key=lambda a: (a.guide_item or 0,
                                                                                      a.direction or 0))
                                   if a.rule_text))
        remaining = None if budget is None else budget - allocated
        over = None
        if budget is not None and allocated > budget:
            over = allocated - budget
        scopes.append(ScopePlan(scope=scope, title=title, route=routes.pop() if len(routes) == 1 else "mixed",
                                budget=budget, lines=lines, line_after=line_after if budget is not None else None,
                                allocated=allocated, remaining=remaining, over_budget=over,
                                rule_text="\n".join(texts)))
    by_pk = {a.pk: a for a in apps}
    entries = [Entry(ln.pk, ln.application_id, ln.credit_code, ln.guide_item, ln.direction,
                     ln.status == FUNDED and ln.proposed is not None and ln.proposed > 0, by_pk[ln.pk].exclusive)
               for sc in scopes for ln in sc.lines]
    flags = exclusive_flags(entries)
    annual = annual_cap_flags([ln for sc in scopes for ln in sc.lines], by_pk)
    for sc in scopes:
        for ln in sc.lines:
            ln.flags = list(flags.get(ln.pk, []))
            ln.annual_flags = list(annual.get(ln.pk, []))
    return scopes


# Per-enterprise annual ceilings (单个企业年最高…) of the 2025 guide: (item, direction or None) → 万元.
# The rule's ``cap`` bounds ONE application; these bound the sum of one credit code's applications
# under the item in the year (a session is one year's call). Item 27: 中小企业最高10万元.
ANNUAL_CAPS: dict[tuple[int, int | None], Decimal] = {
    (27, None): Decimal(10), (28, None): Decimal(25), (32, 1): Decimal(100)}


def annual_cap_flags(lines: Sequence[PlanLine], by_pk: Mapping[int, AppIn]) -> dict[int, list]:
    """By pk, a flag on each line of a credit code whose proposed lines in an item of
    :data:`ANNUAL_CAPS` add up to more than its ceiling (funded or awaiting 秘书审核)."""
    from .model import AnnualCapFlag
    groups: dict[tuple, list[PlanLine]] = defaultdict(list)
    for ln in lines:
        if ln.guide_item is None or not ln.credit_code or ln.proposed is None or ln.proposed <= 0:
            continue
        if ln.status not in (FUNDED, UNCONFIRMED):
            continue
        key = (ln.guide_item, ln.direction) if (ln.guide_item, ln.direction) in ANNUAL_CAPS else (ln.guide_item, None)
        if key in ANNUAL_CAPS and (key[1] is None or key[1] == ln.direction):
            groups[(key, ln.credit_code)].append(ln)
    out: dict[int, list] = {}
    for ((item, direction), _code), group in sorted(groups.items(), key=lambda kv: (kv[0][0][0], kv[0][0][1] or 0,
                                                                                     kv[0][1])):
        total = sum((ln.proposed for ln in group), Decimal(0))
        cap = ANNUAL_CAPS[(item, direction)]
        if len(group) < 2 or total <= cap:
            continue
        ids = tuple(sorted(ln.application_id for ln in group))
        text = next((by_pk[ln.pk].rule_text for ln in group if by_pk[ln.pk].rule_text), "")
        for ln in group:
            out.setdefault(ln.pk, []).append(AnnualCapFlag(item, direction, total, cap, ids, text))
    return out


def _s(d: Decimal | None) -> str | None:
    """Money as decimal text with two places (as the sheets print it)."""
    return None if d is None else str(d.quantize(Decimal("0.01")))


def _jv(v):
    """A formula input as JSON: text for numbers and dates, so the hash is deterministic."""
    if v is None or isinstance(v, (bool, str, int)):
        return v
    if isinstance(v, (list, tuple)):
        return [_jv(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jv(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    return str(v)


def _computed_figures(c: Computed | None):
    if c is None:
        return None
    from ..i18n import render
    return {"status": c.status, "amount": _s(c.amount), "formula": render(c.formula, "zh_CN"),
            "inputs": [[str(k), _jv(v)] for k, v in c.inputs]}


def _publicity_figures(pub: PublicityInfo | None):
    if pub is None:
        return None
    return {"state": pub.state, "start_date": pub.start_date.isoformat(), "end_date": pub.end_date.isoformat(),
            "list_sha256": pub.list_sha256, "frozen_sha256": pub.frozen_sha256}


def plan_figures(plan: FundingPlan) -> dict:
    """Everything the 拟资助项目汇总表 prints (the data hash covers it; the CLI's --json prints it):
    the session and its state, the guide and the rules' source, the publicity's state, dates and list
    hashes, each scope's figures and rule text, each line's figures, formula (zh) and inputs, flags."""
    return {
        "session_id": plan.session_id, "session": plan.session_name, "session_state": plan.session_state,
        "guide_title": plan.guide_title, "rules_source": plan.rules_source, "rules_sha256": plan.rules_sha256,
        "missing_params": [list(m) for m in plan.missing_params],
        "publicity": _publicity_figures(plan.publicity),
        "scopes": [{
            "scope": sc.scope, "title": sc.title, "route": sc.route, "budget": _s(sc.budget),
            "line_after": sc.line_after, "allocated": _s(sc.allocated), "remaining": _s(sc.remaining),
            "over_budget": _s(sc.over_budget), "rule_text": sc.rule_text,
            "lines": [{
                "application_id": ln.application_id, "title": ln.title, "applicant": ln.applicant,
                "guide_item": ln.guide_item, "direction": ln.direction, "route": ln.route,
                "requested": _s(ln.requested), "rank": ln.rank, "score": None if ln.score is None else str(ln.score),
                "recommendation": ln.recommendation, "cap": _s(ln.cap),
                "computed": _computed_figures(ln.computed),
                "approved": _s(ln.approved), "approved_reason": ln.approved_reason,
                "adjusted": _s(ln.adjusted), "adjusted_reason": ln.adjusted_reason, "confirmed": ln.confirmed,
                "adjust_bound": _s(ln.adjust_bound), "adjust_over": ln.adjust_over,
                "proposed": _s(ln.proposed), "status": ln.status, "cumulative": _s(ln.cumulative),
                "objection": ln.objection,
                "flags": [{"other": f.other_application_id, "other_item": f.other_item, "text": f.text}
                          for f in ln.flags],
                "annual_flags": [{"item": f.item, "direction": f.direction, "total": _s(f.total), "cap": _s(f.cap),
                                  "applications": list(f.application_ids), "text": f.text}
                                 for f in ln.annual_flags],
            } for ln in sc.lines],
        } for sc in plan.scopes],
    }


def data_hash(plan: FundingPlan) -> str:
    return hashlib.sha256(canonical_json(plan_figures(plan))).hexdigest()


# -- reading -------------------------------------------------------------------------------

def _dec(v) -> Decimal:
    return v if isinstance(v, Decimal) else Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


def _latest_decisions(s, pks) -> dict[int, dict[str, FundingDecision]]:
    out: dict[int, dict[str, FundingDecision]] = defaultdict(dict)
    for d in s.scalars(select(FundingDecision).where(FundingDecision.application_pk.in_(pks))
                       .order_by(FundingDecision.id)):
        out[d.application_pk][d.kind] = d
    return out


def _publicity(s, session_id: int) -> PublicityInfo | None:
    p = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
    if p is None:
        return None
    objs = s.execute(select(FundingObjection, Application.application_id)
                     .join(Application, Application.id == FundingObjection.application_pk)
                     .where(Application.session_id == session_id).order_by(FundingObjection.id)).all()
    return PublicityInfo(p.state, p.start_date, p.end_date, p.published_at, p.list_sha256, p.frozen_at,
                         p.frozen_sha256, tuple(ObjectionInfo(o.id, aid, o.received_date, o.text, o.outcome, o.amount,
                                                              o.reason, o.actor, o.recorded_at, o.decided_at)
                                                for o, aid in objs))


def rule_amount(computed: Computed | None, cap: Decimal | None) -> Decimal | None:
    """The amount the rule gives (before any adjustment): what 秘书审核 confirms."""
    if computed is None or computed.status != OK or computed.amount is None:
        return None
    return _min(computed.amount, cap)


def _still_confirmed(conf: FundingDecision | None, computed: Computed | None, cap: Decimal | None) -> bool:
    """A 秘书审核 holds for the amount it confirmed: when the figures change it, it lapses."""
    if conf is None:
        return False
    return conf.amount is None or conf.amount == rule_amount(computed, cap)


def funding_plan(store: Store, session_id: int) -> FundingPlan:
    """The plan from the session's results, rules, budgets and decisions, in one read."""
    from ..checks.facts import extract_facts
    from ..results.loader import load_session_in
    from ..results.merge import merge_panel
    from . import amounts

    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise FundingError(f"没有评审批次 {session_id}", "session.missing")
        panels = [merge_panel(d) for d in load_session_in(s, session_id)]
        guide, source = rules_guide(s, sess)
        _, _, rules_sha, pinned = rules_guide_row(s, sess)
        apps = s.execute(select(Application.id, Application.application_id, Application.title,
                                Application.applicant_name, Application.applicant_credit_code,
                                Application.guide_item, Application.direction, Application.requested,
                                Application.formal_decision, Application.manifest_json)
                         .where(Application.session_id == session_id).order_by(Application.application_id)).all()
        budgets = {b.scope: b.amount for b in s.scalars(select(FundingBudget)
                                                         .where(FundingBudget.session_id == session_id))}
        params = {(p.guide_item, p.direction, p.param): p.value
                  for p in s.scalars(select(FundingParam).where(FundingParam.session_id == session_id))}
        decisions = _latest_decisions(s, [a.id for a in apps])
        publicity = _publicity(s, session_id)
        session_name, session_state = sess.name, sess.state

    import json
    results = {r.pk: r for pr in panels for r in pr.applications}
    missing: set[tuple[int, int, str]] = set()
    ins = []
    for a in apps:
        rule = funding_rule(guide, a.guide_item, a.direction)
        route = route_of(guide, a.guide_item, a.direction)
        item = guide.item(a.guide_item) if a.guide_item is not None else None
        pt = guide.plan_type(item.plan_type) if item is not None else None
        requested = _dec(a.requested).quantize(Decimal("0.01"))
        cap = computed = None
        if rule is not None:
            pdir = param_direction(guide, a.guide_item, a.direction)
            values = rule_params(rule, a.guide_item, pdir, params)
            if (a.formal_decision or "") != "excluded":     # 不予受理: never funded, needs no figures
                missing |= {(a.guide_item, pdir, p.id) for p in rule.params if p.id not in values}
            cap = resolve_cap(rule, values)
            if route == RULE or rule.amount is not None or rule.cap is not None:
                computed = amounts.compute(rule, extract_facts(json.loads(a.manifest_json or "{}")), values,
                                           requested=requested)
        r = results.get(a.id)
        cons = r.consensus if r is not None else None
        dec = decisions.get(a.id, {})
        appr, adj, conf = dec.get("approved"), dec.get("adjusted"), dec.get("confirmed")
        ins.append(AppIn(
            pk=a.id, application_id=a.application_id, title=a.title, applicant=a.applicant_name,
            credit_code=a.applicant_credit_code, guide_item=a.guide_item, direction=a.direction, route=route,
            requested=requested, plan_type=item.plan_type if item else None, item_title=item.title if item else "",
            plan_title=pt.name if pt else "", excluded=(a.formal_decision or "") == "excluded",
            has_consensus=cons is not None, recommendation=cons.final_recommendation if cons else None,
            rank=r.rank_item if r else None, score=r.score.value if r else None,
            supports=r.rec_counts.get("support", 0) if r else 0, criterion2=r.criterion2 if r else None,
            cap=cap, computed=computed,
            approved=appr.amount if appr else None,
            approved_reason=appr.reason if appr and appr.amount is not None else "",
            adjusted=adj.amount if adj else None, adjusted_reason=adj.reason if adj and adj.amount is not None else "",
            confirmed=_still_confirmed(conf, computed, cap), exclusive=rule.exclusive if rule else None,
            rule_text=rule.text if rule else ""))
    plan = FundingPlan(session_id=session_id, session_name=session_name, session_state=session_state,
                       guide_title=guide.title, rules_source=source,
                       scopes=build_scopes(ins, budgets, {p.id: p.name for p in guide.plan_types}),
                       missing_params=sorted(missing), publicity=publicity, rules_sha256=rules_sha,
                       rules_pinned=pinned)
    apply_objections(plan, publicity)   # after the 公示: 撤销 / 调整 of the decided objections
    plan.data_hash = data_hash(plan)
    return plan
