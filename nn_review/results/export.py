"""Results as an Excel workbook and as JSON (schema: docs/results-json.md, ``nn-results/1``).

The workbook has one sheet per panel with exactly the figures of the 评审结果汇总表 (same
rows in the same order, numbers rounded half-up to 2 decimals as printed, 回避 / 未交回 as
text, a review that is not counted as “回避（不计入）” / “不予受理（不计入）”, and the 形式审查结论),
a sheet of every grade of every expert (全部评分), a sheet of the divergence flags
(分歧提示), the inter-rater statistics (一致性) and a sheet of notes with the rules and
data hashes (说明). The JSON carries the exact figures as decimal strings.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from .. import xlsxsafe
from ..forms import display
from ..fileio import write_atomic
from ..store import Store
from ..store.models import ReviewSession
from .errors import ResultsError
from .merge import STATUS_ZH, PanelResults, session_results, sha256_json, short_hash

FORMAT = "nn-results/1"


def _num(d: Decimal | None):
    """The printed figure (2 decimals, half-up) as an Excel number; None stays empty."""
    return None if d is None else float(display(d))


def _entered(d: Decimal | None):
    """A figure the expert typed (band-mode points), as entered: not rounded like computed figures."""
    return None if d is None else float(d)


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:28] or "评审组"
    cand, i = base, 2
    while cand in used:
        cand, i = f"{base[:26]}-{i}", i + 1
    used.add(cand)
    return cand


def panel_rows(pr: PanelResults) -> tuple[list[str], list[list]]:
    """Header and rows of a panel's ranked table, in the order of the summary PDF."""
    head = ["指南项目", "项目内排名", "本组排名", "申报编号", "项目名称", "申报单位", "申请资金（万元）"]
    head += [e.name for e in pr.experts]
    head += ["有效份数", "算术平均分", "去高低平均分", "项目得分", "计分方法"]
    levels = bool(pr.form.levels)
    head += ["计算等次"] if levels else [n for _, n in pr.form.recommendations]
    head += ["专家组结论", "形式审查结论", "分歧提示"]
    rows = []
    for g in pr.items:
        for a in g.applications:
            row = [a.group, a.rank_item, a.rank_overall, a.application_id, a.title, a.applicant, _num(a.requested)]
            row += [_num(c.total) if c.status == "scored" else c.cell for c in a.experts]
            row += [a.score.n, _num(a.score.mean), _num(a.score.trimmed_mean), _num(a.score.value), a.method_zh]
            row += [a.level_zh(a.computed_level)] if levels else [a.rec_counts.get(r, 0) for r in pr.form.recommendation_ids]
            row += [a.conclusion_text, a.formal_text, "；".join(f"{f.kind_zh}：{f.message}" for f in a.flags)]
            rows.append(row)
    return head, rows


