"""Results throughput: merging verified score files, and writing signed result sheets.

    python benchmarks/results_bench.py [--apps 300] [--experts 7] [--keep DIR] [--no-office]

1. **Merge + verify**: a store with N applications in one panel of M experts; every expert
   gets a real bundle and returns one signed score file with N reviews. Timed: importing the
   M files (parse, HMAC, Ed25519, every check, rows written) and merging the panel
   (``panel_results``). Baseline in the same run on the same files: a bare loop of
   ``json.loads`` + Ed25519 verification of each file.
2. **Sheets**: ``write_reports(sign=True)``: N signed 项目评审意见表 + the signed 评审结果汇总表
   (personal sheets off). Compared with LibreOffice headless converting N equivalent
   .docx files to PDF (same content: particulars, the criteria × experts table, totals,
   opinion), when ``soffice`` is installed; the script says so when it is not.

Setup (packages, bundles, score files) is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from nn_review.creditcode import make_credit_code  # noqa: E402
from nn_review.demo.pdfs import make_pdf  # noqa: E402
from nn_review.exchange.bundles import make_bundle
from nn_review.formats.bundle import open_bundle  # noqa: E402
from nn_review.formats.canonical import b64d, canonical_json  # noqa: E402
from nn_review.formats.scorefile import BODY_KEYS, SIG_CONTEXT, write_score_file  # noqa: E402
from nn_review.exchange.scores_import import import_score_files  # noqa: E402
from nn_review.keys import ephemeral_key, public_key_from_b64  # noqa: E402
from nn_review.package.builder import build_package  # noqa: E402
from nn_review.results import panel_results, write_reports  # noqa: E402
from nn_review.pdf.signing import memory_identity  # noqa: E402
from nn_review.services.guides import ensure_builtin_guides  # noqa: E402
from nn_review.services.importer import import_packages  # noqa: E402
from nn_review.services.sessions import create_session  # noqa: E402
from nn_review.store import models as M  # noqa: E402
from nn_review.store import open_store  # noqa: E402

NAMES = ["王建国", "李秀英", "赵明", "陈晓东", "刘海燕", "黄志强", "周丽华", "吴国平", "孙丽娟", "马文博", "朱红梅"]
OPINION = ("该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
           "考核指标量化明确且不低于指南要求，经费预算基本合理。")


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


def setup(root: Path, n: int, m: int):
    os.environ.setdefault("NN_REVIEW_KEYRING", "file")
    os.environ.setdefault("NN_REVIEW_KEY_DIR", str(root / "keys"))
    t = time.perf_counter()
    store = open_store(root / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, "基准测试批次")
    base = make_pdf("基准测试申报书", [("项目基本信息", "用于评审结果性能测试的申报书。")])
    pkgs = root / "pkgs"
    pkgs.mkdir()
    paths = [build_package(manifest(i), {"docs/申报书.pdf": base + f"\n%bench-{i:05d}\n".encode()},
                           pkgs / f"bench-{i:05d}.nnpkg") for i in range(n)]
    rep = import_packages(store, sid, paths)
    assert rep.counts["imported"] == n, rep.counts
    with store.write() as s:
        apps = {a.application_id: a.id for a in s.scalars(select(M.Application).where(M.Application.session_id == sid))}
        panel = M.Panel(session_id=sid, name="基准测试组")
        s.add(panel)
        s.flush()
        experts = {}
        for j in range(m):
            e = M.Expert(roster_key=f"B{j + 1:03d}", name=NAMES[j % len(NAMES)] + ("" if j < len(NAMES) else str(j)),
                         unit=f"广西第{j + 1}研究院", title="研究员")
            s.add(e)
            s.flush()
            experts[e.name] = e.id
            s.add(M.PanelMember(panel_id=panel.id, expert_id=e.id))
            for pk in apps.values():
                s.add(M.Assignment(panel_id=panel.id, expert_id=e.id, application_pk=pk))
        for pk in apps.values():
            s.add(M.PanelApplication(panel_id=panel.id, application_pk=pk))
        panel.leader_expert_id = next(iter(experts.values()))
        panel_id = panel.id
    secretary = ephemeral_key("secretary", "bench")
    rng = random.Random(1)
    files = []
    for name, eid in experts.items():
        info = make_bundle(store, sid, eid, root / "bundles", secretary_key=secretary)
        ob = open_bundle(info.path, info.password, out_dir=root / "laptop" / name)
        reviews = []
        for aid in sorted(apps):
            grades = {}
            for c in range(1, 7):
                g = rng.choice("ABBBCCD")
                grades[f"c{c}"] = {"grade": g, "comment": "论证不足，需补充数据。" if g in "DE" else ""}
            reviews.append({"application_id": aid, "grades": grades, "opinion": OPINION,
                            "recommendation": rng.choice(["support", "support", "support_if_revised", "reject"])})
        path = root / "returns" / f"{name}-r1.nnscore"
        write_score_file(path, ob, ephemeral_key("expert", name), 1, reviews)
        files.append(path)
        ob.close()
    print(f"setup: {n} applications, {m} experts, {len(files)} score files "
          f"({sum(p.stat().st_size for p in files) / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    return store, sid, panel_id, files


def bare_loop(files: list[Path]) -> float:
    t = time.perf_counter()
    for p in files:
        obj = json.loads(p.read_bytes())
        body = {k: obj[k] for k in BODY_KEYS}
        public_key_from_b64(obj["expert_public_key"]).verify(
            b64d(obj["signature"]), SIG_CONTEXT + canonical_json(body) + obj["hmac"].encode("ascii"))
    return time.perf_counter() - t


# -- LibreOffice comparison -----------------------------------------------------------------

def docx_bytes(pr, a) -> bytes:
    """A .docx with the same content as one 项目评审意见表 (WordprocessingML, no styles)."""
    def para(text: str, size: int = 21) -> str:
        return (f'<w:p><w:r><w:rPr><w:rFonts w:eastAsia="WenQuanYi Micro Hei"/><w:sz w:val="{size}"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')

    def row(cells: list[str]) -> str:
        return "<w:tr>" + "".join(f"<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>{para(c, 18)}</w:tc>"
                                  for c in cells) + "</w:tr>"
    rows = [row(["评审指标（权重）"] + [e.name for e in a.experts])]
    for c in a.form.criteria:
        rows.append(row([f"{c.id} {c.name}（{c.weight}）"] + [
            f"{e.grades[c.id].grade} {e.grades[c.id].score:.2f}" if c.id in e.grades else e.cell for e in a.experts]))
    rows.append(row(["总分"] + [e.cell for e in a.experts]))
    borders = "".join(f'<w:{b} w:val="single" w:sz="4"/>' for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table = f"<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>" \
            + "".join(rows) + "</w:tbl>"
    body = "".join([para("南宁市科学技术局 科技计划项目评审"), para("项目评审意见表", 36),
                    para(f"评审批次：{pr.session_name}　评审组：{pr.panel_name}"), para(f"申报编号：{a.application_id}"),
                    para(f"项目名称：{a.title}"), para(f"申报单位：{a.applicant}"), table,
                    para(f"算术平均分 {a.score.mean:.2f}；去掉最高最低后平均分 {a.score.trimmed_mean:.2f}；"
                         f"项目得分 {a.score.value:.2f}（{a.method_zh}）"),
                    para("专家组意见：" + OPINION * 2), para("专家签字：＿＿＿＿＿＿　组长签字：＿＿＿＿＿＿")])
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    out = tempfile.SpooledTemporaryFile()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                   '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                   'document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                                  'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
                                  '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                                  'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", doc)
    out.seek(0)
    return out.read()


def libreoffice(pr, folder: Path) -> tuple[float, int] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    src = folder / "docx"
    src.mkdir(parents=True)
    for a in pr.applications:
        (src / f"{a.application_id}.docx").write_bytes(docx_bytes(pr, a))
    out = folder / "pdf"
    profile = folder / "lo-profile"
    docs = sorted(str(p) for p in src.glob("*.docx"))
    t = time.perf_counter()
    # Few soffice processes, many files each (the fastest way to drive it). Batches of 100:
    # LibreOffice 7.4 silently stops after ~250 files in one invocation (seen here: 247 of 300).
    for i in range(0, len(docs), 100):
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *docs[i:i + 100]], check=True, capture_output=True, timeout=3600)
    return time.perf_counter() - t, len(list(out.glob("*.pdf")))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--apps", type=int, default=300)
    ap.add_argument("--experts", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep the work folder here")
    ap.add_argument("--no-office", action="store_true", help="skip the LibreOffice comparison")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="nn-results-bench-")) if not args.keep else args.keep
    root.mkdir(parents=True, exist_ok=True)
    try:
        store, sid, panel_id, files = setup(root, args.apps, args.experts)
        n_reviews = args.apps * args.experts

        bare = bare_loop(files)
        t = time.perf_counter()
        results = import_score_files(store, sid, files)
        t_import = time.perf_counter() - t
        assert all(r.outcome == "imported" for r in results), [r.message for r in results]
        t = time.perf_counter()
        pr = panel_results(store, panel_id)
        t_merge = time.perf_counter() - t
        assert len(pr.applications) == args.apps and all(a.score.n == args.experts for a in pr.applications)
        print(f"merge + verify {args.apps} applications × {args.experts} experts ({n_reviews} reviews):")
        print(f"  import (parse, HMAC, Ed25519, checks, rows)   {t_import:7.2f} s")
        print(f"  merge (panel_results)                          {t_merge:7.2f} s")
        print(f"  total                                          {t_import + t_merge:7.2f} s "
              f"({n_reviews / (t_import + t_merge):,.0f} reviews/s)")
        print(f"  bare loop (json.loads + Ed25519 verify)        {bare:7.2f} s "
              f"→ the full pipeline costs {(t_import + t_merge) / bare:,.0f}× the bare loop")

        ident = memory_identity("secretary", "基准测试秘书", title="科员", unit="基准测试", key_size=3072)
        t = time.perf_counter()
        rep = write_reports(store, sid, root / "reports", sign=True, personal=False, identity=ident)
        t_rep = time.perf_counter() - t
        size = sum(p.stat().st_size for p in rep.files)
        print(f"signed sheets: {len(rep.sheets)} 项目评审意见表 + {len(rep.summaries)} 评审结果汇总表 "
              f"in {t_rep:.1f} s ({t_rep / len(rep.files) * 1000:.0f} ms per document, {size / 1e6:.1f} MB)")
        t = time.perf_counter()
        plain = write_reports(store, sid, root / "reports-unsigned", sign=False, personal=False)
        t_plain = time.perf_counter() - t
        print(f"unsigned sheets (signature fields only): {len(plain.files)} documents in {t_plain:.1f} s "
              f"({t_plain / len(plain.files) * 1000:.0f} ms per document)")
        if args.no_office:
            print("LibreOffice comparison skipped (--no-office)")
        else:
            lo = libreoffice(pr, root / "office")
            if lo is None:
                print("LibreOffice is not installed (no soffice on PATH): comparison not run")
            else:
                t_lo, count = lo
                print(f"LibreOffice headless: {count} .docx → PDF (unsigned) in {t_lo:.1f} s "
                      f"({t_lo / max(count, 1) * 1000:.0f} ms per document); nn_review signed: "
                      f"{t_lo / t_rep:.2f}× LibreOffice's speed, unsigned: {t_lo / t_plain:.2f}×")
        store.close()
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
