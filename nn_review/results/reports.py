"""Write a session's result sheets: per panel the 评审结果汇总表, one 项目评审意见表 per
application, and one 个人评分表 per expert, optionally signed by the secretary (PAdES).

Layout of ``out_dir`` (existing files of the same name are replaced: a reprint)::

    <panel>/<panel>-评审结果汇总表.pdf
    <panel>/项目评审意见表/<application id>.pdf
    <panel>/个人评分表/<expert name>-<roster key>.pdf

Files are written to a temporary folder inside ``out_dir`` and moved into place at the
end, so cancelling (``cancel()`` returning True) or an error leaves no partial set. The
summary and the per-application sheets always carry the two empty signature fields
(secretary, leader), so they can be signed later (:func:`sign_existing`); the personal
sheets carry the secretary's field. With ``sign=True`` the secretary signs them all now.

Every sheet written is recorded in ``issued_sheets`` (SHA-256 of the bytes as written, kind
``summary|opinion|personal``, ref, panel, sheet version, data hash), so a copy the panel
leader countersigned on the leader's own machine can be checked to be that very sheet
(:mod:`.accept`, ``session accept-signed``).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..store import Store
from ..store.db import REPORT_PREFIX
from ..store.housekeeping import WorkDir, sweep
from .annexes import panel_annexes
from .errors import ResultsError
from .merge import session_results
from .personal_pdf import expert_data_hash, render_personal_signable
from .sheet_pdf import render_application_sheet
from ..pdf.signing import SigningIdentity, prepare_unsigned, sign_file, sign_pdf
from .identity import LEADER_SIGNS_ELSEWHERE, secretary_identity
from .summary_pdf import TITLE as SUMMARY_TITLE
from .summary_pdf import render_summary
from ..changes import operation

Progress = Callable[[int, int, str], None]


def safe_name(text: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" .")
    return name[:80] or "_"


@dataclass
class ReportResult:
    out_dir: Path
    summaries: list[Path] = field(default_factory=list)
    sheets: list[Path] = field(default_factory=list)
    personal: list[Path] = field(default_factory=list)
    signed: bool = False
    signer: str = ""
    fingerprint: str = ""
    notice: str = ""           # where the signing key's passphrase lives, when not in the OS keyring
    cancelled: bool = False

    @property
    def files(self) -> list[Path]:
        return self.summaries + self.sheets + self.personal


@operation
def write_reports(store: Store, session_id: int, out_dir: str | Path, *, sign: bool = False,
                  panel_ids: list[int] | None = None, progress: Progress | None = None,
                  cancel: Callable[[], bool] | None = None, identity: SigningIdentity | None = None,
                  personal: bool = True) -> ReportResult:
    out = Path(out_dir)
    panels = session_results(store, session_id, panel_ids)
    if not panels:
        raise ResultsError("本批次还没有评审组，没有可打印的评审结果", "report.no_panels")
    ident = None
    if sign:  # before anything is written: no signer profile / key → nothing on disk
        ident = identity or secretary_identity(store)
    out.mkdir(parents=True, exist_ok=True)
    total = sum(1 + len(pr.applications) + (len(pr.experts) if personal else 0) for pr in panels)
    done = 0
    result = ReportResult(out, signed=sign, signer=ident.name if ident else "",
                          fingerprint=ident.fingerprint if ident else "", notice=ident.notice if ident else "")
    # Sheets are staged in a hidden folder of ``out`` (same filesystem: atomic moves). One a killed
    # run left there (finished, maybe signed sheets) is removed now, or at the next start of the app
    # (it is listed in the store); a folder of a run still going on in another process is left alone.
    sweep(out, REPORT_PREFIX)
    work = WorkDir(out, REPORT_PREFIX, registry=store.work_registry)
    staging = work.path
    placed: list[tuple[Path, Path]] = []
    issued: list[dict] = []

    def finish(pdf: bytes, slots, rel: Path, *, kind: str, ref: str, pr, data_hash: str) -> None:
        data = sign_pdf(pdf, ident, slots=slots) if ident else prepare_unsigned(pdf, slots)
        dest = staging / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        placed.append((dest, out / rel))
        issued.append(dict(kind=kind, ref=ref, panel_id=pr.panel_id, file_name=rel.as_posix(),
                           sheet_version=pr.sheet_version, sha256=hashlib.sha256(data).hexdigest(),
                           data_hash=data_hash))

    def tick(name: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, name)
        if cancel and cancel():
            raise _Cancelled

    try:
        if progress:
            progress(0, total, "")
        for pr in panels:
            folder = Path(safe_name(pr.panel_name))
            pdf, slots = render_summary(pr, panel_annexes(store, pr.panel_id))
            finish(pdf, slots, folder / f"{safe_name(pr.panel_name)}-{SUMMARY_TITLE}.pdf", kind="summary", ref="",
                   pr=pr, data_hash=pr.data_hash)
            result.summaries.append(out / placed[-1][1].relative_to(out))
            tick(f"{pr.panel_name} {SUMMARY_TITLE}")
            for a in sorted(pr.applications, key=lambda a: a.application_id):
                pdf, slots = render_application_sheet(pr, a)
                finish(pdf, slots, folder / "项目评审意见表" / f"{safe_name(a.application_id)}.pdf", kind="opinion",
                       ref=a.application_id, pr=pr, data_hash=a.data_hash)
                result.sheets.append(placed[-1][1])
                tick(a.application_id)
            if personal:
                for e in pr.experts:
                    rel = folder / "个人评分表" / f"{safe_name(e.name)}-{safe_name(e.roster_key)}.pdf"
                    pdf, slots = render_personal_signable(pr, e)
                    finish(pdf, slots, rel, kind="personal", ref=e.roster_key, pr=pr,
                           data_hash=expert_data_hash(pr, e))
                    result.personal.append(out / rel)
                    tick(e.name)
        for src, dst in placed:
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
    except _Cancelled:
        return ReportResult(out, cancelled=True)
    finally:
        work.close()
    _audit(store, session_id, result, panels, issued)
    return result


class _Cancelled(Exception):
    pass


def _audit(store: Store, session_id: int, result: ReportResult, panels, issued: list[dict]) -> None:
    from ..store.models import IssuedSheet
    with store.write() as s:
        # every sheet as written (SHA-256), so a countersigned copy can be matched to it (accept-signed)
        for row in issued:
            s.add(IssuedSheet(session_id=session_id, **row))
        store.audit(s, "results.report", session_id, out_dir=str(result.out_dir), signed=result.signed,
                    signer=result.signer, fingerprint=result.fingerprint, files=len(result.files),
                    panels={pr.panel_name: pr.data_hash for pr in panels},
                    sheet_version=panels[0].sheet_version if panels else None)


@operation
def sign_existing(store: Store, paths: list[str | Path], *, as_role: str = "leader", panel_id: int | None = None,
                  identity: SigningIdentity | None = None) -> SigningIdentity:
    """Add a signature to sheets already written: the panel leader's (the panel's leader of
    ``panel_id``) or the secretary's. The earlier signatures stay valid."""
    if identity is None:
        if as_role == "secretary":
            identity = secretary_identity(store)
        elif as_role == "leader":
            identity = panel_leader_identity(store, panel_id)
        else:
            raise ResultsError(f"签名身份应为 leader 或 secretary，实际为 {as_role!r}", "sign.role")
    resigned = []
    for path in paths:
        before = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        sign_file(path, identity)
        resigned.append((before, hashlib.sha256(Path(path).read_bytes()).hexdigest()))
    with store.write() as s:
        _record_resigned(s, resigned)
        store.audit(s, "results.sign", None, role=identity.role, signer=identity.name,
                    fingerprint=identity.fingerprint, files=[str(p) for p in paths])
    return identity


def _record_resigned(s, pairs: list[tuple[str, str]]) -> None:
    """A sheet signed after it was written is issued anew in its signed form (same kind, ref,
    version and data), so the countersigned copy of it can still be matched."""
    from sqlalchemy import select

    from ..store.models import IssuedSheet
    for before, after in pairs:
        old = s.scalar(select(IssuedSheet).where(IssuedSheet.sha256 == before).order_by(IssuedSheet.id.desc()).limit(1))
        if old is not None and before != after:
            s.add(IssuedSheet(session_id=old.session_id, panel_id=old.panel_id, kind=old.kind, ref=old.ref,
                              file_name=old.file_name, sheet_version=old.sheet_version, sha256=after,
                              data_hash=old.data_hash))


def panel_leader_identity(store: Store, panel_id: int | None) -> SigningIdentity:
    """Refused: the leader signs on the leader's own machine (expert workspace) or with a token;
    no leader key is made on the secretary's machine."""
    raise ResultsError(LEADER_SIGNS_ELSEWHERE, "sign.leader_elsewhere")
