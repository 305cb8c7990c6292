"""Issue 13 §1: a conflict (or a formal-check exclusion) recorded at any time — even after the
scores came in — excludes that review from every figure, sheet and export; its grades stay on
record, struck through / marked 回避（不计入）; finalise waits until the panel re-confirms.
Also §4: exact decimals in the JSON, the split flag's doubled prefix, the returns count and
the conflicts summary."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nn_review.cli import main
from nn_review.forms import display
from nn_review.results import panel_results, results_json, set_consensus, write_reports, write_xlsx
from nn_review.results.aggregate import dec_str, parse_rule, project_score, quantise
from nn_review.results.consensus import finalise_problems
from nn_review.store import models as M

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .results_fixtures import SEVEN, make_world, recusal, return_scores, review

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not PDFTOTEXT, reason="poppler-utils (pdftotext) not installed")
GRADES = ["AAAAAA", "ABBBBB", "BBBBBB", "BBBBBC", "CCCCCC", "BCCCCC", "DDDDDD"]


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True,
                                             text=True).stdout)


@pytest.fixture
def world(tmp_path):
    w = make_world(tmp_path, n_apps=3, leader="王建国")
    a1, a2, a3 = w.app_ids
    return_scores(w, tmp_path, {n: [review(a1, g, "support" if i < 4 else "reject"), review(a2, "BBBBBB"),
                                    review(a3, "CBBBBB", "support_if_revised")]
                                for i, (n, g) in enumerate(zip(SEVEN, GRADES))})
    for aid in w.app_ids:
        a = panel_results(w.store, w.panel_id).application(aid)
        set_consensus(w.store, w.sid, aid, opinion="专家组一致同意按多数意见处理。",
                      recommendation=a.computed_recommendation)
    yield w
    w.store.close()


def cells(world, aid):
    return {c.name: c for c in panel_results(world.store, world.panel_id).application(aid).experts}


def test_late_conflict_via_cli_reaches_merge_finalise_sheet_and_exports(world, tmp_path, capsys):
    base = ["--store", str(world.store.root)]
    a1 = world.app_ids[0]
    before = panel_results(world.store, world.panel_id).application(a1)
    totals = {c.name: c.total for c in before.experts}
    assert before.score.n == 7 and totals["王建国"] == D(100)
    assert finalise_problems(world.store, world.sid)[0] == []  # ready before the late conflict

    with world.store.read() as s:
        roster_key = s.get(M.Expert, world.experts["王建国"]).roster_key
    assert main(base + ["session", "conflict", "add", "--expert", roster_key, "--app", a1,
                        "--reason", "评分后发现与申报单位有合作关系"]) == 0
    capsys.readouterr()

    # merge: 王建国 is not counted on a1 — score, votes, flags, severity, W all without him
    after = panel_results(world.store, world.panel_id).application(a1)
    wj = next(c for c in after.experts if c.name == "王建国")
    assert wj.status == "excluded" and wj.cell == "回避（不计入）" and wj.total == D(100)  # kept on record
    others = [totals[n] for n in SEVEN if n != "王建国"]
    assert after.score.n == 6 and after.score.value == project_score(others, parse_rule(None)).value
    assert after.rec_counts["support"] == 3  # his 建议支持 is no longer a vote
    assert all(e["expert_id"] != wj.expert_id for f in after.flags for e in f.experts)
    assert after.basis_hash != before.basis_hash and after.consensus.stale
    pr = panel_results(world.store, world.panel_id)
    sev = next(s for s in pr.severity if s.name == "王建国")
    assert sev.n == 2  # a2 and a3 only
    assert main(base + ["session", "merge"]) == 0
    out = capsys.readouterr().out
    assert "回避（不计入）" in out and f"{a1} 王建国：原总分 100.00，不计入（回避）：评分后发现" in out

    # finalise is refused, naming the application and why
    assert main(base + ["session", "finalise"]) == 2
    err = capsys.readouterr().err
    assert a1 in err and "王建国 回避" in err and "重新确认" in err
    assert world.app_ids[1] not in err

    # the signed sheets: struck-through figure marked 回避 不计入, the counted figures without it
    assert main(base + ["signer", "set", "--name", "韦丽华", "--title", "科员", "--unit", "南宁市科学技术局"]) == 0
    assert main(base + ["session", "report", "--out", str(tmp_path / "rep"), "--sign"]) == 0
    capsys.readouterr()
    summary_pdf = next((tmp_path / "rep").rglob("*评审结果汇总表.pdf"))
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(summary_pdf)], capture_output=True, text=True).stdout
        assert "Signature is Valid." in out
    summary = pdf_text(summary_pdf)
    assert "100.00回避不计入" in summary  # the table cell: struck figure, then the mark on two lines
    assert "不计入的评分" in summary and "评分后发现与申报单位有合作关系" in summary
    assert "已交回的评分不计入" in summary  # the annex agrees with the table
    # the a1 row: 6 counted scores, then mean, trimmed mean and score computed without 王建国
    assert f"6{display(after.score.mean)}{display(after.score.trimmed_mean)}{display(after.score.value)}" in summary
    sheet = pdf_text(next((tmp_path / "rep").rglob(f"{a1}.pdf")))
    assert "王建国的评分不计入（回避）" in sheet and "有效评分6份（评分不计入1位）" in sheet
    personal = pdf_text(next((tmp_path / "rep").rglob("*王建国*.pdf")))
    assert "评分不计入1项" in personal and "本项评分不计入（回避）" in personal

    # exports
    data = json.loads(json.dumps(results_json(world.store, world.sid)))
    ja = next(a for a in data["panels"][0]["applications"] if a["application_id"] == a1)
    je = next(e for e in ja["experts"] if e["name"] == "王建国")
    assert (je["status"], je["counted"], je["total"], je["excluded_total"], je["excluded_by"]) == \
        ("excluded", False, None, "100", "conflict")
    assert ja["n_scores"] == 6
    assert main(base + ["session", "export", "--xlsx", str(tmp_path / "r.xlsx")]) == 0
    wb = load_workbook(tmp_path / "r.xlsx")
    ws = wb[wb.sheetnames[0]]
    head = [c.value for c in ws[5]]
    row = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[3] == a1)
    assert row[head.index("王建国")] == "回避（不计入）" and row[head.index("有效份数")] == 6
    ws = wb["全部评分"]
    head = [c.value for c in ws[1]]
    mine = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == a1 and r[3] == "王建国"]
    assert mine and all(r[head.index("计入")] == "否" and r[head.index("状态")] == "回避（不计入）" for r in mine)

    # the panel re-confirms: finalise goes through
    set_consensus(world.store, world.sid, a1, opinion="专家组复议后维持原意见。",
                  recommendation=panel_results(world.store, world.panel_id).application(a1).computed_recommendation,
                  reason="复议")
    assert main(base + ["session", "finalise"]) == 0


def test_dismissing_the_conflict_brings_the_review_back(world):
    from nn_review.roster.conflicts import add_conflict, dismiss_conflict, reinstate_conflict
    a1 = world.app_ids[0]
    before = panel_results(world.store, world.panel_id).application(a1)
    cid = add_conflict(world.store, world.sid, world.experts["赵明"], a1, "同名，待核实")
    assert cells(world, a1)["赵明"].status == "excluded"
    dismiss_conflict(world.store, cid, "核实非本人")
    back = panel_results(world.store, world.panel_id).application(a1)
    assert back.basis_hash == before.basis_hash and not back.consensus.stale and back.score.n == 7
    reinstate_conflict(world.store, cid)
    assert cells(world, a1)["赵明"].status == "excluded"


def _decide(world, aid, decision, reason=""):
    with world.store.write() as s:
        a = s.get(M.Application, world.apps[aid])
        a.formal_decision, a.formal_reason = decision, reason


@needs_poppler
def test_formal_exclusion_unranks_and_is_printed(world, tmp_path, capsys):
    a1, a2, a3 = world.app_ids
    _decide(world, a2, "excluded", "申报单位不具备独立法人资格")
    _decide(world, a3, "accepted", "缺件已补正")
    pr = panel_results(world.store, world.panel_id)
    x = pr.application(a2)
    assert x.formally_excluded and x.score.n == 0 and x.rank_overall is None and x.rank_item is None
    assert all(c.status == "excluded" and c.excluded_by == "formal" for c in x.experts)
    assert x.conclusion_text == "不予受理（形式审查）"
    assert sorted(a.rank_overall for a in pr.applications if a.rank_overall) == [1, 2]
    assert pr.application(a3).formal_text == "通过（缺件已补正）"
    assert pr.application(a1).formal_text.startswith("机器审查：") and "秘书未确认" in pr.application(a1).formal_text
    # the excluded application needs no consensus and does not block finalising
    assert not any(a2 in p for p in finalise_problems(world.store, world.sid)[0])
    rep = write_reports(world.store, world.sid, tmp_path / "rep", personal=False)
    sheet = pdf_text(next(p for p in rep.sheets if a2 in p.name))
    assert "形式审查结论不予受理：申报单位不具备独立法人资格" in sheet and "不排名" in sheet
    summary = pdf_text(rep.summaries[0])
    assert "形式审查：不予受理：申报单位不具备独立法人资格" in summary and "形式审查：通过（缺件已补正）" in summary
    assert "不予受理（形式审查）" in summary
    data = results_json(world.store, world.sid)
    ja = next(a for a in data["panels"][0]["applications"] if a["application_id"] == a2)
    assert ja["formal"] == {"decision": "excluded", "reason": "申报单位不具备独立法人资格",
                            "text": "不予受理：申报单位不具备独立法人资格"}
    assert ja["rank_overall"] is None and ja["n_scores"] == 0
    assert ja["final_recommendation"] is None  # the consensus recorded before the exclusion no longer applies
    write_xlsx(world.store, world.sid, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    head = [c.value for c in ws[5]]
    row = next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[3] == a2)
    assert row[head.index("形式审查结论")] == "不予受理：申报单位不具备独立法人资格"
    assert row[head.index("专家组结论")] == "不予受理（形式审查）"


DEC = re.compile(r"^-?(0|[1-9]\d*)(\.\d*[1-9])?$")


def _decimals(obj, key=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k not in ("display", "total_display"):  # printed figures: 2 decimals by design
                yield from _decimals(v, k)
    elif isinstance(obj, list):
        for v in obj:
            yield from _decimals(v, key)
    elif isinstance(obj, str) and re.fullmatch(r"-?[\d.]+", obj) and key not in ("application_id",):
        yield key, obj


def test_json_decimals_are_quantised_once(tmp_path):
    """Totals 100, 80, 80, 60, 20 and a second application: deviations whose exact means do not
    terminate. Every decimal string is plain (no trailing zeros, ≤ 40 significant digits) and
    equals the exact value rounded once."""
    w = make_world(tmp_path, n_apps=3, experts=SEVEN[:5], leader="王建国")
    a1, a2, a3 = w.app_ids
    g1 = ["AAAAAA", "BBBBBB", "BBBBBB", "CCCCCC", "EEEEEE"]
    g2 = ["BBBBBB", "ABBBBB", "CCCCCC", "BCCCCC", "BBBBBC"]
    g3 = ["CBBBBB", "DDDDDD", "BBBBBB", "ABBBBB", "AAAAAA"]
    return_scores(w, tmp_path, {n: [review(a1, g1[i]), review(a2, g2[i]), review(a3, g3[i], "reject")]
                                for i, n in enumerate(SEVEN[:5])})
    data = results_json(w.store, w.sid)
    for key, v in _decimals(data):
        assert DEC.match(v), (key, v)
        assert len(v.lstrip("-").replace(".", "").lstrip("0")) <= 40, (key, v)
    # severity recomputed exactly from the totals, rounded once
    pr = panel_results(w.store, w.panel_id)
    long = []
    for s in pr.severity:
        devs = []
        for a in pr.applications:
            c = next(c for c in a.experts if c.expert_id == s.expert_id)
            tot = sorted(Fraction(x.total) for x in a.scored)
            exact = (sum(tot) - tot[0] - tot[-1]) / (len(tot) - 2)  # 5 scores: trimmed
            devs.append(Fraction(c.total) - exact)
        js = next(x for x in data["panels"][0]["severity"] if x["expert_id"] == s.expert_id)
        want = quantise(sum(devs) / len(devs))
        assert D(js["mean_deviation"]) == want and js["mean_deviation"] == dec_str(want)
        long.append(js["mean_deviation"])
    assert any(len(v) > 30 for v in long), long  # the data do exercise a non-terminating mean


def test_split_flag_is_not_doubled(tmp_path, capsys):
    w = make_world(tmp_path, n_apps=1, experts=SEVEN[:4], leader="王建国")
    (a1,) = w.app_ids
    recs = ["support", "support", "reject", "reject"]
    return_scores(w, tmp_path, {n: [review(a1, "BBBBBB", recs[i])] for i, n in enumerate(SEVEN[:4])})
    assert main(["--store", str(w.store.root), "session", "merge"]) == 0
    out = capsys.readouterr().out
    assert "推荐意见分歧" in out and "推荐意见分歧：推荐意见分歧" not in out and "推荐意见分歧] " in out
    write_xlsx(w.store, w.sid, tmp_path / "r.xlsx")
    wb = load_workbook(tmp_path / "r.xlsx")
    texts = [str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for c in r if c]
    assert any("推荐意见分歧：建议支持 2 票" in t for t in texts)
    assert not any("推荐意见分歧：推荐意见分歧" in t for t in texts)


def test_returns_do_not_count_a_recusal_as_a_return(tmp_path, capsys):
    """7 experts on a1: one declares 回避, one has not returned → 5 of 6 returned, not 6/6."""
    w = make_world(tmp_path, n_apps=1, leader="王建国")
    (a1,) = w.app_ids
    revs = {n: [review(a1, "BBBBBB")] for n in SEVEN[:5]}
    revs[SEVEN[5]] = [recusal(a1)]
    return_scores(w, tmp_path, revs)  # 周丽华 (SEVEN[6]) never returns
    assert main(["--store", str(w.store.root), "session", "returns"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if a1 in x)
    assert "已交回 5/6" in line and "另有回避 1 位" in line and "未交回 1 位" in line
    # a conflict recorded after a return: that review is no longer a return either
    from nn_review.roster.conflicts import add_conflict
    add_conflict(w.store, w.sid, w.experts[SEVEN[0]], a1, "评分后发现的利害关系")
    assert main(["--store", str(w.store.root), "session", "returns", "--json"]) == 0
    [app] = json.loads(capsys.readouterr().out)["applications"]
    assert (app["assigned"], app["returned"], app["recused"], app["missing"]) == (5, 4, 2, 1)


def test_conflicts_summary_counts_what_it_lists(tmp_path, capsys):
    """Auto conflicts of roster experts outside every panel are not listed by default: the
    summary counts the listed ones and says how many more there are."""
    w = make_world(tmp_path, n_apps=2, experts=SEVEN[:3])
    with w.store.write() as s:
        app = s.get(M.Application, w.apps[w.app_ids[0]])
        for i in range(3):  # roster-only experts working at the applicant
            s.add(M.Expert(roster_key=f"X{i:03d}", name=f"库外专家{i}", unit=app.applicant_name, title="研究员"))
    from nn_review.roster.conflicts import add_conflict
    add_conflict(w.store, w.sid, w.experts[SEVEN[0]], w.app_ids[1], "人工登记")
    base = ["--store", str(w.store.root), "session", "conflicts"]
    assert main(base) == 0
    out = capsys.readouterr().out
    listed = out.count("[回避 #")
    m = re.search(r"下列专家有效回避 (\d+) 条", out)
    assert m and int(m.group(1)) == listed == 1 and "另有 3 条涉及未入组的专家" in out
    assert main(base + ["--all"]) == 0
    out = capsys.readouterr().out
    assert int(re.search(r"下列专家有效回避 (\d+) 条", out).group(1)) == out.count("[回避 #") == 4
    assert "另有" not in out


def test_finalise_refuses_an_outdated_conflict_detection(world, capsys):
    """The roster changes after the scores came in (an expert's unit is now the applicant): the
    stored detection is outdated. Finalise says so; re-detecting excludes the review, which
    makes the consensus stale; the panel re-confirms; then finalise goes through."""
    base = ["--store", str(world.store.root)]
    a3 = world.app_ids[2]
    with world.store.write() as s:
        app = s.get(M.Application, world.apps[a3])
        s.get(M.Expert, world.experts["赵明"]).unit = app.applicant_name
    problems = finalise_problems(world.store, world.sid)[0]
    assert len(problems) == 1 and a3 in problems[0] and "回避检测已过期" in problems[0] and "赵明" in problems[0]
    assert main(base + ["session", "finalise"]) == 2
    assert "回避检测已过期" in capsys.readouterr().err
    assert main(base + ["session", "conflicts"]) == 0  # re-detects
    capsys.readouterr()
    assert cells(world, a3)["赵明"].status == "excluded"
    problems = finalise_problems(world.store, world.sid)[0]
    assert len(problems) == 1 and a3 in problems[0] and "赵明 回避" in problems[0]
    set_consensus(world.store, world.sid, a3, opinion="专家组复议后维持原意见。",
                  recommendation=panel_results(world.store, world.panel_id).application(a3).computed_recommendation)
    assert main(base + ["session", "finalise"]) == 0
