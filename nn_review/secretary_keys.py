"""The secretary's private keys: where they live, migration from the old place, backup/restore.

Two keys per secretary (``store.actor``): the Ed25519 key that signs review bundles (experts pin
its fingerprint) and the RSA key of the PDF signing certificate. Both belong to the store and
live in ``<store>/keys/`` (move the store folder and they move with it):

* with a usable OS keyring, the Ed25519 key is in the keyring (``nn-review`` /
  ``secretary:<actor>``) and the PDF key file ``pdf-secretary-<actor>.nnkey`` is sealed under a
  random secret kept in the keyring (``pdf-secretary:<actor>``);
* without one (or with ``NN_REVIEW_KEYRING=file``) both are sealed (scrypt + AES-256-GCM, as
  ``nn-key/1``) under a passphrase the secretary chooses: ``secretary-<actor>.nnkey`` and
  ``pdf-secretary-<actor>.nnkey``. The passphrase is asked once per run (GUI dialog; CLI getpass
  or ``$NN_REVIEW_SECRETARY_PASSPHRASE``) and never written anywhere.

Keys made by earlier versions in the per-user data folder (``$NN_REVIEW_KEY_DIR``), a plaintext
Ed25519 key file and a PDF key whose passphrase sat in a ``.pass`` file, are moved here on first
use (resealed, the old files removed), so experts' pins keep working.

``keys backup`` writes one passphrase-protected archive (``nn-keys-backup/1``) with both keys and
every certificate (retired ones too); ``keys restore`` on a new PC brings back the same keys.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .certs import spki_fingerprint, subject_text
from .i18n import M, Problem
from .keys import (SERVICE, KeyStoreError, key_problem, SigningKey, ask_passphrase, decode_private_key, default_key_dir,
                   encode_private_key, fingerprint, forget_passphrase, key_file, keyring_or_reason,
                   load_or_create_protected_key, open_with_passphrase, protected_key_file, read_protected_key_public,
                   seal_with_passphrase, write_private_text, write_protected_key)
from .changes import operation

ROLE = "secretary"
PDF_FORMAT = "nn-pdfkey/1"
BACKUP_FORMAT = "nn-keys-backup/1"
BACKUP_ENV = "NN_REVIEW_BACKUP_PASSPHRASE"


def key_dir(store) -> Path:
    return Path(store.root) / "keys"


def ed_file(store) -> Path:
    return protected_key_file(ROLE, store.actor, key_dir(store))


def pdf_file(store) -> Path:
    return key_dir(store) / f"pdf-{ROLE}-{quote(store.actor, safe='')}.nnkey"


# -- the passphrase ------------------------------------------------------------------------

def _scope(store) -> str:
    return str(key_dir(store).resolve())


def _sealed_files(store) -> bool:
    return ed_file(store).exists() or (pdf_file(store).exists() and _read_json(pdf_file(store)).get("storage")
                                       == "passphrase")


def passphrase(store) -> str:
    """The secretary's passphrase for this store's sealed keys (chosen now when none exist yet);
    checked against an existing sealed key so that a typo can't seal a second key differently."""
    new = not _sealed_files(store)
    # In the UI's language, no folder path (a GUI dialog shows it; the CLI is Chinese anyway).
    prompt = str(M("keys.prompt.new") if new else M("keys.prompt.enter"))
    value = ask_passphrase(_scope(store), prompt, confirm=new)
    if not new and (_scope(store), value) not in _verified:
        try:
            _check(store, value)
        except KeyStoreError:
            forget_passphrase(_scope(store))
            raise
        _verified.add((_scope(store), value))
    return value


_verified: set[tuple[str, str]] = set()  # (key folder, passphrase) already checked in this run


def _check(store, value: str) -> None:
    if ed_file(store).exists():
        load_or_create_protected_key(ROLE, store.actor, key_dir(store), value)
    else:
        obj = _read_json(pdf_file(store))
        open_with_passphrase(obj["sealed"], value, _pdf_aad(store, obj), f"签名私钥文件 {pdf_file(store)}")


def needs_passphrase(store, *, keyring_backend=None) -> bool:
    """True when using the secretary's keys will ask for the passphrase (GUI: ask before a worker runs)."""
    return _mode(store, keyring_backend)[0] == "passphrase"


# -- mode ----------------------------------------------------------------------------------

