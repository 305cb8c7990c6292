"""How deeply a JSON text nests, measured before ``json.loads`` (which recurses and raises
RecursionError, or worse, on ``[`` × 500,000).

A small package-local helper (the score-file reader may get a shared ``nn_review.jsonlimits``
later; this one needs nothing from it). Linear time, no recursion: strings are cut out by one
regular expression, then the brackets that are left are counted.
"""

from __future__ import annotations

import re
from itertools import accumulate

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """The maximum nesting of ``[``/``{`` outside strings (0 for a scalar). For malformed text
    (an unterminated string) the count may be too high, never too low."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    return max(0, max(accumulate(1 if b in "[{" else -1 for b in brackets)))
