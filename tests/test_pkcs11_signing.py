"""UKey (PKCS#11) signing with a SoftHSM2 token holding CA-issued certificates: the secretary's
report signature and the leader's in-person signature (pin / re-pin) through the CLI, verified
with pdfsig; the errors a user meets (wrong PIN, missing library, no such token/key)."""

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.results.pkcs11_signer import TokenError, TokenSpec, open_token_identity
from nn_review.store import models as M

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .results_fixtures import make_world, return_scores, review
from .token_fixtures import CA_NAME, softhsm_token, token_pin  # noqa: F401

PDFSIG = shutil.which("pdfsig")
needs_pdfsig = pytest.mark.skipif(not PDFSIG, reason="poppler-utils (pdfsig) not installed")
EXPERTS = ("王建国", "李秀英", "赵明")


def pdfsig(path: Path) -> list[dict[str, str]]:
    """Per signed field: its pdfsig lines as a dict (field name, common name, validation, …)."""
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
    out = run.stdout
    assert run.returncode == 0 or out, run.stderr
    sigs = []
    for block in re.split(r"^Signature #\d+:\n", out, flags=re.M)[1:]:
        fields = dict(re.findall(r"^[ \t]+- ([^:\n]+): (.*)$", block, flags=re.M))
        if "Signature Validation" in fields:
            sigs.append(fields)
    return sigs


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def world(tmp_path):
    w = make_world(tmp_path, n_apps=2, experts=EXPERTS, leader="王建国")
    return_scores(w, tmp_path, {n: [review(a, "BBBBBB") for a in w.app_ids] for n in EXPERTS})
    return w


def report(world, tmp_path, capsys, *extra, name="rep") -> tuple[int, str, str, Path]:
    code = main(["--store", str(world.store.root), "session", "report", "--out", str(tmp_path / name),
                 "--no-personal", *extra])
    out, err = capsys.readouterr()
    summary = next((tmp_path / name).rglob("*评审结果汇总表.pdf"), None)
    return code, out, err, summary


