"""Merging two roster entries of one person (issue 20 item 1): ``merge_experts(keep, drop)``.

What moves from ``drop`` to ``keep``, in one audited write:

* panel memberships (of open sessions) and the leader role — where ``keep`` already sits on that
  panel, ``drop``'s seat is simply removed;
* assignments — where ``keep`` is already assigned the same application, ``drop``'s is removed;
* conflicts (回避) of every source, dismissed or not — an identical one of ``keep`` is not doubled;
* the roster particulars ``keep`` lacks (title, phone, e-mail, credit code) and, added to
  ``keep``'s, the fields (专业领域) and declared avoidances (回避单位/人员): a declared
  avoidance is never lost;
* the pinned expert key, when only ``drop`` has one.

Then ``drop`` is deleted. Draw records keep naming ``drop`` as drawn then (they are evidence);
the audit event ``roster.expert_merge`` links the two.

Refused, with nothing written:

* both have scores, review bundles or score files in one session (two reviews would become one
  person's);
* ``drop`` alone has any of them: a review bundle and the score file coming back carry the
  expert's internal number (``exchange/scores_import.py`` checks it), so they would no longer
  import or verify; the message says to keep that one and merge the other into it (or
  deactivate it);
* ``drop`` sits on a panel of a finalised session (a finalised session does not change);
* both have a pinned key and the keys differ (perhaps not one person), or ``drop`` has a leader
  signing certificate pinned.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..changes import operation
from ..i18n import M
from ..store import Store
from ..store.models import (Application, Assignment, Bundle, Conflict, Expert, Grade, KeyPin, Opinion, Panel,
                            PanelMember, Recommendation, ReviewSession, ScoreImport, SigningCertificate)
from .experts import expert_info, standing_list
from .identity import PersonError


@dataclass(frozen=True)
class MergeResult:
    keep_id: int
    keep_key: str
    drop_key: str
    members: int       # panel seats moved (or dropped as already held by keep)
    assignments: int
    conflicts: int

    def msg(self):
        return M("merge.done", keep=self.keep_key, drop=self.drop_key, members=self.members,
                 assignments=self.assignments, conflicts=self.conflicts)


def _expert(s, ref: int | str) -> Expert:
    e = s.get(Expert, ref) if isinstance(ref, int) else s.scalar(select(Expert).where(Expert.roster_key == str(ref)))
    if e is None and isinstance(ref, str) and ref.strip().isdigit():
        e = s.get(Expert, int(ref))
    if e is None:
        raise PersonError(M("merge.missing", ref=str(ref)))
    return e


def _who(e: Expert) -> str:
    return f"{e.roster_key} {e.name}"


def _reviewed_sessions(s, expert_id: int) -> dict[int, str]:
    """Session id → name of every session where the expert has a bundle, a score file or scores."""
    ids = set(s.scalars(select(Bundle.session_id).where(Bundle.expert_id == expert_id)))
    ids |= set(s.scalars(select(Bundle.session_id).join(ScoreImport, ScoreImport.bundle_id == Bundle.bundle_id)
                         .where(ScoreImport.expert_id == expert_id)))
    for model in (Grade, Opinion, Recommendation):
        ids |= set(s.scalars(select(Application.session_id).join(model, model.application_pk == Application.id)
                             .where(model.expert_id == expert_id)))
    return {sid: s.get(ReviewSession, sid).name for sid in sorted(ids)}


@operation
def merge_experts(store: Store, keep: int | str, drop: int | str) -> MergeResult:
    """Make ``drop`` (id or 专家编号) part of ``keep`` and delete it (see the module docstring)."""
    with store.write() as s:
        k, d = _expert(s, keep), _expert(s, drop)
        if k.id == d.id:
            raise PersonError(M("merge.same", rkey=k.roster_key))
        kept, dropped = _reviewed_sessions(s, k.id), _reviewed_sessions(s, d.id)
        if both := sorted(set(kept) & set(dropped)):
            raise PersonError(M("merge.both_reviewed", keep=_who(k), drop=_who(d), session=kept[both[0]]))
        if dropped:
            raise PersonError(M("merge.drop_reviewed", keep=_who(k), drop=_who(d),
                                session=next(iter(dropped.values()))))
        if k.key_fingerprint and d.key_fingerprint and k.key_fingerprint != d.key_fingerprint:
            raise PersonError(M("merge.keys", keep=_who(k), drop=_who(d), kfp=k.key_fingerprint[:16],
                                dfp=d.key_fingerprint[:16]))
        if s.scalar(select(SigningCertificate.id).where(SigningCertificate.expert_id == d.id)) is not None:
            raise PersonError(M("merge.cert", keep=_who(k), drop=_who(d)))
        seats = list(s.execute(select(PanelMember, Panel, ReviewSession).join(Panel, Panel.id == PanelMember.panel_id)
                               .join(ReviewSession, ReviewSession.id == Panel.session_id)
                               .where(PanelMember.expert_id == d.id)))
        for _m, panel, sess in seats:
            if sess.state != "open":
                raise PersonError(M("merge.locked", drop=_who(d), session=sess.name, panel=panel.name))
        before = {"keep": _snapshot(k), "drop": _snapshot(d)}
        # panel seats and the leader role
        for member, panel, _sess in seats:
            held = s.get(PanelMember, (panel.id, k.id)) is not None
            s.delete(member)
            s.flush()
            if not held:
                s.add(PanelMember(panel_id=panel.id, expert_id=k.id))
            if panel.leader_expert_id == d.id:
                panel.leader_expert_id = k.id
        # assignments
        taken = set(s.scalars(select(Assignment.application_pk).where(Assignment.expert_id == k.id)))
        moved_assignments = 0
        for a in list(s.scalars(select(Assignment).where(Assignment.expert_id == d.id))):
            if a.application_pk in taken:
                s.delete(a)
            else:
                a.expert_id = k.id
                taken.add(a.application_pk)
            moved_assignments += 1
        # conflicts
        have = {(c.session_id, c.application_pk, c.source, c.reason)
                for c in s.scalars(select(Conflict).where(Conflict.expert_id == k.id))}
        moved_conflicts = 0
        for c in list(s.scalars(select(Conflict).where(Conflict.expert_id == d.id))):
            if (c.session_id, c.application_pk, c.source, c.reason) in have:
                s.delete(c)
            else:
                c.expert_id = k.id
            moved_conflicts += 1
        # the pinned key
        if d.key_fingerprint and not k.key_fingerprint:
            fpr, d.key_fingerprint = d.key_fingerprint, None
            s.flush()
            k.key_fingerprint = fpr
        for pin in s.scalars(select(KeyPin).where(KeyPin.expert_id == d.id)):
            pin.expert_id = k.id
        # particulars: blanks filled, lists united
        for attr in ("title", "phone", "email", "unit_credit_code"):
            if not getattr(k, attr) and getattr(d, attr):
                setattr(k, attr, getattr(d, attr))
        ki, di = expert_info(k), expert_info(d)
        k.fields = list(dict.fromkeys(ki.fields + di.fields))
        k.standing_conflicts = standing_list(list(dict.fromkeys(ki.avoid_units + di.avoid_units)),
                                             list(dict.fromkeys(ki.avoid_persons + di.avoid_persons)))
        result = MergeResult(k.id, k.roster_key, d.roster_key, len(seats), moved_assignments, moved_conflicts)
        store.audit(s, "roster.expert_merge", None, keep_id=k.id, keep=k.roster_key, drop_id=d.id,
                    drop=d.roster_key, before=before, after=_snapshot(k), members=len(seats),
                    assignments=moved_assignments, conflicts=moved_conflicts)
        s.flush()
        s.delete(d)
        return result


def _snapshot(e: Expert) -> dict:
    i = expert_info(e)
    return {"roster_key": i.roster_key, "name": i.name, "unit": i.unit, "credit_code": i.unit_credit_code,
            "title": i.title, "fields": i.fields, "phone": i.phone, "email": i.email, "avoid_units": i.avoid_units,
            "avoid_persons": i.avoid_persons, "active": i.active}
