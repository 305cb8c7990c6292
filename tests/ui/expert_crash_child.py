"""Child process of the crash test: the real expert window grading without end until it is killed.

``python expert_crash_child.py WORKSPACE`` (passphrase in ``$NN_REVIEW_EXPERT_PASSPHRASE``).
Keys go to the focused widget as a user's would. Each action is announced (``do``) before it
starts and reported (``done``, with what is now stored) after its event handler — and with
it the workspace's commit — has returned. The parent kills the process with SIGKILL at an
arbitrary moment: only the action announced but not reported may be lost.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def say(**kw) -> None:
    sys.stdout.write(json.dumps(kw, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(root: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from nn_review.expert import open_workspace
    from ui.app import make_app
    from ui.expert.main_window import ExpertWindow

    make_app()
    ws = open_workspace(root, passphrase=os.environ["NN_REVIEW_EXPERT_PASSPHRASE"])
    win = ExpertWindow(ws)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()

    def settle(seconds: float = 0.05) -> None:
        QTest.qWait(int(seconds * 1000))

    settle(0.3)
    bid = win.bundle_id
    keys = [Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_4, Qt.Key_5]
    rnd = 0
    say(event="ready", bundle=bid, application=win.application_id)
    while True:
        for n in range(win.apps.list.count()):
            aid = win.application_id
            win.form.boxes[0].focus_grades()
            for i, box in enumerate(win.form.boxes):
                letter = "ABCDE"[(rnd + n + i) % 5]
                if not box.has_focus_in_grades():  # a D or E before it put the cursor in its comment
                    box.focus_grades()
                say(do="grade", application=aid, criterion=box.criterion.id)
                QTest.keyClick(QApplication.focusWidget() or box.buttons.buttons()[0], keys["ABCDE".index(letter)])
                say(done="grade", application=aid, criterion=box.criterion.id, grade=letter)
            text = f"第{rnd}轮评审意见：技术路线清晰"
            win.form.opinion.setFocus()
            win.form.opinion.selectAll()
            for j in range(0, len(text), 3):
                say(do="opinion", application=aid)
                ev = QInputMethodEvent("", [])
                ev.setCommitString(text[j:j + 3])
                QApplication.sendEvent(win.form.opinion, ev)
                say(done="opinion", application=aid, text=win.form.opinion.toPlainText())
            bar = win.form.scroll.verticalScrollBar()
            say(do="scroll", application=aid)
            bar.setValue(min(bar.maximum(), 40 * (rnd + n + 1)))
            settle(0.4)  # the scroll position is saved after 300 ms of quiet
            say(done="scroll", application=aid, value=bar.value(), stored=ws.ui_state(bid, aid).get("form_scroll"))
            say(do="current", application=aid)
            QTest.keyClick(QApplication.focusWidget() or win, Qt.Key_PageDown, Qt.ControlModifier)
            if win.application_id == aid:  # the last one: back to the first
                win.apps.select(ws.applications(bid)[0].application_id)
            say(done="current", application=win.application_id)
        rnd += 1


if __name__ == "__main__":
    main(sys.argv[1])
