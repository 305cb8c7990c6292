"""SQLAlchemy 2 typed models of the store.

The schema is created only by migrations (``migrations.py``); a test checks that the
migrated schema and these models agree, so the two never drift.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.types import TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


def _json_prop(column: str):
    """A read/write property decoding a JSON text column."""
    def get(self) -> Any:
        raw = getattr(self, column)
        return json.loads(raw) if raw else None

    def set_(self, value: Any) -> None:
        setattr(self, column, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return property(get, set_)


class ExactDecimal(TypeDecorator):
    """A decimal kept exactly as text (schema v7): a ``str`` is stored as given (the verbatim
    point string of a signed score file, e.g. ``"87.50"``), a ``Decimal`` without exponent;
    read back as ``Decimal``. A float is refused: it would already have lost the exact value."""
    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, (float, bool)):
            raise TypeError(f"精确小数列不接受 {type(value).__name__} 值 {value!r}：请传入十进制文本或 Decimal")
        try:
            d = Decimal(value) if isinstance(value, (str, int)) else value
            if not isinstance(d, Decimal) or not d.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise ValueError(f"不是有效的十进制数：{value!r}") from None
        return value.strip() if isinstance(value, str) else format(d, "f")

    def process_result_value(self, value: str | None, dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


# -- v1: sessions, packages, findings, audit ----------------------------------------------

class GuideEdition(Base):
    __tablename__ = "guide_editions"
    __table_args__ = (UniqueConstraint("edition", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    edition: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    content_json: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReviewSession(Base):
    __tablename__ = "review_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    guide_edition_id: Mapped[int] = mapped_column(ForeignKey("guide_editions.id"))
    form_template: Mapped[str] = mapped_column(String(64), default="form-a")
    aggregation_rule: Mapped[str] = mapped_column(String(64), default="trimmed_mean_from_5")
    band_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | finalised
    sheet_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    guide_edition: Mapped[GuideEdition] = relationship()
    applications: Mapped[list[Application]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Application.application_id")


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("session_id", "application_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(32))
    guide_edition: Mapped[str] = mapped_column(String(64))
    guide_item: Mapped[int | None] = mapped_column(Integer)
    direction: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_credit_code: Mapped[str] = mapped_column(String(18))
    requested: Mapped[float] = mapped_column(Float)
    self_funded: Mapped[float] = mapped_column(Float)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    manifest_json: Mapped[str] = mapped_column(Text)
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")
    source_name: Mapped[str] = mapped_column(String(260))
    source_sha256: Mapped[str] = mapped_column(String(64))
    source_size: Mapped[int] = mapped_column(Integer)
    check_status: Mapped[str] = mapped_column(String(16), default="unchecked")  # pass | fail | attention
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # v6: the secretary's formal-check decision: '' (none yet) | accepted (通过) | excluded (不予受理)
    formal_decision: Mapped[str] = mapped_column(String(16), default="")
    formal_reason: Mapped[str] = mapped_column(Text, default="")
    formal_actor: Mapped[str] = mapped_column(String(100), default="")
    formal_decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    session: Mapped[ReviewSession] = relationship(back_populates="applications")
    documents: Mapped[list[Document]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Document.position")
    findings: Mapped[list[Finding]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Finding.position")

    manifest = _json_prop("manifest_json")
    warnings = _json_prop("warnings_json")


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(String(260))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer)
    blob: Mapped[str] = mapped_column(String(200))  # path relative to the store root

    application: Mapped[Application] = relationship(back_populates="documents")


class Finding(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    rule_id: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(16))     # contract | guide | consortium | cross
    severity: Mapped[str] = mapped_column(String(16))  # error | warning | info
    status: Mapped[str] = mapped_column(String(16))    # pass | fail | not_declared | manual
    declared: Mapped[str] = mapped_column(Text, default="")
    threshold: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text)
    source_text: Mapped[str] = mapped_column(Text, default="")
    # v8: the message as nn_review.i18n.Msg JSON ('' for rows made before: show ``message``)
    message_json: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="findings")


class AuditEvent(Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("review_sessions.id", ondelete="SET NULL"))
    details_json: Mapped[str] = mapped_column(Text, default="{}")

    details = _json_prop("details_json")


# -- v2: experts, panels, assignments, conflicts, grades, opinions, consensus ------------

class Expert(Base):
    __tablename__ = "experts"
    id: Mapped[int] = mapped_column(primary_key=True)
    roster_key: Mapped[str] = mapped_column(String(64), unique=True)  # stable key for xlsx re-import
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(200))
    unit_credit_code: Mapped[str | None] = mapped_column(String(18))
    title: Mapped[str] = mapped_column(String(100), default="")
    fields_json: Mapped[str] = mapped_column(Text, default="[]")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    standing_conflicts_json: Mapped[str] = mapped_column(Text, default="[]")
    key_fingerprint: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # v8: False once deactivated (停用) in the app: never drawn nor added to a panel
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    fields = _json_prop("fields_json")
    standing_conflicts = _json_prop("standing_conflicts_json")


class Panel(Base):
    __tablename__ = "panels"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    leader_expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    draw_json: Mapped[str] = mapped_column(Text, default="{}")  # seed, candidates, excluded, drawn
    # v3: parameters of the panel's last assignment (None = everyone reviews everything)
    reviewers_per_app: Mapped[int | None] = mapped_column(Integer)
    assign_seed: Mapped[str | None] = mapped_column(String(40))


class PanelMember(Base):
    __tablename__ = "panel_members"
    panel_id: Mapped[int] = mapped_column(ForeignKey("panels.id", ondelete="CASCADE"), primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), primary_key=True)


class PanelApplication(Base):
    __tablename__ = "panel_applications"
    panel_id: Mapped[int] = mapped_column(ForeignKey("panels.id", ondelete="CASCADE"), primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)


class Assignment(Base):
    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("expert_id", "application_pk"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    panel_id: Mapped[int] = mapped_column(ForeignKey("panels.id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Conflict(Base):
    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16))  # auto | manual | declared
    reason: Mapped[str] = mapped_column(Text)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    dismiss_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Grade(Base):
    __tablename__ = "grades"
    __table_args__ = (UniqueConstraint("expert_id", "application_pk", "criterion"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(32))
    grade: Mapped[str] = mapped_column(String(1))        # A–E
    # band mode only: the percentage exactly as the signed score file gave it (v7; was a FLOAT)
    points: Mapped[Decimal | None] = mapped_column("points_text", ExactDecimal)
    comment: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Opinion(Base):
    __tablename__ = "opinions"
    __table_args__ = (UniqueConstraint("expert_id", "application_pk"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    recused: Mapped[bool] = mapped_column(Boolean, default=False)
    recusal_reason: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Recommendation(Base):
    __tablename__ = "recommendations"
    __table_args__ = (UniqueConstraint("expert_id", "application_pk"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    value: Mapped[str] = mapped_column(String(32))  # support | support_if_revised | reject
    revision: Mapped[int] = mapped_column(Integer, default=0)


class Consensus(Base):
    __tablename__ = "consensus"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), unique=True)
    text: Mapped[str] = mapped_column(Text, default="")
    final_recommendation: Mapped[str | None] = mapped_column(String(32))
    final_level: Mapped[str | None] = mapped_column(String(16))  # 等次 for form B
    override_reason: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # v5: the scores hash it was decided on (stale when scores change), leader | secretary
    basis_hash: Mapped[str] = mapped_column(String(64), default="")
    author_role: Mapped[str] = mapped_column(String(16), default="")


class ConsensusDraft(Base):
    """v8: the 专家组意见 being typed, per application, until the consensus is recorded."""
    __tablename__ = "consensus_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), unique=True)
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# -- v3: expert draws (随机抽取记录) ---------------------------------------------------------

class Draw(Base):
    __tablename__ = "draws"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    # SET NULL: the record of a draw outlives a deleted panel (it is evidence of how experts were chosen)
    panel_id: Mapped[int | None] = mapped_column(ForeignKey("panels.id", ondelete="SET NULL"))
    panel_name: Mapped[str] = mapped_column(String(200))
    seed: Mapped[str] = mapped_column(String(40))  # decimal text: a 64-bit seed does not fit SQLite INTEGER
    requested: Mapped[int] = mapped_column(Integer)
    params_json: Mapped[str] = mapped_column(Text, default="{}")
    candidates_json: Mapped[str] = mapped_column(Text, default="[]")
    excluded_json: Mapped[str] = mapped_column(Text, default="[]")
    drawn_json: Mapped[str] = mapped_column(Text, default="[]")
    fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    params = _json_prop("params_json")
    candidates = _json_prop("candidates_json")
    excluded = _json_prop("excluded_json")
    drawn = _json_prop("drawn_json")


# -- v4: review bundles (.nnrb), returned score files (.nnscore), expert key pins --------

class Bundle(Base):
    __tablename__ = "bundles"
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(64), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    app_count: Mapped[int] = mapped_column(Integer)
    # [{application_id, pk, source_sha256, form}] exactly as put in the bundle
    applications_json: Mapped[str] = mapped_column(Text)
    forms_json: Mapped[str] = mapped_column(Text)  # {form id: template} embedded in the bundle
    band_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    # base64 of the 32-byte per-bundle secret: the HMAC key that returned score files must carry.
    # Kept (not only hashed) because every import recomputes the HMAC (docs/formats.md).
    secret: Mapped[str] = mapped_column(String(64))
    secretary_fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime)  # a newer bundle for the same expert

    applications = _json_prop("applications_json")
    forms = _json_prop("forms_json")


class ScoreImport(Base):
    __tablename__ = "score_imports"
    __table_args__ = (UniqueConstraint("bundle_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[str] = mapped_column(ForeignKey("bundles.bundle_id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"))
    revision: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(260))
    file_sha256: Mapped[str] = mapped_column(String(64))
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    file_created_at: Mapped[str] = mapped_column(String(40))  # as written by the expert's laptop
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reviews_json: Mapped[str] = mapped_column(Text)  # the file's reviews, verbatim (exact point strings)

    reviews = _json_prop("reviews_json")


class KeyPin(Base):
    """History of the key fingerprint pinned for an expert (Expert.key_fingerprint is the current one)."""
    __tablename__ = "key_pins"
    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[str | None] = mapped_column(String(64))  # base64, known when pinned from a file
    source: Mapped[str] = mapped_column(String(16))  # first_import | repin
    reason: Mapped[str] = mapped_column(Text, default="")
    bundle_id: Mapped[str | None] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(100))
    pinned_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# -- v6: formal-check decisions, signer profiles, certificates, issued sheets ------------

class ManualCheck(Base):
    """A tick of the 核对清单: one manual requirement of one package, with the secretary's note."""
    __tablename__ = "manual_checks"
    __table_args__ = (UniqueConstraint("application_pk", "rule_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    rule_id: Mapped[str] = mapped_column(String(64))
    ticked: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SignerProfile(Base):
    """The real name, title and unit a signer's certificate carries (per actor of this store)."""
    __tablename__ = "signer_profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SigningCertificate(Base):
    """A PDF-signing certificate: the secretary's own (created | pkcs11) or a leader's pin
    (first_use | repin). The current one of (role, owner) has ``retired_at`` NULL; retired ones
    stay to verify old sheets."""
    __tablename__ = "signing_certificates"
    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(16))       # secretary | leader
    owner: Mapped[str] = mapped_column(String(100))     # actor (secretary) or roster_key (leader)
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("experts.id"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(Text)
    cert_pem: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))     # created | pkcs11 | first_use | repin
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


