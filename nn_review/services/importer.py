"""Import application packages into a session.

Each package is its own transaction: a refused or failed one leaves no row and no file;
the ones before it stay. Documents are moved into the content-addressed blob store before
the commit; if the commit fails, blobs this import created are removed again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field as dc_field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from ..i18n import M, Msg, Problem, render
from ..package import ImportCancelled, PackageRefused, read_package
from ..package.errors import refusal_problem
from ..store import Store, StoreError
from ..store.db import IMPORT_PREFIX
from ..store.housekeeping import WorkDir, sweep
from ..store.locks import FileLock
from ..store.models import (Application, Assignment, Conflict, Document, Grade, Opinion, PanelApplication,
                            ReviewSession)
from .checks import has_unchecked, run_checks
from ..changes import operation

PACKAGE_SUFFIXES = (".nnpkg", ".zip")
OUTCOME_ZH = {"imported": "已导入", "replaced": "已替换", "duplicate": "重复", "refused": "拒收",
              "cancelled": "已取消", "failed": "失败"}

Progress = Callable[[int, int, str], None]  # (bytes done, bytes total, current file name)


@dataclass
class ImportResult:
    file: str
    outcome: str  # imported | replaced | duplicate | refused | cancelled | failed
    message: str = ""
    application_id: str | None = None
    code: str | None = None
    field: str | None = None
    warnings: list[str] = dc_field(default_factory=list)
    # What the GUI shows, in its language (issue 15): plain words first, technical detail apart.
    problem: Problem | None = dc_field(default=None, compare=False)
    warning_msgs: list[Msg] = dc_field(default_factory=list, compare=False)

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("problem", "warning_msgs")}

    def text(self, lang: str | None = None) -> str:
        """The plain text of the outcome in ``lang`` (the message itself where no Msg was made)."""
        return self.problem.render(lang) if self.problem is not None else self.message

    @property
    def detail(self) -> str:
        return self.problem.detail if self.problem is not None else ""

    def warning_texts(self, lang: str | None = None) -> list[str]:
        return [render(w, lang) for w in self.warning_msgs] if self.warning_msgs else list(self.warnings)


@dataclass
class BatchReport:
    results: list[ImportResult]

    @property
    def counts(self) -> Counter:
        return Counter(r.outcome for r in self.results)

    def summary(self, lang: str | None = None) -> str:
        """"已导入 3，拒收 1" / "Imported: 3, Refused: 1" in ``lang``."""
        c = self.counts
        parts = [M("package.count", outcome=M(f"package.outcome.{k}"), n=c[k]) for k in OUTCOME_ZH if c[k]]
        return render(M("package.summary_sep"), lang).join(render(p, lang) for p in parts) or render(
            M("package.no_files"), lang)

    def summary_zh(self) -> str:
        c = self.counts
        return "，".join(f"{OUTCOME_ZH[k]} {c[k]}" for k in OUTCOME_ZH if c[k]) or "没有文件"


def collect_package_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders expanded (recursively) to their .nnpkg/.zip files, sorted, unique."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in PACKAGE_SUFFIXES))
        else:
            out.append(p)
    seen: set[Path] = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]


WAITING = "等待另一个导入完成…"


def import_lock(store: Store) -> FileLock:
    """One import at a time per store (CLI beside the GUI, two terminals): held by the process for
    the whole batch and its checks, released by the OS if the process dies."""
    store.locks_dir.mkdir(exist_ok=True, mode=0o700)
    return FileLock(store.locks_dir / "import.lock")


def another_import_message(owner: str) -> str:
    pid = owner.split(" ", 1)
    who = f"（进程 {pid[0]}，开始于 {pid[1]}）" if len(pid) == 2 else ""
    return f"另一个导入正在进行{who}，等待其完成后继续…"


@operation
def import_packages(store: Store, session_id: int, paths: Iterable[str | Path], *, replace: bool = False,
                    progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                    on_wait: Callable[[str], None] | None = None, wait: float | None = None) -> BatchReport:
    """Import a batch. Concurrent imports into the same store are serialised: this one waits
    (``on_wait(message)`` is told once; ``progress`` shows 等待另一个导入完成…) until the other is
    done, or until ``cancel()`` / ``wait`` seconds — then nothing is imported and StoreError
    (``wait``) or all files ``cancelled`` is the answer."""
    files = collect_package_files(paths)
    _session_open(store, session_id)
    lock = import_lock(store)

    def told(owner: str) -> None:
        if on_wait:
            on_wait(another_import_message(owner))
        if progress:
            progress(0, 0, str(M("package.waiting")))  # shown by the GUI's progress: its language

    if not lock.acquire(wait=wait, cancel=cancel, on_wait=told):
        if cancel and cancel():
            return BatchReport([ImportResult(str(p), "cancelled", "用户取消，未导入", problem=Problem(M("package.cancelled")))
                                for p in files])
        raise StoreError(another_import_message(lock.owner()).replace("，等待其完成后继续…", "，请等其完成后再导入"))
    try:
        sweep(store.tmp_dir, IMPORT_PREFIX)  # what a killed import left (plaintext PDFs)
        _session_open(store, session_id)     # it may have been finalised while we waited
        return _import_batch(store, session_id, files, replace, progress, cancel)
    finally:
        lock.release()


def _session_open(store: Store, session_id: int) -> None:
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise StoreError(f"没有评审批次 {session_id}")
        if sess.state != "open":
            raise StoreError(f"评审批次“{sess.name}”已定稿锁定，不能再导入申报包")


def _import_batch(store: Store, session_id: int, files: list[Path], replace: bool, progress: Progress | None,
                  cancel: Callable[[], bool] | None) -> BatchReport:
    sizes = [f.stat().st_size if f.is_file() else 0 for f in files]
    total, done = sum(sizes), 0
    results: list[ImportResult] = []
    for i, path in enumerate(files):
        if cancel and cancel():
            results.extend(ImportResult(str(p), "cancelled", "用户取消，未导入", problem=Problem(M("package.cancelled")))
                           for p in files[i:])
            break
        base = done

        def on_bytes(n: int, _base=base, _size=sizes[i], _name=path.name) -> None:
            if progress:
                progress(_base + min(n, _size), total, _name)

        try:
            result = _import_one(store, session_id, path, replace, on_bytes, cancel)
        except Exception as e:  # a bug on one file must not stop the batch (issue 12)
            result = ImportResult(str(path), "failed", f"导入时出错（未导入）：{type(e).__name__}: {e}",
                                  code="import.error",
                                  problem=Problem(M("package.failed"), detail=f"code: import.error; {type(e).__name__}: {e}"))
        results.append(result)
        done += sizes[i]
        if progress:
            progress(done, total, path.name)
        if result.outcome == "cancelled":
            results.extend(ImportResult(str(p), "cancelled", "用户取消，未导入", problem=Problem(M("package.cancelled")))
                           for p in files[i + 1:])
            break
    report = BatchReport(results)
    # Also packages an earlier, killed import left unchecked (re-importing them says 重复).
    if report.counts["imported"] or report.counts["replaced"] or has_unchecked(store, session_id):
        run_checks(store, session_id)
    return report


def _import_one(store: Store, session_id: int, path: Path, replace: bool, on_bytes, cancel) -> ImportResult:
    if not path.is_file():
        return ImportResult(str(path), "refused", "文件不存在或不是普通文件", code="file.missing",
                            problem=refusal_problem("file.missing", None, "文件不存在或不是普通文件"))
    work = WorkDir(store.tmp_dir, IMPORT_PREFIX)  # plaintext PDFs: removed after, or at the next start if killed
    workdir = work.path
    try:
        try:
            pkg = read_package(path, workdir, cancel=cancel, progress=on_bytes)
        except PackageRefused as e:
            return ImportResult(str(path), "refused", e.message, code=e.code, field=e.field, problem=e.problem)
        except ImportCancelled:
            return ImportResult(str(path), "cancelled", "用户取消，未导入", problem=Problem(M("package.cancelled")))
        m = pkg.manifest
        app_id = m["application_id"]
        with store.read() as s:
            existing = s.scalar(select(Application).where(Application.session_id == session_id,
                                                         Application.application_id == app_id))
            if existing is not None and not replace:
                same = "（同一文件）" if existing.source_sha256 == pkg.source_sha256 else ""
                return ImportResult(str(path), "duplicate",
                                    f"本批次已有申报编号 {app_id}{same}；如需替换请选择“替换”",
                                    application_id=app_id, code="session.duplicate_id",
                                    problem=_duplicate(app_id, bool(same)))
        created: list[str] = []
        old_blobs: set[str] = set()
        replaced = False
        try:
            with store.write() as s:
                # Decided here, under the write lock: another process may have imported this id since
                # the look above. A duplicate stays a duplicate unless the user chose to replace.
                if s.get(ReviewSession, session_id).state != "open":
                    raise _Refused("评审批次已定稿锁定，不能再导入申报包", "session.locked")
                old = s.scalar(select(Application).where(Application.session_id == session_id,
                                                        Application.application_id == app_id))
                if old is not None and not replace:
                    same = "（同一文件）" if old.source_sha256 == pkg.source_sha256 else ""
                    return ImportResult(str(path), "duplicate",
                                        f"本批次已有申报编号 {app_id}{same}（刚由另一导入写入）；如需替换请选择“替换”",
                                        application_id=app_id, code="session.duplicate_id",
                                        problem=_duplicate(app_id, bool(same)))
                carried: _Carried | None = None
                if old is not None:
                    _refuse_if_reviewed(s, old)
                    carried = _Carried.take(s, old)
                    if old.formal_decision:  # a new file is decided on afresh; the audit keeps the old decision
                        store.audit(s, "formal.reset", session_id, application_id=app_id,
                                    old={"decision": old.formal_decision, "reason": old.formal_reason,
                                         "actor": old.formal_actor}, new={"decision": "", "reason": ""},
                                    reason="申报包文件已替换，形式审查结论需重新确认")
                    old_blobs, replaced = {d.blob for d in old.documents}, True
                    s.delete(old)
                    s.flush()
                app = _application_row(session_id, path, pkg)
                s.add(app)
                if carried is not None:
                    s.flush()
                    carried.give(s, app.id)
                for pos, doc in enumerate(pkg.documents):
                    rel, new = store.blobs.adopt(doc.temp_path, doc.sha256)
                    if new:
                        created.append(rel)
                    app.documents.append(Document(position=pos, path=doc.path, kind=doc.kind, title=doc.title,
                                                  sha256=doc.sha256, size=doc.size, page_count=doc.page_count,
                                                  blob=rel))
                store.audit(s, "package.replace" if old else "package.import", session_id,
                            application_id=app_id, file=path.name, sha256=pkg.source_sha256)
        except StoreError as e:  # a refusal decided inside the transaction (e.g. already graded)
            for rel in created:
                store.blobs.remove(rel)
            code = getattr(e, "code", "session.reviewed")
            return ImportResult(str(path), "refused", str(e), application_id=app_id, code=code,
                                problem=Problem(M("package.session_locked" if code == "session.locked"
                                                  else "package.reviewed"), detail=f"code: {code}"))
        except Exception as e:
            for rel in created:
                store.blobs.remove(rel)
            return ImportResult(str(path), "failed", f"写入存储失败：{e}", application_id=app_id, code="store.write",
                                problem=Problem(M("package.failed"), detail=f"code: store.write; {type(e).__name__}: {e}"))
        if old_blobs:
            _drop_unreferenced(store, old_blobs)
        return ImportResult(str(path), "replaced" if replaced else "imported",
                            f"{app_id} {m['title']}", application_id=app_id, warnings=pkg.warnings,
                            warning_msgs=pkg.warning_msgs)
    finally:
        work.close()


def _duplicate(app_id: str, same: bool) -> Problem:
    return Problem(M("package.duplicate", application_id=app_id, same=M("package.duplicate.same") if same else ""),
                   detail="code: session.duplicate_id")


class _Refused(StoreError):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def _application_row(session_id: int, path: Path, pkg) -> Application:
    m = pkg.manifest
    app = Application(
        session_id=session_id, application_id=m["application_id"], kind=m["kind"],
        guide_edition=m["guide_edition"], guide_item=m.get("guide_item"), direction=m.get("direction"),
        title=m["title"], applicant_name=m["applicant"]["name"],
        applicant_credit_code=m["applicant"]["credit_code"],
        requested=float(m["budget"]["requested"]), self_funded=float(m["budget"]["self_funded"]),
        period_start=date.fromisoformat(m["period"]["start"]), period_end=date.fromisoformat(m["period"]["end"]),
        source_name=path.name, source_sha256=pkg.source_sha256, source_size=pkg.source_size,
        check_status="unchecked")
    app.manifest = m
    app.warnings = pkg.warnings
    return app


def _refuse_if_reviewed(s, app: Application) -> None:
    """Experts' grades refer to the package as it was reviewed: it can no longer be swapped or dropped."""
    graded = s.scalar(select(func.count()).select_from(Grade).where(Grade.application_pk == app.id))
    opined = s.scalar(select(func.count()).select_from(Opinion).where(Opinion.application_pk == app.id))
    if graded or opined:
        raise StoreError(f"申报包 {app.application_id} 已有专家评分，不能替换或移除（专家评审的是已导入的版本）")


