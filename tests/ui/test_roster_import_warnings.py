"""The roster import dialog lists the warnings of an import (formulas read as their saved results)."""

from PySide6.QtWidgets import QLabel

from nn_review.roster.xlsx import RosterImportReport
from ui.roster_page import RosterImportDialog


def test_dialog_shows_warnings_as_plain_text(qtbot):
    warning = "第3行“工作单位”（C3）是公式 =\"广西\"&\"大学\"，已按 Excel 保存的计算结果“广西大学”导入"
    report = RosterImportReport("r.xlsx", added=1, warnings=[warning, "<b>x</b>"])
    dialog = RosterImportDialog(report)
    qtbot.addWidget(dialog)
    head = dialog.findChildren(QLabel)[0]
    assert "2 条提示" in head.text() and warning in head.text() and "<b>x</b>" in head.text()
    assert head.textFormat() == head.textFormat().PlainText
