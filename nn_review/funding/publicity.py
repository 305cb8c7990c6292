"""公示, objections (异议) and 立项 (issue 21; docs/funding.md, "公示 and 立项").

State machine per session (table ``funding_publicity``, one row at most):

    (none) --start_publicity--> published --freeze--> frozen

* Publishing takes the current plan (``plan.funding_plan``): refused while the session is not
  finalised, while a candidate has no consensus or a rule line is unconfirmed, while template
  figures are missing, or when nothing would be funded. The public list (funded lines with an
  amount above 0 only: 申报编号, 项目名称, 申报单位, 拟资助金额, item) is stored as canonical JSON
  with its SHA-256.
* Objections are recorded against an application of the published list, during the period, and
  decided once: 维持 / 调整 (new amount) / 撤销, with a reason.
* Freezing (立项) after the end date with every objection decided stores the published list with
  the outcomes applied (canonical JSON + SHA-256). Nothing changes afterwards.

Every refusal leaves the DB as it was; every change is audited.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import select

from ..changes import operation
from ..formats.canonical import canonical_json
from ..i18n import M, render
from ..forms import han_count
from ..store import Store
from ..store.lookup import application_in
from ..store.models import (Application, FundingObjection, FundingPublicity, ReviewSession,
                            utcnow)
from . import model as fm
from .errors import FundingError
from .model import ObjectionInfo, PublicityInfo
from .outcomes import CENT, amount_text as _amount_text, apply_outcomes  # noqa: F401 (apply_outcomes: public here too)

OUTCOMES = {"maintain": "维持", "adjust": "调整", "revoke": "撤销"}
MAX_LISTED = 8   # ids named in one refusal


def today() -> date:
    """The day it is (tests monkeypatch this; the shipped CLI has no way to set it)."""
    return date.today()


def refusal(code: str, key: str, **params) -> FundingError:
    msg = M(key, **params)
    return FundingError(render(msg, "zh_CN"), code, msg=msg)


def _ids(ids: list[str]) -> str:
    shown = "、".join(ids[:MAX_LISTED])
    return shown + (f" 等 {len(ids)} 项" if len(ids) > MAX_LISTED else "")


def current_plan(store: Store, session_id: int) -> fm.FundingPlan:
    from . import plan as plan_mod  # looked up at call time (the plan task's module; tests may stand in)
    return plan_mod.funding_plan(store, session_id)


def item_titles(store: Store, session_id: int) -> dict[int, str]:
    """Guide item number → ``项目N 标题`` of the session's guide ({} when it cannot be read)."""
    from ..services.guides import parse_edition_row
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        try:
            guide = parse_edition_row(sess.guide_edition)
        except Exception:  # an unreadable guide only costs the titles: the numbers are printed
            return {}
        return {it.number: f"项目{it.number} {it.title}" for it in guide.items}


def _entries(plan: fm.FundingPlan, titles: dict[int, str] | None = None) -> list[dict]:
    """The funded lines of ``plan`` as public entries, by item then application id."""
    out = []
    titles = titles or {}
    for sc in plan.scopes:
        for ln in sc.lines:
            if ln.status != fm.FUNDED or ln.proposed is None or Decimal(ln.proposed) <= 0:
                continue  # a line funded with 0 (e.g. 核减 to 0 for 重复享受) is not announced
            item_title = titles.get(ln.guide_item) or (
                sc.title if sc.scope == f"item:{ln.guide_item}" else
                f"项目{ln.guide_item}" if ln.guide_item is not None else sc.title)
            out.append({"application_id": ln.application_id, "title": ln.title, "applicant": ln.applicant,
                        "amount": _amount_text(ln.proposed), "item": ln.guide_item, "direction": ln.direction,
                        "item_title": item_title})
    out.sort(key=lambda e: (e["item"] is None, e["item"] or 0, e["application_id"]))
    return out