def write_xlsx(store: Store, session_id: int, path: str | Path, panel_ids: list[int] | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    panels = session_results(store, session_id, panel_ids)
    if not panels:
        raise ResultsError("本批次还没有评审组，没有可导出的评审结果", "export.no_panels")
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    head_fill = PatternFill("solid", fgColor="E4EAF2")
    bold = Font(bold=True)

    def table(ws, head, rows, start_row, widths=None, number_cols=()):
        for j, h in enumerate(head, 1):
            c = xlsxsafe.cell(ws, start_row, j, h)
            c.fill, c.font = head_fill, bold
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        for i, row in enumerate(rows, start_row + 1):
            for j, v in enumerate(row, 1):
                c = xlsxsafe.cell(ws, i, j, v)  # a title "=HYPERLINK(…)" stays text (issue 12)
                if isinstance(v, float):
                    c.number_format = "0.00"
        ws.freeze_panes = ws.cell(start_row + 1, 1)
        for j in range(1, len(head) + 1):
            ws.column_dimensions[get_column_letter(j)].width = (widths or {}).get(j, 12)

    for pr in panels:
        ws = wb.create_sheet(_sheet_name(pr.panel_name, used))
        xlsxsafe.append(ws, [f"{pr.session_name} · {pr.panel_name} · 评审结果汇总表 · 第 {pr.sheet_version} 版"
                   f"（{'定稿' if pr.finalised else '未定稿'}）"])
        xlsxsafe.append(ws, [f"计分规则：{pr.rule.text}"])
        xlsxsafe.append(ws, [f"数据校验码 {short_hash(pr.data_hash)}（{pr.data_hash}）"])
        ws["A1"].font = Font(bold=True, size=13)
        head, rows = panel_rows(pr)
        table(ws, head, rows, 5, {4: 18, 5: 40, 6: 28, len(head) - 2: 22, len(head) - 1: 30, len(head): 50})

    ws = wb.create_sheet(_sheet_name("全部评分", used))
    head = ["评审组", "申报编号", "项目名称", "专家", "专家编号", "状态", "计入", "指标", "指标名称", "权重", "等级",
            "百分比", "指标得分", "说明", "专家总分", "推荐意见", "回避/不计入/无效原因"]
    rows = []
    for pr in panels:
        keys = {e.expert_id: e.roster_key for e in pr.experts}
        for a in sorted(pr.applications, key=lambda x: x.application_id):
            for c in a.experts:
                if c.status == "not_assigned":
                    continue
                status = f"{c.exclusion_mark}（不计入）" if c.status == "excluded" else STATUS_ZH[c.status]
                base = [pr.panel_name, a.application_id, a.title, c.name, keys[c.expert_id], status,
                        "是" if c.counted else "否"]
                if c.grades:  # scored, or excluded: the grades stay on record, marked 否 (not counted)
                    for cr in a.form.criteria:
                        g = c.grades[cr.id]
                        rows.append(base + [cr.id, cr.name, cr.weight, g.grade, _entered(g.points), _num(g.score),
                                            g.comment, _num(c.total), a.recommendation_zh(c.recommendation),
                                            c.reason if not c.counted else ""])
                else:
                    rows.append(base + [None] * 9 + [c.reason])
    table(ws, head, rows, 1, {3: 36, 9: 28, 14: 36, 17: 40})

    ws = wb.create_sheet(_sheet_name("分歧提示", used))
    rows = [[pr.panel_name, a.application_id, f.kind_zh, "、".join(e["name"] for e in f.experts), f.message,
             f.resolution if f.resolved else "待专家组讨论"] for pr in panels for a in pr.applications for f in a.flags]
    table(ws, ["评审组", "申报编号", "类型", "涉及专家", "内容", "处理"], rows, 1, {4: 24, 5: 70, 6: 30})

    ws = wb.create_sheet(_sheet_name("一致性", used))
    rows = [[pr.panel_name, s.name, s.n, _num(s.mean_deviation), _num(s.mean_abs_deviation), s.explanation]
            for pr in panels for s in pr.severity]
    rows += [[pr.panel_name, "肯德尔和谐系数 W", pr.kendall.n, round(pr.kendall.w, 4) if pr.kendall.w is not None else None,
              None, pr.kendall.explanation] for pr in panels]
    table(ws, ["评审组", "专家", "项目数", "宽严度（平均偏差）/ W", "平均绝对偏差", "说明"], rows, 1, {6: 100})

    ws = wb.create_sheet(_sheet_name("说明", used))
    for line in ["所有分数由专家的等级按评审表计算；表中数字为显示值：保留两位小数，四舍五入（与评审结果汇总表一致）。",
                 "“回避”的专家不计入平均分（不按 0 分计）；“未交回”表示已分配但尚未导入其评分文件。",
                 "“回避（不计入）”：评分交回后登记了回避，该评分保留备查（见“全部评分”，计入=否），不计入任何统计；"
                 "“不予受理（不计入）”：申报经形式审查不予受理，其评分不计入，也不排名。",
                 "排名：按项目得分从高到低；得分相同时依次比较“建议支持”票数、指标 2 的平均得分、申报编号。"]:
        xlsxsafe.append(ws, [line])
    for pr in panels:
        xlsxsafe.append(ws, [f"{pr.panel_name}：数据校验码 {pr.data_hash}，第 {pr.sheet_version} 版"])
    ws.column_dimensions["A"].width = 120

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    wb.save(tmp)
    os.replace(tmp, path)
    return path


def results_json(store: Store, session_id: int, panel_ids: list[int] | None = None) -> dict:
    panels = session_results(store, session_id, panel_ids)
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        session = {"id": sess.id, "name": sess.name, "state": sess.state, "sheet_version": sess.sheet_version,
                   "aggregation_rule": sess.aggregation_rule, "band_mode": bool(sess.band_mode),
                   "form_template": sess.form_template}
    return {"format": FORMAT,
            "generated_at": datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "session": session, "panels": [pr.to_json() for pr in panels],
            "data_hash": sha256_json([pr.data_hash for pr in panels])}


def write_json(store: Store, session_id: int, path: str | Path, panel_ids: list[int] | None = None) -> Path:
    data = results_json(store, session_id, panel_ids)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8"))
