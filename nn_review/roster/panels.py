"""Review panels (评审组): applications, members, leader, and the assignment of reviews.

Assignment (``assign``):

* ``reviewers_per_app=None`` — every member reviews every application of the panel, except
  where the member has an active conflict with it.
* ``reviewers_per_app=k`` — balanced load, deterministic given the seed: applications sorted
  by 申报编号 are shuffled with ``random.Random(seed)``; in that order each application takes
  the k eligible (not conflicted) members with the lowest current load, ties broken by a
  draw from the same generator. Without conflicts this keeps every member's load within one
  of every other's (the loads only ever span two adjacent values).

Auto conflicts are re-detected first, in the same transaction. The panel's previous
assignments are replaced atomically. Applications with fewer than 3 eligible reviewers are
returned in ``short`` (the panel should be enlarged or the conflict reviewed).

Formal-check decisions (nn_review.services.formal): a package excluded at formal check (不予受理)
is refused when named for a panel and skipped (with a note) when chosen by guide item; one
excluded after it joined a panel keeps its membership but gets no assignment. A package the
machine did not pass and nobody has decided on yet is let in with a warning.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from ..store import Store, StoreError
from ..store.models import (Application, Assignment, Conflict, Expert, Panel, PanelApplication,
                            PanelMember, ReviewSession)
from ..funding.routing import no_review_error, no_review_groups, no_review_list
from ..i18n import M, Msg, render
from ..services.formal import EXCLUDED, excluded_in, excluded_message, undecided_msg, undecided_warning
from .common import application_row, panel_applications, panel_row, session_row
from .conflicts import active_conflicts, refresh_auto_conflicts
from .experts import inactive_ids
from ..changes import operation

MIN_MEMBERS = 3        # fewer cannot review (error)
ADVISED_MEMBERS = 5    # trimmed mean (drop highest and lowest) needs 5 or more


@dataclass(frozen=True)
class Member:
    expert_id: int
    roster_key: str
    name: str
    unit: str
    is_leader: bool


@dataclass(frozen=True)
class PanelApp:
    pk: int
    application_id: str
    title: str
    guide_item: int | None


@dataclass(frozen=True)
class PanelInfo:
    id: int
    session_id: int
    name: str
    leader_expert_id: int | None
    members: list[Member]
    applications: list[PanelApp]
    reviewers_per_app: int | None
    assign_seed: str | None
    assignments: int


@dataclass(frozen=True)
class PanelCheck:
    errors: list[str]    # block assignment
    warnings: list[str]
    formal: list[str] = field(default_factory=list)  # excluded / undecided packages of the panel
    msgs: list[Msg] = field(default_factory=list)    # the three above for the GUI, in its language

    def shown(self, lang: str | None = None) -> list[str]:
        """Errors, warnings and formal notes in the UI language (the lists above are the CLI's Chinese)."""
        return [render(m, lang) for m in self.msgs]


@dataclass
class AssignResult:
    panel_id: int
    reviewers_per_app: int | None
    seed: int | None
    assignments: dict[str, list[int]]               # 申报编号 → expert ids (by 专家编号)
    loads: dict[int, int]                           # expert id → number of applications
    recused: dict[str, list[int]] = field(default_factory=dict)  # 申报编号 → conflicted member ids
    short: list[tuple[str, int]] = field(default_factory=list)   # (申报编号, eligible reviewers) < 3
    warnings: list[str] = field(default_factory=list)


# -- panels -------------------------------------------------------------------------------

@operation
def create_panel(store: Store, session_id: int, name: str, *, items: list[int] | None = None,
                 application_ids: list[str] | None = None, notes: list[str] | None = None,
                 allow_no_review: bool = False) -> int:
    """A panel reviewing the session's applications of guide ``items`` and/or the given 申报编号.

    ``notes`` (when given) receives the formal-check warnings: packages skipped as excluded,
    packages let in without a formal-check decision.

    Applications of rule-route items (the amount follows from the guide, 不需再行评审:
    ``nn_review.funding.routing``) are refused with code ``routing.NO_REVIEW_CODE`` naming them
    and their items, unless ``allow_no_review`` (the secretary confirmed; audited)."""
    name = (name or "").strip()
    if not name:
        raise StoreError("评审组名称不能为空")
    with store.write() as s:
        session_row(s, session_id)
        if s.scalar(select(Panel).where(Panel.session_id == session_id, Panel.name == name)):
            raise StoreError(f"本批次已有评审组“{name}”")
        panel = Panel(session_id=session_id, name=name, draw_json="{}")
        s.add(panel)
        s.flush()
        confirmed: list = []
        apps = _set_apps(s, panel, items, application_ids, notes, allow_no_review, confirmed)
        store.audit(s, "panel.create", session_id, panel=name, applications=apps)
        _audit_no_review(store, s, panel, confirmed)
        return panel.id


@operation
def set_panel_applications(store: Store, panel_id: int, *, items: list[int] | None = None,
                           application_ids: list[str] | None = None, notes: list[str] | None = None,
                           allow_no_review: bool = False) -> list[str]:
    """Replace the panel's applications (its assignments of dropped applications go too).
    Rule-route applications not already in the panel: as ``create_panel``."""
    with store.write() as s:
        panel = panel_row(s, panel_id)
        confirmed: list = []
        apps = _set_apps(s, panel, items, application_ids, notes, allow_no_review, confirmed)
        keep = select(PanelApplication.application_pk).where(PanelApplication.panel_id == panel_id)
        s.execute(delete(Assignment).where(Assignment.panel_id == panel_id, Assignment.application_pk.not_in(keep)))
        store.audit(s, "panel.applications", panel.session_id, panel=panel.name, applications=apps)
        _audit_no_review(store, s, panel, confirmed)
        return apps


def _set_apps(s, panel: Panel, items, application_ids, notes: list[str] | None = None,
              allow_no_review: bool = False, confirmed: list | None = None) -> list[str]:
    if not items and not application_ids:
        raise StoreError("请指定评审组的申报项目：指南项目编号（如 14 15）或申报编号")
    notes = [] if notes is None else notes
    # Already members keep their place (an exclusion decided later does not rewrite the panel).
    present = set(s.scalars(select(PanelApplication.application_pk).where(PanelApplication.panel_id == panel.id)))
    where = f"加入评审组“{panel.name}”"
    chosen: dict[int, Application] = {}
    if items:
        rows = list(s.scalars(select(Application).where(Application.session_id == panel.session_id,
                                                        Application.guide_item.in_(items))))
        found = {a.guide_item for a in rows}
        if missing := [str(i) for i in items if i not in found]:
            raise StoreError(f"本批次没有指南项目{'、'.join(missing)}的申报项目")
        for a in rows:
            if a.formal_decision == EXCLUDED and a.id not in present:
                notes.append(excluded_message(a, where) + "，已跳过")
            else:
                chosen[a.id] = a
    for ref in application_ids or []:
        a = application_row(s, panel.session_id, ref)
        if a.formal_decision == EXCLUDED and a.id not in present:
            raise StoreError(excluded_message(a, where))
        chosen[a.id] = a
    if not chosen:
        raise StoreError(f"评审组“{panel.name}”没有可评审的申报项目（所选申报形式审查结论均为不予受理）")
    notes += [w for a in sorted(chosen.values(), key=lambda a: a.application_id) if (w := undecided_warning(a))]
    taken = s.execute(select(Application.application_id, Panel.name)
                      .join(PanelApplication, PanelApplication.application_pk == Application.id)
                      .join(Panel, Panel.id == PanelApplication.panel_id)
                      .where(Application.id.in_(chosen), Panel.id != panel.id)).all()
    if taken:
        raise StoreError("每个申报项目只由一个评审组评审；已在其他评审组："
                         + "、".join(f"{a}（{p}）" for a, p in sorted(taken)))
    # Rule-route items (不需再行评审): refused unless the secretary confirmed; already members keep
    # their place (they were confirmed when they joined).
    if groups := no_review_groups(_guide(s, panel), [a for a in chosen.values() if a.id not in present]):
        if not allow_no_review:
            raise no_review_error(groups, panel.name)
        if confirmed is not None:
            confirmed.extend(groups)
    s.execute(delete(PanelApplication).where(PanelApplication.panel_id == panel.id))
    s.add_all(PanelApplication(panel_id=panel.id, application_pk=pk) for pk in chosen)
    s.flush()
    return sorted(a.application_id for a in chosen.values())


def _guide(s, panel: Panel):
    from ..services.guides import parse_edition_row
    return parse_edition_row(s.get(ReviewSession, panel.session_id).guide_edition)


def _audit_no_review(store: Store, s, panel: Panel, groups: list) -> None:
    """The secretary's confirmation that rule-route applications go to a panel all the same."""
    if groups:
        store.audit(s, "panel.allow_no_review", panel.session_id, panel=panel.name,
                    applications=sorted(i for g in groups for i in g.application_ids),
                    items=[render(g.label(), "zh_CN") for g in groups])


@operation
def delete_panel(store: Store, panel_id: int) -> None:
    with store.write() as s:
        panel = panel_row(s, panel_id)
        s.delete(panel)
        store.audit(s, "panel.delete", panel.session_id, panel=panel.name)


def resolve_panel(store: Store, session_id: int, ref: int | str) -> int:
    """A panel of the session by exact name or id."""
    ref = str(ref).strip()
    with store.read() as s:
        rows = list(s.scalars(select(Panel).where(Panel.session_id == session_id).order_by(Panel.id)))
    for p in rows:
        if p.name == ref:
            return p.id
    for p in rows:
        if str(p.id) == ref:
            return p.id
    known = "、".join(p.name for p in rows) or "无，先运行 nn-review session panel create"
    raise StoreError(f"本批次没有评审组 {ref!r}（现有：{known}）")


def get_panel(store: Store, panel_id: int) -> PanelInfo:
    with store.read() as s:
        return _info(s, panel_row(s, panel_id, must_be_open=False))


def list_panels(store: Store, session_id: int) -> list[PanelInfo]:
    with store.read() as s:
        session_row(s, session_id, must_be_open=False)
        return [_info(s, p) for p in s.scalars(select(Panel).where(Panel.session_id == session_id).order_by(Panel.id))]


def _info(s, p: Panel) -> PanelInfo:
    members = [Member(e.id, e.roster_key, e.name, e.unit, e.id == p.leader_expert_id) for e in _members(s, p.id)]
    apps = [PanelApp(a.id, a.application_id, a.title, a.guide_item) for a in panel_applications(s, p.id)]
    n = len(s.scalars(select(Assignment.id).where(Assignment.panel_id == p.id)).all())
    return PanelInfo(p.id, p.session_id, p.name, p.leader_expert_id, members, apps, p.reviewers_per_app,
                     p.assign_seed, n)


def _members(s, panel_id: int) -> list[Expert]:
    return list(s.scalars(select(Expert).join(PanelMember, PanelMember.expert_id == Expert.id)
                          .where(PanelMember.panel_id == panel_id).order_by(Expert.roster_key)))


# -- members ------------------------------------------------------------------------------

@operation
def add_members(store: Store, panel_id: int, expert_ids: list[int]) -> list[str]:
    """Add experts by hand (a draw adds its own); returns the panel's warnings afterwards."""
    with store.write() as s:
        panel = panel_row(s, panel_id)
        present = {e.id for e in _members(s, panel_id)}
        inactive = inactive_ids(s)
        added = []
        for eid in dict.fromkeys(expert_ids):
            e = s.get(Expert, eid)
            if e is None:
                raise StoreError(f"专家库中没有专家 {eid}")
            if eid in present:
                raise StoreError(f"{e.name}（{e.roster_key}）已是评审组“{panel.name}”成员")
            if eid in inactive:
                raise StoreError(f"{e.name}（{e.roster_key}）已停用，不能加入评审组；如需加入，请先在专家库中启用")
            s.add(PanelMember(panel_id=panel_id, expert_id=eid))
            added.append(e.roster_key)
        s.flush()
        store.audit(s, "panel.add_members", panel.session_id, panel=panel.name, experts=added)
        return _check(s, panel).warnings


@operation
def remove_member(store: Store, panel_id: int, expert_id: int) -> list[str]:
    """Remove a member with their assignments in this panel (and the leader role)."""
    with store.write() as s:
        panel = panel_row(s, panel_id)
        row = s.get(PanelMember, (panel_id, expert_id))
        if row is None:
            raise StoreError(f"专家 {expert_id} 不是评审组“{panel.name}”成员")
        s.delete(row)
        s.execute(delete(Assignment).where(Assignment.panel_id == panel_id, Assignment.expert_id == expert_id))
        if panel.leader_expert_id == expert_id:
            panel.leader_expert_id = None
        s.flush()
        store.audit(s, "panel.remove_member", panel.session_id, panel=panel.name, expert_id=expert_id)
        return _check(s, panel).warnings


@operation
def set_leader(store: Store, panel_id: int, expert_id: int) -> None:
    with store.write() as s:
        panel = panel_row(s, panel_id)
        if s.get(PanelMember, (panel_id, expert_id)) is None:
            raise StoreError(f"组长须是评审组“{panel.name}”的成员；专家 {expert_id} 不是成员")
        panel.leader_expert_id = expert_id
        store.audit(s, "panel.leader", panel.session_id, panel=panel.name, expert_id=expert_id)


def validate_panel(store: Store, panel_id: int) -> PanelCheck:
    with store.read() as s:
        return _check(s, panel_row(s, panel_id, must_be_open=False))


def _check(s, panel: Panel) -> PanelCheck:
    n = len(_members(s, panel.id))
    errors: list[str] = []
    warnings: list[str] = []
    formal: list[str] = []
    msgs: list[Msg] = []

    def say(texts: list[str], key: str, **params) -> None:
        msg = M(key, panel=panel.name, **params)
        msgs.append(msg)
        texts.append(msg.render("zh_CN"))

    if n < MIN_MEMBERS:
        say(errors, "panel.too_small", n=n, min=MIN_MEMBERS)
    elif n < ADVISED_MEMBERS:
        say(warnings, "panel.small", n=n, advised=ADVISED_MEMBERS)
    if n and n % 2 == 0:
        say(warnings, "panel.even", n=n)
    if n and panel.leader_expert_id is None:
        say(warnings, "panel.no_leader")
    apps = panel_applications(s, panel.id)
    if not apps:
        say(errors, "panel.no_apps")
    elif len(excluded_in(apps)) == len(apps):
        say(errors, "panel.all_excluded")
    for a in excluded_in(apps):
        say(formal, "panel.excluded_kept", id=a.application_id, reason=a.formal_reason)
    for a in apps:
        if (w := undecided_warning(a)) and (m := undecided_msg(a)):
            formal.append(w)  # the CLI's text names the command that decides it
            msgs.append(m)
    if apps and (groups := no_review_groups(_guide(s, panel), apps)):  # let in after confirmation
        say(formal, "routing.in_panel", groups=no_review_list(groups))
    return PanelCheck(errors, warnings, formal, msgs)


# -- assignment ---------------------------------------------------------------------------

@operation
def assign(store: Store, panel_id: int, reviewers_per_app: int | None = None,
           seed: int | None = None) -> AssignResult:
    k = reviewers_per_app
    if k is not None and k < 1:
        raise StoreError("每个项目的评审专家人数至少为 1")
    if k is not None:
        seed = secrets.randbits(64) if seed is None else int(seed)
        if seed < 0:
            raise StoreError("随机种子应为非负整数")
    else:
        seed = None  # nothing is random when everyone reviews everything
    with store.write() as s:
        panel = panel_row(s, panel_id)
        check = _check(s, panel)
        if check.errors:
            raise StoreError("；".join(check.errors))
        members = _members(s, panel_id)
        if k is not None and k > len(members):
            raise StoreError(f"每个项目 {k} 位专家，超过评审组“{panel.name}”的人数 {len(members)}")
        refresh_auto_conflicts(s, panel.session_id)
        conflicts = active_conflicts(s, panel.session_id)
        apps = panel_applications(s, panel_id)
        result = AssignResult(panel_id, k, seed, {}, {m.id: 0 for m in members},
                              warnings=list(check.warnings) + list(check.formal))
        apps = [a for a in apps if a.formal_decision != EXCLUDED]  # kept in the panel, never assigned
        eligible = {a.id: [m for m in members if (m.id, a.id) not in conflicts] for a in apps}
        order = list(apps)
        rng = random.Random(seed)
        if k is not None:
            rng.shuffle(order)
        s.execute(delete(Assignment).where(Assignment.panel_id == panel_id))
        for a in order:
            pool = eligible[a.id]
            if k is not None:
                pool = sorted(pool, key=lambda m: (result.loads[m.id], rng.random()))[:k]
            for m in pool:
                result.loads[m.id] += 1
                s.add(Assignment(panel_id=panel_id, expert_id=m.id, application_pk=a.id))
            result.assignments[a.application_id] = [m.id for m in sorted(pool, key=lambda m: m.roster_key)]
            if recused := [m.id for m in members if (m.id, a.id) in conflicts]:
                result.recused[a.application_id] = recused
            if len(eligible[a.id]) < MIN_MEMBERS:
                result.short.append((a.application_id, len(eligible[a.id])))
        result.assignments = dict(sorted(result.assignments.items()))
        result.short.sort()
        if k is not None and k < MIN_MEMBERS:
            result.warnings.append(f"每个项目仅 {k} 位专家评审，少于 {MIN_MEMBERS} 位")
        result.warnings += [f"申报项目 {app} 可评审的专家仅 {n} 位（其余回避），少于 {MIN_MEMBERS} 位"
                            for app, n in result.short]
        panel.reviewers_per_app, panel.assign_seed = k, None if seed is None else str(seed)
        s.flush()
        store.audit(s, "panel.assign", panel.session_id, panel=panel.name, reviewers_per_app=k,
                    seed=None if seed is None else str(seed), assignments=sum(result.loads.values()),
                    short=[a for a, _ in result.short])
        return result


def panel_assignments(store: Store, panel_id: int) -> dict[str, list[int]]:
    """申报编号 → assigned expert ids, as stored."""
    with store.read() as s:
        panel_row(s, panel_id, must_be_open=False)
        out: dict[str, list[int]] = {}
        for app_id, eid in s.execute(select(Application.application_id, Assignment.expert_id)
                                     .join(Application, Application.id == Assignment.application_pk)
                                     .join(Expert, Expert.id == Assignment.expert_id)
                                     .where(Assignment.panel_id == panel_id)
                                     .order_by(Application.application_id, Expert.roster_key)):
            out.setdefault(app_id, []).append(eid)
        return out


def expert_assignments(store: Store, session_id: int, expert_id: int) -> list[str]:
    """申报编号 of the applications this expert reviews in the session, minus any with an active
    conflict (also one recorded after the assignment) and any excluded at formal check: what a
    bundle for the expert may contain."""
    with store.read() as s:
        assigned = s.execute(select(Application.id, Application.application_id)
                             .join(Assignment, Assignment.application_pk == Application.id)
                             .where(Application.session_id == session_id, Assignment.expert_id == expert_id)).all()
        blocked = set(s.scalars(select(Conflict.application_pk).where(
            Conflict.session_id == session_id, Conflict.expert_id == expert_id, Conflict.dismissed.is_(False))))
        blocked |= set(s.scalars(select(Application.id).where(Application.session_id == session_id,
                                                              Application.formal_decision == EXCLUDED)))
        return sorted(app_id for pk, app_id in assigned if pk not in blocked)
