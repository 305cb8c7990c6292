"""Merge the imported scores of a panel into results: per application every expert's total
(or 回避), mean, trimmed mean, the rule used, ranks, recommendation counts, divergence flags,
the panel's consensus, and the inter-rater statistics — plus the hash of the data.

Read-only; the UI calls :func:`panel_results`, :func:`session_results` and
:func:`application_detail`. Where a figure comes from:

* Grades, opinions and recommendations are the rows written by the score import (the last
  accepted revision of each expert's file). Band-mode points are stored exactly, as the
  decimal text of the signed file (schema v7), and read back as ``Decimal``.
* The form of an application is the one embedded in the newest bundle that carried it
  (what the expert graded with); without any bundle, the session's form.
* An expert's cell of an application, in this order: a review marked 回避 → ``recused``
  (with the expert's reason); a review while an active (not dismissed) conflict exists,
  whenever it was recorded → ``excluded`` (回避, not counted); a review of an application
  the secretary excluded at formal check (``formal_decision == 'excluded'``) →
  ``excluded`` (不予受理); a review → ``scored``; an active conflict → ``recused`` (the
  conflict's reason: the package was never sent); assigned → ``missing`` (未交回);
  otherwise ``not_assigned``. A review whose total cannot be computed (e.g. the form
  changed after the bundle) is ``invalid`` and excluded, with the reason. An excluded
  review keeps its grades and total for the record (sheets strike them through); only
  ``scored`` cells count anywhere (score, votes, flags, ranks, severity, Kendall's W).
* An application excluded at formal check has no score and no rank.
* Ranks are within the panel: per guide item (consortium applications form one group)
  and overall; ties as in :mod:`.aggregate`.
* The computed recommendation is the most frequent one (ties → the more cautious); the
  computed 等次 (form B) is the level of the project score.

Hashes (SHA-256 of canonical JSON, hex):

* ``basis_hash`` of an application — the scores only: form id/version/criteria, rule, band
  mode, and per expert the status, grades (letter + exact points), recommendation and
  recusal. A consensus remembers it; when it changes the consensus is *stale*.
* ``data_hash`` of an application — everything its sheet shows: the basis, the application's
  particulars, the experts' names, the consensus, the formal-check summary and the ranks.
* ``data_hash`` of a panel — the session/panel particulars, the experts and every
  application's ``data_hash``. The short form printed on sheets is the first 12 hex digits.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select

from ..checks.engine import VERDICT_ZH
from ..formats.canonical import canonical_json
from ..forms import Form, FormError, builtin_form, display, expert_total, parse_form
from ..services.guides import _parse_row as _parse_guide
from ..store import Store
from ..store.models import (Application, Assignment, Bundle, Conflict, Consensus, Expert, Finding, Grade, Opinion,
                            Panel, PanelApplication, PanelMember, Recommendation, ReviewSession)
from .aggregate import (RankKey, Rule, Score, computed_recommendation, dec_str, divide, parse_rule, project_score,
                        rank, recommendation_counts)
from .agreement import KendallW, Severity, panel_kendall, severity
from .divergence import Flag, ScoredExpert, application_flags
from .errors import ResultsError

STATUS_ZH = {"scored": "已评分", "recused": "回避", "missing": "未交回", "not_assigned": "未分配", "invalid": "无效",
             "excluded": "不计入"}
FORMAL_EXCLUDED_ZH = "不予受理（形式审查）"
STATE_ZH = {"open": "进行中", "finalised": "已定稿"}
CONSORTIUM_GROUP = "创新联合体"


def sha256_json(obj) -> str:
    return hashlib.sha256(canonical_json(obj)).hexdigest()


def short_hash(h: str) -> str:
    h = h.upper()
    return "-".join(h[i:i + 4] for i in range(0, 12, 4))


def shown(d: Decimal | None, places: int = 2) -> str:
    return "—" if d is None else display(d, places)


# -- result objects -----------------------------------------------------------------------

@dataclass(frozen=True)
class PanelExpert:
    expert_id: int
    roster_key: str
    name: str
    unit: str
    title: str
    is_leader: bool
    key_fingerprint: str | None


@dataclass(frozen=True)
class GradeCell:
    criterion: str
    grade: str
    points: Decimal | None      # band mode: the percentage the expert entered
    value: Decimal              # fraction of the weight earned
    score: Decimal              # weight × value (points of the criterion)
    comment: str

    def to_json(self) -> dict:
        return {"grade": self.grade, "points": dec_str(self.points), "value": dec_str(self.value),
                "score": dec_str(self.score), "comment": self.comment}


@dataclass(frozen=True)
class ExpertScore:
    expert_id: int
    name: str
    status: str                          # scored | recused | missing | not_assigned | invalid | excluded
    total: Decimal | None = None         # excluded: the total it would have had (never counted)
    grades: dict[str, GradeCell] = field(default_factory=dict)
    recommendation: str | None = None
    opinion: str = ""
    reason: str = ""                     # recusal reason / why invalid / why not counted
    revision: int | None = None
    updated_at: datetime | None = None
    excluded_by: str = ""                # excluded: conflict (回避) | formal (不予受理)

    @property
    def counted(self) -> bool:
        return self.status == "scored"

    @property
    def exclusion_mark(self) -> str:
        """回避 / 不予受理 — what an excluded review is marked with; '' otherwise."""
        if self.status != "excluded":
            return ""
        return "回避" if self.excluded_by == "conflict" else "不予受理"

    @property
    def exclusion_note(self) -> str:
        """What follows “…的评分不计入”: （回避）：the conflict, or ：不予受理（形式审查）：the reason."""
        return f"（回避）：{self.reason}" if self.excluded_by == "conflict" else f"：{self.reason}"

    @property
    def narrow_mark(self) -> str:
        """The mark under a struck-through figure in a narrow PDF column (the reason is printed beside)."""
        return "回避\n不计入" if self.excluded_by == "conflict" else "不计入"

    @property
    def cell(self) -> str:
        """What a results table shows: the total, 回避, 未交回, 回避（不计入） or —."""
        if self.status == "scored":
            return display(self.total)
        if self.status == "excluded":
            return f"{self.exclusion_mark}（不计入）"
        return {"recused": "回避", "missing": "未交回", "invalid": "无效"}.get(self.status, "—")

    def to_json(self) -> dict:
        return {"expert_id": self.expert_id, "name": self.name, "status": self.status, "counted": self.counted,
                "total": dec_str(self.total) if self.counted else None,
                "excluded_total": dec_str(self.total) if self.status == "excluded" else None,
                "excluded_by": self.excluded_by or None, "total_display": self.cell,
                "grades": {k: g.to_json() for k, g in self.grades.items()},
                "recommendation": self.recommendation, "opinion": self.opinion, "reason": self.reason,
                "revision": self.revision}


@dataclass(frozen=True)
class ConsensusInfo:
    text: str
    final_recommendation: str | None
    final_level: str | None              # level id (form B)
    override_reason: str
    author: str
    author_role: str                     # leader | secretary
    updated_at: datetime | None
    basis_hash: str
    stale: bool                          # the scores changed after it was recorded

    def to_json(self) -> dict:
        return {"text": self.text, "final_recommendation": self.final_recommendation,
                "final_level": self.final_level, "override_reason": self.override_reason, "author": self.author,
                "author_role": self.author_role,
                "updated_at": self.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ") if self.updated_at else None,
                "stale": self.stale}


@dataclass
class AppResult:
    pk: int
    application_id: str
    kind: str
    title: str
    applicant: str
    guide_item: int | None
    guide_item_title: str
    direction: int | None
    direction_title: str
    requested: Decimal
    form: Form
    experts: list[ExpertScore]
    score: Score
    rec_counts: dict[str, int]
    computed_recommendation: str | None
    computed_level: str | None           # level id (form B)
    criterion2: Decimal | None
    flags: list[Flag]
    consensus: ConsensusInfo | None
    check_status: str
    check_summary: list[str]
    basis_hash: str
    formal_decision: str = ""            # '' | accepted | excluded (the secretary's 形式审查结论)
    formal_reason: str = ""
    rank_item: int | None = None
    rank_overall: int | None = None
    data_hash: str = ""

    # -- derived --
    @property
    def group(self) -> str:
        return f"项目{self.guide_item}" if self.guide_item is not None else CONSORTIUM_GROUP

    @property
    def scored(self) -> list[ExpertScore]:
        return [e for e in self.experts if e.status == "scored"]

    @property
    def missing(self) -> list[ExpertScore]:
        return [e for e in self.experts if e.status == "missing"]

    @property
    def excluded(self) -> list[ExpertScore]:
        """Reviews received but not counted (回避 recorded, or the application 不予受理)."""
        return [e for e in self.experts if e.status == "excluded"]

    @property
    def formally_excluded(self) -> bool:
        return self.formal_decision == "excluded"

    @property
    def formal_text(self) -> str:
        """形式审查结论 as printed on the sheets and in the exports."""
        return formal_text(self.formal_decision, self.formal_reason, self.check_status)

    @property
    def method_zh(self) -> str:
        from .aggregate import METHOD_ZH
        return METHOD_ZH.get(self.score.method, "—") if self.score.method else "无有效评分"

    @property
    def final_recommendation(self) -> str | None:
        """The panel's, once recorded; else the computed one; none for an application 不予受理."""
        if self.formally_excluded:
            return None
        return self.consensus.final_recommendation if self.consensus and self.consensus.final_recommendation \
            else self.computed_recommendation

    @property
    def final_level(self) -> str | None:
        if self.formally_excluded:
            return None
        return self.consensus.final_level if self.consensus and self.consensus.final_level else self.computed_level

    def recommendation_zh(self, rid: str | None) -> str:
        return dict(self.form.recommendations).get(rid, "—") if rid else "—"

    def level_zh(self, lid: str | None) -> str:
        return next((lv.name for lv in self.form.levels if lv.id == lid), "—") if lid else "—"

    @property
    def rec_counts_text(self) -> str:
        names = dict(self.form.recommendations)
        return "，".join(f"{names[k]} {v}" for k, v in self.rec_counts.items()) or "—"

    @property
    def conclusion_text(self) -> str:
        """专家组结论 as printed: the final recommendation / 等次, '（待定）' before a consensus."""
        if self.formally_excluded:
            return FORMAL_EXCLUDED_ZH
        if self.form.levels:
            text = self.level_zh(self.final_level)
        else:
            text = self.recommendation_zh(self.final_recommendation)
        if self.consensus is None:
            return f"{text}（待确认）" if text != "—" else "—"
        if self.consensus.stale:
            return f"{text}（评分有变，待重新确认）"
        return text

    def to_json(self) -> dict:
        c2 = self.form.criteria[1].id if len(self.form.criteria) > 1 else None
        return {
            "pk": self.pk, "application_id": self.application_id, "kind": self.kind, "title": self.title,
            "applicant": self.applicant, "guide_item": self.guide_item, "guide_item_title": self.guide_item_title,
            "direction": self.direction, "direction_title": self.direction_title,
            "requested": dec_str(self.requested), "form": self.form.id,
            "experts": [e.to_json() for e in self.experts],
            "n_scores": self.score.n, "mean": dec_str(self.score.mean), "trimmed_mean": dec_str(self.score.trimmed_mean),
            "method": self.score.method, "score": dec_str(self.score.value),
            "display": {"mean": shown(self.score.mean), "trimmed_mean": shown(self.score.trimmed_mean),
                        "score": shown(self.score.value)},
            "rank_item": self.rank_item, "rank_overall": self.rank_overall,
            "recommendation_counts": self.rec_counts, "computed_recommendation": self.computed_recommendation,
            "computed_level": self.computed_level, "criterion2": {"criterion": c2, "mean": dec_str(self.criterion2)},
            "flags": [f.to_json() for f in self.flags],
            "consensus": self.consensus.to_json() if self.consensus else None,
            "final_recommendation": self.final_recommendation if not self.form.levels else None,
            "final_level": self.final_level if self.form.levels else None,
            "check_status": self.check_status, "check_summary": self.check_summary,
            "formal": {"decision": self.formal_decision, "reason": self.formal_reason, "text": self.formal_text},
            "basis_hash": self.basis_hash, "data_hash": self.data_hash,
        }


