"""Result sheets (PDF text, layout, signatures), xlsx/json exports and the CLI."""

import json
import re
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nn_review.cli import main
from nn_review.results import (panel_results, results_json, set_consensus, sign_existing, write_reports,
                               write_xlsx)
from nn_review.results.annexes import panel_annexes
from nn_review.results.export import panel_rows
from nn_review.results.merge import short_hash
from nn_review.pdf.signing import existing_fields, memory_identity
from nn_review.signer import set_profile
from nn_review.results.summary_pdf import render_summary
from nn_review.store import models as M

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .results_fixtures import LONG_TITLE, SEVEN, bulk_world, make_world, recusal, retitle, return_scores, review

PDFSIG = shutil.which("pdfsig")
PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not (PDFSIG and PDFTOTEXT), reason="poppler-utils (pdfsig, pdftotext) not installed")

LONG_OPINION = ("专家组经充分讨论认为：" + "该项目面向中国—东盟跨境贸易的实际需求，技术路线总体可行，团队具备较好的研究基础，"
                "但考核指标中关于小语种语料规模和识别准确率的表述仍需进一步量化，经费预算中的设备费比例偏高，建议压缩。" * 14
                + "综上，建议修改后支持。")


def text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def signatures(path: Path) -> list[str]:
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"Signature Validation: (.+)", out)


@pytest.fixture
def world(tmp_path):
    w = make_world(tmp_path, n_apps=3, leader="王建国")
    set_profile(w.store, "韦秘书", "科员", "南宁市科学技术局")
    a1, a2, a3 = w.app_ids
    retitle(w, {a1: LONG_TITLE, a2: "东盟小语种智能翻译关键技术研究", a3: "边境口岸智能通关系统研发"})
    grades = ["AAAAAA", "ABBBBB", "BBBBBB", "BBBBBC", "CCCCCC", "BCCCCC", "DDDDDD"]
    return_scores(w, tmp_path, {n: [review(a1, g, "support" if i < 4 else "reject"), review(a2, "BBBBBB"),
                                    recusal(a3) if i == 0 else review(a3, "CBBBBB", "support_if_revised")]
                                for i, (n, g) in enumerate(zip(SEVEN, grades))})
    set_consensus(w.store, w.sid, a1, opinion=LONG_OPINION, recommendation="support_if_revised",
                  reason="考核指标需量化后再立项")
    yield w
    w.store.close()


@needs_poppler
def test_application_sheet_text_wraps_and_numbers(world, tmp_path):
    res = write_reports(world.store, world.sid, tmp_path / "out")
    a1 = world.app_ids[0]
    sheet = next(p for p in res.sheets if p.stem == a1)
    t = text(sheet)
    flat = squash(t)
    assert "项目评审意见表" in t and a1 in t and "广西第1信息科技有限公司" in t
    assert squash(LONG_TITLE) in flat          # wrapped, not clipped
    assert squash(LONG_OPINION) in flat        # long consensus breaks across pages, complete
    for cell in ["A 15.00", "A 20.00", "B 16.00", "B 12.00", "C 9.00", "D 8.00", "D 4.00", "A 10.00"]:
        assert squash(cell) in flat, cell       # every grade with its points
    for total in ["100.00", "83.00", "80.00", "78.00", "60.00", "63.00", "40.00"]:
        assert total in t
    assert "72.00" in t and "72.80" in t and "去掉一个最高分和一个最低分" in t  # mean, trimmed mean, rule
    assert "考核指标需量化后再立项" in t and "修改后支持" in t              # override reason
    pages = len(PdfReader(sheet).pages)
    assert pages >= 2 and f"第{pages}页共{pages}页" in flat and "第1页共" in flat
    pr = panel_results(world.store, world.panel_id)
    assert f"数据校验码{short_hash(pr.application(a1).data_hash)}" in flat and "第1版" in flat
    recused = next(p for p in res.sheets if p.stem == world.app_ids[2])
    assert "回避" in text(recused)
    assert all(set(existing_fields(p.read_bytes())) == {"SigSecretary", "SigLeader"} for p in res.sheets)
    assert len(res.personal) == 7 and "专家个人评分表" in text(res.personal[0])


@needs_poppler
def test_signatures_valid_then_tampered(world, tmp_path):
    res = write_reports(world.store, world.sid, tmp_path / "out", sign=True)
    assert res.signed and res.fingerprint and "NN_REVIEW_KEYRING=file" in res.notice and res.signer == "韦秘书"
    summary = res.summaries[0]
    assert signatures(summary) == ["Signature is Valid."]
    leader = memory_identity("leader", "王建国")  # stands for the leader's own key (expert workspace / UKey)
    sign_existing(world.store, [summary, res.sheets[0]], identity=leader)
    assert signatures(summary) == ["Signature is Valid.", "Signature is Valid."]  # the first stays valid
    out = subprocess.run(["pdfsig", str(summary)], capture_output=True, text=True).stdout
    assert "王建国" in out and "ETSI.CAdES.detached" in out
    # the visible boxes name signer, time and fingerprint
    with pytest.raises(Exception, match="不能重复签名"):
        sign_existing(world.store, [summary], identity=leader)

    data = bytearray(summary.read_bytes())
    m = re.search(rb"/Producer", data) or re.search(rb"stream\r?\n", data)
    data[m.start() + 2] ^= 0x01  # one byte inside the signed ranges
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    assert signatures(tampered) and all(v != "Signature is Valid." for v in signatures(tampered))

    sheet = res.sheets[1]
    data = bytearray(sheet.read_bytes())
    data[len(data) // 3] ^= 0x20
    sheet.write_bytes(bytes(data))
    assert signatures(sheet) == ["Digest Mismatch."] or "Signature is Valid." not in signatures(sheet)


@needs_poppler
def test_unsigned_sheets_can_be_signed_later_by_both(world, tmp_path):
    res = write_reports(world.store, world.sid, tmp_path / "out", personal=False)
    sheet = res.sheets[0]
    assert "Signature" not in subprocess.run(["pdfsig", str(sheet)], capture_output=True, text=True).stdout or \
        signatures(sheet) == []
    sign_existing(world.store, [sheet], as_role="secretary")
    sign_existing(world.store, [sheet], identity=memory_identity("leader", "王建国"))
    assert signatures(sheet) == ["Signature is Valid.", "Signature is Valid."]
    assert existing_fields(sheet.read_bytes()) == {"SigSecretary": True, "SigLeader": True}


@needs_poppler
def test_xlsx_agrees_with_the_summary_pdf(world, tmp_path):
    res = write_reports(world.store, world.sid, tmp_path / "out", personal=False)
    xlsx = write_xlsx(world.store, world.sid, tmp_path / "results.xlsx")
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["信息技术组", "全部评分", "分歧提示", "一致性", "说明"]
    ws = wb["信息技术组"]
    head = [c.value for c in ws[5]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6)]
    pr = panel_results(world.store, world.panel_id)
    assert head == panel_rows(pr)[0] and len(rows) == 3
    lines = text(res.summaries[0], layout=True).splitlines()
    first = head.index("申请资金（万元）")
    last = head.index("项目得分")
    for row in rows:
        aid = row[head.index("申报编号")]
        line = next(x for x in lines if aid in x)
        tokens = re.findall(r"回避|未交回|—|\d+\.\d\d|(?<![\d.])\d+(?![\d./])", line.split(aid, 1)[1])
        want = [str(v) if h == "有效份数" else f"{v:.2f}" if isinstance(v, (int, float)) else ("—" if v is None else v)
                for h, v in zip(head[first:last + 1], row[first:last + 1])]
        assert tokens[:len(want)] == want, (aid, line)
        assert line.split(aid)[0].split()[-1].replace(" ", "") == f"{row[1]}/{row[2]}"  # ranks
    grades = wb["全部评分"]
    assert grades.max_row == 1 + 7 * 6 * 2 + 6 * 6 + 1  # a1, a2: 7 experts; a3: 6 experts + one 回避 row
    assert {r[5].value for r in grades.iter_rows(min_row=2)} == {"已评分", "回避"}
    flags = [[c.value for c in r] for r in wb["分歧提示"].iter_rows(min_row=2)]
    assert len(flags) == len(pr.flags) and flags[0][1] == world.app_ids[0]


def test_json_export_schema(world):
    data = results_json(world.store, world.sid)
    assert data["format"] == "nn-results/1" and data["session"]["aggregation_rule"] == "trimmed_mean_from_5"
    [panel] = data["panels"]
    a1 = next(a for a in panel["applications"] if a["application_id"] == world.app_ids[0])
    assert (a1["mean"], a1["trimmed_mean"], a1["score"], a1["method"]) == ("72", "72.8", "72.8", "trimmed_mean")
    assert a1["display"] == {"mean": "72.00", "trimmed_mean": "72.80", "score": "72.80"}
    assert a1["experts"][0]["grades"]["c1"] == {"grade": "A", "points": None, "value": "1", "score": "15",
                                                "comment": ""}
    assert a1["consensus"]["final_recommendation"] == "support_if_revised" and a1["final_recommendation"] == \
        "support_if_revised"
    a3 = next(a for a in panel["applications"] if a["application_id"] == world.app_ids[2])
    assert a3["experts"][0]["status"] == "recused" and a3["experts"][0]["total"] is None
    assert a3["experts"][0]["total_display"] == "回避"
    assert set(panel["kendall_w"]) >= {"w", "m", "n", "chi2", "df", "p_value", "explanation"}
    json.dumps(data, ensure_ascii=False)


