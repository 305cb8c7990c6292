"""Texts of the results per language (issue 15 items 8 and 12): the names of the built-in forms,
flags, severity, Kendall's W in plain words, the finalise refusal — Chinese as the CLI and the
sheets print it, English without Chinese."""

from __future__ import annotations

import re
from decimal import Decimal as D

from nn_review.forms import (builtin_form, criterion_name, grade_label, grade_name, level_name, parse_form,
                             recommendation_name)
from nn_review.i18n import render
from nn_review.results.agreement import kendall_msgs, panel_kendall, severity, severity_msg
from nn_review.results.divergence import ScoredExpert, application_flags

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def test_names_of_the_built_in_forms_per_language():
    a, b = builtin_form("form-a"), builtin_form("form-b")
    assert grade_label(a, "A", "zh_CN") == "A 优秀" and grade_label(a, "A", "en") == "A Excellent"
    assert grade_name(a, "E", "en") == "Very poor" and grade_name(a, "X", "en") == ""
    assert recommendation_name(a, "support_if_revised", "zh_CN") == "修改后支持"
    assert recommendation_name(a, "support_if_revised", "en") == "Support after revision"
    assert recommendation_name(a, None, "en") == "—"
    assert level_name(b, "rectify", "zh_CN") == "整改" and level_name(b, "rectify", "en") == "Rectify"
    for form in (a, b):
        for c in form.criteria:
            assert criterion_name(form, c.id, "zh_CN") == c.name
            assert not CJK.search(criterion_name(form, c.id, "en")), c.id


def test_a_form_with_names_of_its_own_shows_them_as_they_are():
    raw = dict(builtin_form("form-a").raw)
    raw["recommendations"] = [{"id": "support", "name": "同意立项"}]
    raw["grades"] = [dict(g, name="很好") if g["grade"] == "A" else g for g in raw["grades"]]
    form = parse_form(raw)
    assert recommendation_name(form, "support", "en") == "同意立项"   # data: no guessed translation
    assert grade_label(form, "A", "en") == "A 很好" and grade_label(form, "B", "en") == "B Good"


def test_flags_render_as_the_cli_prints_them_and_in_english():
    form = builtin_form("form-a")
    experts = [ScoredExpert(1, "王建国", D(100), {c.id: "A" for c in form.criteria}, "support"),
               ScoredExpert(2, "李秀英", D(80), {c.id: "B" for c in form.criteria}, "support"),
               ScoredExpert(3, "赵明", D(20), {c.id: "E" for c in form.criteria}, "reject")]
    flags = application_flags("NNKJ-1", experts, [(c.id, c.name) for c in form.criteria],
                              {"support": 2, "support_if_revised": 1, "reject": 1}, dict(form.recommendations))
    kinds = {f.kind for f in flags}
    assert kinds == {"total", "grades", "split"}
    for f in flags:
        zh, en = render(f.msg(form), "zh_CN"), render(f.msg(form), "en")
        if f.kind != "grades":
            assert zh == f.message  # the same sentence as the CLI and the sheets
        else:  # plain: the criterion's name, not "指标 c1"
            assert "指标 c" not in zh and form.criteria[0].name in render(flags[[x.kind for x in flags]
                                                                              .index("grades")].msg(form), "zh_CN")
        assert not CJK.search(en.replace("王建国", "").replace("李秀英", "").replace("赵明", "")), en
        assert not CJK.search(render(f.kind_msg, "en"))


def test_agreement_in_plain_words_with_the_figures_apart():
    scores = {1: {"a": D(90), "b": D(80), "c": D(70), "d": D(60)}, 2: {"a": D(88), "b": D(79), "c": D(71), "d": D(50)},
              3: {"a": D(85), "b": D(82), "c": D(60), "d": D(55)}}
    k = panel_kendall(scores, {1: "甲", 2: "乙", 3: "丙"})
    sentences, figures = kendall_msgs(k)
    zh = "".join(render(m, "zh_CN") for m in sentences)
    assert zh.startswith("专家评分一致性：好。") and "W" not in zh
    assert f"W = {k.w:.3f}" in render(figures, "zh_CN") and "p = " in render(figures, "en")
    assert render(sentences[0], "en").startswith("Agreement among the experts: good.")
    none, detail = kendall_msgs(panel_kendall({1: {"a": D(1)}}))
    assert "暂无法判断" in render(none[0], "zh_CN") and not CJK.search(render(detail, "en"))
    s = severity(1, "甲", [D(-4), D(-2)])
    assert "偏严" in render(severity_msg(s), "zh_CN") and "strict" in render(severity_msg(s), "en")
    assert "lenient" in render(severity_msg(severity(2, "乙", [D(3)])), "en")
