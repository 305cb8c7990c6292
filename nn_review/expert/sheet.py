"""The personal score sheet (个人评分表): every application with its grades, total, opinion and
recommendation, the expert's key fingerprint, and a line for the handwritten signature. The PDF
carries the expert's own PAdES signature (the workspace's PDF identity, field ``SigExpert``).

A4 PDF with the shipped CJK font embedded (reportlab). Built from the current drafts, or —
once the bundle's data was removed — from the last signed score file kept in the workspace.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..i18n import M
from ..pdf.fonts import register_font
from ..forms import Form, display, grade_value
from ..pdf.slots import SIG_EXPERT, SignatureSlots, SlotSink
from ..pdf.signing import sign_pdf
from .db import q
from .drafts import COMPLETE, RECUSED, STATUS_ZH
from .errors import WorkspaceError

GRID = colors.HexColor("#777777")
HEAD = colors.HexColor("#e6ebf2")


@dataclass
class _Entry:
    application_id: str
    title: str
    applicant: str
    form: Form
    review: dict[str, Any]
    status: str


def _styles() -> dict[str, ParagraphStyle]:
    font = register_font()
    base = dict(fontName=font, wordWrap="CJK")
    return {
        "title": ParagraphStyle("t", **base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=2),
        "sub": ParagraphStyle("s", **base, fontSize=10.5, leading=15, alignment=TA_CENTER,
                              textColor=colors.HexColor("#555555"), spaceAfter=10),
        "h": ParagraphStyle("h", **base, fontSize=12, leading=17, spaceBefore=10, spaceAfter=4,
                            textColor=colors.HexColor("#1f3864")),
        "cell": ParagraphStyle("c", **base, fontSize=9, leading=12.5),
        "head": ParagraphStyle("hd", **base, fontSize=9, leading=12.5, alignment=TA_CENTER),
        "body": ParagraphStyle("b", **base, fontSize=10, leading=16, spaceAfter=3),
        "sign": ParagraphStyle("g", **base, fontSize=11, leading=20, spaceBefore=6),
    }


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text if text is not None else "")).replace("\n", "<br/>"), style)


def _table(rows: list[list[Any]], widths: list[float], head: bool = True) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1 if head else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD))
    t.setStyle(TableStyle(style))
    return t


def _total(e: _Entry, band: bool) -> Decimal | None:
    if e.review.get("recused"):
        return None
    try:
        return sum((c.weight * grade_value(e.form, c.id, e.review["grades"][c.id], band) for c in e.form.criteria),
                   Decimal(0))
    except (KeyError, ValueError):
        return None


def _entries(ws, bundle_id: str) -> tuple[list[_Entry], dict[str, Any]]:
    b = ws.bundle(bundle_id)
    forms = ws.forms(bundle_id)
    if not b.removed:
        drafts = ws.drafts(bundle_id)
        out = []
        for a in ws.bundle_data(bundle_id)["applications"]:
            d = drafts[a["application_id"]]
            out.append(_Entry(a["application_id"], a["title"], a.get("applicant") or "", forms[a["form"]],
                              d.review(b.band_mode), d.status))
        unit = ws.bundle_data(bundle_id)["expert"].get("unit") or ""
        return out, {"unit": unit, "source": "当前评分"}
    written = [e for e in ws.exports(bundle_id) if e.state == "written" and e.content]
    if not written:
        raise WorkspaceError(f"评审包 {bundle_id[:8]} 的材料已删除且没有已签名的评分记录", "workspace.removed",
                             msg=M("expert.err.no_record"), detail=bundle_id)
    last = written[-1]
    obj = json.loads(last.content.decode("utf-8"))
    with ws.db.read() as c:
        titles = json.loads(q(c, "SELECT titles_json FROM exports WHERE bundle_id = :b AND revision = :r",
                              b=bundle_id, r=last.revision).scalar() or "{}")
    form = next(iter(forms.values()))
    out = [_Entry(r["application_id"], titles.get(r["application_id"], ""), "", form, r,
                  RECUSED if r["recused"] else COMPLETE) for r in obj["reviews"]]
    return out, {"unit": "", "source": f"已签名评分文件 r{last.revision}；评审包材料已于 {b.removed_text} 删除"}


def score_sheet_pdf(ws, bundle_id: str) -> bytes:
    b = ws.bundle(bundle_id)
    entries, extra = _entries(ws, bundle_id)
    st = _styles()
    fpr = ws.vault.known_fingerprint(b.expert_id) or ws.signing_key(b.expert_id).fingerprint
    ident = ws.pdf_identity(b.expert_id)  # the sheet carries the expert's own PDF signature
    sink = SlotSink()
    records = [e for e in ws.exports(bundle_id) if e.state == "written"]
    if records:
        r = records[-1]
        export_text = f"r{r.revision}（{r.created_at.replace('T', ' ').replace('Z', ' UTC')}" + \
                      ("，部分交回" if r.partial else "") + "）" + ("；此后有修改，尚未重新导出" if b.changed_since_export else "")
    else:
        export_text = "尚未导出"
    done = sum(e.status in (COMPLETE, RECUSED) for e in entries)
    expert = b.expert_name + (f"（{extra['unit']}）" if extra["unit"] else "")
    info = [["评审批次", b.session_name], ["评审专家", expert], ["评审包编号", b.bundle_id],
            ["专家签名密钥指纹", fpr], ["评分文件修订", export_text],
            ["完成情况", f"{done} / {len(entries)} 项已完成或回避（{extra['source']}）"],
            ["打印时间", datetime.now().strftime("%Y-%m-%d %H:%M")]]
    story: list[Any] = [
        _p("南宁市科技计划项目评审", st["sub"]), _p("专家个人评分表", st["title"]),
        _p(b.session_name, st["sub"]),
        _table([[_p(k, st["cell"]), _p(v, st["cell"])] for k, v in info], [3.6 * cm, 12.4 * cm], head=False),
        _p("评分汇总", st["h"]),
    ]
    rec_names = {}
    for e in entries:
        rec_names.update(dict(e.form.recommendations))
    summary = [[_p(h, st["head"]) for h in ("序号", "申报编号", "项目名称", "状态", "总分", "推荐意见")]]
    for i, e in enumerate(entries, 1):
        total = _total(e, b.band_mode)
        summary.append([_p(i, st["cell"]), _p(e.application_id, st["cell"]), _p(e.title, st["cell"]),
                        _p(STATUS_ZH[e.status], st["cell"]),
                        _p(display(total) if total is not None else "—", st["cell"]),
                        _p(rec_names.get(e.review.get("recommendation"), "—") if not e.review.get("recused")
                           else "回避", st["cell"])])
    story.append(_table(summary, [1.2 * cm, 3.2 * cm, 6.1 * cm, 1.5 * cm, 1.6 * cm, 2.4 * cm]))
    for i, e in enumerate(entries, 1):
        story.append(KeepTogether(_section(i, e, b.band_mode, st, rec_names)))  # one application per block
    story.append(CondPageBreak(5 * cm))
    story += [Spacer(1, 14), KeepTogether([  # the pledge, both signatures and the PDF signature box on one page
        _p("本人承诺：以上评分和意见系本人独立、客观、公正作出，与所评申报不存在应回避而未回避的利害关系。", st["body"]),
        _p(f"电子签名密钥指纹：{fpr}", st["body"]),
        _p(f"PDF 签名证书指纹：{ident.fingerprint}", st["body"]),
        Spacer(1, 18),
        _p("专家签名（手写）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", st["sign"]),
        Spacer(1, 8),
        SignatureSlots([SIG_EXPERT], sink),
    ])]

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(register_font(), 8)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(2 * cm, 1.2 * cm, f"专家个人评分表 · {b.expert_name} · 密钥指纹 {fpr}")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"第 {doc.page} 页")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                            bottomMargin=2 * cm, title=f"专家个人评分表 - {b.expert_name}", author=b.expert_name,
                            creator="nn_review", invariant=1)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return sign_pdf(buf.getvalue(), ident, slots=sink, reason="评审专家签署个人评分表")


def _section(i: int, e: _Entry, band: bool, st, rec_names: dict[str, str]) -> list[Any]:
    head = f"{i}. {e.application_id}　{e.title}" + (f"（{e.applicant}）" if e.applicant else "")
    out: list[Any] = [_p(head, st["h"])]
    if e.review.get("recused"):
        out.append(_p(f"状态：回避　　理由：{e.review.get('recusal_reason') or ''}", st["body"]))
        return out
    cols = ["评审指标", "权重", "等级"] + (["分值"] if band else []) + ["得分", "说明"]
    rows = [[_p(h, st["head"]) for h in cols]]
    grades = e.review.get("grades") or {}
    for c in e.form.criteria:
        g = grades.get(c.id) or {}
        letter = g.get("grade")
        gd = e.form.grade(letter) if letter else None
        try:
            score = display(c.weight * grade_value(e.form, c.id, g, band)) if g else "—"
        except ValueError:
            score = "—"
        row = [_p(c.name, st["cell"]), _p(c.weight, st["cell"]), _p(f"{letter}（{gd.name}）" if gd else "未评", st["cell"])]
        if band:
            row.append(_p(g.get("points") or "—", st["cell"]))
        row += [_p(score, st["cell"]), _p(g.get("comment") or "", st["cell"])]
        rows.append(row)
    widths = [4.6 * cm, 1.1 * cm, 1.9 * cm] + ([1.3 * cm] if band else []) + [1.3 * cm]
    widths.append(16 * cm - sum(widths))
    total = _total(e, band)
    status = "" if e.status == COMPLETE else f"（{STATUS_ZH[e.status]}）"
    out.append(_table(rows, widths))
    out.append(_p(f"合计：{display(total)} 分{status}" if total is not None
                  else f"合计：未完成{status or ''}", st["body"]))
    out.append(_p(f"专家意见：{e.review.get('opinion') or '（未填写）'}", st["body"]))
    out.append(_p(f"推荐意见：{rec_names.get(e.review.get('recommendation'), '（未选择）')}", st["body"]))
    return out


__all__ = ["score_sheet_pdf"]
