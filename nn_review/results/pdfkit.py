"""Layout pieces shared by the result sheets (reportlab platypus, embedded CJK font).

* The font is WenQuanYi Micro Hei (``resources/fonts``), registered once and embedded as a
  subset, so ``pdftotext`` gives the Chinese back.
* Every page gets a footer: the short data hash and sheet version on the left,
  “第 x 页 共 y 页” in the middle (the total is known only at the end: pages are kept
  until ``save`` and the footers drawn then), the document name on the right.
* ``nn_review.pdf.slots.SignatureSlots`` reserves the boxes for the PDF signatures (secretary,
  leader) and records where they landed, so the signature fields are created exactly there.
* Texts always go through :func:`p` (escaped, CJK wrapping): long titles and opinions wrap
  and table rows grow; long free texts are paragraphs outside tables so they can break
  across pages.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib import textsplit as rl_textsplit
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from ..pdf.fonts import register_font

PORTRAIT = A4
LANDSCAPE = landscape(A4)
GRID = colors.HexColor("#666666")
HEAD_BG = colors.HexColor("#e4eaf2")
SUB_BG = colors.HexColor("#f4f6f9")
FLAG_FG = colors.HexColor("#a23b00")
MUTED = colors.HexColor("#555555")
ISSUER = "南宁市科学技术局"



# reportlab's CJK wrapping keeps listed characters off the start of a line (kinsoku), but its
# list lacks the full-width Chinese punctuation, so a line could begin with "，". Add them
# (process-wide: this only improves every CJK paragraph).
_NO_LINE_START = "，。、；：？！）》」』】〕〉…—％"
for _mod in (rl_paragraph, rl_textsplit):  # single-fragment paragraphs wrap in textsplit.wordSplit
    _mod.ALL_CANNOT_START += "".join(ch for ch in _NO_LINE_START if ch not in _mod.ALL_CANNOT_START)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = dict(fontName=font, wordWrap="CJK")
    return {
        "org": ParagraphStyle("org", **base, fontSize=11, leading=16, alignment=TA_CENTER, textColor=MUTED),
        "title": ParagraphStyle("title", **base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", **base, fontSize=10, leading=15, alignment=TA_CENTER,
                                   textColor=MUTED, spaceAfter=8),
        "h1": ParagraphStyle("h1", **base, fontSize=13, leading=19, spaceBefore=10, spaceAfter=5,
                             textColor=colors.HexColor("#1f3864"), keepWithNext=1),
        # a heading followed by a long table: kept with it by a CondPageBreak, not keepWithNext
        "h1_loose": ParagraphStyle("h1_loose", **base, fontSize=13, leading=19, spaceBefore=10, spaceAfter=5,
                                   textColor=colors.HexColor("#1f3864")),
        "h2": ParagraphStyle("h2", **base, fontSize=11, leading=16, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "body": ParagraphStyle("body", **base, fontSize=10, leading=16, spaceAfter=3),
        "opinion": ParagraphStyle("opinion", **base, fontSize=10.5, leading=18, firstLineIndent=21, spaceAfter=4),
        "note": ParagraphStyle("note", **base, fontSize=8.5, leading=12.5, textColor=MUTED, spaceAfter=2),
        "cell": ParagraphStyle("cell", **base, fontSize=9, leading=12),
        "cell_c": ParagraphStyle("cell_c", **base, fontSize=9, leading=12, alignment=TA_CENTER),
        "cell_r": ParagraphStyle("cell_r", **base, fontSize=9, leading=12, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", **base, fontSize=9, leading=12, alignment=TA_CENTER),
        "small": ParagraphStyle("small", **base, fontSize=7.5, leading=10),
        "small_c": ParagraphStyle("small_c", **base, fontSize=7.5, leading=10, alignment=TA_CENTER),
        "small_r": ParagraphStyle("small_r", **base, fontSize=7.5, leading=10, alignment=TA_RIGHT),
        "small_head": ParagraphStyle("small_head", **base, fontSize=7.5, leading=10, alignment=TA_CENTER),
        "flag": ParagraphStyle("flag", **base, fontSize=9, leading=13, textColor=FLAG_FG, leftIndent=12,
                               firstLineIndent=-12, spaceAfter=1),
        "sign": ParagraphStyle("sign", **base, fontSize=10.5, leading=26),
    }


def p(text, style: str = "cell", color: str | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept)."""
    t = escape("" if text is None else str(text)).replace("\n", "<br/>")
    if color:
        t = f'<font color="{color}">{t}</font>'
    return Paragraph(t, styles()[style])


