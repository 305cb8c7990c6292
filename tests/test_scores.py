"""Score files (.nnscore): writing on the laptop side, verified import, refusals, overview, CLI."""

import decimal
import json

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.exchange import ExchangeError
from nn_review.exchange.bundles import make_bundle
from nn_review.formats.bundle import open_bundle
from nn_review.formats.canonical import b64d, canonical_json
from nn_review.formats.scorefile import FORMAT, body_mac, read_score_file, seal, verify_score_file, write_score_file
from nn_review.exchange.scores_import import import_score_files, repin_expert_key, returns_overview
from nn_review.keys import ephemeral_key, load_or_create_key
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session
from nn_review.store import models as M

from .exchange_fixtures import (add_conflict, build_world, good_review, no_real_keyring,  # noqa: F401
                                table_counts)
from .helpers import manifest, write_package


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path)
    w.keys = {name: ephemeral_key("expert", name) for name in w.experts}
    yield w
    w.store.close()


def issue(world, tmp_path, expert="王建国"):
    """Make the expert's bundle and open it as the expert's laptop would."""
    info = make_bundle(world.store, world.sid, world.experts[expert], tmp_path / "out", secretary_key=world.secretary)
    return open_bundle(info.path, info.password, trusted_secretary_fingerprint=world.secretary.fingerprint,
                       out_dir=tmp_path / "laptop" / expert / info.bundle_id[:8])


def score(world, ob, revision, reviews=None, expert="王建国", name=None, **kw):
    reviews = reviews if reviews is not None else [good_review(a["application_id"]) for a in ob.applications]
    path = ob.root.parent / (name or f"{expert}-r{revision}.nnscore")
    write_score_file(path, ob, kw.pop("key", world.keys[expert]), revision, reviews, **kw)
    return path


def imported(world, *paths, sid=None):
    return import_score_files(world.store, sid or world.sid, paths)


def refused(world, path, code, *fragments, sid=None):
    """Import must refuse with ``code`` and leave every table exactly as it was."""
    before = table_counts(world.store)
    with world.store.read() as s:
        pins = {e.id: e.key_fingerprint for e in s.scalars(select(M.Expert))}
    [r] = imported(world, path, sid=sid)
    assert (r.outcome, r.code) == ("refused", code), r.message
    for f in fragments:
        assert f in r.message, (f, r.message)
    assert table_counts(world.store) == before
    with world.store.read() as s:
        assert {e.id: e.key_fingerprint for e in s.scalars(select(M.Expert))} == pins
    return r


def rows(world, expert="王建国"):
    eid = world.experts[expert]
    with world.store.read() as s:
        return {m.__tablename__: s.scalars(select(m).where(m.expert_id == eid)).all()
                for m in (M.Grade, M.Opinion, M.Recommendation)}


def rewrite(path, edit, secret=None, key=None):
    """Edit a score file's body; optionally re-HMAC with ``secret`` and re-sign with ``key``."""
    obj = json.loads(path.read_bytes())
    body = {k: obj[k] for k in ("format", "bundle_id", "session_id", "expert_id", "revision", "created_at", "reviews")}
    edit(body)
    if secret is not None and key is not None:
        obj = seal(body, secret, key.private_key)
    else:
        obj = dict(body, **{k: obj[k] for k in ("hmac", "expert_public_key", "signature")})
        if secret is not None:
            obj["hmac"] = body_mac(body, secret)
    out = path.with_name("edited-" + path.name)
    out.write_bytes(canonical_json(obj))
    return out


# -- writing & verifying ------------------------------------------------------------------

def test_score_file_is_canonical_and_verifies(world, tmp_path):
    ob = issue(world, tmp_path)
    path = score(world, ob, 1)
    raw = path.read_bytes()
    obj = json.loads(raw)
    assert raw == canonical_json(obj) and b": " not in raw
    assert obj["format"] == FORMAT and obj["bundle_id"] == ob.bundle_id and obj["expert_id"] == world.experts["王建国"]
    assert set(obj) == {"format", "bundle_id", "session_id", "expert_id", "revision", "created_at", "reviews", "hmac",
                        "expert_public_key", "signature"}
    sf = verify_score_file(path, ob.secret)
    assert sf.fingerprint == world.keys["王建国"].fingerprint and sf.revision == 1
    with pytest.raises(ExchangeError, match="HMAC"):
        verify_score_file(path, b"x" * 32)


