"""The cells of one worksheet of a checked .xlsx, streamed, with what openpyxl's reader hides.

openpyxl (read-only) resolves the workbook: sheets, date styles, epoch. The shared strings and
the rows are streamed here (rows with openpyxl's own cell parsing, one row at a time): openpyxl
reads shared strings at 100 µs apiece, and the roster needs
what ``iter_rows`` does not give: a formula *and* its cached value (``data_only`` gives one or
the other), the merged ranges, and a refusal naming the cell instead of an ``IndexError`` for a
shared-string index that points nowhere (a negative one would silently pick another string).
Every element is dropped once read, so memory stays one row deep whatever the sheet holds.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Iterator

from defusedxml.common import DefusedXmlException, DTDForbidden
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

from .errors import RosterError

MAX_ROWS = 20_000       # <row> elements read from the roster sheet (data, blank and title rows)
MAX_COLUMNS = 64        # a cell with content further right is refused (the roster has 10 columns)
MAX_MERGED = 1000       # merged ranges looked at

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_SHEET_DATA = f"{{{SHEET_MAIN_NS}}}sheetData"
_MERGE = f"{{{SHEET_MAIN_NS}}}mergeCell"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_SI = f"{{{SHEET_MAIN_NS}}}si"
_T = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"


@dataclass(frozen=True)
class Cell:
    value: object               # what Excel shows (the cached result of a formula); None when empty
    formula: str | None = None  # "=…" when the cell holds a formula
    error: bool = False         # an error value such as #REF! or #N/A

    @property
    def empty(self) -> bool:
        return self.value is None and self.formula is None


def _defused(e: BaseException | None) -> bool:
    """Whether defusedxml refused a DTD or entity somewhere down the chain (openpyxl wraps it in a ValueError)."""
    for _ in range(10):
        if e is None:
            return False
        if isinstance(e, DefusedXmlException):
            return True
        e = e.__cause__ or e.__context__
    return False


def cell_name(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}" if 1 <= column <= 16384 else f"第{row}行第{column}列"


class _Parser(WorkSheetParser):
    """openpyxl's cell parsing in data_only mode, keeping the formula text and checking string indexes."""

    def __init__(self, file: str, sheet: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file, self.sheet = file, sheet

    def parse_cell(self, element):
        if element.get("t") == "s":
            index = element.findtext(_VALUE)
            if index is not None and not (index.isdigit() and int(index) < len(self.shared_strings)):
                where = element.get("r") or cell_name(self.row_counter, self.col_counter + 1)
                raise RosterError(f"{self.file}（工作表“{self.sheet}”）单元格 {where[:20]} 引用的共享文本“{index[:20]}”不存在"
                                  f"（文件中只有 {len(self.shared_strings)} 个）：文件已损坏或被改动，未导入任何专家")
        cell = super().parse_cell(element)
        formula = element.find(_FORMULA)
        if formula is not None:
            cell["formula"] = "=" + (formula.text or "")
        return cell


def _iterparse(src):
    """Start and end events of a worksheet or the shared strings. openpyxl parses the workbook's other
    parts with defusedxml, and xlsx_limits refused every DTD before that; so lxml, ten times faster
    than defusedxml's pure-Python parser, reads these two, still resolving no entity and loading
    nothing. Without lxml, defusedxml."""
    try:
        from lxml import etree
    except ImportError:
        from defusedxml.ElementTree import iterparse
        return iterparse(src, events=("start", "end"), forbid_dtd=True)
    return etree.iterparse(src, events=("start", "end"), resolve_entities=False, load_dtd=False, no_network=True,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _ended(src, unit: str) -> Iterator:
    """Each element of ``src`` as it ends. Elements inside a ``unit`` (a row, a shared string) stay
    until their unit has ended, for it to be read whole; everything else is dropped once read, so
    memory stays one unit deep whatever the part holds."""
    stack: list = []  # the open elements
    inside = 0
    for event, el in _iterparse(src):
        if event == "start":
            if not stack and hasattr(el, "getroottree"):  # lxml: refuse a DTD as defusedxml does
                info = el.getroottree().docinfo
                if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
                    raise DTDForbidden(str(el.tag)[:40], info.system_url, info.public_id)
            stack.append(el)
            inside += el.tag == unit
            continue
        stack.pop()
        inside -= el.tag == unit
        yield el, inside
        if stack and not inside:
            stack[-1].remove(el)  # the last child, as every earlier one is gone
        elif not inside:
            el.clear()


def _shared_strings(src) -> list[str]:
    """The shared strings as openpyxl reads them (text runs joined, phonetic runs left out)."""
    strings = []
    for el, inside in _ended(src, _SI):
        if el.tag == _SI and not inside:
            parts = [child.text or "" for child in el if child.tag == _T]
            parts += [t.text or "" for run in el if run.tag == _RUN for t in run if t.tag == _T]
            strings.append("".join(parts).replace("x005F_", ""))
    return strings


class _Sheet(ReadOnlyWorksheet):
    def _get_size(self):
        pass  # the rows are counted while streamed: the <dimension> a file states is not needed (nor trusted)


class _Reader(ExcelReader):
    """openpyxl's read-only workbook reader, with the shared strings streamed fast and no sheet parsed on
    opening: openpyxl would parse every sheet's start (the whole sheet when it states no size), its
    relationships, and every chartsheet with its drawings, all before the roster sheet is chosen."""

    def read_strings(self):
        ct = self.package.find(SHARED_STRINGS)
        if ct is not None:
            with self.archive.open(ct.PartName[1:]) as src:
                self.shared_strings = _shared_strings(src)

    def read_worksheets(self):
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)


class SheetCells:
    """The roster sheet of ``data`` (the sheet named ``preferred`` when there is one, else the first)."""

    def __init__(self, file: str, data: bytes, preferred: str):
        self.file = file
        self.merged: list[tuple[int, int, int, int]] = []  # (min_col, min_row, max_col, max_row)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it drops
            try:
                reader = _Reader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
                reader.read()
                self._wb = reader.wb
            except RosterError:
                raise
            except Exception as e:
                if not _defused(e):
                    raise RosterError(f"{file} 不是有效的 Excel 工作簿（.xlsx），未导入任何专家") from None
                raise RosterError(f"{file} 含有 DTD 或实体声明：可能是恶意构造的文件，出于安全原因拒绝导入，未导入任何专家") from None
        try:
            sheets = self._wb.worksheets
            if not sheets:
                raise RosterError(f"{file} 中没有工作表，未导入任何专家")
            self._ws = self._wb[preferred] if preferred in self._wb.sheetnames else sheets[0]
            if not hasattr(self._ws, "_get_source"):
                raise RosterError(f"{file} 的工作表“{self._ws.title}”不是普通工作表，未导入任何专家")
        except RosterError:
            self.close()
            raise
        except Exception:
            self.close()
            raise RosterError(f"{file} 不是有效的 Excel 工作簿（.xlsx），未导入任何专家") from None
        self.title = str(self._ws.title)[:40]  # for messages: Excel allows 31 characters, a forged file any number

    def close(self) -> None:
        self._wb.close()

    def rows(self) -> Iterator[tuple[int, dict[int, Cell]]]:
        """(Excel row number, column number → non-empty cell) for each row with content, in file order."""
        try:
            yield from self._rows()
        except RosterError:
            raise
        except DefusedXmlException:
            raise RosterError(f"{self.file}（工作表“{self.title}”）含有 DTD 或实体声明：可能是恶意构造的文件，"
                              "出于安全原因拒绝导入，未导入任何专家") from None
        except Exception:  # XML syntax, a bad coordinate, a number openpyxl cannot cast …
            raise RosterError(f"{self.file}（工作表“{self.title}”）的内容已损坏，无法读取，未导入任何专家") from None

    def _rows(self) -> Iterator[tuple[int, dict[int, Cell]]]:
        wb = self._wb
        with warnings.catch_warnings(), self._ws._get_source() as src:
            warnings.simplefilter("ignore")
            parser = _Parser(self.file, self.title, src, self._ws._shared_strings, data_only=True, epoch=wb.epoch,
                             date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            rows = 0
            for el, in_row in _ended(src, _ROW):
                if el.tag == _ROW and not in_row:
                    rows += 1
                    if rows > MAX_ROWS:
                        raise RosterError(f"{self.file}（工作表“{self.title}”）超过 {MAX_ROWS} 行，远超一个专家库的规模；"
                                          "请只保留专家名单（或分成几个文件）后再导入，未导入任何专家")
                    found = self._cells(*parser.parse_row(el))
                    if found[1]:
                        yield found
                elif el.tag == _MERGE and not in_row and len(self.merged) < MAX_MERGED:
                    try:
                        self.merged.append(range_boundaries(el.get("ref") or ""))
                    except (ValueError, TypeError):
                        pass  # a range that names no cells merges nothing

    def _cells(self, row_no: int, cells: list[dict]) -> tuple[int, dict[int, Cell]]:
        found: dict[int, Cell] = {}
        for c in cells:
            cell = Cell(c["value"], c.get("formula"), c["data_type"] == "e")
            if cell.empty:
                continue
            if c["column"] > MAX_COLUMNS:
                raise RosterError(f"{self.file}（工作表“{self.title}”）单元格 {cell_name(row_no, c['column'])} 有内容，"
                                  f"超出专家库的 {MAX_COLUMNS} 列（到 {get_column_letter(MAX_COLUMNS)} 列）范围；"
                                  "请删除表格右侧无关的内容，未导入任何专家")
            found[c["column"]] = cell
        return row_no, found