def _read_json(path: Path) -> dict:
    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(obj, dict):
            raise ValueError("不是 JSON 对象")
        return obj
    except (OSError, ValueError) as e:
        raise KeyStoreError(f"密钥文件 {path} 已损坏，无法读取（{e}）", key_problem("keys.error.damaged", "keys.todo.restore")) from None


def _mode(store, keyring_backend=None):
    """("keyring" | "passphrase", backend or None, reason the keyring is not used)."""
    backend, reason = keyring_or_reason(keyring_backend)
    if ed_file(store).exists():
        return "passphrase", backend, reason or "密钥已以口令加密保存"
    if pdf_file(store).exists():
        storage = _read_json(pdf_file(store)).get("storage")
        if storage == "passphrase" or backend is None:
            return "passphrase", backend, reason or "密钥已以口令加密保存"
    return ("keyring", backend, "") if backend is not None else ("passphrase", None, reason)


def notice_problem(store, reason: str) -> Problem:
    """The notice in plain words for the GUI: where the keys are and what to do; the reason the
    keyring is not used, the folder and the CLI command as the detail."""
    return Problem(M("keys.notice.passphrase"), M("keys.todo.backup"), detail=_notice(store, reason))


def _notice(store, reason: str) -> str:
    return (f"{reason}：评审秘书的私钥以口令加密保存在 {key_dir(store)}（口令不保存，每次运行输入一次）。"
            f"请用 nn-review keys backup 备份；口令遗失则无法再用这些密钥签名。")


# -- the Ed25519 key -----------------------------------------------------------------------

def _ed_user(store) -> str:
    return f"{ROLE}:{store.actor}"


def _keyring_get(backend, user: str) -> str | None:
    try:
        return backend.get_password(SERVICE, user)
    except Exception as e:  # a locked keyring daemon: say so rather than make a second key
        raise KeyStoreError(f"系统钥匙串不可用（{e}），无法读取评审秘书的私钥",
                            key_problem("keys.error.keyring", "keys.todo.keyring")) from None


def _keyring_put(backend, user: str, value: str) -> bool:
    try:
        backend.set_password(SERVICE, user, value)
        return backend.get_password(SERVICE, user) == value
    except Exception:
        return False


def _store_ed(store, key: Ed25519PrivateKey, mode: str, backend, *, replace: bool = False) -> str:
    """Put ``key`` where this store keeps it; returns the storage used."""
    if mode == "keyring" and _keyring_put(backend, _ed_user(store), encode_private_key(key)):
        return "keyring"
    write_protected_key(key, ROLE, store.actor, key_dir(store), passphrase(store), replace=replace)
    return "passphrase"


def secretary_ed25519(store, *, keyring_backend=None) -> SigningKey:
    """The secretary's Ed25519 bundle-signing key; created on first use."""
    migrate_legacy(store, keyring_backend=keyring_backend)
    mode, backend, reason = _mode(store, keyring_backend)
    entry = f"系统钥匙串 {SERVICE} / {_ed_user(store)}"
    if mode == "keyring":
        stored = _keyring_get(backend, _ed_user(store))
        if stored:
            return SigningKey(decode_private_key(stored, entry), ROLE, store.actor, "keyring", entry, False)
    elif ed_file(store).exists():
        k = load_or_create_protected_key(ROLE, store.actor, key_dir(store), passphrase(store))
        return SigningKey(k.private_key, ROLE, store.actor, "passphrase", str(ed_file(store)), False,
                          _notice(store, reason), notice_problem(store, reason))
    key = Ed25519PrivateKey.generate()
    storage = _store_ed(store, key, mode, backend)
    if storage == "keyring":
        return SigningKey(key, ROLE, store.actor, "keyring", entry, True)
    return SigningKey(key, ROLE, store.actor, "passphrase", str(ed_file(store)), True,
                      _notice(store, reason or "系统钥匙串未能保存密钥"),
                      notice_problem(store, reason or "系统钥匙串未能保存密钥"))


def _ed_public_fingerprint(store, keyring_backend=None) -> tuple[str, str, str] | None:
    """(fingerprint, storage, location) of the existing Ed25519 key, without any passphrase."""
    if ed_file(store).exists():
        return fingerprint(read_protected_key_public(ed_file(store))), "passphrase", str(ed_file(store))
    backend, _ = keyring_or_reason(keyring_backend)
    if backend is not None:
        stored = _keyring_get(backend, _ed_user(store))
        if stored:
            k = decode_private_key(stored, "系统钥匙串")
            return fingerprint(k.public_key()), "keyring", f"系统钥匙串 {SERVICE} / {_ed_user(store)}"
    return None


