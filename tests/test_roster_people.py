"""Issue 20 items 1–2: one person, one expert (import, add, draw, suspected duplicates, merge) and
phone numbers checked and normalised — through the core and the CLI."""

import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from nn_review.roster.draw import draw_experts, draw_record
from nn_review.roster.edit import RosterEditError, add_expert as add_one, update_expert
from nn_review.roster.experts import list_experts
from nn_review.roster.identity import PersonError, list_duplicates
from nn_review.roster.merge import merge_experts
from nn_review.roster.panels import add_members, assign, create_panel, delete_panel, get_panel, set_leader
from nn_review.roster.phones import normalize_phone
from nn_review.roster.xlsx import derived_key, import_roster
from nn_review.services.sessions import create_session
from nn_review.store import StoreError, open_store
from nn_review.store.models import Assignment, AuditEvent, Conflict, Expert, Grade, PanelMember

from .exchange_fixtures import table_counts
from .test_draw_assign import app
from .test_roster import HEADERS, add_expert, import_apps, new_store, run, write_rows


@pytest.fixture
def store(tmp_path):
    s = new_store(tmp_path)
    yield s
    s.close()


def row(key, name, unit, phone="", email="", fields="重点研发计划"):
    return [key, name, unit, "", "教授", fields, phone, email, "", ""]


def by_key(store):
    return {e.roster_key: e for e in list_experts(store)}


def audits(store, action):
    with store.read() as s:
        return [e.details for e in s.scalars(select(AuditEvent).where(AuditEvent.action == action))]


# -- phones -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed,stored", [
    ("13812345678", "13812345678"), ("138 1234 5678", "13812345678"), ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"), ("+8613812345678", "13812345678"), ("0086-13812345678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),
    ("0771-5551234", "0771-5551234"), ("0771 5551234", "0771-5551234"), ("(0771)5551234", "0771-5551234"),
    ("（0771）5551234", "0771-5551234"), ("07715551234", "0771-5551234"), ("+86-771-5551234", "0771-5551234"),
    ("+86 (0)771 5551234", "0771-5551234"), ("0086 10 12345678", "010-12345678"), ("010-12345678", "010-12345678"),
    ("0771-5551234转123", "0771-5551234转123"), ("", ""),
    ("86 138 1234 5678", "13812345678"), ("86-13812345678", "13812345678"), ("８６ １３８１２３４５６７８", "13812345678"),
    ("0771-5551234转10", "0771-5551234转10"),
])
def test_accepted_phone_forms_are_stored_in_one_form(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "1", "12812345678", "138123456789", "1381234567", "+1 415 555 1234",
                                   "138-abc-5678", "0771-0551234", "5551234", "0771-55512", "86 13812345678x",
                                   # issue 20 review: no extension 转0 / empty / over 6 digits; 86 only before a mobile
                                   "0771-5551234转0", "0771-5551234转000", "0771-5551234转", "0771-5551234转1234567",
                                   "0771-5551234 ext", "86 0771 5551234", "86 138 1234 5678转12", "86 138 1234 567",
                                   "+86 86 13812345678"])
def test_other_phone_forms_are_refused(typed):
    assert normalize_phone(typed) is None


def test_import_normalises_phones_and_names_the_column_of_a_bad_one(store, tmp_path):
    f = write_rows(tmp_path / "r.xlsx", [row("ZJ-1", "王一", "广西大学", "+86 138 1234 5678"),
                                         row("ZJ-2", "王二", "广西大学", "(0771)5551234"),
                                         row("ZJ-3", "王三", "广西大学", "12345"),
                                         row("ZJ-4", "王四", "广西大学", "1")])
    rep = import_roster(store, f)
    assert rep.added == 2 and rep.skipped_rows == [4, 5]
    experts = by_key(store)
    assert (experts["ZJ-1"].phone, experts["ZJ-2"].phone) == ("13812345678", "0771-5551234")
    for e in rep.errors:
        assert e.column == "手机" and "不是有效的手机或座机号码" in e.message
        assert "13812345678" in e.expected and "0771-5551234" in e.expected and "+86" in e.expected
    assert "“12345”" in rep.errors[0].text() and rep.errors[0].shown("en")[0] == "Phone"
    assert "0771-5551234" in rep.errors[0].shown("en")[2]


