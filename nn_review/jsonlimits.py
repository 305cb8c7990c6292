"""Bounded JSON parsing for files that come from outside (score files, bundles, manifests).

``json.loads`` recurses once per nesting level (``[`` × 500,000 → RecursionError), builds
every value before anyone can look at it (16 MiB of ``[],`` is millions of lists) and turns
``1e999`` into ``inf``, 5,000-digit integers into ValueError, ``\\ud800`` into a string that
cannot be encoded again. :func:`loads_bounded` refuses all of that with one exception type,
:class:`JSONLimitError`, naming the field where it can:

1. size in bytes, then strict UTF-8;
2. a linear pre-scan (strings skipped by the C string scanner) that stops at the first
   container nested deeper than ``max_depth`` or once more than ``max_values`` values (object
   keys included) were seen — so ``json.loads`` only ever gets shallow, bounded input;
3. ``json.loads`` with hooks: integers longer than ``max_int_digits``, non-finite floats,
   ``NaN``/``Infinity`` and duplicate keys become markers;
4. one iterative walk reports the first marker, over-long string (or key), over-long
   array/object and lone surrogate, with its path (``reviews[3].grades.c2.comment``).

Field-specific rules (ranges, formats) stay with each reader; this only makes the input
safe to look at.
"""

from __future__ import annotations

import json
import math
import re
from json.decoder import scanstring
from typing import Any

DEFAULT_MAX_DEPTH = 32
DEFAULT_MAX_VALUES = 1_000_000
DEFAULT_MAX_STRING = 1 << 20          # characters, per string (keys included)
DEFAULT_MAX_ITEMS = 100_000           # members of one array or object
DEFAULT_MAX_INT_DIGITS = 30           # 2^63 has 19 digits; anything longer is nobody's id or count

_NEXT_TOKEN = re.compile(r'[\[\]{},"]')
_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONLimitError(ValueError):
    """Refusal of a JSON text: ``message`` (Chinese), ``code`` (``json.depth`` …), ``path`` or None."""

    def __init__(self, message: str, code: str, path: str | None = None):
        super().__init__(message)
        self.message, self.code, self.path = message, code, path


class _Marker:
    """Stands in for a value the walk must refuse (so the refusal can name the field)."""

    __slots__ = ("code", "detail")

    def __init__(self, code: str, detail: str):
        self.code, self.detail = code, detail


class _DuplicateKeys(dict):
    __slots__ = ("duplicate",)


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        dup = next(k for k, _ in pairs if k in seen or seen.add(k))
        d = _DuplicateKeys(d)
        d.duplicate = dup
    return d


def _prescan(text: str, max_depth: int, max_values: int) -> None:
    """Depth and value count without building anything (linear; stops at the first excess)."""
    depth = values = pos = 0
    search = _NEXT_TOKEN.search
    while (m := search(text, pos)) is not None:
        c, pos = m.group(), m.end()
        if c == '"':
            try:
                _, pos = scanstring(text, pos, True)
            except json.JSONDecodeError as e:
                raise JSONLimitError(f"无法解析为 JSON：{e}", "json.syntax") from None
            values += 1  # keys count too: 16 MiB of "" "" … must not keep this loop busy either
        elif c == "[" or c == "{":
            depth += 1
            values += 1
            if depth > max_depth:
                raise JSONLimitError(f"JSON 嵌套超过 {max_depth} 层（在第 {pos} 个字符处）", "json.depth")
        elif c == ",":
            values += 1
        else:
            depth -= 1
        if values > max_values:
            raise JSONLimitError(f"JSON 含超过 {max_values} 个值", "json.values")


def prescan(text: str, *, max_depth: int = DEFAULT_MAX_DEPTH, max_values: int = DEFAULT_MAX_VALUES) -> None:
    """Refuse (JSONLimitError ``json.depth`` / ``json.values``) a text nested deeper than
    ``max_depth`` or holding more than ``max_values`` values, before anything parses it; for
    readers that keep their own ``json.loads`` (and messages) after this check."""
    _prescan(text, max_depth, max_values)


