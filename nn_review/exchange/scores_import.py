"""Import returned score files into a session, and the overview of who has returned what.

Each file is its own transaction, and its own outcome: in a batch (files, folders) a refused
file — or one that hit an unexpected error (``failed``, logged with its traceback) — never
stops the files after it. Every check that reads the database runs inside that
write transaction, so a refusal (raised there) rolls back everything, key pin included:
a refused file leaves the store exactly as it was. An accepted file replaces the expert's
grades, opinions and recommendations for all of the bundle's applications (a revision is a
full snapshot, not a patch) and is recorded in ``score_imports`` with the audit event.
"""

from __future__ import annotations

import logging
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from ..forms import parse_form, validate_review
from ..keys import normalize_fingerprint
from ..store import Store, StoreError
from ..store.models import (Application, Assignment, Bundle, Conflict, Expert, Grade, KeyPin, Opinion, Panel,
                            Recommendation, ReviewSession, ScoreImport)
from .cert_pins import check_and_pin
from ..formats.canonical import b64d, parse_stamp
from ..formats.errors import ExchangeError
from ..formats.scorefile import MAX_SIZE, SUFFIX, ScoreFile, check_mac, check_signature, read_score_file
from ..changes import operation
from ..i18n import M, Msg, Problem, catalog, language

OUTCOME_ZH = {"imported": "已导入", "refused": "拒收", "failed": "失败"}
log = logging.getLogger(__name__)


@dataclass
class ScoreImportResult:
    file: str
    outcome: str               # imported | refused | failed (an unexpected error; the others still ran)
    message: str
    code: str | None = None    # e.g. scores.hmac, scores.replay (docs/formats.md §2.5), scores.internal
    field: str | None = None
    expert: str | None = None
    bundle_id: str | None = None
    revision: int | None = None
    applications: int = 0
    total: int = 0             # the bundle's applications (imported: applications/total)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def problem(self) -> Problem:
        """What the GUI shows (issue 15 item 8): what happened in plain words and what to do, in the
        UI language; the technical reason (the Chinese sentence naming HMAC, fields, fingerprints),
        the code and the field as the detail."""
        return score_problem(self)


# Refusal code → what to do (scores.* codes; the plain text of what happened is scores.refused.<code>).
_TODO = {"scores.hmac": "export_again", "scores.signature": "export_again", "scores.malformed": "check_file",
         "scores.not_canonical": "original_file",
         "scores.not_score_file": "check_file", "scores.unknown_bundle": "other_store",
         "scores.wrong_session": "other_session", "scores.wrong_expert": "verify_expert",
         "scores.superseded": "new_bundle", "scores.replay": "nothing", "scores.key_in_use": "verify_expert",
         "scores.key_changed": "repin", "scores.cert_changed": "repin", "scores.cert_in_use": "verify_expert",
         "scores.unknown_application": "export_again", "scores.application_changed": "rebundle",
         "scores.conflicted": "conflict", "scores.invalid_review": "fix_review", "file.missing": "file",
         "file.io": "file"}


def score_problem(r: ScoreImportResult) -> Problem:
    name = Path(r.file).name
    if r.outcome == "imported":
        what = M("scores.imported", expert=r.expert or "", revision=r.revision or 0, n=r.applications,
                 total=r.total or r.applications)
        return Problem(what)
    technical = "; ".join(x for x in (f"code: {r.code}" if r.code else "", f"field: {r.field}" if r.field else "") if x)
    if language().startswith("zh"):  # the reason in the core's own (Chinese) words: only a Chinese UI shows it
        technical = "\n".join(x for x in (r.message, technical) if x)
    if r.outcome == "failed":
        return Problem(M("scores.failed", file=name), M("scores.todo.support"), detail=technical)
    key = f"scores.refused.{r.code}"
    what = M(key if key in catalog() else "scores.refused.other", file=name)
    todo = _TODO.get(r.code or "")
    return Problem(what, M(f"scores.todo.{todo}") if todo else None, detail=technical)


