"""What an .xlsx roster must pass before openpyxl reads it (issue 12): size, zip bomb, DTD, row count.

A roster is small: a city's expert pool is hundreds to a few thousand people, and a workbook
of 10,000 experts is about 1 MB zipped and 5–10 MB of XML. So the limits below are far above a
real roster and far below what hurts: a 1 MB file that unzips to 1 GiB, 1,000,000 rows, a
styles part that takes minutes to parse. Everything is decided from the zip directory and one
streaming pass over the members (never more than one chunk of a member in memory), and the
file is read once into memory so openpyxl parses the very bytes that were checked.

The declared sizes can be trusted as bounds: Python's zipfile stops a member at its declared
``file_size`` (and a lie fails the CRC check), so a member never unzips to more than it says.

openpyxl streams worksheets and the shared strings (iterparse, element by element) but parses
everything else whole into objects (styles, workbook, relationships, properties): those parts
get a small limit. The parts are found the way openpyxl finds them ([Content_Types].xml and the
workbook relationships), so a styles part cannot borrow a worksheet's limit by its name.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from .errors import RosterError

MiB = 1024 * 1024
MAX_FILE = 20 * MiB            # the .xlsx itself
MAX_MEMBERS = 1000             # zip entries (a workbook has 10–50)
MAX_DIRECTORY = 1 * MiB        # the zip central directory, checked before zipfile reads it
MAX_TOTAL = 64 * MiB           # sum of the unzipped members
MAX_STREAMED = 20 * MiB        # one worksheet / the shared strings / one picture, unzipped
MAX_WHOLE = 2 * MiB            # any part openpyxl parses whole (styles, workbook, relationships …)
MAX_RATIO = 100                # unzipped / zipped, for members above RATIO_FLOOR (XML zips 5–20×)
RATIO_FLOOR = 1 * MiB
MAX_ROWS_IN_WORKBOOK = 100_000     # <row> elements over all worksheets
MAX_ELEMENTS_IN_PART = 1_500_000  # XML elements of one worksheet / the shared strings (10,000 experts: ~250,000)
MAX_ELEMENTS_IN_WORKBOOK = 3_000_000
MAX_SHARED_STRINGS = 200_000       # <si> elements, workbook-wide (10,000 experts × 10 columns: at most 100,000)

_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
}
_SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_CHUNK = 1 * MiB
_CARRY = 64  # bytes kept between chunks so a tag split across two chunks is still seen
_PREFIX = rb"<(?:[A-Za-z_][\w.-]{0,31}:)?"
_ROW_RE = re.compile(_PREFIX + rb"row[\s/>]")
_ELEMENT_RE = re.compile(rb"<[A-Za-z_]")
_SI_RE = re.compile(_PREFIX + rb"si[\s/>]")
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)")


def _short(member: str) -> str:
    """A zip member name for a message: the name is the file author's, so at most 80 characters."""
    return member if len(member) <= 80 else member[:77] + "…"


def _mb(n: int) -> str:
    return f"{n / MiB:.0f} MB" if n >= MiB else f"{n / 1024:.0f} KB"


