"""Random draw of experts for a panel (随机抽取专家), reproducible from its seed.

Candidates are roster experts whose 专业领域 match the panel (``field_matches``):

* a plan type name (科技重大专项, 重点研发计划, 技术创新引导专项, 科技基地专项) matches every
  application whose guide item belongs to that plan type;
* ``项目15`` / ``15`` matches applications of guide item 15;
* ``创新联合体`` matches consortium recognition/evaluation applications;
* any other text (≥ 2 characters) is a field name: it matches when it is contained in the
  guide item's title or the item title in it (``新材料`` ↔ 项目4 新材料产业, 项目14 高性能新材料…).

With ``fields=[…]`` the expert's fields are matched against those texts instead (equal, or one
contained in the other). An expert matching any application of the panel is a candidate.

Excluded (each with its reason in the record): members of this panel, members of another
panel of the session (unless ``allow_other_panels``), experts without matching fields, and
experts with an active conflict with any application of the panel. When fewer than ``n``
remain, the draw falls back to per-application exclusion: all conflict-free candidates are
taken and the rest is drawn from experts conflicted with only some of the panel's
applications (they will not be assigned those); the record says so (``fallback``).

One person is drawn once at most (issue 20): roster entries that look like one person
(``identity.same_person``: same name and phone, e-mail, or unit where a phone is missing — an
older roster may hold such twins) share their panel seats and conflicts here, and only one of
them (conflict-free first, then a given 专家编号 before a derived one) is a candidate; the others
are excluded with the reason, until the secretary merges them (``merge.merge_experts``).

The ``n`` drawn experts are added to the panel's members (a second draw adds more).

Reproducibility: candidates are sorted by 专家编号 and drawn with ``random.Random(seed)``;
the seed (given, or ``secrets.randbits(64)``) is stored, so the same seed over the same
roster and conflicts gives the same experts.
"""

from __future__ import annotations

import json
import random
import re
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select

from ..services.guides import guide_for_session
from ..signer import person_name
from ..store import Store, StoreError
from ..store.models import Draw, Expert, Panel, PanelMember, ReviewSession
from .common import local_time, panel_applications, panel_row, session_row
from .conflicts import active_conflicts, refresh_auto_conflicts
from .experts import inactive_ids
from .identity import Person, keep_order, person_groups, reason_msg, same_person
from ..i18n import M, render
from ..changes import operation

CONSORTIUM_FIELD = "创新联合体"


@dataclass(frozen=True)
class DrawResult:
    draw_id: int
    panel_id: int
    seed: int
    drawn: list[dict]    # {"expert_id", "roster_key", "name", "unit", ...} in draw order
    fallback: bool
    note: str


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def _targets(guide, app) -> dict:
    """What an application can be matched by: plan type name, item number, item title."""
    if app.guide_item is None:
        return {"plan": CONSORTIUM_FIELD, "item": None, "title": CONSORTIUM_FIELD}
    item = guide.item(app.guide_item)
    plan = guide.plan_type(item.plan_type).name if item else ""
    return {"plan": plan, "item": app.guide_item, "title": item.title if item else ""}


def field_matches(field: str, target: dict) -> bool:
    f = _norm(field)
    if not f:
        return False
    if m := re.fullmatch(r"(?:项目|第)?(\d+)(?:项)?", f):
        return target["item"] == int(m.group(1))
    if f == _norm(target["plan"]):
        return True
    title = _norm(target["title"])
    return len(f) >= 2 and bool(title) and (f in title or title in f)


def _text_match(field: str, wanted: str) -> bool:
    f, w = _norm(field), _norm(wanted)
    return bool(f and w) and (f == w or (min(len(f), len(w)) >= 2 and (f in w or w in f)))


