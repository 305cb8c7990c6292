"""Aggregation arithmetic, divergence flags and inter-rater statistics with hand-computed
expectations (no database)."""

from decimal import Decimal as D
from fractions import Fraction

import pytest

from nn_review.forms import display
from nn_review.results.aggregate import (RankKey, ResultsError, computed_recommendation, divide, has_two_thirds,
                                         parse_rule, project_score, rank, recommendation_counts, trimmed_mean)
from nn_review.results.agreement import average_ranks, chi2_sf, kendall_w_matrix, panel_kendall, severity
from nn_review.results.divergence import ScoredExpert, grade_flags, split_flag, total_flags

RULE = parse_rule("trimmed_mean_from_5")


def totals(*xs):
    return [D(str(x)) for x in xs]


# -- project score ---------------------------------------------------------------------------

def test_four_scores_use_the_plain_mean():
    s = project_score(totals(80, 70, 65, 61), RULE)
    assert (s.n, s.method, s.value) == (4, "mean", D("69"))
    assert s.trimmed_mean == D("67.5")  # shown for information, not used below 5 scores


def test_trimmed_mean_with_five_experts():
    # 92, 85, 80, 76, 60: drop 92 and 60 → (85 + 80 + 76) / 3 = 241 / 3 = 80.333…
    s = project_score(totals(92, 85, 80, 76, 60), RULE)
    assert s.method == "trimmed_mean" and (s.dropped_high, s.dropped_low) == (D(92), D(60))
    assert display(s.value) == "80.33" and display(s.mean) == "78.60"
    assert s.value * 3 == D(241) or abs(s.value * 3 - 241) < D("1e-35")


def test_trimmed_mean_with_six_experts():
    # 90, 88, 84, 80, 71, 70: drop 90 and 70 → 323 / 4 = 80.75 exactly; mean 483 / 6 = 80.5
    s = project_score(totals(90, 88, 84, 80, 71, 70), RULE)
    assert (s.value, s.mean) == (D("80.75"), D("80.5"))


def test_trimmed_mean_with_seven_experts_drops_only_one_of_equal_extremes():
    # 100, 100, 83, 80, 78, 40, 40: one 100 and one 40 dropped → (100+83+80+78+40) / 5 = 381 / 5 = 76.2
    s = project_score(totals(100, 100, 83, 80, 78, 40, 40), RULE)
    assert s.value == D("76.2") and s.mean == divide(D(521), 7)
    assert display(s.mean) == "74.43"


def test_rounding_is_half_up_at_display_only():
    s = project_score(totals("80.01", "80.00"), RULE)
    assert s.value == D("80.005")            # exact, never stored rounded
    assert display(s.value) == "80.01"       # half-up (banker's rounding would give 80.00)
    assert display(D("13.125")) == "13.13" and display(D("-0.005")) == "-0.01"


def test_no_scores_and_rules():
    assert project_score([], RULE).value is None
    assert parse_rule("mean").method(9) == "mean"
    assert parse_rule("trimmed_mean").method(3) == "trimmed_mean"
    assert parse_rule("trimmed_mean_from_7").method(6) == "mean"
    assert parse_rule(None).id == "trimmed_mean_from_5"
    with pytest.raises(ResultsError, match="未知的计分规则"):
        parse_rule("median")
    assert trimmed_mean(totals(1, 2)) is None


# -- recommendations and ranking -------------------------------------------------------------

OPTIONS = ("support", "support_if_revised", "reject")


def test_recommendation_majority_and_cautious_tie():
    c = recommendation_counts(["support", "reject", "support", None], OPTIONS)
    assert c == {"support": 2, "support_if_revised": 0, "reject": 1}
    assert computed_recommendation(c, OPTIONS) == "support"
    tie = {"support": 2, "support_if_revised": 2, "reject": 0}
    assert computed_recommendation(tie, OPTIONS) == "support_if_revised"
    assert computed_recommendation({o: 0 for o in OPTIONS}, OPTIONS) is None


def test_two_thirds():
    assert has_two_thirds({"support": 2, "reject": 1})          # 2 of 3
    assert has_two_thirds({"support": 4, "reject": 2})          # exactly 2/3
    assert not has_two_thirds({"support": 4, "reject": 3})      # 4 of 7
    assert has_two_thirds({"support": 5, "reject": 2})


def test_ranking_tie_breaks():
    keys = [RankKey("A-3", D("80"), 3, D("16")),
            RankKey("A-1", D("80"), 3, D("16")),      # same as A-3: application id decides
            RankKey("A-2", D("80"), 4, D("12")),      # more support wins over criterion 2
            RankKey("A-4", D("80"), 3, D("18")),      # same support, better criterion 2
            RankKey("A-5", D("80.005"), 0, D("0")),   # higher exact score beats all (displays 80.01)
            RankKey("A-6", None, 9, D("20"))]         # unscored: no rank
    assert rank(keys) == {"A-5": 1, "A-2": 2, "A-4": 3, "A-1": 4, "A-3": 5, "A-6": None}


# -- divergence flags ------------------------------------------------------------------------

def E(i, total, grades="BBBBBB", rec="support"):
    return ScoredExpert(i, f"专家{i}", D(str(total)), {f"c{k}": g for k, g in enumerate(grades, 1)}, rec)


