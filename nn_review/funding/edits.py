"""The decisions of the funding plan (issue 21): budgets, template figures, 核定金额 (panel),
核减/调整 (secretary, reason required), 秘书审核 of rule-computed amounts. One write transaction
each, audited; refused once the 公示 is published (objections change the list then) or frozen.

Amounts are decimal text or ``Decimal`` (万元, at most two decimals, ≥ 0), never ``float``.
A refusal raises ``FundingError`` (Chinese message, stable ``code``, ``msg`` for the GUI) and
changes nothing.

CONTRACT: signatures fixed; the plan task implements them.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from ..changes import operation
from ..forms import han_count
from ..i18n import M, render
from ..store import Store
from ..store.lookup import application_in
from ..store.models import Application, FundingBudget, FundingDecision, FundingParam, FundingPublicity, ReviewSession
from .errors import FundingError
from .model import OK, PlanLine
from .money import parse_amount

AUTHOR_ROLES = ("leader", "secretary")


def _err(msg, code: str) -> FundingError:
    return FundingError(render(msg, "zh_CN"), code, msg=msg)


def check_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if han_count(reason) < 2 and len(reason) < 4:
        raise _err(M("funding.edit.err.reason"), "funding.reason")
    return reason


def _session(s, session_id: int) -> ReviewSession:
    sess = s.get(ReviewSession, session_id)
    if sess is None:
        raise _err(M("funding.edit.err.session", session=session_id), "session.missing")
    return sess


def require_unlocked(s, session_id: int) -> ReviewSession:
    """The session, unless its list is published (公示) or frozen (立项)."""
    sess = _session(s, session_id)
    pub = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
    if pub is not None:
        state = M("funding.edit.state.frozen" if pub.state == "frozen" else "funding.edit.state.published")
        raise _err(M("funding.edit.err.locked", session=sess.name, state=state), "funding.locked")
    return sess


def _application(s, session_id: int, application: str | int) -> Application:
    app = application_in(s, session_id, application)
    if app is None:
        raise _err(M("funding.edit.err.application", application=application), "funding.application")
    return app


def _s(d: Decimal | None) -> str | None:
    return None if d is None else str(d)


def _plan_line(store: Store, session_id: int, application: str | int) -> PlanLine:
    """The application's line of the current plan (route, requested, cap, computed), after checking
    the session exists, is not locked and has the application."""
    from .plan import funding_plan
    with store.read() as s:
        require_unlocked(s, session_id)
        aid = _application(s, session_id, application).application_id
    line = funding_plan(store, session_id).line(aid)
    assert line is not None
    return line


def _latest(s, pk: int, kind: str) -> FundingDecision | None:
    return s.scalars(select(FundingDecision).where(FundingDecision.application_pk == pk, FundingDecision.kind == kind)
                     .order_by(FundingDecision.id.desc())).first()


def _within(line: PlanLine, amount: Decimal, *, requested: bool = True) -> None:
    if requested and amount > line.requested:
        raise _err(M("funding.edit.err.over_requested", application=line.application_id, amount=str(amount),
                     requested=str(line.requested)), "funding.over_requested")
    if line.cap is not None and amount > line.cap:
        raise _err(M("funding.edit.err.over_cap", application=line.application_id, amount=str(amount),
                     cap=str(line.cap)), "funding.over_cap")


@operation
def set_budget(store: Store, session_id: int, scope: str, amount: Decimal | str | None, *, note: str = "") -> None:
    """``scope`` ``item:N`` or ``plan:<plan type id>``; ``amount`` None removes the budget."""
    from .plan import rules_guide
    amount = parse_amount(amount, "budget")
    scope = (scope or "").strip()
    with store.write() as s:
        sess = require_unlocked(s, session_id)
        guide, _ = rules_guide(s, sess)
        kind, _, ref = scope.partition(":")
        ok = False
        if kind == "item" and ref.isdigit():
            if guide.item(int(ref)) is None:
                raise _err(M("funding.edit.err.no_item", item=ref), "funding.scope")
            scope, ok = f"item:{int(ref)}", True
        elif kind == "plan":
            ok = guide.plan_type(ref) is not None
        if not ok:
            known = "、".join(f"plan:{p.id}" for p in guide.plan_types)
            raise _err(M("funding.edit.err.scope", scope=scope, known=known), "funding.scope")
        row = s.scalar(select(FundingBudget).where(FundingBudget.session_id == session_id,
                                                   FundingBudget.scope == scope))
        old = row.amount if row is not None else None
        if amount is None:
            if row is None:
                raise _err(M("funding.edit.err.no_budget", scope=scope), "funding.no_budget")
            s.delete(row)
        elif row is None:
            s.add(FundingBudget(session_id=session_id, scope=scope, amount=amount, note=note.strip(),
                                actor=store.actor))
        else:
            row.amount, row.note, row.actor = amount, note.strip(), store.actor
            from ..store.models import utcnow
            row.updated_at = utcnow()
        store.audit(s, "funding.budget", session_id, scope=scope, old=_s(old), new=_s(amount), note=note.strip())


@operation
def set_param(store: Store, session_id: int, item: int, param: str, value: Decimal | str | None, *,
              direction: int = 0, source: str = "") -> None:
    """A template figure from the notice; validated against the rule's param (unit, min, max)."""
    from .plan import funding_rule, param_direction, rules_guide
    value = parse_amount(value, "param")
    param = (param or "").strip()
    with store.write() as s:
        sess = require_unlocked(s, session_id)
        guide, _ = rules_guide(s, sess)
        it = guide.item(item)
        if it is None:
            raise _err(M("funding.edit.err.no_item", item=item), "funding.scope")
        if direction and it.direction(direction) is None:
            raise _err(M("funding.edit.err.no_direction", item=item, direction=direction), "funding.scope")
        rule = funding_rule(guide, item, direction or None)
        if rule is None:
            by_direction = [d.number for d in it.directions if d.funding is not None]
            if by_direction and not direction:
                raise _err(M("funding.edit.err.which_direction", item=item,
                             directions="、".join(map(str, by_direction))), "funding.direction")
            raise _err(M("funding.edit.err.no_rule", item=item), "funding.no_rule")
        if not rule.params:
            raise _err(M("funding.edit.err.no_params", item=item), "funding.param")
        pdir = param_direction(guide, item, direction or None)
        decl = next((p for p in rule.params if p.id == param), None)
        if decl is None:
            known = "、".join(f"{p.id}（{p.label}）" for p in rule.params) or M("funding.edit.none")
            raise _err(M("funding.edit.err.no_param", item=item, param=param, known=known), "funding.param")
        if value is not None:
            if decl.min is not None and value < Decimal(str(decl.min)):
                raise _err(M("funding.edit.err.below", label=decl.label, low=str(decl.min), unit=decl.unit,
                             value=str(value)), "funding.param_range")
            high = decl.max if decl.max is not None else (100 if decl.unit == "%" else None)  # a percentage ≤ 100
            if high is not None and value > Decimal(str(high)):
                raise _err(M("funding.edit.err.above", label=decl.label, high=str(high), unit=decl.unit,
                             value=str(value)), "funding.param_range")
        row = s.scalar(select(FundingParam).where(FundingParam.session_id == session_id,
                                                  FundingParam.guide_item == item, FundingParam.direction == pdir,
                                                  FundingParam.param == param))
        old = row.value if row is not None else None
        if value is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(FundingParam(session_id=session_id, guide_item=item, direction=pdir, param=param, value=value,
                               source=source.strip(), actor=store.actor))
        else:
            from ..store.models import utcnow
            row.value, row.source, row.actor, row.updated_at = value, source.strip(), store.actor, utcnow()
        store.audit(s, "funding.param", session_id, item=item, direction=pdir, param=param, old=_s(old),
                    new=_s(value), source=source.strip())