DECLARED, NO_REASON = "专家评审时申请回避：", "（未写明理由）"  # roster/conflict_texts.py reads these back


def collect_score_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(_listed(p))
    return out


def _listed(p: Path) -> list[Path]:
    """The score files of one argument: a folder's ``*.nnscore`` (recursively), or the path itself."""
    return sorted(x for x in p.rglob(f"*{SUFFIX}") if x.is_file()) if p.is_dir() else [p]


@operation
def import_score_files(store: Store, session_id: int, paths: Iterable[str | Path]) -> list[ScoreImportResult]:
    """Every file (folders searched for ``*.nnscore``) imported or refused on its own; never raises
    for one file's sake: an unexpected error becomes that file's ``failed`` result (and the log
    gets the traceback)."""
    results = []
    for arg in map(Path, paths):
        try:
            files = _listed(arg)
        except OSError as e:
            results.append(ScoreImportResult(str(arg), "refused", f"无法读取文件夹 {arg}：{e}", "file.io"))
            continue
        for path in files:
            try:
                results.append(import_score_file(store, session_id, path))
            except Exception as e:  # isolation: the other files still get imported
                log.exception("score import of %s failed", path)
                results.append(ScoreImportResult(
                    str(path), "failed", f"{path.name} 导入失败（程序内部错误 {type(e).__name__}：{e}），"
                                         "存储未改动；其他文件不受影响，请把此文件和日志交给技术支持", "scores.internal"))
    return results


@operation
def import_score_file(store: Store, session_id: int, path: str | Path) -> ScoreImportResult:
    """One file: ``imported``, ``refused`` or — when the store itself refused the write (StoreError) —
    ``failed``; the store is unchanged unless imported. Anything unexpected propagates."""
    path = Path(path)
    try:
        return _import_one(store, session_id, path)
    except ExchangeError as e:
        return ScoreImportResult(str(path), "refused", e.message, e.code, e.field)
    except StoreError as e:  # the store could not take it (busy, locked …): the file itself was not judged
        return ScoreImportResult(str(path), "failed", f"{path.name} 未能导入：{e}", getattr(e, "code", None) or "store")


def _refuse(code: str, message: str, fld: str | None = None) -> ExchangeError:
    return ExchangeError(message, code, fld)


