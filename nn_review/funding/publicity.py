"""公示, objections (异议) and 立项 (issue 21; docs/funding.md, "公示 and 立项").

CONTRACT: signatures fixed; the outputs task implements them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..changes import operation
from ..store import Store
from .model import PublicityInfo

OUTCOMES = {"maintain": "维持", "adjust": "调整", "revoke": "撤销"}


def public_list(store: Store, session_id: int) -> list[dict]:
    """The public entries (申报编号, 项目名称, 申报单位, 拟资助金额 and the item) of the current plan,
    or of the published / frozen list once there is one. Never a score nor an expert's name."""
    raise NotImplementedError("issue 21: outputs task")


def publicity_info(store: Store, session_id: int) -> PublicityInfo | None:
    raise NotImplementedError("issue 21: outputs task")


@operation
def start_publicity(store: Store, session_id: int, start: date, end: date) -> PublicityInfo:
    """Publish: the session must be finalised, every line decided (consensus, 秘书审核); the list
    is stored (canonical JSON + SHA-256) and the plan is locked."""
    raise NotImplementedError("issue 21: outputs task")


@operation
def record_objection(store: Store, session_id: int, application: str | int, *, received: date, text: str) -> int:
    raise NotImplementedError("issue 21: outputs task")


@operation
def decide_objection(store: Store, objection_id: int, outcome: str, *, reason: str,
                     amount: Decimal | str | None = None) -> None:
    """``outcome`` maintain | adjust (with the new ``amount``) | revoke; reason required."""
    raise NotImplementedError("issue 21: outputs task")


@operation
def freeze(store: Store, session_id: int, *, today: date | None = None) -> PublicityInfo:
    """立项: after the 公示 period, with every objection decided: the final list is stored."""
    raise NotImplementedError("issue 21: outputs task")
