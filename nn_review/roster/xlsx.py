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

手机 is checked and stored in one form (roster/phones.py: 13812345678, 0771-5551234; +86 forms
accepted); anything else is a row error of that column.

One person, one expert (issue 20; roster/identity.py): a second row of the file for the same
person (same name and phone, or e-mail, or unit when a phone is missing) is a row error naming
the first row — two rows may disagree, and which one wins is the secretary's call, not the
reader's. A row whose 专家编号 is blank and that is the same person as one expert of the roster
updates that expert; a row with another 专家编号 (or matching several experts) is refused
naming the expert. A row with the 专家编号 of an expert (or a blank-key row updating one) whose
values would make that expert the same person as another expert of the roster — one it is not
already — is refused naming both (merge them first); so is the same change through
``roster/edit.update_expert``. There is no 身份证号 column (the schema has none): such a column is ignored.

Import is one transaction. A row with errors is skipped and reported (row, column, what was
wrong, what was expected); the other rows are imported. A file that cannot be read as .xlsx,
or lacks a required column, is refused before anything is written. Experts missing from the
file are kept (the roster only grows or changes; it is never pruned by an import). An
optional column absent from the file leaves that value of existing experts unchanged.

Hostile or damaged files (issue 12) are refused with ``RosterError`` naming the file, and
the sheet and cell when known, before anything is written: the zip and its sizes are checked
first (xlsx_limits: size, zip bomb, DTD/entities, row counts), then the sheet is streamed
(sheet_cells) with at most MAX_EXPERTS data rows. A formula is read as the result Excel saved
with it, and that is reported as a warning (the value is what the secretary saw in Excel); a
formula without a saved result, an error value (#REF!), a hidden or control character, an
over-long text or a merged cell in a roster column is a row error naming the cell; a merged
header cell refuses the file (the columns would not line up).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from .. import xlsxsafe
from ..creditcode import credit_code_error
from ..i18n import M, Msg, language, render
from ..store import Store, StoreError
from ..store.models import Expert
from ..textsafe import for_terminal, hidden_chars
from .errors import RosterError
from .experts import expert_info, standing_list
from .normalize import normalize_person, normalize_unit, split_list
from .phones import normalize_phone, phone_digits
from .identity import Person, PersonIndex, reason_msg, same_person
from .sheet_cells import Cell, SheetCells, cell_name
from .xlsx_limits import checked_workbook
from ..changes import operation

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
PHONE_EXPECTED = ("11位手机号码（1开头，第二位3–9，如 13812345678）或带区号的座机号码（如 0771-5551234、"
                  "0771 5551234、(0771)5551234），可加 +86 或 0086，可留空")
# A city's expert pool is hundreds to a few thousand people: 10,000 rows per file is twice the
# largest real roster and still imports in a few seconds; more is an accident or an attack
# (1,000,000 rows once took 5 GB). Several files can be imported one after another.
MAX_EXPERTS = 10_000
HEADER_ROWS = 5  # the header may sit below a title row or two
# Longest text per column, as the store's columns allow (lists: all items of the cell together).
_MAX_LEN = {"roster_key": 64, "name": 100, "unit": 200, "credit_code": 40, "title": 100, "fields": 2000,
            "phone": 40, "email": 200, "avoid_units": 2000, "avoid_persons": 2000}
EXAMPLE = ["ZJ-0001", "王某某", "广西大学", "12450000498502233W", "教授",
           "重点研发计划；项目15；人工智能", "13800000000", "wang@example.com", "广西某某信息科技有限公司", "张三"]


@dataclass(frozen=True)
class RowError:
    row: int        # Excel row number, as the secretary sees it
    column: str     # the column header
    message: str    # what was wrong
    expected: str   # what was expected
    key: str = ""   # the column's key (COLUMNS)
    msg: Msg | None = field(default=None, compare=False)           # ``message`` for a GUI in any language
    expected_msg: Msg | None = field(default=None, compare=False)  # ``expected`` likewise

    def text(self) -> str:
        return f"第{self.row}行“{self.column}”：{self.message}；应为：{self.expected}"

    def shown(self, lang: str | None = None) -> tuple[str, str, str]:
        """(column, what was wrong, what was expected) in ``lang``: the importer's own Chinese
        sentences in Chinese, the catalog's plain text in other languages (issue 15 item 12)."""
        if (lang or language()).startswith("zh") or self.msg is None:
            return self.column, self.message, self.expected
        column = render(M(f"roster.column.{self.key}"), lang) if self.key else self.column
        return column, render(self.msg, lang), render(self.expected_msg, lang) if self.expected_msg else ""


@dataclass
class RosterImportReport:
    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # imported, but worth a look (formulas read as results)
    warning_msgs: list[Msg] = field(default_factory=list)  # the same for a GUI in any language

    @property
    def skipped_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    def summary(self, lang: str | None = None) -> str:
        """summary_zh in ``lang``."""
        if (lang or language()).startswith("zh"):
            return self.summary_zh()
        text = render(M("roster.summary", added=self.added, updated=self.updated, unchanged=self.unchanged), lang)
        if self.errors:
            text += render(M("roster.summary.errors", n=len(self.skipped_rows),
                             rows=", ".join(map(str, self.skipped_rows))), lang)
        if self.warnings:
            text += render(M("roster.summary.warnings", n=len(self.warnings)), lang)
        return text

    def warning_texts(self, lang: str | None = None) -> list[str]:
        if (lang or language()).startswith("zh") or len(self.warning_msgs) != len(self.warnings):
            return list(self.warnings)
        return [render(w, lang) for w in self.warning_msgs]

    def summary_zh(self) -> str:
        text = f"新增 {self.added}，更新 {self.updated}，未变 {self.unchanged}"
        if self.errors:
            text += (f"；{len(self.skipped_rows)} 行有错误已跳过（第{'、'.join(map(str, self.skipped_rows))}行），"
                     "其余行已导入")
        if self.warnings:
            text += f"；{len(self.warnings)} 条提示"
        return text


# -- import -------------------------------------------------------------------------------

@operation
def import_roster(store: Store, path: str | Path) -> RosterImportReport:
    path = Path(path)
    rows, columns, ignored, merged = _read(path)
    report = RosterImportReport(path.name, ignored_columns=ignored)
    parsed: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    in_file = PersonIndex()  # the rows accepted so far, as persons (issue 20: one person, one row)
    for row_no, cells in rows:
        values, errors = _parse_row(row_no, cells, columns, merged.get(row_no), report.warnings, report.warning_msgs)
        if not errors and values["roster_key"] in seen:
            errors.append(RowError(row_no, "专家编号", f"“{values['roster_key']}”与第{seen[values['roster_key']]}行重复",
                                   "每位专家一个唯一的专家编号（留空时按姓名与手机/单位生成，同一人出现两次也会重复）",
                                   "roster_key", M("roster.err.duplicate_key", value=values["roster_key"],
                                                   other=seen[values["roster_key"]]), M("roster.exp.duplicate_key")))
        if not errors:
            person = _row_person(row_no, values)
            if hit := in_file.matches(person):
                other, why = hit[0]
                errors.append(_same_person_error(row_no, values, why, M("person.row", row=other.ref),
                                                 f"第{other.ref}行"))
        if errors:
            report.errors.extend(errors)
            continue
        seen[values["roster_key"]] = row_no
        in_file.add(person)
        parsed.append((row_no, values))
    with store.write() as s:
        existing = {e.roster_key: e for e in s.scalars(select(Expert))}
        current = {k: Person.of(k, e.name, e.phone, e.email, e.unit) for k, e in existing.items()}
        known = PersonIndex(current.values())  # the roster before the import: whom a blank-key row means
        now = PersonIndex(current.values())    # the roster as the rows so far changed it
        targeted: dict[int, int] = {}  # expert id → the row that updates it
        for row_no, values in parsed:
            expert = existing.get(values["roster_key"])
            if expert is None:
                # Not by its key: the same person may be in the roster under another key.
                hits = [(existing[q.ref], why) for q, why in known.matches(_row_person(row_no, values))]
                if hits and (values.get("key_given") or len(hits) > 1):
                    other, why = hits[0]
                    report.errors.append(_same_person_error(
                        row_no, values, why, M("person.expert", rkey=other.roster_key, name=other.name),
                        f"专家库中的 {other.roster_key} {other.name}", hits=len(hits)))
                    continue
                if hits:  # 专家编号 left blank: the row updates that expert
                    expert = hits[0][0]
            if expert is not None and (first := targeted.get(expert.id)) is not None:
                report.errors.append(_same_person_error(row_no, values, "linked",
                                                        M("person.row", row=first), f"第{first}行"))
                continue
            rkey = expert.roster_key if expert is not None else values["roster_key"]
            if twin := _new_twin(now, current, rkey, _person_after(row_no, values, expert)):
                # The row's new name/phone/e-mail/unit would make its expert the same person as another
                # one of the roster (issue 20): refused, naming both.
                other, why = existing[twin[0].ref], twin[1]
                report.errors.append(
                    _twin_error(row_no, values, expert, other, why) if expert is not None else _same_person_error(
                        row_no, values, why, M("person.expert", rkey=other.roster_key, name=other.name),
                        f"专家库中的 {other.roster_key} {other.name}"))
                continue
            if expert is not None:
                targeted[expert.id] = row_no
            if expert is None:
                expert = Expert(roster_key=values["roster_key"], name="", unit="", title="", phone="", email="")
                expert.fields, expert.standing_conflicts = [], []
                _apply(expert, values)
                s.add(expert)
                existing[expert.roster_key] = expert
                report.added += 1
            elif _apply(expert, values):
                report.updated += 1
            else:
                report.unchanged += 1
            if (old := current.get(expert.roster_key)) is not None:
                now.remove(old)
            current[expert.roster_key] = Person.of(expert.roster_key, expert.name, expert.phone, expert.email,
                                                   expert.unit)
            now.add(current[expert.roster_key])
        store.audit(s, "roster.import", None, file=path.name, added=report.added, updated=report.updated,
                    unchanged=report.unchanged, skipped_rows=report.skipped_rows)
    report.errors.sort(key=lambda e: e.row)
    return report


def _new_twin(known: PersonIndex, current: dict[str, Person], rkey: str, new: Person) -> tuple[Person, str] | None:
    """The first other expert that ``new`` (expert ``rkey``'s values after a change) is the same person
    as while the expert as it stands is not: an edit must not turn one expert into another's twin.
    Twins the roster already has (suspected duplicates, merged by the secretary) are not refused."""
    old = current.get(rkey)
    for q, why in known.matches(new):
        if q.ref != rkey and (old is None or not same_person(old, q)):
            return q, why
    return None


def _person_after(row_no: int, values: dict, expert) -> Person:
    """Who the row's expert is once the row is applied: a column absent from the file keeps its value."""
    if expert is None:
        return _row_person(row_no, values)
    return Person.of(row_no, values["name"], values["phone"] if "phone" in values else expert.phone,
                     values["email"] if "email" in values else expert.email, values["unit"])


def _twin_error(row_no: int, values: dict, expert, other, why: str) -> RowError:
    """A row with the 专家编号 of one expert whose values make it the same person as another."""
    return RowError(row_no, "姓名", f"专家编号 {expert.roster_key}（{expert.name}）改为“{values['name']}”后将与专家库中的 "
                    f"{other.roster_key} {other.name} 是同一人（{_SAME_ZH[why]}）",
                    "若是同一人，请先合并两位专家（roster merge 或“专家库”页面）后再导入；确是两个人时请核对手机与电子邮箱",
                    "name", M("person.err.twin", rkey=f"{expert.roster_key} {expert.name}", name=values["name"],
                              other=f"{other.roster_key} {other.name}", why=reason_msg(why)),
                    M("person.exp.twin"))


def _row_person(row_no: int, values: dict) -> Person:
    return Person.of(row_no, values["name"], values.get("phone"), values.get("email"), values["unit"])


_SAME_ZH = {"phone": "姓名与手机相同", "email": "姓名与电子邮箱相同", "unit": "姓名与工作单位相同，且有一方未填手机",
            "linked": "经另一条目关联为同一人"}


def _same_person_error(row_no: int, values: dict, why: str, other: Msg, other_zh: str, hits: int = 1) -> RowError:
    """A second row for one person: refused, naming both (the first row / the expert already in the roster)."""
    more = f"（专家库中共有 {hits} 位，请先合并）" if hits > 1 else ""
    return RowError(row_no, "姓名", f"“{values['name']}”与{other_zh}是同一人（{_SAME_ZH[why]}）{more}",
                    "每人只占一行：删除重复的行，或把两行合成一行；若要更新库中已有的专家，专家编号请填写该专家的编号"
                    "（或留空）；确是两个人时请核对手机与电子邮箱", "name",
                    M("person.err.same", name=values["name"], other=other, why=reason_msg(why), hits=hits),
                    M("person.exp.same"))


def _read(path: Path) -> tuple[list[tuple[int, dict]], dict[str, int], list[str], dict[int, tuple[str, str]]]:
    """(data rows: Excel row number and column key → Cell, column key → index, ignored headers,
    data row → merged range in a roster column).

    Refuses (RosterError, nothing written) a file that is not a sound .xlsx, is too big for a
    roster (see xlsx_limits), has more than MAX_EXPERTS rows, lacks a required column or has a
    merged or uncomputed header; a bad data cell is a row error, reported with the others.
    """
    if not path.is_file():
        raise RosterError(f"专家库文件不存在：{path}")
    if path.suffix.lower() == ".xls":
        raise RosterError(f"{path.name} 是旧版 Excel 97-2003（.xls）格式：请在 Excel 中另存为 .xlsx 后再导入")
    sheet = SheetCells(path.name, checked_workbook(path), SHEET)
    try:
        return _read_sheet(path.name, sheet)
    finally:
        sheet.close()


def _read_sheet(name: str, sheet: SheetCells):
    where = f"{name}（工作表“{sheet.title}”）"
    top: list[tuple[int, dict]] = []      # the rows above and at the header
    header_row = 0
    columns: dict[str, int] = {}
    data: list[tuple[int, dict]] = []
    for row_no, cells in sheet.rows():
        if not header_row:
            top.append((row_no, cells))
            if row_no <= HEADER_ROWS and "name" in {_BY_HEADER.get(_header(c.value)) for c in cells.values()}:
                header_row = row_no  # the header may sit below a title row or two
                columns = _columns(where, row_no, cells)
            elif row_no > HEADER_ROWS or len(top) > HEADER_ROWS:
                break
            continue
        if len(data) >= MAX_EXPERTS:
            raise RosterError(f"{where}有超过 {MAX_EXPERTS} 行专家：一个专家库文件最多 {MAX_EXPERTS} 位专家"
                              f"（第{row_no}行已超出）；请分成几个文件导入，未导入任何专家")
        data.append((row_no, {k: cells[i + 1] for k, i in columns.items() if i + 1 in cells}))
    if not header_row:
        first = top[0][1] if top else {}
        found = "、".join(h for h in (_header(c.value) for c in first.values()) if h)
        raise RosterError(f"{where}前{HEADER_ROWS}行中没有找到表头（含“姓名”列）" + (f"，第一行为：{found[:200]}" if found else "")
                          + f"；表头应为：{'、'.join(HEADERS)}（可用 nn-review roster template 生成模板），未导入任何专家")
    missing = [h for k, h, req, _w in COLUMNS if req and k not in columns]
    if missing:
        raise RosterError(f"{where}缺少必填列：{'、'.join(missing)}；"
                          f"表头应为：{'、'.join(HEADERS)}（可用 nn-review roster template 生成模板），未导入任何专家")
    merged_head = [r for r in sheet.merged if r[1] <= header_row <= r[3] and r[:2] != r[2:]]
    if merged_head:
        raise RosterError(f"{where}表头有合并单元格：{'、'.join(_range(r) for r in merged_head[:10])}；合并后只有左上角"
                          "单元格有内容，列会对不上。请取消合并，每列一个表头后再导入，未导入任何专家")
    ignored = [h for h in (_header(c.value) for i, c in sorted(top[-1][1].items()) if i - 1 not in columns.values()) if h]
    return data, columns, ignored, _merged_in_data(sheet.merged, data, columns)


def _columns(where: str, row_no: int, cells: dict) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, cell in sorted(cells.items()):
        if cell.formula and cell.value is None:
            raise RosterError(f"{where}表头单元格 {cell_name(row_no, col)} 是公式（{for_terminal(cell.formula[:60])}），没有计算结果；"
                              "请在 Excel 中把表头改为文字后再导入，未导入任何专家")
        key = _BY_HEADER.get(_header(cell.value))
        if key is None:
            continue
        if key in columns:
            raise RosterError(f"{where}：表头“{_HEADER_OF[key]}”出现了两次（第{get_column_letter(columns[key] + 1)}列和第"
                              f"{get_column_letter(col)}列），未导入任何专家")
        columns[key] = col - 1
    return columns


def _range(r: tuple[int, int, int, int]) -> str:
    a, b = cell_name(r[1], r[0]), cell_name(r[3], r[2])
    return a if a == b else f"{a}:{b}"


def _merged_in_data(merged, data, columns) -> dict[int, tuple[str, str]]:
    """Data row → (column key, range) for rows a merged range covers in a roster column: only its
    top-left cell holds the value, so the other rows would silently read as empty."""
    rows = sorted(r for r, _ in data)
    by_col = {i + 1: k for k, i in columns.items()}
    hits: dict[int, tuple[str, str]] = {}
    for r in merged:
        min_col, min_row, max_col, max_row = r
        if r[:2] == r[2:]:
            continue
        key = next((by_col[c] for c in sorted(by_col) if min_col <= c <= max_col), None)
        if key is None:
            continue
        for row_no in rows[bisect_left(rows, min_row):bisect_right(rows, max_row)]:
            hits.setdefault(row_no, (key, _range(r)))
    return hits


def _header(v) -> str:
    return unicodedata.normalize("NFKC", str(v or "")).strip().rstrip("*").strip()


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # phone numbers and keys typed into number cells
    return unicodedata.normalize("NFKC", str(v)).strip()


def _parse_row(row_no: int, cells: dict, columns: dict[str, int], merged: tuple[str, str] | None = None,
               warnings: list[str] | None = None, warning_msgs: list[Msg] | None = None
               ) -> tuple[dict, list[RowError]]:
    errors: list[RowError] = []

    def err(key: str, message: str, expected: str, msg: Msg | None = None, expected_msg: Msg | None = None) -> None:
        errors.append(RowError(row_no, _HEADER_OF[key], message, expected, key, msg, expected_msg))

    if merged:
        err(merged[0], f"单元格 {merged[1]} 是合并单元格，只有左上角的单元格有内容",
            "取消合并，每位专家一行、每行填写完整（合并的内容要复制到每一行）",
            M("roster.err.merged", cell=merged[1]), M("roster.exp.merged"))
    raw = {}
    for key, i in columns.items():
        raw[key] = _cell_text(row_no, i + 1, key, cells.get(key), err, warnings, warning_msgs)
    v: dict = {}
    for key, text in raw.items():
        v[key] = _dedupe(split_list(text)) if key in _LISTS else text
    if errors:
        return v, errors
    v["name"] = re.sub(r"\s+", "", v["name"]) if re.search(r"[\u4e00-\u9fff]", v["name"]) else v["name"]
    if not v["name"]:
        err("name", "为空", "专家姓名（必填）", M("roster.err.empty"), M("roster.exp.name"))
    if not v["unit"]:
        err("unit", "为空", "专家工作单位全称（必填）", M("roster.err.empty"), M("roster.exp.unit"))
    if "credit_code" in v:
        code = re.sub(r"\s+", "", v["credit_code"]).upper()
        v["credit_code"] = code or None
        if code and (problem := credit_code_error(code)):
            err("credit_code", f"“{code}”{problem}", "18位统一社会信用代码（GB 32100-2015），不清楚时可留空",
                M("roster.err.credit_code", value=code), M("roster.exp.credit_code"))
    if v.get("email") and not _EMAIL.fullmatch(v["email"]):
        err("email", f"“{v['email']}”格式不正确", "电子邮箱地址，如 name@example.com，可留空",
            M("roster.err.email", value=v["email"]), M("roster.exp.email"))
    if v.get("phone"):
        phone = normalize_phone(v["phone"])
        if phone is None:
            err("phone", f"“{v['phone']}”不是有效的手机或座机号码", PHONE_EXPECTED,
                M("roster.err.phone_form", value=v["phone"]), M("roster.exp.phone_form"))
        else:
            v["phone"] = phone  # stored in one form: 13812345678 / 0771-5551234 (roster/phones.py)
    key = v.get("roster_key", "")
    v["key_given"] = bool(key)
    if not errors and not key:
        v["roster_key"] = derived_key(v["name"], v.get("phone", ""), v["unit"])
    return v, errors


def _cell_text(row_no: int, col: int, key: str, cell: Cell | None, err, warnings: list[str] | None,
               warning_msgs: list[Msg] | None = None) -> str:
    """The text of a roster cell; a formula without a result, an error value, a hidden character or an
    over-long text is a row error (the cell is not read as empty or as something else)."""
    if cell is None:
        return ""
    where = cell_name(row_no, col)
    if cell.formula and cell.value is None:
        err(key, f"单元格 {where} 是公式（{for_terminal(cell.formula[:60])}），没有计算结果",
            "在 Excel 中打开并保存（保存公式的计算结果），或复制后“选择性粘贴”为数值",
            M("roster.err.formula", cell=where), M("roster.exp.formula"))
        return ""
    if cell.error:
        err(key, f"单元格 {where} 是错误值 {for_terminal(str(cell.value)[:20])}" + ("（公式计算出错）" if cell.formula else ""),
            "正确的内容", M("roster.err.error_value", cell=where), M("roster.exp.error_value"))
        return ""
    text = _cell(cell.value)
    limit = _MAX_LEN[key]
    if len(text) > limit:
        err(key, f"单元格 {where} 有 {len(text)} 个字符，超过 {limit} 个", f"不超过 {limit} 个字符",
            M("roster.err.too_long", cell=where, n=len(text), limit=limit), M("roster.exp.too_long", limit=limit))
        return ""
    hidden = hidden_chars(re.sub(r"[\t\n\r]", "", text))
    if hidden:
        err(key, f"单元格 {where} 含有不可见字符或控制字符（{'、'.join(hidden[:3])}）",
            "删除这些字符后再导入（常见于从网页或其他软件复制的文字）",
            M("roster.err.hidden", cell=where), M("roster.exp.hidden"))
        return ""
    if cell.formula and warnings is not None:
        warnings.append(f"第{row_no}行“{_HEADER_OF[key]}”（{where}）是公式 {for_terminal(cell.formula[:60])}，"
                        f"已按 Excel 保存的计算结果“{for_terminal(text[:60])}”导入")
        if warning_msgs is not None:
            warning_msgs.append(M("roster.warning.formula", row=row_no, column=M(f"roster.column.{key}"), cell=where,
                                  value=for_terminal(text[:60])))
    return text


def derived_key(name: str, phone: str, unit: str) -> str:
    """The 专家编号 of a row that has none (see the module docstring)."""
    digits = phone_digits(phone)
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
    for e in experts:  # text as text: a name "=1+1" stays a name (issue 12)
        xlsxsafe.append(ws, [e.roster_key, e.name, e.unit, e.unit_credit_code or "", e.title, "；".join(e.fields),
                   e.phone, e.email, "；".join(e.avoid_units), "；".join(e.avoid_persons)])
    _text_cells(ws)
    _save(wb, path)
    return len(experts)


def save_template(path: str | Path) -> None:
    """A blank roster: the header row, one example row and a 说明 (instructions) sheet."""
    wb = Workbook()
    ws = _sheet(wb)
    xlsxsafe.append(ws, EXAMPLE)
    _text_cells(ws)
    help_ws = wb.create_sheet("说明")
    help_ws.column_dimensions["A"].width = 22
    help_ws.column_dimensions["B"].width = 100
    xlsxsafe.append(help_ws, ["列", "填写说明"])
    for cell in help_ws[1]:
        cell.font = Font(bold=True)
    for row in _HELP:
        xlsxsafe.append(help_ws, row)
    for row in help_ws.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    _save(wb, path)


_HELP = [
    ("专家编号", "专家的唯一编号，再次导入时据此更新同一位专家。可留空：系统按“姓名＋手机”（无手机时“姓名＋工作单位”）"
              "自动生成，导出时会写回；留空的行若与库中已有专家是同一人（见“同一人”），更新该专家。"),
    ("姓名*", "必填。"),
    ("工作单位*", "必填，请填写单位全称（用于回避判定，全角/半角、括号、空格及“有限公司/有限责任公司”差异会自动归一）。"),
    ("单位统一社会信用代码", "可选，18位；填写后按代码判定回避，更准确。"),
    ("职称", "可选。"),
    ("专业领域", "可填计划类别（科技重大专项、重点研发计划、技术创新引导专项、科技基地专项）、指南项目编号（如 项目15）"
             "或领域名称（如 新材料），多个用“；”“、”或“，”分隔。随机抽取专家时按此匹配。"),
    ("手机", "可选。可填：11位手机号码（1开头，第二位3–9），如 13812345678、138 1234 5678、138-1234-5678；"
           "带区号的座机号码，如 0771-5551234、0771 5551234、(0771)5551234、07715551234，分机写在后面（0771-5551234转123）；"
           "以上号码前可加 +86 或 0086（如 +86 138 1234 5678、+86-771-5551234）。导入后统一保存为 13812345678 或 "
           "0771-5551234 的形式。其他内容（如 12345、国外号码、含字母）该行报错并跳过。"),
    ("电子邮箱", "可选。"),
    ("回避单位", "专家声明须回避的单位，多个用“；”分隔；与申报单位、合作单位或联合体成员单位相同时回避。"),
    ("回避人员", "专家声明须回避的人员，多个用“；”分隔；与项目负责人或项目组成员同名时回避。"),
    ("同一人（每人一行）", "系统按以下规则判断两行（或一行与库中已有专家）是否同一人：姓名相同，并且手机相同、"
                   "或电子邮箱相同、或（有一方未填手机时）工作单位相同；姓名中的空格、全角/半角与间隔号不计。"
                   "同一文件中同一人的第二行会被拒绝并报告两行的行号（请删除或合成一行）；专家编号留空的行若与库中已有专家"
                   "是同一人，则更新该专家；填写了另一个专家编号则被拒绝（请填写该专家的编号）；某行若使一位已有专家与库中另一位专家"
                   "成为同一人，该行被拒绝并报告两位专家（确是同一人时请先合并）。随机抽取时同一人只参加一次。"
                   "库中已有的疑似重复（roster list 或“专家库”页面列出）可核实后合并（roster merge 保留编号 并入编号）。"),
    ("身份证号", "本版本不收录身份证号（数据库没有该字段）：如表中有“身份证号”列，导入时作为未识别的列忽略，"
              "也不作为判断同一人的依据。请务必填写手机或电子邮箱，以便区分同名专家。"),
    ("注意", "第2行为示例，导入前请删除或改为真实专家。有错误的行会被跳过并报告行号与列名，其余行照常导入。"),
]


def _sheet(wb: Workbook):
    ws = wb.active
    ws.title = SHEET
    xlsxsafe.append(ws, HEADERS)
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


# Public names for roster/edit.py: one expert edited in the app is validated as a workbook row.
HEADER_OF = _HEADER_OF
parse_row = _parse_row
apply_values = _apply
