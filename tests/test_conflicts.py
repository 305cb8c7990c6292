"""Conflicts of interest: every rule and name variant, manual conflicts and dismissals across re-detection."""

import json

import pytest
from sqlalchemy import select

from nn_review.roster.conflicts import (add_conflict, conflict_matrix, conflict_reasons, detect_conflicts,
                                        dismiss_conflict, reinstate_conflict)
from nn_review.roster.panels import add_members, create_panel
from nn_review.services.sessions import create_session
from nn_review.store import StoreError
from nn_review.store.models import AuditEvent, Expert

from .helpers import APPLICANT_CODE, PARTNER_CODE, manifest, unique_code
from .test_roster import add_expert, import_apps, new_store, run, write_rows


def consortium_manifest():
    codes = [unique_code(10 + i) for i in range(6)]
    members = [{"name": f"联合体成员{i}有限公司", "credit_code": c, "kind": "enterprise", "in_nanning": True,
                "layer": "leader" if i == 0 else "core"} for i, c in enumerate(codes)]
    return manifest(kind="consortium_recognition", application_id="C-1", guide_item=None, direction=None,
                    title="南宁某某创新联合体", partners=[],
                    applicant={"name": "联合体成员0有限公司", "credit_code": codes[0], "kind": "enterprise",
                               "in_nanning": True},
                    consortium={"leader_revenue_last_year": 68000.0, "leader_rd_staff": 35,
                                "leader_rd_spend_3y_avg": 2100.0, "leader_rd_ratio_3y": 0.031,
                                "leader_platforms": [], "members": members, "agreement_signed": True})


APPS = [
    manifest(application_id="P-1"),  # 广西某某信息科技有限公司 + 广西大学; 张三 (leader), 李四 (广西大学)
    manifest(application_id="P-2", guide_item=14, title="高性能铝合金材料",
             applicant={"name": "南宁另一科技（集团）有限责任公司", "credit_code": unique_code(2), "kind": "enterprise",
                        "in_nanning": True},
             partners=[], leader={"name": "王五"}, members=[{"name": "赵 六", "unit": "南宁学院"}]),
]


@pytest.fixture
def env(tmp_path):
    store = new_store(tmp_path)
    sid = create_session(store, "回避测试")
    import_apps(store, sid, tmp_path / "pk", APPS + [consortium_manifest()])
    yield store, sid
    store.close()


def reasons(matrix, key, app):
    i = next(i for i, e in enumerate(matrix["experts"]) if e["roster_key"] == key)
    j = next(j for j, a in enumerate(matrix["applications"]) if a["application_id"] == app)
    return matrix["matrix"][i][j]


