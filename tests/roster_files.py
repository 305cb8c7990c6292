"""Roster workbooks written by hand (the zip and its XML), to hand the roster reader hostile files.

``workbook(rows)`` is a minimal valid .xlsx: a sheet 专家库 whose rows are lists of cells; a cell
is a string (an inline string), a number, ``None`` (absent) or a ready ``<c>`` element written by
the test (``raw('<c r="B2" t="s"><v>99</v></c>')``). ``parts`` replaces or adds zip members.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD = ["专家编号", "姓名*", "工作单位*", "单位统一社会信用代码", "职称", "专业领域", "手机", "电子邮箱", "回避单位", "回避人员"]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="专家库" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""


class raw(str):
    """A cell given as its XML element."""


def cell_xml(ref: str, value) -> str:
    if isinstance(value, raw):
        return str(value)
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def row_xml(n: int, cells) -> str:
    body = "".join(cell_xml(f"{get_column_letter(j)}{n}", v) for j, v in enumerate(cells, 1) if v is not None)
    return f'<row r="{n}">{body}</row>'


def sheet_xml(rows, *, head=HEAD, extra: str = "", doctype: str = "") -> str:
    rows = ([head] if head else []) + list(rows)
    body = "".join(row_xml(i, r) for i, r in enumerate(rows, 1))
    size = f"A1:{get_column_letter(max([len(r) for r in rows] + [1]))}{max(len(rows), 1)}"  # as Excel writes it
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<worksheet xmlns="{MAIN}"><dimension ref="{size}"/><sheetData>{body}</sheetData>{extra}</worksheet>')


def shared_xml(strings=(), doctype: str = "") -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)  # not escaped: tests put entities here
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')


def workbook_bytes(rows=(), *, sheet: str | bytes | None = None, strings=(), parts: dict | None = None,
                   compression=zipfile.ZIP_DEFLATED) -> bytes:
    members = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
               "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
               "xl/worksheets/sheet1.xml": sheet if sheet is not None else sheet_xml(rows),
               "xl/sharedStrings.xml": shared_xml(strings)}
    members.update(parts or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            if data is not None:
                z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def workbook(path, rows=(), **kw):
    path.write_bytes(workbook_bytes(rows, **kw))
    return path


def secretary_workbook(path, rows):
    """A roster as a secretary saves it from Excel (openpyxl): the template's header, then ``rows``."""
    from openpyxl import Workbook

    from nn_review.roster import xlsx
    wb = Workbook()
    ws = wb.active
    ws.append(xlsx.HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


VALID = [["ZJ-1", "王某某", "广西大学", None, "教授", "重点研发计划；项目15", "13800000001", "w@example.com"],
         ["ZJ-2", "李某", "南宁师范大学", None, "副教授", "新材料", "13900000002", None]]


def _deflated(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def bomb_member(prefix: bytes, fill: bytes, times: int, suffix: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of prefix + fill×times + suffix without compressing all of it: ``fill``
    is compressed once up to a full flush (no reference reaches back past it), and repeated."""
    def segment(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(fill, crc)
    crc = zlib.crc32(suffix, crc)
    stream = segment(prefix) + segment(fill) * times + _deflated(suffix)
    return stream, len(prefix) + len(fill) * times + len(suffix), crc


def raw_zip(members: dict[str, bytes | tuple[bytes, int, int]]) -> bytes:
    """A zip written byte by byte; a member is its content, or (raw deflate stream, size, crc32)."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, member in members.items():
        if isinstance(member, tuple):
            stream, size, crc = member
        else:
            stream, size, crc = _deflated(member), len(member), zlib.crc32(member)
        fname = name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(stream), size, len(fname), 0))
        out.write(fname)
        out.write(stream)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(stream), size,
                                  len(fname), 0, 0, 0, 0, 0, offset))
        central.write(fname)
    cd = central.getvalue()
    out_pos = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(cd), out_pos, 0))
    return out.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}
