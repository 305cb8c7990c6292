"""Signing keys, review bundles (.nnrb) and assignment letters, against a real store."""

import hashlib
import json
import os
import random
import shutil
import stat
import subprocess
import sys

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.compat import properties
from sqlalchemy import func, select

from nn_review.cli import main
from nn_review.exchange import ExchangeError
from nn_review.exchange.bundles import export_panel_bundles, make_bundle
from nn_review.formats.bundle import open_bundle
from nn_review.exchange.common import PASSWORD_ALPHABET, new_password
from nn_review.formats.container import PREFIX, SIG_LEN, normalize_password, read_header
from nn_review.exchange.letter import write_assignment_letter
from nn_review.keys import (KeyStoreError, ephemeral_key, fingerprint, key_file, load_or_create_key,
                            normalize_fingerprint, public_key_b64)
from nn_review.services.queries import application_detail
from nn_review.services.sessions import get_session
from nn_review.store import models as M

from .exchange_fixtures import add_conflict, build_world, no_real_keyring, table_counts  # noqa: F401
from .helpers import files_under


class MemoryKeyring(KeyringBackend):
    """keyring's test pattern: an in-memory backend. Its priority raises, so keyring never picks it itself."""

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("test only")  # not viable: keyring.get_keyring() never chooses it

    def __init__(self, refuse: bool = False):
        super().__init__()
        self.items, self.refuse = {}, refuse

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        if self.refuse:
            from keyring.errors import PasswordSetError
            raise PasswordSetError("locked")
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path)
    yield w
    w.store.close()


# -- keys ---------------------------------------------------------------------------------

def test_fingerprint_is_grouped_sha256_of_the_raw_public_key():
    k = ephemeral_key()
    raw = k.public_key.public_bytes_raw()
    fpr = fingerprint(k.public_key)
    assert fpr == " ".join(hashlib.sha256(raw).hexdigest()[:32].upper()[i:i + 4] for i in range(0, 32, 4))
    assert len(fpr.split()) == 8 and fingerprint(raw) == fpr
    assert normalize_fingerprint(fpr.lower().replace(" ", "-")) == fpr
    with pytest.raises(ValueError, match="32 个十六进制"):
        normalize_fingerprint("3F2A 9C01")


def test_key_in_memory_keyring_backend(tmp_path, monkeypatch):
    monkeypatch.delenv("NN_REVIEW_KEYRING")
    kr = MemoryKeyring()
    k1 = load_or_create_key("expert", "E001", keyring_backend=kr, fallback_dir=tmp_path / "k")
    assert (k1.storage, k1.created, k1.notice) == ("keyring", True, "")
    assert list(kr.items) == [("nn-review", "expert:E001")]
    assert kr.items[("nn-review", "expert:E001")].startswith("ed25519:")
    k2 = load_or_create_key("expert", "E001", keyring_backend=kr, fallback_dir=tmp_path / "k")
    assert not k2.created and k2.fingerprint == k1.fingerprint
    assert not (tmp_path / "k").exists()  # nothing written to disk


def test_key_file_fallback_without_keyring(tmp_path, monkeypatch):
    monkeypatch.delenv("NN_REVIEW_KEYRING")
    k1 = load_or_create_key("secretary", "秘书 甲", keyring_backend=fail.Keyring(), fallback_dir=tmp_path / "k")
    path = key_file("secretary", "秘书 甲", tmp_path / "k")
    assert k1.storage == "file" and k1.location == str(path) and k1.created
    assert "没有可用的系统钥匙串" in k1.notice and str(path) in k1.notice and "0600" in k1.notice
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    k2 = load_or_create_key("secretary", "秘书 甲", keyring_backend=fail.Keyring(), fallback_dir=tmp_path / "k")
    assert (k2.fingerprint, k2.created) == (k1.fingerprint, False)
    # a keyring that refuses to store also falls back (and says why)
    k3 = load_or_create_key("expert", "E9", keyring_backend=MemoryKeyring(refuse=True), fallback_dir=tmp_path / "k")
    assert k3.storage == "file" and "拒绝保存" in k3.notice


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_key_file_readable_by_others_is_refused(tmp_path):
    k = load_or_create_key("expert", "E2", fallback_dir=tmp_path)
    os.chmod(k.location, 0o644)
    with pytest.raises(KeyStoreError, match="权限过宽"):
        load_or_create_key("expert", "E2", fallback_dir=tmp_path)


