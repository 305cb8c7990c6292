"""Issue 15 items 8 and 12 for the roster import: row errors, the summary and the column names of
the import dialog in the UI's language (the data in the cells shown as it is)."""

from __future__ import annotations

import re

import pytest

from nn_review.roster.xlsx import import_roster

from ..roster_files import secretary_workbook

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ROWS = [["ZJ-1", "王某某", "广西大学", "12345", "教授", None, "138-ABC", "not-an-address"],
        ["ZJ-2", "李某", "", None, None, None, None, None],
        ["ZJ-3", "张某", "南宁师范大学", None, None, None, "13900000002", None]]


@pytest.fixture
def lang():
    from ui.app import make_app
    yield lambda code: make_app(lang=code)
    make_app(lang="zh_CN")


def _dialog(qtbot, store, tmp_path):
    from ui.roster_page import RosterImportDialog
    report = import_roster(store, secretary_workbook(tmp_path / "专家库.xlsx", ROWS))
    dlg = RosterImportDialog(report)
    qtbot.addWidget(dlg)
    rows = [[dlg.errors.item(r, c).text() for c in range(4)] for r in range(dlg.errors.rowCount())]
    from PySide6.QtWidgets import QLabel
    return report, dlg.findChildren(QLabel)[0].text(), rows


def test_row_errors_in_english_name_the_column_and_the_fix_without_chinese(qtbot, store, tmp_path, lang):
    lang("en")
    report, head, rows = _dialog(qtbot, store, tmp_path)
    assert report.added == 1 and len(rows) == 4
    assert head == "专家库.xlsx: 1 added, 0 updated, 0 unchanged; 2 rows with errors skipped (rows 2, 3), " \
                   "the other rows imported"
    by_column = {r[1]: r for r in rows}
    assert set(by_column) == {"Unit credit code", "Phone", "E-mail", "Unit"}
    assert by_column["E-mail"][2] == '"not-an-address" is not an e-mail address'
    assert "name@example.com" in by_column["E-mail"][3]
    assert by_column["Unit"][2:] == ["is empty", "the full name of the expert's unit (required)"]
    for r in rows:
        assert not CJK.search(" ".join(r)), r


def test_row_errors_in_chinese_are_the_importers_own_sentences(qtbot, store, tmp_path, lang):
    lang("zh_CN")
    report, head, rows = _dialog(qtbot, store, tmp_path)
    assert head.startswith("专家库.xlsx：新增 1，更新 0，未变 0；2 行有错误已跳过")
    assert [r[1:] for r in rows] == [[e.column, e.message, e.expected] for e in report.errors]
