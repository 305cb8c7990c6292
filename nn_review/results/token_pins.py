"""Recording the token certificates used for signing (``signing_certificates``, source ``pkcs11``)
and signing sheets with a token: the secretary's certificate is recorded under the actor; the
panel leader's is pinned under the leader's roster key on first use (after it has been shown),
and a different certificate later needs a re-pin reason — the old pin is retired, never deleted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cryptography import x509

from .pkcs11_signer import TokenError, TokenIdentity
from ..changes import operation

SOURCE = "pkcs11"


@dataclass(frozen=True)
class LeaderCheck:
    """What the store knows of the leader's certificate against the token's."""
    status: str                  # new | same | different
    roster_key: str
    expert_id: int
    leader_name: str
    pinned_fingerprint: str = ""
    pinned_subject: str = ""
    name_matches: bool = True    # the certificate's CN is the leader's name (spaces ignored)


def panel_leader(store, panel_id: int | None) -> tuple[str, int, str]:
    """(roster key, expert id, name) of the panel's leader."""
    from ..store.models import Expert, Panel
    from .errors import ResultsError
    if panel_id is None:
        raise ResultsError("组长签名须指明评审组", "sign.panel")
    with store.read() as s:
        panel = s.get(Panel, panel_id)
        leader = s.get(Expert, panel.leader_expert_id) if panel and panel.leader_expert_id else None
        if leader is None:
            raise ResultsError(f"评审组“{panel.name if panel else panel_id}”尚未指定组长", "sign.no_leader")
        return leader.roster_key, leader.id, leader.name


def _current(s, role: str, owner: str):
    from sqlalchemy import select

    from ..store.models import SigningCertificate
    return s.scalars(select(SigningCertificate).where(SigningCertificate.role == role, SigningCertificate.owner == owner,
                                                      SigningCertificate.retired_at.is_(None))
                     .order_by(SigningCertificate.id.desc())).all()


def _same(row, cert: x509.Certificate) -> bool:
    try:
        return x509.load_pem_x509_certificate(row.cert_pem.encode("ascii")) == cert
    except ValueError:
        return False


def check_leader_certificate(store, panel_id: int | None, identity: TokenIdentity) -> LeaderCheck:
    """Is the token's certificate the one pinned for the panel's leader (read only)?"""
    roster_key, expert_id, name = panel_leader(store, panel_id)
    matches = "".join(identity.name.split()) == "".join(name.split())
    with store.read() as s:
        rows = _current(s, "leader", roster_key)
        if not rows:
            return LeaderCheck("new", roster_key, expert_id, name, name_matches=matches)
        status = "same" if any(_same(r, identity.certificate) for r in rows) else "different"
        return LeaderCheck(status, roster_key, expert_id, name, rows[0].fingerprint, rows[0].subject, matches)


def _record(s, store, identity: TokenIdentity, *, owner: str, expert_id: int | None, reason: str) -> bool:
    """Add the certificate as current for (role, owner) unless it already is; a leader's other
    current certificate is retired (one pin per leader). True when a row was added."""
    from ..store.models import SigningCertificate
    rows = _current(s, identity.role, owner)
    if any(_same(r, identity.certificate) for r in rows):
        return False
    if identity.role == "leader":
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        for r in rows:
            r.retired_at = now
    s.add(SigningCertificate(role=identity.role, owner=owner, expert_id=expert_id, fingerprint=identity.fingerprint,
                             subject=identity.subject, cert_pem=identity.cert_pem, source=SOURCE, reason=reason,
                             actor=store.actor))
    return True


@operation
def record_secretary_certificate(store, identity: TokenIdentity) -> bool:
    """Record the secretary's token certificate (role secretary, owner = the actor); idempotent."""
    with store.write() as s:
        added = _record(s, store, identity, owner=store.actor, expert_id=None, reason="")
        if added:
            store.audit(s, "signing.certificate", None, role="secretary", owner=store.actor, source=SOURCE,
                        fingerprint=identity.fingerprint, subject=identity.subject)
    return added


@dataclass
class TokenSignResult:
    identity: TokenIdentity
    files: list[Path]
    check: LeaderCheck | None = None
    pinned: bool = False          # a leader certificate was pinned (first use or re-pin)


@operation
def sign_with_token(store, paths: list[str | Path], identity: TokenIdentity, *, panel_id: int | None = None,
                    repin_reason: str = "", confirm: Callable[[LeaderCheck, TokenIdentity], bool] | None = None
                    ) -> TokenSignResult:
    """Add the token identity's signature to sheets already written (``session sign``).

    As leader: the certificate must be the one pinned for the panel's leader; on first use
    ``confirm(check, identity)`` (shows subject and fingerprint) decides, and the certificate is
    pinned; a different certificate is refused unless ``repin_reason`` is given. The files are
    signed, then the pin and the audit are written in one transaction."""
    from .errors import ResultsError
    from ..pdf.signing import sign_file
    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.is_file():
            raise ResultsError(f"找不到要签名的文件：{p}", "sign.no_file")
    check = None
    reason = repin_reason.strip()
    if identity.role == "leader":
        check = check_leader_certificate(store, panel_id, identity)
        if check.status == "different" and not reason:
            raise TokenError(
                f"UKey 中的证书（{identity.subject}，指纹 {identity.fingerprint}）与组长 {check.leader_name} "
                f"已登记的证书（{check.pinned_subject}，指纹 {check.pinned_fingerprint}）不同；如确属组长更换了 UKey "
                f"或证书，请写明理由重新登记（--repin-reason）", "pkcs11.leader_mismatch")
        if check.status in ("new", "different") and confirm is not None and not confirm(check, identity):
            raise TokenError("已取消：未登记组长证书，文件未签名", "pkcs11.cancelled")
    for p in paths:
        sign_file(p, identity)
    pinned = False
    with store.write() as s:
        if identity.role == "leader":
            pinned = _record(s, store, identity, owner=check.roster_key, expert_id=check.expert_id,
                             reason=reason if check.status == "different" else "")
            if pinned:
                store.audit(s, "signing.pin" if check.status == "new" else "signing.repin", None, role="leader",
                            owner=check.roster_key, expert_id=check.expert_id, source=SOURCE,
                            fingerprint=identity.fingerprint, subject=identity.subject,
                            previous=check.pinned_fingerprint, reason=reason)
        else:
            if _record(s, store, identity, owner=store.actor, expert_id=None, reason=""):
                store.audit(s, "signing.certificate", None, role="secretary", owner=store.actor, source=SOURCE,
                            fingerprint=identity.fingerprint, subject=identity.subject)
        store.audit(s, "results.sign", None, role=identity.role, signer=identity.name, source=SOURCE,
                    fingerprint=identity.fingerprint, token=identity.token_label, files=[str(p) for p in paths])
    return TokenSignResult(identity, paths, check, pinned)
