"""Drafts of the panel's opinion (issue 15 item 1): kept per application until the consensus is
recorded, deleted by recording it (and kept when recording is refused), refused on a finalised
session; the CLI verbs; a v7 store upgraded to v8 with the drafts table empty."""

from __future__ import annotations

import json
import sqlite3

import pytest

from nn_review.changes import Kind
from nn_review.cli import main
from nn_review.results import (ResultsError, clear_draft, finalise, get_draft, panel_drafts, panel_results, save_draft,
                               set_consensus)
from nn_review.store import open_store
from nn_review.store.migrations import LATEST, migrate

from .exchange_fixtures import no_real_keyring  # noqa: F401
from .helpers import file_keys
from .results_fixtures import make_world, return_scores, review

FIVE = ("王建国", "李秀英", "赵明", "陈晓东", "刘海燕")
OPINION = "专家组经讨论认为该项目基础较好，技术路线可行，同意按专家多数意见处理。"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("drafts")
    with file_keys(tmp):
        w = make_world(tmp, n_apps=2, experts=FIVE, leader="王建国")
        return_scores(w, tmp, {n: [review(a, "BBBBBB") for a in w.app_ids] for n in FIVE})
        yield w
        w.store.close()


def test_a_draft_is_kept_per_application_and_recording_deletes_it(world):
    store, sid = world.store, world.sid
    a1, a2 = world.app_ids
    out = save_draft.with_changes(store, sid, a1, "专家组初步意见：基础较好")
    assert out.changes.kinds == Kind.DRAFTS  # not a result: no figure on any page changes
    save_draft(store, sid, a2, "第二个项目的草稿")
    assert get_draft(store, sid, a1).text == "专家组初步意见：基础较好"
    assert set(panel_drafts(store, world.panel_id)) == {a1, a2}
    # refused (no reason for a different final recommendation): the draft stays
    with pytest.raises(ResultsError, match="理由"):
        set_consensus(store, sid, a1, opinion=OPINION, recommendation="reject")
    assert get_draft(store, sid, a1) is not None
    set_consensus(store, sid, a1, opinion=OPINION, recommendation="support")
    assert get_draft(store, sid, a1) is None and get_draft(store, sid, a2) is not None
    # the text on record, or nothing, is no draft
    assert save_draft(store, sid, a1, OPINION + "\n") is None and get_draft(store, sid, a1) is None
    assert save_draft(store, sid, a2, "   ") is None and get_draft(store, sid, a2) is None
    save_draft(store, sid, a2, "再写一次")
    assert clear_draft(store, sid, a2) and not clear_draft(store, sid, a2)
    with pytest.raises(ResultsError, match="没有申报项目"):
        save_draft(store, sid, "NO-SUCH", "x")


def test_cli_draft_verbs(world, capsys):
    store = str(world.store.root)
    a2 = world.app_ids[1]
    base = ["--store", store, "session", "draft"]
    assert main(base + ["save", a2, "--text", "命令行写的草稿"]) == 0
    capsys.readouterr()
    assert main(base + ["show", a2, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [d["text"] for d in shown] == ["命令行写的草稿"] and shown[0]["application_id"] == a2
    assert get_draft(world.store, world.sid, a2).text == "命令行写的草稿"
    capsys.readouterr()
    assert main(base + ["show"]) == 0
    assert "命令行写的草稿" in capsys.readouterr().out
    assert main(base + ["clear", a2]) == 0
    assert get_draft(world.store, world.sid, a2) is None


def test_no_draft_on_a_finalised_session(tmp_path):
    with file_keys(tmp_path):
        w = make_world(tmp_path, n_apps=1, experts=FIVE[:3], leader="王建国")
        a1 = w.app_ids[0]
        return_scores(w, tmp_path, {n: [review(a1, "BBBBBB")] for n in FIVE[:3]})
        set_consensus(w.store, w.sid, a1, opinion=OPINION, recommendation="support")
        finalise(w.store, w.sid)
        with pytest.raises(ResultsError, match="定稿"):
            save_draft(w.store, w.sid, a1, "定稿后再写")
        assert panel_results(w.store, w.panel_id).finalised
        w.store.close()


def test_a_v7_store_upgrades_to_v8_and_keeps_a_backup(tmp_path):
    root = tmp_path / "old"
    root.mkdir()
    db = root / "store.sqlite"
    migrate(db, target=7)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO guide_editions (edition, version, title, sha256, content_json, imported_at) "
                 "VALUES ('old-ed', '1', '旧指南', 'abc', '{\"items\": []}', '2025-01-01 00:00:00')")
    conn.execute("INSERT INTO review_sessions (name, guide_edition_id, form_template, aggregation_rule, band_mode,"
                 " state, sheet_version, created_at) VALUES ('v7 批次', 1, 'form-a', 'mean', 0, 'open', 1,"
                 " '2025-01-01 00:00:00')")
    conn.execute("INSERT INTO experts (roster_key, name, unit, title, fields_json, phone, email,"
                 " standing_conflicts_json, created_at) VALUES ('ZJ-1', '旧专家', '某单位', '', '[]', '', '', '[]',"
                 " '2025-01-01 00:00:00')")
    assert "message_json" not in [r[1] for r in conn.execute("PRAGMA table_info(findings)")]
    conn.commit()
    conn.close()
    store = open_store(root)
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA user_version").scalar() == LATEST  # v8 and what came after
        fcols = {r[1]: r for r in c.exec_driver_sql("PRAGMA table_info(findings)")}
        assert fcols["message_json"][4] == "''"  # default '' on rows written before v8
        assert c.exec_driver_sql("SELECT count(*) FROM consensus_drafts").scalar() == 0
        assert c.exec_driver_sql("SELECT name FROM review_sessions").scalar() == "v7 批次"
        assert c.exec_driver_sql("SELECT active FROM experts WHERE roster_key = 'ZJ-1'").scalar() == 1  # still drawn
    assert (root / "store.sqlite.v7.bak").exists()
    bak = sqlite3.connect(root / "store.sqlite.v7.bak")
    assert bak.execute("PRAGMA user_version").fetchone()[0] == 7
    bak.close()
    store.close()