def test_env_forces_file_even_with_a_keyring(tmp_path):
    kr = MemoryKeyring()
    k = load_or_create_key("expert", "E3", keyring_backend=kr, fallback_dir=tmp_path)
    assert k.storage == "file" and kr.items == {} and "NN_REVIEW_KEYRING=file" in k.notice


def test_passwords_are_typable_and_strong():
    pw = new_password()
    groups = pw.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5]
    assert set(pw.replace("-", "")) <= set(PASSWORD_ALPHABET) and len(PASSWORD_ALPHABET) == 32  # 20 × 5 = 100 bits
    assert not set("01IO") & set(PASSWORD_ALPHABET)
    assert normalize_password(pw.lower().replace("-", " ")) == pw.replace("-", "")
    assert len({new_password() for _ in range(50)}) == 50


# -- make / open --------------------------------------------------------------------------

def test_bundle_round_trip(world, tmp_path):
    eid = world.experts["王建国"]
    info = make_bundle(world.store, world.sid, eid, tmp_path / "out", secretary_key=world.secretary)
    assert info.app_count == 3 and info.application_ids == tuple(world.app_ids)
    assert info.sha256 == hashlib.sha256(info.path.read_bytes()).hexdigest()
    assert files_under(tmp_path / "out") == [info.path]  # no temp files left
    raw = info.path.read_bytes()
    assert "广西第1信息科技有限公司".encode() not in raw and b"%PDF" not in raw  # contents are encrypted

    # the expert types the password in lower case with spaces
    ob = open_bundle(info.path, info.password.lower().replace("-", " "),
                     trusted_secretary_fingerprint=world.secretary.fingerprint.replace(" ", ""),
                     out_dir=tmp_path / "expert")
    assert ob.bundle_id == info.bundle_id and ob.sha256 == info.sha256
    assert ob.secretary_fingerprint == world.secretary.fingerprint
    assert ob.expert == {"id": eid, "name": "王建国", "unit": "广西第1研究院"}
    assert ob.session["name"] == "2025年度第一批评审" and ob.session["band_mode"] is False
    assert ob.session["aggregation_rule"] == "trimmed_mean_from_5"
    assert len(ob.secret) == 32 and list(ob.forms) == ["form-a"]
    assert ob.form_for(world.app_ids[0]).criteria[1].name == "技术创新性与先进性"
    assert [i["number"] for i in ob.data["guide"]["items"]] == [15]
    assert "新一代信息技术" in ob.data["guide"]["items"][0]["title"]
    assert [p["id"] for p in ob.data["guide"]["plan_types"]] == ["key_rd"]
    for app_id in world.app_ids:
        d = application_detail(world.store, world.sid, app_id)
        a = ob.application(app_id)
        assert a["manifest"] == d.manifest
        assert [(x["title"], x["sha256"]) for x in a["documents"]] == [(x.title, x.sha256) for x in d.documents]
        for doc in d.documents:
            assert ob.document_path(app_id, doc.sha256).read_bytes() == doc.file.read_bytes()
    # the header is readable without the password and names who it is for
    header, _, _ = read_header(info.path)
    assert header["expert"]["name"] == "王建国" and header["kdf"] == {"name": "scrypt", "n": 2 ** 15, "r": 8,
                                                                     "p": 1, "length": 32}


