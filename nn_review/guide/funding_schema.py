"""The ``funding`` block of a guide item or direction (issue 21): how much an application of it
receives, and whether it needs an expert panel. Grammar in resources/guides/SCHEMA.md
("Funding rules"); amounts are computed by ``nn_review.funding.amounts``.

CONTRACT (issue 21): the dataclasses are fixed; ``parse_funding`` is filled in by the rules task.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..checks.facts import FACTS

ROUTES = ("panel", "rule")   # panel: 经评审/择优 (expert panel ranks); rule: computed, no panel


@dataclass(frozen=True)
class FundingParam:
    """A figure the secretary fills in per session from the notice (具体申报事项另行通知)."""
    id: str
    label: str                      # Chinese label shown where it is asked for
    unit: str = ""                  # "%" | "万元" | ""
    min: Decimal | None = None
    max: Decimal | None = None


@dataclass(frozen=True)
class Exclusive:
    """不能重复享受: an applicant (by credit code) funded here must not also be funded under these."""
    items: tuple[int, ...] = ()                  # whole items
    directions: tuple[tuple[int, int], ...] = ()  # (item, direction)
    text: str = ""                               # the guide's sentence, verbatim


@dataclass(frozen=True)
class FundingRule:
    route: str                      # one of ROUTES
    text: str                       # the source sentence(s), verbatim
    cap: Any = None                 # None | number (万元) | {"param": id}: per-application ceiling
    amount: Any = None              # amount expression (raw JSON, validated); None: the requested amount
    params: tuple[FundingParam, ...] = ()
    exclusive: Exclusive | None = None
    note: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


# -- validation (called by guide.catalog.parse_guide) ---------------------------------------

FUNDING_KEYS = ("route", "text", "cap", "amount", "params", "exclusive", "note")
PARAM_KEYS = ("id", "label", "unit", "min", "max")
PARAM_UNITS = ("%", "万元", "")
EXCLUSIVE_KEYS = ("items", "directions", "text")
EXPR_KINDS = ("fixed", "requested", "cases", "percent", "min")
_PARAM_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
# Facts that are never numbers (yes/no, named values): a percentage of them means nothing.
NON_NUMERIC_FACTS = frozenset({
    "applicant.kind", "applicant.in_nanning", "consortium.agreement_signed", "indicators.platform_level",
    "indicators.platform_kind", "indicators.contest_group", "indicators.above_scale",
    "indicators.hnte_first_time", "indicators.rd_in_statistics", "indicators.innovation_team",
    "indicators.excellent_rating"})


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def to_decimal(x: Any) -> Decimal:
    return Decimal(str(x))


def param_refs(expr: Any) -> list[str]:
    """Every ``{"param": id}`` in a (validated) cap or amount expression, in order."""
    out: list[str] = []

    def walk(e: Any) -> None:
        if isinstance(e, dict):
            if set(e) == {"param"}:
                out.append(e["param"])
                return
            for k, x in e.items():
                if k != "when":     # conditions test facts, never params
                    walk(x)
        elif isinstance(e, list):
            for x in e:
                walk(x)
    walk(expr)
    return out


def _has_manual(rule: Any) -> bool:
    if isinstance(rule, dict):
        return "manual" in rule or any(_has_manual(x) for x in rule.values())
    if isinstance(rule, list):
        return any(_has_manual(x) for x in rule)
    return False


class _FundingV:
    """The checks of one ``funding`` object; ``v`` is the catalog's validator."""

    def __init__(self, v, path: str):
        self.v, self.path = v, path
        self.used: list[tuple[str, str]] = []   # (param id, JSON path of the reference)

    def fail(self, path: str, message: str):
        self.v.fail(path, message)

    def keys(self, obj: dict, allowed, path: str, what: str) -> None:
        extra = sorted(set(obj) - set(allowed))
        if extra:
            self.fail(f"{path}.{extra[0]}", f"{what}中有未知键 {extra[0]!r}；允许的键：{', '.join(allowed)}")

    def number_or_param(self, x: Any, path: str, what: str) -> None:
        if isinstance(x, dict):
            if set(x) != {"param"} or not isinstance(x["param"], str):
                self.fail(path, f"{what}应为非负数或 {{\"param\": 参数编号}}")
            self.used.append((x["param"], f"{path}.param"))
        elif not is_number(x) or x < 0:
            self.fail(path, f"{what}应为非负数或 {{\"param\": 参数编号}}，实际为 {json.dumps(x, ensure_ascii=False)}")

    def expr(self, e: Any, path: str) -> None:
        if not isinstance(e, dict) or not e:
            self.fail(path, f"金额表达式应为对象，含 {' / '.join(EXPR_KINDS)} 之一")
        kinds = [k for k in EXPR_KINDS if k in e]
        if len(kinds) != 1:
            self.fail(path, f"金额表达式应恰好含 {' / '.join(EXPR_KINDS)} 之一，实际含 {kinds or sorted(e)}")
        kind = kinds[0]
        if kind == "fixed":
            self.keys(e, ("fixed", "label"), path, "fixed 表达式")
            self.number_or_param(e["fixed"], f"{path}.fixed", "定额")
        elif kind == "requested":
            self.keys(e, ("requested", "label"), path, "requested 表达式")
            if e["requested"] is not True:
                self.fail(f"{path}.requested", "requested 的值只能是 true")
        elif kind == "cases":
            self.keys(e, ("cases", "else", "label"), path, "cases 表达式")
            cases = e["cases"]
            if not isinstance(cases, list) or not cases:
                self.fail(f"{path}.cases", "应为非空数组 [{\"when\": 规则, \"amount\": 金额表达式}, …]")
            for i, c in enumerate(cases):
                cp = f"{path}.cases[{i}]"
                if not isinstance(c, dict):
                    self.fail(cp, "应为对象 {\"when\": 规则, \"amount\": 金额表达式}")
                self.keys(c, ("when", "amount", "label"), cp, "情形")
                if "label" in c and (not isinstance(c["label"], str) or not c["label"].strip()):
                    self.fail(f"{cp}.label", "label 应为非空文本")
                for k in ("when", "amount"):
                    if k not in c:
                        self.fail(f"{cp}.{k}", "缺少必填字段")
                self.v.rule(c["when"], f"{cp}.when")
                if _has_manual(c["when"]):
                    self.fail(f"{cp}.when", "资助条件不能含 manual 分支：金额须由申报事实算出")
                self.expr(c["amount"], f"{cp}.amount")
            if e.get("else") is not None:
                self.expr(e["else"], f"{path}.else")
        elif kind == "percent":
            self.keys(e, ("percent", "label"), path, "percent 表达式")
            parts = e["percent"]
            if not isinstance(parts, list) or not parts:
                self.fail(f"{path}.percent", "应为非空数组 [{\"fact\": 事实名, \"rate\": 百分比}, …]")
            for i, part in enumerate(parts):
                pp = f"{path}.percent[{i}]"
                if not isinstance(part, dict):
                    self.fail(pp, "应为对象 {\"fact\": 事实名, \"rate\": 百分比}")
                self.keys(part, ("fact", "rate"), pp, "百分比项")
                if part.get("fact") not in FACTS:
                    self.fail(f"{pp}.fact", f"未知事实 {part.get('fact')!r}")
                if part["fact"] in NON_NUMERIC_FACTS:
                    self.fail(f"{pp}.fact", f"事实 {part['fact']!r} 不是数值，不能按百分比计算")
                if "rate" not in part:
                    self.fail(f"{pp}.rate", "缺少必填字段")
                self.number_or_param(part["rate"], f"{pp}.rate", "百分比")
        else:
            self.keys(e, ("min", "label"), path, "min 表达式")
            parts = e["min"]
            if not isinstance(parts, list) or len(parts) < 2:
                self.fail(f"{path}.min", "应为至少两个金额表达式的数组")
            for i, part in enumerate(parts):
                self.expr(part, f"{path}.min[{i}]")
        if "label" in e and (not isinstance(e["label"], str) or not e["label"].strip()):
            self.fail(f"{path}.label", "label 应为非空文本")

    def params(self, raw: Any, path: str) -> tuple[FundingParam, ...]:
        if not isinstance(raw, list):
            self.fail(path, "应为数组 [{\"id\", \"label\", \"unit\"?, \"min\"?, \"max\"?}, …]")
        out, seen = [], set()
        for i, p in enumerate(raw):
            pp = f"{path}[{i}]"
            if not isinstance(p, dict):
                self.fail(pp, "应为对象")
            self.keys(p, PARAM_KEYS, pp, "参数")
            pid = p.get("id")
            if not isinstance(pid, str) or not _PARAM_ID.fullmatch(pid):
                self.fail(f"{pp}.id", "参数编号应为小写英文字母开头的 [a-z0-9_]（至多 40 个字符）")
            if pid in seen:
                self.fail(f"{pp}.id", f"参数编号重复：{pid}")
            seen.add(pid)
            label = p.get("label")
            if not isinstance(label, str) or not label.strip():
                self.fail(f"{pp}.label", "参数名称应为非空文本")
            unit = p.get("unit", "")
            if unit not in PARAM_UNITS:
                self.fail(f"{pp}.unit", f"单位应为 {PARAM_UNITS} 之一，实际为 {unit!r}")
            lo, hi = p.get("min"), p.get("max")
            for k, x in (("min", lo), ("max", hi)):
                if x is not None and not is_number(x):
                    self.fail(f"{pp}.{k}", "应为数字")
            if lo is not None and hi is not None and lo > hi:
                self.fail(f"{pp}.max", f"上限 {hi} 小于下限 {lo}")
            out.append(FundingParam(pid, label, unit, None if lo is None else to_decimal(lo),
                                    None if hi is None else to_decimal(hi)))
        return tuple(out)

    def exclusive(self, raw: Any, path: str) -> Exclusive:
        if not isinstance(raw, dict):
            self.fail(path, "应为对象 {\"items\", \"directions\", \"text\"}")
        self.keys(raw, EXCLUSIVE_KEYS, path, "exclusive")
        n = getattr(self.v, "item_count", None)
        dirs_of = getattr(self.v, "item_directions", {}) or {}
        items = raw.get("items", [])
        if not isinstance(items, list):
            self.fail(f"{path}.items", "应为项目编号数组")
        for i, x in enumerate(items):
            if isinstance(x, bool) or not isinstance(x, int) or x < 1 or (n is not None and x > n):
                self.fail(f"{path}.items[{i}]", f"项目编号应在 1..{n if n is not None else 'N'} 之间，实际为 {x!r}")
        if len(set(items)) != len(items):
            self.fail(f"{path}.items", "项目编号重复")
        pairs = raw.get("directions", [])
        if not isinstance(pairs, list):
            self.fail(f"{path}.directions", "应为 [[项目编号, 方向编号], …]")
        for i, pair in enumerate(pairs):
            pp = f"{path}.directions[{i}]"
            if not (isinstance(pair, list) and len(pair) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in pair)):
                self.fail(pp, f"应为 [项目编号, 方向编号]，实际为 {json.dumps(pair, ensure_ascii=False)}")
            item, d = pair
            if item < 1 or (n is not None and item > n):
                self.fail(f"{pp}[0]", f"项目编号应在 1..{n if n is not None else 'N'} 之间，实际为 {item}")
            if item in items:
                self.fail(pp, f"项目{item}已整体列在 items 中")
            count = dirs_of.get(item)
            if d < 1 or (count is not None and d > count):
                self.fail(f"{pp}[1]", f"项目{item}没有方向{d}" + (f"（共 {count} 个方向）" if count else ""))
        if not items and not pairs:
            self.fail(path, "items 与 directions 至少应列出一项")
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            self.fail(f"{path}.text", "应为指南原文（不能重复享受…），不能为空")
        return Exclusive(tuple(items), tuple((a, b) for a, b in pairs), text)


