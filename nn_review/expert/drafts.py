"""One application's draft review on the expert's laptop, and the fields grading actions change.

A draft is what the expert has entered so far; :meth:`Draft.review` turns it into the
score-file shape (docs/formats.md §2.1) that :func:`forms.validate_review` checks and the
signed ``.nnscore`` carries. Fields changed by one grading action (the unit of undo/redo):

* ``grade.<cid>`` — ``{"grade": "A".."E" | None, "points": "87.5" | None}``
* ``comment.<cid>`` — the criterion's comment (text)
* ``opinion`` — the overall opinion (text)
* ``recommendation`` — a recommendation id or None
* ``recusal`` — ``{"recused": bool, "reason": str}``
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..forms import Form, Problem, expert_total, grade_value, validate_review

NOT_STARTED, IN_PROGRESS, COMPLETE, RECUSED = "not_started", "in_progress", "complete", "recused"
STATUS_ZH = {NOT_STARTED: "未开始", IN_PROGRESS: "进行中", COMPLETE: "已完成", RECUSED: "回避"}
TEXT_FIELDS = ("comment.", "opinion")  # consecutive edits of one text field are one undo step


@dataclass
class Draft:
    bundle_id: str
    application_id: str
    grades: dict[str, dict[str, Any]] = field(default_factory=dict)  # cid → {grade, points, comment}
    opinion: str = ""
    recommendation: str | None = None
    recused: bool = False
    recusal_reason: str = ""
    completed: bool = False
    updated_at: str | None = None

    # -- fields ---------------------------------------------------------------------------

    def get(self, fld: str) -> Any:
        if fld.startswith("grade."):
            e = self.grades.get(fld[6:]) or {}
            return {"grade": e.get("grade"), "points": e.get("points")}
        if fld.startswith("comment."):
            return (self.grades.get(fld[8:]) or {}).get("comment", "")
        if fld == "opinion":
            return self.opinion
        if fld == "recommendation":
            return self.recommendation
        if fld == "recusal":
            return {"recused": self.recused, "reason": self.recusal_reason}
        raise KeyError(fld)

    def set(self, fld: str, value: Any) -> None:
        if fld.startswith("grade.") or fld.startswith("comment."):
            cid = fld.split(".", 1)[1]
            e = dict(self.grades.get(cid) or {"grade": None, "points": None, "comment": ""})
            if fld.startswith("grade."):
                e["grade"], e["points"] = value.get("grade"), value.get("points")
            else:
                e["comment"] = value or ""
            if e["grade"] is None and e["points"] is None and not e["comment"]:
                self.grades.pop(cid, None)
            else:
                self.grades[cid] = e
        elif fld == "opinion":
            self.opinion = value or ""
        elif fld == "recommendation":
            self.recommendation = value or None
        elif fld == "recusal":
            self.recused, self.recusal_reason = bool(value["recused"]), value.get("reason") or ""
        else:
            raise KeyError(fld)

    # -- views ----------------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return not (self.grades or self.opinion.strip() or self.recommendation or self.recused)

    @property
    def status(self) -> str:
        if self.recused:
            return RECUSED
        if self.completed:
            return COMPLETE
        return NOT_STARTED if self.is_empty else IN_PROGRESS

    def review(self, band_mode: bool) -> dict[str, Any]:
        """The score-file review of this draft (a recused one carries a reason and nothing else)."""
        out: dict[str, Any] = {"application_id": self.application_id, "recused": self.recused,
                               "recusal_reason": self.recusal_reason if self.recused else ""}
        if self.recused:
            out.update(grades={}, opinion="", recommendation=None)
        else:
            grades = {}
            for cid, e in sorted(self.grades.items()):
                if not e.get("grade"):
                    continue
                g = {"grade": e["grade"], "comment": e.get("comment") or ""}
                if band_mode and e.get("points") is not None:
                    g["points"] = e["points"]
                grades[cid] = g
            out.update(grades=grades, opinion=self.opinion, recommendation=self.recommendation)
        if self.updated_at:
            out["updated_at"] = self.updated_at
        return out

    def problems(self, form: Form, band_mode: bool) -> list[Problem]:
        return validate_review(form, self.review(band_mode), band_mode)

    def total(self, form: Form, band_mode: bool) -> tuple[Decimal, int]:
        """(sum over the criteria graded validly so far, number of criteria still without a valid grade)."""
        grades = self.review(band_mode)["grades"] if not self.recused else {}
        total, missing = Decimal(0), 0
        for c in form.criteria:
            try:
                total += c.weight * grade_value(form, c.id, grades[c.id], band_mode)
            except (KeyError, ValueError):
                missing += 1
        return total, missing

    def final_total(self, form: Form, band_mode: bool) -> Decimal | None:
        if self.recused:
            return None
        try:
            return expert_total(form, self.review(band_mode)["grades"], band_mode)
        except ValueError:
            return None

    # -- persistence ------------------------------------------------------------------------

    @classmethod
    def from_row(cls, row) -> Draft:
        return cls(row.bundle_id, row.application_id, json.loads(row.grades_json or "{}"), row.opinion or "",
                   row.recommendation, bool(row.recused), row.recusal_reason or "", bool(row.completed),
                   row.updated_at)

    def row_values(self) -> dict[str, Any]:
        return {"b": self.bundle_id, "a": self.application_id,
                "grades": json.dumps(self.grades, ensure_ascii=False, sort_keys=True), "opinion": self.opinion,
                "rec": self.recommendation, "recused": self.recused, "reason": self.recusal_reason,
                "completed": self.completed, "at": self.updated_at}


def normalize_points(value: Any) -> str | None:
    """Points as the exact decimal string signed into the score file (≤ 4 decimals, 0–100)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(f"分值应为数字，实际为 {value!r}") from None
    if not d.is_finite() or not Decimal(0) <= d <= Decimal(100):
        raise ValueError(f"分值应在 0–100 之间，实际为 {value}")
    if d.as_tuple().exponent < -4:
        raise ValueError(f"分值最多保留 4 位小数，实际为 {value}")
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def grade_for_points(form: Form, points: str) -> str | None:
    """The grade whose band holds ``points`` (band mode: typing a value picks the grade)."""
    p = Decimal(points)
    return next((g.grade for g in form.grades if g.in_band(p)), None)
