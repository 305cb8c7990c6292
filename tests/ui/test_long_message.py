"""A long list in a scrollable dialog with copy (issue 15 item 11)."""

from PySide6.QtGui import QGuiApplication

from ui.long_message import LongMessageDialog


def test_thirty_applications_scroll_and_copy(qtbot):
    lines = [f"NN2025-{i:04d}：尚无专家组意见" for i in range(40)]
    dlg = LongMessageDialog(None, "不能定稿", "40 个申报项目尚未完成：", lines, detail="rule R.X")
    qtbot.addWidget(dlg)
    dlg.resize(640, 420)
    dlg.show()
    assert dlg.body.verticalScrollBar().maximum() > 0  # more lines than fit: it scrolls
    assert not dlg.detail_box.isVisible()
    dlg.toggle.setChecked(True)
    assert dlg.detail_box.isVisible()
    dlg.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("40 个申报项目尚未完成：") and "NN2025-0039" in copied and "rule R.X" in copied