class IssuedSheet(Base):
    """A result sheet this store issued (SHA-256 of its bytes as written), and the countersigned
    copy accepted back for it."""
    __tablename__ = "issued_sheets"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    panel_id: Mapped[int | None] = mapped_column(ForeignKey("panels.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))       # summary | opinion | personal
    ref: Mapped[str] = mapped_column(String(64), default="")  # application id / roster key
    file_name: Mapped[str] = mapped_column(String(260))
    sheet_version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    data_hash: Mapped[str] = mapped_column(String(64), default="")
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    accepted_sha256: Mapped[str | None] = mapped_column(String(64))
    accepted_file: Mapped[str | None] = mapped_column(String(260))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)


# -- v9: the funding plan (资金安排建议), 公示 and 立项 (issue 21; docs/funding.md) ---------------

class FundingBudget(Base):
    """The 财政预算控制数 the secretary entered for one guide item (``item:11``) or plan type
    (``plan:key_rd``) of a session, in 万元."""
    __tablename__ = "funding_budgets"
    __table_args__ = (UniqueConstraint("session_id", "scope"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FundingParam(Base):
    """A figure of a template rule ("具体申报事项另行通知") filled in from the notice, per session.
    ``direction`` 0 = the item as a whole."""
    __tablename__ = "funding_params"
    __table_args__ = (UniqueConstraint("session_id", "guide_item", "direction", "param"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)
    guide_item: Mapped[int] = mapped_column(Integer)
    direction: Mapped[int] = mapped_column(Integer, default=0)
    param: Mapped[str] = mapped_column(String(40))
    value: Mapped[Decimal] = mapped_column(ExactDecimal)
    source: Mapped[str] = mapped_column(Text, default="")      # the notice it comes from (文号)
    actor: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FundingDecision(Base):
    """One decision on an application's amount, kept as history (the newest of a kind applies):
    ``approved`` 核定金额 set by the panel (leader, or secretary on the leader's behalf),
    ``adjusted`` 核减/调整 by the secretary, ``confirmed`` the secretary reviewed a rule-computed
    amount; ``amount`` NULL with kind ``approved``/``adjusted`` withdraws the earlier one."""
    __tablename__ = "funding_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    reason: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(100), default="")
    author_role: Mapped[str] = mapped_column(String(16), default="")   # leader | secretary
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FundingPublicity(Base):
    """The 公示 of a session's proposed list and, after the period, its freezing as 立项."""
    __tablename__ = "funding_publicity"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(16))              # published | frozen
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    published_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    list_json: Mapped[str] = mapped_column(Text)                # the published list (canonical JSON)
    list_sha256: Mapped[str] = mapped_column(String(64))
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime)
    frozen_json: Mapped[str | None] = mapped_column(Text)       # the 立项 list, objections applied
    frozen_sha256: Mapped[str | None] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(100), default="")


class FundingObjection(Base):
    """An objection (异议) received during the 公示 against one application, and its outcome."""
    __tablename__ = "funding_objections"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_pk: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    received_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16), default="")   # '' pending | maintain | adjust | revoke
    amount: Mapped[Decimal | None] = mapped_column(ExactDecimal)    # adjust: the new amount
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
