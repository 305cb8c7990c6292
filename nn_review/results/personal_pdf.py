"""个人评分表: one expert's grades of every application of a panel, as imported.

Every application with its grades and points per criterion, the total, the recommendation,
the opinion and the comments on D/E grades (or 回避 with the reason); the expert's key
fingerprint; a line for the handwritten signature. Footer: hash of exactly these data and
the sheet version.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Spacer

from ..forms import display
from .aggregate import dec_str
from .merge import PanelExpert, PanelResults, sha256_json, short_hash
from ..pdf.slots import SIG_SECRETARY, SignatureSlots, SlotSink
from .pdfkit import PORTRAIT, Footer, build_pdf, frame_width, grid_table, kv_table, p
from .sheet_pdf import struck, version_text

TITLE = "专家个人评分表"


def expert_data_hash(pr: PanelResults, expert: PanelExpert) -> str:
    cells = [[a.application_id, next(c for c in a.experts if c.expert_id == expert.expert_id).to_json()]
             for a in pr.applications]
    return sha256_json({"panel": pr.data_hash, "expert": expert.expert_id, "cells": cells})


def _cell(c, text: str, mark: str = ""):
    """A figure of the expert's review: struck through with its mark when the review is not counted."""
    return struck(text, "small_c", mark) if c.status == "excluded" else p(text, "small_c")


def personal_story(pr: PanelResults, expert: PanelExpert) -> list:
    width = frame_width(PORTRAIT)
    apps = sorted(pr.applications, key=lambda a: a.application_id)
    cells = [(a, next(c for c in a.experts if c.expert_id == expert.expert_id)) for a in apps]
    cells = [(a, c) for a, c in cells if c.status != "not_assigned"]
    counts = {s: sum(1 for _, c in cells if c.status == s) for s in ("scored", "recused", "missing", "excluded")}
    revision = max((c.revision for _, c in cells if c.revision), default=None)
    story: list = [
        p("南宁市科学技术局　科技计划项目评审", "org"),
        p(TITLE, "title"),
        p(f"{pr.session_name}　·　{pr.panel_name}　·　{version_text(pr)}", "subtitle"),
        kv_table([("评审专家", f"{expert.name}（专家编号 {expert.roster_key}）"), ("单位", expert.unit or "—"),
                  ("职称", expert.title or "—"), ("评审表", pr.form.title),
                  ("签名密钥指纹", expert.key_fingerprint or "（尚未导入其评分文件）"),
                  ("评分文件修订号", str(revision) if revision else "—"),
                  ("评审情况", f"已评分 {counts['scored']} 项，回避 {counts['recused']} 项，未交回 {counts['missing']} 项"
                               + (f"，评分不计入 {counts['excluded']} 项" if counts["excluded"] else ""))],
                 width, label_w=3.2 * cm),
        Spacer(1, 6),
    ]
    for a, c in cells:
        block = [p(f"{a.application_id}　{a.title}", "h2"), p(f"申报单位：{a.applicant}", "note")]
        if c.status in ("scored", "excluded") and c.grades:
            # an excluded review (回避 recorded later, or 不予受理) stays on the sheet, struck through
            crit = a.form.criteria
            cw = (width - 3.2 * cm) / len(crit)
            head = [p(f"{x.id}（{x.weight}）", "small_head") for x in crit] + [p("总分", "small_head"),
                                                                              p("推荐意见", "small_head")]
            row = []
            for x in crit:
                g = c.grades.get(x.id)
                text = "" if g is None else (f"{g.grade}（{dec_str(g.points)}%）{display(g.score)}"
                                             if g.points is not None else f"{g.grade}　{display(g.score)}")
                row.append(_cell(c, text))
            row += [_cell(c, display(c.total), c.narrow_mark),
                    _cell(c, a.recommendation_zh(c.recommendation))]
            block += [grid_table([head, row], [cw] * len(crit) + [1.3 * cm, 1.9 * cm]), Spacer(1, 3)]
            comments = [f"{x.id}（{c.grades[x.id].grade}）：{c.grades[x.id].comment}" for x in crit
                        if x.id in c.grades and c.grades[x.id].comment.strip()]
            if c.status == "excluded":
                block.append(p(f"本项评分不计入{c.exclusion_note}", "note", color="#a23b00"))
            story.append(KeepTogether(block))
            if comments:
                story.append(p("评分说明：" + "；".join(comments), "body"))
            story.append(p(f"专家意见：{c.opinion}", "opinion"))
        elif c.status == "recused":
            block.append(p(f"回避：{c.reason}", "body", color="#a23b00"))
            story.append(KeepTogether(block))
        else:
            block.append(p({"missing": "尚未交回评分", "invalid": f"评分无效：{c.reason}"}.get(c.status, "—"), "body",
                           color="#a23b00"))
            story.append(KeepTogether(block))
    story += [Spacer(1, 16), KeepTogether([
        p("本人确认以上评分与意见为本人独立作出，与所评项目不存在应回避的利害关系。", "body"),
        p("专家签字：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿", "sign")])]
    return story


def render_personal_signable(pr: PanelResults, expert: PanelExpert) -> tuple[bytes, SlotSink]:
    """The sheet with a box for the secretary's PDF signature (signed like the other sheets)."""
    sink = SlotSink()
    h = expert_data_hash(pr, expert)
    footer = Footer(f"数据校验码 {short_hash(h)} · 第 {pr.sheet_version} 版", f"{expert.name} {TITLE}")
    story = personal_story(pr, expert)
    story[-1] = KeepTogether([story[-1], Spacer(1, 8), SignatureSlots([SIG_SECRETARY], sink)])  # with the signing lines
    pdf = build_pdf(story, pagesize=PORTRAIT, title=f"{TITLE} {expert.name} {pr.panel_name}",
                    subject=f"data:{h} version:{pr.sheet_version}", footer=footer)
    return pdf, sink


def render_personal(pr: PanelResults, expert: PanelExpert) -> bytes:
    h = expert_data_hash(pr, expert)
    footer = Footer(f"数据校验码 {short_hash(h)} · 第 {pr.sheet_version} 版", f"{expert.name} {TITLE}")
    return build_pdf(personal_story(pr, expert), pagesize=PORTRAIT, title=f"{TITLE} {expert.name} {pr.panel_name}",
                     subject=f"data:{h} version:{pr.sheet_version}", footer=footer)
