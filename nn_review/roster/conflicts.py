"""Conflicts of interest (回避), per review-rules.md.

Detection covers **every roster expert × every application of the session**, not only panel
members: the random draw must know who is conflicted before anyone is a member, and a
secretary's manual conflicts and dismissals then hold for whoever ends up on a panel.

Rules (each gives its own reason text, so the secretary sees why):

* expert unit credit code == applicant / partner / consortium-member credit code;
* otherwise normalised expert unit name == that unit's normalised name (``normalize_unit``);
* expert (normalised name) is the leader or a member. Where the manifest gives the person's
  unit and it equals the expert's unit, it is the expert. When the unit is missing or
  differs, it is still recorded as a conflict, with a reason saying 同名 … 请核实: a missed
  conflict sends a package to the wrong person, a false one is dismissed with one click;
* declared standing conflicts: 回避单位 against applicant/partners/consortium members
  (normalised names), 回避人员 against leader/members (normalised names).

Re-detection rewrites only ``source == "auto"`` rows. An auto row whose reason is found again
keeps its id and its dismissal (so a dismissed conflict stays dismissed); an undismissed auto
row no longer found is deleted; dismissed ones are kept as the record of the decision.
Manual (secretary) and declared (expert, during review) conflicts are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..store import Store, StoreError
from ..store.models import Conflict, Expert, Panel, PanelMember
from .common import application_row, session_applications, session_row
from .experts import expert_info
from .normalize import normalize_person, normalize_unit
from ..changes import operation

SOURCE_ZH = {"auto": "自动", "manual": "人工", "declared": "专家声明"}


@dataclass(frozen=True)
class DetectSummary:
    added: int           # new auto conflicts
    removed: int         # auto conflicts no longer found
    active: int          # active (not dismissed) conflicts of the session, all sources
    dismissed: int       # dismissed conflicts of the session


# -- detection ----------------------------------------------------------------------------

def _units(m: dict) -> list[tuple[str, str, str]]:
    """(role, name, credit code) of every organisation of an application, each code once."""
    out = [("申报单位", m["applicant"]["name"], m["applicant"]["credit_code"])]
    out += [("合作单位", p["name"], p["credit_code"]) for p in m.get("partners") or []]
    out += [("创新联合体成员单位", u["name"], u["credit_code"]) for u in (m.get("consortium") or {}).get("members", [])]
    seen: set[str] = set()
    return [u for u in out if not (u[2] in seen or seen.add(u[2]))]


def _people(m: dict) -> list[tuple[str, str, str]]:
    """(role, name, unit or '') of the leader and the members."""
    out = [("项目负责人", m["leader"]["name"], m["leader"].get("unit") or "")] if m.get("leader") else []
    return out + [("项目组成员", p["name"], p.get("unit") or "") for p in m.get("members") or []]


@dataclass(frozen=True)
class _Probe:
    """An expert's names, normalised once (detection runs every expert × every application)."""
    unit: str
    unit_n: str
    code: str | None
    name_n: str
    avoid_units: tuple[tuple[str, str], ...]
    avoid_persons: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, expert: Expert) -> _Probe:
        info = expert_info(expert)
        return cls(info.unit, normalize_unit(info.unit), info.unit_credit_code, normalize_person(info.name),
                   tuple((u, normalize_unit(u)) for u in info.avoid_units),
                   tuple((p, normalize_person(p)) for p in info.avoid_persons))


def _parties(manifest: dict) -> tuple[list, list]:
    units = [(role, name, code, normalize_unit(name)) for role, name, code in _units(manifest)]
    people = [(role, name, unit, normalize_person(name), normalize_unit(unit))
              for role, name, unit in _people(manifest)]
    return units, people


def conflict_reasons(expert: Expert, manifest: dict) -> list[str]:
    """Why ``expert`` must not review the application with ``manifest`` ([] = no conflict)."""
    return _reasons(_Probe.of(expert), *_parties(manifest))


