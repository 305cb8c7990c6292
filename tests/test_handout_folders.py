"""Issue 20 item 3: passwords never travel with their bundles.

``session bundles`` writes the bundles into --out and the letters into --letters; a letters folder
in or around the bundles' folder is refused before anything is made; both folders on one removable
drive are warned about; the removable-drive detection reads /proc/mounts and /sys as Linux has them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from nn_review.cli import main
from nn_review.exchange import ExchangeError, drives, handout
from nn_review.exchange.handout_pdf import handout_pdf
from nn_review.i18n import render
from nn_review.store import models as M

from .exchange_fixtures import build_world, no_real_keyring, table_counts  # noqa: F401


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path)
    yield w
    w.store.close()


def bundles_cli(world, out, letters, *extra):
    argv = ["--store", str(world.store.root), "session", "bundles", "--panel", "信息技术组", "--out", str(out)]
    if letters is not None:
        argv += ["--letters", str(letters)]
    return main(argv + list(extra))


@pytest.mark.parametrize("where", ["inside", "same", "around"])
def test_cli_refuses_letters_in_or_around_the_bundles_folder(world, tmp_path, capsys, where):
    usb = tmp_path / "usb"
    out, letters = {"inside": (usb, usb / "通知书"), "same": (usb, usb),
                    "around": (usb / "评审包", usb)}[where]
    before = table_counts(world.store)
    world.store.close()
    code = bundles_cli(world, out, letters)
    err = capsys.readouterr().err
    assert code == 2
    assert "载有密码" in err and "另选一个" in err
    assert {"inside": "之内", "same": "不能与评审包文件夹相同", "around": "之内"}[where] in err
    assert not usb.exists()                   # nothing made, nothing written
    assert table_counts(world.store) == before  # no bundle row


def test_cli_needs_the_letters_folder(world, tmp_path, capsys):
    """No default for --letters: a default beside --out lands on the USB stick whenever --out is a
    folder on it, i.e. the very case of the issue; the secretary names the place for the passwords."""
    world.store.close()
    with pytest.raises(SystemExit) as e:
        bundles_cli(world, tmp_path / "usb", None)
    assert e.value.code == 2 and "--letters" in capsys.readouterr().err
    assert not (tmp_path / "usb").exists()


def test_cli_warns_when_both_folders_are_on_one_removable_drive(world, tmp_path, capsys, monkeypatch):
    stick = tmp_path / "STICK"
    monkeypatch.setattr(drives, "removable_root",
                        lambda p: stick if Path(p).absolute().is_relative_to(stick) else None)
    world.store.close()
    code = bundles_cli(world, stick / "评审包", stick / "通知书")
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.err.count("警告") == 2 and f"同一个可移动磁盘（{stick}）" in captured.err
    assert "拿到这个 U 盘的人同时拿到评审包和密码" in captured.err
    assert len(list((stick / "评审包").glob("*.nnrb"))) == 3       # a warning, not a refusal
    # Letters on this computer, bundles on the stick: no warning.
    code = bundles_cli(world, stick / "评审包2", tmp_path / "本机" / "通知书")
    captured = capsys.readouterr()
    assert code == 0 and "警告" not in captured.err


def test_letters_only_for_printing_are_never_written(world, tmp_path):
    """The GUI's "print / save as PDF only": the letters exist in memory; the folder holds bundles only,
    and the secretary's PDF still has every letter with its password."""
    with world.store.read() as s:
        pid = s.scalar(select(M.Panel.id).where(M.Panel.name == "信息技术组"))
    items = handout.prepare_handout(world.store, pid, tmp_path / "usb", secretary_key=world.secretary)
    assert len(items) == 3
    assert all(h.letter is None and h.letter_pdf.startswith(b"%PDF") and not h.letter_error for h in items)
    assert sorted(p.suffix for p in (tmp_path / "usb").iterdir()) == [".nnrb"] * 3
    if shutil.which("pdftotext"):
        pdf = tmp_path / "list.pdf"
        pdf.write_bytes(handout_pdf(items))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert text.count("专家评审任务通知书") == 3
        for h in items:
            assert text.count(h.bundle.password) >= 2   # the list and the expert's letter


def test_core_refusal_names_both_folders_in_plain_words(tmp_path):
    with pytest.raises(ExchangeError) as e:
        handout.check_handout_folders(tmp_path / "usb", tmp_path / "usb" / "x")
    assert e.value.code == "handout.letters_inside"
    zh, en = render(e.value.problem.what, "zh_CN"), render(e.value.problem.what, "en")
    assert str(tmp_path / "usb" / "x") in zh and "载有评审包密码" in zh
    assert "inside the bundles' folder" in en
    handout.check_handout_folders(tmp_path / "usb", tmp_path / "usb-letters")   # a sibling: fine
    handout.check_handout_folders(tmp_path / "usb", None)                      # print only: fine