def test_write_refuses_incomplete_reviews_before_writing(world, tmp_path):
    ob = issue(world, tmp_path)
    bad = good_review(ob.applications[0]["application_id"], grade="D")
    bad["grades"]["c2"]["comment"] = ""
    with pytest.raises(ExchangeError, match="c2“技术创新性与先进性”评为 D"):
        score(world, ob, 1, [bad])
    with pytest.raises(ExchangeError, match="不在评审包内"):
        score(world, ob, 1, [good_review("NNKJ-OTHER")])
    with pytest.raises(ExchangeError, match="修订号"):
        score(world, ob, 0)
    assert list(ob.root.parent.glob("*.nnscore")) == []


# -- import: accepted ---------------------------------------------------------------------

def test_import_happy_path(world, tmp_path):
    ob = issue(world, tmp_path)
    path = score(world, ob, 1)
    [r] = imported(world, path)
    assert r.outcome == "imported" and r.revision == 1 and r.applications == 3 and "王建国" in r.message
    got = rows(world)
    assert len(got["grades"]) == 18 and {g.grade for g in got["grades"]} == {"B"}
    assert [o.revision for o in got["opinions"]] == [1, 1, 1] and not any(o.recused for o in got["opinions"])
    assert {x.value for x in got["recommendations"]} == {"support"}
    with world.store.read() as s:
        e = s.get(M.Expert, world.experts["王建国"])
        assert e.key_fingerprint == world.keys["王建国"].fingerprint
        [pin] = s.scalars(select(M.KeyPin)).all()
        assert (pin.source, pin.fingerprint, pin.bundle_id) == ("first_import", e.key_fingerprint, ob.bundle_id)
        [imp] = s.scalars(select(M.ScoreImport)).all()
        assert (imp.revision, imp.file_name, imp.key_fingerprint) == (1, path.name, e.key_fingerprint)
        assert len(imp.reviews) == 3
        ev = s.scalar(select(M.AuditEvent).where(M.AuditEvent.action == "scores.import"))
        assert ev.details["revision"] == 1 and ev.session_id == world.sid


def test_later_revision_replaces_everything_for_the_bundle(world, tmp_path):
    ob = issue(world, tmp_path)
    a1, a2, a3 = world.app_ids
    imported(world, score(world, ob, 1))
    recused = {"application_id": a3, "recused": True, "recusal_reason": "与申报单位负责人为同一课题组成员"}
    rev2 = [good_review(a1, grade="A", recommendation="support_if_revised"), recused]
    [r] = imported(world, score(world, ob, 2, rev2))
    assert r.outcome == "imported" and r.applications == 2
    got = rows(world)
    pk = {v: k for k, v in world.apps.items()}
    assert {(pk[g.application_pk], g.grade, g.revision) for g in got["grades"]} == {(a1, "A", 2)}
    assert {(pk[o.application_pk], o.recused) for o in got["opinions"]} == {(a1, False), (a3, True)}
    assert [x.value for x in got["recommendations"]] == ["support_if_revised"]
    assert a2 not in {pk[o.application_pk] for o in got["opinions"]}  # dropped in rev 2: gone


def test_band_mode_points_imported_exactly(tmp_path):
    w = build_world(tmp_path, n_apps=1, band_mode=True)
    key = ephemeral_key("expert", "x")
    info = make_bundle(w.store, w.sid, w.experts["王建国"], tmp_path / "o", secretary_key=w.secretary)
    ob = open_bundle(info.path, info.password)
    assert ob.band_mode
    rev = good_review(w.app_ids[0], band_mode=True, points="87.35")
    path = tmp_path / "s.nnscore"
    write_score_file(path, ob, key, 1, [rev])
    [r] = import_score_files(w.store, w.sid, [path])
    assert r.outcome == "imported", r.message
    with w.store.read() as s:
        assert {g.points for g in s.scalars(select(M.Grade))} == {decimal.Decimal("87.35")}
        assert s.scalar(select(M.ScoreImport)).reviews[0]["grades"]["c1"]["points"] == "87.35"
    ob.close()


def test_key_from_the_file_fallback_signs_files(world, tmp_path):
    key = load_or_create_key("expert", "王建国", fallback_dir=tmp_path / "laptop-keys")
    assert key.storage == "file"
    ob = issue(world, tmp_path)
    [r] = imported(world, score(world, ob, 1, key=key))
    assert r.outcome == "imported"


