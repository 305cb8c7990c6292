"""Reading `nnpkg/1` packages: what is valid reads, everything the contract calls invalid is refused
with a specific code/field/message and leaves the work folder exactly as it was."""

from __future__ import annotations

import json
import random
import re
import stat
import struct
import zipfile
import zlib

import pytest
from .pkgtools import (AGREEMENT_PDF, APPLICANT_CODE, EXAMPLE_FILES, FORM_PDF, PARTNER_CODE, LegacyZipInfo,
                      build_package,
                      consortium_manifest, example_manifest, legacy_name, manifest_bytes, pdf_bytes, sha256,
                      write_zip)

from nn_review.package import ImportCancelled, Limits, PackageRefused, read_package, validate_manifest
from nn_review.textsafe import for_terminal

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def workdir(tmp_path):
    d = tmp_path / "work"
    d.mkdir()
    return d


def refused(pkg, workdir, code, field=None, in_message=(), **kw) -> PackageRefused:
    with pytest.raises(PackageRefused) as ei:
        read_package(pkg, workdir, **kw)
    e = ei.value
    assert e.code == code, str(e)
    assert e.file == pkg.name and str(e).startswith(f"{pkg.name}: ")
    if field is not None:
        assert e.field == field, str(e)
        assert f": {for_terminal(field)}: " in str(e)  # str() is for terminals and logs (issue 12)
    assert CJK.search(e.message), e.message
    for s in in_message:
        assert s in e.message, e.message
    assert list(workdir.iterdir()) == [], "a refused package must leave nothing behind"
    return e


# -- valid packages ---------------------------------------------------------------------------

def test_valid_package_reads(tmp_path, workdir):
    pkg = build_package(tmp_path / "a.nnpkg")
    seen = []
    loaded = read_package(pkg, workdir, progress=seen.append)
    assert loaded.source == pkg and loaded.source_size == pkg.stat().st_size
    assert loaded.source_sha256 == sha256(pkg.read_bytes())
    assert loaded.warnings == []
    assert loaded.manifest["application_id"] == "NNKJ-2025-0137"
    assert [d.path for d in loaded.documents] == ["docs/申报书.pdf", "docs/合作协议.pdf"]
    form, agreement = loaded.documents
    assert (form.kind, form.title, form.page_count, form.size) == ("application_form", "项目申报书", 2, len(FORM_PDF))
    assert agreement.page_count == 1
    for doc, data in ((form, FORM_PDF), (agreement, AGREEMENT_PDF)):
        assert doc.sha256 == sha256(data)
        assert doc.temp_path.parent == workdir and doc.temp_path.read_bytes() == data
    assert sorted(workdir.iterdir()) == sorted(d.temp_path for d in loaded.documents)
    assert seen == sorted(seen) and seen[-1] == loaded.source_size


def test_normalisation_kind_default_bom_uppercase_sha(tmp_path, workdir):
    m = example_manifest()
    del m["kind"]
    m["format"] = "nnpkg/1.3"
    m["documents"][0]["sha256"] = m["documents"][0]["sha256"].upper()
    m["applicant"]["credit_code"] = APPLICANT_CODE.lower()
    m["title"] = "  " + m["title"] + "  "
    m["future_field"] = {"x": 1}
    m["indicators"]["unknown_indicator"] = "kept"
    m["indicators"]["standards"] = None
    pkg = write_zip(tmp_path / "a.zip", [("manifest.json", b"\xef\xbb\xbf" + manifest_bytes(m)),
                                         *EXAMPLE_FILES.items()])
    out = read_package(pkg, workdir).manifest
    assert out["kind"] == "project"
    assert out["documents"][0]["sha256"] == sha256(FORM_PDF)
    assert out["applicant"]["credit_code"] == APPLICANT_CODE
    assert out["title"] == example_manifest()["title"]
    assert out["future_field"] == {"x": 1} and out["indicators"]["unknown_indicator"] == "kept"
    assert "standards" not in out["indicators"]


def test_validate_manifest_does_not_touch_input():
    m = example_manifest()
    m["documents"][0]["sha256"] = m["documents"][0]["sha256"].upper()
    before = json.dumps(m)
    validate_manifest(m, "x.nnpkg")
    assert json.dumps(m) == before


