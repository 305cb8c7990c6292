"""Load what a panel's merge needs, in one read transaction, as plain frozen data.

:func:`load_panel` / :func:`load_session` return :class:`PanelData`: the session's particulars
(rule, band mode, form, guide), the panel's experts and applications, and every review row
(opinions, grades, recommendations), assignment, active conflict and consensus of those
applications. Nothing of the ORM escapes: the merge (:func:`.merge.merge_panel`) is arithmetic
on these values and can be tested without a store.

What is decided here rather than in the merge, because it is a question of which rows apply:

* The form of an application is the one embedded in the newest bundle that carried it (what the
  expert graded with); without any bundle, the session's form.
* Experts who reviewed without (any longer) being members still belong to the panel's experts:
  their scores are real. Members are ordered by roster key, such reviewers after them.
* Only active (not dismissed) conflicts are loaded, in the order they were recorded.

The number of statements does not grow with the panel (one query per table), and a session's
panels share one transaction and one parse of its bundles' forms.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from ..forms import Form, FormError, builtin_form, parse_form
from ..services.guides import parse_edition_row
from ..store import Store
from ..store.models import (Application, Assignment, Bundle, Conflict, Consensus, Expert, Finding, Grade, Opinion,
                            Panel, PanelApplication, PanelMember, Recommendation, ReviewSession)
from .aggregate import Rule, parse_rule
from .errors import ResultsError

Key = tuple[int, int]   # (expert id, application pk)


@dataclass(frozen=True)
class MemberRow:
    expert_id: int
    roster_key: str
    name: str
    unit: str
    title: str
    key_fingerprint: str | None


@dataclass(frozen=True)
class FindingRow:
    status: str          # pass | fail | not_declared | manual
    severity: str        # error | warning | info
    message: str


@dataclass(frozen=True)
class AppRow:
    pk: int
    application_id: str
    kind: str
    title: str
    applicant: str
    guide_item: int | None
    guide_item_title: str | None     # the guide's title of the item; None when the guide has no such item
    direction: int | None
    direction_title: str             # '' when the item has no such direction
    requested: Decimal               # exact decimal of the stored figure
    check_status: str
    formal_decision: str             # '' | accepted | excluded
    formal_reason: str
    findings: tuple[FindingRow, ...]  # in the order of the checks
    form: Form                       # the form the application was graded with


@dataclass(frozen=True)
class OpinionRow:
    text: str
    recused: bool
    recusal_reason: str
    revision: int | None
    updated_at: datetime | None


@dataclass(frozen=True)
class GradeRow:
    criterion: str
    grade: str
    points: Decimal | None           # band mode: exactly as signed
    comment: str


@dataclass(frozen=True)
class ConsensusRow:
    text: str
    final_recommendation: str | None
    final_level: str | None
    override_reason: str
    author: str
    author_role: str
    updated_at: datetime | None
    basis_hash: str                  # the scores it was decided on


@dataclass(frozen=True)
class PanelData:
    """Everything one panel's merge reads; keys of the review maps are (expert id, application pk)."""
    session_id: int
    session_name: str
    session_state: str
    sheet_version: int
    panel_id: int
    panel_name: str
    rule: Rule
    band_mode: bool
    form: Form                       # the session's form (the panel's heading; applications carry theirs)
    guide_title: str
    leader_id: int | None
    members: tuple[MemberRow, ...]
    applications: tuple[AppRow, ...]  # by application id
    opinions: Mapping[Key, OpinionRow]
    grades: Mapping[Key, tuple[GradeRow, ...]]
    recommendations: Mapping[Key, str]
    assigned: frozenset[Key]
    conflicts: Mapping[Key, tuple[str, ...]]   # active conflicts' reasons
    consensus: Mapping[int, ConsensusRow]      # by application pk


# -- public entry points ------------------------------------------------------------------

def load_panel(store: Store, panel_id: int) -> PanelData:
    with store.read() as s:
        panel = s.get(Panel, panel_id)
        if panel is None:
            raise ResultsError(f"没有评审组 {panel_id}", "results.panel")
        return _SessionReader(s, panel.session_id).panel(panel)


def load_session(store: Store, session_id: int, panel_ids: Iterable[int] | None = None) -> list[PanelData]:
    """Every panel of the session (or those of ``panel_ids``, in that order), in one read transaction."""
    with store.read() as s:
        _session(s, session_id)
        ids = list(panel_ids) if panel_ids is not None else _panel_ids(s, session_id)
        reader = _SessionReader(s, session_id)
        out = []
        for pid in ids:
            panel = s.get(Panel, pid)
            if panel is None or panel.session_id != session_id:
                raise ResultsError(f"评审组 {pid} 不属于评审批次 {session_id}", "results.panel")
            out.append(reader.panel(panel))
        return out