# -- removable drives (Linux as /proc/mounts and /sys have it) ---------------------------------

def fake_sys(tmp_path: Path, disk: str, removable: str) -> Path:
    """/sys with /sys/block/<disk>/removable and /sys/class/block/<disk>1 -> the disk's partition."""
    root = tmp_path / "sys"
    dev = root / "devices" / "pci0000:00" / "usb1" / "block" / disk
    (dev / f"{disk}1").mkdir(parents=True)
    (dev / "removable").write_text(removable + "\n", encoding="ascii")
    (root / "block").mkdir(parents=True, exist_ok=True)
    (root / "block" / disk).symlink_to(dev)
    (root / "class" / "block").mkdir(parents=True, exist_ok=True)
    (root / "class" / "block" / f"{disk}1").symlink_to(dev / f"{disk}1")
    return root


def test_linux_removable_partition_by_sys_block(tmp_path):
    mnt = tmp_path / "mnt" / "U 盘"
    (mnt / "评审包").mkdir(parents=True)
    escaped = str(mnt).replace(" ", "\\040")
    mounts = f"/dev/nvme0n1p2 / ext4 rw 0 0\n/dev/sdb1 {escaped} vfat rw 0 0\n"
    sys_root = fake_sys(tmp_path, "sdb", "1")
    assert drives.removable_root_linux(mnt / "评审包", mounts, sys_root) == mnt
    assert drives.removable_root_linux(mnt / "尚未创建" / "子文件夹", mounts, sys_root) == mnt   # not there yet
    assert drives.removable_root_linux(tmp_path / "elsewhere", mounts, sys_root) is None    # on /
    fixed = fake_sys(tmp_path / "fixed", "sdb", "0")
    assert drives.removable_root_linux(mnt, mounts, fixed) is None                         # a fixed disk


def test_linux_udisks_media_paths_count_as_removable(tmp_path):
    """USB hard disks report removable=0 but udisks mounts them under /media or /run/media."""
    media = tmp_path / "run" / "media"
    stick = media / "mishu" / "KINGSTON"
    (stick / "评审包").mkdir(parents=True)
    (tmp_path / "media" / "mishu" / "KINGSTONX").mkdir(parents=True)
    mounts = f"/dev/sda2 / ext4 rw 0 0\n/dev/sdc1 {stick} vfat rw 0 0\n"
    sys_root = fake_sys(tmp_path, "sdc", "0")            # the disk itself says "not removable"
    roots = (str(media) + "/",)
    assert drives.removable_root_linux(stick / "评审包", mounts, sys_root, roots) == stick
    assert drives.removable_root_linux(tmp_path / "media" / "mishu" / "KINGSTONX", mounts, sys_root, roots) is None
    assert drives.MEDIA_ROOTS == ("/media/", "/run/media/")
    assert drives._mount_of(Path("/media/mishu/KINGSTONX"),
                            "/dev/sda2 / ext4 rw 0 0\n/dev/sdc1 /media/mishu/KINGSTON vfat rw 0 0\n") == ("/dev/sda2", "/")


def test_shared_removable_drive(monkeypatch, tmp_path):
    roots = {"a": Path("/media/x/A"), "b": Path("/media/x/B")}
    monkeypatch.setattr(drives, "removable_root", lambda p: roots.get(Path(p).parts[-2]))
    assert drives.shared_removable_drive(Path("/x/a/bundles"), Path("/y/a/letters")) == roots["a"]
    assert drives.shared_removable_drive(Path("/x/a/bundles"), Path("/y/b/letters")) is None
    assert drives.shared_removable_drive(Path("/x/c/bundles"), Path("/y/c/letters")) is None
    assert handout.shared_drive_warning(Path("/x/a/1"), Path("/x/a/2")) is not None
    assert handout.shared_drive_warning(Path("/x/a/1"), None) is None      # letters only printed


def test_detection_on_this_machine_never_fails(tmp_path):
    assert drives.removable_root(tmp_path) is None or isinstance(drives.removable_root(tmp_path), Path)


# -- folders compared by identity, and ignoring case where the filesystem does -------------------

