"""Issue 20 item 4: a score file is held to its format — the canonical JSON the expert's program
writes, byte for byte (docs/formats.md §2.1). A pretty-printed or re-saved copy is refused with
where it first differs and why, and leaves the store as it was; the canonical original imports."""

from __future__ import annotations

import json

import pytest

from nn_review.cli import main
from nn_review.exchange import ExchangeError
from nn_review.exchange.bundles import make_bundle
from nn_review.exchange.scores_import import import_score_files
from nn_review.formats.bundle import open_bundle
from nn_review.formats.canonical import canonical_json
from nn_review.formats.scorefile import read_score_file, verify_score_file, write_score_file
from nn_review.i18n import render
from nn_review.keys import ephemeral_key

from .exchange_fixtures import build_world, good_review, no_real_keyring, table_counts  # noqa: F401


@pytest.fixture
def scored(tmp_path):
    """A world and 王建国's canonical score file (revision 1) for his bundle."""
    w = build_world(tmp_path)
    info = make_bundle(w.store, w.sid, w.experts["王建国"], tmp_path / "out", secretary_key=w.secretary)
    ob = open_bundle(info.path, info.password, trusted_secretary_fingerprint=w.secretary.fingerprint,
                     out_dir=tmp_path / "laptop")
    reviews = [good_review(a["application_id"]) for a in ob.applications]
    path = write_score_file(tmp_path / "back" / "王建国-r1.nnscore", ob, ephemeral_key("expert", "w"), 1, reviews).path
    w.score_path, w.bundle_secret = path, ob.secret
    yield w
    w.store.close()


def variant(path, name, data: bytes):
    out = path.with_name(name)
    out.write_bytes(data)
    return out


def pretty(path):
    return json.dumps(json.loads(path.read_bytes()), ensure_ascii=False, indent=2).encode("utf-8")


def test_pretty_printed_file_refused_with_where_and_why(scored):
    raw = scored.score_path.read_bytes()
    assert raw == canonical_json(json.loads(raw))      # what the expert's program writes
    with pytest.raises(ExchangeError) as e:
        read_score_file(pretty(scored.score_path), "p.nnscore")
    assert e.value.code == "scores.not_canonical"
    assert "第 1 行第 2 列" in e.value.message and "重新排版" in e.value.message
    # The content is intact (same body, same signature): only the layout is refused.
    obj = json.loads(pretty(scored.score_path))
    assert canonical_json(obj) == raw


@pytest.mark.parametrize("how, data, words", [
    ("trailing newline", lambda raw: raw + b"\n", "首尾多了空白或换行"),
    ("BOM", lambda raw: b"\xef\xbb\xbf" + raw, None),       # a BOM is not even UTF-8 JSON here
    ("key order", lambda raw: json.dumps(dict(reversed(list(json.loads(raw).items()))), ensure_ascii=False,
                                         separators=(",", ":")).encode("utf-8"), "键的顺序"),
    ("\\u escapes", lambda raw: json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode(), "键的顺序"),
])
def test_every_other_layout_is_refused(scored, how, data, words):
    raw = scored.score_path.read_bytes()
    with pytest.raises(ExchangeError) as e:
        verify_score_file(data(raw), scored.bundle_secret, name="x.nnscore")
    if words is None:
        assert e.value.code in ("scores.not_score_file", "scores.not_canonical")
    else:
        assert e.value.code == "scores.not_canonical" and words in e.value.message, e.value.message


def test_import_refuses_the_pretty_copy_and_takes_the_original(scored):
    p = variant(scored.score_path, "美化.nnscore", pretty(scored.score_path))
    before = table_counts(scored.store)
    [r] = import_score_files(scored.store, scored.sid, [p])
    assert (r.outcome, r.code) == ("refused", "scores.not_canonical")
    assert "美化.nnscore 不是规范格式的评分文件" in r.message
    assert table_counts(scored.store) == before           # the store as it was
    what = r.problem
    assert "排版与专家端导出的原文件不同" in render(what.what, "zh_CN")
    assert "do not save it from an editor" in render(what.todo, "en")
    [ok] = import_score_files(scored.store, scored.sid, [scored.score_path])
    assert ok.outcome == "imported", ok.message


def test_cli_import_scores_says_why(scored, capsys):
    p = variant(scored.score_path, "pretty.nnscore", pretty(scored.score_path))
    root = str(scored.store.root)
    scored.store.close()
    code = main(["--store", root, "session", "import-scores", str(p), str(scored.score_path)])
    out = capsys.readouterr().out
    assert code == 2
    refused = next(line for line in out.splitlines() if line.startswith("[拒收]"))
    assert refused.startswith(f"[拒收] {p}") and "不是规范格式的评分文件" in refused and "第 1 行第 2 列" in refused
    assert f"[已导入] {scored.score_path}" in out and "已导入 1，拒收 1" in out
