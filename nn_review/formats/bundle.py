"""Open a review bundle without writing any plaintext to disk (the expert's laptop).

Same checks, order and refusal codes as :func:`bundles.open_bundle` (docs/formats.md §1.7),
but the payload is decrypted chunk by chunk straight into tarfile's stream reader and each
document is handed, as it is read, to a caller-supplied sink (the expert workspace
re-encrypts it under its own data key). Nothing decrypted ever touches the file system here.

The signature has already authenticated every ciphertext byte before decryption starts, so
the only way the GCM tag can fail at the end is a wrong password (or the file changing while
it is read). Either way the caller gets an :class:`ExchangeError` and must discard whatever
its sink received: the sink's output is trustworthy only once this function has returned.
"""

from __future__ import annotations

import hashlib
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ..forms import Form, parse_form
from .bundles import _DOC_NAME, MAX_BUNDLE_JSON, OpenedBundle, _bad, _check, bundle_json
from .common import ExchangeError, b64d
from .container import CHUNK, NONCE_LEN, SIG_LEN, TAG_LEN, payload_key, read_header, verify_signature

# (application id, document sha256, plaintext chunks) -> None; must consume the chunks.
DocumentSink = Callable[[str, str, Iterator[bytes]], None]


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
    data = None
    seen: set[str] = set()
    with tarfile.open(fileobj=reader, mode="r|") as tar:
        for m in tar:
            if m.name in seen:
                raise _bad(path, f"重复的条目 {m.name}")
            seen.add(m.name)
            if not m.isreg():
                raise _bad(path, f"条目 {m.name} 不是普通文件")
            src = tar.extractfile(m)
            if m.name == "bundle.json":
                if m.size > MAX_BUNDLE_JSON:
                    raise _bad(path, "bundle.json 过大")
                data = bundle_json(path, src.read(MAX_BUNDLE_JSON + 1))
                continue
            match = _DOC_NAME.fullmatch(m.name)
            if not match:
                raise _bad(path, f"意外的条目 {m.name!r}")
            h = hashlib.sha256()
            gen = _chunks(src, h)
            sink(match.group(1), match.group(2), gen)
            for _ in gen:  # whatever the sink left unread still has to be hashed
                pass
            if h.hexdigest() != match.group(2):
                raise _bad(path, f"文档 {m.name} 的 SHA-256 校验不符")
    if not isinstance(data, dict):
        raise _bad(path, "缺少 bundle.json")
    return data, seen - {"bundle.json"}


def _wrong_password(path: Path) -> ExchangeError:
    return ExchangeError(f"密码错误，无法解密 {path.name}：请核对任务通知书上的密码（不区分大小写，横线和空格可省略）",
                         "bundle.password")


def open_bundle_streaming(path: str | Path, password: str, sink: DocumentSink, *,
                          trusted_secretary_fingerprint: str | None = None) -> StreamedBundle:
    """Verify the signature, decrypt in memory, hand every document to ``sink``, check everything."""
    path = Path(path)
    header, offset, size = read_header(path)
    fpr = verify_signature(path, header, size, trusted_secretary_fingerprint)
    key = payload_key(path, header, password)
    ct_len = size - offset - SIG_LEN - TAG_LEN
    whole = hashlib.sha256()
    with open(path, "rb") as f:
        f.seek(offset + ct_len)
        tag = f.read(TAG_LEN)
        dec = Cipher(algorithms.AES(key), modes.GCM(b64d(header["nonce"], NONCE_LEN), tag)).decryptor()
        f.seek(0)
        prefix = f.read(offset)
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
            raise _bad(path, f"载荷不是有效的 tar 归档（{e}）") from None
        reader.drain()
        try:
            dec.finalize()
        except InvalidTag:
            raise _wrong_password(path) from None
        rest = f.read()
        whole.update(rest)
    forms = _check(path, header, data, extracted)
    return StreamedBundle(path, header, data, Path(), fpr, whole.hexdigest(), forms, False)