@dataclass
class ItemGroup:
    guide_item: int | None
    title: str
    applications: list[AppResult]      # ranked within the item

    @property
    def heading(self) -> str:
        if self.guide_item is None:
            return f"{CONSORTIUM_GROUP}（{len(self.applications)} 项）"
        return f"指南项目{self.guide_item}　{self.title}（{len(self.applications)} 项）"


@dataclass
class PanelResults:
    session_id: int
    session_name: str
    session_state: str
    sheet_version: int
    panel_id: int
    panel_name: str
    form: Form
    rule: Rule
    band_mode: bool
    guide_title: str
    experts: list[PanelExpert]
    applications: list[AppResult]      # overall rank order; unranked last
    items: list[ItemGroup]
    severity: list[Severity]
    kendall: KendallW
    data_hash: str = ""

    @property
    def leader(self) -> PanelExpert | None:
        return next((e for e in self.experts if e.is_leader), None)

    @property
    def flags(self) -> list[Flag]:
        return [f for a in self.applications for f in a.flags]

    @property
    def finalised(self) -> bool:
        return self.session_state == "finalised"

    def application(self, ref: str | int) -> AppResult:
        for a in self.applications:
            if a.application_id == ref or a.pk == ref:
                return a
        raise ResultsError(f"评审组“{self.panel_name}”没有申报项目 {ref}", "results.application")

    def to_json(self) -> dict:
        return {
            "panel_id": self.panel_id, "name": self.panel_name, "form": {"id": self.form.id,
                                                                          "version": self.form.version,
                                                                          "title": self.form.title},
            "rule": {"id": self.rule.id, "trim_from": self.rule.trim_from, "text": self.rule.text},
            "band_mode": self.band_mode,
            "experts": [{"expert_id": e.expert_id, "roster_key": e.roster_key, "name": e.name, "unit": e.unit,
                         "title": e.title, "is_leader": e.is_leader, "key_fingerprint": e.key_fingerprint}
                        for e in self.experts],
            "items": [{"guide_item": g.guide_item, "title": g.title,
                       "applications": [a.application_id for a in g.applications]} for g in self.items],
            "applications": [a.to_json() for a in self.applications],
            "severity": [s.to_json() for s in self.severity],
            "kendall_w": self.kendall.to_json(),
            "data_hash": self.data_hash,
        }


