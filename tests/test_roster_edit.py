"""One expert added / edited / deactivated / reactivated in the app or by CLI (issue 15 item 13c):
the Excel row's validation, one transaction with one audit event each, deactivated experts never
drawn nor added to a panel."""

import json

import pytest
from sqlalchemy import func, select

from nn_review.changes import Kind
from nn_review.cli import main
from nn_review.roster.draw import draw_experts, draw_record
from nn_review.roster.edit import RosterEditError, add_expert, set_expert_active, update_expert
from nn_review.roster.experts import list_experts
from nn_review.roster.panels import add_members, create_panel, remove_member
from nn_review.roster.xlsx import derived_key
from nn_review.services.sessions import create_session
from nn_review.store import StoreError
from nn_review.store.models import AuditEvent

from .exchange_fixtures import table_counts
from .test_draw_assign import app, roster
from .test_roster import import_apps, new_store

WANG = {"name": "王 建 国", "unit": "广西大学", "credit_code": "12450000498502233W", "title": "教授",
        "fields": ["重点研发计划", "项目15"], "phone": "13800000001", "email": "wang@example.com",
        "avoid_units": "某某科技有限公司；另一公司", "avoid_persons": []}


@pytest.fixture
def store(tmp_path):
    s = new_store(tmp_path)
    yield s
    s.close()


