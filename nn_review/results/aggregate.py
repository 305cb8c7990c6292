"""Aggregation arithmetic of review-rules.md, on plain values (no database).

* An expert total is ``forms.expert_total`` (exact ``Decimal``).
* Project score: the arithmetic mean of the totals of the experts who scored; with the
  session rule ``trimmed_mean_from_5`` (the default) and 5 or more totals, the trimmed
  mean that drops **one** highest and **one** lowest total (when several experts share
  the highest total only one of them is dropped). Experts who recused are not totals at
  all: they are never counted, never as 0.
* Division is done with 40 significant digits. Sums of totals are exact; a quotient that
  terminates within 40 digits (e.g. divisors 2, 4, 5, 8, 10) is exact, and a quotient that
  does not terminate can never lie exactly on a half-way point of the 2-decimal display,
  so half-up rounding at display gives the true result either way.

Session rules (``review_sessions.aggregation_rule``): ``trimmed_mean_from_N`` (trim when N
or more totals, N ≥ 3; the default N is 5), ``mean`` (never trim), ``trimmed_mean``
(= ``trimmed_mean_from_3``). Anything else is refused with a message naming the rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal
from fractions import Fraction

from .errors import ResultsError

DIVISION = Context(prec=40)
DEFAULT_RULE = "trimmed_mean_from_5"

MEAN = "mean"
TRIMMED = "trimmed_mean"
METHOD_ZH = {MEAN: "算术平均", TRIMMED: "去掉一个最高分和一个最低分后平均"}


@dataclass(frozen=True)
class Rule:
    id: str          # as stored in the session
    trim_from: int | None  # trim when at least this many totals; None = never

    def method(self, n: int) -> str:
        return TRIMMED if self.trim_from is not None and n >= self.trim_from else MEAN

    @property
    def text(self) -> str:
        if self.trim_from is None:
            return "项目得分取全部有效专家总分的算术平均（回避专家不计入）"
        return (f"有效评分满 {self.trim_from} 份时，去掉一个最高分和一个最低分后取算术平均；"
                f"不足 {self.trim_from} 份时取算术平均（回避专家不计入，不按 0 分计）")

    @property
    def msg(self):
        """:attr:`text` per language."""
        from ..i18n import M
        return M("results.rule.mean") if self.trim_from is None else M("results.rule.trimmed", n=self.trim_from)


def parse_rule(rule_id: str | None) -> Rule:
    rid = (rule_id or DEFAULT_RULE).strip()
    if rid == MEAN:
        return Rule(rid, None)
    if rid == TRIMMED:
        return Rule(rid, 3)
    m = re.fullmatch(r"trimmed_mean_from_(\d+)", rid)
    if m and int(m.group(1)) >= 3:
        return Rule(rid, int(m.group(1)))
    raise ResultsError(f"未知的计分规则 {rid!r}（可用：mean、trimmed_mean、trimmed_mean_from_N，N ≥ 3）", "results.rule")


def divide(a: Decimal, b: int | Decimal) -> Decimal:
    return DIVISION.divide(Decimal(a), Decimal(b))


def quantise(x: Fraction) -> Decimal:
    """An exact rational as a Decimal, rounded once to the 40 significant digits of :data:`DIVISION`.
    Figures derived from other quotients (deviations, differences) are computed as fractions and
    quantised here once, so no intermediate rounding leaks into their digits."""
    return DIVISION.divide(Decimal(x.numerator), Decimal(x.denominator))


def dec_str(d: Decimal | None) -> str | None:
    """An exact decimal as a plain string without exponent or trailing zeros (``80``, ``80.005``), or None."""
    if d is None:
        return None
    if d == 0:
        return "0"
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def mean(values: Sequence[Decimal]) -> Decimal | None:
    return divide(sum(values, Decimal(0)), len(values)) if values else None


def trimmed_mean(values: Sequence[Decimal]) -> Decimal | None:
    """Mean after dropping one highest and one lowest value; None for fewer than 3 values."""
    if len(values) < 3:
        return None
    return divide(sum(values, Decimal(0)) - max(values) - min(values), len(values) - 2)


@dataclass(frozen=True)
class Score:
    n: int
    mean: Decimal | None
    trimmed_mean: Decimal | None     # computed whenever n ≥ 3 (shown even when the rule does not use it)
    method: str | None               # mean | trimmed_mean; None when nobody scored
    value: Decimal | None            # the project score under the rule
    dropped_high: Decimal | None = None
    dropped_low: Decimal | None = None
    exact: Fraction | None = None    # ``value`` before its one rounding (deviations are computed from it)


def project_score(totals: Sequence[Decimal], rule: Rule) -> Score:
    n = len(totals)
    if n == 0:
        return Score(0, None, None, None, None)
    m, t = mean(totals), trimmed_mean(totals)
    method = rule.method(n)
    total = sum((Fraction(x) for x in totals), Fraction(0))
    if method == TRIMMED:
        exact = (total - Fraction(max(totals)) - Fraction(min(totals))) / (n - 2)
        return Score(n, m, t, method, t, max(totals), min(totals), exact)
    return Score(n, m, t, method, m, exact=total / n)


# -- recommendations ----------------------------------------------------------------------

def recommendation_counts(values: Iterable[str | None], options: Sequence[str]) -> dict[str, int]:
    c = Counter(v for v in values if v)
    return {o: c.get(o, 0) for o in options}


def computed_recommendation(counts: dict[str, int], options: Sequence[str]) -> str | None:
    """The recommendation most experts gave; on a tie the more cautious one (later in the form's
    list: 建议支持 < 修改后支持 < 不建议支持). None when nobody recommended anything."""
    best = None
    for o in options:  # later options win ties
        if counts.get(o, 0) and (best is None or counts[o] >= counts[best]):
            best = o
    return best


def has_two_thirds(counts: dict[str, int]) -> bool:
    """True when one recommendation holds at least two thirds of the votes (integer arithmetic)."""
    n = sum(counts.values())
    return n == 0 or any(3 * c >= 2 * n for c in counts.values())


# -- ranking ------------------------------------------------------------------------------

@dataclass(frozen=True)
class RankKey:
    """review-rules.md: by project score, ties by the number of ``support`` recommendations,
    then by criterion 2 (the mean of the scoring experts' points on the form's second
    criterion, untrimmed), then by application id (ascending). Unscored applications get no rank."""
    application_id: str
    score: Decimal | None
    supports: int
    criterion2: Decimal | None

    def sort_key(self):
        neg = lambda d: -d if d is not None else Decimal("Infinity")  # noqa: E731
        return (self.score is None, neg(self.score), -self.supports, neg(self.criterion2), self.application_id)


def rank(keys: Iterable[RankKey]) -> dict[str, int | None]:
    """application id → rank (1 = best), distinct ranks after the tie-breaks; None when unscored."""
    out: dict[str, int | None] = {}
    r = 0
    for k in sorted(keys, key=RankKey.sort_key):
        if k.score is None:
            out[k.application_id] = None
        else:
            r += 1
            out[k.application_id] = r
    return out


def tie_break_used(a: RankKey, b: RankKey) -> str | None:
    """Which rule separated two neighbours in a ranking (for the sheet's notes)."""
    if a.score != b.score:
        return None
    if a.supports != b.supports:
        return "support"
    if a.criterion2 != b.criterion2:
        return "criterion2"
    return "application_id"
