"""Review forms (评审表) as data: load and validate a template, compute an expert's total,
check one expert's review of one application.

Forms are JSON files (``resources/forms/*.json``, format ``nn-form/1``, described in
``resources/forms/SCHEMA.md``). All arithmetic is exact (``Decimal``): grade values are
stored as decimal strings, weights as integers, band-mode points as decimal strings;
rounding happens only in :func:`display`.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Mapping

from .resources import resource

FORMAT = "nn-form/1"
GRADE_LETTERS = ("A", "B", "C", "D", "E")
HUNDRED = Decimal(100)


class FormError(ValueError):
    """A form template is malformed; ``path`` is the JSON path of the offending value."""

    def __init__(self, source: str, path: str, message: str):
        super().__init__(f"{source}: {path}: {message}")
        self.source, self.path, self.message = source, path, message


@dataclass(frozen=True)
class GradeDef:
    grade: str
    name: str
    value: Decimal      # fraction of the criterion weight (fixed mode)
    band_min: Decimal   # band mode: lowest allowed points (percent)
    band_max: Decimal   # the band's displayed upper bound ("75–89")
    upper: Decimal      # band mode: points must be < upper (or ≤ 100 for the top grade)
    top: bool

    def in_band(self, points: Decimal) -> bool:
        return self.band_min <= points and (points <= self.band_max if self.top else points < self.upper)

    @property
    def band_text(self) -> str:
        return f"{self.band_min}–{self.band_max}"


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    description: str
    weight: int
    anchors: Mapping[str, str]


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    min: Decimal


@dataclass(frozen=True)
class Form:
    id: str
    version: str
    title: str
    grades: tuple[GradeDef, ...]
    criteria: tuple[Criterion, ...]
    opinion_min_chars: int
    comment_required_grades: frozenset[str]
    recommendations: tuple[tuple[str, str], ...]  # (id, 中文)
    levels: tuple[Level, ...]                      # form B 等次, highest first; empty for form A
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def grade(self, letter: str) -> GradeDef | None:
        return next((g for g in self.grades if g.grade == letter), None)

    def criterion(self, cid: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == cid), None)

    @property
    def recommendation_ids(self) -> tuple[str, ...]:
        return tuple(r for r, _ in self.recommendations)

    def level_for(self, score: Decimal) -> Level | None:
        """The 等次 of an aggregated score (form B), or None when the form has no levels."""
        return next((lv for lv in self.levels if score >= lv.min), None)


@dataclass(frozen=True)
class Problem:
    field: str    # e.g. "grades.c2.points", "opinion"
    code: str     # e.g. "points.out_of_band"
    message: str  # Chinese, names criterion / expected / actual

    def __str__(self) -> str:
        return f"{self.field}：{self.message}"


# -- loading ------------------------------------------------------------------------------

def _dec(v: Any) -> Decimal | None:
    """Exact decimal from an int, a decimal string or a Decimal (floats go through str())."""
    if isinstance(v, bool) or v is None:
        return None
    try:
        d = Decimal(str(v)) if isinstance(v, (int, float, str)) else v if isinstance(v, Decimal) else None
    except InvalidOperation:
        return None
    return d if d is not None and d.is_finite() else None


def parse_form(data: Any, source: str = "<form>") -> Form:
    def fail(path: str, msg: str):
        raise FormError(source, path, msg)

    def get(obj: dict, key: str, path: str, types, required: bool = True):
        if not isinstance(obj, dict):
            fail(path, "应为对象")
        if key not in obj:
            if required:
                fail(f"{path}.{key}", "缺少必填字段")
            return None
        val = obj[key]
        if (types is int and isinstance(val, bool)) or not isinstance(val, types):
            fail(f"{path}.{key}", f"类型错误：{type(val).__name__}")
        return val

    if not isinstance(data, dict):
        fail("$", "顶层应为对象")
    if data.get("format") != FORMAT:
        fail("$.format", f"应为 {FORMAT!r}，实际为 {data.get('format')!r}")
    form_id = get(data, "id", "$", str)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", form_id):
        fail("$.id", f"表单编号只能含小写字母、数字和连字符：{form_id!r}")
    version = get(data, "version", "$", str)
    title = get(data, "title", "$", str)

    grades_raw = get(data, "grades", "$", list)
    if [g.get("grade") if isinstance(g, dict) else None for g in grades_raw] != list(GRADE_LETTERS):
        fail("$.grades", "应依次列出 A、B、C、D、E 五个等级")
    parsed = []
    for i, g in enumerate(grades_raw):
        p = f"$.grades[{i}]"
        name = get(g, "name", p, str)
        value = _dec(get(g, "value", p, (str, int)))
        if value is None or not Decimal(0) < value <= Decimal(1):
            fail(f"{p}.value", "应为 0（不含）到 1 之间的小数（字符串，如 \"0.80\"）")
        band = get(g, "band", p, dict)
        lo, hi = _dec(band.get("min")), _dec(band.get("max"))
        if lo is None or hi is None or not Decimal(0) <= lo <= hi <= HUNDRED:
            fail(f"{p}.band", "应为 {\"min\": 数值, \"max\": 数值}，0 ≤ min ≤ max ≤ 100")
        parsed.append((g["grade"], name, value, lo, hi))
    grades = []
    for i, (letter, name, value, lo, hi) in enumerate(parsed):
        if i:
            prev = parsed[i - 1]
            if value >= prev[2]:
                fail(f"$.grades[{i}].value", f"{letter} 的分值应低于 {prev[0]}")
            if hi >= prev[3]:
                fail(f"$.grades[{i}].band", f"{letter} 的分段应整体低于 {prev[0]} 的分段")
        # A lower band reaches up to (not including) the next higher band's minimum, so 89.5 is a B.
        upper = parsed[i - 1][3] if i else hi
        grades.append(GradeDef(letter, name, value, lo, hi, upper, top=(i == 0)))

    crit_raw = get(data, "criteria", "$", list)
    if not crit_raw:
        fail("$.criteria", "至少需要一个评审指标")
    criteria, seen = [], set()
    for i, c in enumerate(crit_raw):
        p = f"$.criteria[{i}]"
        if not isinstance(c, dict):
            fail(p, "应为对象")
        cid = get(c, "id", p, str)
        if not re.fullmatch(r"c[1-9][0-9]?", cid) or cid in seen:
            fail(f"{p}.id", f"指标编号应为 c1、c2…且不重复：{cid!r}")
        seen.add(cid)
        weight = get(c, "weight", p, int)
        if weight <= 0:
            fail(f"{p}.weight", "权重应为正整数")
        anchors = get(c, "anchors", p, dict)
        for letter in GRADE_LETTERS:
            if not isinstance(anchors.get(letter), str) or not anchors[letter].strip():
                fail(f"{p}.anchors.{letter}", "每个等级都需要锚点说明")
        if set(anchors) - set(GRADE_LETTERS):
            fail(f"{p}.anchors", f"未知等级 {sorted(set(anchors) - set(GRADE_LETTERS))}")
        criteria.append(Criterion(cid, get(c, "name", p, str), get(c, "description", p, str, False) or "",
                                  weight, dict(anchors)))
    total = sum(c.weight for c in criteria)
    if total != 100:
        fail("$.criteria", f"各指标权重之和应为 100，实际为 {total}")

    texts = get(data, "texts", "$", dict)
    min_chars = get(texts, "opinion_min_chars", "$.texts", int)
    if min_chars < 0:
        fail("$.texts.opinion_min_chars", "不能为负数")
    need_comment = get(texts, "comment_required_grades", "$.texts", list)
    if not set(need_comment) <= set(GRADE_LETTERS):
        fail("$.texts.comment_required_grades", "只能含 A–E")

    recs = []
    for i, r in enumerate(get(data, "recommendations", "$", list, False) or []):
        p = f"$.recommendations[{i}]"
        recs.append((get(r, "id", p, str), get(r, "name", p, str)))
    if len({r for r, _ in recs}) != len(recs):
        fail("$.recommendations", "推荐意见编号重复")

    levels = []
    for i, lv in enumerate(get(data, "levels", "$", (list, type(None)), False) or []):
        p = f"$.levels[{i}]"
        lo = _dec(get(lv, "min", p, (int, str)))
        if lo is None or (levels and lo >= levels[-1].min):
            fail(f"{p}.min", "等次下限应从高到低严格递减")
        levels.append(Level(get(lv, "id", p, str), get(lv, "name", p, str), lo))
    if levels and levels[-1].min != 0:
        fail("$.levels", "最低等次的下限应为 0（每个得分都要有等次）")

    return Form(form_id, version, title, tuple(grades), tuple(criteria), min_chars, frozenset(need_comment),
                tuple(recs), tuple(levels), raw=data)


def load_form(path: str | Path) -> Form:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FormError(str(path), "$", f"无法读取评审表文件：{e}") from e
    return parse_form(data, str(path))


def builtin_form_ids() -> list[str]:
    return sorted(p.stem for p in resource("forms").glob("*.json"))


@functools.cache
def builtin_form(form_id: str) -> Form:
    path = resource("forms", f"{form_id}.json")
    if not path.is_file():
        raise FormError("resources/forms", "$.id", f"没有内置评审表 {form_id!r}（可选：{', '.join(builtin_form_ids())}）")
    return load_form(path)


# -- arithmetic ---------------------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def han_count(text: str) -> int:
    """Chinese characters (汉字) in ``text``; punctuation, Latin letters and digits do not count."""
    return len(_HAN.findall(text or ""))


def _entry(entry: Any) -> tuple[Any, Any]:
    """(grade, points) from an entry that is either a letter or {"grade": …, "points": …}."""
    if isinstance(entry, Mapping):
        return entry.get("grade"), entry.get("points")
    return entry, None


def grade_value(form: Form, criterion_id: str, entry: Any, band_mode: bool) -> Decimal:
    """The fraction of the criterion's weight one grade entry earns (exact)."""
    letter, points = _entry(entry)
    g = form.grade(letter) if isinstance(letter, str) else None
    if g is None:
        raise ValueError(f"{criterion_id}：等级应为 A–E，实际为 {letter!r}")
    if not band_mode:
        return g.value
    p = _dec(points)
    if p is None or not g.in_band(p):
        raise ValueError(f"{criterion_id}：分段模式下等级 {letter} 的分值应在 {g.band_text} 内，实际为 {points!r}")
    return p / HUNDRED


