"""Every UI string goes through Qt translation, and the English translation is complete.

Fails when a message in resources/translations/*.ts is unfinished or empty, when a string that
ui/ passes to tr() (found by pyside6-lupdate, as scripts/i18n.sh does) is missing from a .ts,
or when a translation drops a %1-style placeholder the code fills in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
PLACEHOLDER = re.compile(r"%\d")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def _lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.fail("pyside6-lupdate not found (it comes with PySide6)")
    return found


def _sources_in_ui(tmp_path: Path, lang: str) -> set[tuple[str, str]]:
    fresh = tmp_path / f"fresh_{lang}.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    r = subprocess.run([_lupdate(), *files, "-source-language", "zh_CN", "-target-language", lang,
                        "-no-obsolete", "-ts", str(fresh)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return {(c, s) for c, s, _ in _messages(fresh)}


def test_there_is_an_english_translation():
    assert "nn_review_en.ts" in [p.name for p in TS_FILES]
    root = ET.parse(ROOT / "resources" / "translations" / "nn_review_en.ts").getroot()
    assert root.get("sourcelanguage") == "zh_CN" and root.get("language") == "en"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_unfinished_or_empty_translation(ts):
    bad = []
    for ctx, src, msg in _messages(ts):
        t = msg.find("translation")
        kind = t.get("type") if t is not None else "missing"
        if kind in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in t.iter("numerusform")] if t is not None else []
        text = (t.text or "") if t is not None else ""
        if kind == "unfinished" or not (text.strip() or any(f.strip() for f in forms)):
            bad.append(f"{ctx}: {src!r} ({kind or 'empty'})")
    assert not bad, f"{ts.name}: {len(bad)} unfinished or empty translation(s):\n" + "\n".join(bad)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_placeholders_survive_translation(ts):
    bad = []
    for ctx, src, msg in _messages(ts):
        t = msg.find("translation")
        if t is None or t.get("type") in ("obsolete", "vanished", "unfinished"):
            continue
        text = t.text or " ".join(f.text or "" for f in t.iter("numerusform"))
        if sorted(set(PLACEHOLDER.findall(src or ""))) != sorted(set(PLACEHOLDER.findall(text))):
            bad.append(f"{ctx}: {src!r} → {text!r}")
    assert not bad, f"{ts.name}: placeholders differ:\n" + "\n".join(bad)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_tr_string_in_ui_is_in_the_ts(ts, tmp_path):
    lang = ET.parse(ts).getroot().get("language")
    in_ui = _sources_in_ui(tmp_path, lang)
    assert len(in_ui) > 100  # lupdate really parsed the Python sources
    gone = ("obsolete", "vanished")
    in_ts = {(c, s) for c, s, msg in _messages(ts)
             if msg.find("translation") is None or msg.find("translation").get("type") not in gone}
    missing = sorted(in_ui - in_ts)
    assert not missing, (f"{len(missing)} string(s) used with tr() in ui/ are missing from {ts.name} "
                         "(run `bash scripts/i18n.sh`, then translate them):\n"
                         + "\n".join(f"{c}: {s!r}" for c, s in missing))
