"""Issue 12 item 5 in the window: a hostile score file dropped with good ones is one refused row
of the results dialog; the good files are imported, no error box, no traceback."""

from __future__ import annotations

from nn_review.formats.bundle import open_bundle
from nn_review.formats.scorefile import write_score_file
from nn_review.keys import ephemeral_key

from ..exchange_fixtures import good_review, no_real_keyring  # noqa: F401  (autouse: no real keyring)
from .conftest import wait_idle
from .test_exchange_page import export_first_panel, page  # noqa: F401  (fixture)


def test_deeply_nested_file_is_one_refused_row(qtbot, page, tmp_path, no_blocking_message_boxes):  # noqa: F811
    export_first_panel(qtbot, page, tmp_path / "usb").accept()
    h = page.last_handout[0]
    back = tmp_path / "back"
    with open_bundle(h.bundle.path, h.bundle.password) as b:
        reviews = [good_review(a["application_id"]) for a in b.applications]
        write_score_file(back / "z-good.nnscore", b, ephemeral_key("expert", "laptop"), 1, reviews)
    (back / "a-deep.nnscore").write_bytes(b"[" * 500_000)
    page.win.handle_drop([back / "a-deep.nnscore", back / "z-good.nnscore"])
    wait_idle(qtbot, page.win)
    res = {r.file.rsplit("/", 1)[-1]: r for r in page.last_results}
    assert (res["a-deep.nnscore"].outcome, res["z-good.nnscore"].outcome) == ("refused", "imported")
    dlg = page.results_dialog
    assert dlg.table.rowCount() == 2 and dlg.table.item(0, 0).text() == "拒收"
    assert dlg.table.item(0, 1).text() == "a-deep.nnscore" and "不是评分文件" in dlg.table.item(0, 2).text()
    assert "嵌套" in dlg.table.item(0, 2).toolTip()  # the technical reason: on hover (issue 15 item 8)
    assert not [s for s in no_blocking_message_boxes if s[0] == "critical"]


def test_failed_file_is_said_apart_from_refusals(qtbot):
    """A file the program could not handle (outcome ``failed``) reads 失败, not 拒收, and is counted apart."""
    from nn_review.exchange.scores_import import ScoreImportResult
    from ui.exchange_page import ScoreResultsDialog
    dlg = ScoreResultsDialog([ScoreImportResult("/x/a.nnscore", "failed", "程序内部错误"),
                              ScoreImportResult("/x/b.nnscore", "refused", "签名无效"),
                              ScoreImportResult("/x/c.nnscore", "imported", "")])
    qtbot.addWidget(dlg)
    labels = sorted(dlg.table.item(i, 0).text() for i in range(3))
    assert labels == sorted(["失败", "拒收", "已导入"])
    from PySide6.QtWidgets import QLabel
    assert any(lbl.text() == "已导入 1 个，拒收 1 个，失败 1 个" for lbl in dlg.findChildren(QLabel))
