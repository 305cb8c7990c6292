"""The signing identities on the secretary's machine: the secretary's own (key in
``<store>/keys/``, certificate from the signer profile); never the panel leader's (the leader
countersigns in the expert workspace or with a hardware token). Signing itself: ``nn_review.pdf.signing``."""

from __future__ import annotations

from ..keys import KeyStoreError
from ..pdf.signing import SigningIdentity, certificate_subject, new_certificate

LEADER_SIGNS_ELSEWHERE = ("组长不能在秘书电脑上用本机生成的密钥签名（那不能证明组长本人签署）：请组长在本人电脑的"
                          "专家工作台中加签（nn-review expert countersign 文件），秘书再用 session accept-signed "
                          "接收；或由组长携带本人的 UKey 在本机签名（--pkcs11-lib）")


def secretary_identity(store, *, keyring_backend=None) -> SigningIdentity:
    """The secretary's PDF signing identity: refused without a signer profile; the certificate is
    issued (first use) or re-issued (profile changed, the old one retired) here."""
    from ..secretary_keys import secretary_pdf_key, set_pdf_certificate
    from ..signer import require_profile, use_certificate
    profile = require_profile(store)
    pk = secretary_pdf_key(store, keyring_backend=keyring_backend)
    subject = certificate_subject(profile.name, profile.title, profile.unit, "secretary")
    cert = pk.certificate
    if cert is not None:
        use_certificate(store, cert)  # e.g. a certificate of an earlier version not yet recorded
    if cert is None or cert.subject != subject:
        cert = new_certificate(pk.private_key, subject)
        set_pdf_certificate(store, cert)
        use_certificate(store, cert)
    return SigningIdentity("secretary", store.actor, profile.name, pk.private_key, cert, pk.storage, pk.location,
                           pk.created, pk.notice, profile.title, profile.unit)


def leader_identity(*_args, **_kw) -> SigningIdentity:
    """Refused: no leader key is ever made on the secretary's machine."""
    raise KeyStoreError(LEADER_SIGNS_ELSEWHERE)