def test_bundle_row_recorded_and_password_stored_nowhere(world, tmp_path):
    info = make_bundle(world.store, world.sid, world.experts["李秀英"], tmp_path / "out", secretary_key=world.secretary)
    with world.store.read() as s:
        row = s.scalar(select(M.Bundle))
        ev = s.scalar(select(M.AuditEvent).where(M.AuditEvent.action == "bundle.create"))
        assert (row.bundle_id, row.sha256, row.app_count, row.file_name) == (
            info.bundle_id, info.sha256, 3, info.path.name)
        assert [a["application_id"] for a in row.applications] == world.app_ids
        assert row.secretary_fingerprint == world.secretary.fingerprint and row.superseded_at is None
        assert ev.details["bundle_id"] == info.bundle_id
    db = b"".join(p.read_bytes() for p in world.store.root.glob("store.sqlite*"))
    assert info.password.encode() not in db and normalize_password(info.password).encode() not in db


def test_wrong_password_refused_and_nothing_left(world, tmp_path):
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out", secretary_key=world.secretary)
    with pytest.raises(ExchangeError) as e:
        open_bundle(info.path, "ABCDE-FGHJK-LMNPQ-RSTUV", out_dir=tmp_path / "x")
    assert e.value.code == "bundle.password" and "密码错误" in e.value.message
    assert files_under(tmp_path / "x") == []


def _flip(src, dst, pos):
    data = bytearray(src.read_bytes())
    data[pos] ^= 0x01
    dst.write_bytes(bytes(data))


def test_a_flipped_byte_anywhere_is_refused(world, tmp_path):
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out", secretary_key=world.secretary)
    size = info.path.stat().st_size
    hlen = PREFIX.unpack(info.path.read_bytes()[:PREFIX.size])[3]
    ct = PREFIX.size + hlen
    picks = {0, 3, 4, 5, 8, 11, PREFIX.size, PREFIX.size + hlen // 2, ct - 1, ct, ct + 1, (ct + size) // 2,
             size - SIG_LEN - 17, size - SIG_LEN - 1, size - SIG_LEN, size - 1}
    picks |= set(random.Random(7).sample(range(size), 24))
    bad = tmp_path / "bad.nnrb"
    for pos in sorted(picks):
        _flip(info.path, bad, pos)
        with pytest.raises(ExchangeError) as e:
            open_bundle(bad, info.password, out_dir=tmp_path / "x")
        assert e.value.code in {"bundle.magic", "bundle.version", "bundle.altered", "bundle.signature"}, pos
    assert files_under(tmp_path / "x") == []
    bad.write_bytes(info.path.read_bytes() + b"\0")  # appended byte
    with pytest.raises(ExchangeError, match="签名校验失败"):
        open_bundle(bad, info.password)
    bad.write_bytes(info.path.read_bytes()[:-1])  # truncated
    with pytest.raises(ExchangeError):
        open_bundle(bad, info.password)
    bad.write_bytes(b"PK\x03\x04 not a bundle")
    with pytest.raises(ExchangeError, match="不是评审包文件"):
        open_bundle(bad, info.password)


def test_bundle_signed_by_another_key_refused_when_trust_given(world, tmp_path):
    impostor = ephemeral_key("secretary", "impostor")
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out", secretary_key=impostor)
    with pytest.raises(ExchangeError) as e:
        open_bundle(info.path, info.password, trusted_secretary_fingerprint=world.secretary.fingerprint)
    assert e.value.code == "bundle.untrusted"
    assert impostor.fingerprint in e.value.message and world.secretary.fingerprint in e.value.message
    # a header whose key was swapped (re-signed by someone else) is caught by the signature
    data = info.path.read_bytes()
    forged = data.replace(impostor.public_b64.encode(), public_key_b64(world.secretary.public_key).encode())
    (tmp_path / "f.nnrb").write_bytes(forged)
    with pytest.raises(ExchangeError, match="改动"):
        open_bundle(tmp_path / "f.nnrb", info.password, trusted_secretary_fingerprint=world.secretary.fingerprint)


