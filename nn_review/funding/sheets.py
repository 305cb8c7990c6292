"""The funding outputs (issue 21): 拟资助项目汇总表 (signed PDF like the other sheets, and xlsx) and
the 公示名单 / 立项名单 (PDF and xlsx, public: no score, no expert name).

CONTRACT: signatures fixed; the outputs task implements them.
"""

from __future__ import annotations

from pathlib import Path

from ..pdf.signing import SigningIdentity
from ..store import Store


def write_plan_sheet(store: Store, session_id: int, out_dir: str | Path, *, sign: bool = False,
                     identity: SigningIdentity | None = None) -> list[Path]:
    """拟资助项目汇总表: per scope, ranked, amounts, the funding line, remaining budget. PDF + xlsx."""
    raise NotImplementedError("issue 21: outputs task")


def write_public_list(store: Store, session_id: int, out_dir: str | Path) -> list[Path]:
    """公示名单 (or 立项名单 once frozen) with the period dates. PDF + xlsx."""
    raise NotImplementedError("issue 21: outputs task")
