"""Expert side: signed score-file export with revisions, partial returns, the personal score sheet,
removing a bundle's data, and the ``nn-review expert`` CLI; the secretary imports what comes out."""

import json
import shutil
import subprocess

import pytest

from nn_review.cli import main
from nn_review.formats.scorefile import read_score_file
from nn_review.exchange.scores_import import import_score_files
from nn_review.expert import WorkspaceError, open_workspace

from .expert_fixtures import (PASSPHRASE, add, grade_fully, issue, no_real_keyring,  # noqa: F401
                              world, ws)


def imported(world, path):
    [r] = import_score_files(world.store, world.sid, [path])
    return r


def test_export_full_then_newer_revision_after_editing(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    apps = [a.application_id for a in ws.applications(bid)]
    grade_fully(ws, bid, apps[0], "A")
    grade_fully(ws, bid, apps[1], "D")
    ws.set_recusal(bid, apps[2], True, "与申报单位负责人为同一课题组成员")
    r1 = ws.export(bid, tmp_path / "usb")
    assert (r1.revision, r1.partial, r1.reviewed, r1.total) == (1, False, 3, 3)
    assert r1.path.name == f"王建国-{bid[:8]}-r1.nnscore"
    assert r1.key_fingerprint == ws.signing_key(world.experts["王建国"]).fingerprint
    res = imported(world, r1.path)
    assert res.outcome == "imported", res.message
    sf = read_score_file(r1.path.read_bytes())
    assert [r["recused"] for r in sf.reviews] == [False, False, True]
    assert ws.bundle(bid).last_revision == 1 and not ws.bundle(bid).changed_since_export
    rec = ws.exports(bid)[-1]
    assert (rec.state, rec.content) == ("written", r1.path.read_bytes())
    # Editing after export is allowed and goes out as the next revision.
    ws.set_grade(bid, apps[0], "c1", "B")
    assert ws.bundle(bid).changed_since_export
    r2 = ws.export(bid, tmp_path / "usb")
    assert r2.revision == 2 and imported(world, r2.path).outcome == "imported"
    assert imported(world, r1.path).code == "scores.replay"  # the secretary keeps only the newest


def test_incomplete_export_refused_with_every_gap_then_partial(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    apps = [a.application_id for a in ws.applications(bid)]
    grade_fully(ws, bid, apps[0])
    ws.set_grade(bid, apps[1], "c1", "E")
    with pytest.raises(WorkspaceError) as e:
        ws.export(bid, tmp_path / "usb")
    assert e.value.code == "scores.incomplete"
    assert "还有 2 项申报未完成" in e.value.message and apps[1] in e.value.message and apps[2] in e.value.message
    assert "评为 E（差），必须填写理由说明" in e.value.message
    assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())
    r = ws.export(bid, tmp_path / "usb", partial=True)
    assert r.partial and r.reviewed == 1 and r.path.name.endswith("-r1-部分.nnscore")
    assert [x["application_id"] for x in read_score_file(r.path.read_bytes()).reviews] == [apps[0]]
    assert imported(world, r.path).outcome == "imported"
    assert ws.exports(bid)[-1].partial and ws.bundle(bid).last_partial


def test_nothing_to_return_is_refused(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    with pytest.raises(WorkspaceError, match="没有可交回的评分"):
        ws.export(bid, tmp_path / "usb", partial=True)


def test_a_failed_write_never_reuses_its_revision(world, ws, tmp_path, monkeypatch):
    bid, _ = add(ws, world, tmp_path)
    for a in ws.applications(bid):
        grade_fully(ws, bid, a.application_id)
    from nn_review.expert import export as export_mod

    def boom(*a, **k):
        raise OSError("设备已拔出")
    monkeypatch.setattr(export_mod, "write_score_file", boom)
    with pytest.raises(WorkspaceError, match="r1 已作废"):
        ws.export(bid, tmp_path / "usb")
    monkeypatch.undo()
    r = ws.export(bid, tmp_path / "usb")
    assert r.revision == 2 and [e.state for e in ws.exports(bid)] == ["reserved", "written"]
    assert imported(world, r.path).outcome == "imported"


def _pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    p = tmp_path / "sheet.pdf"
    p.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True, check=True).stdout


def test_score_sheet_pdf_has_everything_in_chinese(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    apps = ws.applications(bid)
    grade_fully(ws, bid, apps[0].application_id, "A")
    grade_fully(ws, bid, apps[1].application_id, "D", "reject")
    ws.set_recusal(bid, apps[2].application_id, True, "本人为合作单位兼职人员")
    pdf = ws.score_sheet(bid)
    assert pdf.startswith(b"%PDF-") and b"FontFile2" in pdf  # the CJK font is embedded
    text = _pdf_text(pdf, tmp_path)
    fpr = ws.signing_key(world.experts["王建国"]).fingerprint
    for s in ("专家个人评分表", "2025年度第一批评审", "王建国", fpr, apps[0].title, "立项必要性与需求导向",
              "A（优秀）", "D（较差）", "100.00", "40.00", "建议支持", "不建议支持", "回避", "本人为合作单位兼职人员",
              "该项论证明显不足", "专家签名（手写）", "尚未导出"):
        assert s in text, s


def test_remove_bundle_data_keeps_only_the_signed_record(world, ws, tmp_path):
    bid, _ = add(ws, world, tmp_path)
    apps = [a.application_id for a in ws.applications(bid)]
    with pytest.raises(WorkspaceError, match="还没有导出过"):
        ws.remove_bundle_data(bid)
    for aid in apps:
        grade_fully(ws, bid, aid)
    r = ws.export(bid, tmp_path / "usb")
    ws.set_opinion(bid, apps[0], ws.draft(bid, apps[0]).opinion + "补充。")
    with pytest.raises(WorkspaceError, match="请先重新导出"):
        ws.remove_bundle_data(bid)
    ws.undo(bid)
    ws.export(bid, tmp_path / "usb")
    ws.remove_bundle_data(bid)
    assert not (ws.docs_dir / bid).exists()
    b = ws.bundle(bid)
    assert b.removed and b.last_revision == 2
    with pytest.raises(WorkspaceError, match="材料已于 .* 删除"):
        ws.bundle_data(bid)
    with pytest.raises(WorkspaceError, match="材料已于 .* 删除") as e:
        ws.set_grade(bid, apps[0], "c1", "A")
    assert e.value.code == "workspace.removed"
    recs = ws.exports(bid)
    assert [e.revision for e in recs] == [1, 2] and recs[0].content == r.path.read_bytes()
    text = _pdf_text(ws.score_sheet(bid), tmp_path)
    assert "已签名评分文件 r2" in text and apps[0] in text
    ws.close()
    w = open_workspace(ws.root, passphrase=PASSPHRASE)
    assert w.bundles()[0].removed and w.last_bundle() is None
    w.close()


# -- CLI ----------------------------------------------------------------------------------

def test_cli_open_list_export_sheet_remove(world, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NN_REVIEW_EXPERT_PASSPHRASE", PASSPHRASE)
    info = issue(world, tmp_path)
    wsdir = ["expert", "--workspace", str(tmp_path / "ws")]
    assert main(wsdir + ["open", str(info.path), "--password", "WRONG-PASSWORD-12345"]) == 2
    err = capsys.readouterr().err
    assert "密码错误" in err and "不会以明文保存" in err  # the workspace was created: its one-time notice
    assert main(wsdir + ["open", str(info.path), "--password", info.password,
                         "--trust", world.secretary.fingerprint]) == 0
    out = capsys.readouterr()
    assert "已打开评审包" in out.out and "专家签名密钥指纹" in out.out and "不会以明文保存" not in out.err
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    bid = w.bundles()[0].bundle_id
    for a in w.applications(bid)[:2]:
        grade_fully(w, bid, a.application_id)
    w.close()
    assert main(wsdir + ["list"]) == 0
    out = capsys.readouterr().out
    assert "2/3 已完成" in out and "已完成" in out and "未开始" in out
    assert main(["expert", "list", "--workspace", str(tmp_path / "ws"), "--json"]) == 0
    [b] = json.loads(capsys.readouterr().out)
    assert [a["status"] for a in b["applications"]] == ["complete", "complete", "not_started"]
    assert main(wsdir + ["export", "--out", str(tmp_path / "usb")]) == 2
    assert "还有 1 项申报未完成" in capsys.readouterr().err
    assert main(wsdir + ["export", "--out", str(tmp_path / "usb"), "--partial"]) == 0
    assert "部分交回" in capsys.readouterr().out
    [f] = (tmp_path / "usb").iterdir()
    assert imported(world, f).outcome == "imported"
    assert main(wsdir + ["sheet", "--out", str(tmp_path / "sheet.pdf")]) == 0
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF-")
    assert main(wsdir + ["key"]) == 0
    assert "口令加密的密钥文件" in capsys.readouterr().out
    assert main(wsdir + ["remove", "--bundle", bid[:8]]) == 0
    assert "已签名的评分记录保留" in capsys.readouterr().out
    monkeypatch.setenv("NN_REVIEW_EXPERT_PASSPHRASE", "wrong passphrase")
    assert main(wsdir + ["list"]) == 2
    assert "口令错误" in capsys.readouterr().err


def test_cli_sheet_after_remove_comes_from_the_kept_signed_record(world, tmp_path, capsys, monkeypatch):
    """`expert sheet` after `expert remove` (issue 13): the sheet is made from the signed score
    file the workspace keeps and says so; verbs that need the removed data say precisely why."""
    monkeypatch.setenv("NN_REVIEW_EXPERT_PASSPHRASE", PASSPHRASE)
    info = issue(world, tmp_path)
    wsdir = ["expert", "--workspace", str(tmp_path / "ws")]
    assert main(wsdir + ["open", str(info.path), "--password", info.password,
                         "--trust", world.secretary.fingerprint]) == 0
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    bid = w.bundles()[0].bundle_id
    apps = w.applications(bid)
    for a in apps:
        grade_fully(w, bid, a.application_id)
    w.close()
    assert main(wsdir + ["export", "--out", str(tmp_path / "usb")]) == 0
    assert main(wsdir + ["remove", "--bundle", bid[:8]]) == 0
    capsys.readouterr()

    assert main(wsdir + ["sheet", "--out", str(tmp_path / "after.pdf")]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "已生成个人评分表" in out and "材料已于" in out and "删除" in out and "已签名评分文件 r1" in out
    text = _pdf_text((tmp_path / "after.pdf").read_bytes(), tmp_path)
    assert "专家个人评分表" in text and "已签名评分文件 r1" in text and "材料已于" in text
    assert all(a.application_id in text for a in apps) and "王建国" in text

    assert main(wsdir + ["export", "--out", str(tmp_path / "usb2")]) == 2
    err = capsys.readouterr().err
    assert "没有评审包" not in err and "还没有评审包" not in err
    assert bid[:8] in err and "删除了材料" in err and "expert sheet" in err


def test_an_opinion_over_the_limit_is_refused_before_a_revision_is_used(world, ws, tmp_path):
    """The score file's limits (docs/formats.md §2.6) are checked before the revision number is
    reserved: fixing the text and exporting again gives r1, not r2."""
    from nn_review.forms import MAX_TEXT_CHARS
    bid, _ = add(ws, world, tmp_path)
    apps = [a.application_id for a in ws.applications(bid)]
    for aid in apps:
        grade_fully(ws, bid, aid)
    ws.set_opinion(bid, apps[1], "很长的意见" * (MAX_TEXT_CHARS // 5 + 1))
    with pytest.raises(WorkspaceError) as e:
        ws.export(bid, tmp_path / "usb")
    assert apps[1] in e.value.message and f"专家意见最多 {MAX_TEXT_CHARS} 个字符" in e.value.message
    assert ws.exports(bid) == [] and not list((tmp_path / "usb").glob("*.nnscore"))
    ws.set_opinion(bid, apps[1], "该项目立项必要性充分，技术路线清晰可行，研究基础扎实，团队结构合理，考核指标明确可量化，经费预算基本合理，同意立项支持。")
    assert ws.mark_complete(bid, apps[1]).problems == ()
    r = ws.export(bid, tmp_path / "usb")
    assert r.revision == 1 and imported(world, r.path).outcome == "imported"


def test_a_file_the_import_would_refuse_uses_no_revision(world, ws, tmp_path, monkeypatch):
    """Safety net behind the form: whatever the score-file reader would refuse is refused before
    the revision is reserved (here the reader's limit on reviews per file is lowered to 1)."""
    from nn_review.formats import scorefile
    bid, _ = add(ws, world, tmp_path)
    for a in ws.applications(bid):
        grade_fully(ws, bid, a.application_id)
    monkeypatch.setattr(scorefile, "MAX_REVIEWS", 1)
    with pytest.raises(WorkspaceError) as e:
        ws.export(bid, tmp_path / "usb")
    assert e.value.message.startswith("不能导出：评分文件：")
    assert ws.exports(bid) == [] and not list((tmp_path / "usb").glob("*.nnscore"))
    monkeypatch.undo()
    assert ws.export(bid, tmp_path / "usb").revision == 1


def test_an_opinion_over_the_limit_is_a_problem_of_the_form(world, ws, tmp_path):
    """Marking complete names the limit (the expert sees it while writing, not at export)."""
    from nn_review.forms import MAX_TEXT_CHARS
    bid, _ = add(ws, world, tmp_path)
    aid = ws.applications(bid)[0].application_id
    grade_fully(ws, bid, aid)
    ws.set_opinion(bid, aid, "意" * (MAX_TEXT_CHARS + 1))
    problems = ws.mark_complete(bid, aid).problems
    assert [p.code for p in problems] == ["opinion.too_long"]
    assert f"最多 {MAX_TEXT_CHARS} 个字符" in problems[0].message
