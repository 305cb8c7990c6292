"""Safe listing of a package's ZIP entries: decode names, refuse dangerous or abusive entries.

Nothing here extracts anything; the reader streams only the entries the manifest names,
into files whose names it chooses itself. The checks still apply to every entry, so a
package carrying a symlink or a bomb is refused even where the entry would be ignored.
"""

from __future__ import annotations

import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

from .errors import PackageRefused

MAX_ENTRIES = 2000
MAX_TOTAL_SIZE = 2 * 1024 ** 3  # uncompressed bytes, all entries together
MAX_RATIO = 200  # uncompressed : compressed, per entry
MAX_MANIFEST_SIZE = 8 * 1024 ** 2  # a manifest is a few KB; this only stops absurd ones

_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP: UTF-8 name next to a legacy-encoded one
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate",
            zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma"}
_DRIVE = re.compile(r"[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Limits:
    max_entries: int = MAX_ENTRIES
    max_total_size: int = MAX_TOTAL_SIZE
    max_ratio: float = MAX_RATIO
    max_manifest_size: int = MAX_MANIFEST_SIZE


@dataclass(frozen=True)
class Entry:
    name: str  # decoded, NFC-normalised
    info: zipfile.ZipInfo
    # Without the UTF-8 flag: the UTF-8 reading of the same bytes when it is valid and differs
    # from ``name`` (the GBK reading). Used only to match a path the manifest lists that no
    # entry has under its GBK reading (macOS/Linux zippers that omit the flag).
    alt_name: str | None = None

    @property
    def is_dir(self) -> bool:
        return self.name.endswith("/")


class UndecodableName(ValueError):
    def __init__(self, raw: bytes):
        super().__init__(raw.hex(" "))
        self.raw = raw


def decode_name(info: zipfile.ZipInfo) -> str:
    """The entry's real name, as package-format.md says: UTF-8 when flag bit 11 is set;
    otherwise the Info-ZIP Unicode Path field when its CRC matches, else GBK/CP936. Without
    the flag zipfile decoded the bytes as CP437, which is lossless, so the stored bytes are
    recovered and decoded properly."""
    if info.flag_bits & _UTF8_FLAG:
        name = info.orig_filename
    else:
        raw = info.orig_filename.encode("cp437")
        name = _unicode_path_extra(info.extra, raw) or _legacy(raw)
    return unicodedata.normalize("NFC", name)


def utf8_reading(info: zipfile.ZipInfo, name: str) -> str | None:
    """For an unflagged entry, the UTF-8 reading of its bytes when valid and different from ``name``."""
    if info.flag_bits & _UTF8_FLAG:
        return None
    raw = info.orig_filename.encode("cp437")
    try:
        alt = unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    return alt if alt != name and name_problem(alt) is None else None


def _legacy(raw: bytes) -> str:
    if raw.isascii():
        return raw.decode("ascii")
    # GBK first, never UTF-8 first: GBK names such as 学位证 (d1a7 cebb d6a4) are valid UTF-8
    # too, and reading them as UTF-8 gives "ѧλ֤" (issue 12). GB18030 is GBK's superset; UTF-8
    # only when neither can read the bytes at all.
    for encoding in ("gbk", "gb18030", "utf-8"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise UndecodableName(raw)


def _unicode_path_extra(extra: bytes, raw: bytes) -> str | None:
    """The Info-ZIP Unicode Path field, honoured only when its CRC matches the stored name."""
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        data = extra[i + 4:i + 4 + size]
        i += 4 + size
        if tag == _UNICODE_PATH_EXTRA and len(data) > 5 and data[0] == 1:
            if struct.unpack_from("<I", data, 1)[0] == zlib.crc32(raw):
                try:
                    return data[5:].decode("utf-8")
                except UnicodeDecodeError:
                    return None
    return None


def name_problem(name: str) -> tuple[str, str] | None:
    """(code, Chinese reason) when the name is not a plain relative path inside the archive.

    The reason has no subject ("含反斜杠…") so that callers can say whose name it is.
    """
    if not name:
        return "zip.bad_name", "为空"
    if _CONTROL.search(name):
        return "zip.bad_name", "含控制字符（如 NUL、换行）"
    if "\\" in name:
        return "zip.backslash", "含反斜杠“\\”；ZIP 内的路径只能用“/”分隔，反斜杠可被用来绕过路径检查"
    if name.startswith("/"):
        return "zip.path_traversal", "是绝对路径（以“/”开头）；只允许压缩包内的相对路径"
    parts = name.split("/")
    if name.endswith("/"):
        parts.pop()
    for part in parts:
        if part == "..":
            return "zip.path_traversal", "含“..”路径段，可指向解压目录之外；只允许压缩包内的相对路径"
        if _DRIVE.match(part):
            return "zip.path_traversal", f"含盘符“{part[:2]}”；只允许压缩包内的相对路径"
        if part in ("", "."):
            return "zip.bad_name", "含空路径段或“.”路径段（如“docs//a.pdf”“./a.pdf”）"
    return None


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return ""  # unreachable


def safe_entries(zf: zipfile.ZipFile, file: str, limits: Limits = Limits()) -> dict[str, Entry]:
    """All entries by decoded name, after refusing anything package-format.md forbids."""
    def refuse(field: str | None, code: str, message: str) -> PackageRefused:
        return PackageRefused(file, field, code, message)

    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise refuse(None, "zip.too_many_entries",
                     f"压缩包有 {len(infos)} 个条目，超过允许的 {limits.max_entries} 个")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_size:
        raise refuse(None, "zip.too_large",
                     f"压缩包解压后共 {_size(total)}，超过允许的 {_size(limits.max_total_size)}")
    entries: dict[str, Entry] = {}
    folded: dict[str, str] = {}
    for info in infos:
        try:
            name = decode_name(info)
        except UndecodableName as e:
            raise refuse(f"<{e.raw.hex()}>", "zip.bad_name_encoding",
                         f"无法识别条目名的编码（原始字节 {e.raw.hex(' ')}）：既不是 UTF-8 也不是 GBK/GB18030；"
                         "请用 UTF-8 文件名重新打包") from None
        problem = name_problem(name)
        if problem:
            raise refuse(name, problem[0], f"压缩包条目“{name}”不安全：条目名{problem[1]}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise refuse(name, "zip.symlink", f"压缩包条目“{name}”是符号链接；申报包只能包含普通文件")
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise refuse(name, "zip.encrypted", f"压缩包条目“{name}”已加密；申报包不能设置压缩密码")
        if info.compress_type not in _METHODS:
            raise refuse(name, "zip.compression",
                         f"压缩包条目“{name}”使用了不支持的压缩方法（编号 {info.compress_type}）；"
                         "请用标准的 deflate 或不压缩方式重新打包")
        if info.file_size and (not info.compress_size
                               or info.file_size / info.compress_size > limits.max_ratio):
            ratio = f"{info.file_size / info.compress_size:.0f}:1" if info.compress_size else "无穷大"
            raise refuse(name, "zip.ratio",
                         f"压缩包条目“{name}”的压缩比为 {ratio}（解压后 {_size(info.file_size)}，"
                         f"压缩后 {_size(info.compress_size)}），超过允许的 {limits.max_ratio:g}:1，疑似压缩炸弹")
        key = name.rstrip("/").casefold()
        if key in folded:
            other = folded[key]
            how = "重复出现" if other == name else f"与“{other}”仅大小写不同（Windows 上会互相覆盖）"
            raise refuse(name, "zip.duplicate", f"压缩包条目“{name}”{how}；每个文件名只能出现一次")
        folded[key] = name
        entries[name] = Entry(name, info, utf8_reading(info, name))
    return entries
