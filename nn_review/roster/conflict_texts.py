"""The reasons of automatic conflicts (conflicts._reasons) in the UI's language (issue 15 item 12).

A reason is stored as its Chinese sentence (``Conflict.reason``: re-detection matches on it, the
audit quotes it), so it is read back here by the very templates that wrote it; a reason typed by
the secretary (manual) or declared by an expert matches none and is shown as it is — it is data."""

from __future__ import annotations

import re

from ..i18n import M, Msg, render

_ROLES = {"申报单位": "applicant", "合作单位": "partner", "项目负责人": "leader", "项目组成员": "member"}
_ROLE = "(?P<role>" + "|".join(_ROLES) + ")"
_TEMPLATES = [
    ("same_code", rf"专家单位与{_ROLE}“(?P<name>.*)”相同（统一社会信用代码 (?P<code>[^）]*)）"),
    ("same_unit", rf"专家单位“(?P<unit>.*)”与{_ROLE}“(?P<name>.*)”为同一单位（名称一致）"),
    ("declared_unit", rf"专家声明回避单位“(?P<unit>.*)”，为本项目{_ROLE}"),
    ("same_person", rf"专家为本项目{_ROLE}（姓名“(?P<name>.*)”、单位“(?P<unit>.*)”一致）"),
    ("same_name", rf"专家与本项目{_ROLE}同名（“(?P<name>.*)”，其单位为“(?P<unit>.*)”，专家单位为“(?P<expert_unit>.*)”），"
                  r"请核实；确非本人可撤销"),
    ("same_name_no_unit", rf"专家与本项目{_ROLE}同名（“(?P<name>.*)”，申报材料未注明其单位），请核实；确非本人可撤销"),
    ("declared_person", rf"专家声明回避人员“(?P<person>.*)”，为本项目{_ROLE}"),
    ("recused", r"专家评审时申请回避：(?P<reason>.*)"),  # exchange/scores_import.py DECLARED (the reason: data)
]
_COMPILED = [(key, re.compile(pattern)) for key, pattern in _TEMPLATES]


def reason_msg(reason: str) -> Msg | None:
    """The Msg of an automatic reason; None for any other text."""
    for key, pattern in _COMPILED:
        m = pattern.fullmatch(reason or "")
        if m:
            params = m.groupdict()
            if "role" in params:
                params["role"] = M(f"roster.conflict.role.{_ROLES[params['role']]}")
            if params.get("reason") == "（未写明理由）":
                params["reason"] = M("roster.conflict.no_reason")
            return M(f"roster.conflict.{key}", **params)
    return None


def reason_text(reason: str, lang: str | None = None) -> str:
    """``reason`` in ``lang`` (the process language by default); other texts as they are."""
    msg = reason_msg(reason)
    return reason if msg is None else render(msg, lang)
