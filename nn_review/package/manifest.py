"""Validation of ``manifest.json`` against package-format.md ("Fields").

Hand-written rather than a JSON schema so that every refusal names the field
(``manifest.partners[0].credit_code``, list indices 0-based) and says in Chinese what
was found and what was expected. The result is a normalised deep copy; unknown fields
are kept, since a later ``nnpkg/1.x`` may add optional ones.
"""

from __future__ import annotations

import copy
import json
import math
import re
import unicodedata
from datetime import date
from typing import Any, NoReturn

from ..creditcode import credit_code_error
from .errors import PackageRefused
from .zipsafe import name_problem

FORMAT_RE = re.compile(r"nnpkg/1(?:\.\d+)?")
KINDS = {"project": "科技计划项目", "consortium_recognition": "创新联合体认定",
         "consortium_evaluation": "创新联合体三年评估"}
CONSORTIUM_KINDS = ("consortium_recognition", "consortium_evaluation")
UNIT_KINDS = {"enterprise": "企业", "university": "高校", "institute": "科研院所", "hospital": "医院",
              "service_org": "服务机构", "other": "其他"}
ROLES = {"core": "核心层", "close": "紧密合作", "general": "一般协作"}
LAYERS = {"leader": "牵头单位", **ROLES}
DOC_KINDS = {"application_form": "申报书", "budget": "预算", "agreement": "合作协议", "certificate": "证明材料",
             "financial": "财务资料", "other": "其他"}
PLATFORM_LEVELS = {"national": "国家级", "autonomous_region": "自治区级", "municipal": "市级"}
NUMERIC_INDICATORS = {"invention_patent_applications": "申请发明专利", "invention_patent_grants": "授权发明专利",
                      "ip_grants": "实用新型/软件著作权等授权", "new_revenue": "新增产值或销售收入",
                      "standards": "技术规范/标准", "demo_sites": "示范点", "new_products": "新产品",
                      "new_technologies": "新技术", "new_varieties": "新品种", "core_area_mu": "核心区面积",
                      "demo_area_mu": "示范区/推广面积", "tech_transfers": "成果转化", "masters_trained": "培养硕士",
                      "events": "科普/路演活动场次", "participants": "参与人次",
                      # issue 21: facts of the funding rules (docs/formats.md)
                      "talent_points": "引才引智计点积分", "premium_tier1": "保费（70%补贴险种）",
                      "premium_tier2": "保费（60%补贴险种）", "premium_tier3": "保费（30%补贴险种）",
                      "tech_trade_volume": "促成技术交易额", "rd_spend": "研发经费投入"}
# issue 21: yes/no facts and named values the funding rules read (docs/formats.md)
BOOL_INDICATORS = {"above_scale": "规模以上企业", "hnte_first_time": "首次获认定高新技术企业",
                   "rd_in_statistics": "研发投入纳入统计", "innovation_team": "创新创业团队（非中小企业）",
                   "excellent_rating": "绩效考评获优秀等级"}
CONTEST_GROUPS = {"startup": "初创企业组", "growth": "成长企业组"}
CONTEST_PRIZES = (0, 3)          # 1–3: 一二三等奖; 0: 进入决赛未获一二三等奖
PLATFORM_KINDS = {"key_lab": "重点实验室", "engineering_center": "工程技术研究中心",
                  "innovation_platform": "其他科技创新平台", "incubator": "科技企业孵化器",
                  "maker_space": "众创空间", "star_space": "星创天地"}
LEADER_NUMBERS = {"leader_revenue_last_year": "牵头单位上年度营业收入", "leader_rd_staff": "牵头单位全职研发人员数",
                  "leader_rd_spend_3y_avg": "牵头单位近三年年均研发投入", "leader_rd_ratio_3y": "牵头单位近三年研发投入占比"}