@operation
def draw_experts(store: Store, session_id: int, panel_id: int, n: int, *, seed: int | None = None,
                 fields: list[str] | None = None, allow_other_panels: bool = False) -> DrawResult:
    if n < 1:
        raise StoreError("抽取人数至少为 1")
    seed = secrets.randbits(64) if seed is None else int(seed)
    if seed < 0:
        raise StoreError("随机种子应为非负整数")
    with store.read() as s:
        session_row(s, session_id)
    guide = guide_for_session(store, session_id)
    with store.write() as s:
        sess = session_row(s, session_id)
        panel = panel_row(s, panel_id)
        if panel.session_id != session_id:
            raise StoreError(f"评审组 {panel_id} 不属于评审批次 {session_id}")
        apps = panel_applications(s, panel_id)
        if not apps:
            raise StoreError(f"评审组“{panel.name}”还没有申报项目：先指定本组评审的项目，才能按专业领域匹配并判定回避")
        refresh_auto_conflicts(s, session_id)
        conflicts = active_conflicts(s, session_id)
        targets = {a.id: _targets(guide, a) for a in apps}
        membership = _membership(s, session_id)
        inactive = inactive_ids(s)
        roster = list(s.scalars(select(Expert).order_by(Expert.roster_key)))
        # One person, one draw (issue 20): experts that look like one person (identity.same_person)
        # share their panel seats and conflicts here, and at most one of them is a candidate.
        person = person_groups(roster)
        group: dict[int, list[Expert]] = {}
        for e in roster:
            group.setdefault(person[e.id], []).append(e)
        conflicts = _shared_conflicts(conflicts, person, group)
        clean, partial, excluded = [], [], []
        for e in roster:
            entry = {"expert_id": e.id, "roster_key": e.roster_key, "name": e.name, "unit": e.unit}
            if e.id in inactive:  # 停用: kept in the roster, never drawn (the record says why)
                excluded.append(entry | {"reason": "已停用"})
                continue
            if reason := _seated_twin(e, group[person[e.id]], panel, membership, allow_other_panels):
                excluded.append(entry | {"reason": reason})
                continue
            reason, matched, conflicted = _screen(e, panel, apps, targets, conflicts, membership, fields,
                                                  allow_other_panels)
            if reason:
                excluded.append(entry | {"reason": reason})
                continue
            entry["matched"] = matched
            if conflicted:
                entry["conflicts"] = conflicted
                if len(conflicted) == len(apps):
                    excluded.append(entry | {"reason": "与本组全部申报项目均存在回避：" + _conflict_text(conflicted)})
                else:
                    partial.append(entry)
            else:
                clean.append(entry)
        clean, partial = _one_per_person(clean, partial, excluded, person, roster)
        rng = random.Random(seed)
        fallback, note = False, ""
        if len(clean) >= n:
            drawn = rng.sample(clean, n)
            candidates = clean
            excluded += [e | {"reason": "与本组申报项目存在回避：" + _conflict_text(e["conflicts"])} for e in partial]
        elif len(clean) + len(partial) >= n:
            fallback = True
            drawn = clean + rng.sample(partial, n - len(clean))
            candidates = clean + partial
            note = (f"无回避的候选专家仅 {len(clean)} 人，少于抽取人数 {n}：已全部入选，其余 {n - len(clean)} 人"
                    f"从仅与本组部分项目存在回避的 {len(partial)} 人中抽取（按项目逐项回避，不分配其回避的项目）")
        else:
            raise StoreError(f"候选专家不足：评审组“{panel.name}”需抽取 {n} 人，专业领域匹配且无回避的仅 {len(clean)} 人，"
                             f"仅部分回避的 {len(partial)} 人；请补充专家库、调整专业领域或减少抽取人数")
        excluded.sort(key=lambda e: e["roster_key"])
        params = {"n": n, "fields": fields or None, "allow_other_panels": allow_other_panels,
                  "applications": [a.application_id for a in apps],
                  "match": "fields" if fields else "panel_applications", "session": sess.name}
        row = Draw(session_id=session_id, panel_id=panel.id, panel_name=panel.name, seed=str(seed), requested=n,
                   fallback=fallback, note=note, actor=store.actor)
        row.params, row.candidates, row.excluded, row.drawn = params, candidates, excluded, drawn
        s.add(row)
        s.flush()
        for d in drawn:
            s.add(PanelMember(panel_id=panel.id, expert_id=d["expert_id"]))
        panel.draw_json = json.dumps({"draw_id": row.id, "seed": str(seed)})  # the panel's latest draw
        store.audit(s, "panel.draw", session_id, panel=panel.name, draw_id=row.id, seed=str(seed), n=n,
                    drawn=[d["roster_key"] for d in drawn], fallback=fallback)
        return DrawResult(row.id, panel.id, seed, drawn, fallback, note)


