"""A panel whose leader reviews in a real expert workspace (so the leader's PDF certificate comes
back inside the signed .nnscore and is pinned), the other expert through a plain score file,
and the secretary's sheets written by ``session report``."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from nn_review.exchange.scores_import import import_score_files
from nn_review.expert import open_workspace
from nn_review.results.consensus import finalise, set_consensus
from nn_review.results.reports import write_reports
from nn_review.pdf.signing import memory_identity

from .expert_fixtures import PASSPHRASE, grade_fully, issue
from .results_fixtures import make_world, return_scores, review

LEADER, MEMBER = "王建国", "李秀英"


@dataclass
class Leader:
    world: object
    ws: object
    bundle_id: str
    expert_id: int
    roster_key: str
    score_file: Path


def leader_world(tmp_path: Path, n_apps: int = 1) -> Leader:
    w = make_world(tmp_path, n_apps=n_apps, experts=(LEADER, MEMBER), leader=LEADER)
    ws = open_workspace(tmp_path / "leader-ws", passphrase=PASSPHRASE)
    info = issue(w, tmp_path, LEADER)
    bid = ws.add_bundle(info.path, info.password, trusted_fingerprint=w.secretary.fingerprint).bundle.bundle_id
    for aid in w.app_ids:
        grade_fully(ws, bid, aid)
    res = ws.export(bid, tmp_path / "usb")
    got = import_score_files(w.store, w.sid, [res.path])
    assert [r.outcome for r in got] == ["imported"], [r.message for r in got]
    return_scores(w, tmp_path, {MEMBER: [review(aid, "BBBBBB") for aid in w.app_ids]})
    from nn_review.store import models as M
    with w.store.read() as s:
        rk = s.get(M.Expert, w.experts[LEADER]).roster_key
    return Leader(w, ws, bid, w.experts[LEADER], rk, res.path)


_SECRETARIES: dict[Path, object] = {}


def secretary(tmp_path: Path):
    """One secretary identity per test (held in memory: the store's own is tested elsewhere)."""
    if tmp_path not in _SECRETARIES:
        _SECRETARIES[tmp_path] = memory_identity("secretary", "测试秘书", owner_id="test-secretary")
    return _SECRETARIES[tmp_path]


def finalise_all(w) -> None:
    for aid in w.app_ids:
        set_consensus(w.store, w.sid, aid, opinion="专家组一致认为该项目技术路线可行，建议予以支持。" * 2,
                      recommendation="support", level=None, reason="", by="leader")
    finalise(w.store, w.sid)


def report(tmp_path: Path, w, name: str = "report", sign: bool = True):
    return write_reports(w.store, w.sid, tmp_path / name, sign=sign, identity=secretary(tmp_path) if sign else None)


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
