"""The 资金安排 table shows the plan's new flags (fix-plan): an adjustment above the current bound and
one enterprise over an item's per-enterprise annual ceiling, in the 提示 column, red, with a tooltip."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt

from nn_review.funding.model import OK, Computed
from nn_review.funding.plan import AppIn, build_scopes
from nn_review.i18n import M
from ui.funding_model import COLUMNS, FLAG_FG, FundingModel


def app(pk, **kw):
    base = dict(pk=pk, application_id=f"A{pk}", title="t", applicant="u", credit_code="SAME", guide_item=28,
                direction=None, route="rule", requested=D("100"), confirmed=True,
                computed=Computed(OK, D("20.00"), M("funding.edit.none")), rule_text="单个企业年最高补贴额不超过25万元")
    base.update(kw)
    return AppIn(**base)


def test_the_flags_column_shows_annual_ceiling_and_over_bound(qapp):
    (sc,) = build_scopes([app(1), app(2, cap=D("10"), adjusted=D("15"))], {})
    model = FundingModel()
    model.set_scope(sc)
    col = COLUMNS.index("flags")
    first, second = (model.index(r, col) for r in (0, 1))
    assert model.data(first) == "超年度上限"                       # 20 + 10 = 30 > 25
    assert model.data(second) == "超年度上限；调整超上限"           # 15 above the cap 10: counts 10
    assert model.data(second, Qt.ForegroundRole).color() == FLAG_FG
    text = model.data(second, Qt.ToolTipRole)
    assert "超过单个企业年度上限 25.00" in text and "超出现行上限 10.00" in text