def _membership(s, session_id: int) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = {}
    for eid, pid, name in s.execute(select(PanelMember.expert_id, Panel.id, Panel.name).join(Panel)
                                    .where(Panel.session_id == session_id)):
        out.setdefault(eid, []).append((pid, name))
    return out


def _twin_why(a: Expert, b: Expert) -> str:
    why = same_person(Person.of(a.id, a.name, a.phone, a.email, a.unit), Person.of(b.id, b.name, b.phone, b.email, b.unit))
    return reason_msg(why or "linked").render("zh_CN")


def _seated_twin(e: Expert, twins: list[Expert], panel, membership, allow_other_panels: bool) -> str:
    """Why ``e`` is out because an expert that looks like the same person already sits on this panel
    (or, unless allowed, another panel of the session); '' when none does."""
    for o in twins:
        if o.id == e.id:
            continue
        for pid, name in membership.get(o.id, []):
            if pid == panel.id or not allow_other_panels:
                where = "本评审组" if pid == panel.id else f"本批次评审组“{name}”"
                return f"与{where}成员 {o.roster_key} {o.name} 疑似同一人（{_twin_why(e, o)}），每人只参加一次抽取；请在专家库中合并"
    return ""


def _shared_conflicts(conflicts: dict, person: dict[int, int], group: dict[int, list[Expert]]) -> dict:
    """The conflicts of one expert apply to every expert that looks like the same person."""
    out: dict[tuple[int, int], list[str]] = {}
    for (eid, pk), reasons in conflicts.items():
        for twin in group.get(person.get(eid, eid), []) or [None]:
            key = (twin.id if twin is not None else eid, pk)
            out[key] = list(dict.fromkeys(out.get(key, []) + list(reasons)))
    return out


def _one_per_person(clean: list, partial: list, excluded: list, person: dict[int, int], roster: list[Expert]):
    """At most one candidate per person: a conflict-free one before a partly conflicted one, then by
    ``keep_order``; the others are excluded with the reason. The candidates keep their order (by
    专家编号), so a roster without duplicates draws as before."""
    by_id = {e.id: e for e in roster}
    winner: dict[int, int] = {}
    for n, entries in enumerate((clean, partial)):
        for entry in entries:
            eid = entry["expert_id"]
            gid = person[eid]
            if gid not in winner or (winner[gid][0], keep_order(by_id[winner[gid][1]])) > (n, keep_order(by_id[eid])):
                winner[gid] = (n, eid)
    out = ([], [])
    for n, entries in enumerate((clean, partial)):
        for entry in entries:
            eid = entry["expert_id"]
            keep = winner[person[eid]][1]
            if keep == eid:
                out[n].append(entry)
                continue
            a, b = by_id[keep], by_id[eid]
            why = same_person(Person.of(a.id, a.name, a.phone, a.email, a.unit),
                              Person.of(b.id, b.name, b.phone, b.email, b.unit)) or "linked"
            reason = render(M("draw.same_person", rkey=a.roster_key, name=a.name, why=reason_msg(why)), "zh_CN")
            excluded.append({k: v for k, v in entry.items() if k not in ("matched", "conflicts")} | {"reason": reason})
    return out


