"""Issue 12 item 8: ZIP entry names without the UTF-8 flag are legacy GBK (CP936), as
package-format.md says — even when their bytes happen to be valid UTF-8 too (学位证.pdf)."""

from __future__ import annotations

import struct
import zipfile
import zlib

from nn_review.package import read_package
from nn_review.package.zipsafe import decode_name

from .pkgtools import EXAMPLE_FILES, example_manifest, manifest_bytes, pdf_bytes, sha256

CERT = pdf_bytes(1)
NAME = "docs/学位证.pdf"


def raw_zip(entries: list[tuple[bytes, bytes, bool]]) -> bytes:
    """A stored (uncompressed) ZIP written byte by byte: (raw name, data, utf8 flag)."""
    out, central = bytearray(), bytearray()
    for raw, data, utf8 in entries:
        flags = 0x800 if utf8 else 0
        crc = zlib.crc32(data)
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 0, 0, 0x21, crc, len(data), len(data),
                           len(raw), 0) + raw + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 0, 0, 0x21, crc, len(data),
                               len(data), len(raw), 0, 0, 0, 0, 0o100644 << 16, offset) + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def _manifest():
    m = example_manifest()
    m["documents"].append({"path": NAME, "kind": "certificate", "title": "学位证", "sha256": sha256(CERT)})
    return m


def test_gbk_name_that_is_also_valid_utf8_is_read_as_gbk(tmp_path):
    raw = NAME.encode("gbk")
    assert raw.decode("utf-8") != NAME  # the trap: these GBK bytes are valid UTF-8 ("ѧλ֤")
    entries = [(b"manifest.json", manifest_bytes(_manifest()), False)]
    entries += [(n.encode("gbk"), d, False) for n, d in EXAMPLE_FILES.items()]
    entries.append((raw, CERT, False))
    pkg = tmp_path / "gbk.nnpkg"
    pkg.write_bytes(raw_zip(entries))
    with zipfile.ZipFile(pkg) as zf:
        assert all(not i.flag_bits & 0x800 for i in zf.infolist())
        assert decode_name(zf.infolist()[-1]) == NAME
    loaded = read_package(pkg, tmp_path / "w")
    assert [d.path for d in loaded.documents] == ["docs/申报书.pdf", "docs/合作协议.pdf", NAME]
    assert loaded.documents[2].temp_path.read_bytes() == CERT
    assert loaded.warnings == []


def test_unlisted_gbk_file_is_named_right_in_the_warning(tmp_path):
    entries = [(b"manifest.json", manifest_bytes(example_manifest()), False)]
    entries += [(n.encode("gbk"), d, False) for n, d in EXAMPLE_FILES.items()]
    entries.append((NAME.encode("gbk"), CERT, False))
    pkg = tmp_path / "gbk.nnpkg"
    pkg.write_bytes(raw_zip(entries))
    assert read_package(pkg, tmp_path / "w").warnings == [f"压缩包中的“{NAME}”未在 manifest.json 中列出，已忽略"]


def test_utf8_flagged_names_still_work(tmp_path):
    entries = [(b"manifest.json", manifest_bytes(_manifest()), True)]
    entries += [(n.encode("utf-8"), d, True) for n, d in EXAMPLE_FILES.items()]
    entries.append((NAME.encode("utf-8"), CERT, True))
    pkg = tmp_path / "utf8.nnpkg"
    pkg.write_bytes(raw_zip(entries))
    assert [d.path for d in read_package(pkg, tmp_path / "w").documents][2] == NAME


def test_unflagged_utf8_names_match_the_manifest_only_as_a_fallback(tmp_path):
    # macOS/Linux zippers that omit the flag: the GBK reading is mojibake that the manifest does
    # not list; the UTF-8 reading of the same bytes is exactly a listed path, so that one is used.
    entries = [(b"manifest.json", manifest_bytes(_manifest()), False)]
    entries += [(n.encode("utf-8"), d, False) for n, d in EXAMPLE_FILES.items()]
    entries.append((NAME.encode("utf-8"), CERT, False))
    pkg = tmp_path / "mac.nnpkg"
    pkg.write_bytes(raw_zip(entries))
    assert [d.path for d in read_package(pkg, tmp_path / "w").documents] == [
        "docs/申报书.pdf", "docs/合作协议.pdf", NAME]
