"""Signer identity (issue 13, part 3): the profile in the certificate, local times, the secretary's
keys under the store (keyring or passphrase-sealed, never plaintext), migration from the old
per-user folder, keys backup/restore, and no leader key on the secretary's machine."""

import base64
import os
import re
import shutil
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from keyring.backend import KeyringBackend
from pypdf import PdfReader
from sqlalchemy import select

from nn_review import keys as K
from nn_review import secretary_keys as SK
from nn_review.cli import main
from nn_review.results import write_reports
from nn_review.pdf.signing import _stamp_pdf, certificate_subject, memory_identity, new_certificate
from nn_review.results.identity import secretary_identity
from nn_review.signer import SignerError, certificates, get_profile, set_profile
from nn_review.store import open_store
from nn_review.store.models import SigningCertificate
from nn_review.zhfmt import local_time_with_offset

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .results_fixtures import SEVEN, make_world

PDFSIG = shutil.which("pdfsig")
needs_pdfsig = pytest.mark.skipif(not PDFSIG, reason="poppler-utils (pdfsig) not installed")
PASS = "test-secretary-passphrase"   # set by no_real_keyring


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.data = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        self.data.pop((service, username), None)


@pytest.fixture(autouse=True)
def shanghai_and_temp_home(tmp_path, monkeypatch):
    old_tz = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    home = tmp_path / "home"
    home.mkdir()
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config")):
        monkeypatch.setenv(var, str(home / sub))
    K.forget_passphrases()
    yield
    K.forget_passphrases()
    K.set_passphrase_provider(None)
    if old_tz is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old_tz
    time.tzset()


@pytest.fixture
def world(tmp_path):
    w = make_world(tmp_path, n_apps=1, experts=SEVEN[:3], leader="王建国")
    yield w
    w.store.close()


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_local_time_with_offset():
    assert local_time_with_offset(datetime(2026, 12, 1, 6, 3, 22, tzinfo=timezone.utc)) == \
        "2026-12-01 14:03:22 (UTC+08:00)"
    assert local_time_with_offset(datetime(2026, 12, 1, 6, 3, 22)) == "2026-12-01 14:03:22 (UTC+08:00)"  # stored UTC


@needs_pdfsig
def test_cli_profile_sign_reissue_and_leader_refused(world, tmp_path, capsys):
    base = ["--store", str(world.store.root)]
    out = tmp_path / "rep"
    # no profile: signing refused with what to do, nothing written
    assert main(base + ["session", "report", "--out", str(out), "--sign", "--no-personal"]) == 2
    assert "nn-review signer set" in capsys.readouterr().err and not out.exists()
    assert main(base + ["session", "report", "--out", str(tmp_path / "plain"), "--no-personal"]) == 0
    plain = next((tmp_path / "plain").rglob("*评审结果汇总表.pdf"))
    before = plain.read_bytes()
    assert main(base + ["session", "sign", str(plain)]) == 2
    assert "nn-review signer set" in capsys.readouterr().err and plain.read_bytes() == before
    assert main(base + ["signer", "show"]) == 0
    assert "尚未填写签名人资料" in capsys.readouterr().out
    assert main(base + ["signer", "set", "--name", "root", "--title", "科员", "--unit", "科技局"]) == 2
    assert "真实姓名" in capsys.readouterr().err
    assert main(base + ["signer", "set", "--name", "韦 秘书", "--title", "科员", "--unit", "南宁市科学技术局"]) == 0
    assert get_profile(world.store).name == "韦 秘书"

    assert main(base + ["session", "report", "--out", str(out), "--sign", "--no-personal"]) == 0
    assert "已由 韦 秘书 加 PDF 数字签名" in capsys.readouterr().out
    summary = next(out.rglob("*评审结果汇总表.pdf"))
    info = pdfsig(summary)
    assert "Signature is Valid." in info and "Common Name: 韦 秘书" in info and "title=科员" in info
    assert "O=南宁市科学技术局" in info and "Name: root" not in info and world.store.actor not in info
    [first] = certificates(world.store)
    assert first.role == "secretary" and first.owner == world.store.actor and first.source == "created" \
        and first.retired_at is None

    # a changed profile: new certificate for the same key, the old one retired (kept), old sheet still valid
    assert main(base + ["signer", "set", "--name", "韦 秘书", "--title", "副科长", "--unit", "南宁市科学技术局"]) == 0
    assert "重新签发" in capsys.readouterr().out
    out2 = tmp_path / "rep2"
    assert main(base + ["session", "report", "--out", str(out2), "--sign", "--no-personal"]) == 0
    capsys.readouterr()
    info2 = pdfsig(next(out2.rglob("*评审结果汇总表.pdf")))
    assert "Signature is Valid." in info2 and "title=副科长" in info2
    assert "Signature is Valid." in pdfsig(summary)
    old, new = certificates(world.store)
    assert old.retired_at is not None and new.retired_at is None and old.fingerprint == new.fingerprint
    assert "科员" in old.subject and "副科长" in new.subject
    assert main(base + ["signer", "show"]) == 0
    shown = capsys.readouterr().out
    assert "[已停用" in shown and "[当前使用]" in shown and "(UTC+08:00)" in shown

    # the leader never signs with a key made here
    assert main(base + ["session", "sign", str(summary), "--as", "leader"]) == 2
    err = capsys.readouterr().err
    assert "expert countersign" in err and "--pkcs11-lib" in err
    assert not list(world.store.root.rglob("*leader*")) and not list((tmp_path / "keys").glob("*leader*"))