def checked_workbook(path: Path) -> bytes:
    """The bytes of ``path`` once they pass every check; RosterError naming the file otherwise."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise RosterError(f"{name} 有 {_mb(size)}，超过专家库文件的上限 {_mb(MAX_FILE)}（一万位专家的名单约 1 MB）；"
                              "请删除无关的工作表和图片后再导入，未导入任何专家")
        with path.open("rb") as f:
            data = f.read(MAX_FILE + 1)
    except OSError as e:
        raise RosterError(f"无法读取 {name}：{e.strerror or e}") from None
    if len(data) > MAX_FILE:
        raise RosterError(f"{name} 超过专家库文件的上限 {_mb(MAX_FILE)}，未导入任何专家")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise RosterError(f"{name} 是旧版 Excel 97-2003（.xls）格式或设置了打开密码：请在 Excel 中取消密码并另存为"
                          " .xlsx 后再导入，未导入任何专家")
    _check_directory(name, data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise _not_xlsx(name, "压缩结构损坏") from None
    with zf:
        _check_members(name, zf)
    return data


def _not_xlsx(name: str, why: str) -> RosterError:
    return RosterError(f"{name} 不是有效的 Excel 工作簿（.xlsx）：{why}，未导入任何专家")


def _check_directory(name: str, data: bytes) -> None:
    """Entry count and directory size from the end record, before zipfile builds a ZipInfo per entry."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or len(data) < end + 22:
        raise _not_xlsx(name, "不是 ZIP 压缩包")
    entries = int.from_bytes(data[end + 10:end + 12], "little")
    directory = int.from_bytes(data[end + 12:end + 16], "little")
    if end >= 20 and data[end - 20:end - 16] == b"PK\x06\x07":
        raise _not_xlsx(name, "使用了 ZIP64 扩展（专家库文件不需要）")
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY:
        raise RosterError(f"{name} 含有 {entries} 个压缩条目，超过上限 {MAX_MEMBERS}：不像一个专家库工作簿，未导入任何专家")


def _parts(name: str, zf: zipfile.ZipFile) -> tuple[set[str], set[str]]:
    """(parts openpyxl streams: worksheets and shared strings, parts it parses whole), as openpyxl finds them."""
    from defusedxml import ElementTree as DET
    from defusedxml.common import DefusedXmlException

    def parse(member: str):
        info = zf.getinfo(member)
        if info.file_size > MAX_WHOLE:
            raise RosterError(f"{name} 中的 {_short(member)} 解压后有 {_mb(info.file_size)}，超过上限 {_mb(MAX_WHOLE)}，未导入任何专家")
        try:
            return DET.fromstring(zf.read(member), forbid_dtd=True)
        except DefusedXmlException:
            raise _dtd(name, member) from None
        except Exception:  # XML syntax, bad encoding, CRC, decompression: the file is damaged
            raise _not_xlsx(name, f"{_short(member)} 无法解析") from None

    streamed: set[str] = set()
    whole = {"[Content_Types].xml", "xl/styles.xml", "docProps/core.xml", "docProps/custom.xml", "docProps/app.xml"}
    try:
        types = parse("[Content_Types].xml")
    except KeyError:
        raise _not_xlsx(name, "缺少 [Content_Types].xml") from None
    workbook = None
    for o in types.iter(f"{_CT_NS}Override"):
        part, ctype = (o.get("PartName") or "").lstrip("/"), o.get("ContentType")
        if ctype in _WORKBOOK_TYPES and workbook is None:
            workbook = part
        elif ctype == _SHARED_STRINGS_TYPE:
            streamed.add(part)
    if workbook is None:
        return streamed, whole
    whole.add(workbook)
    folder, base = posixpath.split(workbook)
    rels_path = posixpath.join(folder, "_rels", base + ".rels")
    if rels_path in zf.NameToInfo:
        for rel in parse(rels_path).iter(f"{_REL_NS}Relationship"):
            target = rel.get("Target") or ""
            target = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if kind == "worksheet":
                streamed.add(target)
            elif kind != "sharedStrings":  # openpyxl finds (and streams) those through [Content_Types].xml
                whole.add(target)
    return streamed - whole, whole


def _dtd(name: str, member: str) -> RosterError:
    return RosterError(f"{name} 的 {_short(member)} 含有 DTD 或实体声明（<!DOCTYPE>/<!ENTITY>）：Excel 不会写出这些内容，"
                       "可能是恶意构造的文件（实体炸弹或外部实体），出于安全原因拒绝导入，未导入任何专家")


