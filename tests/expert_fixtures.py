"""The expert's side in tests: a workspace (passphrase storage, never the real keyring) and
bundles made by the real secretary code. Importing this module activates ``no_real_keyring``."""

from __future__ import annotations

from pathlib import Path

import pytest

from nn_review.exchange.bundles import make_bundle
from nn_review.expert import open_workspace

from .exchange_fixtures import build_world, good_review, no_real_keyring  # noqa: F401

PASSPHRASE = "专家口令 correct horse"


@pytest.fixture
def world(tmp_path):
    w = build_world(tmp_path)
    yield w
    w.store.close()


@pytest.fixture
def ws(tmp_path):
    w = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    yield w
    w.close()


def issue(world, tmp_path: Path, expert: str = "王建国", **kw):
    return make_bundle(world.store, world.sid, world.experts[expert], tmp_path / "out", secretary_key=world.secretary,
                       **kw)


def add(ws, world, tmp_path: Path, expert: str = "王建国"):
    info = issue(world, tmp_path, expert)
    res = ws.add_bundle(info.path, info.password, trusted_fingerprint=world.secretary.fingerprint)
    return res.bundle.bundle_id, info


def grade_fully(ws, bid: str, aid: str, grade: str = "B", recommendation: str = "support") -> None:
    r = good_review(aid, grade, recommendation)
    for cid, g in r["grades"].items():
        ws.set_grade(bid, aid, cid, g["grade"])
        if g["comment"]:
            ws.set_comment(bid, aid, cid, g["comment"])
    ws.set_opinion(bid, aid, r["opinion"])
    ws.set_recommendation(bid, aid, recommendation)
    assert ws.mark_complete(bid, aid).problems == ()


def files_in(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


class MemoryKeyring:
    """A keyring backend held in memory (what keyring.get_keyring() would return on a desktop)."""

    priority = 1

    def __init__(self):
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)