def _decide(store: Store, session_id: int, line: PlanLine, kind: str, amount: Decimal | None, reason: str,
            role: str, action: str, **extra) -> None:
    with store.write() as s:
        require_unlocked(s, session_id)
        app = _application(s, session_id, line.pk)
        prev = _latest(s, app.id, kind)
        old = prev.amount if prev is not None else None
        if kind != "confirmed" and amount is None and old is None:
            what = M("funding.edit.what.approved" if kind == "approved" else "funding.edit.what.adjusted")
            raise _err(M("funding.edit.err.nothing", application=app.application_id, what=what), "funding.nothing")
        s.add(FundingDecision(application_pk=app.id, kind=kind, amount=amount, reason=reason, author=store.actor,
                              author_role=role))
        store.audit(s, action, session_id, application=app.application_id, old=_s(old), new=_s(amount),
                    reason=reason, by=role, **extra)


def _not_excluded(line: PlanLine) -> None:
    if line.status == "excluded":
        raise _err(M("funding.edit.err.excluded", application=line.application_id), "funding.excluded")


@operation
def approve_amount(store: Store, session_id: int, application: str | int, amount: Decimal | str | None, *,
                   reason: str, by: str = "leader") -> None:
    """核定金额: the panel sets the amount (≤ requested and cap); None withdraws it."""
    amount = parse_amount(amount)
    if by not in AUTHOR_ROLES:
        raise _err(M("funding.edit.err.by", by=repr(by)), "funding.author")
    reason = check_reason(reason) if amount is not None else (reason or "").strip()  # a withdrawal needs none
    line = _plan_line(store, session_id, application)
    if line.route == "rule":
        raise _err(M("funding.edit.err.rule_route", application=line.application_id), "funding.route")
    _not_excluded(line)
    if amount is not None:
        _within(line, amount)
    _decide(store, session_id, line, "approved", amount, reason, by, "funding.approve")