def expert_total(form: Form, grades: Mapping[str, Any], band_mode: bool) -> Decimal:
    """Σ weight × grade value over every criterion of the form (0–100, exact).

    Raises ValueError when a criterion is missing or an entry is invalid: a total over an
    incomplete review would silently understate the expert's score.
    """
    missing = [c.id for c in form.criteria if c.id not in grades]
    if missing:
        raise ValueError(f"缺少指标 {', '.join(missing)} 的等级")
    unknown = sorted(set(grades) - {c.id for c in form.criteria})
    if unknown:
        raise ValueError(f"评审表 {form.id} 没有指标 {', '.join(unknown)}")
    return sum((c.weight * grade_value(form, c.id, grades[c.id], band_mode) for c in form.criteria), Decimal(0))


def display(value: Decimal | int | str, places: int = 2) -> str:
    """Round half-up for display only (never store the rounded figure)."""
    q = Decimal(1).scaleb(-places)
    return str(Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP))


# -- validation of one review -------------------------------------------------------------

MAX_TEXT_CHARS = 20_000  # opinion, comment, recusal reason: the score file's limit (docs/formats.md §2.6)


def _too_long(text: Any) -> bool:
    return isinstance(text, str) and len(text) > MAX_TEXT_CHARS


def validate_review(form: Form, review: Mapping[str, Any], band_mode: bool) -> list[Problem]:
    """Everything wrong with one expert's review of one application, in form order.

    ``review`` has the shape of one entry of a score file's ``reviews`` (docs/formats.md):
    ``recused``, ``recusal_reason``, ``grades`` {criterion: {grade, points?, comment}},
    ``opinion``, ``recommendation``. An empty list means the review is complete and valid.
    """
    out: list[Problem] = []

    def add(fld: str, code: str, msg: str) -> None:
        out.append(Problem(fld, code, msg))

    grades = review.get("grades") or {}
    rec = review.get("recommendation")
    if not isinstance(grades, Mapping):
        return [Problem("grades", "grades.type", "grades 应为对象（指标编号 → 评分）")]

    if review.get("recused"):
        # 回避: no scores at all; the reason is what the sheet shows instead.
        if not str(review.get("recusal_reason") or "").strip():
            add("recusal_reason", "recusal.reason_missing", "声明回避时必须填写回避理由")
        elif _too_long(review.get("recusal_reason")):
            add("recusal_reason", "recusal.reason_too_long",
                f"回避理由最多 {MAX_TEXT_CHARS} 个字符，实际 {len(review['recusal_reason'])} 个")
        if grades:
            add("grades", "recusal.has_grades", "已声明回避的申报不能有评分")
        if rec:
            add("recommendation", "recusal.has_recommendation", "已声明回避的申报不能有推荐意见")
        return out

    known = {c.id for c in form.criteria}
    for cid in grades:
        if cid not in known:
            add(f"grades.{cid}", "criterion.unknown",
                f"评审表“{form.title}”没有指标 {cid}（应为 {', '.join(sorted(known))}）")
    for c in form.criteria:
        label = f"指标 {c.id}“{c.name}”"
        if c.id not in grades:
            add(f"grades.{c.id}", "criterion.missing", f"{label}未评定等级")
            continue
        entry = grades[c.id]
        if not isinstance(entry, Mapping):
            add(f"grades.{c.id}", "grade.type", f"{label}的评分应为对象 {{grade, points?, comment}}")
            continue
        letter = entry.get("grade")
        g = form.grade(letter) if isinstance(letter, str) else None
        if g is None:
            add(f"grades.{c.id}.grade", "grade.invalid", f"{label}的等级应为 A–E 之一，实际为 {letter!r}")
        points = entry.get("points")
        if band_mode and g is not None:
            p = _dec(points)
            if points is None:
                add(f"grades.{c.id}.points", "points.missing", f"{label}：分段评分模式下必须填写分值（{g.band_text}）")
            elif p is None:
                add(f"grades.{c.id}.points", "points.invalid", f"{label}的分值应为数值，实际为 {points!r}")
            elif not g.in_band(p):
                upper = f"≤ {g.band_max}" if g.top else f"< {g.upper}"
                add(f"grades.{c.id}.points", "points.out_of_band",
                    f"{label}等级 {g.grade}（{g.name}）的分值应在 {g.band_text} 之间（≥ {g.band_min} 且 {upper}），"
                    f"实际为 {points}")
        elif not band_mode and points is not None:
            add(f"grades.{c.id}.points", "points.not_allowed", f"{label}：本批次按固定档位计分，不应填写分值")
        comment = entry.get("comment", "")
        if not isinstance(comment, str):
            add(f"grades.{c.id}.comment", "comment.type", f"{label}的说明应为文本")
        elif g is not None and g.grade in form.comment_required_grades and not comment.strip():
            add(f"grades.{c.id}.comment", "comment.missing",
                f"{label}评为 {g.grade}（{g.name}），必须填写理由说明")
        elif _too_long(comment):
            add(f"grades.{c.id}.comment", "comment.too_long",
                f"{label}的说明最多 {MAX_TEXT_CHARS} 个字符，实际 {len(comment)} 个")

    opinion = review.get("opinion", "")
    if not isinstance(opinion, str):
        add("opinion", "opinion.type", "专家意见应为文本")
    elif han_count(opinion) < form.opinion_min_chars:
        add("opinion", "opinion.too_short",
            f"专家意见至少 {form.opinion_min_chars} 个汉字，实际 {han_count(opinion)} 个")
    elif _too_long(opinion):
        add("opinion", "opinion.too_long", f"专家意见最多 {MAX_TEXT_CHARS} 个字符，实际 {len(opinion)} 个；请精简")

    ids = form.recommendation_ids
    if ids:
        if rec in (None, ""):
            add("recommendation", "recommendation.missing",
                f"必须给出推荐意见（{'、'.join(n for _r, n in form.recommendations)}）")
        elif rec not in ids:
            add("recommendation", "recommendation.invalid",
                f"推荐意见应为 {'、'.join(ids)} 之一，实际为 {rec!r}")
    elif rec not in (None, ""):
        add("recommendation", "recommendation.not_allowed", f"评审表“{form.title}”不设推荐意见，实际填写了 {rec!r}")
    return out


