"""开始: the steps of a review and where this session stands, each step a click away.

The state of each step comes from the core (nn_review/progress.py; the CLI's
``nn-review session status`` prints the same); this panel only shows it and opens the page or
action of a step. The window shows the panel when it opens on an empty store or session, and
from 帮助 → 开始 or the 开始 button left of the page tabs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from nn_review.changes import Kind
from nn_review.progress import CURRENT, DONE, STEPS, SessionProgress, session_progress

from .ops import RefreshOnChange

# What a step's state looks like: a mark and a colour (the words come from the core's catalog).
_LOOK = {DONE: ("✓", "#1e7d32"), CURRENT: ("▶", "#1565c0"), "todo": ("○", "#888888")}


class StartPanel(RefreshOnChange, QWidget):
    """Eight rows: mark, step (a button), what there is, state. ``stepRequested(key)`` on a click."""

    watched = (Kind.SESSIONS | Kind.PACKAGES | Kind.FINDINGS | Kind.ROSTER | Kind.PANELS | Kind.BUNDLES
               | Kind.RETURNS | Kind.RESULTS)
    stepRequested = Signal(str)
    closeRequested = Signal()
    manualRequested = Signal()
    refreshed = Signal()      # after every refresh: the window may give way to the pages

    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.session_id: int | None = None
        self.progress: SessionProgress = session_progress(win.store, None)

        head = QLabel(self.tr("评审工作的八个步骤"), self)
        f = head.font()
        f.setPointSize(f.pointSize() + 6)
        f.setBold(True)
        head.setFont(f)
        self.next_label = QLabel(self)
        nf = self.next_label.font()
        nf.setPointSize(nf.pointSize() + 2)
        self.next_label.setFont(nf)
        intro = QLabel(self.tr("按顺序完成各步骤；点击步骤名称即可打开对应页面或操作。"
                               "各步骤的状态随数据自动更新。"), self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.btn_pages = QPushButton(self.tr("显示全部页面"), self)
        self.btn_pages.setToolTip(self.tr("关闭开始页，显示申报包、专家库等各页"))
        self.btn_pages.clicked.connect(self.closeRequested)
        self.btn_manual = QPushButton(self.tr("使用手册 (F1)"), self)
        self.btn_manual.clicked.connect(self.manualRequested)

        grid_box = QFrame(self)
        grid_box.setFrameShape(QFrame.StyledPanel)
        grid = QGridLayout(grid_box)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(2, 1)
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.details: dict[str, QLabel] = {}
        self.states: dict[str, QLabel] = {}
        tips = {"session": self.tr("新建评审批次（名称、指南、评审表）"),
                "import": self.tr("导入申报包（.nnpkg / .zip）或整个文件夹；也可直接拖到窗口"),
                "formal": self.tr("逐个核对机器审查结果，登记形式审查结论（通过 / 不予受理）"),
                "roster": self.tr("导入或维护专家库（Excel 模板）"),
                "panels": self.tr("组建评审组：抽取专家、检测回避、分配评审任务"),
                "bundles": self.tr("为每位专家生成加密评审包和任务通知书（密码只显示一次）"),
                "returns": self.tr("导入专家交回的评分文件（.nnscore）"),
                "results": self.tr("汇总评分、记录专家组意见、定稿并输出结果表")}
        for row, key in enumerate(STEPS):
            mark = QLabel(self)
            mf = mark.font()
            mf.setPointSize(mf.pointSize() + 4)
            mark.setFont(mf)
            mark.setAlignment(Qt.AlignCenter)
            mark.setMinimumWidth(28)
            btn = QPushButton(self)
            btn.setMinimumWidth(170)
            btn.setToolTip(tips[key])
            btn.clicked.connect(lambda _c=False, k=key: self.stepRequested.emit(k))
            detail = QLabel(self)
            detail.setWordWrap(True)
            detail.setTextFormat(Qt.PlainText)
            state = QLabel(self)
            state.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            for col, w in enumerate((mark, btn, detail, state)):
                grid.addWidget(w, row, col)
            self.marks[key], self.buttons[key], self.details[key], self.states[key] = mark, btn, detail, state

        inner = QWidget(self)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(24, 18, 24, 18)
        top = QHBoxLayout()
        top.addWidget(head, 1)
        top.addWidget(self.btn_manual)
        top.addWidget(self.btn_pages)
        lay.addLayout(top)
        lay.addWidget(self.next_label)
        lay.addWidget(intro)
        lay.addWidget(grid_box)
        expert = QLabel(self.tr("专家一方：专家用“评审系统（专家端）”打开评审包，输入任务通知书上的密码，"
                                "逐项评分并导出评分文件交回。详见使用手册。"), self)
        expert.setWordWrap(True)
        expert.setStyleSheet("color: #555;")
        lay.addWidget(expert)
        lay.addStretch(1)
        inner.setMaximumWidth(1100)
        scroll = QScrollArea(self)  # at 1366×768 with large fonts the rows still fit by scrolling
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        holder = QWidget(scroll)
        hl = QHBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addStretch(1)
        hl.addWidget(inner, 8)
        hl.addStretch(1)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def title(self) -> str:
        return self.tr("开始")

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.refresh()

    def refresh(self) -> None:
        self.progress = p = session_progress(self.win.store, self.session_id)
        for i, step in enumerate(p.steps, 1):
            mark, colour = _LOOK.get(step.state, _LOOK["todo"])
            self.marks[step.key].setText(mark)
            self.marks[step.key].setStyleSheet(f"color: {colour};")
            btn = self.buttons[step.key]
            btn.setText(f"{i}. {step.title}")
            bf = QFont(btn.font())
            bf.setBold(step.state == CURRENT)
            btn.setFont(bf)
            self.details[step.key].setText(str(step.detail))
            self.states[step.key].setText(str(step.state_text))
            self.states[step.key].setStyleSheet(f"color: {colour};" + (" font-weight: bold;"
                                                                       if step.state == CURRENT else ""))
        cur = p.current
        self.next_label.setText(self.tr("下一步：%1").replace("%1", str(cur.title)) if cur
                                else self.tr("本批次各步骤均已完成。"))
        self.refreshed.emit()


def open_step(win, key: str) -> None:
    """A step's click: the page it belongs to, and for 批次 / 导入 the action itself."""
    from .exchange_page import ExchangePage
    from .panels_page import PanelsPage
    from .results_page import ResultsPage
    from .roster_page import RosterPage

    def page_of(cls):
        return next(p for p in win.extra_pages if isinstance(p, cls))

    win.show_pages()
    if key == "session" or (key == "import" and win.session_id is None):
        win.pages.setCurrentWidget(win.splitter)
        win.new_session()
    elif key == "import":
        win.pages.setCurrentWidget(win.splitter)
        win.choose_files()
    elif key == "formal":
        win.pages.setCurrentWidget(win.splitter)
        if win.start.progress.step("formal").state != DONE:  # the undecided ones first
            win.status_filter.setCurrentIndex(max(0, win.status_filter.findData("undecided")))
    else:
        cls = {"roster": RosterPage, "panels": PanelsPage, "bundles": ExchangePage, "returns": ExchangePage,
               "results": ResultsPage}[key]
        win.pages.setCurrentWidget(page_of(cls))
