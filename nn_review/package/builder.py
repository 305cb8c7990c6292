"""Write `nnpkg/1` application packages (package-format.md): for tests, the demo and benchmarks.

The review tool never writes packages in production — the declaration platform does — but
tests and the demo need real ones, including the awkward variants found in the wild
(legacy GBK entry names from Chinese Windows zippers, stored instead of deflated entries).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

_UTF8_FLAG = 0x800
# A fixed timestamp keeps package bytes deterministic for identical input.
_DATE_TIME = (2025, 8, 1, 9, 0, 0)


class _LegacyNameInfo(zipfile.ZipInfo):
    """A ZipInfo whose name is stored as given bytes (e.g. GBK) with the UTF-8 flag clear.

    zipfile encodes every non-ASCII name as UTF-8 and sets flag bit 11; real packages
    zipped on Chinese Windows carry CP936 bytes and no flag. ``_encodeFilenameFlags`` is
    what zipfile uses for both the local header and the central directory record.
    """

    __slots__ = ("raw_name",)

    def __init__(self, filename: str, date_time: tuple, raw_name: bytes):
        super().__init__(filename, date_time)
        self.raw_name = raw_name

    def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's name)
        return self.raw_name, self.flag_bits & ~_UTF8_FLAG


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _info(name: str, compression: int, gbk_names: bool) -> zipfile.ZipInfo:
    if gbk_names and not name.isascii():
        info: zipfile.ZipInfo = _LegacyNameInfo(name, _DATE_TIME, name.encode("gbk"))
    else:
        info = zipfile.ZipInfo(name, _DATE_TIME)
    info.compress_type = compression
    if gbk_names:  # what Windows zippers write: "made by" MS-DOS, archive attribute only
        info.create_system, info.external_attr = 0, 0x20
    else:  # Unix, a regular file rw-r--r--
        info.create_system, info.external_attr = 3, (0o100644 << 16)
    return info


def build_package(manifest: dict[str, Any], documents: dict[str, bytes], out: Path, *,
                  fill_hashes: bool = True, gbk_names: bool = False,
                  compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write ``manifest`` (as ``manifest.json``) and ``documents`` (path in the archive →
    bytes) into the ZIP ``out``; returns ``out``.

    ``fill_hashes``: set ``documents[].sha256`` in the written manifest from the bytes given
    for that path (the caller's dict is not modified); with False the manifest is written
    as given — for tests of mismatching hashes. Documents not named in the manifest are
    written too (tests of the "file not in manifest" warning), manifest documents without
    bytes are simply missing from the archive.
    ``gbk_names``: store non-ASCII entry names as GBK bytes without the UTF-8 flag, as
    Chinese Windows zippers do. ``compression``: ``zipfile.ZIP_DEFLATED`` or ``ZIP_STORED``.
    The file is written next to ``out`` and renamed into place.
    """
    m = copy.deepcopy(manifest)
    if fill_hashes:
        for doc in m.get("documents") or []:
            data = documents.get(doc.get("path")) if isinstance(doc, dict) else None
            if data is not None:
                doc["sha256"] = sha256_hex(data)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=compression) as zf:
            body = json.dumps(m, ensure_ascii=False, indent=2).encode("utf-8")
            zf.writestr(_info("manifest.json", compression, gbk_names), body)
            for name, data in documents.items():
                zf.writestr(_info(name, compression, gbk_names), data)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out