# -- import: one test per refusal ---------------------------------------------------------

def test_tampered_byte_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    path = score(world, ob, 1)
    raw = path.read_bytes()
    tampered = path.with_name("t.nnscore")
    tampered.write_bytes(raw.replace(b'"grade":"B"', b'"grade":"A"', 1))  # one byte: B → A
    refused(world, tampered, "scores.hmac", "HMAC 校验失败", "t.nnscore")
    # an expert who knows the bundle secret and re-computes the HMAC still breaks the signature
    resealed = rewrite(path, lambda b: b["reviews"][0]["grades"]["c1"].update(grade="A"), secret=ob.secret)
    refused(world, resealed, "scores.signature", "签名无效")


def test_not_a_score_file_or_malformed_field(world, tmp_path):
    ob = issue(world, tmp_path)
    junk = tmp_path / "junk.nnscore"
    junk.write_bytes(b"\x89PNG\r\n")
    refused(world, junk, "scores.not_score_file", "不是评分文件")
    junk.write_text(json.dumps({"format": "nnpkg/1"}), encoding="utf-8")
    refused(world, junk, "scores.not_score_file", "nnscore/1")
    path = score(world, ob, 1)
    bad = rewrite(path, lambda b: b["reviews"][1]["grades"]["c3"].update(grade=3))
    r = refused(world, bad, "scores.malformed", "reviews[1].grades.c3.grade", "类型错误")
    assert r.field == "reviews[1].grades.c3.grade"
    bad = rewrite(path, lambda b: b.pop("revision"))
    refused(world, bad, "scores.malformed", "revision", "缺失")


def test_file_swapped_between_experts_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    path = score(world, ob, 1)
    # 王建国 re-labels his own (validly keyed and signed) file as 李秀英's
    swapped = rewrite(path, lambda b: b.update(expert_id=world.experts["李秀英"]), secret=ob.secret,
                      key=world.keys["王建国"])
    refused(world, swapped, "scores.wrong_expert", "李秀英", "王建国", "换到了别的专家名下")
    # and 李秀英 cannot pass off a file written for 王建国's bundle: she lacks that bundle's secret
    forged = rewrite(path, lambda b: b.update(expert_id=world.experts["李秀英"]), secret=b"\0" * 32,
                     key=world.keys["李秀英"])
    refused(world, forged, "scores.hmac")


def test_replayed_old_revision_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    r1, r2 = score(world, ob, 1), score(world, ob, 2)
    assert [r.outcome for r in imported(world, r2)] == ["imported"]
    refused(world, r1, "scores.replay", "修订号 1 不大于已导入的修订号 2")
    refused(world, r2, "scores.replay", "已导入过（同一文件")


def test_file_of_another_session_refused(world, tmp_path):
    sid2 = create_session(world.store, "2025年度第二批评审")
    pkg = write_package(tmp_path, manifest(application_id="NNKJ-2025-9001"))
    import_packages(world.store, sid2, [pkg])
    with world.store.write() as s:
        app = s.scalar(select(M.Application).where(M.Application.session_id == sid2))
        panel = M.Panel(session_id=sid2, name="第二组")
        s.add(panel)
        s.flush()
        s.add(M.Assignment(panel_id=panel.id, expert_id=world.experts["王建国"], application_pk=app.id))
    info = make_bundle(world.store, sid2, world.experts["王建国"], tmp_path / "o2", secretary_key=world.secretary)
    ob = open_bundle(info.path, info.password)
    path = score(world, ob, 1, name="other-session.nnscore")
    refused(world, path, "scores.wrong_session", "2025年度第二批评审", "2025年度第一批评审")
    assert imported(world, path, sid=sid2)[0].outcome == "imported"
    ob.close()


def test_unknown_bundle_refused(world, tmp_path):
    other = build_world(tmp_path / "elsewhere")
    info = make_bundle(other.store, other.sid, other.experts["王建国"], tmp_path / "o", secretary_key=other.secretary)
    ob = open_bundle(info.path, info.password)
    refused(world, score(world, ob, 1, name="foreign.nnscore"), "scores.unknown_bundle", "不是本存储发出的")
    ob.close()


def test_grades_for_an_application_outside_the_bundle_refused(world, tmp_path):
    add_conflict(world, "王建国", world.app_ids[2])  # conflicted: not in his bundle
    ob = issue(world, tmp_path)
    assert [a["application_id"] for a in ob.applications] == world.app_ids[:2]
    path = score(world, ob, 1, [good_review(world.app_ids[0]), good_review(world.app_ids[2])], check=False)
    r = refused(world, path, "scores.unknown_application", world.app_ids[2], "评审包之外")
    assert r.field == "reviews[1].application_id"