def sign(world, capsys, files, *extra) -> tuple[int, str, str]:
    code = main(["--store", str(world.store.root), "session", "sign", *map(str, files), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def certificates(world, role: str) -> list[M.SigningCertificate]:
    with world.store.read() as s:
        return list(s.scalars(select(M.SigningCertificate).where(M.SigningCertificate.role == role)
                              .order_by(M.SigningCertificate.id)))


@needs_pdfsig
def test_secretary_signs_report_with_token(world, tmp_path, capsys, softhsm_token, token_pin, monkeypatch):
    code, out, err, summary = report(world, tmp_path, capsys, "--sign", *softhsm_token.cli("secretary"))
    assert code == 0, err
    assert "南宁测试UKey" in out and "CN=张秘书" in out and CA_NAME in out
    [sig] = pdfsig(summary)
    assert sig["Signature Field Name"] == "SigSecretary"
    assert sig["Signature Validation"] == "Signature is Valid."
    assert sig["Signer Certificate Common Name"] == "张秘书"
    assert sig["Signature Type"] == "ETSI.CAdES.detached"
    for sheet in (tmp_path / "rep").rglob("项目评审意见表/*.pdf"):
        assert [s["Signature Validation"] for s in pdfsig(sheet)] == ["Signature is Valid."]

    # the CA certificate found on the token travels in the signature (readers can build the chain)
    from pyhanko.pdf_utils.reader import PdfFileReader
    with summary.open("rb") as f:
        embedded = PdfFileReader(f).embedded_signatures[0]
        names = {c.chosen.subject.native["common_name"] for c in embedded.signed_data["certificates"]}
    assert names == {"张秘书", CA_NAME}

    [row] = certificates(world, "secretary")
    assert (row.owner, row.source, row.expert_id, row.retired_at) == ("test-secretary", "pkcs11", None, None)
    assert "CN=张秘书" in row.subject and row.fingerprint == open_fp(softhsm_token, "secretary")
    # no key was made on this machine, and the PIN is written nowhere (store, keys, home)
    keys = Path(os.environ["NN_REVIEW_KEY_DIR"])
    assert not keys.exists() or not list(keys.glob("pdf-*"))
    for f in tmp_path.rglob("*"):
        if f.is_file():
            assert softhsm_token.pin.encode() not in f.read_bytes(), f

    # a second report with the same token adds no second certificate row
    code, _out, err, _ = report(world, tmp_path, capsys, "--sign", *softhsm_token.cli("secretary"), name="rep2")
    assert code == 0, err
    assert len(certificates(world, "secretary")) == 1


def open_fp(token, label: str) -> str:
    from nn_review.results.pkcs11_signer import fingerprint_of
    return fingerprint_of(token.certs[label])


@needs_pdfsig
def test_leader_signs_in_person_with_own_token_pin_and_repin(world, tmp_path, capsys, softhsm_token, token_pin):
    code, _out, err, summary = report(world, tmp_path, capsys, "--sign", *softhsm_token.cli("secretary"))
    assert code == 0, err

    # first use: the certificate is shown, then pinned for the panel leader (roster key, expert id)
    code, out, err = sign(world, capsys, [summary], "--as", "leader", *softhsm_token.cli("leader"))
    assert code == 0, err
    leader_fp = open_fp(softhsm_token, "leader")
    assert "首次登记组长 王建国" in out and "CN=王建国" in out and leader_fp in out and "已登记组长 王建国 的证书（首次使用）" in out
    sigs = pdfsig(summary)
    assert [s["Signature Validation"] for s in sigs] == ["Signature is Valid.", "Signature is Valid."]
    assert [(s["Signature Field Name"], s["Signer Certificate Common Name"]) for s in sigs] == \
        [("SigSecretary", "张秘书"), ("SigLeader", "王建国")]
    [pin] = certificates(world, "leader")
    with world.store.read() as s:
        leader = s.get(M.Expert, world.experts["王建国"])
    assert (pin.owner, pin.expert_id, pin.source, pin.fingerprint, pin.retired_at) == \
        (leader.roster_key, leader.id, "pkcs11", leader_fp, None)
    # no leader key was ever created on the secretary's machine
    keys = Path(os.environ["NN_REVIEW_KEY_DIR"])
    assert not keys.exists() or not list(keys.glob("pdf-leader*"))

    # the same certificate again: no prompt, no new row
    _c, _o, _e, again = report(world, tmp_path, capsys, name="rep2")
    code, out, err = sign(world, capsys, [again], "--as", "leader", *softhsm_token.cli("leader"))
    assert code == 0 and "登记" not in out, err
    assert len(certificates(world, "leader")) == 1

    # another certificate in the leader's name is refused without a reason, the file untouched
    _c, _o, _e, third = report(world, tmp_path, capsys, name="rep3")
    before = sha(third)
    code, out, err = sign(world, capsys, [third], "--as", "leader", *softhsm_token.cli("leader-new"))
    assert code == 2 and "已登记的证书" in err and "--repin-reason" in err and leader_fp in err
    assert sha(third) == before and len(certificates(world, "leader")) == 1

    # … and re-pinned with one: the old pin is retired (kept), the new one current, both audited
    code, out, err = sign(world, capsys, [third], "--as", "leader", *softhsm_token.cli("leader-new"),
                          "--repin-reason", "组长 UKey 遗失后由 CA 补发")
    assert code == 0, err
    assert "重新登记组长 王建国" in out and "原登记证书" in out
    old, new = certificates(world, "leader")
    assert old.retired_at is not None and new.retired_at is None
    assert new.reason == "组长 UKey 遗失后由 CA 补发" and new.fingerprint == open_fp(softhsm_token, "leader-new")
    assert pdfsig(third)[-1]["Signature Validation"] == "Signature is Valid."
    with world.store.read() as s:
        actions = [e.action for e in s.scalars(select(M.AuditEvent).order_by(M.AuditEvent.id))]
    assert actions.count("signing.pin") == 1 and actions.count("signing.repin") == 1
    # the key of the old pin is now "different" too
    _c, _o, _e, fourth = report(world, tmp_path, capsys, name="rep4")
    assert sign(world, capsys, [fourth], "--as", "leader", *softhsm_token.cli("leader"))[0] == 2


def test_wrong_pin_and_token_errors_are_clear(world, tmp_path, capsys, softhsm_token, monkeypatch):
    _c, _o, _e, summary = report(world, tmp_path, capsys)
    before = sha(summary)

    monkeypatch.setenv("NN_REVIEW_PKCS11_PIN", "0000-wrong")
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", *softhsm_token.cli("secretary"))
    assert code == 2 and "UKey“南宁测试UKey”的 PIN 错误" in err and "0000-wrong" not in err
    code, _out, err, _ = report(world, tmp_path, capsys, "--sign", *softhsm_token.cli("secretary"), name="bad")
    assert code == 2 and "PIN 错误" in err
    assert not list((tmp_path / "bad").rglob("*.pdf"))  # nothing written

    monkeypatch.setenv("NN_REVIEW_PKCS11_PIN", softhsm_token.pin)
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", "--pkcs11-lib", str(tmp_path / "nope.so"))
    assert code == 2 and "找不到 PKCS#11 库文件" in err and "nope.so" in err
    not_p11 = tmp_path / "readme.so"
    not_p11.write_text("not a library")
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", "--pkcs11-lib", str(not_p11))
    assert code == 2 and "不是可用的 PKCS#11 库" in err
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", "--pkcs11-lib", softhsm_token.library,
                           "--token-label", "别的UKey")
    assert code == 2 and "找不到标签为“别的UKey”的 UKey" in err and "南宁测试UKey" in err
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", *softhsm_token.cli("没有这个"))
    assert code == 2 and "找不到标签为“没有这个”的签名私钥" in err and "“secretary”" in err
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", "--pkcs11-lib", softhsm_token.library,
                           "--token-label", softhsm_token.label)
    assert code == 2 and "多个" in err  # three keys on the token: which one must be said
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", "--pkcs11-lib", softhsm_token.library,
                           "--slot", "7")
    assert code == 2 and "槽位 7 中没有 UKey" in err
    monkeypatch.delenv("NN_REVIEW_PKCS11_PIN")
    code, _out, err = sign(world, capsys, [summary], "--as", "secretary", *softhsm_token.cli("secretary"))
    assert code == 2 and "NN_REVIEW_PKCS11_PIN" in err  # no terminal to ask in
    assert sha(summary) == before and certificates(world, "secretary") == []