# -- loading ------------------------------------------------------------------------------

def _points(p: Decimal | None) -> Decimal | None:
    return p  # stored exactly since schema v7 (``Grade.points`` reads back a Decimal)


def _forms_by_app(s, session_id: int, pks: set[int], default: Form) -> dict[int, Form]:
    """The form each application was graded with: from the newest bundle that carried it."""
    out: dict[int, Form] = {}
    cache: dict[str, Form] = {}
    for b in s.scalars(select(Bundle).where(Bundle.session_id == session_id).order_by(Bundle.created_at, Bundle.id)):
        parsed: dict[str, Form] = {}
        for fid, raw in (b.forms or {}).items():
            key = sha256_json(raw)
            if key not in cache:
                try:
                    cache[key] = parse_form(raw, f"bundle:{fid}")
                except FormError:
                    continue
            parsed[fid] = cache[key]
        for a in b.applications or []:
            if a["pk"] in pks and a["form"] in parsed:
                out[a["pk"]] = parsed[a["form"]]
    return {pk: out.get(pk, default) for pk in pks}


def _session_form(sess: ReviewSession) -> Form:
    try:
        return builtin_form(sess.form_template)
    except FormError as e:
        raise ResultsError(f"批次的评审表不可用：{e}", "results.form") from e


def _form_basis(form: Form) -> dict:
    return {"id": form.id, "version": form.version,
            "criteria": [[c.id, c.weight] for c in form.criteria],
            "grades": [[g.grade, dec_str(g.value)] for g in form.grades],
            "levels": [[lv.id, dec_str(lv.min)] for lv in form.levels]}


