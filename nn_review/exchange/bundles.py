"""Review bundles (``.nnrb``): one per expert per session, made on the secretary's machine.

A bundle holds exactly the packages assigned to the expert minus every active conflict
(a conflicted package never leaves this machine for that expert) and minus every package
excluded at formal check (不予受理; skipped with a note, refused when nothing else is left), the form, the guide text
of the items concerned, and a per-bundle secret that returned score files must carry.
Files are written under temporary names and renamed only when every bundle of the action
is complete; the database rows are added in one transaction with the audit event.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import tarfile
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from ..forms import Form, FormError, builtin_form, parse_form
from ..jsonlimits import JSONLimitError, loads_bounded
from ..keys import SigningKey
from ..services.formal import EXCLUDED, excluded_message, undecided_warning
from ..store import Store
from ..store.models import (Application, Assignment, Bundle, Conflict, Expert, Panel, ReviewSession, utcnow)
from .common import (MIN_CUSTOM_PASSWORD, ExchangeError, ExportCancelled, b64d, b64e, canonical_json,
                     new_password, normalize_password, safe_name, utc_stamp)
from .container import FORMAT, decrypt_to, read_header, verify_signature, write_container
from ..changes import operation

Progress = Callable[[int, int, str], None]  # (experts done, experts total, current expert name)
SECRET_LEN = 32
MAX_BUNDLE_JSON = 32 * 1024 * 1024
_DOC_NAME = re.compile(r"docs/([A-Za-z0-9_-]{1,40})/([0-9a-f]{64})\.pdf")


@dataclass(frozen=True)
class BundleInfo:
    path: Path
    bundle_id: str
    password: str          # shown once (CLI output, assignment letter); never stored
    app_count: int
    sha256: str
    expert_id: int
    expert_name: str
    application_ids: tuple[str, ...]
    secretary_fingerprint: str
    key_notice: str = ""   # set when the secretary key is not in the OS keyring
    notes: tuple[str, ...] = ()  # formal check: excluded packages left out, undecided ones put in

    @property
    def file_name(self) -> str:
        return self.path.name


def secretary_signing_key(store: Store, **kw) -> SigningKey:
    """The signing key of the secretary using this store (per OS user / NN_REVIEW_ACTOR), kept
    with the store (nn_review/secretary_keys.py)."""
    from ..secretary_keys import secretary_ed25519
    return secretary_ed25519(store, **kw)


# -- planning: everything read from the store, detached from the DB session ---------------

@dataclass
class _Plan:
    session_id: int
    expert_id: int
    expert_name: str
    app_pks: tuple[int, ...]
    apps: list[dict[str, Any]]            # what the bundles row keeps
    bundle: dict[str, Any]                # bundle.json
    docs: list[tuple[str, Path, str]]     # (tar name, blob path, sha256)
    band_mode: bool
    notes: tuple[str, ...] = ()


def _bundle_app_pks(s, session_id: int, expert_id: int) -> tuple[list[int], set[int]]:
    assigned = set(s.scalars(select(Assignment.application_pk).join(Panel, Panel.id == Assignment.panel_id)
                             .where(Panel.session_id == session_id, Assignment.expert_id == expert_id)))
    conflicted = set(s.scalars(select(Conflict.application_pk).where(
        Conflict.session_id == session_id, Conflict.expert_id == expert_id, Conflict.dismissed.is_(False))))
    return sorted(assigned - conflicted - set(_excluded(s, assigned))), assigned


def _excluded(s, pks) -> dict[int, Application]:
    """Packages among ``pks`` excluded at formal check (不予受理): they never go into a bundle."""
    return {a.id: a for a in s.scalars(select(Application).where(Application.id.in_(pks),
                                                                 Application.formal_decision == EXCLUDED))}


def _guide_extract(content: dict[str, Any], apps: list[Application]) -> dict[str, Any]:
    """The guide text the expert needs: the items (and plan types) of these packages only."""
    numbers = sorted({a.guide_item for a in apps if a.guide_item})
    items = [i for i in content.get("items", []) if i.get("number") in numbers]
    plans = {i.get("plan_type") for i in items}
    out = {"edition": content.get("edition"), "version": content.get("version"), "title": content.get("title"),
           "plan_types": [p for p in content.get("plan_types", []) if p.get("id") in plans], "items": items}
    if any(a.kind != "project" for a in apps) and content.get("consortium"):
        out["consortium"] = content["consortium"]
    return out


def _plan(store: Store, session_id: int, expert_id: int, deadline: date | None) -> _Plan:
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise ExchangeError(f"没有评审批次 {session_id}", "session.missing")
        if sess.state != "open":
            raise ExchangeError(f"评审批次“{sess.name}”已定稿锁定，不能再制作评审包", "session.locked")
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise ExchangeError(f"没有专家 {expert_id}", "expert.missing")
        pks, assigned = _bundle_app_pks(s, session_id, expert_id)
        if not assigned:
            raise ExchangeError(f"专家“{expert.name}”在批次“{sess.name}”中没有分配任何申报，不能制作评审包",
                                "bundle.no_assignments")
        excluded = sorted(_excluded(s, assigned).values(), key=lambda a: a.application_id)
        where = f"放入专家“{expert.name}”的评审包"
        if not pks:
            if excluded:
                raise ExchangeError("；".join(excluded_message(a, where) for a in excluded)
                                    + f"。专家“{expert.name}”没有其他可评审的申报", "bundle.all_excluded")
            raise ExchangeError(f"专家“{expert.name}”的 {len(assigned)} 个分配申报均需回避，没有可评审的申报",
                                "bundle.all_conflicted")
        apps = s.scalars(select(Application).where(Application.id.in_(pks))
                         .order_by(Application.application_id)).all()
        if any(a.session_id != session_id for a in apps):  # an assignment row pointing across sessions
            raise ExchangeError("分配记录中有不属于本批次的申报，请重新分配", "bundle.bad_assignment")
        try:
            form = builtin_form(sess.form_template)
        except FormError as e:
            raise ExchangeError(f"批次的评审表不可用：{e}", "bundle.form") from e
        entries, docs, rows = [], [], []
        for a in apps:
            dl = []
            for d in a.documents:
                name = f"docs/{a.application_id}/{d.sha256}.pdf"
                dl.append({"path": d.path, "kind": d.kind, "title": d.title, "sha256": d.sha256, "size": d.size,
                           "page_count": d.page_count, "file": name})
                if all(n != name for n, _, _ in docs):  # identical documents are packed once
                    docs.append((name, store.blobs.path(d.blob), d.sha256))
            entries.append({"application_id": a.application_id, "kind": a.kind, "title": a.title,
                            "applicant": a.applicant_name, "guide_item": a.guide_item, "direction": a.direction,
                            "form": form.id, "source_sha256": a.source_sha256, "manifest": a.manifest,
                            "documents": dl})
            rows.append({"application_id": a.application_id, "pk": a.id, "source_sha256": a.source_sha256,
                         "form": form.id})
        bundle = {
            "format": FORMAT,
            "session": {"id": sess.id, "name": sess.name,
                        "start_date": sess.start_date.isoformat() if sess.start_date else None,
                        "end_date": sess.end_date.isoformat() if sess.end_date else None,
                        "band_mode": bool(sess.band_mode), "aggregation_rule": sess.aggregation_rule,
                        "form_template": sess.form_template},
            "expert": {"id": expert.id, "name": expert.name, "unit": expert.unit},
            "deadline": deadline.isoformat() if deadline else None,
            "forms": {form.id: form.raw},
            "guide": _guide_extract(json.loads(sess.guide_edition.content_json), apps),
            "applications": entries,
        }
        notes = tuple([excluded_message(a, "放入评审包") + "，已跳过" for a in excluded]
                      + [w for a in apps if (w := undecided_warning(a))])
        return _Plan(session_id, expert_id, expert.name, tuple(pks), rows, bundle, docs, bool(sess.band_mode), notes)


# -- writing ------------------------------------------------------------------------------

@dataclass
class _Built:
    plan: _Plan
    temp: Path
    final: Path
    bundle_id: str
    secret: str
    password: str
    sha256: str
    created_at: str
    secretary_fingerprint: str


class _HashingReader:
    def __init__(self, f):
        self.f, self.h = f, hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.h.update(data)
        return data


def _tarinfo(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o644, 0  # no local metadata leaks into the bundle
    return info


def _write(plan: _Plan, out_dir: Path, password: str | None, key: SigningKey,
           cancel: Callable[[], bool] | None) -> _Built:
    if password is None:
        password = new_password()
    elif len(normalize_password(password)) < MIN_CUSTOM_PASSWORD:
        raise ExchangeError(f"评审包密码至少 {MIN_CUSTOM_PASSWORD} 个字符（不计空格和横线）", "bundle.password_weak")
    bundle_id = uuid.uuid4().hex
    secret = b64e(secrets.token_bytes(SECRET_LEN))
    created = utc_stamp()
    body = dict(plan.bundle, bundle_id=bundle_id, created_at=created, secret=secret)
    header = {"bundle_id": bundle_id, "created_at": created,
              "session": {"id": plan.session_id, "name": body["session"]["name"]},
              "expert": {"id": plan.expert_id, "name": plan.expert_name}}
    final = out_dir / f"{safe_name(plan.expert_name)}-{bundle_id[:8]}.nnrb"
    temp = out_dir / f".{final.name}.{uuid.uuid4().hex[:8]}.part"

    def payload(w) -> None:
        with tarfile.open(fileobj=w, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            raw = canonical_json(body)
            tar.addfile(_tarinfo("bundle.json", len(raw)), _BytesReader(raw))
            for name, src, sha in plan.docs:
                if cancel and cancel():
                    raise ExportCancelled()
                try:
                    with open(src, "rb") as f:
                        r = _HashingReader(f)
                        tar.addfile(_tarinfo(name, os.fstat(f.fileno()).st_size), r)
                except OSError as e:
                    raise ExchangeError(f"无法读取存储中的文档 {src}：{e}", "store.blob") from e
                if r.h.hexdigest() != sha:
                    raise ExchangeError(f"存储中的文档 {src} 已损坏（SHA-256 与登记不符），请重新导入该申报包",
                                        "store.blob")

    try:
        sha = write_container(temp, header, password, key, payload)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return _Built(plan, temp, final, bundle_id, secret, password, sha, created, key.fingerprint)


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def read(self, n: int = -1) -> bytes:
        end = len(self.data) if n < 0 else self.pos + n
        chunk, self.pos = self.data[self.pos:end], min(end, len(self.data))
        return chunk


def _commit(store: Store, built: list[_Built], action: str, **audit) -> None:
    """Rename the finished files into place, then record them; undo the renames if the commit fails."""
    placed: list[Path] = []
    try:
        for b in built:
            if b.final.exists():
                raise ExchangeError(f"目标文件已存在：{b.final}", "bundle.exists")
            os.replace(b.temp, b.final)
            placed.append(b.final)
        with store.write() as s:
            for b in built:
                p = b.plan
                # Re-check inside the write lock: a finalise, a conflict or an exclusion recorded
                # meanwhile (another window, the CLI) must not slip through.
                sess = s.get(ReviewSession, p.session_id)
                if sess is None or sess.state != "open":
                    raise ExchangeError(f"评审批次“{sess.name if sess else p.session_id}”在制作评审包期间已定稿锁定，"
                                        "不能再制作评审包", "session.locked")
                pks, _ = _bundle_app_pks(s, p.session_id, p.expert_id)
                if late := sorted(_excluded(s, p.app_pks).values(), key=lambda a: a.application_id):
                    raise ExchangeError("；".join(excluded_message(a, f"放入专家“{p.expert_name}”的评审包")
                                                 for a in late) + "（制作期间登记了不予受理），请重新制作评审包",
                                        "bundle.excluded")
                if tuple(pks) != p.app_pks:
                    raise ExchangeError(f"专家“{p.expert_name}”的分配或回避关系在制作期间发生了变化，请重新制作评审包",
                                        "bundle.changed")
                old = list(s.scalars(select(Bundle.bundle_id).where(
                    Bundle.session_id == p.session_id, Bundle.expert_id == p.expert_id,
                    Bundle.superseded_at.is_(None))))
                if old:
                    s.execute(update(Bundle).where(Bundle.bundle_id.in_(old)).values(superseded_at=utcnow()))
                row = Bundle(bundle_id=b.bundle_id, session_id=p.session_id, expert_id=p.expert_id,
                             file_name=b.final.name, sha256=b.sha256, app_count=len(p.apps),
                             band_mode=p.band_mode, secret=b.secret, secretary_fingerprint=b.secretary_fingerprint)
                row.applications = p.apps
                row.forms = p.bundle["forms"]
                s.add(row)
                store.audit(s, action, p.session_id, bundle_id=b.bundle_id, expert_id=p.expert_id,
                            file=b.final.name, sha256=b.sha256, applications=[a["application_id"] for a in p.apps],
                            superseded=old, secretary_key=b.secretary_fingerprint, **audit)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for b in built:
            b.temp.unlink(missing_ok=True)
        raise


def _info(b: _Built, notice: str) -> BundleInfo:
    return BundleInfo(b.final, b.bundle_id, b.password, len(b.plan.apps), b.sha256, b.plan.expert_id,
                      b.plan.expert_name, tuple(a["application_id"] for a in b.plan.apps), b.secretary_fingerprint,
                      notice, b.plan.notes)


def _out_dir(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return out


@operation
def make_bundle(store: Store, session_id: int, expert_id: int, out_dir: str | Path, *, password: str | None = None,
                deadline: date | None = None, secretary_key: SigningKey | None = None) -> BundleInfo:
    """Write the expert's bundle for the session; a previous bundle of the same expert is superseded."""
    out = _out_dir(out_dir)
    plan = _plan(store, session_id, expert_id, deadline)
    key = secretary_key or secretary_signing_key(store)
    built = _write(plan, out, password, key, None)
    _commit(store, [built], "bundle.create")
    return _info(built, key.notice)


