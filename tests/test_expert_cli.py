"""The expert's grading from the command line (``nn-review expert show|grade|comment|opinion|
recommendation|recuse|complete|undo|redo``): the whole round trip scripted — open, grade every
application, complete, export — and the secretary imports the score file; and the refusals."""

from __future__ import annotations

import json

import pytest

from nn_review.cli import main
from nn_review.exchange.scores_import import import_score_files
from nn_review.expert import WorkspaceError, open_workspace

from .expert_fixtures import PASSPHRASE, issue, no_real_keyring, world  # noqa: F401

OPINION = ("该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
           "考核指标量化明确且不低于指南要求，经费预算基本合理，建议予以支持。")


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    """``cli(*argv)`` → (exit code, stdout, stderr) of ``nn-review expert --workspace WS …``."""
    monkeypatch.setenv("NN_REVIEW_EXPERT_PASSPHRASE", PASSPHRASE)

    def run(*argv):
        capsys.readouterr()
        code = main(["expert", "--workspace", str(tmp_path / "ws"), *map(str, argv)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


@pytest.fixture
def opened(world, tmp_path, cli):
    info = issue(world, tmp_path)
    code, _out, err = cli("open", info.path, "--password", info.password, "--trust", world.secretary.fingerprint)
    assert code == 0, err
    return info


def test_the_whole_round_trip_from_the_command_line(world, tmp_path, cli, opened):
    bid = opened.bundle_id[:8]
    a1, a2, a3 = opened.application_ids
    code, out, _ = cli("show", bid, a1, "--json")
    view = json.loads(out)
    assert code == 0 and view["status"] == "not_started" and [c["id"] for c in view["criteria"]] == \
        ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert {p["code"] for p in view["problems"]} >= {"criterion.missing", "opinion.too_short", "recommendation.missing"}

    for aid, letters, rec in ((a1, "BBAACB", "建议支持"), (a2, "ABCDBA", "support_if_revised")):
        for i, letter in enumerate(letters, 1):
            code, out, err = cli("grade", bid, aid, "--criterion", f"c{i}", "--grade", letter.lower())
            assert code == 0, err
            assert f"已保存：{aid} 指标 c{i}" in out and f"的等级 {letter}" in out and "状态：进行中" in out
        code, _out, err = cli("complete", bid, aid)  # says what is missing, marks nothing
        assert code == 2 and "尚不能标记完成" in err and "专家意见至少" in err
        assert json.loads(cli("show", bid, aid, "--json")[1])["status"] == "in_progress"
        if "D" in letters:
            assert cli("comment", bid, aid, "--criterion", "c4", "团队缺少核心算法人员")[0] == 0
        assert cli("opinion", bid, aid, OPINION)[0] == 0
        code, out, err = cli("recommendation", bid, aid, rec)
        assert code == 0 and "推荐意见" in out, err
        code, out, err = cli("complete", bid, aid)
        assert code == 0 and f"已保存：{aid} 标记完成；状态：已完成" in out, err
    code, out, _ = cli("recuse", bid, a3, "--reason", "本人系申报单位的技术顾问")
    assert code == 0 and "状态：回避；本评审包已完成 3/3" in out
    assert f"{a3} 已申请回避，无需标记完成" in cli("complete", bid, a3)[1]
    assert f"{a1} 本已标记完成；状态：已完成" in cli("complete", bid, a1)[1]

    code, out, _ = cli("show", bid, a2)
    assert code == 0 and "c4 " in out and "D（" in out and "说明：团队缺少核心算法人员" in out
    assert "修改后支持" in out and "状态：已完成" in out and "合计" in out and "尚不能" not in out
    v = json.loads(cli("show", bid, a2, "--json")[1])
    assert v["recommendation"] == "support_if_revised" and v["criteria"][3]["grade"] == "D" and v["problems"] == []

    code, out, err = cli("export", "--out", tmp_path / "usb", "--bundle", bid)
    assert code == 0 and "r1" in out and "3/3" in out, err
    [path] = (tmp_path / "usb").glob("*.nnscore")
    [r] = import_score_files(world.store, world.sid, [path])
    assert r.outcome == "imported" and "3/3" in r.message, r.message

    code, out, _ = cli("grade", bid, a1, "--criterion", "c1", "--grade", "A")  # after an export: say so
    assert code == 0 and "已导出 r1" in out and "重新导出" in out


def test_undo_redo_and_text_from_a_file(world, tmp_path, cli, opened):
    bid, aid = opened.bundle_id, opened.application_ids[0]
    assert cli("grade", bid, aid, "--criterion", "c1", "--grade", "B")[0] == 0
    (tmp_path / "opinion.txt").write_bytes(("\ufeff" + OPINION + "\r\n").encode("utf-8"))
    code, out, _ = cli("opinion", bid, aid, "--file", tmp_path / "opinion.txt")
    assert code == 0 and "专家意见（" in out
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    assert ws.draft(bid, aid).opinion == OPINION
    ws.close()
    code, out, _ = cli("undo", bid, "--json")
    v = json.loads(out)
    assert code == 0 and v["change"] == {"application_id": aid, "field": "opinion"} and v["opinion"] == ""
    assert v["can_redo"] and v["can_undo"]
    code, out, _ = cli("undo", bid)
    assert code == 0 and f"已撤销：{aid} 指标 c1“" in out and "的等级；状态：未开始" in out
    code, _out, err = cli("undo", bid)
    assert code == 1 and "没有可撤销的评分操作" in err
    assert cli("redo", bid)[0] == 0 and cli("redo", bid)[0] == 0
    code, _out, err = cli("redo", bid)
    assert code == 1 and "没有可重做的评分操作" in err
    assert json.loads(cli("show", bid, aid, "--json")[1])["opinion"] == OPINION
    code, out, _ = cli("opinion", bid, aid, OPINION)
    assert code == 0 and "未改动" in out
    code, out, _ = cli("recuse", bid, aid, "--reason", "曾在申报单位兼职")
    assert code == 0 and "状态：回避" in out
    code, out, _ = cli("recuse", bid, aid, "--withdraw")
    assert code == 0 and json.loads(cli("show", bid, aid, "--json")[1])["criteria"][0]["grade"] == "B"


def test_band_mode_points_from_the_command_line(tmp_path, cli):
    from .exchange_fixtures import build_world
    w = build_world(tmp_path, n_apps=1, band_mode=True)
    info = issue(w, tmp_path)
    assert cli("open", info.path, "--password", info.password)[0] == 0
    bid, aid = info.bundle_id, info.application_ids[0]
    code, out, err = cli("grade", bid, aid, "--criterion", "c1", "--points", "87.5")
    assert code == 0 and "的等级 B 87.5 分" in out, err
    code, _out, err = cli("grade", bid, aid, "--criterion", "c1", "--points", "95", "--grade", "B")
    assert code == 2 and "分值 95 属于等级 A，与 --grade B 不符" in err
    code, out, _ = cli("grade", bid, aid, "--criterion", "c1", "--grade", "C")  # the points leave the band
    assert code == 0 and "的等级 C；" in out and "注意：" in out
    code, _out, err = cli("grade", bid, aid, "--criterion", "c1", "--points", "abc")
    assert code == 2 and "分值应为数字" in err
    w.store.close()


def test_refusals_name_what_is_wrong_and_change_nothing(world, tmp_path, cli, opened):
    bid, (a1, a2, _a3) = opened.bundle_id[:8], opened.application_ids

    def refused(*argv):
        code, out, err = cli(*argv)
        assert code == 2 and out == "", (code, out, err)
        return err

    assert "没有指标 c9" in refused("grade", bid, a1, "--criterion", "c9", "--grade", "A")
    assert "c1、c2" in refused("grade", bid, a1, "--criterion", "c9", "--grade", "A")
    assert "等级应为 A–E 之一，实际为 'F'" in refused("grade", bid, a1, "--criterion", "c1", "--grade", "F")
    assert "固定档位" in refused("grade", bid, a1, "--criterion", "c1", "--points", "90")
    assert "--grade" in refused("grade", bid, a1, "--criterion", "c1")
    assert "没有申报 'NOPE'" in refused("grade", bid, "NOPE", "--criterion", "c1", "--grade", "A")
    assert "找不到唯一的评审包" in refused("grade", "ffffffff", a1, "--criterion", "c1", "--grade", "A")
    err = refused("recommendation", bid, a1, "强烈推荐")
    assert "建议支持（support）" in err and "'强烈推荐'" in err
    assert "必须写明理由" in refused("recuse", bid, a1)
    assert "必须写明理由" in refused("recuse", bid, a1, "--reason", "   ")
    assert "二者选一" in refused("opinion", bid, a1)
    assert "不是 UTF-8" in refused("opinion", bid, a1, "--file", _gbk(tmp_path))
    # A D without its reason: the form's rule, named when marking complete.
    assert cli("grade", bid, a1, "--criterion", "c2", "--grade", "D")[1].count("注意：") == 1
    err = refused("complete", bid, a1)
    assert "尚不能标记完成" in err and "评为 D（较差）" in err and "专家意见至少" in err
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    d = ws.draft(opened.bundle_id, a1)
    assert d.status == "in_progress" and d.grades == {"c2": {"grade": "D", "points": None, "comment": ""}}
    assert ws.draft(opened.bundle_id, a2).is_empty and not d.recused
    ws.close()

    # A bundle whose data was removed after export: nothing can be changed any more.
    assert cli("recuse", bid, a1, "--reason", "本人系申报单位的技术顾问")[0] == 0
    assert cli("export", "--out", tmp_path / "usb", "--bundle", bid, "--partial")[0] == 0
    assert cli("remove", "--bundle", bid)[0] == 0
    for argv in (("grade", bid, a1, "--criterion", "c1", "--grade", "A"), ("undo", bid), ("show", bid, a1),
                 ("recuse", bid, a1, "--withdraw"), ("complete", bid, a1)):
        err = refused(*argv)
        assert "删除" in err and "不能再查看或修改评分" in err and "（r1）" in err and "expert sheet" in err
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    with pytest.raises(WorkspaceError, match=r"删除，只保留了已签名的评分记录") as e:  # the core too
        ws.set_grade(opened.bundle_id, a1, "c1", "A")
    assert "Z " not in e.value.message and "（UTC" in e.value.message  # local time, not a raw stamp
    ws.close()


def _gbk(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(OPINION.encode("gbk"))
    return p
