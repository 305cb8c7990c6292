"""The ``nnrb/1`` container: cleartext header, AES-256-GCM ciphertext, Ed25519 signature.

Layout (docs/formats.md §1)::

    "NNRB" | version u8 = 1 | 3 zero bytes | header_len u32 BE | header (canonical JSON)
    | ciphertext (payload, then 16-byte GCM tag) | signature (64 bytes)

* AAD of the GCM encryption = every byte before the ciphertext (prefix + header).
* signature = Ed25519 over ``SIG_CONTEXT + SHA-512(every byte before the signature)``;
  hashing first lets both sides stream files of hundreds of MB.

Both directions stream: the payload is written through the cipher chunk by chunk, and the
reader (``formats.bundle``) decrypts in memory and trusts what it read only once the tag checks out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..keys import SigningKey, fingerprint, normalize_fingerprint, public_key_from_b64
from .canonical import b64d, b64e, canonical_json
from .errors import ExchangeError

MAGIC = b"NNRB"
VERSION = 1
FORMAT = "nnrb/1"
PREFIX = struct.Struct(">4sB3sI")  # magic, version, reserved, header length
SIG_LEN, TAG_LEN, SALT_LEN, NONCE_LEN = 64, 16, 16, 12
SIG_CONTEXT = b"nnrb/1 signature\n"
MAX_HEADER = 64 * 1024
KDF = {"name": "scrypt", "n": 2 ** 15, "r": 8, "p": 1, "length": 32}
CIPHER = "AES-256-GCM"
CHUNK = 1 << 20


def normalize_password(password: str) -> str:
    """What the KDF sees: spaces and dashes dropped, upper case (typing mistakes people make)."""
    return re.sub(r"[\s\-]", "", password or "").upper()


def _derive(password: str, salt: bytes, kdf: dict) -> bytes:
    return Scrypt(salt=salt, length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]).derive(
        normalize_password(password).encode("utf-8"))


class _EncryptingWriter:
    """File-like sink for tarfile's stream mode: encrypts, writes, hashes."""

    def __init__(self, out: BinaryIO, encryptor, hashes):
        self.out, self.enc, self.hashes = out, encryptor, hashes

    def _emit(self, data: bytes) -> None:
        if data:
            self.out.write(data)
            for h in self.hashes:
                h.update(data)

    def write(self, data: bytes) -> int:
        self._emit(self.enc.update(data))
        return len(data)

    def finish(self) -> None:
        self._emit(self.enc.finalize())
        self._emit(self.enc.tag)


def write_container(out_path: Path, header: dict[str, Any], password: str, key: SigningKey,
                    write_payload: Callable[[_EncryptingWriter], None]) -> str:
    """Write a complete container to ``out_path`` (which the caller renames/removes); returns its sha256.

    ``header`` gets kdf/salt/cipher/nonce/secretary filled in here so they always match what
    was actually used. ``write_payload`` streams the plaintext into the writer it is given.
    """
    salt, nonce = os.urandom(SALT_LEN), os.urandom(NONCE_LEN)
    header = dict(header, format=FORMAT, kdf=dict(KDF), salt=b64e(salt), cipher=CIPHER, nonce=b64e(nonce),
                  secretary={"public_key": key.public_b64, "fingerprint": key.fingerprint})
    hbytes = canonical_json(header)
    prefix = PREFIX.pack(MAGIC, VERSION, b"\0\0\0", len(hbytes)) + hbytes
    enc = Cipher(algorithms.AES(_derive(password, salt, KDF)), modes.GCM(nonce)).encryptor()
    enc.authenticate_additional_data(prefix)
    signed, whole = hashlib.sha512(), hashlib.sha256()
    with open(out_path, "wb") as f:
        f.write(prefix)
        signed.update(prefix)
        whole.update(prefix)
        w = _EncryptingWriter(f, enc, (signed, whole))
        write_payload(w)
        w.finish()
        sig = key.private_key.sign(SIG_CONTEXT + signed.digest())
        f.write(sig)
        whole.update(sig)
        f.flush()
        os.fsync(f.fileno())
    return whole.hexdigest()


