"""The machine-readable check report (``--json``), format ``nn-review/check-report/1``.

Also the store-less ``package check``: read packages into a temporary folder, run the
single-package and cross-package checks among the given files, delete everything.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..checks.engine import verdict
from ..guide import Guide
from ..package import PackageRefused, read_package
from .checks import findings_for
from .importer import collect_package_files

FORMAT = "nn-review/check-report/1"


def package_entry(file: str, manifest: dict | None, findings: list, warnings: list[str],
                  refusal: PackageRefused | None = None) -> dict[str, Any]:
    if refusal is not None:
        return {"file": file, "status": "refused", "application_id": None, "verdict": None,
                "refusal": {"code": refusal.code, "field": refusal.field, "message": refusal.message},
                "findings": [], "warnings": []}
    return {"file": file, "status": "valid", "application_id": manifest["application_id"],
            "kind": manifest.get("kind", "project"), "guide_item": manifest.get("guide_item"),
            "direction": manifest.get("direction"), "title": manifest["title"],
            "applicant": manifest["applicant"]["name"], "verdict": verdict(findings), "refusal": None,
            "findings": [f.to_json() for f in findings],
            "warnings": list(warnings)}


def report(guide: Guide, packages: list[dict[str, Any]]) -> dict[str, Any]:
    c = Counter("refused" if p["status"] == "refused" else p["verdict"] for p in packages)
    return {"format": FORMAT, "guide_edition": guide.edition, "guide_version": guide.version,
            "packages": packages,
            "summary": {"total": len(packages), "refused": c["refused"], "pass": c["pass"],
                        "fail": c["fail"], "attention": c["attention"]}}


def exit_code(rep: dict[str, Any]) -> int:
    """0 = all valid and all checks pass; 1 = all valid, some checks fail; 2 = some package refused."""
    s = rep["summary"]
    if s["refused"]:
        return 2
    return 1 if s["fail"] or s["attention"] else 0


def check_files(guide: Guide, paths: Iterable[str | Path]) -> dict[str, Any]:
    files = collect_package_files(paths)
    valid: list[tuple[int, str, dict, list[str]]] = []
    entries: list[dict[str, Any] | None] = []
    with tempfile.TemporaryDirectory(prefix="nn-check-") as tmp:
        for i, path in enumerate(files):
            work = Path(tmp) / str(i)
            work.mkdir()
            try:
                pkg = read_package(path, work)
            except PackageRefused as e:
                entries.append(package_entry(str(path), None, [], [], e))
                continue
            except Exception as e:  # a bug on one file must not stop the others (issue 12)
                entries.append(package_entry(str(path), None, [], [], PackageRefused(
                    path.name, None, "package.error", f"读取申报包时出错：{type(e).__name__}: {e}")))
                continue
            valid.append((i, str(path), pkg.manifest, pkg.warnings))
            entries.append(None)
    results = findings_for(guide, [(i, m) for i, _f, m, _w in valid])
    for i, file, manifest, warnings in valid:
        entries[i] = package_entry(file, manifest, results[i], warnings)
    return report(guide, entries)