def _screen(e: Expert, panel, apps, targets, conflicts, membership, fields, allow_other_panels):
    """(exclusion reason or '', matched fields, {application_id: conflict reasons})."""
    panels = membership.get(e.id, [])
    if any(pid == panel.id for pid, _ in panels):
        return "已是本评审组成员", [], {}
    if panels and not allow_other_panels:
        return f"已是本批次评审组“{'、'.join(n for _, n in panels)}”成员", [], {}
    own = e.fields or []
    if not own:
        return "专家库中未填写专业领域", [], {}
    if fields:
        matched = [f for f in own if any(_text_match(f, w) for w in fields)]
        wanted = "、".join(fields)
    else:
        matched = [f for f in own if any(field_matches(f, t) for t in targets.values())]
        wanted = "本组申报项目的计划类别、指南项目或领域"
    if not matched:
        return f"专业领域（{'、'.join(own)}）与{wanted}不匹配", [], {}
    conflicted = {a.application_id: conflicts[(e.id, a.id)] for a in apps if (e.id, a.id) in conflicts}
    return "", matched, conflicted


def _conflict_text(conflicted: dict[str, list[str]]) -> str:
    return "；".join(f"{app}：{'；'.join(reasons)}" for app, reasons in conflicted.items())


# -- the record ---------------------------------------------------------------------------

def draw_record(store: Store, draw_id: int) -> dict:
    """Everything about one draw, as plain data (for printing and the UI)."""
    with store.read() as s:
        row = s.get(Draw, draw_id)
        if row is None:
            raise StoreError(f"没有抽取记录 {draw_id}")
        sess = s.get(ReviewSession, row.session_id)
        return {"id": row.id, "session_id": row.session_id, "session": sess.name, "panel_id": row.panel_id,
                "panel": row.panel_name, "seed": row.seed, "requested": row.requested, "params": row.params,
                "candidates": row.candidates, "excluded": row.excluded, "drawn": row.drawn,
                "fallback": row.fallback, "note": row.note, "actor": person_name(s, row.actor),
                "at": local_time(row.created_at)}


def list_draws(store: Store, session_id: int) -> list[dict]:
    with store.read() as s:
        ids = list(s.scalars(select(Draw.id).where(Draw.session_id == session_id).order_by(Draw.id)))
    return [draw_record(store, i) for i in ids]


def draw_record_text(store: Store, draw_id: int) -> str:
    """The draw record as printable Chinese text."""
    r = draw_record(store, draw_id)
    p = r["params"]
    match = f"按指定专业领域：{'、'.join(p['fields'])}" if p.get("fields") else "按本组申报项目的计划类别、指南项目或领域"

    def who(e: dict) -> str:
        return f"{e['roster_key']} {e['name']}（{e['unit']}）"

    lines = [f"专家随机抽取记录 第 {r['id']} 号",
             f"评审批次：{r['session']}    评审组：{r['panel']}",
             f"时间：{r['at']}    操作人：{r['actor']}",
             f"随机种子：{r['seed']}（以相同种子、相同专家库与回避情况可复现本次抽取）",
             f"抽取人数：{r['requested']}    匹配方式：{match}",
             f"本组申报项目：{'、'.join(p['applications'])}",
             f"候选专家（{len(r['candidates'])} 人，按专家编号排序）："]
    lines += [f"  {who(e)}  匹配：{'、'.join(e.get('matched', []))}"
              + (f"  部分回避：{_conflict_text(e['conflicts'])}" if e.get("conflicts") else "") for e in r["candidates"]]
    lines.append(f"排除（{len(r['excluded'])} 人）：")
    lines += [f"  {who(e)}：{e['reason']}" for e in r["excluded"]]
    lines.append(f"抽中（{len(r['drawn'])} 人，按抽取顺序）：")
    lines += [f"  {i}. {who(e)}" for i, e in enumerate(r["drawn"], 1)]
    if r["fallback"]:
        lines.append(f"说明：{r['note']}")
    return "\n".join(lines)
