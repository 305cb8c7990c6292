"""Fuzz the score-file reader and import (issue 12): whatever the bytes, the reader returns a
ScoreFile or raises ExchangeError (its own refusal type) — never RecursionError, OverflowError,
UnicodeEncodeError …; the import gives every file ``imported`` or ``refused`` (never ``failed``),
a refusal leaves every table as it was; nothing is written outside the test's folder; memory
stays bounded.

Inputs are mutations of a real, validly signed score file: byte flips, truncation, inserted
bytes, JSON structure mutations (deep nesting, huge integers, floats/NaN, wrong types, long
and odd Unicode strings, big arrays, unknown/missing keys) — re-signed with the bundle secret
and the expert key where the result can be signed, so the hostile value reaches the checks
behind the HMAC and the signature — and random JSON.
``NN_REVIEW_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_scorefile.py`` runs more.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nn_review.exchange import ExchangeError
from nn_review.exchange.bundles import make_bundle
from nn_review.formats.bundle import open_bundle
from nn_review.formats.canonical import canonical_json
from nn_review.formats.scorefile import read_score_file, seal, verify_score_file, write_score_file
from nn_review.exchange.scores_import import import_score_files
from nn_review.keys import ephemeral_key

from .exchange_fixtures import build_world, good_review, no_real_keyring, table_counts  # noqa: F401
from .fuzzing import FUZZ, bounded_memory, files_under

BODY_KEYS = ("format", "bundle_id", "session_id", "expert_id", "revision", "created_at", "reviews")
PLACEHOLDER = "\x00RAW\x00"
# JSON text that no canonical (signable) file can hold, spliced in where the placeholder is.
RAW_VALUES = ["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "1.5", "0.1e-400", "9" * 5000, "-" + "9" * 400,
              "[" * 20 + "]" * 20, "[" * 1000 + "]" * 1000, "[" * 100_000, "{" * 5000, '"\\ud800"', '"\\udfff x"',
              '"\\u0000"', '"a\\u202eb"', "[" + "0," * 300_000 + "0]", '"' + "x" * 30_000 + '"', "tru", '"', "]"]


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path, n_apps=2)
    w.key = ephemeral_key("expert", "王建国")
    info = make_bundle(w.store, w.sid, w.experts["王建国"], tmp_path / "out", secretary_key=w.secretary)
    w.ob = open_bundle(info.path, info.password, out_dir=tmp_path / "laptop")
    w.inbox = tmp_path / "inbox"
    w.inbox.mkdir()
    template = w.inbox / "template.nnscore"
    reviews = [good_review(a["application_id"]) for a in w.ob.applications]
    reviews[1]["grades"]["c3"] = {"grade": "D", "comment": "论证不足"}
    write_score_file(template, w.ob, w.key, 1, reviews)
    w.template = template.read_bytes()
    template.unlink()
    yield w
    w.ob.close()
    w.store.close()


def _paths(obj: Any, where: tuple = ()) -> list[tuple]:
    out = [where]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, where + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, where + (i,))
    return out


def _set(obj: Any, where: tuple, value: Any) -> Any:
    if not where:
        return value
    parent = obj
    for k in where[:-1]:
        parent = parent[k]
    parent[where[-1]] = value
    return obj


def _nested(depth: int) -> Any:
    v: Any = 0
    for _ in range(depth):
        v = [v]
    return v


signable = st.one_of(
    st.sampled_from([2 ** 31 - 1, 2 ** 31, 2 ** 63, 2 ** 63 - 1, -(2 ** 63) - 1, 10 ** 30, 10 ** 100, 0, -1, 1]),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(), st.booleans(),
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("\u202e\u200b\ufeff\x1b\x00\n很AZ-_.\"\\"), max_size=60),
    st.sampled_from(["", "nnscore/1", "nnscore/2", "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z",
                     "2025-13-01T00:00:00Z", "2025-09-20T08:00:00Z", "８７.５", "87.5", "-0", "100.00001", "A", "F"]),
    st.integers(0, 40_000).map(lambda n: "很" * n),
    st.integers(0, 3_000).map(lambda n: [0] * n),
    st.integers(0, 300).map(lambda n: {f"c{i}": {"grade": "A", "comment": ""} for i in range(n)}),
    st.integers(0, 60).map(_nested),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.lists(st.text(max_size=5), max_size=3),
)


@st.composite
def mutants(draw, template: bytes) -> tuple[bytes, dict | None]:
    """(file bytes, body it was signed over or None)."""
    how = draw(st.sampled_from(["bytes", "value", "value", "value", "raw", "keys", "random"]))
    if how == "bytes":
        data = bytearray(template)
        for _ in range(draw(st.integers(1, 4))):
            op = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "dup"]))
            if not data:
                break
            i = draw(st.integers(0, len(data) - 1))
            if op == "flip":
                data[i] ^= draw(st.integers(1, 255))
            elif op == "truncate":
                del data[i:]
            elif op == "insert":
                data[i:i] = draw(st.binary(min_size=1, max_size=8))
            elif op == "delete":
                del data[i:i + draw(st.integers(1, 16))]
            else:
                data[i:i] = data[i:i + draw(st.integers(1, 64))] * draw(st.integers(1, 50))
        return bytes(data), None
    if how == "random":
        value = draw(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                                  lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                                                             max_size=4),
                                  max_leaves=20))
        if draw(st.booleans()):  # shaped like a score file at the top at least
            value = {"format": "nnscore/1", "reviews": value, draw(st.text(max_size=8)): value}
        return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass"), None
    obj = json.loads(template)
    paths = _paths(obj)
    if how == "keys":
        where = draw(st.sampled_from([p for p in paths if p]))
        parent = obj
        for k in where[:-1]:
            parent = parent[k]
        if isinstance(parent, dict):
            if draw(st.booleans()):
                parent.pop(where[-1])
            else:
                parent[draw(st.text(max_size=30))] = draw(signable)
        else:
            parent.insert(where[-1], draw(signable))
    else:
        where = draw(st.sampled_from(paths))
        value = PLACEHOLDER if how == "raw" else draw(signable)
        obj = _set(obj, where, value)
    if how == "raw":
        text = json.dumps(obj, ensure_ascii=False).replace(json.dumps(PLACEHOLDER), draw(st.sampled_from(RAW_VALUES)))
        return text.encode("utf-8"), None
    return json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"), obj


def _sealed(world, obj: dict) -> tuple[bytes, dict] | None:
    """The mutant re-signed (HMAC with the bundle secret, Ed25519 with the expert key), if it can be."""
    if not isinstance(obj, dict):
        return None
    body = {k: obj[k] for k in BODY_KEYS if k in obj}
    try:
        return canonical_json(seal(body, world.ob.secret, world.key.private_key)), body
    except (ValueError, TypeError, RecursionError):  # surrogates, NaN: not signable, tried unsigned
        return None


def _outside(tmp_path: Path) -> set[Path]:
    """Every file a test could leak into: the session's tmp folders and the (test) home."""
    return files_under(tmp_path.parent) | files_under(Path.home())


