"""Read one application package (``nnpkg/1``): container, manifest, documents.

All or nothing: the documents are streamed into uniquely named files in ``workdir``
(hashed while streaming, never by entry name), and on any refusal, cancel or error every
file this call created is deleted before the exception leaves.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader

from ..i18n import M, Msg
from ..jsonlimits import JSONLimitError, prescan
from ..textsafe import for_terminal
from .errors import ImportCancelled, PackageRefused
from .manifest import MAX_DEPTH, validate_manifest
from .pdfscan import INCOMPLETE, active_content
from .zipsafe import Entry, Limits, safe_entries

try:
    import lzma
    _LZMA_ERRORS: tuple[type[Exception], ...] = (lzma.LZMAError,)
except ImportError:  # pragma: no cover - Python built without lzma
    _LZMA_ERRORS = ()

CHUNK = 1024 * 1024
MAX_LISTED_WARNINGS = 20
# What a damaged archive raises while an entry is read (bz2 raises OSError, a lying
# header BadZipFile "Bad CRC-32", a truncated one EOFError).
_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, OSError, RuntimeError, NotImplementedError,
               ValueError, struct.error, *_LZMA_ERRORS)
_JUNK = ("__MACOSX/",)
_JUNK_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")
_MAGIC = ((b"PK\x03\x04", "ZIP 压缩包或 Office 文档（.docx/.xlsx）"), (b"\xd0\xcf\x11\xe0", "旧版 Office 文档（.doc/.xls）"),
          (b"\xff\xd8\xff", "JPEG 图片"), (b"\x89PNG", "PNG 图片"), (b"{\\rtf", "RTF 文档"))
_JSON_ZH = {"Expecting value": "此处应为一个值", "Expecting ',' delimiter": "缺少逗号“,”",
            "Expecting ':' delimiter": "缺少冒号“:”", "Extra data": "JSON 结束后还有多余内容",
            "Expecting property name enclosed in double quotes": "键名应使用双引号（或多了一个逗号）",
            "Unterminated string starting at": "字符串没有结束引号", "Invalid control character at": "字符串中有控制字符",
            "Invalid \\escape": "无效的反斜杠转义"}


@dataclass
class PackageDocument:
    path: str  # as in the manifest, e.g. "docs/申报书.pdf"
    kind: str
    title: str
    sha256: str
    size: int
    page_count: int
    temp_path: Path  # the extracted copy inside workdir
    pdf_findings: list[str] = field(default_factory=list)  # pdfscan codes: JavaScript, Launch, …


@dataclass
class LoadedPackage:
    source: Path
    source_sha256: str
    source_size: int
    manifest: dict[str, Any]  # normalised, see manifest.validate_manifest
    documents: list[PackageDocument]
    warnings: list[str] = field(default_factory=list)  # Chinese, stored with the application
    warning_msgs: list[Msg] = field(default_factory=list)  # the same, for the GUI in its language


def read_package(path: str | os.PathLike, workdir: Path, *, cancel: Callable[[], bool] | None = None,
                 progress: Callable[[int], None] | None = None, limits: Limits | None = None) -> LoadedPackage:
    """Read and check one package; its documents end up as files in ``workdir``.

    ``progress(n)`` is called with n rising from 0 to the package's file size (first the
    hashing pass, then extraction, half each). ``cancel()`` returning True aborts with
    ImportCancelled. Raises PackageRefused for anything package-format.md calls invalid.
    """
    job = _Job(Path(path), Path(workdir), cancel, progress, limits or Limits())
    try:
        return job.run()
    except BaseException:
        job.cleanup()
        raise


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)  # which of the two would win is ambiguous: refuse
        out[key] = value
    return out


def _no_constant(name: str) -> None:
    raise ValueError(f"非标准 JSON 数值 {name}")


def _finite_float(text: str) -> float:
    v = float(text)
    if v in (float("inf"), float("-inf")):  # 1e400: a valid JSON number no float can hold
        raise ValueError(f"数值 {text[:30]} 超出浮点数范围")
    return v


class _Job:
    def __init__(self, source: Path, workdir: Path, cancel, progress, limits: Limits):
        self.source, self.workdir, self.limits = source, workdir, limits
        self.file = source.name
        self.cancel, self.progress = cancel, progress
        self.created: list[Path] = []
        self.made_dirs: list[Path] = []
        self.size = 0
        self.extracted = 0
        self.to_extract = 1

    # -- plumbing --------------------------------------------------------------------

    def refuse(self, fld: str | None, code: str, message: str) -> PackageRefused:
        return PackageRefused(self.file, fld, code, message)

    def tick(self, done: int) -> None:
        if self.cancel is not None and self.cancel():
            raise ImportCancelled(self.file)
        if self.progress is not None:
            self.progress(done)

    def tick_extracted(self) -> None:
        # Second half of the progress range: bytes extracted out of the documents' total.
        half = self.size // 2
        self.tick(half + (self.size - half) * min(self.extracted, self.to_extract) // self.to_extract)

    def cleanup(self) -> None:
        for p in reversed(self.created):
            try:
                p.unlink(missing_ok=True)
            except OSError:
                pass
        for d in self.made_dirs:  # deepest first
            try:
                d.rmdir()
            except OSError:
                pass

    # -- steps -----------------------------------------------------------------------

    def run(self) -> LoadedPackage:
        d = self.workdir
        while not d.exists():
            self.made_dirs.append(d)
            d = d.parent
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.tick(0)
        try:
            fh = open(self.source, "rb")
        except FileNotFoundError:
            raise self.refuse(None, "file.missing", f"文件不存在：{self.source}") from None
        except OSError as e:
            raise self.refuse(None, "file.unreadable", f"无法读取文件：{e.strerror or e}") from None
        with fh:
            digest = self.hash_source(fh)
            with self.open_zip(fh) as zf:
                entries = safe_entries(zf, self.file, self.limits)
                manifest = validate_manifest(self.read_manifest(zf, entries), self.file)
                docs = manifest["documents"]
                self.check_present(entries, docs)
                self.to_extract = max(1, sum(entries[d["path"]].info.file_size for d in docs))
                documents = [self.extract(zf, entries[d["path"]], d, i) for i, d in enumerate(docs)]
        if self.progress is not None:
            self.progress(self.size)
        notes = _unlisted(entries, docs)
        return LoadedPackage(self.source, digest, self.size, manifest, documents, [m.render("zh_CN") for m in notes],
                             notes)

    def hash_source(self, fh) -> str:
        h = hashlib.sha256()
        try:
            while chunk := fh.read(CHUNK):
                h.update(chunk)
                self.size += len(chunk)
                self.tick(self.size // 2)
        except OSError as e:
            raise self.refuse(None, "file.unreadable", f"读取文件时出错：{e.strerror or e}") from None
        return h.hexdigest()

    def open_zip(self, fh) -> zipfile.ZipFile:
        fh.seek(0)
        try:
            return zipfile.ZipFile(fh)
        except UnicodeDecodeError as e:  # an entry flagged UTF-8 whose name is not UTF-8
            raw = bytes(e.object)
            raise self.refuse(f"<{raw.hex()}>", "zip.bad_name_encoding",
                              f"有条目名标记为 UTF-8 编码，但其原始字节 {raw.hex(' ')} 不是有效的 UTF-8；"
                              "请用 UTF-8 文件名重新打包") from None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, struct.error) as e:
            raise self.refuse(None, "zip.not_zip", "不是有效的 ZIP 文件（可能已损坏、下载不完整，或根本不是压缩包）；"
                              f"申报包应为 .nnpkg/.zip 格式的 ZIP 文件（详情：{e}）") from None

    def stream(self, zf: zipfile.ZipFile, entry: Entry, write: Callable[[bytes], Any], limit: int) -> int:
        """Copy one entry through ``write``, enforcing the limits on the bytes actually produced."""
        info, n = entry.info, 0
        try:
            src = zf.open(info)
        except _ZIP_ERRORS as e:
            raise self.corrupt(entry.name, e) from None
        with src:
            while True:
                try:
                    chunk = src.read(CHUNK)
                except _ZIP_ERRORS as e:
                    raise self.corrupt(entry.name, e) from None
                if not chunk:
                    return n
                n += len(chunk)
                self.extracted += len(chunk)
                if n > info.file_size or n > limit or self.extracted > self.limits.max_total_size:
                    raise self.refuse(entry.name, "zip.too_large", f"压缩包条目“{entry.name}”解压后的实际大小超过了"
                                      f"其声明的大小或允许的上限（已解出 {n} 字节）")
                write(chunk)
                self.tick_extracted()

    def corrupt(self, name: str, e: Exception) -> PackageRefused:
        return self.refuse(name, "zip.corrupt", f"压缩包条目“{name}”已损坏，无法解压（如 CRC 校验错误、数据不完整）；"
                           f"请重新下载或重新打包（详情：{type(e).__name__}: {e}）")

    def read_manifest(self, zf: zipfile.ZipFile, entries: dict[str, Entry]) -> Any:
        entry = entries.get("manifest.json")
        if entry is None:
            nested = [n for n in entries if n.rsplit("/", 1)[-1].casefold() == "manifest.json"]
            hint = (f"（发现“{nested[0]}”：manifest.json 必须在压缩包根目录；打包时请压缩文件夹里的内容，"
                    "而不是文件夹本身）") if nested else "；每个申报包根目录下都必须有 manifest.json"
            raise self.refuse("manifest.json", "manifest.missing", f"压缩包根目录下没有 manifest.json{hint}")
        limit = self.limits.max_manifest_size
        if entry.info.file_size > limit:
            raise self.refuse("manifest.json", "manifest.too_large",
                              f"manifest.json 有 {entry.info.file_size} 字节，超过允许的 {limit} 字节")
        buf = bytearray()
        self.stream(zf, entry, buf.extend, limit)
        try:
            text = bytes(buf).decode("utf-8-sig")
        except UnicodeDecodeError as e:
            gbk = "（看起来是 GBK 编码）" if _decodes(bytes(buf), "gbk") else ""
            raise self.refuse("manifest.json", "manifest.encoding",
                              f"manifest.json 不是 UTF-8 编码{gbk}：第 {e.start} 字节处的 {buf[e.start:e.start + 4].hex(' ')} "
                              "无法按 UTF-8 解码；应以 UTF-8 保存") from None
        try:  # before json.loads: it recurses, and builds every value first
            prescan(text, max_depth=MAX_DEPTH)
        except JSONLimitError as e:
            if e.code == "json.depth":
                raise self.refuse("manifest.json", "manifest.too_deep",
                                  f"manifest.json 嵌套层数超过 {MAX_DEPTH} 层；申报包格式只需要 5 层") from None
            if e.code == "json.values":
                raise self.refuse("manifest.json", "manifest.too_large", f"manifest.json：{e.message}") from None
            # json.syntax: json.loads below says where, in the reader's words
        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant,
                              parse_float=_finite_float)
        except json.JSONDecodeError as e:
            raise self.refuse("manifest.json", "manifest.json", f"manifest.json 不是有效的 JSON：第 {e.lineno} 行第 "
                              f"{e.colno} 列，{_JSON_ZH.get(e.msg, e.msg)}") from None
        except _DuplicateKey as e:
            raise self.refuse("manifest.json", "manifest.json",
                              f"manifest.json 中同一对象里的键“{e}”出现了两次；每个键只能出现一次") from None
        except (ValueError, RecursionError) as e:
            raise self.refuse("manifest.json", "manifest.json", f"manifest.json 不是有效的 JSON：{e}") from None

    def check_present(self, entries: dict[str, Entry], docs: list[dict]) -> None:
        # Before extracting anything: a missing document is cheaper to report first.
        _match_utf8_readings(entries, docs)
        folded = {n.casefold(): n for n in entries}
        for i, d in enumerate(docs):
            if d["path"] not in entries:
                alt = folded.get(d["path"].casefold())
                hint = f"（压缩包中有仅大小写不同的“{alt}”）" if alt else ""
                raise self.refuse(f"manifest.documents[{i}].path", "document.missing",
                                  f"manifest 列出的文档“{d['path']}”不在压缩包中{hint}")

    def extract(self, zf: zipfile.ZipFile, entry: Entry, d: dict, i: int) -> PackageDocument:
        fd, name = tempfile.mkstemp(prefix="doc-", suffix=".pdf", dir=self.workdir)
        tmp = Path(name)
        self.created.append(tmp)
        h = hashlib.sha256()
        head = bytearray()

        def write(chunk: bytes) -> None:
            h.update(chunk)
            out.write(chunk)
            if len(head) < 8:
                head.extend(chunk[:8])

        with os.fdopen(fd, "wb") as out:
            size = self.stream(zf, entry, write, self.limits.max_total_size)
        if h.hexdigest() != d["sha256"]:
            raise self.refuse(f"manifest.documents[{i}].sha256", "document.sha256",
                              f"文档“{d['path']}”的 SHA-256 与 manifest 不符：manifest 中为 {d['sha256']}，"
                              f"文件实际为 {h.hexdigest()}；文件可能已损坏或被替换")
        self.tick_extracted()
        pages, features = self.page_count(tmp, bytes(head), d["path"])
        d["pdf_findings"] = features  # always set: a manifest cannot declare its own
        return PackageDocument(d["path"], d["kind"], d["title"], d["sha256"], size, pages, tmp, features)

    def page_count(self, tmp: Path, head: bytes, name: str) -> tuple[int, list[str]]:
        """(pages, active content found — see pdfscan) of a document that must be a readable PDF."""
        if not head.startswith(b"%PDF-"):
            what = next((zh for magic, zh in _MAGIC if head.startswith(magic)), None)
            found = f"看起来是 {what}" if what else f"开头为 {head[:8]!r}"
            raise self.refuse(name, "document.not_pdf",
                              f"文档“{name}”不是 PDF 文件（{found}）；PDF 文件应以 %PDF- 开头，请转换为 PDF 后重新打包")
        try:
            with _quiet_pypdf():
                reader = PdfReader(tmp, strict=False)
                opened = reader.decrypt("") if reader.is_encrypted else None
                locked = opened == PasswordType.NOT_DECRYPTED
                pages = 0 if locked else len(reader.pages)
        except Exception as e:  # pypdf raises many kinds on damaged files
            raise self.refuse(name, "document.bad_pdf", f"文档“{name}”以 %PDF- 开头，但无法作为 PDF 解析（已损坏或"
                              f"不完整）；请重新导出 PDF（详情：{type(e).__name__}: {e}）") from None
        if locked:
            raise self.refuse(name, "document.pdf_encrypted",
                              f"文档“{name}”设置了打开密码；申报材料应为无需密码即可打开的 PDF")
        if pages < 1:
            raise self.refuse(name, "document.bad_pdf", f"文档“{name}”是没有任何页面的 PDF；应至少有 1 页")
        try:
            with _quiet_pypdf():
                features = active_content(reader, opened)
        except Exception:  # the pages read; a structure pypdf chokes on deeper down is reported, not refused
            features = [INCOMPLETE]
        return pages, features


_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved = logging.NOTSET


@contextmanager
def _quiet_pypdf():
    """pypdf logs its repairs of damaged files as warnings; the refusal message says it all.
    Counted, so that overlapping reads in several threads restore the level only once."""
    global _quiet_depth, _quiet_saved
    log = logging.getLogger("pypdf")
    with _quiet_lock:
        if _quiet_depth == 0:
            _quiet_saved = log.level
            log.setLevel(logging.ERROR)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                log.setLevel(_quiet_saved)


def _match_utf8_readings(entries: dict[str, Entry], docs: list[dict]) -> None:
    """A listed path that no entry has under its GBK reading, but exactly one unflagged entry has
    under its UTF-8 reading (and whose GBK reading the manifest does not list): that entry is
    the document. The manifest (UTF-8 by definition) decides; no name is guessed."""
    listed = {d["path"] for d in docs}
    for path in listed - entries.keys():
        found = [e for e in entries.values() if e.alt_name == path and e.name not in listed]
        if len(found) == 1:
            del entries[found[0].name]
            entries[path] = Entry(path, found[0].info)


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


def _unlisted(entries: dict[str, Entry], docs: list[dict]) -> list[Msg]:
    """Warnings for files the manifest does not list (ignored, not refused)."""
    listed = {d["path"] for d in docs} | {"manifest.json"}
    junk, other = 0, []
    for name, entry in entries.items():
        if entry.is_dir or name in listed:
            continue
        if name.startswith(_JUNK) or name.rsplit("/", 1)[-1] in _JUNK_NAMES or name.rsplit("/", 1)[-1].startswith("._"):
            junk += 1
        else:
            other.append(name)
    out = [M("package.warning.unlisted", name=for_terminal(n)) for n in other[:MAX_LISTED_WARNINGS]]
    if len(other) > MAX_LISTED_WARNINGS:
        out.append(M("package.warning.unlisted_more", n=len(other) - MAX_LISTED_WARNINGS))
    if junk:
        out.append(M("package.warning.junk", n=junk))
    return out
