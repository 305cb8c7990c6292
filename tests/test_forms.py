"""Review forms as data: the built-in templates, exact totals, band mode, review validation."""

import copy
import json
from decimal import Decimal

import pytest

from nn_review.forms import (FormError, builtin_form, builtin_form_ids, display, expert_total, han_count,
                             load_form, parse_form, validate_review)

OPINION = ("该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
           "考核指标量化明确且不低于指南要求，经费预算基本合理，建议予以支持。")


@pytest.fixture
def form_a():
    return builtin_form("form-a")


@pytest.fixture
def form_b():
    return builtin_form("form-b")


def review(grade="B", **over):
    r = {"grades": {f"c{i}": {"grade": grade, "comment": ""} for i in range(1, 7)},
         "opinion": OPINION, "recommendation": "support", "recused": False, "recusal_reason": ""}
    r.update(over)
    return r


def codes(problems):
    return [(p.field, p.code) for p in problems]


# -- the templates ------------------------------------------------------------------------

def test_builtin_forms_match_the_rules(form_a, form_b):
    assert builtin_form_ids() == ["form-a", "form-b"]
    assert [(c.id, c.name, c.weight) for c in form_a.criteria] == [
        ("c1", "立项必要性与需求导向", 15), ("c2", "技术创新性与先进性", 20), ("c3", "技术路线与实施方案可行性", 20),
        ("c4", "研究基础与团队能力", 15), ("c5", "考核指标与预期效益", 20), ("c6", "经费预算合理性与自筹配套", 10)]
    assert [(c.name, c.weight) for c in form_b.criteria] == [
        ("承担科技计划项目执行情况", 25), ("财政资金预算绩效", 20), ("内部日常管理与运行制度", 15),
        ("成员单位合作情况", 15), ("周期内成果（知识产权、标准、成果转化、人才）", 25)]
    for f in (form_a, form_b):
        assert [(g.grade, g.name, g.value, g.band_text) for g in f.grades] == [
            ("A", "优秀", Decimal("1.00"), "90–100"), ("B", "良好", Decimal("0.80"), "75–89"),
            ("C", "一般", Decimal("0.60"), "60–74"), ("D", "较差", Decimal("0.40"), "40–59"),
            ("E", "差", Decimal("0.20"), "0–39")]
        assert f.opinion_min_chars == 50 and f.comment_required_grades == {"D", "E"}
        for c in f.criteria:  # every grade of every criterion has its own, specific anchor
            assert set(c.anchors) == set("ABCDE") and len(set(c.anchors.values())) == 5
            assert all(len(t) >= 10 for t in c.anchors.values()) and c.description
    assert form_a.recommendations == (("support", "建议支持"), ("support_if_revised", "修改后支持"),
                                      ("reject", "不建议支持"))
    assert form_a.levels == () and form_b.recommendations == ()
    assert [(lv.name, lv.min) for lv in form_b.levels] == [("优秀", 90), ("良好", 75), ("合格", 60), ("整改", 40),
                                                         ("撤销", 0)]
    assert form_a.raw["applies_to"]["guide_items"] == list(range(1, 23)) + list(range(30, 39))


@pytest.mark.parametrize("score, level", [("100", "优秀"), ("90", "优秀"), ("89.99", "良好"), ("75", "良好"),
                                          ("74.999", "合格"), ("60", "合格"), ("59.5", "整改"), ("40", "整改"),
                                          ("39.99", "撤销"), ("0", "撤销")])
def test_form_b_levels(form_b, score, level):
    assert form_b.level_for(Decimal(score)).name == level


def _broken(form, edit):
    data = copy.deepcopy(form.raw)
    edit(data)
    return data