def test_rules_and_name_variants(env):
    store, sid = env
    add_expert(store, "code", "甲", "某某大学（南宁校区）", code=PARTNER_CODE)
    add_expert(store, "fullwidth", "乙", "南宁另一科技(集团)有限公司")
    add_expert(store, "spaces", "丙", "广西 某某 信息科技有限责任公司")
    add_expert(store, "joint-stock", "丁", "广西某某信息科技股份有限公司")
    add_expert(store, "leader", "张 三", "广西某某信息科技有限公司", code=APPLICANT_CODE)
    add_expert(store, "namesake", "李四", "南宁师范大学")
    add_expert(store, "no-unit", "王五", "南宁学院")
    add_expert(store, "decl-unit", "戊", "南宁学院", avoid_units=["广西大学"])
    add_expert(store, "decl-person", "己", "南宁学院", avoid_persons=["赵六"])
    add_expert(store, "consortium", "庚", "某研究院", code=unique_code(11))
    add_expert(store, "clean", "辛", "南宁学院")
    summary = detect_conflicts(store, sid)
    m = conflict_matrix(store, sid)  # no panel members yet: the whole roster
    assert len(m["experts"]) == 11 and [a["application_id"] for a in m["applications"]] == ["C-1", "P-1", "P-2"]
    assert summary.added == len(m["conflicts"]) == summary.active and summary.removed == 0

    assert reasons(m, "code", "P-1") == [f"专家单位与合作单位“广西大学”相同（统一社会信用代码 {PARTNER_CODE}）"]
    assert reasons(m, "fullwidth", "P-2") == [
        "专家单位“南宁另一科技(集团)有限公司”与申报单位“南宁另一科技（集团）有限责任公司”为同一单位（名称一致）"]
    assert "名称一致" in reasons(m, "spaces", "P-1")[0]
    assert all(not reasons(m, "joint-stock", a) for a in ("C-1", "P-1", "P-2"))  # 股份有限公司 is another company
    lead = reasons(m, "leader", "P-1")
    assert lead[0] == f"专家单位与申报单位“广西某某信息科技有限公司”相同（统一社会信用代码 {APPLICANT_CODE}）"
    assert lead[1] == "专家为本项目项目负责人（姓名“张三”、单位“广西某某信息科技有限公司”一致）"
    [same] = reasons(m, "namesake", "P-1")
    assert "同名" in same and "广西大学" in same and "南宁师范大学" in same and "请核实" in same
    assert "未注明其单位" in reasons(m, "no-unit", "P-2")[0]
    assert reasons(m, "decl-unit", "P-1") == ["专家声明回避单位“广西大学”，为本项目合作单位"]
    assert reasons(m, "decl-person", "P-2") == ["专家声明回避人员“赵六”，为本项目项目组成员"]
    assert reasons(m, "consortium", "C-1") == [
        f"专家单位与创新联合体成员单位“联合体成员1有限公司”相同（统一社会信用代码 {unique_code(11)}）"]
    assert all(not reasons(m, "clean", a) for a in ("C-1", "P-1", "P-2"))
    # idempotent
    again = detect_conflicts(store, sid)
    assert (again.added, again.removed, again.active) == (0, 0, summary.active)


def test_conflict_reasons_is_pure():
    e = Expert(roster_key="x", name="李四", unit="广西大学", unit_credit_code=None, fields_json="[]",
               standing_conflicts_json="[]")
    assert conflict_reasons(e, manifest()) == [
        "专家单位“广西大学”与合作单位“广西大学”为同一单位（名称一致）",
        "专家为本项目项目组成员（姓名“李四”、单位“广西大学”一致）"]


def test_manual_and_dismissed_survive_redetection(env):
    store, sid = env
    namesake = add_expert(store, "namesake", "李四", "南宁师范大学")
    clean = add_expert(store, "clean", "辛", "南宁学院")
    moved = add_expert(store, "moved", "丙", "广西大学")
    detect_conflicts(store, sid)
    with pytest.raises(StoreError, match="回避原因"):
        add_conflict(store, sid, clean, "P-2", "  ")
    with pytest.raises(StoreError, match="没有申报项目"):
        add_conflict(store, sid, clean, "NOPE", "x")
    manual = add_conflict(store, sid, clean, "P-2", "曾任申报单位技术顾问")
    m = conflict_matrix(store, sid)
    [auto] = [c for c in m["conflicts"] if c["expert_id"] == namesake and c["application_id"] == "P-1"]
    with pytest.raises(StoreError, match="须填写理由"):
        dismiss_conflict(store, auto["id"], "")
    dismiss_conflict(store, auto["id"], "经核实为同名不同人")
    with pytest.raises(StoreError, match="已撤销"):
        dismiss_conflict(store, auto["id"], "again")

    with store.write() as s:  # the roster changes: 丙 leaves 广西大学
        s.get(Expert, moved).unit = "南宁学院"
    summary = detect_conflicts(store, sid)
    assert summary.removed == 1 and summary.added == 0
    m = conflict_matrix(store, sid)
    assert reasons(m, "clean", "P-2") == ["曾任申报单位技术顾问"]
    assert [c["id"] for c in m["conflicts"] if c["expert_id"] == clean] == [manual]
    assert not reasons(m, "namesake", "P-1") and not reasons(m, "moved", "P-1")
    [d] = m["dismissed"]  # (namesake's C-1 conflict, from the same default member list, stays active)
    assert (d["id"], d["dismiss_reason"], d["source"]) == (auto["id"], "经核实为同名不同人", "auto")
    with store.read() as s:
        ev = s.scalar(select(AuditEvent).where(AuditEvent.action == "conflict.dismiss"))
        assert ev.details["reason"] == "经核实为同名不同人" and ev.session_id == sid

    reinstate_conflict(store, auto["id"])
    assert reasons(conflict_matrix(store, sid), "namesake", "P-1") == [auto["reason"]]


