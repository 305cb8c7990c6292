"""The CJK font every PDF of the app embeds (WenQuanYi Micro Hei, ``resources/fonts``).

Registered once per process and embedded as a subset, so ``pdftotext``/pypdf give the Chinese
text back."""

from __future__ import annotations

import functools

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource

FONT = "WQY"


@functools.cache
def register_font() -> str:
    """Register the embedded CJK font once per process; returns its reportlab name."""
    path = resource("fonts", "wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT
