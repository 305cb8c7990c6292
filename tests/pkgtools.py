"""Build `nnpkg/1` packages for tests: the spec's example manifest, tiny real PDFs, raw ZIP tricks."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from pypdf import PdfWriter

from nn_review.creditcode import make_credit_code

APPLICANT_CODE = "91450100MA5K3B7Q1M"
PARTNER_CODE = "12450000498502233W"


def pdf_bytes(pages: int = 1, *, password: str | None = None, attachment: bytes | None = None) -> bytes:
    """A real PDF of blank A4 pages; ``attachment`` makes it as large as needed."""
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(width=595, height=842)
    if attachment is not None:
        w.add_attachment("data.bin", attachment)
    if password is not None:
        w.encrypt(user_password=password, owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


FORM_PDF = pdf_bytes(2)
AGREEMENT_PDF = pdf_bytes(1)

EXAMPLE: dict[str, Any] = {
    "format": "nnpkg/1",
    "kind": "project",
    "application_id": "NNKJ-2025-0137",
    "guide_edition": "nanning-seed",
    "guide_item": 15,
    "direction": 1,
    "title": "面向东盟小语种的智能翻译系统研发与应用示范",
    "applicant": {"name": "广西某某信息科技有限公司", "credit_code": APPLICANT_CODE, "kind": "enterprise",
                  "in_nanning": True, "district": "南宁高新区"},
    "partners": [{"name": "广西大学", "credit_code": PARTNER_CODE, "kind": "university",
                  "in_nanning": True, "role": "core"}],
    "leader": {"name": "张三", "title": "高级工程师", "unit": "广西某某信息科技有限公司"},
    "members": [{"name": "李四", "unit": "广西大学", "title": "教授"}],
    "period": {"start": "2025-07-01", "end": "2027-06-30"},
    "budget": {"requested": 100.0, "self_funded": 250.0},
    "indicators": {"invention_patent_applications": 1, "ip_grants": 2, "new_revenue": 600.0},
    "consortium": None,
    "documents": [
        {"path": "docs/申报书.pdf", "kind": "application_form", "title": "项目申报书", "sha256": sha256(FORM_PDF)},
        {"path": "docs/合作协议.pdf", "kind": "agreement", "title": "产学研合作协议",
         "sha256": sha256(AGREEMENT_PDF)},
    ],
}
EXAMPLE_FILES = {"docs/申报书.pdf": FORM_PDF, "docs/合作协议.pdf": AGREEMENT_PDF}


def example_manifest() -> dict[str, Any]:
    return copy.deepcopy(EXAMPLE)


def consortium_manifest() -> dict[str, Any]:
    m = example_manifest()
    m.update(kind="consortium_recognition", guide_item=None, direction=None, partners=[])
    members = [{"name": "广西某某信息科技有限公司", "credit_code": APPLICANT_CODE, "kind": "enterprise",
                "in_nanning": True, "layer": "leader"}]
    members += [{"name": f"成员单位{i}", "credit_code": make_credit_code(f"9145010000000000{i}"),
                 "kind": "university" if i % 2 else "enterprise", "in_nanning": i < 3, "layer": "core"}
                for i in range(1, 6)]
    m["consortium"] = {"leader_revenue_last_year": 68000.0, "leader_rd_staff": 35, "leader_rd_spend_3y_avg": 2100.0,
                       "leader_rd_ratio_3y": 0.031, "leader_platforms": ["自治区企业技术中心"], "members": members,
                       "agreement_signed": True}
    return m


class LegacyZipInfo(zipfile.ZipInfo):
    """Writes ``filename`` as its CP437 bytes without the UTF-8 flag, as old Windows zippers do.

    Give it the raw name bytes decoded as CP437, e.g. ``"docs/申报书.pdf".encode("gbk").decode("cp437")``.
    """

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits & ~0x800


def legacy_name(name: str, encoding: str = "gbk") -> str:
    return name.encode(encoding).decode("cp437")


Entry = tuple[str | zipfile.ZipInfo, bytes]


def write_zip(path: Path, entries: list[Entry], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are written on purpose in some tests
        with zipfile.ZipFile(path, "w", compression) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return path


def manifest_bytes(manifest: Any) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def build_package(path: Path, manifest: Any = None, files: dict[str, bytes] | None = None, *,
                  extra: list[Entry] = (), compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A package: manifest.json, then the files (default: the example's), then ``extra`` entries."""
    manifest = example_manifest() if manifest is None else manifest
    files = EXAMPLE_FILES if files is None else files
    entries: list[Entry] = [("manifest.json", manifest_bytes(manifest)), *files.items(), *extra]
    return write_zip(path, entries, compression=compression)
