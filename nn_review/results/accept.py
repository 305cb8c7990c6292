"""Accepting a result sheet countersigned by the panel leader (``session accept-signed``).

A sheet is accepted only when

1. its last signature is in the leader's field, covers the whole file and holds, and its revision
   only fills in the signature (pyHanko's difference analysis: nothing the sheet shows changed);
2. every earlier signature still holds (later revisions only filled in signature fields);
3. the bytes before the leader's revision are exactly a sheet this store issued (``issued_sheets``,
   SHA-256 as written by ``session report``) of the session's current sheet version;
4. the leader's certificate is a current pin of the leader of that sheet's panel (the certificate
   came in the leader's own ``.nnscore``, or was re-pinned with a reason).

The accepted copy is filed read-only under ``<store>/signed/session-<id>/<path as issued>``
(written atomically) and the issued sheet row gets ``accepted_*``; audited. Each file is its own
transaction; a refused file changes nothing.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..i18n import M
from ..keys import KeyStoreError
from ..zhfmt import local_time_with_offset
from ..store import Store
from ..store.models import Expert, IssuedSheet, Panel, ReviewSession, utcnow
from .errors import ResultsError
from ..pdf.slots import SIG_LABELS, SIG_LEADER
from ..pdf.sigcheck import inspect_signatures, only_form_filling_since, revision_prefixes
from ..changes import operation

MAX_SHEET = 64 * 1024 * 1024
KIND_ZH = {"summary": "评审结果汇总表", "opinion": "项目评审意见表", "personal": "专家个人评分表"}
SIGNED_DIR = "signed"


@dataclass
class AcceptResult:
    file: str
    outcome: str                 # accepted | refused
    message: str
    code: str | None = None
    filed: str | None = None     # path of the filed copy
    kind: str | None = None
    ref: str | None = None
    panel: str | None = None
    signer: str | None = None
    fingerprint: str | None = None
    msg: Any = field(default=None, repr=False, compare=False)  # the message per language (i18n.Msg), GUI only

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("msg")
        return out


def accept_signed_files(store: Store, session_id: int, paths: Iterable[str | Path]) -> list[AcceptResult]:
    out = []
    for path in map(Path, paths):
        try:
            out.append(accept_signed(store, session_id, path))
        except ResultsError as e:
            out.append(AcceptResult(str(path), "refused", e.message, e.code, msg=getattr(e, "msg", None)))
    return out


def _refuse(code: str, message: str, msg=None) -> ResultsError:
    return ResultsError(message, code, msg=msg)


def _read(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise _refuse("accept.missing", f"{path} 不存在或不是文件", M("results.acc.missing", name=path.name))
        if path.stat().st_size > MAX_SHEET:
            raise _refuse("accept.not_sheet", f"{path.name} 过大，不是评审结果表", M("results.acc.too_big", name=path.name))
        return path.read_bytes()
    except OSError as e:
        raise _refuse("accept.io", f"无法读取 {path}：{e}", M("results.acc.io", name=path.name)) from e


@operation
def accept_signed(store: Store, session_id: int, path: str | Path) -> AcceptResult:
    """Check one countersigned sheet and file it; raises :class:`ResultsError` with the reason."""
    path = Path(path)
    name = path.name
    pdf = _read(path)
    try:
        sheet = inspect_signatures(pdf, name)
    except KeyStoreError as e:
        raise _refuse("accept.not_pdf", str(e), M("results.acc.not_pdf", name=name)) from None
    if not sheet.signatures:
        raise _refuse("accept.unsigned", f"{name} 没有任何数字签名：请让组长在本人电脑上签署（nn-review expert countersign）",
                      M("results.acc.unsigned", name=name))
    last = sheet.signatures[-1]
    if last.field != SIG_LEADER:
        raise _refuse("accept.not_leader", f"{name} 的最后一个签名在“{SIG_LABELS.get(last.field, last.field)}”位置，"
                                           f"不是组长签名位置：该文件还没有组长签署", M("results.acc.not_leader", name=name))
    if not (last.intact and last.valid):
        raise _refuse("accept.leader_invalid", f"{name} 的组长签名无效（签名后文件被改动或签名已损坏）",
                      M("results.acc.leader_invalid", name=name))
    if not last.whole_file or last.revision != sheet.revisions - 1:
        raise _refuse("accept.modified", f"{name} 在组长签名之后又被改动（签名未覆盖整个文件），拒绝导入",
                      M("results.acc.changed_after", name=name))
    broken = [sig for sig in sheet.signatures[:-1] if not sig.holds]
    if broken:
        raise _refuse("accept.earlier_invalid", f"{name} 中较早的签名已失效：{broken[0].describe()}",
                      M("results.acc.earlier_invalid", name=name))
    signature_only = only_form_filling_since(pdf, last.revision - 1)  # judged once the sheet is known
    hashes = [hashlib.sha256(p).hexdigest() for p in revision_prefixes(pdf, last.revision)]
    with store.write() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise _refuse("session.missing", f"没有评审批次 {session_id}")
        rows = s.scalars(select(IssuedSheet).where(IssuedSheet.sha256.in_(hashes))
                         .order_by(IssuedSheet.id.desc())).all() if hashes else []
        if not rows:
            raise _refuse("accept.modified_sheet",
                          f"{name} 组长签署前的内容与本系统发出的任何结果表都不一致：结果表在发出后被改动，"
                          f"或不是本系统打印的结果表，拒绝导入", M("results.acc.not_issued", name=name))
        issued = next((r for r in rows if r.session_id == session_id), None)
        if issued is None:
            other = s.get(ReviewSession, rows[0].session_id)
            raise _refuse("accept.wrong_session", f"{name} 是评审批次“{other.name if other else rows[0].session_id}”的结果表，"
                                                  f"不属于当前批次“{sess.name}”",
                          M("results.acc.wrong_session", name=name, other=other.name if other else rows[0].session_id,
                            session=sess.name))
        what = f"{KIND_ZH.get(issued.kind, issued.kind)}{(' ' + issued.ref) if issued.ref else ''}"
        if not signature_only:
            raise _refuse("accept.modified", f"{name} 在组长签署的同时改动了{what}的内容（不只是填写签名），拒绝导入",
                          M("results.acc.content_changed", name=name))
        if issued.sheet_version != sess.sheet_version:
            raise _refuse("accept.old_version",
                          f"{name} 是第 {issued.sheet_version} 版的{what}，当前为第 {sess.sheet_version} 版（批次重新开启后"
                          f"评审结果可能已变化）：请把第 {sess.sheet_version} 版发给组长签署",
                          M("results.acc.old_version", name=name, old=issued.sheet_version, now=sess.sheet_version))
        newer = s.scalar(select(IssuedSheet).where(
            IssuedSheet.session_id == session_id, IssuedSheet.panel_id == issued.panel_id,
            IssuedSheet.kind == issued.kind, IssuedSheet.ref == issued.ref, IssuedSheet.id > issued.id)
            .order_by(IssuedSheet.id.desc()).limit(1))
        if newer is not None and newer.data_hash != issued.data_hash:
            raise _refuse("accept.old_version", f"{name} 是较早打印的{what}：此后已重新打印了内容不同的{what}"
                                                f"（{local_time_with_offset(newer.issued_at)}），请把新打印的结果表发给组长签署",
                          M("results.acc.reprinted", name=name, when=local_time_with_offset(newer.issued_at)))
        if issued.kind == "personal":
            raise _refuse("accept.not_leader_sheet", f"{name} 是专家个人评分表，不需要组长签署",
                          M("results.acc.personal", name=name))
        panel = s.get(Panel, issued.panel_id) if issued.panel_id else None
        if panel is None:
            raise _refuse("accept.wrong_panel", f"{name} 所属的评审组已不存在", M("results.acc.no_panel", name=name))
        leader = s.get(Expert, panel.leader_expert_id) if panel.leader_expert_id else None
        if leader is None:
            raise _refuse("accept.no_leader", f"评审组“{panel.name}”尚未指定组长，不能接收组长签署件",
                          M("results.acc.no_leader", panel=panel.name))
        from ..exchange.cert_pins import current_pins, pin_holder
        if last.fingerprint not in {p.fingerprint for p in current_pins(s, leader.roster_key)}:
            holder = pin_holder(s, last.fingerprint)
            whose = ""
            if holder is not None:
                owner = s.scalar(select(Expert).where(Expert.roster_key == holder.owner))
                whose = (f"；该证书登记给专家“{owner.name if owner else holder.owner}”，"
                         f"不是评审组“{panel.name}”的组长")
            raise _refuse("accept.unpinned",
                          f"{name}：该签名证书未登记为组长 {leader.name} 的证书（签名人 {last.signer}，证书指纹 "
                          f"{last.fingerprint}）{whose}。组长的证书随其评分文件登记；更换电脑后请先运行 "
                          f"nn-review session repin-cert",
                          M("results.acc.unpinned", name=name, leader=leader.name, signer=last.signer))
        digest = hashlib.sha256(pdf).hexdigest()
        if issued.accepted_sha256 is not None:
            same = issued.accepted_sha256 == digest
            raise _refuse("accept.already", f"{name}：该{what}的组长签署件" +
                          ("已导入过（同一文件）" if same else f"已于 {local_time_with_offset(issued.accepted_at)} 入档") + "，未重复导入",
                          M("results.acc.already", name=name))
        rel = Path(SIGNED_DIR) / f"session-{session_id}" / issued.file_name
        dest = store.root / rel
        _file_read_only(pdf, dest)
        try:
            issued.accepted_sha256, issued.accepted_file, issued.accepted_at = digest, rel.as_posix(), utcnow()
            store.audit(s, "results.accept_signed", session_id, file=name, sha256=digest, issued_sha256=issued.sha256,
                        kind=issued.kind, ref=issued.ref, panel=panel.name, leader=leader.name, signer=last.signer,
                        fingerprint=last.fingerprint, filed=rel.as_posix(), sheet_version=issued.sheet_version)
            s.flush()
        except BaseException:
            dest.unlink(missing_ok=True)
            raise
        kind_msg = M(f"results.sheet.{issued.kind}") if issued.kind in KIND_ZH else issued.kind
        return AcceptResult(str(path), "accepted", f"{what}（{panel.name}）：组长 {leader.name} 的签署已核验并入档",
                            msg=M("results.acc.accepted", what=kind_msg, ref=issued.ref or "", panel=panel.name,
                                  leader=leader.name),
                            filed=str(dest), kind=issued.kind, ref=issued.ref, panel=panel.name, signer=last.signer,
                            fingerprint=last.fingerprint)


def _file_read_only(data: bytes, dest: Path) -> None:
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o400)  # filed for good, and the store is the user's alone (store/perms.py)
        os.replace(tmp, dest)
    except OSError as e:
        raise _refuse("accept.io", f"无法把签署件存入 {dest}：{e}") from e
    finally:
        tmp.unlink(missing_ok=True)
