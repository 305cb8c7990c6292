"""Read models for the UI and the CLI (plain dataclasses, detached from the DB session)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..checks.engine import stored_msg
from ..i18n import Msg
from ..store import Store, StoreError
from ..funding.routing import PANEL, route_detail_of, route_of
from ..store.models import Application, Finding, ReviewSession
from .formal import FormalState, state_of


@dataclass(frozen=True)
class AppRow:
    pk: int
    application_id: str
    kind: str
    guide_item: int | None
    direction: int | None
    title: str
    applicant: str
    requested: float
    self_funded: float
    check_status: str   # pass | fail | attention | unchecked
    failed_rules: int   # findings with status fail
    imported_at: datetime
    formal_decision: str = ""   # '' | accepted | excluded (the secretary's 形式审查结论)
    formal_reason: str = ""
    formal_actor: str = ""
    formal_decided_at: datetime | None = None
    route: str = "panel"        # panel (专家评审) | rule (按规则核定): nn_review.funding.routing (issue 21)


@dataclass(frozen=True)
class DocInfo:
    path: str
    kind: str
    title: str
    sha256: str
    size: int
    page_count: int
    file: Path  # absolute path of the stored (read-only) blob


@dataclass(frozen=True)
class FindingInfo:
    rule_id: str
    scope: str
    severity: str
    status: str
    declared: str
    threshold: str
    message: str
    source_text: str
    msg: Msg | None = None  # the message per language (None: a row from before v8 → ``message``)


@dataclass(frozen=True)
class AppDetail:
    row: AppRow
    manifest: dict[str, Any]
    documents: list[DocInfo]
    findings: list[FindingInfo]
    warnings: list[str]
    source_name: str
    source_sha256: str
    formal: FormalState | None = None  # decision and 核对清单
    # The session's guide in words where the package was made for it ("" otherwise), and its id
    # ("nanning-seed v1") for a tooltip: the secretary reads the title, not the id.
    guide_title: str = ""
    guide_id: str = ""
    route: Any = None  # funding.routing.RouteDetail: route, rule text, computed amount (issue 21)


def _row(a: Application, failed: int, guide=None) -> AppRow:
    return AppRow(a.id, a.application_id, a.kind, a.guide_item, a.direction, a.title, a.applicant_name,
                  a.requested, a.self_funded, a.check_status, failed, a.imported_at, a.formal_decision or "",
                  a.formal_reason or "", a.formal_actor or "", a.formal_decided_at,
                  route_of(guide, a.guide_item, a.direction) if guide is not None else PANEL)


def _session_guide(s, session_id: int):
    from .guides import parse_edition_row
    sess = s.get(ReviewSession, session_id)
    return parse_edition_row(sess.guide_edition) if sess is not None else None


def list_applications(store: Store, session_id: int) -> list[AppRow]:
    with store.read() as s:
        # One aggregate query instead of loading every finding (the table shows hundreds of rows).
        failed = dict(s.execute(select(Finding.application_pk, func.count()).join(Application)
                                .where(Application.session_id == session_id, Finding.status == "fail")
                                .group_by(Finding.application_pk)).all())
        apps = s.scalars(select(Application).where(Application.session_id == session_id)
                         .order_by(Application.application_id)).all()
        guide = _session_guide(s, session_id)
        return [_row(a, failed.get(a.id, 0), guide) for a in apps]


def application_detail(store: Store, session_id: int, application_id: str) -> AppDetail:
    with store.read() as s:
        a = s.scalar(select(Application).where(Application.session_id == session_id,
                                              Application.application_id == application_id))
        if a is None:
            raise StoreError(f"本批次没有申报编号 {application_id}")
        docs = [DocInfo(d.path, d.kind, d.title, d.sha256, d.size, d.page_count, store.blobs.path(d.blob))
                for d in a.documents]
        finds = [FindingInfo(f.rule_id, f.scope, f.severity, f.status, f.declared, f.threshold, f.message,
                             f.source_text, stored_msg(f.message_json)) for f in a.findings]
        guide = a.session.guide_edition
        return AppDetail(_row(a, sum(f.status == "fail" for f in a.findings), _session_guide(s, session_id)),
                         a.manifest, docs, finds, a.warnings or [], a.source_name, a.source_sha256, state_of(s, a),
                         guide.title if a.guide_edition == guide.edition else "", f"{guide.edition} v{guide.version}",
                         route_detail_of(s, a))