def load_session_in(s, session_id: int) -> list[PanelData]:
    """Every panel of the session, read in the caller's read transaction ``s`` (a larger read that
    also needs the results, e.g. the funding plan)."""
    _session(s, session_id)
    reader = _SessionReader(s, session_id)
    return [reader.panel(s.get(Panel, pid)) for pid in _panel_ids(s, session_id)]


def session_panel_ids(store: Store, session_id: int) -> list[int]:
    with store.read() as s:
        _session(s, session_id)
        return _panel_ids(s, session_id)


def panel_id_of(store: Store, session_id: int, application: str | int) -> int:
    """The panel an application (申报编号, or database id as int) is in."""
    with store.read() as s:
        return _panel_id_of(s, session_id, application)


def load_panel_of(store: Store, session_id: int, application: str | int) -> PanelData:
    """The panel of an application, found and loaded in one read transaction (the drill-down by id)."""
    with store.read() as s:
        panel = s.get(Panel, _panel_id_of(s, session_id, application))
        return _SessionReader(s, session_id).panel(panel)


# -- reading ------------------------------------------------------------------------------

def _json(text: str | None):
    return json.loads(text) if text else None  # as the models' JSON properties read it


def _session(s, session_id: int) -> ReviewSession:
    sess = s.get(ReviewSession, session_id)
    if sess is None:
        raise ResultsError(f"没有评审批次 {session_id}", "session.missing")
    return sess


def _panel_id_of(s, session_id: int, application: str | int) -> int:
    q = select(PanelApplication.panel_id).join(Application, Application.id == PanelApplication.application_pk) \
        .where(Application.session_id == session_id)
    q = q.where(Application.id == application) if isinstance(application, int) else \
        q.where(Application.application_id == str(application).strip())
    pid = s.scalar(q)
    if pid is None:
        raise ResultsError(f"本批次没有申报项目 {application}，或它尚未分到任何评审组", "results.application")
    return pid


def _panel_ids(s, session_id: int) -> list[int]:
    return list(s.scalars(select(Panel.id).where(Panel.session_id == session_id).order_by(Panel.id)))


_APP_COLUMNS = (Application.id, Application.application_id, Application.kind, Application.title,
                Application.applicant_name, Application.guide_item, Application.direction, Application.requested,
                Application.check_status, Application.formal_decision, Application.formal_reason)


