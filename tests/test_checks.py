"""The rule engine (every rule kind and outcome), package checks, and cross-package checks."""

import copy
import math

import pytest

from nn_review.checks.cross import cross_findings, normalise_title
from nn_review.checks.engine import FAIL, MANUAL, NOT_DECLARED, PASS, evaluate, verdict
from nn_review.checks.facts import extract_facts
from nn_review.checks.package_checks import check_package
from nn_review.guide import parse_guide

GUIDE = {
    "format": "nn-guide/1", "edition": "test-ed", "version": "1", "title": "测试指南",
    "plan_types": [{"id": "major_special", "name": "科技重大专项", "items": [1, 2],
                    "requirements": [{"id": "P.R1", "text": "实施期限不超过3年",
                                      "rule": {"fact": "period.months", "op": "<=", "value": 36}}]}],
    "items": [
        {"number": 1, "plan_type": "major_special", "title": "单方向项目",
         "directions": [{"number": 1, "title": "方向", "text": "…"}],
         "requirements": [
             {"id": "I01.R1", "text": "申请发明专利3件以上，或授权6件以上，或龙头企业平台",
              "rule": {"any_of": [
                  {"fact": "indicators.invention_patent_applications", "op": ">=", "value": 3},
                  {"fact": "indicators.ip_grants", "op": ">=", "value": 6},
                  {"manual": "以龙头企业为主体培育平台"}]}},
             {"id": "I01.R2", "text": "新增销售收入5000万元以上",
              "rule": {"fact": "indicators.new_revenue", "op": ">=", "value": 5000}},
             {"id": "I01.R3", "text": "须有产学研合作", "rule": None}]},
        {"number": 2, "plan_type": "major_special", "title": "多方向项目",
         "directions": [{"number": 1, "title": "甲", "text": "…"}, {"number": 2, "title": "乙", "text": "…"}],
         "requirements": [
             {"id": "I02.R1", "text": "方向2：自筹不低于申请资助的2倍", "directions": [2],
              "rule": {"all_of": [{"fact": "budget.self_funded_ratio", "op": ">=", "value": 2},
                                  {"fact": "budget.requested", "op": "<=", "value": 200}]}},
             {"id": "I02.R2", "text": "平台须为自治区级以上",
              "rule": {"fact": "indicators.platform_level", "op": "in", "value": ["national", "autonomous_region"]}}]}],
    "consortium": {"requirements": [
        {"id": "C.R1", "text": "成员单位不少于6家", "rule": {"fact": "consortium.member_count", "op": ">=", "value": 6}},
        {"id": "C.R2", "text": "研发投入1800万元以上或3%以上", "rule": {"any_of": [
            {"fact": "consortium.leader_rd_spend_3y_avg", "op": ">=", "value": 1800},
            {"fact": "consortium.leader_rd_ratio_3y", "op": ">=", "value": 0.03}]}}]},
}
guide = parse_guide(GUIDE)


def manifest(**over):
    m = {"format": "nnpkg/1", "kind": "project", "application_id": "A-1", "guide_edition": "test-ed",
         "guide_item": 1, "direction": None, "title": "某项目",
         "applicant": {"name": "广西某某科技有限公司", "credit_code": "91450100MA5K3B7Q1M", "kind": "enterprise",
                       "in_nanning": True},
         "partners": [], "members": [], "period": {"start": "2025-07-01", "end": "2027-06-30"},
         "budget": {"requested": 100.0, "self_funded": 250.0},
         "indicators": {"invention_patent_applications": 3, "new_revenue": 6000}}
    m.update(over)
    return m


def by_id(findings):
    return {f.rule_id: f for f in findings}


# -- evaluate: each leaf kind and combinator ----------------------------------------------

@pytest.mark.parametrize("op,value,actual,expected", [
    (">=", 3, 3, PASS), (">=", 3, 2, FAIL), (">", 3, 3, FAIL), ("<=", 200, 200, PASS), ("<=", 200, 200.01, FAIL),
    ("<", 1, 0, PASS), ("==", True, True, PASS), ("==", True, False, FAIL), ("!=", "x", "y", PASS),
    ("in", ["national"], "national", PASS), ("in", ["national"], "municipal", FAIL),
    (">=", 3, "三", FAIL), (">=", 1, True, FAIL)])