@pytest.mark.parametrize("edit, path, text", [
    (lambda d: d["criteria"][0].update(weight=16), "$.criteria", "之和应为 100，实际为 101"),
    (lambda d: d["criteria"][2]["anchors"].pop("D"), "$.criteria[2].anchors.D", "锚点"),
    (lambda d: d["grades"].pop(), "$.grades", "A、B、C、D、E"),
    (lambda d: d["grades"][1].update(value="1.10"), "$.grades[1].value", "0（不含）到 1"),
    (lambda d: d["grades"][2].update(value="0.90"), "$.grades[2].value", "应低于 B"),
    (lambda d: d["criteria"][1].update(id="c1"), "$.criteria[1].id", "不重复"),
    (lambda d: d.update(format="nn-form/9"), "$.format", "nn-form/1"),
    (lambda d: d["texts"].pop("opinion_min_chars"), "$.texts.opinion_min_chars", "缺少"),
])
def test_invalid_form_names_the_path(form_a, edit, path, text):
    with pytest.raises(FormError) as e:
        parse_form(_broken(form_a, edit), "test.json")
    assert e.value.path == path and text in e.value.message


def test_load_form_file_roundtrip(tmp_path, form_a):
    p = tmp_path / "custom.json"
    p.write_text(json.dumps(form_a.raw, ensure_ascii=False), encoding="utf-8")
    assert load_form(p).criteria == form_a.criteria
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(FormError, match="无法读取"):
        load_form(p)
    with pytest.raises(FormError, match="没有内置评审表"):
        builtin_form("form-z")


# -- totals -------------------------------------------------------------------------------

def test_expert_total_fixed_mode_is_exact(form_a):
    assert expert_total(form_a, {f"c{i}": "A" for i in range(1, 7)}, False) == 100
    mixed = {"c1": "A", "c2": "B", "c3": "C", "c4": "D", "c5": "E", "c6": {"grade": "A"}}
    # 15×1.00 + 20×0.80 + 20×0.60 + 15×0.40 + 20×0.20 + 10×1.00
    assert expert_total(form_a, mixed, False) == Decimal("63")
    assert expert_total(form_a, {f"c{i}": "E" for i in range(1, 7)}, False) == 20


def test_expert_total_band_mode_uses_points(form_a):
    grades = {"c1": {"grade": "A", "points": "95"}, "c2": {"grade": "B", "points": "89.5"},
              "c3": {"grade": "C", "points": "70.1"}, "c4": {"grade": "D", "points": 40},
              "c5": {"grade": "E", "points": "0"}, "c6": {"grade": "A", "points": "100"}}
    total = expert_total(form_a, grades, True)
    assert total == Decimal("14.25") + Decimal("17.9") + Decimal("14.02") + 6 + 0 + 10
    assert total == Decimal("62.17") and display(total) == "62.17"  # exact: no binary floats on the way
    with pytest.raises(ValueError, match="75–89"):
        expert_total(form_a, dict(grades, c2={"grade": "B", "points": "90"}), True)


def test_expert_total_refuses_incomplete_or_unknown(form_a):
    with pytest.raises(ValueError, match="c6"):
        expert_total(form_a, {f"c{i}": "A" for i in range(1, 6)}, False)
    with pytest.raises(ValueError, match="c7"):
        expert_total(form_a, {f"c{i}": "A" for i in range(1, 8)}, False)
    with pytest.raises(ValueError, match="A–E"):
        expert_total(form_a, dict({f"c{i}": "A" for i in range(1, 7)}, c3="F"), False)


def test_display_rounds_half_up_only_at_the_end():
    assert display(Decimal("62.345")) == "62.35"   # round(62.345, 2) gives 62.34 on floats
    assert display(Decimal("62.344")) == "62.34"
    assert display(Decimal("0.005")) == "0.01"
    assert display(80) == "80.00"


def test_han_count_counts_only_chinese_characters():
    assert han_count("abc，。123 汉字！") == 2
    assert han_count("𠀀㐀") == 2  # extension B and A
    assert han_count("") == 0


# -- validate_review ----------------------------------------------------------------------

def test_valid_reviews_have_no_problems(form_a, form_b):
    assert validate_review(form_a, review(), False) == []
    b = review(recommendation=None)
    b["grades"] = {f"c{i}": {"grade": "A", "comment": ""} for i in range(1, 6)}
    assert validate_review(form_b, b, False) == []
    banded = review()
    for g in banded["grades"].values():
        g["points"] = "80"
    assert validate_review(form_a, banded, True) == []