def test_slot_and_key_id_select_the_same_key(softhsm_token):
    ident = open_token_identity(TokenSpec(softhsm_token.library, slot=0, key_id=b"\x02"), "leader", "E1",
                                pin=lambda label: softhsm_token.pin)
    with ident:
        assert ident.name == "王建国" and ident.certificate == softhsm_token.certs["leader"]
        assert ident.chain == [softhsm_token.ca] and "签发（UKey）" in ident.stamp_note


class _LockedToken:
    """A token that reports a locked PIN (SoftHSM2 never locks, real UKeys do)."""
    label = "组长UKey"

    def open(self, user_pin=None):
        import pkcs11
        raise pkcs11.PinLocked()


def test_locked_pin_is_a_clear_error():
    from nn_review.results.pkcs11_signer import _login
    with pytest.raises(TokenError, match="UKey“组长UKey”的 PIN 已被锁定.*SO PIN") as e:
        _login(_LockedToken(), "123456")
    assert e.value.code == "pkcs11.pin_locked"


def test_certificate_algorithm_pdf_readers_cannot_verify_is_refused():
    """Ed25519 here stands for what PAdES readers cannot take (SM2 国密 certificates likewise)."""
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ed25519
    from cryptography.x509.oid import NameOID

    from nn_review.results.pkcs11_signer import _check_algorithm
    key = ed25519.Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "张秘书")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + timedelta(days=1)).sign(key, None))
    with pytest.raises(TokenError, match="使用的密钥算法不能用于 PDF 签名.*RSA 或 ECDSA") as e:
        _check_algorithm(cert, "秘书UKey")
    assert e.value.code == "pkcs11.algorithm"
