"""Formal-check decisions (形式审查结论) and the 核对清单 ticks.

The machine verdict (``applications.check_status``: pass | fail | attention) says what the
rules found; the secretary's decision says what the bureau decided: ``accepted`` (通过) or
``excluded`` (不予受理). A reason is required wherever the decision is not simply the machine's
own verdict: accepting a package that did not pass, every exclusion, and withdrawing a decision.
Each manual requirement of a package (findings with status ``manual``) gets a tick with a note.

Every change is one write transaction with an audit event holding the old and the new value;
the state is re-read inside that transaction. A finalised session refuses every change.

An excluded package never enters a panel or a bundle (nn_review.roster.panels,
nn_review.exchange.bundles use ``excluded_in`` / ``excluded_message`` inside their own write
transactions) and its returned reviews are not counted (nn_review.results).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..checks.engine import VERDICT_ZH, stored_msg
from ..i18n import M, Msg, catalog
from ..store import Store, StoreError
from ..store.models import Application, Finding, ManualCheck, ReviewSession, utcnow
from ..changes import operation

ACCEPTED, EXCLUDED = "accepted", "excluded"
DECISION_ZH = {ACCEPTED: "通过", EXCLUDED: "不予受理", "": "未确认"}
FORMAT = "nn-review/formal-decisions/1"
UNDO_REASON = "撤销"  # the reason recorded when the GUI's Ctrl+Z reverses the last decision


@dataclass(frozen=True)
class ManualItem:
    """One line of the 核对清单."""
    rule_id: str
    message: str
    source_text: str
    ticked: bool
    note: str
    actor: str
    updated_at: datetime | None
    msg: Msg | None = None  # the message per language (None: a finding from before v8)

    def to_json(self) -> dict[str, Any]:
        return {"rule_id": self.rule_id, "message": self.message, "ticked": self.ticked, "note": self.note,
                "actor": self.actor, "updated_at": _iso(self.updated_at)}


@dataclass(frozen=True)
class FormalState:
    """Machine verdict, the secretary's decision and the 核对清单 of one package."""
    application_id: str
    title: str
    verdict: str            # pass | fail | attention | unchecked
    decision: str           # '' | accepted | excluded
    reason: str
    actor: str
    decided_at: datetime | None
    manual: tuple[ManualItem, ...] = ()

    @property
    def ticks_done(self) -> int:
        return sum(m.ticked for m in self.manual)

    @property
    def ticks_total(self) -> int:
        return len(self.manual)

    @property
    def needs_decision(self) -> bool:
        """Not passed by the machine and not decided by the secretary yet."""
        return self.decision == "" and self.verdict != "pass"

    @property
    def label(self) -> str:
        return formal_label(self.verdict, self.decision)

    def decision_json(self) -> dict[str, Any]:
        """The ``decision`` object added to each package of the check report (and decisions --json)."""
        return {"decision": self.decision or None, "label": self.label, "reason": self.reason,
                "actor": self.actor, "decided_at": _iso(self.decided_at),
                "manual_checks": {"done": self.ticks_done, "total": self.ticks_total,
                                  "items": [m.to_json() for m in self.manual]}}

    def to_json(self) -> dict[str, Any]:
        return {"application_id": self.application_id, "title": self.title, "verdict": self.verdict,
                **self.decision_json()}


