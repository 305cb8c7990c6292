"""评审结果汇总表: one landscape A4 document per panel.

A ranked table per guide item (header row repeated on every page): ranks within the item
and in the panel, application (with its 形式审查结论), requested funds, every expert's total
(回避 / 未交回 as such; a review not counted is struck through and marked 回避（不计入）),
number of scores, mean, trimmed mean, project score, recommendation votes, the panel's
conclusion and the divergence flags with their state. Then the list of flags and how they
were handled, the inter-rater statistics (severity per expert, Kendall's W), and the
annexes: the draw records and the conflicts of interest; signature lines and the boxes
for the PDF signatures. With more than 9 experts the totals move to their own table.
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer, Table, TableStyle

from ..forms import display
from .agreement import signed
from .annexes import Annexes
from .divergence import KIND_ZH
from .merge import AppResult, PanelResults, short_hash, shown
from ..pdf.slots import SIG_LEADER, SIG_SECRETARY, SignatureSlots, SlotSink
from .pdfkit import LANDSCAPE, Footer, build_pdf, frame_width, grid_table, kv_table, p
from .sheet_pdf import struck, version_text

MARGINS = (1.2 * cm, 1.2 * cm, 1.5 * cm, 1.8 * cm)
MAX_INLINE_EXPERTS = 9
TITLE = "评审结果汇总表"


def _flags_cell(a: AppResult) -> str:
    if not a.flags:
        return "—"
    c = Counter(f.kind for f in a.flags)
    parts = "；".join(f"{KIND_ZH[k]}{'×' + str(n) if n > 1 else ''}" for k, n in c.items())
    state = "已讨论" if all(f.resolved for f in a.flags) else "待讨论"
    return f"{parts}（{state}）"


def _votes(a: AppResult) -> str:
    if a.form.levels:
        return a.level_zh(a.computed_level)
    return " / ".join(str(v) for v in a.rec_counts.values()) if a.score.n else "—"


def _columns(pr: PanelResults, width: float, inline: bool):
    """(header labels, widths, title column index) for the ranked table."""
    m = len(pr.experts) if inline else 0
    fixed = [("排名\n项目内/本组", 1.35), ("申报编号", 2.55), ("项目名称 / 申报单位", 0.0), ("申请资金\n（万元）", 1.3),
             ("有效\n份数", 0.8), ("算术\n平均分", 1.15), ("去高低\n平均分", 1.15), ("项目\n得分", 1.15),
             ("计算等次" if pr.form.levels else "推荐票数\n支持/修改后/不支持", 1.7), ("专家组结论", 1.7),
             ("分歧提示", 2.1)]
    expert_w = 1.1 * cm
    rest = width - sum(w for _, w in fixed) * cm - m * expert_w
    title_w = max(rest, 3.6 * cm)
    if rest < 3.6 * cm and m:  # squeeze the experts rather than the title
        expert_w = (width - sum(w for _, w in fixed) * cm - title_w) / m
    labels = [lbl for lbl, _ in fixed[:4]] + [e.name + ("\n（组长）" if e.is_leader else "") for e in pr.experts[:m]] \
        + [lbl for lbl, _ in fixed[4:]]
    widths = [w * cm for _, w in fixed[:2]] + [title_w, fixed[3][1] * cm] + [expert_w] * m \
        + [w * cm for _, w in fixed[4:]]
    return labels, widths


def _ranked_table(pr: PanelResults, apps: list[AppResult], width: float, inline: bool) -> Table:
    labels, widths = _columns(pr, width, inline)
    rows = [[p(lbl, "small_head") for lbl in labels]]
    extra = []
    for i, a in enumerate(apps, 1):
        ranks = f"{a.rank_item} / {a.rank_overall}" if a.rank_overall is not None else "—"
        row = [p(ranks, "small_c"), p(a.application_id, "small"),
               p(f"{a.title}\n{a.applicant}\n形式审查：{a.formal_text}", "small"), p(display(a.requested), "small_r")]
        if inline:
            row += [_expert_cell(c) for c in a.experts]
        row += [p(str(a.score.n), "small_c"), p(shown(a.score.mean), "small_r"),
                p(shown(a.score.trimmed_mean), "small_r"), p(shown(a.score.value), "small_r"),
                p(_votes(a), "small_c"), p(a.conclusion_text, "small_c"),
                p(_flags_cell(a), "small", color="#a23b00" if a.flags else None)]
        rows.append(row)
        # the figure the rule uses is underlined in colour: mean or trimmed mean
        col = len(widths) - 6 if a.score.method == "mean" else len(widths) - 5
        if a.score.method:
            extra.append(("BACKGROUND", (col, i), (col, i), (1.0, 0.95, 0.80)))
    return grid_table(rows, widths, zebra=True, extra=extra, pad=(2.5, 3.5))


def _expert_cell(c):
    # narrow columns: the mark on two short lines (回避 / 不计入) rather than wrapped mid-word
    mark = c.narrow_mark  # the row itself says 不予受理
    if c.status == "excluded" and c.total is not None:
        return struck(display(c.total), "small_c", mark)
    if c.status == "excluded":
        return p(mark, "small_c", color="#a23b00")
    return p(c.cell, "small_c", color="#a23b00" if c.status in ("recused", "missing", "invalid") else None)


def _excluded_rows(pr: PanelResults) -> list:
    """Every review on record that is not counted, and why (the audit trail of the struck figures)."""
    rows = [[p(x, "small_head") for x in ("申报编号", "专家", "原总分（不计入）", "不计入原因")]]
    for a in pr.applications:
        for c in a.excluded:
            rows.append([p(a.application_id, "small"), p(c.name, "small"),
                         struck(display(c.total), "small_c", c.narrow_mark) if c.total is not None
                         else p("—", "small_c"),
                         p(c.reason, "small")])
    return rows


def _expert_totals_tables(pr: PanelResults, apps: list[AppResult], width: float) -> list:
    """Totals of every expert when there are too many experts for the ranked table."""
    out = []
    per = 12
    for i in range(0, len(pr.experts), per):
        chunk = pr.experts[i:i + per]
        id_w = 2.6 * cm
        w = (width - id_w) / len(chunk)
        rows = [[p("申报编号", "small_head")] + [p(e.name, "small_head") for e in chunk]]
        for a in apps:
            rows.append([p(a.application_id, "small")] + [_expert_cell(a.experts[i + j])
                                                        for j in range(len(chunk))])
        out += [grid_table(rows, [id_w] + [w] * len(chunk), zebra=True), Spacer(1, 4)]
    return out


def _flag_rows(pr: PanelResults) -> list:
    rows = [[p("申报编号", "small_head"), p("类型", "small_head"), p("内容（涉及专家与数据）", "small_head"),
             p("处理", "small_head")]]
    for a in pr.applications:
        for f in a.flags:
            rows.append([p(a.application_id, "small"), p(f.kind_zh, "small_c"), p(f.message, "small"),
                         p(f.resolution if f.resolved else "待专家组讨论", "small",
                           color=None if f.resolved else "#a23b00")])
    return rows


def summary_story(pr: PanelResults, annexes: Annexes, sink: SlotSink) -> list:
    width = frame_width(LANDSCAPE, MARGINS[:2])
    inline = len(pr.experts) <= MAX_INLINE_EXPERTS
    members = "、".join(e.name + ("（组长）" if e.is_leader else "") for e in pr.experts) or "—"
    scored = sum(1 for a in pr.applications if a.score.n)
    refused = sum(1 for a in pr.applications if a.formally_excluded)
    story: list = [
        p("南宁市科学技术局　科技计划项目评审", "org"),
        p(TITLE, "title"),
        p(f"{pr.session_name}　·　{pr.panel_name}　·　{version_text(pr)}", "subtitle"),
        kv_table([("评审批次", pr.session_name), ("评审组", pr.panel_name), ("评审表", f"{pr.form.title}（版本 {pr.form.version}）"),
                  ("申报项目", f"{len(pr.applications)} 项（有有效评分 {scored} 项"
                  + (f"，形式审查不予受理 {refused} 项" if refused else "") + "）"), ("专家组成员", members),
                  ("计分规则", pr.rule.text)], width, label_w=2.6 * cm, cols=2),
        Spacer(1, 4),
        p("排名规则：按项目得分从高到低；得分相同时依次比较"
          + ("" if pr.form.levels else "“建议支持”票数、")
          + f"指标 2（{pr.form.criteria[1].name if len(pr.form.criteria) > 1 else '—'}）的平均得分、申报编号。"
          "“排名”一栏为“指南项目内名次 / 本组名次”。黄色底纹标出按计分规则采用的平均分。所有分数由专家的等级计算，"
          "仅在显示时保留两位小数（四舍五入）。专家组结论标“待确认”的，是按专家多数意见计算、尚待专家组确认的结论。"
          + ("划删除线并标“不计入”的分数已交回、保留备查，但不计入任何统计（见“不计入的评分”）。"
             if any(a.excluded for a in pr.applications) else ""), "note"),
    ]
    for g in pr.items:
        story += [CondPageBreak(6 * cm), p(g.heading, "h1_loose"), _ranked_table(pr, g.applications, width, inline)]
        if not inline:
            story += [p("各专家总分", "h2"), *_expert_totals_tables(pr, g.applications, width)]

    ex = _excluded_rows(pr)
    if len(ex) > 1:
        story += [CondPageBreak(4 * cm), p("不计入的评分", "h1_loose"),
                  p("以下评分已交回并保留备查，但因回避（含交回后登记的回避）或申报不予受理，不计入任何得分、排名、"
                    "推荐票数、分歧提示和一致性统计（表中以删除线标出）。", "note"),
                  grid_table(ex, [2.6 * cm, 3.0 * cm, 3.0 * cm, width - 8.6 * cm], zebra=True)]

    story += [CondPageBreak(4 * cm), p("分歧提示及处理", "h1_loose")]
    fr = _flag_rows(pr)
    if len(fr) > 1:
        story.append(grid_table(fr, [2.6 * cm, 2.4 * cm, width - 9.6 * cm, 4.6 * cm], zebra=True))
    else:
        story.append(p("无分歧提示。", "body"))

    story += [CondPageBreak(5 * cm), p("附件一　评分者一致性统计", "h1_loose")]
    rows = [[p(x, "small_head") for x in ("专家", "评分项目数", "宽严度（平均偏差）", "平均绝对偏差", "说明")]]
    for s in pr.severity:
        rows.append([p(s.name, "small"), p(str(s.n), "small_c"),
                     p(signed(s.mean_deviation) if s.mean_deviation is not None else "—", "small_c"),
                     p(display(s.mean_abs_deviation) if s.mean_abs_deviation is not None else "—", "small_c"),
                     p(s.explanation, "small")])
    story.append(grid_table(rows, [2.4 * cm, 1.8 * cm, 2.6 * cm, 2.2 * cm, width - 9.0 * cm], zebra=True))
    story += [Spacer(1, 4), p("专家组一致性（肯德尔和谐系数 W）", "h2"), p(pr.kendall.explanation, "body")]
    if pr.kendall.w is not None:
        story.append(p(f"参与计算的专家：{'、'.join(pr.kendall.experts)}；项目：{pr.kendall.n} 个。", "note"))

    story += [CondPageBreak(4 * cm), p("附件二　专家随机抽取记录", "h1")]
    if annexes.draws:
        for text in annexes.draws:
            story += [p(line, "small") for line in text.splitlines()] + [Spacer(1, 6)]
    else:
        story.append(p("本评审组没有随机抽取记录（专家由秘书直接指定）。", "body"))

    story += [CondPageBreak(4 * cm), p("附件三　回避情况", "h1_loose")]
    if annexes.conflicts:
        rows = [[p(x, "small_head") for x in ("申报编号", "专家", "来源", "原因", "状态", "登记时间")]]
        keys = {e.roster_key: e.expert_id for e in pr.experts}
        struck_out = {(a.application_id, c.expert_id) for a in pr.applications for c in a.excluded}
        for c in annexes.conflicts:
            state = c["state"] + (f"（{c['note']}）" if c["note"] else "")
            if c["state"] == "回避" and (c["application_id"], keys.get(c["roster_key"])) in struck_out:
                state += "；已交回的评分不计入"
            rows.append([p(c["application_id"], "small"), p(f"{c['expert']}（{c['roster_key']}）", "small"),
                         p(c["source"], "small_c"), p(c["reason"], "small"), p(state, "small"), p(c["at"], "small")])
        story.append(grid_table(rows, [2.6 * cm, 3.2 * cm, 2.0 * cm, width - 15.0 * cm, 4.0 * cm, 3.2 * cm],
                                zebra=True))
    else:
        story.append(p("本评审组没有回避记录。", "body"))

    sign_rows = []
    names = [e for e in pr.experts]
    for i in range(0, len(names), 3):
        sign_rows.append([p(f"{e.name}：＿＿＿＿＿＿＿＿", "sign") for e in names[i:i + 3]]
                         + [""] * (3 - len(names[i:i + 3])))
    st = Table(sign_rows or [[""]], colWidths=[width / 3] * 3)
    st.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    leader = pr.leader
    story += [CondPageBreak(6 * cm), p("签字", "h1"), KeepTogether([
        p("评审专家签字：", "body"), st,
        p(f"专家组组长：{leader.name if leader else '＿＿＿＿'}　签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿", "sign"),
        Spacer(1, 6), SignatureSlots([SIG_SECRETARY, SIG_LEADER], sink)])]
    return story


def render_summary(pr: PanelResults, annexes: Annexes) -> tuple[bytes, SlotSink]:
    sink = SlotSink()
    footer = Footer(f"数据校验码 {short_hash(pr.data_hash)} · 第 {pr.sheet_version} 版", f"{pr.panel_name} {TITLE}")
    pdf = build_pdf(summary_story(pr, annexes, sink), pagesize=LANDSCAPE, margins=MARGINS,
                    title=f"{TITLE} {pr.session_name} {pr.panel_name}",
                    subject=f"data:{pr.data_hash} version:{pr.sheet_version}", footer=footer)
    return pdf, sink
