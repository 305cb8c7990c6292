"""The assignment letter (评审任务通知书): the only place the bundle password is written down.

One A4 PDF per expert, printed or sent separately from the bundle file: the password is
large and in a monospaced face so it can be typed without guessing, and the secretary's
key fingerprint lets the expert check that the bundle really came from the secretary.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..fileio import write_atomic
from ..pdf.fonts import register_font
from .bundles import BundleInfo

MONO = "Courier-Bold"  # a standard PDF font: nothing to embed, every viewer has it


def _get(obj: Any, name: str, default: Any = "") -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _date_zh(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "另行通知"


def _styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = dict(fontName=font, wordWrap="CJK")
    return {
        "title": ParagraphStyle("t", **base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4),
        "sub": ParagraphStyle("s", **base, fontSize=11, leading=16, alignment=TA_CENTER,
                              textColor=colors.HexColor("#555555"), spaceAfter=14),
        "body": ParagraphStyle("b", **base, fontSize=11, leading=18, firstLineIndent=22, spaceAfter=6),
        "cell": ParagraphStyle("c", **base, fontSize=10.5, leading=15),
        "label": ParagraphStyle("l", **base, fontSize=11, leading=16, spaceBefore=10, spaceAfter=4),
        "pw": ParagraphStyle("p", fontName=MONO, fontSize=24, leading=32, alignment=TA_CENTER),
        "fpr": ParagraphStyle("f", fontName=MONO, fontSize=13, leading=18, alignment=TA_CENTER),
        "step": ParagraphStyle("i", **base, fontSize=10.5, leading=16, leftIndent=16, firstLineIndent=-16,
                               spaceAfter=3),
        "foot": ParagraphStyle("o", **base, fontSize=9, leading=13, textColor=colors.HexColor("#666666"),
                               spaceBefore=14),
    }


def _boxed(flow, pad: float = 8) -> Table:
    t = Table([[flow]], colWidths=[15.5 * cm])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                           ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f3f3")),
                           ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]))
    return t


def write_assignment_letter(path: str | Path, info: BundleInfo, expert: Any, session: Any,
                            deadline: date | None) -> Path:
    """Write the letter for one bundle (whole or not at all). ``expert`` needs ``name`` (and
    ``unit``), ``session`` ``name`` (objects or dicts: Expert rows, SessionInfo, …)."""
    return write_atomic(path, assignment_letter_pdf(info, expert, session, deadline))


def assignment_letter_pdf(info: BundleInfo, expert: Any, session: Any, deadline: date | None) -> bytes:
    """The letter for one bundle as PDF bytes (nothing written: the hand-out may only print it)."""
    st = _styles()
    name, unit = _get(expert, "name"), _get(expert, "unit")
    sname = _get(session, "name")
    rows = [("评审批次", sname), ("评审专家", f"{name}（{unit}）" if unit else name),
            ("评审包文件", info.file_name), ("评审包编号", info.bundle_id),
            ("申报数量", f"{info.app_count} 项"), ("交回截止日期", _date_zh(deadline)),
            ("评审包 SHA-256", info.sha256)]
    table = Table([[Paragraph(escape(k), st["cell"]), Paragraph(escape(str(v)), st["cell"])] for k, v in rows],
                  colWidths=[3.6 * cm, 11.9 * cm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e6ebf2")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    steps = [
        "在评审用电脑上安装“南宁市科技计划项目评审系统”（专家端）。",
        f"用评审系统打开评审包文件“{info.file_name}”，输入上方密码（不区分大小写，横线和空格可省略）。",
        "首次打开时，请核对系统显示的秘书签名密钥指纹与本通知书一致；不一致时请勿使用，并立即联系评审秘书。",
        "对照申报指南和评审表逐项评定等级（A–E），评为 D 或 E 的指标须写明理由；专家意见不少于 50 个汉字，"
        "并给出推荐意见。",
        "如您与申报单位、合作单位或项目成员存在利害关系，请在系统中声明回避并写明理由，不要评分。",
        f"请于 {_date_zh(deadline)} 前在系统中导出评分文件（.nnscore）交回评审秘书；修改后可再次导出，以最后交回的一次为准。",
        "评审材料仅供本人评审使用，不得复制、转发或向他人透露；评审结束后请删除评审包及导出的材料。",
    ]
    story = [
        Paragraph("南宁市科技计划项目评审", st["sub"]),
        Paragraph("专家评审任务通知书", st["title"]),
        Paragraph(escape(f"{name} 专家：您好！受南宁市科学技术局委托，现邀请您参加“{sname}”的评审工作。"
                         f"本次分配给您的 {info.app_count} 项申报材料已加密打包，请按以下说明完成评审。"), st["body"]),
        Spacer(1, 4), table,
        Paragraph("评审包密码（仅本通知书载有此密码，请妥善保管，勿与评审包文件一同转发）：", st["label"]),
        _boxed(Paragraph(escape(info.password), st["pw"]), 10),
        Paragraph("秘书签名密钥指纹（打开评审包时核对）：", st["label"]),
        _boxed(Paragraph(escape(info.secretary_fingerprint), st["fpr"]), 6),
        Paragraph("评审步骤：", st["label"]),
        *[Paragraph(escape(f"{i}. {s}"), st["step"]) for i, s in enumerate(steps, 1)],
        Paragraph(escape(f"南宁市科学技术局 评审秘书处　制发时间：{datetime.now():%Y年%m月%d日 %H:%M}"), st["foot"]),
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.2 * cm,
                            bottomMargin=2.0 * cm, title=f"评审任务通知书 - {name}", author="南宁市科学技术局",
                            creator="nn_review", invariant=1)
    doc.build(story)
    return buf.getvalue()
