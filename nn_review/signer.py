"""The signer's profile (real name, title, unit) and the record of the signing certificates.

A signature names a person: before the first signing the secretary states their real name,
title and unit once (GUI dialog / ``nn-review signer set``), kept in ``signer_profiles`` per
``store.actor``. The certificate's subject carries them (CN = name, title, O = unit). When the
profile changes, the next signing issues a new certificate for the same key and retires the
old one (``signing_certificates.retired_at``): retired certificates are kept, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .certs import spki_fingerprint, subject_text
from .keys import KeyStoreError
from .store.models import SignerProfile, SigningCertificate, utcnow
from .changes import operation

MAX = {"name": 100, "title": 100, "unit": 200}
FIELD_ZH = {"name": "姓名", "title": "职务", "unit": "单位"}


class SignerError(KeyStoreError):
    """A profile problem the user fixes (shown as is by the CLI and the GUI)."""


NO_PROFILE = ("尚未填写签名人资料（真实姓名、职务、单位），不能签名：请先运行 "
              "nn-review signer set --name 姓名 --title 职务 --unit 单位（界面：设置 → 签名人）")


@dataclass(frozen=True)
class Profile:
    actor: str
    name: str
    title: str
    unit: str
    updated_at: datetime | None = None


def get_profile(store, actor: str | None = None) -> Profile | None:
    with store.read() as s:
        row = s.scalar(select(SignerProfile).where(SignerProfile.actor == (actor or store.actor)))
        return Profile(row.actor, row.name, row.title, row.unit, row.updated_at) if row else None


def person_name(s, actor: str) -> str:
    """How a record names the person behind an OS login (``actor``): the real name of their
    signer profile when they have one (a sheet must not print "root" as a person), else the login."""
    row = s.scalar(select(SignerProfile).where(SignerProfile.actor == actor))
    return row.name if row is not None else actor


def require_profile(store) -> Profile:
    p = get_profile(store)
    if p is None:
        raise SignerError(NO_PROFILE)
    return p


def _clean(name: str, title: str, unit: str) -> dict[str, str]:
    values = {"name": " ".join((name or "").split()), "title": " ".join((title or "").split()),
              "unit": " ".join((unit or "").split())}
    for k, v in values.items():
        if not v:
            raise SignerError(f"签名人资料的“{FIELD_ZH[k]}”不能为空")
        if len(v) > MAX[k]:
            raise SignerError(f"签名人资料的“{FIELD_ZH[k]}”过长（最多 {MAX[k]} 个字符，实际 {len(v)}）")
    if values["name"] in {"root", "admin", "administrator", "user"}:
        raise SignerError(f"“{values['name']}”不是人的姓名：请填写签名人的真实姓名")
    return values


@operation
def set_profile(store, name: str, title: str, unit: str) -> Profile:
    """Create or change the profile of ``store.actor``; the certificate follows at the next signing."""
    v = _clean(name, title, unit)
    with store.write() as s:
        row = s.scalar(select(SignerProfile).where(SignerProfile.actor == store.actor))
        old = (row.name, row.title, row.unit) if row else None
        if row is None:
            row = SignerProfile(actor=store.actor, **v)
            s.add(row)
        else:
            row.name, row.title, row.unit = v["name"], v["title"], v["unit"]
        row.updated_at = utcnow()
        if old != (v["name"], v["title"], v["unit"]):
            store.audit(s, "signer.profile", None, old=list(old) if old else None, new=[v["name"], v["title"], v["unit"]])
    return get_profile(store)


def set_profile_if_missing(store, name: str, title: str, unit: str) -> None:
    if get_profile(store) is None:
        set_profile(store, name, title, unit)


# -- certificate records -------------------------------------------------------------------

@dataclass(frozen=True)
class CertRecord:
    id: int
    role: str
    owner: str
    fingerprint: str
    subject: str
    source: str
    created_at: datetime | None
    retired_at: datetime | None
    cert_pem: str


def certificates(store, role: str = "secretary", owner: str | None = None) -> list[CertRecord]:
    """Every certificate recorded for (role, owner), oldest first; the current one has no retired_at."""
    with store.read() as s:
        q = select(SigningCertificate).where(SigningCertificate.role == role)
        if owner is not None or role == "secretary":
            q = q.where(SigningCertificate.owner == (owner or store.actor))
        return [CertRecord(r.id, r.role, r.owner, r.fingerprint, r.subject, r.source, r.created_at, r.retired_at,
                           r.cert_pem) for r in s.scalars(q.order_by(SigningCertificate.id))]


def _fp_subject(cert):
    from cryptography.hazmat.primitives import serialization

    return (spki_fingerprint(cert.public_key()), subject_text(cert.subject),
            cert.public_bytes(serialization.Encoding.PEM).decode("ascii"))


@operation
def use_certificate(store, cert, *, source: str = "created", role: str = "secretary") -> None:
    """Record ``cert`` as the current certificate of (role, store.actor); any other current one is
    retired (kept). Nothing happens when it is already the current one."""
    fp, subject, pem = _fp_subject(cert)
    with store.write() as s:
        rows = s.scalars(select(SigningCertificate).where(SigningCertificate.role == role,
                                                          SigningCertificate.owner == store.actor)).all()
        if any(r.cert_pem == pem and r.retired_at is None for r in rows):
            return
        now = utcnow()
        for r in rows:
            if r.retired_at is None:
                r.retired_at = now
        existing = next((r for r in rows if r.cert_pem == pem), None)
        if existing is not None:
            existing.retired_at = None
        else:
            s.add(SigningCertificate(role=role, owner=store.actor, fingerprint=fp, subject=subject, cert_pem=pem,
                                     source=source, reason="", actor=store.actor, created_at=now))
        store.audit(s, "signer.certificate", None, role=role, fingerprint=fp, subject=subject, source=source)


@operation
def record_certificates(store, records: list[dict], current, retired: list) -> None:
    """After a restore: the certificates of the backup, retired ones with their retirement time."""
    from cryptography import x509
    seen = {c.cert_pem for c in certificates(store)}
    items = [(r["cert_pem"], r.get("retired_at"), r.get("created_at")) for r in records]
    items += [(_fp_subject(c)[2], "retired", None) for c in retired]
    with store.write() as s:
        for pem, retired_at, created_at in items:
            if pem in seen:
                continue
            seen.add(pem)
            cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
            fp, subject, _ = _fp_subject(cert)
            when = None if retired_at is None else (utcnow() if retired_at == "retired"
                                                     else datetime.fromisoformat(retired_at))
            s.add(SigningCertificate(role="secretary", owner=store.actor, fingerprint=fp, subject=subject,
                                     cert_pem=pem, source="created", reason="从备份恢复", actor=store.actor,
                                     created_at=datetime.fromisoformat(created_at) if created_at else utcnow(),
                                     retired_at=when))
    if current is not None:
        use_certificate(store, current)
