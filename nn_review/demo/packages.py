"""Demo application packages (`nnpkg/1`) for the demo store, tests and screenshots.

Twenty-one packages (twenty projects, one consortium) declared under the seed guide (edition
``nanning-seed``, seed document 004 for projects, 001 for the innovation consortium), plus one
that is refused at import.
All applicants, people and credit codes are fictional (codes are generated with valid
GB 32100 check characters). Every package is valid per package-format.md except
``NNKJ-2025-0199``. Expected formal-check (形式审查) outcomes:

==================  ============  ======================================================
package             guide item    outcome and why
==================  ============  ======================================================
NNKJ-2025-0101      项目1 方向2   passes (4 invention-patent applications, 8600 万元 revenue)
NNKJ-2025-0102      项目2 方向4   passes (ip_grants 8 ≥ 6, 6500 万元)
NNKJ-2025-0103      项目2 方向2   **fails** I02.R2: new_revenue 3200 < 5000 万元; I02.R1
                                  only 1 invention-patent application (< 3) and 3 IP grants
                                  (< 6) — no mechanical branch passes, so the rule falls to
                                  its manual branch (龙头企业 platform) → 需人工核实
NNKJ-2025-0104      项目8 方向1   passes machine rules (standard + 2 patent applications);
                                  manual items (临床前评价, IND) for the reviewer
NNKJ-2025-0105      项目9         passes (3 patents, 1 standard, 2 products, 2 demo sites,
                                  1800 万元); zipped with GBK entry names
NNKJ-2025-0106      项目11        **fails** I11.R3: requests 260 万元 > 200 万元 ceiling
NNKJ-2025-0107      项目15 方向1  passes
NNKJ-2025-0108      项目15 方向2  passes its own rules; **duplicate-ish**: same applicant
                                  and same guide item as 0107, different title →
                                  cross check X.DUP_APPLICANT_ITEM (warning) on both
NNKJ-2025-0109      项目17 方向4  passes (预制菜: 2 technologies, 2 patents, 1200 万元)
NNKJ-2025-0110      项目31        passes (standard, 2 patents, 3 masters, self-funded 2.5×)
NNKJ-2025-0111      项目37        **fails** I37.R2: 800 participants < 1000 (4 events ok);
                                  zipped with GBK entry names
NNKJ-2025-0112      项目14        **not declared** I14.R2: no ``new_revenue`` indicator
NNKJ-2025-0113      项目18 方向1  passes machine parts (technology, demo site, patents,
                                  1300 万元); 形成装备 left to the reviewer
NNKJ-2025-0114      项目24        passes; rule route (issue 21): 规上 + 首次认定 + 纳入统计 → 10 万元
NNKJ-2025-0115      项目24        passes; rule route: not 规上 → the other case, 5 万元
NNKJ-2025-0116      项目25        passes; rule route: 成长企业组二等奖 → 10 万元 (no panel)
NNKJ-2025-0117      项目26        passes (I26.R1 has a manual part); rule route: 76 points → 20 万元
NNKJ-2025-0118      项目28        passes; rule route: 保费 20/10/10 → 23 万元 (under the 25 cap)
NNKJ-2025-0119      项目28        passes; rule route: 保费 30/10/5 → 28.5, capped at 25 万元
NNKJ-2025-0120      项目23 方向1  passes (no requirements); rule route, a template: needs the
                                  notice's figures (rate, cap); same applicant (credit code)
                                  as 0101 (项目1, 前资助) → 不能重复享受 when both are funded
NNLH-2025-0001      创新联合体    consortium_recognition, guide_item null, 7 members
                                  (leader = applicant 0101's company), passes C.R2–C.R29
NNKJ-2025-0199      项目16 方向1  **refused** at import (``demo_refused_package``):
                                  applicant credit code has a wrong check character
==================  ============  ======================================================

``demo_packages()`` returns the valid ones as (manifest, documents); documents are real
PDFs made by :func:`nn_review.demo.pdfs.make_pdf` (申报书 5–10 pages with cover,
经费预算表, 合作协议 or 营业执照, …). Output is deterministic.
"""

from __future__ import annotations

import copy
import functools
import hashlib
from pathlib import Path
from typing import Any

from ..creditcode import ALPHABET, make_credit_code
from ..package.builder import build_package
from .pdfs import make_pdf

GUIDE_EDITION = "nanning-seed"
REFUSED_ID = "NNKJ-2025-0199"
GBK_PACKAGES = ("NNKJ-2025-0105", "NNKJ-2025-0111")

# ---------------------------------------------------------------------------------------------
# organisations (fictional)

# key: (name, kind, in_nanning, 登记管理部门+机构类别, 行政区划码, district)
_ORGS: dict[str, tuple[str, str, bool, str, str, str | None]] = {
    "yongjiang_power": ("广西邕江新能源动力科技有限公司", "enterprise", True, "91", "450100", "南宁高新区"),
    "wuxiang_cloud": ("广西五象云数据科技有限公司", "enterprise", True, "91", "450108", "五象新区"),
    "jinsui_display": ("南宁金穗智能显示科技有限公司", "enterprise", True, "91", "450105", "江南区"),
    "zhuangyao_pharma": ("广西壮瑶本草药业股份有限公司", "enterprise", True, "91", "450100", "南宁经开区"),
    "lvyong_env": ("广西绿邕环保科技有限公司", "enterprise", True, "91", "450107", "西乡塘区"),
    "wuming_citrus": ("广西武鸣沃柑种业科技有限公司", "enterprise", True, "91", "450110", "武鸣区"),
    "yulian_info": ("广西东盟语联信息科技有限公司", "enterprise", True, "91", "450100", "南宁高新区"),
    "yongwei_food": ("南宁邕味坊食品科技有限公司", "enterprise", True, "91", "450109", "邕宁区"),
    "yongjiang_hospital": ("南宁市邕江人民医院", "hospital", True, "12", "450100", "青秀区"),
    "youth_sci": ("南宁市青少年科技教育协会", "service_org", True, "51", "450100", "兴宁区"),
    "tijing_material": ("广西锑晶新材料科技有限公司", "enterprise", True, "91", "450100", "南宁高新区"),
    "shuirun_env": ("南宁水润环境工程有限公司", "enterprise", True, "91", "450103", "青秀区"),
    "chiyuan_auto": ("南宁驰远汽车电子有限公司", "enterprise", True, "91", "450100", "南宁经开区"),
    # applicants of rule-route items (issue 21: amounts computed from the guide, no panel)
    "hengyu_chip": ("广西恒宇微电子科技有限公司", "enterprise", True, "91", "450100", "南宁高新区"),
    "lvgu_bio": ("南宁绿谷生物科技有限公司", "enterprise", True, "91", "450107", "西乡塘区"),
    "qingxiu_ai": ("南宁青秀智行科技有限公司", "enterprise", True, "91", "450103", "青秀区"),
    "asean_pharma_rd": ("南宁青山创新药物研究有限公司", "enterprise", True, "91", "450100", "南宁经开区"),
    "yongning_pack": ("南宁邕宁精密包装材料有限公司", "enterprise", True, "91", "450109", "邕宁区"),
    "lianyu_robot": ("广西联宇智能装备有限公司", "enterprise", True, "91", "450108", "五象新区"),
    # partners and consortium members
    "yongjiang_univ": ("广西邕江大学", "university", True, "12", "450000", None),
    "guinan_med": ("桂南医科大学", "university", True, "12", "450000", None),
    "wuxiang_tech": ("广西五象理工学院", "university", True, "12", "450000", None),
    "bbw_materials": ("广西北部湾先进材料研究院", "institute", True, "12", "450000", None),
    "wuxiang_agri": ("南宁市五象农业科学研究所", "institute", True, "12", "450100", None),
    "xiangjiang_univ": ("湖南湘江理工大学", "university", False, "12", "430000", None),
    "huachi_parts": ("南宁华驰汽车零部件有限公司", "enterprise", True, "91", "450100", "南宁经开区"),
    "liujiang_lithium": ("广西柳江锂电材料有限公司", "enterprise", False, "91", "450200", None),
    "nev_service": ("南宁市新能源汽车产业技术创新服务中心", "service_org", True, "52", "450100", None),
    "asean_lang_inst": ("广西东盟语言资源研究中心", "institute", True, "12", "450000", None),
    "cold_chain": ("广西北部湾冷链物流有限公司", "enterprise", True, "91", "450108", "五象新区"),
    "yongjiang_museum": ("南宁市邕江科技馆", "other", True, "12", "450100", None),
}


