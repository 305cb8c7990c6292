"""The panel leader's countersignature, made in the leader's own expert workspace.

The secretary sends the result sheet (signed by the secretary); the leader checks what it is and
who signed it (:func:`check_sheet`), then adds a PAdES signature in the leader's field with the
workspace's PDF identity (:func:`countersign_file`). The signature is an incremental update, so the
secretary's signature stays valid; the secretary checks it against the leader's pinned
certificate when the file comes back (``session accept-signed``).
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..i18n import M
from ..keys import KeyStoreError
from ..pdf.slots import SIG_LEADER, SIG_SECRETARY
from ..pdf.sigcheck import SheetSignatures, inspect_signatures
from ..pdf.signing import SigningIdentity, sign_pdf
from .errors import WorkspaceError

MAX_SHEET = 64 * 1024 * 1024
SUFFIX = "-组长签署"


@dataclass(frozen=True)
class SheetCheck:
    name: str
    sheet: SheetSignatures

    @property
    def particulars(self) -> list[str]:
        """What the leader is about to sign, and who signed before (Chinese lines)."""
        s = self.sheet
        lines = [f"文件：{self.name}", f"标题：{s.title or '（无）'}"]
        if s.sheet_version is not None:
            lines.append(f"评审表版本：第 {s.sheet_version} 版")
        if s.data_hash:
            lines.append(f"数据校验码：{s.data_hash[:12]}")
        lines.append("已有签名：")
        lines += [f"  {sig.describe()}" for sig in s.signatures]
        return lines


def read_sheet(path: str | Path) -> bytes:
    path = Path(path)
    try:
        if not path.is_file():
            raise WorkspaceError(f"{path} 不存在或不是文件", "countersign.missing")
        if path.stat().st_size > MAX_SHEET:
            raise WorkspaceError(f"{path.name} 过大，不是评审结果表", "countersign.not_sheet")
        return path.read_bytes()
    except OSError as e:
        raise WorkspaceError(f"无法读取 {path}：{e}", "countersign.io") from e


def check_sheet(pdf: bytes, name: str = "结果表") -> SheetCheck:
    """Refuse anything but a result sheet with a valid secretary signature and an empty leader field."""
    try:
        sheet = inspect_signatures(pdf, name)
    except KeyStoreError as e:
        raise WorkspaceError(str(e), "countersign.not_pdf") from None
    if not sheet.is_result_sheet:
        raise WorkspaceError(f"{name} 不是本系统生成的评审结果表（没有秘书和组长的签名位置），不能签署",
                             "countersign.not_sheet", msg=M("expert.err.cs_not_sheet", file=name))
    if sheet.fields.get(SIG_LEADER):
        leader = sheet.signature(SIG_LEADER)
        raise WorkspaceError(f"{name} 已有组长签名（{leader.signer if leader else '未知'}），不能重复签署",
                             "countersign.already_signed",
                             msg=M("expert.err.cs_signed", file=name, signer=leader.signer if leader else "?"))
    sec = sheet.signature(SIG_SECRETARY)
    if sec is None:
        raise WorkspaceError(f"{name} 还没有评审秘书的签名：请评审秘书先签名（session report --sign）再发给组长",
                             "countersign.unsigned", msg=M("expert.err.cs_unsigned", file=name))
    broken = [sig for sig in sheet.signatures if not sig.holds]
    if broken:
        raise WorkspaceError(f"{name} 的签名无效：{broken[0].describe()}。文件可能在签名后被改动，请向评审秘书重新索取",
                             "countersign.invalid", msg=M("expert.err.cs_invalid", file=name),
                             detail=broken[0].describe())
    return SheetCheck(name, sheet)


def leader_expert(ws, expert_id: int | None = None) -> tuple[int, str]:
    """The expert of this workspace who signs as leader (the only one, or the one named)."""
    experts = ws.experts()
    if expert_id is not None:
        for eid, name in experts:
            if eid == expert_id:
                return eid, name
        raise WorkspaceError(f"工作区中没有专家编号 {expert_id} 的评审包", "countersign.expert")
    if len(experts) == 1:
        return experts[0]
    if not experts:
        raise WorkspaceError("工作区中还没有评审包：组长须先在本机打开自己的评审包，才有签名证书", "countersign.no_identity",
                             msg=M("expert.err.cs_no_identity"))
    raise WorkspaceError("工作区中有多位专家的评审包，请指明组长本人的专家编号（--expert）：" +
                         "、".join(f"{n}（{e}）" for e, n in experts), "countersign.ambiguous")


def leader_identity(ws, expert_id: int | None = None) -> SigningIdentity:
    eid, _name = leader_expert(ws, expert_id)
    return dataclasses.replace(ws.pdf_identity(eid), role="leader")


@dataclass(frozen=True)
class CountersignResult:
    path: Path
    check: SheetCheck
    identity: SigningIdentity


def default_out(src: Path) -> Path:
    return src.with_name(f"{src.stem}{SUFFIX}{src.suffix or '.pdf'}")


def countersign_file(ws, src: str | Path, out: str | Path | None = None, *,
                     expert_id: int | None = None) -> CountersignResult:
    """Check the sheet, sign it in the leader's field, write it to ``out`` (atomically)."""
    src = Path(src)
    pdf = read_sheet(src)
    chk = check_sheet(pdf, src.name)
    ident = leader_identity(ws, expert_id)
    try:
        signed = sign_pdf(pdf, ident, reason="专家组组长签署评审结果")
    except KeyStoreError as e:
        raise WorkspaceError(str(e), "countersign.sign") from None
    dest = Path(out) if out else default_out(src)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(signed)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except OSError as e:
        raise WorkspaceError(f"无法写入 {dest}：{e}", "countersign.io") from e
    finally:
        tmp.unlink(missing_ok=True)
    return CountersignResult(dest, chk, ident)


__all__ = ["CountersignResult", "SheetCheck", "check_sheet", "countersign_file", "default_out", "leader_expert",
           "leader_identity", "read_sheet"]