def test_each_problem_is_reported_precisely(form_a):
    r = review()
    del r["grades"]["c1"]                                  # missing grade
    r["grades"]["c2"]["grade"] = "F"                       # not A–E
    r["grades"]["c3"]["grade"] = "D"                       # D without comment
    r["grades"]["c4"] = {"grade": "E", "comment": "  "}    # E with a blank comment
    r["grades"]["c9"] = {"grade": "A", "comment": ""}      # unknown criterion
    r["opinion"] = "同意。" * 24 + "OK 123"                   # 48 汉字
    r["recommendation"] = "strongly_support"
    problems = validate_review(form_a, r, False)
    assert codes(problems) == [
        ("grades.c9", "criterion.unknown"), ("grades.c1", "criterion.missing"), ("grades.c2.grade", "grade.invalid"),
        ("grades.c3.comment", "comment.missing"), ("grades.c4.comment", "comment.missing"),
        ("opinion", "opinion.too_short"), ("recommendation", "recommendation.invalid")]
    msg = {p.field: p.message for p in problems}
    assert "c1“立项必要性与需求导向”未评定等级" in msg["grades.c1"]
    assert "'F'" in msg["grades.c2.grade"] and "评为 D（较差）" in msg["grades.c3.comment"]
    assert "至少 50 个汉字，实际 48 个" in msg["opinion"]
    assert "support、support_if_revised、reject" in msg["recommendation"]
    assert "没有指标 c9" in msg["grades.c9"]


@pytest.mark.parametrize("grade, points, ok", [
    ("A", "90", True), ("A", "100", True), ("A", "100.01", False), ("A", "89.99", False),
    ("B", "75", True), ("B", "89.99", True), ("B", "90", False), ("B", "74.5", False),
    ("D", "59.5", True), ("E", "0", True), ("E", "-1", False), ("C", "abc", False)])
def test_band_mode_points_must_lie_in_the_grade_band(form_a, grade, points, ok):
    r = review()
    r["grades"]["c2"] = {"grade": grade, "points": points, "comment": "理由"}
    for cid in ("c1", "c3", "c4", "c5", "c6"):
        r["grades"][cid]["points"] = "80"
    problems = validate_review(form_a, r, True)
    assert (problems == []) is ok
    if not ok:
        assert problems[0].field == "grades.c2.points"
        assert problems[0].code == ("points.invalid" if points == "abc" else "points.out_of_band")


def test_band_mode_needs_points_and_fixed_mode_refuses_them(form_a):
    problems = validate_review(form_a, review(), True)
    assert {p.code for p in problems} == {"points.missing"} and len(problems) == 6
    r = review()
    r["grades"]["c5"]["points"] = "80"
    assert codes(validate_review(form_a, r, False)) == [("grades.c5.points", "points.not_allowed")]


def test_recommendation_rules_per_form(form_a, form_b):
    assert codes(validate_review(form_a, review(recommendation=None), False)) == [
        ("recommendation", "recommendation.missing")]
    b = review(recommendation="support")
    b["grades"] = {f"c{i}": {"grade": "B", "comment": ""} for i in range(1, 6)}
    assert codes(validate_review(form_b, b, False)) == [("recommendation", "recommendation.not_allowed")]


def test_recused_review_needs_reason_and_no_scores(form_a):
    ok = {"recused": True, "recusal_reason": "本人所在单位为合作单位", "grades": {}, "opinion": "", "recommendation": None}
    assert validate_review(form_a, ok, False) == []
    bad = dict(ok, recusal_reason=" ", grades=review()["grades"], recommendation="reject")
    assert codes(validate_review(form_a, bad, False)) == [
        ("recusal_reason", "recusal.reason_missing"), ("grades", "recusal.has_grades"),
        ("recommendation", "recusal.has_recommendation")]