def _document(session_id: int, session_name: str, start: date, end: date, lines: list[dict], **extra) -> dict:
    total = sum((Decimal(e["amount"]) for e in lines), Decimal(0))
    return dict({"session_id": session_id, "session_name": session_name, "start_date": start.isoformat(),
                 "end_date": end.isoformat(), "lines": lines, "count": len(lines), "total": _amount_text(total)},
                **extra)


def _encode(doc: dict) -> tuple[str, str]:
    raw = canonical_json(doc)
    return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()


def published_document(store: Store, session_id: int) -> dict | None:
    """The stored list as a dict: the frozen one (立项) once frozen, else the published one; None
    before the 公示. Keys: session_id, session_name, start_date, end_date, lines, count, total
    (+ ``objections`` and ``published_sha256`` when frozen) and ``state``, ``sha256``."""
    with store.read() as s:
        row = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
        if row is None:
            return None
        if row.state == "frozen":
            doc, digest = json.loads(row.frozen_json), row.frozen_sha256
        else:
            doc, digest = json.loads(row.list_json), row.list_sha256
    return dict(doc, state=row.state, sha256=digest)


def public_list(store: Store, session_id: int) -> list[dict]:
    """The public entries (申报编号, 项目名称, 申报单位, 拟资助金额 and the item) of the current plan,
    or of the published / frozen list once there is one. Never a score nor an expert's name."""
    doc = published_document(store, session_id)
    if doc is not None:
        return doc["lines"]
    return _entries(current_plan(store, session_id), item_titles(store, session_id))


def _objection_info(o: FundingObjection, application_id: str) -> ObjectionInfo:
    return ObjectionInfo(id=o.id, application_id=application_id, received_date=o.received_date, text=o.text,
                         outcome=o.outcome, amount=o.amount, reason=o.reason, actor=o.actor,
                         recorded_at=o.recorded_at, decided_at=o.decided_at)


def _objections(s, session_id: int) -> list[tuple[FundingObjection, str]]:
    return list(s.execute(
        select(FundingObjection, Application.application_id)
        .join(Application, Application.id == FundingObjection.application_pk)
        .where(Application.session_id == session_id).order_by(FundingObjection.id)).all())


def _info(s, row: FundingPublicity) -> PublicityInfo:
    objs = tuple(_objection_info(o, aid) for o, aid in _objections(s, row.session_id))
    return PublicityInfo(state=row.state, start_date=row.start_date, end_date=row.end_date,
                         published_at=row.published_at, list_sha256=row.list_sha256, frozen_at=row.frozen_at,
                         frozen_sha256=row.frozen_sha256, objections=objs)


def publicity_info(store: Store, session_id: int) -> PublicityInfo | None:
    with store.read() as s:
        row = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
        return None if row is None else _info(s, row)


def _session(s, session_id: int) -> ReviewSession:
    sess = s.get(ReviewSession, session_id)
    if sess is None:
        raise refusal("funding.session_missing", "funding.out.err.session_missing", session=session_id)
    return sess


