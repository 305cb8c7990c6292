"""Issue 12 items 11 and 9 (display): data is shown as plain text everywhere in the secretary and
expert windows — tooltips, labels, delegates, message boxes — and hidden characters (RTL override,
zero-width) in titles, applicants, names and file names are shown visibly marked.

The scan is generic: every item view's model (every cell's DisplayRole and ToolTipRole, every
header), every widget's and tab's tooltip and every QLabel under the windows, so a view added later
is covered without touching this test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QTextDocument, Qt  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QItemDelegate, QLabel,
                               QStyledItemDelegate, QTabBar, QWidget)
from sqlalchemy import select

from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session
from nn_review.store import models as M
from nn_review.store import open_store

from ..expert_fixtures import PASSPHRASE, no_real_keyring  # noqa: F401  (autouse)
from ..helpers import manifest, pdf_bytes, unique_code, write_package
from .conftest import secretary_window

IMG = "<img src=file:///etc/passwd>"
LINK = '<a href="https://evil.example/x">点此</a>'
BOLD = "<b>粗体</b>"
MARKERS = (IMG, LINK, BOLD)
RLO, ZWSP = "\u202e", "\u200b"
TITLE = f"{IMG}东盟小语种{RLO}gpj.exe{ZWSP}翻译系统{BOLD}"
APPLICANT = f"{LINK}广西{ZWSP}信息科技有限公司"
EXPERT = f"{BOLD}王建国{IMG}"
PANEL = f"{LINK}信息技术组"


def shown(text: str, fmt=Qt.AutoText) -> tuple[str, QTextDocument | None]:
    """What Qt shows for ``text`` in a label/tooltip of format ``fmt``: the text, or the parsed HTML."""
    if fmt == Qt.PlainText or (fmt != Qt.RichText and not Qt.mightBeRichText(text)):
        return text, None
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText(), doc


def interpreted(doc: QTextDocument) -> list[str]:
    """Images and links a rich-text rendering would contain."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment().charFormat()
            if f.isImageFormat():
                found.append("image " + f.toImageFormat().name())
            if f.isAnchor():
                found.append("link " + f.anchorHref())
            it += 1
        block = block.next()
    return found


def assert_plain(text: str, where: str, fmt=Qt.AutoText) -> None:
    """Data in ``text`` (one of the hostile markers, raw or escaped) must show literally."""
    if not text or not any(k in text for k in ("etc/passwd", "evil.example", "粗体")):
        return
    out, doc = shown(text, fmt)
    assert doc is None or not interpreted(doc), f"{where}: rendered as rich text {interpreted(doc)}: {text!r}"
    for m in MARKERS:
        core = m[1:8]
        if core in text or core in text.replace("&lt;", "<").replace("&quot;", '"'):
            assert m in out.replace("\u2028", "\n"), f"{where}: {m!r} not shown literally in {out!r} (from {text!r})"


def cols(model, parent=QModelIndex()) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # list models keep columnCount private
        return 1


