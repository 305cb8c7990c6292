"""PAdES signatures of the result sheets (pyHanko), with a visible signature box.

Signing identities: the secretary's (one per OS user / ``NN_REVIEW_ACTOR``, like the
Ed25519 bundle key) and each panel leader's (per roster key), created on first use: an
RSA-3072 key and a self-signed X.509 certificate naming the signer. The key is kept in
a PKCS#8 file encrypted with a random passphrase; the passphrase lives in the OS keyring
(service ``nn-review``, user ``pdf-<role>:<owner>``). Without a usable keyring (or with
``NN_REVIEW_KEYRING=file``) the passphrase goes to a 0600 file beside the key, and the
identity carries a Chinese notice saying so — as :mod:`nn_review.keys` does. The files
live in :func:`nn_review.keys.default_key_dir` (``$NN_REVIEW_KEY_DIR``).

A sheet is signed in an incremental update, so a later signature (the panel leader's)
leaves the earlier one valid: the first signing also creates both empty signature fields
(secretary and leader) at the boxes the layout reserved. Signatures are approval
signatures (``ETSI.CAdES.detached``, SHA-256). The box shows the role, the signer, the
signing time and the key fingerprint (SHA-256 of the public key, first 16 bytes).
``pdfsig`` reports every signature "Signature is Valid."; the certificate is self-signed,
so readers report it as not (yet) trusted until the bureau's readers trust it.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ..keys import SERVICE, KeyStoreError, _usable, default_key_dir
from .pdfkit import SIG_LABELS, SIG_LEADER, SIG_SECRETARY, SlotSink

ROLE_ZH = {"secretary": "评审秘书", "leader": "专家组组长"}
FIELD_OF_ROLE = {"secretary": SIG_SECRETARY, "leader": SIG_LEADER}
ORG = "南宁市科学技术局 评审专家委员会"


@dataclass(frozen=True)
class SigningIdentity:
    role: str                 # secretary | leader
    owner_id: str
    name: str                 # the signer's name as in the certificate
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    storage: str              # where the passphrase is: keyring | file
    location: str
    created: bool
    notice: str = ""

    @property
    def fingerprint(self) -> str:
        spki = self.certificate.public_key().public_bytes(serialization.Encoding.DER,
                                                          serialization.PublicFormat.SubjectPublicKeyInfo)
        h = hashlib.sha256(spki).hexdigest()[:32].upper()
        return " ".join(h[i:i + 4] for i in range(0, 32, 4))

    @property
    def role_zh(self) -> str:
        return ROLE_ZH.get(self.role, self.role)

    def make_signer(self):
        """The pyHanko signer of this identity (a token identity gives its PKCS#11 signer)."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko_certvalidator.registry import SimpleCertificateStore
        der_key = self.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
        return _LoadedKeySigner(
            self.private_key,
            signing_cert=asn1_x509.Certificate.load(self.certificate.public_bytes(serialization.Encoding.DER)),
            signing_key=asn1_keys.PrivateKeyInfo.load(der_key), cert_registry=SimpleCertificateStore())


def _paths(role: str, owner_id: str, directory: Path) -> tuple[Path, Path, Path]:
    stem = f"pdf-{role}-{quote(owner_id, safe='')}"
    return directory / f"{stem}.key.pem", directory / f"{stem}.crt.pem", directory / f"{stem}.pass"


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _check_mode(path: Path) -> None:
    if sys.platform != "win32" and path.stat().st_mode & 0o077:
        raise KeyStoreError(f"文件 {path} 的权限过宽（其他用户可读）；请执行 chmod 600 后重试")


def _new_certificate(key: rsa.RSAPrivateKey, name: str, role: str) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORG),
                         x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ROLE_ZH.get(role, role)),
                         x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")])
    now = datetime.now(timezone.utc) - timedelta(minutes=5)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))


