"""Inter-rater statistics of a panel: each expert's severity and Kendall's W.

Severity (评分宽严度) of an expert = the mean, over the applications the expert scored
that have at least two scores, of (the expert's total − the project score under the
session rule), with the number of applications it rests on. Negative = stricter than the
panel, positive = more lenient. The mean absolute deviation is given beside it.

Kendall's coefficient of concordance W (肯德尔和谐系数) over the experts' rankings of the
applications, ranks from the totals (average ranks for equal totals) and the usual tie
correction::

    W = 12·S / (m²(n³ − n) − m·ΣT),  S = Σᵢ (Rᵢ − R̄)²,  T = Σ (t³ − t) over each expert's tie groups

with m experts and n applications, tested with χ² = m(n − 1)W on n − 1 degrees of freedom.
W needs every included expert to have scored every included application (a complete
block): we take the applications scored by all experts who scored anything; when fewer
than 3 remain (recusals, partial assignment), the expert who scored the fewest of the
panel's applications is left out, repeatedly, while at least 2 experts remain. The result
names the m experts and n applications it rests on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from ..forms import display
from .aggregate import dec_str, quantise


# -- severity ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Severity:
    expert_id: int
    name: str
    n: int                          # applications it rests on
    mean_deviation: Decimal | None  # expert total − project score, averaged
    mean_abs_deviation: Decimal | None
    explanation: str                # plain Chinese, for a tooltip

    def to_json(self) -> dict:
        return {"expert_id": self.expert_id, "name": self.name, "n": self.n,
                "mean_deviation": dec_str(self.mean_deviation), "mean_abs_deviation": dec_str(self.mean_abs_deviation),
                "explanation": self.explanation}


def signed(d: Decimal) -> str:
    text = display(d)
    return text if text.startswith("-") or text == "0.00" else "+" + text


def severity(expert_id: int, name: str, deviations: Sequence[Decimal | Fraction]) -> Severity:
    """``deviations``: exact (expert total − exact project score); the means are rounded once."""
    n = len(deviations)
    if not n:
        return Severity(expert_id, name, 0, None, None,
                        f"{name}：没有可比较的评分（需有至少两位专家评分的项目），无法计算宽严度。")
    exact = [Fraction(d) for d in deviations]
    md = quantise(sum(exact, Fraction(0)) / n)
    mad = quantise(sum((abs(d) for d in exact), Fraction(0)) / n)
    shown = display(md)
    if shown == "0.00":
        tendency = "与专家组得分基本一致"
    elif md < 0:
        tendency = f"平均比专家组得分低 {display(-md)} 分，评分偏严"
    else:
        tendency = f"平均比专家组得分高 {display(md)} 分，评分偏宽"
    text = (f"{name} 的评分宽严度 {signed(md)}：在其评分的 {n} 个项目上，他/她给出的总分{tendency}；"
            f"平均绝对偏差 {display(mad)} 分。负数表示偏严、正数表示偏宽，绝对值越大越偏离专家组；"
            f"“专家组得分”即按本批次计分规则算出的项目得分。")
    return Severity(expert_id, name, n, md, mad, text)


# -- Kendall's W ---------------------------------------------------------------------------

def average_ranks(values: Sequence) -> tuple[list[Fraction], int]:
    """Ranks 1..n of ``values`` (ascending), equal values sharing their average rank; and Σ(t³ − t)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks: list[Fraction] = [Fraction(0)] * len(values)
    ties = 0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        avg = Fraction(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    return ranks, ties


@dataclass(frozen=True)
class KendallW:
    w: float | None
    m: int                  # experts
    n: int                  # applications
    chi2: float | None
    df: int
    p_value: float | None
    tie_corrected: bool     # ties were present and corrected for
    experts: list[str] = field(default_factory=list)
    applications: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # experts left out to get a complete block
    explanation: str = ""

    def to_json(self) -> dict:
        return {"w": None if self.w is None else round(self.w, 6), "m": self.m, "n": self.n,
                "chi2": None if self.chi2 is None else round(self.chi2, 6), "df": self.df,
                "p_value": None if self.p_value is None else round(self.p_value, 6),
                "tie_corrected": self.tie_corrected, "experts": self.experts, "applications": self.applications,
                "left_out": self.left_out, "explanation": self.explanation}


def kendall_w_matrix(ratings: Sequence[Sequence], correct_ties: bool = True) -> tuple[Fraction, float, int, bool]:
    """W (exact), χ², df and whether ties occurred, for ``ratings[expert][application]``
    (higher or lower = better does not matter, as long as every expert uses the same direction)."""
    m = len(ratings)
    n = len(ratings[0]) if m else 0
    if m < 2 or n < 2 or any(len(r) != n for r in ratings):
        raise ValueError("肯德尔和谐系数至少需要 2 位专家和 2 个项目的完整评分")
    sums = [Fraction(0)] * n
    tie_total = 0
    for r in ratings:
        ranks, ties = average_ranks(r)
        tie_total += ties
        for i, x in enumerate(ranks):
            sums[i] += x
    mean_r = Fraction(m * (n + 1), 2)
    s = sum((x - mean_r) ** 2 for x in sums)
    denom = m * m * (n ** 3 - n) - (m * tie_total if correct_ties else 0)
    if denom <= 0:  # every expert gave every application the same total: no ranking to compare
        raise ValueError("每位专家给所有项目的总分都相同，无法比较排序")
    w = Fraction(12) * s / denom
    chi2 = float(m * (n - 1) * w)
    return w, chi2, n - 1, tie_total > 0


def chi2_sf(x: float, df: int) -> float:
    """P(χ²_df ≥ x): the regularised upper incomplete gamma Q(df/2, x/2)."""
    if x <= 0:
        return 1.0
    a, z = df / 2.0, x / 2.0
    gln = math.lgamma(a)
    if z < a + 1:  # series for P, then Q = 1 − P
        term = total = 1.0 / a
        ap = a
        for _ in range(10000):
            ap += 1
            term *= z / ap
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(-z + a * math.log(z) - gln))
    # continued fraction (modified Lentz) for Q
    tiny = 1e-300
    b = z + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 10000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return min(1.0, math.exp(-z + a * math.log(z) - gln) * h)