def test_cli_add_and_edit_check_the_phone(tmp_path, capsys):
    root = tmp_path / "s"
    code, out, err = run(capsys, "--store", root, "roster", "add", "--name", "李一", "--unit", "广西大学",
                         "--phone", "12345")
    assert code == 2 and "“手机”" in err and "“12345”不是有效的手机或座机号码" in err and "0771-5551234" in err
    code, out, _ = run(capsys, "--store", root, "roster", "add", "--name", "李一", "--unit", "广西大学",
                       "--key", "ZJ-1", "--phone", "0086 138-1234-5678")
    assert code == 0
    code, out, err = run(capsys, "--store", root, "roster", "edit", "ZJ-1", "--phone", "0771-55")
    assert code == 2 and "“手机”" in err
    code, out, _ = run(capsys, "--store", root, "roster", "edit", "ZJ-1", "--phone", "0771 5551234")
    assert code == 0
    st = open_store(root)
    try:
        assert by_key(st)["ZJ-1"].phone == "0771-5551234"
    finally:
        st.close()


# -- one person, one expert: import and add -------------------------------------------------

def test_a_second_row_for_one_person_is_refused_naming_both_rows(store, tmp_path):
    """The issue's case: ZJ-9 and a row with a blank 专家编号, the same name and phone."""
    f = write_rows(tmp_path / "r.xlsx", [row("ZJ-9", "韦国强", "广西大学", "13812345678"),
                                         row("ZJ-8", "黄丽", "广西医科大学", "13900000008"),
                                         row("", "韦国强", "广西大学", "+86 138-1234-5678")])
    rep = import_roster(store, f)
    assert rep.added == 2 and rep.skipped_rows == [4]
    [e] = rep.errors
    assert e.row == 4 and e.column == "姓名" and "与第2行是同一人" in e.text() and "姓名与手机相同" in e.text()
    assert "row 2" in e.shown("en")[1]
    assert sorted(by_key(store)) == ["ZJ-8", "ZJ-9"]
    # the same person by e-mail (new phone), and by unit where a phone is missing
    f = write_rows(tmp_path / "r2.xlsx", [row("ZJ-1", "蒙一", "广西农科院", "13700000001", "meng@example.cn"),
                                          row("ZJ-2", "蒙一", "南宁学院", "13700000002", "MENG@example.cn"),
                                          row("ZJ-3", "覃二", "广西农科院"),
                                          row("", "覃 二", "广西农科院", "13700000003")])
    rep = import_roster(store, f)
    assert rep.skipped_rows == [3, 5]
    assert "姓名与电子邮箱相同" in rep.errors[0].text() and "姓名与工作单位相同" in rep.errors[1].text()


def test_a_blank_key_row_updates_the_same_person_another_key_is_refused(store, tmp_path):
    import_roster(store, write_rows(tmp_path / "a.xlsx", [row("ZJ-9", "韦国强", "广西大学", "13812345678")]))
    before = table_counts(store)
    rep = import_roster(store, write_rows(tmp_path / "b.xlsx", [row("", "韦国强", "广西大学", "138 1234 5678", "w@x.cn")]))
    assert (rep.added, rep.updated, rep.errors) == (0, 1, [])
    assert by_key(store)["ZJ-9"].email == "w@x.cn" and table_counts(store)["experts"] == before["experts"]
    rep = import_roster(store, write_rows(tmp_path / "c.xlsx", [row("ZJ-10", "韦国强", "广西大学", "13812345678")]))
    [e] = rep.errors
    assert rep.added == 0 and "专家库中的 ZJ-9 韦国强是同一人" in e.text() and e.row == 2
    assert sorted(by_key(store)) == ["ZJ-9"]
    # ZJ-9 with a new phone, then a blank-key row with its old phone: both would update ZJ-9
    rep = import_roster(store, write_rows(tmp_path / "d.xlsx", [row("ZJ-9", "韦国强", "广西大学", "13900000009"),
                                                                row("", "韦国强", "广西大学", "13812345678")]))
    [e] = rep.errors
    assert rep.updated == 1 and e.row == 3 and "与第2行是同一人（经另一条目关联为同一人）" in e.text()
    assert by_key(store)["ZJ-9"].phone == "13900000009"
    # two entries of the roster match a blank-key row: refused, merge first
    add_expert(store, "ZJ-1", "蒙一", "广西大学")
    add_expert(store, "ZJ-2", "蒙一", "广西大学")
    rep = import_roster(store, write_rows(tmp_path / "e.xlsx", [row("", "蒙一", "广西大学")]))
    [e] = rep.errors
    assert "共有 2 位，请先合并" in e.text() and rep.added == rep.updated == 0