def load_or_create_identity(role: str, owner_id: str, name: str, *, keyring_backend=None,
                            key_dir: str | Path | None = None) -> SigningIdentity:
    """The PDF signing identity of ``role`` for ``owner_id``; created on first use."""
    if role not in ROLE_ZH or not owner_id:
        raise KeyStoreError(f"无效的签名身份：{role!r} / {owner_id!r}")
    directory = Path(key_dir) if key_dir else default_key_dir()
    key_path, cert_path, pass_path = _paths(role, owner_id, directory)
    user = f"pdf-{role}:{owner_id}"
    entry = f"系统钥匙串 {SERVICE} / {user}"

    backend, reason = None, ""
    if os.environ.get("NN_REVIEW_KEYRING", "").lower() == "file":
        reason = "按设置（NN_REVIEW_KEYRING=file）不使用系统钥匙串"
    else:
        if keyring_backend is None:
            import keyring
            keyring_backend = keyring.get_keyring()
        if _usable(keyring_backend):
            backend = keyring_backend
        else:
            reason = "本机没有可用的系统钥匙串"

    def file_notice(why: str) -> str:
        return (f"{why}：签名私钥 {key_path} 的口令保存在文件 {pass_path}（仅本用户可读，权限 0600），"
                f"请妥善备份并防止泄露。")

    if key_path.exists() and cert_path.exists():
        passphrase, storage, location, notice = None, "", "", ""
        if backend is not None:
            try:
                stored = backend.get_password(SERVICE, user)
            except Exception as e:  # locked keyring daemon: try the file
                stored, reason = None, f"系统钥匙串不可用（{e}）"
            if stored:
                passphrase, storage, location = stored.encode("ascii"), "keyring", entry
        if passphrase is None and pass_path.exists():
            _check_mode(pass_path)
            passphrase = pass_path.read_bytes().strip()
            storage, location = "file", str(pass_path)
            notice = file_notice(reason or "系统钥匙串中没有该口令，沿用此前保存的文件")
        if passphrase is None:
            raise KeyStoreError(f"找不到签名私钥 {key_path} 的口令（{entry}）：无法签名。若口令确已丢失，"
                                f"请将 {key_path.name} 与 {cert_path.name} 移走后重试，系统会生成新的签名证书。")
        _check_mode(key_path)
        try:
            key = serialization.load_pem_private_key(key_path.read_bytes(), passphrase)
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        except (ValueError, TypeError) as e:
            raise KeyStoreError(f"签名私钥或证书无法读取（{key_path}）：{e}") from None
        return SigningIdentity(role, owner_id, cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value,
                               key, cert, storage, location, False, notice)

    # first use: a new key, certificate and passphrase
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    cert = _new_certificate(key, name, role)
    passphrase = secrets.token_urlsafe(32)
    storage, location, notice = "", "", ""
    if backend is not None:
        try:
            backend.set_password(SERVICE, user, passphrase)
            if backend.get_password(SERVICE, user) == passphrase:
                storage, location = "keyring", entry
            else:
                reason = "系统钥匙串未能保存口令"
        except Exception as e:
            reason = f"系统钥匙串拒绝保存口令（{e}）"
    for stale in (key_path, cert_path, pass_path):
        stale.unlink(missing_ok=True)  # a half-created identity (e.g. the certificate was lost)
    try:
        if not storage:
            _write_private(pass_path, passphrase.encode("ascii") + b"\n")
            storage, location, notice = "file", str(pass_path), file_notice(reason)
        _write_private(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.BestAvailableEncryption(passphrase.encode("ascii"))))
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    except OSError as e:
        raise KeyStoreError(f"无法保存签名私钥或证书（{directory}）：{e}") from e
    return SigningIdentity(role, owner_id, name, key, cert, storage, location, True, notice)


def secretary_identity(store, **kw) -> SigningIdentity:
    return load_or_create_identity("secretary", store.actor, store.actor, **kw)


def leader_identity(roster_key: str, name: str, **kw) -> SigningIdentity:
    return load_or_create_identity("leader", roster_key, name, **kw)


# -- signing ------------------------------------------------------------------------------

def _stamp_pdf(identity: SigningIdentity, when: datetime, width: float, height: float) -> bytes:
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    from ..demo.pdfs import register_font
    font = register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), invariant=1)
    c.setFillColor(colors.HexColor("#eef4fb"))
    c.setStrokeColor(colors.HexColor("#1f5fa8"))
    c.setLineWidth(1.2)
    c.rect(1, 1, width - 2, height - 2, fill=1, stroke=1)
    c.setFillColor(colors.HexColor("#1f3864"))
    size = 7.6
    lines = [(f"数字签名 · {identity.role_zh}", size + 1.2),
             (f"签名人：{identity.name}", size),
             (f"时间：{when.astimezone():%Y-%m-%d %H:%M:%S %z}", size),
             (f"密钥指纹：{identity.fingerprint[:19]}", size),
             (f"　　　　　{identity.fingerprint[20:]}", size),
             (getattr(identity, "stamp_note", "证书：自签名（南宁市科技局评审系统）"), size - 0.8)]
    step = min(3.2, (height - 12 - sum(sz for _, sz in lines)) / (len(lines) - 1))  # fit the box height
    y = height - 6 - lines[0][1]
    for text, sz in lines:
        c.setFont(font, sz)
        c.drawString(7, y, text)
        y -= sz + step
    c.showPage()
    c.save()
    return buf.getvalue()


