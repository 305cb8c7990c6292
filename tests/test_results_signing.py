"""sign_pdf with any identity object (name, certificate, fingerprint, role, make_signer())."""

import pytest

from nn_review.keys import KeyStoreError
from nn_review.pdf.slots import SIG_LEADER, SIG_SECRETARY, SlotSink
from nn_review.pdf.signing import certificate_subject, existing_fields, memory_identity, prepare_unsigned, sign_pdf
from nn_review.results.identity import leader_identity


def test_sign_pdf_fields_and_refusals(tmp_path):
    from reportlab.pdfgen import canvas
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "plain")
    c.save()
    plain = path.read_bytes()
    ident = memory_identity("secretary", "韦秘书", title="科员", unit="南宁市科学技术局")
    assert ident.certificate.subject == certificate_subject("韦秘书", "科员", "南宁市科学技术局", "secretary")
    with pytest.raises(KeyStoreError, match="没有预留签名位置"):
        sign_pdf(plain, ident)
    slots = SlotSink({SIG_SECRETARY: (0, (60, 100, 280, 180)), SIG_LEADER: (0, (300, 100, 520, 180))})
    prepared = prepare_unsigned(plain, slots)
    assert existing_fields(prepared) == {SIG_SECRETARY: False, SIG_LEADER: False}
    signed = sign_pdf(prepared, ident)
    assert existing_fields(signed) == {SIG_SECRETARY: True, SIG_LEADER: False}
    assert signed.startswith(prepared)  # incremental: the earlier bytes are untouched
    with pytest.raises(KeyStoreError, match="不能重复签名"):
        sign_pdf(signed, ident)


def test_a_duck_typed_identity_signs(tmp_path):
    """A token-backed identity (PKCS#11) only has to offer these attributes and make_signer()."""
    from reportlab.pdfgen import canvas
    inner = memory_identity("leader", "王建国")

    class TokenLike:
        role, name, title, unit, role_zh = "leader", "王建国", "", "", "专家组组长"
        certificate, fingerprint = inner.certificate, inner.fingerprint

        def make_signer(self):
            return inner.make_signer()

    path = tmp_path / "p.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "x")
    c.save()
    slots = SlotSink({SIG_SECRETARY: (0, (60, 100, 280, 180)), SIG_LEADER: (0, (300, 100, 520, 180))})
    signed = sign_pdf(prepare_unsigned(path.read_bytes(), slots), TokenLike())
    assert existing_fields(signed) == {SIG_SECRETARY: False, SIG_LEADER: True}


def test_no_leader_key_on_the_secretary_machine():
    with pytest.raises(KeyStoreError, match="expert countersign"):
        leader_identity("E001", "王建国")
