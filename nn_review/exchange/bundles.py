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
import secrets
import tarfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from ..forms import FormError, builtin_form
from ..i18n import M, Msg, Problem, language
from ..keys import SigningKey
from ..services.formal import EXCLUDED, excluded_message, excluded_msg, undecided_msg, undecided_warning
from ..store import Store
from ..store.models import (Application, Assignment, Bundle, Conflict, Expert, Panel, ReviewSession, utcnow)
from ..formats.bundle import SECRET_LEN
from ..formats.canonical import b64e, canonical_json, utc_stamp
from ..formats.container import FORMAT, normalize_password, write_container
from ..formats.errors import ExchangeError
from ..formats.names import safe_name
from .common import MIN_CUSTOM_PASSWORD, ExportCancelled, new_password
from ..changes import operation

Progress = Callable[[int, int, str], None]  # (experts done, experts total, current expert name)


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
    key_notice: str = ""   # set when the secretary key is not in the OS keyring: plain words, UI language
    notes: tuple[str, ...] = ()  # formal check: excluded packages left out, undecided ones put in
    key_notice_detail: str = ""  # key_notice in technical Chinese (folder, reason, CLI backup command)
    note_msgs: tuple[Msg, ...] = ()  # the notes for the GUI, in its language

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
    note_msgs: tuple[Msg, ...] = ()


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


def _refused(message: str, code: str, what: Msg, todo: Msg | None = None) -> ExchangeError:
    """The refusal: ``message`` (Chinese, CLI) and a ``problem`` in plain words for the GUI (issue 15)."""
    e = ExchangeError(message, code)
    e.problem = Problem(what, todo, detail=f"{message} ({code})" if language().startswith("zh") else f"code: {code}")
    return e


def _plan(store: Store, session_id: int, expert_id: int, deadline: date | None) -> _Plan:
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise ExchangeError(f"没有评审批次 {session_id}", "session.missing")
        if sess.state != "open":
            raise _refused(f"评审批次“{sess.name}”已定稿锁定，不能再制作评审包", "session.locked",
                           M("bundle.session_locked", session=sess.name))
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise ExchangeError(f"没有专家 {expert_id}", "expert.missing")
        pks, assigned = _bundle_app_pks(s, session_id, expert_id)
        if not assigned:
            raise _refused(f"专家“{expert.name}”在批次“{sess.name}”中没有分配任何申报，不能制作评审包",
                           "bundle.no_assignments", M("bundle.no_assignments_expert", expert=expert.name),
                           M("bundle.todo.assign"))
        excluded = sorted(_excluded(s, assigned).values(), key=lambda a: a.application_id)
        where = f"放入专家“{expert.name}”的评审包"
        if not pks:
            if excluded:
                raise _refused("；".join(excluded_message(a, where) for a in excluded)
                               + f"。专家“{expert.name}”没有其他可评审的申报", "bundle.all_excluded",
                               M("bundle.all_excluded_expert", expert=expert.name,
                                 applications=[a.application_id for a in excluded]), M("bundle.todo.assign"))
            raise _refused(f"专家“{expert.name}”的 {len(assigned)} 个分配申报均需回避，没有可评审的申报",
                           "bundle.all_conflicted", M("bundle.all_conflicted_expert", expert=expert.name,
                                                      n=len(assigned)), M("bundle.todo.assign"))
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
        note_msgs = tuple([excluded_msg(a, M("formal.where.bundle"), skipped=True) for a in excluded]
                          + [m for a in apps if (m := undecided_msg(a))])
        return _Plan(session_id, expert_id, expert.name, tuple(pks), rows, bundle, docs, bool(sess.band_mode), notes,
                     note_msgs)


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
        raise _refused(f"评审包密码至少 {MIN_CUSTOM_PASSWORD} 个字符（不计空格和横线）", "bundle.password_weak",
                       M("bundle.password_weak", n=MIN_CUSTOM_PASSWORD))
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
                raise _refused(f"目标文件已存在：{b.final}", "bundle.exists", M("bundle.exists"),
                               M("bundle.todo.folder"))
            os.replace(b.temp, b.final)
            placed.append(b.final)
        with store.write() as s:
            for b in built:
                p = b.plan
                # Re-check inside the write lock: a finalise, a conflict or an exclusion recorded
                # meanwhile (another window, the CLI) must not slip through.
                sess = s.get(ReviewSession, p.session_id)
                if sess is None or sess.state != "open":
                    raise _refused(f"评审批次“{sess.name if sess else p.session_id}”在制作评审包期间已定稿锁定，"
                                   "不能再制作评审包", "session.locked",
                                   M("bundle.session_locked", session=sess.name if sess else p.session_id))
                pks, _ = _bundle_app_pks(s, p.session_id, p.expert_id)
                if late := sorted(_excluded(s, p.app_pks).values(), key=lambda a: a.application_id):
                    raise _refused("；".join(excluded_message(a, f"放入专家“{p.expert_name}”的评审包")
                                            for a in late) + "（制作期间登记了不予受理），请重新制作评审包",
                                   "bundle.excluded", M("bundle.changed", expert=p.expert_name), M("bundle.todo.remake"))
                if tuple(pks) != p.app_pks:
                    raise _refused(f"专家“{p.expert_name}”的分配或回避关系在制作期间发生了变化，请重新制作评审包",
                                   "bundle.changed", M("bundle.changed", expert=p.expert_name), M("bundle.todo.remake"))
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


def _info(b: _Built, key) -> BundleInfo:
    plain = key.notice_problem.render() if getattr(key, "notice_problem", None) is not None else key.notice
    return BundleInfo(b.final, b.bundle_id, b.password, len(b.plan.apps), b.sha256, b.plan.expert_id,
                      b.plan.expert_name, tuple(a["application_id"] for a in b.plan.apps), b.secretary_fingerprint,
                      plain, b.plan.notes, key_notice_detail=key.notice, note_msgs=b.plan.note_msgs)


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
    return _info(built, key)


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
        raise _refused(f"评审组“{panel_name}”还没有分配任何申报，不能制作评审包", "bundle.no_assignments",
                       M("bundle.no_assignments_panel", panel=panel_name), M("bundle.todo.assign"))
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
                raise _refused(f"评审组“{panel_name}”没有可放入评审包的申报（其余均需回避）："
                               + next(str(e) for e in skipped if e.code == "bundle.all_excluded"),
                               "bundle.all_excluded", M("bundle.all_excluded_panel", panel=panel_name),
                               M("bundle.todo.assign"))
            raise _refused(f"评审组“{panel_name}”的专家对所分配的申报均需回避，没有生成评审包",
                           "bundle.all_conflicted", M("bundle.all_conflicted_panel", panel=panel_name),
                           M("bundle.todo.assign"))
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
    return [_info(b, key) for b in built]
