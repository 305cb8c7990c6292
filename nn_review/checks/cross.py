"""Checks over all packages of a session: duplicates and the consortium membership limits.

Re-run on every import and removal, since adding one package can change another's verdict.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from ..i18n import M
from .engine import FAIL, PASS, FindingData, fold, finding

MAX_CONSORTIA_PER_UNIT = 3
SRC_LEADER = "001 第五条：一个牵头单位只能牵头组建一个创新联合体"
SRC_UNIT = "001 第五条：同一成员单位参加创新联合体不超过3个"
SRC_DUP_TITLE = "同一项目不得重复申报"
SRC_DUP_ITEM = "同一单位同一指南项目多次申报"
# The source texts of these findings are ours, not the guide's: shown in the UI language.
SOURCES = {SRC_LEADER: "check.src.leader", SRC_UNIT: "check.src.unit", SRC_DUP_TITLE: "check.src.dup_title",
           SRC_DUP_ITEM: "check.src.dup_item"}


def normalise_title(title: str) -> str:
    t = unicodedata.normalize("NFKC", title).casefold()
    return "".join(c for c in t if unicodedata.category(c)[0] not in "PZSC")


def cross_findings(packages: list[tuple[Hashable, dict[str, Any]]]) -> dict[Hashable, list[FindingData]]:
    """``packages``: (key, manifest) pairs of one session; returns findings per key."""
    out: dict[Hashable, list[FindingData]] = defaultdict(list)
    ids = {k: m.get("application_id", str(k)) for k, m in packages}
    manifests = dict(packages)

    def group(keyfn) -> dict[Any, list[Hashable]]:
        g: dict[Any, list[Hashable]] = defaultdict(list)
        for k, m in packages:
            key = keyfn(m)
            if key is not None:
                g[key].append(k)
        return g

    for title, keys in group(lambda m: normalise_title(m.get("title", ""))).items():
        for k in keys:
            others = [ids[o] for o in keys if o != k]
            out[k].append(finding(
                "X.DUP_TITLE", "cross", "error" if others else "info", FAIL if others else PASS,
                M("check.x.dup_title", others=others) if others else M("check.x.title_unique"),
                declared=title, source_text=SRC_DUP_TITLE))
    by_item = group(lambda m: (m["applicant"]["credit_code"], m.get("guide_item"))
                    if m.get("kind", "project") == "project" else None)
    for _key, keys in by_item.items():
        if len(keys) > 1:
            for k in keys:
                others = [ids[o] for o in keys if o != k]
                out[k].append(finding(
                    "X.DUP_APPLICANT_ITEM", "cross", "warning", FAIL, M("check.x.dup_item", others=others),
                    declared=f"项目{manifests[k].get('guide_item')}",
                    source_text=SRC_DUP_ITEM))

    consortia = [(k, m) for k, m in packages if m.get("kind") == "consortium_recognition" and m.get("consortium")]
    leaders: dict[str, list[Hashable]] = defaultdict(list)
    units: dict[str, list[Hashable]] = defaultdict(list)
    names: dict[str, str] = {}
    for k, m in consortia:
        leaders[m["applicant"]["credit_code"]].append(k)
        for member in m["consortium"].get("members", []):
            code = member.get("credit_code")
            if code and k not in units[code]:
                units[code].append(k)
                names[code] = member.get("name", code)
    for k, m in consortia:
        same = [ids[o] for o in leaders[m["applicant"]["credit_code"]] if o != k]
        out[k].append(finding(
            "X.CONS_LEADER_ONCE", "cross", "error" if same else "info", FAIL if same else PASS,
            M("check.x.leader_twice", others=same) if same else M("check.x.leader_once"),
            declared=f"牵头 {len(same) + 1} 个", threshold="≤ 1", source_text=SRC_LEADER))
        over = [(code, keys) for code, keys in units.items()
                if k in keys and len(keys) > MAX_CONSORTIA_PER_UNIT]
        if over:
            detail = fold("check.rule.semi", [M("check.x.unit_in", name=names[c], n=len(ks), ids=[ids[x] for x in ks])
                                               for c, ks in over])
            out[k].append(finding("X.CONS_UNIT_MAX3", "cross", "error", FAIL,
                                  M("check.x.units_over", max=MAX_CONSORTIA_PER_UNIT, detail=detail),
                                  declared=detail, threshold=f"≤ {MAX_CONSORTIA_PER_UNIT}", source_text=SRC_UNIT))
        else:
            out[k].append(finding("X.CONS_UNIT_MAX3", "cross", "info", PASS,
                                  M("check.x.units_ok", max=MAX_CONSORTIA_PER_UNIT),
                                  threshold=f"≤ {MAX_CONSORTIA_PER_UNIT}", source_text=SRC_UNIT))
    return out

