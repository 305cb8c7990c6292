"""Adding a review bundle to the workspace: verify, decrypt in memory, re-encrypt at rest, record.

The bundle is opened with :func:`formats.bundle.open_bundle_streaming`; every document
goes straight from the decrypted tar stream into a file sealed under the workspace data key,
inside ``docs/.incoming-…``. Only when the whole bundle has verified is that folder renamed to
``docs/<bundle id>`` and the rows committed (one transaction); any refusal removes the folder.
A crash in between leaves a folder without a row, which :meth:`Workspace.clean_up` removes.

The secretary's key fingerprint is pinned at first use (docs/formats.md §1.7 step 6): later
bundles must be signed by a pinned key unless the expert types the fingerprint printed on
the new assignment letter.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..i18n import M
from ..formats.bundle import open_bundle_streaming
from ..formats.canonical import canonical_json, utc_stamp
from ..formats.errors import ExchangeError
from ..formats.container import read_header
from ..keys import normalize_fingerprint
from .db import get_meta, q, set_meta
from .drafts import Draft
from .errors import WorkspaceError
from .sealed import seal, seal_stream
from .sealed import DOC_SUFFIX
from .workspace_core import BundleSummary, WorkspaceCore  # not .workspace: it calls in here


@dataclass(frozen=True)
class BundlePeek:
    """What the cleartext header says, before any password is asked."""
    path: Path
    bundle_id: str
    session_name: str
    expert_name: str
    created_at: str
    secretary_fingerprint: str
    held: bool          # already in the workspace
    removed: bool       # held, but its data was removed after export
    trusted: bool       # signed by a secretary key pinned earlier


@dataclass(frozen=True)
class AddResult:
    bundle: BundleSummary
    notice: str          # e.g. the fingerprint was not checked against the letter
    carried_over: int    # drafts taken over from the bundle this one supersedes


def peek_bundle(ws: WorkspaceCore, path: str | Path) -> BundlePeek:
    path = Path(path)
    header, _offset, _size = read_header(path)
    with ws.db.read() as c:
        row = q(c, "SELECT removed_at FROM bundles WHERE bundle_id = :b", b=header["bundle_id"]).first()
        pins = get_meta(c, "trusted_secretaries", [])
    fpr = header["secretary"]["fingerprint"]
    return BundlePeek(path, header["bundle_id"], header["session"]["name"], header["expert"]["name"],
                      header["created_at"], fpr, row is not None, bool(row and row.removed_at), fpr in pins)


def _sink(ws: WorkspaceCore, bundle_id: str, folder: Path):
    def store(application_id: str, sha256: str, chunks: Iterator[bytes]) -> None:
        d = folder / application_id
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
        out = d / f"{sha256}{DOC_SUFFIX}"
        if out.exists():  # the same document listed twice: stored once
            for _ in chunks:
                pass
            return
        seal_stream(ws.vault.data_key, chunks, f"doc|{bundle_id}|{application_id}|{sha256}", out)
    return store


def _trust(ws: WorkspaceCore, path: Path, header_fpr: str, given: str | None) -> tuple[str | None, str]:
    """(fingerprint to require, notice) from what the expert typed and what was pinned before."""
    if given:
        try:
            return normalize_fingerprint(given), ""
        except ValueError as e:
            raise WorkspaceError(str(e), "bundle.fingerprint") from None
    pins = ws.trusted_secretaries()
    if not pins:
        return None, (f"首次使用：未核对秘书签名密钥指纹，已记住 {header_fpr}。"
                      "请与任务通知书上的指纹核对；不一致时请删除此评审包并联系评审秘书。")
    if header_fpr in pins:
        return header_fpr, ""
    raise WorkspaceError(f"{path.name} 的签发密钥（指纹 {header_fpr}）与此前核对过的秘书密钥（{'、'.join(pins)}）不同。"
                         "若任务通知书上印的指纹确为前者，请在“秘书密钥指纹”一栏输入后再打开；否则请勿使用，并联系评审秘书。",
                         "bundle.untrusted",
                         msg=M("expert.err.untrusted", file=path.name), detail=f"{header_fpr} ≠ {', '.join(pins)}")


def add_bundle(ws: WorkspaceCore, path: str | Path, password: str, *,
               trusted_fingerprint: str | None = None) -> AddResult:
    path = Path(path)
    peek = peek_bundle(ws, path)
    if peek.held:
        raise WorkspaceError(f"评审包 {path.name}（{peek.bundle_id[:8]}）已在工作区中" +
                             ("，其材料已在导出后删除" if peek.removed else "，无需重复打开"),
                             "workspace.bundle_held",
                             msg=M("expert.err.held_removed" if peek.removed else "expert.err.held", file=path.name),
                             detail=peek.bundle_id)
    want, notice = _trust(ws, path, peek.secretary_fingerprint, trusted_fingerprint)
    ws.docs_dir.mkdir(exist_ok=True, mode=0o700)
    incoming = ws.docs_dir / f".incoming-{uuid.uuid4().hex}"
    incoming.mkdir(mode=0o700)
    final = ws.docs_dir / peek.bundle_id
    try:
        ob = open_bundle_streaming(path, password, _sink(ws, peek.bundle_id, incoming),
                                   trusted_secretary_fingerprint=want)
        data = ob.data
        if want is None and ob.secretary_fingerprint != peek.secretary_fingerprint:
            raise ExchangeError(f"{path.name} 在打开过程中被改动", "bundle.altered")
        ws.signing_key(int(data["expert"]["id"]))  # the expert's key exists before the first grade
        os.replace(incoming, final)
        try:
            carried = _record(ws, ob, data)
        except BaseException:
            shutil.rmtree(final, ignore_errors=True)
            raise
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    ws.note_saved()
    return AddResult(ws.bundle(peek.bundle_id), notice, carried)


def _record(ws: WorkspaceCore, ob, data: dict) -> int:
    bid = ob.bundle_id
    sealed = seal(ws.vault.data_key, canonical_json(data), f"bundle.json|{bid}")
    apps = data["applications"]
    with ws.db.write() as c:
        q(c, "INSERT INTO bundles (bundle_id, file_name, file_sha256, session_id, session_name, expert_id, expert_name, "
             "secretary_fingerprint, created_at, deadline, band_mode, app_count, forms_json, content, added_at) "
             "VALUES (:b, :fn, :sha, :sid, :sn, :eid, :en, :fpr, :ca, :dl, :band, :n, :forms, :content, :now)",
          b=bid, fn=ob.path.name, sha=ob.sha256, sid=data["session"]["id"], sn=data["session"]["name"],
          eid=data["expert"]["id"], en=data["expert"]["name"], fpr=ob.secretary_fingerprint, ca=data["created_at"],
          dl=data.get("deadline"), band=ob.band_mode, n=len(apps),
          forms=json.dumps(data["forms"], ensure_ascii=False, sort_keys=True), content=sealed, now=utc_stamp())
        for i, a in enumerate(apps):
            q(c, "INSERT INTO reviews (bundle_id, application_id, position, guide_item) VALUES (:b, :a, :i, :g)",
              b=bid, a=a["application_id"], i=i, g=a.get("guide_item"))
        pins = get_meta(c, "trusted_secretaries", [])
        if ob.secretary_fingerprint not in pins:
            set_meta(c, "trusted_secretaries", pins + [ob.secretary_fingerprint])
        return _supersede(ws, c, ob, data)


def _supersede(ws: WorkspaceCore, c, ob, data: dict) -> int:
    """A newer bundle for the same expert and session replaces the older one; unchanged applications
    keep what the expert already entered."""
    rows = q(c, "SELECT bundle_id, created_at FROM bundles WHERE session_id = :s AND expert_id = :e "
                "AND bundle_id != :b AND superseded_by IS NULL", s=data["session"]["id"], e=data["expert"]["id"],
             b=ob.bundle_id).all()
    carried = 0
    for old in rows:
        if old.created_at > data["created_at"]:  # this file is the older one
            q(c, "UPDATE bundles SET superseded_by = :new WHERE bundle_id = :b", new=old.bundle_id, b=ob.bundle_id)
            continue
        q(c, "UPDATE bundles SET superseded_by = :new WHERE bundle_id = :b", new=ob.bundle_id, b=old.bundle_id)
        try:
            before = {a["application_id"]: a for a in ws.bundle_data(old.bundle_id)["applications"]}
        except WorkspaceError:  # its data was removed after export: nothing to carry over
            continue
        for a in data["applications"]:
            prev = before.get(a["application_id"])
            if prev is None or prev.get("source_sha256") != a.get("source_sha256") or prev["form"] != a["form"]:
                continue
            row = q(c, "SELECT * FROM reviews WHERE bundle_id = :b AND application_id = :a", b=old.bundle_id,
                    a=a["application_id"]).first()
            if row is None:
                continue
            d = Draft.from_row(row)
            if d.is_empty:
                continue
            d.bundle_id = ob.bundle_id
            d.completed = d.completed and not d.problems(ob.forms[a["form"]], ob.band_mode)
            q(c, "UPDATE reviews SET grades_json = :grades, opinion = :opinion, recommendation = :rec, "
                 "recused = :recused, recusal_reason = :reason, completed = :completed, updated_at = :at "
                 "WHERE bundle_id = :b AND application_id = :a", **d.row_values())
            carried += 1
    return carried