def test_grade_outside_the_form_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    a1 = world.app_ids[0]
    bad = good_review(a1)
    bad["grades"]["c2"]["grade"] = "F"
    bad["grades"]["c7"] = {"grade": "A", "comment": ""}
    path = score(world, ob, 1, [bad], check=False)
    r = refused(world, path, "scores.invalid_review", a1, "没有指标 c7", "A–E 之一")
    assert r.field == "reviews[0].grades.c7"
    short = good_review(a1, grade="E")
    short["opinion"] = "不建议支持。"
    refused(world, score(world, ob, 2, [short], check=False), "scores.invalid_review", "至少 50 个汉字")


def test_key_change_needs_a_repin(world, tmp_path):
    ob = issue(world, tmp_path)
    imported(world, score(world, ob, 1))
    new_key = ephemeral_key("expert", "new laptop")
    path = score(world, ob, 2, key=new_key)
    r = refused(world, path, "scores.key_changed", world.keys["王建国"].fingerprint, new_key.fingerprint, "repin-key")
    assert r.field == "expert_public_key"
    eid = world.experts["王建国"]
    with pytest.raises(ExchangeError, match="理由"):
        repin_expert_key(world.store, eid, new_key.fingerprint, "  ")
    with pytest.raises(ExchangeError, match="十六进制"):
        repin_expert_key(world.store, eid, "1234", "换电脑")
    fpr = repin_expert_key(world.store, eid, new_key.fingerprint.lower().replace(" ", ""), "已电话核实：专家更换了电脑")
    assert fpr == new_key.fingerprint
    assert imported(world, path)[0].outcome == "imported"
    with world.store.read() as s:
        pins = s.scalars(select(M.KeyPin).order_by(M.KeyPin.id)).all()
        assert [(p.source, p.fingerprint) for p in pins] == [("first_import", world.keys["王建国"].fingerprint),
                                                              ("repin", new_key.fingerprint)]
        assert pins[1].reason == "已电话核实：专家更换了电脑"
        ev = s.scalar(select(M.AuditEvent).where(M.AuditEvent.action == "expert.repin_key"))
        assert ev.details["old"] == world.keys["王建国"].fingerprint and ev.details["new"] == new_key.fingerprint


def test_key_of_another_expert_refused_at_first_pin(world, tmp_path):
    imported(world, score(world, issue(world, tmp_path, "王建国"), 1))
    ob = issue(world, tmp_path, "李秀英")
    refused(world, score(world, ob, 1, expert="李秀英", key=world.keys["王建国"]), "scores.key_in_use", "王建国")


def test_superseded_bundle_refused(world, tmp_path):
    old = issue(world, tmp_path)
    issue(world, tmp_path)  # a new bundle for the same expert
    refused(world, score(world, old, 1), "scores.superseded", "取代")


def test_conflict_recorded_after_bundle_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    add_conflict(world, "王建国", world.app_ids[1])
    refused(world, score(world, ob, 1), "scores.conflicted", world.app_ids[1], "回避")
    recused = {"application_id": world.app_ids[1], "recused": True, "recusal_reason": "合作单位"}
    rest = [good_review(world.app_ids[0]), recused, good_review(world.app_ids[2])]
    assert imported(world, score(world, ob, 2, rest))[0].outcome == "imported"


def test_application_replaced_after_bundle_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    a1 = world.app_ids[0]
    m = manifest(application_id=a1, title="替换后的项目名称")
    m["applicant"]["credit_code"] = "91450100MA5K3B7Q1M"
    import_packages(world.store, world.sid, [write_package(tmp_path, m, name="replacement.nnpkg")], replace=True)
    refused(world, score(world, ob, 1), "scores.application_changed", a1, "已被替换")


def test_locked_session_refused(world, tmp_path):
    ob = issue(world, tmp_path)
    with world.store.write() as s:
        s.get(M.ReviewSession, world.sid).state = "finalised"
    refused(world, score(world, ob, 1), "session.locked", "已定稿")


# -- overview & CLI -----------------------------------------------------------------------