def _refuse(code: str, message: str) -> ExchangeError:
    return ExchangeError(message, f"bundle.{code}")


def read_header(path: Path) -> tuple[dict[str, Any], int, int]:
    """(header, offset of the ciphertext, file size); refuses anything that is not an nnrb/1 file."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(PREFIX.size)
            if len(head) < PREFIX.size or head[:4] != MAGIC:
                raise _refuse("magic", f"{path.name} 不是评审包文件（文件头不是 NNRB）")
            _, version, reserved, hlen = PREFIX.unpack(head)
            if version != VERSION:
                raise _refuse("version", f"{path.name} 的评审包版本为 {version}，本程序只支持 {FORMAT}；请升级程序")
            if reserved != b"\0\0\0" or not 2 <= hlen <= MAX_HEADER \
                    or size < PREFIX.size + hlen + TAG_LEN + SIG_LEN:
                raise _refuse("altered", f"{path.name} 已损坏或被改动（文件结构长度不符）")
            hbytes = f.read(hlen)
    except OSError as e:
        raise _refuse("io", f"无法读取评审包 {path}：{e}") from e
    try:
        header = json.loads(hbytes.decode("utf-8"))
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError("format")
        pub = header["secretary"]["public_key"]
        stated = header["secretary"]["fingerprint"]
        kdf = header["kdf"]
        salt, nonce = b64d(header["salt"], SALT_LEN), b64d(header["nonce"], NONCE_LEN)
        if not isinstance(kdf, dict) or not isinstance(stated, str) or not salt or not nonce:
            raise ValueError("header")
        public_key_from_b64(pub)
    except Exception:
        raise _refuse("altered", f"{path.name} 已损坏或被改动（文件头无法解析）") from None
    return header, PREFIX.size + hlen, size


def verify_signature(path: Path, header: dict[str, Any], size: int,
                     trusted_fingerprint: str | None = None) -> str:
    """Check the signature (and, if given, that the signer is the trusted secretary); returns the fingerprint."""
    pub = public_key_from_b64(header["secretary"]["public_key"])
    fpr = fingerprint(pub)
    if fpr != header["secretary"]["fingerprint"]:
        raise _refuse("altered", f"{path.name} 已被改动：文件头中的秘书公钥与其指纹不符")
    digest = hashlib.sha512()
    with open(path, "rb") as f:
        left = size - SIG_LEN
        while left:
            chunk = f.read(min(CHUNK, left))
            if not chunk:
                raise _refuse("altered", f"{path.name} 已损坏（文件被截断）")
            digest.update(chunk)
            left -= len(chunk)
        sig = f.read(SIG_LEN)
    try:
        pub.verify(sig, SIG_CONTEXT + digest.digest())
    except InvalidSignature:
        raise _refuse("signature", f"{path.name} 已被改动或损坏：签名校验失败，请向秘书索取原始评审包") from None
    if trusted_fingerprint is not None:
        want = normalize_fingerprint(trusted_fingerprint)
        if fpr != want:
            raise _refuse("untrusted", f"{path.name} 不是由受信任的秘书密钥签发：包内签名密钥指纹 {fpr}，"
                                       f"任务通知书上的指纹应为 {want}")
    return fpr


def payload_key(path: Path, header: dict[str, Any], password: str) -> bytes:
    """The AES key of the payload (after checking the KDF/cipher parameters are acceptable)."""
    kdf = header["kdf"]
    n = kdf.get("n")
    if (kdf.get("name") != "scrypt" or kdf.get("r") != 8 or kdf.get("p") != 1 or kdf.get("length") != 32
            or not isinstance(n, int) or n < 2 ** 14 or n > 2 ** 20 or n & (n - 1)
            or header.get("cipher") != CIPHER):
        # Bounded so a crafted header cannot make us allocate gigabytes in scrypt.
        raise _refuse("params", f"{path.name} 使用了不支持的加密参数（{kdf}, {header.get('cipher')}）")
    if not normalize_password(password):
        raise _refuse("password", "请输入评审包密码（见任务通知书）")
    return _derive(password, b64d(header["salt"], SALT_LEN), kdf)
