"""Panels, the reproducible random draw (with its fallback) and balanced, deterministic assignment."""

import pytest
from sqlalchemy import func, select

from nn_review.roster.conflicts import add_conflict
from nn_review.roster.draw import draw_experts, draw_record, draw_record_text, field_matches, list_draws
from nn_review.roster.panels import (add_members, assign, create_panel, expert_assignments, get_panel, list_panels,
                                     panel_assignments, remove_member, resolve_panel, set_leader,
                                     set_panel_applications, validate_panel)
from nn_review.services.sessions import create_session
from nn_review.store import StoreError
from nn_review.store.models import Assignment, Draw, PanelMember

from .helpers import manifest, unique_code, write_package
from .test_roster import add_expert, import_apps, new_store, run, write_rows


def app(app_id, item, n, **over):
    """An application without partners or people that could conflict by accident."""
    fields = dict(application_id=app_id, guide_item=item, direction=1 if item == 15 else None,
                  applicant={"name": f"申报企业{n}有限公司", "credit_code": unique_code(n), "kind": "enterprise",
                             "in_nanning": True},
                  partners=[], leader={"name": f"负责人{n}"}, members=[])
    return manifest(**(fields | over))


@pytest.fixture
def env(tmp_path):
    store = new_store(tmp_path)
    sid = create_session(store, "抽取测试")
    p1 = app("P-1", 15, 1, partners=[manifest()["partners"][0]])  # 广西大学 as partner
    p2 = app("P-2", 15, 2, partners=[manifest()["partners"][0]])
    import_apps(store, sid, tmp_path / "pk", [p1, p2, app("P-3", 14, 3), app("B-1", 30, 4)])
    yield store, sid
    store.close()


def roster(store):
    ids = {}
    for i, fields in enumerate([["重点研发计划"], ["项目15"], ["新一代信息技术"], ["15"], ["项目14", "新材料"],
                                ["重点研发计划"]], 1):
        ids[f"E{i}"] = add_expert(store, f"E{i}", f"专家{i}", f"南宁学院{i}", fields=fields)
    ids["GX"] = add_expert(store, "GX", "广大专家", "广西大学", fields=["项目15", "项目14"])  # conflicted: P-1, P-2
    ids["NOF"] = add_expert(store, "NOF", "无领域", "南宁学院9", fields=[])
    ids["BASE"] = add_expert(store, "BASE", "基地专家", "南宁学院10", fields=["科技基地专项"])
    return ids


def keys(result):
    return [d["roster_key"] for d in result.drawn]


def test_field_matching():
    t15 = {"plan": "重点研发计划", "item": 15, "title": "新一代信息技术研发与应用"}
    assert field_matches("重点研发计划", t15) and field_matches("项目15", t15) and field_matches("１５", t15)
    assert field_matches("信息技术", t15) and field_matches("新一代信息技术研发与应用", t15)
    assert not field_matches("项目14", t15) and not field_matches("科技重大专项", t15) and not field_matches("信", t15)
    assert field_matches("创新联合体", {"plan": "创新联合体", "item": None, "title": "创新联合体"})


def test_draw_is_reproducible_and_excludes_with_reasons(env):
    store, sid = env
    ids = roster(store)
    pid = create_panel(store, sid, "信息组", items=[15, 14])
    first = draw_experts(store, sid, pid, 3, seed=42)
    assert not first.fallback and len(set(keys(first))) == 3
    rec = draw_record(store, first.draw_id)
    assert rec["seed"] == "42" and rec["params"]["applications"] == ["P-1", "P-2", "P-3"]
    assert [c["roster_key"] for c in rec["candidates"]] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    why = {e["roster_key"]: e["reason"] for e in rec["excluded"]}
    assert "P-1" in why["GX"] and "P-2" in why["GX"] and "回避" in why["GX"] and "广西大学" in why["GX"]
    assert why["NOF"] == "专家库中未填写专业领域" and "不匹配" in why["BASE"]
    assert {e.roster_key for e in get_panel(store, pid).members} == set(keys(first))

    for key in keys(first):  # empty the panel again: the same seed gives the same experts
        remove_member(store, pid, ids[key])
    assert keys(draw_experts(store, sid, pid, 3, seed=42)) == keys(first)

    outcomes = set()
    for seed in range(10):
        for m in get_panel(store, pid).members:
            remove_member(store, pid, m.expert_id)
        outcomes.add(tuple(keys(draw_experts(store, sid, pid, 3, seed=seed))))
    assert len(outcomes) > 1
    assert len(list_draws(store, sid)) == 12

    text = draw_record_text(store, first.draw_id)
    assert "随机种子：42" in text and "信息组" in text and "抽中（3 人" in text and "广大专家" in text