def _read(path: Path) -> ScoreFile:
    """The file's bytes, at most ``MAX_SIZE`` + 1 of them, from a regular file only (a FIFO or a
    device named ``*.nnscore`` is refused, never waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _refuse("file.missing", f"{path} 不存在或不是普通文件") from None
    except OSError as e:
        raise _refuse("file.io", f"无法读取 {path}：{e}") from e
    try:
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise _refuse("file.missing", f"{path} 不存在或不是普通文件")
            if st.st_size > MAX_SIZE:
                raise _refuse("scores.not_score_file",
                              f"{path.name} 过大（{st.st_size} 字节，评分文件最大 {MAX_SIZE} 字节），不是评分文件")
            raw = f.read(MAX_SIZE + 1)  # the size may change after fstat: read_score_file checks again
    except OSError as e:
        raise _refuse("file.io", f"无法读取 {path}：{e}") from e
    return read_score_file(raw, path.name)


def _import_one(store: Store, session_id: int, path: Path) -> ScoreImportResult:
    sf = _read(path)
    name = path.name
    with store.write() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise _refuse("session.missing", f"没有评审批次 {session_id}")
        if sess.state != "open":
            raise _refuse("session.locked", f"评审批次“{sess.name}”已定稿锁定，不能再导入评分")
        b = s.scalar(select(Bundle).where(Bundle.bundle_id == sf.bundle_id))
        if b is None:
            raise _refuse("scores.unknown_bundle",
                          f"{name} 所属的评审包 {sf.bundle_id[:8]}… 不是本存储发出的（未知评审包），拒绝导入", "bundle_id")
        if b.session_id != session_id:
            other = s.get(ReviewSession, b.session_id)
            raise _refuse("scores.wrong_session",
                          f"{name} 属于另一评审批次“{other.name if other else b.session_id}”，不是当前批次“{sess.name}”",
                          "session_id")
        check_mac(sf, b64d(b.secret))
        check_signature(sf)
        if sf.session_id != b.session_id:  # signed but inconsistent: a bug on the laptop side, never import
            raise _refuse("scores.wrong_session", f"{name} 中的批次编号 {sf.session_id} 与其评审包的批次不符", "session_id")
        expert = s.get(Expert, b.expert_id)
        if sf.expert_id != b.expert_id:
            claimed = s.get(Expert, sf.expert_id)
            raise _refuse("scores.wrong_expert",
                          f"{name} 中的专家（{claimed.name if claimed else '编号 ' + str(sf.expert_id)}）与该评审包的专家"
                          f"“{expert.name}”不符：文件可能被换到了别的专家名下，拒绝导入", "expert_id")
        if b.superseded_at is not None:
            raise _refuse("scores.superseded",
                          f"{name} 对应的评审包已被重新制作的评审包取代，请让专家“{expert.name}”用新评审包重新提交", "bundle_id")
        _check_key(s, store, expert, sf, b.bundle_id)
        check_and_pin(s, store, expert, sf.pdf_certificate, name)
        last = s.scalar(select(func.max(ScoreImport.revision)).where(ScoreImport.bundle_id == b.bundle_id))
        if s.scalar(select(ScoreImport.revision).where(ScoreImport.bundle_id == b.bundle_id,
                                                       ScoreImport.file_sha256 == sf.sha256)) is not None:
            # Same code as any replay (the UI groups them); the message says it is the very same file.
            raise _refuse("scores.replay", f"{name} 已导入过（同一文件，修订号 {sf.revision}），未重复导入", "revision")
        if last is not None and sf.revision <= last:
            raise _refuse("scores.replay",
                          f"{name} 的修订号 {sf.revision} 不大于已导入的修订号 {last}：这是旧文件或重放，拒绝导入", "revision")
        targets = _check_reviews(s, b, sf, expert, name)
        _replace_rows(s, b, sf, targets)
        row = ScoreImport(bundle_id=b.bundle_id, expert_id=b.expert_id, revision=sf.revision, file_name=name,
                          file_sha256=sf.sha256, key_fingerprint=sf.fingerprint, file_created_at=sf.body["created_at"])
        row.reviews = sf.reviews
        s.add(row)
        store.audit(s, "scores.import", session_id, bundle_id=b.bundle_id, expert_id=b.expert_id, file=name,
                    sha256=sf.sha256, revision=sf.revision, key=sf.fingerprint,
                    applications=[r["application_id"] for r in sf.reviews])
        n = len(sf.reviews)
        return ScoreImportResult(str(path), "imported",
                                 f"{expert.name}：修订 {sf.revision}，{n}/{b.app_count} 个申报",
                                 expert=expert.name, bundle_id=b.bundle_id, revision=sf.revision, applications=n,
                                 total=b.app_count)


def _check_key(s, store: Store, expert: Expert, sf: ScoreFile, bundle_id: str) -> None:
    """Trust on first use: the first accepted file pins the expert's key; later ones must match."""
    if expert.key_fingerprint is None:
        holder = s.scalar(select(Expert).where(Expert.key_fingerprint == sf.fingerprint, Expert.id != expert.id))
        if holder is not None:
            raise _refuse("scores.key_in_use", f"{sf.name} 的签名密钥 {sf.fingerprint} 已登记给专家“{holder.name}”，"
                                              f"不能再用于专家“{expert.name}”", "expert_public_key")
        expert.key_fingerprint = sf.fingerprint
        s.add(KeyPin(expert_id=expert.id, fingerprint=sf.fingerprint, public_key=sf.public_key, source="first_import",
                     reason="首次导入评分文件时登记", bundle_id=bundle_id, actor=store.actor))
    elif expert.key_fingerprint != sf.fingerprint:
        raise _refuse("scores.key_changed",
                      f"{sf.name} 的签名密钥（指纹 {sf.fingerprint}）与专家“{expert.name}”首次导入时登记的密钥"
                      f"（指纹 {expert.key_fingerprint}）不同，拒绝导入。若已与专家本人核实其更换了电脑或密钥，"
                      f"请先运行 nn-review session repin-key 重新登记", "expert_public_key")