# -- names per language (issue 15 item 12) -------------------------------------------------------
# A form carries its names in Chinese. The built-in forms' names have English in the catalog
# (nn_review/i18n/catalog_results.py, ids ``forms.*``); a name is translated only while it is the
# one the catalog knows, so a form with names of its own shows them as they are (data).

def named(key: str, name: str):
    """``Msg(key)`` while ``name`` is the catalog's Chinese for it, else ``name`` itself (data)."""
    from .i18n import Msg, catalog
    pair = catalog().get(key)
    return Msg(key) if pair is not None and pair[0] == name else name


def _render(value, lang: str | None) -> str:
    from .i18n import render
    return render(value, lang)


def grade_msg(form: Form, grade: str):
    g = form.grade(grade)
    return named(f"forms.grade.{grade}", g.name) if g is not None else ""


def grade_name(form: Form, grade: str, lang: str | None = None) -> str:
    """优秀 / Excellent — the name of grade ``grade`` (A–E) of ``form``; '' for an unknown letter."""
    return _render(grade_msg(form, grade), lang)


def grade_label(form: Form, grade: str, lang: str | None = None) -> str:
    """“A 优秀” / “A Excellent”: the letter and its name, as lists and descriptions show a grade."""
    name = grade_name(form, grade, lang)
    return f"{grade} {name}" if name else grade


def recommendation_msg(form: Form, rid: str | None):
    name = dict(form.recommendations).get(rid) if rid else None
    return named(f"forms.rec.{rid}", name) if name else "—"


def recommendation_name(form: Form, rid: str | None, lang: str | None = None) -> str:
    """建议支持 / Support; '—' for none."""
    return _render(recommendation_msg(form, rid), lang)


def level_msg(form: Form, lid: str | None):
    name = next((lv.name for lv in form.levels if lv.id == lid), None) if lid else None
    return named(f"forms.level.{lid}", name) if name else "—"


def level_name(form: Form, lid: str | None, lang: str | None = None) -> str:
    """The 等次 (form B): 优秀 / Excellent; '—' for none."""
    return _render(level_msg(form, lid), lang)


def criterion_msg(form: Form, cid: str):
    c = form.criterion(cid)
    return named(f"forms.{form.id}.{cid}", c.name) if c is not None else cid


def criterion_name(form: Form, cid: str, lang: str | None = None) -> str:
    return _render(criterion_msg(form, cid), lang)
