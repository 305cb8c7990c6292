"""Test-wide setup: headless Qt, a test actor, and a private home for the whole run.

Nothing a test does may reach the developer's (or CI user's) real home: config, data, cache,
keys, the expert workspace, Qt's QSettings and the OS keyring all point under one temporary
directory, set here — before any test module imports Qt, platformdirs users or nn_review.
``real_home_untouched`` fails the run if the real ``~/.config/nn-review`` or
``~/.local/share/nn-review`` was created or modified anyway."""

import atexit
import hashlib
import os
import pwd
import shutil
import tempfile
from pathlib import Path

import pytest

# Qt tests run headless unless a display is explicitly wanted.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NN_REVIEW_ACTOR", "test-secretary")

REAL_HOME = Path(pwd.getpwuid(os.getuid()).pw_dir)  # not $HOME: that is redirected below
# What the app would write into a real home (QSettings' nn-review.conf, stores, keys, workspace).
GUARDED = [REAL_HOME / ".config" / "nn-review", REAL_HOME / ".local" / "share" / "nn-review"]

TEST_HOME = Path(tempfile.mkdtemp(prefix="nn-review-test-home-"))
atexit.register(shutil.rmtree, TEST_HOME, True)
_ENV = {
    "HOME": TEST_HOME,
    "XDG_CONFIG_HOME": TEST_HOME / ".config",
    "XDG_DATA_HOME": TEST_HOME / ".local" / "share",
    "XDG_CACHE_HOME": TEST_HOME / ".cache",
    "XDG_STATE_HOME": TEST_HOME / ".local" / "state",
    "NN_REVIEW_KEY_DIR": TEST_HOME / "nn-review-keys",
    "NN_REVIEW_EXPERT_DIR": TEST_HOME / "nn-review-expert",
}
for _name, _path in _ENV.items():
    _path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.environ[_name] = str(_path)
# Private keys never go to the OS keyring in tests (tests that want a keyring inject one), and
# the keyring library itself gets a backend that stores nothing.
os.environ["NN_REVIEW_KEYRING"] = "file"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

try:  # QSettings of every organisation/application: under the test home, whatever the app sets later
    from PySide6.QtCore import QCoreApplication, QSettings
except ImportError:  # a core-only environment
    pass
else:
    for _fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        for _scope, _sub in ((QSettings.UserScope, ".config"), (QSettings.SystemScope, "etc-xdg")):
            QSettings.setPath(_fmt, _scope, str(TEST_HOME / _sub))
    QCoreApplication.setOrganizationName("nn-review")
    QCoreApplication.setApplicationName("nn-review")


def _state(paths: list[Path]) -> dict[str, tuple[int, str]]:
    """Every file and folder under ``paths``: (mtime in ns, content hash)."""
    out: dict[str, tuple[int, str]] = {}
    for root in paths:
        if not root.exists():
            continue
        for p in [root, *root.rglob("*")]:
            try:
                st = p.stat()
                digest = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            except OSError:
                continue
            out[str(p)] = (st.st_mtime_ns, digest)
    return out


@pytest.fixture(scope="session", autouse=True)
def real_home_untouched():
    """Fails the run (an error at the last test's teardown) if the real home was written."""
    before = _state(GUARDED)
    yield
    after = _state(GUARDED)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert not changed, ("测试期间真实的用户目录被写入（测试应只写入临时目录 "
                         f"{TEST_HOME}）：" + "、".join(changed) +
                         "。若同一用户同时运行着其他不隔离的程序或旧版测试，也会触发此检查")
