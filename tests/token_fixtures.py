"""A SoftHSM2 token holding CA-issued test certificates, like a bureau's UKey.

``softhsm_token`` (session scope): a temporary SoftHSM2 config and token directory
(``SOFTHSM2_CONF``), one token initialised with ``softhsm2-util --init-token``; a test CA and
certificates it issued for the secretary and the panel leader (made with ``cryptography``); the
keys imported with ``softhsm2-util --import``, the certificates (and the CA's, without a key)
written as certificate objects through python-pkcs11. Skips when SoftHSM2 is not installed
(scripts/setup.sh installs it, so CI runs these tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from nn_review.results.pkcs11_signer import SOFTHSM_LIBS

TOKEN_LABEL = "南宁测试UKey"
PIN = "Ukey#4711pin"          # distinctive, so a test can grep that it is written nowhere
SO_PIN = "so-12345678"
CA_NAME = "南宁测试数字证书认证中心"
# label → (common name, id): the leader has a second key ("leader-new") for the re-pin tests
KEYS = {"secretary": ("张秘书", b"\x01"), "leader": ("王建国", b"\x02"), "leader-new": ("王建国", b"\x03")}


def softhsm_library() -> str | None:
    if not shutil.which("softhsm2-util"):
        return None
    candidates = list(SOFTHSM_LIBS)
    try:  # Debian: ask the package where its module is
        listing = subprocess.run(["dpkg", "-L", "softhsm2", "libsofthsm2"], capture_output=True, text=True).stdout
        candidates = [line for line in listing.splitlines() if line.endswith("libsofthsm2.so")] + candidates
    except OSError:
        pass
    return next((c for c in candidates if Path(c).is_file()), None)


@dataclass
class SoftToken:
    library: str
    label: str
    pin: str
    conf: Path
    ca: x509.Certificate
    certs: dict[str, x509.Certificate] = field(default_factory=dict)

    def cli(self, key_label: str, *extra: str) -> list[str]:
        """The CLI options that sign with the key ``key_label`` of this token."""
        return ["--pkcs11-lib", self.library, "--token-label", self.label, "--key-label", key_label, *extra]


def _name(cn: str, unit: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "南宁市科学技术局"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject, issuer, public_key, signing_key, *, ca: bool) -> x509.Certificate:
    now = datetime.now(timezone.utc) - timedelta(hours=1)
    usage = x509.KeyUsage(digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                          encipher_only=False, decipher_only=False)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
            .add_extension(usage, critical=True)
            .sign(signing_key, hashes.SHA256()))


def make_softhsm_token(root: Path) -> SoftToken:
    lib = softhsm_library()
    if lib is None:
        pytest.skip("SoftHSM2 is not installed (apt-get install softhsm2; scripts/setup.sh does it)")
    root.mkdir(parents=True, exist_ok=True)
    (root / "tokens").mkdir()
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    env = dict(os.environ)

    def run(*args: str) -> None:
        subprocess.run(["softhsm2-util", *args], check=True, capture_output=True, env=env)

    run("--init-token", "--free", "--label", TOKEN_LABEL, "--pin", PIN, "--so-pin", SO_PIN)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_cert = _cert(_name(CA_NAME, "证书认证中心"), _name(CA_NAME, "证书认证中心"), ca_key.public_key(), ca_key, ca=True)
    token = SoftToken(lib, TOKEN_LABEL, PIN, conf, ca_cert)
    objects = [("ca", b"\xca", ca_cert)]
    for label, (cn, kid) in KEYS.items():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = _cert(_name(cn, "评审专家委员会"), ca_cert.subject, key.public_key(), ca_key, ca=False)
        pem = root / f"{label}.key.pem"
        pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
        run("--import", str(pem), "--token", TOKEN_LABEL, "--label", label, "--id", kid.hex(), "--pin", PIN)
        pem.unlink()  # the key lives in the token only
        token.certs[label] = cert
        objects.append((label, kid, cert))

    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass
    p11 = pkcs11.lib(lib)
    p11.reinitialize()  # read the config written above
    with p11.get_token(token_label=TOKEN_LABEL).open(rw=True, user_pin=PIN) as s:
        for label, kid, cert in objects:
            s.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                             Attribute.TOKEN: True, Attribute.PRIVATE: False, Attribute.LABEL: label, Attribute.ID: kid,
                             Attribute.SUBJECT: cert.subject.public_bytes(),
                             Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})
    p11.finalize()
    return token


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory):
    before = os.environ.get("SOFTHSM2_CONF")
    token = make_softhsm_token(tmp_path_factory.mktemp("softhsm"))
    yield token
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


@pytest.fixture
def token_pin(monkeypatch, softhsm_token):
    """Scripted PIN entry ($NN_REVIEW_PKCS11_PIN), as a bureau's batch script would do."""
    monkeypatch.setenv("NN_REVIEW_PKCS11_PIN", softhsm_token.pin)
    return softhsm_token.pin
