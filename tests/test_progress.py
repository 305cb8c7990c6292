"""Where a session stands (nn_review/progress.py) and ``nn-review session status``: the eight steps
of a review computed from the store, for an empty store, imported packages, the demo session and a
session whose scores came back."""

from __future__ import annotations

import json

from nn_review import i18n
from nn_review.cli import main
from nn_review.demo.store import ensure_demo_store
from nn_review.demo.packages import write_demo_packages
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.progress import STEPS, session_progress
from nn_review.services.sessions import create_session, list_sessions
from nn_review.store import open_store

from .results_fixtures import make_world, return_scores, review


def states(prog) -> dict[str, str]:
    return {s.key: s.state for s in prog.steps}


def test_empty_store_has_everything_to_do_and_the_session_first(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    prog = session_progress(store, None)
    assert [s.key for s in prog.steps] == list(STEPS)
    assert states(prog) == {"session": "current", **{k: "todo" for k in STEPS[1:]}}
    assert prog.empty and prog.current.key == "session"
    assert prog.step("session").detail.render("zh_CN") == "尚未新建评审批次"
    assert prog.step("import").detail.render("en") == "No packages imported yet"
    store.close()


def test_imported_packages_count_and_the_formal_check_is_current(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, "2025年度评审")
    assert states(session_progress(store, sid))["import"] == "current"
    rep = import_packages(store, sid, write_demo_packages(tmp_path / "pkgs"))
    n = rep.counts["imported"]
    prog = session_progress(store, sid)
    assert not prog.empty
    assert prog.step("import").state == "done"
    assert prog.step("import").detail.render("zh_CN") == f"已导入 {n} 个申报包"
    assert prog.step("import").detail.render("en") == f"{n} packages imported"
    # The demo packages include failures nobody has decided yet: the formal check is where we are.
    assert prog.current.key == "formal"
    assert "待确认结论" in prog.step("formal").detail.render("zh_CN")
    assert states(prog)["roster"] == "todo" and states(prog)["results"] == "todo"
    store.close()


def test_demo_session_has_roster_and_panels_but_no_bundles(tmp_path):
    ensure_demo_store(tmp_path / "demo")
    store = open_store(tmp_path / "demo")
    sid = list_sessions(store)[-1].id
    prog = session_progress(store, sid)
    st = states(prog)
    assert st["session"] == st["import"] == st["roster"] == "done"
    assert prog.step("roster").detail.render("zh_CN").startswith("专家库有 ")
    assert "个评审组" in prog.step("panels").detail.render("zh_CN")
    assert prog.step("bundles").state in ("current", "todo")
    assert prog.step("bundles").detail.render("zh_CN") == "尚未制作评审包"
    assert prog.current is not None
    store.close()


def test_bundles_and_returns_count_experts(tmp_path):
    w = make_world(tmp_path, n_apps=2, experts=("王建国", "李秀英"))
    before = session_progress(w.store, w.sid)
    assert before.step("bundles").detail.render("zh_CN") == "尚未制作评审包"
    return_scores(w, tmp_path, {"王建国": [review(a, "ABBCBB") for a in w.app_ids]})
    prog = session_progress(w.store, w.sid)
    assert prog.step("returns").detail.render("zh_CN") == "已收回 1/2 位专家的评分"
    assert prog.step("bundles").detail.render("zh_CN") == "已为 1/2 位专家制作评审包"
    assert prog.step("bundles").state != "done"
    assert prog.step("results").detail.render("zh_CN") == "已记录专家组意见 0/2 个申报"
    w.store.close()


def test_cli_session_status_prints_the_steps(tmp_path, capsys):
    store_dir = tmp_path / "store"
    assert main(["--store", str(store_dir), "session", "status"]) == 0
    out = capsys.readouterr().out
    assert "[当前] 1. 评审批次：尚未新建评审批次" in out and "下一步：评审批次" in out
    assert main(["--store", str(store_dir), "session", "create", "2025年度评审"]) == 0
    capsys.readouterr()
    assert main(["--store", str(store_dir), "session", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["current"] == "import"
    assert [s["key"] for s in data["steps"]] == list(STEPS)
    assert data["steps"][0] == {"key": "session", "title": "评审批次", "state": "done",
                                "detail": "当前批次：2025年度评审", "done": 1, "total": 1}


def test_step_texts_render_in_english():
    i18n.set_language("en")
    try:
        from nn_review.i18n import M
        assert str(M("progress.import.count", n=12)) == "12 packages imported"
    finally:
        i18n.set_language("zh_CN")