def _strength(w: float) -> str:
    if w >= 0.7:
        return "一致性强"
    if w >= 0.5:
        return "一致性较好"
    if w >= 0.3:
        return "一致性一般"
    return "一致性较弱"


def panel_kendall(scores: Mapping[str, Mapping[str, Decimal]], names: Mapping[str, str] | None = None,
                  app_order: Sequence[str] | None = None) -> KendallW:
    """W for ``scores[expert key][application id] = total``; experts without scores are ignored.

    ``names`` maps expert keys to display names, ``app_order`` fixes the application order
    (defaults to sorted ids). The complete block is chosen as described in the module doc.
    """
    names = dict(names or {})
    experts = [e for e in scores if scores[e]]
    all_apps = list(app_order) if app_order is not None else sorted({a for e in experts for a in scores[e]})
    left_out: list[str] = []

    def common(es):
        return [a for a in all_apps if all(a in scores[e] for e in es)]

    apps = common(experts)
    while len(apps) < 3 and len(experts) > 2:
        drop = min(experts, key=lambda e: (len(scores[e]), str(e)))
        experts.remove(drop)
        left_out.append(names.get(drop, str(drop)))
        apps = common(experts)
    shown = [names.get(e, str(e)) for e in experts]
    m, n = len(experts), len(apps)
    if m < 2 or n < 2:
        why = ("评分的专家不足 2 位" if m < 2 else "所有专家共同评分的项目不足 2 个")
        return KendallW(None, m, n, None, max(n - 1, 0), None, False, shown, apps, left_out,
                        f"无法计算肯德尔和谐系数 W：{why}。W 衡量专家们给项目排出的先后顺序是否一致，"
                        f"需要至少 2 位专家对至少 2 个相同项目都打了分。")
    try:
        w, chi2, df, ties = kendall_w_matrix([[scores[e][a] for a in apps] for e in experts])
    except ValueError as err:
        return KendallW(None, m, n, None, n - 1, None, True, shown, apps, left_out,
                        f"无法计算肯德尔和谐系数 W：{err}。")
    wf = float(w)
    p = chi2_sf(chi2, df)
    sig = ("p < 0.05，说明专家之间的一致不是偶然的" if p < 0.05
           else "p ≥ 0.05，尚不能排除这种一致只是偶然")
    extra = (f"为得到完整的评分表，计算时未包括 {'、'.join(left_out)}（其评分的项目较少）。" if left_out else "")
    text = (f"肯德尔和谐系数 W = {wf:.3f}（{m} 位专家、{n} 个项目{'，已做同分校正' if ties else ''}），{_strength(wf)}。"
            f"W 在 0 到 1 之间，衡量各位专家按总分给项目排出的先后顺序是否一致：1 表示排序完全相同，"
            f"0 表示毫无一致性；一般 0.7 以上为强、0.3 以下为弱。检验：χ² = {chi2:.2f}，自由度 {df}，"
            f"p = {p:.4f}，{sig}。{extra}")
    return KendallW(wf, m, n, chi2, df, p, ties, shown, apps, left_out, text)


# -- in plain words, per language (issue 15 items 8 and 12) ----------------------------------------

def agreement_level(w: float) -> str:
    """good (W ≥ 0.7) | fair (≥ 0.5) | moderate (≥ 0.3) | poor — the word the page leads with."""
    return "good" if w >= 0.7 else "fair" if w >= 0.5 else "moderate" if w >= 0.3 else "poor"


def kendall_msgs(k: KendallW):
    """([the plain sentences], the figures) of the panel's Kendall's W: “专家评分一致性：较好。…” first,
    W, χ², the degrees of freedom and p for a details line or tooltip."""
    from ..i18n import M
    if k.w is None:
        why = M("results.kw.few_experts" if k.m < 2 else "results.kw.few_common")
        return [M("results.kw.unknown", why=why)], M("results.kw.unknown_detail")
    level = agreement_level(k.w)
    parts = [M("results.kw.sentence", level=M(f"results.kw.level.{level}"), meaning=M(f"results.kw.meaning.{level}"))]
    if k.p_value is not None and k.p_value >= 0.05:
        parts.append(M("results.kw.chance"))
    if k.left_out:
        parts.append(M("results.kw.left_out", names=list(k.left_out)))
    detail = M("results.kw.detail", w=f"{k.w:.3f}", m=k.m, n=k.n,
               ties=M("results.kw.ties") if k.tie_corrected else "", chi2=f"{k.chi2:.2f}", df=k.df,
               p=f"{k.p_value:.4f}")
    return parts, detail


def severity_msg(s: Severity):
    """:attr:`Severity.explanation` per language."""
    from ..i18n import M
    if s.mean_deviation is None:
        return M("results.sev.none", name=s.name)
    shown = display(s.mean_deviation)
    if shown == "0.00":
        tendency = M("results.sev.even")
    elif s.mean_deviation < 0:
        tendency = M("results.sev.strict", d=display(-s.mean_deviation))
    else:
        tendency = M("results.sev.lenient", d=shown)
    return M("results.sev.text", name=s.name, n=s.n, tendency=tendency, mad=display(s.mean_abs_deviation))
