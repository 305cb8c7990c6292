"""The expert's core texts per language (issue 15 item 12): what is missing before an application
can be marked complete, and the workspace's refusals — Chinese for the CLI, English in an English GUI."""

from __future__ import annotations

import re

import pytest

from nn_review.expert import WorkspaceError
from nn_review.expert.texts import grade_label, problem_msg, recommendation_name
from nn_review.forms import builtin_form, validate_review
from nn_review.i18n import render, text_of

from .expert_fixtures import issue, no_real_keyring, world, ws  # noqa: F401

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


class _Draft:
    def __init__(self, review):
        self.grades, self.opinion = review["grades"], review["opinion"]


def _english_without_data(text: str, form) -> str:
    for c in form.criteria:
        text = text.replace(c.name, "")
    return text


@pytest.mark.parametrize("band_mode", [False, True])
def test_every_missing_item_has_a_message_in_both_languages(band_mode):
    form = builtin_form("form-a")
    c = form.criteria
    review = {"grades": {c[0].id: {"grade": "D", "comment": ""},                       # comment missing
                         c[1].id: {"grade": "Z", "comment": ""},                       # invalid grade
                         c[2].id: {"grade": "B", "comment": "", "points": "99" if band_mode else "5"},
                         c[3].id: {"grade": "A", "comment": "x" * 20_001}},            # comment too long
              "opinion": "太短", "recommendation": None}                               # c5, c6 missing
    problems = validate_review(form, review, band_mode)
    assert len(problems) >= 7
    for p in problems:
        msg = problem_msg(form, p, _Draft(review))
        assert msg.key != "expert.missing.other", p
        zh, en = render(msg, "zh_CN"), render(msg, "en")
        assert CJK.search(zh) and not CJK.search(_english_without_data(en, form)), (p, en)
    texts = [render(problem_msg(form, p, _Draft(review)), "en") for p in problems]
    assert any("graded D (Poor): write the reason" in t for t in texts)
    assert any("at least 50 Chinese characters; it has 2" in t for t in texts)
    assert any(t.startswith("Choose a recommendation (Support, Support after revision, Do not support)") for t in texts)
    assert render(grade_label(form, "B"), "zh_CN") == "B（良好）" and render(grade_label(form, "B"), "en") == "B (Good)"
    assert render(recommendation_name("support", "建议支持"), "en") == "Support"
    assert recommendation_name("support", "某单位自定的名称") == "某单位自定的名称"  # a form's own name is data


def test_refusals_of_the_workspace_in_both_languages(ws, world, tmp_path):
    info = issue(world, tmp_path)
    bid = ws.add_bundle(info.path, info.password).bundle.bundle_id
    aid = info.application_ids[0]
    seen = []
    for action in (lambda: ws.set_recusal(bid, aid, True, "  "),
                   lambda: ws.export(bid, tmp_path / "usb"),                  # not all complete
                   lambda: ws.set_points(bid, aid, "c1", "80"),                # not a band-mode session
                   lambda: ws.add_bundle(info.path, info.password),            # already open
                   lambda: ws.remove_bundle_data(bid)):                         # never exported
        with pytest.raises(WorkspaceError) as e:
            action()
        zh, _ = text_of(e.value, "zh_CN")
        en, _ = text_of(e.value, "en")
        assert CJK.search(zh) and CJK.search(str(e.value)), zh  # the CLI keeps Chinese
        assert not CJK.search(en.replace(info.path.name, "")), en
        seen.append(e.value.code)
    assert seen == ["workspace.recusal_reason", "scores.incomplete", "workspace.points", "workspace.bundle_held",
                    "workspace.not_exported"]