MAX_TEXT = 200
# Ranges (issue 12; documented in docs/package-limits.md). A value outside is a refusal naming
# the field, decided here — the one validation that `package check` and `session import` share.
MONEY_MAX = 100_000_000          # 万元: 1 万亿元 (10^12 元)
COUNT_MAX = 1_000_000            # patents, standards, sites, products, staff …
PEOPLE_MAX = 1_000_000_000       # 参与人次
AREA_MAX = 1_000_000_000         # 亩
GUIDE_ITEM_RANGE = (1, 999)      # the seed guide has 项目1–38; whether the item exists is a formal check
DIRECTION_RANGE = (1, 99)
YEAR_RANGE = (2000, 2099)        # implementation period dates
# Anywhere in the manifest, unknown fields included (they are kept and stored):
MAX_DEPTH = 20                   # nesting of objects/arrays (the format itself needs 5)
MAX_ABS_NUMBER = 10 ** 15        # exact as a float and as an SQLite INTEGER
MAX_STRING = 20_000              # characters of any string value
MAX_KEY = 200                    # characters of any object key
MAX_ITEMS = 10_000               # members of any array or object
MONEY_UNIT = "万元（即 1 万亿元）"
INDICATOR_MAX = {"new_revenue": (MONEY_MAX, "万元"), "core_area_mu": (AREA_MAX, "亩"),
                 "demo_area_mu": (AREA_MAX, "亩"), "participants": (PEOPLE_MAX, "人次"),
                 "talent_points": (1000, "分"), "premium_tier1": (MONEY_MAX, "万元"),
                 "premium_tier2": (MONEY_MAX, "万元"), "premium_tier3": (MONEY_MAX, "万元"),
                 "tech_trade_volume": (MONEY_MAX, "万元"), "rd_spend": (MONEY_MAX, "万元")}
LEADER_MAX = {"leader_revenue_last_year": (MONEY_MAX, MONEY_UNIT), "leader_rd_staff": (COUNT_MAX, "人"),
              "leader_rd_spend_3y_avg": (MONEY_MAX, MONEY_UNIT), "leader_rd_ratio_3y": (math.inf, "")}  # > 1 has its own message
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_APP_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")


