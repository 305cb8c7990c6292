"""Shared test data: a valid manifest, small real PDFs, package files on disk."""

from __future__ import annotations

import copy
import io
from contextlib import contextmanager
from pathlib import Path

from reportlab.pdfgen import canvas

from nn_review.creditcode import make_credit_code

APPLICANT_CODE = "91450100MA5K3B7Q1M"
PARTNER_CODE = "12450000498502233W"


def pdf_bytes(pages: int = 2, text: str = "page") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(pages):
        c.drawString(72, 720, f"{text} {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def manifest(**over) -> dict:
    m = {
        "format": "nnpkg/1", "kind": "project", "application_id": "NNKJ-2025-0137",
        "guide_edition": "nanning-seed", "guide_item": 15, "direction": 1,
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
            {"path": "docs/申报书.pdf", "kind": "application_form", "title": "项目申报书", "sha256": ""},
            {"path": "docs/合作协议.pdf", "kind": "agreement", "title": "产学研合作协议", "sha256": ""}],
    }
    m.update(copy.deepcopy(over))
    return m


def docs_for(m: dict, pages: int = 2) -> dict[str, bytes]:
    return {d["path"]: pdf_bytes(pages, d["path"]) for d in m["documents"]}


def write_package(folder: Path, m: dict | None = None, name: str | None = None, **kw) -> Path:
    from nn_review.package.builder import build_package
    m = m or manifest()
    out = folder / (name or f"{m['application_id']}.nnpkg")
    return build_package(m, kw.pop("documents", None) or docs_for(m), out, **kw)


def unique_code(n: int) -> str:
    return make_credit_code(f"914501007{n:08d}")


def distinct_packages(folder: Path, ids: list[str], *, code_base: int, version: str = "",
                      pages: int = 2) -> list[Path]:
    """Packages of different applicants, with distinct PDFs (a document can be traced to its
    application by hash); ``version`` marks title and PDFs (two versions of the same packages)."""
    out = []
    for i, aid in enumerate(ids):
        m = manifest(application_id=aid, title=f"东盟小语种智能翻译关键技术研究（{i + 1}）{version}")
        m["applicant"]["credit_code"] = unique_code(code_base + i)
        m["applicant"]["name"] = f"广西第{i + 1}信息科技有限公司"
        docs = {d["path"]: pdf_bytes(pages, f"{version} {aid} {d['path']}".lstrip()) for d in m["documents"]}
        out.append(write_package(folder, m, documents=docs))
    return out


def files_under(p: Path) -> list[Path]:
    return sorted(x for x in p.rglob("*") if x.is_file())


def module_files(*tops: str) -> dict[str, Path]:
    """Dotted module name → file, for every .py under the project's ``tops`` (e.g. "nn_review")."""
    root = Path(__file__).resolve().parents[1]
    mods = {}
    for top in tops:
        for p in (root / top).rglob("*.py"):
            parts = list(p.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            mods[".".join(parts)] = p
    return mods


@contextmanager
def file_keys(folder: Path, **more_env: str):
    """Keys in files under ``folder/keys`` (no keyring) for a module-scoped fixture, where the
    function-scoped monkeypatch is not available; ``more_env`` sets further variables."""
    import pytest
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NN_REVIEW_KEYRING", "file")
        mp.setenv("NN_REVIEW_KEY_DIR", str(folder / "keys"))
        for name, value in more_env.items():
            mp.setenv(name, value)
        yield mp
