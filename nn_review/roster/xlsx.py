"""The expert roster as an Excel workbook (.xlsx): import, export, blank template.

Columns (Chinese headers; ``*`` = required, the asterisk is optional when importing):

专家编号 — the stable key (``Expert.roster_key``) that makes re-import an update. When blank,
    it is derived deterministically: ``ZJ-`` + the first 10 hex digits (upper case) of
    SHA-256 over ``规范化姓名|手机数字`` — or ``规范化姓名|单位:规范化单位`` when there is no
    phone. So the same person re-imported without a key maps to the same expert as long as
    name and phone (or unit) stay the same; export always writes the key back.
姓名*, 工作单位*, 单位统一社会信用代码 (GB 32100 check), 职称,
专业领域 — plan types (科技重大专项 …), guide items (项目15) or free field names,
手机, 电子邮箱, 回避单位, 回避人员 — lists separated by ；;、,，or line breaks.

Import is one transaction. A row with errors is skipped and reported (row, column, what was
wrong, what was expected); the other rows are imported. A file that cannot be read as .xlsx,
or lacks a required column, is refused before anything is written. Experts missing from the
file are kept (the roster only grows or changes; it is never pruned by an import). An
optional column absent from the file leaves that value of existing experts unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from ..creditcode import credit_code_error
from ..store import Store, StoreError
from ..store.models import Expert
from .experts import expert_info, standing_list
from .normalize import normalize_person, normalize_unit, split_list

SHEET = "专家库"
# (key, header, required, width)
COLUMNS = [
    ("roster_key", "专家编号", False, 14),
    ("name", "姓名", True, 10),
    ("unit", "工作单位", True, 32),
    ("credit_code", "单位统一社会信用代码", False, 24),
    ("title", "职称", False, 14),
    ("fields", "专业领域", False, 36),
    ("phone", "手机", False, 16),
    ("email", "电子邮箱", False, 26),
    ("avoid_units", "回避单位", False, 30),
    ("avoid_persons", "回避人员", False, 20),
]
HEADERS = [h + ("*" if req else "") for _k, h, req, _w in COLUMNS]
_BY_HEADER = {h: k for k, h, _r, _w in COLUMNS}
_HEADER_OF = {k: h for k, h, _r, _w in COLUMNS}
_LISTS = {"fields", "avoid_units", "avoid_persons"}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"[0-9+\-() ]+(转[0-9]+)?")
EXAMPLE = ["ZJ-0001", "王某某", "广西大学", "12450000498502233W", "教授",
           "重点研发计划；项目15；人工智能", "13800000000", "wang@example.com", "广西某某信息科技有限公司", "张三"]


@dataclass(frozen=True)
class RowError:
    row: int        # Excel row number, as the secretary sees it
    column: str     # the column header
    message: str    # what was wrong
    expected: str   # what was expected

    def text(self) -> str:
        return f"第{self.row}行“{self.column}”：{self.message}；应为：{self.expected}"


@dataclass
class RosterImportReport:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def skipped_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    def summary_zh(self) -> str:
        text = f"新增 {self.added}，更新 {self.updated}，未变 {self.unchanged}"
        if self.errors:
            text += (f"；{len(self.skipped_rows)} 行有错误已跳过（第{'、'.join(map(str, self.skipped_rows))}行），"
                     "其余行已导入")
        return text


# -- import -------------------------------------------------------------------------------

def import_roster(store: Store, path: str | Path) -> RosterImportReport:
    path = Path(path)
    rows, columns, ignored = _read(path)
    report = RosterImportReport(path.name, ignored_columns=ignored)
    parsed: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for row_no, cells in rows:
        values, errors = _parse_row(row_no, cells, columns)
        if not errors and values["roster_key"] in seen:
            errors.append(RowError(row_no, "专家编号", f"“{values['roster_key']}”与第{seen[values['roster_key']]}行重复",
                                   "每位专家一个唯一的专家编号（留空时按姓名与手机/单位生成，同一人出现两次也会重复）"))
        if errors:
            report.errors.extend(errors)
            continue
        seen[values["roster_key"]] = row_no
        parsed.append((row_no, values))
    with store.write() as s:
        existing = {e.roster_key: e for e in s.scalars(select(Expert))}
        for _row_no, values in parsed:
            expert = existing.get(values["roster_key"])
            if expert is None:
                expert = Expert(roster_key=values["roster_key"], name="", unit="", title="", phone="", email="")
                expert.fields, expert.standing_conflicts = [], []
                _apply(expert, values)
                s.add(expert)
                report.added += 1
            elif _apply(expert, values):
                report.updated += 1
            else:
                report.unchanged += 1
        store.audit(s, "roster.import", None, file=path.name, added=report.added, updated=report.updated,
                    unchanged=report.unchanged, skipped_rows=report.skipped_rows)
    return report


def _read(path: Path) -> tuple[list[tuple[int, list]], dict[str, int], list[str]]:
    """(data rows with their Excel row numbers, column key → index, ignored headers); refuses bad files."""
    if not path.is_file():
        raise StoreError(f"专家库文件不存在：{path}")
    if path.suffix.lower() == ".xls":
        raise StoreError(f"{path.name} 是旧版 Excel 97-2003（.xls）格式：请在 Excel 中另存为 .xlsx 后再导入")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises zip, XML and key errors alike for a non-workbook
        raise StoreError(f"{path.name} 不是有效的 Excel 工作簿（.xlsx），未导入任何专家") from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        all_rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    for idx, raw in enumerate(all_rows[:5]):  # the header may sit below a title row or two
        headers = [_header(v) for v in raw]
        if "name" in {_BY_HEADER.get(h) for h in headers}:
            break
    else:
        idx, headers = 0, [_header(v) for v in (all_rows[0] if all_rows else ())]
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for i, h in enumerate(headers):
        key = _BY_HEADER.get(h)
        if key is None:
            if h:
                ignored.append(h)
        elif key in columns:
            raise StoreError(f"{path.name}：表头“{h}”出现了两次（第{get_column_letter(columns[key] + 1)}列和第"
                             f"{get_column_letter(i + 1)}列），未导入任何专家")
        else:
            columns[key] = i
    missing = [h for k, h, req, _w in COLUMNS if req and k not in columns]
    if missing:
        raise StoreError(f"{path.name}（工作表“{ws.title}”）缺少必填列：{'、'.join(missing)}；"
                         f"表头应为：{'、'.join(HEADERS)}（可用 nn-review roster template 生成模板），未导入任何专家")
    data = [(idx + 2 + n, list(r)) for n, r in enumerate(all_rows[idx + 1:])
            if any(_cell(v) for v in r)]
    return data, columns, ignored


def _header(v) -> str:
    return unicodedata.normalize("NFKC", str(v or "")).strip().rstrip("*").strip()


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # phone numbers and keys typed into number cells
    return unicodedata.normalize("NFKC", str(v)).strip()


def _parse_row(row_no: int, cells: list, columns: dict[str, int]) -> tuple[dict, list[RowError]]:
    raw = {k: _cell(cells[i]) if i < len(cells) else "" for k, i in columns.items()}
    errors: list[RowError] = []

    def err(key: str, message: str, expected: str) -> None:
        errors.append(RowError(row_no, _HEADER_OF[key], message, expected))

    v: dict = {}
    for key, text in raw.items():
        v[key] = _dedupe(split_list(text)) if key in _LISTS else text
    v["name"] = re.sub(r"\s+", "", v["name"]) if re.search(r"[\u4e00-\u9fff]", v["name"]) else v["name"]
    if not v["name"]:
        err("name", "为空", "专家姓名（必填）")
    if not v["unit"]:
        err("unit", "为空", "专家工作单位全称（必填）")
    if "credit_code" in v:
        code = re.sub(r"\s+", "", v["credit_code"]).upper()
        v["credit_code"] = code or None
        if code and (problem := credit_code_error(code)):
            err("credit_code", f"“{code}”{problem}", "18位统一社会信用代码（GB 32100-2015），不清楚时可留空")
    if v.get("email") and not _EMAIL.fullmatch(v["email"]):
        err("email", f"“{v['email']}”格式不正确", "电子邮箱地址，如 name@example.com，可留空")
    if v.get("phone") and not _PHONE.fullmatch(v["phone"]):
        err("phone", f"“{v['phone']}”含有非号码字符", "手机或座机号码，如 13800000000 或 0771-1234567，可留空")
    key = v.get("roster_key", "")
    if len(key) > 64:
        err("roster_key", f"长度为{len(key)}个字符", "不超过64个字符的专家编号，或留空自动生成")
    if not errors and not key:
        v["roster_key"] = derived_key(v["name"], v.get("phone", ""), v["unit"])
    return v, errors


def derived_key(name: str, phone: str, unit: str) -> str:
    """The 专家编号 of a row that has none (see the module docstring)."""
    digits = re.sub(r"\D", "", phone or "")
    basis = f"{normalize_person(name)}|{digits}" if digits else f"{normalize_person(name)}|单位:{normalize_unit(unit)}"
    return "ZJ-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:10].upper()


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _apply(e: Expert, v: dict) -> bool:
    """Copy the present columns onto ``e``; True when anything changed."""
    before = _snapshot(e)
    e.name, e.unit = v["name"], v["unit"]
    if "credit_code" in v:
        e.unit_credit_code = v["credit_code"]
    for key in ("title", "phone", "email"):
        if key in v:
            setattr(e, key, v[key])
    if "fields" in v:
        e.fields = v["fields"]
    if "avoid_units" in v or "avoid_persons" in v:
        info = expert_info(e)
        e.standing_conflicts = standing_list(v.get("avoid_units", info.avoid_units),
                                             v.get("avoid_persons", info.avoid_persons))
    return _snapshot(e) != before


def _snapshot(e: Expert) -> tuple:
    return (e.name, e.unit, e.unit_credit_code, e.title, e.phone, e.email, e.fields_json,
            e.standing_conflicts_json)


# -- export and template ------------------------------------------------------------------

def export_roster(store: Store, path: str | Path) -> int:
    """Write every expert with the import columns (re-importing the file changes nothing); the count."""
    with store.read() as s:
        experts = [expert_info(e) for e in s.scalars(select(Expert).order_by(Expert.roster_key))]
    wb = Workbook()
    ws = _sheet(wb)
    for e in experts:
        ws.append([e.roster_key, e.name, e.unit, e.unit_credit_code or "", e.title, "；".join(e.fields),
                   e.phone, e.email, "；".join(e.avoid_units), "；".join(e.avoid_persons)])
    _text_cells(ws)
    _save(wb, path)
    return len(experts)


def save_template(path: str | Path) -> None:
    """A blank roster: the header row, one example row and a 说明 (instructions) sheet."""
    wb = Workbook()
    ws = _sheet(wb)
    ws.append(EXAMPLE)
    _text_cells(ws)
    help_ws = wb.create_sheet("说明")
    help_ws.column_dimensions["A"].width = 22
    help_ws.column_dimensions["B"].width = 90
    help_ws.append(["列", "填写说明"])
    for cell in help_ws[1]:
        cell.font = Font(bold=True)
    for row in _HELP:
        help_ws.append(row)
    for row in help_ws.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    _save(wb, path)


_HELP = [
    ("专家编号", "专家的唯一编号，再次导入时据此更新同一位专家。可留空：系统按“姓名＋手机”（无手机时“姓名＋工作单位”）"
              "自动生成，导出时会写回。"),
    ("姓名*", "必填。"),
    ("工作单位*", "必填，请填写单位全称（用于回避判定，全角/半角、括号、空格及“有限公司/有限责任公司”差异会自动归一）。"),
    ("单位统一社会信用代码", "可选，18位；填写后按代码判定回避，更准确。"),
    ("职称", "可选。"),
    ("专业领域", "可填计划类别（科技重大专项、重点研发计划、技术创新引导专项、科技基地专项）、指南项目编号（如 项目15）"
             "或领域名称（如 新材料），多个用“；”“、”或“，”分隔。随机抽取专家时按此匹配。"),
    ("手机", "可选，手机或座机号码。"),
    ("电子邮箱", "可选。"),
    ("回避单位", "专家声明须回避的单位，多个用“；”分隔；与申报单位、合作单位或联合体成员单位相同时回避。"),
    ("回避人员", "专家声明须回避的人员，多个用“；”分隔；与项目负责人或项目组成员同名时回避。"),
    ("注意", "第2行为示例，导入前请删除或改为真实专家。有错误的行会被跳过并报告行号与列名，其余行照常导入。"),
]


def _sheet(wb: Workbook):
    ws = wb.active
    ws.title = SHEET
    ws.append(HEADERS)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for (_k, _h, required, width), cell in zip(COLUMNS, ws[1], strict=True):
        cell.font = Font(bold=True, color="C00000" if required else None)
        cell.fill = fill
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"
    return ws


def _text_cells(ws) -> None:
    # Text format, so Excel does not turn 手机 or 专家编号 into numbers (or 1.38E+10) on edit.
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.number_format = "@"


def _save(wb: Workbook, path: str | Path) -> None:
    path = Path(path)
    try:
        wb.save(path)
    except OSError as e:
        raise StoreError(f"无法写入 {path}：{e.strerror or e}") from e