def _reasons(e: _Probe, units: list, people: list) -> list[str]:
    out: list[str] = []
    for role, name, code, name_n in units:
        if e.code and e.code == code:
            out.append(f"专家单位与{role}“{name}”相同（统一社会信用代码 {code}）")
        elif e.unit_n and e.unit_n == name_n:
            out.append(f"专家单位“{e.unit}”与{role}“{name}”为同一单位（名称一致）")
        out += [f"专家声明回避单位“{u}”，为本项目{role}" for u, un in e.avoid_units if un and un == name_n]
    for role, name, unit, name_n, unit_n in people:
        if e.name_n and e.name_n == name_n:
            if unit and unit_n == e.unit_n:
                out.append(f"专家为本项目{role}（姓名“{name}”、单位“{unit}”一致）")
            elif unit:
                out.append(f"专家与本项目{role}同名（“{name}”，其单位为“{unit}”，专家单位为“{e.unit}”），"
                           "请核实；确非本人可撤销")
            else:
                out.append(f"专家与本项目{role}同名（“{name}”，申报材料未注明其单位），请核实；确非本人可撤销")
        out += [f"专家声明回避人员“{p}”，为本项目{role}" for p, pn in e.avoid_persons if pn and pn == name_n]
    return list(dict.fromkeys(out))


def _auto_found(s, session_id: int) -> dict[tuple[int, int, str], None]:
    """(expert id, application pk, reason) of every auto conflict detection finds now, in rule order."""
    probes = [(e.id, _Probe.of(e)) for e in s.scalars(select(Expert))]
    found: dict[tuple[int, int, str], None] = {}  # ordered: new rows get ids in rule order
    for a in session_applications(s, session_id):
        units, people = _parties(a.manifest)
        found.update(((eid, a.id, r), None) for eid, probe in probes for r in _reasons(probe, units, people))
    return found


