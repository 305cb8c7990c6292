"""The expert's workspace, its state and records: everything but the operations that live in their
own modules (``intake``: adding a bundle, ``export``: score files, ``sheet``: the score sheet).

Those modules work on a :class:`WorkspaceCore`; :class:`nn_review.expert.workspace.Workspace` adds the
methods that call them, so they never import the workspace module back (see workspace.py for the
folder layout and the transaction rules).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..i18n import M
from ..formats.bundle import StreamedBundle, bundle_from_data
from ..formats.canonical import utc_stamp
from ..forms import Form, Problem, parse_form
from ..keys import SigningKey
from ..paths import data_root
from .db import WorkspaceDb, get_meta, q, set_meta
from .drafts import (COMPLETE, RECUSED, TEXT_FIELDS, Draft, grade_for_points, normalize_points)
from .errors import WorkspaceError
from .guidecheck import RequirementCheck, requirement_checks
from .sealed import DOC_SUFFIX, unseal, unseal_file
from .vault import Vault, choose_storage, passphrase_notice



def default_workspace_dir() -> Path:
    env = os.environ.get("NN_REVIEW_EXPERT_DIR")
    return Path(env) if env else data_root() / "expert-store"


NOT_YET = "（尚未生成）"  # a fingerprint not made yet (the GUI shows its own words)


@dataclass(frozen=True)
class WorkspaceState:
    exists: bool
    storage: str            # "keyring" | "passphrase"
    needs_passphrase: bool
    creating: bool
    reason: str             # why no keyring (passphrase storage)
    notice: str             # the one-time explanation (creating with a passphrase)


@dataclass(frozen=True)
class BundleSummary:
    bundle_id: str
    file_name: str
    session_id: int
    session_name: str
    expert_id: int
    expert_name: str
    secretary_fingerprint: str
    created_at: str
    deadline: str | None
    band_mode: bool
    app_count: int
    done: int                 # complete or recused
    removed: bool
    superseded_by: str | None
    last_revision: int | None
    changed_since_export: bool
    last_partial: bool = False   # the last export was a partial return
    removed_at: str | None = None  # UTC stamp: when the bundle's data was removed after export

    @property
    def label(self) -> str:
        return f"{self.session_name}（{self.expert_name}，{self.bundle_id[:8]}）"

    @property
    def removed_text(self) -> str:
        """When the data was removed, in local time with its offset (``2026-12-02 06:05（UTC+8）``)."""
        return local_time_text(self.removed_at) if self.removed_at else ""


def local_time_text(stamp: str) -> str:
    """A UTC stamp (``2026-12-01T22:05:00Z``) in local time with its offset (``2026-12-02 06:05（UTC+8）``)."""
    try:
        t = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).astimezone()
    except ValueError:
        return stamp
    off = t.utcoffset() or timedelta(0)
    hours, rest = divmod(int(off.total_seconds()), 3600)
    zone = f"UTC{hours:+d}" + (f":{rest // 60:02d}" if rest else "")
    return f"{t:%Y-%m-%d %H:%M}（{zone}）"


@dataclass(frozen=True)
class AppEntry:
    application_id: str
    title: str
    applicant: str
    kind: str
    guide_item: int | None
    direction: int | None
    status: str
    documents: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Change:
    """What an undo/redo changed, so the UI can show it."""
    application_id: str
    field: str


@dataclass(frozen=True)
class Edit:
    """What one grading action left behind, read inside its own write transaction: the UI and the
    CLI show it as it is (one click = one transaction, no reading back afterwards)."""
    draft: Draft                    # the application's draft as stored now
    problems: tuple[Problem, ...]   # what marking complete would name as missing (empty: valid)
    bundle: BundleSummary           # the bundle after the edit: progress, export state
    can_undo: bool
    can_redo: bool
    change: Change | None = None    # undo/redo: the application and field that changed back
    saved_at: datetime | None = None  # when it was committed (None: the value was already stored)

    @property
    def application_id(self) -> str:
        return self.draft.application_id

    @property
    def status(self) -> str:
        return self.draft.status

    @property
    def progress(self) -> tuple[int, int]:
        """(complete or recused, applications) of the bundle."""
        return self.bundle.done, self.bundle.app_count


def workspace_state(root: str | Path | None = None, *, keyring_backend=None) -> WorkspaceState:
    """What opening the workspace needs (ask for a passphrase? create one with an explanation?)."""
    root = Path(root) if root else default_workspace_dir()
    db = root / "workspace.sqlite"
    if db.exists():
        w = WorkspaceDb(root)
        try:
            with w.read() as c:
                storage = get_meta(c, "key_storage")
        finally:
            w.close()
        if storage:
            return WorkspaceState(True, storage, storage == "passphrase", False, "", "")
    storage, _backend, reason = choose_storage(keyring_backend)
    notice = passphrase_notice(root, reason) if storage == "passphrase" else ""
    return WorkspaceState(False, storage, storage == "passphrase", True, reason, notice)


def _summaries(c, bundle_id: str | None = None) -> list[BundleSummary]:
    """The bundles' summaries (one, with ``bundle_id``) read on connection ``c`` — also inside a
    grading action's write transaction, so its answer needs no second look."""
    only = "bundle_id = :b" if bundle_id else "1"
    rows = q(c, "SELECT bundle_id, file_name, session_id, session_name, expert_id, expert_name, "
                "secretary_fingerprint, created_at, deadline, band_mode, app_count, edit_seq, superseded_by, "
                f"removed_at FROM bundles WHERE {only} ORDER BY added_at, bundle_id", b=bundle_id).all()  # not the content
    done = dict(q(c, f"SELECT bundle_id, COUNT(*) FROM reviews WHERE (completed = 1 OR recused = 1) AND {only} "
                     "GROUP BY bundle_id", b=bundle_id).all())
    last = {r.bundle_id: r for r in q(c, "SELECT bundle_id, MAX(revision) AS revision, edit_seq, partial FROM exports "
                                         f"WHERE state = 'written' AND {only} GROUP BY bundle_id", b=bundle_id).all()}
    out = []
    for r in rows:
        ex = last.get(r.bundle_id)
        out.append(BundleSummary(
            r.bundle_id, r.file_name, r.session_id, r.session_name, r.expert_id, r.expert_name,
            r.secretary_fingerprint, r.created_at, r.deadline, bool(r.band_mode), r.app_count,
            done.get(r.bundle_id, 0), r.removed_at is not None, r.superseded_by,
            ex.revision if ex else None, bool(ex) and r.edit_seq != ex.edit_seq, bool(ex and ex.partial),
            r.removed_at))
    return out


