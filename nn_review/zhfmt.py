"""Chinese conventions for money, numbers and dates, the same in both UI languages and in reports.

Money in the application packages and the guide is in 万元 (10,000 yuan); it is always shown with
two decimals and a thousands separator: ``1,234.50 万元``. Dates are ISO (``2025-03-31``) in tables
and ``2025年3月31日`` in running text and printed sheets.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

WAN = "万元"


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def wan(value, unit: bool = True) -> str:
    """``1234.5`` → ``1,234.50 万元`` (half-up rounding, like the bureau's spreadsheets).

    Values that are not numbers are returned as they are (a blank stays blank)."""
    d = _decimal(value)
    if d is None:
        return "" if value is None else str(value)
    text = f"{d.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    if text == "-0.00":
        text = "0.00"
    return f"{text} {WAN}" if unit else text


def number(value, decimals: int = 0) -> str:
    """Thousands separator, fixed decimals: ``12345`` → ``12,345``."""
    d = _decimal(value)
    if d is None:
        return "" if value is None else str(value)
    q = Decimal(1).scaleb(-decimals)
    return f"{d.quantize(q, rounding=ROUND_HALF_UP):,.{decimals}f}"


def percent(value, decimals: int = 1) -> str:
    """A ratio as a percentage: ``0.031`` → ``3.1%``."""
    d = _decimal(value)
    if d is None:
        return "" if value is None else str(value)
    return f"{number(d * 100, decimals)}%"


def iso_date(value: date | datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def long_date(value: date | datetime | str | None) -> str:
    """``2025-03-31`` → ``2025年3月31日`` (for text and printed sheets)."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def date_time(value: datetime | None) -> str:
    """Local time, to the minute: ``2025-03-31 14:05``."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M")


def local_time_with_offset(value: datetime | None) -> str:
    """Local time to the second with its UTC offset: ``2026-12-01 14:03:22 (UTC+08:00)``.

    Naive values are stored UTC (as the store keeps them)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        from datetime import timezone
        value = value.replace(tzinfo=timezone.utc)
    value = value.astimezone()
    off = value.strftime("%z") or "+0000"
    return f"{value:%Y-%m-%d %H:%M:%S} (UTC{off[:3]}:{off[3:]})"
