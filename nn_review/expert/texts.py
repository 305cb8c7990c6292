"""What the expert window shows of the core, per language (issue 15 item 12): what is still
missing before an application can be marked complete, grade and recommendation names.

``forms.validate_review`` answers in Chinese (the CLI and the score file's checks use it); each
``Problem`` also has a stable ``code`` and ``field``, from which :func:`problem_msg` makes an
``i18n.Msg`` naming the criterion the way the expert sees it (its number and name, not its id).
The built-in forms' grade and recommendation names are translated; a form's own names are data.
"""

from __future__ import annotations

from typing import Any

from ..forms import MAX_TEXT_CHARS, Form, Problem, criterion_msg, han_count
from ..i18n import M, Msg

GRADE_NAMES = {"优秀": "expert.grade.excellent", "良好": "expert.grade.good", "一般": "expert.grade.fair",
               "较差": "expert.grade.poor", "差": "expert.grade.bad"}
RECOMMENDATIONS = {("support", "建议支持"): "expert.rec.support",
                   ("support_if_revised", "修改后支持"): "expert.rec.support_if_revised",
                   ("reject", "不建议支持"): "expert.rec.reject"}


def grade_name(name: str) -> Msg | str:
    """A grade's name: the built-in names per language, any other as the form has it."""
    key = GRADE_NAMES.get(name)
    return M(key) if key else name


def grade_label(form: Form, letter: str) -> Msg | str:
    """'B（良好）' / 'B (Good)'."""
    g = form.grade(letter)
    return M("expert.grade.label", grade=letter, name=grade_name(g.name)) if g else letter


def recommendation_name(rid: str, name: str) -> Msg | str:
    key = RECOMMENDATIONS.get((rid, name))
    return M(key) if key else name


def problem_msg(form: Form, problem: Problem, draft: Any = None) -> Msg:
    """What ``problem`` (of ``draft``, a ``drafts.Draft`` when known) asks of the expert."""
    code, fld = problem.code, problem.field
    grades = getattr(draft, "grades", None) or {}
    if fld.startswith("grades.") and fld.count(".") >= 1:
        cid = fld.split(".")[1]
        c = form.criterion(cid)
        if c is not None:
            n = form.criteria.index(c) + 1
            letter = (grades.get(cid) or {}).get("grade")
            g = form.grade(letter) if isinstance(letter, str) else None
            grade = grade_label(form, letter) if g else (letter or "")
            band = g.band_text if g else ""
            simple = {"criterion.missing": "expert.missing.grade", "grade.invalid": "expert.missing.grade_invalid",
                      "grade.type": "expert.missing.grade_invalid", "points.invalid": "expert.missing.points_invalid",
                      "points.not_allowed": "expert.missing.points_not_allowed"}
            if code in simple:
                return M(simple[code], n=n, criterion=criterion_msg(form, c.id))
            if code == "points.missing":
                return M("expert.missing.points", n=n, criterion=criterion_msg(form, c.id), band=band)
            if code == "points.out_of_band":
                return M("expert.missing.points_band", n=n, criterion=criterion_msg(form, c.id), grade=grade, band=band)
            if code in ("comment.missing", "comment.type"):
                return M("expert.missing.comment", n=n, criterion=criterion_msg(form, c.id), grade=grade)
            if code == "comment.too_long":
                return M("expert.missing.comment_too_long", n=n, criterion=criterion_msg(form, c.id), max=MAX_TEXT_CHARS)
    if code in ("opinion.too_short", "opinion.type"):
        return M("expert.missing.opinion_short", need=form.opinion_min_chars,
                 have=han_count(getattr(draft, "opinion", "") or ""))
    if code == "opinion.too_long":
        return M("expert.missing.opinion_too_long", max=MAX_TEXT_CHARS)
    if code == "recommendation.missing":
        return M("expert.missing.recommendation",
                 choices=[recommendation_name(r, name) for r, name in form.recommendations])
    if code == "recusal.reason_missing":
        return M("expert.missing.recusal_reason")
    if code == "recusal.reason_too_long":
        return M("expert.missing.recusal_too_long", max=MAX_TEXT_CHARS)
    return M("expert.missing.other", field=fld)
