"""Distribution: one version, build info, licences, file types, icons, the installer scripts.

The bundle itself is built and run by installer/linux/smoke.sh (CI: NN_REVIEW_BUILD_BUNDLE=1);
these tests check what can be checked without building it.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import nn_review
from nn_review import buildinfo, licenses
from nn_review.open_args import classify, split_argv
from nn_review.zhfmt import long_date, number, percent, wan

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
ISS = INSTALLER / "windows" / "nn_review.iss"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPES = {"application/x-nn-review-package": ("*.nnpkg", "nnpkg"),
         "application/x-nn-review-bundle": ("*.nnrb", "nnrb"),
         "application/x-nn-review-scores": ("*.nnscore", "nnscore")}

sys.path.insert(0, str(INSTALLER))
import check_iss  # noqa: E402


# -- version and build info --------------------------------------------------------------------

def test_version_has_one_source():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "nn_review.__version__" }' in pyproject
    assert "from nn_review import __version__" in (INSTALLER / "nn_review.spec").read_text(encoding="utf-8")
    assert "nn_review.__version__" in (INSTALLER / "windows" / "build.ps1").read_text(encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "nn_review.cli", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.strip() == f"nn-review {nn_review.__version__}"


def test_build_info_is_development_from_source():
    buildinfo.build_info_data.cache_clear()
    info = buildinfo.build_info()
    assert info.version == nn_review.__version__
    assert info.is_development and info.build_date == "development"
    assert buildinfo.version_text() == f"nn-review {nn_review.__version__}"


def test_build_info_of_a_bundle(tmp_path, monkeypatch):
    res = tmp_path / "resources"
    (res / "guides").mkdir(parents=True)
    (res / "build-info.json").write_text(json.dumps(
        {"version": nn_review.__version__, "build_date": "2025-09-01", "platform": "linux-x86_64",
         "qt_version": "6.12.0", "components": {"reportlab": "4.5.1"}}), encoding="utf-8")
    monkeypatch.setenv("NN_REVIEW_RESOURCES", str(res))
    buildinfo.build_info_data.cache_clear()
    try:
        info = buildinfo.build_info()
        assert (info.build_date, info.platform, info.is_development) == ("2025-09-01", "linux-x86_64", False)
        assert buildinfo.version_text() == f"nn-review {nn_review.__version__} (build 2025-09-01, linux-x86_64)"
    finally:
        buildinfo.build_info_data.cache_clear()


# -- licences -----------------------------------------------------------------------------------

def test_licences_of_the_bundled_components_are_shipped():
    comps = {c.name.split()[0]: c for c in licenses.components()}
    for name in ("Qt", "WenQuanYi", "Python", "ReportLab", "SQLAlchemy", "cryptography", "openpyxl", "keyring",
                 "platformdirs", "pypdf"):
        assert name in comps, name
    for c in comps.values():
        assert c.files and all(f.is_file() and f.stat().st_size > 300 for f in c.files), c.name
        assert c.version and c.license and c.url.startswith("http"), c.name
        assert c.role_zh and c.role_en
    assert comps["Qt"].license == "LGPL-3.0-only"
    text = comps["Qt"].text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "download.qt.io" in text  # where the LGPL source is
    assert "Apache License" in comps["WenQuanYi"].text() and "WenQuanYi" in comps["WenQuanYi"].text()
    assert "ReportLab" in comps["ReportLab"].text()
    import importlib.util
    if importlib.util.find_spec("pyhanko"):
        assert "pyHanko" in comps


def test_optional_component_hidden_when_not_installed(monkeypatch):
    real = licenses._installed
    monkeypatch.setattr(licenses, "_installed", lambda m: False if m == "pyhanko" else real(m))
    assert "pyHanko" not in [c.name for c in licenses.components()]


def test_font_licence_matches_the_shipped_font():
    assert (ROOT / "resources" / "licenses" / "WenQuanYi-Micro-Hei-COPYRIGHT.txt").read_bytes() == \
        (ROOT / "resources" / "fonts" / "wqy-microhei.COPYRIGHT").read_bytes()


# -- command line: files to open ---------------------------------------------------------------------

COMMANDS = {"guide", "package", "session", "roster", "bundle", "expert", "demo"}


@pytest.mark.parametrize("argv, rest, files", [
    (["a.nnpkg"], [], ["a.nnpkg"]),
    (["--store", "S", "x/b.NNSCORE", "c.nnrb"], ["--store", "S"], ["x/b.NNSCORE", "c.nnrb"]),
    (["--store", "odd.nnpkg", "--demo"], ["--store", "odd.nnpkg", "--demo"], []),
    (["--lang", "en", "a.nnpkg", "--smoke-exit"], ["--lang", "en", "--smoke-exit"], ["a.nnpkg"]),
    (["session", "import", "a.nnpkg"], ["session", "import", "a.nnpkg"], []),
    (["notes.txt"], ["notes.txt"], []),
    (["--", "a.nnpkg"], ["--", "a.nnpkg"], []),
])
def test_split_argv(argv, rest, files):
    got_rest, got_files = split_argv(argv, COMMANDS)
    assert got_rest == rest and [str(p) for p in got_files] == [str(Path(f)) for f in files]


def test_classify():
    f = classify(["a.nnpkg", "b.nnrb", "c.nnscore", "d.zip", "E.NNPKG"])
    assert [p.name for p in f.packages] == ["a.nnpkg", "E.NNPKG"]
    assert [p.name for p in f.bundles] == ["b.nnrb"] and [p.name for p in f.scores] == ["c.nnscore"]
    assert f and not classify(["x.txt"])


def test_files_to_open_cannot_go_with_a_sub_command(tmp_path):
    from nn_review.cli import main
    assert main(["--store", str(tmp_path / "s"), "a.nnpkg", "session", "list"]) == 2


def test_demo_packages_verb(tmp_path, capsys):
    from nn_review.cli import main
    assert main(["demo", "packages", str(tmp_path / "pk"), "--valid-only"]) == 0
    files = sorted((tmp_path / "pk").glob("*.nnpkg"))
    assert len(files) >= 10 and not (tmp_path / "pk" / "NNKJ-2025-0199.nnpkg").exists()
    assert "已写出" in capsys.readouterr().out


# -- Chinese conventions -------------------------------------------------------------------------------

def test_money_in_wan_yuan_with_two_decimals():
    assert wan(260) == "260.00 万元"
    assert wan(1234.5) == "1,234.50 万元"
    assert wan("68000") == "68,000.00 万元"
    assert wan(0.005) == "0.01 万元" and wan(2.675) == "2.68 万元"  # half-up, not binary rounding
    assert wan(-0.001) == "0.00 万元"
    assert wan(12.3, unit=False) == "12.30"
    assert wan(None) == "" and wan("") == "" and wan("不详") == "不详"
    assert number(12345) == "12,345" and percent(0.031) == "3.1%"
    assert long_date("2025-03-31") == "2025年3月31日"


# -- icons, desktop entry, MIME types ------------------------------------------------------------------------

def _png_size(p: Path) -> tuple[int, int]:
    data = p.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", p
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", ["nn-review", "nnpkg", "nnrb", "nnscore"])
def test_icons(name):
    icons = ROOT / "resources" / "icons"
    ET.parse(icons / f"{name}.svg")
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert _png_size(icons / f"{name}-{size}.png") == (size, size)
    ico = (icons / f"{name}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_desktop_entry():
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str
    cp.read(INSTALLER / "linux" / "nn-review.desktop", encoding="utf-8")
    e = cp["Desktop Entry"]
    assert e["Type"] == "Application" and e["Exec"] == "nn-review %F" and e["Icon"] == "nn-review"
    assert e["Name[zh_CN]"] == "南宁市科技计划项目评审系统" and e["Terminal"] == "false"
    assert set(filter(None, e["MimeType"].split(";"))) == set(TYPES)
    assert e["StartupWMClass"] == "nn-review"  # = QGuiApplication.desktopFileName (ui/app.py)
    assert 'setDesktopFileName("nn-review")' in (ROOT / "ui" / "app.py").read_text(encoding="utf-8")


def test_shared_mime_info():
    root = ET.parse(INSTALLER / "linux" / "nn-review-mime.xml").getroot()
    types = {t.get("type"): t for t in root.iter(f"{MIME_NS}mime-type")}
    assert set(types) == set(TYPES)
    for mime, (glob, icon) in TYPES.items():
        t = types[mime]
        assert [g.get("pattern") for g in t.iter(f"{MIME_NS}glob")] == [glob]
        langs = {c.get("{http://www.w3.org/XML/1998/namespace}lang") for c in t.iter(f"{MIME_NS}comment")}
        assert langs == {None, "zh_CN"}
        assert t.find(f"{MIME_NS}icon").get("name") == mime.replace("/", "-")
    magic = types["application/x-nn-review-bundle"].find(f"{MIME_NS}magic/{MIME_NS}match")
    assert (magic.get("value"), magic.get("offset")) == ("NNRB", "0")  # docs/formats.md §1.1


def test_install_script_maps_every_icon():
    text = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    for mime, (_, icon) in TYPES.items():
        assert f"{icon}:mimetypes/{mime.replace('/', '-')}" in text
    assert "nn-review:apps/nn-review" in text
    r = subprocess.run(["sh", "-n", str(INSTALLER / "linux" / "install.sh")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="shared-mime-info not installed")
def test_mime_database_accepts_our_types(tmp_path):
    mime = tmp_path / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy(INSTALLER / "linux" / "nn-review-mime.xml", mime / "packages" / "nn-review.xml")
    r = subprocess.run(["update-mime-database", str(mime)], capture_output=True, text=True,
                       env={**os.environ, "XDG_DATA_HOME": str(tmp_path)})
    assert r.returncode == 0 and not r.stderr.strip(), r.stderr
    globs = (mime / "globs2").read_text()
    for mime, (glob, _) in TYPES.items():
        assert f"{mime}:{glob}" in globs


# -- the Windows installer script --------------------------------------------------------------------------------

def test_iss_encoding_languages_and_options():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs a BOM to read UTF-8"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    iss = check_iss.parse(ISS)
    langs = [e["name"] for e in iss.entries("Languages")]
    assert langs == ["zh_CN", "en"]
    setup = iss.setup()
    assert setup["privilegesrequired"] == "lowest"
    assert "dialog" in setup["privilegesrequiredoverridesallowed"]
    assert setup["changesassociations"] == "yes" and setup["defaultdirname"] == "{autopf}\\nn-review"
    # every custom message in both languages
    msgs = {}
    for line in iss.sections["custommessages"]:
        key, _ = line.split("=", 1)
        lang, name = key.split(".", 1)
        msgs.setdefault(name, set()).add(lang)
    assert msgs and all(v == {"zh_CN", "en"} for v in msgs.values()), msgs
    text = raw.decode("utf-8-sig")
    assert "usPostUninstall" in text and "MB_DEFBUTTON2" in text and "DELETEUSERDATA" in text
    assert "{localappdata}\\nn-review" in text  # = platformdirs' data root on Windows (nn_review/paths.py)


def test_iss_associates_the_three_types_with_their_icons():
    iss = check_iss.parse(ISS)
    reg = iss.entries("Registry")
    for ext in ("nnpkg", "nnrb", "nnscore"):
        keys = {e["subkey"]: e for e in reg}
        assert keys[f"Software\\Classes\\.{ext}"]["valuedata"] == f"nnreview.{ext}"
        assert keys[f"Software\\Classes\\nnreview.{ext}\\DefaultIcon"]["valuedata"].endswith(f"icons\\{ext}.ico,0")
        cmd = keys[f"Software\\Classes\\nnreview.{ext}\\shell\\open\\command"]["valuedata"]
        assert cmd == '"{app}\\nn-review.exe" "%1"'
    icons = iss.entries("Icons")
    assert any(e["name"].startswith("{autoprograms}") for e in icons)
    assert any(e["name"].startswith("{autodesktop}") and e.get("tasks") == "desktopicon" for e in icons)


def _fake_bundle(tmp_path: Path, exe: str) -> Path:
    """The layout of a PyInstaller one-folder bundle built from installer/nn_review.spec."""
    b = tmp_path / "nn-review"
    (b / "_internal").mkdir(parents=True)
    (b / exe).write_bytes(b"\x7fELF")
    shutil.copytree(ROOT / "resources", b / "_internal" / "resources", ignore=shutil.ignore_patterns("*.ts"))
    return b


@pytest.mark.parametrize("exe", ["nn-review", "nn-review.exe"])
def test_iss_references_exist_in_a_bundle(tmp_path, exe):
    checked, problems = check_iss.check(ISS, _fake_bundle(tmp_path, exe))
    assert not problems and len(checked) >= 15
    assert check_iss.main(["--bundle", str(tmp_path / "nn-review")]) == 0


def test_check_iss_reports_what_is_missing(tmp_path):
    b = _fake_bundle(tmp_path, "nn-review")
    (b / "_internal" / "resources" / "icons" / "nnrb.ico").unlink()
    _, problems = check_iss.check(ISS, b)
    assert problems and all("nnrb.ico" in p for p in problems)
    bad = tmp_path / "bad.iss"
    bad.write_text(ISS.read_text(encoding="utf-8-sig").replace("icons\\nn-review.ico\"", "icons\\gone.ico\""),
                   encoding="utf-8-sig")
    _, problems = check_iss.check(bad, b)
    assert any("gone.ico" in p for p in problems)


# -- the spec and the CI wiring ---------------------------------------------------------------------------------------

def test_spec_is_python_and_keeps_what_the_app_uses():
    src = (INSTALLER / "nn_review.spec").read_text(encoding="utf-8")
    compile(src, "nn_review.spec", "exec")
    for kept in ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets", "QtNetwork"):
        assert f"PySide6.{kept} " not in src and f" {kept} " not in src.split('UNUSED_QT = """')[1].split('"""')[0]
    for dropped in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia"):
        assert dropped in src
    assert (INSTALLER / "nn_review_main.py").is_file()


def test_ci_builds_and_smoke_tests_the_bundle():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "NN_REVIEW_BUILD_BUNDLE=1" in ci and "bash scripts/test.sh" in ci
    test_sh = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "installer/linux/build.sh" in test_sh and "installer/linux/smoke.sh" in test_sh
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/run.sh --demo" in readme and "bash scripts/test.sh" in readme
    for script in ("build.sh", "smoke.sh"):
        p = INSTALLER / "linux" / script
        assert os.access(p, os.X_OK)
        r = subprocess.run(["bash", "-n", str(p)], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