def scan(root: QWidget) -> int:
    """Assert plain display of every model cell, header, tooltip and label under ``root``; the
    number of strings checked that carried hostile data."""
    checked = 0

    def check(text, where, fmt=Qt.AutoText):
        nonlocal checked
        if isinstance(text, str) and any(k in text for k in ("etc/passwd", "evil.example", "粗体")):
            checked += 1
        if isinstance(text, str):
            assert_plain(text, where, fmt)

    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        name = f"{type(view).__name__}({view.objectName() or type(view.parent()).__name__})"
        # The default delegates draw DisplayRole as plain text; a custom one must be checked here.
        columns = cols(model)
        delegates = [view.itemDelegate()] + [view.itemDelegateForColumn(c) for c in range(columns)]
        in_combo = any(isinstance(p, QComboBox) for p in (view.parentWidget(), view.parentWidget().parentWidget()))
        from ui.funding_model import FundingLineDelegate  # QStyledItemDelegate's text, then a red rule
        for d in delegates:  # a combo box's popup draws its items as menu entries: plain text
            assert d is None or type(d) in (QStyledItemDelegate, QItemDelegate, FundingLineDelegate) or in_combo, \
                f"{name}: unchecked delegate {d}"

        def walk(parent: QModelIndex):
            for r in range(model.rowCount(parent)):
                for c in range(cols(model, parent) if parent.isValid() else columns):
                    idx = model.index(r, c, parent)
                    check(model.data(idx, Qt.ToolTipRole), f"{name}[{r},{c}] tooltip")
                    disp = model.data(idx, Qt.DisplayRole)
                    if isinstance(disp, str):  # drawn as plain text by the delegate: only counted
                        check(disp, f"{name}[{r},{c}] display", Qt.PlainText)
                    if c == 0 and not isinstance(view.model(), type(None)) and model.rowCount(idx) > 0:
                        walk(idx)

        walk(QModelIndex())
        for orient, n in ((Qt.Horizontal, columns), (Qt.Vertical, model.rowCount(QModelIndex()))):
            for s in range(n):
                check(model.headerData(s, orient, Qt.ToolTipRole), f"{name} header {s} tooltip")
    for w in [root] + root.findChildren(QWidget):
        check(w.toolTip(), f"{type(w).__name__} tooltip")
        if isinstance(w, QLabel):
            check(w.text(), f"QLabel {w.objectName() or type(w.parent()).__name__}", w.textFormat())
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                check(w.tabToolTip(i), f"tab {i} tooltip")
    return checked


# -- the hostile world -----------------------------------------------------------------------------

def hostile_store(tmp_path: Path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, f"{BOLD}评审批次")
    pkgs = tmp_path / "pkgs"
    pkgs.mkdir()
    paths = []
    for i in range(2):
        m = manifest(application_id=f"NNKJ-2025-{i + 1:04d}", title=TITLE + str(i))
        m["applicant"]["name"] = APPLICANT
        m["applicant"]["credit_code"] = unique_code(500 + i)
        m["leader"]["name"] = EXPERT
        m["documents"][0]["title"] = f"{IMG}申报书{RLO}"
        docs = {d["path"]: pdf_bytes(2, d["path"]) for d in m["documents"]}
        paths.append(write_package(pkgs, m, name=f"<b>粗体{i}.nnpkg", documents=docs))
    rep = import_packages(store, sid, paths)
    assert rep.counts["imported"] == 2, [r.message for r in rep.results]
    with store.write() as s:
        apps = list(s.scalars(select(M.Application).where(M.Application.session_id == sid)))
        experts = []
        for j, name in enumerate((EXPERT, f"李{RLO}秀英{ZWSP}", "赵明")):
            e = M.Expert(roster_key=f"E{j + 1:03d}", name=name, unit=f"{LINK}研究院{j}", title=BOLD)
            s.add(e)
            experts.append(e)
        s.flush()
        panel = M.Panel(session_id=sid, name=PANEL)
        s.add(panel)
        s.flush()
        for e in experts:
            s.add(M.PanelMember(panel_id=panel.id, expert_id=e.id))
            for a in apps:
                s.add(M.Assignment(panel_id=panel.id, expert_id=e.id, application_pk=a.id))
        for a in apps:
            s.add(M.PanelApplication(panel_id=panel.id, application_pk=a.id))
        s.add(M.Conflict(session_id=sid, expert_id=experts[0].id, application_pk=apps[0].id, source="manual",
                         reason=f"{IMG}专家所在单位为合作单位"))
        ids = {"sid": sid, "panel": panel.id, "expert": experts[1].id}
    return store, ids


@pytest.fixture
def secretary(qtbot, tmp_path):
    store, ids = hostile_store(tmp_path)
    win = secretary_window(qtbot, store)
    win.ids = ids
    yield win
    win.close()
    store.close()


