"""Nothing lost: a real expert-app process is killed (SIGKILL) in the middle of grading; after a
restart every grade, opinion and position it reported as done is there."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nn_review.expert import open_workspace

from ..expert_fixtures import PASSPHRASE, issue, no_real_keyring, world  # noqa: F401

CHILD = Path(__file__).with_name("expert_crash_child.py")
ROOT = Path(__file__).resolve().parents[2]


def run_and_kill(tmp_path: Path, reports_before_kill: int) -> list[dict]:
    """Start the child, SIGKILL it after it reported that many actions, return every line it wrote."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NN_REVIEW_EXPERT_PASSPHRASE=PASSPHRASE, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.Popen([sys.executable, str(CHILD), str(tmp_path / "ws")], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, cwd=ROOT, env=env, text=True, encoding="utf-8")
    events: list[dict] = []
    deadline = time.monotonic() + 120
    try:
        while sum("done" in e for e in events) < reports_before_kill:
            line = proc.stdout.readline()
            if not line:
                pytest.fail(f"child ended early (exit {proc.poll()}) after {len(events)} lines")
            events.append(json.loads(line))
            assert time.monotonic() < deadline, "child too slow"
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # mid-grading: it is busy with its next action right now
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    for line in proc.stdout.read().splitlines():  # what it still wrote before the signal landed
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut off by the kill
            break
    return events


def expected_state(events: list[dict]):
    """What the reported actions left stored, and the slot of the one action in flight (if any)."""
    grades, opinions, scroll = {}, {}, {}
    current = events[0]["application"]
    flight = None
    for e in events[1:]:
        if "do" in e:
            flight = (e["do"], e["application"], e.get("criterion"))
            continue
        flight = None
        kind = e["done"]
        if kind == "grade":
            grades[(e["application"], e["criterion"])] = e["grade"]
        elif kind == "opinion":
            opinions[e["application"]] = e["text"]
        elif kind == "scroll":
            assert e["stored"] == e["value"]  # saved before it was reported
            scroll[e["application"]] = e["value"]
        else:
            current = e["application"]
    return grades, opinions, scroll, current, flight


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("kill_after", [17, 46])
def test_kill_minus_nine_mid_grading_loses_nothing_committed(qtbot, world, tmp_path, kill_after):
    info = issue(world, tmp_path)
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    ws.add_bundle(info.path, info.password)
    ws.close()
    events = run_and_kill(tmp_path, kill_after)
    assert events[0]["event"] == "ready"
    grades, opinions, scroll, current, flight = expected_state(events)
    assert len(grades) >= 6 and opinions

    con = sqlite3.connect(tmp_path / "ws" / "workspace.sqlite")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    bid = info.bundle_id
    drafts = ws.drafts(bid)
    for (aid, cid), grade in grades.items():  # every reported grade is there (but the one in flight)
        if flight != ("grade", aid, cid):
            assert (drafts[aid].grades.get(cid) or {}).get("grade") == grade, (aid, cid)
    for aid, text in opinions.items():
        if flight != ("opinion", aid, None):
            assert drafts[aid].opinion == text, aid
    for aid, value in scroll.items():
        if flight != ("scroll", aid, None):
            assert ws.ui_state(bid, aid).get("form_scroll") == value, aid
    stored_current = ws.ui_state(bid).get("application")
    if flight is None or flight[0] != "current":
        assert stored_current == current
    # Restarting the app returns to that application, at that scroll position, showing its grades.
    from ui.app import make_app
    from ui.expert.main_window import ExpertWindow
    make_app()
    win = ExpertWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.application_id == stored_current
    want = ws.ui_state(bid, stored_current).get("form_scroll") or 0
    qtbot.waitUntil(lambda: win.form.scroll.verticalScrollBar().value() == want)
    d = ws.draft(bid, stored_current)
    for box in win.form.boxes:
        shown = next((b.letter for b in box.buttons.buttons() if b.isChecked()), None)
        assert shown == (d.grades.get(box.criterion.id) or {}).get("grade")
    assert win.form.opinion.toPlainText() == d.opinion
    win.close()
    ws.close()