def formal_text(decision: str, reason: str, machine_status: str) -> str:
    """The 形式审查结论: the secretary's decision, or the machine verdict marked as unconfirmed."""
    reason = (reason or "").strip()
    if decision == "accepted":
        return "通过" + (f"（{reason}）" if reason else "")
    if decision == "excluded":
        return "不予受理：" + (reason or "（未写明理由）")
    return f"机器审查：{VERDICT_ZH.get(machine_status, machine_status)}（秘书未确认）"


def _check_summary(status: str, findings: list[Finding], decision: str = "", reason: str = "") -> list[str]:
    lines = [f"形式审查结论：{formal_text(decision, reason, status)}"]
    fails = [f for f in findings if f.status == "fail" and f.severity == "error"]
    other = [f for f in findings if f.status in ("fail", "not_declared") and f.severity != "error"]
    manual = [f for f in findings if f.status == "manual"]
    for f in fails:
        lines.append(f"不符合：{f.message}")
    if other:
        lines.append(f"提示 {len(other)} 项：" + "；".join(f.message for f in other[:3]) + ("…" if len(other) > 3 else ""))
    if manual:
        lines.append(f"需人工核实 {len(manual)} 项")
    return lines


def _load_panel(s, panel: Panel, guide_cache: dict) -> PanelResults:
    sess = s.get(ReviewSession, panel.session_id)
    rule = parse_rule(sess.aggregation_rule)
    default_form = _session_form(sess)
    key = sess.guide_edition_id
    if key not in guide_cache:
        guide_cache[key] = _parse_guide(sess.guide_edition)
    guide = guide_cache[key]

    members = list(s.scalars(select(Expert).join(PanelMember, PanelMember.expert_id == Expert.id)
                             .where(PanelMember.panel_id == panel.id).order_by(Expert.roster_key, Expert.id)))
    apps = list(s.scalars(select(Application).join(PanelApplication, PanelApplication.application_pk == Application.id)
                          .where(PanelApplication.panel_id == panel.id).order_by(Application.application_id)))
    pks = {a.id for a in apps}
    # Experts who reviewed without (any longer) being members still count: their scores are real.
    reviewers = set(s.scalars(select(Opinion.expert_id).where(Opinion.application_pk.in_(pks))))
    extra = reviewers - {e.id for e in members}
    if extra:
        members += list(s.scalars(select(Expert).where(Expert.id.in_(extra)).order_by(Expert.roster_key)))
    experts = [PanelExpert(e.id, e.roster_key, e.name, e.unit, e.title, e.id == panel.leader_expert_id,
                           e.key_fingerprint) for e in members]
    names = {e.expert_id: e.name for e in experts}

    forms = _forms_by_app(s, sess.id, pks, default_form)
    # Plain rows, not ORM objects: a 300 × 7 panel has ~15 000 grades and instances cost 3× more.
    grades: dict[tuple[int, int], list] = defaultdict(list)
    for g in s.execute(select(Grade.expert_id, Grade.application_pk, Grade.criterion, Grade.grade, Grade.points,
                              Grade.comment).where(Grade.application_pk.in_(pks))):
        grades[(g.expert_id, g.application_pk)].append(g)
    opinions = {(o.expert_id, o.application_pk): o for o in s.execute(
        select(Opinion.expert_id, Opinion.application_pk, Opinion.text, Opinion.recused, Opinion.recusal_reason,
               Opinion.revision, Opinion.updated_at).where(Opinion.application_pk.in_(pks)))}
    recs = {(r.expert_id, r.application_pk): r.value for r in s.execute(
        select(Recommendation.expert_id, Recommendation.application_pk, Recommendation.value)
        .where(Recommendation.application_pk.in_(pks)))}
    assigned = set(s.execute(select(Assignment.expert_id, Assignment.application_pk)
                             .where(Assignment.application_pk.in_(pks))).all())
    conflicts: dict[tuple[int, int], list[str]] = defaultdict(list)
    for c in s.scalars(select(Conflict).where(Conflict.session_id == sess.id, Conflict.dismissed.is_(False),
                                              Conflict.application_pk.in_(pks)).order_by(Conflict.id)):
        conflicts[(c.expert_id, c.application_pk)].append(c.reason)
    consensus = {c.application_pk: c for c in s.scalars(select(Consensus).where(Consensus.application_pk.in_(pks)))}
    findings: dict[int, list[Finding]] = defaultdict(list)
    for f in s.scalars(select(Finding).where(Finding.application_pk.in_(pks)).order_by(Finding.position)):
        findings[f.application_pk].append(f)

    results: list[AppResult] = []
    for app in apps:
        form = forms[app.id]
        order = {c.id: i for i, c in enumerate(form.criteria)}
        weights = {c.id: c.weight for c in form.criteria}
        cells: list[ExpertScore] = []
        excluded_app = app.formal_decision == "excluded"
        for e in experts:
            k = (e.expert_id, app.id)
            op = opinions.get(k)
            # A review stays in the store for the record but is not counted when a conflict is active
            # (whenever it was recorded) or the application was excluded at formal check.
            why_not, by = ("；".join(conflicts[k]), "conflict") if k in conflicts else \
                (f"{FORMAL_EXCLUDED_ZH}：{app.formal_reason or '（未写明理由）'}", "formal") if excluded_app else ("", "")
            if op is not None and op.recused:
                cells.append(ExpertScore(e.expert_id, e.name, "recused", reason=op.recusal_reason or "专家声明回避",
                                         revision=op.revision, updated_at=op.updated_at))
            elif op is not None:
                entries = {g.criterion: {"grade": g.grade, "points": _points(g.points)} for g in grades.get(k, [])}
                try:
                    total = expert_total(form, entries, sess.band_mode)
                except ValueError as err:
                    cells.append(ExpertScore(e.expert_id, e.name, "excluded" if by else "invalid",
                                             reason=why_not or str(err), opinion=op.text, revision=op.revision,
                                             updated_at=op.updated_at, excluded_by=by))
                    continue
                gc = {}
                for g in sorted(grades.get(k, []), key=lambda g: order[g.criterion]):
                    pts = _points(g.points)
                    value = pts / 100 if sess.band_mode and pts is not None else form.grade(g.grade).value
                    gc[g.criterion] = GradeCell(g.criterion, g.grade, pts if sess.band_mode else None, value,
                                                weights[g.criterion] * value, g.comment)
                cells.append(ExpertScore(e.expert_id, e.name, "excluded" if by else "scored", total, gc, recs.get(k),
                                         op.text, reason=why_not, revision=op.revision, updated_at=op.updated_at,
                                         excluded_by=by))
            elif k in conflicts:
                cells.append(ExpertScore(e.expert_id, e.name, "recused", reason="；".join(conflicts[k])))
            elif k in assigned:
                cells.append(ExpertScore(e.expert_id, e.name, "missing"))
            else:
                cells.append(ExpertScore(e.expert_id, e.name, "not_assigned"))
        scored = [c for c in cells if c.status == "scored"]
        score = project_score([c.total for c in scored], rule)
        options = form.recommendation_ids
        counts = recommendation_counts((c.recommendation for c in scored), options)
        c2 = form.criteria[1].id if len(form.criteria) > 1 else None
        c2_mean = divide(sum((c.grades[c2].score for c in scored), Decimal(0)), len(scored)) if c2 and scored else None
        level = form.level_for(score.value) if form.levels and score.value is not None else None
        flags = application_flags(app.application_id,
                                  [ScoredExpert(c.expert_id, c.name, c.total, {k2: g.grade for k2, g in c.grades.items()},
                                                c.recommendation) for c in scored],
                                  [(c.id, c.name) for c in form.criteria], counts, dict(form.recommendations))
        basis = {"form": _form_basis(form), "rule": rule.id, "band_mode": bool(sess.band_mode),
                 "experts": [{"id": c.expert_id, "status": c.status,
                              "grades": {k2: [g.grade, dec_str(g.points)] for k2, g in c.grades.items()},
                              "recommendation": c.recommendation,
                              "reason": c.reason if c.status == "recused" else ""} for c in cells]}
        if excluded_app:  # only when set, so the basis of every other application stays as it was
            basis["formal"] = "excluded"
        basis_hash = sha256_json(basis)
        row = consensus.get(app.id)
        cons = None
        if row is not None:
            cons = ConsensusInfo(row.text, row.final_recommendation, row.final_level, row.override_reason, row.author,
                                 row.author_role, row.updated_at, row.basis_hash, row.basis_hash != basis_hash)
        if cons is not None and not cons.stale:
            who = cons.author or "专家组"
            flags = [Flag(f.kind, f.key, f.application_id, f.experts, f.numbers, f.message, True,
                          f"已经专家组讨论并形成意见（{who}）") for f in flags]
        item = guide.item(app.guide_item) if app.guide_item is not None else None
        direction = next((d for d in item.directions if d.number == app.direction), None) if item else None
        results.append(AppResult(
            app.id, app.application_id, app.kind, app.title, app.applicant_name, app.guide_item,
            item.title if item else ("" if app.guide_item is not None else CONSORTIUM_GROUP), app.direction,
            direction.title if direction else "", Decimal(repr(app.requested)), form, cells, score, counts,
            computed_recommendation(counts, options), level.id if level else None, c2_mean, flags, cons,
            app.check_status, _check_summary(app.check_status, findings.get(app.id, []), app.formal_decision,
                                             app.formal_reason), basis_hash, app.formal_decision or "",
            app.formal_reason or ""))

    # ranks: overall within the panel and per guide item
    keys = {a.application_id: RankKey(a.application_id, a.score.value, a.rec_counts.get("support", 0), a.criterion2)
            for a in results}
    overall = rank(keys.values())
    groups: dict[int | None, list[AppResult]] = defaultdict(list)
    for a in results:
        a.rank_overall = overall[a.application_id]
        groups[a.guide_item].append(a)
    items: list[ItemGroup] = []
    for gi in sorted(groups, key=lambda g: (g is None, g or 0)):
        within = rank(keys[a.application_id] for a in groups[gi])
        for a in groups[gi]:
            a.rank_item = within[a.application_id]
        ordered = sorted(groups[gi], key=lambda a: keys[a.application_id].sort_key())
        items.append(ItemGroup(gi, ordered[0].guide_item_title, ordered))
    results.sort(key=lambda a: keys[a.application_id].sort_key())

    for a in results:
        a.data_hash = sha256_json({
            "basis": a.basis_hash, "application": [a.application_id, a.kind, a.title, a.applicant, a.guide_item,
                                                   a.direction, dec_str(a.requested)],
            "experts": [[c.expert_id, c.name] for c in a.experts],
            "consensus": a.consensus.to_json() if a.consensus else None,
            "checks": a.check_summary, "ranks": [a.rank_item, a.rank_overall]})

    # inter-rater statistics
    dev: dict[int, list[Fraction]] = defaultdict(list)
    by_expert: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for a in results:
        sc = a.scored
        for c in sc:
            by_expert[c.expert_id][a.application_id] = c.total
            if len(sc) >= 2:
                dev[c.expert_id].append(Fraction(c.total) - a.score.exact)  # exact; rounded once in severity
    sev = [severity(e.expert_id, e.name, dev.get(e.expert_id, [])) for e in experts]
    kw = panel_kendall({e.expert_id: by_expert.get(e.expert_id, {}) for e in experts}, names,
                       [a.application_id for a in sorted(results, key=lambda a: a.application_id)])

    pr = PanelResults(sess.id, sess.name, sess.state, sess.sheet_version, panel.id, panel.name, default_form, rule,
                      bool(sess.band_mode), guide.title, experts, results, items, sev, kw)
    pr.data_hash = sha256_json({
        "session": [sess.id, sess.name], "panel": [panel.id, panel.name], "rule": rule.id,
        "form": _form_basis(default_form), "band_mode": bool(sess.band_mode),
        "experts": [[e.expert_id, e.roster_key, e.name, e.unit, e.is_leader] for e in experts],
        "applications": [a.data_hash for a in results]})
    return pr


