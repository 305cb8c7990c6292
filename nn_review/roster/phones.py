"""Phone numbers of the roster (issue 20 item 2): checked and stored in one form.

Accepted (after NFKC, so full-width digits and brackets count as typed half-width):

* a mainland mobile number: 11 digits ``1[3-9]…``, with or without spaces or hyphens
  (``138 1234 5678``, ``138-1234-5678``) — stored as ``13812345678``;
* a landline with its area code: ``0771-5551234``, ``0771 5551234``, ``(0771)5551234``,
  ``07715551234`` — stored as ``0771-5551234``. The area code is 010 or 02x (three digits) or
  0 + three digits (``0771``); the local number has 7 or 8 digits and does not start with 0;
  an extension may follow as ``转123`` or ``ext 123`` (stored ``0771-5551234转123``);
* either of these behind the country code ``+86`` / ``0086`` (``+86 138 1234 5678``,
  ``+86-771-5551234``, ``0086 10 12345678``): the country code is dropped and a landline gets
  back its leading 0; a mobile number also behind a bare ``86`` (``86 138 1234 5678``,
  ``86-13812345678``: 13 digits, 86 then a mobile number).

An extension has 1–6 digits and is not all zeros (``转0`` is no extension); an empty or longer one
is refused with the number.

Anything else ("12345", "1", a number with letters, a foreign number) is refused: the caller
reports it as a row error of the 手机 column saying what is expected.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―.·]+")
_EXT = re.compile(r"(?:转|分机|ext\.?|x)(\d{1,6})$", re.IGNORECASE)
_MOBILE = re.compile(r"1[3-9]\d{9}")
# area code: 010, 02x, or 0 + 3 digits (0[3-9]xx); local number 7–8 digits, not starting with 0
_LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d\d))([1-9]\d{6,7})")
_BRACKETED = re.compile(r"\((0?\d{2,3})\)(\d+)")
_STORED = re.compile(r"1[3-9]\d{9}|0\d{2,3}-[1-9]\d{6,7}(?:转\d{1,6})?")  # what normalize_phone returns


def normalize_phone(text: str | None) -> str | None:
    """The stored form of a phone number; ``''`` for blank; ``None`` when it is not a mainland
    mobile or landline number in one of the accepted forms."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).strip()
    if not s:
        return ""
    s = _SEPARATORS.sub("", s)
    ext = ""
    if m := _EXT.search(s):
        ext, s = m.group(1), s[:m.start()]
        if not ext.strip("0"):
            return None  # 转0, 转000: not an extension
    international = False
    if s.startswith("+86"):
        s, international = s[3:], True
    elif s.startswith("0086"):
        s, international = s[4:], True
    elif s.startswith("+"):
        return None  # another country's number
    if international:
        s = s.replace("(0)", "", 1)  # +86 (0)771 …
    bracket = _BRACKETED.fullmatch(s)
    if bracket:
        s = bracket.group(1) + bracket.group(2)
    if not s.isdigit():
        return None
    if _MOBILE.fullmatch(s):
        return None if ext else s
    if not international and len(s) == 13 and s.startswith("86") and _MOBILE.fullmatch(s[2:]):
        return None if ext else s[2:]  # 86 138 1234 5678: the country code without its +
    if international and not s.startswith("0"):
        s = "0" + s  # +86 771 5551234: the area code without its trunk 0
    if m := _LANDLINE.fullmatch(s):
        return f"{m.group(1)}-{m.group(2)}" + (f"转{ext}" if ext else "")
    return None


def phone_digits(text: str | None) -> str:
    """The number for comparing two experts: the stored form's digits (extension kept), or the bare
    digits of a value stored before numbers were checked."""
    if not text:
        return ""
    if _STORED.fullmatch(text):  # the stored form (every check since issue 20): no need to parse again
        return text.replace("-", "").replace("转", "")
    norm = normalize_phone(text)
    return re.sub(r"\D", "", norm if norm else text)
