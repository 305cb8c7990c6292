"""The facts a guide rule may test, derived from a package manifest.

A rule leaf names one of these facts (``{"fact": "budget.requested", "op": "<=", "value": 200}``).
A fact that the manifest does not carry is *not declared* — a different outcome from a
failed comparison, shown as such to the secretary.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

# Indicator keys of package-format.md (numbers unless noted).
INDICATOR_KEYS: dict[str, str] = {
    "invention_patent_applications": "申请发明专利（件）",
    "invention_patent_grants": "授权发明专利（件）",
    "ip_grants": "实用新型/软件著作权等知识产权授权（件）",
    "new_revenue": "新增产值或销售收入（万元）",
    "standards": "技术规范/标准（项）",
    "demo_sites": "示范点（个）",
    "new_products": "新产品（个）",
    "new_technologies": "新技术（项）",
    "new_varieties": "新品种（个）",
    "core_area_mu": "核心区面积（亩）",
    "demo_area_mu": "示范区/推广面积（亩）",
    "tech_transfers": "成果转化（项）",
    "masters_trained": "培养硕士（名）",
    "events": "科普/路演活动（场次）",
    "participants": "参与人次",
    "platform_level": "平台级别",
    # Declared facts the funding rules read (issue 21; docs/formats.md, "Package indicator keys
    # added for funding rules"). Booleans and enums unless noted.
    "above_scale": "规模以上企业",
    "hnte_first_time": "首次获认定高新技术企业",
    "rd_in_statistics": "研发投入纳入统计",
    "contest_group": "创新创业大赛组别",
    "contest_prize": "创新创业大赛获奖等次",
    "talent_points": "引才引智计点积分（分）",
    "innovation_team": "创新创业团队（非中小企业）",
    "premium_tier1": "保费（70%补贴险种，万元）",
    "premium_tier2": "保费（60%补贴险种，万元）",
    "premium_tier3": "保费（30%补贴险种，万元）",
    "tech_trade_volume": "促成技术交易额（万元）",
    "rd_spend": "研发经费投入（万元）",
    "platform_kind": "平台类型",
    "excellent_rating": "绩效考评获优秀等级",
}

PLATFORM_LEVELS = ("municipal", "autonomous_region", "national")

# fact name -> Chinese label shown in findings.
FACTS: dict[str, str] = {
    **{f"indicators.{k}": v for k, v in INDICATOR_KEYS.items()},
    "indicators.platform_rank": "平台级别序数（市级1/自治区级2/国家级3）",
    "budget.requested": "申请财政资助（万元）",
    "budget.self_funded": "自筹经费（万元）",
    "budget.total": "项目总经费（万元）",
    "budget.self_funded_ratio": "自筹经费与申请资助之比（倍）",
    "period.months": "实施期限（月）",
    "applicant.kind": "申报单位类型",
    "applicant.in_nanning": "申报单位主营在南宁",
    "partners.count": "合作单位数",
    "partners.enterprises": "合作企业数",
    "partners.universities_institutes": "合作高校/科研院所数",
    "members.count": "项目组成员数",
    "consortium.member_count": "成员单位数",
    "consortium.unit_kinds": "成员单位类型数",
    "consortium.nanning_ratio": "南宁成员单位占比",
    "consortium.enterprise_count": "企业成员数",
    "consortium.leader_revenue_last_year": "牵头单位上年度营业收入（万元）",
    "consortium.leader_rd_staff": "牵头单位全职研发人员（人）",
    "consortium.leader_rd_spend_3y_avg": "牵头单位近三年年均研发投入（万元）",
    "consortium.leader_rd_ratio_3y": "牵头单位近三年研发投入占销售收入比例",
    "consortium.leader_platform_count": "牵头单位研发平台数",
    "consortium.agreement_signed": "已签订联合体协议",
    **{f"documents.{k}": f"{v}（份）" for k, v in {
        "application_form": "申报书", "budget": "经费预算材料", "agreement": "合作协议",
        "certificate": "证明材料", "financial": "财务材料", "other": "其他材料"}.items()},
}

OPS = (">=", ">", "<=", "<", "==", "!=", "in")


def _months(start: str, end: str) -> int:
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    months = (e.year - s.year) * 12 + (e.month - s.month)
    # 2025-07-01..2027-06-30 is 24 months: count the end day as inclusive.
    if e.day >= s.day - 1:
        months += 1
    return max(months, 0)


def extract_facts(manifest: dict[str, Any]) -> dict[str, Any]:
    """All facts the manifest declares; absent ones are simply missing from the dict."""
    f: dict[str, Any] = {}
    for key, value in (manifest.get("indicators") or {}).items():
        f[f"indicators.{key}"] = value
    level = f.get("indicators.platform_level")
    if level in PLATFORM_LEVELS:
        f["indicators.platform_rank"] = PLATFORM_LEVELS.index(level) + 1
    budget = manifest.get("budget") or {}
    req, own = budget.get("requested"), budget.get("self_funded")
    if req is not None:
        f["budget.requested"] = req
    if own is not None:
        f["budget.self_funded"] = own
    if req is not None and own is not None:
        f["budget.total"] = req + own
        f["budget.self_funded_ratio"] = (own / req) if req else (math.inf if own else 0.0)
    period = manifest.get("period") or {}
    if period.get("start") and period.get("end"):
        f["period.months"] = _months(period["start"], period["end"])
    applicant = manifest.get("applicant") or {}
    if "kind" in applicant:
        f["applicant.kind"] = applicant["kind"]
    if "in_nanning" in applicant:
        f["applicant.in_nanning"] = applicant["in_nanning"]
    partners = manifest.get("partners")
    if partners is not None:
        f["partners.count"] = len(partners)
        f["partners.enterprises"] = sum(p.get("kind") == "enterprise" for p in partners)
        f["partners.universities_institutes"] = sum(
            p.get("kind") in ("university", "institute") for p in partners)
    if manifest.get("members") is not None:
        f["members.count"] = len(manifest["members"])
    docs = manifest.get("documents")
    if docs is not None:
        for kind in ("application_form", "budget", "agreement", "certificate", "financial", "other"):
            f[f"documents.{kind}"] = sum(d.get("kind") == kind for d in docs)
    c = manifest.get("consortium")
    if c:
        members = c.get("members") or []
        n = len(members)
        f["consortium.member_count"] = n
        f["consortium.unit_kinds"] = len({m.get("kind") for m in members})
        f["consortium.nanning_ratio"] = (sum(bool(m.get("in_nanning")) for m in members) / n) if n else 0.0
        f["consortium.enterprise_count"] = sum(m.get("kind") == "enterprise" for m in members)
        for key in ("leader_revenue_last_year", "leader_rd_staff", "leader_rd_spend_3y_avg",
                    "leader_rd_ratio_3y", "agreement_signed"):
            if c.get(key) is not None:
                f[f"consortium.{key}"] = c[key]
        if c.get("leader_platforms") is not None:
            f["consortium.leader_platform_count"] = len(c["leader_platforms"])
    return f