def test_add_refuses_the_same_person_and_the_cli_says_who(tmp_path, capsys):
    root = tmp_path / "s"
    assert run(capsys, "--store", root, "roster", "add", "--key", "ZJ-9", "--name", "韦国强", "--unit", "广西大学",
               "--phone", "13812345678")[0] == 0
    code, out, err = run(capsys, "--store", root, "roster", "add", "--name", "韦国强", "--unit", "南宁学院",
                         "--phone", "+86 13812345678")
    # the same derived key as a blank-key row of ZJ-9 would get is not the point: another key is refused too
    assert code == 2
    code, out, err = run(capsys, "--store", root, "roster", "add", "--key", "ZJ-10", "--name", "韦国强",
                         "--unit", "南宁学院", "--phone", "+86 13812345678")
    assert code == 2 and "“姓名”" in err and "已在专家库中：ZJ-9 韦国强" in err and "姓名与手机相同" in err
    assert run(capsys, "--store", root, "roster", "add", "--key", "ZJ-11", "--name", "韦国强", "--unit", "南宁学院",
               "--phone", "13900000000")[0] == 0  # a namesake with another phone is another person


# -- the draw: one person never twice ------------------------------------------------------

def twin_roster(store):
    """The issue's roster as an earlier version stored it: ZJ-9 and a blank-key row of the same person."""
    ids = {"ZJ-9": add_expert(store, "ZJ-9", "韦国强", "广西大学", fields=["重点研发计划"])}
    twin = derived_key("韦国强", "13812345678", "广西大学")
    ids["twin"] = add_expert(store, twin, "韦国强", "广西大学", fields=["重点研发计划"])
    with store.write() as s:
        s.get(Expert, ids["ZJ-9"]).phone = "13812345678"
        s.get(Expert, ids["twin"]).phone = "138-1234-5678"
    for i in range(1, 5):
        ids[f"E{i}"] = add_expert(store, f"E{i}", f"专家{i}", f"南宁学院{i}", fields=["重点研发计划"])
    return ids, twin


@pytest.fixture
def session_env(tmp_path):
    st = new_store(tmp_path)
    sid = create_session(st, "抽取测试")
    import_apps(st, sid, tmp_path / "pk", [app("P-1", 15, 1), app("P-2", 14, 2)])
    yield st, sid, tmp_path
    st.close()


def test_the_draw_never_selects_one_person_twice(session_env):
    store, sid, _ = session_env
    ids, twin = twin_roster(store)
    for seed in range(40):  # every seed: one of the two at most
        pid = create_panel(store, sid, f"组{seed}", items=[15, 14])
        res = draw_experts(store, sid, pid, 5, seed=seed)
        drawn = {d["expert_id"] for d in res.drawn}
        assert not {ids["ZJ-9"], ids["twin"]} <= drawn
        rec = draw_record(store, res.draw_id)
        assert [c["roster_key"] for c in rec["candidates"]].count("ZJ-9") + \
            [c["roster_key"] for c in rec["candidates"]].count(twin) == 1
        why = {e["roster_key"]: e["reason"] for e in rec["excluded"]}
        # the given 专家编号 is the candidate, the derived one is out with the reason
        assert "疑似同一人" in why[twin] and "ZJ-9 韦国强" in why[twin] and "姓名与手机相同" in why[twin]
        delete_panel(store, pid)  # an application sits on one panel: the next seed gets a fresh one
    # adding the twin by hand next to ZJ-9 is refused, naming both
    pid = create_panel(store, sid, "手动", items=[15])
    add_members(store, pid, [ids["ZJ-9"]])
    with pytest.raises(StoreError, match=f"{twin}）与评审组“手动”成员 ZJ-9 韦国强 疑似同一人（姓名与手机相同）"):
        add_members(store, pid, [ids["twin"]])
    with pytest.raises(StoreError, match="疑似同一人"):  # both in one call too
        add_members(store, create_panel(store, sid, "手动二", items=[14]), [ids["E1"], ids["twin"], ids["ZJ-9"]])
    delete_panel(store, pid)
    # a second draw on a panel where ZJ-9 already sits does not add the twin
    pid = create_panel(store, sid, "第二次", items=[15])
    add_members(store, pid, [ids["ZJ-9"]])
    res = draw_experts(store, sid, pid, 4, seed=1, allow_other_panels=True)
    assert ids["twin"] not in {d["expert_id"] for d in res.drawn}
    why = {e["roster_key"]: e["reason"] for e in draw_record(store, res.draw_id)["excluded"]}
    assert "与本评审组成员 ZJ-9 韦国强 疑似同一人" in why[twin]


