"""Formal-check decisions (形式审查结论) and the 核对清单: CLI verbs, audit, and their effect on
panels, assignment and bundles — against real packages in a real store."""

import json

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.exchange import ExchangeError
from nn_review.exchange import bundles as bundles_mod
from nn_review.exchange.bundles import export_panel_bundles, make_bundle
from nn_review.formats.bundle import open_bundle
from nn_review.roster.panels import (add_members, assign, create_panel, expert_assignments, get_panel, set_panel_applications,
                                     validate_panel)
from nn_review.services import formal
from nn_review.services.sessions import create_session
from nn_review.store import StoreError
from nn_review.store import models as M

from .exchange_fixtures import build_world, no_real_keyring, table_counts  # noqa: F401
from .helpers import manifest, unique_code, write_package
from .test_roster import add_expert, import_apps, new_store


def passing(app_id, n):  # passes the machine checks; I15.R3 is a 核对清单 item
    return manifest(application_id=app_id, applicant=dict(manifest()["applicant"], credit_code=unique_code(n),
                                                           name=f"申报企业{n}有限公司"), partners=[], members=[],
                    leader={"name": f"负责人{n}"}, title=f"东盟小语种智能翻译关键技术研究（{n}）")


def failing(app_id, n):  # item 1: new revenue 100 < the guide's threshold → 不通过
    return dict(passing(app_id, n), guide_item=1, direction=1,
                indicators={"invention_patent_applications": 4, "new_revenue": 100})


@pytest.fixture
def env(tmp_path):
    store = new_store(tmp_path)
    sid = create_session(store, "形式审查批次")
    import_apps(store, sid, tmp_path / "pk", [passing("P-1", 1), passing("P-2", 2), failing("F-1", 3),
                                               failing("F-2", 4)])
    yield store, sid
    store.close()