def test_returns_overview(world, tmp_path):
    add_conflict(world, "赵明", world.app_ids[0])
    ov = returns_overview(world.store, world.sid)
    assert {(e.name, e.status, e.bundle_id) for e in ov.experts} == {(n, "missing", None) for n in world.experts}
    assert [(a.assigned, a.returned) for a in ov.applications] == [(2, 0), (3, 0), (3, 0)]
    obs = {n: issue(world, tmp_path, n) for n in world.experts}
    imported(world, score(world, obs["王建国"], 1))
    part = [good_review(world.app_ids[1])]
    imported(world, score(world, obs["李秀英"], 1, part, expert="李秀英"))
    ov = returns_overview(world.store, world.sid)
    by = {e.name: e for e in ov.experts}
    assert (by["王建国"].status, by["王建国"].returned, by["王建国"].assigned, by["王建国"].revision) == ("received", 3, 3, 1)
    assert by["王建国"].key_fingerprint == world.keys["王建国"].fingerprint and by["王建国"].imported_at
    assert (by["李秀英"].status, by["李秀英"].returned) == ("partial", 1)
    assert (by["赵明"].status, by["赵明"].assigned, by["赵明"].revision) == ("missing", 2, None)
    assert [(a.application_id, a.assigned, a.returned) for a in ov.applications] == [
        (world.app_ids[0], 2, 1), (world.app_ids[1], 3, 2), (world.app_ids[2], 3, 1)]
    assert ov.counts == {"received": 1, "partial": 1, "missing": 1}
    json.dumps(ov.to_json(), ensure_ascii=False)


def test_cli_import_returns_repin(world, tmp_path, capsys):
    ob = issue(world, tmp_path)
    good, old = score(world, ob, 2), score(world, ob, 1)
    root = str(world.store.root)
    world.store.close()
    code = main(["--store", root, "session", "import-scores", str(good)])
    out = capsys.readouterr().out
    assert code == 0 and "[已导入]" in out and "修订 2" in out
    code = main(["--store", root, "session", "import-scores", str(old)])
    out = capsys.readouterr().out
    assert code == 2 and "[拒收]" in out and "revision：" in out and "旧文件或重放" in out
    code = main(["--store", root, "session", "returns"])
    out = capsys.readouterr().out
    assert code == 0 and "[已返回] 王建国  3/3 项" in out and "[未返回] 李秀英" in out
    code = main(["--store", root, "session", "returns", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert {e["name"]: e["status"] for e in data["experts"]}["王建国"] == "received"
    fpr = ephemeral_key().fingerprint
    code = main(["--store", root, "session", "repin-key", "王建国", "--fingerprint", fpr, "--reason", "更换电脑，已核实"])
    assert code == 0 and fpr in capsys.readouterr().out
    code = main(["--store", root, "session", "repin-key", "无此人", "--fingerprint", fpr, "--reason", "x"])
    assert code == 2 and "找不到唯一的专家" in capsys.readouterr().err


def test_reading_is_strict_about_unknown_fields(world, tmp_path):
    ob = issue(world, tmp_path)
    obj = json.loads(score(world, ob, 1).read_bytes())
    obj["reviews"][0]["bonus"] = 5
    with pytest.raises(ExchangeError, match=r"reviews\[0\]\.bonus 是未知字段"):
        read_score_file(canonical_json(obj), "x.nnscore")
    assert len(b64d(obj["signature"])) == 64


def test_recusal_becomes_a_declared_conflict_and_can_be_withdrawn(world, tmp_path):
    """回避 declared while reviewing shows in the conflict list; a later revision may withdraw it."""
    ob = issue(world, tmp_path)
    a1, a2, a3 = world.app_ids
    recused = {"application_id": a3, "recused": True, "recusal_reason": "与申报单位负责人为同一课题组成员"}
    [r] = imported(world, score(world, ob, 1, [good_review(a1), good_review(a2), recused]))
    assert r.outcome == "imported"
    with world.store.read() as s:
        c = s.scalars(select(M.Conflict).where(M.Conflict.source == "declared")).all()
        assert [(x.application_pk, x.expert_id) for x in c] == [(world.apps[a3], ob.expert["id"])]
        assert "同一课题组" in c[0].reason
    [r] = imported(world, score(world, ob, 2, [good_review(a1), good_review(a2), good_review(a3)]))
    assert r.outcome == "imported"
    with world.store.read() as s:
        assert not s.scalars(select(M.Conflict).where(M.Conflict.source == "declared")).all()