def visit_everything(win) -> None:
    """Every page shown and the first row of every table selected, so detail panes fill in."""
    win.select_application("NNKJ-2025-0001")
    for i in range(win.pages.count()):
        win.pages.setCurrentIndex(i)
        QApplication.processEvents()
        for view in win.pages.widget(i).findChildren(QAbstractItemView):
            if view.model() is not None and view.model().rowCount() and view.isVisible():
                view.setCurrentIndex(view.model().index(0, min(1, cols(view.model()) - 1)))
                QApplication.processEvents()
    win.pages.setCurrentIndex(0)
    for i in range(win.detail.tabs.count()):
        win.detail.tabs.setCurrentIndex(i)


def test_secretary_window_shows_data_as_plain_text(qtbot, secretary):
    visit_everything(secretary)
    assert scan(secretary) > 10


def test_applications_table_marks_hidden_characters(qtbot, secretary, tmp_path):
    win = secretary
    title = win.model.index(0, win.model.COLUMNS.index("title"))
    applicant = win.model.index(0, win.model.COLUMNS.index("applicant"))
    for idx in (title, applicant):
        for role in (Qt.DisplayRole, Qt.ToolTipRole):
            text = win.model.data(idx, role)
            assert RLO not in text and ZWSP not in text
    assert "⟦U+202E⟧gpj.exe⟦U+200B⟧" in win.model.data(title, Qt.DisplayRole)
    assert "广西⟦U+200B⟧信息" in win.model.data(applicant, Qt.DisplayRole)
    # Display only: the row (sorting, filtering, the store) keeps the real title.
    assert win.model.data(title, Qt.UserRole).title.startswith(TITLE)
    win.select_application("NNKJ-2025-0001")
    assert "⟦U+202E⟧" in win.detail.header.text() and RLO not in win.detail.header.text()
    summary = [win.detail.summary.item(r, 1).text() for r in range(win.detail.summary.rowCount())
               if win.detail.summary.item(r, 1)]
    assert any("⟦U+200B⟧" in t for t in summary) and not any(RLO in t or ZWSP in t for t in summary)
    docs = win.detail.documents
    assert "⟦U+202E⟧" in docs.item(0, 0).text()


def test_message_box_with_data_is_plain(qtbot, secretary, monkeypatch):
    """A refusal naming an expert (here: already a member) shows the name, not its markup."""
    from PySide6.QtWidgets import QMessageBox

    from ui.panels_page import PanelsPage
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a[2]))
    panels = next(p for p in secretary.extra_pages if isinstance(p, PanelsPage))
    secretary.pages.setCurrentWidget(panels)
    with secretary.store.read() as s:
        first = s.scalar(select(M.Expert.id).where(M.Expert.roster_key == "E001"))
    panels.add_members([first])
    assert told and "已是评审组" in told[0]
    assert_plain(told[0], "message box")


def test_expert_window_shows_data_as_plain_text(qtbot, tmp_path):
    from nn_review.exchange.bundles import make_bundle
    from nn_review.expert import open_workspace
    from nn_review.keys import ephemeral_key
    from ui.app import make_app
    from ui.expert.main_window import ExpertWindow
    make_app()
    store, ids = hostile_store(tmp_path)
    secretary_key = ephemeral_key("secretary", "test")
    info = make_bundle(store, ids["sid"], ids["expert"], tmp_path / "out", secretary_key=secretary_key)
    ws = open_workspace(tmp_path / "ws", passphrase=PASSPHRASE)
    ws.add_bundle(info.path, info.password, trusted_fingerprint=secretary_key.fingerprint)
    win = ExpertWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.application_id is not None
    assert scan(win) > 3
    item = win.apps.list.currentItem()
    assert "⟦U+202E⟧" in item.text() and RLO not in item.text()
    assert "⟦U+202E⟧" in win.docs.header.text()
    win.close()
    ws.close()
    store.close()