def _check_reviews(s, b: Bundle, sf: ScoreFile, expert: Expert, name: str) -> dict[str, int]:
    """Application id → pk for the bundle's applications, after checking every review."""
    apps = {a["application_id"]: a for a in b.applications}
    forms = {fid: parse_form(raw, f"bundle:{fid}") for fid, raw in b.forms.items()}
    targets: dict[str, int] = {}
    # A conflict the expert declared in an earlier revision of this return may be withdrawn by a
    # later one; the secretary's own (auto/manual) conflicts may not.
    conflicted = set(s.scalars(select(Conflict.application_pk).where(
        Conflict.session_id == b.session_id, Conflict.expert_id == b.expert_id, Conflict.dismissed.is_(False),
        Conflict.source != "declared")))
    for a in apps.values():
        app = s.get(Application, a["pk"])
        if app is not None and app.session_id == b.session_id and app.source_sha256 == a["source_sha256"]:
            targets[a["application_id"]] = app.id
    for i, r in enumerate(sf.reviews):
        aid = r["application_id"]
        if aid not in apps:
            raise _refuse("scores.unknown_application",
                          f"{name} 含评审包之外的申报 {aid}（该评审包只含 {'、'.join(sorted(apps))}），拒绝导入",
                          f"reviews[{i}].application_id")
        if aid not in targets:
            raise _refuse("scores.application_changed",
                          f"申报 {aid} 在评审包制作后已被替换或移除，{name} 中对它的评分不能导入；请重新制作评审包",
                          f"reviews[{i}].application_id")
        if targets[aid] in conflicted and not r["recused"]:
            raise _refuse("scores.conflicted",
                          f"专家“{expert.name}”与申报 {aid} 存在未撤销的回避关系，该申报不能有其评分，拒绝导入",
                          f"reviews[{i}]")
        problems = validate_review(forms[apps[aid]["form"]], r, b.band_mode)
        if problems:
            raise _refuse("scores.invalid_review",
                          f"{name} 中申报 {aid} 的评分不符合评审表：" + "；".join(p.message for p in problems),
                          f"reviews[{i}].{problems[0].field}")
    return targets


def _replace_rows(s, b: Bundle, sf: ScoreFile, targets: dict[str, int]) -> None:
    pks = list(targets.values())
    eid = b.expert_id
    # Bulk deletes run immediately, so the unique (expert, application[, criterion]) rows can be re-added.
    for model in (Grade, Opinion, Recommendation):
        s.execute(delete(model).where(model.expert_id == eid, model.application_pk.in_(pks)))
    for r in sf.reviews:
        pk, at = targets[r["application_id"]], parse_stamp(r["updated_at"])
        s.add(Opinion(expert_id=eid, application_pk=pk, text=r["opinion"], recused=r["recused"],
                      recusal_reason=r["recusal_reason"], revision=sf.revision, updated_at=at))
        for cid, g in sorted(r["grades"].items()):
            # the point string verbatim, as signed (validated decimal text; stored exactly since v7)
            s.add(Grade(expert_id=eid, application_pk=pk, criterion=cid, grade=g["grade"],
                        points=g.get("points"), comment=g["comment"],
                        revision=sf.revision, updated_at=at))
        if r["recommendation"]:
            s.add(Recommendation(expert_id=eid, application_pk=pk, value=r["recommendation"], revision=sf.revision))
    _declared_conflicts(s, b, sf, targets)


