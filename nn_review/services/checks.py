"""Run the formal checks of a whole session and store the findings (one transaction)."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from ..checks.cross import cross_findings
from ..checks.engine import FindingData, stored_msg, verdict
from ..checks.package_checks import check_package
from ..guide import Guide
from ..store import Store, StoreError
from ..store.models import Application, Finding, ReviewSession
from .guides import parse_edition_row
from ..changes import operation

log = logging.getLogger(__name__)


def findings_for(guide: Guide, manifests: list[tuple[int, dict]], review_start=None) -> dict[int, list[FindingData]]:
    cross = cross_findings(manifests)
    return {key: check_package(guide, m, review_start=review_start) + cross.get(key, [])
            for key, m in manifests}


@operation
def run_checks(store: Store, session_id: int) -> Counter:
    """Recompute every finding of the session; returns how many packages pass/fail/attention."""
    with store.write() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is not None and sess.state != "open":
            # Findings are printed on the result sheets: a finalised session keeps them as decided.
            raise StoreError(f"评审批次“{sess.name}”已定稿锁定，不能重新运行形式审查")
        guide = parse_edition_row(sess.guide_edition)
        apps = s.scalars(select(Application).where(Application.session_id == session_id)).all()
        results = findings_for(guide, [(a.id, a.manifest) for a in apps], sess.start_date)
        s.execute(delete(Finding).where(Finding.application_pk.in_([a.id for a in apps])))
        tally: Counter = Counter()
        for app in apps:
            found = results[app.id]
            for i, f in enumerate(found):
                s.add(Finding(application_pk=app.id, position=i, rule_id=f.rule_id, scope=f.scope,
                              severity=f.severity, status=f.status, declared=f.declared,
                              threshold=f.threshold, message=f.message, source_text=f.source_text,
                              message_json=f.msg.dumps() if f.msg else ""))
            old, app.check_status = app.check_status, verdict(found)
            tally[app.check_status] += 1
            reset_stale_acceptance(store, s, app, old)
        store.audit(s, "session.checks", session_id, **tally)
        return tally


def reset_stale_acceptance(store: Store, s, app: Application, old_status: str) -> None:
    """An acceptance (通过) was decided on the machine verdict of its time: when the verdict changes
    (a package imported later duplicates it, the guide changed), it goes back to 未确认 so the
    secretary decides again. Exclusions stand (their reason does not rest on the verdict)."""
    if app.formal_decision != "accepted" or old_status in ("unchecked", app.check_status):
        return
    before = {"decision": app.formal_decision, "reason": app.formal_reason, "actor": app.formal_actor}
    app.formal_decision, app.formal_reason, app.formal_actor, app.formal_decided_at = "", "", "", None
    store.audit(s, "formal.reset", app.session_id, application_id=app.application_id, old=before,
                new={"decision": "", "reason": ""},
                reason=f"机器审查结论由 {old_status} 变为 {app.check_status}，原“通过”结论需重新确认")


@dataclass(frozen=True)
class Recheck:
    """A read-only re-run of the checks of a finalised session (nothing written)."""
    findings: dict[int, list[FindingData]]          # application pk → what the checks give now
    changed: list[str] = field(default_factory=list)  # application ids whose frozen findings differ


def recheck(store: Store, session_id: int) -> Recheck:
    """Re-run the formal checks in memory, for a session whose findings are frozen (finalised:
    the result sheets print them as decided). Compares with the stored findings; writes nothing."""
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise StoreError(f"没有评审批次 {session_id}")
        apps = s.scalars(select(Application).where(Application.session_id == session_id)
                         .order_by(Application.application_id)).all()
        results = findings_for(parse_edition_row(sess.guide_edition), [(a.id, a.manifest) for a in apps], sess.start_date)
        changed = [a.application_id for a in apps
                   if [f.to_json() for f in results[a.id]] != [_stored(f).to_json() for f in a.findings]]
        return Recheck(results, changed)


def _stored(f: Finding) -> FindingData:
    return FindingData(f.rule_id, f.scope, f.severity, f.status, f.message, f.declared, f.threshold, f.source_text,
                       stored_msg(f.message_json))


def has_unchecked(store: Store, session_id: int) -> bool:
    """An open session has packages whose checks never completed (an import killed between its
    commit and its check run, or during it)."""
    return session_id in unchecked_sessions(store)


def unchecked_sessions(store: Store) -> list[int]:
    with store.read() as s:
        return list(s.scalars(select(Application.session_id).join(ReviewSession)
                              .where(ReviewSession.state == "open", Application.check_status == "unchecked")
                              .distinct().order_by(Application.session_id)))


@operation
def ensure_checked(store: Store, session_id: int) -> None:
    """Re-run checks if an import was interrupted between its commit and the check run."""
    if has_unchecked(store, session_id):
        run_checks(store, session_id)


@operation
def ensure_all_checked(store: Store) -> dict[int, str]:
    """At the start (store open): check what a killed import left unchecked, in every open session.
    A session whose checks fail keeps its packages 未审查 (shown so) and is named in the result
    (session id → error); the store still opens."""
    failed: dict[int, str] = {}
    for sid in unchecked_sessions(store):
        try:
            run_checks(store, sid)
        except Exception as e:  # noqa: BLE001 - opening the store must not fail on one session's checks
            log.warning("形式审查未能完成（评审批次 %s）：%s", sid, e)
            failed[sid] = str(e)
    return failed