@dataclass
class _Carried:
    """What the secretary decided about a package, kept when the package file is replaced:
    its panel, its assignments, manual/declared conflicts and dismissals (auto conflicts are
    re-detected from the new manifest)."""
    panels: list[int]
    experts: list[tuple[int, int]]   # (panel id, expert id)
    conflicts: list[Conflict]

    @classmethod
    def take(cls, s, app: Application) -> _Carried:
        panels = list(s.scalars(select(PanelApplication.panel_id).where(PanelApplication.application_pk == app.id)))
        experts = [(a.panel_id, a.expert_id) for a in
                   s.scalars(select(Assignment).where(Assignment.application_pk == app.id))]
        conflicts = [Conflict(session_id=c.session_id, expert_id=c.expert_id, source=c.source, reason=c.reason,
                              dismissed=c.dismissed, dismiss_reason=c.dismiss_reason, created_at=c.created_at)
                     for c in s.scalars(select(Conflict).where(Conflict.application_pk == app.id))
                     if c.source != "auto" or c.dismissed]
        return cls(panels, experts, conflicts)

    def give(self, s, pk: int) -> None:
        s.add_all(PanelApplication(panel_id=p, application_pk=pk) for p in self.panels)
        s.add_all(Assignment(panel_id=p, expert_id=e, application_pk=pk) for p, e in self.experts)
        for c in self.conflicts:
            c.application_pk = pk
            s.add(c)


def _drop_unreferenced(store: Store, blobs: set[str]) -> None:
    with store.read() as s:
        used = set(s.scalars(select(Document.blob).where(Document.blob.in_(blobs))))
    for rel in blobs - used:
        store.blobs.remove(rel)


@operation
def remove_application(store: Store, session_id: int, application_id: str) -> None:
    """Remove one package from the session (audited); checks are re-run since cross findings change."""
    with store.write() as s:
        app = s.scalar(select(Application).where(Application.session_id == session_id,
                                                Application.application_id == application_id))
        if app is None:
            raise StoreError(f"本批次没有申报编号 {application_id}")
        if app.session.state != "open":
            raise StoreError("评审批次已定稿锁定，不能移除申报包")
        _refuse_if_reviewed(s, app)
        blobs = {d.blob for d in app.documents}
        s.delete(app)
        store.audit(s, "package.remove", session_id, application_id=application_id)
    _drop_unreferenced(store, blobs)
    run_checks(store, session_id)