def _as_date(value, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise refusal("funding.date", "funding.out.err.date", what=M(f"funding.out.what.{what}"), value=str(value)) from None


@operation
def start_publicity(store: Store, session_id: int, start: date, end: date) -> PublicityInfo:
    """Publish: the session must be finalised, every line decided (consensus, 秘书审核); the list
    is stored (canonical JSON + SHA-256) and the plan is locked."""
    start, end = _as_date(start, "start"), _as_date(end, "end")
    if end < start:
        raise refusal("funding.publicity.dates", "funding.out.err.dates", start=start.isoformat(), end=end.isoformat())
    now = today()
    for d in (start, end):
        if abs(d.year - now.year) > 1:
            raise refusal("funding.publicity.dates", "funding.out.err.date_year", date=d.isoformat(),
                          today=now.isoformat())
    if end < now:
        raise refusal("funding.publicity.dates", "funding.out.err.period_over", start=start.isoformat(),
                      end=end.isoformat(), today=now.isoformat())
    with store.read() as s:
        sess = _session(s, session_id)
        if s.scalar(select(FundingPublicity.id).where(FundingPublicity.session_id == session_id)) is not None:
            raise refusal("funding.publicity.exists", "funding.out.err.already", session=sess.name)
        if sess.state != "finalised":
            raise refusal("funding.publicity.not_finalised", "funding.out.err.not_finalised", session=sess.name)
    plan = current_plan(store, session_id)
    no_consensus = [ln.application_id for sc in plan.scopes for ln in sc.lines if ln.status == fm.NO_CONSENSUS]
    unconfirmed = [ln.application_id for sc in plan.scopes for ln in sc.lines if ln.status == fm.UNCONFIRMED]
    if no_consensus or unconfirmed:
        parts = []
        if no_consensus:
            parts.append(M("funding.out.err.no_consensus", ids=_ids(no_consensus)))
        if unconfirmed:
            parts.append(M("funding.out.err.unconfirmed", ids=_ids(unconfirmed)))
        raise refusal("funding.publicity.undecided", "funding.out.err.undecided", what=parts)
    over = [ln.application_id for sc in plan.scopes for ln in sc.lines if ln.adjust_over]
    if over:  # an adjustment above today's cap / rule amount: adjusted again before anything is announced
        raise refusal("funding.publicity.adjust_over", "funding.out.err.adjust_over", ids=_ids(over))
    if plan.missing_params:
        missing = [f"项目{i}" + (f"方向{d}" if d else "") + f" {p}" for i, d, p in plan.missing_params]
        raise refusal("funding.publicity.params", "funding.out.err.params", params=_ids(missing))
    lines = _entries(plan, item_titles(store, session_id))
    if not lines:
        raise refusal("funding.publicity.empty", "funding.out.err.empty", session=plan.session_name)
    with store.write() as s:
        sess = _session(s, session_id)
        # checked again inside the write: nothing may have slipped in since the plan was read
        if sess.state != "finalised":
            raise refusal("funding.publicity.not_finalised", "funding.out.err.not_finalised", session=sess.name)
        if s.scalar(select(FundingPublicity.id).where(FundingPublicity.session_id == session_id)) is not None:
            raise refusal("funding.publicity.exists", "funding.out.err.already", session=sess.name)
        # The write lock (BEGIN IMMEDIATE) is held: no other write can commit now, so the plan read
        # again here is the one being published; a budget / decision written since the first read
        # shows as a different data hash and the secretary retries.
        again = current_plan(store, session_id)
        if again.data_hash != plan.data_hash:
            raise refusal("funding.publicity.changed", "funding.out.err.plan_changed")
        rules_sha = again.rules_sha256   # the edition whose rules gave these amounts: pinned from now on
        doc = _document(session_id, plan.session_name, start, end, lines, plan_sha256=plan.data_hash,
                        rules_sha256=rules_sha)
        text, digest = _encode(doc)
        row = FundingPublicity(session_id=session_id, state="published", start_date=start, end_date=end,
                               list_json=text, list_sha256=digest, actor=store.actor)
        s.add(row)
        s.flush()
        store.audit(s, "funding.publish", session_id, start=start.isoformat(), end=end.isoformat(),
                    lines=len(lines), total=doc["total"], list_sha256=digest, plan_sha256=plan.data_hash,
                    rules_sha256=rules_sha)
        return _info(s, row)


def _published_row(s, session_id: int, *, action) -> FundingPublicity:
    row = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
    if row is None:
        raise refusal("funding.publicity.none", "funding.out.err.not_published", action=action)
    if row.state == "frozen":
        raise refusal("funding.publicity.frozen", "funding.out.err.frozen", action=action)
    return row


def _application(s, session_id: int, application: str | int) -> Application:
    app = application_in(s, session_id, application)
    if app is None:
        raise refusal("funding.application_missing", "funding.out.err.no_application", application=str(application))
    return app


@operation
def record_objection(store: Store, session_id: int, application: str | int, *, received: date, text: str) -> int:
    """An objection received during the 公示 against an application of the published list."""
    received = _as_date(received, "received")
    text = (text or "").strip()
    if not text:
        raise refusal("funding.objection.text", "funding.out.err.objection_text")
    with store.write() as s:
        sess = _session(s, session_id)
        row = _published_row(s, session_id, action=M("funding.out.action.objection_add"))
        app = _application(s, session_id, application)
        listed = {e["application_id"] for e in json.loads(row.list_json)["lines"]}
        if app.application_id not in listed:
            raise refusal("funding.objection.not_listed", "funding.out.err.not_listed",
                          application=app.application_id, session=sess.name)
        if not row.start_date <= received <= row.end_date:
            raise refusal("funding.objection.received", "funding.out.err.received", received=received.isoformat(),
                          start=row.start_date.isoformat(), end=row.end_date.isoformat())
        now = today()
        if received > now:
            raise refusal("funding.objection.received", "funding.out.err.received_future",
                          received=received.isoformat(), today=now.isoformat())
        if _revoked(s, app.id):
            raise refusal("funding.objection.revoked", "funding.out.err.revoked", application=app.application_id)
        o = FundingObjection(application_pk=app.id, received_date=received, text=text, actor=store.actor)
        s.add(o)
        s.flush()
        store.audit(s, "funding.objection.add", session_id, objection=o.id, application=app.application_id,
                    received=received.isoformat(), text=text)
        return o.id


def _revoked(s, application_pk: int) -> bool:
    return s.scalar(select(FundingObjection.id).where(FundingObjection.application_pk == application_pk,
                                                      FundingObjection.outcome == "revoke")) is not None


def _parse_amount(amount) -> Decimal:
    """The new amount of a 调整: the plan's own parser (decimal text, at most two places, never a
    float), then above 0 — checked on the value as it will be stored (0.004 is refused, not 0.00)."""
    from .money import parse_amount
    try:
        value = parse_amount(amount if isinstance(amount, Decimal) else str(amount).strip(), "adjusted")
        value = value.quantize(CENT, ROUND_HALF_UP) if value is not None else None
    except FundingError as e:
        if e.code == "funding.amount" and e.msg is not None and e.msg.key == "funding.edit.err.places":
            raise FundingError(str(e), "funding.objection.amount", msg=e.msg) from None
        raise refusal("funding.objection.amount", "funding.out.err.amount_bad", amount=str(amount)) from None
    except (InvalidOperation, ValueError, ArithmeticError):
        raise refusal("funding.objection.amount", "funding.out.err.amount_bad", amount=str(amount)) from None
    if value is None or value <= 0:
        raise refusal("funding.objection.amount", "funding.out.err.amount_bad", amount=str(amount))
    return value


@operation
def decide_objection(store: Store, objection_id: int, outcome: str, *, reason: str,
                     amount: Decimal | str | None = None) -> None:
    """``outcome`` maintain | adjust (with the new ``amount``) | revoke; reason required."""
    if outcome not in OUTCOMES:
        raise refusal("funding.objection.outcome", "funding.out.err.outcome", outcome=str(outcome))
    reason = (reason or "").strip()
    if han_count(reason) < 2 and len(reason) < 4:
        raise refusal("funding.objection.reason", "funding.out.err.reason")
    if outcome == "adjust":
        if amount is None or str(amount).strip() == "":
            raise refusal("funding.objection.amount", "funding.out.err.amount_missing")
        value = _parse_amount(amount)
    elif amount is not None and str(amount).strip() != "":
        raise refusal("funding.objection.amount", "funding.out.err.amount_unexpected", outcome=OUTCOMES[outcome])
    else:
        value = None
    line = None
    if value is not None:
        with store.read() as s:
            o = s.get(FundingObjection, objection_id)
            app = s.get(Application, o.application_pk) if o is not None else None
        if app is not None:  # the line's cap and rule amount (locked since the 公示: edits are refused)
            line = current_plan(store, app.session_id).line(app.application_id)
    with store.write() as s:
        o = s.get(FundingObjection, objection_id)
        if o is None:
            raise refusal("funding.objection.missing", "funding.out.err.objection_missing", id=objection_id)
        app = s.get(Application, o.application_pk)
        row = _published_row(s, app.session_id, action=M("funding.out.action.objection_decide"))
        if o.outcome:
            raise refusal("funding.objection.decided", "funding.out.err.decided", id=o.id,
                          outcome=OUTCOMES.get(o.outcome, o.outcome), at=str(o.decided_at or "")[:16])
        if value is not None:
            listed = next(e for e in json.loads(row.list_json)["lines"] if e["application_id"] == app.application_id)
            requested = Decimal(str(app.requested)).quantize(CENT, ROUND_HALF_UP)
            if value > requested:
                raise refusal("funding.objection.amount", "funding.out.err.amount_over", amount=_amount_text(value),
                              requested=_amount_text(requested), application=app.application_id)
            if line is not None:
                _within_plan(line, value)
            if _revoked(s, app.id):
                raise refusal("funding.objection.revoked", "funding.out.err.revoked", application=app.application_id)
            if value == Decimal(listed["amount"]):
                raise refusal("funding.objection.amount", "funding.out.err.amount_same", amount=_amount_text(value))
        o.outcome, o.amount, o.reason, o.decided_at = outcome, value, reason, utcnow()
        o.actor = store.actor
        store.audit(s, "funding.objection.decide", app.session_id, objection=o.id, application=app.application_id,
                    outcome=outcome, amount=_amount_text(value) if value is not None else None, reason=reason)


def _within_plan(line: fm.PlanLine, value: Decimal) -> None:
    """An objection's 调整 is bounded as a 核减/调整 before the 公示: by the rule's cap and, on a
    rule-route line, by the amount the rule gives."""
    from .plan import rule_amount
    if line.cap is not None and value > line.cap:
        raise refusal("funding.objection.amount", "funding.out.err.amount_over_cap", amount=_amount_text(value),
                      cap=_amount_text(line.cap), application=line.application_id)
    if line.route == "rule":
        ruled = rule_amount(line.computed, line.cap)
        if ruled is not None and value > ruled:
            raise refusal("funding.objection.amount", "funding.out.err.amount_over_rule", amount=_amount_text(value),
                          rule=_amount_text(ruled), application=line.application_id)


@operation
def freeze(store: Store, session_id: int, *, today: date | None = None) -> PublicityInfo:
    """立项: after the 公示 period, with every objection decided: the final list is stored.
    ``today`` defaults to the module's :func:`today` (the CLI and the GUI never pass it)."""
    today = today or globals()["today"]()
    with store.write() as s:
        _session(s, session_id)
        row = _published_row(s, session_id, action=M("funding.out.action.freeze"))
        if today <= row.end_date:
            raise refusal("funding.freeze.period", "funding.out.err.period", end=row.end_date.isoformat(),
                          today=today.isoformat())
        objs = _objections(s, session_id)
        pending = [f"#{o.id}（{aid}）" for o, aid in objs if not o.outcome]
        if pending:
            raise refusal("funding.freeze.pending", "funding.out.err.pending", ids=_ids(pending))
        published = json.loads(row.list_json)
        decided = sorted(((o, aid) for o, aid in objs), key=lambda t: (t[0].decided_at, t[0].id))
        lines = apply_outcomes(published["lines"], [(aid, o.outcome, o.amount) for o, aid in decided])
        outcomes = [{"id": o.id, "application_id": aid, "outcome": o.outcome,
                     "amount": _amount_text(o.amount) if o.amount is not None else None} for o, aid in decided]
        doc = _document(session_id, published["session_name"], row.start_date, row.end_date, lines,
                        published_sha256=row.list_sha256, objections=outcomes)
        text, digest = _encode(doc)
        row.state, row.frozen_json, row.frozen_sha256, row.frozen_at = "frozen", text, digest, utcnow()
        store.audit(s, "funding.freeze", session_id, lines=len(lines), total=doc["total"], frozen_sha256=digest,
                    published_sha256=row.list_sha256, objections=len(objs))
        return _info(s, row)
