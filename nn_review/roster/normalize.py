"""Name normalisation for conflict matching (回避判定).

Unit and person names in application manifests and in the roster are typed by different
people: full-width vs half-width characters, （）vs (), stray spaces, and the two legal
spellings 有限公司 / 有限责任公司 must not hide a conflict. 股份有限公司 is a different legal
form and stays distinct.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# NFKC already folds （）［］｛｝ to ASCII; these CJK brackets it leaves alone.
_BRACKETS = str.maketrans({"【": "(", "】": ")", "〔": "(", "〕": ")", "〖": "(", "〗": ")",
                           "[": "(", "]": ")", "{": "(", "}": ")", "〈": "(", "〉": ")",
                           "《": "(", "》": ")"})
# Middle dots in transliterated names (买买提·艾力), in their many code points.
_DOTS = str.maketrans("", "", "·・•‧⋅∙･﹒.")


def normalize_unit(name: str | None) -> str:
    """Canonical form of an organisation name; '' for None/blank."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name)
    s = _SPACE.sub("", s).translate(_BRACKETS).casefold()
    # Only the limited-liability spelling differs; 股份有限公司 contains neither substring.
    return s.replace("有限责任公司", "有限公司")


def normalize_person(name: str | None) -> str:
    """Canonical form of a person's name; '' for None/blank."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name)
    return _SPACE.sub("", s).translate(_DOTS).casefold()


def split_list(value: str | None) -> list[str]:
    """A cell holding several values: separated by ；;、,，or line breaks; blanks dropped."""
    if not value:
        return []
    parts = re.split(r"[；;、,，\n\r]+", str(value))
    return [p.strip() for p in parts if p.strip()]