def test_stamp_shows_profile_and_local_time(world):
    set_profile(world.store, "韦秘书", "科员", "南宁市科学技术局")
    ident = secretary_identity(world.store)
    when = datetime(2026, 12, 1, 6, 3, 22, tzinfo=timezone.utc)
    stamp = _stamp_pdf(ident, when, 215.0, 76.5)   # the box the layout reserves (7.6 cm × 2.7 cm)
    text = re.sub(r"\s+", "", PdfReader(__import__("io").BytesIO(stamp)).pages[0].extract_text())
    assert "签名人：韦秘书（科员）" in text and "单位：南宁市科学技术局" in text
    assert "2026-12-0114:03:22(UTC+08:00)" in text and ident.fingerprint.replace(" ", "") in text
    assert "root" not in text


def test_passphrase_asked_once_never_stored_and_checked(world, monkeypatch):
    monkeypatch.delenv("NN_REVIEW_SECRETARY_PASSPHRASE")
    with pytest.raises(K.KeyStoreError, match="NN_REVIEW_SECRETARY_PASSPHRASE"):  # no terminal, no dialog
        SK.secretary_ed25519(world.store)
    asked = []

    def provider(prompt, confirm):
        asked.append(confirm)
        return "my own passphrase"

    K.set_passphrase_provider(provider)
    key = SK.secretary_ed25519(world.store)
    set_profile(world.store, "韦秘书", "科员", "南宁市科学技术局")
    ident = secretary_identity(world.store)
    assert asked == [True]                       # chosen once (asked twice by the UI), then kept for the run
    assert key.storage == "passphrase" and ident.storage == "passphrase"
    assert Path(key.location).parent == world.store.root / "keys" and "口令不保存" in ident.notice
    assert not list(world.store.root.rglob("*.pass"))

    K.forget_passphrases()                       # next run, a typo
    K.set_passphrase_provider(lambda p, c: "wrong passphrase")
    with pytest.raises(K.KeyStoreError, match="口令错误"):
        secretary_identity(world.store)
    K.set_passphrase_provider(lambda p, c: "my own passphrase")
    assert SK.secretary_ed25519(world.store).fingerprint == key.fingerprint
    assert secretary_identity(world.store).fingerprint == ident.fingerprint


