"""About dialog, Settings (UI language), files opened from the command line, money in 万元."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

import nn_review
from nn_review.licenses import components

from .conftest import wait_idle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings_dir(tmp_path):
    """QSettings of this test in tmp_path, never the developer's own."""
    old = QStandardPaths.writableLocation(QStandardPaths.GenericConfigLocation)
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"
    QSettings.setPath(QSettings.NativeFormat, QSettings.UserScope, old)


# -- About -----------------------------------------------------------------------------------------------

def test_about_shows_version_build_store_and_licences(qtbot, window, store):
    window.act_about.trigger()
    dlg = window.about_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.version.text() == nn_review.__version__
    assert "开发版本" in dlg.build_date.text()  # from source; a bundle shows its build date
    assert dlg.store.text() == str(store.root)
    names = [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]
    assert names == [c.name for c in components()] and len(names) >= 10
    licences = {dlg.table.item(r, 0).text(): dlg.table.item(r, 2).text() for r in range(dlg.table.rowCount())}
    assert licences["Qt 6 / PySide6 / Shiboken6"] == "LGPL-3.0-only"
    assert licences["WenQuanYi Micro Hei 文泉驿微米黑"] == "Apache-2.0"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dlg.text.toPlainText()  # first row: Qt
    row = names.index("ReportLab")
    dlg.table.setCurrentCell(row, 0)
    assert "ReportLab" in dlg.text.toPlainText() and "BSD-3-Clause" in dlg.link.text()
    dlg.close()


def test_about_in_a_bundle_shows_the_build_date(qtbot, tmp_path, monkeypatch):
    import json
    import shutil

    from nn_review import buildinfo
    from ui.about_dialog import AboutDialog
    from ui.app import make_app

    make_app()
    res = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", res, ignore=shutil.ignore_patterns("*.ttc"))
    (res / "build-info.json").write_text(json.dumps({"build_date": "2025-09-01", "platform": "windows-amd64"}))
    monkeypatch.setenv("NN_REVIEW_RESOURCES", str(res))
    buildinfo.build_info_data.cache_clear()
    try:
        dlg = AboutDialog(None)
        qtbot.addWidget(dlg)
        assert dlg.build_date.text() == "2025-09-01  (windows-amd64)" and dlg.store.text() == "—"
    finally:
        buildinfo.build_info_data.cache_clear()


# -- Settings: UI language ----------------------------------------------------------------------------------

def test_language_setting_is_stored_and_used_at_next_start(qtbot, settings_dir):
    from ui.settings_dialog import SettingsDialog, preferred_language

    assert preferred_language() == "zh_CN"  # the default
    dlg = SettingsDialog(current_language="zh_CN")
    qtbot.addWidget(dlg)
    assert [dlg.language.itemText(i) for i in range(dlg.language.count())] == ["简体中文", "English"]
    assert not dlg.restart_needed() and "重新启动" not in dlg.note.text()
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    assert dlg.restart_needed() and "重新启动" in dlg.note.text()
    dlg.accept()
    assert preferred_language() == "en"
    QSettings("nn-review", "nn-review").setValue("ui/language", "klingon")  # a damaged value
    assert preferred_language() == "zh_CN"


def test_settings_menu_entry(qtbot, window, settings_dir, monkeypatch):
    from ui.settings_dialog import SettingsDialog, preferred_language

    def choose_english(dlg):
        dlg.language.setCurrentIndex(dlg.language.findData("en"))
        dlg.accept()
        return SettingsDialog.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_english)
    window.act_settings.trigger()
    assert preferred_language() == "en"
    assert "重新启动" in window.statusBar().currentMessage()


