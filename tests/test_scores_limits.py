"""Issue 12 item 5: hostile score files get a clear refusal naming the file and the field, never a
traceback; every file of a batch is imported or refused on its own; the store is unchanged by a
refused file. Hostile files here are *validly signed* where that matters (``sealed``): the
refusal must come from the limits, not from the HMAC or the signature."""

import json
import time

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.exchange import ExchangeError, scores_import
from nn_review.exchange.bundles import make_bundle
from nn_review.formats.bundle import open_bundle
from nn_review.formats.canonical import canonical_json
from nn_review.formats.scorefile import read_score_file, seal, write_score_file
from nn_review.exchange.scores_import import import_score_files
from nn_review.jsonlimits import JSONLimitError, loads_bounded
from nn_review.keys import ephemeral_key
from nn_review.store import models as M

from .exchange_fixtures import build_world, good_review, no_real_keyring, table_counts  # noqa: F401

BODY_KEYS = ("format", "bundle_id", "session_id", "expert_id", "revision", "created_at", "reviews")


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path)
    w.key = ephemeral_key("expert", "王建国")
    info = make_bundle(w.store, w.sid, w.experts["王建国"], tmp_path / "out", secretary_key=w.secretary)
    w.ob = open_bundle(info.path, info.password, trusted_secretary_fingerprint=w.secretary.fingerprint,
                       out_dir=tmp_path / "laptop")
    w.inbox = tmp_path / "inbox"
    w.inbox.mkdir()
    yield w
    w.ob.close()
    w.store.close()


def good(world, name="b-good.nnscore", revision=1):
    path = world.inbox / name
    write_score_file(path, world.ob, world.key, revision,
                     [good_review(a["application_id"]) for a in world.ob.applications])
    return path


def sealed(world, name, edit):
    """A validly HMAC'd and signed file whose body ``edit`` changed (as a hostile expert could)."""
    obj = json.loads(good(world, "template.nnscore").read_bytes())
    (world.inbox / "template.nnscore").unlink()
    body = {k: obj[k] for k in BODY_KEYS}
    edit(body)
    path = world.inbox / name
    path.write_bytes(canonical_json(seal(body, world.ob.secret, world.key.private_key)))
    return path


def refused_alone(world, path, code, field, *fragments):
    before = table_counts(world.store)
    [r] = import_score_files(world.store, world.sid, [path])
    assert (r.outcome, r.code, r.field) == ("refused", code, field), (r.outcome, r.code, r.field, r.message)
    assert path.name in r.message
    for f in fragments:
        assert f in r.message, (f, r.message)
    assert table_counts(world.store) == before
    return r


def imported_grades(world):
    with world.store.read() as s:
        return len(s.scalars(select(M.Grade)).all())


# -- the two findings of the issue --------------------------------------------------------

def test_deeply_nested_file_refused_and_the_next_file_still_imported(world):
    deep = world.inbox / "a-deep.nnscore"
    deep.write_bytes(b"[" * 500_000)
    ok = good(world)
    before = table_counts(world.store)
    results = import_score_files(world.store, world.sid, [world.inbox])
    by = {r.file.rsplit("/", 1)[-1]: r for r in results}
    assert [by["a-deep.nnscore"].outcome, by["b-good.nnscore"].outcome] == ["refused", "imported"]
    assert by["a-deep.nnscore"].code == "scores.not_score_file"
    assert "a-deep.nnscore" in by["a-deep.nnscore"].message and "嵌套" in by["a-deep.nnscore"].message
    after = table_counts(world.store)
    assert after["score_imports"] == before["score_imports"] + 1 and imported_grades(world) == 18
    assert ok.exists() and deep.exists()


