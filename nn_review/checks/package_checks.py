"""Formal checks of one package against its guide edition (形式审查, single-package part)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..guide import Guide
from ..package.pdfscan import FEATURES_ZH
from ..textsafe import hidden_chars, marked
from ..i18n import M, Msg, catalog
from .engine import FAIL, MANUAL, PASS, FindingData, finding, requirement_finding
from .facts import extract_facts

MAX_HIDDEN_FINDINGS = 20
SRC_HIDDEN = "文本字段应为纯文本：不可见字符（零宽字符等）与文字方向控制字符可使名称看起来与实际不同"
# Fields the tool sets itself (read_package), not text from the package.
_TOOL_FIELDS = {"pdf_findings"}

SRC_PDF = "申报材料应为普通 PDF 文档：脚本、启动外部程序的动作与嵌入文件可被用来攻击打开文档的计算机"

KIND_ZH = {"project": "科技计划项目", "consortium_recognition": "创新联合体认定",
           "consortium_evaluation": "创新联合体三年评估"}


# Where a contract finding's source text is one of ours, the text shown for it (as 依据).
SOURCES = {"package-format.md": "check.src.format", SRC_HIDDEN: "check.src.hidden", SRC_PDF: "check.src.pdf",
           **{zh: f"check.src.kind.{kind}" for kind, zh in KIND_ZH.items()}}


def _f(rule_id: str, ok: bool, msg: Msg, *, declared="", threshold="", severity_fail="error",
       source="package-format.md", message: str | None = None) -> FindingData:
    return finding(rule_id, "contract", "info" if ok else severity_fail, PASS if ok else FAIL,
                   msg, str(declared), str(threshold), source, message=message)


def check_package(guide: Guide, manifest: dict[str, Any], *, review_start: date | None = None) -> list[FindingData]:
    out: list[FindingData] = []
    edition = manifest.get("guide_edition")
    ok = edition == guide.edition
    # The secretary reads the guide's title; the CLI keeps the edition ids.
    out.append(_f("K.EDITION", ok, M("check.k.edition_ok") if ok else
                  M("check.k.edition_other", declared=str(edition), title=guide.title, edition=guide.edition),
                  declared=edition, threshold=guide.edition,
                  message=None if ok else f"申报包按指南版本 {edition!r} 申报，本批次使用 {guide.edition!r}"))
    out.extend(_period_budget(manifest, review_start))
    out.extend(_hidden_text(manifest))
    out.extend(_pdf_active(manifest))
    kind = manifest.get("kind", "project")
    facts = extract_facts(manifest)
    if kind == "project":
        out.extend(_project(guide, manifest, facts))
    elif kind == "consortium_recognition":
        out.extend(requirement_finding(r, facts, "consortium") for r in guide.consortium_requirements)
    else:
        out.append(finding("K.KIND", "contract", "info", MANUAL, M("check.k.evaluation"), source_text=KIND_ZH[kind]))
    return out


def _project(guide: Guide, manifest: dict[str, Any], facts: dict[str, Any]) -> list[FindingData]:
    number, direction = manifest.get("guide_item"), manifest.get("direction")
    item = guide.item(number) if isinstance(number, int) else None
    if item is None:
        return [_f("K.ITEM", False, M("check.k.item_missing", number=str(number), count=len(guide.items)),
                   declared=number, threshold=f"1–{len(guide.items)}")]
    out = [_f("K.ITEM", True, M("check.k.item", number=number, title=item.title), declared=number)]
    if direction is None:
        if item.needs_direction:
            out.append(_f("K.DIRECTION", False, M("check.k.direction_missing", number=number, count=len(item.directions)),
                          declared="未填写", threshold=f"方向1–{len(item.directions)}"))
            # Without a direction only the item-wide requirements apply.
            return out + [requirement_finding(r, facts, "guide")
                          for r in guide.requirements_for(item, None)]
        direction = 1
    elif item.direction(direction) is None:
        out.append(_f("K.DIRECTION", False, M("check.k.direction_unknown", number=number, direction=str(direction)),
                      declared=direction, threshold=f"方向1–{len(item.directions)}"))
        return out + [requirement_finding(r, facts, "guide") for r in guide.requirements_for(item, None)]
    else:
        d = item.direction(direction)
        label = d.title or (d.text[:40] + ("…" if len(d.text) > 40 else ""))
        out.append(_f("K.DIRECTION", True, M("check.k.direction", direction=direction, label=label), declared=direction))
    out.extend(requirement_finding(r, facts, "guide") for r in guide.requirements_for(item, direction))
    return out


def _period_budget(manifest: dict[str, Any], review_start: date | None) -> list[FindingData]:
    out = []
    period = manifest.get("period") or {}
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    if review_start is not None and end < review_start:
        out.append(_f("K.PERIOD", False, M("check.k.period_over", end=str(end), start=str(review_start)),
                      declared=f"{start}–{end}", threshold=f"结束日 ≥ {review_start}", severity_fail="warning"))
    else:
        out.append(_f("K.PERIOD", True, M("check.k.period", start=str(start), end=str(end)), declared=f"{start}–{end}"))
    budget = manifest.get("budget") or {}
    requested = budget.get("requested", 0)
    if manifest.get("kind", "project") == "project" and not requested:
        out.append(_f("K.BUDGET", False, M("check.k.budget_zero"), declared=requested,
                      threshold="＞ 0", severity_fail="warning"))
    else:
        out.append(_f("K.BUDGET", True, M("check.k.budget", requested=f"{requested:.2f}",
                                          own=f"{budget.get('self_funded', 0):.2f}"), declared=requested))
    return out


def _strings(value: Any, path: str):
    """(path, text) of every string in the manifest, in document order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, v in value.items():
            if key not in _TOOL_FIELDS:
                yield from _strings(v, f"{path}.{key}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")


