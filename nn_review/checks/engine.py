"""Evaluate guide rules against a manifest's facts (three outcomes + manual, see SCHEMA.md)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from ..i18n import M, Msg, render
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
    message: str        # Chinese: the CLI, the reports, the JSON
    declared: str = ""  # what the package declared, human-readable
    threshold: str = ""  # what the rule requires, human-readable
    source_text: str = ""
    # The message as an id with parameters, rendered in the UI language (stored as message_json).
    # Not part of the finding's identity: a stored finding of an older release has none.
    msg: Msg | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("rule_id", "scope", "severity", "status", "declared",
                                                  "threshold", "message", "source_text")}


def finding(rule_id: str, scope: str, severity: str, status: str, msg: Msg, declared: Any = "",
            threshold: Any = "", source_text: str = "", *, message: str | None = None) -> FindingData:
    """A finding whose Chinese ``message`` (and declared/threshold) is ``msg`` rendered in Chinese,
    unless ``message`` gives the CLI's own text (one naming a JSON path, for instance)."""
    zh = lambda v: render(v, "zh_CN") if isinstance(v, Msg) else str(v)  # noqa: E731
    return FindingData(rule_id, scope, severity, status, msg.render("zh_CN") if message is None else message,
                       zh(declared), zh(threshold), source_text, msg)


def text_of_finding(f: Any, lang: str | None = None) -> str:
    """What a finding says, in ``lang``: its Msg where it has one, else the stored Chinese text."""
    msg = getattr(f, "msg", None)
    return render(msg, lang) if isinstance(msg, Msg) else f.message


def stored_msg(message_json: str) -> Msg | None:
    """The Msg of a stored finding; None for a row made before schema v8 or one that does not read
    (then its Chinese ``message`` is shown)."""
    if not message_json:
        return None
    try:
        return Msg.loads(message_json)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


@dataclass(frozen=True)
class Outcome:
    status: str
    parts: list[Msg]    # what the package declared, one per fact
    want: Msg           # what the rule requires

    @property
    def declared(self) -> list[str]:
        return [render(p, "zh_CN") for p in self.parts]

    @property
    def threshold(self) -> list[str]:
        return [render(self.want, "zh_CN")]


def _fmt(v: Any) -> Any:
    """A rule value or a declared fact as a Msg parameter (lists and booleans render per language)."""
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        if math.isinf(v):
            return M("check.rule.infinite")
        return f"{v:.4g}" if abs(v) < 1 else (f"{v:.2f}".rstrip("0").rstrip("."))
    if isinstance(v, list):
        return [_fmt(x) for x in v]
    return str(v)


def fold(key: str, parts: list[Any]) -> Any:
    """``a；且 b；且 c`` as nested messages: a list parameter only knows the list separator."""
    out = parts[0]
    for p in parts[1:]:
        out = M(key, a=out, b=p)
    return out


def _label(name: str) -> Msg | str:
    return M(f"fact.{name}") if name in FACTS else name


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


def _group(rule: dict[str, Any], out: Outcome) -> Msg:
    """A nested combinator's threshold text, bracketed so 且/或 read unambiguously."""
    return M("check.rule.group", text=out.want) if any(k in rule for k in ("all_of", "any_of", "at_least")) \
        else out.want


def evaluate(rule: dict[str, Any], facts: dict[str, Any]) -> Outcome:
    if "fact" in rule:
        name = rule["fact"]
        label = rule.get("label") or _label(name)  # a rule's own label is guide text (data)
        want = M("check.rule.want", label=label, op=M(f"check.op.{rule['op']}"), value=_fmt(rule["value"]))
        if name not in facts or facts[name] is None:
            return Outcome(NOT_DECLARED, [M("check.rule.missing", label=label)], want)
        ok = _compare(facts[name], rule["op"], rule["value"])
        return Outcome(PASS if ok else FAIL, [M("check.rule.value", label=label, value=_fmt(facts[name]))], want)
    if "sum" in rule:
        names = rule["sum"]
        label = rule.get("label") or fold("check.rule.plus", [_label(n) for n in names])
        want = M("check.rule.want", label=label, op=M(f"check.op.{rule['op']}"), value=_fmt(rule["value"]))
        present = [facts[n] for n in names if isinstance(facts.get(n), (int, float)) and not isinstance(facts.get(n), bool)]
        if not present:
            return Outcome(NOT_DECLARED, [M("check.rule.missing", label=label)], want)
        total = sum(present)
        ok = _compare(total, rule["op"], rule["value"])
        # Undeclared parts count as 0: a pass stands; a failure may just be an omission.
        status = PASS if ok else (NOT_DECLARED if len(present) < len(names) else FAIL)
        return Outcome(status, [M("check.rule.value", label=label, value=_fmt(total))], want)
    if "manual" in rule:
        return Outcome(MANUAL, [], M("check.rule.manual", text=rule["manual"]))
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
        inner = [_group(r, p) for r, p in zip(rule["of"], parts)]
        return Outcome(status, [d for p in parts for d in p.parts], M("check.rule.at_least", k=k, parts=inner))
    key = "all_of" if "all_of" in rule else "any_of"
    parts = [evaluate(r, facts) for r in rule[key]]
    statuses = {p.status for p in parts}
    declared = [d for p in parts for d in p.parts]
    want = fold("check.rule.and" if key == "all_of" else "check.rule.or",
                 [_group(r, p) for r, p in zip(rule[key], parts)])
    if key == "all_of":
        order = (FAIL, NOT_DECLARED, MANUAL)
        status = next((s for s in order if s in statuses), PASS)
    else:
        order = (PASS, MANUAL, NOT_DECLARED)
        status = next((s for s in order if s in statuses), FAIL)
    return Outcome(status, declared, want)


def requirement_finding(req, facts: dict[str, Any], scope: str) -> FindingData:
    """One finding per requirement: the machine verdict, or a checklist item."""
    if req.rule is None:
        return finding(req.id, scope, "info", MANUAL, M("check.msg.checklist", text=req.text), source_text=req.text)
    out = evaluate(req.rule, facts)
    severity = {FAIL: "error", NOT_DECLARED: "warning", MANUAL: "warning", PASS: "info"}[out.status]
    declared = fold("check.rule.semi", out.parts) if out.parts else ""
    threshold = out.want
    # The status is shown beside the message: the message says what against what.
    if out.status in (PASS, MANUAL):
        msg = M("check.msg.required_declared", threshold=threshold, declared=declared) if declared \
            else M("check.msg.required", threshold=threshold)
    elif out.status == FAIL:
        msg = M("check.msg.declared_required", declared=declared or M("common.none"), threshold=threshold)
    else:
        msg = M("check.msg.missing_required", declared=declared, threshold=threshold)
    return finding(req.id, scope, severity, out.status, msg, declared, threshold, req.text)


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