def _declared_conflicts(s, b: Bundle, sf: ScoreFile, targets: dict[str, int]) -> None:
    """An expert's recusal (回避 declared while reviewing) becomes a ``declared`` conflict, so the
    conflict matrix shows it and no later bundle gives that package to the expert again."""
    pks = list(targets.values())
    s.execute(delete(Conflict).where(Conflict.session_id == b.session_id, Conflict.expert_id == b.expert_id,
                                     Conflict.source == "declared", Conflict.application_pk.in_(pks)))
    for r in sf.reviews:
        if r["recused"]:
            s.add(Conflict(session_id=b.session_id, expert_id=b.expert_id, application_pk=targets[r["application_id"]],
                           source="declared", reason=DECLARED + (r["recusal_reason"] or NO_REASON),
                           dismissed=False, dismiss_reason=""))


# -- key re-pin ---------------------------------------------------------------------------

def _explained(message: str, code: str, what: Msg) -> ExchangeError:
    """``message`` for the CLI; ``problem`` in plain words for the GUI, the fingerprint in the detail."""
    e = ExchangeError(message, code)
    e.problem = Problem(what, detail=f"{message} ({code})" if language().startswith("zh") else f"code: {code}")
    return e


@operation
def repin_expert_key(store: Store, expert_id: int, new_fpr: str, reason: str) -> str:
    """Accept a new key for an expert (new laptop, reinstalled system); returns the canonical fingerprint."""
    try:
        fpr = normalize_fingerprint(new_fpr)
    except ValueError as e:
        raise _explained(str(e), "key.fingerprint", M("repin.bad_fingerprint")) from None
    if not (reason or "").strip():
        raise _explained("重新登记专家密钥必须写明理由（例如：已电话核实专家更换了电脑）", "key.reason",
                         M("repin.no_reason"))
    with store.write() as s:
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise ExchangeError(f"没有专家 {expert_id}", "expert.missing")
        if expert.key_fingerprint == fpr:
            raise _explained(f"专家“{expert.name}”当前登记的就是该密钥 {fpr}", "key.same",
                             M("repin.same", expert=expert.name))
        holder = s.scalar(select(Expert).where(Expert.key_fingerprint == fpr, Expert.id != expert_id))
        if holder is not None:
            raise _explained(f"密钥 {fpr} 已登记给专家“{holder.name}”", "key.in_use",
                             M("repin.in_use", expert=holder.name))
        old = expert.key_fingerprint
        expert.key_fingerprint = fpr
        s.add(KeyPin(expert_id=expert_id, fingerprint=fpr, source="repin", reason=reason.strip(), actor=store.actor))
        store.audit(s, "expert.repin_key", None, expert_id=expert_id, expert=expert.name, old=old, new=fpr,
                    reason=reason.strip())
    return fpr


# -- overview -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ExpertReturn:
    expert_id: int
    name: str
    status: str                  # received | partial | missing
    bundle_id: str | None        # the current bundle; None = not sent yet
    file_name: str | None
    assigned: int                # applications in the current bundle
    returned: int                # reviewed or recused in the last imported revision
    recused: int
    revision: int | None
    imported_at: datetime | None
    key_fingerprint: str | None


@dataclass(frozen=True)
class AppReturn:
    """Per application: ``returned`` counts only reviews actually received from experts who are
    expected to review it (``assigned`` = assigned minus 回避), each expert once, so it never
    exceeds ``assigned``; an expert's own 回避, or a review made void by a conflict recorded
    later, is counted in ``recused`` and never as a return; a review from an expert not assigned
    the application (assignment changed after the return) in ``unassigned``."""
    application_id: str
    title: str
    assigned: int                # experts expected to review: assigned, minus 回避 (conflicts or declared)
    returned: int                # of those, experts whose review was received
    recused: int                 # assigned experts who recused or have an active conflict
    missing: int = 0             # assigned − returned: expected reviews not received yet
    unassigned: int = 0          # reviews received from experts not (or no longer) assigned it


