"""统一社会信用代码 (unified social credit code) validation, GB 32100-2015.

18 characters from a 31-character alphabet (digits and capitals without I, O, Z, S, V);
the 18th is a check character over the first 17 with weights 3^i mod 31.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {c: i for i, c in enumerate(ALPHABET)}


def check_char(first17: str) -> str:
    """The check character for the first 17 characters (which must be in the alphabet)."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_error(code: object) -> str | None:
    """None when ``code`` is a valid credit code, else a Chinese explanation of what is wrong."""
    if not isinstance(code, str):
        return "应为18位字符串"
    if len(code) != 18:
        return f"应为18位，实际为{len(code)}位"
    bad = [c for c in code if c not in _VALUE]
    if bad:
        return f"含非法字符 {''.join(dict.fromkeys(bad))!r}（只允许数字和除 I、O、Z、S、V 外的大写字母）"
    if not code[2:8].isdigit():
        return f"第3–8位应为行政区划码（数字），实际为 {code[2:8]!r}"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"校验位错误：第18位应为 {expected!r}，实际为 {code[17]!r}"
    return None


def is_valid_credit_code(code: object) -> bool:
    return credit_code_error(code) is None


def make_credit_code(first17: str) -> str:
    """Complete 17 characters with their check character (for demo data and tests)."""
    return first17 + check_char(first17)
