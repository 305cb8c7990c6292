"""The shipped seed guide catalog (resources/guides/nanning-seed.json) and the catalog validator."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from nn_review.checks.facts import FACTS, OPS
from nn_review.guide.catalog import GuideError, builtin_guide_files, load_guide, parse_guide

ROOT = Path(__file__).resolve().parents[1]
GUIDE_FILE = ROOT / "resources" / "guides" / "nanning-seed.json"
SEEDS = Path("/work/shared/seeds")
GUIDE_SRC = SEEDS / "004_3af291c3607153a6.txt"
CONS_SRC = SEEDS / "001_9edffe86f8b9174d.txt"

PLAN_RANGES = {"major_special": (1, 13), "key_rd": (14, 22), "innovation_guidance": (23, 29), "base": (30, 38)}


@pytest.fixture(scope="module")
def guide():
    return load_guide(GUIDE_FILE)


@pytest.fixture(scope="module")
def raw():
    return json.loads(GUIDE_FILE.read_text(encoding="utf-8"))


def req(guide, rid):
    for item in guide.items:
        for r in item.requirements:
            if r.id == rid:
                return r
    for r in guide.consortium_requirements:
        if r.id == rid:
            return r
    raise KeyError(rid)


def leaves(rule):
    """All leaves of a rule (fact and manual)."""
    if rule is None:
        return []
    if "all_of" in rule or "any_of" in rule:
        return [x for part in rule.get("all_of", rule.get("any_of")) for x in leaves(part)]
    return [rule]


def fact_leaves(rule):
    return {(x["fact"], x["op"], x["value"]) for x in leaves(rule) if "fact" in x}


def manual_leaves(rule):
    return [x["manual"] for x in leaves(rule) if "manual" in x]


# A reference reading of SCHEMA.md "Outcomes", independent of the engine, to check the data means what
# the guide says.
def outcome(rule, facts):
    if "fact" in rule:
        if rule["fact"] not in facts:
            return "not_declared"
        a, op, v = facts[rule["fact"]], rule["op"], rule["value"]
        ok = {">=": a >= v, ">": a > v, "<=": a <= v, "<": a < v, "==": a == v, "!=": a != v}[op] if op != "in" \
            else a in v
        return "pass" if ok else "fail"
    if "manual" in rule:
        return "manual"
    if "all_of" in rule:
        s = {outcome(p, facts) for p in rule["all_of"]}
        return next((x for x in ("fail", "not_declared", "manual") if x in s), "pass")
    s = {outcome(p, facts) for p in rule["any_of"]}
    return next((x for x in ("pass", "manual", "not_declared") if x in s), "fail")


# -- the file as a whole -----------------------------------------------------------------------

def test_loads_and_is_a_builtin_file(guide):
    assert guide.edition == "nanning-seed"
    assert guide.version == "2"
    assert guide.issuer == "南宁市科学技术局"
    assert guide.source == "004_3af291c3607153a6.txt"
    assert guide.title
    assert len(guide.sha256) == 64
    assert GUIDE_FILE.resolve() in [p.resolve() for p in builtin_guide_files()]


def test_38_items_with_plan_types(guide):
    assert [i.number for i in guide.items] == list(range(1, 39))
    assert [(p.id, p.first, p.last) for p in guide.plan_types] == [
        (pid, a, b) for pid, (a, b) in PLAN_RANGES.items()]
    names = {p.id: p.name for p in guide.plan_types}
    assert names == {"major_special": "科技重大专项", "key_rd": "重点研发计划",
                     "innovation_guidance": "技术创新引导专项", "base": "科技基地专项"}
    for item in guide.items:
        lo, hi = PLAN_RANGES[item.plan_type]
        assert lo <= item.number <= hi, item.number


def test_titles_are_clean(guide):
    for item in guide.items:
        assert item.title and "bookmark" not in item.title and "[" not in item.title, item.number
        assert not re.match(r"^(重大)?项目\d", item.title)
        for text in [item.intro] + [d.text for d in item.directions] + [d.title for d in item.directions]:
            assert "bookmark" not in text and "_Toc" not in text
    titles = {i.number: i.title for i in guide.items}
    assert titles[1] == "新能源汽车及零部件产业"      # heading missing in the source, inferred
    assert titles[3] == "铝精深加工产业"              # heading missing in the source, inferred
    assert titles[5] == "林产品加工产业"              # heading missing in the source, inferred
    assert titles[2] == "电子信息产业"
    assert titles[14] == "高性能新材料关键技术研究"
    assert titles[38] == "“邕城创客行”科技创新创业路演活动"


def test_every_item_has_directions_numbered_from_one(guide):
    counts = {}
    for item in guide.items:
        assert len(item.directions) >= 1, item.number
        assert [d.number for d in item.directions] == list(range(1, len(item.directions) + 1))
        assert all(d.text.strip() for d in item.directions)
        counts[item.number] = len(item.directions)
    assert counts[2] == 4 and counts[4] == 3 and counts[8] == 3 and counts[17] == 5
    assert counts[19] == 4 and counts[20] == 4 and counts[30] == 2 and counts[33] == 2
    assert counts[3] == 1 and counts[13] == 1


def test_direction_short_titles(guide):
    assert [d.title for d in guide.item(1).directions] == ["新能源汽车整车", "新能源汽车零部件"]
    assert [d.title for d in guide.item(17).directions] == [
        "现代种业提升工程", "开展农林业高效生产关键技术攻关", "支持现代农业装备研发",
        "预制菜技术研究与应用开发", "科技支撑脱贫攻坚与乡村振兴有效衔接"]
    assert guide.item(9).directions[0].title == "节能环保产业"
    # "方向：支持…" without a heading sentence has no short title
    assert guide.item(3).directions[0].title == ""
    for item in guide.items:
        for d in item.directions:
            if d.title:
                assert d.text.startswith(d.title + "。")


def test_requirement_ids_unique_and_well_formed(guide, raw):
    ids = [r["id"] for it in raw["items"] for r in it["requirements"]]
    ids += [r["id"] for pt in raw["plan_types"] for r in pt.get("requirements", [])]
    ids += [r["id"] for r in raw["consortium"]["requirements"]]
    assert len(ids) == len(set(ids))
    for item in guide.items:
        for n, r in enumerate(item.requirements, 1):
            assert r.id == f"I{item.number:02d}.R{n}"
    for pt in guide.plan_types:
        for n, r in enumerate(pt.requirements, 1):
            assert r.id == f"P.{pt.id}.R{n}"
    for n, r in enumerate(guide.consortium_requirements, 1):
        assert r.id == f"C.R{n}"


def test_every_rule_uses_known_facts_and_ops(guide):
    reqs = [r for i in guide.items for r in i.requirements] + list(guide.consortium_requirements)
    for r in reqs:
        for leaf in leaves(r.rule):
            if "fact" in leaf:
                assert leaf["fact"] in FACTS and leaf["op"] in OPS, r.id
            else:
                assert leaf["manual"].strip(), r.id


def _clean(text):
    return "\n".join(re.sub(r"\[bookmark: [^\]]*\]", "", line).strip() for line in text.split("\n"))


@pytest.mark.skipif(not GUIDE_SRC.exists(), reason="seed documents not available")
def test_texts_are_verbatim_from_the_sources(guide):
    src = _clean(GUIDE_SRC.read_text(encoding="utf-8"))
    for item in guide.items:
        for r in item.requirements:
            assert r.text in src, r.id
        for d in item.directions:
            for part in d.text.split("\n"):
                assert part in src, (item.number, d.number)
        assert item.intro in src
    cons = CONS_SRC.read_text(encoding="utf-8")
    for r in guide.consortium_requirements:
        assert r.text in cons, r.id
    for level in guide.consortium_levels:
        assert level["text"] in cons


@pytest.mark.skipif(not GUIDE_SRC.exists(), reason="seed documents not available")
def test_every_numbered_requirement_line_is_transcribed(guide):
    """Each （n）… line of the guide appears as a requirement text of some item."""
    src = _clean(GUIDE_SRC.read_text(encoding="utf-8"))
    numbered = [ln for ln in src.split("\n") if re.match(r"^（\d）", ln)]
    texts = {r.text for i in guide.items for r in i.requirements}
    assert len(numbered) == 106
    assert [ln for ln in numbered if ln not in texts] == []


# -- specific rules ----------------------------------------------------------------------------

@pytest.mark.parametrize("number", range(1, 7))
def test_major_items_1_to_6_patents_or_platform_and_revenue(guide, number):
    item = guide.item(number)
    r1, r2 = item.requirements[0], item.requirements[1]
    assert r1.id == f"I{number:02d}.R1" and r1.directions is None
    assert set(r1.rule) == {"any_of"}
    branches = r1.rule["any_of"]
    assert {"fact": "indicators.invention_patent_applications", "op": ">=", "value": 3} in branches
    assert {"fact": "indicators.ip_grants", "op": ">=", "value": 6} in branches
    assert any("龙头企业" in b.get("manual", "") and "自治区级" in b.get("manual", "") for b in branches)
    assert len(branches) == 3
    assert r2.rule == {"fact": "indicators.new_revenue", "op": ">=", "value": 5000}
    assert "5000万元" in r2.text
    # meaning: either patent branch passes; neither -> reviewer confirms the platform branch
    assert outcome(r1.rule, {"indicators.invention_patent_applications": 3}) == "pass"
    assert outcome(r1.rule, {"indicators.invention_patent_applications": 2,
                             "indicators.ip_grants": 6}) == "pass"
    assert outcome(r1.rule, {"indicators.invention_patent_applications": 2,
                             "indicators.ip_grants": 5}) == "manual"
    assert outcome(r2.rule, {"indicators.new_revenue": 4999}) == "fail"


def test_item_7_has_no_platform_alternative(guide):
    r1 = guide.item(7).requirements[0]
    assert manual_leaves(r1.rule) == []
    assert fact_leaves(r1.rule) == {("indicators.invention_patent_applications", ">=", 3),
                                    ("indicators.ip_grants", ">=", 6)}
    assert outcome(r1.rule, {"indicators.invention_patent_applications": 2, "indicators.ip_grants": 5}) == "fail"


def test_item_9_indicators_and_revenue(guide):
    r1, r2 = guide.item(9).requirements
    assert set(r1.rule) == {"all_of"}
    assert fact_leaves(r1.rule) == {("indicators.invention_patent_applications", ">=", 2),
                                    ("indicators.standards", ">=", 1),
                                    ("indicators.new_products", ">=", 1),
                                    ("indicators.demo_sites", ">=", 1)}
    assert r2.rule == {"fact": "indicators.new_revenue", "op": ">=", "value": 1500}
    ok = {"indicators.invention_patent_applications": 2, "indicators.standards": 1,
          "indicators.new_products": 1, "indicators.demo_sites": 1}
    assert outcome(r1.rule, ok) == "pass"
    assert outcome(r1.rule, {**ok, "indicators.demo_sites": 0}) == "fail"


def test_item_11_funding_cap(guide):
    caps = [r for r in guide.item(11).requirements if r.rule and
            ("budget.requested", "<=", 200) in fact_leaves(r.rule)]
    assert len(caps) == 1
    assert caps[0].rule == {"fact": "budget.requested", "op": "<=", "value": 200}
    assert "不超过200万元" in caps[0].text


@pytest.mark.parametrize("number,value,dirs", [(17, 2, (5,)), (31, 2, None), (38, 1, None), (37, 1, None)])
def test_self_funding_ratios(guide, number, value, dirs):
    found = [r for r in guide.item(number).requirements
             if r.rule == {"fact": "budget.self_funded_ratio", "op": ">=", "value": value}]
    assert len(found) == 1, number
    assert found[0].directions == dirs
    assert f"{value}倍" in found[0].text.replace(" ", "")


def test_item_17_ratio_applies_only_to_direction_5(guide):
    item = guide.item(17)
    ratio = next(r for r in item.requirements if r.rule and "budget.self_funded_ratio" in
                 {f for f, _, _ in fact_leaves(r.rule)})
    assert ratio in guide.requirements_for(item, 5)
    assert ratio not in guide.requirements_for(item, 1)
    assert all(r.directions is not None for r in item.requirements)


def test_item_37_events_participants(guide):
    r = guide.item(37).requirements[1]
    assert {("indicators.events", ">=", 2), ("indicators.participants", ">=", 1000)} <= fact_leaves(r.rule)
    assert outcome(r.rule, {"indicators.events": 2, "indicators.participants": 999}) == "fail"
    assert outcome(r.rule, {"indicators.events": 1, "indicators.participants": 1000}) == "fail"


def test_item_8_requirements_are_per_direction(guide):
    item = guide.item(8)
    assert [r.directions for r in item.requirements] == [(1,)] * 2 + [(2,)] * 6 + [(3,)] * 4
    assert len(guide.requirements_for(item, 2)) == 6


def test_key_rd_revenue_thresholds(guide):
    def revenue(number, direction=None):
        item = guide.item(number)
        vals = [v for r in guide.requirements_for(item, direction) if r.rule
                for f, _, v in fact_leaves(r.rule) if f == "indicators.new_revenue"]
        assert len(vals) == 1, (number, direction)
        return vals[0]
    assert revenue(14) == 1000 and revenue(15) == 500 and revenue(16) == 1000
    assert revenue(17, 4) == 1000 and revenue(18) == 1000
    assert revenue(19, 2) == 500 and revenue(19, 4) == 1000
    assert [revenue(20, d) for d in (1, 3, 4)] == [500, 500, 500]
    assert revenue(21) == 500 and revenue(22) == 800


def test_key_rd_patent_alternatives(guide):
    for number in (14, 15, 16):
        r1 = guide.item(number).requirements[0]
        assert r1.rule == {"any_of": [
            {"fact": "indicators.invention_patent_applications", "op": ">=", "value": 1},
            {"fact": "indicators.ip_grants", "op": ">=", "value": 2}]}


def test_no_period_limits_or_plan_wide_requirements(guide):
    # The seed guide states no 实施期限 and no plan-type-wide 申报条件; nothing must be invented.
    for pt in guide.plan_types:
        assert pt.requirements == ()
    for item in guide.items:
        for r in item.requirements:
            assert "period.months" not in {f for f, _, _ in fact_leaves(r.rule)}


def test_checklist_requirements_stay_rule_null(guide):
    assert guide.item(12).requirements[0].rule is None     # 在南宁市注册且具备独立法人资格
    assert guide.item(20).requirements[4].rule is None     # 不涉密承诺
    assert all(r.rule is None for r in guide.item(8).requirements[2:7])


# -- consortium --------------------------------------------------------------------------------

def test_consortium_conditions_of_article_5(guide, raw):
    assert raw["consortium"]["source"] == "001_9edffe86f8b9174d.txt"
    rules = {}
    for r in guide.consortium_requirements:
        for f, op, v in fact_leaves(r.rule):
            rules[f] = (op, v, r)
    assert rules["consortium.member_count"][:2] == (">=", 6)
    assert rules["consortium.unit_kinds"][:2] == (">=", 2)
    assert rules["consortium.nanning_ratio"][:2] == (">=", 0.3)
    assert rules["consortium.enterprise_count"][:2] == (">=", 2)
    assert rules["consortium.leader_revenue_last_year"][:2] == (">=", 60000)
    assert rules["consortium.leader_rd_staff"][:2] == (">=", 20)
    assert rules["consortium.agreement_signed"][:2] == ("==", True)
    spend = rules["consortium.leader_rd_spend_3y_avg"][2]
    assert spend is rules["consortium.leader_rd_ratio_3y"][2]
    assert spend.rule == {"any_of": [
        {"fact": "consortium.leader_rd_spend_3y_avg", "op": ">=", "value": 1800},
        {"fact": "consortium.leader_rd_ratio_3y", "op": ">=", "value": 0.03}]}
    assert outcome(spend.rule, {"consortium.leader_rd_spend_3y_avg": 1000,
                                "consortium.leader_rd_ratio_3y": 0.031}) == "pass"
    assert outcome(spend.rule, {"consortium.leader_rd_spend_3y_avg": 1000,
                                "consortium.leader_rd_ratio_3y": 0.029}) == "fail"
    assert "6亿元" in rules["consortium.leader_revenue_last_year"][2].text
    assert "30%" in rules["consortium.nanning_ratio"][2].text


def test_consortium_cross_package_conditions_are_checklist(guide):
    cross = [r for r in guide.consortium_requirements if r.note == "跨申报包检查，由系统在批次范围内执行"]
    assert len(cross) == 2
    assert all(r.rule is None for r in cross)
    assert any("仅限牵头组建一个" in r.text for r in cross)
    assert any("至多参与3个" in r.text for r in cross)


def test_consortium_levels(guide):
    levels = guide.consortium_levels
    assert [(x["name"], x["min"]) for x in levels] == [
        ("优秀", 90), ("良好", 75), ("合格", 60), ("整改", 40), ("撤销", 0)]
    assert all(x["text"] for x in levels)


# -- validator refusals ------------------------------------------------------------------------

def _refused(raw, mutate):
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(GuideError) as exc:
        parse_guide(data, "bad.json")
    return exc.value


def test_refuses_unknown_fact(raw):
    def m(d):
        d["items"][0]["requirements"][0]["rule"]["any_of"][0]["fact"] = "indicators.no_such_thing"
    e = _refused(raw, m)
    assert e.path == "$.items[0].requirements[0].rule.any_of[0].fact"
    assert e.path in str(e) and "bad.json" in str(e)


def test_refuses_bad_op(raw):
    def m(d):
        d["items"][10]["requirements"][2]["rule"]["op"] = "=>"
    e = _refused(raw, m)
    assert e.path == "$.items[10].requirements[2].rule.op"
    assert e.path in str(e)


def test_refuses_non_contiguous_item_numbers(raw):
    def m(d):
        del d["items"][5]
    e = _refused(raw, m)
    assert e.path == "$.items[5].number"
    assert "期望 6" in str(e)


def test_refuses_requirement_naming_missing_direction(raw):
    def m(d):
        d["items"][16]["requirements"][19]["directions"] = [6]
    e = _refused(raw, m)
    assert e.path == "$.items[16].requirements[19].directions"
    assert "方向6" in str(e)


def test_refuses_duplicate_requirement_id(raw):
    def m(d):
        d["items"][1]["requirements"][0]["id"] = "I01.R1"
    e = _refused(raw, m)
    assert e.path == "$.items[1].requirements[0].id"


def test_refuses_item_outside_plan_range(raw):
    def m(d):
        d["items"][13]["plan_type"] = "major_special"
    e = _refused(raw, m)
    assert e.path == "$.items[13].plan_type"


def test_refuses_bad_consortium_rule(raw):
    def m(d):
        d["consortium"]["requirements"][1]["rule"] = {"all_of": []}
    e = _refused(raw, m)
    assert e.path == "$.consortium.requirements[1].rule.all_of"


def test_load_guide_reports_invalid_json(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text("{", encoding="utf-8")
    with pytest.raises(GuideError) as exc:
        load_guide(p)
    assert exc.value.path == "$"
