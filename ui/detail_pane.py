"""The detail pane of one application: summary, formal-check findings with the 形式审查结论 box
and the 核对清单, documents + PDF viewer.

Manifest text is always shown as plain text (item models / PlainText labels), never as rich
text: a title like "<b>…</b>" must appear literally.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nn_review.funding.model import NEEDS_PARAMS, NOT_DECLARED, NOT_ELIGIBLE, OK
from nn_review.funding.routing import route_label
from nn_review.i18n import M, render
from nn_review.package import vocab
from nn_review.services.formal import FormalState
from nn_review.services.queries import AppDetail
from nn_review.zhfmt import wan

from .findings_model import FindingsModel, findings_proxy, source_text
from .formal_box import FormalBox, ManualChecklist
from .pdf_viewer import PdfViewer
from .plain import data, tip
from .widgets import add_group, ro_item


class DetailPane(QWidget):
    document_opened = Signal(str)  # sha256 of the document now shown
    decision_requested = Signal(str, str, str)        # application id, accepted|excluded|'', reason
    manual_check_requested = Signal(str, str, bool, str)  # application id, rule id, ticked, note

    def __init__(self, parent=None):
        super().__init__(parent)
        self.detail: AppDetail | None = None
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.tabs = QTabWidget(self)

        # A table, not a tree: rows must grow to show long Chinese names wrapped, not elided.
        self.summary = QTableWidget(0, 2, self)
        self.summary.setHorizontalHeaderLabels([self.tr("字段"), self.tr("内容")])
        self._table_defaults(self.summary)
        self.summary.setSelectionMode(QAbstractItemView.NoSelection)
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.Interactive)
        self.summary.horizontalHeader().resizeSection(0, 150)
        self.summary.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.summary.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)

        self.findings_model = FindingsModel(self)
        self.findings = QTableView(self)
        self.findings.setModel(findings_proxy(self.findings_model, self))
        self._table_defaults(self.findings)
        self.findings.setSelectionMode(QAbstractItemView.SingleSelection)
        self.findings.setSortingEnabled(True)
        self.findings.sortByColumn(0, Qt.AscendingOrder)  # failures first (the model's order)
        self.findings.horizontalHeader().setSectionResizeMode(FindingsModel.COL_TEXT, QHeaderView.Stretch)
        # The rule id is a detail: a narrow column (elided; whole in the tooltip), the text gets the room.
        self.findings.horizontalHeader().setSectionResizeMode(FindingsModel.COL_RULE, QHeaderView.Interactive)
        self.findings.horizontalHeader().resizeSection(FindingsModel.COL_RULE, 80)
        self.findings.selectionModel().selectionChanged.connect(self._finding_selected)
        # Row heights follow the wrapped message (a few dozen rows: cheap).
        self.findings.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.source = QLabel(self)  # the guide sentence behind the selected finding
        self.source.setTextFormat(Qt.PlainText)
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.source.setStyleSheet("background: #f6f6f6; padding: 6px;")
        self.formal = FormalBox(self)
        self.formal.decision_requested.connect(
            lambda d, r: self.detail and self.decision_requested.emit(self.detail.row.application_id, d, r))
        self.checklist = ManualChecklist(self)
        self.checklist.check_requested.connect(self.manual_check_requested)
        found = QWidget(self)
        fl = QVBoxLayout(found)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.findings, 1)
        fl.addWidget(self.source)
        self.checks_split = QSplitter(Qt.Vertical, self)
        self.checks_split.addWidget(found)
        self.checks_split.addWidget(self.checklist)
        self.checks_split.setSizes([320, 200])
        checks = QWidget(self)
        cl = QVBoxLayout(checks)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.formal)
        cl.addWidget(self.checks_split, 1)

        self.documents = QTableWidget(0, 4, self)
        self.documents.setHorizontalHeaderLabels([self.tr("文档"), self.tr("类型"), self.tr("页数"), self.tr("大小")])
        self._table_defaults(self.documents)
        self.documents.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.documents.itemActivated.connect(lambda it: self.open_document(it.row()))
        self.documents.itemSelectionChanged.connect(self._doc_selected)
        self.viewer = PdfViewer(self)
        docs = QSplitter(Qt.Vertical, self)
        docs.addWidget(self.documents)
        docs.addWidget(self.viewer)
        docs.setSizes([150, 600])

        self.tabs.addTab(self.summary, self.tr("概要"))
        self.tabs.addTab(checks, self.tr("形式审查"))
        self.tabs.addTab(docs, self.tr("文档"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.header)
        lay.addWidget(self.tabs, 1)
        self.show_detail(None)

    @staticmethod
    def _table_defaults(t: QTableView) -> None:
        t.setEditTriggers(QAbstractItemView.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectRows)
        t.setWordWrap(True)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)

    # -- filling ---------------------------------------------------------------------------

    def show_detail(self, detail: AppDetail | None) -> None:
        self.detail = detail
        self.summary.clearSpans()
        self.summary.setRowCount(0)
        self.findings_model.set_findings([])
        self.source.setText("")
        self.documents.setRowCount(0)
        self.viewer.clear()
        self.show_formal(detail.formal if detail else None)
        if detail is None:
            self.header.setText(self.tr("选择左侧的申报包查看详情"))
            return
        self.header.setText(data(f"{detail.row.application_id}  {detail.row.title}"))
        self._fill_summary(detail)
        self._fill_findings(detail)
        for i, d in enumerate(detail.documents):
            self.documents.insertRow(i)
            self.documents.setItem(i, 0, ro_item(d.title, d.path))
            self.documents.setItem(i, 1, ro_item(vocab.label("doc", d.kind)))
            self.documents.setItem(i, 2, ro_item(d.page_count))
            self.documents.setItem(i, 3, ro_item(f"{d.size / 1024 / 1024:.2f} MB", f"sha256 {d.sha256}"))
        if detail.documents:
            self.documents.selectRow(0)

    def show_formal(self, state: FormalState | None, *, keep_reason: bool = False) -> None:
        """Only the decision box and the 核对清单 (after a decision or a tick: no PDF reload)."""
        self.formal.show_state(state, keep_reason=keep_reason)
        self.checklist.show_state(state)

    def _group(self, title: str, rows: list[tuple[str, object]]) -> None:
        add_group(self.summary, title, rows)

    def _unit(self, u: dict, extra: str = "") -> str:
        parts = [u.get("name", ""), u.get("credit_code", ""), vocab.label("unit", u.get("kind"))]
        if "in_nanning" in u:
            parts.append(self.tr("南宁") if u["in_nanning"] else self.tr("非南宁"))
        return vocab.joined(parts + [extra])

    def _fill_summary(self, d: AppDetail) -> None:
        m = d.manifest
        kind = {"project": self.tr("科技计划项目"), "consortium_recognition": self.tr("创新联合体认定"),
                "consortium_evaluation": self.tr("创新联合体三年评估")}.get(m["kind"], m["kind"])
        item = "" if m.get("guide_item") is None else self.tr("项目%1").replace("%1", str(m["guide_item"])) + (
            " " + self.tr("方向%1").replace("%1", str(m["direction"])) if m.get("direction") else "")
        # The guide in words; its edition id is a detail (tooltip). A package made for another
        # edition shows the id it names (the 形式审查 tab says what that means).
        self._group(self.tr("基本信息"), [(self.tr("申报编号"), m["application_id"]), (self.tr("类别"), kind),
                                      (self.tr("申报指南"), d.guide_title or m["guide_edition"]),
                                      (self.tr("指南项目"), item), (self.tr("项目名称"), m["title"])])
        guide_row = self.summary.rowCount() - 3
        self.summary.item(guide_row, 1).setToolTip(tip(
            self.tr("本批次指南：%1；申报包所按指南：%2").replace("%1", d.guide_id).replace("%2", m["guide_edition"])))
        a = m["applicant"]
        self._group(self.tr("申报单位"), [(self.tr("名称"), a["name"]), (self.tr("统一社会信用代码"), a["credit_code"]),
                                      (self.tr("单位类型"), vocab.label("unit", a["kind"])),
                                      (self.tr("主营在南宁"), self.tr("是") if a["in_nanning"] else self.tr("否")),
                                      (self.tr("所在城区"), a.get("district") or "")])
        if m.get("partners"):
            self._group(self.tr("合作单位"), [(str(i + 1), self._unit(p, vocab.label("role", p.get("role"))))
                                          for i, p in enumerate(m["partners"])])
        people = []
        if m.get("leader"):
            ld = m["leader"]
            people.append((self.tr("项目负责人"), vocab.joined((ld.get("name"), ld.get("title"), ld.get("unit")))))
        people += [(self.tr("成员%1").replace("%1", str(i + 1)),
                    vocab.joined((p.get("name"), p.get("title"), p.get("unit"))))
                   for i, p in enumerate(m.get("members") or [])]
        if people:
            self._group(self.tr("项目团队"), people)
        b, p = m["budget"], m["period"]
        self._group(self.tr("实施期与经费"), [(self.tr("实施期"), f"{p['start']} — {p['end']}"),
                                         (self.tr("申请资助"), vocab.money(b['requested'])),
                                         (self.tr("自筹经费"), vocab.money(b['self_funded']))])
        self._fill_route(d)
        ind = m.get("indicators") or {}
        if ind:
            rows = []
            for k, v in ind.items():
                rows.append((vocab.label("indicator", k), vocab.label("platform", v) if k == "platform_level"
                             else wan(v, unit=False) if k in vocab.MONEY_INDICATORS else v))
            self._group(self.tr("考核指标（申报值）"), rows)
        c = m.get("consortium")
        if c:
            rows = [(self.tr("牵头单位上年度营业收入"), vocab.money(c.get('leader_revenue_last_year'))),
                    (self.tr("牵头单位全职研发人员"), c.get("leader_rd_staff", "")),
                    (self.tr("近三年年均研发投入"), vocab.money(c.get('leader_rd_spend_3y_avg'))),
                    (self.tr("近三年研发投入占比"), c.get("leader_rd_ratio_3y", "")),
                    (self.tr("已签订组建协议"), self.tr("是") if c.get("agreement_signed") else self.tr("否"))]
            rows += [(vocab.label("role", u.get("layer")), self._unit(u)) for u in c.get("members", [])]
            self._group(self.tr("创新联合体"), rows)
        self._group(self.tr("来源文件"), [(self.tr("文件名"), d.source_name), ("SHA-256", d.source_sha256)])
        if d.warnings:
            self._group(self.tr("导入警告"), [(str(i + 1), w) for i, w in enumerate(d.warnings)])

    def _fill_route(self, d: AppDetail) -> None:
        """资助规则 (issue 21): the route, whose rule, its text, the cap and the computed amount."""
        rd = d.route
        if rd is None:
            return
        rows = [(self.tr("评审路径"), render(route_label(rd.route)))]
        if rd.rule_of is None:
            rows.append((self.tr("规则"), render(M("routing.no_rule"))))
        else:
            rows += [(self.tr("规则"), render(rd.rule_of)), (self.tr("指南原文"), rd.text)]
            if rd.cap is not None:
                rows.append((self.tr("资助上限"), vocab.money(rd.cap)))
            elif rd.cap_param:
                rows.append((self.tr("资助上限"), self.tr("按通知填写的参数 %1").replace("%1", rd.cap_param)))
            c = rd.computed
            if c is not None:
                status = {OK: vocab.money(c.amount), NOT_ELIGIBLE: self.tr("不符合资助条件"),
                          NOT_DECLARED: self.tr("申报包未申报所需数据"),
                          NEEDS_PARAMS: self.tr("待填写通知中的参数")}.get(c.status, c.status)
                rows += [(self.tr("按规则计算"), status), (self.tr("计算过程"), render(c.formula))]
        self._group(self.tr("资助规则"), rows)

    def _fill_findings(self, d: AppDetail) -> None:
        self.findings_model.set_findings(d.findings)
        if self.findings_model.rows:
            self.findings.selectRow(0)

    def selected_finding(self):
        rows = self.findings.selectionModel().selectedRows()
        return self.findings.model().data(rows[0], Qt.UserRole) if len(rows) == 1 else None

    def _finding_selected(self, *_args) -> None:
        f = self.selected_finding()
        self.source.setText(self.tr("依据：%1").replace("%1", source_text(f)) if f and f.source_text else "")

    # -- documents ---------------------------------------------------------------------------

    def _doc_selected(self) -> None:
        rows = {i.row() for i in self.documents.selectedItems()}
        if len(rows) == 1:
            self.open_document(rows.pop())

    def find_in_pdf(self) -> bool:
        """Ctrl+F with the PDF focused (or taking the window): its search bar. False: not ours."""
        if not (self.viewer.has_focus_within() or self.viewer.enlarged):
            return False
        self.viewer.find()
        return True

    def open_document(self, row: int) -> None:
        if self.detail is None or not 0 <= row < len(self.detail.documents):
            return
        doc = self.detail.documents[row]
        self.viewer.load_file(doc.file)
        self.document_opened.emit(doc.sha256)
