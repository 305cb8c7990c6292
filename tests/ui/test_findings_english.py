"""The formal check in the English UI (issue 15 items 12 and 8): the detail pane's findings, the
形式审查 box, the 核对清单 and the applications table's 形式审查 column show no Chinese except data
(guide texts, titles, names); rule ids and JSON paths are details (a small column, a tooltip),
never the main text. Real widgets over a real store with the demo packages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from nn_review import i18n
from nn_review.services.importer import import_packages
from nn_review.services.queries import application_detail, list_applications
from nn_review.store.models import Finding

from ..test_check_texts import GUIDE, guide_data, manifest_data

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
RULE_ID = re.compile(r"\b(?:[KX]\.[A-Z_0-9]+|I\d\d\.R\d+|C\.R\d+|P\.R\d+)\b")


@pytest.fixture
def english(qtbot, store, demo_packages):
    from nn_review.services.sessions import create_session
    from ui.app import make_app
    from ui.main_window import MainWindow
    sid = create_session(store, "界面测试批次")
    import_packages(store, sid, demo_packages)
    make_app(lang="en")
    try:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        yield win
    finally:
        make_app()  # the other tests run in Chinese
        i18n.set_language("zh_CN")


def cells(view) -> list[tuple[str, str]]:
    """(display, tooltip) of every cell and header of a view's model."""
    m = view.model()
    out = [(str(m.headerData(c, Qt.Horizontal) or ""), "") for c in range(m.columnCount())]
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            i = m.index(r, c)
            out.append((str(i.data() or ""), str(i.data(Qt.ToolTipRole) or "")))
    return out


def shown_texts(win, app_id: str) -> list[str]:
    d = win.detail
    texts = []
    for text, tip in cells(d.findings) + cells(d.checklist.table):
        texts += [text, tip]
    for r in range(d.findings.model().rowCount()):
        d.findings.selectRow(r)
        texts.append(d.source.text())
    texts += [d.formal.title(), d.formal.status.text(), d.formal.detail.text(), d.checklist.title.text()]
    row = next(r for r in range(win.proxy.rowCount())
               if win.proxy.index(r, 0).data(Qt.UserRole).application_id == app_id)
    status = win.proxy.index(row, win.model.COLUMNS.index("status"))
    texts += [status.data(), status.data(Qt.ToolTipRole), str(win.proxy.headerData(status.column(), Qt.Horizontal))]
    return texts


def strip_data(text: str, data: set[str]) -> str:
    text = text.replace("⟦", "").replace("⟧", "")
    for item in sorted(data, key=len, reverse=True):
        text = text.replace(item, "")
    return text


def test_findings_in_english_show_no_chinese_except_data(qtbot, english, store):
    win = english
    data = guide_data(GUIDE)
    ids = [r.application_id for r in list_applications(store, win.session_id)]
    assert len(ids) >= 10
    for app_id in ids:
        assert win.select_application(app_id)
        detail = application_detail(store, win.session_id, app_id)
        known = data | manifest_data(detail.manifest)
        for text in shown_texts(win, app_id):
            assert not CJK.search(strip_data(text, known)), (app_id, text)
    # The failing package: its status column and the finding say so in English.
    assert win.select_application("NNKJ-2025-0106")
    m = win.detail.findings.model()
    rows = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert rows[0][0] == "Not met" and "required" in rows[0][1].lower(), rows[0]


def test_rule_ids_are_detail_not_the_main_text(qtbot, english):
    win = english
    assert win.select_application("NNKJ-2025-0106")
    d = win.detail
    m = d.findings.model()
    text_col = d.findings_model.COL_TEXT
    for r in range(m.rowCount()):
        f = m.index(r, 0).data(Qt.UserRole)
        main = m.index(r, text_col).data()
        assert f.rule_id not in main and not RULE_ID.search(main), main
        assert f.rule_id in m.index(r, text_col).data(Qt.ToolTipRole)
    # the 核对清单 shows the requirement, the rule id only in its tooltip
    t = d.checklist.table
    assert t.rowCount() == 2
    for r in range(t.rowCount()):
        rule = t.item(r, 0).data(Qt.UserRole)
        assert rule not in t.item(r, 1).text() and rule in t.item(r, 1).toolTip()


def test_a_finding_stored_before_v8_shows_its_chinese_message(qtbot, english, store):
    """No id to render: the stored Chinese text, as it was (data of an older release)."""
    with store.write() as s:
        s.execute(update(Finding).values(message_json=""))
    win = english
    win.reload_sessions()
    assert win.select_application("NNKJ-2025-0106")
    m = win.detail.findings.model()
    texts = [m.index(r, win.detail.findings_model.COL_TEXT).data() for r in range(m.rowCount())]
    stored = {f.message for f in application_detail(store, win.session_id, "NNKJ-2025-0106").findings}
    assert set(texts) == stored and any(CJK.search(t) for t in texts)


def test_a_refused_decision_is_said_in_english(qtbot, english, store):
    win = english
    assert win.select_application("NNKJ-2025-0106")
    box = win.detail.formal
    win.detail.tabs.setCurrentIndex(1)
    qtbot.mouseClick(box.btn_exclude, Qt.LeftButton)
    assert box.error.isVisible() and "reason" in box.error.text() and "NNKJ-2025-0106" in box.error.text()
    assert not CJK.search(box.error.text()), box.error.text()
    qtbot.mouseClick(box.btn_accept, Qt.LeftButton)
    assert "“Fail”" in box.error.text() and not CJK.search(box.error.text()), box.error.text()


def test_the_guide_is_named_by_its_title_its_id_is_a_detail(qtbot, english):
    win = english
    assert win.select_application("NNKJ-2025-0106")
    t = win.detail.summary
    rows = {t.item(r, 0).text(): t.item(r, 1) for r in range(t.rowCount()) if t.item(r, 1) is not None}
    guide = rows["Guide"]
    assert guide.text() == GUIDE.title and "nanning-seed" not in guide.text()
    assert "nanning-seed v2" in guide.toolTip()
    assert not any("nanning-seed" in (item.text() or "") for item in rows.values())


def test_a_json_path_is_in_the_tooltip_not_the_text(qtbot):
    """K.HIDDEN_CHARS: the field named in words; its JSON path and code points only in the tooltip."""
    import copy

    from nn_review.checks.package_checks import check_package
    from nn_review.demo.packages import demo_packages
    from ui.findings_model import FindingsModel
    m = copy.deepcopy(demo_packages()[0][0])
    m["applicant"]["name"] += "\u202e"
    found = [f for f in check_package(GUIDE, m) if f.rule_id == "K.HIDDEN_CHARS"]
    assert found and "manifest.applicant.name" in found[0].message  # the CLI keeps it
    i18n.set_language("en")
    try:
        model = FindingsModel()
        model.set_findings(found)
        i = model.index(0, FindingsModel.COL_TEXT)
        assert i.data().startswith("The applicant's name contains invisible") and "manifest." not in i.data()
        assert "manifest.applicant.name" in i.data(Qt.ToolTipRole) and "U+202E" in i.data(Qt.ToolTipRole)
    finally:
        i18n.set_language("zh_CN")