def test_matrix_rows_are_panel_members(env):
    store, sid = env
    a = add_expert(store, "a", "甲", "南宁学院")
    add_expert(store, "b", "乙", "广西大学")
    pid = create_panel(store, sid, "第一组", items=[15])
    add_members(store, pid, [a])
    m = conflict_matrix(store, sid)
    assert [(e["roster_key"], e["panels"]) for e in m["experts"]] == [("a", ["第一组"])]
    assert len(conflict_matrix(store, sid, all_experts=True)["experts"]) == 2
    json.dumps(m)  # plain data


def test_conflicts_cli(capsys, tmp_path):
    st = tmp_path / "s"
    run(capsys, "--store", st, "session", "create", "CLI 回避")
    from .helpers import write_package
    (tmp_path / "pk").mkdir()
    code, out, _ = run(capsys, "--store", st, "session", "import", *[write_package(tmp_path / "pk", m) for m in APPS])
    assert code == 0, out
    write_rows(tmp_path / "r.xlsx", [["ZJ-1", "李四", "广西大学", "", "", "", "", "", "", ""],
                                     ["ZJ-2", "辛", "南宁学院", "", "", "", "", "", "", ""]])
    run(capsys, "--store", st, "roster", "import", tmp_path / "r.xlsx")
    code, out, _ = run(capsys, "--store", st, "session", "conflicts")
    assert code == 0 and "ZJ-1 李四（广西大学）：回避 P-1" in out and "ZJ-2 辛（南宁学院）：无回避" in out
    assert "[回避 #" in out and "为同一单位" in out
    code, out, _ = run(capsys, "--store", st, "session", "conflict", "add", "--expert", "辛", "--app", "P-2",
                       "--reason", "亲属关系")
    assert code == 0 and "已登记回避" in out
    code, out, _ = run(capsys, "--store", st, "session", "conflicts", "--json")
    data = json.loads(out)
    manual = next(c for c in data["conflicts"] if c["source"] == "manual")
    code, out, _ = run(capsys, "--store", st, "session", "conflict", "dismiss", manual["id"], "--reason", "误登记")
    assert code == 0 and "已撤销回避" in out
    code, out, _ = run(capsys, "--store", st, "session", "conflicts")
    assert "[已撤销 #" in out and "误登记" in out
    code, _out, err = run(capsys, "--store", st, "session", "conflict", "dismiss", "999", "--reason", "x")
    assert code == 2 and "没有回避记录 999" in err


def test_finalised_session_is_read_only(env, capsys):
    store, sid = env
    e = add_expert(store, "a", "甲", "广西大学")
    detect_conflicts(store, sid)
    with store.write() as s:
        from nn_review.store.models import ReviewSession
        s.get(ReviewSession, sid).state = "finalised"
    with pytest.raises(StoreError, match="已定稿"):
        detect_conflicts(store, sid)
    with pytest.raises(StoreError, match="已定稿"):
        add_conflict(store, sid, e, "P-1", "x")
    assert reasons(conflict_matrix(store, sid), "a", "P-1")  # still readable
    code, out, _ = run(capsys, "--store", store.root, "session", "conflicts")
    assert code == 0 and "已定稿" in out and "a 甲（广西大学）：回避" in out
