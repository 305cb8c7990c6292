"""The expert workspace (no Qt): opening bundles, sealed documents, keys, grading, undo, UI state."""

import base64
import hashlib
import json
import sqlite3
import stat
import sys

import pytest
from keyring.backends import fail

from nn_review.exchange import ExchangeError
from nn_review.formats.bundle import open_bundle_streaming
from nn_review.formats.bundle import open_bundle
from nn_review.expert import Change, PassphraseRequired, WorkspaceError, open_workspace, workspace_state
from nn_review.expert.intake import peek_bundle
from nn_review.keys import ephemeral_key, protected_key_file

from .expert_fixtures import (PASSPHRASE, MemoryKeyring, add, files_in, grade_fully, issue,  # noqa: F401
                              no_real_keyring, world, ws)


def _plain_markers(world, bid_data):
    """Byte strings that must never appear in the workspace folder: PDF headers, the bundle secret."""
    return [b"%PDF-", bid_data["secret"].encode(), "东盟小语种智能翻译关键技术研究".encode()]


# -- opening ------------------------------------------------------------------------------

def test_streaming_open_agrees_with_open_bundle(world, tmp_path):
    info = issue(world, tmp_path)
    got = {}
    sb = open_bundle_streaming(info.path, info.password,
                               lambda a, s, chunks: got.__setitem__((a, s), b"".join(chunks)),
                               trusted_secretary_fingerprint=world.secretary.fingerprint)
    with open_bundle(info.path, info.password) as ob:
        assert sb.data == ob.data and sb.sha256 == ob.sha256 == info.sha256
        for (aid, sha), data in got.items():
            assert ob.document_path(aid, sha).read_bytes() == data
            assert hashlib.sha256(data).hexdigest() == sha
    assert len(got) == 2 * len(info.application_ids)
    with pytest.raises(ExchangeError) as e:
        sb.document_path(*next(iter(got)))
    assert e.value.code == "bundle.no_files"


def test_add_bundle_keeps_documents_sealed_and_shows_them_from_memory(world, ws, tmp_path):
    bid, info = add(ws, world, tmp_path)
    data = ws.bundle_data(bid)
    apps = ws.applications(bid)
    assert [a.application_id for a in apps] == list(info.application_ids)
    assert {a.status for a in apps} == {"not_started"}
    for a in apps:
        for d in a.documents:
            pdf = ws.document_bytes(bid, a.application_id, d["sha256"])
            assert pdf.startswith(b"%PDF-") and hashlib.sha256(pdf).hexdigest() == d["sha256"]
    # Nothing in the workspace folder is plaintext: no PDF, no bundle secret, no application title.
    for f in files_in(ws.root):
        raw = f.read_bytes()
        for marker in _plain_markers(world, data):
            assert marker not in raw, (f, marker)
    assert not any(p.name.startswith(".incoming") for p in (ws.root / "docs").iterdir())
    b = ws.bundle(bid)
    assert (b.session_name, b.expert_name, b.app_count, b.secretary_fingerprint) == (
        "2025年度第一批评审", "王建国", 3, world.secretary.fingerprint)
    with pytest.raises(WorkspaceError) as e:
        ws.add_bundle(info.path, info.password)
    assert e.value.code == "workspace.bundle_held"


