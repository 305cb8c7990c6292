"""The test run never writes the real home (issue 13): every default location the app uses
(data, keys, expert workspace, QSettings) resolves under the run's temporary home, also in a
child process, and the guard that checks the real home notices a change."""

import os
import subprocess
import sys
from pathlib import Path

from nn_review.expert.workspace import default_workspace_dir
from nn_review.keys import default_key_dir
from nn_review.paths import data_root, default_store

from .conftest import GUARDED, REAL_HOME, TEST_HOME, _state


def _inside(p: Path, root: Path) -> bool:
    return Path(p).resolve().is_relative_to(root.resolve())


def test_default_locations_are_under_the_test_home():
    for p in (data_root(), default_store(), default_key_dir(), default_workspace_dir(), Path.home()):
        assert _inside(p, TEST_HOME), p
        assert not _inside(p, REAL_HOME) or _inside(REAL_HOME, TEST_HOME), p


def test_qsettings_are_under_the_test_home(qapp):
    from PySide6.QtCore import QSettings

    from ui.app import make_app
    make_app()  # sets the application's own organisation/application names
    s = QSettings()
    s.setValue("isolation/probe", "1")
    s.sync()
    assert _inside(Path(s.fileName()), TEST_HOME), s.fileName()
    assert Path(s.fileName()).exists()


def test_a_child_process_uses_the_test_home_too(tmp_path):
    code = ("from nn_review.paths import default_store; from nn_review.keys import default_key_dir; "
            "from PySide6.QtCore import QCoreApplication, QSettings; "
            "a = QCoreApplication([]); a.setOrganizationName('nn-review'); a.setApplicationName('nn-review'); "
            "print(default_store()); print(default_key_dir()); print(QSettings().fileName())")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONPATH": os.getcwd()})
    lines = r.stdout.split("\n")[:3]
    assert all(_inside(Path(x), TEST_HOME) for x in lines), lines


def test_the_guard_sees_a_write(tmp_path):
    guarded = [tmp_path / ".config" / "nn-review"]
    before = _state(guarded)
    (tmp_path / ".config" / "nn-review").mkdir(parents=True)
    (tmp_path / ".config" / "nn-review" / "nn-review.conf").write_text("[General]\nlast_dir=/tmp/x\n")
    assert _state(guarded) != before
    assert {p.name for p in GUARDED} == {"nn-review"} and all(_inside(p, REAL_HOME) for p in GUARDED)
