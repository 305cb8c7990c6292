"""Amounts as the secretary types them (issue 21): decimal text in 万元 → ``Decimal``, or a clear
refusal. One parser for the plan's decisions (``edits``) and the objections (``publicity``)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..i18n import M, render
from .errors import FundingError


def _err(msg, code: str) -> FundingError:
    return FundingError(render(msg, "zh_CN"), code, msg=msg)


_AMOUNT_RE = re.compile(r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?")
MAX_INT_DIGITS = 10
PARAM_PLACES = 4      # a template figure (a rate in %) may carry more decimals than money


def _places_of(what: str) -> int:
    return PARAM_PLACES if what == "param" else 2


def _check_decimal(value: Decimal, what: str, shown: str) -> Decimal:
    w = M(f"funding.edit.what.{what}")
    if not value.is_finite():
        raise _err(M("funding.edit.err.number", what=w, value=shown), "funding.amount")
    if value.is_signed():            # also "-0"
        raise _err(M("funding.edit.err.negative", what=w, value=shown), "funding.amount")
    if value != 0 and value.adjusted() >= MAX_INT_DIGITS:
        raise _err(M("funding.edit.err.too_large", what=w, value=shown, digits=MAX_INT_DIGITS), "funding.amount")
    if value != value.quantize(Decimal(1).scaleb(-_places_of(what))):
        raise _err(M("funding.edit.err.places" if what != "param" else "funding.edit.err.param_places",
                     what=w, value=shown), "funding.amount")
    return value


def parse_amount(value, what: str = "amount") -> Decimal | None:
    """Decimal text / Decimal / int → Decimal (≥ 0, ≤ 2 decimals; a template figure ≤ 4); None stays None.

    Text: ASCII digits, at most one dot, thousands commas only in whole groups of three
    ("1,000.50"), at most 10 integer digits; no sign, exponent, space inside or other digits.
    Every refusal is a ``FundingError`` (code ``funding.amount``); a float is refused.
    Shared with the objection code (``publicity``)."""
    w = M(f"funding.edit.what.{what}")
    if value is None:
        return None
    if isinstance(value, (float, bool)):
        raise _err(M("funding.edit.err.float", what=w, value=repr(value)), "funding.amount")
    if isinstance(value, int):
        return _check_decimal(Decimal(value), what, str(value))
    if isinstance(value, Decimal):
        try:
            return _check_decimal(value, what, str(value))
        except (InvalidOperation, ValueError):
            raise _err(M("funding.edit.err.number", what=w, value=str(value)), "funding.amount") from None
    if not isinstance(value, str):
        raise _err(M("funding.edit.err.number", what=w, value=repr(value)), "funding.amount")
    text = value.strip()
    if text.startswith("-") and _AMOUNT_RE.fullmatch(text[1:]):
        raise _err(M("funding.edit.err.negative", what=w, value=value), "funding.amount")
    m = _AMOUNT_RE.fullmatch(text)
    if m is None:
        raise _err(M("funding.edit.err.number", what=w, value=value), "funding.amount")
    digits = m.group("int").replace(",", "").lstrip("0") or "0"
    if len(digits) > MAX_INT_DIGITS:
        raise _err(M("funding.edit.err.too_large", what=w, value=value, digits=MAX_INT_DIGITS), "funding.amount")
    frac = m.group("frac") or ""
    if len(frac.rstrip("0")) > _places_of(what):
        raise _err(M("funding.edit.err.places" if what != "param" else "funding.edit.err.param_places",
                     what=w, value=value), "funding.amount")
    return Decimal(m.group("int").replace(",", "") + ("." + frac if frac else ""))