def test_consortium_package_reads(tmp_path, workdir):
    pkg = build_package(tmp_path / "c.nnpkg", consortium_manifest())
    m = read_package(pkg, workdir).manifest
    assert m["kind"] == "consortium_recognition" and m["guide_item"] is None
    assert len(m["consortium"]["members"]) == 6


def test_gbk_names_without_utf8_flag(tmp_path, workdir):
    entries = [("manifest.json", manifest_bytes(example_manifest()))]
    for name, data in EXAMPLE_FILES.items():
        info = LegacyZipInfo(legacy_name(name, "gbk"))
        info.compress_type = zipfile.ZIP_DEFLATED
        entries.append((info, data))
    pkg = write_zip(tmp_path / "gbk.nnpkg", entries)
    with zipfile.ZipFile(pkg) as zf:  # really written the legacy way
        assert all(not i.flag_bits & 0x800 for i in zf.infolist())
        assert "docs/申报书.pdf" not in zf.namelist()
    loaded = read_package(pkg, workdir)
    assert [d.path for d in loaded.documents] == ["docs/申报书.pdf", "docs/合作协议.pdf"]
    assert loaded.warnings == []


def test_utf8_names_without_flag_and_nfd(tmp_path, workdir):
    # macOS: UTF-8 bytes without the flag, and decomposed (NFD) accents.
    m = example_manifest()
    m["documents"][1]["path"] = "docs/café.pdf"
    files = [("manifest.json", manifest_bytes(m)), ("docs/申报书.pdf", FORM_PDF),
             (LegacyZipInfo(legacy_name("docs/cafe\u0301.pdf", "utf-8")), AGREEMENT_PDF)]
    loaded = read_package(write_zip(tmp_path / "mac.zip", files), workdir)
    assert loaded.documents[1].path == "docs/café.pdf"


def test_encrypted_pdf_with_empty_password_is_fine(tmp_path, workdir):
    pdf = pdf_bytes(3, password="")
    m = example_manifest()
    m["documents"][0]["sha256"] = sha256(pdf)
    pkg = build_package(tmp_path / "e.nnpkg", m, {**EXAMPLE_FILES, "docs/申报书.pdf": pdf})
    assert read_package(pkg, workdir).documents[0].page_count == 3


def test_unlisted_files_warn(tmp_path, workdir):
    pkg = build_package(tmp_path / "w.nnpkg", extra=[("docs/", b""), ("docs/草稿.pdf", FORM_PDF),
                                                     ("__MACOSX/docs/._申报书.pdf", b"x"), (".DS_Store", b"x")])
    w = read_package(pkg, workdir).warnings
    assert len(w) == 2
    assert "docs/草稿.pdf" in w[0] and "未在 manifest.json 中列出" in w[0]
    assert "2 个" in w[1]


def test_workdir_is_created_and_removed_again_on_refusal(tmp_path):
    work = tmp_path / "new" / "work"
    m = example_manifest()
    m["documents"][1]["sha256"] = "0" * 64
    with pytest.raises(PackageRefused):
        read_package(build_package(tmp_path / "a.nnpkg", m), work)
    assert not (tmp_path / "new").exists()


def test_cancel_at_every_point(tmp_path, workdir):
    # A few MB of incompressible data, so that hashing and extraction take several chunks.
    pdf = pdf_bytes(1, attachment=random.Random(0).randbytes(3 * 1024 * 1024))
    m = example_manifest()
    m["documents"][0]["sha256"] = sha256(pdf)
    pkg = build_package(tmp_path / "a.nnpkg", m, {**EXAMPLE_FILES, "docs/申报书.pdf": pdf})
    asked = []
    read_package(pkg, workdir, cancel=lambda: bool(asked.append(1)))
    assert len(asked) > 8
    for p in workdir.iterdir():
        p.unlink()
    for after in range(len(asked)):
        calls = []
        with pytest.raises(ImportCancelled):
            read_package(pkg, workdir, cancel=lambda: bool(calls.append(1)) or len(calls) > after)
        assert list(workdir.iterdir()) == [], after


