"""Reading a review bundle (``.nnrb``, docs/formats.md §1): one tar walk for both ways of opening.

:func:`open_bundle_streaming` (the expert's laptop) decrypts chunk by chunk straight into
tarfile's stream reader and hands each document, as it is read, to a caller-supplied sink (the
expert workspace re-encrypts it under its own data key): nothing decrypted touches the file
system. :func:`open_bundle` (the secretary's tools, tests) is the same walk with a sink that
writes the documents under a folder. Same checks, order and refusal codes either way
(docs/formats.md §1.7).

The signature has already authenticated every ciphertext byte before decryption starts, so
the only way the GCM tag can fail at the end is a wrong password (or the file changing while
it is read). Either way the caller gets an :class:`ExchangeError` and must discard whatever
its sink received: the sink's output is trustworthy only once the function has returned.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ..forms import Form, FormError, parse_form
from ..jsonlimits import JSONLimitError, loads_bounded
from .canonical import b64d
from .container import CHUNK, FORMAT, NONCE_LEN, SIG_LEN, TAG_LEN, payload_key, read_header, verify_signature
from .errors import ExchangeError

SECRET_LEN = 32
MAX_BUNDLE_JSON = 32 * 1024 * 1024
# Our own entry names only: nothing can be written outside <root>/docs.
DOC_NAME = re.compile(r"docs/([A-Za-z0-9_-]{1,40})/([0-9a-f]{64})\.pdf")

# (application id, document sha256, plaintext chunks) -> None; must consume the chunks.
DocumentSink = Callable[[str, str, Iterator[bytes]], None]


@dataclass
class OpenedBundle:
    path: Path
    header: dict[str, Any]
    data: dict[str, Any]       # bundle.json
    root: Path                 # documents are under root/docs/<application id>/<sha256>.pdf
    secretary_fingerprint: str
    sha256: str
    forms: dict[str, Form] = field(default_factory=dict)
    owns_root: bool = False    # a temporary folder removed by close()

    @property
    def bundle_id(self) -> str:
        return self.data["bundle_id"]

    @property
    def session(self) -> dict[str, Any]:
        return self.data["session"]

    @property
    def expert(self) -> dict[str, Any]:
        return self.data["expert"]

    @property
    def band_mode(self) -> bool:
        return bool(self.data["session"]["band_mode"])

    @property
    def secret(self) -> bytes:
        return b64d(self.data["secret"], SECRET_LEN)

    @property
    def applications(self) -> list[dict[str, Any]]:
        return self.data["applications"]

    def application(self, application_id: str) -> dict[str, Any]:
        for a in self.applications:
            if a["application_id"] == application_id:
                return a
        raise KeyError(application_id)

    def form_for(self, application_id: str) -> Form:
        return self.forms[self.application(application_id)["form"]]

    def document_path(self, application_id: str, sha256: str) -> Path:
        return self.root / f"docs/{application_id}/{sha256}.pdf"

    def close(self) -> None:
        if self.owns_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass
class StreamedBundle(OpenedBundle):
    """An opened bundle whose documents went to a sink: none of them is on disk."""

    def document_path(self, application_id: str, sha256: str) -> Path:
        raise ExchangeError(f"申报 {application_id} 的文档未解密到磁盘（已由专家工作区加密保存）", "bundle.no_files")

    def close(self) -> None:
        pass


def bundle_from_data(data: dict[str, Any], *, file_name: str = "", secretary_fingerprint: str = "",
                     sha256: str = "") -> StreamedBundle:
    """A bundle object rebuilt from a verified ``bundle.json`` kept elsewhere (for writing score files)."""
    forms: dict[str, Form] = {fid: parse_form(raw, f"{file_name}:forms.{fid}") for fid, raw in data["forms"].items()}
    return StreamedBundle(Path(file_name), {}, data, Path(), secretary_fingerprint, sha256, forms, False)


def content_error(path: Path, detail: str) -> ExchangeError:
    """The refusal of a bundle whose (signed, decrypted) content is incomplete or inconsistent."""
    return ExchangeError(f"{path.name} 内容不完整或不一致：{detail}", "bundle.content")


def bundle_json(path: Path, raw: bytes) -> Any:
    """``bundle.json`` parsed within generous limits: signed by the secretary, but still never a
    RecursionError (nesting) or a memory blow-up (millions of values)."""
    try:
        return loads_bounded(raw, max_bytes=MAX_BUNDLE_JSON, max_depth=64, max_values=4_000_000,
                             max_string=4 << 20, max_items=1_000_000)
    except JSONLimitError as e:
        raise content_error(path, f"bundle.json 无法解析（{e.message}）") from None


def check_contents(path: Path, header: dict[str, Any], data: dict[str, Any], extracted: set[str]) -> dict[str, Form]:
    """``bundle.json`` against the header and the documents found; returns the parsed forms."""
    try:
        if data.get("format") != FORMAT or data.get("bundle_id") != header["bundle_id"]:
            raise ValueError("评审包编号与文件头不一致")
        if data["session"]["id"] != header["session"]["id"] or data["expert"]["id"] != header["expert"]["id"]:
            raise ValueError("批次或专家与文件头不一致")
        b64d(data["secret"], SECRET_LEN)
        forms = {fid: parse_form(raw, f"{path.name}:forms.{fid}") for fid, raw in data["forms"].items()}
        listed = set()
        apps = data["applications"]
        if not isinstance(apps, list) or not apps:
            raise ValueError("没有申报")
        for a in apps:
            if a["form"] not in forms:
                raise ValueError(f"申报 {a['application_id']} 的评审表 {a['form']} 不在包内")
            for d in a["documents"]:
                if d["file"] != f"docs/{a['application_id']}/{d['sha256']}.pdf":
                    raise ValueError(f"文档 {d['path']} 的位置不符")
                if d["file"] not in extracted:
                    raise ValueError(f"缺少文档 {d['file']}（{d['title']}）")
                listed.add(d["file"])
    except (KeyError, TypeError, ValueError, FormError) as e:
        raise content_error(path, str(e)) from None
    extra = extracted - listed
    if extra:
        raise content_error(path, f"包含未登记的文档 {sorted(extra)[0]}")
    return forms


class _Decrypting:
    """A read()-able view of the decrypted payload; hashes every raw byte of the file as it goes."""

    def __init__(self, f, dec, ct_len: int, whole):
        self.f, self.dec, self.left, self.whole = f, dec, ct_len, whole
        self.buf, self.pos = b"", 0

    def _more(self) -> None:
        chunk = self.f.read(min(CHUNK, self.left))
        if not chunk:
            raise ExchangeError("评审包在读取过程中被截断", "bundle.altered")
        self.left -= len(chunk)
        self.whole.update(chunk)
        self.buf, self.pos = self.buf[self.pos:] + self.dec.update(chunk), 0

    def read(self, n: int = -1) -> bytes:
        while self.left and (n < 0 or len(self.buf) - self.pos < n):
            self._more()
        end = len(self.buf) if n < 0 else self.pos + n
        out = self.buf[self.pos:end]
        self.pos += len(out)
        return out

    def drain(self) -> None:
        while self.left:
            chunk = self.f.read(min(CHUNK, self.left))
            if not chunk:
                raise ExchangeError("评审包在读取过程中被截断", "bundle.altered")
            self.left -= len(chunk)
            self.whole.update(chunk)
            self.dec.update(chunk)
        self.buf, self.pos = b"", 0


def _chunks(src, h) -> Iterator[bytes]:
    while chunk := src.read(CHUNK):
        h.update(chunk)
        yield chunk


def _walk(path: Path, reader: _Decrypting, sink: DocumentSink) -> tuple[dict[str, Any], set[str]]:
    """The one tar walk: ``bundle.json`` parsed, every document handed to ``sink`` and hashed."""
    data = None
    seen: set[str] = set()
    with tarfile.open(fileobj=reader, mode="r|") as tar:
        for m in tar:
            if m.name in seen:
                raise content_error(path, f"重复的条目 {m.name}")
            seen.add(m.name)
            if not m.isreg():
                raise content_error(path, f"条目 {m.name} 不是普通文件")
            src = tar.extractfile(m)
            if m.name == "bundle.json":
                if m.size > MAX_BUNDLE_JSON:
                    raise content_error(path, "bundle.json 过大")
                data = bundle_json(path, src.read(MAX_BUNDLE_JSON + 1))
                continue
            match = DOC_NAME.fullmatch(m.name)
            if not match:
                raise content_error(path, f"意外的条目 {m.name!r}")
            h = hashlib.sha256()
            gen = _chunks(src, h)
            sink(match.group(1), match.group(2), gen)
            for _ in gen:  # whatever the sink left unread still has to be hashed
                pass
            if h.hexdigest() != match.group(2):
                raise content_error(path, f"文档 {m.name} 的 SHA-256 校验不符")
    if not isinstance(data, dict):
        raise content_error(path, "缺少 bundle.json")
    return data, seen - {"bundle.json"}


def _wrong_password(path: Path) -> ExchangeError:
    return ExchangeError(f"密码错误，无法解密 {path.name}：请核对任务通知书上的密码（不区分大小写，横线和空格可省略）",
                         "bundle.password")


@dataclass
class _Verified:
    header: dict[str, Any]
    offset: int
    size: int
    fingerprint: str
    key: bytes


def _verify(path: Path, password: str, trusted_secretary_fingerprint: str | None) -> _Verified:
    """Header, signature (and trusted signer), then the payload key: before anything is decrypted."""
    header, offset, size = read_header(path)
    fpr = verify_signature(path, header, size, trusted_secretary_fingerprint)
    return _Verified(header, offset, size, fpr, payload_key(path, header, password))


def _decrypt_walk(path: Path, v: _Verified, sink: DocumentSink) -> tuple[dict[str, Any], set[str], str]:
    """(bundle.json, document entries, sha256 of the whole file): decrypts in memory, walks the tar once."""
    ct_len = v.size - v.offset - SIG_LEN - TAG_LEN
    whole = hashlib.sha256()
    with open(path, "rb") as f:
        f.seek(v.offset + ct_len)
        tag = f.read(TAG_LEN)
        dec = Cipher(algorithms.AES(v.key), modes.GCM(b64d(v.header["nonce"], NONCE_LEN), tag)).decryptor()
        f.seek(0)
        prefix = f.read(v.offset)
        whole.update(prefix)
        dec.authenticate_additional_data(prefix)
        reader = _Decrypting(f, dec, ct_len, whole)
        try:
            data, extracted = _walk(path, reader, sink)
        except (tarfile.TarError, ExchangeError, EOFError) as e:
            # Garbage from a wrong key fails the tar parser first: let the tag say which it was.
            reader.drain()
            try:
                dec.finalize()
            except InvalidTag:
                raise _wrong_password(path) from None
            if isinstance(e, ExchangeError):
                raise
            raise content_error(path, f"载荷不是有效的 tar 归档（{e}）") from None
        reader.drain()
        try:
            dec.finalize()
        except InvalidTag:
            raise _wrong_password(path) from None
        whole.update(f.read())
    return data, extracted, whole.hexdigest()


def open_bundle_streaming(path: str | Path, password: str, sink: DocumentSink, *,
                          trusted_secretary_fingerprint: str | None = None) -> StreamedBundle:
    """Verify the signature, decrypt in memory, hand every document to ``sink``, check everything."""
    path = Path(path)
    v = _verify(path, password, trusted_secretary_fingerprint)
    data, extracted, sha256 = _decrypt_walk(path, v, sink)
    forms = check_contents(path, v.header, data, extracted)
    return StreamedBundle(path, v.header, data, Path(), v.fingerprint, sha256, forms, False)


def open_bundle(path: str | Path, password: str, *, trusted_secretary_fingerprint: str | None = None,
                out_dir: str | Path | None = None) -> OpenedBundle:
    """Verify the signature, then decrypt, then check every document's SHA-256.

    Documents are written under ``out_dir`` (a temporary folder, removed by ``close()``, when
    not given); the decrypted tar itself never reaches the disk. On any refusal nothing written
    is left behind.
    """
    path = Path(path)
    v = _verify(path, password, trusted_secretary_fingerprint)
    owns = out_dir is None
    root = Path(tempfile.mkdtemp(prefix="nnrb-")) if owns else Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []

    def to_disk(application_id: str, sha256: str, chunks: Iterator[bytes]) -> None:
        dest = root / "docs" / application_id / f"{sha256}.pdf"
        dest.parent.mkdir(parents=True, exist_ok=True)
        created.append(dest)
        with open(dest, "wb") as out:
            for chunk in chunks:
                out.write(chunk)

    try:
        data, extracted, sha256 = _decrypt_walk(path, v, to_disk)
        forms = check_contents(path, v.header, data, extracted)
    except BaseException:
        if owns:
            shutil.rmtree(root, ignore_errors=True)
        for p in created:
            p.unlink(missing_ok=True)
        raise
    return OpenedBundle(path, v.header, data, root, v.fingerprint, sha256, forms, owns)