def parse_funding(v, data: Any, path: str) -> FundingRule:
    """Validate one ``funding`` object (``v`` is the catalog's validator: ``v.fail(path, msg)``,
    ``v.rule(expr, path)`` for conditions) and return it parsed."""
    f = _FundingV(v, path)
    if not isinstance(data, dict):
        f.fail(path, "funding 应为对象")
    f.keys(data, FUNDING_KEYS, path, "funding")
    route = data.get("route")
    if route not in ROUTES:
        f.fail(f"{path}.route", f"应为 {' / '.join(ROUTES)} 之一，实际为 {route!r}")
    if "text" not in data:
        f.fail(f"{path}.text", "缺少必填字段")
    text, note = data["text"], data.get("note", "")
    if not isinstance(text, str):
        f.fail(f"{path}.text", "应为指南原文（字符串）")
    if not isinstance(note, str):
        f.fail(f"{path}.note", "应为字符串")
    if not text.strip() and (route == "rule" or not note.strip()):
        f.fail(f"{path}.text", "原文不能为空（指南对资助额度未作规定的评审类项目，可留空并在 note 中说明）")
    cap = data.get("cap")
    if cap is not None:
        f.number_or_param(cap, f"{path}.cap", "上限 cap")
    amount = data.get("amount")
    if amount is not None:
        f.expr(amount, f"{path}.amount")
    elif route == "rule":
        f.fail(f"{path}.amount", "按规则核定（route 为 rule）的资助必须给出金额表达式 amount")
    params = f.params(data.get("params", []), f"{path}.params")
    declared = {p.id for p in params}
    for pid, ref_path in f.used:
        if pid not in declared:
            f.fail(ref_path, f"参数 {pid!r} 未在 {path}.params 中声明")
    exclusive = f.exclusive(data["exclusive"], f"{path}.exclusive") if data.get("exclusive") is not None else None
    return FundingRule(route, text, cap, amount, params, exclusive, note, raw=data)