@operation
def adjust_amount(store: Store, session_id: int, application: str | int, amount: Decimal | str | None, *,
                  reason: str) -> None:
    """核减/调整 by the secretary (reason required); None withdraws the adjustment."""
    amount = parse_amount(amount)
    reason = check_reason(reason) if amount is not None else (reason or "").strip()  # a withdrawal needs none
    line = _plan_line(store, session_id, application)
    _not_excluded(line)
    if amount is not None and line.route == "rule" and (line.computed is None or line.computed.status != OK):
        status = M(f"funding.edit.status.{line.computed.status}") if line.computed is not None else "—"
        raise _err(M("funding.edit.err.not_ok", application=line.application_id, status=status), "funding.not_ok")
    if amount is not None:
        _within(line, amount, requested=line.route != "rule")   # panel: ≤ min(requested, cap)
        if line.route == "rule":
            from .plan import rule_amount
            entitled = rule_amount(line.computed, line.cap)
            if entitled is not None and amount > entitled:
                raise _err(M("funding.edit.err.over_rule", application=line.application_id, amount=str(amount),
                             rule=str(entitled)), "funding.over_rule")
    base = _unadjusted(line)
    label = "" if amount is None else "核减" if base is not None and amount < base else "调整"
    _decide(store, session_id, line, "adjusted", amount, reason, "secretary", "funding.adjust", label=label,
            computed=_s(base))


def _unadjusted(line: PlanLine) -> Decimal | None:
    """The amount the line would have without the secretary's adjustment (shared with the sheet)."""
    from .plan import unadjusted
    return unadjusted(line)


@operation
def confirm_amount(store: Store, session_id: int, application: str | int, *, note: str = "") -> None:
    """秘书审核: the secretary has checked a rule-computed amount against the documents."""
    line = _plan_line(store, session_id, application)
    if line.route != "rule":
        raise _err(M("funding.edit.err.panel_route", application=line.application_id), "funding.route")
    _not_excluded(line)
    if line.computed is None or line.computed.status != OK:
        status = M(f"funding.edit.status.{line.computed.status}") if line.computed is not None else "—"
        raise _err(M("funding.edit.err.not_ok", application=line.application_id, status=status), "funding.not_ok")
    if line.adjust_over:
        raise _err(M("funding.edit.err.adjust_over_bound", application=line.application_id,
                     adjusted=str(line.adjusted), bound=str(line.adjust_bound)), "funding.adjust_over_bound")
    from .plan import rule_amount
    _decide(store, session_id, line, "confirmed", rule_amount(line.computed, line.cap), (note or "").strip(),
            "secretary", "funding.confirm", computed=_s(line.computed.amount))
