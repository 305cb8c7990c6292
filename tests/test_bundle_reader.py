"""The bundle reader (nn_review/formats/bundle.py): one tar walk for opening to disk (the
secretary's tools) and streaming to a sink (the expert's laptop); same answers both ways;
never a plaintext archive on disk; hostile payloads — signed by the secretary's key, so they
reach the walk — are refused with ExchangeError and leave nothing behind (hypothesis)."""

from __future__ import annotations

import ast
import builtins
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nn_review.exchange.bundles import make_bundle
from nn_review.formats import ExchangeError
from nn_review.formats import container
from nn_review.formats.bundle import open_bundle, open_bundle_streaming
from nn_review.keys import ephemeral_key

from .helpers import file_keys
from .exchange_fixtures import build_world, no_real_keyring  # noqa: F401
from .fuzzing import FUZZ, files_under

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "ABCDE-FGHJK-LMNPQ-RSTUV"


def _reads_tar(call: ast.Call) -> bool:
    """``tarfile.open(...)`` with a reading mode (the default mode reads)."""
    f = call.func
    if not (isinstance(f, ast.Attribute) and f.attr == "open" and isinstance(f.value, ast.Name)
            and f.value.id == "tarfile"):
        return False
    modes = [k.value for k in call.keywords if k.arg == "mode"] + list(call.args[1:2])
    mode = modes[0].value if modes and isinstance(modes[0], ast.Constant) else "r"
    return str(mode).startswith("r")


def test_one_tar_walk_reads_bundles():
    walks = []
    for path in (ROOT / "nn_review").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _reads_tar(node):
                walks.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert len(walks) == 1 and walks[0].startswith("nn_review/formats/bundle.py:"), walks


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reader")
    with file_keys(tmp):
        world = build_world(tmp, n_apps=2)
        info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp / "out", secretary_key=world.secretary)
    yield world, info
    world.store.close()


def test_open_bundle_writes_no_plaintext_archive(made, tmp_path, monkeypatch):
    """Only the documents reach the disk: the decrypted tar itself is never written."""
    _world, info = made
    written: list[Path] = []
    real_open = builtins.open

    def spy(file, mode="r", *args, **kw):
        if isinstance(file, (str, Path)) and any(c in mode for c in "wax+"):
            written.append(Path(file))
        return real_open(file, mode, *args, **kw)

    monkeypatch.setattr(builtins, "open", spy)
    with open_bundle(info.path, info.password, out_dir=tmp_path / "opened") as ob:
        docs = {p for p in written if p.is_relative_to(tmp_path / "opened")}
    monkeypatch.undo()
    expected = {ob.document_path(a["application_id"], d["sha256"]) for a in ob.applications for d in a["documents"]}
    assert docs == expected and all(p.suffix == ".pdf" for p in docs)


def test_both_ways_of_opening_agree(made, tmp_path):
    _world, info = made
    streamed: dict[tuple[str, str], bytes] = {}

    def sink(app_id, sha, chunks):
        streamed[(app_id, sha)] = b"".join(chunks)

    sb = open_bundle_streaming(info.path, info.password, sink)
    with open_bundle(info.path, info.password, out_dir=tmp_path / "opened") as ob:
        assert (ob.bundle_id, ob.sha256, ob.secretary_fingerprint, ob.data) == \
            (sb.bundle_id, sb.sha256, sb.secretary_fingerprint, sb.data)
        assert ob.sha256 == info.sha256 == hashlib.sha256(info.path.read_bytes()).hexdigest()
        on_disk = {(a["application_id"], d["sha256"]): ob.document_path(a["application_id"], d["sha256"]).read_bytes()
                   for a in ob.applications for d in a["documents"]}
    assert on_disk == streamed and streamed
    assert all(hashlib.sha256(v).hexdigest() == sha for (_a, sha), v in streamed.items())
    for reader in (lambda: open_bundle(info.path, "WRONG-PASSW-ORDXX-XXXXX", out_dir=tmp_path / "wrong"),
                   lambda: open_bundle_streaming(info.path, "WRONG-PASSW-ORDXX-XXXXX", sink)):
        with pytest.raises(ExchangeError) as e:
            reader()
        assert e.value.code == "bundle.password"
    assert not [p for p in files_under(tmp_path / "wrong") if p.is_file()]