def panel_results(store: Store, panel_id: int) -> PanelResults:
    """Everything the results page shows for one panel (read-only)."""
    with store.read() as s:
        panel = s.get(Panel, panel_id)
        if panel is None:
            raise ResultsError(f"没有评审组 {panel_id}", "results.panel")
        return _load_panel(s, panel, {})


def session_panels(store: Store, session_id: int) -> list[int]:
    with store.read() as s:
        if s.get(ReviewSession, session_id) is None:
            raise ResultsError(f"没有评审批次 {session_id}", "session.missing")
        return list(s.scalars(select(Panel.id).where(Panel.session_id == session_id).order_by(Panel.id)))


def session_results(store: Store, session_id: int, panel_ids: Iterable[int] | None = None) -> list[PanelResults]:
    """Results of every panel of the session (or of ``panel_ids``), in one read transaction."""
    with store.read() as s:
        if s.get(ReviewSession, session_id) is None:
            raise ResultsError(f"没有评审批次 {session_id}", "session.missing")
        ids = list(panel_ids) if panel_ids is not None else list(
            s.scalars(select(Panel.id).where(Panel.session_id == session_id).order_by(Panel.id)))
        cache: dict = {}
        out = []
        for pid in ids:
            panel = s.get(Panel, pid)
            if panel is None or panel.session_id != session_id:
                raise ResultsError(f"评审组 {pid} 不属于评审批次 {session_id}", "results.panel")
            out.append(_load_panel(s, panel, cache))
        return out