def test_conflicts_of_one_entry_hold_for_its_twin(session_env):
    store, sid, _ = session_env
    ids, twin = twin_roster(store)
    from nn_review.roster.conflicts import add_conflict
    add_conflict(store, sid, ids["ZJ-9"], "P-1", "曾合作")
    add_conflict(store, sid, ids["ZJ-9"], "P-2", "曾合作")
    pid = create_panel(store, sid, "组", items=[15, 14])
    res = draw_experts(store, sid, pid, 4, seed=1)
    assert {d["roster_key"] for d in res.drawn} == {"E1", "E2", "E3", "E4"}
    why = {e["roster_key"]: e["reason"] for e in draw_record(store, res.draw_id)["excluded"]}
    assert "回避" in why[twin] and "回避" in why["ZJ-9"]


def test_cli_draw_n4_seed1_list_shows_the_duplicate_and_merge_makes_one(session_env, capsys):
    store, sid, tmp_path = session_env
    ids, twin = twin_roster(store)
    root = str(store.root)
    store.close()
    code, out, _ = run(capsys, "--store", root, "session", "panel", "create", "信息组", "--items", "15", "14")
    assert code == 0
    code, out, _ = run(capsys, "--store", root, "session", "draw", "-n", "4", "--seed", "1", "--panel", "信息组")
    assert code == 0
    drawn = out.split("抽中（4 人，按抽取顺序）：")[1].splitlines()[:4]
    assert sum("韦国强" in line for line in drawn) <= 1, drawn
    assert f"{twin} 韦国强（广西大学）：与 ZJ-9 韦国强 疑似同一人（姓名与手机相同），每人只参加一次抽取" in out

    code, out, _ = run(capsys, "--store", root, "roster", "list")
    assert code == 0 and "疑似重复（1 对" in out
    assert f"ZJ-9 与 {twin}（韦国强）疑似同一人：姓名与手机相同（13812345678）" in out
    assert f"nn-review roster merge ZJ-9 {twin}" in out

    code, out, err = run(capsys, "--store", root, "roster", "merge", "ZJ-9", "ZJ-9")
    assert code == 2 and "同一位专家" in err
    code, out, err = run(capsys, "--store", root, "roster", "merge", "ZJ-9", "ZJ-404")
    assert code == 2 and "没有专家 ZJ-404" in err
    code, out, _ = run(capsys, "--store", root, "roster", "merge", "ZJ-9", twin)
    assert code == 0 and f"已将 {twin} 合并到 ZJ-9" in out
    code, out, _ = run(capsys, "--store", root, "roster", "list")
    assert "疑似重复" not in out and twin not in out and "共 5 位专家" in out

    st = open_store(root)
    try:
        [ev] = audits(st, "roster.expert_merge")
        assert ev["keep"] == "ZJ-9" and ev["drop"] == twin and ev["before"]["drop"]["phone"] == "138-1234-5678"
        panel = get_panel(st, 1)
        assert len({m.name for m in panel.members}) == len(panel.members)  # one seat per person
    finally:
        st.close()


# -- merge ----------------------------------------------------------------------------------

