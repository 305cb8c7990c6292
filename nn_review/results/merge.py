"""Merge the imported scores of a panel into results: per application every expert's total
(or 回避), mean, trimmed mean, the rule used, ranks, recommendation counts, divergence flags,
the panel's consensus, and the inter-rater statistics — plus the hash of the data.

Load, then compute: :mod:`.loader` reads a panel's rows in one read transaction into plain
frozen :class:`~.loader.PanelData`; :func:`merge_panel` is a pure function of that data (no
store). The UI calls :func:`panel_results` (= ``merge_panel(load_panel(...))``),
:func:`session_results`, :func:`application_detail`, and :func:`detail_from` to drill down into
a panel it already merged. Where a figure comes from:

* Grades, opinions and recommendations are the rows written by the score import (the last
  accepted revision of each expert's file). Band-mode points are stored exactly, as the
  decimal text of the signed file (schema v7), and read back as ``Decimal``; a grade's value
  (fraction of the weight) is ``forms.grade_value``, the expert's total ``forms.expert_total``.
* The form of an application is the one embedded in the newest bundle that carried it
  (what the expert graded with); without any bundle, the session's form (chosen by the loader).
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

import dataclasses
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from ..checks.engine import VERDICT_ZH
from ..formats.canonical import canonical_json
from ..forms import Form, display, expert_total, grade_value, level_msg, recommendation_msg
from ..i18n import M, Msg
from .aggregate import (RankKey, Rule, Score, computed_recommendation, dec_str, divide, project_score, rank,
                        recommendation_counts)
from .agreement import KendallW, Severity, panel_kendall, severity
from .divergence import Flag, ScoredExpert, application_flags
from .errors import ResultsError
from .loader import (AppRow, FindingRow, PanelData, load_panel, load_panel_of, load_session, panel_id_of,
                     session_panel_ids)

if TYPE_CHECKING:
    from ..store import Store

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
    def mark_msg(self) -> Msg | str:
        """:attr:`exclusion_mark` per language."""
        if self.status != "excluded":
            return ""
        return M("results.mark.conflict" if self.excluded_by == "conflict" else "results.mark.formal")

    @property
    def cell_msg(self) -> Msg | str:
        """:attr:`cell` per language (the total as it is)."""
        if self.status == "scored":
            return display(self.total)
        if self.status == "excluded":
            return M("results.cell.excluded", mark=self.mark_msg)
        key = {"recused": "results.cell.recused", "missing": "results.cell.missing",
               "invalid": "results.cell.invalid"}.get(self.status)
        return M(key) if key else "—"

    @property
    def reason_msg(self) -> Msg | str:
        """:attr:`reason` per language where the core wrote it (a conflict's reason is data)."""
        prefix = f"{FORMAL_EXCLUDED_ZH}："
        if self.excluded_by == "formal" and self.reason.startswith(prefix):
            rest = self.reason[len(prefix):]
            return M("results.reason.formal", reason=M("results.formal.no_reason") if rest == "（未写明理由）" else rest)
        if self.status == "recused" and self.reason == "专家声明回避":
            return M("results.reason.recused")
        return self.reason

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
    def method_msg(self) -> Msg:
        from .aggregate import MEAN, TRIMMED
        return M({MEAN: "results.method.mean", TRIMMED: "results.method.trimmed"}.get(self.score.method,
                                                                                   "results.method.none"))

    @property
    def formal_msg(self) -> Msg:
        """:attr:`formal_text` per language."""
        return formal_msg(self.formal_decision, self.formal_reason, self.check_status)

    @property
    def rec_counts_msg(self) -> list[Msg] | str:
        """:attr:`rec_counts_text` per language, the options nobody chose left out (a list: rendered
        with the language's separator)."""
        return [M("results.votes", name=recommendation_msg(self.form, k), n=v)
                for k, v in self.rec_counts.items() if v] or "—"

    @property
    def conclusion_msg(self) -> Msg | str:
        """:attr:`conclusion_text` per language."""
        if self.formally_excluded:
            return M("results.concl.excluded")
        name = level_msg(self.form, self.final_level) if self.form.levels else \
            recommendation_msg(self.form, self.final_recommendation)
        if self.consensus is None:
            return M("results.concl.pending", name=name) if name != "—" else "—"
        if self.consensus.stale:
            return M("results.concl.stale", name=name)
        return name

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


# -- what the hashes and the sheets share -----------------------------------------------

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


def formal_msg(decision: str, reason: str, machine_status: str) -> Msg:
    """:func:`formal_text` per language (the reason is data)."""
    reason = (reason or "").strip()
    if decision == "accepted":
        return M("results.formal.accepted_because", reason=reason) if reason else M("results.formal.accepted")
    if decision == "excluded":
        return M("results.formal.excluded", reason=reason or M("results.formal.no_reason"))
    verdict = f"results.verdict.{machine_status}"
    return M("results.formal.machine", verdict=M(verdict) if verdict in _catalog() else machine_status)


def _catalog():
    from ..i18n import catalog
    return catalog()


def _check_summary(status: str, findings: Iterable[FindingRow], decision: str = "", reason: str = "") -> list[str]:
    lines = [f"形式审查结论：{formal_text(decision, reason, status)}"]
    findings = list(findings)
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


# -- the merge: a pure function of the loaded data ------------------------------------------

def merge_panel(data: PanelData) -> PanelResults:
    """The results of one panel from its loaded rows (no store, no I/O; the same data → the same results)."""
    experts = [PanelExpert(m.expert_id, m.roster_key, m.name, m.unit, m.title, m.expert_id == data.leader_id,
                           m.key_fingerprint) for m in data.members]
    results = [_app_result(data, app, experts) for app in data.applications]
    items = _rank(results)
    sev, kw = _statistics(results, experts)
    pr = PanelResults(data.session_id, data.session_name, data.session_state, data.sheet_version, data.panel_id,
                      data.panel_name, data.form, data.rule, data.band_mode, data.guide_title, experts, results, items,
                      sev, kw)
    pr.data_hash = sha256_json({
        "session": [data.session_id, data.session_name], "panel": [data.panel_id, data.panel_name],
        "rule": data.rule.id, "form": _form_basis(data.form), "band_mode": data.band_mode,
        "experts": [[e.expert_id, e.roster_key, e.name, e.unit, e.is_leader] for e in experts],
        "applications": [a.data_hash for a in results]})
    return pr


def _expert_cell(data: PanelData, app: AppRow, e: PanelExpert) -> ExpertScore:
    """One expert's cell of one application (the order of the module docstring)."""
    k = (e.expert_id, app.pk)
    op = data.opinions.get(k)
    conflicts = data.conflicts.get(k, ())
    # A review stays in the store for the record but is not counted when a conflict is active
    # (whenever it was recorded) or the application was excluded at formal check.
    why_not, by = ("；".join(conflicts), "conflict") if conflicts else \
        (f"{FORMAL_EXCLUDED_ZH}：{app.formal_reason or '（未写明理由）'}", "formal") \
        if app.formal_decision == "excluded" else ("", "")
    if op is not None and op.recused:
        return ExpertScore(e.expert_id, e.name, "recused", reason=op.recusal_reason or "专家声明回避",
                           revision=op.revision, updated_at=op.updated_at)
    if op is not None:
        form, band = app.form, data.band_mode
        rows = data.grades.get(k, ())
        try:
            total = expert_total(form, {g.criterion: {"grade": g.grade, "points": g.points} for g in rows}, band)
        except ValueError as err:
            return ExpertScore(e.expert_id, e.name, "excluded" if by else "invalid", reason=why_not or str(err),
                               opinion=op.text, revision=op.revision, updated_at=op.updated_at, excluded_by=by)
        order = {c.id: i for i, c in enumerate(form.criteria)}
        weights = {c.id: c.weight for c in form.criteria}
        gc = {}
        for g in sorted(rows, key=lambda g: order[g.criterion]):
            value = grade_value(form, g.criterion, {"grade": g.grade, "points": g.points}, band)
            gc[g.criterion] = GradeCell(g.criterion, g.grade, g.points if band else None, value,
                                        weights[g.criterion] * value, g.comment)
        return ExpertScore(e.expert_id, e.name, "excluded" if by else "scored", total, gc,
                           data.recommendations.get(k), op.text, reason=why_not, revision=op.revision,
                           updated_at=op.updated_at, excluded_by=by)
    if conflicts:
        return ExpertScore(e.expert_id, e.name, "recused", reason="；".join(conflicts))
    if k in data.assigned:
        return ExpertScore(e.expert_id, e.name, "missing")
    return ExpertScore(e.expert_id, e.name, "not_assigned")


def _app_result(data: PanelData, app: AppRow, experts: list[PanelExpert]) -> AppResult:
    form = app.form
    cells = [_expert_cell(data, app, e) for e in experts]
    scored = [c for c in cells if c.status == "scored"]
    score = project_score([c.total for c in scored], data.rule)
    options = form.recommendation_ids
    counts = recommendation_counts((c.recommendation for c in scored), options)
    c2 = form.criteria[1].id if len(form.criteria) > 1 else None
    c2_mean = divide(sum((c.grades[c2].score for c in scored), Decimal(0)), len(scored)) if c2 and scored else None
    level = form.level_for(score.value) if form.levels and score.value is not None else None
    flags = application_flags(app.application_id,
                              [ScoredExpert(c.expert_id, c.name, c.total, {k: g.grade for k, g in c.grades.items()},
                                            c.recommendation) for c in scored],
                              [(c.id, c.name) for c in form.criteria], counts, dict(form.recommendations))
    basis = {"form": _form_basis(form), "rule": data.rule.id, "band_mode": data.band_mode,
             "experts": [{"id": c.expert_id, "status": c.status,
                          "grades": {k: [g.grade, dec_str(g.points)] for k, g in c.grades.items()},
                          "recommendation": c.recommendation,
                          "reason": c.reason if c.status == "recused" else ""} for c in cells]}
    if app.formal_decision == "excluded":  # only when set, so the basis of every other application stays as it was
        basis["formal"] = "excluded"
    basis_hash = sha256_json(basis)
    row = data.consensus.get(app.pk)
    cons = None
    if row is not None:
        cons = ConsensusInfo(row.text, row.final_recommendation, row.final_level, row.override_reason, row.author,
                             row.author_role, row.updated_at, row.basis_hash, row.basis_hash != basis_hash)
    if cons is not None and not cons.stale:
        who = cons.author or "专家组"
        flags = [dataclasses.replace(f, resolved=True, resolution=f"已经专家组讨论并形成意见（{who}）") for f in flags]
    item_title = app.guide_item_title if app.guide_item_title is not None else \
        ("" if app.guide_item is not None else CONSORTIUM_GROUP)
    return AppResult(
        app.pk, app.application_id, app.kind, app.title, app.applicant, app.guide_item, item_title, app.direction,
        app.direction_title, app.requested, form, cells, score, counts, computed_recommendation(counts, options),
        level.id if level else None, c2_mean, flags, cons, app.check_status,
        _check_summary(app.check_status, app.findings, app.formal_decision, app.formal_reason), basis_hash,
        app.formal_decision, app.formal_reason)


def _rank(results: list[AppResult]) -> list[ItemGroup]:
    """Ranks overall within the panel and per guide item; sorts ``results`` into overall rank order and
    sets every application's ``data_hash`` (it covers the ranks)."""
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
    return items


def _statistics(results: list[AppResult], experts: list[PanelExpert]) -> tuple[list[Severity], KendallW]:
    """Inter-rater statistics: each expert's severity and the panel's Kendall's W."""
    dev: dict[int, list[Fraction]] = defaultdict(list)
    by_expert: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for a in results:
        sc = a.scored
        for c in sc:
            by_expert[c.expert_id][a.application_id] = c.total
            if len(sc) >= 2:
                dev[c.expert_id].append(Fraction(c.total) - a.score.exact)  # exact; rounded once in severity
    sev = [severity(e.expert_id, e.name, dev.get(e.expert_id, [])) for e in experts]
    kw = panel_kendall({e.expert_id: by_expert.get(e.expert_id, {}) for e in experts},
                       {e.expert_id: e.name for e in experts},
                       [a.application_id for a in sorted(results, key=lambda a: a.application_id)])
    return sev, kw


# -- the store-facing API: load, then merge -------------------------------------------------

def panel_results(store: Store, panel_id: int) -> PanelResults:
    """Everything the results page shows for one panel (read-only: one read transaction)."""
    return merge_panel(load_panel(store, panel_id))


def session_panels(store: Store, session_id: int) -> list[int]:
    return session_panel_ids(store, session_id)


def session_results(store: Store, session_id: int, panel_ids: Iterable[int] | None = None) -> list[PanelResults]:
    """Results of every panel of the session (or of ``panel_ids``), loaded in one read transaction."""
    return [merge_panel(d) for d in load_session(store, session_id, panel_ids)]


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


def detail_from(pr: PanelResults, application: str | int) -> ApplicationDetail:
    """The drill-down of one application of an already merged panel (申报编号, or database id as int)."""
    return ApplicationDetail(pr, pr.application(application))


def panel_of_application(store: Store, session_id: int, application: str | int) -> int:
    return panel_id_of(store, session_id, application)


def application_detail(store: Store, session_id: int, application: str | int) -> ApplicationDetail:
    """One application (申报编号, or database id as int) with every grade of every expert per criterion."""
    return detail_from(merge_panel(load_panel_of(store, session_id, application)), application)


def expert_counts(pr: PanelResults) -> Counter:
    return Counter(c.status for a in pr.applications for c in a.experts)