@dataclass
class ApplicationDetail:
    """The drill-down of one application: its result and the panel context (experts, form)."""
    panel: PanelResults
    result: AppResult

    @property
    def grade_table(self) -> list[dict]:
        """One row per criterion: {criterion, name, weight, cells: [{expert, grade, points, score, comment} | None]}."""
        rows = []
        for c in self.result.form.criteria:
            cells = []
            for e in self.result.experts:
                g = e.grades.get(c.id)
                cells.append(None if g is None else {"expert_id": e.expert_id, "name": e.name, "grade": g.grade,
                                                     "points": g.points, "score": g.score, "comment": g.comment,
                                                     "counted": e.counted})
            rows.append({"criterion": c.id, "name": c.name, "weight": c.weight, "cells": cells})
        return rows


def panel_of_application(store: Store, session_id: int, application: str | int) -> int:
    with store.read() as s:
        q = select(PanelApplication.panel_id).join(Application, Application.id == PanelApplication.application_pk) \
            .where(Application.session_id == session_id)
        q = q.where(Application.id == application) if isinstance(application, int) else \
            q.where(Application.application_id == str(application).strip())
        pid = s.scalar(q)
    if pid is None:
        raise ResultsError(f"本批次没有申报项目 {application}，或它尚未分到任何评审组", "results.application")
    return pid


def application_detail(store: Store, session_id: int, application: str | int) -> ApplicationDetail:
    """One application (申报编号, or database id as int) with every grade of every expert per criterion."""
    pr = panel_results(store, panel_of_application(store, session_id, application))
    return ApplicationDetail(pr, pr.application(application))


def expert_counts(pr: PanelResults) -> Counter:
    return Counter(c.status for a in pr.applications for c in a.experts)