def audits(store, action):
    with store.read() as s:
        return [e.details for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def by_key(store):
    return {e.roster_key: e for e in list_experts(store)}


def test_add_validates_as_a_workbook_row_and_audits(store):
    e = add_expert(store, WANG)
    assert (e.name, e.roster_key, e.active) == ("王建国", derived_key("王建国", "13800000001", "广西大学"), True)
    assert e.fields == ["重点研发计划", "项目15"] and e.avoid_units == ["某某科技有限公司", "另一公司"]
    [ev] = audits(store, "roster.expert_add")
    assert ev["roster_key"] == e.roster_key and ev["values"]["unit"] == "广西大学"
    before = table_counts(store)
    for values, field, words in (
            (WANG | {"name": ""}, "name", "为空"),
            (WANG | {"credit_code": "91450100MA5K3B7Q1X", "phone": "1"}, "credit_code", "91450100MA5K3B7Q1X"),
            (WANG | {"email": "not-an-address"}, "email", "格式不正确"),
            (WANG | {"phone": "138-abc"}, "phone", "不是有效的手机或座机号码"),
                (WANG | {"phone": "12345"}, "phone", "0771-5551234"),
            (WANG | {"unit": "广西\u200b大学"}, "unit", "不可见字符"),
            (WANG | {"title": "长" * 101}, "title", "超过 100 个字符"),
            (WANG, "roster_key", "已是专家 王建国"),  # the same person again: the same derived key
    ):
        with pytest.raises(RosterEditError) as info:
            add_expert(store, values)
        assert info.value.field == field and words in str(info.value), str(info.value)
        assert info.value.column in str(info.value)  # the refusal names the column as the workbook has it
    assert table_counts(store) == before


def test_update_changes_only_what_is_given(store):
    e = add_expert(store, WANG | {"roster_key": "ZJ-1"})
    changed = update_expert(store, "ZJ-1", {"phone": "0771-1234567", "fields": "人工智能"})
    assert (changed.phone, changed.fields, changed.unit, changed.email) == ("0771-1234567", ["人工智能"], "广西大学",
                                                                           "wang@example.com")
    [ev] = audits(store, "roster.expert_edit")
    assert ev["expert_id"] == e.id and set(ev["changed"]) == {"phone", "fields"}
    before = table_counts(store)
    update_expert(store, e.id, {"phone": "0771-1234567"})  # nothing changes: no event
    with pytest.raises(RosterEditError, match="电子邮箱"):
        update_expert(store, e.id, {"email": "x@"})
    with pytest.raises(RosterEditError, match="不能修改"):
        update_expert(store, e.id, {"roster_key": "ZJ-2"})
    with pytest.raises(RosterEditError, match="没有专家"):
        update_expert(store, "ZJ-404", {"title": "研究员"})
    assert table_counts(store) == before


def test_deactivated_expert_is_not_drawn_nor_added_and_comes_back(tmp_path, store):
    sid = create_session(store, "停用测试")
    import_apps(store, sid, tmp_path / "pk", [app("P-1", 15, 1), app("P-2", 15, 2)])
    ids = roster(store)
    pid = create_panel(store, sid, "信息组", items=[15])
    outcome = set_expert_active.with_changes(store, ids["E2"], False, "退休")
    assert outcome.changes.touches(Kind.ROSTER, None)  # the roster pages redraw
    assert not by_key(store)["E2"].active and by_key(store)["E1"].active
    [ev] = audits(store, "roster.expert_deactivate")
    assert (ev["expert_id"], ev["reason"]) == (ids["E2"], "退休")
    with pytest.raises(RosterEditError, match="已是停用"):
        set_expert_active(store, ids["E2"], False)
    for seed in range(8):  # whatever the seed: never drawn, and the record says why
        res = draw_experts(store, sid, pid, 1, seed=seed)
        assert res.drawn[0]["roster_key"] != "E2"
        why = {e["roster_key"]: e["reason"] for e in draw_record(store, res.draw_id)["excluded"]}
        assert why["E2"] == "已停用"
        remove_member(store, pid, res.drawn[0]["expert_id"])
    with pytest.raises(StoreError, match="已停用"):
        add_members(store, pid, [ids["E2"]])
    set_expert_active(store, ids["E2"], True, "返聘")
    assert by_key(store)["E2"].active
    add_members(store, pid, [ids["E2"]])
    assert len(audits(store, "roster.expert_activate")) == 1


def test_cli_add_edit_deactivate_activate(store, capsys):
    root = str(store.root)
    store.close()

    def run(*argv):
        code = main(["--store", root, "roster", *argv])
        out = capsys.readouterr()
        return code, out.out + out.err

    code, out = run("add", "--name", "李秀英", "--unit", "广西医科大学", "--key", "ZJ-9", "--fields", "生物医药；项目8",
                    "--phone", "13900000000")
    assert code == 0 and "已新增专家：ZJ-9  李秀英  广西医科大学" in out
    code, out = run("add", "--name", "李秀英", "--unit", "广西医科大学", "--email", "bad")
    assert code == 2 and "电子邮箱" in out and "格式不正确" in out
    code, out = run("edit", "ZJ-9", "--title", "主任医师", "--avoid-persons", "张三、李四")
    assert code == 0 and "已修改专家" in out
    code, out = run("edit", "ZJ-9")
    assert code == 2 and "没有要修改的项" in out
    code, out = run("deactivate", "李秀英", "--reason", "调离广西")
    assert code == 0 and "已停用专家：ZJ-9" in out and "[已停用]" in out
    code, out = run("list")
    assert code == 0 and "ZJ-9" not in out.split("共")[0] and "已停用 1 位" in out
    code, out = run("list", "--all")
    assert "ZJ-9  李秀英  广西医科大学  主任医师" in out and "[已停用]" in out
    code, out = run("deactivate", "ZJ-9")
    assert code == 2 and "已是停用" in out
    code, out = run("activate", "ZJ-9", "--reason", "返回")
    assert code == 0 and "已启用专家" in out
    from nn_review.store import open_store
    st = open_store(root)
    try:
        e = by_key(st)["ZJ-9"]
        assert (e.title, e.avoid_persons, e.fields, e.active) == ("主任医师", ["张三", "李四"], ["生物医药", "项目8"], True)
        with st.read() as s:
            acts = list(s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("roster.expert_%"))
                                  .order_by(AuditEvent.id)))
            assert acts == ["roster.expert_add", "roster.expert_edit", "roster.expert_deactivate",
                            "roster.expert_activate"]
            assert s.scalar(select(func.count()).select_from(AuditEvent)) >= 4
        json.dumps(audits(st, "roster.expert_edit"), ensure_ascii=False)
    finally:
        st.close()


def test_refusals_render_in_english_for_the_gui(store):
    from nn_review.i18n import text_of
    add_expert(store, WANG | {"roster_key": "ZJ-1"})
    for call in (lambda: add_expert(store, WANG | {"roster_key": "ZJ-1"}),
                 lambda: update_expert(store, "ZJ-1", {"roster_key": "ZJ-2"}),
                 lambda: update_expert(store, "ZJ-404", {"title": "x"}),
                 lambda: set_expert_active(store, "ZJ-1", True)):
        with pytest.raises(RosterEditError) as info:
            call()
        en, zh = text_of(info.value, "en")[0], text_of(info.value, "zh_CN")[0]
        assert en.startswith("Expert ID: ") and "expected" in en and zh == str(info.value)
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in en.replace("王建国", "").replace("广西大学", "")), en