def _check_members(name: str, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise RosterError(f"{name} 含有 {len(infos)} 个压缩条目，超过上限 {MAX_MEMBERS}，未导入任何专家")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise RosterError(f"{name} 解压后共有 {_mb(total)}，超过上限 {_mb(MAX_TOTAL)}（压缩炸弹或含有大量无关内容），"
                          "未导入任何专家")
    for info in infos:
        if info.file_size > MAX_STREAMED:
            raise RosterError(f"{name} 中的 {_short(info.filename)} 解压后有 {_mb(info.file_size)}，超过上限 {_mb(MAX_STREAMED)}，"
                              "未导入任何专家")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise RosterError(f"{name} 中的 {_short(info.filename)} 由 {_mb(info.compress_size)} 解压为 {_mb(info.file_size)}"
                              f"（压缩比超过 {MAX_RATIO}:1），疑似压缩炸弹，未导入任何专家")
        if info.flag_bits & 0x1:
            raise _not_xlsx(name, f"{_short(info.filename)} 已加密")
    streamed, whole = _parts(name, zf)
    counts = {"rows": 0, "strings": 0, "elements": 0}
    for info in infos:
        member = info.filename
        if member in streamed:
            _scan(name, zf, info, True, counts)
        elif member in whole or member.lower().endswith((".xml", ".rels")):
            # parsed whole by openpyxl (or could be: every XML part is held to it)
            if info.file_size > MAX_WHOLE:
                raise RosterError(f"{name} 中的 {_short(member)} 解压后有 {_mb(info.file_size)}，超过上限 "
                                  f"{_mb(MAX_WHOLE)}，未导入任何专家")
            _scan(name, zf, info, False, counts)
        # anything else (pictures, printer settings, a VBA project) is never parsed: the size limits suffice


def _scan(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, streamed: bool, counts: dict) -> None:
    """One streaming pass over a member: no DTD, UTF-8 only, and rows/cells/strings counted."""
    member = info.filename
    carry = b""
    first = True
    in_part = 0
    try:
        with zf.open(info) as f:
            while True:
                chunk = f.read(_CHUNK)
                last = not chunk
                buf = carry + chunk
                if first and chunk:
                    first = False
                    if buf[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in buf[:4]:
                        raise _not_xlsx(name, f"{_short(member)} 不是 UTF-8 编码的 XML")
                if _DTD_RE.search(buf):
                    raise _dtd(name, member)
                if streamed:
                    # Count only tags that end before the carried tail; the tail is counted with the next chunk.
                    stop = len(buf) if last else max(0, len(buf) - _CARRY)
                    counts["rows"] += sum(1 for m in _ROW_RE.finditer(buf) if m.start() < stop)
                    counts["strings"] += sum(1 for m in _SI_RE.finditer(buf) if m.start() < stop)
                    elements = sum(1 for m in _ELEMENT_RE.finditer(buf) if m.start() < stop)
                    counts["elements"] += elements
                    in_part += elements
                    _check_counts(name, counts, member, in_part)
                    carry = buf[stop:]
                else:
                    carry = buf[-_CARRY:]
                if last:
                    return
    except RosterError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError):
        # RuntimeError: encrypted; NotImplementedError: unknown compression; BadZipFile: CRC or size lie
        raise _not_xlsx(name, f"{_short(member)} 无法解压（文件损坏）") from None
    except Exception:  # zlib/bz2/lzma errors have their own types
        raise _not_xlsx(name, f"{_short(member)} 无法解压（文件损坏）") from None


def _check_counts(name: str, counts: dict, member: str, in_part: int) -> None:
    if counts["rows"] > MAX_ROWS_IN_WORKBOOK:
        raise RosterError(f"{name} 的工作表共有超过 {MAX_ROWS_IN_WORKBOOK} 行，远超一个专家库的规模；"
                          "请只保留专家名单后再导入，未导入任何专家")
    if in_part > MAX_ELEMENTS_IN_PART or counts["elements"] > MAX_ELEMENTS_IN_WORKBOOK:
        raise RosterError(f"{name} 的 {_short(member)} 含有过多的 XML 元素（超过 {MAX_ELEMENTS_IN_PART}），"
                          "远超一个专家库的规模，未导入任何专家")
    if counts["strings"] > MAX_SHARED_STRINGS:
        raise RosterError(f"{name} 含有超过 {MAX_SHARED_STRINGS} 个不同的文本，远超一个专家库的规模，未导入任何专家")
