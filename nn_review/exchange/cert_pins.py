"""Pins of the experts' PDF-signing certificates (table ``signing_certificates``, role ``expert``).

The certificate travels inside the expert's signed ``.nnscore`` (``pdf_certificate``). As with the
Ed25519 key: the first accepted file pins it (source ``first_use``); a different certificate later
is refused until the secretary re-pins it with a reason (``session repin-cert``, source ``repin``,
the old pin retired, never deleted). A panel leader's countersignature on a result sheet is
accepted only with a current pin of that leader (:mod:`nn_review.results.accept`).
"""

from __future__ import annotations

from cryptography import x509
from sqlalchemy import select

from ..certs import certificate_fingerprint, subject_text
from ..keys import normalize_fingerprint
from ..store import Store
from ..store.models import Expert, SigningCertificate, utcnow
from ..formats.errors import ExchangeError
from ..changes import operation

PIN_ROLES = ("expert", "leader")


def cert_fingerprint_pem(pem: str) -> tuple[str, str]:
    """(fingerprint, subject) of a PEM certificate."""
    cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
    return certificate_fingerprint(cert), subject_text(cert.subject)


def current_pins(s, owner: str) -> list[SigningCertificate]:
    """The current (not retired) certificate pins of a roster key."""
    return list(s.scalars(select(SigningCertificate).where(
        SigningCertificate.role.in_(PIN_ROLES), SigningCertificate.owner == owner,
        SigningCertificate.retired_at.is_(None)).order_by(SigningCertificate.id)))


def pin_holder(s, fingerprint: str) -> SigningCertificate | None:
    """The current pin (any expert) with this fingerprint."""
    return s.scalar(select(SigningCertificate).where(
        SigningCertificate.role.in_(PIN_ROLES), SigningCertificate.fingerprint == fingerprint,
        SigningCertificate.retired_at.is_(None)))


def check_and_pin(s, store: Store, expert: Expert, pem: str | None, file_name: str) -> str | None:
    """Inside the score import's transaction: pin on first use, refuse a different certificate.
    Returns the fingerprint (None for files without a certificate: older workspaces)."""
    if not pem:
        return None
    fpr, subject = cert_fingerprint_pem(pem)  # the structure was checked when the file was read
    pins = current_pins(s, expert.roster_key)
    if any(p.fingerprint == fpr for p in pins):
        for p in pins:
            if p.fingerprint == fpr and not p.cert_pem:  # re-pinned by fingerprint: keep the certificate now
                p.cert_pem, p.subject = pem, subject
        return fpr
    if pins:
        raise ExchangeError(
            f"{file_name} 中专家“{expert.name}”的 PDF 签名证书（指纹 {fpr}）与此前登记的证书（指纹 {pins[-1].fingerprint}）"
            f"不同，拒绝导入。若已与专家本人核实其更换了电脑，请先运行 nn-review session repin-cert 重新登记",
            "scores.cert_changed", "pdf_certificate")
    holder = pin_holder(s, fpr)
    if holder is not None:
        raise ExchangeError(f"{file_name} 的 PDF 签名证书 {fpr} 已登记给专家库编号 {holder.owner}，"
                            f"不能再用于专家“{expert.name}”", "scores.cert_in_use", "pdf_certificate")
    s.add(SigningCertificate(role="expert", owner=expert.roster_key, expert_id=expert.id, fingerprint=fpr,
                             subject=subject, cert_pem=pem, source="first_use", reason="首次导入评分文件时登记",
                             actor=store.actor))
    store.audit(s, "expert.pin_cert", None, expert_id=expert.id, expert=expert.name, fingerprint=fpr,
                file=file_name)
    return fpr


@operation
def repin_certificate(store: Store, expert_id: int, new_fpr: str, reason: str) -> str:
    """Accept a new PDF certificate for an expert (new laptop): the old pin is retired. The
    certificate itself is kept at the next import that carries it."""
    try:
        fpr = normalize_fingerprint(new_fpr)
    except ValueError as e:
        raise ExchangeError(str(e), "cert.fingerprint") from None
    if not (reason or "").strip():
        raise ExchangeError("重新登记专家 PDF 签名证书必须写明理由（例如：已电话核实专家更换了电脑）", "cert.reason")
    with store.write() as s:
        expert = s.get(Expert, expert_id)
        if expert is None:
            raise ExchangeError(f"没有专家 {expert_id}", "expert.missing")
        pins = current_pins(s, expert.roster_key)
        if any(p.fingerprint == fpr for p in pins):
            raise ExchangeError(f"专家“{expert.name}”当前登记的就是该证书 {fpr}", "cert.same")
        holder = pin_holder(s, fpr)
        if holder is not None:
            raise ExchangeError(f"证书 {fpr} 已登记给专家库编号 {holder.owner}", "cert.in_use")
        now = utcnow()
        for p in pins:
            p.retired_at = now
        s.add(SigningCertificate(role="expert", owner=expert.roster_key, expert_id=expert.id, fingerprint=fpr,
                                 subject="", cert_pem="", source="repin", reason=reason.strip(), actor=store.actor))
        store.audit(s, "expert.repin_cert", None, expert_id=expert_id, expert=expert.name,
                    old=[p.fingerprint for p in pins], new=fpr, reason=reason.strip())
    return fpr