# -- hostile payloads, signed with a valid secretary key ----------------------------------------

SHA = hashlib.sha256(b"%PDF-1.4 x").hexdigest()
HEADER = {"bundle_id": "b" * 32, "created_at": "2025-09-20T08:00:00Z", "session": {"id": 1, "name": "批次"},
          "expert": {"id": 2, "name": "专家"}}


def _bundle_json(docs: list[str], form_ok: bool, secret_ok: bool) -> dict:
    form = {"id": "form-a"} if not form_ok else json.loads((ROOT / "resources/forms/form-a.json").read_text("utf-8"))
    return {"format": "nnrb/1", "bundle_id": HEADER["bundle_id"], "session": {"id": 1, "band_mode": False},
            "expert": {"id": 2}, "secret": "A" * 43 + "=" if secret_ok else "??", "forms": {"form-a": form},
            "applications": [{"application_id": "NNKJ-1", "form": "form-a",
                              "documents": [{"path": d, "title": "t", "sha256": d.rsplit("/", 1)[-1][:-4], "file": d}
                                            for d in docs]}]}


NAMES = st.sampled_from(["bundle.json", f"docs/NNKJ-1/{SHA}.pdf", f"docs/NNKJ-1/{'0' * 64}.pdf", "../evil.pdf",
                         f"/abs/{SHA}.pdf", "docs/NNKJ-1", f"docs/../../{SHA}.pdf", "docs/NNKJ-1/x.pdf",
                         f"docs/{'A' * 41}/{SHA}.pdf", "bundle.json\x00x"])
ENTRY = st.tuples(NAMES, st.sampled_from(["file", "dir", "symlink", "hardlink", "fifo"]),
                  st.one_of(st.just(b"%PDF-1.4 x"), st.binary(max_size=64), st.just(b"[" * 5000),
                            st.just(b"{}"), st.just(b"not json")))
PAYLOAD = st.one_of(
    st.tuples(st.lists(ENTRY, max_size=5), st.booleans(), st.booleans(), st.booleans()),
    st.binary(max_size=2048).map(lambda b: ("raw", b)))


def _tar(entries, with_json: bool, form_ok: bool, secret_ok: bool) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        docs = [n for n, kind, _ in entries if kind == "file" and n.startswith("docs/")]
        if with_json:
            raw = json.dumps(_bundle_json(docs, form_ok, secret_ok), ensure_ascii=False).encode()
            info = tarfile.TarInfo("bundle.json")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
        for name, kind, content in entries:
            info = tarfile.TarInfo(name)
            if kind == "file":
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
                continue
            info.type = {"dir": tarfile.DIRTYPE, "symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE,
                         "fifo": tarfile.FIFOTYPE}[kind]
            info.linkname = "/etc/passwd"
            tar.addfile(info)
    return buf.getvalue()


@pytest.fixture(scope="module")
def secretary():
    return ephemeral_key("secretary", "fuzz")


@FUZZ
@given(payload=PAYLOAD)
def test_fuzz_signed_hostile_payloads(payload, secretary, tmp_path_factory, monkeypatch):
    """Whatever a (correctly signed and encrypted) payload holds: a bundle both readers agree on,
    or ExchangeError from both — never another exception, and on a refusal nothing written."""
    monkeypatch.setattr(container, "KDF", dict(container.KDF, n=2 ** 14))  # the smallest the readers accept
    tmp = tmp_path_factory.mktemp("fuzz")
    raw = payload[1] if payload[0] == "raw" else _tar(*payload)
    path = tmp / "x.nnrb"
    container.write_container(path, HEADER, PASSWORD, secretary, lambda w: w.write(raw))
    outcomes = []
    for reader in ("disk", "stream"):
        try:
            if reader == "disk":
                open_bundle(path, PASSWORD, out_dir=tmp / "opened").close()
            else:
                open_bundle_streaming(path, PASSWORD, lambda a, s, chunks: b"".join(chunks))
            outcomes.append("opened")
        except ExchangeError as e:
            assert e.code in ("bundle.content", "bundle.password"), (e.code, e.message)
            outcomes.append(e.code)
            if reader == "disk":
                assert not [p for p in files_under(tmp / "opened") if p.is_file()]
    assert outcomes[0] == outcomes[1]
    assert {p.name for p in tmp.iterdir()} <= {"x.nnrb", "opened"}
