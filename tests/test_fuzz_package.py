"""Fuzzing the package reader (issue 12): mutated packages — flipped and truncated ZIP bytes,
mutated manifests (huge numbers, deep nesting, wrong types, unicode and control characters,
raw JSON edits), mutated entry names — are read or refused, never anything else.

Each example asserts: read_package raises nothing but PackageRefused; an accepted package also
goes through the formal checks (`package check`) without an exception; nothing is created
outside the example's own folder; Python memory stays bounded. More examples:
``NN_REVIEW_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz_package.py``.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nn_review.package import PackageRefused, read_package
from nn_review.services.checks import findings_for
from nn_review.services.guides import builtin_guide

from .fuzzing import FUZZ, bounded_memory, files_under
from .pkgtools import EXAMPLE_FILES, example_manifest, manifest_bytes, sha256, write_zip
from .test_package_names import raw_zip

GUIDE = builtin_guide("nanning-seed")
BASE = example_manifest()


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A fresh folder per example; stray temporary files would land in ``stray`` and be seen."""
    stray = tmp_path / "stray"
    stray.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(stray))

    def make():
        return Path(tempfile.mkdtemp(prefix="ex-", dir=tmp_path))
    make.stray = stray
    return make


def check(pkg: Path, stray: Path) -> None:
    """The properties every example must have."""
    work = pkg.parent / "work"
    before = files_under(pkg.parent)
    try:
        with bounded_memory(256):
            loaded = read_package(pkg, work)
    except PackageRefused as e:
        assert e.code and e.message
        assert "\x1b" not in e.message and "\x07" not in e.message
        assert not work.exists() or not any(work.iterdir())
        loaded = None
    if loaded is not None:
        assert set(work.iterdir()) == {d.temp_path for d in loaded.documents}
        findings_for(GUIDE, [(0, loaded.manifest)])  # what `package check` runs next
        json.dumps(loaded.manifest)  # storable
    assert files_under(pkg.parent) - before <= {work, *work.glob("*")}
    assert not any(stray.iterdir())
    shutil.rmtree(pkg.parent)


def _valid_bytes() -> bytes:
    d = Path(tempfile.mkdtemp())
    try:
        return write_zip(d / "p.nnpkg", [("manifest.json", manifest_bytes(BASE)), *EXAMPLE_FILES.items()]).read_bytes()
    finally:
        shutil.rmtree(d)


VALID = _valid_bytes()


# -- ZIP bytes -------------------------------------------------------------------------------

@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=8),
       cut=st.one_of(st.none(), st.integers(0, len(VALID))),
       insert=st.one_of(st.none(), st.tuples(st.integers(0, len(VALID)), st.binary(max_size=64))))
def test_zip_byte_mutations(sandbox, flips, cut, insert):
    data = bytearray(VALID)
    for i, b in flips:
        data[i] = b
    if insert is not None:
        at, blob = insert
        data[at:at] = blob
    if cut is not None:
        del data[cut:]
    pkg = sandbox() / "p.nnpkg"
    pkg.write_bytes(bytes(data))
    check(pkg, sandbox.stray)


# -- manifest values -------------------------------------------------------------------------

def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths(BASE) if p]
nasty_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60) | st.sampled_from(
    ["\x1b[2J", "\u202egpj.exe", "a\u200bb", "\x00", "\n", "../x", "docs/../../etc/passwd", "C:\\x", "\ud7ff",
     "x" * 30_000])
huge_int = st.sampled_from([10 ** 23, -(10 ** 400), 10 ** 400, 10 ** 309, 2 ** 63, 2 ** 64 + 1, int("9" * 4000),
                            0, -1, 1])
values = st.recursive(
    st.none() | st.booleans() | huge_int | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | nasty_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4),
    max_leaves=12)


def _deep(n: int):
    v: object = 1
    for _ in range(n):
        v = [v]
    return v


@FUZZ
@given(edits=st.lists(st.tuples(st.sampled_from(PATHS), values | st.integers(1, 60).map(_deep)), min_size=1, max_size=4),
       drop=st.lists(st.sampled_from(PATHS), max_size=2))