def test_random_seed_is_recorded(env):
    store, sid = env
    roster(store)
    pid = create_panel(store, sid, "信息组", items=[15])
    res = draw_experts(store, sid, pid, 2)
    assert 0 <= res.seed < 2 ** 64 and draw_record(store, res.draw_id)["seed"] == str(res.seed)


def test_draw_fallback_and_shortage(env):
    store, sid = env
    ids = roster(store)
    pid = create_panel(store, sid, "信息组", items=[15, 14])
    with pytest.raises(StoreError, match="候选专家不足.*需抽取 8 人.*无回避的仅 6 人.*部分回避的 1 人"):
        draw_experts(store, sid, pid, 8, seed=1)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Draw)) == 0
        assert s.scalar(select(func.count()).select_from(PanelMember)) == 0
    res = draw_experts(store, sid, pid, 7, seed=1)
    assert res.fallback and "GX" in keys(res) and "逐项回避" in res.note
    assert "说明：" in draw_record_text(store, res.draw_id)
    # the partly conflicted expert then reviews only what they may see
    result = assign(store, pid)
    assert result.assignments["P-3"].count(ids["GX"]) == 1
    assert ids["GX"] not in result.assignments["P-1"] and ids["GX"] in result.recused["P-1"]
    assert expert_assignments(store, sid, ids["GX"]) == ["P-3"]


def test_draw_by_fields_and_other_panels(env):
    store, sid = env
    roster(store)
    info = create_panel(store, sid, "信息组", items=[15])
    base = create_panel(store, sid, "基地组", items=[30])
    assert keys(draw_experts(store, sid, base, 1, seed=3)) == ["BASE"]
    with pytest.raises(StoreError, match="候选专家不足"):
        draw_experts(store, sid, info, 4, seed=3, fields=["重点研发计划", "信息技术"])
    drawn = keys(draw_experts(store, sid, info, 3, seed=3, fields=["重点研发计划", "信息技术"]))
    assert sorted(drawn) == ["E1", "E3", "E6"]
    rec = draw_record(store, list_draws(store, sid)[-1]["id"])
    assert rec["params"]["fields"] == ["重点研发计划", "信息技术"]
    why = {e["roster_key"]: e["reason"] for e in rec["excluded"]}
    assert why["BASE"] == "已是本批次评审组“基地组”成员" and "不匹配" in why["E2"]


def test_panels_validation_and_leader(env):
    store, sid = env
    ids = roster(store)
    with pytest.raises(StoreError, match="没有指南项目9"):
        create_panel(store, sid, "空组", items=[9])
    pid = create_panel(store, sid, "信息组", items=[15], application_ids=["P-3"])
    with pytest.raises(StoreError, match="已有评审组"):
        create_panel(store, sid, "信息组", items=[14])
    with pytest.raises(StoreError, match="只由一个评审组评审.*P-3（信息组）"):
        create_panel(store, sid, "第二组", application_ids=["P-3"])
    assert resolve_panel(store, sid, "信息组") == pid == resolve_panel(store, sid, str(pid))
    assert [a.application_id for a in get_panel(store, pid).applications] == ["P-1", "P-2", "P-3"]
    add_members(store, pid, [ids["E1"], ids["E2"]])
    check = validate_panel(store, pid)
    assert "少于 3 人" in check.errors[0]
    with pytest.raises(StoreError, match="少于 3 人"):
        assign(store, pid)
    warnings = add_members(store, pid, [ids["E3"], ids["E4"]])
    assert any("少于 5 人" in w for w in warnings) and any("偶数" in w for w in warnings)
    assert any("组长" in w for w in warnings)
    with pytest.raises(StoreError, match="组长须是"):
        set_leader(store, pid, ids["E5"])
    set_leader(store, pid, ids["E1"])
    add_members(store, pid, [ids["E5"]])
    assert validate_panel(store, pid).warnings == [] and validate_panel(store, pid).errors == []
    [p] = [x for x in list_panels(store, sid) if x.id == pid]
    assert p.leader_expert_id == ids["E1"] and [m.is_leader for m in p.members] == [True] + [False] * 4
    remove_member(store, pid, ids["E1"])
    assert get_panel(store, pid).leader_expert_id is None
    assert set_panel_applications(store, pid, items=[15]) == ["P-1", "P-2"]