def test_fact_leaf(op, value, actual, expected):
    out = evaluate({"fact": "indicators.standards", "op": op, "value": value}, {"indicators.standards": actual})
    assert out.status == expected
    assert out.threshold and out.declared


def test_missing_fact_is_not_declared_not_fail():
    out = evaluate({"fact": "indicators.standards", "op": ">=", "value": 1}, {})
    assert out.status == NOT_DECLARED
    assert "未申报" in out.declared[0]


@pytest.mark.parametrize("facts,expected", [
    ({"indicators.invention_patent_applications": 3}, PASS),
    ({"indicators.invention_patent_applications": 1, "indicators.ip_grants": 6}, PASS),
    ({"indicators.invention_patent_applications": 1, "indicators.ip_grants": 2}, MANUAL),
    ({}, MANUAL)])
def test_any_of_with_manual_branch(facts, expected):
    assert evaluate(guide.item(1).requirements[0].rule, facts).status == expected


def test_any_of_without_manual_branch():
    rule = guide.consortium_requirements[1].rule
    assert evaluate(rule, {"consortium.leader_rd_spend_3y_avg": 100, "consortium.leader_rd_ratio_3y": 0.04}).status == PASS
    assert evaluate(rule, {"consortium.leader_rd_spend_3y_avg": 100, "consortium.leader_rd_ratio_3y": 0.01}).status == FAIL
    assert evaluate(rule, {"consortium.leader_rd_spend_3y_avg": 100}).status == NOT_DECLARED


@pytest.mark.parametrize("requested,own,expected", [(100, 200, PASS), (100, 199, FAIL), (250, 600, FAIL),
                                                     (0, 10, PASS)])
def test_all_of_ratio_and_cap(requested, own, expected):
    facts = extract_facts(manifest(budget={"requested": requested, "self_funded": own}))
    assert evaluate(guide.item(2).requirements[0].rule, facts).status == expected


def test_all_of_fail_beats_not_declared():
    rule = {"all_of": [{"fact": "indicators.standards", "op": ">=", "value": 1},
                       {"fact": "indicators.events", "op": ">=", "value": 2}]}
    assert evaluate(rule, {"indicators.events": 1}).status == FAIL
    assert evaluate(rule, {"indicators.events": 2}).status == NOT_DECLARED


def test_facts_derived_from_manifest():
    f = extract_facts(manifest(partners=[{"kind": "university"}, {"kind": "enterprise"}, {"kind": "institute"}],
                               indicators={"platform_level": "autonomous_region"}))
    assert f["budget.self_funded_ratio"] == 2.5 and f["budget.total"] == 350
    assert f["period.months"] == 24
    assert (f["partners.count"], f["partners.enterprises"], f["partners.universities_institutes"]) == (3, 1, 2)
    assert f["indicators.platform_rank"] == 2
    assert math.isinf(extract_facts(manifest(budget={"requested": 0, "self_funded": 5}))["budget.self_funded_ratio"])


# -- whole-package checks ------------------------------------------------------------------

def test_passing_package():
    found = check_package(guide, manifest())
    f = by_id(found)
    assert f["I01.R1"].status == PASS and f["I01.R2"].status == PASS and f["P.R1"].status == PASS
    assert f["I01.R3"].status == MANUAL and f["I01.R3"].severity == "info"  # checklist item
    assert verdict(found) == "pass"


def test_failing_package_reports_declared_and_threshold():
    found = check_package(guide, manifest(indicators={"invention_patent_applications": 3, "new_revenue": 4000}))
    r2 = by_id(found)["I01.R2"]
    assert r2.status == FAIL and r2.severity == "error"
    assert "4000" in r2.declared and "5000" in r2.threshold and r2.source_text == "新增销售收入5000万元以上"
    assert verdict(found) == "fail"


def test_not_declared_needs_attention():
    found = check_package(guide, manifest(indicators={"invention_patent_applications": 3}))
    assert by_id(found)["I01.R2"].status == NOT_DECLARED
    assert verdict(found) == "attention"


