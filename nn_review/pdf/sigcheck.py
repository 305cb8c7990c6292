"""Reading the PAdES signatures of a result sheet: who signed which field, whether each signature
still holds, and where each revision of the file ends.

Used by the expert workspace before countersigning (is this a result sheet with a valid
secretary signature?) and by the secretary accepting a countersigned sheet back. Certificates
are self-signed, so a signature is judged by its integrity (``intact``/``valid``), by what it
covers, and — for earlier signatures — by pyHanko's check that later revisions only filled in
form fields / signatures; who the key belongs to is decided by the pins, not by a CA.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.x509.oid import NameOID

from ..certs import certificate_fingerprint, subject_text
from ..keys import KeyStoreError
from ..zhfmt import local_time_with_offset
from .slots import SIG_LABELS, SIG_LEADER, SIG_SECRETARY


@dataclass(frozen=True)
class SignatureInfo:
    field: str
    signer: str                  # certificate common name
    subject: str
    fingerprint: str
    certificate: x509.Certificate
    signed_at: datetime | None   # as the signer reported it
    revision: int                # the revision the signature belongs to (0 = original file)
    intact: bool                 # the covered bytes hash to the signed digest
    valid: bool                  # the signature over that digest verifies with the certificate
    whole_file: bool             # covers the file to its end
    later_changes_ok: bool       # later revisions only fill in form fields / signatures

    @property
    def label(self) -> str:
        return SIG_LABELS.get(self.field, self.field).replace("电子签名：", "")

    @property
    def holds(self) -> bool:
        return self.intact and self.valid and (self.whole_file or self.later_changes_ok)

    def describe(self) -> str:
        when = local_time_with_offset(self.signed_at) if self.signed_at else "时间未知"
        state = "有效" if self.holds else "无效（文件在签名后被改动或签名已损坏）"
        return f"{self.label}：{self.signer}，{when}，证书指纹 {self.fingerprint}，签名{state}"


@dataclass(frozen=True)
class SheetSignatures:
    title: str
    subject: str
    fields: dict[str, bool]          # signature field → signed
    signatures: list[SignatureInfo]  # in file order (oldest first)
    revisions: int

    @property
    def data_hash(self) -> str:
        m = re.search(r"data:([0-9a-f]{64})", self.subject)
        return m.group(1) if m else ""

    @property
    def sheet_version(self) -> int | None:
        m = re.search(r"version:(\d+)", self.subject)
        return int(m.group(1)) if m else None

    @property
    def is_result_sheet(self) -> bool:
        return SIG_SECRETARY in self.fields and SIG_LEADER in self.fields

    def signature(self, field: str) -> SignatureInfo | None:
        return next((s for s in self.signatures if s.field == field), None)


def _text(value) -> str:
    return str(value) if value is not None else ""


def inspect_signatures(pdf: bytes, name: str = "PDF 文件") -> SheetSignatures:
    """Every signature of ``pdf`` with its state; a file that is not a PDF is a KeyStoreError."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        r = PdfFileReader(io.BytesIO(pdf), strict=False)
        fields = {fname: value is not None for fname, value, _ref in enumerate_sig_fields(r)}
        info = r.trailer_view.get("/Info")
        info = info.get_object() if info is not None else {}
        title, subject = _text(info.get("/Title")), _text(info.get("/Subject"))
        embedded = list(r.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise KeyStoreError(f"{name} 不是可读取的 PDF 文件（{e}）") from None
    out = []
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # self-signed certificates: trust is decided by the pins, not logged
    try:
        for sig in embedded:
            cert = x509.load_der_x509_certificate(sig.signer_cert.dump())
            try:
                st = validate_pdf_signature(sig, signer_validation_context=ValidationContext(
                    trust_roots=[sig.signer_cert]))
                intact, valid = bool(st.intact), bool(st.valid)
                whole = st.coverage == SignatureCoverageLevel.ENTIRE_FILE
                later_ok = st.coverage == SignatureCoverageLevel.ENTIRE_REVISION and bool(st.docmdp_ok)
                when = st.signer_reported_dt
            except Exception:  # a damaged signature dictionary or CMS blob: the signature does not hold
                intact = valid = whole = later_ok = False
                when = None
            cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
            out.append(SignatureInfo(sig.field_name, cn[0].value if cn else cert.subject.rfc4514_string(),
                                     subject_text(cert.subject), certificate_fingerprint(cert), cert, when,
                                     sig.signed_revision, intact, valid, whole, later_ok))
    finally:
        quiet.setLevel(level)
    return SheetSignatures(title, subject, fields, out, r.xrefs.total_revisions)


def revision_prefixes(pdf: bytes, revision: int) -> list[bytes]:
    """Candidates for the file as it was before ``revision`` was appended: the bytes up to the last
    ``%%EOF`` marker before that revision's cross-reference section (with or without its end-of-line)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    r = PdfFileReader(io.BytesIO(pdf), strict=False)
    if revision < 1:
        return []
    start = r.xrefs.get_startxref_for_revision(revision)
    idx = pdf.rfind(b"%%EOF", 0, start)
    if idx < 0:
        return []
    end = idx + 5
    out = [pdf[:end]]
    for eol in (b"\r\n", b"\n", b"\r"):
        if pdf.startswith(eol, end):
            out.append(pdf[:end + len(eol)])
            break
    return out


def only_form_filling_since(pdf: bytes, base_revision: int) -> bool:
    """True when every revision after ``base_revision`` only fills in form fields / signatures
    (pyHanko's difference analysis): the countersignature did not change what the sheet shows."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, DiffResult, ModificationLevel
    try:
        res = DEFAULT_DIFF_POLICY.review_file(PdfFileReader(io.BytesIO(pdf), strict=False), base_revision)
    except Exception:  # unreadable history counts as a change
        return False
    return isinstance(res, DiffResult) and res.modification_level.value <= ModificationLevel.FORM_FILLING.value