def test_merge_moves_seats_assignments_conflicts_and_fills_blanks(session_env):
    store, sid, _ = session_env
    ids, twin = twin_roster(store)
    with store.write() as s:
        d = s.get(Expert, ids["twin"])
        d.email, d.title = "wei@example.cn", "研究员"
        d.fields = ["重点研发计划", "人工智能"]
        d.standing_conflicts = [{"kind": "unit", "name": "某某公司"}]
        s.get(Expert, ids["ZJ-9"]).title = ""
    p1 = create_panel(store, sid, "一组", items=[15])
    p2 = create_panel(store, sid, "二组", items=[14])
    add_members(store, p1, [ids["twin"], ids["E1"]])
    with store.write() as s:  # both on one panel, as before issue 20: one seat is kept
        s.add(PanelMember(panel_id=p1, expert_id=ids["ZJ-9"]))
    add_members(store, p2, [ids["twin"], ids["E2"], ids["E3"]])
    set_leader(store, p2, ids["twin"])
    assign(store, p1)
    assign(store, p2)
    from nn_review.roster.conflicts import add_conflict
    add_conflict(store, sid, ids["twin"], "P-1", "曾合作")
    res = merge_experts(store, "ZJ-9", twin)
    assert (res.keep_key, res.drop_key, res.members, res.conflicts) == ("ZJ-9", twin, 2, 1)
    with store.read() as s:
        assert s.get(Expert, ids["twin"]) is None
        for model in (PanelMember, Assignment, Conflict):
            assert not s.scalars(select(model).where(model.expert_id == ids["twin"])).all()
        assert {m.panel_id for m in s.scalars(select(PanelMember).where(PanelMember.expert_id == ids["ZJ-9"]))} == {p1, p2}
        assert len(s.scalars(select(Assignment).where(Assignment.expert_id == ids["ZJ-9"])).all()) == 2
        assert s.scalar(select(Conflict.reason).where(Conflict.expert_id == ids["ZJ-9"])) == "曾合作"
    assert get_panel(store, p2).leader_expert_id == ids["ZJ-9"]
    k = by_key(store)["ZJ-9"]
    assert (k.phone, k.email, k.title) == ("13812345678", "wei@example.cn", "研究员")
    assert k.fields == ["重点研发计划", "人工智能"] and k.avoid_units == ["某某公司"]
    assert list_duplicates(store) == []


def test_merge_refuses_when_both_reviewed_in_one_session_or_the_drop_reviewed(session_env):
    store, sid, _ = session_env
    ids, twin = twin_roster(store)
    pid = create_panel(store, sid, "一组", items=[15, 14])
    add_members(store, pid, [ids["ZJ-9"], ids["E1"], ids["E2"]])
    with store.write() as s:
        pk = s.scalar(select(PanelMember.panel_id))  # any: the grade needs an application of the session
        from nn_review.store.models import Application
        app_pk = s.scalar(select(Application.id).where(Application.session_id == sid))
        s.add(Grade(expert_id=ids["twin"], application_pk=app_pk, criterion="c1", grade="A"))
    assert pk
    before = table_counts(store)
    with pytest.raises(PersonError, match="已有评分、评审包或评分文件") as info:
        merge_experts(store, "ZJ-9", twin)
    assert "保留" in str(info.value) and "抽取测试" in str(info.value)
    with store.write() as s:
        s.add(Grade(expert_id=ids["ZJ-9"], application_pk=app_pk, criterion="c2", grade="B"))
    before = table_counts(store)
    for keep, drop in (("ZJ-9", twin), (twin, "ZJ-9")):
        with pytest.raises(PersonError, match="都有评分或评审包"):
            merge_experts(store, keep, drop)
    assert table_counts(store) == before
    from nn_review.i18n import text_of
    with pytest.raises(PersonError) as info:
        merge_experts(store, "ZJ-9", twin)
    assert "both have scores" in text_of(info.value, "en")[0]


def test_merge_the_other_way_keeps_the_reviewed_one(session_env):
    store, sid, _ = session_env
    ids, twin = twin_roster(store)
    with store.write() as s:
        from nn_review.store.models import Application
        app_pk = s.scalar(select(Application.id).where(Application.session_id == sid))
        s.add(Grade(expert_id=ids["twin"], application_pk=app_pk, criterion="c1", grade="A"))
    res = merge_experts(store, twin, "ZJ-9")  # the reviewed entry kept: allowed
    assert res.keep_key == twin and "ZJ-9" not in by_key(store)


