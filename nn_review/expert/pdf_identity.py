"""The expert's PDF signing identity: an RSA-3072 key and a self-signed X.509 certificate naming
the expert (name, unit from the bundle), created in the workspace on first use.

It signs the expert's own printed score sheet and — when the expert is a panel leader — the
countersignature of a result sheet. Its certificate travels to the secretary inside the signed
``.nnscore`` (``pdf_certificate``), where it is pinned like the expert's Ed25519 key.

Kept like the Ed25519 key (:mod:`.vault`), never as a plaintext key: the file
``keys/expert-pdf-<expert id>.nnpdf`` holds the certificate (public) and the private key sealed
with AES-256-GCM under

* ``keyring`` storage — a random 32-byte wrapping key kept in the OS keyring
  (service ``nn-review``, user ``expert-pdf:<expert id>``);
* ``passphrase`` storage — a key derived from the workspace passphrase (scrypt).
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID

from ..keys import SERVICE, KeyStoreError, open_with_passphrase, seal_with_passphrase
from ..pdf import signing
from ..certs import certificate_fingerprint
from ..pdf.signing import SigningIdentity
from .errors import WorkspaceError

FORMAT = "nn-pdfkey/1"
ORG_FALLBACK = "南宁市科学技术局 评审专家"
_WRAP_PREFIX = "aes256:"


def pdf_key_file(key_dir: Path, expert_id: int) -> Path:
    return Path(key_dir) / f"expert-pdf-{int(expert_id)}.nnpdf"


def _aad(expert_id: int, fpr: str) -> str:
    return f"{FORMAT}|expert:{expert_id}|{fpr}"


def new_certificate(key: rsa.RSAPrivateKey, name: str, unit: str) -> x509.Certificate:
    """The expert's self-signed certificate: CN = name, O = unit, OU = 评审专家 (as the secretary's)."""
    return signing.new_certificate(key, signing.certificate_subject(name, "", unit or ORG_FALLBACK, "expert"))


def _wrapping_key(vault, expert_id: int, create: bool) -> bytes:
    user = f"expert-pdf:{expert_id}"
    entry = f"系统钥匙串 {SERVICE} / {user}"
    try:
        stored = vault.backend.get_password(SERVICE, user)
        if stored and stored.startswith(_WRAP_PREFIX):
            return base64.b64decode(stored[len(_WRAP_PREFIX):])
        if not create:
            raise WorkspaceError(f"系统钥匙串中没有专家 PDF 签名私钥的密钥（{entry}），无法签名", "workspace.keyring")
        secret = os.urandom(32)
        value = _WRAP_PREFIX + base64.b64encode(secret).decode("ascii")
        vault.backend.set_password(SERVICE, user, value)
        if vault.backend.get_password(SERVICE, user) != value:
            raise KeyStoreError("写入后读回不一致")
        return secret
    except WorkspaceError:
        raise
    except Exception as e:  # locked or broken keyring daemon
        raise WorkspaceError(f"系统钥匙串不可用，无法取得专家 PDF 签名私钥（{entry}）：{e}", "workspace.keyring") from e


def _seal(vault, expert_id: int, der: bytes, fpr: str) -> dict:
    if vault.storage == "passphrase":
        return seal_with_passphrase(der, vault.passphrase or "", _aad(expert_id, fpr))
    nonce = os.urandom(12)
    ct = AESGCM(_wrapping_key(vault, expert_id, True)).encrypt(nonce, der, _aad(expert_id, fpr).encode("utf-8"))
    return {"cipher": "aes-256-gcm/keyring", "nonce": base64.b64encode(nonce).decode("ascii"),
            "ciphertext": base64.b64encode(ct).decode("ascii")}


def _open(vault, expert_id: int, sealed: dict, fpr: str, path: Path) -> bytes:
    if vault.storage == "passphrase":
        try:
            return open_with_passphrase(sealed, vault.passphrase or "", _aad(expert_id, fpr), f"PDF 签名私钥 {path}")
        except KeyStoreError as e:
            raise WorkspaceError(str(e), "workspace.pdf_key") from None
    try:
        nonce, ct = (base64.b64decode(sealed[k], validate=True) for k in ("nonce", "ciphertext"))
        return AESGCM(_wrapping_key(vault, expert_id, False)).decrypt(nonce, ct, _aad(expert_id, fpr).encode("utf-8"))
    except (KeyError, ValueError, InvalidTag):
        raise WorkspaceError(f"PDF 签名私钥文件 {path} 已损坏或与系统钥匙串中的密钥不符", "workspace.pdf_key") from None


def load_certificate(vault, expert_id: int) -> x509.Certificate | None:
    """The expert's certificate when the identity exists (no secret needed)."""
    path = pdf_key_file(vault.key_dir, expert_id)
    if not path.exists():
        return None
    try:
        return x509.load_pem_x509_certificate(json.loads(path.read_text(encoding="utf-8"))["certificate"].encode())
    except (OSError, ValueError, KeyError) as e:
        raise WorkspaceError(f"PDF 签名证书文件 {path} 已损坏（{e}）", "workspace.pdf_key") from None


def load_or_create_pdf_identity(vault, expert_id: int, name: str, unit: str = "") -> SigningIdentity:
    """The expert's PDF identity (role ``expert``); created on first use with ``name`` / ``unit``."""
    path = pdf_key_file(vault.key_dir, expert_id)
    where = "系统钥匙串" if vault.storage == "keyring" else "工作区口令"
    if path.exists():
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
            if obj.get("format") != FORMAT or obj.get("expert_id") != int(expert_id):
                raise ValueError("格式或专家编号不符")
            cert = x509.load_pem_x509_certificate(obj["certificate"].encode("ascii"))
        except (OSError, ValueError, KeyError) as e:
            raise WorkspaceError(f"PDF 签名私钥文件 {path} 已损坏，无法读取（{e}）", "workspace.pdf_key") from None
        fpr = certificate_fingerprint(cert)
        key = serialization.load_der_private_key(_open(vault, expert_id, obj["sealed"], fpr, path), None)
        if key.public_key().public_numbers() != cert.public_key().public_numbers():
            raise WorkspaceError(f"PDF 签名私钥文件 {path} 已被改动（证书与私钥不符）", "workspace.pdf_key")
        cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
        return SigningIdentity("expert", str(expert_id), cn, key, cert, vault.storage, f"{path}（{where}保护）", False)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    cert = new_certificate(key, name, unit)
    fpr = certificate_fingerprint(cert)
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    try:
        sealed = _seal(vault, expert_id, der, fpr)
    except KeyStoreError as e:
        raise WorkspaceError(str(e), "workspace.pdf_key") from None
    obj = {"format": FORMAT, "expert_id": int(expert_id), "fingerprint": fpr,
           "certificate": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"), "sealed": sealed}
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # created by another process just now: use that one
        return load_or_create_pdf_identity(vault, expert_id, name, unit)
    except OSError as e:
        raise WorkspaceError(f"无法保存 PDF 签名私钥文件 {path}：{e}", "workspace.io") from e
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
        f.flush()
        os.fsync(f.fileno())
    return SigningIdentity("expert", str(expert_id), name, key, cert, vault.storage, f"{path}（{where}保护）", True)


def certificate_pem(identity: SigningIdentity) -> str:
    return identity.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


__all__ = ["certificate_pem", "load_certificate", "load_or_create_pdf_identity", "new_certificate", "pdf_key_file"]