def test_keyring_mode(world, monkeypatch):
    monkeypatch.delenv("NN_REVIEW_KEYRING")
    monkeypatch.delenv("NN_REVIEW_SECRETARY_PASSPHRASE")
    K.set_passphrase_provider(lambda p, c: pytest.fail("no passphrase with a keyring"))
    ring = MemoryKeyring()
    key = SK.secretary_ed25519(world.store, keyring_backend=ring)
    set_profile(world.store, "韦秘书", "科员", "南宁市科学技术局")
    ident = secretary_identity(world.store, keyring_backend=ring)
    assert key.storage == "keyring" and ident.storage == "keyring"
    assert ("nn-review", f"secretary:{world.store.actor}") in ring.data
    assert ("nn-review", f"pdf-secretary:{world.store.actor}") in ring.data
    assert not SK.ed_file(world.store).exists() and SK.pdf_file(world.store).exists()
    assert secretary_identity(world.store, keyring_backend=ring).fingerprint == ident.fingerprint
    assert SK.secretary_ed25519(world.store, keyring_backend=ring).fingerprint == key.fingerprint


def _legacy_keys(legacy: Path, actor: str):
    """The files an earlier version left: a plaintext Ed25519 key, a PDF key with its .pass file,
    and a leader key made on the secretary's machine."""
    legacy.mkdir(parents=True, exist_ok=True)
    ed = Ed25519PrivateKey.generate()
    K._write_file(K.key_file("secretary", actor, legacy), ed)
    made = {}
    for role, owner in (("secretary", actor), ("leader", "E001")):
        rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        key_path, crt_path, pass_path = SK._legacy_pdf_paths(legacy, role, owner)
        pass_path.write_text("legacy-random-passphrase\n")
        key_path.write_bytes(rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.BestAvailableEncryption(b"legacy-random-passphrase")))
        crt_path.write_bytes(new_certificate(rsa_key, certificate_subject(owner, "", "", role))
                             .public_bytes(serialization.Encoding.PEM))
        made[role] = rsa_key
    return ed, made["secretary"]


def test_migration_from_the_old_home_folder(world, tmp_path):
    legacy = tmp_path / "keys"                   # $NN_REVIEW_KEY_DIR, the old per-user folder
    ed, pdf_key = _legacy_keys(legacy, world.store.actor)
    key = SK.secretary_ed25519(world.store)
    assert key.fingerprint == K.fingerprint(ed.public_key())        # experts' pins keep working
    assert SK.ed_file(world.store).exists()
    assert not list(legacy.glob("*.pass")) and not list(legacy.glob("*.key.pem")) and not list(legacy.glob("*.key"))
    set_profile(world.store, "韦秘书", "科员", "南宁市科学技术局")
    ident = secretary_identity(world.store)
    assert ident.fingerprint == SK.spki_fingerprint(pdf_key.public_key())
    old, new = certificates(world.store)          # the old certificate (CN = login name) kept, retired
    assert old.retired_at is not None and f"CN={world.store.actor}" in old.subject and "CN=韦秘书" in new.subject


