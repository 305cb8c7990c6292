"""Labels of the facts a guide rule may test (nn_review/checks/facts.py FACTS), per language.

The Chinese side is FACTS itself (one source: the findings the CLI prints stay as they were);
this module adds the English. Message id: ``fact.<fact name>``."""

from ..checks.facts import FACTS

_EN = {
    "indicators.invention_patent_applications": "invention patent applications",
    "indicators.invention_patent_grants": "invention patents granted",
    "indicators.ip_grants": "utility-model patents, software copyrights and other IP granted",
    "indicators.new_revenue": "new output value or sales revenue (CNY 10k)",
    "indicators.standards": "technical specifications / standards",
    "indicators.demo_sites": "demonstration sites",
    "indicators.new_products": "new products",
    "indicators.new_technologies": "new technologies",
    "indicators.new_varieties": "new varieties",
    "indicators.core_area_mu": "core area (mu)",
    "indicators.demo_area_mu": "demonstration / extension area (mu)",
    "indicators.tech_transfers": "results transferred",
    "indicators.masters_trained": "master's students trained",
    "indicators.events": "outreach / roadshow events",
    "indicators.participants": "participants",
    "indicators.platform_level": "platform level",
    "indicators.platform_rank": "platform level rank (municipal 1 / autonomous region 2 / national 3)",
    "budget.requested": "requested government funding (CNY 10k)",
    "budget.self_funded": "self-raised funds (CNY 10k)",
    "budget.total": "total project funds (CNY 10k)",
    "budget.self_funded_ratio": "self-raised funds to requested funding (times)",
    "period.months": "implementation period (months)",
    "applicant.kind": "applicant type",
    "applicant.in_nanning": "applicant's main business in Nanning",
    "partners.count": "partner units",
    "partners.enterprises": "partner enterprises",
    "partners.universities_institutes": "partner universities / research institutes",
    "members.count": "project team members",
    "consortium.member_count": "member units",
    "consortium.unit_kinds": "kinds of member units",
    "consortium.nanning_ratio": "share of member units in Nanning",
    "consortium.enterprise_count": "enterprise members",
    "consortium.leader_revenue_last_year": "lead unit's revenue last year (CNY 10k)",
    "consortium.leader_rd_staff": "lead unit's full-time R&D staff",
    "consortium.leader_rd_spend_3y_avg": "lead unit's average yearly R&D spending, last 3 years (CNY 10k)",
    "consortium.leader_rd_ratio_3y": "lead unit's R&D spending as a share of sales, last 3 years",
    "consortium.leader_platform_count": "lead unit's R&D platforms",
    "consortium.agreement_signed": "consortium agreement signed",
    "documents.application_form": "application forms",
    "documents.budget": "budget documents",
    "documents.agreement": "cooperation agreements",
    "documents.certificate": "certificates",
    "documents.financial": "financial documents",
    "documents.other": "other documents",
}

CATALOG = {f"fact.{name}": (zh, _EN[name]) for name, zh in FACTS.items()}
