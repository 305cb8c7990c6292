"""项目评审意见表: one A4 sheet (one or more pages) per application.

Session, panel, guide item and direction, application id, title, applicant and requested
funds; the criteria (weights) × experts table of grades and points (回避 columns say so with
the reason; a review that is not counted — 回避 recorded after it came in, or the application
不予受理 — keeps its grades struck through and marked 不计入; more than 7 experts continue in
a second table); totals, mean / trimmed mean and
the rule; ranks and recommendation counts; divergence flags; the formal-check summary; the
panel's consensus with the final recommendation / 等次 (and the reason when it differs from
the computed one); a line for each expert's handwritten signature and the leader's; boxes
for the PDF signatures. Footer: short data hash, sheet version, “第 x 页 共 y 页”.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..forms import display
from ..roster.common import local_time
from .aggregate import dec_str
from .merge import FORMAL_EXCLUDED_ZH, AppResult, PanelResults, short_hash, shown
from ..pdf.slots import SIG_LEADER, SIG_SECRETARY, SignatureSlots, SlotSink
from .pdfkit import PORTRAIT, Footer, build_pdf, frame_width, grid_table, kv_table, money, p, styles

MAX_EXPERT_COLS = 7


def version_text(pr: PanelResults) -> str:
    state = "定稿" if pr.finalised else "未定稿，供专家组讨论"
    return f"第 {pr.sheet_version} 版（{state}）"


def sheet_title(app: AppResult) -> str:
    return "创新联合体综合评估意见表" if app.form.levels else "项目评审意见表"


def _guide_text(a: AppResult) -> str:
    if a.guide_item is None:
        return a.guide_item_title or "—"
    text = f"项目{a.guide_item}　{a.guide_item_title}"
    if a.direction:
        text += f"；方向{a.direction}" + (f"　{a.direction_title}" if a.direction_title else "")
    return text


def _grade_cell(g, band: bool) -> str:
    if band and g.points is not None:
        return f"{g.grade}（{dec_str(g.points)}%）\n{display(g.score)}"  # the points exactly as entered
    return f"{g.grade}　{display(g.score)}"


def struck(text: str, style: str, mark: str = "") -> Paragraph:
    """A figure that is on record but not counted: struck through, with the mark (回避（不计入）) below."""
    t = f"<strike>{escape(text)}</strike>".replace("\n", "<br/>")
    if mark:
        lines = "<br/>".join(escape(x) for x in mark.split("\n"))
        t += f'<br/><font color="#a23b00">{lines}</font>'
    return Paragraph(t, styles()[style])


def _rec_short(a: AppResult, rid: str | None) -> str:
    return a.recommendation_zh(rid) if rid else "—"


def grades_tables(a: AppResult, width: float, band: bool) -> list:
    out = []
    crit_w = 5.2 * cm
    experts = a.experts
    chunks = [experts[i:i + MAX_EXPERT_COLS] for i in range(0, len(experts), MAX_EXPERT_COLS)] or [[]]
    for chunk in chunks:
        n = max(len(chunk), 1)
        col_w = (width - crit_w) / n
        head = [p("评审指标（权重）", "head")] + [p(e.name, "head") for e in chunk]
        rows = [head]
        spans = []
        for c in a.form.criteria:
            row = [p(f"{c.id}　{c.name}（{c.weight}）", "cell")]
            for e in chunk:
                g = e.grades.get(c.id)
                if g and e.status == "excluded":
                    row.append(struck(_grade_cell(g, band), "cell_c"))
                else:
                    row.append(p(_grade_cell(g, band), "cell_c") if g else "")
            rows.append(row)
        total_row = [p("总分", "cell")]
        rec_row = [p("推荐意见", "cell")] if a.form.recommendations else None
        for j, e in enumerate(chunk, 1):
            if e.status == "scored":
                total_row.append(p(display(e.total), "cell_c"))
                if rec_row is not None:
                    rec_row.append(p(_rec_short(a, e.recommendation), "small_c"))
            elif e.status == "excluded" and e.grades:
                total_row.append(struck(display(e.total), "cell_c", e.narrow_mark))
                if rec_row is not None:
                    rec_row.append(struck(_rec_short(a, e.recommendation), "small_c"))
            else:
                label = {"recused": "回避", "missing": "未交回", "not_assigned": "未分配", "invalid": "无效"}.get(
                    e.status, e.cell)
                note = f"\n{e.reason}" if e.status in ("recused", "invalid", "excluded") and e.reason else ""
                rows[1][j] = p(label + note, "small_c", color="#a23b00" if e.status != "not_assigned" else None)
                if len(a.form.criteria) > 1:
                    spans.append(("SPAN", (j, 1), (j, len(a.form.criteria))))
                total_row.append(p(label, "cell_c"))
                if rec_row is not None:
                    rec_row.append(p("—", "small_c"))
        rows.append(total_row)
        if rec_row is not None:
            rows.append(rec_row)
        t = grid_table(rows, [crit_w] + [col_w] * len(chunk), extra=spans + [
            ("BACKGROUND", (0, len(a.form.criteria) + 1), (-1, -1), (0.96, 0.97, 0.98))])
        out += [t, Spacer(1, 4)]
    why: dict[str, list[str]] = {}  # why each struck-through review is not counted, once per reason
    for e in a.excluded:
        why.setdefault(e.exclusion_note, []).append(e.name)
    for note, names in why.items():
        out.append(p(f"{'、'.join(names)} 的评分不计入{note}", "note", color="#a23b00"))
    return out


def _score_pairs(pr: PanelResults, a: AppResult) -> list[tuple[str, str]]:
    sc = a.score
    counts = {s: sum(1 for e in a.experts if e.status == s) for s in ("recused", "missing", "excluded")}
    extra = "，".join(t for t in (f"回避 {counts['recused']} 位" if counts["recused"] else "",
                                  f"评分不计入 {counts['excluded']} 位" if counts["excluded"] else "",
                                  f"未交回 {counts['missing']} 位" if counts["missing"] else "") if t)
    pairs = [("有效评分", f"{sc.n} 份" + (f"（{extra}）" if extra else "")),
             ("算术平均分", shown(sc.mean))]
    if sc.trimmed_mean is not None:
        hi_lo = (f"（去掉最高分 {display(sc.dropped_high)} 和最低分 {display(sc.dropped_low)}）"
                 if sc.dropped_high is not None else f"（未采用：有效评分不足 {pr.rule.trim_from} 份）"
                 if pr.rule.trim_from else "（未采用：本批次计分规则为算术平均）")
        pairs.append(("去掉最高最低后平均分", shown(sc.trimmed_mean) + hi_lo))
    pairs.append(("项目得分", f"{shown(sc.value)}　（{a.method_zh}）" if sc.value is not None else "—（无有效评分）"))
    pairs.append(("计分规则", pr.rule.text))
    group_n = next((len(g.applications) for g in pr.items if g.guide_item == a.guide_item), 0)
    scored_n = sum(1 for x in pr.applications if x.rank_overall is not None)
    item_n = sum(1 for g in pr.items if g.guide_item == a.guide_item for x in g.applications if x.rank_item is not None)
    if a.formally_excluded:
        pairs.append(("排名", f"不排名（{a.formal_text}）"))
    elif a.rank_overall is not None:
        pairs.append(("排名", f"{a.group}内第 {a.rank_item} 名（共 {item_n} 项）；本组第 {a.rank_overall} 名（共 {scored_n} 项）"))
    else:
        pairs.append(("排名", f"未排名（无有效评分；{a.group}共 {group_n} 项）"))
    if a.form.recommendations:
        pairs.append(("推荐意见统计", a.rec_counts_text))
        pairs.append(("多数意见", a.recommendation_zh(a.computed_recommendation)))
    if a.form.levels:
        pairs.append(("按得分计算的等次", a.level_zh(a.computed_level)))
    return pairs


def application_story(pr: PanelResults, a: AppResult, sink: SlotSink) -> list:
    width = frame_width(PORTRAIT)
    story: list = [
        p("南宁市科学技术局　科技计划项目评审", "org"),
        p(sheet_title(a), "title"),
        p(f"{a.form.title}　·　{version_text(pr)}", "subtitle"),
        kv_table([("评审批次", pr.session_name), ("评审组", pr.panel_name), ("申报编号", a.application_id),
                  ("项目名称", a.title), ("申报单位", a.applicant), ("指南项目及方向", _guide_text(a)),
                  ("申请财政资金", money(a.requested))], width),
        p("一、专家评分（等级　得分）", "h1"),
        *grades_tables(a, width, pr.band_mode),
        p("等级 A 优秀、B 良好、C 一般、D 较差、E 差；得分 = 权重 × 等级分值"
          + ("（分段模式：权重 × 专家所填百分比）" if pr.band_mode else "（A 1.00、B 0.80、C 0.60、D 0.40、E 0.20）")
          + "；回避专家不计入，不按 0 分计。", "note"),
        p("二、得分汇总", "h1"),
        kv_table(_score_pairs(pr, a), width, label_w=3.6 * cm),
        p("三、分歧提示", "h1"),
    ]
    if a.flags:
        for f in a.flags:
            state = "（已讨论）" if f.resolved else "（待专家组讨论）"
            story.append(p(f"• [{f.kind_zh}] {f.message}{state}", "flag"))
    else:
        story.append(p("无（各专家总分、各指标等级及推荐意见均未触发分歧提示）", "body"))
    story.append(p("四、形式审查", "h1"))
    story += [kv_table([("形式审查结论", a.formal_text)], width, label_w=3.6 * cm), Spacer(1, 3)]
    story += [p(line, "body") for line in a.check_summary[1:]]
    story += [CondPageBreak(3 * cm), p("五、专家组意见", "h1_loose")]
    c = a.consensus
    if a.formally_excluded:
        story.append(p(f"{FORMAL_EXCLUDED_ZH}：{a.formal_reason or '（未写明理由）'}。本项目不参加评审排名，"
                       "已交回的专家评分不计入。", "body", color="#a23b00"))
    elif c is None:
        story.append(p("（尚未形成专家组意见）", "body", color="#a23b00"))
    else:
        story.append(p(c.text, "opinion"))
        if c.stale:
            story.append(p("注意：该意见录入后专家评分有变化，须由专家组重新确认。", "body", color="#a23b00"))
    if a.formally_excluded:
        final = f"结论：{FORMAL_EXCLUDED_ZH}"
    elif a.form.levels:
        final = f"最终等次：{a.level_zh(a.final_level)}（按得分 {shown(a.score.value)} 计算为“{a.level_zh(a.computed_level)}”）"
    else:
        final = (f"最终推荐意见：{a.recommendation_zh(a.final_recommendation)}"
                 f"（专家多数意见：{a.recommendation_zh(a.computed_recommendation)}）")
    if c is None and not a.formally_excluded:
        final += "　［待专家组确认］"
    story.append(p(final, "h2"))
    if a.formally_excluded:
        c = None  # a consensus recorded before the exclusion no longer applies
    if c is not None and c.override_reason:
        story.append(p(f"与计算结果不同的理由：{c.override_reason}", "body", color="#a23b00"))
    if c is not None:
        role = "组长" if c.author_role == "leader" else "秘书代组长"
        story.append(p(f"录入：{c.author}（{role}）　{local_time(c.updated_at)}", "note"))

    # handwritten signatures + PDF signature boxes stay together on the last page
    sign_rows = [[p(f"评审专家：{e.name}", "sign"), p("签字：＿＿＿＿＿＿＿＿", "sign"), p("日期：＿＿＿＿＿＿", "sign")]
                 for e in a.experts if e.status in ("scored", "recused", "excluded")]
    leader = pr.leader
    sign_rows.append([p(f"专家组组长：{leader.name if leader else '＿＿＿＿'}", "sign"), p("签字：＿＿＿＿＿＿＿＿", "sign"),
                      p("日期：＿＿＿＿＿＿", "sign")])
    st = Table(sign_rows, colWidths=[6.2 * cm, 6.0 * cm, width - 12.2 * cm])
    st.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [CondPageBreak(4 * cm), p("六、签字", "h1"),
              KeepTogether([st, Spacer(1, 8), SignatureSlots([SIG_SECRETARY, SIG_LEADER], sink)])]
    return story


def render_application_sheet(pr: PanelResults, a: AppResult) -> tuple[bytes, SlotSink]:
    sink = SlotSink()
    footer = Footer(f"数据校验码 {short_hash(a.data_hash)} · 第 {pr.sheet_version} 版",
                    f"{a.application_id} {sheet_title(a)}")
    pdf = build_pdf(application_story(pr, a, sink), pagesize=PORTRAIT,
                    title=f"{sheet_title(a)} {a.application_id} {a.title}",
                    subject=f"{pr.session_name} {pr.panel_name} data:{a.data_hash} version:{pr.sheet_version}",
                    footer=footer)
    return pdf, sink

