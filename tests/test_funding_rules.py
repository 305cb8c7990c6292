"""Issue 21 §1: funding rules as guide data (grammar, validation with JSON paths), the seed
guide's rules, the amounts they give (hand-computed), and the package indicator keys they read."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from nn_review.checks.facts import FACTS, extract_facts
from nn_review.funding.amounts import compute, quantize
from nn_review.funding.model import NEEDS_PARAMS, NOT_DECLARED, NOT_ELIGIBLE, OK
from nn_review.guide.catalog import GuideError, load_guide, parse_guide
from nn_review.guide.funding_schema import FundingRule
from nn_review.package.errors import PackageRefused
from nn_review.package.manifest import validate_manifest
from nn_review.resources import resource

from .helpers import manifest as _manifest

GUIDE_FILE = resource("guides", "nanning-seed.json")
D = Decimal


@pytest.fixture(scope="module")
def guide():
    return load_guide(GUIDE_FILE)


def rule_of(guide, item: int, direction: int | None = None) -> FundingRule:
    it = guide.item(item)
    d = it.direction(direction) if direction else None
    return d.funding if d is not None and d.funding is not None else it.funding


def manifest(**over) -> dict:
    """A valid manifest (documents hashed) with these fields."""
    m = _manifest(**over)
    for d in m["documents"]:
        d["sha256"] = "0" * 64
    return m


def ind(**kw) -> dict:
    """Facts as extract_facts gives them for a manifest declaring these indicators."""
    return {f"indicators.{k}": v for k, v in kw.items()}


def run(rule, facts=None, params=None, requested="100"):
    return compute(rule, facts or {}, params or {}, requested=D(requested))


def zh(c) -> str:
    return c.formula.render("zh_CN")


# -- the seed guide's rules ----------------------------------------------------------------------

def test_seed_guide_is_version_2_and_routes_every_item(guide):
    assert guide.version == "2"
    panel = set(range(1, 23)) | {29, 31, 36, 37, 38}
    for item in guide.items:
        if item.number in (23, 30, 32, 33):
            assert item.funding is None and all(d.funding is not None for d in item.directions), item.number
        else:
            assert item.funding is not None, item.number
            assert item.funding.route == ("panel" if item.number in panel else "rule"), item.number
    assert rule_of(guide, 32, 1).route == "rule" and rule_of(guide, 32, 2).route == "panel"
    assert guide.item(32).funding_for(2) is rule_of(guide, 32, 2)
    assert guide.item(24).funding_for(None) is guide.item(24).funding is guide.item(24).funding_for(1)
    assert guide.item(23).funding_for(None) is None      # several directions, none named
    assert guide.item(23).funding_for(7) is None         # no such direction: the item's (none)
    assert rule_of(guide, 11).cap == 200 and rule_of(guide, 11).text == "单个项目资助不超过200万元。"
    assert rule_of(guide, 35).note  # the route read from "经评审认定或年度考核" is explained


def test_seed_funding_texts_are_verbatim_from_the_seed_document(guide):
    import re
    from pathlib import Path
    seed = next(Path("/work/shared/seeds").glob("004_*.txt"), None) if Path("/work/shared/seeds").is_dir() else None
    if seed is None:
        pytest.skip("seed document not on this machine")
    text = re.sub(r"\[bookmark: [^\]]*\]", "", seed.read_text(encoding="utf-8"))
    rules = [i.funding for i in guide.items] + [d.funding for i in guide.items for d in i.directions]
    for r in filter(None, rules):
        assert r.text in text, r.text
        if r.exclusive:
            assert r.exclusive.text in text


def test_seed_item_23_is_a_template_with_its_exclusive_sentence(guide):
    r = rule_of(guide, 23, 1)
    assert r.route == "rule" and {p.id for p in r.params} == {"rate", "cap"}
    ex = r.exclusive
    assert "重复享受" in ex.text
    assert set(range(1, 23)) <= set(ex.items)                       # 科技项目（前资助）
    assert {24, 25, 26, 29, 30, 33, 35} <= set(ex.items)            # 后补助项目
    assert (23, 2) in ex.directions and (32, 1) in ex.directions    # 瞪羚企业奖补; 32 方向1 奖励性后补助
    assert 23 not in ex.items and 28 not in ex.items


def test_adding_funding_did_not_change_any_check(guide):
    raw = json.loads(GUIDE_FILE.read_text(encoding="utf-8"))
    stripped = copy.deepcopy(raw)
    for it in stripped["items"]:
        it.pop("funding", None)
        for d in it["directions"]:
            d.pop("funding", None)
    bare = parse_guide(stripped)
    assert [i.requirements for i in bare.items] == [i.requirements for i in guide.items]
    assert all(i.funding is None for i in bare.items)


# -- amounts, hand-computed ----------------------------------------------------------------------

def test_item_24_ten_for_a_first_time_above_scale_company_in_statistics_else_five(guide):
    r = rule_of(guide, 24)
    c = run(r, ind(above_scale=True, hnte_first_time=True, rd_in_statistics=True))
    assert (c.status, c.amount) == (OK, D("10.00"))
    assert "10.00" in zh(c)
    c = run(r, ind(above_scale=False, hnte_first_time=True, rd_in_statistics=True))
    assert (c.status, c.amount) == (OK, D("5.00"))
    assert zh(c) == "其他情形 → 定额 5.00"
    # 规上 but renewed (not the first time): the other case too
    assert run(r, ind(above_scale=True, hnte_first_time=False, rd_in_statistics=True)).amount == D("5.00")


def test_item_24_a_missing_fact_is_not_declared_never_the_lower_amount(guide):
    c = run(guide.item(24).funding, ind(above_scale=True, rd_in_statistics=True))
    assert c.status == NOT_DECLARED and c.amount is None
    assert "首次获认定高新技术企业" in zh(c)
    assert ("indicators.hnte_first_time", None) in c.inputs


def test_item_25_prize_table(guide):
    r = rule_of(guide, 25)
    c = run(r, ind(contest_group="startup", contest_prize=1))
    assert (c.status, c.amount) == (OK, D("6.00")) and zh(c) == "初创企业组一等奖 → 定额 6.00"
    assert run(r, ind(contest_group="growth", contest_prize=3)).amount == D("4.00")
    assert run(r, ind(contest_group="growth", contest_prize=1)).amount == D("16.00")
    # 进入决赛未获一二三等奖 (declared 0): not eligible, no amount
    c = run(r, ind(contest_group="growth", contest_prize=0))
    assert (c.status, c.amount) == (NOT_ELIGIBLE, None)
    assert run(r, ind(contest_group="growth")).status == NOT_DECLARED


def test_item_26_points(guide):
    r = rule_of(guide, 26)
    assert run(r, ind(talent_points=71)).status == NOT_ELIGIBLE
    assert run(r, ind(talent_points=71.9)).status == NOT_ELIGIBLE
    assert run(r, ind(talent_points=72)).amount == D("20.00")
    assert run(r, ind(talent_points=79)).amount == D("20.00")
    assert run(r, ind(talent_points=80)).amount == D("30.00")
    assert run(r, {}).status == NOT_DECLARED


def test_item_27_the_lower_of_requested_and_the_ceiling(guide):
    r = rule_of(guide, 27)
    assert run(r, ind(innovation_team=False), requested="8").amount == D("8.00")
    assert run(r, ind(innovation_team=False), requested="12").amount == D("10.00")
    c = run(r, ind(innovation_team=True), requested="8")
    assert c.amount == D("5.00")
    assert zh(c) == "取较小值（申请金额 8.00，创新创业团队（非中小企业） ＝ 是 → 定额 5.00）= 5.00"
    assert ("budget.requested", D("8")) in c.inputs
    assert run(r, {}, requested="8").status == NOT_DECLARED


def test_item_28_premium_percentages_and_the_cap(guide):
    r = rule_of(guide, 28)
    c = run(r, ind(premium_tier1=20, premium_tier2=10, premium_tier3=10))
    # 20×0.7 + 10×0.6 + 10×0.3 = 14 + 6 + 3 = 23 ≤ 25
    assert (c.status, c.amount) == (OK, D("23.00"))
    assert zh(c) == "保费补贴 20.00×70% + 10.00×60% + 10.00×30% = 23.00，上限 25.00 → 23.00"
    assert c.formula.render("en") == "保费补贴 20.00×70% + 10.00×60% + 10.00×30% = 23.00, cap 25.00 → 23.00"
    c = run(r, ind(premium_tier1=30, premium_tier2=10, premium_tier3=5))
    # 21 + 6 + 1.5 = 28.5 > 25
    assert c.amount == D("25.00") and zh(c).endswith("= 28.50，上限 25.00 → 25.00")
    # one class declared: the others count 0, and the formula says so
    c = run(r, ind(premium_tier2=10))
    assert c.amount == D("6.00") and "未申报（按0计）×70%" in zh(c)
    assert run(r, {}).status == NOT_DECLARED


def test_item_32_direction_1_one_percent_of_the_trade_capped_at_100(guide):
    r = rule_of(guide, 32, 1)
    assert run(r, ind(tech_trade_volume=4567)).amount == D("45.67")
    assert run(r, ind(tech_trade_volume=12000)).amount == D("100.00")
    assert run(r, {}).status == NOT_DECLARED
    r2 = rule_of(guide, 32, 2)
    assert r2.route == "panel" and run(r2, {}, requested="50").amount == D("20.00")


def test_item_23_needs_the_notices_figures(guide):
    r = rule_of(guide, 23, 1)
    facts = ind(above_scale=True, rd_in_statistics=True, rd_spend=2300)
    c = run(r, facts)
    assert (c.status, c.amount) == (NEEDS_PARAMS, None)
    assert "研发投入奖补比例" in zh(c) and "单个企业奖补上限" in zh(c)
    assert run(r, facts, {"rate": D("5")}).status == NEEDS_PARAMS      # the cap is still missing
    c = run(r, facts, {"rate": D("5"), "cap": D("200")})
    assert (c.status, c.amount) == (OK, D("115.00"))                     # 2300 × 5 % = 115 ≤ 200
    assert ("param.rate", D("5")) in c.inputs and ("param.cap", D("200")) in c.inputs
    assert run(r, facts, {"rate": D("10"), "cap": D("200")}).amount == D("200.00")
    assert run(r, ind(above_scale=False, rd_in_statistics=True, rd_spend=2300),
               {"rate": D("5"), "cap": D("200")}).status == NOT_ELIGIBLE


def test_panel_items_give_the_requested_amount_under_their_cap(guide):
    assert run(rule_of(guide, 11), requested="260").amount == D("200.00")
    assert run(rule_of(guide, 11), requested="150").amount == D("150.00")
    assert run(rule_of(guide, 15), requested="80.5").amount == D("80.50")


def test_item_30_33_34_by_kind_and_level(guide):
    assert run(rule_of(guide, 30, 1), ind(platform_level="autonomous_region", platform_kind="engineering_center")).amount == D("30.00")
    assert run(rule_of(guide, 30, 1), ind(platform_level="national")).amount == D("200.00")
    assert run(rule_of(guide, 30, 1), ind(platform_level="municipal", platform_kind="key_lab")).status == NOT_ELIGIBLE
    assert run(rule_of(guide, 33, 1), ind(platform_level="autonomous_region", platform_kind="maker_space")).amount == D("15.00")
    assert run(rule_of(guide, 33, 2), ind(excellent_rating=True, platform_level="national",
                                          platform_kind="incubator")).amount == D("40.00")
    assert run(rule_of(guide, 33, 2), ind(excellent_rating=False, platform_level="national",
                                          platform_kind="incubator")).status == NOT_ELIGIBLE
    assert run(rule_of(guide, 34), ind(platform_level="autonomous_region", platform_kind="star_space")).amount == D("15.00")
    assert run(rule_of(guide, 35)).amount == D("30.00")
    assert run(rule_of(guide, 30, 2)).status == NEEDS_PARAMS


def test_a_formula_survives_json_and_renders_in_english_without_its_own_chinese(guide):
    from nn_review.i18n import Msg
    c = run(rule_of(guide, 27), ind(innovation_team=True), requested="8")
    back = Msg.loads(c.formula.dumps())
    assert back.render("zh_CN") == zh(c)
    assert back.render("en") == ("the lower of (requested 8.00, innovation / start-up team (not an SME) = yes "
                                 "→ fixed 5.00) = 5.00")
    c = run(rule_of(guide, 24), ind(above_scale=True))
    assert c.formula.render("en") == "not declared: first recognised as a high-tech enterprise, " \
        "R&D spending included in the statistics"


def test_quantized_half_up_after_the_cap():
    assert quantize(D("0.125")) == D("0.13") and quantize(D("0.135")) == D("0.14")
    r = _rule({"route": "rule", "text": "t", "amount": {"percent": [{"fact": "indicators.rd_spend", "rate": 1}]}})
    # 12.5 × 1 % = 0.125 → 0.13 (half-up; banker's rounding would give 0.12)
    assert run(r, ind(rd_spend=12.5)).amount == D("0.13")
    # the cap applies to the exact amount, and the result is rounded afterwards
    capped = _rule({"route": "rule", "text": "t", "cap": 0.125,
                    "amount": {"percent": [{"fact": "indicators.rd_spend", "rate": 1}]}})
    c = run(capped, ind(rd_spend=99))
    assert c.amount == D("0.13") and c.status == OK


def test_a_rule_reads_facts_the_way_extract_facts_gives_them(guide):
    m = manifest(guide_item=28, direction=None,
                 indicators={"premium_tier1": 20.0, "premium_tier2": 10.0, "premium_tier3": 10.0})
    facts = extract_facts(validate_manifest(m, "m.nnpkg"))
    assert run(rule_of(guide, 28), facts).amount == D("23.00")


# -- catalog validation: every error names its JSON path -------------------------------------------

def _rule(funding: dict) -> FundingRule:
    g = parse_guide(_guide_with(funding), "t.json")
    return g.item(1).funding


def _guide_with(funding=None, *, direction_funding=None, items=3) -> dict:
    data = {"format": "nn-guide/1", "edition": "t", "version": "1", "title": "t",
            "plan_types": [{"id": "p", "name": "P", "items": [1, items]}],
            "items": [{"number": n, "plan_type": "p", "title": f"项目{n}",
                       "directions": [{"number": 1, "title": "", "text": "x"}, {"number": 2, "title": "", "text": "y"}],
                       "requirements": []} for n in range(1, items + 1)]}
    if funding is not None:
        data["items"][0]["funding"] = funding
    if direction_funding is not None:
        data["items"][1]["directions"][1]["funding"] = direction_funding
    return data


OK_RULE = {"route": "rule", "text": "给予10万元", "amount": {"fixed": 10}}


@pytest.mark.parametrize("funding, path, words", [
    ({**OK_RULE, "route": "lottery"}, "$.items[0].funding.route", "panel / rule"),
    ({**OK_RULE, "colour": "red"}, "$.items[0].funding.colour", "未知键"),
    ({"route": "rule", "text": "x"}, "$.items[0].funding.amount", "必须给出金额表达式"),
    ({"route": "panel"}, "$.items[0].funding.text", "缺少"),
    ({"route": "rule", "text": "", "amount": {"fixed": 1}}, "$.items[0].funding.text", "不能为空"),
    ({**OK_RULE, "amount": {"fixed": 1, "requested": True}}, "$.items[0].funding.amount", "恰好"),
    ({**OK_RULE, "amount": {"fixed": -1}}, "$.items[0].funding.amount.fixed", "非负数"),
    ({**OK_RULE, "amount": {"requested": False}}, "$.items[0].funding.amount.requested", "true"),
    ({**OK_RULE, "amount": {"percent": [{"fact": "indicators.gold_bars", "rate": 5}]}},
     "$.items[0].funding.amount.percent[0].fact", "未知事实"),
    ({**OK_RULE, "amount": {"percent": [{"fact": "indicators.above_scale", "rate": 5}]}},
     "$.items[0].funding.amount.percent[0].fact", "不是数值"),
    ({**OK_RULE, "amount": {"cases": [{"when": {"fact": "indicators.nope", "op": "==", "value": 1},
                                       "amount": {"fixed": 1}}]}},
     "$.items[0].funding.amount.cases[0].when.fact", "未知事实"),
    ({**OK_RULE, "amount": {"cases": [{"when": {"manual": "人工"}, "amount": {"fixed": 1}}]}},
     "$.items[0].funding.amount.cases[0].when", "manual"),
    ({**OK_RULE, "amount": {"cases": [{"when": {"fact": "budget.requested", "op": ">", "value": 1}}]}},
     "$.items[0].funding.amount.cases[0].amount", "缺少"),
    ({**OK_RULE, "amount": {"min": [{"fixed": 1}]}}, "$.items[0].funding.amount.min", "至少两个"),
    ({**OK_RULE, "amount": {"fixed": {"param": "rate"}}}, "$.items[0].funding.amount.fixed.param", "未在"),
    ({**OK_RULE, "cap": {"param": "cap"}, "params": [{"id": "rate", "label": "比例", "unit": "%"}]},
     "$.items[0].funding.cap.param", "'cap' 未在"),
    ({**OK_RULE, "params": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]},
     "$.items[0].funding.params[1].id", "重复"),
    ({**OK_RULE, "params": [{"id": "a", "label": "A", "unit": "元"}]}, "$.items[0].funding.params[0].unit", "单位"),
    ({**OK_RULE, "params": [{"id": "a", "label": "A", "min": 5, "max": 1}]}, "$.items[0].funding.params[0].max", "小于"),
    ({**OK_RULE, "exclusive": {"items": [4], "text": "不能重复享受"}}, "$.items[0].funding.exclusive.items[0]", "1..3"),
    ({**OK_RULE, "exclusive": {"items": [0], "text": "不能重复享受"}}, "$.items[0].funding.exclusive.items[0]", "1..3"),
    ({**OK_RULE, "exclusive": {"directions": [[2, 3]], "text": "不能重复享受"}},
     "$.items[0].funding.exclusive.directions[0][1]", "没有方向3"),
    ({**OK_RULE, "exclusive": {"items": [2], "directions": [[2, 1]], "text": "t"}},
     "$.items[0].funding.exclusive.directions[0]", "整体"),
    ({**OK_RULE, "exclusive": {"items": [2]}}, "$.items[0].funding.exclusive.text", "原文"),
    ({**OK_RULE, "exclusive": {"text": "t"}}, "$.items[0].funding.exclusive", "至少"),
])
def test_catalog_refuses_a_bad_funding_rule_naming_the_json_path(funding, path, words):
    with pytest.raises(GuideError) as e:
        parse_guide(_guide_with(funding), "t.json")
    assert e.value.path == path, (e.value.path, e.value.message)
    assert words in e.value.message


def test_a_direction_rule_is_validated_with_its_own_path_and_parsed():
    with pytest.raises(GuideError) as e:
        parse_guide(_guide_with(direction_funding={"route": "rule", "text": "t"}), "t.json")
    assert e.value.path == "$.items[1].directions[1].funding.amount"
    g = parse_guide(_guide_with(direction_funding={**OK_RULE, "exclusive": {"directions": [[1, 2]], "text": "t"}}))
    assert g.item(2).funding is None and g.item(2).direction(1).funding is None
    rule = g.item(2).direction(2).funding
    assert rule.route == "rule" and rule.exclusive.directions == ((1, 2),)


def test_a_panel_rule_may_leave_the_text_empty_only_with_a_note():
    rule = _rule({"route": "panel", "text": "", "note": "指南未规定额度"})
    assert rule.route == "panel" and rule.amount is None and rule.cap is None
    assert run(rule, requested="42").amount == D("42.00")


def test_params_parse_with_their_bounds():
    rule = _rule({**OK_RULE, "amount": {"fixed": {"param": "amt"}},
                  "params": [{"id": "amt", "label": "金额", "unit": "万元", "min": 0, "max": 50.5}]})
    (p,) = rule.params
    assert (p.id, p.label, p.unit, p.min, p.max) == ("amt", "金额", "万元", D("0"), D("50.5"))
    assert run(rule, params={"amt": D("12.345")}).amount == D("12.35")


# -- the new package indicator keys --------------------------------------------------------------

NEW_KEYS = ("above_scale", "hnte_first_time", "rd_in_statistics", "contest_group", "contest_prize",
            "talent_points", "innovation_team", "premium_tier1", "premium_tier2", "premium_tier3",
            "tech_trade_volume", "rd_spend", "platform_kind", "excellent_rating")


def test_the_new_keys_are_facts_with_labels_in_both_languages():
    from nn_review.i18n import M
    from nn_review.package import vocab
    for key in NEW_KEYS:
        assert f"indicators.{key}" in FACTS
        assert M(f"fact.indicators.{key}").render("en")
        assert vocab.label("indicator", key, "zh_CN") != key
    assert vocab.label("contest_group", "growth", "zh_CN") == "成长企业组"
    assert vocab.label("platform_kind", "star_space", "zh_CN") == "星创天地"


def test_manifest_accepts_the_new_keys():
    indicators = {"above_scale": True, "hnte_first_time": False, "rd_in_statistics": True,
                  "contest_group": "startup", "contest_prize": 3, "talent_points": 76.5,
                  "innovation_team": False, "premium_tier1": 20.0, "premium_tier2": 0, "premium_tier3": 10,
                  "tech_trade_volume": 4567.0, "rd_spend": 2300, "platform_kind": "incubator",
                  "excellent_rating": True, "contest_prize_note": "unknown keys are kept"}
    m = validate_manifest(manifest(indicators=dict(indicators)), "m.nnpkg")
    assert m["indicators"] == indicators
    facts = extract_facts(m)
    assert facts["indicators.above_scale"] is True and facts["indicators.contest_group"] == "startup"
    # null = not declared, the same as absent
    m = validate_manifest(manifest(indicators={"above_scale": None, "contest_prize": None,
                                               "platform_kind": None}), "m.nnpkg")
    assert m["indicators"] == {}


@pytest.mark.parametrize("key, value, words", [
    ("above_scale", 1, "应为 true 或 false"),
    ("hnte_first_time", "是", "应为 true 或 false"),
    ("excellent_rating", "true", "应为 true 或 false"),
    ("contest_group", "senior", "startup（初创企业组）、growth（成长企业组）"),
    ("platform_kind", "lab", "star_space（星创天地）"),
    ("contest_prize", 4, "应在 0–3 之间"),
    ("contest_prize", 1.0, "应为整数"),
    ("contest_prize", True, "应为整数"),
    ("talent_points", -1, "不能为负数"),
    ("talent_points", 1001, "0 至 1000"),
    ("premium_tier1", "20", "应为数字"),
    ("rd_spend", False, "应为数字"),
])
def test_manifest_refuses_a_bad_new_key_naming_the_field(key, value, words):
    with pytest.raises(PackageRefused) as e:
        validate_manifest(manifest(indicators={key: value}), "m.nnpkg")
    assert e.value.field == f"manifest.indicators.{key}"
    assert key in e.value.message and words in e.value.message, e.value.message