@operation
def export_panel_bundles(store: Store, panel_id: int, out_dir: str | Path, *, progress: Progress | None = None,
                         cancel: Callable[[], bool] | None = None, deadline: date | None = None,
                         secretary_key: SigningKey | None = None) -> list[BundleInfo]:
    """One bundle per expert with assignments in the panel; all or nothing.

    Experts whose every assigned package is conflicted get no bundle (nothing to review).
    Cancelling is not an error (as with package import): it returns ``[]`` and leaves no
    file and no row. Otherwise the list is never empty (no bundle to make is refused).
    """
    with store.read() as s:
        panel = s.get(Panel, panel_id)
        if panel is None:
            raise ExchangeError(f"没有评审组 {panel_id}", "panel.missing")
        session_id, panel_name = panel.session_id, panel.name
        experts = [(e.id, e.name) for e in s.scalars(
            select(Expert).where(Expert.id.in_(select(Assignment.expert_id).where(Assignment.panel_id == panel_id)))
            .order_by(Expert.name, Expert.id))]
    if not experts:
        raise ExchangeError(f"评审组“{panel_name}”还没有分配任何申报，不能制作评审包", "bundle.no_assignments")
    out = _out_dir(out_dir)
    key = secretary_key or secretary_signing_key(store)
    built: list[_Built] = []
    try:
        skipped: list[ExchangeError] = []
        for i, (eid, name) in enumerate(experts):
            if cancel and cancel():
                raise ExportCancelled()
            if progress:
                progress(i, len(experts), name)
            try:
                plan = _plan(store, session_id, eid, deadline)
            except ExchangeError as e:
                if e.code in ("bundle.all_conflicted", "bundle.all_excluded"):
                    skipped.append(e)
                    continue
                raise
            built.append(_write(plan, out, None, key, cancel))
        if cancel and cancel():
            raise ExportCancelled()
        if not built:
            if any(e.code == "bundle.all_excluded" for e in skipped):
                raise ExchangeError(f"评审组“{panel_name}”没有可放入评审包的申报（其余均需回避）："
                                    + next(str(e) for e in skipped if e.code == "bundle.all_excluded"),
                                    "bundle.all_excluded")
            raise ExchangeError(f"评审组“{panel_name}”的专家对所分配的申报均需回避，没有生成评审包",
                                "bundle.all_conflicted")
        _commit(store, built, "bundle.create", panel=panel_name)
    except ExportCancelled:
        for b in built:
            b.temp.unlink(missing_ok=True)
        return []
    except BaseException:
        for b in built:
            b.temp.unlink(missing_ok=True)
        raise
    if progress:
        progress(len(experts), len(experts), "")
    return [_info(b, key.notice) for b in built]