class _SessionReader:
    """What the panels of one session share (rule, form, guide, the bundles' forms), read once."""

    def __init__(self, s, session_id: int):
        self.s = s
        self.sess = sess = s.get(ReviewSession, session_id)
        self.rule = parse_rule(sess.aggregation_rule)
        try:
            self.form = builtin_form(sess.form_template)
        except FormError as e:
            raise ResultsError(f"批次的评审表不可用：{e}", "results.form") from e
        self.guide = parse_edition_row(sess.guide_edition)
        self._bundle_forms: dict[int, Form] | None = None

    def bundle_forms(self) -> dict[int, Form]:
        """application pk → the form of the newest bundle that carried it (later bundles win)."""
        if self._bundle_forms is None:
            out: dict[int, Form] = {}
            parsed_by_json: dict[str, Form | None] = {}
            for forms_json, apps_json in self.s.execute(
                    select(Bundle.forms_json, Bundle.applications_json).where(Bundle.session_id == self.sess.id)
                    .order_by(Bundle.created_at, Bundle.id)):
                parsed: dict[str, Form] = {}
                for fid, raw in (_json(forms_json) or {}).items():
                    key = json.dumps(raw, sort_keys=True, ensure_ascii=False)
                    if key not in parsed_by_json:
                        try:
                            parsed_by_json[key] = parse_form(raw, f"bundle:{fid}")
                        except FormError:
                            parsed_by_json[key] = None
                    if parsed_by_json[key] is not None:
                        parsed[fid] = parsed_by_json[key]
                for a in _json(apps_json) or []:
                    if a["form"] in parsed:
                        out[a["pk"]] = parsed[a["form"]]
            self._bundle_forms = out
        return self._bundle_forms

    def panel(self, panel: Panel) -> PanelData:
        s, sess = self.s, self.sess
        members = list(s.execute(select(Expert.id, Expert.roster_key, Expert.name, Expert.unit, Expert.title,
                                        Expert.key_fingerprint)
                                 .join(PanelMember, PanelMember.expert_id == Expert.id)
                                 .where(PanelMember.panel_id == panel.id).order_by(Expert.roster_key, Expert.id)))
        # Columns, not ORM objects: an application row also holds its whole manifest.
        apps = list(s.execute(select(*_APP_COLUMNS)
                              .join(PanelApplication, PanelApplication.application_pk == Application.id)
                              .where(PanelApplication.panel_id == panel.id).order_by(Application.application_id)))
        pks = {a.id for a in apps}

        reviewers = set(s.scalars(select(Opinion.expert_id).where(Opinion.application_pk.in_(pks))))
        extra = reviewers - {m.id for m in members}
        if extra:
            members += list(s.execute(select(Expert.id, Expert.roster_key, Expert.name, Expert.unit, Expert.title,
                                             Expert.key_fingerprint)
                                      .where(Expert.id.in_(extra)).order_by(Expert.roster_key)))

        grades: dict[Key, list[GradeRow]] = defaultdict(list)
        for g in s.execute(select(Grade.expert_id, Grade.application_pk, Grade.criterion, Grade.grade, Grade.points,
                                  Grade.comment).where(Grade.application_pk.in_(pks))):
            grades[(g.expert_id, g.application_pk)].append(GradeRow(g.criterion, g.grade, g.points, g.comment))
        opinions = {(o.expert_id, o.application_pk): OpinionRow(o.text, bool(o.recused), o.recusal_reason,
                                                                o.revision, o.updated_at)
                    for o in s.execute(select(Opinion.expert_id, Opinion.application_pk, Opinion.text,
                                              Opinion.recused, Opinion.recusal_reason, Opinion.revision,
                                              Opinion.updated_at).where(Opinion.application_pk.in_(pks)))}
        recs = {(r.expert_id, r.application_pk): r.value for r in s.execute(
            select(Recommendation.expert_id, Recommendation.application_pk, Recommendation.value)
            .where(Recommendation.application_pk.in_(pks)))}
        assigned = frozenset((a.expert_id, a.application_pk) for a in s.execute(
            select(Assignment.expert_id, Assignment.application_pk).where(Assignment.application_pk.in_(pks))))
        conflicts: dict[Key, list[str]] = defaultdict(list)
        for c in s.execute(select(Conflict.expert_id, Conflict.application_pk, Conflict.reason)
                           .where(Conflict.session_id == sess.id, Conflict.dismissed.is_(False),
                                  Conflict.application_pk.in_(pks)).order_by(Conflict.id)):
            conflicts[(c.expert_id, c.application_pk)].append(c.reason)
        consensus = {c.application_pk: ConsensusRow(c.text, c.final_recommendation, c.final_level, c.override_reason,
                                                    c.author, c.author_role, c.updated_at, c.basis_hash)
                     for c in s.execute(select(Consensus.application_pk, Consensus.text,
                                               Consensus.final_recommendation, Consensus.final_level,
                                               Consensus.override_reason, Consensus.author, Consensus.author_role,
                                               Consensus.updated_at, Consensus.basis_hash)
                                        .where(Consensus.application_pk.in_(pks)))}
        findings: dict[int, list[FindingRow]] = defaultdict(list)
        for f in s.execute(select(Finding.application_pk, Finding.status, Finding.severity, Finding.message)
                           .where(Finding.application_pk.in_(pks)).order_by(Finding.position)):
            findings[f.application_pk].append(FindingRow(f.status, f.severity, f.message))

        forms = self.bundle_forms()
        return PanelData(
            session_id=sess.id, session_name=sess.name, session_state=sess.state, sheet_version=sess.sheet_version,
            panel_id=panel.id, panel_name=panel.name, rule=self.rule, band_mode=bool(sess.band_mode),
            form=self.form, guide_title=self.guide.title, leader_id=panel.leader_expert_id,
            members=tuple(MemberRow(m.id, m.roster_key, m.name, m.unit, m.title, m.key_fingerprint) for m in members),
            applications=tuple(self._app(a, tuple(findings.get(a.id, ())), forms.get(a.id, self.form)) for a in apps),
            opinions=opinions, grades={k: tuple(v) for k, v in grades.items()}, recommendations=recs,
            assigned=assigned, conflicts={k: tuple(v) for k, v in conflicts.items()}, consensus=consensus)

    def _app(self, app, findings: tuple[FindingRow, ...], form: Form) -> AppRow:
        item = self.guide.item(app.guide_item) if app.guide_item is not None else None
        direction = next((d for d in item.directions if d.number == app.direction), None) if item else None
        return AppRow(app.id, app.application_id, app.kind, app.title, app.applicant_name, app.guide_item,
                      item.title if item else None, app.direction, direction.title if direction else "",
                      Decimal(repr(app.requested)), app.check_status, app.formal_decision or "",
                      app.formal_reason or "", findings, form)