def test_balanced_assignment_is_deterministic(tmp_path):
    store = new_store(tmp_path)
    sid = create_session(store, "分配测试")
    import_apps(store, sid, tmp_path / "pk", [app(f"A-{i:02d}", 15, 100 + i) for i in range(10)])
    experts = [add_expert(store, f"E{i}", f"专家{i}", f"单位{i}") for i in range(7)]
    pid = create_panel(store, sid, "组", items=[15])
    add_members(store, pid, experts)
    res = assign(store, pid, reviewers_per_app=3, seed=7)
    assert all(len(v) == 3 for v in res.assignments.values()) and len(res.assignments) == 10
    assert max(res.loads.values()) - min(res.loads.values()) <= 1 and sum(res.loads.values()) == 30
    assert res.short == [] and panel_assignments(store, pid) == res.assignments
    p = get_panel(store, pid)
    assert (p.reviewers_per_app, p.assign_seed, p.assignments) == (3, "7", 30)
    again = assign(store, pid, reviewers_per_app=3, seed=7)
    assert again.assignments == res.assignments
    with store.read() as s:  # replaced, not added to
        assert s.scalar(select(func.count()).select_from(Assignment)) == 30
    others = {tuple(map(tuple, assign(store, pid, 3, seed=x).assignments.values())) for x in range(8, 13)}
    assert len(others) > 1
    for k in (1, 2, 4, 5):
        loads = assign(store, pid, k, seed=k).loads.values()
        assert max(loads) - min(loads) <= 1
    with pytest.raises(StoreError, match="超过评审组"):
        assign(store, pid, 8)
    full = assign(store, pid)
    assert full.seed is None and all(v == experts for v in full.assignments.values())
    assert expert_assignments(store, sid, experts[0]) == [f"A-{i:02d}" for i in range(10)]
    store.close()


def test_fewer_than_three_eligible_flagged(env):
    store, sid = env
    ids = roster(store)
    pid = create_panel(store, sid, "信息组", items=[15])
    add_members(store, pid, [ids["E1"], ids["E2"], ids["GX"]])
    res = assign(store, pid, 2, seed=1)
    assert res.short == [("P-1", 2), ("P-2", 2)]
    assert any("P-1 可评审的专家仅 2 位" in w for w in res.warnings)
    assert all(ids["GX"] not in v for v in res.assignments.values())
    # a conflict recorded after the assignment takes the package out of the expert's bundle at once
    res = assign(store, pid)
    assert expert_assignments(store, sid, ids["E1"]) == ["P-1", "P-2"]
    add_conflict(store, sid, ids["E1"], "P-2", "近三年有合作")
    assert expert_assignments(store, sid, ids["E1"]) == ["P-1"]


