"""评审包与评分回收 page: export a panel's bundles with letters and one-time passwords; import
returned score files by drop, with refusals explained; the returns table follows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from nn_review.demo.roster import build_demo_roster
from nn_review.formats.bundle import open_bundle
from nn_review.formats.scorefile import write_score_file
from nn_review.keys import ephemeral_key
from nn_review.services.importer import import_packages

from ..exchange_fixtures import good_review, no_real_keyring  # noqa: F401  (autouse: no real keyring)
from .conftest import wait_idle


@pytest.fixture
def page(window, demo_packages, monkeypatch):
    import_packages(window.store, window.session_id, demo_packages)
    build_demo_roster(window.store, window.session_id)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.reload_sessions()
    p = next(x for x in window.extra_pages if x.title() == "评审包与评分回收")
    window.pages.setCurrentWidget(p)
    return p


def cell(view, row: int, col: int) -> str:
    return view.model().index(row, col).data()


def export_first_panel(qtbot, page, folder, letters=None):
    page.panel.setCurrentIndex(0)
    page.export(folder, letters)
    wait_idle(qtbot, page.win)
    return page.passwords_dialog


def test_export_shows_passwords_once_and_writes_letters_apart(qtbot, page, tmp_path):
    dlg = export_first_panel(qtbot, page, tmp_path / "usb", tmp_path / "本机" / "通知书")
    items = page.last_handout
    assert dlg.table.rowCount() == len(items) == 5
    for r, h in enumerate(items):
        assert h.bundle.path.exists() and h.letter.exists()
        assert h.letter.parent == tmp_path / "本机" / "通知书"
        assert dlg.table.item(r, 2).text() == h.bundle.password
    # The stick's folder holds the bundles only; the letters (with the passwords) are elsewhere.
    assert sorted(p.suffix for p in (tmp_path / "usb").iterdir()) == [".nnrb"] * 5
    assert sorted(p.suffix for p in (tmp_path / "本机" / "通知书").iterdir()) == [".pdf"] * 5
    dlg.copy()
    assert dlg.copied
    # Every expert of the panel now shows as sent, nothing returned.
    statuses = {cell(page.experts, r, 0): cell(page.experts, r, 1) for r in range(page.experts.model().rowCount())}
    sent = {h.bundle.expert_name for h in items}
    assert {statuses[n] for n in sent} == {"未返回"}
    assert {v for n, v in statuses.items() if n not in sent} == {"未发包"}  # the other panels' experts


def test_cancelled_export_leaves_no_file(qtbot, page, tmp_path):
    page.panel.setCurrentIndex(0)
    page.export(tmp_path / "usb")
    page.win.ops.task.cancel()
    wait_idle(qtbot, page.win)
    assert page.last_handout == []
    assert not any((tmp_path / "usb").glob("*.nnrb"))


def test_dropped_score_file_is_verified_and_counted(qtbot, page, tmp_path, monkeypatch):
    export_first_panel(qtbot, page, tmp_path / "usb").accept()
    h = page.last_handout[0]
    key = ephemeral_key("expert", "laptop")
    with open_bundle(h.bundle.path, h.bundle.password) as b:
        reviews = [good_review(a["application_id"]) for a in b.applications]
        good = write_score_file(tmp_path / "back" / "scores-r1.nnscore", b, key, 1, reviews).path
    # A tampered copy is refused with the reason; the good one is imported.
    bad = tmp_path / "back" / "tampered.nnscore"
    raw = bytearray(good.read_bytes())
    i = raw.index(b'"grade":"B"')
    raw[i + 9:i + 10] = b"A"
    bad.write_bytes(bytes(raw))
    page.win.handle_drop([bad, good])
    wait_idle(qtbot, page.win)
    res = {r.file.rsplit("/", 1)[-1]: r for r in page.last_results}
    assert res["scores-r1.nnscore"].outcome == "imported"
    assert res["tampered.nnscore"].outcome == "refused" and res["tampered.nnscore"].message
    dlg = page.results_dialog
    assert dlg.table.item(0, 0).text() == "拒收"  # refusals first
    row = next(r for r in range(page.experts.model().rowCount()) if cell(page.experts, r, 0) == h.bundle.expert_name)
    assert cell(page.experts, row, 1) == "已返回"
    assert cell(page.experts, row, 4) == "1"
    # Replaying the same revision is refused.
    dlg.accept()
    page.import_scores([good])
    wait_idle(qtbot, page.win)
    assert page.last_results[0].outcome == "refused" and page.last_results[0].code == "scores.replay"
