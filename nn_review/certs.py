"""How the app names an X.509 signing certificate: its fingerprint and its subject as text.

One definition for every place that pins, shows or compares certificates (secretary keys, the
expert's PDF identity, UKeys, pins, signature checks), so the fingerprint on a stamp, in a pin and
in a refusal message is always the same string."""

from __future__ import annotations

import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID


def spki_fingerprint(public_key) -> str:
    """SHA-256 of the DER SubjectPublicKeyInfo, first 16 bytes, upper hex in groups of 4 (like the
    Ed25519 key fingerprints: short enough to read aloud over the phone)."""
    spki = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    h = hashlib.sha256(spki).hexdigest()[:32].upper()
    return " ".join(h[i:i + 4] for i in range(0, 32, 4))


def certificate_fingerprint(cert: x509.Certificate) -> str:
    return spki_fingerprint(cert.public_key())


def subject_text(name: x509.Name) -> str:
    """A certificate subject as text, with ``title`` named (pdfsig prints it the same way)."""
    return name.rfc4514_string({NameOID.TITLE: "title"})
