"""Evaluate guide rules against a manifest's facts (three outcomes + manual, see SCHEMA.md)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .facts import FACTS

PASS, FAIL, NOT_DECLARED, MANUAL = "pass", "fail", "not_declared", "manual"
STATUS_ZH = {PASS: "符合", FAIL: "不符合", NOT_DECLARED: "未申报", MANUAL: "需人工核实"}
OP_ZH = {">=": "≥", ">": "＞", "<=": "≤", "<": "＜", "==": "＝", "!=": "≠", "in": "属于"}


@dataclass(frozen=True)
class FindingData:
    rule_id: str
    scope: str          # contract | guide | consortium | cross
    severity: str       # error | warning | info
    status: str         # pass | fail | not_declared | manual
    message: str
    declared: str = ""  # what the package declared, human-readable
    threshold: str = ""  # what the rule requires, human-readable
    source_text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("rule_id", "scope", "severity", "status", "declared",
                                                  "threshold", "message", "source_text")}


@dataclass(frozen=True)
class Outcome:
    status: str
    declared: list[str]
    threshold: list[str]


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        if math.isinf(v):
            return "∞"
        return f"{v:.4g}" if abs(v) < 1 else (f"{v:.2f}".rstrip("0").rstrip("."))
    if isinstance(v, list):
        return "、".join(map(_fmt, v))
    return str(v)


def _compare(actual: Any, op: str, expected: Any) -> bool:
    try:
        if op == "in":
            return actual in expected
        if op == "==":
            return actual == expected
        if op == "!=":
            return actual != expected
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return False
        return {">=": actual >= expected, ">": actual > expected,
                "<=": actual <= expected, "<": actual < expected}[op]
    except TypeError:
        return False


def _group(rule: dict[str, Any], out: Outcome) -> str:
    """A nested combinator's threshold text, bracketed so 且/或 read unambiguously."""
    text = "".join(out.threshold)
    return f"（{text}）" if any(k in rule for k in ("all_of", "any_of", "at_least")) else text


def evaluate(rule: dict[str, Any], facts: dict[str, Any]) -> Outcome:
    if "fact" in rule:
        name = rule["fact"]
        label = rule.get("label") or FACTS.get(name, name)
        want = f"{label} {OP_ZH[rule['op']]} {_fmt(rule['value'])}"
        if name not in facts or facts[name] is None:
            return Outcome(NOT_DECLARED, [f"{label}：未申报"], [want])
        ok = _compare(facts[name], rule["op"], rule["value"])
        return Outcome(PASS if ok else FAIL, [f"{label}：{_fmt(facts[name])}"], [want])
    if "sum" in rule:
        names = rule["sum"]
        labels = [FACTS.get(n, n) for n in names]
        label = rule.get("label") or "＋".join(labels)
        want = f"{label} {OP_ZH[rule['op']]} {_fmt(rule['value'])}"
        present = [facts[n] for n in names if isinstance(facts.get(n), (int, float)) and not isinstance(facts.get(n), bool)]
        if not present:
            return Outcome(NOT_DECLARED, [f"{label}：未申报"], [want])
        total = sum(present)
        ok = _compare(total, rule["op"], rule["value"])
        # Undeclared parts count as 0: a pass stands; a failure may just be an omission.
        status = PASS if ok else (NOT_DECLARED if len(present) < len(names) else FAIL)
        return Outcome(status, [f"{label}：{_fmt(total)}"], [want])
    if "manual" in rule:
        return Outcome(MANUAL, [], [f"人工核实：{rule['manual']}"])
    if "at_least" in rule:
        k, parts = rule["at_least"], [evaluate(r, facts) for r in rule["of"]]
        n = {s: sum(p.status == s for p in parts) for s in (PASS, MANUAL, NOT_DECLARED)}
        if n[PASS] >= k:
            status = PASS
        elif n[PASS] + n[MANUAL] >= k:
            status = MANUAL
        elif n[PASS] + n[MANUAL] + n[NOT_DECLARED] >= k:
            status = NOT_DECLARED
        else:
            status = FAIL
        inner = "、".join(_group(r, p) for r, p in zip(rule["of"], parts))
        return Outcome(status, [d for p in parts for d in p.declared], [f"以下至少 {k} 项：{inner}"])
    key = "all_of" if "all_of" in rule else "any_of"
    parts = [evaluate(r, facts) for r in rule[key]]
    statuses = {p.status for p in parts}
    declared = [d for p in parts for d in p.declared]
    joiner = "；且 " if key == "all_of" else "；或 "
    threshold = [joiner.join(_group(r, p) for r, p in zip(rule[key], parts))]
    if key == "all_of":
        order = (FAIL, NOT_DECLARED, MANUAL)
        status = next((s for s in order if s in statuses), PASS)
    else:
        order = (PASS, MANUAL, NOT_DECLARED)
        status = next((s for s in order if s in statuses), FAIL)
    return Outcome(status, declared, threshold)


def requirement_finding(req, facts: dict[str, Any], scope: str) -> FindingData:
    """One finding per requirement: the machine verdict, or a checklist item."""
    if req.rule is None:
        return FindingData(req.id, scope, "info", MANUAL, f"核对清单：{req.text}", source_text=req.text)
    out = evaluate(req.rule, facts)
    severity = {FAIL: "error", NOT_DECLARED: "warning", MANUAL: "warning", PASS: "info"}[out.status]
    declared = "；".join(out.declared)
    threshold = "".join(out.threshold)
    # The status is shown beside the message: the message says what against what.
    msg = {PASS: f"要求 {threshold}" + (f"；申报 {declared}" if declared else ""),
           FAIL: f"申报 {declared or '—'}；要求 {threshold}",
           NOT_DECLARED: f"{declared}；要求 {threshold}",
           MANUAL: f"要求 {threshold}" + (f"；申报 {declared}" if declared else "")}[out.status]
    return FindingData(req.id, scope, severity, out.status, msg, declared, threshold, req.text)


def as_json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


VERDICT_ZH = {"pass": "通过", "fail": "不通过", "attention": "待核实", "unchecked": "未审查"}


def verdict(findings) -> str:
    """pass / fail / attention for a package, from its findings (checklist items don't count)."""
    if any(f.status == FAIL and f.severity == "error" for f in findings):
        return "fail"
    if any(f.severity == "warning" for f in findings):
        return "attention"
    return "pass"