def test_direction_required_when_item_has_several():
    found = by_id(check_package(guide, manifest(guide_item=2, direction=None)))
    assert found["K.DIRECTION"].status == FAIL
    assert "I02.R1" not in found  # direction-specific rule can't be chosen
    found = by_id(check_package(guide, manifest(guide_item=2, direction=3)))
    assert found["K.DIRECTION"].status == FAIL and "没有方向3" in found["K.DIRECTION"].message
    found = by_id(check_package(guide, manifest(guide_item=2, direction=2,
                                                budget={"requested": 100, "self_funded": 50})))
    assert found["K.DIRECTION"].status == PASS and found["I02.R1"].status == FAIL
    found = by_id(check_package(guide, manifest(guide_item=2, direction=1)))
    assert "I02.R1" not in found and found["I02.R2"].status == NOT_DECLARED


def test_unknown_item_and_wrong_edition():
    found = by_id(check_package(guide, manifest(guide_item=39, guide_edition="other")))
    assert found["K.ITEM"].status == FAIL and "没有项目39" in found["K.ITEM"].message
    assert found["K.EDITION"].status == FAIL


def test_period_over_before_review_and_zero_request():
    from datetime import date
    found = by_id(check_package(guide, manifest(period={"start": "2020-01-01", "end": "2020-12-31"},
                                                budget={"requested": 0, "self_funded": 0}),
                                review_start=date(2025, 9, 1)))
    assert found["K.PERIOD"].status == FAIL and found["K.PERIOD"].severity == "warning"
    assert found["K.BUDGET"].status == FAIL


def consortium(app_id, leader_code, member_codes, **over):
    members = [{"name": f"单位{c[-4:]}", "credit_code": c, "kind": "enterprise" if i % 2 else "university",
                "in_nanning": True, "layer": "leader" if c == leader_code else "core"}
               for i, c in enumerate(member_codes)]
    c = {"leader_revenue_last_year": 68000.0, "leader_rd_staff": 35, "leader_rd_spend_3y_avg": 2100.0,
         "leader_rd_ratio_3y": 0.031, "leader_platforms": [], "members": members, "agreement_signed": True}
    c.update(over)
    return manifest(kind="consortium_recognition", application_id=app_id, guide_item=None, title=f"联合体{app_id}",
                    applicant={"name": "牵头", "credit_code": leader_code, "kind": "enterprise", "in_nanning": True},
                    consortium=c)


def test_consortium_conditions():
    codes = [f"CODE{i:014d}" for i in range(6)]
    f = by_id(check_package(guide, consortium("C-1", codes[0], codes)))
    assert f["C.R1"].status == PASS and f["C.R2"].status == PASS
    f = by_id(check_package(guide, consortium("C-1", codes[0], codes[:5], leader_rd_spend_3y_avg=1000,
                                              leader_rd_ratio_3y=0.02)))
    assert f["C.R1"].status == FAIL and f["C.R2"].status == FAIL


# -- cross-package -----------------------------------------------------------------------------

def test_normalised_title_duplicates():
    assert normalise_title("面向东盟的 智能翻译（系统）") == normalise_title("面向东盟的智能翻译(系统)")
    pkgs = [(1, manifest(application_id="A-1", title="智能 翻译系统")),
            (2, manifest(application_id="A-2", title="智能翻译系统。", applicant={
                "name": "另一家", "credit_code": "91350100M000100Y43", "kind": "enterprise", "in_nanning": True})),
            (3, manifest(application_id="A-3", title="别的项目", applicant={
                "name": "第三家", "credit_code": "91110000802100433B", "kind": "enterprise", "in_nanning": True}))]
    out = cross_findings(pkgs)
    assert by_id(out[1])["X.DUP_TITLE"].status == FAIL and "A-2" in by_id(out[1])["X.DUP_TITLE"].message
    assert by_id(out[3])["X.DUP_TITLE"].status == PASS
    # A-1 and A-2: different applicants -> no same-applicant finding.
    assert "X.DUP_APPLICANT_ITEM" not in by_id(out[1])


def test_same_applicant_same_item():
    out = cross_findings([(1, manifest(application_id="A-1", title="甲")), (2, manifest(application_id="A-2", title="乙")),
                          (3, manifest(application_id="A-3", title="丙", guide_item=2, direction=1))])
    assert by_id(out[1])["X.DUP_APPLICANT_ITEM"].status == FAIL and "A-2" in by_id(out[1])["X.DUP_APPLICANT_ITEM"].message
    assert "X.DUP_APPLICANT_ITEM" not in by_id(out[3])