def test_cli_folder_import_survives_deep_nesting(world, capsys):
    (world.inbox / "a-deep.nnscore").write_bytes(b"[" * 500_000)
    good(world)
    root = str(world.store.root)
    world.store.close()
    code = main(["--store", root, "session", "import-scores", str(world.inbox)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out + err and "RecursionError" not in out + err
    deep_line = next(line for line in out.splitlines() if "a-deep.nnscore" in line)
    assert deep_line.startswith("[拒收]") and "嵌套" in deep_line
    assert any(line.startswith("[已导入]") and "b-good.nnscore" in line for line in out.splitlines())
    assert "已导入 1，拒收 1" in out


def test_signed_revision_2_pow_63_refused_naming_the_field(world):
    path = sealed(world, "rev.nnscore", lambda b: b.update(revision=2 ** 63))
    r = refused_alone(world, path, "scores.malformed", "revision", "revision", "2147483647")
    # and a later valid file of the same bundle still imports (nothing was pinned or recorded)
    assert import_score_files(world.store, world.sid, [good(world, "later.nnscore")])[0].outcome == "imported"
    assert r.revision is None


@pytest.mark.parametrize("field,value", [("session_id", 2 ** 63), ("expert_id", 2 ** 63), ("expert_id", -1),
                                         ("revision", 10 ** 400), ("session_id", 0)],
                         ids=["session_id-2^63", "expert_id-2^63", "expert_id-neg", "revision-10^400", "session_id-0"])
def test_signed_out_of_range_ids_refused(world, field, value):
    path = sealed(world, f"{field}.nnscore", lambda b: b.update({field: value}))
    refused_alone(world, path, "scores.malformed", field, field)


def test_huge_strings_and_arrays_refused(world):
    apps = [a["application_id"] for a in world.ob.applications]
    long_opinion = sealed(world, "opinion.nnscore", lambda b: b["reviews"][0].update(opinion="很" * 100_000))
    refused_alone(world, long_opinion, "scores.malformed", "reviews[0].opinion", "过长")
    long_comment = sealed(world, "comment.nnscore",
                          lambda b: b["reviews"][1]["grades"]["c2"].update(comment="x" * 50_000))
    refused_alone(world, long_comment, "scores.malformed", "reviews[1].grades.c2.comment", "过长")
    long_id = sealed(world, "appid.nnscore", lambda b: b["reviews"][0].update(application_id="A" * 5000))
    refused_alone(world, long_id, "scores.malformed", "reviews[0].application_id")
    many = sealed(world, "many.nnscore", lambda b: b.update(
        reviews=[dict(b["reviews"][0], application_id=f"X-{i}") for i in range(3000)]))
    refused_alone(world, many, "scores.malformed", "reviews", "3000")
    wide = sealed(world, "wide.nnscore", lambda b: b["reviews"][0]["grades"].update(
        {f"c{i}": {"grade": "A", "comment": ""} for i in range(7, 500)}))
    refused_alone(world, wide, "scores.malformed", "reviews[0].grades")
    assert apps  # the template was real


def test_implausible_timestamps_and_non_ascii_digits_refused(world):
    old = sealed(world, "old.nnscore", lambda b: b.update(created_at="1900-01-01T00:00:00Z"))
    refused_alone(world, old, "scores.malformed", "created_at")
    late = sealed(world, "late.nnscore", lambda b: b["reviews"][0].update(updated_at="9999-12-31T23:59:59Z"))
    refused_alone(world, late, "scores.malformed", "reviews[0].updated_at")
    odd = sealed(world, "odd.nnscore", lambda b: b.update(created_at="2025-9-1T1:2:3Z"))
    refused_alone(world, odd, "scores.malformed", "created_at")


def test_hostile_json_text_refused_not_raised(world):
    """Files that cannot even be signed: each must be a refusal, and the good file after them imports."""
    texts = {
        "nan.nnscore": b'{"format":"nnscore/1","revision":NaN}',
        "inf.nnscore": b'{"format":"nnscore/1","revision":1e999}',
        "bigint.nnscore": b'{"format":"nnscore/1","revision":' + b"9" * 5000 + b"}",
        "surrogate.nnscore": None,
        "dupkey.nnscore": b'{"format":"nnscore/1","format":"nnscore/1"}',
        "wide.nnscore": b"[" + b"[]," * 2_000_000 + b"[]]",
        "bom.nnscore": b"\xef\xbb\xbf{}",
        "latin1.nnscore": b'{"format":"nnscore/1","x":"\xe9"}',
    }
    obj = json.loads(good(world, "template.nnscore").read_bytes())
    (world.inbox / "template.nnscore").unlink()
    obj["reviews"][0]["opinion"] += "\ud800"
    texts["surrogate.nnscore"] = json.dumps(obj).encode("ascii")  # escaped lone surrogate: \ud800
    for name, data in texts.items():
        (world.inbox / name).write_bytes(data)
    good(world, "zz-good.nnscore")
    before = table_counts(world.store)
    results = import_score_files(world.store, world.sid, [world.inbox])
    outcome = {r.file.rsplit("/", 1)[-1]: (r.outcome, r.code) for r in results}
    assert outcome.pop("zz-good.nnscore") == ("imported", None)
    assert all(o == "refused" for o, _ in outcome.values()), outcome
    assert set(outcome) == set(texts)
    assert table_counts(world.store)["score_imports"] == before["score_imports"] + 1
    for r in results:
        if r.outcome == "refused":
            assert r.file.rsplit("/", 1)[-1] in r.message
    messages = {r.file.rsplit("/", 1)[-1]: r.message for r in results}
    assert "revision" in messages["nan.nnscore"] and "NaN" in messages["nan.nnscore"]
    assert "revision" in messages["bigint.nnscore"] and "5000 位" in messages["bigint.nnscore"]
    assert "reviews[0].opinion" in messages["surrogate.nnscore"]


def test_reader_refuses_quickly(world):
    """Limits are checked before json.loads builds anything: a 16 MiB hostile file is refused at once."""
    for data in (b"[" * (16 * 1024 * 1024 - 1), b"[" + b"[]," * 5_000_000 + b"[]]"):
        t = time.monotonic()
        with pytest.raises(ExchangeError):
            read_score_file(data, "big.nnscore")
        assert time.monotonic() - t < 3


def test_unexpected_error_fails_one_file_not_the_batch(world, monkeypatch):
    first, second = good(world, "a.nnscore"), good(world, "b.nnscore", revision=2)
    real = scores_import.check_and_pin
    calls = []

    def flaky(s, store, expert, pem, name):
        calls.append(name)
        if name == "a.nnscore":
            raise RuntimeError("boom")
        return real(s, store, expert, pem, name)

    monkeypatch.setattr(scores_import, "check_and_pin", flaky)
    results = import_score_files(world.store, world.sid, [first, second])
    assert [(r.outcome, r.code) for r in results] == [("failed", "scores.internal"), ("imported", None)]
    assert "a.nnscore" in results[0].message and "RuntimeError" in results[0].message and "boom" in results[0].message
    # a store that cannot take the write (e.g. another process holds it): that file fails, clearly
    from nn_review.store import StoreError

    def busy(*a):
        raise StoreError("存储正被另一个导入使用，请稍后再试")

    monkeypatch.setattr(scores_import, "check_and_pin", busy)
    third = good(world, "c.nnscore", revision=3)
    [r] = import_score_files(world.store, world.sid, [third])
    assert (r.outcome, r.code) == ("failed", "store") and "c.nnscore" in r.message and "另一个导入" in r.message
    monkeypatch.setattr(scores_import, "check_and_pin", flaky)
    # one file on its own: a programming error is not hidden
    from nn_review.exchange.scores_import import import_score_file
    with pytest.raises(RuntimeError, match="boom"):
        import_score_file(world.store, world.sid, first)


def test_writer_refuses_what_the_reader_would_refuse(world):
    rev = [good_review(a["application_id"]) for a in world.ob.applications]
    rev[0]["opinion"] += "很" * 30_000
    path = world.inbox / "too-long.nnscore"
    with pytest.raises(ExchangeError, match=r"opinion") as e:  # the form's limit (forms.MAX_TEXT_CHARS) says it first
        write_score_file(path, world.ob, world.key, 1, rev)
    assert f"申报 {rev[0]['application_id']}" in e.value.message and "20000" in e.value.message
    with pytest.raises(ExchangeError, match=r"reviews\[0\]\.opinion"):  # the reader's, without the form check
        write_score_file(path, world.ob, world.key, 1, rev, check=False)
    with pytest.raises(ExchangeError, match="修订号"):
        write_score_file(path, world.ob, world.key, 2 ** 31, rev[1:])
    assert not path.exists() and not list(world.inbox.iterdir())


def test_non_regular_file_refused_without_blocking(world, tmp_path):
    import os
    fifo = world.inbox / "pipe.nnscore"
    os.mkfifo(fifo)
    good(world)
    results = import_score_files(world.store, world.sid, [world.inbox])
    outcome = {r.file.rsplit("/", 1)[-1]: r.outcome for r in results}
    assert outcome == {"b-good.nnscore": "imported"} or outcome == {"b-good.nnscore": "imported",
                                                                  "pipe.nnscore": "refused"}
    [r] = import_score_files(world.store, world.sid, [fifo])
    assert r.outcome == "refused" and "pipe.nnscore" in r.message


# -- the bounded parser itself -------------------------------------------------------------

@pytest.mark.parametrize("data,code,path", [
    (b"[" * 100, "json.depth", None),
    (b'{"a":[[[[1]]]]}', "json.depth", None),
    (b'{"a":' + b"1" * 40 + b"}", "json.int", "a"),
    (b'{"a":[1,2,{"b":NaN}]}', "json.constant", "a[2].b"),
    (b'{"a":-Infinity}', "json.constant", "a"),
    (b'{"a":1e400}', "json.float", "a"),
    (b'{"a":{"b":1,"b":2}}', "json.duplicate_key", "a.b"),
    (b'{"a":"\\udc00"}', "json.unicode", "a"),
    (b'{"a":"xxxxxxxxxxx"}', "json.string", "a"),
    (b'{"a":[1,2,3,4,5,6,7,8,9,10,11]}', "json.items", "a"),
    (b'"\xff"', "json.encoding", None),
    (b'{"a":"unterminated', "json.syntax", None),
    (b"[1,2", "json.syntax", None),
    (b" " * 2000, "json.size", None),
])
def test_loads_bounded_refusals(data, code, path):
    with pytest.raises(JSONLimitError) as e:
        loads_bounded(data, max_bytes=1000, max_depth=4, max_string=10, max_items=10)
    assert (e.value.code, e.value.path) == (code, path), e.value.message
    assert isinstance(e.value, ValueError) and e.value.message


def test_loads_bounded_accepts_what_it_should():
    data = '{"a":[1,-2,3.5,true,null,"[{\\"],",{"b":"\\u4e2d"}],"c":{}}'
    assert loads_bounded(data, max_bytes=1000, max_depth=3) == json.loads(data)
    with pytest.raises(JSONLimitError) as e:
        loads_bounded(data, max_bytes=1000, allow_floats=False)
    assert (e.value.code, e.value.path) == ("json.float", "a[2]")
    with pytest.raises(JSONLimitError, match="值"):
        loads_bounded("[" + "0," * 100 + "0]", max_bytes=1000, max_values=50)


def test_cli_prints_hostile_file_names_safely(world, capsys):
    import os
    (world.inbox / "evil\x1b[2J\x1b[31m.nnscore").write_bytes(b"{}")
    fd = os.open(os.fsencode(world.inbox) + b"/bad\xff.nnscore", os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b"[]")
    os.close(fd)
    good(world)
    root = str(world.store.root)
    world.store.close()
    for extra in ([], ["--json"]):
        code = main(["--store", root, "session", "import-scores", str(world.inbox), *extra])
        out, err = capsys.readouterr()
        assert code == 2 and "\x1b" not in out + err and "Traceback" not in out + err
        assert ("evil\\e[2J\\e[31m.nnscore" in out) if not extra else json.loads(out)
        assert "bad\\udcff.nnscore" in out


def test_deeply_nested_bundle_json_refused_on_the_expert_side(world, tmp_path):
    """bundle.json is signed by the secretary, but a bad one is still a refusal, never a RecursionError
    (both readers: open_bundle and the expert intake's streaming reader)."""
    import io
    import tarfile

    from nn_review.formats.bundle import open_bundle_streaming
    from nn_review.formats.container import write_container

    def payload(w):
        raw = b"[" * 200_000
        with tarfile.open(fileobj=w, mode="w|", format=tarfile.PAX_FORMAT) as tar:
            info = tarfile.TarInfo("bundle.json")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))

    path = tmp_path / "deep.nnrb"
    header = {"bundle_id": "0" * 32, "created_at": "2025-09-20T08:00:00Z", "session": {"id": 1, "name": "x"},
              "expert": {"id": 1, "name": "y"}}
    write_container(path, header, "ABCDE-FGHJK-LMNPQ-RSTUV", world.secretary, payload)
    with pytest.raises(ExchangeError, match="嵌套"):
        open_bundle(path, "ABCDE-FGHJK-LMNPQ-RSTUV", out_dir=tmp_path / "opened")
    with pytest.raises(ExchangeError, match="嵌套"):
        open_bundle_streaming(path, "ABCDE-FGHJK-LMNPQ-RSTUV", lambda aid, sha, chunks: None)
