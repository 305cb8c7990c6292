"""The secretary's copy of a hand-out: one PDF with the password list and every expert's letter.

The one-time password screen offers it (保存为 PDF… / 打印…) so the passwords are not lost with
a click: the first page(s) list every expert, bundle file and password; then follow the
assignment letters (letter.py), one per expert, ready to print and hand out separately.
Only files are written (no store write): nothing here is an operation.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..fileio import write_atomic
from ..pdf.fonts import register_font
from .handout import Handout
from .letter import MONO


def password_list_pdf(items: Sequence[Handout], title: str = "") -> bytes:
    """The password list alone (A4): expert, bundle file, password, applications."""
    font = register_font()
    head = ParagraphStyle("h", fontName=font, fontSize=16, leading=24, spaceAfter=6, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=15, spaceAfter=8, wordWrap="CJK",
                          textColor=colors.HexColor("#a00000"))
    cell = ParagraphStyle("c", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    pw = ParagraphStyle("p", fontName=MONO, fontSize=11, leading=14)
    rows = [[Paragraph(t, cell) for t in ("专家", "评审包文件", "密码", "申报数")]]
    for h in items:
        b = h.bundle
        rows.append([Paragraph(escape(b.expert_name), cell), Paragraph(escape(b.file_name), cell),
                     Paragraph(escape(b.password), pw), Paragraph(str(b.app_count), cell)])
    table = Table(rows, colWidths=[3.0 * cm, 6.2 * cm, 5.8 * cm, 1.6 * cm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ebf2")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    fpr = items[0].bundle.secretary_fingerprint if items else ""
    story = [Paragraph(escape(title or "评审包密码清单"), head),
             Paragraph("本清单载有全部评审包密码，仅供评审秘书留存，请妥善保管，不得与评审包一同交付。"
                       "交给专家的是其本人的任务通知书（附后，每位专家一份）。", body),
             table, Spacer(1, 10),
             Paragraph(escape(f"秘书签名密钥指纹：{fpr}"), cell),
             Paragraph(escape(f"生成时间：{datetime.now():%Y年%m月%d日 %H:%M}"), cell)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=2.0 * cm, rightMargin=2.0 * cm, topMargin=2.0 * cm,
                      bottomMargin=2.0 * cm, title="评审包密码清单", author="南宁市科学技术局",
                      creator="nn_review", invariant=1).build(story)
    return buf.getvalue()


def handout_pdf(items: Sequence[Handout], title: str = "") -> bytes:
    """The password list, then each expert's letter (its file, or its PDF kept in memory). A letter that
    could not be written (``letter_error``) or read is left out; its password is on the list."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(password_list_pdf(items, title))))
    for h in items:
        if h.letter_error:
            continue
        try:
            if h.letter_pdf:  # letters only printed / saved as PDF: never written as files
                writer.append(PdfReader(io.BytesIO(h.letter_pdf)))
            elif h.letter is not None and Path(h.letter).is_file():
                writer.append(PdfReader(str(h.letter)))
        except Exception:  # a letter damaged on disk: the list still has the password
            continue
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def write_handout_pdf(path: str | Path, items: Sequence[Handout], title: str = "") -> Path:
    """``handout_pdf`` written to ``path`` (whole or not at all)."""
    return write_atomic(path, handout_pdf(items, title))
