"""PDF signing identities: created on first use, passphrase in the keyring or a 0600 file."""

import os
import stat
import sys

import pytest
from keyring.backend import KeyringBackend

from nn_review.keys import KeyStoreError
from nn_review.results.pdfkit import SIG_LEADER, SIG_SECRETARY, SlotSink
from nn_review.results.signing import existing_fields, load_or_create_identity, prepare_unsigned, sign_pdf


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
def keyring_allowed(monkeypatch):
    monkeypatch.delenv("NN_REVIEW_KEYRING", raising=False)


def test_passphrase_in_the_keyring_and_reloaded(tmp_path):
    ring = MemoryKeyring()
    a = load_or_create_identity("secretary", "张三", "张三", keyring_backend=ring, key_dir=tmp_path)
    assert a.created and a.storage == "keyring" and a.notice == ""
    assert ("nn-review", "pdf-secretary:张三") in ring.data
    key_file = next(tmp_path.glob("*.key.pem"))
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()          # never a plain key on disk
    assert not list(tmp_path.glob("*.pass"))
    if sys.platform != "win32":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    b = load_or_create_identity("secretary", "张三", "张三", keyring_backend=ring, key_dir=tmp_path)
    assert not b.created and b.fingerprint == a.fingerprint and len(a.fingerprint.split()) == 8
    ring.data.clear()
    with pytest.raises(KeyStoreError, match="找不到签名私钥.*的口令"):
        load_or_create_identity("secretary", "张三", "张三", keyring_backend=ring, key_dir=tmp_path)


def test_file_fallback_without_keyring(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_REVIEW_KEYRING", "file")
    a = load_or_create_identity("leader", "E001", "王建国", key_dir=tmp_path)
    assert a.storage == "file" and "NN_REVIEW_KEYRING=file" in a.notice and "0600" in a.notice
    pass_file = next(tmp_path.glob("*.pass"))
    if sys.platform != "win32":
        assert stat.S_IMODE(pass_file.stat().st_mode) == 0o600
        os.chmod(pass_file, 0o644)
        with pytest.raises(KeyStoreError, match="权限过宽"):
            load_or_create_identity("leader", "E001", "王建国", key_dir=tmp_path)
        os.chmod(pass_file, 0o600)
    again = load_or_create_identity("leader", "E001", "王建国", key_dir=tmp_path)
    assert again.fingerprint == a.fingerprint and again.name == "王建国"
    with pytest.raises(KeyStoreError, match="无效的签名身份"):
        load_or_create_identity("chair", "x", "x", key_dir=tmp_path)


def test_sign_pdf_fields_and_refusals(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_REVIEW_KEYRING", "file")
    from reportlab.pdfgen import canvas
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "plain")
    c.save()
    plain = path.read_bytes()
    ident = load_or_create_identity("secretary", "s", "秘书", key_dir=tmp_path)
    with pytest.raises(KeyStoreError, match="没有预留签名位置"):
        sign_pdf(plain, ident)
    slots = SlotSink({SIG_SECRETARY: (0, (60, 100, 280, 180)), SIG_LEADER: (0, (300, 100, 520, 180))})
    prepared = prepare_unsigned(plain, slots)
    assert existing_fields(prepared) == {SIG_SECRETARY: False, SIG_LEADER: False}
    signed = sign_pdf(prepared, ident)
    assert existing_fields(signed) == {SIG_SECRETARY: True, SIG_LEADER: False}
    assert signed.startswith(prepared)  # incremental: the earlier bytes are untouched
    with pytest.raises(KeyStoreError, match="不能重复签名"):
        sign_pdf(signed, ident)
