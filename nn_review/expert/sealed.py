"""Encryption at rest of everything the expert must not keep in plain form (AES-256-GCM).

A sealed blob is ``MAGIC | nonce (12) | ciphertext | tag (16)`` under the workspace data key,
with associated data naming what it is (bundle, application, document hash), so a sealed
document cannot be swapped for another one unnoticed. Documents are written streaming and
read back whole into memory (they are only ever shown from memory).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import WorkspaceError

MAGIC = b"NNXS\x01"
DOC_SUFFIX = ".nnxs"  # a sealed document on disk
NONCE, TAG = 12, 16


def seal(key: bytes, data: bytes, aad: str) -> bytes:
    nonce = os.urandom(NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, aad.encode("utf-8"))


def unseal(key: bytes, blob: bytes, aad: str, what: str) -> bytes:
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + NONCE + TAG:
        raise WorkspaceError(f"{what} 不是工作区加密数据（文件头不符），可能已损坏", "workspace.sealed")
    nonce = blob[len(MAGIC):len(MAGIC) + NONCE]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + NONCE:], aad.encode("utf-8"))
    except InvalidTag:
        raise WorkspaceError(f"{what} 校验失败：已损坏、被改动或不属于本工作区", "workspace.sealed") from None


def seal_stream(key: bytes, chunks: Iterable[bytes], aad: str, out: Path) -> int:
    """Encrypt ``chunks`` into the file ``out`` (fsynced); returns the plaintext size."""
    nonce = os.urandom(NONCE)
    enc = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    enc.authenticate_additional_data(aad.encode("utf-8"))
    size = 0
    with open(out, "wb") as f:
        f.write(MAGIC + nonce)
        for chunk in chunks:
            size += len(chunk)
            f.write(enc.update(chunk))
        f.write(enc.finalize())
        f.write(enc.tag)
        f.flush()
        os.fsync(f.fileno())
    return size


def unseal_file(key: bytes, path: Path, aad: str, what: str) -> bytes:
    try:
        blob = Path(path).read_bytes()
    except OSError as e:
        raise WorkspaceError(f"无法读取{what}（{path}）：{e}", "workspace.missing_document") from e
    return unseal(key, blob, aad, what)
