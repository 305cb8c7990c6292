"""The demo expert roster (fictional people) and three panels drawn from it.

The roster goes through the real .xlsx import, the panels through the real draw and
assignment, so the demo shows what a secretary's own data would look like — including a
few conflicts of interest: an expert of a partner university, a member named in a project
team, and a unit written as 有限责任公司 where the package says 有限公司.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from openpyxl import Workbook

from .. import xlsxsafe
from ..roster import draw, panels, xlsx
from ..roster.experts import list_experts
from ..store import Store

MAJOR, KEY_RD, BASE = "科技重大专项", "重点研发计划", "科技基地专项"

# 专家编号, 姓名, 工作单位, 职称, 专业领域, 手机, 回避单位, 回避人员
EXPERTS = [
    ("ZJ-0101", "王建国", "广西邕江大学", "教授", f"{MAJOR}；{KEY_RD}；新能源", "13807710101", "", ""),
    ("ZJ-0102", "刘海涛", "南宁师范学院", "教授", f"{MAJOR}；新材料；电池", "13807710102", "", ""),
    ("ZJ-0103", "陈晓梅", "广西工业技术研究院", "正高级工程师", f"{MAJOR}；{KEY_RD}", "13807710103", "", ""),
    ("ZJ-0104", "黄振华", "广西五象云数据科技有限责任公司", "高级工程师", f"{MAJOR}；信息技术", "13807710104",
     "", ""),
    ("ZJ-0105", "蒙志刚", "广西农业科学院", "研究员", f"{MAJOR}；现代农业；项目11", "13807710105", "", ""),
    ("ZJ-0106", "李秀兰", "桂林理工学院", "教授", f"{MAJOR}；环境工程", "13807710106", "", ""),
    ("ZJ-0107", "韦永强", "广西科技信息研究所", "研究员", f"{MAJOR}；{KEY_RD}；生物医药", "13807710107",
     "广西壮瑶本草药业股份有限公司", ""),
    ("ZJ-0108", "赵明辉", "玉林职业技术学院", "副教授", f"{MAJOR}；智能制造", "13807710108", "", ""),
    ("ZJ-0201", "苏明", "广西东盟语言资源研究中心", "副研究员", f"{KEY_RD}；人工智能；项目15", "13807710201", "",
     ""),
    ("ZJ-0202", "张立新", "广西师范学院", "教授", f"{KEY_RD}；人工智能", "13807710202", "", ""),
    ("ZJ-0203", "周晓燕", "南宁市食品药品检验所", "主任药师", f"{KEY_RD}；食品安全", "13807710203", "", ""),
    ("ZJ-0204", "梁伟", "广西环境保护科学研究院", "正高级工程师", f"{KEY_RD}；环境工程", "13807710204", "", ""),
    ("ZJ-0205", "覃丽娟", "广西化工研究院", "研究员", f"{KEY_RD}；新材料", "13807710205", "", "潘志远"),
    ("ZJ-0206", "杨宏", "北部湾大学", "教授", f"{KEY_RD}；信息技术", "13807710206", "", ""),
    ("ZJ-0301", "钱文静", "广西医科大学附属医院", "主任医师", f"{BASE}；临床医学", "13807710301", "", ""),
    ("ZJ-0302", "何建军", "广西科学技术协会", "研究员", f"{BASE}；科学普及；创新联合体", "13807710302", "", ""),
    ("ZJ-0303", "唐海峰", "广西汽车工程研究院", "正高级工程师", f"{BASE}；创新联合体；新能源汽车", "13807710303",
     "", ""),
    ("ZJ-0304", "罗敏", "广西财经学院", "教授", f"{BASE}；创新联合体；科技管理", "13807710304", "", ""),
    ("ZJ-0305", "吴思远", "南宁市科技评估中心", "高级经济师", f"{BASE}；创新联合体", "13807710305", "", ""),
    ("ZJ-0306", "邓卫国", "广西五象理工学院", "教授", f"{BASE}；信息技术", "13807710306", "", ""),
]

# name, guide items, extra 申报编号, draw size, seed
PANELS = [
    ("第一组（科技重大专项）", [1, 2, 8, 9, 11], [], 5, 20250901),
    ("第二组（重点研发计划）", [14, 15, 17, 18], [], 5, 20250902),
    ("第三组（科技基地与创新联合体）", [31, 37], ["NNLH-2025-0001"], 5, 20250903),
]


def write_roster_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    xlsxsafe.append(ws, xlsx.HEADERS)
    for key, name, unit, title, fields, phone, avoid_units, avoid_persons in EXPERTS:
        xlsxsafe.append(ws, [key, name, unit, "", title, fields, phone, f"{key.lower().replace('-', '')}@example.cn",
                   avoid_units, avoid_persons])
    wb.save(path)
    return path


def build_demo_roster(store: Store, session_id: int) -> None:
    """Import the roster, then create, draw, lead and assign the three demo panels."""
    if not list_experts(store):
        with tempfile.TemporaryDirectory(prefix="nn-demo-roster-") as tmp:
            xlsx.import_roster(store, write_roster_xlsx(Path(tmp) / "专家库.xlsx"))
    for name, items, extra, n, seed in PANELS:
        pid = panels.create_panel(store, session_id, name, items=items, application_ids=extra or None)
        result = draw.draw_experts(store, session_id, pid, n, seed=seed)
        panels.set_leader(store, pid, result.drawn[0]["expert_id"])
        panels.assign(store, pid)