def test_panel_draw_assign_cli(capsys, tmp_path):
    st = tmp_path / "s"
    run(capsys, "--store", st, "session", "create", "CLI 抽取")
    (tmp_path / "pk").mkdir()
    pkgs = [write_package(tmp_path / "pk", app(f"A-{i}", 15, 200 + i)) for i in range(3)]
    assert run(capsys, "--store", st, "session", "import", *pkgs)[0] == 0
    write_rows(tmp_path / "r.xlsx", [[f"ZJ-{i}", f"专家{i}", f"单位{i}", "", "", "项目15", "", "", "", ""]
                                     for i in range(6)])
    run(capsys, "--store", st, "roster", "import", tmp_path / "r.xlsx")
    code, out, _ = run(capsys, "--store", st, "session", "panel", "create", "信息组", "--items", "15")
    assert code == 0 and "A-0、A-1、A-2" in out
    code, out, _ = run(capsys, "--store", st, "session", "draw", "--panel", "信息组", "-n", "5", "--seed", "9")
    assert code == 0 and "随机种子：9" in out and "抽中（5 人" in out
    code, out2, _ = run(capsys, "--store", st, "session", "draws")
    assert code == 0 and out.splitlines()[0] in out2
    drawn = [line.split()[1] for line in out.splitlines() if line.startswith("  1. ")]
    code, out, _ = run(capsys, "--store", st, "session", "panel", "leader", "--panel", "信息组", drawn[0])
    assert code == 0 and "组长" in out
    code, out, _ = run(capsys, "--store", st, "session", "panel", "list")
    assert code == 0 and "专家 5 人" in out and "（组长）" in out
    code, out, _ = run(capsys, "--store", st, "session", "assign", "--panel", "信息组", "--per-app", "3", "--seed", "4")
    assert code == 0 and "每项 3 人，随机种子 4" in out and "工作量" in out
    code, _out, err = run(capsys, "--store", st, "session", "assign", "--panel", "无此组")
    assert code == 2 and "没有评审组" in err
    code, _out, err = run(capsys, "--store", st, "session", "panel", "create", "x", "--items", "3")
    assert code == 2 and "没有指南项目3" in err


def test_replacing_a_package_keeps_panel_assignments_and_decisions(tmp_path):
    """Replacing a package file must not silently drop its panel, assignments or conflict decisions."""
    from nn_review.roster import conflicts, panels
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.importer import import_packages
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store
    from nn_review.store.models import Expert, Grade

    from .helpers import manifest, write_package

    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, "替换测试")
    pkg = write_package(tmp_path, manifest())
    import_packages(store, sid, [pkg])
    with store.write() as s:
        ids = []
        for i, (name, unit) in enumerate([("甲", "单位甲"), ("乙", "单位乙"), ("丙", "单位丙"), ("张三", "别的单位")]):
            e = Expert(roster_key=f"ZJ-{i}", name=name, unit=unit, title="", phone="", email="")
            e.fields, e.standing_conflicts = [], []
            s.add(e)
            s.flush()
            ids.append(e.id)
    pid = panels.create_panel(store, sid, "组", items=[15])
    panels.add_members(store, pid, ids)
    conflicts.detect_conflicts(store, sid)
    m = conflicts.conflict_matrix(store, sid)
    auto = next(c for c in m["conflicts"] if c["expert_id"] == ids[3])  # 张三 同名 as the project leader
    conflicts.dismiss_conflict(store, auto["id"], "同名，非本人")
    conflicts.add_conflict(store, sid, ids[0], "NNKJ-2025-0137", "曾合作")
    panels.assign(store, pid)
    before = panels.panel_assignments(store, pid)

    rep = import_packages(store, sid, [write_package(tmp_path / "v2", manifest(title="新的题目"), name="p.nnpkg")
                                       if (tmp_path / "v2").mkdir() is None else None], replace=True)
    assert rep.results[0].outcome == "replaced"
    assert panels.panel_assignments(store, pid) == before
    conflicts.detect_conflicts(store, sid)
    m = conflicts.conflict_matrix(store, sid)
    assert [c["reason"] for c in m["conflicts"]] == ["曾合作"]
    assert [c["dismiss_reason"] for c in m["dismissed"]] == ["同名，非本人"]

    # Once an expert has graded it, the package can no longer be swapped.
    with store.write() as s:
        app_pk = m["applications"][0]["pk"]
        s.add(Grade(expert_id=ids[1], application_pk=app_pk, criterion="c1", grade="A"))
    rep = import_packages(store, sid, [tmp_path / "v2" / "p.nnpkg"], replace=True)
    assert rep.results[0].outcome == "refused" and "已有专家评分" in rep.results[0].message
    store.close()