# -- the PDF signing key -------------------------------------------------------------------

@dataclass
class PdfKey:
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate | None     # the current one; None until first issued
    retired: list[x509.Certificate]
    storage: str                             # keyring | passphrase
    location: str
    created: bool
    notice: str = ""

    @property
    def fingerprint(self) -> str:
        return spki_fingerprint(self.private_key.public_key())


def _pdf_user(store) -> str:
    return f"pdf-{ROLE}:{store.actor}"


def _pdf_aad(store, obj: dict) -> str:
    return f"{PDF_FORMAT}|{ROLE}:{obj.get('owner', store.actor)}|{obj.get('fingerprint', '')}"


def _pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _load_pem(text: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(text.encode("ascii"))


def _write_pdf(store, key: rsa.RSAPrivateKey, cert, retired, mode: str, backend, *, replace: bool) -> tuple[str, str]:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    storage, secret = "passphrase", None
    if mode == "keyring":
        candidate = secrets.token_urlsafe(32)
        if _keyring_put(backend, _pdf_user(store), candidate):
            storage, secret = "keyring", candidate
    if secret is None:
        secret = passphrase(store)
    obj = {"format": PDF_FORMAT, "role": ROLE, "owner": store.actor, "storage": storage,
           "fingerprint": spki_fingerprint(key.public_key()),
           "certificate": _pem(cert) if cert is not None else "", "retired": [_pem(c) for c in retired]}
    obj["sealed"] = seal_with_passphrase(der, secret, _pdf_aad(store, obj))
    write_private_text(pdf_file(store), json.dumps(obj, ensure_ascii=False, indent=1) + "\n", replace=replace)
    where = f"系统钥匙串 {SERVICE} / {_pdf_user(store)}（加密文件 {pdf_file(store)}）" if storage == "keyring" \
        else str(pdf_file(store))
    return storage, where


def secretary_pdf_key(store, *, keyring_backend=None) -> PdfKey:
    """The secretary's PDF signing key (RSA-3072) and its certificates; the key is created on first use."""
    migrate_legacy(store, keyring_backend=keyring_backend)
    mode, backend, reason = _mode(store, keyring_backend)
    path = pdf_file(store)
    if not path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
        storage, where = _write_pdf(store, key, None, [], mode, backend, replace=False)
        return PdfKey(key, None, [], storage, where, True,
                      "" if storage == "keyring" else _notice(store, reason or "系统钥匙串未能保存密钥"))
    obj = _read_json(path)
    if obj.get("format") != PDF_FORMAT or obj.get("role") != ROLE:
        raise KeyStoreError(f"密钥文件 {path} 不是评审秘书的签名私钥")
    if obj.get("storage") == "keyring":
        if backend is None:
            raise KeyStoreError(f"签名私钥 {path} 的解锁信息在系统钥匙串中，但{reason or '系统钥匙串不可用'}；"
                                f"请在原电脑上用 nn-review keys backup 备份后在本机 keys restore")
        secret = _keyring_get(backend, _pdf_user(store))
        if not secret:
            raise KeyStoreError(f"系统钥匙串中没有签名私钥 {path} 的解锁信息（{_pdf_user(store)}）：请用 "
                                f"nn-review keys restore 从备份恢复")
        storage, where, notice = "keyring", f"系统钥匙串 {SERVICE} / {_pdf_user(store)}（加密文件 {path}）", ""
    else:
        secret = passphrase(store)
        storage, where, notice = "passphrase", str(path), _notice(store, reason or "密钥已以口令加密保存")
    der = open_with_passphrase(obj["sealed"], secret, _pdf_aad(store, obj), f"签名私钥文件 {path}")
    key = serialization.load_der_private_key(der, None)
    if spki_fingerprint(key.public_key()) != obj.get("fingerprint"):
        raise KeyStoreError(f"签名私钥文件 {path} 已被改动（指纹不符）")
    cert = _load_pem(obj["certificate"]) if obj.get("certificate") else None
    if cert is not None and spki_fingerprint(cert.public_key()) != obj["fingerprint"]:
        raise KeyStoreError(f"签名私钥文件 {path} 中的证书与私钥不符")
    return PdfKey(key, cert, [_load_pem(p) for p in obj.get("retired", [])], storage, where, False, notice)


def set_pdf_certificate(store, cert: x509.Certificate) -> list[x509.Certificate]:
    """Make ``cert`` the current certificate of the key file; the previous one joins the retired
    list (kept, so old sheets can still be checked). Returns the retired list."""
    path = pdf_file(store)
    obj = _read_json(path)
    if spki_fingerprint(cert.public_key()) != obj.get("fingerprint"):
        raise KeyStoreError("新证书与评审秘书的签名私钥不符")
    retired = list(obj.get("retired", []))
    if obj.get("certificate") and obj["certificate"] not in retired:
        retired.append(obj["certificate"])
    obj["certificate"], obj["retired"] = _pem(cert), retired
    write_private_text(path, json.dumps(obj, ensure_ascii=False, indent=1) + "\n", replace=True)
    return [_load_pem(p) for p in retired]


# -- migration from the per-user folder of earlier versions --------------------------------

def _legacy_pdf_paths(directory: Path, role: str, owner: str) -> tuple[Path, Path, Path]:
    stem = f"pdf-{role}-{quote(owner, safe='')}"
    return directory / f"{stem}.key.pem", directory / f"{stem}.crt.pem", directory / f"{stem}.pass"


def migrate_legacy(store, *, keyring_backend=None, legacy_dir: Path | None = None) -> list[str]:
    """Move the secretary's keys of earlier versions into the store (resealed), removing the
    plaintext key and ``.pass`` files; returns what was done (Chinese lines, for the audit/CLI)."""
    legacy = Path(legacy_dir) if legacy_dir else default_key_dir()
    done: list[str] = []
    if not legacy.is_dir():
        return done
    old_ed = key_file(ROLE, store.actor, legacy)
    if old_ed.exists() and _ed_public_fingerprint(store, keyring_backend) is None:
        key = decode_private_key(old_ed.read_text(encoding="ascii"), str(old_ed))
        mode, backend, _ = _mode(store, keyring_backend)
        _store_ed(store, key, mode, backend)
        old_ed.unlink()
        done.append(f"评审包签名密钥（指纹 {fingerprint(key.public_key())}）已从 {old_ed} 移入 {key_dir(store)}")
    old_key, old_crt, old_pass = _legacy_pdf_paths(legacy, ROLE, store.actor)
    if old_key.exists() and old_crt.exists() and not pdf_file(store).exists():
        secret = None
        backend, _ = keyring_or_reason(keyring_backend)
        if backend is not None:
            try:
                secret = backend.get_password(SERVICE, _pdf_user(store))
            except Exception:
                secret = None
        if not secret and old_pass.exists():
            secret = old_pass.read_text(encoding="ascii").strip()
        if secret:
            try:
                key = serialization.load_pem_private_key(old_key.read_bytes(), secret.encode("ascii"))
                cert = x509.load_pem_x509_certificate(old_crt.read_bytes())
            except (ValueError, TypeError) as e:
                raise KeyStoreError(f"旧签名私钥 {old_key} 无法读取：{e}") from None
            mode, backend, _ = _mode(store, keyring_backend)
            _write_pdf(store, key, cert, [], mode, backend, replace=False)
            for p in (old_key, old_crt, old_pass):
                p.unlink(missing_ok=True)
            done.append(f"PDF 签名私钥与证书（指纹 {spki_fingerprint(key.public_key())}）已从 {legacy} 移入 "
                        f"{key_dir(store)}，明文口令文件已删除")
    # Leader keys made on this machine by earlier versions prove nothing about the leader: their
    # plaintext passphrases go (the certificates stay, old sheets still verify with the embedded copy).
    for p in legacy.glob("pdf-leader-*.pass"):
        p.unlink(missing_ok=True)
        p.with_name(p.name[:-len(".pass")] + ".key.pem").unlink(missing_ok=True)
        done.append(f"已删除在秘书电脑上生成的旧组长签名私钥 {p.name[:-len('.pass')]}（组长今后在本人电脑上签名）")
    return done


# -- what is where (keys show) -------------------------------------------------------------

@dataclass
class KeyInfo:
    what: str
    storage: str
    location: str
    fingerprint: str
    details: list[str] = field(default_factory=list)


def key_report(store, *, keyring_backend=None) -> list[KeyInfo]:
    """Where each of the secretary's keys lives, with fingerprints; no passphrase needed."""
    migrate_legacy(store, keyring_backend=keyring_backend)
    out: list[KeyInfo] = []
    ed = _ed_public_fingerprint(store, keyring_backend)
    storage_zh = {"keyring": "系统钥匙串", "passphrase": "口令加密文件"}
    if ed:
        out.append(KeyInfo("评审包签名密钥（Ed25519，专家端据指纹核验评审包）", storage_zh[ed[1]], ed[2], ed[0]))
    else:
        out.append(KeyInfo("评审包签名密钥（Ed25519）", "尚未生成", str(key_dir(store)), "—"))
    if pdf_file(store).exists():
        obj = _read_json(pdf_file(store))
        details = []
        if obj.get("certificate"):
            details.append(f"当前证书：{subject_text(_load_pem(obj['certificate']).subject)}")
        for p in obj.get("retired", []):
            c = _load_pem(p)
            details.append(f"已停用证书：{subject_text(c.subject)}（{c.not_valid_before_utc:%Y-%m-%d}）")
        where = str(pdf_file(store)) if obj.get("storage") != "keyring" else \
            f"系统钥匙串 {SERVICE} / {_pdf_user(store)}（加密文件 {pdf_file(store)}）"
        out.append(KeyInfo("PDF 签名私钥（RSA-3072，评审结果表的数字签名）", storage_zh.get(obj.get("storage"), "?"),
                           where, obj.get("fingerprint", ""), details))
    else:
        out.append(KeyInfo("PDF 签名私钥（RSA-3072）", "尚未生成", str(key_dir(store)), "—"))
    return out


# -- backup and restore --------------------------------------------------------------------

@dataclass
class BackupInfo:
    path: Path
    actor: str
    ed25519_fingerprint: str
    pdf_fingerprint: str
    certificates: int


def _db_certificates(store) -> list[dict]:
    from sqlalchemy import select

    from .store.models import SigningCertificate
    with store.read() as s:
        rows = s.scalars(select(SigningCertificate).where(SigningCertificate.role == ROLE,
                                                          SigningCertificate.owner == store.actor)
                         .order_by(SigningCertificate.id)).all()
        return [{"cert_pem": r.cert_pem, "created_at": r.created_at.isoformat() if r.created_at else None,
                 "retired_at": r.retired_at.isoformat() if r.retired_at else None, "source": r.source}
                for r in rows]


@operation
def backup(store, out: str | Path, backup_passphrase: str, *, keyring_backend=None) -> BackupInfo:
    """Write the secretary's keys and certificates to ``out``, sealed under ``backup_passphrase``."""
    from .signer import get_profile
    out = Path(out)
    ed_known = _ed_public_fingerprint(store, keyring_backend) is not None or key_file(
        ROLE, store.actor, default_key_dir()).exists()
    if not ed_known and not pdf_file(store).exists() and not _legacy_pdf_paths(
            default_key_dir(), ROLE, store.actor)[0].exists():
        raise KeyStoreError("本存储还没有评审秘书的密钥，无需备份", key_problem("keys.error.no_keys"))
    ed = secretary_ed25519(store, keyring_backend=keyring_backend)
    pdf = secretary_pdf_key(store, keyring_backend=keyring_backend)
    raw = ed.private_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption())
    der = pdf.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    profile = get_profile(store)
    payload = {"ed25519": base64.b64encode(raw).decode("ascii"), "pdf_key": base64.b64encode(der).decode("ascii"),
               "certificate": _pem(pdf.certificate) if pdf.certificate else "",
               "retired": [_pem(c) for c in pdf.retired], "db_certificates": _db_certificates(store),
               "profile": {"name": profile.name, "title": profile.title, "unit": profile.unit} if profile else None}
    obj = {"format": BACKUP_FORMAT, "actor": store.actor,
           "created_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
           "ed25519_fingerprint": ed.fingerprint, "pdf_fingerprint": pdf.fingerprint,
           "sealed": seal_with_passphrase(json.dumps(payload).encode("utf-8"), backup_passphrase, BACKUP_FORMAT)}
    write_private_text(out, json.dumps(obj, ensure_ascii=False, indent=1) + "\n", replace=True)
    n = len({c for c in [payload["certificate"], *payload["retired"], *(r["cert_pem"] for r in payload["db_certificates"])] if c})
    with store.write() as s:
        store.audit(s, "keys.backup", None, file=str(out), ed25519=ed.fingerprint, pdf=pdf.fingerprint)
    return BackupInfo(out, store.actor, ed.fingerprint, pdf.fingerprint, n)


