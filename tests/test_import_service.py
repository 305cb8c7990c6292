"""Importing packages into a real store: atomic refusal, duplicates, replace, cancel, re-checks."""

import json

import pytest
from sqlalchemy import func, select

from nn_review.services.checks import run_checks
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages, remove_application
from nn_review.services.queries import application_detail, list_applications
from nn_review.services.sessions import create_session
from nn_review.store import StoreError, open_store
from nn_review.store.models import Application, AuditEvent, Document, Finding

from .helpers import files_under, manifest, unique_code, write_package


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store")
    ensure_builtin_guides(s)
    yield s
    s.close()


@pytest.fixture
def sid(store):
    return create_session(store, "测试批次")


def counts(store):
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Application)),
                s.scalar(select(func.count()).select_from(Document)),
                len(files_under(store.root / "blobs")))


def test_import_valid_package(store, sid, tmp_path):
    pkg = write_package(tmp_path)
    rep = import_packages(store, sid, [pkg])
    assert [r.outcome for r in rep.results] == ["imported"]
    rows = list_applications(store, sid)
    assert [r.application_id for r in rows] == ["NNKJ-2025-0137"]
    assert rows[0].check_status in {"pass", "fail", "attention"}  # checks ran after the batch
    d = application_detail(store, sid, "NNKJ-2025-0137")
    assert [doc.title for doc in d.documents] == ["项目申报书", "产学研合作协议"]
    for doc in d.documents:
        assert doc.file.read_bytes()[:5] == b"%PDF-" and doc.file.name == f"{doc.sha256}.pdf"
    assert d.findings and d.manifest["title"] == manifest()["title"]
    assert counts(store) == (1, 2, 2)
    assert files_under(store.tmp_dir) == []


def test_refused_package_leaves_nothing(store, sid, tmp_path):
    bad = manifest()
    bad["applicant"]["credit_code"] = "91450100MA5K3B7Q1A"  # wrong check digit
    pkg = write_package(tmp_path, bad)
    rep = import_packages(store, sid, [pkg])
    r = rep.results[0]
    assert r.outcome == "refused" and "校验位" in r.message and r.field.endswith("applicant.credit_code")
    assert counts(store) == (0, 0, 0)
    assert files_under(store.tmp_dir) == []
    with store.read() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "package.import")) is None


def test_batch_reports_each_file(store, sid, tmp_path):
    good = write_package(tmp_path, manifest(application_id="A-1"))
    dup = write_package(tmp_path, manifest(application_id="A-1", title="另一个标题"), name="dup.nnpkg")
    bad_m = manifest(application_id="A-2")
    for d in bad_m["documents"]:
        d["sha256"] = "0" * 64
    bad = write_package(tmp_path, bad_m, fill_hashes=False, name="bad.nnpkg")
    notzip = tmp_path / "x.nnpkg"
    notzip.write_bytes(b"not a zip at all")
    rep = import_packages(store, sid, [good, dup, bad, notzip])
    assert [r.outcome for r in rep.results] == ["imported", "duplicate", "refused", "refused"]
    assert "A-1" in rep.results[1].message
    assert rep.results[2].code == "document.sha256"
    assert counts(store)[0] == 1
    assert rep.summary_zh() == "已导入 1，重复 1，拒收 2"


def test_folder_import_and_replace(store, sid, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_package(folder, manifest(application_id="A-1"))
    write_package(folder, manifest(application_id="A-2", title="第二个项目"))
    (folder / "readme.txt").write_text("ignored")
    assert import_packages(store, sid, [folder]).counts["imported"] == 2
    newer = manifest(application_id="A-1", title="修改后的标题")
    pkg = write_package(tmp_path, newer, name="a1-v2.nnpkg")
    rep = import_packages(store, sid, [pkg], replace=True)
    assert rep.results[0].outcome == "replaced"
    assert application_detail(store, sid, "A-1").row.title == "修改后的标题"
    assert counts(store)[0] == 2


def test_identical_documents_stored_once(store, sid, tmp_path):
    from .helpers import docs_for
    m1, m2 = manifest(application_id="A-1"), manifest(application_id="A-2", title="第二个")
    docs = docs_for(m1)
    import_packages(store, sid, [write_package(tmp_path, m1, documents=docs),
                                 write_package(tmp_path, m2, documents=docs)])
    assert counts(store) == (2, 4, 2)
    remove_application(store, sid, "A-1")
    assert counts(store) == (1, 2, 2)  # still referenced by A-2
    remove_application(store, sid, "A-2")
    assert counts(store) == (0, 0, 0)
    with pytest.raises(StoreError, match="没有申报编号"):
        remove_application(store, sid, "A-2")


def test_cancel_keeps_finished_packages_only(store, sid, tmp_path):
    pkgs = [write_package(tmp_path, manifest(application_id=f"A-{i}", title=f"项目{i}")) for i in range(3)]
    state = {"stop": False}

    def progress(done, total, name):
        if name == "A-1.nnpkg":  # the user presses 取消 while the second file is being read
            state["stop"] = True

    rep = import_packages(store, sid, pkgs, progress=progress, cancel=lambda: state["stop"])
    outcomes = [r.outcome for r in rep.results]
    assert outcomes[0] == "imported" and outcomes[2] == "cancelled"
    imported = {r.application_id for r in rep.results if r.outcome == "imported"}
    assert {r.application_id for r in list_applications(store, sid)} == imported
    assert files_under(store.tmp_dir) == []


def test_cross_checks_reevaluated_on_add_and_remove(store, sid, tmp_path):
    a = write_package(tmp_path, manifest(application_id="A-1", title="同名项目"))
    import_packages(store, sid, [a])
    other = manifest(application_id="A-2", title="同名 项目")
    other["applicant"] = dict(other["applicant"], credit_code=unique_code(7), name="另一家公司")
    import_packages(store, sid, [write_package(tmp_path, other)])
    d = application_detail(store, sid, "A-1")
    dup = next(f for f in d.findings if f.rule_id == "X.DUP_TITLE")
    assert dup.status == "fail" and "A-2" in dup.message and d.row.check_status == "fail"
    remove_application(store, sid, "A-2")
    dup = next(f for f in application_detail(store, sid, "A-1").findings if f.rule_id == "X.DUP_TITLE")
    assert dup.status == "pass"


def test_finalised_session_refuses_import(store, sid, tmp_path):
    from nn_review.store.models import ReviewSession
    with store.write() as s:
        s.get(ReviewSession, sid).state = "finalised"
    with pytest.raises(StoreError, match="已定稿"):
        import_packages(store, sid, [write_package(tmp_path)])
    assert counts(store) == (0, 0, 0)


def test_checks_rerun_is_idempotent(store, sid, tmp_path):
    import_packages(store, sid, [write_package(tmp_path)])
    with store.read() as s:
        n1 = s.scalar(select(func.count()).select_from(Finding))
    run_checks(store, sid)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Finding)) == n1
        stored = s.scalar(select(Application)).manifest_json
    assert json.loads(stored)["application_id"] == "NNKJ-2025-0137"