def _start(tmp_path, *args, config: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
           "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "nn_review.cli", "--store", str(tmp_path / "store"), "--smoke-exit",
                        *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_settings_language_applies_at_start_and_lang_overrides(tmp_path):
    config = tmp_path / "config"
    assert "title: 南宁市科技计划项目评审系统" in _start(tmp_path, config=config)
    (config / "nn-review").mkdir(parents=True)
    (config / "nn-review" / "nn-review.conf").write_text("[ui]\nlanguage=en\n")
    assert "title: Nanning S&T Project Review System" in _start(tmp_path, config=config)
    assert "title: 南宁市科技计划项目评审系统" in _start(tmp_path, "--lang", "zh_CN", config=config)


# -- files from the command line (file associations) ----------------------------------------------------------

def test_opened_package_is_imported_into_the_current_session(qtbot, window, demo_packages):
    from ui.open_files import StartupFiles

    pkg = next(p for p in demo_packages if p.name == "NNKJ-2025-0106.nnpkg")
    start = StartupFiles([pkg, pkg.with_name("gone.nnpkg")])
    start.open_in(window)
    qtbot.waitUntil(lambda: not start.timer.isActive(), timeout=60000)
    wait_idle(qtbot, window)
    assert window.select_application("NNKJ-2025-0106")
    # money in 万元 with two decimals: the table and the detail pane
    idx = window.table.currentIndex()
    requested = window.proxy.index(idx.row(), window.model.COLUMNS.index("requested"))
    assert window.proxy.data(requested) == "260.00 万元"


def test_missing_file_is_reported(qtbot, window, no_blocking_message_boxes):
    from ui.open_files import StartupFiles

    start = StartupFiles([Path("/nonexistent/x.nnpkg")])
    start.open_in(window)
    qtbot.waitUntil(lambda: not start.timer.isActive(), timeout=10000)
    assert any("x.nnpkg" in text for kind, text in no_blocking_message_boxes)


def test_opened_score_file_goes_to_the_score_import(qtbot, window, tmp_path, monkeypatch):
    from ui.exchange_page import ExchangePage
    from ui.open_files import StartupFiles

    got = []
    monkeypatch.setattr(ExchangePage, "import_scores", lambda self, paths: got.append(paths))
    score = tmp_path / "张三-r1.nnscore"
    score.write_text("{}")
    start = StartupFiles([score])
    start.open_in(window)
    qtbot.waitUntil(lambda: not start.timer.isActive(), timeout=10000)
    assert got == [[score]]
    assert isinstance(window.pages.currentWidget(), ExchangePage)


def test_bundle_without_expert_workspace_says_so(qtbot, window, tmp_path, monkeypatch, no_blocking_message_boxes):
    import ui.open_files as of

    monkeypatch.setattr(of, "expert_app", lambda: (None, "missing"))
    bundle = tmp_path / "评审包.nnrb"
    bundle.write_bytes(b"NNRB")
    start = of.StartupFiles([bundle])
    start.open_in(window)
    qtbot.waitUntil(lambda: not start.timer.isActive(), timeout=10000)
    assert any("专家评审工作台" in text and "评审包.nnrb" in text for _, text in no_blocking_message_boxes)


def test_bundles_alone_open_the_expert_workspace(tmp_path, monkeypatch, qapp):
    import ui.open_files as of

    calls = []
    fake = SimpleNamespace(run_expert_gui=lambda root, files, lang, argv: calls.append((root, files, lang)) or 0,
                           unlock_workspace=lambda *a, **k: None)
    monkeypatch.setattr(of, "expert_app", lambda: (fake, None))
    bundle = tmp_path / "b.nnrb"
    bundle.write_bytes(b"NNRB")
    assert of.bundles_only([bundle]) and not of.bundles_only([bundle, tmp_path / "a.nnpkg"])
    assert of.open_bundles_only([bundle], lang="zh_CN") == 0
    assert calls == [(None, [bundle], "zh_CN")]


def test_the_real_expert_workspace_is_found():
    import importlib.util

    import ui.open_files as of

    module, why = of.expert_app()
    if importlib.util.find_spec("ui.expert") is None:
        assert (module, why) == (None, "missing")
    else:
        assert module is not None, why


def test_smoke_exit_imports_a_file_given_on_the_command_line(tmp_path, demo_packages):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    cli = [sys.executable, "-m", "nn_review.cli", "--store", str(tmp_path / "s")]
    assert subprocess.run([*cli, "session", "create", "批次"], env=env, capture_output=True).returncode == 0
    pkg = next(p for p in demo_packages if p.name == "NNKJ-2025-0101.nnpkg")
    r = subprocess.run([*cli, "--smoke-exit", str(pkg)], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "1 file(s) handled" in r.stdout, r.stderr
    r = subprocess.run([*cli, "session", "list"], env=env, capture_output=True, text=True)
    assert "1 个申报包" in r.stdout
