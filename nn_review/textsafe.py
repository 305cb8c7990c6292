"""Text from applicants, rosters and files, made safe to show.

Three uses, one table of characters:

* :func:`for_terminal` — a value printed by the CLI or written to a log: control characters
  (C0, DEL, C1 — ESC among them, so no terminal escape sequence gets through) become visible
  escapes, and so do line breaks, so a file name can never forge a line of output.
* :func:`marked` — a value shown to a person (table, tooltip, PDF, xlsx note): bidi overrides
  and zero-width characters become a visible ``⟦U+202E⟧`` so "gpj.exe" tricks and invisible
  differences between two names show; control characters are escaped as for the terminal.
* :func:`hidden_chars` — the list of such characters in a value, for a 形式审查 warning.

The original text is never changed in the store: these are views of it.
"""

from __future__ import annotations

import re
import unicodedata

# Bidi embeddings/overrides/isolates and marks: reorder what the reader sees.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Zero-width and invisible formatting characters: two names that look the same, differ.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u00ad\u034f\u115f\u1160\u3164\uffa0")
HIDDEN = BIDI | INVISIBLE

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_HIDDEN_RE = re.compile("[" + "".join(sorted(HIDDEN)) + "]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def escape_char(ch: str) -> str:
    """One control character as its visible escape (``\\e``, ``\\n``, ``\\x07`` …)."""
    return _NAMED.get(ch) or f"\\x{ord(ch):02x}"


def _escape_control(m: re.Match) -> str:
    return escape_char(m.group(0))


def _mark_hidden(m: re.Match) -> str:
    return f"⟦U+{ord(m.group(0)):04X}⟧"


def for_terminal(value: object, *, keep_newlines: bool = False) -> str:
    """``value`` as text with every control character (and hidden character) shown as an escape.

    ``keep_newlines`` keeps ``\\n`` for a whole message the program itself composed of lines;
    user data interpolated into it should be passed through this function without it first.
    """
    text = str(value)
    if keep_newlines:
        text = "\n".join(_CONTROL_RE.sub(_escape_control, part) for part in text.split("\n"))
    else:
        text = _CONTROL_RE.sub(_escape_control, text)
    return _HIDDEN_RE.sub(_mark_hidden, text)


def marked(value: object) -> str:
    """``value`` for display: hidden characters shown as ``⟦U+XXXX⟧``, control characters escaped."""
    return for_terminal(value)


def hidden_chars(value: object) -> list[str]:
    """Distinct hidden characters in ``value``, as ``U+202E RIGHT-TO-LEFT OVERRIDE`` (in order found)."""
    seen: dict[str, None] = {}
    for ch in _HIDDEN_RE.findall(str(value)) + _CONTROL_RE.findall(str(value)):
        seen.setdefault(ch, None)
    return [f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL')}" for ch in seen]


def has_hidden(value: object) -> bool:
    text = str(value)
    return bool(_HIDDEN_RE.search(text) or _CONTROL_RE.search(text))
