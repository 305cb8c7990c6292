"""Load and validate a guide catalog file (format ``nn-guide/1``, see resources/guides/SCHEMA.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks.facts import FACTS, OPS
from ..resources import resource
from .funding_schema import FundingRule, parse_funding

FORMAT = "nn-guide/1"


class GuideError(ValueError):
    """A catalog file is malformed; ``path`` is the JSON path of the offending value."""

    def __init__(self, source: str, path: str, message: str):
        super().__init__(f"{source}: {path}: {message}")
        self.source, self.path, self.message = source, path, message


@dataclass(frozen=True)
class Requirement:
    id: str
    text: str                      # the source sentence, verbatim
    directions: tuple[int, ...] | None  # None = applies to every direction
    rule: dict[str, Any] | None    # None = checklist only (not mechanically checkable)
    note: str = ""

    @property
    def is_machine(self) -> bool:
        return self.rule is not None


@dataclass(frozen=True)
class Direction:
    number: int
    title: str
    text: str
    funding: FundingRule | None = None   # the direction's own rule (issue 21), else the item's applies


@dataclass(frozen=True)
class Item:
    number: int
    plan_type: str
    title: str
    intro: str
    directions: tuple[Direction, ...]
    requirements: tuple[Requirement, ...]
    funding: FundingRule | None = None   # how much, and by which route (issue 21); None: panel, requested

    def direction(self, number: int) -> Direction | None:
        return next((d for d in self.directions if d.number == number), None)

    def funding_for(self, direction: int | None) -> FundingRule | None:
        """The funding rule of an application declared under ``direction``: the direction's own
        rule where it has one, else the item's (None: no rule — panel, the requested amount).
        An item with one direction is direction 1 when the package names none; an item with
        several and no direction named gives the item's own rule only."""
        if direction is None and self.needs_direction:
            return self.funding
        d = self.direction(direction if direction is not None else 1)
        return d.funding if d is not None and d.funding is not None else self.funding

    @property
    def needs_direction(self) -> bool:
        return len(self.directions) > 1


@dataclass(frozen=True)
class PlanType:
    id: str
    name: str
    first: int
    last: int
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class Guide:
    edition: str
    version: str
    title: str
    issuer: str
    source: str
    plan_types: tuple[PlanType, ...]
    items: tuple[Item, ...]
    consortium_requirements: tuple[Requirement, ...]
    consortium_levels: tuple[dict[str, Any], ...]
    sha256: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def item(self, number: int) -> Item | None:
        return next((i for i in self.items if i.number == number), None)

    def plan_type(self, plan_id: str) -> PlanType | None:
        return next((p for p in self.plan_types if p.id == plan_id), None)

    def requirements_for(self, item: Item, direction: int | None) -> list[Requirement]:
        """Plan-type-wide requirements, then the item's, keeping those for this direction."""
        pt = self.plan_type(item.plan_type)
        reqs = list(pt.requirements if pt else ()) + list(item.requirements)
        return [r for r in reqs if r.directions is None or direction in r.directions]


# -- validation ---------------------------------------------------------------------------

class _V:
    def __init__(self, source: str):
        self.source = source
        self.item_count: int | None = None            # set by parse_guide (funding rules' exclusive)
        self.item_directions: dict[int, int] = {}

    def fail(self, path: str, message: str):
        raise GuideError(self.source, path, message)

    def get(self, obj: dict, key: str, path: str, types, required=True):
        if key not in obj:
            if required:
                self.fail(f"{path}.{key}", "缺少必填字段")
            return None
        val = obj[key]
        if types is int and isinstance(val, bool) or not isinstance(val, types):
            self.fail(f"{path}.{key}", f"类型错误，应为 {types}")
        return val

    def rule(self, expr: Any, path: str) -> None:
        if not isinstance(expr, dict) or len(expr) == 0:
            self.fail(path, "规则必须是非空对象")
        if "all_of" in expr or "any_of" in expr:
            key = "all_of" if "all_of" in expr else "any_of"
            if set(expr) != {key}:
                self.fail(path, f"{key} 不能与其他键并列")
            parts = expr[key]
            if not isinstance(parts, list) or len(parts) < 1:
                self.fail(f"{path}.{key}", "应为非空数组")
            for i, p in enumerate(parts):
                self.rule(p, f"{path}.{key}[{i}]")
        elif "at_least" in expr:
            if set(expr) != {"at_least", "of"}:
                self.fail(path, "at_least 只能与 of 并列")
            k, parts = expr["at_least"], expr["of"]
            if not isinstance(parts, list) or not parts:
                self.fail(f"{path}.of", "应为非空数组")
            if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= len(parts):
                self.fail(f"{path}.at_least", f"应为 1..{len(parts)} 的整数")
            for i, p in enumerate(parts):
                self.rule(p, f"{path}.of[{i}]")
        elif "sum" in expr:
            if set(expr) - {"sum", "op", "value", "label"}:
                self.fail(path, "sum 叶子只含 sum/op/value/label")
            names = expr["sum"]
            if not isinstance(names, list) or len(names) < 2:
                self.fail(f"{path}.sum", "应为至少两个事实名的数组")
            for n in names:
                if n not in FACTS:
                    self.fail(f"{path}.sum", f"未知事实 {n!r}")
            if expr.get("op") not in OPS or expr["op"] == "in" or not isinstance(expr.get("value"), (int, float)):
                self.fail(f"{path}.op", "sum 需要数值比较运算符和数值")
        elif "manual" in expr:
            if set(expr) != {"manual"} or not isinstance(expr["manual"], str) or not expr["manual"]:
                self.fail(path, "manual 叶子只含一个非空文本")
        elif "fact" in expr:
            if set(expr) - {"fact", "op", "value", "label"}:
                self.fail(path, f"未知键 {sorted(set(expr) - {'fact', 'op', 'value', 'label'})}")
            if expr["fact"] not in FACTS:
                self.fail(f"{path}.fact", f"未知事实 {expr['fact']!r}")
            if expr.get("op") not in OPS:
                self.fail(f"{path}.op", f"运算符应为 {OPS} 之一")
            if "value" not in expr:
                self.fail(f"{path}.value", "缺少比较值")
            if expr["op"] == "in" and not isinstance(expr["value"], list):
                self.fail(f"{path}.value", "in 的比较值应为数组")
        else:
            self.fail(path, "规则应含 all_of / any_of / at_least / fact / sum / manual 之一")

    def requirements(self, items: Any, path: str, directions: set[int] | None, ids: set[str]):
        if not isinstance(items, list):
            self.fail(path, "应为数组")
        out = []
        for i, r in enumerate(items):
            p = f"{path}[{i}]"
            if not isinstance(r, dict):
                self.fail(p, "应为对象")
            rid = self.get(r, "id", p, str)
            if rid in ids:
                self.fail(f"{p}.id", f"要求编号重复：{rid}")
            ids.add(rid)
            text = self.get(r, "text", p, str)
            if not text.strip():
                self.fail(f"{p}.text", "原文不能为空")
            dirs = self.get(r, "directions", p, (list, type(None)), required=False)
            if dirs is not None:
                for d in dirs:
                    if directions is None or d not in directions:
                        self.fail(f"{p}.directions", f"方向{d}不存在")
            rule = self.get(r, "rule", p, (dict, type(None)), required=False)
            if rule is not None:
                self.rule(rule, f"{p}.rule")
            note = self.get(r, "note", p, str, required=False) or ""
            out.append(Requirement(rid, text, tuple(dirs) if dirs is not None else None, rule, note))
        return tuple(out)