def cli(capsys, store, *argv):
    code = main(["--store", str(store.root), *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def audit(store, action):
    with store.read() as s:
        return [e.details for e in s.scalars(select(M.AuditEvent).where(M.AuditEvent.action == action)
                                             .order_by(M.AuditEvent.id))]


def app_row(store, app_id):
    with store.read() as s:
        return s.scalar(select(M.Application).where(M.Application.application_id == app_id))


# -- decisions -----------------------------------------------------------------------------

def test_decide_requires_reason_where_it_differs_and_is_audited(env, capsys):
    store, _ = env
    before = table_counts(store)
    code, _, err = cli(capsys, store, "session", "decide", "F-1", "--accept")
    assert code == 2 and "F-1" in err and "不通过" in err and "须填写理由" in err
    code, _, err = cli(capsys, store, "session", "decide", "P-1", "--exclude")
    assert code == 2 and "不予受理须填写理由" in err
    code, _, err = cli(capsys, store, "session", "decide", "P-1", "--clear", "--reason", "x")
    assert code == 2 and "尚无形式审查结论" in err
    assert table_counts(store) == before and app_row(store, "F-1").formal_decision == ""

    code, out, _ = cli(capsys, store, "session", "decide", "P-1", "--accept")  # as the machine said: no reason
    assert code == 0 and "通过 → 通过" in out
    code, out, _ = cli(capsys, store, "session", "decide", "F-1", "--accept", "--reason", "已核实：营业收入为笔误，见补正材料")
    assert code == 0 and "不通过 → 通过（已核实）" in out
    code, out, _ = cli(capsys, store, "session", "decide", "F-2", "--exclude", "--reason", "新增营业收入不足指南要求")
    assert code == 0 and "不通过 → 不予受理" in out
    a = app_row(store, "F-2")
    assert (a.formal_decision, a.formal_reason, a.formal_actor) == ("excluded", "新增营业收入不足指南要求",
                                                                    "test-secretary")
    assert a.formal_decided_at is not None

    code, _, err = cli(capsys, store, "session", "decide", "F-2", "--clear")
    assert code == 2 and "撤销" in err and "须填写理由" in err
    code, out, _ = cli(capsys, store, "session", "decide", "F-2", "--clear", "--reason", "误登记，重新核实")
    assert code == 0 and "不通过 → 未确认" in out
    assert app_row(store, "F-2").formal_decision == "" and app_row(store, "F-2").formal_reason == ""

    events = audit(store, "formal.decide")
    assert [(e["application_id"], e["old"]["decision"], e["new"]["decision"]) for e in events] == [
        ("P-1", "", "accepted"), ("F-1", "", "accepted"), ("F-2", "", "excluded")]
    assert events[1]["verdict"] == "fail" and events[1]["new"]["reason"].startswith("已核实")
    [w] = audit(store, "formal.withdraw")
    assert w["old"]["decision"] == "excluded" and w["old"]["reason"] == "新增营业收入不足指南要求"
    assert w["new"] == {"decision": "", "reason": "误登记，重新核实"}


def test_manual_check_tick_with_note_and_listing(env, capsys):
    store, _ = env
    code, _, err = cli(capsys, store, "session", "manual-check", "P-1", "I99.R9", "--tick")
    assert code == 2 and "I15.R3" in err  # names the 核对清单 of this package
    code, out, _ = cli(capsys, store, "session", "manual-check", "P-1", "I15.R3", "--tick", "--note", "产学研合作协议已核对")
    assert code == 0 and "已核对" in out and "产学研合作协议已核对" in out
    code, out, _ = cli(capsys, store, "session", "manual-check", "P-1", "I15.R3", "--untick")
    assert code == 0 and "未核对" in out and "产学研合作协议已核对" in out  # the note stays
    cli(capsys, store, "session", "manual-check", "P-1", "I15.R3", "--tick")
    cli(capsys, store, "session", "decide", "F-1", "--exclude", "--reason", "新增营业收入不足")
    events = audit(store, "formal.manual_check")
    assert [(e["old"]["ticked"], e["new"]["ticked"]) for e in events] == [(False, True), (True, False), (False, True)]
    assert events[0]["new"]["note"] == "产学研合作协议已核对" and events[0]["rule_id"] == "I15.R3"

    code, out, _ = cli(capsys, store, "session", "decisions")
    assert code == 0
    lines = {ln.split()[0]: ln for ln in out.splitlines() if ln[:2] in ("P-", "F-")}
    assert "通过 → 未确认" in lines["P-1"] and "核对清单 1/1" in lines["P-1"]
    assert "不通过 → 不予受理" in lines["F-1"] and "理由：新增营业收入不足" in lines["F-1"]
    assert "不通过 → 未确认" in lines["F-2"]
    code, out, _ = cli(capsys, store, "session", "decisions", "--json")
    rep = json.loads(out)
    assert rep["format"] == "nn-review/formal-decisions/1"
    by = {p["application_id"]: p for p in rep["packages"]}
    assert by["P-1"]["verdict"] == "pass" and by["P-1"]["decision"] is None
    assert by["P-1"]["manual_checks"]["done"] == 1 and by["P-1"]["manual_checks"]["total"] == 1
    assert by["P-1"]["manual_checks"]["items"][0]["note"] == "产学研合作协议已核对"
    assert by["F-1"]["decision"] == "excluded" and by["F-1"]["reason"] == "新增营业收入不足"
    assert rep["summary"] == {"total": 4, "accepted": 0, "excluded": 1, "undecided": 3, "needs_decision": 1}


def test_checks_report_carries_the_decision_and_keeps_its_format(env, capsys):
    store, _ = env
    cli(capsys, store, "session", "decide", "F-1", "--exclude", "--reason", "新增营业收入不足")
    code, out, _ = cli(capsys, store, "session", "checks", "--json")
    rep = json.loads(out)
    assert code == 1 and rep["format"] == "nn-review/check-report/1"
    by = {p["application_id"]: p for p in rep["packages"]}
    assert by["F-1"]["verdict"] == "fail" and by["F-1"]["findings"]  # the documented fields are all still there
    assert by["F-1"]["decision"]["decision"] == "excluded" and by["F-1"]["decision"]["label"] == "不通过 → 不予受理"
    assert by["F-1"]["decision"]["reason"] == "新增营业收入不足"
    assert by["P-1"]["decision"]["decision"] is None and by["P-1"]["decision"]["manual_checks"]["total"] == 1
    code, out, _ = cli(capsys, store, "session", "checks")
    assert "形式审查结论：不通过 → 不予受理（理由：新增营业收入不足）" in out


def test_finalised_session_refuses_decisions_and_ticks(env, capsys):
    store, sid = env
    with store.write() as s:
        s.get(M.ReviewSession, sid).state = "finalised"
    before = table_counts(store)
    code, _, err = cli(capsys, store, "session", "decide", "F-1", "--exclude", "--reason", "x")
    assert code == 2 and "已定稿" in err
    code, _, err = cli(capsys, store, "session", "manual-check", "P-1", "I15.R3", "--tick")
    assert code == 2 and "已定稿" in err
    assert table_counts(store) == before and app_row(store, "F-1").formal_decision == ""
    code, out, _ = cli(capsys, store, "session", "decisions")  # reading stays possible
    assert code == 0 and "F-1" in out
    code, out, err = cli(capsys, store, "session", "checks", "--json")  # read-only: not refused (issue 13 §4)
    assert code == 1 and json.loads(out)["packages"][0]["decision"], err


def test_decision_unchanged_is_refused_but_reason_can_be_amended(env):
    store, sid = env
    formal.decide(store, sid, "F-1", "excluded", "理由一")
    with pytest.raises(StoreError, match="未作修改"):
        formal.decide(store, sid, "F-1", "excluded", "理由一")
    st = formal.decide(store, sid, "F-1", "excluded", "理由二（补充）")
    assert st.reason == "理由二（补充）" and len(audit(store, "formal.decide")) == 2
    with pytest.raises(StoreError, match="没有申报编号"):
        formal.decide(store, sid, "NOPE", "accepted")


# -- panels and assignment --------------------------------------------------------------------

def test_excluded_package_cannot_enter_a_panel(env, capsys):
    store, sid = env
    formal.decide(store, sid, "F-1", "excluded", "新增营业收入不足")
    before = table_counts(store)
    code, _, err = cli(capsys, store, "session", "panel", "create", "一组", "--apps", "P-1", "F-1")
    assert code == 2 and "F-1" in err and "不予受理" in err and "新增营业收入不足" in err
    assert table_counts(store) == before
    # By guide item: the excluded one is left out with a note, the undecided failing one let in with a warning.
    code, out, _ = cli(capsys, store, "session", "panel", "create", "一组", "--items", "1")
    assert code == 0
    assert [a.application_id for a in get_panel(store, 1).applications] == ["F-2"]
    assert "F-1" in out and "已跳过" in out
    assert "F-2" in out and "尚未确认形式审查结论" in out
    pid = create_panel(store, sid, "二组", items=[15])
    with pytest.raises(StoreError, match="F-1.*不予受理"):
        set_panel_applications(store, pid, application_ids=["P-1", "F-1"])


def test_excluded_after_joining_keeps_membership_but_is_not_assigned(env):
    store, sid = env
    pid = create_panel(store, sid, "组", application_ids=["P-1", "P-2", "F-1"])
    experts = [add_expert(store, f"E{i}", f"专家{i}", f"南宁学院{i}") for i in range(3)]
    from nn_review.roster.panels import add_members
    add_members(store, pid, experts)
    res = assign(store, pid)
    assert sorted(res.assignments) == ["F-1", "P-1", "P-2"]
    assert any("F-1" in w and "尚未确认" in w for w in res.warnings)
    formal.decide(store, sid, "F-1", "excluded", "新增营业收入不足")  # already handed out: allowed
    assert [a.application_id for a in get_panel(store, pid).applications] == ["F-1", "P-1", "P-2"]
    assert "F-1" not in expert_assignments(store, sid, experts[0])
    assert any("F-1" in w and "不予受理" in w for w in validate_panel(store, pid).formal)
    # the same members re-edit the panel by id: F-1 stays (already a member), no refusal
    assert set_panel_applications(store, pid, application_ids=["P-1", "P-2", "F-1"]) == ["F-1", "P-1", "P-2"]
    res = assign(store, pid)
    assert sorted(res.assignments) == ["P-1", "P-2"]
    assert any("F-1" in w and "不予受理" in w for w in res.warnings)


# -- bundles -----------------------------------------------------------------------------------

def test_bundle_skips_excluded_and_refuses_when_nothing_else(tmp_path):
    world = build_world(tmp_path)
    a1, a2, a3 = world.app_ids
    formal.decide(world.store, world.sid, a2, "excluded", "申报材料不全")
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out", secretary_key=world.secretary)
    assert info.application_ids == (a1, a3)
    assert any(a2 in n and "不予受理" in n and "申报材料不全" in n for n in info.notes)
    with open_bundle(info.path, info.password) as ob:
        assert [a["application_id"] for a in ob.applications] == [a1, a3]
    formal.decide(world.store, world.sid, a1, "excluded", "申报材料不全")
    formal.decide(world.store, world.sid, a3, "excluded", "申报材料不全")
    before = table_counts(world.store)
    with pytest.raises(ExchangeError, match=f"{a1}.*不予受理") as e:
        make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out2", secretary_key=world.secretary)
    assert e.value.code == "bundle.all_excluded"
    with pytest.raises(ExchangeError, match="不予受理"):
        export_panel_bundles(world.store, world.panel_id, tmp_path / "out3", secretary_key=world.secretary)
    assert table_counts(world.store) == before and not list((tmp_path / "out2").glob("*"))


def test_exclusion_recorded_while_the_bundle_is_written_is_caught_in_the_write_transaction(tmp_path, monkeypatch):
    world = build_world(tmp_path)
    a1 = world.app_ids[0]
    real_write = bundles_mod._write

    def write_then_exclude(plan, *a, **kw):  # the secretary excludes a1 in another window meanwhile
        built = real_write(plan, *a, **kw)
        formal.decide(world.store, world.sid, a1, "excluded", "重复申报")
        return built

    monkeypatch.setattr(bundles_mod, "_write", write_then_exclude)
    with pytest.raises(ExchangeError, match=f"申报 {a1}.*不予受理.*制作期间") as e:
        make_bundle(world.store, world.sid, world.experts["赵明"], tmp_path / "out", secretary_key=world.secretary)
    assert e.value.code == "bundle.excluded"
    assert not list((tmp_path / "out").glob("*"))
    with world.store.read() as s:
        assert s.scalar(select(M.Bundle)) is None


def test_cli_bundles_says_which_packages_were_left_out_or_undecided(tmp_path, capsys):
    world = build_world(tmp_path)
    a1, a2, _ = world.app_ids
    formal.decide(world.store, world.sid, a1, "excluded", "申报材料不全")
    with world.store.write() as s:  # a2 did not pass the machine checks and nobody decided yet
        s.get(M.Application, world.apps[a2]).check_status = "attention"
    world.store.close()
    code = main(["--store", str(world.store.root), "session", "bundles", "--panel", "信息技术组",
                 "--out", str(tmp_path / "out"), "--letters", str(tmp_path / "letters")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"申报 {a1}" in err and "不予受理" in err and "已跳过" in err
    assert f"申报 {a2} 形式审查为“待核实”" in err
    assert err.count(f"申报 {a1}") == 1  # once, not once per expert
    assert "2 项" in out


def test_acceptance_goes_back_to_undecided_when_the_machine_verdict_changes(env, tmp_path):
    store, sid = env
    formal.decide(store, sid, "P-1", "accepted")
    formal.decide(store, sid, "F-1", "excluded", "新增营业收入不足")
    # A package imported later carries the same title as P-1: the cross check now fails P-1.
    twin = dict(passing("P-9", 9), title=passing("P-1", 1)["title"])
    import_apps(store, sid, tmp_path / "pk2", [twin])
    a = app_row(store, "P-1")
    assert a.check_status == "fail" and a.formal_decision == ""
    assert app_row(store, "F-1").formal_decision == "excluded"  # an exclusion stands
    [ev] = audit(store, "formal.reset")
    assert ev["application_id"] == "P-1" and ev["old"]["decision"] == "accepted" and "pass" in ev["reason"]


def test_replaced_package_is_decided_afresh(env, tmp_path, capsys):
    store, sid = env
    formal.decide(store, sid, "F-1", "excluded", "新增营业收入不足")
    formal.set_manual_check(store, sid, "P-1", "I15.R3", True, "已核对")
    fixed = dict(failing("F-1", 3), indicators={"invention_patent_applications": 4, "new_revenue": 8000})
    (tmp_path / "pk3").mkdir()
    code, out, _ = cli(capsys, store, "session", "import", "--replace", write_package(tmp_path / "pk3", fixed))
    assert code == 0 and "已替换" in out
    a = app_row(store, "F-1")
    assert a.check_status == "pass" and a.formal_decision == "" and a.formal_reason == ""
    [ev] = audit(store, "formal.reset")
    assert ev["old"]["decision"] == "excluded" and "替换" in ev["reason"]
    assert formal.formal_state(store, sid, "P-1").ticks_done == 1  # other packages untouched