def test_reader_raises_only_its_refusal(world, tmp_path):
    before = _outside(tmp_path)

    @FUZZ
    @given(st.data())
    def run(data):
        raw, obj = data.draw(mutants(world.template))
        candidates = [raw]
        if obj is not None and (s := _sealed(world, obj)):
            candidates.append(s[0])
        for blob in candidates:
            with bounded_memory(256):
                try:
                    sf = verify_score_file(blob, world.ob.secret, name="m.nnscore")
                except ExchangeError as e:
                    assert e.message and "m.nnscore" in e.message
                else:
                    assert 1 <= sf.revision < 2 ** 31 and len(sf.reviews) <= 2000

    run()
    assert not _outside(tmp_path) - before  # (other tests' stores may drop their -wal files meanwhile)


def test_random_bytes_and_json_raise_only_the_refusal():
    @FUZZ
    @given(st.one_of(st.binary(max_size=300), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                                  lambda kids: st.lists(kids, max_size=4)
                                  | st.dictionaries(st.text(max_size=8), kids, max_size=4)
                                  | st.fixed_dictionaries({"format": st.just("nnscore/1"), "reviews": kids}),
                                  max_leaves=30).map(lambda v: json.dumps(v).encode())))
    def run(raw):
        with bounded_memory(64):
            try:
                read_score_file(raw, "r.nnscore")
            except ExchangeError as e:
                assert e.code in ("scores.not_score_file", "scores.malformed") and "r.nnscore" in e.message

    run()


def test_import_isolates_every_file_and_changes_nothing_on_refusal(world, tmp_path):
    before_outside = _outside(tmp_path)
    store_files = files_under(world.store.root)
    seq = iter(range(10 ** 6))

    @FUZZ
    @given(st.data())
    def run(data):
        raw, obj = data.draw(mutants(world.template))
        sealed = _sealed(world, obj) if obj is not None else None
        blob = sealed[0] if sealed and data.draw(st.booleans()) else raw
        path = world.inbox / f"m{next(seq)}.nnscore"
        path.write_bytes(blob)
        before = table_counts(world.store)
        with bounded_memory(256):
            [r] = import_score_files(world.store, world.sid, [path])
        assert r.outcome in ("imported", "refused"), r.message
        assert path.name in r.message or r.outcome == "imported"
        after = table_counts(world.store)
        if r.outcome == "refused":
            assert after == before, (r.code, r.message)
        else:
            assert after["score_imports"] == before["score_imports"] + 1
        assert files_under(world.store.root) == store_files
        path.unlink()

    run()
    assert not _outside(tmp_path) - before_outside


def test_loads_bounded_agrees_with_json_loads():
    """The bounded parser refuses only with JSONLimitError; what it accepts equals json.loads; what it
    calls a syntax error json.loads refuses too (it never rejects valid JSON as malformed)."""
    from nn_review.jsonlimits import JSONLimitError, loads_bounded

    json_ish = st.text(alphabet=st.sampled_from('[]{},:"\\ 0123456789.eE+-tfnaulrsIN\u4e2d\ud800x'), max_size=60)
    values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                          lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                                                     max_size=4),
                          max_leaves=30).map(lambda v: json.dumps(v))

    @FUZZ
    @given(st.one_of(json_ish, values))
    def run(text):
        try:
            got = loads_bounded(text, max_bytes=10_000, max_depth=8)
        except JSONLimitError as e:
            if e.code == "json.syntax":
                with pytest.raises(ValueError):
                    json.loads(text)
        else:
            assert got == json.loads(text)

    run()