def _hidden_text(manifest: dict[str, Any]) -> list[FindingData]:
    """Bidi overrides and zero-width characters in any text of the package (issue 12): shown
    marked, and a warning for the secretary — not a refusal, the text may be genuine."""
    found = [(path, text, hidden_chars(text)) for path, text in _strings(manifest, "manifest")]
    found = [f for f in found if f[2]]
    # The UI names the field in words (the JSON path and the code points are the detail: ``path``,
    # ``chars``); the CLI's message keeps them in the text.
    out = [_f("K.HIDDEN_CHARS", False, M("check.k.hidden", field=M(_field_key(path)), text=_short(marked(text)),
                                         path=path, chars=list(chars)),
              declared=_short(marked(text)), threshold="不含此类字符", severity_fail="warning", source=SRC_HIDDEN,
              message=f"{path} 含不可见字符或文字方向控制字符：{'、'.join(chars)}；实际内容为“{_short(marked(text))}”")
           for path, text, chars in found[:MAX_HIDDEN_FINDINGS]]
    if len(found) > MAX_HIDDEN_FINDINGS:
        out.append(_f("K.HIDDEN_CHARS", False, M("check.k.hidden_more", n=len(found) - MAX_HIDDEN_FINDINGS),
                      severity_fail="warning", source=SRC_HIDDEN))
    return out


_FIELDS = (("manifest.title", "check.field.title"), ("manifest.applicant.", "check.field.applicant"),
           ("manifest.leader.", "check.field.leader"), ("manifest.partners[", "check.field.partner"),
           ("manifest.members[", "check.field.member"), ("manifest.documents[", "check.field.document"),
           ("manifest.consortium.", "check.field.consortium"))


def _field_key(path: str) -> str:
    return next((key for prefix, key in _FIELDS if path == prefix or path.startswith(prefix)), "check.field.other")


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _pdf_active(manifest: dict[str, Any]) -> list[FindingData]:
    """Documents whose PDF carries scripts, launch actions, embedded files or an owner password
    (found by read_package, stored as documents[].pdf_findings): accepted, flagged (issue 12)."""
    out = []
    for d in manifest.get("documents") or []:
        codes = d.get("pdf_findings") or []
        if codes:
            what = "；".join(FEATURES_ZH.get(c, c) for c in codes)
            features = [M(f"check.pdf.{c}") if f"check.pdf.{c}" in catalog() else c for c in codes]
            title, path = marked(d.get("title", "")), marked(d.get("path", ""))
            out.append(_f("K.PDF_ACTIVE", False, M("check.k.pdf_active", title=title, features=features, path=path,
                                                   codes=list(codes)),
                          declared=what, threshold="普通 PDF（无脚本、动作、嵌入文件）", severity_fail="warning",
                          source=SRC_PDF, message=f"文档“{title}”（{path}）含：{what}。"
                          "本工具不执行、不提取这些内容；请在隔离环境中打开核实"))
    return out