class WorkspaceCore:
    def __init__(self, root: Path, db: WorkspaceDb, vault: Vault):
        self.root, self.db, self.vault = root, db, vault
        self.created = False
        self.key_notice = ""
        self.last_saved: datetime | None = None
        self._data: dict[str, dict[str, Any]] = {}
        self._forms: dict[str, dict[str, Form]] = {}
        self._pdf_ids: dict[int, Any] = {}

    def close(self) -> None:
        self.db.close()

    # -- housekeeping ------------------------------------------------------------------------

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def clean_up(self) -> None:
        """Remove what a crash can leave behind: half-written intakes, documents of removed bundles."""
        if not self.docs_dir.exists():
            return
        with self.db.read() as c:
            live = {r[0] for r in q(c, "SELECT bundle_id FROM bundles WHERE removed_at IS NULL")}
        for p in self.docs_dir.iterdir():
            if p.is_dir() and p.name not in live:
                shutil.rmtree(p, ignore_errors=True)

    def note_saved(self) -> datetime:
        """Record that a change was committed just now (the window's "已保存 HH:MM:SS")."""
        self.last_saved = datetime.now()
        return self.last_saved

    def forget_content(self, bundle_id: str) -> None:
        """Drop the decrypted bundle content held in memory (after its data was removed)."""
        self._data.pop(bundle_id, None)

    # -- keys -------------------------------------------------------------------------------

    @property
    def key_storage(self) -> str:
        return self.vault.storage

    def signing_key(self, expert_id: int) -> SigningKey:
        return self.vault.signing_key(expert_id)

    def pdf_identity(self, expert_id: int):
        """The expert's PDF signing identity (RSA + X.509 naming the expert), created on first use."""
        if expert_id not in self._pdf_ids:
            from .pdf_identity import load_or_create_pdf_identity
            with self.db.read() as c:
                row = q(c, "SELECT bundle_id, expert_name FROM bundles WHERE expert_id = :e AND removed_at IS NULL "
                           "ORDER BY added_at DESC LIMIT 1", e=expert_id).first() or \
                    q(c, "SELECT NULL AS bundle_id, expert_name FROM bundles WHERE expert_id = :e LIMIT 1",
                      e=expert_id).first()
            if row is None:
                raise WorkspaceError(f"工作区中没有专家 {expert_id} 的评审包", "workspace.no_bundle")
            unit = (self.bundle_data(row.bundle_id)["expert"].get("unit") or "") if row.bundle_id else ""
            self._pdf_ids[expert_id] = load_or_create_pdf_identity(self.vault, expert_id, row.expert_name, unit)
        return self._pdf_ids[expert_id]

    def experts(self) -> list[tuple[int, str]]:
        """(expert id, name) of every expert identity held here."""
        with self.db.read() as c:
            return [tuple(r) for r in q(c, "SELECT expert_id, MAX(expert_name) FROM bundles GROUP BY expert_id "
                                           "ORDER BY expert_id").all()]

    def fingerprints(self) -> list[tuple[int, str, str]]:
        """(expert id, expert name, key fingerprint) of every expert identity held here."""
        with self.db.read() as c:
            rows = q(c, "SELECT expert_id, MAX(expert_name) FROM bundles GROUP BY expert_id ORDER BY expert_id").all()
        return [(eid, name, self.vault.known_fingerprint(eid) or NOT_YET) for eid, name in rows]

    def pdf_fingerprints(self) -> list[tuple[int, str, str]]:
        """(expert id, name, PDF certificate fingerprint) without creating an identity."""
        from ..certs import certificate_fingerprint
        from .pdf_identity import load_certificate
        out = []
        for eid, name in self.experts():
            cert = load_certificate(self.vault, eid)
            out.append((eid, name, certificate_fingerprint(cert) if cert else NOT_YET))
        return out

    def trusted_secretaries(self) -> list[str]:
        with self.db.read() as c:
            return list(get_meta(c, "trusted_secretaries", []))

    def acknowledge_key_notice(self) -> None:
        with self.db.write() as c:
            set_meta(c, "key_notice_shown", utc_stamp())

    # -- bundles -----------------------------------------------------------------------------

    def bundles(self, include_removed: bool = True) -> list[BundleSummary]:
        with self.db.read() as c:
            out = _summaries(c)
        return [b for b in out if include_removed or not b.removed]

    def bundle(self, bundle_id: str) -> BundleSummary:
        with self.db.read() as c:
            found = _summaries(c, bundle_id)
        if not found:
            raise WorkspaceError(f"工作区中没有评审包 {bundle_id}", "workspace.no_bundle")
        return found[0]

    def find_bundle(self, ref: str | None, *, include_removed: bool = False) -> BundleSummary:
        """A bundle by id (or its first 8 characters); the only open one when ``ref`` is None.

        ``include_removed``: for what still works on a bundle whose data was removed after export
        (the personal score sheet, from the signed score file kept): with no open bundle, the
        only removed one is taken."""
        every = self.bundles()
        live = [b for b in every if not b.removed]
        if ref is None:
            pool = live or (every if include_removed else [])
            if len(pool) == 1:
                return pool[0]
            if not every:
                raise WorkspaceError("工作区中还没有评审包：请先打开任务通知书对应的 .nnrb 文件", "workspace.no_bundle")
            if not pool:  # bundles exist, but their data was removed after export
                raise WorkspaceError(
                    "工作区中的评审包都已在导出后删除了材料和评分草稿，只保留了已签名的评分记录：" +
                    "、".join(f"{b.bundle_id[:8]}（{b.session_name}，{b.removed_text} 删除）" for b in every) +
                    "；不能再修改或导出，个人评分表仍可由保留的评分记录生成（nn-review expert sheet）",
                    "workspace.removed")
            raise WorkspaceError("工作区中有多个评审包，请用 --bundle 指定：" + "、".join(
                f"{b.bundle_id[:8]}（{b.session_name}" + ("，材料已删除" if b.removed else "") + "）" for b in pool),
                "workspace.ambiguous")
        hits = [b for b in every if b.bundle_id == ref or b.bundle_id.startswith(ref.lower())]
        if len(hits) != 1:
            raise WorkspaceError(f"找不到唯一的评审包 {ref!r}", "workspace.no_bundle")
        return hits[0]

    def bundle_data(self, bundle_id: str) -> dict[str, Any]:
        """The verified ``bundle.json`` (decrypted into memory, cached)."""
        if bundle_id not in self._data:
            with self.db.read() as c:
                row = q(c, "SELECT content, removed_at FROM bundles WHERE bundle_id = :b", b=bundle_id).first()
            if row is None:
                raise WorkspaceError(f"工作区中没有评审包 {bundle_id}", "workspace.no_bundle")
            if row.content is None:
                raise WorkspaceError(f"评审包 {bundle_id[:8]} 的材料已于 {local_time_text(row.removed_at)} 删除，"
                                     "只保留了已签名的评分记录",
                                     "workspace.removed")
            raw = unseal(self.vault.data_key, bytes(row.content), f"bundle.json|{bundle_id}", "评审包内容")
            self._data[bundle_id] = json.loads(raw.decode("utf-8"))
        return self._data[bundle_id]

    def opened_bundle(self, bundle_id: str) -> StreamedBundle:
        b = self.bundle(bundle_id)
        return bundle_from_data(self.bundle_data(bundle_id), file_name=b.file_name,
                                secretary_fingerprint=b.secretary_fingerprint)

    def forms(self, bundle_id: str) -> dict[str, Form]:
        if bundle_id not in self._forms:
            with self.db.read() as c:
                raw = q(c, "SELECT forms_json FROM bundles WHERE bundle_id = :b", b=bundle_id).scalar()
            if raw is None:
                raise WorkspaceError(f"工作区中没有评审包 {bundle_id}", "workspace.no_bundle")
            self._forms[bundle_id] = {fid: parse_form(f, f"forms.{fid}") for fid, f in json.loads(raw).items()}
        return self._forms[bundle_id]

    def application(self, bundle_id: str, application_id: str) -> dict[str, Any]:
        for a in self.bundle_data(bundle_id)["applications"]:
            if a["application_id"] == application_id:
                return a
        raise WorkspaceError(f"评审包 {bundle_id[:8]} 中没有申报 {application_id}", "workspace.no_application")

    def form_for(self, bundle_id: str, application_id: str) -> Form:
        return self.forms(bundle_id)[self.application(bundle_id, application_id)["form"]]

    def band_mode(self, bundle_id: str) -> bool:
        with self.db.read() as c:
            return bool(q(c, "SELECT band_mode FROM bundles WHERE bundle_id = :b", b=bundle_id).scalar())

    def applications(self, bundle_id: str) -> list[AppEntry]:
        drafts = self.drafts(bundle_id)
        return [AppEntry(a["application_id"], a["title"], a.get("applicant") or "", a.get("kind", "project"),
                         a.get("guide_item"), a.get("direction"), drafts[a["application_id"]].status,
                         tuple(a.get("documents") or ()))
                for a in self.bundle_data(bundle_id)["applications"]]

    def requirement_checks(self, bundle_id: str, application_id: str) -> list[RequirementCheck]:
        return requirement_checks(self.bundle_data(bundle_id).get("guide") or {},
                                  self.application(bundle_id, application_id))

    def document_bytes(self, bundle_id: str, application_id: str, sha256: str) -> bytes:
        """A document decrypted into memory (it is never written to disk in plain form)."""
        doc = next((d for d in self.application(bundle_id, application_id).get("documents", [])
                    if d["sha256"] == sha256), None)
        if doc is None:
            raise WorkspaceError(f"申报 {application_id} 没有 SHA-256 为 {sha256[:12]}… 的文档", "workspace.no_document")
        path = self.docs_dir / bundle_id / application_id / f"{sha256}{DOC_SUFFIX}"
        what = f"文档“{doc.get('title') or doc.get('path')}”"
        data = unseal_file(self.vault.data_key, path, f"doc|{bundle_id}|{application_id}|{sha256}", what)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise WorkspaceError(f"{what} 解密后的 SHA-256 与评审包登记不符", "workspace.sealed")
        return data

    # -- drafts ------------------------------------------------------------------------------

    def drafts(self, bundle_id: str) -> dict[str, Draft]:
        with self.db.read() as c:
            rows = q(c, "SELECT * FROM reviews WHERE bundle_id = :b ORDER BY position", b=bundle_id).all()
        return {r.application_id: Draft.from_row(r) for r in rows}

    def draft(self, bundle_id: str, application_id: str) -> Draft:
        with self.db.read() as c:
            return self._load(c, bundle_id, application_id)

    def _load(self, c, bundle_id: str, application_id: str) -> Draft:
        row = q(c, "SELECT * FROM reviews WHERE bundle_id = :b AND application_id = :a",
                b=bundle_id, a=application_id).first()
        if row is None:
            raise WorkspaceError(f"评审包 {bundle_id[:8]} 中没有申报 {application_id}", "workspace.no_application")
        return Draft.from_row(row)

    @staticmethod
    def _store(c, d: Draft) -> None:
        q(c, "UPDATE reviews SET grades_json = :grades, opinion = :opinion, recommendation = :rec, recused = :recused, "
             "recusal_reason = :reason, completed = :completed, updated_at = :at "
             "WHERE bundle_id = :b AND application_id = :a", **d.row_values())
        q(c, "UPDATE bundles SET edit_seq = edit_seq + 1 WHERE bundle_id = :b", b=d.bundle_id)

    def _writable(self, c, bundle_id: str) -> bool:
        """Refuse edits of a bundle not held or whose data was removed; its band mode otherwise."""
        row = q(c, "SELECT removed_at, band_mode FROM bundles WHERE bundle_id = :b", b=bundle_id).first()
        if row is None:
            raise WorkspaceError(f"工作区中没有评审包 {bundle_id}", "workspace.no_bundle")
        if row.removed_at:
            raise WorkspaceError(f"评审包 {bundle_id[:8]} 的材料已删除，不能再修改评分", "workspace.removed",
                                 msg=M("expert.err.removed_edit"), detail=bundle_id)
        return bool(row.band_mode)

    def problems(self, bundle_id: str, application_id: str) -> list[Problem]:
        return self.draft(bundle_id, application_id).problems(self.form_for(bundle_id, application_id),
                                                              self.band_mode(bundle_id))

    def _answer(self, c, d: Draft, form: Form, band: bool, *, saved: bool, change: Change | None = None) -> Edit:
        """The :class:`Edit` of a grading action, read on its own (write) connection before it commits."""
        undo = dict(q(c, "SELECT undone, COUNT(*) FROM actions WHERE bundle_id = :b GROUP BY undone",
                      b=d.bundle_id).all())
        return Edit(d, tuple(d.problems(form, band)), _summaries(c, d.bundle_id)[0], bool(undo.get(0)),
                    bool(undo.get(1)), change, datetime.now() if saved else None)

    def _saved_edit(self, e: Edit) -> Edit:
        if e.saved_at is not None:
            self.last_saved = e.saved_at
        return e

    def _apply(self, bundle_id: str, application_id: str, fld: str, value_of: Callable[[Draft, bool], Any]) -> Edit:
        """One grading action in one write transaction: ``value_of(stored draft, band mode)`` is the
        field's new value (it may refuse); the answer is read in the same transaction."""
        form = self.form_for(bundle_id, application_id)
        text = fld.startswith(TEXT_FIELDS)
        with self.db.write() as c:
            band = self._writable(c, bundle_id)
            d = self._load(c, bundle_id, application_id)
            before, value = d.get(fld), value_of(d, band)
            if before == value:
                return self._answer(c, d, form, band, saved=False)
            d.set(fld, value)
            if d.completed and d.problems(form, band):
                d.completed = False
            d.updated_at = utc_stamp()
            self._store(c, d)
            q(c, "DELETE FROM actions WHERE bundle_id = :b AND undone = 1", b=bundle_id)  # a new action ends redo
            head = q(c, "SELECT id, application_id, field, kind FROM actions WHERE bundle_id = :b "
                        "ORDER BY id DESC LIMIT 1", b=bundle_id).first()
            after = json.dumps(value, ensure_ascii=False)
            if text and head and (head.application_id, head.field, head.kind) == (application_id, fld, "text"):
                q(c, "UPDATE actions SET after_json = :after, at = :at WHERE id = :id", after=after, at=d.updated_at,
                  id=head.id)
            else:
                q(c, "INSERT INTO actions (bundle_id, application_id, field, kind, before_json, after_json, at) "
                     "VALUES (:b, :a, :f, :k, :before, :after, :at)", b=bundle_id, a=application_id, f=fld,
                  k="text" if text else "set", before=json.dumps(before, ensure_ascii=False), after=after,
                  at=d.updated_at)
            answer = self._answer(c, d, form, band, saved=True)
        return self._saved_edit(answer)

    def _criterion(self, bundle_id: str, application_id: str, cid: str) -> Form:
        form = self.form_for(bundle_id, application_id)
        if form.criterion(cid) is None:
            raise WorkspaceError(f"评审表“{form.title}”没有指标 {cid}（有：{'、'.join(c.id for c in form.criteria)}）",
                                 "workspace.no_criterion")
        return form

    def set_grade(self, bundle_id: str, application_id: str, cid: str, grade: str | None) -> Edit:
        """Grade one criterion (None clears it). In band mode points outside the new band are cleared."""
        form = self._criterion(bundle_id, application_id, cid)
        if grade is not None and form.grade(grade) is None:
            raise WorkspaceError(f"等级应为 A–E 之一，实际为 {grade!r}", "workspace.grade")

        def value(d: Draft, _band: bool) -> dict[str, Any]:
            points = d.get(f"grade.{cid}")["points"]
            if grade is None or points is None or not form.grade(grade).in_band(Decimal(points)):
                points = None
            return {"grade": grade, "points": points}
        return self._apply(bundle_id, application_id, f"grade.{cid}", value)

    def set_points(self, bundle_id: str, application_id: str, cid: str, points: Any) -> Edit:
        """Band mode: an exact value (0–100); the grade becomes the one whose band holds it."""
        form = self._criterion(bundle_id, application_id, cid)

        def value(d: Draft, band: bool) -> dict[str, Any]:
            if not band:
                raise WorkspaceError("本批次按固定档位计分，不能填写分值", "workspace.points",
                                     msg=M("expert.err.points_not_allowed"))
            try:
                p = normalize_points(points)
            except ValueError as e:
                raise WorkspaceError(f"指标 {cid}：{e}", "workspace.points",
                                     msg=M("expert.err.points", criterion=form.criterion(cid).name),
                                     detail=f"{cid}: {e}") from None
            grade = d.get(f"grade.{cid}")["grade"]
            return {"grade": grade_for_points(form, p) if p is not None else grade, "points": p}
        return self._apply(bundle_id, application_id, f"grade.{cid}", value)

    def set_comment(self, bundle_id: str, application_id: str, cid: str, text: str) -> Edit:
        self._criterion(bundle_id, application_id, cid)
        return self._apply(bundle_id, application_id, f"comment.{cid}", lambda _d, _b: text or "")

    def set_opinion(self, bundle_id: str, application_id: str, text: str) -> Edit:
        return self._apply(bundle_id, application_id, "opinion", lambda _d, _b: text or "")

    def set_recommendation(self, bundle_id: str, application_id: str, recommendation: str | None) -> Edit:
        form = self.form_for(bundle_id, application_id)
        if recommendation is not None and recommendation not in form.recommendation_ids:
            raise WorkspaceError(f"推荐意见应为 {'、'.join(form.recommendation_ids) or '（本表不设）'} 之一，"
                                 f"实际为 {recommendation!r}", "workspace.recommendation")
        return self._apply(bundle_id, application_id, "recommendation", lambda _d, _b: recommendation)

    def set_recusal(self, bundle_id: str, application_id: str, recused: bool, reason: str = "") -> Edit:
        """申请回避 with a reason (required), or withdraw it (the grades entered before come back)."""
        reason = (reason or "").strip()
        if recused and not reason:
            raise WorkspaceError("申请回避必须写明理由（如：与申报单位存在利害关系）", "workspace.recusal_reason",
                                 msg=M("expert.err.recusal_reason"))
        value = {"recused": bool(recused), "reason": reason if recused else ""}
        return self._apply(bundle_id, application_id, "recusal", lambda _d, _b: value)

    def mark_complete(self, bundle_id: str, application_id: str) -> Edit:
        """Validate; when nothing is missing the review is marked 已完成. ``problems`` says what is missing."""
        form = self.form_for(bundle_id, application_id)
        with self.db.write() as c:
            band = self._writable(c, bundle_id)
            d = self._load(c, bundle_id, application_id)
            saved = not d.problems(form, band) and not d.completed and not d.recused
            if saved:
                d.completed = True
                self._store(c, d)
            answer = self._answer(c, d, form, band, saved=saved)
        return self._saved_edit(answer)

    def progress(self, bundle_id: str) -> tuple[int, int]:
        drafts = self.drafts(bundle_id).values()
        return sum(d.status in (COMPLETE, RECUSED) for d in drafts), len(drafts)

    # -- undo / redo (persisted per bundle) --------------------------------------------------

    def _replay(self, bundle_id: str, undo: bool) -> Edit | None:
        with self.db.write() as c:
            band = self._writable(c, bundle_id)
            row = q(c, "SELECT * FROM actions WHERE bundle_id = :b AND undone = :u ORDER BY id "
                       + ("DESC" if undo else "ASC") + " LIMIT 1", b=bundle_id, u=0 if undo else 1).first()
            if row is None:
                return None
            form = self.form_for(bundle_id, row.application_id)
            d = self._load(c, bundle_id, row.application_id)
            d.set(row.field, json.loads(row.before_json if undo else row.after_json))
            if d.completed and d.problems(form, band):
                d.completed = False
            d.updated_at = utc_stamp()
            self._store(c, d)
            q(c, "UPDATE actions SET undone = :u WHERE id = :id", u=1 if undo else 0, id=row.id)
            answer = self._answer(c, d, form, band, saved=True, change=Change(row.application_id, row.field))
        return self._saved_edit(answer)

    def undo(self, bundle_id: str) -> Edit | None:
        """Take back the last grading action of the bundle (None: nothing to undo)."""
        return self._replay(bundle_id, True)

    def redo(self, bundle_id: str) -> Edit | None:
        """Do again the last action undone (None: nothing to redo; a new action ends the chain)."""
        return self._replay(bundle_id, False)

    def undo_redo_available(self, bundle_id: str) -> tuple[bool, bool]:
        with self.db.read() as c:
            rows = dict(q(c, "SELECT undone, COUNT(*) FROM actions WHERE bundle_id = :b GROUP BY undone",
                          b=bundle_id).all())
        return bool(rows.get(0)), bool(rows.get(1))

    # -- UI state ----------------------------------------------------------------------------

    def ui_state(self, bundle_id: str, application_id: str = "") -> dict[str, Any]:
        with self.db.read() as c:
            raw = q(c, "SELECT state_json FROM ui_state WHERE bundle_id = :b AND application_id = :a",
                    b=bundle_id, a=application_id).scalar()
        return json.loads(raw) if raw else {}

    def save_ui_state(self, bundle_id: str, application_id: str, state: dict[str, Any]) -> None:
        """Where the expert was (last application, scroll positions, ticked checklist items)."""
        with self.db.write() as c:
            q(c, "INSERT INTO ui_state (bundle_id, application_id, state_json) VALUES (:b, :a, :s) "
                 "ON CONFLICT(bundle_id, application_id) DO UPDATE SET state_json = excluded.state_json",
              b=bundle_id, a=application_id, s=json.dumps(state, ensure_ascii=False, sort_keys=True))
            if not application_id:
                set_meta(c, "last_bundle", bundle_id)

    def last_bundle(self) -> str | None:
        with self.db.read() as c:
            bid = get_meta(c, "last_bundle")
        live = {b.bundle_id for b in self.bundles(include_removed=False)}
        return bid if bid in live else next(iter(sorted(live)), None)
