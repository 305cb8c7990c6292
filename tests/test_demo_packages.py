"""Package builder, demo PDFs and demo packages."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import struct
import subprocess
import time
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader

from nn_review.creditcode import credit_code_error, is_valid_credit_code, make_credit_code
from nn_review.demo import packages
from nn_review.demo.packages import (GBK_PACKAGES, REFUSED_ID, demo_packages, demo_refused_package,
                                     write_demo_packages)
from nn_review.demo.pdfs import make_pdf
from nn_review.package.builder import build_package

from .helpers import docs_for, manifest

TITLE = "面向东盟小语种的智能翻译系统研发与应用示范"
SECTIONS = [
    ("项目基本信息", "|项目|内容|\n|项目名称|" + TITLE + "|\n|申报单位|广西某某信息科技有限公司|"),
    ("立项依据", "南宁是中国—东盟博览会永久举办地，小语种翻译需求旺盛。" * 6 + "\n## （一）国内外现状\n"
     + "通用机器翻译系统在小语种上语料不足、术语不准。" * 8),
    ("考核指标", "|考核指标|数量|单位|\n|申请发明专利|2|件|\n|新增销售收入|800|万元|"),
]


def _central_directory(raw: bytes) -> list[tuple[int, bytes]]:
    """(general purpose flag, stored name bytes) of every central directory record."""
    eocd = raw.rindex(b"PK\x05\x06")
    count, _size, offset = struct.unpack_from("<HII", raw, eocd + 10)
    out, pos = [], offset
    for _ in range(count):
        assert raw[pos:pos + 4] == b"PK\x01\x02"
        flag = struct.unpack_from("<H", raw, pos + 8)[0]
        n, m, k = struct.unpack_from("<HHH", raw, pos + 28)
        out.append((flag, raw[pos + 46:pos + 46 + n]))
        pos += 46 + n + m + k
    return out


def _text(pdf: bytes) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


# --- builder -----------------------------------------------------------------------------------


def test_build_package_writes_manifest_and_docs_with_hashes(tmp_path):
    m = manifest()
    docs = docs_for(m)
    out = build_package(m, docs, tmp_path / "sub" / "a.nnpkg")
    assert out == tmp_path / "sub" / "a.nnpkg" and out.is_file()
    assert m["documents"][0]["sha256"] == ""  # the caller's manifest is untouched
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert names[0] == "manifest.json"
        assert set(names) == {"manifest.json", *docs}
        written = json.loads(zf.read("manifest.json").decode("utf-8"))
        for d in written["documents"]:
            data = zf.read(d["path"])
            assert data == docs[d["path"]]
            assert d["sha256"] == hashlib.sha256(data).hexdigest()
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
        assert all(i.flag_bits & 0x800 for i in zf.infolist() if not i.filename.isascii())
    assert not list(tmp_path.rglob("*.part"))


def test_build_package_without_hashes_and_stored(tmp_path):
    m = manifest()
    m["documents"][0]["sha256"] = "0" * 64
    out = build_package(m, docs_for(m), tmp_path / "b.nnpkg", fill_hashes=False, compression=zipfile.ZIP_STORED)
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("manifest.json"))["documents"][0]["sha256"] == "0" * 64
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}


def test_build_package_is_deterministic(tmp_path):
    m = manifest()
    docs = docs_for(m)
    a = build_package(m, docs, tmp_path / "a.nnpkg").read_bytes()
    b = build_package(m, docs, tmp_path / "b.nnpkg").read_bytes()
    assert a == b


def test_gbk_names_are_stored_as_gbk_bytes_without_utf8_flag(tmp_path):
    m = manifest()
    docs = docs_for(m)
    raw = build_package(m, docs, tmp_path / "gbk.nnpkg", gbk_names=True).read_bytes()
    records = _central_directory(raw)
    assert sorted(name for _, name in records) == sorted([b"manifest.json"] + [p.encode("gbk") for p in docs])
    assert all(not flag & 0x800 for flag, _ in records)
    assert "申报书".encode() not in raw and "申报书".encode("gbk") in raw
    # local headers carry the same bytes and flag
    pos = 0
    while (pos := raw.find(b"PK\x03\x04", pos)) != -1 and pos < raw.rindex(b"PK\x01\x02"):
        flag = struct.unpack_from("<H", raw, pos + 6)[0]
        n = struct.unpack_from("<H", raw, pos + 26)[0]
        assert not flag & 0x800
        assert raw[pos + 30:pos + 30 + n] in {b"manifest.json", *(p.encode("gbk") for p in docs)}
        pos += 30 + n
    # zipfile reads the names as CP437 (no flag); the stored bytes decode as GBK
    with zipfile.ZipFile(tmp_path / "gbk.nnpkg") as zf:
        decoded = {i.filename.encode("cp437").decode("gbk"): i for i in zf.infolist()}
        assert set(decoded) == {"manifest.json", *docs}
        for path, data in docs.items():
            assert zf.read(decoded[path]) == data


def test_gbk_names_decode_with_the_package_reader_rules(tmp_path):
    zipsafe = pytest.importorskip("nn_review.package.zipsafe")
    m = manifest()
    out = build_package(m, docs_for(m), tmp_path / "gbk.nnpkg", gbk_names=True)
    with zipfile.ZipFile(out) as zf:
        assert set(zipsafe.safe_entries(zf, out.name)) == {"manifest.json", *(d["path"] for d in m["documents"])}


# --- PDFs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("pages", [1, 2, 5, 9])
def test_make_pdf_exact_page_count_and_extractable_title(pages):
    pdf = make_pdf(TITLE, SECTIONS, pages=pages, seed=pages)
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pages
    assert TITLE in _text(pdf)
    assert "/FontFile2" in pdf.decode("latin-1")  # the CJK font is embedded


def test_make_pdf_cuts_long_content_to_pages():
    long = [(f"章节{i}", "项目组将围绕关键技术开展系统研究，形成可推广的技术方案。" * 40) for i in range(12)]
    assert len(PdfReader(io.BytesIO(make_pdf(TITLE, long))).pages) > 6
    assert len(PdfReader(io.BytesIO(make_pdf(TITLE, long, pages=3))).pages) == 3


def test_make_pdf_with_cover_and_pdftotext():
    pdf = make_pdf(TITLE, SECTIONS, pages=4, cover=[("项目名称", TITLE), ("申报单位", "广西某某信息科技有限公司")])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 4
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
        flat = "".join(text.decode("utf-8").split())
        assert TITLE in flat and "广西某某信息科技有限公司" in flat and "项目基本信息" in flat


def test_make_pdf_is_deterministic():
    assert make_pdf(TITLE, SECTIONS, pages=3, seed=4) == make_pdf(TITLE, SECTIONS, pages=3, seed=4)


@pytest.mark.parametrize("target,pages", [(2_000_000, None), (8 * 1024 * 1024, None), (3_000_000, 6),
                                          (600_000, 1)])
def test_make_pdf_target_bytes(target, pages):
    t = time.perf_counter()
    pdf = make_pdf(TITLE, SECTIONS, target_bytes=target, pages=pages, seed=1)
    elapsed = time.perf_counter() - t
    assert abs(len(pdf) - target) <= 0.10 * target
    assert elapsed < 5  # typically ~0.1 s for 8 MB
    reader = PdfReader(io.BytesIO(pdf))
    if pages:
        assert len(reader.pages) == pages
    assert TITLE in "".join(reader.pages[0].extract_text().split())
    # the padding is incompressible, like a scanned image
    assert len(_zip(pdf)) > 0.9 * len(pdf)


def _zip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.pdf", data)
    return buf.getvalue()


# --- demo packages -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    return demo_packages()


def test_demo_packages_are_deterministic(demo):
    again = packages._build_all.__wrapped__()  # a fresh build, not the cached one
    assert [m for m, _ in again] == [m for m, _ in demo]
    assert [d for _, d in again] == [d for _, d in demo]


def test_demo_packages_are_complete_and_valid(demo):
    assert len(demo) >= 12
    ids = [m["application_id"] for m, _ in demo]
    assert len(set(ids)) == len(ids) and REFUSED_ID not in ids
    for m, docs in demo:
        assert m["format"] == "nnpkg/1" and m["guide_edition"] == "nanning-seed"
        assert sum(d["kind"] == "application_form" for d in m["documents"]) == 1
        assert 2 <= len(m["documents"]) <= 3
        assert {d["path"] for d in m["documents"]} == set(docs)
        for d in m["documents"]:
            assert d["path"].startswith("docs/")
            assert d["sha256"] == hashlib.sha256(docs[d["path"]]).hexdigest()
            assert docs[d["path"]].startswith(b"%PDF-")
        units = [m["applicant"], *m["partners"], *((m.get("consortium") or {}).get("members") or [])]
        assert all(is_valid_credit_code(u["credit_code"]) for u in units), m["application_id"]
        assert date.fromisoformat(m["period"]["start"]) <= date.fromisoformat(m["period"]["end"])
        assert 1 <= len(m["title"]) <= 200
        if m["kind"] == "project":
            assert isinstance(m["guide_item"], int) and m["consortium"] is None
        form = next(d for d in m["documents"] if d["kind"] == "application_form")
        if m["kind"] == "project":
            assert 5 <= len(PdfReader(io.BytesIO(docs[form["path"]])).pages) <= 10


def test_demo_consortium(demo):
    cons = [m for m, _ in demo if m["kind"] == "consortium_recognition"]
    assert len(cons) == 1
    m = cons[0]
    assert m["guide_item"] is None
    members = m["consortium"]["members"]
    assert len(members) >= 6
    leaders = [x for x in members if x["layer"] == "leader"]
    assert len(leaders) == 1 and leaders[0]["credit_code"] == m["applicant"]["credit_code"]
    assert {x["layer"] for x in members} <= {"leader", "core", "close", "general"}
    assert len({x["credit_code"] for x in members}) == len(members)


def test_demo_has_duplicate_ish_pair(demo):
    seen: dict = {}
    pairs = []
    for m, _ in demo:
        if m["kind"] == "project":
            key = (m["applicant"]["credit_code"], m["guide_item"])
            if key in seen:
                pairs.append((seen[key], m))
            seen[key] = m
    assert len(pairs) == 1 and pairs[0][0]["title"] != pairs[0][1]["title"]


def test_refused_package_has_bad_check_digit():
    m, docs = demo_refused_package()
    code = m["applicant"]["credit_code"]
    assert m["application_id"] == REFUSED_ID
    assert len(code) == 18 and not is_valid_credit_code(code)
    assert "校验位" in credit_code_error(code)
    assert make_credit_code(code[:17]) != code
    for d in m["documents"]:  # everything else is fine
        assert d["sha256"] == hashlib.sha256(docs[d["path"]]).hexdigest()


def test_demo_formal_check_outcomes_match_the_docstring_table(demo):
    guide_mod = pytest.importorskip("nn_review.guide")
    checks = pytest.importorskip("nn_review.checks.package_checks")
    from nn_review.resources import resource
    guide = guide_mod.load_guide(resource("guides", "nanning-seed.json"))
    expected = {"NNKJ-2025-0103": {("I02.R2", "fail")}, "NNKJ-2025-0106": {("I11.R3", "fail")},
                "NNKJ-2025-0111": {("I37.R2", "fail")}, "NNKJ-2025-0112": {("I14.R2", "not_declared")}}
    for m, _ in demo:
        findings = checks.check_package(guide, m, review_start=date(2025, 9, 1))
        bad = {(f.rule_id, f.status) for f in findings if f.status in ("fail", "not_declared")}
        assert bad == expected.get(m["application_id"], set()), m["application_id"]


def test_write_demo_packages(tmp_path, demo):
    paths = write_demo_packages(tmp_path / "pk")
    assert len(paths) == len(demo) + 1
    assert {p.stem for p in paths} >= {REFUSED_ID, *GBK_PACKAGES}
    for p in paths:
        flags = [flag for flag, name in _central_directory(p.read_bytes()) if not name.isascii()]
        assert flags and all(bool(f & 0x800) == (p.stem not in GBK_PACKAGES) for f in flags)
    assert len(write_demo_packages(tmp_path / "pk2", include_refused=False)) == len(paths) - 1


def test_demo_packages_import(tmp_path, demo):
    importer = pytest.importorskip("nn_review.services.importer")
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store
    store = open_store(tmp_path / "store")
    try:
        ensure_builtin_guides(store)
        sid = create_session(store, "演示", start=date(2025, 9, 1), end=date(2025, 9, 30))
        report = importer.import_packages(store, sid, write_demo_packages(tmp_path / "pk"))
    finally:
        store.close()
    refused = [r for r in report.results if r.outcome == "refused"]
    assert report.counts["imported"] == len(demo), report.summary_zh()
    assert len(refused) == 1 and REFUSED_ID in refused[0].file and "校验位" in refused[0].message