# -- the template ----------------------------------------------------------------------------

def test_template_help_sheet_explains_columns_identity_and_phones(tmp_path, capsys):
    code, out, _ = run(capsys, "--store", tmp_path / "s", "roster", "template", tmp_path / "t.xlsx")
    assert code == 0
    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["专家库", "说明"]
    help_rows = {r[0]: r[1] for r in wb["说明"].iter_rows(min_row=2, values_only=True)}
    for header in HEADERS:  # every column is explained
        assert header in help_rows, header
    phone = help_rows["手机"]
    for form in ("13812345678", "0771-5551234", "0771 5551234", "(0771)5551234", "+86", "0086"):
        assert form in phone, form
    same = help_rows["同一人（每人一行）"]
    assert "姓名相同" in same and "手机相同" in same and "电子邮箱相同" in same and "roster merge" in same
    assert "身份证号" in help_rows and "不收录" in help_rows["身份证号"]
    # the template itself imports (its example row is valid)
    code, out, _ = run(capsys, "--store", tmp_path / "s", "roster", "import", tmp_path / "t.xlsx")
    assert code == 0 and "新增 1" in out
    json.dumps(help_rows, ensure_ascii=False)


def test_update_keeps_phone_check_and_an_old_unchecked_phone_still_compares(store):
    """A phone stored before the check (e.g. '138 1234 5678' typed then) still finds the twin."""
    a = add_expert(store, "ZJ-1", "周一", "广西大学")
    b = add_expert(store, "ZJ-2", "周一", "南宁学院")
    with store.write() as s:
        s.get(Expert, a).phone = "138 1234 5678"
        s.get(Expert, b).phone = "13812345678"
    [d] = list_duplicates(store)
    assert (d.a.roster_key, d.b.roster_key, d.reason) == ("ZJ-1", "ZJ-2", "phone")
    with pytest.raises(RosterEditError) as info:
        update_expert(store, "ZJ-1", {"phone": "0771"})
    assert info.value.field == "phone"
    with pytest.raises(RosterEditError):
        add_one(store, {"name": "周一", "unit": "别处", "phone": "+86 13812345678", "roster_key": "ZJ-3"})


# -- one person, one expert: a row or an edit WITH a 专家编号 must not make a twin (review item 12) --