def add_signature_fields(writer, slots: SlotSink) -> None:
    """Create the empty signature fields at the reserved boxes (in the writer's next revision)."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    for name in (SIG_SECRETARY, SIG_LEADER):
        if name in slots.slots:
            page, box = slots.slots[name]
            append_signature_field(writer, SigFieldSpec(sig_field_name=name, on_page=page,
                                                        box=tuple(int(round(v)) for v in box)))


def existing_fields(pdf: bytes) -> dict[str, bool]:
    """Signature field name → already signed, for a PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    r = PdfFileReader(io.BytesIO(pdf), strict=False)
    return {name: value is not None for name, value, _ref in enumerate_sig_fields(r)}


def prepare_unsigned(pdf: bytes, slots: SlotSink) -> bytes:
    """The sheet with its empty signature fields, ready to be signed later."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    add_signature_fields(w, slots)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def sign_pdf(pdf: bytes, identity: SigningIdentity, *, slots: SlotSink | None = None, reason: str = "",
             location: str = "南宁") -> bytes:
    """Sign ``pdf`` in the field of the identity's role; returns the signed bytes.

    ``slots`` (from the layout) creates the two signature fields when the PDF has none yet.
    A PDF whose field of that role is already signed is refused.
    """
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.stamp import StaticStampStyle

    field = FIELD_OF_ROLE[identity.role]
    fields = existing_fields(pdf)
    if fields.get(field):
        raise KeyStoreError(f"该文件已有“{SIG_LABELS[field]}”，不能重复签名")
    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if field not in fields:
        if slots is None:
            raise KeyStoreError("该 PDF 没有预留签名位置（不是本系统生成的评审结果表）")
        add_signature_fields(w, slots)
        box = slots.slots[field][1]
    else:
        box = _field_box(pdf, field)
    width, height = box[2] - box[0], box[3] - box[1]
    when = datetime.now(timezone.utc).replace(microsecond=0)
    stamp = _stamp_pdf(identity, when, width, height)

    class _Stamp(ImportedPdfPage):
        def render(self) -> bytes:  # ImportedPdfPage reads a file name; ours is in memory
            import binascii
            import uuid
            xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(stamp)), page_ix=0)
            name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
            self.resources.xobject[name.decode("ascii")] = xobj
            self.box = layout.BoxConstraints(width=width, height=height)
            return name + b" Do"

    style = StaticStampStyle(background=_Stamp(None), border_width=0,
                             background_layout=layout.SimpleBoxLayoutRule(
                                 x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                 margins=layout.Margins.uniform(0)))
    signer = identity.make_signer()  # file key or PKCS#11 token (pkcs11_signer.TokenIdentity)
    meta = signers.PdfSignatureMetadata(field_name=field, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES,
                                        reason=reason or f"{identity.role_zh}签署评审结果", location=location,
                                        name=identity.name)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style)
    out = io.BytesIO()
    # A fixed reservation skips pyHanko's dummy signing run that estimates the size (an RSA-3072
    # CMS with the certificate is ~3 KB; PDF viewers accept the zero padding).
    chain = sum(len(c.public_bytes(serialization.Encoding.DER)) for c in getattr(identity, "chain", ()))
    pdf_signer.sign_pdf(w, existing_fields_only=True, output=out, bytes_reserved=8192 + chain)
    return out.getvalue()


def _LoadedKeySigner(key: rsa.RSAPrivateKey, **kw):
    """pyHanko's SimpleSigner re-parses the DER key for every signature (~0.1 s for RSA-3072);
    sign with the key object we already hold instead."""
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko.sign.general import get_pyca_cryptography_hash

    class Signer(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mech = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mech.signature_algo != "rsassa_pkcs1v15":  # not what we configure; let pyHanko handle it
                return super().sign_raw(data, digest_algorithm)
            return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    return Signer(**kw)


def _field_box(pdf: bytes, field: str) -> tuple[float, float, float, float]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    r = PdfFileReader(io.BytesIO(pdf), strict=False)
    for name, _value, ref in enumerate_sig_fields(r):
        if name == field:
            obj = ref.get_object()
            rect = obj.get("/Rect")
            if rect is None and "/Kids" in obj:
                rect = obj["/Kids"][0].get_object()["/Rect"]
            x1, y1, x2, y2 = (float(v) for v in rect)
            return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
    raise KeyStoreError(f"PDF 中没有签名域 {field}")


def sign_file(path: str | Path, identity: SigningIdentity, *, reason: str = "") -> Path:
    """Add the identity's signature to a sheet on disk (atomically replaced)."""
    path = Path(path)
    signed = sign_pdf(path.read_bytes(), identity, reason=reason)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(signed)
    os.replace(tmp, path)
    return path
