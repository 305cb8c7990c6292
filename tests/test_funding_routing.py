"""Routes of guide items (issue 21, docs/funding.md "Routes"): ``route_of`` / ``funding_rule``
(panel, rule, a direction's own rule over the item's, no rule at all), and the panels refusing
rule-route applications (不需再行评审) unless the secretary confirms — through the core and the
CLI, with the store unchanged after a refusal and the confirmation audited."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from nn_review.cli import main
from nn_review.funding import routing
from nn_review.funding.errors import FundingError
from nn_review.funding.routing import NO_REVIEW_CODE, PANEL, RULE, funding_rule, no_review_groups, route_of
from nn_review.guide.funding_schema import FundingRule
from nn_review.i18n import render
from nn_review.roster.panels import create_panel, get_panel, set_panel_applications, validate_panel
from nn_review.services import guides as guides_mod
from nn_review.services.guides import builtin_guide
from nn_review.services.queries import application_detail, list_applications
from nn_review.services.sessions import create_session
from nn_review.store import StoreError
from nn_review.store import models as M

from .helpers import manifest, unique_code
from .test_roster import import_apps, new_store

R25 = FundingRule(route=RULE, text="此类项目不需再行评审。资助经费：市级大赛初创企业组一、二、三等奖项目分别一次性定额奖励6万元、4万元、2万元/项。")
R26 = FundingRule(route=RULE, text="计点积分为72分-79分的，可申请南宁市级奖励性后补助经费20万元")
R32 = FundingRule(route=PANEL, text="按照每年促成技术交易额的1%给予，单个机构每年最高补助金额不超过100万元。", cap=100)
R32_2 = FundingRule(route=RULE, text="方向2 的规则（测试用）")


def with_rules(guide, rules: dict[int, FundingRule], direction_rules: dict[tuple[int, int], FundingRule] = {}):
    """The guide with exactly these funding rules (the catalog's own removed): the tests below
    do not move when the catalog's rules are edited (dataclasses.replace)."""
    items = []
    for it in guide.items:
        dirs = tuple(replace(d, funding=direction_rules.get((it.number, d.number))) for d in it.directions)
        items.append(replace(it, directions=dirs, funding=rules.get(it.number)))
    return replace(guide, items=tuple(items))


@pytest.fixture(scope="module")
def guide():
    return with_rules(builtin_guide(), {25: R25, 26: R26, 32: R32}, {(32, 2): R32_2})


def test_the_seed_guide_routes_the_post_subsidy_items_to_the_rule():
    """The catalog's own rules (seed 004): items 24–28 need no panel (此类项目不需再行评审 …)."""
    g = builtin_guide()
    assert all(route_of(g, i, None) == RULE for i in (24, 25, 26, 27, 28))
    assert "不需再行评审" in funding_rule(g, 25, None).text
    assert route_of(g, 15, 1) == route_of(g, 14, None) == route_of(g, 31, None) == PANEL
    assert route_of(g, None, None) == PANEL  # consortium packages


# -- route_of / funding_rule -----------------------------------------------------------------

def test_route_of_panel_rule_direction_override_and_no_rule(guide):
    assert route_of(guide, 25, None) == RULE and funding_rule(guide, 25, None) is R25
    assert route_of(guide, 25, 1) == RULE               # the one direction of item 25: the item's rule
    assert route_of(guide, 26, None) == RULE
    # item 32: the item's rule is a panel rule (with a cap); its direction 2 has a rule of its own
    assert route_of(guide, 32, 1) == PANEL and funding_rule(guide, 32, 1) is R32
    assert route_of(guide, 32, 2) == RULE and funding_rule(guide, 32, 2) is R32_2
    assert funding_rule(guide, 32, None) is R32           # no direction named: the item's rule
    # no rule: panel (items without a funding block, consortium packages without an item, unknown items)
    assert funding_rule(guide, 15, 1) is None and route_of(guide, 15, 1) == PANEL
    assert route_of(guide, None, None) == PANEL and route_of(guide, 99, None) == PANEL
    # a guide without any funding rules (older editions) routes everything to a panel
    plain = with_rules(builtin_guide(), {})
    assert all(route_of(plain, it.number, d.number) == PANEL for it in plain.items for d in it.directions)


def test_no_review_groups_name_items_and_applications(guide):
    class A:
        def __init__(self, app_id, item, direction=None):
            self.application_id, self.guide_item, self.direction = app_id, item, direction

    groups = no_review_groups(guide, [A("X-3", 26), A("X-2", 25), A("X-1", 25), A("X-4", 15, 1),
                                      A("X-5", 32, 1), A("X-6", 32, 2), A("C-1", None)])
    assert [(g.item, g.direction, g.application_ids) for g in groups] == [
        (25, None, ("X-1", "X-2")), (26, None, ("X-3",)), (32, 2, ("X-6",))]
    text = render(routing.no_review_msg(groups), "zh_CN")
    assert text.startswith("项目25 创新创业大赛项目资助 不需再行评审：X-1、X-2；项目26 用人单位引才引智计点积分专项 "
                           "不需再行评审：X-3；项目32 方向2 技术转移示范机构服务能力建设 不需再行评审：X-6")
    en = render(routing.no_review_msg(groups), "en")
    assert en.startswith("Item 25 创新创业大赛项目资助 needs no panel review: X-1, X-2; Item 26")


# -- panels refuse rule-route applications ------------------------------------------------------

def app(app_id, item, n, direction=None):
    return manifest(application_id=app_id, guide_item=item, direction=direction, title=f"测试项目{n}",
                    applicant={"name": f"申报企业{n}有限公司", "credit_code": unique_code(n), "kind": "enterprise",
                               "in_nanning": True},
                    partners=[], leader={"name": f"负责人{n}"}, members=[])


@pytest.fixture
def env(tmp_path, monkeypatch, guide):
    store = new_store(tmp_path)
    sid = create_session(store, "路径测试")
    import_apps(store, sid, tmp_path / "pk", [app("P-1", 15, 1, 1), app("P-2", 15, 2, 1), app("R-1", 25, 3),
                                              app("R-2", 25, 4), app("R-3", 26, 5)])
    with store.read() as s:
        sha = s.get(M.ReviewSession, sid).guide_edition.sha256
    # The session's guide with the rules above: the store parses an edition once per hash.
    monkeypatch.setitem(guides_mod._cache, sha, replace(guide, sha256=sha))
    yield store, sid, tmp_path / "store"
    store.close()


def snapshot(store):
    """Every table's row count, the panels' applications and the audit actions."""
    with store.read() as s:
        counts = {t.name: s.scalar(select(func.count()).select_from(t)) for t in M.Base.metadata.sorted_tables}
        pa = sorted(s.execute(select(M.PanelApplication.panel_id, M.PanelApplication.application_pk)).all())
        audit = [a for (a,) in s.execute(select(M.AuditEvent.action).order_by(M.AuditEvent.id))]
    return counts, pa, audit


def audits(store, action):
    with store.read() as s:
        return [json.loads(d) for (d,) in s.execute(select(M.AuditEvent.details_json)
                                                     .where(M.AuditEvent.action == action).order_by(M.AuditEvent.id))]


def test_create_panel_refuses_rule_route_applications_and_leaves_the_store_as_it_was(env):
    store, sid, _ = env
    before = snapshot(store)
    for kw in ({"items": [15, 25]}, {"application_ids": ["P-1", "R-2"]}, {"items": [25, 26]}):
        with pytest.raises(FundingError) as e:
            create_panel(store, sid, "第一组", **kw)
        assert e.value.code == NO_REVIEW_CODE
        assert "不需再行评审" in str(e.value) and "--allow-no-review" in str(e.value)
        assert snapshot(store) == before
    # the message names each item with its title and its applications
    assert str(e.value).startswith("项目25 创新创业大赛项目资助 不需再行评审：R-1、R-2；"
                                   "项目26 用人单位引才引智计点积分专项 不需再行评审：R-3")
    assert e.value.applications == ["R-1", "R-2", "R-3"]
    assert "R-1" in render(e.value.msg, "en") and "--allow-no-review" not in render(e.value.msg, "en")
    # panel-route applications alone: created as before, no confirmation audited
    pid = create_panel(store, sid, "第一组", items=[15])
    assert [a.application_id for a in get_panel(store, pid).applications] == ["P-1", "P-2"]
    assert audits(store, "panel.allow_no_review") == []
    assert not [m for m in validate_panel(store, pid).msgs if m.key == "routing.in_panel"]


def test_allow_no_review_lets_them_in_audited_and_the_panel_says_so(env):
    store, sid, _ = env
    pid = create_panel(store, sid, "第二组", application_ids=["P-1", "R-1"], allow_no_review=True)
    assert [a.application_id for a in get_panel(store, pid).applications] == ["P-1", "R-1"]
    [audit] = audits(store, "panel.allow_no_review")
    assert audit["panel"] == "第二组" and audit["applications"] == ["R-1"]
    assert audit["items"] == ["项目25 创新创业大赛项目资助"]
    check = validate_panel(store, pid)
    assert any("R-1" in f and "不需再行评审" in f for f in check.formal)
    assert not check.errors or all("不需再行评审" not in e for e in check.errors)


def test_set_panel_applications_refuses_new_rule_route_ones_but_keeps_confirmed_members(env):
    store, sid, _ = env
    pid = create_panel(store, sid, "第三组", application_ids=["P-1", "R-1"], allow_no_review=True)
    before = snapshot(store)
    with pytest.raises(FundingError) as e:
        set_panel_applications(store, pid, application_ids=["P-1", "R-1", "R-3"])
    assert e.value.code == NO_REVIEW_CODE and e.value.applications == ["R-3"]  # R-1 was confirmed already
    assert snapshot(store) == before
    # R-1 stays without asking again; R-3 joins once confirmed
    assert set_panel_applications(store, pid, application_ids=["P-1", "P-2", "R-1"]) == ["P-1", "P-2", "R-1"]
    assert len(audits(store, "panel.allow_no_review")) == 1
    set_panel_applications(store, pid, items=[26], application_ids=["R-1"], allow_no_review=True)
    assert [a.application_id for a in get_panel(store, pid).applications] == ["R-1", "R-3"]
    assert audits(store, "panel.allow_no_review")[-1]["applications"] == ["R-3"]


def test_cli_panel_create_refuses_then_allow_no_review(env, capsys):
    store, sid, path = env
    before = snapshot(store)
    code = main(["--store", str(path), "session", "panel", "create", "第四组", "--session", str(sid),
                 "--items", "15", "25"])
    out, err = capsys.readouterr()
    assert code == 2 and "项目25 创新创业大赛项目资助 不需再行评审：R-1、R-2" in err and "--allow-no-review" in err
    assert snapshot(store) == before
    code = main(["--store", str(path), "session", "panel", "create", "第四组", "--session", str(sid),
                 "--items", "15", "25", "--allow-no-review"])
    out, err = capsys.readouterr()
    assert code == 0 and "P-1、P-2、R-1、R-2" in out
    assert "不需再行评审：R-1、R-2" in out  # what was let in, said again
    assert audits(store, "panel.allow_no_review")[-1]["applications"] == ["R-1", "R-2"]


# -- the route in the table rows and the detail ----------------------------------------------------

def test_rows_and_detail_carry_the_route(env):
    store, sid, _ = env
    rows = {r.application_id: r.route for r in list_applications(store, sid)}
    assert rows == {"P-1": PANEL, "P-2": PANEL, "R-1": RULE, "R-2": RULE, "R-3": RULE}
    d = routing.route_detail(store, sid, "R-1")
    assert d.route == RULE and d.text == R25.text and render(d.rule_of, "zh_CN") == "项目25 创新创业大赛项目资助"
    # no amount expression: the requested amount, with its formula (amounts.compute)
    assert d.computed.status == "ok" and d.computed.amount == Decimal("100.00") and d.cap is None
    d = routing.route_detail(store, sid, "P-1")
    assert d.route == PANEL and d.rule_of is None and d.computed is None
    assert application_detail(store, sid, "R-3").route.route == RULE
    with pytest.raises(StoreError):
        routing.route_detail(store, sid, "NO-SUCH")


def test_detail_of_the_seed_guide_computes_the_amount_and_resolves_the_cap(tmp_path):
    """With the catalog's real rules: item 28 (保费补贴, cap 25) computed from the declared premiums."""
    store = new_store(tmp_path)
    sid = create_session(store, "保费补贴")
    m = app("B-1", 28, 9)
    m["budget"]["requested"] = 30.0
    m["indicators"] = {"premium_tier1": 20, "premium_tier2": 10, "premium_tier3": 10}
    import_apps(store, sid, tmp_path / "pk", [m])
    d = routing.route_detail(store, sid, "B-1")
    assert d.route == RULE and d.cap == Decimal("25") and "保费" in d.text
    assert d.computed.status == "ok" and d.computed.amount == Decimal("23.00")
    assert "23.00" in render(d.computed.formula, "zh_CN")
    store.close()


def test_detail_cap_awaits_the_template_figure_of_the_directions_rule(tmp_path):
    """Item 23 方向1 (seed guide): the ceiling is a figure from the notice, keyed by the direction
    whose rule it is (as the plan reads it); missing → its label, entered → the amount."""
    store = new_store(tmp_path)
    sid = create_session(store, "研发奖补")
    import_apps(store, sid, tmp_path / "pk", [app("Y-1", 23, 11, 1)])
    d = routing.route_detail(store, sid, "Y-1")
    assert d.route == RULE and render(d.rule_of, "zh_CN").startswith("项目23 方向1 ")
    assert d.cap is None and d.cap_param == "单个企业奖补上限"
    with store.write() as s:  # the figure as entered (funding edits are another module's)
        s.add(M.FundingParam(session_id=sid, guide_item=23, direction=0, param="cap", value=Decimal("99")))
        s.add(M.FundingParam(session_id=sid, guide_item=23, direction=1, param="cap", value=Decimal("50")))
    d = routing.route_detail(store, sid, "Y-1")
    assert d.cap == Decimal("50") and d.cap_param == ""
    store.close()
