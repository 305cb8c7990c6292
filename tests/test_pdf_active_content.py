"""Issue 12 item 12: PDFs with JavaScript, Launch actions, embedded files or only an owner
password are accepted, flagged on the package as a 形式审查 warning naming the document and what
was found, and nothing in them is executed or extracted."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from nn_review.checks.package_checks import check_package
from nn_review.cli import main
from nn_review.package import read_package
from nn_review.services.guides import builtin_guide

from .fuzzing import files_under
from .pkgtools import EXAMPLE_FILES, build_package, example_manifest, sha256

EXE = b"MZ\x90\x00 this would be a program"


def _writer() -> PdfWriter:
    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    return w


def _bytes(w: PdfWriter) -> bytes:
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _annotation(w: PdfWriter, annot: DictionaryObject) -> None:
    annot.update({NameObject("/Type"): NameObject("/Annot"),
                  NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(50), FloatObject(50)])})
    w.pages[0][NameObject("/Annots")] = ArrayObject([w._add_object(annot)])


def js_names() -> bytes:
    w = _writer()  # the document-level /Names /JavaScript tree (what add_js wrote before pypdf 7)
    action = w._add_object(DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                                             NameObject("/JS"): TextStringObject("app.alert('hello');")}))
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("init"), action])})
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    return _bytes(w)


def js_open_action() -> bytes:
    w = _writer()
    w._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})
    return _bytes(w)


def launch_link() -> bytes:
    w = _writer()
    action = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    _annotation(w, DictionaryObject({NameObject("/Subtype"): NameObject("/Link"), NameObject("/A"): action}))
    return _bytes(w)


def embedded() -> bytes:
    w = _writer()
    w.add_attachment("payload.exe", EXE)
    return _bytes(w)


def file_attachment_annotation() -> bytes:
    w = _writer()
    stream = w._add_object(__import__("pypdf.generic", fromlist=["x"]).DecodedStreamObject())
    stream.get_object().set_data(EXE)
    spec = DictionaryObject({NameObject("/Type"): NameObject("/Filespec"), NameObject("/F"): TextStringObject("a.exe"),
                             NameObject("/EF"): DictionaryObject({NameObject("/F"): stream})})
    _annotation(w, DictionaryObject({NameObject("/Subtype"): NameObject("/FileAttachment"), NameObject("/FS"): spec}))
    return _bytes(w)


def owner_password_only() -> bytes:
    w = _writer()
    w.encrypt(user_password="", owner_password="secret", algorithm="AES-128",
              permissions_flag=NumberObject(-3904))
    return _bytes(w)


def raw_hex_escaped() -> bytes:
    """Hand-written, with the names spelt with #-escapes (/J#61vaScript, /L#61unch)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /L#61unch /F (cmd.exe) >> "
            b"/AA << /WC << /S /J#61vaScript /JS (app.alert\\(1\\)) >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


CASES = [("js_names", js_names, ["javascript"]),
         ("js_open_action", js_open_action, ["javascript"]),
         ("launch", launch_link, ["launch"]),
         ("embedded_files", embedded, ["embedded_files"]),
         ("file_attachment", file_attachment_annotation, ["file_attachment"]),
         ("owner_password", owner_password_only, ["owner_password"]),
         ("raw_hex_escaped", raw_hex_escaped, ["javascript", "launch"])]


def _package(tmp_path, pdf: bytes):
    m = example_manifest()
    m["documents"][1]["sha256"] = sha256(pdf)
    return build_package(tmp_path / "p.nnpkg", m, {**EXAMPLE_FILES, "docs/合作协议.pdf": pdf})


@pytest.mark.parametrize("make, codes", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_active_content_is_accepted_and_flagged(tmp_path, make, codes):
    pkg = _package(tmp_path, make())
    work = tmp_path / "w"
    before = files_under(tmp_path)
    loaded = read_package(pkg, work)
    # Nothing extracted: the work folder holds exactly the two documents, nothing else appeared.
    assert sorted(work.iterdir()) == sorted(d.temp_path for d in loaded.documents)
    assert files_under(tmp_path) - before == {work, *(d.temp_path for d in loaded.documents)}
    assert not any(EXE in p.read_bytes() and p.suffix != ".pdf" for p in files_under(tmp_path) if p.is_file())
    doc = loaded.manifest["documents"][1]
    assert set(codes) <= set(doc["pdf_findings"]), doc["pdf_findings"]
    assert loaded.manifest["documents"][0]["pdf_findings"] == []
    found = [f for f in check_package(builtin_guide("nanning-seed"), loaded.manifest) if f.rule_id == "K.PDF_ACTIVE"]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].status == "fail"
    assert "docs/合作协议.pdf" in found[0].message and "产学研合作协议" in found[0].message


def test_clean_pdfs_are_not_flagged(tmp_path):
    loaded = read_package(build_package(tmp_path / "p.nnpkg"), tmp_path / "w")
    assert all(d["pdf_findings"] == [] for d in loaded.manifest["documents"])
    assert not [f for f in check_package(builtin_guide("nanning-seed"), loaded.manifest) if f.rule_id == "K.PDF_ACTIVE"]


def test_a_manifest_cannot_declare_its_own_pdf_findings(tmp_path):
    m = example_manifest()
    m["documents"][0]["pdf_findings"] = ["nothing"]
    pdf = js_names()
    m["documents"][1]["sha256"] = sha256(pdf)
    m["documents"][1]["pdf_findings"] = []
    loaded = read_package(build_package(tmp_path / "p.nnpkg", m, {**EXAMPLE_FILES, "docs/合作协议.pdf": pdf}),
                          tmp_path / "w")
    assert [d["pdf_findings"] for d in loaded.manifest["documents"]] == [[], ["javascript"]]


def test_imported_with_the_warning_through_the_cli(capsys, tmp_path):
    pkg = _package(tmp_path, js_open_action())
    store = tmp_path / "store"
    assert main(["--store", str(store), "session", "create", "批次"]) == 0
    assert main(["--store", str(store), "session", "import", str(pkg)]) == 0
    out = capsys.readouterr().out
    assert "[已导入]" in out
    main(["--store", str(store), "session", "checks", "--json"])
    p = json.loads(capsys.readouterr().out)["packages"][0]
    assert p["verdict"] == "attention"
    flagged = [f for f in p["findings"] if f["rule_id"] == "K.PDF_ACTIVE"]
    assert flagged and "JavaScript" in flagged[0]["message"]