# -- opening (the expert's side) ----------------------------------------------------------

@dataclass
class OpenedBundle:
    path: Path
    header: dict[str, Any]
    data: dict[str, Any]       # bundle.json
    root: Path                 # documents are under root/docs/<application id>/<sha256>.pdf
    secretary_fingerprint: str
    sha256: str
    forms: dict[str, Form] = field(default_factory=dict)
    owns_root: bool = False    # a temporary folder removed by close()

    @property
    def bundle_id(self) -> str:
        return self.data["bundle_id"]

    @property
    def session(self) -> dict[str, Any]:
        return self.data["session"]

    @property
    def expert(self) -> dict[str, Any]:
        return self.data["expert"]

    @property
    def band_mode(self) -> bool:
        return bool(self.data["session"]["band_mode"])

    @property
    def secret(self) -> bytes:
        return b64d(self.data["secret"], SECRET_LEN)

    @property
    def applications(self) -> list[dict[str, Any]]:
        return self.data["applications"]

    def application(self, application_id: str) -> dict[str, Any]:
        for a in self.applications:
            if a["application_id"] == application_id:
                return a
        raise KeyError(application_id)

    def form_for(self, application_id: str) -> Form:
        return self.forms[self.application(application_id)["form"]]

    def document_path(self, application_id: str, sha256: str) -> Path:
        return self.root / f"docs/{application_id}/{sha256}.pdf"

    def close(self) -> None:
        if self.owns_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _bad(path: Path, detail: str) -> ExchangeError:
    return ExchangeError(f"{path.name} 内容不完整或不一致：{detail}", "bundle.content")