def parse_guide(data: dict[str, Any], source: str = "<guide>", sha256: str = "") -> Guide:
    v = _V(source)
    if not isinstance(data, dict):
        v.fail("$", "顶层应为对象")
    if data.get("format") != FORMAT:
        v.fail("$.format", f"应为 {FORMAT!r}，实际为 {data.get('format')!r}")
    ids: set[str] = set()
    plan_types = []
    for i, pt in enumerate(v.get(data, "plan_types", "$", list)):
        p = f"$.plan_types[{i}]"
        first, last = v.get(pt, "items", p, list)
        plan_types.append(PlanType(v.get(pt, "id", p, str), v.get(pt, "name", p, str), first, last,
                                   v.requirements(pt.get("requirements", []), f"{p}.requirements", None, ids)))
    pt_ids = {p.id for p in plan_types}
    # What a funding rule's ``exclusive`` may name (issue 21): items 1..N and their directions.
    raw_items = data.get("items") if isinstance(data.get("items"), list) else []
    v.item_count = len(raw_items)
    v.item_directions = {i + 1: len(it["directions"]) for i, it in enumerate(raw_items)
                         if isinstance(it, dict) and isinstance(it.get("directions"), list)}
    items = []
    for i, it in enumerate(v.get(data, "items", "$", list)):
        p = f"$.items[{i}]"
        number = v.get(it, "number", p, int)
        if number != i + 1:
            v.fail(f"{p}.number", f"项目编号应连续，期望 {i + 1}，实际 {number}")
        plan = v.get(it, "plan_type", p, str)
        if plan not in pt_ids:
            v.fail(f"{p}.plan_type", f"未知计划类别 {plan!r}")
        pt = next(x for x in plan_types if x.id == plan)
        if not pt.first <= number <= pt.last:
            v.fail(f"{p}.plan_type", f"项目{number}不在 {plan} 的编号范围 {pt.first}–{pt.last}")
        dirs = []
        for j, d in enumerate(v.get(it, "directions", p, list)):
            dp = f"{p}.directions[{j}]"
            dfund = d.get("funding") if isinstance(d, dict) else None
            dirs.append(Direction(v.get(d, "number", dp, int), v.get(d, "title", dp, str), v.get(d, "text", dp, str),
                                  parse_funding(v, dfund, f"{dp}.funding") if dfund is not None else None))
        numbers = [d.number for d in dirs]
        if numbers != list(range(1, len(dirs) + 1)):
            v.fail(f"{p}.directions", f"方向编号应为 1..{len(dirs)}，实际 {numbers}")
        reqs = v.requirements(v.get(it, "requirements", p, list), f"{p}.requirements", set(numbers), ids)
        funding = parse_funding(v, it["funding"], f"{p}.funding") if it.get("funding") is not None else None
        items.append(Item(number, plan, v.get(it, "title", p, str), v.get(it, "intro", p, str, required=False) or "",
                          tuple(dirs), reqs, funding))
    cons = data.get("consortium") or {}
    cons_reqs = v.requirements(cons.get("requirements", []), "$.consortium.requirements", None, ids)
    levels = tuple(cons.get("levels", []))
    return Guide(
        edition=v.get(data, "edition", "$", str), version=v.get(data, "version", "$", str),
        title=v.get(data, "title", "$", str), issuer=v.get(data, "issuer", "$", str, required=False) or "",
        source=v.get(data, "source", "$", str, required=False) or "",
        plan_types=tuple(plan_types), items=tuple(items), consortium_requirements=cons_reqs,
        consortium_levels=levels, sha256=sha256, raw=data)


def load_guide(path: str | Path) -> Guide:
    path = Path(path)
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GuideError(str(path), "$", f"不是有效的 UTF-8 JSON：{e}") from e
    return parse_guide(data, str(path), hashlib.sha256(raw).hexdigest())


def builtin_guide_files() -> list[Path]:
    return sorted(resource("guides").glob("*.json"))