def pending_auto_changes(s, session_id: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """What re-detection would change, without writing: (auto conflicts it would add, undismissed
    auto conflicts it would remove). Detection runs when the secretary opens the conflicts, not
    when the roster or an application changes, so results can rest on an outdated detection."""
    found = _auto_found(s, session_id)
    existing = {(c.expert_id, c.application_pk, c.reason): c
                for c in s.scalars(select(Conflict).where(Conflict.session_id == session_id,
                                                          Conflict.source == "auto"))}
    return ([k for k in found if k not in existing],
            [k for k, row in existing.items() if k not in found and not row.dismissed])


def refresh_auto_conflicts(s, session_id: int) -> tuple[int, int]:
    """Recompute auto conflicts inside the caller's transaction; (added, removed)."""
    found = _auto_found(s, session_id)
    existing = {(c.expert_id, c.application_pk, c.reason): c
                for c in s.scalars(select(Conflict).where(Conflict.session_id == session_id,
                                                          Conflict.source == "auto"))}
    new = [key for key in found if key not in existing]
    for eid, pk, reason in new:
        s.add(Conflict(session_id=session_id, expert_id=eid, application_pk=pk, source="auto", reason=reason,
                       dismissed=False, dismiss_reason=""))
    removed = 0
    for key, row in existing.items():
        if key not in found and not row.dismissed:
            s.delete(row)
            removed += 1
    s.flush()
    return len(new), removed


def active_conflicts(s, session_id: int) -> dict[tuple[int, int], list[str]]:
    """(expert id, application pk) → reasons of the active (not dismissed) conflicts."""
    out: dict[tuple[int, int], list[str]] = {}
    for c in s.scalars(select(Conflict).where(Conflict.session_id == session_id, Conflict.dismissed.is_(False))
                       .order_by(Conflict.id)):
        out.setdefault((c.expert_id, c.application_pk), []).append(c.reason)
    return out


@operation
def detect_conflicts(store: Store, session_id: int) -> DetectSummary:
    with store.write() as s:
        session_row(s, session_id)
        added, removed = refresh_auto_conflicts(s, session_id)
        rows = list(s.scalars(select(Conflict).where(Conflict.session_id == session_id)))
        summary = DetectSummary(added, removed, sum(not c.dismissed for c in rows), sum(c.dismissed for c in rows))
        store.audit(s, "conflict.detect", session_id, added=added, removed=removed, active=summary.active)
        return summary


# -- manual decisions ---------------------------------------------------------------------

@operation
def add_conflict(store: Store, session_id: int, expert_id: int, application_id: str | int, reason: str) -> int:
    """A secretary's conflict (source ``manual``); ``application_id`` = 申报编号, or the database id as int."""
    reason = (reason or "").strip()
    if not reason:
        raise StoreError("请填写回避原因")
    with store.write() as s:
        session_row(s, session_id)
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise StoreError(f"专家库中没有专家 {expert_id}")
        app = application_row(s, session_id, application_id)
        row = Conflict(session_id=session_id, expert_id=expert_id, application_pk=app.id, source="manual",
                       reason=reason, dismissed=False, dismiss_reason="")
        s.add(row)
        s.flush()
        store.audit(s, "conflict.add", session_id, conflict_id=row.id, expert=expert.roster_key,
                    application_id=app.application_id, reason=reason)
        return row.id


@operation
def dismiss_conflict(store: Store, conflict_id: int, reason: str) -> None:
    """Set a conflict aside (e.g. 同名 but not the same person); the reason is kept and audited."""
    reason = (reason or "").strip()
    if not reason:
        raise StoreError("撤销回避须填写理由")
    with store.write() as s:
        row = s.get(Conflict, conflict_id)
        if row is None:
            raise StoreError(f"没有回避记录 {conflict_id}")
        session_row(s, row.session_id)
        if row.dismissed:
            raise StoreError(f"回避记录 {conflict_id} 已撤销（理由：{row.dismiss_reason}）")
        row.dismissed, row.dismiss_reason = True, reason
        store.audit(s, "conflict.dismiss", row.session_id, conflict_id=row.id, expert_id=row.expert_id,
                    application_pk=row.application_pk, conflict_reason=row.reason, reason=reason)


@operation
def reinstate_conflict(store: Store, conflict_id: int) -> None:
    """Undo a dismissal."""
    with store.write() as s:
        row = s.get(Conflict, conflict_id)
        if row is None:
            raise StoreError(f"没有回避记录 {conflict_id}")
        session_row(s, row.session_id)
        if not row.dismissed:
            raise StoreError(f"回避记录 {conflict_id} 未被撤销")
        row.dismissed, row.dismiss_reason = False, ""
        store.audit(s, "conflict.reinstate", row.session_id, conflict_id=row.id)


# -- the matrix for the UI ----------------------------------------------------------------

def conflict_matrix(store: Store, session_id: int, *, all_experts: bool = False) -> dict:
    """Experts × applications with the conflicts, as plain JSON-ready data.

    Rows are the members of the session's panels (every roster expert when no panel has
    members yet, or with ``all_experts``). ``matrix[i][j]`` lists the active reasons of
    ``experts[i]`` × ``applications[j]``; ``conflicts`` / ``dismissed`` carry ids for actions.
    """
    with store.read() as s:
        session_row(s, session_id, must_be_open=False)
        apps = session_applications(s, session_id)
        panels: dict[int, list[str]] = {}
        for eid, pname in s.execute(select(PanelMember.expert_id, Panel.name).join(Panel)
                                    .where(Panel.session_id == session_id).order_by(Panel.id)):
            panels.setdefault(eid, []).append(pname)
        q = select(Expert).order_by(Expert.roster_key)
        if panels and not all_experts:
            q = q.where(Expert.id.in_(panels))
        experts = list(s.scalars(q))
        ids = {e.id for e in experts}
        app_ids = {a.id: a.application_id for a in apps}
        rows = [c for c in s.scalars(select(Conflict).where(Conflict.session_id == session_id).order_by(Conflict.id))
                if c.expert_id in ids]
        col = {a.id: j for j, a in enumerate(apps)}
        row_of = {e.id: i for i, e in enumerate(experts)}
        matrix: list[list[list[str]]] = [[[] for _ in apps] for _ in experts]
        for c in rows:
            if not c.dismissed:
                matrix[row_of[c.expert_id]][col[c.application_pk]].append(c.reason)

        def entry(c: Conflict) -> dict:
            return {"id": c.id, "expert_id": c.expert_id, "application_pk": c.application_pk,
                    "application_id": app_ids[c.application_pk], "source": c.source, "reason": c.reason,
                    "dismiss_reason": c.dismiss_reason}

        return {
            "session_id": session_id,
            "experts": [{"id": e.id, "roster_key": e.roster_key, "name": e.name, "unit": e.unit,
                         "panels": panels.get(e.id, [])} for e in experts],
            "applications": [{"pk": a.id, "application_id": a.application_id, "title": a.title,
                              "applicant": a.applicant_name, "guide_item": a.guide_item} for a in apps],
            "matrix": matrix,
            "conflicts": [entry(c) for c in rows if not c.dismissed],
            "dismissed": [entry(c) for c in rows if c.dismissed],
        }