def test_backup_restore_on_a_new_pc_and_no_plaintext_anywhere(world, tmp_path, monkeypatch, capsys):
    base = ["--store", str(world.store.root)]
    set_profile(world.store, "韦秘书", "科员", "南宁市科学技术局")
    ed = SK.secretary_ed25519(world.store)
    write_reports(world.store, world.sid, tmp_path / "rep", sign=True, personal=False)
    set_profile(world.store, "韦秘书", "副科长", "南宁市科学技术局")
    pdf_key = secretary_identity(world.store).private_key             # re-issued: one retired certificate
    pdf_fp = SK.spki_fingerprint(pdf_key.public_key())
    backup_file = tmp_path / "usb" / "secretary.nnkeys"
    monkeypatch.setenv("NN_REVIEW_BACKUP_PASSPHRASE", "backup passphrase 42")
    assert main(base + ["keys", "backup", "--out", str(backup_file)]) == 0
    assert ed.fingerprint in capsys.readouterr().out
    assert main(base + ["keys", "show"]) == 0
    shown = capsys.readouterr().out
    assert ed.fingerprint in shown and pdf_fp in shown and str(world.store.root / "keys") in shown

    # a new PC: another home, another store, another local passphrase
    pc2 = tmp_path / "pc2"
    monkeypatch.setenv("NN_REVIEW_KEY_DIR", str(pc2 / "home-keys"))
    monkeypatch.setenv("NN_REVIEW_SECRETARY_PASSPHRASE", "new pc passphrase")
    store2 = open_store(pc2 / "store")
    b2 = ["--store", str(store2.root)]
    monkeypatch.setenv("NN_REVIEW_BACKUP_PASSPHRASE", "not the passphrase")
    assert main(b2 + ["keys", "restore", str(backup_file)]) == 2
    assert "口令错误" in capsys.readouterr().err
    monkeypatch.setenv("NN_REVIEW_BACKUP_PASSPHRASE", "backup passphrase 42")
    assert main(b2 + ["keys", "restore", str(backup_file)]) == 0
    assert ed.fingerprint in capsys.readouterr().out
    assert SK.secretary_ed25519(store2).fingerprint == ed.fingerprint
    assert secretary_identity(store2).fingerprint == pdf_fp and get_profile(store2).title == "副科长"
    certs = certificates(store2)
    assert len(certs) == 2 and sum(c.retired_at is None for c in certs) == 1

    # a third PC that already made its own keys: refused unless --force
    store3 = open_store(tmp_path / "pc3" / "store")
    other = SK.secretary_ed25519(store3)
    assert main(["--store", str(store3.root), "keys", "restore", str(backup_file)]) == 2
    assert "--force" in capsys.readouterr().err and SK.secretary_ed25519(store3).fingerprint == other.fingerprint
    assert main(["--store", str(store3.root), "keys", "restore", str(backup_file), "--force"]) == 0
    assert SK.secretary_ed25519(store3).fingerprint == ed.fingerprint

    # no private key or passphrase readable in plaintext: stores, homes, key folders, backup, sheets
    raw_ed = ed.private_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                          serialization.NoEncryption())
    rsa_der = pdf_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    secrets_ = [raw_ed, base64.b64encode(raw_ed), rsa_der, base64.b64encode(rsa_der), b"ed25519:",
                b"BEGIN PRIVATE KEY", b"BEGIN RSA PRIVATE KEY", b"BEGIN OPENSSH PRIVATE KEY",
                PASS.encode(), b"new pc passphrase", b"backup passphrase 42"]
    world.store.close(), store2.close(), store3.close()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) > 10 and any(p.suffix == ".nnkey" for p in files) and backup_file in files
    for p in files:
        data = p.read_bytes()
        for s in secrets_:
            assert s not in data, (p, s[:20])
        assert not p.name.endswith(".pass"), p
    assert backup_file.stat().st_mode & 0o077 == 0


def test_profile_validation(world):
    with pytest.raises(SignerError, match="“单位”不能为空"):
        set_profile(world.store, "韦秘书", "科员", "  ")
    with pytest.raises(SignerError, match="过长"):
        set_profile(world.store, "韦" * 101, "科员", "x")
    assert get_profile(world.store) is None
    with world.store.read() as s:
        assert s.scalars(select(SigningCertificate)).all() == []


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_times_on_the_sheet_are_local_with_offset(world, tmp_path):
    from nn_review.roster.conflicts import add_conflict
    add_conflict(world.store, world.sid, world.experts["李秀英"], world.app_ids[0], "与申报单位存在合作关系")
    res = write_reports(world.store, world.sid, tmp_path / "rep", personal=False)
    text = subprocess.run(["pdftotext", str(res.summaries[0]), "-"], capture_output=True, text=True).stdout
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s*\(UTC\+08:00\)", text), text[-800:]


def test_signature_descriptions_and_record_times_are_local():
    """What the countersign confirmation and accept-signed messages say of a signature's time:
    the signer's local time with its offset, never a bare UTC time."""
    from datetime import datetime, timezone

    from nn_review.pdf.sigcheck import SignatureInfo
    from nn_review.roster.common import local_time
    ident = memory_identity("secretary", "韦丽华")
    info = SignatureInfo("SigSecretary", "韦丽华", "CN=韦丽华", ident.fingerprint, ident.certificate,
                         datetime(2026, 12, 1, 6, 19, 12, tzinfo=timezone.utc), 1, True, True, True, True)
    assert "2026-12-01 14:19:12 (UTC+08:00)" in info.describe()
    assert local_time(datetime(2026, 12, 1, 6, 19, 12)) == "2026-12-01 14:19:12 (UTC+08:00)"  # stored naive UTC
