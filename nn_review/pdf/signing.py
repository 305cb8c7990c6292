"""PAdES signatures of the app's PDFs (pyHanko), with a visible signature box: the secretary's
result sheets and the expert's own score sheet (countersigned by the panel leader).

Signing identities (:class:`SigningIdentity`) carry the signer's name, certificate, fingerprint
and role and make the pyHanko signer (:meth:`SigningIdentity.make_signer`); a token-backed
identity (PKCS#11) only needs the same attributes and its own ``make_signer()``.

The secretary's identity (:func:`nn_review.results.identity.secretary_identity`): the RSA-3072 key kept by
:mod:`nn_review.secretary_keys` (OS keyring or sealed under the secretary's passphrase, in
``<store>/keys/``) and a self-signed X.509 certificate whose subject is the signer profile of
:mod:`nn_review.signer` (CN = real name, title, O = unit). A changed profile gets a new
certificate for the same key; the old one is retired, never deleted. The panel leader never
signs with a key made on the secretary's machine: the leader countersigns in the expert
workspace (``nn-review expert countersign``) or with a hardware token.

A sheet is signed in an incremental update, so a later signature (the panel leader's)
leaves the earlier one valid: the first signing also creates both empty signature fields
(secretary and leader) at the boxes the layout reserved. Signatures are approval
signatures (``ETSI.CAdES.detached``, SHA-256). The box shows the role, the signer (name, title,
unit), the signing time in local time with its UTC offset and the key fingerprint (SHA-256 of
the public key, first 16 bytes). ``pdfsig`` reports every signature "Signature is Valid."; the
certificate is self-signed, so readers report it as not (yet) trusted until the bureau's
readers trust it.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ..certs import certificate_fingerprint
from ..keys import KeyStoreError
from ..zhfmt import local_time_with_offset
from .slots import SIG_EXPERT, SIG_LABELS, SIG_LEADER, SIG_SECRETARY, SlotSink

ROLE_ZH = {"secretary": "评审秘书", "leader": "专家组组长", "expert": "评审专家"}
FIELD_OF_ROLE = {"secretary": SIG_SECRETARY, "leader": SIG_LEADER, "expert": SIG_EXPERT}


@dataclass(frozen=True)
class SigningIdentity:
    role: str                 # secretary | leader
    owner_id: str
    name: str                 # the signer's real name, as in the certificate (CN)
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    storage: str              # where the key is: keyring | passphrase | pkcs11 | memory
    location: str
    created: bool
    notice: str = ""
    title: str = ""
    unit: str = ""

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)

    @property
    def role_zh(self) -> str:
        return ROLE_ZH.get(self.role, self.role)

    def make_signer(self):
        """The pyHanko signer for this identity (a token-backed identity returns a PKCS#11 signer)."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko_certvalidator.registry import SimpleCertificateStore
        der_key = self.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
        return _LoadedKeySigner(
            self.private_key,
            signing_cert=asn1_x509.Certificate.load(self.certificate.public_bytes(serialization.Encoding.DER)),
            signing_key=asn1_keys.PrivateKeyInfo.load(der_key), cert_registry=SimpleCertificateStore())


def certificate_subject(name: str, title: str, unit: str, role: str) -> x509.Name:
    """CN = the signer's name, title = their title, O = their unit, OU = the role in this review."""
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if title:
        attrs.append(x509.NameAttribute(NameOID.TITLE, title))
    if unit:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit))
    attrs += [x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ROLE_ZH.get(role, role)),
              x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    return x509.Name(attrs)


def new_certificate(key: rsa.RSAPrivateKey, subject: x509.Name, days: int = 3650) -> x509.Certificate:
    """A self-signed document-signing certificate for ``key`` (ten years)."""
    now = datetime.now(timezone.utc) - timedelta(minutes=5)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))


def memory_identity(role: str, name: str, *, title: str = "", unit: str = "", owner_id: str = "memory",
                    key_size: int = 2048) -> SigningIdentity:
    """A fresh identity held only in memory (tests, one-off tools)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=key_size)
    cert = new_certificate(key, certificate_subject(name, title, unit, role))
    return SigningIdentity(role, owner_id, name, key, cert, "memory", "内存", True, "", title, unit)


# -- signing ------------------------------------------------------------------------------

def _stamp_pdf(identity: SigningIdentity, when: datetime, width: float, height: float) -> bytes:
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas

    from .fonts import register_font
    font = register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height), invariant=1)
    c.setFillColor(colors.HexColor("#eef4fb"))
    c.setStrokeColor(colors.HexColor("#1f5fa8"))
    c.setLineWidth(1.2)
    c.rect(1, 1, width - 2, height - 2, fill=1, stroke=1)
    c.setFillColor(colors.HexColor("#1f3864"))
    size = 7.6
    name = identity.name + (f"（{identity.title}）" if getattr(identity, "title", "") else "")
    lines = [(f"数字签名 · {identity.role_zh}", size + 1.2),
             (f"签名人：{name}", size)]
    if getattr(identity, "unit", ""):
        lines.append((f"单位：{identity.unit}", size))
    lines += [(f"时间：{local_time_with_offset(when)}", size),
              (f"密钥指纹：{identity.fingerprint}", size - 0.8),
              (getattr(identity, "stamp_note", "") or f"证书：{_issuer_text(identity.certificate)}", size - 0.8)]
    step = min(3.2, (height - 12 - sum(sz for _, sz in lines)) / (len(lines) - 1))  # fit the box height
    y = height - 6 - lines[0][1]
    for text, sz in lines:
        while sz > 4.5 and c.stringWidth(text, font, sz) > width - 12:  # shrink a long line to the box width
            sz -= 0.2
        c.setFont(font, sz)
        c.drawString(7, y, text)
        y -= sz + step
    c.showPage()
    c.save()
    return buf.getvalue()


def _issuer_text(cert: x509.Certificate) -> str:
    if cert.issuer == cert.subject:
        return "自签名（南宁市科技局评审系统）"
    cn = cert.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    issuer = cn[0].value if cn else cert.issuer.rfc4514_string()
    return f"{issuer if len(issuer) <= 18 else issuer[:17] + '…'} 签发"  # fits the signature box


def add_signature_fields(writer, slots: SlotSink) -> None:
    """Create the empty signature fields at the reserved boxes (in the writer's next revision)."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    for name in (SIG_SECRETARY, SIG_LEADER, SIG_EXPERT):
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
    signer = identity.make_signer()
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