def test_manifest_value_mutations(sandbox, edits, drop):
    m = copy.deepcopy(BASE)
    for path, value in edits + [(p, None) for p in drop]:
        obj = m
        try:
            for k in path[:-1]:
                obj = obj[k]
            if (path, value) in [(p, None) for p in drop]:
                del obj[path[-1]]
            else:
                obj[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            pass  # an earlier edit changed the shape
    try:
        text = json.dumps(m, ensure_ascii=False)  # NaN/Infinity written as the non-standard literals
    except (ValueError, RecursionError):
        return
    pkg = write_zip(sandbox() / "p.nnpkg", [("manifest.json", text.encode("utf-8", "surrogatepass")),
                                            *EXAMPLE_FILES.items()], compression=zipfile.ZIP_STORED)
    check(pkg, sandbox.stray)


# -- manifest text ---------------------------------------------------------------------------

TEXT = manifest_bytes(BASE)


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 8), st.binary(max_size=12) |
                                st.sampled_from([b"[" * 5000, b"{\"a\":" * 3000, b"9" * 500, b"1e999", b"NaN",
                                                 b"\xef\xbb\xbf", b"\\u0000", b"\"\x1b\""])),
                      min_size=1, max_size=5))
def test_manifest_text_mutations(sandbox, edits):
    data = bytearray(TEXT)
    for at, n, blob in edits:
        data[at:at + n] = blob
    pkg = write_zip(sandbox() / "p.nnpkg", [("manifest.json", bytes(data)), *EXAMPLE_FILES.items()],
                    compression=zipfile.ZIP_STORED)
    check(pkg, sandbox.stray)


# -- entry names -----------------------------------------------------------------------------

raw_names = st.binary(min_size=0, max_size=40) | st.sampled_from(
    [b"docs/\x1b[2J.pdf", b"../evil.pdf", b"/etc/passwd", b"docs\\..\\x.pdf", b"C:/x.pdf", b"docs//a.pdf",
     "docs/学位证.pdf".encode("gbk"), "docs/申报书.pdf".encode("utf-8"), b"docs/\xff\xfe.pdf", b"manifest.json",
     "docs/\u202efdp.exe".encode("utf-8"), b"docs/"])


@FUZZ
@given(renames=st.lists(st.tuples(st.integers(0, 2), raw_names, st.booleans()), max_size=3),
       extra=st.lists(st.tuples(raw_names, st.binary(max_size=16), st.booleans()), max_size=3))
def test_entry_name_mutations(sandbox, renames, extra):
    entries = [(b"manifest.json", manifest_bytes(BASE), False)]
    entries += [(n.encode("utf-8"), d, True) for n, d in EXAMPLE_FILES.items()]
    for i, raw, utf8 in renames:
        entries[i] = (raw, entries[i][1], utf8)
    entries += extra
    pkg = sandbox() / "p.nnpkg"
    pkg.write_bytes(raw_zip(entries))
    check(pkg, sandbox.stray)


def _at(obj, path):
    for k in path:
        obj = obj[k]
    return obj


NUMERIC = [p for p in PATHS if type(_at(BASE, p)) in (int, float)]  # guide_item, budget, indicators …


@FUZZ
@given(edits=st.lists(st.tuples(st.sampled_from(NUMERIC),
                                st.one_of(huge_int, huge_int, huge_int, st.floats(), st.booleans(), st.integers())),
                      min_size=1, max_size=4))
def test_manifest_number_mutations(sandbox, edits):
    m = copy.deepcopy(BASE)
    for path, value in edits:
        obj = m
        for k in path[:-1]:
            obj = obj[k]
        obj[path[-1]] = value
    pkg = write_zip(sandbox() / "p.nnpkg", [("manifest.json", json.dumps(m).encode()), *EXAMPLE_FILES.items()],
                    compression=zipfile.ZIP_STORED)
    check(pkg, sandbox.stray)


# -- document PDFs (sha256 fixed up, so the PDF reader and the active-content scan see them) --

PDF = EXAMPLE_FILES["docs/合作协议.pdf"]
PDF_SNIPPETS = [b"/JavaScript", b"/JS (x)", b"/Launch", b"/EmbeddedFiles", b"/FileAttachment", b"<<" * 2000,
                b"[" * 5000, b"999999999999999999999 0 R", b"/Kids [1 0 R]", b"stream\n", b"endobj", b"%%EOF"]


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, len(PDF)), st.integers(0, 16),
                                st.binary(max_size=16) | st.sampled_from(PDF_SNIPPETS)), max_size=6),
       cut=st.one_of(st.none(), st.integers(0, len(PDF))))
def test_document_pdf_mutations(sandbox, edits, cut):
    data = bytearray(PDF)
    for at, n, blob in edits:
        data[at:at + n] = blob
    if cut is not None:
        del data[cut:]
    m = copy.deepcopy(BASE)
    m["documents"][1]["sha256"] = sha256(bytes(data))
    pkg = write_zip(sandbox() / "p.nnpkg", [("manifest.json", manifest_bytes(m)), ("docs/申报书.pdf",
                    EXAMPLE_FILES["docs/申报书.pdf"]), ("docs/合作协议.pdf", bytes(data))],
                    compression=zipfile.ZIP_STORED)
    check(pkg, sandbox.stray)