def _org9(key: str) -> str:
    """A stable 9-character organisation code (GB 32100 alphabet): "MA5…" for companies
    registered since 2015, eight digits + a check-like character for institutions."""
    digest = hashlib.sha256(key.encode()).digest()
    if _ORGS[key][3] == "91":
        return "MA5" + "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:6])
    return "".join(str(b % 10) for b in digest[:8]) + ALPHABET[digest[8] % len(ALPHABET)]


def credit_code(key: str) -> str:
    name, kind, _nn, prefix, region, _d = _ORGS[key]
    return make_credit_code(prefix + region + _org9(key))


def _org(key: str) -> dict[str, Any]:
    name, kind, in_nanning, _p, _r, district = _ORGS[key]
    d: dict[str, Any] = {"name": name, "credit_code": credit_code(key), "kind": kind, "in_nanning": in_nanning}
    if district:
        d["district"] = district
    return d


def _name(key: str) -> str:
    return _ORGS[key][0]


# ---------------------------------------------------------------------------------------------
# the projects


_INDICATOR_ZH = {
    "invention_patent_applications": ("申请发明专利", "件"), "invention_patent_grants": ("授权发明专利", "件"),
    "ip_grants": ("实用新型专利、软件著作权等授权", "件"), "new_revenue": ("新增产值或销售收入", "万元"),
    "standards": ("技术规范/标准", "项"), "demo_sites": ("示范点", "个"), "new_products": ("新产品", "个"),
    "new_technologies": ("新技术", "项"), "new_varieties": ("新品种", "个"), "core_area_mu": ("核心区面积", "亩"),
    "demo_area_mu": ("示范区/推广面积", "亩"), "tech_transfers": ("成果转化", "项"),
    "masters_trained": ("培养硕士研究生", "名"), "events": ("科普/路演活动", "场次"), "participants": ("参与人次", "人次"),
    "platform_level": ("平台级别", ""),
    "above_scale": ("规模以上企业", ""), "hnte_first_time": ("首次获认定高新技术企业", ""),
    "rd_in_statistics": ("研发投入纳入统计", ""), "contest_group": ("创新创业大赛组别", ""),
    "contest_prize": ("创新创业大赛获奖等次", "等奖"), "talent_points": ("引才引智计点积分", "分"),
    "premium_tier1": ("实际支出保费（70%补贴险种）", "万元"), "premium_tier2": ("实际支出保费（60%补贴险种）", "万元"),
    "premium_tier3": ("实际支出保费（30%补贴险种）", "万元"), "rd_spend": ("研发经费投入", "万元"),
}
_VALUE_ZH = {True: "是", False: "否", "startup": "初创企业组", "growth": "成长企业组"}
_PLATFORM_ZH = {"national": "国家级", "autonomous_region": "自治区级", "municipal": "市级"}
_ITEM_ZH = {1: "新能源汽车及零部件产业", 2: "电子信息产业", 8: "生物医药产业", 9: "节能环保产业",
            11: "广西南宁国家农业科技园区能力建设", 14: "高性能新材料关键技术研究", 15: "新一代信息技术研发与应用",
            16: "汽车产业新技术新产品研究与应用", 17: "科技支撑乡村振兴", 18: "生态环境保护及污染治理技术研究",
            31: "医学重点学科、特色专科和临床医学研究中心创新培育建设", 37: "科普能力建设",
            23: "企业研发经费投入奖补", 24: "高新技术企业认定后补助", 25: "创新创业大赛项目资助",
            26: "用人单位引才引智计点积分专项", 28: "科技保险保费补贴"}

