"""Issue 12 item 9: user data never reaches the terminal raw (escape sequences in entry names,
file names, titles), and bidi/zero-width characters in the manifest's text are a 形式审查 warning."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from nn_review.checks.engine import verdict
from nn_review.checks.package_checks import check_package
from nn_review.cli import main
from nn_review.services.guides import builtin_guide

from .helpers import manifest, write_package
from .pkgtools import build_package, example_manifest

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;title\x07"
EVIL = f"docs/{CLEAR}{TITLE}.pdf"
RAW = ("\x1b", "\x07", "\x9b")


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def clean(text: str) -> None:
    for ch in RAW:
        assert ch not in text, repr(text)


@pytest.fixture
def evil(tmp_path):
    return build_package(tmp_path / "evil.nnpkg", extra=[(EVIL, b"x")])


def test_escape_sequences_in_entry_names_are_shown_escaped_by_package_check(capsys, evil):
    code, out, err = run(capsys, "package", "check", evil)
    assert code == 2 and "[拒收]" in out
    clean(out + err)
    assert "\\e[2J" in out and "\\e]0;title\\x07" in out


def test_json_report_stays_valid_and_clean(capsys, evil):
    _code, out, _ = run(capsys, "package", "check", "--json", evil)
    rep = json.loads(out)
    clean(out)
    assert CLEAR in rep["packages"][0]["refusal"]["message"] or "\\e[2J" in rep["packages"][0]["refusal"]["message"]


def test_escape_sequences_in_session_import_and_subprocess(capsys, tmp_path, evil):
    store = tmp_path / "store"
    assert run(capsys, "--store", store, "session", "create", "批次")[0] == 0
    named = tmp_path / f"a{CLEAR}b.nnpkg"
    named.write_bytes(evil.read_bytes())
    code, out, err = run(capsys, "--store", store, "session", "import", evil, named)
    assert code == 2 and out.count("[拒收]") == 2
    clean(out + err)
    assert "a\\e[2Jb.nnpkg" in out
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")])))
    r = subprocess.run([sys.executable, "-m", "nn_review.cli", "package", "check", str(named)],
                       capture_output=True, env=env, timeout=120)
    assert r.returncode == 2
    clean(r.stdout.decode() + r.stderr.decode())
    assert b"\\e[2J" in r.stdout


def test_package_refused_message_escapes_the_name(tmp_path, evil):
    from nn_review.package import PackageRefused, read_package
    with pytest.raises(PackageRefused) as ei:
        read_package(evil, tmp_path / "w")
    clean(ei.value.message)
    assert "\\e[2J" in ei.value.message


# -- hidden characters: a warning, not a refusal --------------------------------------------

def test_hidden_characters_in_text_fields_are_a_formal_check_warning(capsys, tmp_path):
    m = manifest(application_id="H-1", title="智能翻译\u202e系统fdp.exe")
    m["applicant"]["name"] = "广西某某\u200b信息科技有限公司"
    pkg = write_package(tmp_path, m)
    code, out, _ = run(capsys, "package", "check", pkg)
    assert "[拒收]" not in out
    clean(out)
    assert "U+202E" in out and "RIGHT-TO-LEFT OVERRIDE" in out and "manifest.title" in out
    assert "U+200B" in out and "manifest.applicant.name" in out
    assert "\u202e" not in out and "\u200b" not in out  # shown marked, never raw
    store = tmp_path / "store"
    assert run(capsys, "--store", store, "session", "create", "批次")[0] == 0
    code, out, _ = run(capsys, "--store", store, "session", "import", pkg)
    assert "[已导入]" in out
    _code, out, _ = run(capsys, "--store", store, "session", "checks", "--json")
    p = json.loads(out)["packages"][0]
    assert p["verdict"] in ("attention", "fail")
    hidden = [f for f in p["findings"] if f["rule_id"] == "K.HIDDEN_CHARS"]
    assert len(hidden) == 2 and all(f["severity"] == "warning" for f in hidden)
    assert "\u202e" not in out  # the JSON report escapes them (\\u202e) too


def test_hidden_characters_finding_unit():
    guide = builtin_guide("nanning-seed")
    m = example_manifest()
    m["leader"]["name"] = "张\u2066三"
    found = check_package(guide, m)
    hidden = [f for f in found if f.rule_id == "K.HIDDEN_CHARS"]
    assert len(hidden) == 1 and "manifest.leader.name" in hidden[0].message and "U+2066" in hidden[0].message
    assert verdict(found) == "attention" or verdict(found) == "fail"
    assert not [f for f in check_package(guide, example_manifest()) if f.rule_id == "K.HIDDEN_CHARS"
                and f.severity != "info"]


def test_json_text_is_the_same_value_without_raw_terminal_characters():
    from nn_review.cli.support import json_text
    value = {"t": "a\x9b2Jb\u202ec\u200b\x7f\u2028", "n": [1, None]}
    text = json_text(value)
    assert json.loads(text) == value
    assert all(ch not in text for ch in "\x9b\u202e\u200b\x7f\u2028")


def test_safe_stream_keeps_a_leading_carriage_return_only(capsys):
    from nn_review.cli.support import terminal_safe_output
    with terminal_safe_output():
        print("\r 50%  a\rb\x1b[2J", end="", file=sys.stderr)
        print("line\nnext\x07")
    out, err = capsys.readouterr()
    assert err == "\r 50%  a\\rb\\e[2J" and out == "line\nnext\\x07\n"