# -- container refusals -----------------------------------------------------------------------

def _with(name, data=b"x", **attrs):
    info = zipfile.ZipInfo(name)
    for k, v in attrs.items():
        setattr(info, k, v)
    return info, data


class EncryptedZipInfo(zipfile.ZipInfo):
    """Sets the 'encrypted' flag bit (zipfile clears flag_bits when writing)."""

    def _encodeFilenameFlags(self):
        name, flags = super()._encodeFilenameFlags()
        return name, flags | 0x1


ZIP_CASES = [
    ("dotdot", [("../evil.pdf", b"x")], "zip.path_traversal", "../evil.pdf"),
    ("dotdot_inner", [("docs/../../evil.pdf", b"x")], "zip.path_traversal", "docs/../../evil.pdf"),
    ("absolute", [("/etc/passwd", b"x")], "zip.path_traversal", "/etc/passwd"),
    ("drive_letter", [("C:/Windows/evil.pdf", b"x")], "zip.path_traversal", "C:/Windows/evil.pdf"),
    ("backslash", [("docs\\..\\evil.pdf", b"x")], "zip.backslash", "docs\\..\\evil.pdf"),
    ("empty_component", [("docs//a.pdf", b"x")], "zip.bad_name", "docs//a.pdf"),
    ("control_char", [("docs/a\x01.pdf", b"x")], "zip.bad_name", "docs/a\x01.pdf"),
    ("symlink", [_with("docs/link.pdf", b"/etc/passwd", external_attr=(stat.S_IFLNK | 0o777) << 16)],
     "zip.symlink", "docs/link.pdf"),
    ("duplicate", [("docs/申报书.pdf", FORM_PDF)], "zip.duplicate", "docs/申报书.pdf"),
    ("duplicate_case", [("DOCS/申报书.PDF", FORM_PDF)], "zip.duplicate", "DOCS/申报书.PDF"),
    ("encrypted", [(EncryptedZipInfo("docs/secret.pdf"), b"x")], "zip.encrypted", "docs/secret.pdf"),
    ("bomb", [_with("docs/bomb.bin", bytes(2 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)],
     "zip.ratio", "docs/bomb.bin"),
    ("bad_encoding", [(LegacyZipInfo(legacy_name("docs/\xff", "latin-1")), b"x")], "zip.bad_name_encoding",
     "<646f63732fff>"),
]


@pytest.mark.parametrize("extra, code, field", [c[1:] for c in ZIP_CASES], ids=[c[0] for c in ZIP_CASES])
def test_zip_refusals(tmp_path, workdir, extra, code, field):
    e = refused(build_package(tmp_path / "p.nnpkg", extra=extra), workdir, code, field)
    if code == "zip.bad_name_encoding":
        assert "64 6f 63 73 2f ff" in e.message
    else:
        assert for_terminal(field) in e.message  # control characters shown escaped (issue 12)


def test_utf8_flag_with_invalid_utf8_name(tmp_path, workdir):
    class BadUtf8(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return b"docs/\xc3(.pdf", self.flag_bits | 0x800

    pkg = build_package(tmp_path / "p.nnpkg", extra=[(BadUtf8("x"), b"x")])
    e = refused(pkg, workdir, "zip.bad_name_encoding")
    assert "c3 28" in e.message


def test_too_many_entries(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg", extra=[(f"docs/x{i}.txt", b"x") for i in range(3)])
    read_package(pkg, workdir, limits=Limits(max_entries=6))
    for p in list(workdir.iterdir()):
        p.unlink()
    refused(pkg, workdir, "zip.too_many_entries", None, ["6"], limits=Limits(max_entries=5))


def test_too_large(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg")
    refused(pkg, workdir, "zip.too_large", None, limits=Limits(max_total_size=1000))


def test_not_a_zip(tmp_path, workdir):
    p = tmp_path / "p.nnpkg"
    p.write_bytes(b"%PDF-1.7 this is a pdf, not a package")
    refused(p, workdir, "zip.not_zip", None, ["ZIP"])


def test_empty_file(tmp_path, workdir):
    p = tmp_path / "p.nnpkg"
    p.write_bytes(b"")
    refused(p, workdir, "zip.not_zip")


def test_truncated_zip(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg")
    pkg.write_bytes(pkg.read_bytes()[: pkg.stat().st_size // 2])
    refused(pkg, workdir, "zip.not_zip")


def _data_offset(pkg, name):
    with zipfile.ZipFile(pkg) as zf:
        info = zf.getinfo(name)
    raw = pkg.read_bytes()
    n, m = struct.unpack_from("<HH", raw, info.header_offset + 26)
    return info.header_offset + 30 + n + m, info


def test_crc_error(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg", compression=zipfile.ZIP_STORED)
    start, info = _data_offset(pkg, "docs/合作协议.pdf")
    raw = bytearray(pkg.read_bytes())
    raw[start + info.file_size // 2] ^= 0xFF
    pkg.write_bytes(bytes(raw))
    refused(pkg, workdir, "zip.corrupt", "docs/合作协议.pdf", ["docs/合作协议.pdf"])


def patch_central_directory(pkg, name: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite one field of ``name``'s central directory record (offsets per APPNOTE 4.3.12)."""
    raw = bytearray(pkg.read_bytes())
    cd = raw.find(b"PK\x01\x02")
    while cd != -1:
        n = struct.unpack_from("<H", raw, cd + 28)[0]
        if raw[cd + 46: cd + 46 + n] == name.encode():
            struct.pack_into(fmt, raw, cd + offset, value)
        cd = raw.find(b"PK\x01\x02", cd + 4)
    pkg.write_bytes(bytes(raw))


def test_lying_size_in_central_directory(tmp_path, workdir):
    # The header claims fewer bytes than are stored: never trust it, the CRC/hash catches it.
    pkg = build_package(tmp_path / "p.nnpkg", compression=zipfile.ZIP_STORED)
    patch_central_directory(pkg, "docs/申报书.pdf", 24, "<I", 100)
    refused(pkg, workdir, "zip.corrupt", "docs/申报书.pdf")


def test_unsupported_compression_method(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg", compression=zipfile.ZIP_STORED)
    patch_central_directory(pkg, "docs/合作协议.pdf", 10, "<H", 9)  # Deflate64
    refused(pkg, workdir, "zip.compression", "docs/合作协议.pdf", ["9"])


def test_info_zip_unicode_path_field(tmp_path, workdir):
    # Legacy name bytes in some code page (here also valid GBK), the real name in the 0x7075 extra field.
    raw = b"docs/\xb0\xa1.pdf"
    info = LegacyZipInfo(raw.decode("cp437"))
    real = "docs/合作协议.pdf".encode()
    info.extra = struct.pack("<HHBI", 0x7075, 5 + len(real), 1, zlib.crc32(raw)) + real
    pkg = write_zip(tmp_path / "p.nnpkg", [("manifest.json", manifest_bytes(example_manifest())),
                                           ("docs/申报书.pdf", FORM_PDF), (info, AGREEMENT_PDF)])
    assert read_package(pkg, workdir).documents[1].path == "docs/合作协议.pdf"


# -- manifest.json ----------------------------------------------------------------------------

def test_manifest_missing(tmp_path, workdir):
    pkg = write_zip(tmp_path / "p.nnpkg", list(EXAMPLE_FILES.items()))
    refused(pkg, workdir, "manifest.missing", "manifest.json", ["manifest.json"])


def test_manifest_in_subfolder(tmp_path, workdir):
    pkg = write_zip(tmp_path / "p.nnpkg", [("申报包/manifest.json", manifest_bytes(example_manifest())),
                                           *((f"申报包/{k}", v) for k, v in EXAMPLE_FILES.items())])
    refused(pkg, workdir, "manifest.missing", "manifest.json", ["申报包/manifest.json", "根目录"])


def test_manifest_invalid_json(tmp_path, workdir):
    text = manifest_bytes(example_manifest()).replace(b'"kind": "project",', b'"kind": "project"', 1)
    pkg = write_zip(tmp_path / "p.nnpkg", [("manifest.json", text), *EXAMPLE_FILES.items()])
    refused(pkg, workdir, "manifest.json", "manifest.json", ["第 4 行第 3 列", "逗号"])


@pytest.mark.parametrize("text, words", [
    (b'{"format": "nnpkg/1", "format": "nnpkg/1"}', ["format", "两次"]),
    (b'{"format": "nnpkg/1", "budget": NaN}', ["NaN"]),
])
def test_manifest_json_other(tmp_path, workdir, text, words):
    pkg = write_zip(tmp_path / "p.nnpkg", [("manifest.json", text), *EXAMPLE_FILES.items()])
    refused(pkg, workdir, "manifest.json", "manifest.json", words)


def test_manifest_not_utf8(tmp_path, workdir):
    text = json.dumps(example_manifest(), ensure_ascii=False).encode("gbk")
    pkg = write_zip(tmp_path / "p.nnpkg", [("manifest.json", text), *EXAMPLE_FILES.items()])
    refused(pkg, workdir, "manifest.encoding", "manifest.json", ["UTF-8", "GBK"])


def test_manifest_too_large(tmp_path, workdir):
    refused(build_package(tmp_path / "p.nnpkg"), workdir, "manifest.too_large", "manifest.json",
            limits=Limits(max_manifest_size=100))


def test_manifest_not_object(tmp_path, workdir):
    pkg = write_zip(tmp_path / "p.nnpkg", [("manifest.json", b"[]"), *EXAMPLE_FILES.items()])
    refused(pkg, workdir, "manifest.field", "manifest", ["对象"])


DELETE = object()


def at(path, value=DELETE):
    """Mutation: set (or delete) the value at a dotted path; digits index lists."""
    def mutate(m):
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        obj = m
        for k in keys[:-1]:
            obj = obj[k]
        if value is DELETE:
            del obj[keys[-1]]
        else:
            obj[keys[-1]] = value
    return mutate


def both(*mutations):
    def mutate(m):
        for f in mutations:
            f(m)
    return mutate


BAD_CODE = APPLICANT_CODE[:17] + "A"  # wrong check character
PARTNER_BAD = PARTNER_CODE[:17] + "X"
MEMBERS = "manifest.consortium.members"
P = example_manifest
C = consortium_manifest
# (id, base, mutation, field, code, words expected in the message)
FIELD_CASES = [
    ("format_missing", P, at("format"), "manifest.format", "manifest.format", ["nnpkg/1"]),
    ("format_v2", P, at("format", "nnpkg/2"), "manifest.format", "manifest.format", ["nnpkg/2"]),
    ("format_1x_literal", P, at("format", "nnpkg/1.x"), "manifest.format", "manifest.format", []),
    ("kind_enum", P, at("kind", "grant"), "manifest.kind", "manifest.field", ["grant", "consortium_recognition"]),
    ("app_id_missing", P, at("application_id"), "manifest.application_id", "manifest.field", ["申报编号"]),
    ("app_id_empty", P, at("application_id", ""), "manifest.application_id", "manifest.field", ["1–40"]),
    ("app_id_long", P, at("application_id", "A" * 41), "manifest.application_id", "manifest.field", ["1–40"]),
    ("app_id_chars", P, at("application_id", "NNKJ 2025/1"), "manifest.application_id", "manifest.field",
     ["NNKJ 2025/1"]),
    ("app_id_int", P, at("application_id", 137), "manifest.application_id", "manifest.field", ["137"]),
    ("edition_missing", P, at("guide_edition"), "manifest.guide_edition", "manifest.field", ["指南版本"]),
    ("edition_blank", P, at("guide_edition", "  "), "manifest.guide_edition", "manifest.field", ["不能为空"]),
    ("item_missing", P, at("guide_item"), "manifest.guide_item", "manifest.field", ["guide_item"]),
    ("item_string", P, at("guide_item", "15"), "manifest.guide_item", "manifest.field", ["整数", '"15"']),
    ("item_bool", P, at("guide_item", True), "manifest.guide_item", "manifest.field", ["整数", "true"]),
    ("item_float", P, at("guide_item", 15.0), "manifest.guide_item", "manifest.field", ["整数"]),
    ("item_for_consortium", C, at("guide_item", 3), "manifest.guide_item", "manifest.field", ["null"]),
    ("direction_string", P, at("direction", "1"), "manifest.direction", "manifest.field", ["整数"]),
    ("title_missing", P, at("title"), "manifest.title", "manifest.field", ["项目名称"]),
    ("title_blank", P, at("title", " \u3000 "), "manifest.title", "manifest.field", ["不能为空"]),
    ("title_long", P, at("title", "项" * 201), "manifest.title", "manifest.field", ["200", "201"]),
    ("title_control", P, at("title", "第一行\n第二行"), "manifest.title", "manifest.field", ["U+000A"]),
    ("title_number", P, at("title", 5), "manifest.title", "manifest.field", ["字符串"]),
    ("applicant_missing", P, at("applicant"), "manifest.applicant", "manifest.field", ["申报单位"]),
    ("applicant_not_object", P, at("applicant", "广西某某"), "manifest.applicant", "manifest.field", ["对象"]),
    ("applicant_name", P, at("applicant.name"), "manifest.applicant.name", "manifest.field", ["申报单位名称"]),
    ("applicant_code_check", P, at("applicant.credit_code", BAD_CODE), "manifest.applicant.credit_code",
     "manifest.credit_code", [BAD_CODE, "校验位"]),
    ("applicant_code_length", P, at("applicant.credit_code", "91450100MA5K3B7Q1"),
     "manifest.applicant.credit_code", "manifest.credit_code", ["18"]),
    ("applicant_code_missing", P, at("applicant.credit_code"), "manifest.applicant.credit_code",
     "manifest.field", ["credit_code"]),
    ("applicant_kind", P, at("applicant.kind", "company"), "manifest.applicant.kind", "manifest.field",
     ["company", "enterprise"]),
    ("applicant_in_nanning", P, at("applicant.in_nanning", "true"), "manifest.applicant.in_nanning",
     "manifest.field", ["true 或 false"]),
    ("applicant_in_nanning_int", P, at("applicant.in_nanning", 1), "manifest.applicant.in_nanning",
     "manifest.field", []),
    ("applicant_district", P, at("applicant.district", 7), "manifest.applicant.district", "manifest.field", []),
    ("partners_not_list", P, at("partners", {}), "manifest.partners", "manifest.field", ["数组"]),
    ("partner_code", P, at("partners.0.credit_code", PARTNER_BAD),
     "manifest.partners[0].credit_code", "manifest.credit_code", [PARTNER_BAD, "合作单位"]),
    ("partner_kind", P, at("partners.0.kind", "school"), "manifest.partners[0].kind", "manifest.field", []),
    ("partner_in_nanning", P, at("partners.0.in_nanning"), "manifest.partners[0].in_nanning", "manifest.field", []),
    ("partner_role", P, at("partners.0.role", "leader"), "manifest.partners[0].role", "manifest.field", ["core"]),
    ("leader_not_object", P, at("leader", "张三"), "manifest.leader", "manifest.field", ["对象"]),
    ("leader_name", P, at("leader.name", ""), "manifest.leader.name", "manifest.field", []),
    ("members_not_list", P, at("members", "李四"), "manifest.members", "manifest.field", ["数组"]),
    ("member_name", P, at("members.0.name"), "manifest.members[0].name", "manifest.field", []),
    ("period_missing", P, at("period"), "manifest.period", "manifest.field", ["实施期限"]),
    ("period_format", P, at("period.start", "2025/07/01"), "manifest.period.start", "manifest.field",
     ["YYYY-MM-DD", "2025/07/01"]),
    ("period_invalid_date", P, at("period.end", "2027-02-30"), "manifest.period.end", "manifest.field", []),
    ("period_order", P, at("period.start", "2028-01-01"), "manifest.period.end", "manifest.field",
     ["2028-01-01", "2027-06-30"]),
    ("budget_missing", P, at("budget"), "manifest.budget", "manifest.field", []),
    ("budget_negative", P, at("budget.requested", -1), "manifest.budget.requested", "manifest.field", ["负数"]),
    ("budget_string", P, at("budget.requested", "100"), "manifest.budget.requested", "manifest.field", ["数字"]),
    ("budget_bool", P, at("budget.self_funded", True), "manifest.budget.self_funded", "manifest.field",
     ["布尔值"]),
    ("budget_self_missing", P, at("budget.self_funded"), "manifest.budget.self_funded", "manifest.field", []),
    ("indicators_not_object", P, at("indicators", [1]), "manifest.indicators", "manifest.field", ["对象"]),
    ("indicator_negative", P, at("indicators.ip_grants", -2), "manifest.indicators.ip_grants", "manifest.field",
     ["ip_grants", "负数"]),
    ("indicator_string", P, at("indicators.new_revenue", "600"), "manifest.indicators.new_revenue",
     "manifest.field", ["数字"]),
    ("platform_level", P, at("indicators.platform_level", "provincial"), "manifest.indicators.platform_level",
     "manifest.field", ["provincial", "autonomous_region"]),
    ("consortium_on_project", P, at("consortium", {"members": []}), "manifest.consortium", "manifest.field",
     ["null"]),
    ("consortium_missing", C, at("consortium"), "manifest.consortium", "manifest.field", ["consortium"]),
    ("consortium_null", C, at("consortium", None), "manifest.consortium", "manifest.field", []),
    ("consortium_evaluation_missing", C, both(at("kind", "consortium_evaluation"), at("consortium")),
     "manifest.consortium", "manifest.field", ["三年评估"]),
    ("consortium_members_missing", C, at("consortium.members"), f"{MEMBERS}", "manifest.field", []),
    ("consortium_no_leader", C, at("consortium.members.0.layer", "core"), MEMBERS, "manifest.field",
     ["牵头单位", "没有"]),
    ("consortium_two_leaders", C, at("consortium.members.1.layer", "leader"), MEMBERS, "manifest.field",
     ["有 2 个"]),
    ("consortium_leader_not_applicant", C, at("applicant.credit_code", PARTNER_CODE),
     f"{MEMBERS}[0].credit_code", "manifest.field", [PARTNER_CODE, APPLICANT_CODE]),
    ("consortium_layer", C, at("consortium.members.2.layer", "outer"), f"{MEMBERS}[2].layer", "manifest.field",
     ["outer"]),
    ("consortium_member_code", C, at("consortium.members.3.credit_code", "91450100000000003X"),
     f"{MEMBERS}[3].credit_code", "manifest.credit_code", []),
    ("consortium_member_in_nanning", C, at("consortium.members.3.in_nanning", None),
     f"{MEMBERS}[3].in_nanning", "manifest.field", []),
    ("consortium_duplicate_member", C, at("consortium.members.2.credit_code", APPLICANT_CODE),
     f"{MEMBERS}[2].credit_code", "manifest.field", ["重复"]),
    ("consortium_negative", C, at("consortium.leader_rd_staff", -3), "manifest.consortium.leader_rd_staff",
     "manifest.field", ["负数"]),
    ("consortium_ratio_percent", C, at("consortium.leader_rd_ratio_3y", 3.1),
     "manifest.consortium.leader_rd_ratio_3y", "manifest.field", ["0.03"]),
    ("consortium_agreement", C, at("consortium.agreement_signed", "是"), "manifest.consortium.agreement_signed",
     "manifest.field", []),
    ("documents_missing", P, at("documents"), "manifest.documents", "manifest.field", []),
    ("documents_empty", P, at("documents", []), "manifest.documents", "manifest.field", ["application_form"]),
    ("doc_outside_docs", P, at("documents.1.path", "合作协议.pdf"), "manifest.documents[1].path",
     "manifest.field", ["docs/"]),
    ("doc_dotdot", P, at("documents.1.path", "docs/../manifest.json"), "manifest.documents[1].path",
     "manifest.field", [".."]),
    ("doc_backslash", P, at("documents.1.path", "docs\\a.pdf"), "manifest.documents[1].path", "manifest.field",
     ["反斜杠"]),
    ("doc_folder", P, at("documents.1.path", "docs/"), "manifest.documents[1].path", "manifest.field", []),
    ("doc_kind", P, at("documents.1.kind", "contract"), "manifest.documents[1].kind", "manifest.field",
     ["contract", "agreement"]),
    ("doc_title", P, at("documents.1.title"), "manifest.documents[1].title", "manifest.field", []),
    ("doc_sha_short", P, at("documents.1.sha256", "abc"), "manifest.documents[1].sha256", "manifest.field",
     ["64"]),
    ("doc_sha_nonhex", P, at("documents.1.sha256", "g" * 64), "manifest.documents[1].sha256", "manifest.field",
     ["64"]),
    ("doc_duplicate_path", P, at("documents.1.path", "docs/申报书.PDF"), "manifest.documents[1].path",
     "manifest.field", ["重复"]),
    ("no_application_form", P, at("documents.0.kind", "other"), "manifest.documents", "manifest.field",
     ["application_form", "没有"]),
    ("two_application_forms", P, at("documents.1.kind", "application_form"), "manifest.documents[1].kind",
     "manifest.field", ["有 2 份"]),
]


@pytest.mark.parametrize("base, mutate, field, code, words", [c[1:] for c in FIELD_CASES],
                         ids=[c[0] for c in FIELD_CASES])
def test_manifest_field_refusals(tmp_path, workdir, base, mutate, field, code, words):
    m = base()
    mutate(m)
    refused(build_package(tmp_path / "p.nnpkg", m), workdir, code, field, words)


# -- documents --------------------------------------------------------------------------------

def _with_doc(tmp_path, data, *, fix_sha=True, index=1):
    m = example_manifest()
    name = m["documents"][index]["path"]
    if fix_sha:
        m["documents"][index]["sha256"] = sha256(data)
    return build_package(tmp_path / "p.nnpkg", m, {**EXAMPLE_FILES, name: data})


def test_document_missing(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg", files={"docs/申报书.pdf": FORM_PDF})
    refused(pkg, workdir, "document.missing", "manifest.documents[1].path", ["docs/合作协议.pdf"])


def test_document_missing_case_hint(tmp_path, workdir):
    pkg = build_package(tmp_path / "p.nnpkg", files={"docs/申报书.pdf": FORM_PDF, "docs/合作协议.PDF": AGREEMENT_PDF})
    refused(pkg, workdir, "document.missing", "manifest.documents[1].path", ["docs/合作协议.PDF"])


def test_sha_mismatch(tmp_path, workdir):
    # The first document is already extracted when the second fails: it must be removed too.
    pkg = _with_doc(tmp_path, pdf_bytes(4), fix_sha=False)
    refused(pkg, workdir, "document.sha256", "manifest.documents[1].sha256",
            ["docs/合作协议.pdf", sha256(AGREEMENT_PDF), sha256(pdf_bytes(4))])


@pytest.mark.parametrize("data, words", [
    (b"PK\x03\x04 a docx really", ["Office"]),
    (b"hello, I am text", ["%PDF-"]),
    (b"", ["%PDF-"]),
])
def test_not_pdf(tmp_path, workdir, data, words):
    refused(_with_doc(tmp_path, data), workdir, "document.not_pdf", "docs/合作协议.pdf",
            ["docs/合作协议.pdf", *words])


def test_fake_pdf(tmp_path, workdir):
    refused(_with_doc(tmp_path, b"%PDF-1.7\n" + bytes(range(256)) * 4), workdir, "document.bad_pdf",
            "docs/合作协议.pdf", ["docs/合作协议.pdf"])


def test_pdf_without_pages(tmp_path, workdir):
    refused(_with_doc(tmp_path, pdf_bytes(0)), workdir, "document.bad_pdf", "docs/合作协议.pdf", ["页"])


def test_password_protected_pdf(tmp_path, workdir):
    refused(_with_doc(tmp_path, pdf_bytes(1, password="secret")), workdir, "document.pdf_encrypted",
            "docs/合作协议.pdf", ["密码"])


def test_refusal_str_format():
    e = PackageRefused("a.nnpkg", "manifest.title", "manifest.field", "项目名称不能为空")
    assert str(e) == "a.nnpkg: manifest.title: 项目名称不能为空"
    assert str(PackageRefused("a.nnpkg", None, "zip.not_zip", "不是 ZIP")) == "a.nnpkg: 不是 ZIP"


def test_missing_source_file(tmp_path, workdir):
    refused(tmp_path / "nope.nnpkg", workdir, "file.missing")