_PROJECTS: list[dict[str, Any]] = [
    dict(
        id="NNKJ-2025-0101", item=1, direction=2,
        title="高安全长寿命磷酸铁锂动力电池模组系统集成技术研发及产业化",
        applicant="yongjiang_power", partners=[("yongjiang_univ", "core"), ("bbw_materials", "close")],
        leader=("黄志强", "正高级工程师"),
        members=[("韦丽萍", "yongjiang_power", "高级工程师"), ("覃海东", "yongjiang_univ", "教授"),
                 ("莫晓燕", "yongjiang_univ", "副教授"), ("陆建明", "bbw_materials", "研究员"),
                 ("梁振华", "yongjiang_power", "工程师")],
        period=("2025-10-01", "2027-09-30"), budget=(300.0, 1200.0),
        indicators={"invention_patent_applications": 4, "ip_grants": 5, "new_revenue": 8600.0,
                    "new_products": 2, "standards": 1},
        field="新能源汽车动力电池",
        background=[
            "南宁市把新能源汽车及零部件产业作为重点培育的千亿元级产业，动力电池是其中价值占比最高的核心部件。"
            "当前本地配套的电池模组在热失控防护、循环寿命一致性和低温性能方面与国内先进水平仍有差距，"
            "整车企业对高安全、长寿命电池系统的本地化配套需求十分迫切。",
            "申报单位自2019年起从事磷酸铁锂电池模组和电池包的研发与生产，已建成年产2GWh的自动化模组生产线，"
            "与广西邕江大学共建动力电池热安全联合实验室，在电芯筛选、热管理仿真和电池管理算法方面具备较好基础。",
        ],
        tasks=[("高安全模组结构与热蔓延阻断技术", "研究气凝胶隔热与液冷板一体化结构，实现单体热失控后30分钟内不起火、不爆炸。"),
               ("长寿命电池管理与均衡控制技术", "开发基于电化学模型的荷电状态与健康状态联合估计算法，主动均衡效率不低于92%。"),
               ("模组自动化产线工艺提升", "优化激光焊接、在线检测与追溯系统，模组一次下线合格率提高到99.5%以上。")],
        route=["电芯分选与一致性评价", "模组结构与热管理仿真设计", "样件试制与安全测试", "电池管理系统开发与台架验证",
               "整车搭载验证", "产线工艺固化与批量生产"],
        pages=7,
    ),
    dict(
        id="NNKJ-2025-0102", item=2, direction=4,
        title="基于北斗高精度定位的智慧物流园区数字孪生平台研发与应用示范",
        applicant="wuxiang_cloud", partners=[("wuxiang_tech", "core"), ("cold_chain", "close")],
        leader=("李文博", "高级工程师"),
        members=[("周敏", "wuxiang_cloud", "工程师"), ("邓卫国", "wuxiang_tech", "教授"),
                 ("蒙秋菊", "wuxiang_tech", "讲师"), ("农丽华", "cold_chain", "高级物流师")],
        period=("2025-10-01", "2027-09-30"), budget=(300.0, 1500.0),
        indicators={"invention_patent_applications": 2, "ip_grants": 8, "new_revenue": 6500.0, "demo_sites": 2},
        field="北斗导航与智慧物流",
        background=[
            "南宁是西部陆海新通道和中国—东盟物流枢纽的重要节点城市，物流园区车辆、集装箱和人员调度仍大量依赖人工，"
            "园区内定位精度不足、数据分散，难以支撑精细化运营和跨境物流协同。",
            "申报单位长期从事北斗高精度定位和城市数字孪生平台开发，已为区内多个园区提供智能调度系统，"
            "拥有软件著作权20余项，具备较强的软硬件一体化研发能力。",
        ],
        tasks=[("园区北斗地基增强与室内外融合定位", "构建园区级北斗地基增强网络，实现室外厘米级、室内亚米级连续定位。"),
               ("物流园区数字孪生建模与仿真", "建立车辆、堆场、仓储设施三维孪生模型，支持作业计划仿真推演。"),
               ("智能调度与跨境通关协同", "研发基于强化学习的车辆调度算法，与通关信息平台对接，平均等待时间降低30%。")],
        route=["需求调研与总体设计", "定位网络建设与测试", "孪生模型构建", "调度算法研发", "园区示范应用", "推广复制"],
        pages=7,
    ),
    dict(
        id="NNKJ-2025-0103", item=2, direction=2,
        title="Mini LED背光高清电竞显示模组关键技术研发",
        applicant="jinsui_display", partners=[],
        leader=("蓝天宇", "高级工程师"),
        members=[("黄小玲", "jinsui_display", "工程师"), ("韦明", "jinsui_display", "工程师")],
        period=("2025-10-01", "2027-09-30"), budget=(200.0, 600.0),
        indicators={"invention_patent_applications": 1, "ip_grants": 3, "new_revenue": 3200.0, "new_products": 1},
        field="新型显示",
        background=[
            "电竞显示器对高刷新率、高对比度和低功耗提出了更高要求，Mini LED背光是当前中高端显示产品的主流技术路线。"
            "本地显示模组企业以中低端产品为主，缺少分区调光和光学膜组方面的自主技术。",
            "申报单位主要从事液晶显示模组的组装和销售，近年开始布局Mini LED背光产品，已完成小批量样品试制。",
        ],
        tasks=[("Mini LED分区背光驱动技术", "开发1152分区背光驱动方案，实现动态对比度1000000:1。"),
               ("高均匀度光学膜组设计", "优化扩散膜与量子点膜组合，亮度均匀性达到90%以上。"),
               ("模组组装工艺与可靠性", "建立模组贴合、老化和可靠性测试工艺规范。")],
        route=["方案设计", "驱动电路开发", "光学仿真与验证", "样机试制", "可靠性测试", "小批量试产"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0104", item=8, direction=1,
        title="壮药复方“金花通络颗粒”治疗类风湿关节炎新药临床前研究",
        applicant="zhuangyao_pharma", partners=[("guinan_med", "core")],
        leader=("覃桂芳", "主任药师"),
        members=[("黄俊", "zhuangyao_pharma", "副主任药师"), ("蒙少华", "guinan_med", "教授"),
                 ("陈晓", "guinan_med", "副研究员"), ("罗勇", "zhuangyao_pharma", "工程师")],
        period=("2025-10-01", "2028-09-30"), budget=(150.0, 450.0),
        indicators={"standards": 1, "invention_patent_applications": 2, "new_products": 1},
        field="壮瑶民族药",
        background=[
            "壮医药是我国传统医药的重要组成部分，在风湿痹病的治疗方面积累了丰富经验。"
            "“金花通络方”源自壮医临床验方，在区内多家医疗机构使用多年，疗效确切，但缺乏系统的药学和药效学研究。",
            "申报单位是自治区级中药民族药企业技术中心的依托单位，拥有符合GMP要求的颗粒剂生产线，"
            "与桂南医科大学在壮瑶药药效评价方面合作十余年。",
        ],
        tasks=[("处方工艺与质量标准研究", "完成提取、浓缩、制粒工艺优化，建立指纹图谱和多指标成分含量测定方法。"),
               ("药效学与作用机制研究", "采用胶原诱导关节炎模型评价药效，结合网络药理学阐明作用机制。"),
               ("临床前安全性评价", "在具备资质的机构完成急性毒性、长期毒性等安全性评价，形成申报资料。")],
        route=["处方考证与药材基原鉴定", "工艺研究", "质量标准研究", "药效学研究", "安全性评价", "申报临床试验"],
        pages=8,
    ),
    dict(
        id="NNKJ-2025-0105", item=9, direction=None,
        title="城镇污水处理厂低碳运行智能控制系统研发与示范",
        applicant="lvyong_env", partners=[("yongjiang_univ", "core")],
        leader=("梁海燕", "高级工程师"),
        members=[("邓志华", "lvyong_env", "工程师"), ("黄立新", "yongjiang_univ", "教授"),
                 ("韦晓东", "yongjiang_univ", "讲师")],
        period=("2025-10-01", "2027-09-30"), budget=(150.0, 500.0),
        indicators={"invention_patent_applications": 3, "standards": 1, "new_products": 2, "demo_sites": 2,
                    "new_revenue": 1800.0},
        field="污水处理节能降碳",
        background=[
            "污水处理是市政领域的能耗和碳排放大户，曝气和药剂投加约占污水处理厂运行成本的六成以上。"
            "南宁市城镇污水处理厂普遍采用经验控制，存在过量曝气、药剂浪费等问题。",
            "申报单位承担了市内多座污水处理厂的运营维护，掌握大量运行数据，已开发精确曝气控制系统原型。",
        ],
        tasks=[("进水负荷预测与精确曝气控制", "建立进水水质水量预测模型，实现按需曝气，曝气能耗降低15%以上。"),
               ("智能加药控制", "研发除磷药剂智能投加系统，药剂消耗降低20%以上。"),
               ("碳排放核算与运行优化平台", "建立污水处理厂碳排放核算方法，编制低碳运行技术规范。")],
        route=["数据采集与诊断", "模型构建", "控制系统开发", "示范厂应用", "效果评估", "规范编制与推广"],
        pages=6,
    ),
    dict(
        id="NNKJ-2025-0106", item=11, direction=None,
        title="沃柑无病毒健康种苗繁育与出口标准化生产技术集成示范",
        applicant="wuming_citrus", partners=[("wuxiang_agri", "core"), ("yongjiang_univ", "close")],
        leader=("韦振宁", "农艺师"),
        members=[("黄秋月", "wuming_citrus", "农艺师"), ("陆海波", "wuxiang_agri", "研究员"),
                 ("潘丽", "yongjiang_univ", "副教授")],
        period=("2025-10-01", "2027-09-30"), budget=(260.0, 300.0),
        indicators={"new_technologies": 2, "standards": 2, "demo_area_mu": 3000.0, "core_area_mu": 500.0,
                    "tech_transfers": 2},
        field="沃柑产业",
        background=[
            "武鸣沃柑种植面积和产量居全国前列，是广西南宁国家农业科技园区的主导产业。"
            "黄龙病等病害威胁和出口果品标准不统一，制约了产业的高质量发展和东盟市场拓展。",
            "申报单位位于园区核心区，建有柑橘无病毒苗圃200亩，年出圃健康种苗100万株以上。",
        ],
        tasks=[("无病毒种苗繁育体系建设", "完善茎尖嫁接脱毒、检测和网室繁育技术，建立种苗质量追溯体系。"),
               ("出口标准化生产技术", "制定沃柑出口东盟标准化生产技术规程，建设出口示范基地。"),
               ("成果展示与农民培训", "建设园区科技成果展示中心，培训高素质农民500人次以上。")],
        route=["种质资源收集", "脱毒与检测", "网室繁育", "标准化基地建设", "出口示范", "培训推广"],
        pages=6,
    ),
    dict(
        id="NNKJ-2025-0107", item=15, direction=1,
        title="面向东盟小语种的智能翻译系统研发与应用示范",
        applicant="yulian_info", partners=[("asean_lang_inst", "core"), ("wuxiang_tech", "general")],
        leader=("陈国栋", "高级工程师"),
        members=[("阮氏兰", "yulian_info", "工程师"), ("苏明", "asean_lang_inst", "副研究员"),
                 ("何静", "wuxiang_tech", "副教授"), ("黄飞", "yulian_info", "工程师")],
        period=("2025-10-01", "2027-09-30"), budget=(100.0, 250.0),
        indicators={"invention_patent_applications": 2, "ip_grants": 3, "new_revenue": 800.0},
        field="东盟小语种机器翻译",
        background=[
            "南宁是中国—东盟博览会永久举办地，政务、经贸和文旅领域对越南语、泰语、老挝语、缅甸语等小语种的翻译需求旺盛。"
            "通用机器翻译系统在小语种上语料不足、术语不准，难以满足专业场景需要。",
            "申报单位专注东盟语言信息处理，已积累越、泰、老、缅、柬五个语种平行语料约1200万句对，"
            "产品已在区内多家会展和外贸企业使用。",
        ],
        tasks=[("低资源小语种神经机器翻译", "研究多语言预训练与回译增强方法，五个语种平均BLEU提高5个点以上。"),
               ("领域术语库与可控翻译", "构建经贸、会展、文旅术语库不少于10万条，实现术语约束翻译。"),
               ("应用示范", "在中国—东盟博览会服务和跨境电商平台开展应用示范。")],
        route=["语料采集与清洗", "模型预训练", "领域适配", "系统集成", "场景示范", "迭代优化"],
        pages=7,
    ),
    dict(
        id="NNKJ-2025-0108", item=15, direction=2,
        title="面向东盟多语种的语音识别与同声传译一体化终端研发",
        applicant="yulian_info", partners=[("asean_lang_inst", "core")],
        leader=("阮氏兰", "工程师"),
        members=[("陈国栋", "yulian_info", "高级工程师"), ("苏明", "asean_lang_inst", "副研究员")],
        period=("2025-10-01", "2027-09-30"), budget=(80.0, 200.0),
        indicators={"invention_patent_applications": 1, "ip_grants": 2, "new_revenue": 650.0, "new_products": 1},
        field="东盟语种语音识别",
        background=[
            "面向东盟的会议、商务洽谈和旅游场景对便携式语音翻译终端有较大需求，现有产品对东盟语种支持不足。",
            "申报单位已有东盟语言文本翻译技术积累，拟向语音识别和端侧部署延伸。",
        ],
        tasks=[("东盟语种语音识别", "构建越、泰语音识别模型，字错率低于12%。"),
               ("端侧模型压缩与部署", "研究模型量化与蒸馏，实现离线实时识别与翻译。"),
               ("一体化终端研制", "研制便携式同声传译终端样机并开展试用。")],
        route=["语音数据采集", "模型训练", "端侧优化", "终端研制", "场景试用"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0109", item=17, direction=4,
        title="老友粉预制菜风味保持与冷链锁鲜关键技术研究及产业化",
        applicant="yongwei_food", partners=[("wuxiang_agri", "core"), ("cold_chain", "close")],
        leader=("莫少华", "高级工程师"),
        members=[("黄玉梅", "yongwei_food", "食品工程师"), ("覃伟", "wuxiang_agri", "副研究员"),
                 ("林涛", "cold_chain", "工程师")],
        period=("2025-10-01", "2027-09-30"), budget=(80.0, 260.0),
        indicators={"new_technologies": 2, "invention_patent_applications": 2, "new_revenue": 1200.0,
                    "new_products": 3},
        field="预制菜加工",
        background=[
            "老友粉是南宁特色小吃，预制化后在风味保持、货架期和复热品质方面存在明显短板，"
            "制约了其走出广西、走向全国和东盟市场。",
            "申报单位是市级农业产业化重点龙头企业，建有中央厨房和年产5000吨预制菜生产线。",
        ],
        tasks=[("风味物质解析与保持技术", "解析酸笋、豆豉等特征风味物质，研究风味包埋和缓释技术。"),
               ("冷链锁鲜与杀菌工艺", "研究液氮速冻和低温等离子体杀菌组合工艺，货架期延长至180天。"),
               ("标准化生产线建设", "建设智能化生产线，形成企业标准并实现量产。")],
        route=["风味解析", "工艺研究", "中试验证", "生产线改造", "市场推广"],
        pages=6,
    ),
    dict(
        id="NNKJ-2025-0110", item=31, direction=None,
        title="脑卒中精准防治临床医学研究中心创新培育建设",
        applicant="yongjiang_hospital", partners=[("guinan_med", "core")],
        leader=("黄建华", "主任医师"),
        members=[("李婷", "yongjiang_hospital", "副主任医师"), ("韦国强", "yongjiang_hospital", "主治医师"),
                 ("蒙志刚", "guinan_med", "教授")],
        period=("2025-10-01", "2028-09-30"), budget=(80.0, 200.0),
        indicators={"platform_level": "autonomous_region", "standards": 1, "invention_patent_applications": 2,
                    "ip_grants": 1, "masters_trained": 3},
        field="脑卒中防治",
        background=[
            "脑卒中是我市居民死亡和致残的主要原因之一，基层医疗机构在早期识别、溶栓取栓和规范化康复方面能力不足。",
            "申报单位神经内科为市级重点学科，年收治脑卒中患者3000余例，建有区域卒中中心和卒中急救地图网络。",
        ],
        tasks=[("卒中精准防治技术研究", "开展高危人群筛查和影像组学预测模型研究，建立卒中专病队列。"),
               ("规范化诊疗方案制订", "制订急性缺血性卒中区域协同救治诊疗规范，并在医联体推广。"),
               ("人才培养与平台建设", "培养硕士研究生3名，申报自治区级临床医学研究中心。")],
        route=["队列建设", "预测模型研究", "诊疗规范制订", "医联体推广", "平台申报"],
        pages=6,
    ),
    dict(
        id="NNKJ-2025-0111", item=37, direction=None,
        title="邕城青少年人工智能科普长廊建设与系列科普活动",
        applicant="youth_sci", partners=[("yongjiang_museum", "core")],
        leader=("罗晓红", "副研究馆员"),
        members=[("黄鹏", "youth_sci", "中学一级教师"), ("韦婷", "yongjiang_museum", "馆员")],
        period=("2025-10-01", "2026-09-30"), budget=(30.0, 60.0),
        indicators={"events": 4, "participants": 800},
        field="青少年科普",
        background=[
            "人工智能科普是提升青少年科学素质的重要内容，我市中小学校和社区缺少可体验、可互动的人工智能科普场所。",
            "申报单位长期组织青少年科技创新大赛和科技活动周活动，拥有科普志愿者120余人。",
        ],
        tasks=[("人工智能科普长廊建设", "建设面积120平方米的人工智能科普长廊，科技活动周期间对青少年免费开放。"),
               ("系列科普活动", "举办人工智能主题科普活动4场，其中科技活动周专场1场。"),
               ("科普队伍建设", "培训科普志愿者和辅导教师50人次。")],
        route=["方案设计", "长廊建设", "活动组织", "效果评估"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0112", item=14, direction=None,
        title="高性能锑基钠离子电池负极材料制备关键技术研究",
        applicant="tijing_material", partners=[("bbw_materials", "core")],
        leader=("潘志远", "高级工程师"),
        members=[("梁晓", "tijing_material", "工程师"), ("黄一帆", "bbw_materials", "副研究员")],
        period=("2025-10-01", "2027-09-30"), budget=(100.0, 300.0),
        indicators={"invention_patent_applications": 2, "ip_grants": 1, "standards": 1},
        field="钠离子电池材料",
        background=[
            "钠离子电池资源丰富、成本低，是储能领域的重要发展方向。锑基负极理论容量高，"
            "但循环过程中体积膨胀大，制约其产业化应用。广西锑资源丰富，发展锑基电池材料具有资源优势。",
            "申报单位从事锑系新材料研发生产，已建成百吨级中试线。",
        ],
        tasks=[("锑基复合负极材料设计", "研究锑/碳核壳结构设计，缓解体积膨胀，首效达到85%以上。"),
               ("规模化制备工艺", "开发喷雾干燥—碳化连续化工艺，实现吨级稳定制备。"),
               ("电池验证", "与电池企业合作开展软包电池验证，循环2000次容量保持率80%以上。")],
        route=["材料设计", "小试", "中试", "电池验证", "工艺固化"],
        pages=6,
    ),
    dict(
        id="NNKJ-2025-0113", item=18, direction=1,
        title="南宁内河黑臭水体底泥原位修复与生态净化技术集成示范",
        applicant="shuirun_env", partners=[("yongjiang_univ", "core")],
        leader=("陆文杰", "高级工程师"),
        members=[("黄丽清", "shuirun_env", "工程师"), ("邓海", "yongjiang_univ", "副教授")],
        period=("2025-10-01", "2027-09-30"), budget=(100.0, 300.0),
        indicators={"new_technologies": 2, "demo_sites": 2, "invention_patent_applications": 2,
                    "new_revenue": 1300.0},
        field="内河水环境治理",
        background=[
            "南宁市内河众多，部分河段雨季溢流污染和底泥内源释放导致水质反复，"
            "传统清淤方式成本高、二次污染风险大。",
            "申报单位参与了多条内河的综合整治工程，掌握底泥修复和生态净化的工程技术。",
        ],
        tasks=[("底泥原位钝化修复材料与装备", "研发底泥原位钝化材料和投加装备，底泥磷释放通量降低50%。"),
               ("生态净化系统构建", "构建沉水植物—微生物协同净化系统，提升水体自净能力。"),
               ("示范工程", "在两条内河建设示范段，主要水质指标稳定达到地表水Ⅳ类。")],
        route=["现状调查", "材料研发", "装备研制", "示范工程建设", "长期监测评估"],
        pages=6,
    ),
    # -- rule-route items (issue 21): the amount follows from the guide, no panel ----------------
    dict(
        id="NNKJ-2025-0114", item=24, direction=None,
        title="规模以上企业首次认定高新技术企业后补助（广西恒宇微电子科技有限公司）",
        applicant="hengyu_chip", partners=[], leader=("卢宏伟", "高级工程师"),
        members=[("甘晓东", "hengyu_chip", "工程师")],
        period=("2025-01-01", "2025-12-31"), budget=(10.0, 0.0),
        indicators={"above_scale": True, "hnte_first_time": True, "rd_in_statistics": True},
        field="集成电路封装测试",
        background=["申报单位为规模以上工业企业，2024年首次获认定为高新技术企业，研发投入已纳入统计。"],
        tasks=[("研发投入与创新能力建设", "持续加大研发投入，完善研发机构和知识产权管理体系。")],
        route=["高新技术企业认定", "研发投入统计", "后补助申报"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0115", item=24, direction=None,
        title="高新技术企业认定后补助（南宁绿谷生物科技有限公司）",
        applicant="lvgu_bio", partners=[], leader=("苏婉婷", "工程师"),
        members=[("邓建林", "lvgu_bio", "助理工程师")],
        period=("2025-01-01", "2025-12-31"), budget=(5.0, 0.0),
        indicators={"above_scale": False, "hnte_first_time": True, "rd_in_statistics": True},
        field="微生物发酵",
        background=["申报单位为小型科技企业，2024年获认定为高新技术企业。"],
        tasks=[("研发投入与创新能力建设", "围绕微生物菌剂开展研发，完善研发费用辅助账。")],
        route=["高新技术企业认定", "后补助申报"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0116", item=25, direction=None,
        title="城市低速无人配送车研发（第十届南宁市创新创业大赛获奖企业后补助）",
        applicant="qingxiu_ai", partners=[], leader=("马俊杰", "工程师"),
        members=[("韦佳", "qingxiu_ai", "工程师")],
        period=("2025-10-01", "2026-09-30"), budget=(10.0, 20.0),
        indicators={"contest_group": "growth", "contest_prize": 2},
        field="智能网联与无人配送",
        background=["申报单位参赛项目获第十届南宁市创新创业大赛成长企业组二等奖。"],
        tasks=[("参赛项目相关科技创新活动", "完成无人配送车第二代样车的道路测试与场景验证。")],
        route=["样车改进", "道路测试", "场景验证"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0117", item=26, direction=None,
        title="引进国（境）外药物化学创新人才计点积分后补助",
        applicant="asean_pharma_rd", partners=[], leader=("潘文涛", "研究员"),
        members=[("阮明德", "asean_pharma_rd", "研究员")],
        period=("2025-01-01", "2025-12-31"), budget=(20.0, 0.0),
        indicators={"talent_points": 76},
        field="创新药物研发",
        background=["申报单位引进的外籍创新人才获自治区科技厅引进国（境）外创新人才奖励性后补助，计点积分76分。"],
        tasks=[("发挥引进人才作用", "由引进人才牵头开展壮瑶药用植物活性成分研究。")],
        route=["人才引进", "计点积分认定", "后补助申报"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0118", item=28, direction=None,
        title="2025年度科技保险保费补贴（南宁邕宁精密包装材料有限公司）",
        applicant="yongning_pack", partners=[], leader=("黄俊", "经济师"),
        members=[("李红梅", "yongning_pack", "会计师")],
        period=("2025-01-01", "2025-12-31"), budget=(23.0, 0.0),
        indicators={"premium_tier1": 20.0, "premium_tier2": 10.0, "premium_tier3": 10.0},
        field="科技保险",
        background=["申报单位2025年投保产品研发责任保险、关键研发设备保险和财产保险，实际支出保费合计40万元。"],
        tasks=[("科技保险投保", "按险种分别提供保险合同和保费支付凭证。")],
        route=["投保", "保费支付", "补贴申报"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0119", item=28, direction=None,
        title="2025年度科技保险保费补贴（广西联宇智能装备有限公司）",
        applicant="lianyu_robot", partners=[], leader=("刘志远", "高级经济师"),
        members=[("陈静", "lianyu_robot", "会计师")],
        period=("2025-01-01", "2025-12-31"), budget=(25.0, 0.0),
        indicators={"premium_tier1": 30.0, "premium_tier2": 10.0, "premium_tier3": 5.0},
        field="科技保险",
        background=["申报单位2025年投保专利类保险、营业中断保险和产品责任保险，实际支出保费合计45万元。"],
        tasks=[("科技保险投保", "按险种分别提供保险合同和保费支付凭证。")],
        route=["投保", "保费支付", "补贴申报"],
        pages=5,
    ),
    dict(
        id="NNKJ-2025-0120", item=23, direction=1,
        title="2025年度企业研发经费投入奖补（广西邕江新能源动力科技有限公司）",
        applicant="yongjiang_power", partners=[], leader=("黄志强", "正高级工程师"),
        members=[("韦丽萍", "yongjiang_power", "高级工程师")],
        period=("2025-01-01", "2025-12-31"), budget=(50.0, 0.0),
        indicators={"above_scale": True, "rd_in_statistics": True, "rd_spend": 2300.0},
        field="新能源汽车动力电池",
        background=["申报单位为规模以上企业，2024年度研发经费投入2300万元，已纳入统计。",
                    "申报单位同期申报了科技重大专项项目1（NNKJ-2025-0101）：企业研发奖补不能与科技项目（前资助）重复享受。"],
        tasks=[("研发经费投入", "按统计口径报送年度研发经费投入，接受核查。")],
        route=["研发投入统计", "奖补申报"],
        pages=5,
    ),
]

_REFUSED: dict[str, Any] = dict(
    id=REFUSED_ID, item=16, direction=1,
    title="新能源汽车一体化电驱动系统控制器关键技术研发及产业化",
    applicant="chiyuan_auto", partners=[("yongjiang_univ", "core")],
    leader=("钟海涛", "高级工程师"),
    members=[("黄明", "chiyuan_auto", "工程师"), ("韦小兰", "yongjiang_univ", "副教授")],
    period=("2025-10-01", "2027-09-30"), budget=(100.0, 400.0),
    indicators={"invention_patent_applications": 2, "ip_grants": 3, "new_revenue": 1500.0},
    field="新能源汽车电驱动",
    background=["电驱动系统是新能源汽车的核心部件之一，控制器的功率密度和可靠性直接影响整车性能。",
                "申报单位为本地整车企业配套电机控制器，已形成年产5万套的生产能力。"],
    tasks=[("碳化硅功率模块驱动技术", "研究碳化硅器件驱动与保护，控制器效率达到98.5%。"),
           ("功能安全控制软件", "按功能安全要求开发控制软件，达到ASIL-C等级。")],
    route=["方案设计", "样机开发", "台架测试", "整车验证", "批量生产"],
    pages=5,
)

# ---------------------------------------------------------------------------------------------
# documents


def _money(v: float) -> str:
    return f"{v:,.2f}"


_BUDGET_ROWS = (("设备费", 0.22), ("材料费", 0.18), ("测试化验加工费", 0.12), ("燃料动力费", 0.04),
                ("出版/文献/信息传播/知识产权事务费", 0.05), ("会议/差旅/国际合作与交流费", 0.06),
                ("劳务费", 0.17), ("专家咨询费", 0.03), ("间接费用", 0.13))


def _split(total: float, weights: list[float]) -> list[float]:
    parts = [round(total * w, 2) for w in weights]
    parts[0] = round(total - sum(parts[1:]), 2)
    return parts


def _budget_table(req: float, own: float) -> str:
    w = [x[1] for x in _BUDGET_ROWS]
    r, o = _split(req, w), _split(own, w)
    lines = ["|预算科目|申请市财政资助（万元）|自筹经费（万元）|合计（万元）|"]
    lines += [f"|{name}|{_money(a)}|{_money(b)}|{_money(a + b)}|" for (name, _), a, b in zip(_BUDGET_ROWS, r, o)]
    lines.append(f"|合计|{_money(req)}|{_money(own)}|{_money(req + own)}|")
    return "\n".join(lines)


def _indicator_rows(ind: dict[str, Any]) -> str:
    lines = ["|考核指标|数量|单位|"]
    for k, v in ind.items():
        label, unit = _INDICATOR_ZH.get(k, (k, ""))
        value = _PLATFORM_ZH.get(v, v) if k == "platform_level" else (f"{v:g}" if isinstance(v, float) else v)
        if isinstance(v, (bool, str)) and k != "platform_level":
            value = _VALUE_ZH.get(v, v)
        lines.append(f"|{label}|{value}|{unit}|")
    return "\n".join(lines)


def _schedule(start: str, end: str, route: list[str]) -> str:
    y0, y1 = int(start[:4]), int(end[:4])
    spans = [f"{y}年{h}" for y in range(y0, y1 + 1) for h in ("上半年", "下半年")][1:]
    n = max(1, len(spans) // max(1, len(route)))
    lines = ["|时间|主要工作内容|阶段目标|"]
    for i, step in enumerate(route):
        span = spans[min(i * n, len(spans) - 1)]
        lines.append(f"|{span}|{step}|完成{step}阶段任务并形成阶段报告|")
    return "\n".join(lines)


def _foundation(p: dict[str, Any], m: dict[str, Any]) -> str:
    n = int(p["id"][-4:])
    a = m["applicant"]
    partner_text = (f"合作单位{'、'.join(x['name'] for x in m['partners'])}在{p['field']}领域具有较强的研究实力，"
                    "与申报单位已有多年合作基础，联合承担过省部级以上科研项目。") if m["partners"] else \
        "项目由申报单位独立承担，必要的测试验证工作委托具备资质的第三方检测机构完成。"
    rows = ["|条件|现状|", f"|研发场地|约{(n % 7 + 3) * 400}平方米|", f"|主要仪器设备|{n % 50 + 40}台（套），原值约{n % 9 + 4}00万元|",
            f"|研发人员|{n % 30 + 15}人，其中高级职称{n % 8 + 4}人|",
            f"|已有知识产权|授权发明专利{n % 6 + 2}件，实用新型专利及软件著作权{n % 15 + 6}件|"]
    return (f"{a['name']}位于{a.get('district', '南宁市')}，{p['background'][-1]}" + "\n" + partner_text + "\n"
            + "\n".join(rows))


def _benefits(p: dict[str, Any], m: dict[str, Any]) -> str:
    ind = m["indicators"]
    parts = []
    if "new_revenue" in ind:
        parts.append(f"项目实施期间预计新增产值或销售收入{ind['new_revenue']:g}万元，新增利税约{ind['new_revenue'] * 0.08:.0f}万元")
    ip = ind.get("invention_patent_applications", 0) + ind.get("ip_grants", 0)
    if ip:
        parts.append(f"形成发明专利申请和其他知识产权合计{ip}件")
    if ind.get("standards"):
        parts.append(f"形成技术规范或标准{ind['standards']}项")
    econ = ("；".join(parts) or f"项目成果将显著提升{p['field']}领域的技术服务能力") + "。"
    return (f"## （一）经济效益\n{econ}\n## （二）社会效益\n项目成果将推动{p['field']}领域技术进步，"
            "带动相关企业转型升级，培养一批懂技术、善管理的专业人才，为南宁市建设面向东盟的区域性创新高地提供支撑。")


def _application_form(p: dict[str, Any], m: dict[str, Any]) -> bytes:
    applicant = m["applicant"]
    partners = "、".join(x["name"] for x in m["partners"]) or "无"
    req, own = m["budget"]["requested"], m["budget"]["self_funded"]
    item_zh = f"项目{p['item']}：{_ITEM_ZH[p['item']]}" + (f"（方向{p['direction']}）" if p["direction"] else "")
    info = "\n".join([
        "|项目|内容|",
        f"|项目名称|{m['title']}|", f"|指南项目|{item_zh}|",
        f"|申报单位|{applicant['name']}|", f"|统一社会信用代码|{applicant['credit_code']}|",
        f"|所在城区/开发区|{applicant.get('district', '南宁市')}|", f"|合作单位|{partners}|",
        f"|项目负责人|{m['leader']['name']}（{m['leader']['title']}）|",
        f"|实施期限|{m['period']['start']} 至 {m['period']['end']}|",
        f"|申请市财政资助|{_money(req)} 万元|", f"|自筹经费|{_money(own)} 万元|",
        f"|项目总经费|{_money(req + own)} 万元|"])
    tasks = "\n".join(f"## （{'一二三四五六'[i]}）{name}\n{desc}"
                      f"该任务由{applicant['name'] if i % 2 == 0 or not m['partners'] else m['partners'][0]['name']}"
                      f"牵头负责，{p['field']}领域相关技术骨干参与，按年度节点组织实施和考核。"
                      for i, (name, desc) in enumerate(p["tasks"]))
    route = ("项目采用“" + "—".join(p["route"]) + "”的技术路线，各阶段设置明确的技术指标和检查节点，"
             "上一阶段通过内部评审后方可进入下一阶段。\n"
             + "\n".join(f"## 步骤{i + 1}：{s}\n围绕{s}开展工作，明确输入条件、关键参数和验收方法，"
                         f"形成过程记录和阶段性技术报告，为后续{p['route'][min(i + 1, len(p['route']) - 1)]}提供依据。"
                         for i, s in enumerate(p["route"])))
    leader = m["leader"]
    team = "\n".join(["|姓名|单位|职称|项目分工|",
                      f"|{leader['name']}|{leader['unit']}|{leader['title']}|项目负责人，总体设计与组织实施|"]
                     + [f"|{x['name']}|{x['unit']}|{x['title']}|{p['tasks'][i % len(p['tasks'])][0]}|"
                        for i, x in enumerate(m["members"])])
    sections = [
        ("项目基本信息", info),
        ("立项依据", "\n".join(p["background"]) + "\n## 项目实施的必要性\n"
         f"项目围绕{p['field']}领域的关键技术需求开展攻关，符合《南宁市科技计划项目申报指南》{item_zh}的支持方向，"
         "对提升我市相关产业的自主创新能力和核心竞争力具有重要意义。"),
        ("研究内容", tasks),
        ("技术路线", route),
        ("考核指标", "项目实施期满时，承诺完成以下考核指标：\n" + _indicator_rows(m["indicators"])),
        ("经费预算", f"项目总经费{_money(req + own)}万元，其中申请市财政资助{_money(req)}万元，"
         f"单位自筹{_money(own)}万元。\n" + _budget_table(req, own)),
        ("现有工作基础与条件", _foundation(p, m)),
        ("项目组主要成员", team),
        ("实施计划与进度安排", _schedule(m["period"]["start"], m["period"]["end"], p["route"])),
        ("预期经济社会效益", _benefits(p, m)),
    ]
    cover = [("项目名称", m["title"]), ("指南项目", item_zh), ("申报单位", applicant["name"]),
             ("项目负责人", m["leader"]["name"]), ("联系电话", "0771-" + str(5000000 + int(p["id"][-4:]) * 37)),
             ("申报日期", "2025年6月")]
    return make_pdf(m["title"], sections, pages=p["pages"], seed=int(p["id"][-4:]), cover=cover)


def _budget_form(m: dict[str, Any], seed: int) -> bytes:
    req, own = m["budget"]["requested"], m["budget"]["self_funded"]
    sections = [
        ("基本信息", "\n".join(["|项目|内容|", f"|项目名称|{m['title']}|", f"|申报单位|{m['applicant']['name']}|",
                                f"|实施期限|{m['period']['start']} 至 {m['period']['end']}|"])),
        ("经费预算明细", _budget_table(req, own)),
        ("预算说明", "设备费主要用于购置项目研发和测试所需的专用仪器设备；材料费用于研发样品试制所需的原材料和元器件；"
         "测试化验加工费用于委托第三方检测机构开展性能测试；劳务费用于支付参与项目的研究生和临时聘用人员。"
         "\n自筹经费来源于单位自有资金，已列入单位年度预算，可按项目进度足额到位。"
         "\n申报单位承诺严格按照南宁市科技计划项目资金管理有关规定使用经费，实行专账核算。"),
    ]
    return make_pdf(f"{m['title']} 经费预算表", sections, seed=seed, header="南宁市科技计划项目经费预算表")


def _agreement(m: dict[str, Any], seed: int) -> bytes:
    a = m["applicant"]["name"]
    parties = [a] + [x["name"] for x in m["partners"]]
    roles = "甲乙丙丁戊己庚"
    sections = [
        ("合作各方", "\n".join(["|协议方|单位名称|"] + [f"|{roles[i]}方|{n}|" for i, n in enumerate(parties)])),
        ("合作内容", f"各方就“{m['title']}”项目开展产学研合作，共同申报南宁市科技计划项目，"
         f"由{a}作为项目牵头申报单位，负责项目的组织实施和经费管理。"),
        ("任务分工", "\n".join(f"{roles[i]}方（{n}）：" + ("负责项目总体设计、产业化实施和示范应用。" if i == 0 else
                                                        "负责关键技术研究、测试验证和人才培养。") for i, n in enumerate(parties))),
        ("经费安排", "市财政资助经费由甲方统一管理，按各方承担的任务和预算分配，专款专用。"),
        ("知识产权", "项目执行期间各方独立完成的知识产权归完成方所有，共同完成的知识产权由各方共有，"
         "甲方在同等条件下享有优先实施权。"),
        ("保密与违约责任", "各方对合作中获知的对方技术秘密和商业秘密负有保密义务。任何一方违反本协议约定，应承担相应违约责任。"),
        ("其他", "本协议自各方签字盖章之日起生效，一式" + "零壹贰叁肆伍陆柒捌玖"[len(parties)] + "份，各方各执一份，具有同等法律效力。\n"
         + "\n".join(["|协议方|签字（盖章）|日期|"] + [f"|{n}|（已盖章）|2025年6月|" for n in parties])),
    ]
    return make_pdf(f"“{m['title']}”产学研合作协议", sections, seed=seed, header="产学研合作协议", numbered=True)


def _certificate(org: dict[str, Any], seed: int) -> bytes:
    sections = [("登记信息", "\n".join([
        "|项目|内容|", f"|名称|{org['name']}|", f"|统一社会信用代码|{org['credit_code']}|",
        f"|住所|南宁市{org.get('district', '青秀区')}（演示地址）|", "|登记机关|南宁市行政审批局（演示）|",
        "|说明|本件为复印件，与原件一致（演示数据）|"]))]
    return make_pdf("营业执照（副本）复印件", sections, seed=seed, header="申报单位资质证明", numbered=False)


def _person(name: str, unit_key: str, title: str) -> dict[str, str]:
    return {"name": name, "unit": _name(unit_key), "title": title}


def _project_manifest(p: dict[str, Any]) -> dict[str, Any]:
    partners = [dict(_org(k), role=role) for k, role in p["partners"]]
    for x in partners:
        x.pop("district", None)
    docs = [{"path": "docs/申报书.pdf", "kind": "application_form", "title": "项目申报书", "sha256": ""},
            {"path": "docs/经费预算表.pdf", "kind": "budget", "title": "项目经费预算表", "sha256": ""}]
    if partners:
        docs.append({"path": "docs/合作协议.pdf", "kind": "agreement", "title": "产学研合作协议", "sha256": ""})
    else:
        docs.append({"path": "docs/营业执照.pdf", "kind": "certificate", "title": "营业执照（副本）", "sha256": ""})
    return {
        "format": "nnpkg/1", "kind": "project", "application_id": p["id"], "guide_edition": GUIDE_EDITION,
        "guide_item": p["item"], "direction": p["direction"], "title": p["title"],
        "applicant": _org(p["applicant"]), "partners": partners,
        "leader": {"name": p["leader"][0], "title": p["leader"][1], "unit": _name(p["applicant"])},
        "members": [_person(*x) for x in p["members"]],
        "period": {"start": p["period"][0], "end": p["period"][1]},
        "budget": {"requested": p["budget"][0], "self_funded": p["budget"][1]},
        "indicators": dict(p["indicators"]), "consortium": None, "documents": docs,
    }


def _project(p: dict[str, Any], manifest: dict[str, Any] | None = None) -> tuple[dict, dict[str, bytes]]:
    m = manifest or _project_manifest(p)
    seed = int(p["id"][-4:])
    files: dict[str, bytes] = {}
    for d in m["documents"]:
        if d["kind"] == "application_form":
            files[d["path"]] = _application_form(p, m)
        elif d["kind"] == "budget":
            files[d["path"]] = _budget_form(m, seed + 1)
        elif d["kind"] == "agreement":
            files[d["path"]] = _agreement(m, seed + 2)
        else:
            files[d["path"]] = _certificate(m["applicant"], seed + 3)
    _fill_hashes(m, files)
    return m, files


def _fill_hashes(m: dict[str, Any], files: dict[str, bytes]) -> None:
    for d in m["documents"]:
        d["sha256"] = hashlib.sha256(files[d["path"]]).hexdigest()


# ---------------------------------------------------------------------------------------------
# the consortium

_CONSORTIUM_MEMBERS = (("yongjiang_power", "leader"), ("yongjiang_univ", "core"), ("bbw_materials", "core"),
                       ("huachi_parts", "close"), ("liujiang_lithium", "close"), ("xiangjiang_univ", "general"),
                       ("nev_service", "general"))


def _consortium() -> tuple[dict, dict[str, bytes]]:
    members = []
    for key, layer in _CONSORTIUM_MEMBERS:
        o = _org(key)
        o.pop("district", None)
        members.append(dict(o, layer=layer))
    cons = {"leader_revenue_last_year": 68000.0, "leader_rd_staff": 35, "leader_rd_spend_3y_avg": 2100.0,
            "leader_rd_ratio_3y": 0.031,
            "leader_platforms": ["自治区企业技术中心", "南宁市动力电池工程技术研究中心"],
            "members": members, "agreement_signed": True}
    title = "南宁市新能源汽车动力电池创新联合体"
    m = {
        "format": "nnpkg/1", "kind": "consortium_recognition", "application_id": "NNLH-2025-0001",
        "guide_edition": GUIDE_EDITION, "guide_item": None, "direction": None, "title": title,
        "applicant": _org("yongjiang_power"),
        "partners": [{k: v for k, v in x.items() if k != "layer"} | {"role": x["layer"]} for x in members[1:]],
        "leader": {"name": "黄志强", "title": "正高级工程师", "unit": _name("yongjiang_power")},
        "members": [_person("覃海东", "yongjiang_univ", "教授"), _person("陆建明", "bbw_materials", "研究员"),
                    _person("周俊", "huachi_parts", "高级工程师"), _person("谢峰", "liujiang_lithium", "高级工程师"),
                    _person("刘洋", "xiangjiang_univ", "教授"), _person("黄丽", "nev_service", "经济师")],
        "period": {"start": "2025-10-01", "end": "2028-09-30"},
        "budget": {"requested": 0.0, "self_funded": 6000.0},
        "indicators": {"invention_patent_applications": 12, "standards": 3, "new_products": 4, "new_revenue": 30000.0},
        "consortium": cons,
        "documents": [
            {"path": "docs/创新联合体认定申请书.pdf", "kind": "application_form", "title": "南宁市创新联合体认定申请书",
             "sha256": ""},
            {"path": "docs/联合体组建协议.pdf", "kind": "agreement", "title": "创新联合体组建协议", "sha256": ""},
            {"path": "docs/牵头单位审计报告.pdf", "kind": "financial", "title": "牵头单位近三年财务审计报告（摘要）",
             "sha256": ""}],
    }
    layer_zh = {"leader": "牵头单位", "core": "核心层", "close": "紧密合作层", "general": "一般协作层"}
    kind_zh = {"enterprise": "企业", "university": "高等学校", "institute": "科研院所", "service_org": "服务机构",
               "hospital": "医疗机构", "other": "其他"}
    member_table = "\n".join(["|成员单位|统一社会信用代码|类型|层级|主要经营活动在南宁|"] + [
        f"|{x['name']}|{x['credit_code']}|{kind_zh[x['kind']]}|{layer_zh[x['layer']]}|"
        f"{'是' if x['in_nanning'] else '否'}|" for x in members])
    leader_table = "\n".join([
        "|指标|数值|", "|上年度主营业务收入|68,000.00 万元|", "|全职研发人员|35 人|",
        "|近三年年均研发投入|2,100.00 万元|", "|近三年研发投入占销售收入比例|3.1%|",
        "|创新平台|" + "、".join(cons["leader_platforms"]) + "|"])
    sections = [
        ("联合体基本情况", f"{title}由{_name('yongjiang_power')}牵头，联合高等学校、科研院所、产业链上下游企业和"
         "服务机构共7家单位组建，围绕动力电池高安全、长寿命和梯次利用等关键核心技术开展协同攻关。\n" + member_table),
        ("牵头单位条件", leader_table + "\n牵头单位是本市新能源汽车动力电池龙头企业，具有较强的行业影响力和资源整合能力，"
         "与区内外高校院所有长期稳定的合作基础。"),
        ("组建目标与重点任务", "## （一）总体目标\n用三年时间突破动力电池热安全、快充和回收利用等关键技术5项以上，"
         "形成一批标志性产品和标准，带动产业链新增产值3亿元以上。\n"
         "## （二）重点任务\n联合开展高安全电池系统、电池管理芯片、退役电池梯次利用等重大项目攻关；共建共享中试验证平台；"
         "联合培养研发人才。"),
        ("运行机制", "联合体设立理事会和技术委员会，实行牵头单位负责制，按照“风险共担、利益共享”原则约定成员权利义务，"
         "建立项目联合申报、成果共享和收益分配机制。"),
        ("经费投入", "联合体三年计划投入研发经费6,000万元，全部由成员单位自筹，其中牵头单位投入不低于60%。"),
    ]
    cover = [("联合体名称", title), ("牵头单位", _name("yongjiang_power")), ("成员单位数", "7 家"),
             ("联系人", "黄志强"), ("申报日期", "2025年6月")]
    files = {
        "docs/创新联合体认定申请书.pdf": make_pdf(title + "认定申请书", sections, pages=6, seed=9001, cover=cover,
                                                 cover_org="南宁市创新联合体认定申请书"),
        "docs/联合体组建协议.pdf": make_pdf(f"{title}组建协议", [
            ("协议各方", member_table),
            ("组建目的", f"为解决制约本市新能源汽车产业发展的关键核心技术问题，各方自愿组建{title}。"),
            ("权利与义务", "各成员单位按照协议约定承担研发任务、投入研发经费，共享联合体创新资源和研发成果。"
             "牵头单位负责联合体的日常运行管理和对外联络。"),
            ("知识产权与成果转化", "联合攻关形成的知识产权按各方贡献约定归属，成果优先在南宁市转化实施。"),
            ("协议期限", "本协议有效期三年，自2025年10月1日起至2028年9月30日止；已由全体成员单位签字盖章。"),
        ], seed=9002, header="创新联合体组建协议"),
        "docs/牵头单位审计报告.pdf": make_pdf("牵头单位近三年财务审计报告（摘要）", [
            ("主要财务数据", "\n".join([
                "|年度|营业收入（万元）|研发费用（万元）|研发费用占比|",
                "|2022年|61,200.00|1,950.00|3.19%|", "|2023年|64,800.00|2,050.00|3.16%|",
                "|2024年|68,000.00|2,300.00|3.38%|", "|三年合计|194,000.00|6,300.00|3.25%|"])),
            ("审计意见", "经审计，公司财务报表在所有重大方面按照企业会计准则的规定编制，公允反映了公司的财务状况和经营成果。"
             "（演示数据，审计机构名称从略）"),
        ], seed=9003, header="财务审计报告摘要"),
    }
    _fill_hashes(m, files)
    return m, files


# ---------------------------------------------------------------------------------------------
# public API


@functools.lru_cache(maxsize=1)
def _build_all() -> tuple[tuple[dict, dict[str, bytes]], ...]:
    return tuple([_project(p) for p in _PROJECTS] + [_consortium()])


def demo_packages() -> list[tuple[dict, dict[str, bytes]]]:
    """The valid demo packages as (manifest, documents), in a fixed order; deterministic.
    Built once per process (about 1.5 s of PDF layout); callers get their own copies."""
    return [(copy.deepcopy(m), dict(docs)) for m, docs in _build_all()]


def demo_refused_package() -> tuple[dict, dict[str, bytes]]:
    """A package that must be refused at import: the applicant's credit code has a wrong
    check character (everything else, documents and hashes included, is valid)."""
    m = _project_manifest(_REFUSED)
    good = m["applicant"]["credit_code"]
    bad_check = ALPHABET[(ALPHABET.index(good[-1]) + 7) % len(ALPHABET)]
    m["applicant"]["credit_code"] = good[:-1] + bad_check
    return _project(_REFUSED, m)


def write_demo_packages(folder: Path, *, include_refused: bool = True) -> list[Path]:
    """Write every demo package as ``<application_id>.nnpkg`` into ``folder``; with
    ``include_refused`` (default) also the refused one, so a demo import shows a refusal.
    Two packages use legacy GBK entry names, as zipped on Chinese Windows."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    items = demo_packages() + ([demo_refused_package()] if include_refused else [])
    return [build_package(m, docs, folder / f"{m['application_id']}.nnpkg",
                          gbk_names=m["application_id"] in GBK_PACKAGES)
            for m, docs in items]