def test_total_flag_strictly_more_than_15_from_the_others_mean():
    assert total_flags("X", [E(1, 95), E(2, 80), E(3, 80)]) == []          # exactly 15: not flagged
    [f] = total_flags("X", [E(1, "95.01"), E(2, 80), E(3, 80)])
    assert f.kind == "total" and f.experts[0]["expert_id"] == 1
    assert f.numbers["others_mean"] == "80" and f.numbers["difference"] == "15.01"
    assert "专家1 的总分 95.01 高出其他 2 位专家的平均分 80.00 共 15.01 分" in f.message
    [low] = total_flags("X", [E(1, 60), E(2, 80), E(3, 78), E(4, 79)])
    assert low.numbers["difference"].startswith("-19") and "低于" in low.message
    assert total_flags("X", [E(1, 10)]) == []


def test_grade_flags_three_steps_apart():
    crit = [(f"c{i}", f"指标{i}") for i in range(1, 7)]
    assert grade_flags("X", [E(1, 0, "ABBBBB"), E(2, 0, "CBBBBB")], crit) == []   # A–C: 2 steps
    flags = grade_flags("X", [E(1, 0, "ABBBBB"), E(2, 0, "DBBBBE"), E(3, 0, "BBBBBB")], crit)
    assert [(f.key, f.numbers["highest"], f.numbers["lowest"], f.numbers["steps"]) for f in flags] == [
        ("grades:c1", "A", "D", 3), ("grades:c6", "B", "E", 3)]
    assert "专家1 评 A，专家2 评 D，相差 3 档" in flags[0].message


def test_split_flag():
    names = {"support": "建议支持", "support_if_revised": "修改后支持", "reject": "不建议支持"}
    experts = [E(i, 80) for i in range(7)]
    assert split_flag("X", {"support": 5, "support_if_revised": 0, "reject": 2}, names, experts) == []
    [f] = split_flag("X", {"support": 4, "support_if_revised": 1, "reject": 2}, names, experts)
    assert f.numbers == {"counts": {"support": 4, "support_if_revised": 1, "reject": 2}, "votes": 7, "largest": 4,
                         "needed": 5}
    assert "建议支持 4 票、修改后支持 1 票、不建议支持 2 票" in f.message


# -- inter-rater -----------------------------------------------------------------------------

def test_kendall_w_textbook_no_ties():
    """Siegel (1956) / Siegel & Castellan (1988): 3 executives rank 6 applicants, W = 0.16."""
    w, chi2, df, ties = kendall_w_matrix([[1, 6, 3, 2, 5, 4], [1, 5, 6, 4, 2, 3], [6, 3, 2, 5, 4, 1]])
    assert w == Fraction(17, 105) and round(float(w), 3) == 0.162 and not ties
    assert df == 5 and chi2 == pytest.approx(2.4286, abs=1e-4)


def test_kendall_w_textbook_with_ties():
    """irr::kendall / DescTools::KendallW(anxiety, correct=TRUE): 20 subjects, 3 raters, Wt = 0.5396569,
    χ²(19) = 30.76 (p ≈ 0.043); uncorrected W = 0.502."""
    r1 = [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3]
    r2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4]
    r3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2]
    w, chi2, df, ties = kendall_w_matrix([r1, r2, r3])
    assert float(w) == pytest.approx(0.5396569, abs=1e-7) and ties and df == 19
    assert chi2 == pytest.approx(30.76, abs=0.01) and chi2_sf(chi2, df) == pytest.approx(0.0429, abs=5e-4)
    assert float(kendall_w_matrix([r1, r2, r3], correct_ties=False)[0]) == pytest.approx(0.5019, abs=1e-4)


def test_average_ranks_and_chi2():
    ranks, ties = average_ranks([80, 70, 80, 60])
    assert ranks == [Fraction(7, 2), 2, Fraction(7, 2), 1] and ties == 6
    assert chi2_sf(3.841458820694124, 1) == pytest.approx(0.05, abs=1e-9)
    assert chi2_sf(0, 3) == 1.0


def test_panel_kendall_complete_block_and_explanations():
    scores = {1: {"a": D(90), "b": D(80), "c": D(70)}, 2: {"a": D(85), "b": D(75), "c": D(65)},
              3: {"a": D(60)}, 4: {}}
    k = panel_kendall(scores, {1: "甲", 2: "乙", 3: "丙", 4: "丁"})
    assert (k.m, k.n, k.w, k.left_out) == (2, 3, 1.0, ["丙"])  # 丙 scored only one application
    assert "W = 1.000" in k.explanation and "未包括 丙" in k.explanation
    none = panel_kendall({1: {"a": D(1)}})
    assert none.w is None and "无法计算" in none.explanation
    flat = panel_kendall({1: {"a": D(80), "b": D(80), "c": D(80)}, 2: {"a": D(70), "b": D(70), "c": D(70)}})
    assert flat.w is None and "总分都相同" in flat.explanation


def test_severity_sign_and_explanation():
    s = severity(7, "王建国", [D(-4), D(-2), D(0)])
    assert (s.n, s.mean_deviation, s.mean_abs_deviation) == (3, D(-2), D(2))
    assert "-2.00" in s.explanation and "偏严" in s.explanation and "3 个项目" in s.explanation
    assert "偏宽" in severity(1, "李", [D("1.5")]).explanation
    assert severity(1, "赵", []).mean_deviation is None