@needs_poppler
def test_summary_of_300_applications(tmp_path):
    w = bulk_world(tmp_path, 300)
    pr = panel_results(w.store, w.panel_id)
    assert len(pr.applications) == 300 and [g.guide_item for g in pr.items] == [14, 15, 16]
    pdf, slots = render_summary(pr, panel_annexes(w.store, w.panel_id))
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    pages = len(PdfReader(path).pages)
    t = text(path)
    assert f"第{pages}页共{pages}页" in squash(t)
    assert 20 <= pages <= 80, pages  # ~10 rows per landscape page, plus flags and annexes
    assert all(a in t for a in w.apps)
    assert t.count("申请资金") >= 10  # the header row is repeated on every page of the tables
    assert slots.slots["SigSecretary"][0] == pages - 1  # signature boxes on the last page
    w.store.close()


def test_cli_merge_consensus_finalise_report_export(world, tmp_path, capsys):
    base = ["--store", str(world.store.root)]
    a2 = world.app_ids[1]
    assert main(base + ["session", "merge"]) == 0
    out = capsys.readouterr().out
    assert "评审组“信息技术组”" in out and "72.80" in out and "回避" in out and "肯德尔和谐系数" in out
    assert main(base + ["session", "merge", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "nn-results/1"
    assert main(base + ["session", "finalise"]) == 2
    assert "尚未录入专家组意见" in capsys.readouterr().err
    assert main(base + ["session", "consensus", a2, "--opinion", "专家组一致同意支持该项目立项实施。",
                        "--recommendation", "reject"]) == 2
    assert "必须写明理由" in capsys.readouterr().err
    for aid in world.app_ids[1:]:
        assert main(base + ["session", "consensus", aid, "--opinion", "专家组一致同意按多数意见处理。",
                            "--recommendation", panel_results(world.store, world.panel_id).application(aid)
                            .computed_recommendation, "--by", "secretary"]) == 0
    assert "代组长 王建国" in capsys.readouterr().out
    assert main(base + ["session", "finalise"]) == 0
    assert "批次已定稿" in capsys.readouterr().out
    assert main(base + ["session", "report", "--out", str(tmp_path / "rep"), "--sign", "--no-personal"]) == 0
    out = capsys.readouterr().out
    assert "1 份评审结果汇总表、3 份项目评审意见表" in out and "数字签名" in out
    assert main(base + ["session", "export", "--xlsx", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")]) == 0
    assert (tmp_path / "r.xlsx").exists() and json.loads((tmp_path / "r.json").read_text("utf-8"))["session"]["state"] \
        == "finalised"
    summary = next((tmp_path / "rep").rglob("*评审结果汇总表.pdf"))
    assert main(base + ["session", "sign", str(summary), "--as", "leader"]) == 2  # no leader key on this machine
    assert "expert countersign" in capsys.readouterr().err
    if PDFSIG:
        assert signatures(summary) == ["Signature is Valid."]
    assert main(base + ["session", "reopen", "--reason", "复核申报资格"]) == 0
    assert "第 2 版" in capsys.readouterr().out
    with world.store.read() as s:
        assert s.get(M.ReviewSession, world.sid).sheet_version == 2
    assert "第2版" in squash(text(write_reports(world.store, world.sid, tmp_path / "rep2", personal=False).sheets[0])) \
        if PDFTOTEXT else True
    assert D("72.8") == panel_results(world.store, world.panel_id).application(world.app_ids[0]).score.value


def test_progress_cancel_leaves_nothing(world, tmp_path):
    seen = []
    res = write_reports(world.store, world.sid, tmp_path / "out", progress=lambda d, t, n: seen.append((d, t)),
                        cancel=lambda: len(seen) >= 3)
    assert res.cancelled and res.files == []
    assert seen[0] == (0, 1 + 3 + 7) and seen[-1][0] == 2
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []  # no partial set, no temp folder
    done = []
    res = write_reports(world.store, world.sid, tmp_path / "out", progress=lambda d, t, n: done.append(d))
    assert not res.cancelled and done[-1] == 11 and len(res.files) == 11


@needs_poppler
def test_personal_sheet(world, tmp_path):
    res = write_reports(world.store, world.sid, tmp_path / "out")
    sheet = next(p for p in res.personal if p.name.startswith("周丽华"))
    flat = squash(text(sheet))
    with world.store.read() as s:
        fpr = s.get(M.Expert, world.experts["周丽华"]).key_fingerprint
    assert "专家个人评分表" in flat and squash(fpr) in flat and "专家签字" in flat
    assert "D8.00" in flat and "40.00" in flat and "不建议支持" in flat and "论证不足" in flat
    assert all(a in flat for a in world.app_ids)