def _desc(v: Any) -> str:
    """What was found, for messages."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return f"布尔值 {str(v).lower()}"
    if isinstance(v, int) and abs(v) >= 10 ** 20:  # 400 digits say nothing more (and str() stops at 4300)
        try:
            digits = f" {len(str(abs(v)))} 位"
        except ValueError:
            digits = f"约 {int(abs(v).bit_length() * math.log10(2)) + 1} 位"
        return f"一个{digits}的{'负' if v < 0 else ''}整数"
    if isinstance(v, (int, float)):
        return f"数字 {v!r}"
    if isinstance(v, str):
        return "字符串 " + json.dumps(v if len(v) <= 40 else v[:40] + "…", ensure_ascii=False)
    if isinstance(v, list):
        return f"数组（{len(v)} 项）"
    return "对象" if isinstance(v, dict) else type(v).__name__


def _choices(options: dict[str, str]) -> str:
    return "、".join(f"{k}（{zh}）" for k, zh in options.items())


class _Checker:
    def __init__(self, file: str):
        self.file = file

    def fail(self, path: str, message: str, code: str = "manifest.field") -> NoReturn:
        raise PackageRefused(self.file, path, code, message)

    def get(self, obj: dict, key: str, path: str, label: str) -> Any:
        """``obj[key]`` of a required field: absent and null are both refused."""
        value = obj.get(key)
        if value is None:
            self.fail(f"{path}.{key}", f"缺少必填字段：{label}（{key}）" if key not in obj
                      else f"{label}（{key}）不能为 null")
        return value

    def obj(self, v: Any, path: str, label: str) -> dict:
        if not isinstance(v, dict):
            self.fail(path, f"{label}应为对象 {{…}}，实际为{_desc(v)}")
        return v

    def arr(self, v: Any, path: str, label: str) -> list:
        if not isinstance(v, list):
            self.fail(path, f"{label}应为数组 […]，实际为{_desc(v)}")
        return v

    def text(self, v: Any, path: str, label: str, max_len: int = MAX_TEXT) -> str:
        """Single-line plain text: trimmed, NFC, 1..max_len characters, no control characters."""
        if not isinstance(v, str):
            self.fail(path, f"{label}应为字符串，实际为{_desc(v)}")
        s = unicodedata.normalize("NFC", v.strip())
        if not s:
            self.fail(path, f"{label}不能为空")
        if len(s) > max_len:
            self.fail(path, f"{label}最长 {max_len} 个字符，实际 {len(s)} 个")
        if m := _CONTROL.search(s):
            self.fail(path, f"{label}含控制字符 U+{ord(m.group()):04X}（如换行、制表符）；应为单行纯文本")
        return s

    def opt_text(self, obj: dict, key: str, path: str, label: str) -> None:
        if obj.get(key) is not None:
            obj[key] = self.text(obj[key], f"{path}.{key}", label)

    def integer(self, v: Any, path: str, label: str, lo: int, hi: int) -> int:
        if not isinstance(v, int) or isinstance(v, bool):
            self.fail(path, f"{label}应为整数，实际为{_desc(v)}")
        if not lo <= v <= hi:
            self.fail(path, f"{label}应在 {lo}–{hi} 之间，实际为{_desc(v)}", code="manifest.range")
        return v

    def number(self, v: Any, path: str, label: str, hi: float, unit: str = "") -> float | int:
        """A number in 0..hi; JSON true/false are not numbers even though Python says so."""
        if not isinstance(v, (int, float)) or isinstance(v, bool) or (isinstance(v, float) and not math.isfinite(v)):
            self.fail(path, f"{label}应为数字，实际为{_desc(v)}")
        if v < 0:
            self.fail(path, f"{label}不能为负数，实际为{_desc(v)}")
        if v > hi:
            self.fail(path, f"{label}应在 0 至 {hi} {unit}之间，实际为{_desc(v)}", code="manifest.range")
        return v

    def boolean(self, v: Any, path: str, label: str) -> bool:
        if not isinstance(v, bool):
            self.fail(path, f"{label}应为 true 或 false，实际为{_desc(v)}")
        return v

    def enum(self, v: Any, path: str, label: str, options: dict[str, str]) -> str:
        if not isinstance(v, str) or v not in options:
            self.fail(path, f"{label}应为 {_choices(options)} 之一，实际为{_desc(v)}")
        return v

    def iso_date(self, v: Any, path: str, label: str) -> date:
        try:
            if isinstance(v, str) and _ISO_DATE.fullmatch(v):
                d = date.fromisoformat(v)
                if not YEAR_RANGE[0] <= d.year <= YEAR_RANGE[1]:
                    self.fail(path, f"{label}的年份应在 {YEAR_RANGE[0]}–{YEAR_RANGE[1]} 之间，实际为 {v}",
                              code="manifest.range")
                return d
        except ValueError:
            pass
        self.fail(path, f"{label}应为有效的 ISO 日期 YYYY-MM-DD（如 2025-07-01），实际为{_desc(v)}")

    def credit_code(self, v: Any, path: str, label: str) -> str:
        code = v.strip().upper() if isinstance(v, str) else v
        if err := credit_code_error(code):
            self.fail(path, f"{label}的统一社会信用代码无效：{_desc(v)}，{err}", code="manifest.credit_code")
        return code

    def unit(self, u: Any, path: str, label: str) -> dict:
        """An organisation: name, credit_code, kind, in_nanning (applicant, partner, consortium member)."""
        u = self.obj(u, path, label)
        u["name"] = self.text(self.get(u, "name", path, f"{label}名称"), f"{path}.name", f"{label}名称")
        u["credit_code"] = self.credit_code(self.get(u, "credit_code", path, f"{label}统一社会信用代码"),
                                            f"{path}.credit_code", label)
        self.enum(self.get(u, "kind", path, f"{label}类型"), f"{path}.kind", f"{label}类型", UNIT_KINDS)
        self.boolean(self.get(u, "in_nanning", path, f"{label}是否主营在南宁"), f"{path}.in_nanning",
                     f"{label}是否主营在南宁")
        return u


def validate_manifest(data: Any, file: str) -> dict[str, Any]:
    """The normalised manifest, or PackageRefused naming the first offending field."""
    c = _Checker(file)
    _depth(c, data)  # before deepcopy, which recurses
    m = copy.deepcopy(c.obj(data, "manifest", "manifest.json 的内容"))
    p = "manifest"
    fmt = m.get("format")
    if not isinstance(fmt, str) or not FORMAT_RE.fullmatch(fmt):
        found = "缺失" if "format" not in m else "为" + _desc(fmt)
        c.fail("manifest.format", f"格式版本应为 \"nnpkg/1\" 或 \"nnpkg/1.x\"，实际{found}（若为更高版本，请升级评审工具）",
               code="manifest.format")
    kind = m["kind"] = "project" if m.get("kind") is None else \
        c.enum(m["kind"], "manifest.kind", "申报类别", KINDS)
    app_id = c.get(m, "application_id", p, "申报编号")
    if not isinstance(app_id, str) or not _APP_ID.fullmatch(app_id):
        c.fail("manifest.application_id",
               f"申报编号应为 1–40 位英文字母、数字、“-”或“_”，实际为{_desc(app_id)}")
    m["guide_edition"] = c.text(c.get(m, "guide_edition", p, "指南版本"), "manifest.guide_edition", "指南版本")
    _guide_item(c, m, kind)
    m["title"] = c.text(c.get(m, "title", p, "项目名称"), "manifest.title", "项目名称")
    applicant = m["applicant"] = c.unit(c.get(m, "applicant", p, "申报单位"), "manifest.applicant", "申报单位")
    c.opt_text(applicant, "district", "manifest.applicant", "申报单位所在城区")
    _people(c, m)
    _period_budget(c, m)
    _indicators(c, m)
    _consortium(c, m, kind)
    _documents(c, m)
    _bounds(c, m)  # last: the named fields above give the more specific message
    return m


def _depth(c: _Checker, data: Any) -> None:
    stack = [(data, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            if d > MAX_DEPTH:
                c.fail("manifest.json", f"manifest.json 嵌套层数超过 {MAX_DEPTH} 层；申报包格式只需要 5 层",
                       code="manifest.too_deep")
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))


def _bounds(c: _Checker, m: dict) -> None:
    """Every value, unknown fields included (they are kept, stored and shown): finite numbers of
    sane size, strings, keys and arrays of sane length."""
    stack: list[tuple[Any, str]] = [(m, "manifest")]
    while stack:
        v, path = stack.pop()
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, (int, float)):
            if isinstance(v, float) and not math.isfinite(v):
                c.fail(path, f"字段值应为有限的数字，实际为 {v!r}", code="manifest.range")
            if abs(v) > MAX_ABS_NUMBER:
                c.fail(path, f"数值超出允许范围（绝对值不超过 10^15），实际为{_desc(v)}", code="manifest.range")
        elif isinstance(v, str):
            if len(v) > MAX_STRING:
                c.fail(path, f"字符串最长 {MAX_STRING} 个字符，实际 {len(v)} 个", code="manifest.range")
        elif isinstance(v, (dict, list)):
            if len(v) > MAX_ITEMS:
                c.fail(path, f"最多 {MAX_ITEMS} 项，实际 {len(v)} 项", code="manifest.range")
            if isinstance(v, list):
                stack.extend((x, f"{path}[{i}]") for i, x in enumerate(v))
                continue
            for key, x in v.items():
                if len(key) > MAX_KEY:
                    c.fail(path, f"键名最长 {MAX_KEY} 个字符，实际 {len(key)} 个", code="manifest.range")
                stack.append((x, f"{path}.{key}"))


def _guide_item(c: _Checker, m: dict, kind: str) -> None:
    # Only the type here: whether the item exists is a formal check against the guide.
    if kind == "project":
        c.integer(c.get(m, "guide_item", "manifest", "指南项目编号"), "manifest.guide_item", "指南项目编号",
                  *GUIDE_ITEM_RANGE)
    elif m.get("guide_item") is not None:
        c.fail("manifest.guide_item", f"{KINDS[kind]}申报包的指南项目编号应为 null，实际为{_desc(m['guide_item'])}")
    else:
        m["guide_item"] = None
    if m.get("direction") is not None:
        c.integer(m["direction"], "manifest.direction", "方向编号", *DIRECTION_RANGE)
    m["direction"] = m.get("direction")


def _people(c: _Checker, m: dict) -> None:
    if m.get("partners") is not None:
        for i, u in enumerate(c.arr(m["partners"], "manifest.partners", "合作单位列表")):
            path, label = f"manifest.partners[{i}]", f"第{i + 1}个合作单位"
            c.unit(u, path, label)
            if u.get("role") is not None:
                c.enum(u["role"], f"{path}.role", f"{label}合作层级", ROLES)
    if m.get("leader") is not None:
        leader = c.obj(m["leader"], "manifest.leader", "项目负责人")
        leader["name"] = c.text(c.get(leader, "name", "manifest.leader", "项目负责人姓名"),
                                "manifest.leader.name", "项目负责人姓名")
        c.opt_text(leader, "title", "manifest.leader", "项目负责人职称")
        c.opt_text(leader, "unit", "manifest.leader", "项目负责人所在单位")
    if m.get("members") is not None:
        for i, person in enumerate(c.arr(m["members"], "manifest.members", "项目组成员列表")):
            path, label = f"manifest.members[{i}]", f"第{i + 1}个项目组成员"
            c.obj(person, path, label)
            person["name"] = c.text(c.get(person, "name", path, f"{label}姓名"), f"{path}.name", f"{label}姓名")
            c.opt_text(person, "title", path, f"{label}职称")
            c.opt_text(person, "unit", path, f"{label}单位")


def _period_budget(c: _Checker, m: dict) -> None:
    period = c.obj(c.get(m, "period", "manifest", "实施期限"), "manifest.period", "实施期限")
    start = c.iso_date(c.get(period, "start", "manifest.period", "开始日期"), "manifest.period.start", "开始日期")
    end = c.iso_date(c.get(period, "end", "manifest.period", "结束日期"), "manifest.period.end", "结束日期")
    if start > end:
        c.fail("manifest.period.end", f"结束日期 {end} 早于开始日期 {start}；应不早于开始日期")
    budget = c.obj(c.get(m, "budget", "manifest", "经费预算"), "manifest.budget", "经费预算")
    for key, label in (("requested", "申请财政资助（万元）"), ("self_funded", "自筹经费（万元）")):
        c.number(c.get(budget, key, "manifest.budget", label), f"manifest.budget.{key}", label, MONEY_MAX, MONEY_UNIT)


def _indicators(c: _Checker, m: dict) -> None:
    if m.get("indicators") is None:
        return
    ind = c.obj(m["indicators"], "manifest.indicators", "考核指标")
    for key, zh in NUMERIC_INDICATORS.items():
        if key in ind and ind[key] is None:
            del ind[key]  # null = not declared, the same as absent
        elif key in ind:
            hi, unit = INDICATOR_MAX.get(key, (COUNT_MAX, ""))
            c.number(ind[key], f"manifest.indicators.{key}", f"考核指标“{zh}”（{key}）", hi, unit)
    if ind.get("platform_level") is not None:
        c.enum(ind["platform_level"], "manifest.indicators.platform_level", "平台级别", PLATFORM_LEVELS)
    # issue 21: null = not declared, as for the numbers
    for key, zh in BOOL_INDICATORS.items():
        if key in ind and ind[key] is None:
            del ind[key]
        elif key in ind:
            c.boolean(ind[key], f"manifest.indicators.{key}", f"考核指标“{zh}”（{key}）")
    for key, zh, options in (("contest_group", "创新创业大赛组别", CONTEST_GROUPS),
                             ("platform_kind", "平台类型", PLATFORM_KINDS)):
        if key in ind and ind[key] is None:
            del ind[key]
        elif key in ind:
            c.enum(ind[key], f"manifest.indicators.{key}", f"考核指标“{zh}”（{key}）", options)
    if "contest_prize" in ind and ind["contest_prize"] is None:
        del ind["contest_prize"]
    elif "contest_prize" in ind:
        c.integer(ind["contest_prize"], "manifest.indicators.contest_prize",
                  "考核指标“创新创业大赛获奖等次”（contest_prize：1、2、3 为一二三等奖，0 为未获奖）", *CONTEST_PRIZES)


def _consortium(c: _Checker, m: dict, kind: str) -> None:
    p = "manifest.consortium"
    if kind not in CONSORTIUM_KINDS:
        if m.get("consortium") is not None:
            c.fail(p, f"科技计划项目申报包的创新联合体信息应为 null 或省略，实际为{_desc(m['consortium'])}")
        m["consortium"] = None
        return
    if m.get("consortium") is None:
        c.fail(p, f"{KINDS[kind]}申报包必须包含创新联合体信息 consortium（对象）")
    cons = c.obj(m["consortium"], p, "创新联合体信息")
    members = c.arr(c.get(cons, "members", p, "成员单位列表"), f"{p}.members", "成员单位列表")
    leaders, codes = [], {}
    for i, u in enumerate(members):
        path, label = f"{p}.members[{i}]", f"第{i + 1}个成员单位"
        c.unit(u, path, label)
        if c.enum(c.get(u, "layer", path, f"{label}层级"), f"{path}.layer", f"{label}层级", LAYERS) == "leader":
            leaders.append(i)
        if u["credit_code"] in codes:
            c.fail(f"{path}.credit_code", f"{label}的统一社会信用代码 {u['credit_code']} 与第{codes[u['credit_code']] + 1}"
                   "个成员单位重复；每个成员单位只能列出一次")
        codes[u["credit_code"]] = i
    if len(leaders) != 1:
        found = "没有" if not leaders else f"有 {len(leaders)} 个（" + "、".join(f"第{i + 1}个" for i in leaders) + "）"
        c.fail(f"{p}.members", f"成员单位中应恰好有一个牵头单位（layer 为 leader），实际{found}")
    lead = members[leaders[0]]
    if lead["credit_code"] != m["applicant"]["credit_code"]:
        c.fail(f"{p}.members[{leaders[0]}].credit_code",
               f"牵头单位的统一社会信用代码 {lead['credit_code']} 与申报单位的 {m['applicant']['credit_code']} 不一致；"
               "牵头单位应就是申报单位")
    for key, label in LEADER_NUMBERS.items():
        if cons.get(key) is not None:
            hi, unit = LEADER_MAX[key]
            c.number(cons[key], f"{p}.{key}", label, hi, unit)
    if (cons.get("leader_rd_ratio_3y") or 0) > 1:
        c.fail(f"{p}.leader_rd_ratio_3y", f"牵头单位近三年研发投入占比应以小数表示（3% 写作 0.03），实际为 "
               f"{cons['leader_rd_ratio_3y']!r}")
    if cons.get("leader_platforms") is not None:
        for i, name in enumerate(c.arr(cons["leader_platforms"], f"{p}.leader_platforms", "牵头单位研发平台列表")):
            cons["leader_platforms"][i] = c.text(name, f"{p}.leader_platforms[{i}]", f"第{i + 1}个研发平台名称")
    if cons.get("agreement_signed") is not None:
        c.boolean(cons["agreement_signed"], f"{p}.agreement_signed", "是否已签订联合体协议")


def _documents(c: _Checker, m: dict) -> None:
    docs = c.arr(c.get(m, "documents", "manifest", "文档列表"), "manifest.documents", "文档列表")
    if not docs:
        c.fail("manifest.documents", "文档列表为空；至少应有一份申报书（kind 为 application_form）")
    seen: dict[str, int] = {}
    forms = []
    for i, d in enumerate(docs):
        path, label = f"manifest.documents[{i}]", f"第{i + 1}个文档"
        c.obj(d, path, label)
        d["path"] = _doc_path(c, c.get(d, "path", path, f"{label}路径"), f"{path}.path", label)
        if c.enum(c.get(d, "kind", path, f"{label}类型"), f"{path}.kind", f"{label}类型", DOC_KINDS) \
                == "application_form":
            forms.append(i)
        d["title"] = c.text(c.get(d, "title", path, f"{label}标题"), f"{path}.title", f"{label}标题")
        sha = c.get(d, "sha256", path, f"{label}的 SHA-256")
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            c.fail(f"{path}.sha256", f"{label}的 SHA-256 应为 64 位十六进制字符，实际为{_desc(sha)}")
        d["sha256"] = sha.lower()
        key = d["path"].casefold()
        if key in seen:
            c.fail(f"{path}.path", f"{label}的路径“{d['path']}”与第{seen[key] + 1}个文档重复（不区分大小写）；"
                   "每个文件只能列出一次")
        seen[key] = i
    if len(forms) != 1:
        found = "没有" if not forms else f"有 {len(forms)} 份（" + "、".join(f"第{i + 1}个文档" for i in forms) + "）"
        c.fail("manifest.documents" if not forms else f"manifest.documents[{forms[1]}].kind",
               f"应恰好有一份申报书（kind 为 application_form），实际{found}")


def _doc_path(c: _Checker, v: Any, path: str, label: str) -> str:
    if not isinstance(v, str):
        c.fail(path, f"{label}路径应为字符串，实际为{_desc(v)}")
    s = unicodedata.normalize("NFC", v)  # entry names are NFC-normalised too
    problem = name_problem(s)
    if problem:
        c.fail(path, f"{label}路径“{s}”无效：路径{problem[1]}")
    if not s.startswith("docs/") or s.endswith("/") or s == "docs/":
        c.fail(path, f"{label}路径应为 docs/ 文件夹下的文件（如 docs/申报书.pdf），实际为“{s}”")
    return s
