"""Import throughput: N synthetic packages with PDFs of realistic size into a fresh store.

    python benchmarks/import_bench.py [--packages 300] [--mb 8] [--keep DIR]

Prints packages/s and MB/s for the import, next to the I/O baseline measured in the same
run on the same files: copy each package file + sha256 of its bytes. Documents differ per
package (the store de-duplicates identical content, which would flatter the figure).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nn_review.creditcode import make_credit_code  # noqa: E402
from nn_review.demo.pdfs import make_pdf  # noqa: E402
from nn_review.package.builder import build_package  # noqa: E402
from nn_review.services.guides import ensure_builtin_guides  # noqa: E402
from nn_review.services.importer import import_packages  # noqa: E402
from nn_review.services.sessions import create_session  # noqa: E402
from nn_review.store import open_store  # noqa: E402


def manifest(i: int) -> dict:
    return {
        "format": "nnpkg/1", "kind": "project", "application_id": f"BENCH-{i:05d}",
        "guide_edition": "nanning-seed", "guide_item": 1 + i % 22, "direction": 1,
        "title": f"基准测试项目{i:05d}：面向东盟的智能制造关键技术研发与应用示范",
        "applicant": {"name": f"广西基准测试{i:05d}科技有限公司", "credit_code": make_credit_code(f"914501007{i:08d}"),
                      "kind": "enterprise", "in_nanning": True},
        "partners": [], "leader": {"name": "张三", "title": "高级工程师", "unit": "广西基准测试科技有限公司"},
        "members": [], "period": {"start": "2025-07-01", "end": "2027-06-30"},
        "budget": {"requested": 100.0, "self_funded": 250.0},
        "indicators": {"invention_patent_applications": 3, "new_revenue": 6000.0}, "consortium": None,
        "documents": [{"path": "docs/申报书.pdf", "kind": "application_form", "title": "项目申报书", "sha256": ""}],
    }


def build(folder: Path, n: int, mb: float) -> list[Path]:
    base = make_pdf("基准测试申报书", [("项目基本信息", "用于导入性能测试的申报书。")], target_bytes=int(mb * 1024 * 1024))
    paths = []
    for i in range(n):
        pdf = base + f"\n%bench-{i:05d}\n".encode()  # unique content per package, still a valid PDF
        paths.append(build_package(manifest(i), {"docs/申报书.pdf": pdf}, folder / f"bench-{i:05d}.nnpkg"))
    return paths


def baseline(paths: list[Path], dest: Path) -> float:
    dest.mkdir()
    t = time.perf_counter()
    for p in paths:
        target = dest / p.name
        shutil.copyfile(p, target)
        with open(target, "rb") as f:
            hashlib.file_digest(f, "sha256")
            os.fsync(f.fileno())
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--packages", type=int, default=300)
    ap.add_argument("--mb", type=float, default=8.0, help="size of each package's PDF in MB")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="nn-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        (work / "packages").mkdir(exist_ok=True)
        paths = build(work / "packages", a.packages, a.mb)
        total_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"built {len(paths)} packages, {total_mb:.0f} MB, in {time.perf_counter() - t:.1f} s")

        t_base = baseline(paths, work / "baseline")
        store = open_store(work / "store")
        ensure_builtin_guides(store)
        sid = create_session(store, "基准测试批次")
        t = time.perf_counter()
        rep = import_packages(store, sid, paths)
        t_imp = time.perf_counter() - t
        assert rep.counts["imported"] == len(paths), rep.summary_zh()
        print(f"{'':24}{'seconds':>10}{'packages/s':>12}{'MB/s':>10}")
        print(f"{'baseline copy+sha256':24}{t_base:>10.2f}{len(paths) / t_base:>12.1f}{total_mb / t_base:>10.1f}")
        print(f"{'nn-review import':24}{t_imp:>10.2f}{len(paths) / t_imp:>12.1f}{total_mb / t_imp:>10.1f}")
        print(f"import / baseline time: {t_imp / t_base:.2f}x")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