@dataclass(frozen=True)
class ReturnsOverview:
    session_id: int
    experts: list[ExpertReturn]
    applications: list[AppReturn]

    @property
    def counts(self) -> Counter:
        return Counter(e.status for e in self.experts)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        for e in d["experts"]:
            e["imported_at"] = e["imported_at"].isoformat() if e["imported_at"] else None
        return d


STATUS_ZH = {"received": "已返回", "partial": "部分返回", "missing": "未返回"}


def status_msg(status: str) -> Msg:
    """STATUS_ZH in the UI language."""
    return M(f"returns.status.{status}")


def returns_overview(store: Store, session_id: int) -> ReturnsOverview:
    with store.read() as s:
        if s.get(ReviewSession, session_id) is None:
            raise ExchangeError(f"没有评审批次 {session_id}", "session.missing")
        assigned = s.execute(select(Assignment.expert_id, Assignment.application_pk)
                             .join(Panel, Panel.id == Assignment.panel_id).where(Panel.session_id == session_id)).all()
        conflicts = set(s.execute(select(Conflict.expert_id, Conflict.application_pk).where(
            Conflict.session_id == session_id, Conflict.dismissed.is_(False))).all())
        bundles = {b.expert_id: b for b in s.scalars(select(Bundle).where(
            Bundle.session_id == session_id, Bundle.superseded_at.is_(None)))}
        expert_ids = {e for e, _ in assigned} | set(bundles)
        experts = {e.id: e for e in s.scalars(select(Expert).where(Expert.id.in_(expert_ids)))}
        rows = []
        for eid in sorted(expert_ids, key=lambda i: (experts[i].name, i)):
            b = bundles.get(eid)
            last = s.scalars(select(ScoreImport).where(ScoreImport.bundle_id == b.bundle_id)
                             .order_by(ScoreImport.revision.desc())).first() if b else None
            reviews = last.reviews if last else []
            # distinct applications of this bundle (a count never above the bundle's)
            returned = len({r["application_id"] for r in reviews}
                           & {a["application_id"] for a in b.applications}) if b else 0
            status = "missing" if last is None else "received" if returned >= b.app_count else "partial"
            rows.append(ExpertReturn(eid, experts[eid].name, status, b.bundle_id if b else None,
                                     b.file_name if b else None, b.app_count if b else 0, returned,
                                     sum(bool(r.get("recused")) for r in reviews), last.revision if last else None,
                                     last.imported_at if last else None,
                                     last.key_fingerprint if last else experts[eid].key_fingerprint))
        apps = s.scalars(select(Application).where(Application.session_id == session_id)
                         .order_by(Application.application_id)).all()
        opinions = {(e, pk): r for e, pk, r in s.execute(
            select(Opinion.expert_id, Opinion.application_pk, Opinion.recused)
            .join(Application, Application.id == Opinion.application_pk)
            .where(Application.session_id == session_id)).all()}
        assigned = {(e, pk) for e, pk in assigned}  # distinct: an expert counts once per application
        pairs = assigned | set(opinions)
        # 回避 = an active conflict (the secretary's, or the expert's own declared one) or a recusal
        recusing = {k for k in pairs if k in conflicts or opinions.get(k)}
        # Counted per assignment: a review from an expert not (or no longer) assigned the
        # application — a re-assignment after the return — is no return of an assigned expert
        # (it was shown as 5/4); it is counted apart, and the results do count it.
        expected = Counter(pk for e, pk in assigned - recusing)
        got = Counter(pk for e, pk in assigned - recusing if (e, pk) in opinions)
        extra = Counter(pk for e, pk in set(opinions) - assigned - recusing)
        rec = Counter(pk for _, pk in recusing)
        app_rows = [AppReturn(a.application_id, a.title, expected[a.id], got[a.id], rec[a.id],
                              expected[a.id] - got[a.id], extra[a.id])
                    for a in apps if expected[a.id] or got[a.id] or rec[a.id] or extra[a.id]]
        return ReturnsOverview(session_id, rows, app_rows)