def test_conflicted_package_never_in_the_bundle(world, tmp_path):
    blocked, dismissed = world.app_ids[1], world.app_ids[2]
    add_conflict(world, "王建国", blocked)
    add_conflict(world, "王建国", dismissed, dismissed=True)  # a dismissed conflict does not block
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out", secretary_key=world.secretary)
    assert info.application_ids == (world.app_ids[0], dismissed)
    blocked_docs = {d.sha256 for d in application_detail(world.store, world.sid, blocked).documents}
    with open_bundle(info.path, info.password) as ob:
        assert blocked not in json.dumps(ob.data, ensure_ascii=False)
        assert not (ob.root / "docs" / blocked).exists()
        shipped = {p.stem for p in (ob.root / "docs").rglob("*.pdf")}
        assert shipped and not shipped & blocked_docs
        root = ob.root
    assert not root.exists()  # the temporary folder goes with close()


def test_refusals_when_nothing_to_review(world, tmp_path):
    with world.store.write() as s:
        lonely = M.Expert(roster_key="X1", name="钱多多", unit="某大学")
        s.add(lonely)
        s.flush()
        lonely_id = lonely.id
    with pytest.raises(ExchangeError, match="没有分配任何申报") as e:
        make_bundle(world.store, world.sid, lonely_id, tmp_path / "out", secretary_key=world.secretary)
    assert e.value.code == "bundle.no_assignments"
    for app_id in world.app_ids:
        add_conflict(world, "赵明", app_id)
    with pytest.raises(ExchangeError, match="均需回避"):
        make_bundle(world.store, world.sid, world.experts["赵明"], tmp_path / "out", secretary_key=world.secretary)
    assert files_under(tmp_path / "out") == []
    with world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(M.Bundle)) == 0


def test_new_bundle_supersedes_the_previous_one(world, tmp_path):
    eid = world.experts["王建国"]
    first = make_bundle(world.store, world.sid, eid, tmp_path / "out", secretary_key=world.secretary)
    second = make_bundle(world.store, world.sid, eid, tmp_path / "out", secretary_key=world.secretary)
    assert first.password != second.password
    with world.store.read() as s:
        rows = {b.bundle_id: b.superseded_at for b in s.scalars(select(M.Bundle))}
    assert rows[first.bundle_id] is not None and rows[second.bundle_id] is None


def test_custom_password_must_be_long_enough(world, tmp_path):
    with pytest.raises(ExchangeError, match="至少 12 个字符"):
        make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "o", password="short",
                    secretary_key=world.secretary)
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "o", password="my-long passphrase",
                       secretary_key=world.secretary)
    assert info.password == "my-long passphrase"
    open_bundle(info.path, "MYLONGPASSPHRASE").close()


# -- panel export -------------------------------------------------------------------------

def test_export_panel_bundles(world, tmp_path):
    add_conflict(world, "赵明", world.app_ids[0])
    seen = []
    infos = export_panel_bundles(world.store, world.panel_id, tmp_path / "out", secretary_key=world.secretary,
                                 progress=lambda d, t, n: seen.append((d, t, n)))
    assert sorted(i.expert_name for i in infos) == sorted(world.experts)
    assert {i.expert_name: i.app_count for i in infos} == {"王建国": 3, "李秀英": 3, "赵明": 2}
    assert len({i.password for i in infos}) == 3 and len({i.bundle_id for i in infos}) == 3
    assert files_under(tmp_path / "out") == sorted(i.path for i in infos)
    assert seen[-1] == (3, 3, "") and len(seen) == 4
    with world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(M.Bundle)) == 3


def test_cancel_during_panel_export_leaves_no_files(world, tmp_path):
    before = table_counts(world.store)
    calls = []

    def cancel():  # let the first expert's bundle be half-written, then cancel
        calls.append(1)
        return len(calls) > 3

    infos = export_panel_bundles(world.store, world.panel_id, tmp_path / "out", cancel=cancel,
                                 secretary_key=world.secretary)
    assert infos == [] and len(calls) == 4  # stopped inside the first expert's bundle
    assert files_under(tmp_path / "out") == []
    assert table_counts(world.store) == before


# -- assignment letter & CLI --------------------------------------------------------------