def test_a_keyed_row_that_turns_its_expert_into_a_twin_of_another_is_refused_naming_both(store, tmp_path):
    import_roster(store, write_rows(tmp_path / "a.xlsx", [row("ZJ-1", "韦国强", "广西大学", "13812345678"),
                                                          row("ZJ-2", "黄丽", "广西医科大学", "13900000002")]))
    before = by_key(store)
    # ZJ-2's row now says 韦国强 with ZJ-1's phone: ZJ-2 would become ZJ-1's twin
    rep = import_roster(store, write_rows(tmp_path / "b.xlsx", [row("ZJ-2", "韦国强", "南宁学院", "86 138 1234 5678")]))
    [e] = rep.errors
    assert (rep.added, rep.updated, e.row, e.column) == (0, 0, 2, "姓名")
    assert "ZJ-2（黄丽）" in e.text() and "ZJ-1 韦国强" in e.text() and "姓名与手机相同" in e.text()
    assert "roster merge" in e.expected
    column, what, expected = e.shown("en")
    assert "ZJ-2 黄丽" in what and "ZJ-1 韦国强" in what and "same name and phone" in what and "merge" in expected
    assert by_key(store) == before                               # nothing written
    # by e-mail, and by unit where a phone is missing; the file's other rows still import
    import_roster(store, write_rows(tmp_path / "c.xlsx", [row("ZJ-3", "蒙一", "广西农科院", "", "meng@example.cn"),
                                                          row("ZJ-4", "覃二", "广西农科院")]))
    rep = import_roster(store, write_rows(tmp_path / "d.xlsx", [
        row("ZJ-5", "新人", "南宁学院"),
        row("ZJ-4", "蒙一", "南宁学院", "13700000004", "MENG@example.cn"),   # e-mail of ZJ-3
        row("ZJ-2", "覃二", "广西农科院", ""),                                 # unit of ZJ-4 (no phones)
    ]))
    assert rep.added == 1 and rep.skipped_rows == [3, 4]
    assert "ZJ-3 蒙一" in rep.errors[0].text() and "姓名与电子邮箱相同" in rep.errors[0].text()
    assert "ZJ-4 覃二" in rep.errors[1].text() and "姓名与工作单位相同" in rep.errors[1].text()
    # the roster as the file's earlier rows left it counts: ZJ-2's name is corrected to 黄莉 in row 2, so
    # ZJ-5 may then take 黄丽 with that phone (no twin in the end) ...
    rep = import_roster(store, write_rows(tmp_path / "e.xlsx", [row("ZJ-2", "黄莉", "广西医科大学", "13900000002"),
                                                                row("ZJ-5", "黄丽", "南宁学院", "13900000002")]))
    assert (rep.updated, rep.errors) == (2, [])
    # ... and ZJ-1 may not then take 黄莉 with it (ZJ-2 as row 2 changed it)
    rep = import_roster(store, write_rows(tmp_path / "e2.xlsx", [row("ZJ-2", "黄莉", "广西医科大学", "13900000003"),
                                                                 row("ZJ-1", "黄莉", "广西大学", "13900000003")]))
    assert rep.skipped_rows == [3]   # (the file's own rows: "与第2行是同一人")
    rep = import_roster(store, write_rows(tmp_path / "e3.xlsx", [row("ZJ-1", "黄莉", "广西大学", "13900000003")]))
    assert rep.skipped_rows == [2] and "ZJ-1（韦国强）" in rep.errors[0].text() and "ZJ-2 黄莉" in rep.errors[0].text()
    # an unchanged re-export of a roster that already holds a suspected pair imports without refusal
    # (the pair is the secretary's to merge), and a row changing something else of a twin is fine
    add_expert(store, "ZJ-7", "周一", "广西大学")
    add_expert(store, "ZJ-8", "周一", "广西大学")
    rep = import_roster(store, write_rows(tmp_path / "f.xlsx", [row("ZJ-8", "周一", "广西大学", "", "", "新材料")]))
    assert (rep.updated, rep.errors) == (1, [])


def test_update_expert_refuses_turning_one_expert_into_a_twin_of_another(store, tmp_path, capsys):
    import_roster(store, write_rows(tmp_path / "a.xlsx", [row("ZJ-1", "韦国强", "广西大学", "13812345678"),
                                                          row("ZJ-2", "黄丽", "广西医科大学", "13900000002"),
                                                          row("ZJ-3", "蒙一", "广西农科院", "", "meng@example.cn")]))
    before = by_key(store)
    with pytest.raises(RosterEditError) as info:
        update_expert(store, "ZJ-2", {"name": "韦国强", "phone": "86-13812345678"})
    e = info.value
    assert e.field == "name" and "ZJ-2 黄丽" in str(e) and "ZJ-1 韦国强" in str(e) and "姓名与手机相同" in str(e)
    assert "same name and phone" in e.msg.render("en") and "merge" in e.msg.render("en")
    with pytest.raises(RosterEditError) as info:    # the name alone, when the e-mail already is the other's
        update_expert(store, "ZJ-2", {"email": "MENG@example.cn"})
        update_expert(store, "ZJ-2", {"name": "蒙一"})
    assert "ZJ-3 蒙一" in str(info.value) and "姓名与电子邮箱相同" in str(info.value)
    assert {k: (v.name, v.phone) for k, v in by_key(store).items()} == {
        k: (v.name, v.phone) for k, v in before.items()}
    [edit] = audits(store, "roster.expert_edit")                # only the e-mail change was written
    assert edit["roster_key"] == "ZJ-2" and list(edit["changed"]) == ["email"]
    update_expert(store, "ZJ-2", {"phone": "13900000022"})     # other changes still work
    # the CLI (roster edit) says who
    store.close()
    code, out, err = run(capsys, "--store", store.root, "roster", "edit", "ZJ-1", "--name", "黄丽",
                         "--phone", "13900000022")
    assert code == 2 and "ZJ-1 韦国强" in err and "ZJ-2 黄丽" in err and "姓名与手机相同" in err
