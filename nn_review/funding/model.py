"""The funding plan as plain data (issue 21): what ``plan.funding_plan`` returns and the sheets,
the CLI and the 资金安排 tab read. Money is ``Decimal`` in 万元, quantized to 0.01 (half-up) where
it is computed (docs/funding.md, "Amounts"), so the figures of a sheet add up as printed.

CONTRACT: fields may be added (with defaults), never renamed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..i18n import Msg

# Computed.status
OK, NOT_ELIGIBLE, NOT_DECLARED, NEEDS_PARAMS = "ok", "not_eligible", "not_declared", "needs_params"

# PlanLine.status
FUNDED = "funded"                  # above the funding line (panel) / eligible and within the plan (rule)
BELOW_LINE = "below_line"          # recommended, but the budget ran out before it (panel)
NOT_RECOMMENDED = "not_recommended"  # the panel's final recommendation is 不建议支持
NO_CONSENSUS = "no_consensus"      # the panel has not recorded its consensus yet
EXCLUDED = "excluded"              # 不予受理 at formal check
UNCONFIRMED = "unconfirmed"        # rule route: computed, the secretary has not reviewed it yet
INELIGIBLE = "ineligible"          # rule route: the rule gives nothing (not_eligible / not_declared / needs_params)
REVOKED = "revoked"                # an objection's outcome 撤销 (after 公示)


@dataclass(frozen=True)
class Computed:
    """The amount a rule gives one application."""
    status: str                              # OK | NOT_ELIGIBLE | NOT_DECLARED | NEEDS_PARAMS
    amount: Decimal | None                   # None unless status is OK
    formula: Msg                             # how it was computed, with the figures (zh/en)
    inputs: tuple[tuple[str, Any], ...] = ()  # (fact or param name, value) that the rule read


@dataclass(frozen=True)
class ExclusiveFlag:
    """Two applications of one applicant (credit code) that the guide says must not both be funded."""
    other_application_id: str
    other_item: int | None
    text: str                                # the guide's sentence (不能重复享受…)


@dataclass(frozen=True)
class AnnualCapFlag:
    """One applicant (credit code) whose lines in one item (or direction) together exceed the guide's
    per-enterprise annual ceiling (单个企业年最高…): flagged for the secretary, never cut silently."""
    item: int
    direction: int | None
    total: Decimal                           # Σ proposed of the applicant's lines there
    cap: Decimal                             # the per-enterprise annual ceiling
    application_ids: tuple[str, ...]         # all of the applicant's lines there (this one included)
    text: str                                # the guide's sentence


@dataclass
class PlanLine:
    pk: int
    application_id: str
    title: str
    applicant: str
    credit_code: str
    guide_item: int | None
    direction: int | None
    route: str                               # panel | rule
    requested: Decimal
    rank: int | None = None                  # panel: rank within the guide item
    score: Decimal | None = None             # panel: the project score
    recommendation: str | None = None        # panel: the consensus' final recommendation id
    cap: Decimal | None = None               # the rule's per-application ceiling, if any
    computed: Computed | None = None         # rule route, or a panel item whose rule sets the amount
    approved: Decimal | None = None          # 核定金额 set by the panel
    approved_reason: str = ""
    adjusted: Decimal | None = None          # the secretary's 核减/调整
    adjusted_reason: str = ""
    confirmed: bool = False                  # rule route: the secretary reviewed the computed amount
    proposed: Decimal | None = None          # what this application would receive; None: not a candidate
    status: str = ""                         # one of the PlanLine statuses above
    cumulative: Decimal | None = None        # panel: Σ proposed of this and the funded lines before it
    flags: list[ExclusiveFlag] = field(default_factory=list)
    adjust_bound: Decimal | None = None      # the current upper bound of an adjustment (see plan.adjust_bound)
    adjust_over: bool = False                # the stored adjustment exceeds adjust_bound: proposed is the bound
    annual_flags: list[AnnualCapFlag] = field(default_factory=list)
    objection: str = ""                      # after the 公示: the applied outcome, e.g. "异议调整 23.00→20.00"


@dataclass
class ScopePlan:
    """One budget: a guide item, or a plan type whose items have no budget of their own."""
    scope: str                               # "item:11" | "plan:key_rd"
    title: str                               # 项目11 广西南宁国家农业科技园区能力建设 | 重点研发计划
    route: str                               # panel | rule | mixed
    budget: Decimal | None                   # None: no budget entered (no funding line)
    lines: list[PlanLine]                    # panel: candidates in rank order, then the others; rule: by id
    line_after: int | None = None            # panel: number of lines above the funding line; None without budget
    allocated: Decimal = Decimal(0)          # Σ proposed of the funded lines
    remaining: Decimal | None = None         # budget − allocated
    over_budget: Decimal | None = None       # rule route: allocated − budget when positive
    rule_text: str = ""                      # the guide's funding sentence(s), printed on the sheet


@dataclass(frozen=True)
class ObjectionInfo:
    id: int
    application_id: str
    received_date: date
    text: str
    outcome: str                             # '' | maintain | adjust | revoke
    amount: Decimal | None
    reason: str
    actor: str
    recorded_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class PublicityInfo:
    state: str                               # published | frozen
    start_date: date
    end_date: date
    published_at: datetime
    list_sha256: str
    frozen_at: datetime | None
    frozen_sha256: str | None
    objections: tuple[ObjectionInfo, ...] = ()


@dataclass
class FundingPlan:
    session_id: int
    session_name: str
    session_state: str                       # open | finalised
    guide_title: str
    rules_source: str                        # the guide edition/version the funding rules come from
    scopes: list[ScopePlan]
    missing_params: list[tuple[int, int, str]] = field(default_factory=list)  # (item, direction, param id)
    publicity: PublicityInfo | None = None
    data_hash: str = ""                      # SHA-256 of the plan's figures (printed on the sheet)
    rules_sha256: str = ""                   # sha256 of the guide edition row the rules come from
    rules_pinned: bool = False               # the rules are those pinned at 公示 (list JSON "rules_sha256")

    def line(self, application_id: str) -> PlanLine | None:
        return next((ln for sc in self.scopes for ln in sc.lines if ln.application_id == application_id), None)