def grid_table(rows, widths, *, header_rows: int = 1, repeat: bool = True, zebra: bool = False,
               extra: list | None = None, pad: tuple[float, float] = (3, 4.5)) -> Table:
    """A ruled table; ``pad`` = (left, right) cell padding (the right one leaves room for
    punctuation that reportlab hangs past the line end)."""
    t = Table(rows, colWidths=widths, repeatRows=header_rows if repeat else 0, splitByRow=1)
    cmds = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), pad[0]), ("RIGHTPADDING", (0, 0), (-1, -1), pad[1])]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG))
    if zebra:
        for r in range(header_rows, len(rows)):
            if (r - header_rows) % 2:
                cmds.append(("BACKGROUND", (0, r), (-1, r), SUB_BG))
    t.setStyle(TableStyle(cmds + (extra or [])))
    return t


def kv_table(pairs: list[tuple[str, object]], width: float, label_w: float = 3.2 * cm, cols: int = 1) -> Table:
    """Label/value rows (``cols`` pairs per row)."""
    rows = []
    for i in range(0, len(pairs), cols):
        row = []
        for k, v in pairs[i:i + cols]:
            row += [p(k, "cell"), v if isinstance(v, Flowable) else p(v, "cell")]
        while len(row) < 2 * cols:
            row += ["", ""]
        rows.append(row)
    val_w = width / cols - label_w
    t = Table(rows, colWidths=[label_w, val_w] * cols, splitByRow=1)
    cmds = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for c in range(cols):
        cmds.append(("BACKGROUND", (2 * c, 0), (2 * c, -1), HEAD_BG))
    t.setStyle(TableStyle(cmds))
    return t


# -- page furniture -------------------------------------------------------------------------

@dataclass(frozen=True)
class Footer:
    left: str       # e.g. 数据校验码 … · 第 2 版
    right: str      # document name
    header: str = ""  # optional running header (top right)


def _canvas_maker(footer: Footer):
    font = register_font()

    class NumberedCanvas(rl_canvas.Canvas):
        """Keeps every page until ``save`` so “共 y 页” can be written on each."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            w, _h = self._pagesize
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(colors.HexColor("#b8c0ca"))
            self.line(1.5 * cm, 1.35 * cm, w - 1.5 * cm, 1.35 * cm)
            self.drawString(1.5 * cm, 0.9 * cm, footer.left)
            self.drawCentredString(w / 2, 0.9 * cm, f"第 {self._pageNumber} 页 共 {total} 页")
            self.drawRightString(w - 1.5 * cm, 0.9 * cm, footer.right)
            if footer.header:
                self.drawRightString(w - 1.5 * cm, self._pagesize[1] - 0.9 * cm, footer.header)
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list, *, pagesize=PORTRAIT, title: str, subject: str = "", footer: Footer,
              margins: tuple[float, float, float, float] = (1.8 * cm, 1.8 * cm, 1.6 * cm, 1.9 * cm)) -> bytes:
    """Lay out ``story``; margins are (left, right, top, bottom). Deterministic output (invariant)."""
    buf = io.BytesIO()
    left, right, top, bottom = margins
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                            bottomMargin=bottom, title=title, author=ISSUER, subject=subject, creator="nn_review",
                            invariant=1)
    doc.build(story, canvasmaker=_canvas_maker(footer))
    return buf.getvalue()


def frame_width(pagesize=PORTRAIT, margins=(1.8 * cm, 1.8 * cm)) -> float:
    """The width flowables get: page minus margins minus the frame's 6 pt padding on each side."""
    return pagesize[0] - margins[0] - margins[1] - 12


def money(value) -> str:
    """万元 with 2 decimals (half-up)."""
    from ..forms import display
    return f"{display(value)} 万元"