def bundle_json(path: Path, raw: bytes) -> Any:
    """``bundle.json`` parsed within generous limits: signed by the secretary, but still never a
    RecursionError (nesting) or a memory blow-up (millions of values)."""
    try:
        return loads_bounded(raw, max_bytes=MAX_BUNDLE_JSON, max_depth=64, max_values=4_000_000,
                             max_string=4 << 20, max_items=1_000_000)
    except JSONLimitError as e:
        raise _bad(path, f"bundle.json 无法解析（{e.message}）") from None


def _extract(path: Path, payload: Path, root: Path, created: list[Path]) -> tuple[dict[str, Any], set[str]]:
    data = None
    seen: set[str] = set()
    with tarfile.open(payload, "r:") as tar:
        for m in tar:
            if m.name in seen:
                raise _bad(path, f"重复的条目 {m.name}")
            seen.add(m.name)
            if not m.isreg():
                raise _bad(path, f"条目 {m.name} 不是普通文件")
            src = tar.extractfile(m)
            if m.name == "bundle.json":
                if m.size > MAX_BUNDLE_JSON:
                    raise _bad(path, "bundle.json 过大")
                data = bundle_json(path, src.read(MAX_BUNDLE_JSON + 1))
                continue
            match = _DOC_NAME.fullmatch(m.name)
            if not match:  # our own names only: nothing can be written outside root/docs
                raise _bad(path, f"意外的条目 {m.name!r}")
            dest = root / m.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            h = hashlib.sha256()
            created.append(dest)
            with open(dest, "wb") as out:
                while chunk := src.read(1 << 20):
                    h.update(chunk)
                    out.write(chunk)
            if h.hexdigest() != match.group(2):
                raise _bad(path, f"文档 {m.name} 的 SHA-256 校验不符")
    if not isinstance(data, dict):
        raise _bad(path, "缺少 bundle.json")
    return data, seen - {"bundle.json"}


def _check(path: Path, header: dict[str, Any], data: dict[str, Any], extracted: set[str]) -> dict[str, Form]:
    try:
        if data.get("format") != FORMAT or data.get("bundle_id") != header["bundle_id"]:
            raise ValueError("评审包编号与文件头不一致")
        if data["session"]["id"] != header["session"]["id"] or data["expert"]["id"] != header["expert"]["id"]:
            raise ValueError("批次或专家与文件头不一致")
        b64d(data["secret"], SECRET_LEN)
        forms = {fid: parse_form(raw, f"{path.name}:forms.{fid}") for fid, raw in data["forms"].items()}
        listed = set()
        apps = data["applications"]
        if not isinstance(apps, list) or not apps:
            raise ValueError("没有申报")
        for a in apps:
            if a["form"] not in forms:
                raise ValueError(f"申报 {a['application_id']} 的评审表 {a['form']} 不在包内")
            for d in a["documents"]:
                if d["file"] != f"docs/{a['application_id']}/{d['sha256']}.pdf":
                    raise ValueError(f"文档 {d['path']} 的位置不符")
                if d["file"] not in extracted:
                    raise ValueError(f"缺少文档 {d['file']}（{d['title']}）")
                listed.add(d["file"])
    except (KeyError, TypeError, ValueError, FormError) as e:
        raise _bad(path, str(e)) from None
    extra = extracted - listed
    if extra:
        raise _bad(path, f"包含未登记的文档 {sorted(extra)[0]}")
    return forms


def open_bundle(path: str | Path, password: str, *, trusted_secretary_fingerprint: str | None = None,
                out_dir: str | Path | None = None) -> OpenedBundle:
    """Verify the signature, then decrypt, then check every document's SHA-256.

    Documents are extracted under ``out_dir`` (a temporary folder, removed by ``close()``,
    when not given). On any refusal nothing extracted is left behind.
    """
    path = Path(path)
    header, offset, size = read_header(path)
    fpr = verify_signature(path, header, size, trusted_secretary_fingerprint)
    owns = out_dir is None
    root = Path(tempfile.mkdtemp(prefix="nnrb-")) if owns else Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    payload = root / f".payload-{uuid.uuid4().hex}.tar"
    created: list[Path] = []
    try:
        decrypt_to(path, header, offset, size, password, payload)
        data, extracted = _extract(path, payload, root, created)
        forms = _check(path, header, data, extracted)
    except BaseException:
        if owns:
            shutil.rmtree(root, ignore_errors=True)
        for p in created:
            p.unlink(missing_ok=True)
        raise
    finally:
        payload.unlink(missing_ok=True)
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return OpenedBundle(path, header, data, root, fpr, digest.hexdigest(), forms, owns)
