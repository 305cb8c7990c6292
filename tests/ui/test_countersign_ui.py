"""GUI paths of the leader's countersignature: 文件 → 组长签署结果表… in the expert window (the
leader's own workspace), and 导入组长签署的结果表… on the secretary's results page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..countersign_fixtures import LEADER, leader_world, pdfsig, report
from ..expert_fixtures import no_real_keyring  # noqa: F401  (autouse)
from .conftest import open_results_page, wait_idle


@pytest.fixture
def lw(tmp_path):
    from ui.app import make_app
    make_app()
    lw = leader_world(tmp_path)
    yield lw
    lw.ws.close()
    lw.world.store.close()


def _dialogs(monkeypatch, open_path, save_path=None, answer=QMessageBox.Yes):
    seen = {"question": [], "open": [], "save": []}
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (seen["open"].append(a[1]), (str(open_path), ""))[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (seen["save"].append(a[2]), (str(save_path or ""), ""))[1])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (seen["question"].append(a[2]), answer)[1])
    return seen


def test_expert_window_countersigns_a_result_sheet(qtbot, lw, tmp_path, monkeypatch, no_blocking_message_boxes):
    from ui.expert.main_window import ExpertWindow
    rep = report(tmp_path, lw.world)
    win = ExpertWindow(lw.ws)
    qtbot.addWidget(win)
    win.show()
    file_action = win.menuBar().actions()[0]  # kept: PySide6 6.9 drops a menu's wrapper with its action's
    file_menu = file_action.menu()
    assert "组长签署结果表…" in [a.text() for a in file_menu.actions()]

    out = tmp_path / "gui-signed.pdf"
    seen = _dialogs(monkeypatch, rep.summaries[0], out)
    win.act_countersign.trigger()
    # the confirmation shows who signed before and what is being signed
    text = seen["question"][0]
    assert "评审秘书：测试秘书" in text and "评审结果汇总表" in text and f"专家组组长“{LEADER}”" in text
    assert seen["save"][0].endswith("-组长签署.pdf")  # suggested name
    assert pdfsig(out).count("Signature is Valid.") == 2
    assert no_blocking_message_boxes[-1][0] == "information" and str(out) in no_blocking_message_boxes[-1][1]

    # declined: nothing written
    out2 = tmp_path / "declined.pdf"
    _dialogs(monkeypatch, rep.sheets[0], out2, answer=QMessageBox.No)
    win.act_countersign.trigger()
    assert not out2.exists()

    # an already countersigned sheet: a clear warning, no question asked
    seen = _dialogs(monkeypatch, out, tmp_path / "twice.pdf")
    win.act_countersign.trigger()
    assert seen["question"] == [] and not (tmp_path / "twice.pdf").exists()
    assert no_blocking_message_boxes[-1][0] == "warning" and "已有组长签名" in no_blocking_message_boxes[-1][1]


def test_results_page_accepts_the_countersigned_sheet(qtbot, lw, tmp_path, monkeypatch, no_blocking_message_boxes):
    from nn_review.expert.countersign import countersign_file
    w = lw.world
    rep = report(tmp_path, w)
    signed = countersign_file(lw.ws, rep.summaries[0], tmp_path / "back.pdf").path
    page = open_results_page(qtbot, w, size=None)
    assert page.btn_accept_signed.text() == "导入组长签署的结果表…"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(signed), str(rep.sheets[0])], ""))
    from ui.long_message import LongMessageDialog
    shown = []  # the outcome per file: a scrollable list (issue 15 item 11)
    monkeypatch.setattr(LongMessageDialog, "exec", lambda dlg: shown.append(dlg) or 0)
    page.btn_accept_signed.click()
    wait_idle(qtbot, page.win)  # checked in the background
    text = shown[-1].text()
    assert "拒收 1 个" in shown[-1].summary.text()  # one of the two was refused
    assert "已入档：back.pdf" in text and "拒收：" in text and "不是组长签名位置" in text
    assert (w.store.root / "signed" / f"session-{w.sid}" / rep.summaries[0].relative_to(rep.out_dir)).exists()