def _pdftext(path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_assignment_letter_pdf(world, tmp_path):
    from datetime import date
    info = make_bundle(world.store, world.sid, world.experts["李秀英"], tmp_path / "out", secretary_key=world.secretary)
    with world.store.read() as s:
        expert = s.get(M.Expert, world.experts["李秀英"])
    pdf = write_assignment_letter(tmp_path / "letter.pdf", info, expert, get_session(world.store, world.sid),
                                  date(2025, 9, 30))
    text = _pdftext(pdf)
    for expected in ("专家评审任务通知书", "李秀英", "广西第2研究院", "2025年度第一批评审", info.file_name,
                     info.password, world.secretary.fingerprint, "3 项", "2025年9月30日", "评审包密码"):
        assert expected in text, expected


def test_cli_bundles_writes_bundles_and_letters_apart(world, tmp_path, capsys):
    """Issue 20 item 3: the bundles (for the USB stick) in --out, the letters (with the passwords) in
    --letters, never the one in the other; the output says which goes where."""
    world.store.close()
    out, letters = tmp_path / "cli-out", tmp_path / "秘书留存" / "任务通知书"
    code = main(["--store", str(world.store.root), "session", "bundles", "--panel", "信息技术组", "--out", str(out),
                 "--letters", str(letters), "--deadline", "2025-09-30"])
    captured = capsys.readouterr()
    text = captured.out
    assert code == 0, text
    assert sorted(p.suffix for p in out.iterdir()) == [".nnrb"] * 3           # nothing but the bundles
    assert sorted(p.suffix for p in letters.iterdir()) == [".pdf"] * 3        # nothing but the letters
    assert {p.name.removesuffix("-任务通知书.pdf") for p in letters.iterdir()} == {p.stem for p in out.iterdir()}
    assert "密码只显示这一次" in text
    assert f"任务通知书（载有密码）在 {letters}" in text and "不要与评审包一同发送" in text
    assert "警告" not in captured.err   # tmp_path is not a removable drive
    pairs = {line.split()[1]: line.split("密码 ")[1] for line in text.splitlines() if ".nnrb" in line and "密码 " in line}
    assert sorted(pairs) == sorted(p.name for p in out.glob("*.nnrb"))
    # the secretary key went to the store's key folder, sealed (not a keyring, not the home folder)
    assert (world.store.root / "keys" / "secretary-test-secretary.nnkey").is_file()
    assert not (tmp_path / "keys").exists()

    name, pw = sorted(pairs.items())[0]
    code = main(["bundle", "open", str(out / name), "--password", pw, "--out", str(tmp_path / "opened")])
    opened = capsys.readouterr().out
    assert code == 0 and "材料已取出" in opened and "请核对上面的指纹" in opened
    assert json.loads((tmp_path / "opened" / "bundle.json").read_text(encoding="utf-8"))["bundle_id"]
    code = main(["bundle", "open", str(out / name), "--password", "WRONG-PASSWORD", "--out", str(tmp_path / "o2")])
    assert code == 2 and "密码错误" in capsys.readouterr().err
    code = main(["--store", str(world.store.root), "session", "bundles", "--panel", "不存在的组", "--out", str(out),
                 "--letters", str(letters)])
    assert code == 2 and "没有评审组" in capsys.readouterr().err


def test_a_failing_letter_never_hides_the_passwords(world, tmp_path, capsys, monkeypatch):
    """The bundles are committed before the letters: if a letter cannot be written the CLI
    still prints every password, names the letter that failed and exits 1."""
    from nn_review.exchange import handout

    real = handout.write_assignment_letter
    calls = []

    def flaky(path, *a, **k):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(path, *a, **k)

    monkeypatch.setattr(handout, "write_assignment_letter", flaky)
    world.store.close()
    out, letters = tmp_path / "usb", tmp_path / "letters"
    code = main(["--store", str(world.store.root), "session", "bundles", "--panel", "信息技术组", "--out", str(out),
                 "--letters", str(letters)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.count("密码 ") == 3
    assert "任务通知书未能写入" in captured.err and "No space left" in captured.err
    assert len(list(letters.glob("*-任务通知书.pdf"))) == 2 and not list(out.glob("*.pdf"))
