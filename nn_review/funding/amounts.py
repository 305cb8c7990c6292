"""The amount a guide item's funding rule gives one application (issue 21).

CONTRACT: signatures fixed; the rules task implements them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..checks.engine import FAIL, PASS, evaluate, fold
from ..guide.funding_schema import FundingRule, param_refs, to_decimal
from ..i18n import M, Msg
from .model import NEEDS_PARAMS, NOT_DECLARED, NOT_ELIGIBLE, OK, Computed

CENT = Decimal("0.01")


def quantize(d: Decimal) -> Decimal:
    """Money as the sheets show it: 0.01 万元, half-up (docs/funding.md, "Amounts")."""
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def _money(d: Decimal) -> str:
    return format(quantize(d), "f")


def _rate(d: Decimal) -> str:
    """70 → "70", 1.5 → "1.5" (a percentage as the guide writes it)."""
    return format(d.normalize(), "f")


def _plus(parts: list) -> Any:
    out = parts[0]
    for p in parts[1:]:
        out = M("funding.f.plus", a=out, b=p)
    return out


@dataclass
class _R:
    status: str
    amount: Decimal | None = None
    formula: Msg | None = None
    missing: list = dc_field(default_factory=list)    # labels of the facts not declared


class _Eval:
    def __init__(self, facts: Mapping[str, Any], params: Mapping[str, Decimal], requested: Decimal):
        self.facts, self.params, self.requested = facts, params, requested
        self.inputs: dict[str, Any] = {}

    def read(self, name: str) -> Any:
        value = self.facts.get(name)
        self.inputs.setdefault(name, value)
        return value

    def value(self, x: Any) -> Decimal:
        if isinstance(x, dict):
            self.inputs.setdefault(f"param.{x['param']}", self.params[x["param"]])
            figure = self.params[x["param"]]
            return figure if isinstance(figure, Decimal) else to_decimal(figure)
        return to_decimal(x)

    def expr(self, e: dict[str, Any]) -> _R:
        if "requested" in e:
            self.inputs.setdefault("budget.requested", self.requested)
            amount = Decimal(self.requested)
            return _R(OK, amount, M("funding.f.requested", amount=_money(amount)))
        if "fixed" in e:
            amount = self.value(e["fixed"])
            return _R(OK, amount, M("funding.f.fixed", amount=_money(amount)))
        if "cases" in e:
            return self.cases(e)
        if "percent" in e:
            return self.percent(e)
        return self.minimum(e)

    def cases(self, e: dict[str, Any]) -> _R:
        for case in e["cases"]:
            out = evaluate(case["when"], self.facts)
            for name in _facts_of(case["when"]):
                self.read(name)
            if out.status == PASS:
                r = self.expr(case["amount"])
                if r.status != OK:
                    return r
                return _R(OK, r.amount, M("funding.f.case", when=case.get("label") or out.want, amount=r.formula))
            if out.status != FAIL:   # not declared (manual is refused by the schema)
                gaps = [m.params["label"] for m in out.parts if m.key == "check.rule.missing"]
                return _R(NOT_DECLARED, formula=M("funding.f.missing", missing=gaps), missing=gaps)
        other = e.get("else")
        if other is None:
            return _R(NOT_ELIGIBLE, formula=M("funding.f.no_case", cases=fold(
                "check.rule.semi", [c.get("label") or evaluate(c["when"], self.facts).want for c in e["cases"]])))
        r = self.expr(other)
        if r.status != OK:
            return r
        return _R(OK, r.amount, M("funding.f.otherwise", amount=r.formula))

    def percent(self, e: dict[str, Any]) -> _R:
        terms, total, missing = [], Decimal(0), []
        for part in e["percent"]:
            name, rate = part["fact"], self.value(part["rate"])
            v = self.read(name)
            if not isinstance(v, (int, float, Decimal)) or isinstance(v, bool):
                missing.append(M(f"fact.{name}"))
                terms.append(M("funding.f.times", value=M("funding.f.undeclared"), rate=_rate(rate)))
                continue
            d = to_decimal(v)
            total += d * rate / 100
            terms.append(M("funding.f.times", value=_money(d), rate=_rate(rate)))
        if len(missing) == len(e["percent"]):
            return _R(NOT_DECLARED, formula=M("funding.f.missing", missing=missing), missing=missing)
        label = e.get("label") or ""
        text = M("funding.f.sum", terms=_plus(terms), total=_money(total))
        return _R(OK, total, M("funding.f.labelled", label=label, text=text) if label else text)

    def minimum(self, e: dict[str, Any]) -> _R:
        parts = [self.expr(x) for x in e["min"]]
        for status in (NOT_DECLARED, NOT_ELIGIBLE):
            bad = [p for p in parts if p.status == status]
            if bad:
                return bad[0]
        amount = min(p.amount for p in parts)
        return _R(OK, amount, M("funding.f.min", parts=fold("funding.f.sep", [p.formula for p in parts]),
                                amount=_money(amount)))


def _facts_of(rule: Any) -> list[str]:
    if isinstance(rule, dict):
        out = []
        if "fact" in rule:
            out.append(rule["fact"])
        if "sum" in rule:
            out.extend(rule["sum"])
        for k in ("all_of", "any_of", "of"):
            for r in rule.get(k, []):
                out.extend(_facts_of(r))
        return out
    return []


def compute(rule: FundingRule, facts: Mapping[str, Any], params: Mapping[str, Decimal], *,
            requested: Decimal) -> Computed:
    """Evaluate ``rule.amount`` (None: the requested amount) on the application's facts
    (``checks.facts.extract_facts``) and the session's template figures, then the cap."""
    missing = [pid for pid in dict.fromkeys(param_refs(rule.cap) + param_refs(rule.amount)) if params.get(pid) is None]
    if missing:
        labels = {p.id: p.label for p in rule.params}
        return Computed(NEEDS_PARAMS, None, M("funding.f.needs_params", params=[labels.get(p, p) for p in missing]),
                        tuple((f"param.{p}", None) for p in missing))
    ev = _Eval(facts, params, requested if isinstance(requested, Decimal) else to_decimal(requested))
    r = ev.expr(rule.amount if rule.amount is not None else {"requested": True})
    inputs = tuple(ev.inputs.items())
    if r.status != OK:
        return Computed(r.status, None, r.formula, inputs)
    amount, formula = r.amount, r.formula
    if rule.cap is not None:
        cap = ev.value(rule.cap)
        inputs = tuple(ev.inputs.items())
        capped = min(amount, cap)
        formula = M("funding.f.capped", formula=formula, cap=_money(cap), amount=_money(capped))
        amount = capped
    return Computed(OK, quantize(amount), formula, inputs)