def test_consortium_leader_once_and_unit_max_three():
    shared = "SHARED00000000000"
    leads = [f"LEAD{i:013d}" for i in range(5)]
    pkgs = [(i, consortium(f"C-{i}", leads[i], [leads[i], shared] + [f"M{i}{j:015d}" for j in range(4)]))
            for i in range(4)]
    out = cross_findings(pkgs)
    for i in range(4):
        f = by_id(out[i])
        assert f["X.CONS_UNIT_MAX3"].status == FAIL and "参加 4 个" in f["X.CONS_UNIT_MAX3"].message
        assert f["X.CONS_LEADER_ONCE"].status == PASS
    # Re-evaluated without the fourth: back within the limit.
    out = cross_findings(pkgs[:3])
    assert all(by_id(out[i])["X.CONS_UNIT_MAX3"].status == PASS for i in range(3))
    # A leader leading two consortia.
    twice = copy.deepcopy(pkgs[1][1])
    twice["application_id"] = "C-9"
    twice["title"] = "另一联合体"
    out = cross_findings([pkgs[1], (9, twice)])
    assert by_id(out[9])["X.CONS_LEADER_ONCE"].status == FAIL and "C-1" in by_id(out[9])["X.CONS_LEADER_ONCE"].message


@pytest.mark.parametrize("facts,expected", [
    ({"indicators.standards": 1, "indicators.new_products": 1, "indicators.demo_sites": 0}, PASS),
    ({"indicators.standards": 1, "indicators.new_products": 0, "indicators.demo_sites": 0}, FAIL),
    ({"indicators.standards": 1}, NOT_DECLARED)])
def test_at_least_k_of_n(facts, expected):
    rule = {"at_least": 2, "of": [{"fact": f"indicators.{k}", "op": ">=", "value": 1}
                                  for k in ("standards", "new_products", "demo_sites")]}
    assert evaluate(rule, facts).status == expected


def test_at_least_counts_manual_branch():
    rule = {"at_least": 2, "of": [{"fact": "indicators.standards", "op": ">=", "value": 1}, {"manual": "其他成果"}]}
    assert evaluate(rule, {"indicators.standards": 1}).status == MANUAL
    assert evaluate(rule, {"indicators.standards": 0}).status == FAIL


@pytest.mark.parametrize("facts,expected", [
    ({"indicators.invention_patent_grants": 1, "indicators.ip_grants": 1}, PASS),
    ({"indicators.invention_patent_grants": 2}, PASS),          # undeclared part counts 0
    ({"indicators.invention_patent_grants": 1}, NOT_DECLARED),  # might be an omission
    ({"indicators.invention_patent_grants": 1, "indicators.ip_grants": 0}, FAIL),
    ({}, NOT_DECLARED)])
def test_sum_leaf(facts, expected):
    rule = {"sum": ["indicators.invention_patent_grants", "indicators.ip_grants"], "op": ">=", "value": 2}
    assert evaluate(rule, facts).status == expected


def test_document_kind_facts():
    f = extract_facts(manifest(documents=[{"kind": "application_form"}, {"kind": "agreement"}, {"kind": "agreement"}]))
    assert f["documents.agreement"] == 2 and f["documents.budget"] == 0


@pytest.mark.parametrize("rule,path", [
    ({"at_least": 3, "of": [{"manual": "a"}]}, "at_least"),
    ({"at_least": 1, "of": []}, ".of"),
    ({"sum": ["indicators.standards"], "op": ">=", "value": 1}, ".sum"),
    ({"sum": ["indicators.standards", "nope"], "op": ">=", "value": 1}, ".sum"),
    ({"sum": ["indicators.standards", "indicators.events"], "op": "in", "value": [1]}, ".op")])
def test_new_combinators_validated(rule, path):
    from nn_review.guide import GuideError
    bad = copy.deepcopy(GUIDE)
    bad["items"][0]["requirements"][0]["rule"] = rule
    with pytest.raises(GuideError) as e:
        parse_guide(bad)
    assert path in e.value.path
