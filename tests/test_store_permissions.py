"""The store and the expert workspace are the user's private data: folders 0700, files 0600
(write-once blobs 0400) on POSIX — for a new store and for an older one opened again — and a
user-only ACL on Windows (the icacls command is checked here; it runs on Windows only)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session
from nn_review.store import open_store

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .helpers import write_package

posix = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


def mode(p: Path) -> int:
    return stat.S_IMODE(os.lstat(p).st_mode)


def everything(root: Path) -> list[Path]:
    return [root, *root.rglob("*")]


def loose(root: Path) -> list[str]:
    """Paths group or others can read, write or enter."""
    return [f"{p.relative_to(root)} {oct(mode(p))}" for p in everything(root) if mode(p) & 0o077]


def _store_with_data(tmp_path: Path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, "批次")
    assert import_packages(store, sid, [write_package(tmp_path)]).counts["imported"] == 1
    return store


@posix
def test_new_store_is_user_only(tmp_path):
    old = os.umask(0o022)  # the usual umask: files would be 0644, folders 0755
    try:
        store = _store_with_data(tmp_path)
        from nn_review.secretary_keys import secretary_ed25519
        secretary_ed25519(store)  # the secretary's key, kept in <store>/keys
        with store.read():  # the connection is open: -wal / -shm exist
            root = store.root
            names = {p.name for p in everything(root)}
            assert {"store.sqlite", "store.sqlite-wal", "store.sqlite-shm", "blobs", "tmp", "keys"} <= names
            assert loose(root) == []
            assert mode(root) == 0o700 and mode(root / "store.sqlite") == 0o600
            assert mode(root / "store.sqlite-wal") == 0o600 and mode(root / "store.sqlite-shm") == 0o600
            blobs = [p for p in (root / "blobs").rglob("*.pdf")]
            assert blobs and all(mode(b) == 0o400 for b in blobs)
            assert all(mode(d) == 0o700 for d in (root / "blobs").rglob("*") if d.is_dir())
        store.close()
    finally:
        os.umask(old)


@posix
def test_older_store_with_loose_modes_fixed_on_open(tmp_path):
    store = _store_with_data(tmp_path)
    root = store.root
    store.close()
    for p in everything(root):  # as older versions left it: 0755 folders, 0644 files, 0444 blobs
        if p.is_dir():
            os.chmod(p, 0o755)
        elif p.suffix == ".pdf":
            os.chmod(p, 0o444)
        else:
            os.chmod(p, 0o644)
    assert loose(root)
    store = open_store(root)
    assert loose(root) == []
    assert mode(root) == 0o700 and mode(root / "store.sqlite") == 0o600
    assert all(mode(b) == 0o400 for b in (root / "blobs").rglob("*.pdf"))  # still read-only
    store.close()


@posix
def test_expert_workspace_is_user_only(tmp_path):
    from nn_review.expert import open_workspace

    from .expert_fixtures import PASSPHRASE
    old = os.umask(0o022)
    try:
        ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
        ws.close()
        root = tmp_path / "ws"
        for p in everything(root):
            os.chmod(p, 0o755 if p.is_dir() else 0o644)  # an older workspace
        ws = open_workspace(root, passphrase=PASSPHRASE)
        assert loose(root) == [] and mode(root / "workspace.sqlite") == 0o600
        ws.close()
    finally:
        os.umask(old)


def test_windows_acl_command():
    from nn_review.store.perms import icacls_command
    cmd = icacls_command(Path("C:/Users/张三/nn-review/store"), "PC\\张三")
    assert cmd[0] == "icacls" and cmd[1].endswith("store")
    assert "/inheritance:r" in cmd  # nothing inherited from above (Users, Everyone)
    grant = cmd[cmd.index("/grant:r") + 1]
    assert grant == "PC\\张三:(OI)(CI)F"  # the user alone, inherited by every file and folder below
    assert not any(x.startswith(("Everyone", "Users", "*S-1-1-0")) for x in cmd)


def test_windows_acl_applied_once_with_the_command(tmp_path, monkeypatch):
    from nn_review.store import perms
    calls = []

    class Done:
        returncode = 0

    monkeypatch.setenv("USERNAME", "张三")
    monkeypatch.setenv("USERDOMAIN", "PC")
    assert perms._windows_private(tmp_path, run=lambda cmd, **kw: calls.append(cmd) or Done())
    assert calls == [perms.icacls_command(tmp_path, "PC\\张三")]
    assert perms._windows_private(tmp_path, run=lambda cmd, **kw: calls.append(cmd) or Done())
    assert len(calls) == 1  # marked: not re-run at every open

    class Failed:
        returncode = 5

    other = tmp_path / "other"
    other.mkdir()
    assert not perms._windows_private(other, run=lambda cmd, **kw: Failed())
    assert not (other / perms.WINDOWS_MARK).exists()  # tried again next time


@posix
def test_private_tree_does_not_follow_symlinks(tmp_path):
    from nn_review.store.perms import private_tree
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    os.chmod(outside, 0o644)
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(outside)
    private_tree(root)
    assert mode(outside) == 0o644 and mode(root) == 0o700