def _path(parts: tuple) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _walk(obj: Any, max_string: int, max_items: int) -> None:
    stack: list[tuple[Any, tuple]] = [(obj, ())]
    while stack:
        v, where = stack.pop()
        if isinstance(v, str):
            if len(v) > max_string:
                raise JSONLimitError(f"字段 {_path(where) or '(根)'} 的文本过长（{len(v)} 个字符，最多 {max_string} 个）",
                                     "json.string", _path(where))
            if _SURROGATE.search(v):
                raise JSONLimitError(f"字段 {_path(where) or '(根)'} 含无效的 Unicode 代理字符", "json.unicode",
                                     _path(where))
        elif isinstance(v, dict):
            if isinstance(v, _DuplicateKeys):
                at = _path(where + (v.duplicate,))
                raise JSONLimitError(f"字段 {at} 重复出现", "json.duplicate_key", at)
            if len(v) > max_items:
                raise JSONLimitError(f"字段 {_path(where) or '(根)'} 的成员过多（{len(v)} 个，最多 {max_items} 个）",
                                     "json.items", _path(where))
            for k, x in v.items():
                if len(k) > max_string or _SURROGATE.search(k):
                    at = _path(where) or "(根)"
                    raise JSONLimitError(f"字段 {at} 含过长或无效的键名", "json.key", _path(where))
                stack.append((x, where + (k,)))
        elif isinstance(v, list):
            if len(v) > max_items:
                raise JSONLimitError(f"字段 {_path(where) or '(根)'} 的元素过多（{len(v)} 个，最多 {max_items} 个）",
                                     "json.items", _path(where))
            stack.extend((x, where + (i,)) for i, x in enumerate(v))
        elif isinstance(v, _Marker):
            at = _path(where) or "(根)"
            raise JSONLimitError(f"字段 {at} {v.detail}", v.code, _path(where))


def loads_bounded(data: bytes | str, *, max_bytes: int, max_depth: int = DEFAULT_MAX_DEPTH,
                  max_values: int = DEFAULT_MAX_VALUES, max_string: int = DEFAULT_MAX_STRING,
                  max_items: int = DEFAULT_MAX_ITEMS, max_int_digits: int = DEFAULT_MAX_INT_DIGITS,
                  allow_floats: bool = True) -> Any:
    """Parse ``data`` (bytes: strict UTF-8, no BOM) within the limits, or raise :class:`JSONLimitError`.

    Numbers: integers exact, at most ``max_int_digits`` digits; floats finite (or refused
    altogether with ``allow_floats=False``); ``NaN``/``Infinity`` never. Duplicate keys are refused.
    """
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        raise JSONLimitError(f"JSON 过大（{size} 字节，最多 {max_bytes} 字节）", "json.size")
    if isinstance(data, (bytes, bytearray)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as e:
            raise JSONLimitError(f"不是 UTF-8 文本（第 {e.start} 字节起）", "json.encoding") from None
    else:
        text = data
    _prescan(text, max_depth, max_values)

    def parse_int(s: str) -> Any:
        digits = len(s) - s.startswith("-")
        if digits > max_int_digits:
            return _Marker("json.int", f"的整数过大（{digits} 位，最多 {max_int_digits} 位）")
        return int(s)

    def parse_float(s: str) -> Any:
        if not allow_floats:
            return _Marker("json.float", f"应为整数，实际为小数 {s[:40]}")
        f = float(s) if len(s) <= 400 else math.inf
        return f if math.isfinite(f) else _Marker("json.float", f"的数值超出范围（{s[:40]}）")

    def parse_constant(s: str) -> Any:
        return _Marker("json.constant", f"含非法数值 {s}（JSON 不允许 NaN/Infinity）")

    try:
        obj = json.loads(text, parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant,
                         object_pairs_hook=_pairs)
    except json.JSONDecodeError as e:
        raise JSONLimitError(f"无法解析为 JSON：{e}", "json.syntax") from None
    _walk(obj, max_string, max_items)
    return obj
