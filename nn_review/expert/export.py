"""Submitting scores: the signed ``.nnscore`` with the next revision, and removing a bundle's data.

A revision number is reserved (committed) before the file is written and marked written
afterwards, so a crash between the two never reuses a number the secretary may already have
imported (a reused revision would be refused there as a replay). The signed file's bytes are
kept in the workspace: they are the expert's record of what was submitted, and all that
remains after "remove this bundle's data".
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..i18n import M
from ..formats.canonical import utc_stamp
from ..formats.errors import ExchangeError
from ..formats.names import safe_name
from ..formats.scorefile import SUFFIX, build_score_file, write_score_file
from ..forms import Problem
from .db import q
from .errors import WorkspaceError
from .workspace_core import WorkspaceCore  # not .workspace: it calls in here

PARTIAL_MARK = "部分"


@dataclass(frozen=True)
class Readiness:
    ready: list[str]                              # complete (valid) or recused
    missing: list[tuple[str, str, list[Problem]]]  # (application id, title, problems)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ExportRecord:
    revision: int
    state: str                 # reserved | written
    partial: bool
    reviewed: int
    total: int
    path: str | None
    sha256: str | None
    key_fingerprint: str | None
    created_at: str
    content: bytes | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    revision: int
    partial: bool
    reviewed: int
    total: int
    sha256: str
    key_fingerprint: str


def readiness(ws: WorkspaceCore, bundle_id: str) -> Readiness:
    band = ws.band_mode(bundle_id)
    drafts = ws.drafts(bundle_id)
    ready, missing = [], []
    for a in ws.bundle_data(bundle_id)["applications"]:
        d = drafts[a["application_id"]]
        problems = d.problems(ws.forms(bundle_id)[a["form"]], band)
        if problems:
            missing.append((a["application_id"], a["title"], problems))
        else:
            ready.append(a["application_id"])
    return Readiness(ready, missing)


def score_file_name(expert_name: str, bundle_id: str, revision: int, partial: bool) -> str:
    return f"{safe_name(expert_name)}-{bundle_id[:8]}-r{revision}{'-' + PARTIAL_MARK if partial else ''}{SUFFIX}"


def export_scores(ws: WorkspaceCore, bundle_id: str, out_dir: str | Path, *, partial: bool = False) -> ExportResult:
    """Validate, sign and write the score file into ``out_dir`` (e.g. a USB stick)."""
    b = ws.bundle(bundle_id)
    if b.removed:
        raise WorkspaceError(f"评审包 {bundle_id[:8]} 的材料已删除，不能再导出", "workspace.removed",
                             msg=M("expert.err.removed_export"), detail=bundle_id)
    r = readiness(ws, bundle_id)
    if r.missing and not partial:
        lines = [f"{aid}（{title}）：" + "；".join(p.message for p in probs) for aid, title, probs in r.missing]
        raise WorkspaceError(f"还有 {len(r.missing)} 项申报未完成，不能全部交回（可选择“部分交回”）：\n" + "\n".join(lines),
                             "scores.incomplete", msg=M("expert.err.incomplete", n=len(r.missing)),
                             detail="\n".join(aid for aid, _t, _p in r.missing))
    if not r.ready:
        raise WorkspaceError("还没有任何已完成或已回避的申报，没有可交回的评分", "scores.nothing",
                             msg=M("expert.err.nothing"))
    drafts = ws.drafts(bundle_id)
    band = b.band_mode
    reviews = [drafts[aid].review(band) for aid in r.ready]
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise WorkspaceError(f"无法使用文件夹 {out}：{e}", "scores.io", msg=M("expert.err.folder", folder=str(out)),
                             detail=str(e)) from e
    key = ws.signing_key(b.expert_id)
    from .pdf_identity import certificate_pem
    cert = certificate_pem(ws.pdf_identity(b.expert_id))  # travels signed, pinned by the secretary
    try:  # the score file's limits and the form, before a revision number is used up
        build_score_file(ws.opened_bundle(bundle_id), key, 1, reviews, pdf_certificate=cert, name="评分文件")
    except ExchangeError as e:
        raise WorkspaceError(f"不能导出：{e.message}", e.code, e.field, msg=M("expert.err.not_exportable"),
                             detail=e.message) from None
    with ws.db.write() as c:
        revision = (q(c, "SELECT MAX(revision) FROM exports WHERE bundle_id = :b", b=bundle_id).scalar() or 0) + 1
        seq = q(c, "SELECT edit_seq FROM bundles WHERE bundle_id = :b", b=bundle_id).scalar()
        q(c, "INSERT INTO exports (bundle_id, revision, state, partial, reviewed, total, edit_seq, created_at) "
             "VALUES (:b, :r, 'reserved', :p, :n, :t, :seq, :at)", b=bundle_id, r=revision, p=bool(r.missing),
          n=len(reviews), t=b.app_count, seq=seq, at=utc_stamp())
        for aid in r.ready:  # what goes out is, by definition, complete
            q(c, "UPDATE reviews SET completed = 1 WHERE bundle_id = :b AND application_id = :a AND recused = 0",
              b=bundle_id, a=aid)
    path = out / score_file_name(b.expert_name, bundle_id, revision, bool(r.missing))
    try:
        info = write_score_file(path, ws.opened_bundle(bundle_id), key, revision, reviews, pdf_certificate=cert)
    except OSError as e:
        raise WorkspaceError(f"无法写入评分文件 {path}：{e}（修订号 r{revision} 已作废，下次导出使用 r{revision + 1}）",
                             "scores.io", msg=M("expert.err.write", file=str(path)),
                             detail=f"{e} (r{revision})") from e
    titles = {a["application_id"]: a["title"] for a in ws.bundle_data(bundle_id)["applications"]}
    with ws.db.write() as c:
        q(c, "UPDATE exports SET state = 'written', path = :path, sha256 = :sha, key_fingerprint = :fpr, "
             "content = :content, titles_json = :titles WHERE bundle_id = :b AND revision = :r",
          path=str(info.path), sha=info.sha256, fpr=info.key_fingerprint, content=Path(info.path).read_bytes(),
          titles=json.dumps(titles, ensure_ascii=False), b=bundle_id, r=revision)
    ws.note_saved()
    return ExportResult(info.path, revision, bool(r.missing), len(reviews), b.app_count, info.sha256,
                        info.key_fingerprint)


def export_records(ws: WorkspaceCore, bundle_id: str) -> list[ExportRecord]:
    with ws.db.read() as c:
        rows = q(c, "SELECT * FROM exports WHERE bundle_id = :b ORDER BY revision", b=bundle_id).all()
    return [ExportRecord(r.revision, r.state, bool(r.partial), r.reviewed, r.total, r.path, r.sha256,
                         r.key_fingerprint, r.created_at, bytes(r.content) if r.content is not None else None)
            for r in rows]


def remove_bundle_data(ws: WorkspaceCore, bundle_id: str) -> None:
    """Delete the documents, the bundle content and the drafts; keep the signed score records."""
    b = ws.bundle(bundle_id)
    if b.removed:
        return
    written = [e for e in export_records(ws, bundle_id) if e.state == "written"]
    if not written:
        raise WorkspaceError(f"评审包 {bundle_id[:8]} 还没有导出过评分文件：删除后评审结果将无法恢复，请先导出",
                             "workspace.not_exported", msg=M("expert.err.not_exported"), detail=bundle_id)
    if b.changed_since_export:
        raise WorkspaceError(f"评审包 {bundle_id[:8]} 在最近一次导出（r{written[-1].revision}）之后又有修改："
                             "请先重新导出，再删除材料", "workspace.unexported_changes",
                             msg=M("expert.err.unexported_changes", revision=written[-1].revision), detail=bundle_id)
    with ws.db.write() as c:
        q(c, "UPDATE bundles SET content = NULL, removed_at = :at WHERE bundle_id = :b", at=utc_stamp(), b=bundle_id)
        for table in ("reviews", "actions", "ui_state"):
            q(c, f"DELETE FROM {table} WHERE bundle_id = :b", b=bundle_id)
    ws.forget_content(bundle_id)
    shutil.rmtree(ws.docs_dir / bundle_id, ignore_errors=True)  # sealed files; clean_up retries after a crash
    ws.note_saved()


def status_line(ws: WorkspaceCore, bundle_id: str) -> str:
    """One line for lists: progress and last export."""
    b = ws.bundle(bundle_id)
    parts = [f"{b.done}/{b.app_count} 已完成"]
    if b.last_revision:
        parts.append(f"已导出 r{b.last_revision}" + ("（部分交回）" if b.last_partial else "")
                     + ("，之后有修改" if b.changed_since_export else ""))
    if b.removed:
        parts.append("材料已删除")
    return "，".join(parts)


__all__ = ["ExportRecord", "ExportResult", "Readiness", "export_records", "export_scores", "readiness",
           "remove_bundle_data", "score_file_name", "status_line"]
