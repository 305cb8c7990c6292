"""The values of the package format (docs/package-format.md) in words of the UI language: unit
kinds, partner roles, document kinds, platform levels, indicator names (issue 15 item 12).
The Chinese words are those of manifest.py's tables; unknown values are shown as they are."""

from __future__ import annotations

from typing import Any

from ..i18n import M, Wan, catalog, language, render

GROUPS = ("kind", "unit", "role", "doc", "platform", "indicator", "contest_group", "platform_kind")
MONEY_INDICATORS = frozenset({"new_revenue", "premium_tier1", "premium_tier2", "premium_tier3",
                               "tech_trade_volume", "rd_spend"})  # in 万元


def label(group: str, value: Any, lang: str | None = None) -> str:
    """``label("unit", "enterprise")`` → 企业 / enterprise."""
    key = f"package.{group}.{value}"
    if key in catalog():
        return render(M(key), lang)
    return "" if value is None else str(value)


def money(value: Any, lang: str | None = None, *, short: bool = False) -> str:
    """An amount in 万元: "300.00 万元" / "300.00 (CNY 10k)"; empty for None. ``short``: a table
    column whose header names the unit — English drops the unit (Chinese keeps 万元, as always)."""
    if value is None or value == "":
        return ""
    if short and not (lang or language()).startswith("zh"):
        from ..zhfmt import wan
        return wan(value, unit=False)
    return render(Wan(value), lang)


def joined(parts, lang: str | None = None) -> str:
    """Parts of one line (name, code, kind…) with the language's separator (，/ ", ")."""
    return render(M("package.list_sep"), lang).join(str(p) for p in parts if p)