def _iso(at: datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") + "Z" if at else None


def decision_text(verdict: str, decision: str) -> str:
    """The decision alone: 通过 / 通过（已核实） / 不予受理 / 未确认."""
    if decision == ACCEPTED and verdict != "pass":
        return "通过（已核实）"
    return DECISION_ZH[decision]


def formal_label(verdict: str, decision: str) -> str:
    """Machine verdict → decision, as the table, the CLI and the sheets show it."""
    return f"{VERDICT_ZH.get(verdict, verdict)} → {decision_text(verdict, decision)}"


# -- reading ------------------------------------------------------------------------------

def _refused(key: str, **params) -> StoreError:
    """A refusal: Chinese for the CLI (``str``), the message id for the GUI (``msg``)."""
    msg = M(key, **params)
    e = StoreError(msg.render("zh_CN"))
    e.msg = msg
    return e


def _decision_msg(verdict: str, decision: str) -> Msg:
    if decision == ACCEPTED and verdict != "pass":
        return M("check.decision.verified")
    return M(f"check.decision.{decision or 'undecided'}")


def _app(s, session_id: int, application_id: str) -> Application:
    a = s.scalar(select(Application).where(Application.session_id == session_id,
                                          Application.application_id == str(application_id).strip()))
    if a is None:
        raise _refused("formal.no_application", id=str(application_id))
    return a


def _manual_items(s, app: Application) -> tuple[ManualItem, ...]:
    ticks = {m.rule_id: m for m in s.scalars(select(ManualCheck).where(ManualCheck.application_pk == app.id))}
    out = []
    for f in s.scalars(select(Finding).where(Finding.application_pk == app.id, Finding.status == "manual")
                       .order_by(Finding.position)):
        t = ticks.get(f.rule_id)
        out.append(ManualItem(f.rule_id, f.message, f.source_text, bool(t and t.ticked), t.note if t else "",
                              t.actor if t else "", t.updated_at if t else None, stored_msg(f.message_json)))
    return tuple(out)


def state_of(s, app: Application) -> FormalState:
    """The formal state of a package inside the caller's transaction."""
    return FormalState(app.application_id, app.title, app.check_status, app.formal_decision or "",
                       app.formal_reason or "", app.formal_actor or "", app.formal_decided_at, _manual_items(s, app))


def formal_state(store: Store, session_id: int, application_id: str) -> FormalState:
    with store.read() as s:
        return state_of(s, _app(s, session_id, application_id))


def list_formal(store: Store, session_id: int) -> list[FormalState]:
    with store.read() as s:
        apps = s.scalars(select(Application).where(Application.session_id == session_id)
                         .order_by(Application.application_id)).all()
        return [state_of(s, a) for a in apps]


def decisions_report(store: Store, session_id: int) -> dict[str, Any]:
    """``session decisions --json``."""
    states = list_formal(store, session_id)
    count = lambda pred: sum(1 for x in states if pred(x))  # noqa: E731
    return {"format": FORMAT, "session_id": session_id, "packages": [x.to_json() for x in states],
            "summary": {"total": len(states), "accepted": count(lambda x: x.decision == ACCEPTED),
                        "excluded": count(lambda x: x.decision == EXCLUDED),
                        "undecided": count(lambda x: x.decision == ""),
                        "needs_decision": count(lambda x: x.needs_decision)}}


# -- writing ------------------------------------------------------------------------------

def _open_session(s, session_id: int) -> ReviewSession:
    sess = s.get(ReviewSession, session_id)
    if sess is None:
        raise StoreError(f"没有评审批次 {session_id}")
    if sess.state != "open":
        raise _refused("formal.finalised", name=sess.name)
    return sess


@operation
def decide(store: Store, session_id: int, application_id: str, decision: str, reason: str = "") -> FormalState:
    """Record the secretary's decision: ``accepted``, ``excluded`` or ``''`` (withdraw, reason required)."""
    if decision not in (ACCEPTED, EXCLUDED, ""):
        raise StoreError(f"形式审查结论应为 accepted（通过）或 excluded（不予受理），实际为 {decision!r}")
    reason = (reason or "").strip()
    with store.write() as s:
        _open_session(s, session_id)
        app = _app(s, session_id, application_id)  # re-read inside the write lock
        aid, verdict, old = app.application_id, app.check_status, app.formal_decision or ""
        if decision == "":
            if old == "":
                raise _refused("formal.nothing_to_withdraw", id=aid)
            if not reason:
                raise _refused("formal.withdraw_reason", id=aid, decision=M(f"check.decision.{old}"))
        elif decision == EXCLUDED and not reason:
            raise _refused("formal.exclude_reason", id=aid)
        elif decision == ACCEPTED and verdict != "pass" and not reason:
            failed = s.scalar(select(Finding.id).where(Finding.application_pk == app.id, Finding.status == "fail")
                              .limit(1))
            what = M("formal.has_failures") if failed is not None else M("formal.has_attention")
            verdict_msg = M(f"check.verdict.{verdict}") if f"check.verdict.{verdict}" in catalog() else verdict
            raise _refused("formal.accept_reason", id=aid, verdict=verdict_msg, what=what)
        if decision == old and reason == (app.formal_reason or ""):
            raise _refused("formal.unchanged", id=aid, decision=_decision_msg(verdict, old))
        before = {"decision": old, "reason": app.formal_reason or "", "actor": app.formal_actor or "",
                  "decided_at": _iso(app.formal_decided_at)}
        if decision:
            app.formal_decision, app.formal_reason = decision, reason
            app.formal_actor, app.formal_decided_at = store.actor, utcnow()
        else:  # withdrawn: back to "not decided"; the withdrawal and its reason live in the audit trail
            app.formal_decision, app.formal_reason, app.formal_actor, app.formal_decided_at = "", "", "", None
        store.audit(s, "formal.withdraw" if decision == "" else "formal.decide", session_id,
                    application_id=aid, verdict=verdict, old=before,
                    new={"decision": decision, "reason": reason}, reason=reason)
        s.flush()
        return state_of(s, app)


@operation
def set_manual_check(store: Store, session_id: int, application_id: str, rule_id: str, ticked: bool,
                     note: str | None = None) -> ManualItem:
    """Tick or untick one manual requirement of a package; ``note=None`` keeps the current note."""
    rule_id = (rule_id or "").strip()
    with store.write() as s:
        _open_session(s, session_id)
        app = _app(s, session_id, application_id)
        manual = [f.rule_id for f in s.scalars(select(Finding).where(
            Finding.application_pk == app.id, Finding.status == "manual").order_by(Finding.position))]
        if rule_id not in manual:
            known = "、".join(manual) or "无（该申报包没有需人工核对的要求）"
            raise StoreError(f"申报 {app.application_id} 没有需人工核对的要求 {rule_id!r}（核对清单：{known}）")
        row = s.scalar(select(ManualCheck).where(ManualCheck.application_pk == app.id, ManualCheck.rule_id == rule_id))
        old = {"ticked": bool(row and row.ticked), "note": row.note if row else ""}
        new = {"ticked": bool(ticked), "note": old["note"] if note is None else note.strip()}
        if new != old:
            if row is None:
                row = ManualCheck(application_pk=app.id, rule_id=rule_id, ticked=False, note="", actor=store.actor)
                s.add(row)
            row.ticked, row.note, row.actor, row.updated_at = new["ticked"], new["note"], store.actor, utcnow()
            store.audit(s, "formal.manual_check", session_id, application_id=app.application_id, rule_id=rule_id,
                        old=old, new=new)
            s.flush()
        return next(m for m in _manual_items(s, app) if m.rule_id == rule_id)


# -- used by panels and bundles inside their own write transactions ------------------------

def excluded_message(app: Application, where: str) -> str:
    reason = f"（理由：{app.formal_reason}）" if app.formal_reason else ""
    return f"申报 {app.application_id}“{app.title}”形式审查结论为不予受理{reason}，不能{where}"


def undecided_warning(app: Application) -> str | None:
    """A package the machine did not pass and nobody has decided on yet: allowed, but said."""
    if app.formal_decision or app.check_status == "pass":
        return None
    return (f"申报 {app.application_id} 形式审查为“{VERDICT_ZH.get(app.check_status, app.check_status)}”，"
            f"尚未确认形式审查结论（nn-review session decide {app.application_id} --accept|--exclude）")


def excluded_msg(app: Application, where: Msg, *, skipped: bool = False) -> Msg:
    """``excluded_message`` as a message id for the GUI; ``where``: a ``formal.where.*`` message
    (``M("formal.where.panel", panel=name)``); ``skipped``: the package was left out, not refused."""
    reason = M("formal.excluded_reason", reason=app.formal_reason) if app.formal_reason else ""
    msg = M("formal.excluded", id=app.application_id, title=app.title, reason=reason, where=where)
    return M("formal.skipped", text=msg) if skipped else msg


def undecided_msg(app: Application) -> Msg | None:
    """``undecided_warning`` for the GUI: the same words without the CLI command (kept as ``detail``)."""
    if app.formal_decision or app.check_status == "pass":
        return None
    verdict = M(f"check.verdict.{app.check_status}") if f"check.verdict.{app.check_status}" in catalog() \
        else app.check_status
    return M("formal.undecided", id=app.application_id, verdict=verdict,
             detail=f"nn-review session decide {app.application_id} --accept|--exclude")


def excluded_in(apps) -> list[Application]:
    return [a for a in apps if a.formal_decision == EXCLUDED]