def test_case_swapped_letters_folder_on_a_case_insensitive_drive_is_refused(tmp_path, monkeypatch):
    """The review's case: /media/x/STICK/Out vs /media/x/STICK/out/letters on a FAT stick. Neither
    folder exists yet; the stick's folder says (fake check) that it ignores case."""
    stick = tmp_path / "STICK"
    stick.mkdir()
    asked = []

    def fake_ci(folder):
        asked.append(Path(folder))
        return True

    assert drives.folder_relation(stick / "Out", stick / "out" / "letters", fake_ci) == "inside"
    assert asked and all(p == stick for p in asked)            # the nearest existing folder is asked
    assert drives.folder_relation(stick / "OUT", stick / "out", fake_ci) == "same"
    assert drives.folder_relation(stick / "out" / "评审包", stick / "OUT", fake_ci) == "around"
    assert drives.folder_relation(stick / "Out", stick / "Out-letters", fake_ci) == ""
    # the same paths where case matters (this machine's tmp folder, or the fake saying no): two folders
    assert drives.folder_relation(stick / "Out", stick / "out" / "letters", lambda p: False) == ""
    # one of them exists, spelled otherwise: still that folder
    (stick / "out").mkdir()
    assert drives.folder_relation(stick / "out", stick / "OUT" / "letters", fake_ci) == "inside"
    assert drives.folder_relation(stick / "out", stick / "OUT" / "letters", lambda p: False) == ""
    # and the hand-out refuses it, naming both folders, before anything is written
    monkeypatch.setattr(drives, "case_insensitive", fake_ci)
    with pytest.raises(ExchangeError) as e:
        handout.check_handout_folders(stick / "Out", stick / "out" / "letters")
    assert e.value.code == "handout.letters_inside"
    zh = render(e.value.problem.what, "zh_CN")
    assert str(stick / "Out") in zh and str(stick / "out" / "letters") in zh
    with pytest.raises(ExchangeError) as e:
        handout.check_handout_folders(stick / "OUT", stick / "out")
    assert e.value.code == "handout.letters_same"
    handout.check_handout_folders(stick / "Out", tmp_path / "本机" / "letters")   # elsewhere: fine


def test_folders_are_compared_by_identity_not_by_text(tmp_path):
    """A symlink (or any other second name) of the bundles' folder is that folder."""
    usb = tmp_path / "usb"
    (usb / "评审包").mkdir(parents=True)
    (tmp_path / "alias").symlink_to(usb)
    assert drives.folder_relation(usb / "评审包", tmp_path / "alias" / "评审包" / "通知书") == "inside"
    assert drives.folder_relation(usb / "评审包", tmp_path / "alias" / "评审包") == "same"
    assert drives.folder_relation(usb / "评审包" / "新", tmp_path / "alias") == "around"
    assert drives.folder_relation(usb / "评审包", tmp_path / "alias" / "其他") == ""
    with pytest.raises(ExchangeError) as e:
        handout.check_handout_folders(usb / "评审包", tmp_path / "alias" / "评审包" / "通知书")
    assert e.value.code == "handout.letters_inside"


def test_case_insensitivity_is_probed_on_an_entry_else_taken_from_the_platform_and_mount(tmp_path, monkeypatch):
    folder = tmp_path / "d"
    folder.mkdir()
    assert drives._probe_case(folder) is None                 # nothing to probe with
    (folder / "评审包").mkdir()
    assert drives._probe_case(folder) is None                 # no letters to swap
    (folder / "Readme.txt").write_text("x", encoding="utf-8")
    assert drives._probe_case(folder) is False                # rEADME.TXT is not there: case matters
    (folder / "rEADME.TXT").symlink_to(folder / "Readme.txt")   # what a case-insensitive lookup would find
    assert drives._probe_case(folder) is True
    (folder / "rEADME.TXT").unlink()
    (folder / "rEADME.TXT").write_text("y", encoding="utf-8")   # another file: case matters
    assert drives._probe_case(folder) is False
    # nothing to probe: the mount's filesystem type decides on Linux
    empty = tmp_path / "e"
    empty.mkdir()
    mounts = f"/dev/sda2 / ext4 rw 0 0\n/dev/sdb1 {empty} vfat rw 0 0\n"
    assert drives.fs_type_linux(empty / "x", mounts) == "vfat" and drives.fs_type_linux(tmp_path, mounts) == "ext4"
    monkeypatch.setattr(drives.sys, "platform", "linux")
    monkeypatch.setattr(drives, "fs_type_linux", lambda p: "exfat")
    assert drives.case_insensitive(empty) is True
    monkeypatch.setattr(drives, "fs_type_linux", lambda p: "ext4")
    assert drives.case_insensitive(empty) is False
    assert drives.case_insensitive(folder) is False          # the probe wins over the mount type
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(drives.sys, "platform", platform)
        assert drives.case_insensitive(empty) is True
