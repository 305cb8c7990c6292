"""The panel leader countersigns on the leader's own machine (expert workspace) and the secretary
accepts it back: real workspaces, real score files, real PAdES signatures checked by pdfsig."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.exchange.cert_pins import repin_certificate
from nn_review.formats.scorefile import read_score_file
from nn_review.expert import open_workspace
from nn_review.expert.countersign import check_sheet, countersign_file, leader_identity
from nn_review.expert.errors import WorkspaceError
from nn_review.results.accept import accept_signed
from nn_review.results.consensus import reopen
from nn_review.results.errors import ResultsError
from nn_review.pdf.signing import memory_identity, sign_pdf
from nn_review.store import models as M

from .countersign_fixtures import LEADER, PASSPHRASE, finalise_all, leader_world, pdfsig, report
from .expert_fixtures import no_real_keyring  # noqa: F401


@pytest.fixture
def lw(tmp_path):
    lw = leader_world(tmp_path)
    yield lw
    lw.ws.close()
    lw.world.store.close()


def _pins(store):
    with store.read() as s:
        return s.scalars(select(M.SigningCertificate).order_by(M.SigningCertificate.id)).all()


def test_nnscore_carries_the_certificate_and_the_secretary_pins_it(lw):
    sf = read_score_file(lw.score_file.read_bytes())
    ident = lw.ws.pdf_identity(lw.expert_id)
    assert sf.pdf_certificate and "BEGIN CERTIFICATE" in sf.pdf_certificate
    assert "pdf_certificate" in sf.body  # signed with the rest of the body
    pins = _pins(lw.world.store)
    assert [(p.role, p.owner, p.expert_id, p.source, p.fingerprint, p.retired_at) for p in pins] == \
        [("expert", lw.roster_key, lw.expert_id, "first_use", ident.fingerprint, None)]
    assert pins[0].cert_pem == sf.pdf_certificate
    # the identity names the expert and is never kept in plaintext in the workspace
    assert ident.name == LEADER and ident.certificate.subject.rfc4514_string().startswith("C=CN")
    keyfile = next((lw.ws.root / "keys").glob("expert-pdf-*.nnpdf"))
    assert b"PRIVATE KEY" not in keyfile.read_bytes()
    # the private key is nowhere in the workspace in plain form (raw DER, PEM body or base64)
    import base64

    from cryptography.hazmat.primitives import serialization
    der = ident.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption())
    needles = [der[100:164], base64.b64encode(der)[70:126]]
    for f in (p for p in lw.ws.root.rglob("*") if p.is_file()):
        blob = f.read_bytes()
        assert not any(n in blob for n in needles), f
    if sys.platform != "win32":
        assert stat.S_IMODE(keyfile.stat().st_mode) == 0o600
    # reopened with the passphrase: the same identity
    lw.ws.close()
    ws = open_workspace(lw.ws.root, passphrase=PASSPHRASE)
    try:
        assert ws.pdf_identity(lw.expert_id).fingerprint == ident.fingerprint
    finally:
        ws.close()
        lw.ws = open_workspace(lw.ws.root, passphrase=PASSPHRASE)


def test_old_score_file_without_certificate_still_imports(lw):
    # the member's file came from the plain writer (no pdf_certificate): imported, nothing pinned for them
    with lw.world.store.read() as s:
        member = s.get(M.Expert, lw.world.experts["李秀英"])
        assert member.key_fingerprint  # Ed25519 key pinned as always
        assert not s.scalars(select(M.SigningCertificate).where(M.SigningCertificate.owner == member.roster_key)).all()


def test_malformed_certificate_field_is_refused(lw):
    obj = json.loads(lw.score_file.read_bytes())
    obj["pdf_certificate"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    from nn_review.formats.errors import ExchangeError
    with pytest.raises(ExchangeError, match="pdf_certificate") as e:
        read_score_file(json.dumps(obj).encode())
    assert e.value.code == "scores.malformed"


def test_countersign_verifies_in_pdfsig_and_is_accepted(lw, tmp_path):
    w = lw.world
    finalise_all(w)
    rep = report(tmp_path, w)
    summary = rep.summaries[0]
    chk = check_sheet(summary.read_bytes(), summary.name)
    assert [s.label for s in chk.sheet.signatures] == ["评审秘书"] and chk.sheet.sheet_version == 1
    assert any("测试秘书" in line for line in chk.particulars)

    res = countersign_file(lw.ws, summary, tmp_path / "back" / "signed.pdf")
    assert res.identity.role == "leader" and res.identity.name == LEADER
    out = pdfsig(res.path)
    assert out.count("Signature is Valid.") == 2, out
    assert "SigSecretary" in out and "SigLeader" in out
    assert summary.read_bytes() == res.path.read_bytes()[:len(summary.read_bytes())]  # incremental

    with pytest.raises(WorkspaceError, match="已有组长签名"):
        countersign_file(lw.ws, res.path, tmp_path / "again.pdf")

    got = accept_signed(w.store, w.sid, res.path)
    assert got.outcome == "accepted" and got.kind == "summary" and got.signer == LEADER
    filed = w.store.root / "signed" / f"session-{w.sid}" / summary.relative_to(rep.out_dir)
    assert filed.read_bytes() == res.path.read_bytes()
    if sys.platform != "win32":
        assert not os.access(filed, os.W_OK) or os.geteuid() == 0
        assert stat.S_IMODE(filed.stat().st_mode) == 0o400
    with w.store.read() as s:
        row = s.scalar(select(M.IssuedSheet).where(M.IssuedSheet.kind == "summary"))
        assert row.accepted_file == filed.relative_to(w.store.root).as_posix() and row.accepted_at
        assert s.scalar(select(M.AuditEvent).where(M.AuditEvent.action == "results.accept_signed")) is not None
    with pytest.raises(ResultsError, match="已导入过"):
        accept_signed(w.store, w.sid, res.path)


def test_issued_sheets_recorded_and_personal_sheets_signed(lw, tmp_path):
    import hashlib
    w = lw.world
    rep = report(tmp_path, w)
    with w.store.read() as s:
        rows = s.scalars(select(M.IssuedSheet)).all()
    assert sorted(r.kind for r in rows) == ["opinion", "personal", "personal", "summary"]
    for r in rows:
        assert r.sha256 == hashlib.sha256((rep.out_dir / r.file_name).read_bytes()).hexdigest()
        assert r.sheet_version == 1 and len(r.data_hash) == 64 and r.panel_id == w.panel_id
    assert {r.ref for r in rows if r.kind == "personal"} == {e.roster_key for e in _experts(w)}
    for p in rep.personal:
        out = pdfsig(p)
        assert "SigSecretary" in out and out.count("Signature is Valid.") == 1, out


def _experts(w):
    with w.store.read() as s:
        return [s.get(M.Expert, i) for i in w.experts.values()]


def test_refused_with_a_key_made_on_the_secretarys_machine(lw, tmp_path):
    w = lw.world
    rep = report(tmp_path, w)
    fake = memory_identity("leader", LEADER, owner_id=lw.roster_key)  # a leader key made on the secretary's PC
    path = tmp_path / "fake.pdf"
    path.write_bytes(sign_pdf(rep.summaries[0].read_bytes(), fake))
    assert pdfsig(path).count("Signature is Valid.") == 2  # cryptographically fine, but not the leader's key
    with pytest.raises(ResultsError, match=f"该签名证书未登记为组长 {LEADER} 的证书") as e:
        accept_signed(w.store, w.sid, path)
    assert e.value.code == "accept.unpinned"
    assert not (w.store.root / "signed").exists()


def test_refused_when_signed_by_another_pinned_expert(lw, tmp_path):
    """A member's own workspace certificate (pinned as theirs) is not the leader's."""
    w = lw.world
    from .expert_fixtures import grade_fully, issue
    from nn_review.exchange.scores_import import import_score_files
    from nn_review.exchange.scores_import import repin_expert_key
    ws2 = open_workspace(tmp_path / "member-ws", passphrase=PASSPHRASE)
    try:
        info = issue(w, tmp_path, "李秀英")
        bid = ws2.add_bundle(info.path, info.password, trusted_fingerprint=w.secretary.fingerprint).bundle.bundle_id
        for aid in w.app_ids:
            grade_fully(ws2, bid, aid)
        eid = w.experts["李秀英"]
        repin_expert_key(w.store, eid, ws2.signing_key(eid).fingerprint, "专家改用工作区")
        r = ws2.export(bid, tmp_path / "usb2")
        assert [x.outcome for x in import_score_files(w.store, w.sid, [r.path])] == ["imported"]
        rep = report(tmp_path, w)
        ident = leader_identity(ws2)
        path = tmp_path / "member.pdf"
        path.write_bytes(sign_pdf(rep.summaries[0].read_bytes(), ident))
        with pytest.raises(ResultsError, match="该签名证书未登记为组长 王建国 的证书.*登记给专家“李秀英”"):
            accept_signed(w.store, w.sid, path)
    finally:
        ws2.close()


def test_refused_when_the_sheet_bytes_were_altered(lw, tmp_path):
    w = lw.world
    rep = report(tmp_path, w, sign=False)
    data = bytearray(rep.summaries[0].read_bytes())
    i = data.index(b"/Creator")
    data[i + 12] = (data[i + 12] + 1) % 256 or 65  # one byte of the document info, same length
    altered = tmp_path / "altered.pdf"
    ident = leader_identity(lw.ws)
    altered.write_bytes(sign_pdf(bytes(data), ident))
    with pytest.raises(ResultsError, match="与本系统发出的任何结果表都不一致") as e:
        accept_signed(w.store, w.sid, altered)
    assert e.value.code == "accept.modified_sheet"

    # a signed sheet altered after the secretary signed: the workspace refuses to countersign
    signed = report(tmp_path, w, name="signed").summaries[0]
    data = bytearray(signed.read_bytes())
    i = data.index(b"/Creator")
    data[i + 12] = (data[i + 12] + 1) % 256 or 65
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match="签名无效"):
        countersign_file(lw.ws, bad, tmp_path / "bad-signed.pdf")
    forced = tmp_path / "forced.pdf"
    forced.write_bytes(sign_pdf(bytes(data), ident))
    with pytest.raises(ResultsError, match="较早的签名已失效"):
        accept_signed(w.store, w.sid, forced)


def test_refused_for_an_older_sheet_version(lw, tmp_path):
    w = lw.world
    finalise_all(w)
    v1 = report(tmp_path, w, name="v1").summaries[0]
    reopen(w.store, w.sid, "组长要求更正一处意见")
    finalise(w)
    v2 = report(tmp_path, w, name="v2").summaries[0]
    old = countersign_file(lw.ws, v1, tmp_path / "old-signed.pdf").path
    with pytest.raises(ResultsError, match="第 1 版.*当前为第 2 版") as e:
        accept_signed(w.store, w.sid, old)
    assert e.value.code == "accept.old_version"
    new = countersign_file(lw.ws, v2, tmp_path / "new-signed.pdf").path
    assert accept_signed(w.store, w.sid, new).outcome == "accepted"


def finalise(w):
    from nn_review.results.consensus import finalise as fin
    fin(w.store, w.sid)


def test_cli_countersign_accept_and_repin(lw, tmp_path, capsys, monkeypatch):
    w = lw.world
    rep = report(tmp_path, w)
    monkeypatch.setenv("NN_REVIEW_EXPERT_PASSPHRASE", PASSPHRASE)
    lw.ws.close()
    out = tmp_path / "cli-signed.pdf"
    assert main(["expert", "countersign", str(rep.sheets[0]), "--out", str(out),
                 "--workspace", str(lw.ws.root)]) == 0
    text = capsys.readouterr().out
    assert "已有签名" in text and "评审秘书：测试秘书" in text and "已由 王建国（专家组组长）签署" in text
    assert pdfsig(out).count("Signature is Valid.") == 2
    store = ["--store", str(w.store.root)]
    assert main([*store, "session", "accept-signed", str(out)]) == 0
    assert "[已入档]" in capsys.readouterr().out
    assert main([*store, "session", "accept-signed", str(rep.sheets[0])]) == 2  # no leader signature
    assert "不是组长签名位置" in capsys.readouterr().out

    # repin: the old pin is retired, the new fingerprint current, audited
    new_key = memory_identity("leader", "x", owner_id="x")
    assert main([*store, "session", "repin-cert", LEADER, "--fingerprint", new_key.fingerprint.replace(" ", ""),
                 "--reason", "组长更换了电脑（电话核实）"]) == 0
    pins = _pins(w.store)
    assert [(p.source, p.retired_at is None) for p in pins] == [("first_use", False), ("repin", True)]
    assert pins[1].fingerprint == new_key.fingerprint and pins[1].reason == "组长更换了电脑（电话核实）"
    assert main([*store, "session", "repin-cert", LEADER, "--fingerprint", new_key.fingerprint, "--reason", " "]) == 2
    # the old workspace certificate is no longer the leader's
    again = tmp_path / "after-repin.pdf"
    lw.ws = open_workspace(lw.ws.root, passphrase=PASSPHRASE)
    countersign_file(lw.ws, rep.sheets[0], again)
    with pytest.raises(ResultsError, match="未登记为组长"):
        accept_signed(w.store, w.sid, again)


def test_certificate_change_refused_until_repinned(lw, tmp_path):
    """A new laptop: the next .nnscore carries another certificate; refused until re-pinned."""
    from nn_review.exchange.scores_import import import_score_files, repin_expert_key

    from .expert_fixtures import grade_fully, issue
    w = lw.world
    ws2 = open_workspace(tmp_path / "new-laptop", passphrase=PASSPHRASE)
    try:
        info = issue(w, tmp_path, LEADER)
        bid = ws2.add_bundle(info.path, info.password, trusted_fingerprint=w.secretary.fingerprint).bundle.bundle_id
        for aid in w.app_ids:
            grade_fully(ws2, bid, aid)
        repin_expert_key(w.store, lw.expert_id, ws2.signing_key(lw.expert_id).fingerprint, "新电脑")
        r = ws2.export(bid, tmp_path / "usb3")
        got = import_score_files(w.store, w.sid, [r.path])
        assert got[0].outcome == "refused" and got[0].code == "scores.cert_changed", got[0].message
        new_fpr = ws2.pdf_identity(lw.expert_id).fingerprint
        repin_certificate(w.store, lw.expert_id, new_fpr, "组长更换了电脑（已电话核实）")
        got = import_score_files(w.store, w.sid, [r.path])
        assert got[0].outcome == "imported", got[0].message
        pins = _pins(w.store)
        assert [(p.source, p.fingerprint == new_fpr, p.retired_at is None, bool(p.cert_pem)) for p in pins] == \
            [("first_use", False, False, True), ("repin", True, True, True)]
        with w.store.read() as s:
            assert s.scalar(select(M.AuditEvent).where(M.AuditEvent.action == "expert.repin_cert")) is not None
        # the new laptop's countersignature is now accepted
        rep = report(tmp_path, w)
        signed = countersign_file(ws2, rep.summaries[0], tmp_path / "new-laptop.pdf").path
        assert accept_signed(w.store, w.sid, signed).outcome == "accepted"
    finally:
        ws2.close()


def test_expert_sheet_carries_the_experts_signature(lw, tmp_path):
    pdf = lw.ws.score_sheet(lw.bundle_id)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    out = pdfsig(path)
    assert "SigExpert" in out and out.count("Signature is Valid.") == 1, out
    from nn_review.pdf.sigcheck import inspect_signatures
    sig = inspect_signatures(pdf).signatures[0]
    assert sig.signer == LEADER and sig.fingerprint == lw.ws.pdf_identity(lw.expert_id).fingerprint


def test_pdf_identity_in_the_os_keyring(tmp_path, monkeypatch):
    """Keyring storage: the sealing key is in the keyring, the file holds no usable key without it."""
    from nn_review.expert.pdf_identity import load_or_create_pdf_identity
    from nn_review.expert.vault import Vault

    from .expert_fixtures import MemoryKeyring
    monkeypatch.delenv("NN_REVIEW_KEYRING", raising=False)
    ring = MemoryKeyring()
    vault = Vault(tmp_path / "ws", "wid", "keyring", os.urandom(32), ring)
    a = load_or_create_pdf_identity(vault, 7, "赵明", "广西第3研究院")
    assert a.created and ("nn-review", "expert-pdf:7") in ring.items
    assert a.certificate.subject.rfc4514_string() == "C=CN,OU=评审专家,O=广西第3研究院,CN=赵明"
    b = load_or_create_pdf_identity(Vault(tmp_path / "ws", "wid", "keyring", os.urandom(32), ring), 7, "x")
    assert not b.created and b.fingerprint == a.fingerprint and b.name == "赵明"
    ring.items.clear()
    with pytest.raises(WorkspaceError, match="系统钥匙串中没有专家 PDF 签名私钥"):
        load_or_create_pdf_identity(Vault(tmp_path / "ws", "wid", "keyring", os.urandom(32), ring), 7, "x")


def test_sheet_signed_by_the_secretary_later_is_still_matched(lw, tmp_path):
    """report without --sign, then `session sign --as secretary`: the signed form is issued too."""
    from nn_review.results.reports import sign_existing

    from .countersign_fixtures import secretary
    w = lw.world
    rep = report(tmp_path, w, sign=False)
    sheet = rep.sheets[0]
    sign_existing(w.store, [sheet], as_role="secretary", identity=secretary(tmp_path))
    signed = countersign_file(lw.ws, sheet, tmp_path / "later.pdf").path
    got = accept_signed(w.store, w.sid, signed)
    assert got.outcome == "accepted" and got.kind == "opinion" and got.ref == w.app_ids[0]


def test_refused_when_the_signer_leads_another_panel(lw, tmp_path):
    """王建国's pinned certificate on a sheet of a panel led by someone else: wrong panel."""
    w = lw.world
    rep = report(tmp_path, w)
    with w.store.write() as s:  # the panel's leader is now 李秀英 (王建国 leads no panel of this sheet)
        s.get(M.Panel, w.panel_id).leader_expert_id = w.experts["李秀英"]
    signed = countersign_file(lw.ws, rep.summaries[0], tmp_path / "wrong-panel.pdf").path
    with pytest.raises(ResultsError, match="未登记为组长 李秀英 的证书.*登记给专家“王建国”，不是评审组“信息技术组”的组长"):
        accept_signed(w.store, w.sid, signed)


def test_refused_when_the_leader_revision_changes_the_content(lw, tmp_path):
    """An issued (unsigned) sheet whose page content is replaced in the same revision as the
    leader's signature: the prefix matches, the signature is valid, but the sheet was changed."""
    import io

    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    w = lw.world
    issued = report(tmp_path, w, sign=False).summaries[0].read_bytes()
    ident = leader_identity(lw.ws)
    writer = IncrementalPdfFileWriter(io.BytesIO(issued))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 500 Td (99.00) Tj ET"))
    writer.update_container(page)
    der = ident.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption())
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(ident.certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(der), cert_registry=SimpleCertificateStore())
    out = io.BytesIO()
    signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="SigLeader"), signer=signer, output=out)
    path = tmp_path / "changed.pdf"
    path.write_bytes(out.getvalue())
    assert "Signature is Valid." in pdfsig(path)
    with pytest.raises(ResultsError, match="在组长签署的同时改动了评审结果汇总表的内容") as e:
        accept_signed(w.store, w.sid, path)
    assert e.value.code == "accept.modified"