def test_sealed_document_swapped_or_damaged_is_refused(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    a, b = ws.applications(bid)[:2]
    pa = ws.docs_dir / bid / a.application_id / f"{a.documents[0]['sha256']}.nnxs"
    pb = ws.docs_dir / bid / b.application_id / f"{b.documents[0]['sha256']}.nnxs"
    pa.write_bytes(pb.read_bytes())  # another application's (valid) sealed document
    with pytest.raises(WorkspaceError, match="校验失败") as e:
        ws.document_bytes(bid, a.application_id, a.documents[0]["sha256"])
    assert e.value.code == "workspace.sealed"


def test_wrong_password_refused_and_workspace_unchanged(world, ws, tmp_path):
    info = issue(world, tmp_path)
    before = files_in(ws.root)
    with pytest.raises(ExchangeError) as e:
        ws.add_bundle(info.path, "ABCDE-FGHJK-LMNPQ-RSTUV")
    assert e.value.code == "bundle.password" and "密码错误" in e.value.message
    assert ws.bundles() == [] and ws.trusted_secretaries() == []
    assert [p for p in files_in(ws.root) if p not in before and "sqlite" not in p.name] == []
    assert list((ws.root / "docs").iterdir()) == []


def test_forged_bundles_refused(world, ws, tmp_path):
    info = issue(world, tmp_path)
    raw = bytearray(info.path.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # one bit in the ciphertext
    bad = tmp_path / "bad.nnrb"
    bad.write_bytes(bytes(raw))
    with pytest.raises(ExchangeError) as e:
        ws.add_bundle(bad, info.password)
    assert e.value.code == "bundle.signature" and "签名校验失败" in e.value.message
    ws.add_bundle(info.path, info.password)  # the genuine one pins the secretary's key (first use)
    assert ws.trusted_secretaries() == [world.secretary.fingerprint]
    # An impostor re-signs a bundle with their own key: refused against the pin, and against the letter.
    impostor = ephemeral_key("secretary", "impostor")
    from nn_review.exchange.bundles import make_bundle
    forged = make_bundle(world.store, world.sid, world.experts["李秀英"], tmp_path / "forged", secretary_key=impostor)
    with pytest.raises(ExchangeError) as e:
        ws.add_bundle(forged.path, forged.password)
    assert e.value.code == "bundle.untrusted" and impostor.fingerprint in e.value.message
    with pytest.raises(ExchangeError) as e:
        ws.add_bundle(forged.path, forged.password, trusted_fingerprint=world.secretary.fingerprint)
    assert e.value.code == "bundle.untrusted"
    assert len(ws.bundles()) == 1 and len(list((ws.root / "docs").iterdir())) == 1
    not_a_bundle = tmp_path / "x.nnrb"
    not_a_bundle.write_bytes(b"PK\x03\x04 not a bundle")
    with pytest.raises(ExchangeError) as e:
        ws.add_bundle(not_a_bundle, "whatever")
    assert e.value.code == "bundle.magic"


def test_peek_reads_the_header_without_password(world, ws, tmp_path):
    info = issue(world, tmp_path)
    p = peek_bundle(ws, info.path)
    assert (p.bundle_id, p.expert_name, p.secretary_fingerprint, p.held, p.trusted) == (
        info.bundle_id, "王建国", world.secretary.fingerprint, False, False)
    ws.add_bundle(info.path, info.password)
    p = peek_bundle(ws, info.path)
    assert p.held and p.trusted and not p.removed


def test_several_bundles_at_once(world, ws, tmp_path):
    from .exchange_fixtures import build_world
    other = build_world(tmp_path / "second", n_apps=2, session="2025年度第二批评审")
    other.secretary = world.secretary
    b1, _ = add(ws, world, tmp_path)
    b2, _ = add(ws, other, tmp_path / "second")
    assert {b.session_name for b in ws.bundles()} == {"2025年度第一批评审", "2025年度第二批评审"}
    grade_fully(ws, b2, ws.applications(b2)[0].application_id)
    assert ws.progress(b1) == (0, 3) and ws.progress(b2) == (1, 2)
    with pytest.raises(WorkspaceError, match="多个评审包"):
        ws.find_bundle(None)
    assert ws.find_bundle(b2[:8]).bundle_id == b2
    other.store.close()


# -- keys ---------------------------------------------------------------------------------

def test_no_keyring_backend_uses_a_passphrase_protected_key_file(world, tmp_path, monkeypatch):
    monkeypatch.delenv("NN_REVIEW_KEYRING")
    backend = fail.Keyring()
    root = tmp_path / "laptop"
    st = workspace_state(root, keyring_backend=backend)
    assert (st.storage, st.creating, st.needs_passphrase) == ("passphrase", True, True)
    assert "没有可用的系统钥匙串" in st.notice and "口令" in st.notice and "不会以明文保存" in st.notice
    with pytest.raises(PassphraseRequired) as e:
        open_workspace(root, keyring_backend=backend)
    assert e.value.creating
    with pytest.raises(WorkspaceError, match="至少 8 个字符"):
        open_workspace(root, passphrase="short", keyring_backend=backend)
    w = open_workspace(root, passphrase=PASSPHRASE, keyring_backend=backend)
    assert w.created and w.key_storage == "passphrase" and "口令" in w.key_notice
    bid, _ = add(w, world, tmp_path)
    key = w.signing_key(world.experts["王建国"])
    assert key.storage == "passphrase"
    path = protected_key_file("expert", str(world.experts["王建国"]), root / "keys")
    assert key.location == str(path)
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = key.private_key.private_bytes_raw()
    text = path.read_text()
    assert base64.b64encode(raw).decode() not in text and raw.hex() not in text  # never a plaintext key
    assert json.loads(text)["fingerprint"] == key.fingerprint
    assert not (tmp_path / "keys").exists() or not any((tmp_path / "keys").iterdir())  # no 0600 plaintext file
    w.close()
    st = workspace_state(root, keyring_backend=backend)
    assert (st.creating, st.needs_passphrase, st.notice) == (False, True, "")
    with pytest.raises(WorkspaceError) as e:
        open_workspace(root, passphrase="wrong passphrase", keyring_backend=backend)
    assert e.value.code == "workspace.passphrase" and "口令错误" in e.value.message
    w = open_workspace(root, passphrase=PASSPHRASE, keyring_backend=backend)
    assert w.signing_key(world.experts["王建国"]).fingerprint == key.fingerprint
    a = w.applications(bid)[0]
    assert w.document_bytes(bid, a.application_id, a.documents[0]["sha256"]).startswith(b"%PDF-")
    w.close()


def test_keyring_backend_holds_the_data_key_and_signing_key(world, tmp_path, monkeypatch):
    monkeypatch.delenv("NN_REVIEW_KEYRING")
    kr = MemoryKeyring()
    assert workspace_state(tmp_path / "w", keyring_backend=kr).needs_passphrase is False
    w = open_workspace(tmp_path / "w", keyring_backend=kr)
    assert w.key_storage == "keyring" and w.key_notice == ""
    bid, _ = add(w, world, tmp_path)
    eid = world.experts["王建国"]
    users = sorted(u for _s, u in kr.items)
    assert users == sorted([f"expert-data:{w.vault.workspace_id}", f"expert:{eid}"])
    assert not (tmp_path / "w" / "keys").exists() and not (tmp_path / "w" / "datakey.nnkey").exists()
    fpr = w.signing_key(eid).fingerprint
    w.close()
    w = open_workspace(tmp_path / "w", keyring_backend=kr)
    assert w.signing_key(eid).fingerprint == fpr and w.fingerprints() == [(eid, "王建国", fpr)]
    w.close()
    kr.items.pop(("nn-review", f"expert-data:{w.vault.workspace_id}"))
    with pytest.raises(WorkspaceError, match="系统钥匙串中没有此工作区的数据密钥"):
        open_workspace(tmp_path / "w", keyring_backend=kr)


# -- grading ------------------------------------------------------------------------------

def test_status_and_exact_problems(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    aid = ws.applications(bid)[0].application_id
    ws.set_grade(bid, aid, "c1", "B")
    ws.set_grade(bid, aid, "c2", "D")
    ws.set_opinion(bid, aid, "创新性不足")
    assert ws.draft(bid, aid).status == "in_progress"
    codes = {(p.field, p.code) for p in ws.mark_complete(bid, aid).problems}
    assert {("grades.c2.comment", "comment.missing"), ("grades.c3", "criterion.missing"),
            ("opinion", "opinion.too_short"), ("recommendation", "recommendation.missing")} <= codes
    assert ws.draft(bid, aid).status == "in_progress"
    msg = "；".join(p.message for p in ws.problems(bid, aid))
    assert "技术创新性与先进性" in msg and "评为 D（较差）" in msg and "实际 5 个" in msg
    grade_fully(ws, bid, aid, "D")
    assert ws.draft(bid, aid).status == "complete"
    total, missing = ws.draft(bid, aid).total(ws.form_for(bid, aid), False)
    assert (str(total), missing) == ("40.00", 0)
    ws.set_comment(bid, aid, "c3", "")  # a D without its reason: no longer complete
    assert ws.draft(bid, aid).status == "in_progress"
    with pytest.raises(WorkspaceError, match="A–E"):
        ws.set_grade(bid, aid, "c1", "F")
    with pytest.raises(WorkspaceError, match="没有指标 c9"):
        ws.set_grade(bid, aid, "c9", "A")
    with pytest.raises(WorkspaceError, match="固定档位"):
        ws.set_points(bid, aid, "c1", "90")


def test_recusal_needs_a_reason_and_excludes_the_application(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    aid = ws.applications(bid)[1].application_id
    ws.set_grade(bid, aid, "c1", "A")
    with pytest.raises(WorkspaceError, match="必须写明理由"):
        ws.set_recusal(bid, aid, True, "  ")
    ws.set_recusal(bid, aid, True, "本人曾在申报单位兼职")
    d = ws.draft(bid, aid)
    assert d.status == "recused" and ws.problems(bid, aid) == []
    assert d.review(False) == {"application_id": aid, "recused": True, "recusal_reason": "本人曾在申报单位兼职",
                               "grades": {}, "opinion": "", "recommendation": None, "updated_at": d.updated_at}
    assert ws.progress(bid) == (1, 3)
    ws.set_recusal(bid, aid, False)
    assert ws.draft(bid, aid).get("grade.c1")["grade"] == "A"  # withdrawn: earlier grades are back


def test_undo_redo_is_persisted_and_text_edits_coalesce(world, tmp_path):
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    bid, _ = add(w, world, tmp_path)
    a1, a2 = [a.application_id for a in w.applications(bid)[:2]]
    w.set_grade(bid, a1, "c1", "A")
    w.set_grade(bid, a1, "c1", "C")
    for text in ("技", "技术", "技术路线"):  # typing: one undo step
        w.set_opinion(bid, a1, text)
    w.set_grade(bid, a2, "c2", "B")
    w.close()
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    assert w.undo_redo_available(bid) == (True, False)
    assert w.undo(bid).change == Change(a2, "grade.c2")
    assert w.draft(bid, a2).is_empty
    assert w.undo(bid).change.field == "opinion" and w.draft(bid, a1).opinion == ""
    assert w.undo(bid).change.field == "grade.c1" and w.draft(bid, a1).get("grade.c1")["grade"] == "A"
    w.close()
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    assert w.redo(bid).change.field == "grade.c1" and w.draft(bid, a1).get("grade.c1")["grade"] == "C"
    assert w.redo(bid).change.field == "opinion" and w.draft(bid, a1).opinion == "技术路线"
    w.set_recommendation(bid, a1, "reject")  # a new action ends the redo chain
    assert w.undo_redo_available(bid) == (True, False) and w.redo(bid) is None
    assert w.undo(bid).change.field == "recommendation" and w.undo(bid).change.field == "opinion"
    while w.undo(bid):
        pass
    assert all(d.is_empty for d in w.drafts(bid).values())
    w.close()


def test_band_mode_points_pick_the_grade(tmp_path):
    from .exchange_fixtures import build_world
    world = build_world(tmp_path, band_mode=True)
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    bid, _ = add(w, world, tmp_path)
    aid = w.applications(bid)[0].application_id
    assert w.set_points(bid, aid, "c1", "87.5").draft.get("grade.c1") == {"grade": "B", "points": "87.5"}
    assert w.set_points(bid, aid, "c1", 92).draft.get("grade.c1") == {"grade": "A", "points": "92"}
    w.set_grade(bid, aid, "c1", "C")  # 92 is not a C: the points go
    assert w.draft(bid, aid).get("grade.c1") == {"grade": "C", "points": None}
    assert any(p.code == "points.missing" and p.field == "grades.c1.points" for p in w.problems(bid, aid))
    for bad in ("101", "abc", "1.23456"):
        with pytest.raises(WorkspaceError, match="分值"):
            w.set_points(bid, aid, "c1", bad)
    w.close()
    world.store.close()


def test_ui_state_and_last_bundle(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    aid = ws.applications(bid)[2].application_id
    ws.save_ui_state(bid, "", {"application": aid})
    ws.save_ui_state(bid, aid, {"form_scroll": 420, "doc": 1, "ticks": ["I15.R3"]})
    ws.close()
    w = open_workspace(ws.root, passphrase=PASSPHRASE)
    assert w.last_bundle() == bid and w.ui_state(bid) == {"application": aid}
    assert w.ui_state(bid, aid) == {"doc": 1, "form_scroll": 420, "ticks": ["I15.R3"]}
    w.close()


def test_every_change_is_committed_before_the_call_returns(world, ws, tmp_path):
    """Another connection (as after a crash) sees each grade at once; the store runs in WAL + FULL."""
    bid, _ = add(ws, world, tmp_path)
    aid = ws.applications(bid)[0].application_id
    con = sqlite3.connect(ws.db.path)
    with ws.db.read() as c:
        mode = c.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = c.exec_driver_sql("PRAGMA synchronous").scalar()
    assert (mode, sync) == ("wal", 2)
    for i, g in enumerate("ABCDE", 1):
        ws.set_grade(bid, aid, f"c{i}", g)
        grades = json.loads(con.execute("SELECT grades_json FROM reviews WHERE application_id = ?", (aid,)).fetchone()[0])
        assert grades[f"c{i}"]["grade"] == g
    con.close()


def test_superseding_bundle_keeps_unchanged_drafts(world, ws, tmp_path):
    bid1, _ = add(ws, world, tmp_path)
    aid = ws.applications(bid1)[0].application_id
    grade_fully(ws, bid1, aid, "A")
    info2 = issue(world, tmp_path)  # the secretary re-made the bundle
    r = ws.add_bundle(info2.path, info2.password)
    assert r.carried_over == 1 and ws.bundle(bid1).superseded_by == info2.bundle_id
    assert ws.draft(info2.bundle_id, aid).status == "complete"


def test_workspace_newer_than_program_is_refused(tmp_path):
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    w.close()
    con = sqlite3.connect(tmp_path / "ws" / "workspace.sqlite")
    con.execute("PRAGMA user_version=99")
    con.close()
    with pytest.raises(WorkspaceError, match="请升级"):
        open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)


def test_interrupted_intake_is_cleaned_up(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    (ws.docs_dir / ".incoming-deadbeef" / "NNKJ-1").mkdir(parents=True)  # killed while decrypting
    (ws.docs_dir / ("0" * 32)).mkdir()                                    # killed before the commit
    ws.clean_up()
    assert [p.name for p in ws.docs_dir.iterdir()] == [bid]


def test_an_edit_answers_with_what_it_left_behind(world, ws, tmp_path):
    """Every grading action returns an Edit read in its own write transaction: the draft, what is
    still missing, the bundle's progress and export state, undo/redo — callers need not read again."""
    from nn_review.expert import Edit
    bid, _ = add(ws, world, tmp_path)
    a1, a2, _a3 = [a.application_id for a in ws.applications(bid)]
    e = ws.set_grade(bid, a1, "c1", "B")
    assert isinstance(e, Edit) and e.application_id == a1 and e.draft == ws.draft(bid, a1)
    assert e.status == "in_progress" and e.progress == (0, 3) and (e.can_undo, e.can_redo) == (True, False)
    assert e.saved_at is not None and ws.last_saved == e.saved_at and e.change is None
    assert e.problems == tuple(ws.problems(bid, a1)) and any(p.field == "grades.c2" for p in e.problems)
    again = ws.set_grade(bid, a1, "c1", "B")  # already stored: nothing committed, the same answer
    assert again.saved_at is None and again.draft == e.draft and again.can_undo
    grade_fully(ws, bid, a1)
    done = ws.set_recusal(bid, a2, True, "本人曾在申报单位兼职")
    assert done.status == "recused" and done.progress == (2, 3) and done.problems == ()
    u = ws.undo(bid)
    assert u.change == Change(a2, "recusal") and u.status == "not_started" and u.progress == (1, 3)
    assert (u.can_undo, u.can_redo) == (True, True)
    r = ws.redo(bid)
    assert r.change == Change(a2, "recusal") and r.progress == (2, 3) and not r.can_redo
    m = ws.mark_complete(bid, a1)
    assert m.problems == () and m.status == "complete" and m.saved_at is None  # already complete
    assert not m.bundle.changed_since_export and m.bundle.last_revision is None
    ws.export(bid, tmp_path / "usb", partial=True)
    after = ws.set_opinion(bid, a1, ws.draft(bid, a1).opinion + "补充。")
    assert after.bundle.last_revision == 1 and after.bundle.changed_since_export