def read_backup(path: str | Path, backup_passphrase: str) -> tuple[dict, dict]:
    """(header, payload) of a backup archive; wrong passphrase / damaged file → KeyStoreError."""
    path = Path(path)
    obj = _read_json(path)
    if obj.get("format") != BACKUP_FORMAT:
        raise KeyStoreError(f"{path} 不是评审秘书密钥备份文件（应为 {BACKUP_FORMAT}）", key_problem("keys.error.not_backup"))
    data = open_with_passphrase(obj.get("sealed") or {}, backup_passphrase, BACKUP_FORMAT, f"密钥备份 {path}")
    try:
        return obj, json.loads(data)
    except ValueError:
        raise KeyStoreError(f"密钥备份 {path} 已损坏", key_problem("keys.error.backup_damaged")) from None


@operation
def restore(store, path: str | Path, backup_passphrase: str, *, force: bool = False,
            keyring_backend=None) -> BackupInfo:
    """Bring the keys of a backup into this store (same fingerprints as on the old PC).

    Different keys already here are kept unless ``force`` (then they are replaced: bundles they
    signed can no longer be checked by experts who pinned them)."""
    from .signer import record_certificates, set_profile_if_missing
    header, payload = read_backup(path, backup_passphrase)
    try:
        ed_key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(payload["ed25519"]))
        pdf_key = serialization.load_der_private_key(base64.b64decode(payload["pdf_key"]), None)
        cert = _load_pem(payload["certificate"]) if payload.get("certificate") else None
        retired = [_load_pem(p) for p in payload.get("retired", [])]
    except Exception as e:
        raise KeyStoreError(f"密钥备份 {path} 已损坏（{e}）", key_problem("keys.error.backup_damaged")) from None
    ed_fp, pdf_fp = fingerprint(ed_key.public_key()), spki_fingerprint(pdf_key.public_key())
    migrate_legacy(store, keyring_backend=keyring_backend)
    have_ed = _ed_public_fingerprint(store, keyring_backend)
    have_pdf = _read_json(pdf_file(store)).get("fingerprint") if pdf_file(store).exists() else None
    clash = [f"评审包签名密钥（本机 {have_ed[0]}，备份 {ed_fp}）"] if have_ed and have_ed[0] != ed_fp else []
    if have_pdf and have_pdf != pdf_fp:
        clash.append(f"PDF 签名私钥（本机 {have_pdf}，备份 {pdf_fp}）")
    if clash and not force:
        raise KeyStoreError("本机已有不同的评审秘书密钥：" + "；".join(clash)
                            + "。如确要用备份替换（专家已登记的旧指纹将失效），请加 --force")
    mode, backend, _ = _mode(store, keyring_backend)
    if not have_ed or have_ed[0] != ed_fp:
        _store_ed(store, ed_key, mode, backend, replace=True)
    # The PDF key file is always rewritten: it brings the backup's retired certificates too.
    keep_old = []
    if have_pdf == pdf_fp:
        old = _read_json(pdf_file(store))
        keep_old = [_load_pem(p) for p in old.get("retired", []) if p not in payload.get("retired", [])]
    mode, backend, _ = _mode(store, keyring_backend)
    _write_pdf(store, pdf_key, cert, retired + keep_old, mode, backend, replace=True)
    record_certificates(store, payload.get("db_certificates", []), cert, retired)
    if payload.get("profile"):
        set_profile_if_missing(store, **payload["profile"])
    with store.write() as s:
        store.audit(s, "keys.restore", None, file=str(path), ed25519=ed_fp, pdf=pdf_fp, replaced=bool(clash),
                    from_actor=header.get("actor"))
    n = len({c for c in [payload.get("certificate"), *payload.get("retired", [])] if c})
    return BackupInfo(Path(path), store.actor, ed_fp, pdf_fp, n)
