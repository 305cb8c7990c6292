"""Screenshots of each secretary screen with the demo data: ``python -m ui.screenshots OUTDIR [WxH]``."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(out: Path, size: tuple[int, int] = (1366, 768)) -> list[Path]:
    from nn_review.demo.packages import write_demo_packages
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store

    from .app import make_app
    from .main_window import MainWindow
    from .session_dialog import NewSessionDialog

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="nn-shots-"))
    shots: list[Path] = []
    try:
        app = make_app()
        store = open_store(tmp / "store")
        ensure_builtin_guides(store)
        create_session(store, "2025年度南宁市科技计划项目评审（演示）")
        win = MainWindow(store)
        win.resize(*size)
        win.show()
        win.import_paths(write_demo_packages(tmp / "pkgs"))
        while win.ops.busy:
            settle(app, 0.1)
        settle(app)

        def shot(name: str, widget=None) -> None:
            settle(app)
            p = out / f"{name}.png"
            (widget or win).grab().save(str(p))
            shots.append(p)

        shot("import_result", win.result_dialog)
        win.result_dialog.accept()
        settle(app)
        for w in app.topLevelWidgets():  # the "replace duplicates?" question, if any
            if w.isVisible() and w is not win and w.inherits("QMessageBox"):
                w.reject()
        win.select_application("NNKJ-2025-0106")
        win.detail.tabs.setCurrentIndex(1)
        shot("main_window")
        win.detail.tabs.setCurrentIndex(0)
        shot("detail_summary")
        win.select_application("NNLH-2025-0001")
        shot("detail_consortium")
        win.select_application("NNKJ-2025-0107")
        win.detail.tabs.setCurrentIndex(2)
        settle(app, 1.5)
        shot("detail_documents_pdf")
        win.filter.setText("东盟")
        shot("filtered")
        win.filter.clear()
        from nn_review.demo.roster import build_demo_roster
        win.ops.call(win.ops.job(build_demo_roster), store, win.session_id)  # the pages hear of it
        win.reload_sessions()
        roster, panels = win.extra_pages[0], win.extra_pages[1]
        win.pages.setCurrentWidget(roster)
        shot("roster")
        win.pages.setCurrentWidget(panels)
        panels.panel_list.setCurrentRow(0)
        shot("panel_members")
        panels.tabs.setCurrentIndex(1)
        panels.grid.setCurrentCell(2, 1)
        shot("conflict_matrix")
        panels.tabs.setCurrentIndex(2)
        shot("draw_record")
        panels.tabs.setCurrentIndex(0)
        # Bundles for the first panel, one expert's scores back, one tampered copy refused.
        os.environ.setdefault("NN_REVIEW_KEYRING", "file")  # never the real keyring from a screenshot run
        os.environ.setdefault("NN_REVIEW_KEY_DIR", str(tmp / "keys"))
        os.environ.setdefault("NN_REVIEW_SECRETARY_PASSPHRASE", "screenshot-passphrase")  # no dialog mid-run
        exchange = win.extra_pages[2]
        win.pages.setCurrentWidget(exchange)
        exchange.panel.setCurrentIndex(0)
        shot("bundle_export_folders", _export_folders_dialog(exchange, tmp))  # issue 20: two folders
        exchange.folders_dialog.reject()
        exchange.export(tmp / "U盘" / "评审包", tmp / "本机" / "评审任务通知书")  # as in the dialog
        while win.ops.busy:
            settle(app, 0.1)
        shot("bundle_passwords", exchange.passwords_dialog)
        exchange.passwords_dialog.accept()
        _return_scores(exchange, tmp)
        while win.ops.busy:
            settle(app, 0.1)
        shot("score_import_result", exchange.results_dialog)
        score_results = list(exchange.last_results)
        exchange.results_dialog.accept()
        shot("returns")
        results = win.extra_pages[3]
        win.reload_sessions()
        win.pages.setCurrentWidget(results)
        results.table.selectRow(0)
        shot("results")
        results.tabs.setCurrentIndex(2)
        shot("results_flags")
        results.tabs.setCurrentIndex(0)
        _results_i15(app, results, shot)
        _funding(app, win, shot)  # issue 21
        win.pages.setCurrentIndex(0)
        _formal_decisions(win)
        win.select_application("NNKJ-2025-0106")
        win.detail.tabs.setCurrentIndex(1)
        win.statusBar().clearMessage()
        win.decide("NNKJ-2025-0106", "excluded", "")  # refused: the reason is missing (shown in the box)
        shot("formal_decision")
        win.select_application("NNKJ-2025-0104")
        shot("formal_decision_detail", win.detail)
        dlg = NewSessionDialog([], win)
        dlg.show()
        shot("new_session_dialog", dlg)
        dlg.reject()
        _formal_check_english(app, store, win.size(), shot)
        _pdf_screens(app, win, shot)
        _first_start(win, shot, tmp, size)
        _tables_and_roster_edit(app, win, shot)  # issue 15 items 9 and 13
        roster_duplicate_shots(app, win, shot)  # issue 20 items 1 and 2
        shots += plain_refusal_shots(app, out, store, win.session_id, score_results, tmp)  # issue 15 item 8
        shots += funding_route_shots(app, out, size, tmp)  # issue 21: routes
        win.close()
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return shots


def _results_i15(app, results, shot) -> None:
    """Issue 15 on the results page: a draft kept and marked (results_draft), the agreement in plain
    words (results_agreement), the finalise refusal as a scrollable list (results_finalise_refusal)."""
    from .long_message import LongMessageDialog
    results.tabs.setCurrentIndex(1)
    results.table.selectRow(0)
    results.opinion.setPlainText("专家组经讨论认为：该项目紧扣指南方向，技术路线基本可行，")
    results.opinion.moveCursor(results.opinion.textCursor().MoveOperation.End)
    results.save_draft_now()
    results.table.selectRow(1)
    results.table.selectRow(0)  # back: the text is there, the row marked, 草稿已保存 hh:mm
    shot("results_draft")
    results.tabs.setCurrentIndex(3)
    shot("results_agreement")
    results.tabs.setCurrentIndex(0)
    real = LongMessageDialog.exec
    LongMessageDialog.exec = lambda dlg: dlg.show() or 0  # shown, not modal: the run goes on
    try:
        results.finalise_dialog()
        dlg = results.last_long_message
        settle(app)
        shot("results_finalise_refusal", dlg)
        dlg.close()
    finally:
        LongMessageDialog.exec = real


def budget_cutting(scope) -> str | None:
    """A budget for the demo's first scope that lets about half of its candidates in: the funding
    line falls in the middle of the list (None when the scope has fewer than two candidates)."""
    cands = [ln.proposed for ln in scope.lines if ln.proposed is not None]
    if len(cands) < 2:
        return None
    half = (len(cands) + 1) // 2
    total = sum(cands[:half])
    return f"{total + cands[half] / 2 if half < len(cands) else total:.2f}"


def _funding(app, win, shot) -> None:
    """Issue 21: the 资金安排 page with a budget that cuts the list (funding.png), the 核减/调整 dialog
    (funding_adjust_dialog.png) and the page in English (funding_en.png)."""
    from .app import make_app
    from .funding_dialogs import AmountDialog
    from .funding_tab import FundingPage
    from nn_review.funding import model as FM
    from nn_review.results.consensus import set_consensus
    page = next(p for p in win.extra_pages if isinstance(p, FundingPage))
    win.pages.setCurrentWidget(page)
    page.refresh()
    # every scored panel-route package gets its consensus (建议支持); then one budget for the plan type
    # with the most candidates, cut about half-way (the line falls inside a list of several items)
    from nn_review.funding.edits import set_budget
    from nn_review.funding.plan import funding_plan
    for sc in (page.plan.scopes if page.plan else []):
        for ln in sc.lines:
            if ln.route == "panel" and ln.status == FM.NO_CONSENSUS:
                try:
                    win.ops.call(set_consensus, win.store, win.session_id, ln.application_id,
                                 opinion="专家组经讨论认为该项目技术路线可行，同意支持。", recommendation="support")
                except Exception:  # noqa: BLE001 — a package whose panel has no scores yet stays without one
                    pass
    plan = funding_plan(win.store, win.session_id)
    by_type: dict[str, int] = {}
    with win.store.read() as s:
        from nn_review.funding.plan import rules_guide
        from nn_review.store.models import ReviewSession
        guide, _ = rules_guide(s, s.get(ReviewSession, win.session_id))
    for sc in plan.scopes:
        for ln in sc.lines:
            item = guide.item(ln.guide_item) if ln.guide_item else None
            if item is not None and ln.route == "panel" and ln.proposed is not None:
                by_type[item.plan_type] = by_type.get(item.plan_type, 0) + 1
    if by_type:
        pt = max(by_type, key=by_type.get)
        win.ops.call(set_budget, win.store, win.session_id, f"plan:{pt}", "1")
        page.refresh()
        page.scope.setCurrentIndex(page.scope.findData(f"plan:{pt}"))
        page.budget.setText(budget_cutting(page.current_scope()) or "1")
        page.apply_budget()
    row = page.line_row()
    page.table.selectRow(row + 1 if row is not None and row + 1 < page.model.rowCount() else 0)
    shot("funding")
    ln = page.current_line()
    if ln is not None:
        dlg = AmountDialog("adjust", ln, win)
        dlg.amount.setText(f"{(ln.proposed or ln.requested) * 8 / 10:.2f}")
        dlg.reason.setPlainText("设备购置费中通用设备不予支持，核减 20%")
        dlg.show()
        shot("funding_adjust_dialog", dlg)
        dlg.reject()
    from .results_page import ResultsPage
    results = next(p for p in win.extra_pages if isinstance(p, ResultsPage))
    win.pages.setCurrentWidget(results)  # the 拟资助（万元） column, now that a budget is set
    shot("results_funding")
    win.pages.setCurrentWidget(page)
    make_app(lang="en")
    try:
        from .main_window import MainWindow
        w = MainWindow(win.store)
        w.resize(win.size())
        w.show()
        en = next(p for p in w.extra_pages if isinstance(p, FundingPage))
        w.pages.setCurrentWidget(en)
        en.scope.setCurrentIndex(max(en.scope.findData(page.scope.currentData()), 0))  # the scope shown above
        settle(app)
        shot("funding_en", w)
        w.close()
    finally:
        make_app()
    win.pages.setCurrentWidget(page)


def _first_start(win, shot, tmp: Path, size: tuple[int, int]) -> None:
    """Issue 15 item 7: the start panel (demo session, then an empty store), the manual (F1)."""
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.store import open_store

    from .main_window import MainWindow
    win.show_start()
    shot("start_panel_demo")
    win.open_manual()
    win.manual_dialog.resize(min(980, size[0] - 40), min(700, size[1] - 40))
    shot("manual_dialog", win.manual_dialog)
    win.manual_dialog.browser.scrollToAnchor("bundles")
    shot("manual_dialog_bundles", win.manual_dialog)
    win.manual_dialog.close()
    win.show_pages()
    empty = open_store(tmp / "empty-store")
    ensure_builtin_guides(empty)
    first = MainWindow(empty)
    first.resize(*size)
    first.show()
    shot("start_panel_empty", first)
    first.show_pages()
    shot("first_start_applications", first)  # the drop hint says what to do first
    first.close()
    empty.close()


def _tables_and_roster_edit(app, win, shot) -> None:
    """The applications table at 1920×1080, the conflict matrix scrolled to its last column (the
    names stay), the roster with one expert deactivated (greyed) and its edit dialog."""
    from nn_review.roster.edit import set_expert_active

    from .expert_edit_dialog import ExpertEditDialog
    size = win.size()
    win.pages.setCurrentIndex(0)
    win.resize(1920, 1080)
    settle(app)
    shot("applications_1920")
    win.resize(size)
    roster, panels = win.extra_pages[0], win.extra_pages[1]
    win.pages.setCurrentWidget(panels)
    panels.tabs.setCurrentIndex(1)
    settle(app)
    bar = panels.grid.horizontalScrollBar()
    bar.setValue(bar.maximum())
    shot("conflict_matrix_scrolled")
    bar.setValue(0)
    panels.tabs.setCurrentIndex(0)
    win.pages.setCurrentWidget(roster)
    expert = roster.experts[3]
    win.ops.call(set_expert_active, win.store, expert.id, False, "调离广西")
    roster.table.selectRow(2)
    shot("roster_deactivated")
    dlg = ExpertEditDialog(lambda values: None, roster.current_expert(), win)
    dlg.show()
    dlg.show_error("email", "“电子邮箱”：“wang@”格式不正确；应为：电子邮箱地址，如 name@example.com，可留空")
    dlg.fields["email"].setText("wang@")
    shot("roster_edit_dialog", dlg)
    dlg.reject()


def roster_duplicate_shots(app, win, shot) -> None:
    """Issue 20: the roster with a suspected duplicate (the demo's 王建国 once more, as an earlier
    version imported a row with a blank 专家编号), the merge confirmation, and the edit dialog
    refusing a phone number."""
    from PySide6.QtCore import QTimer

    from nn_review.roster.xlsx import derived_key
    from nn_review.store.models import Expert

    from .expert_edit_dialog import ExpertEditDialog
    roster = win.extra_pages[0]
    with win.store.write() as s:
        e = Expert(roster_key=derived_key("王建国", "13807710101", "广西邕江大学"), name="王建国", unit="广西邕江大学",
                   title="教授", phone="138 0771 0101", email="")
        e.fields, e.standing_conflicts = ["新能源"], []
        s.add(e)
    win.ops.external()  # as if another process wrote it: the page hears of it
    win.pages.setCurrentWidget(roster)
    settle(app)
    roster.table.selectRow(0)
    shot("roster_duplicate")

    def grab_and_cancel() -> None:
        box = roster.merge_box
        if box is not None and box.isVisible():
            shot("roster_merge_confirm", box)
            box.reject()
    QTimer.singleShot(400, grab_and_cancel)
    roster.merge_selected()
    from nn_review.roster.edit import add_expert
    dlg = ExpertEditDialog(lambda values: add_expert(win.store, values), None, win)  # refused before any write
    dlg.show()
    for key, value in (("name", "李秀英"), ("unit", "广西医科大学"), ("phone", "12345")):
        dlg.fields[key].setText(value)
    dlg.save()  # the core's refusal, shown in place
    shot("roster_edit_phone", dlg)
    dlg.reject()


def _formal_decisions(win) -> None:
    """形式审查结论 as a secretary would record them (after the hand-out: the panels are made)."""
    from nn_review.services import formal
    sid = win.session_id
    formal.decide(win.store, sid, "NNKJ-2025-0103", "excluded", "知识产权指标不满足指南要求")
    formal.decide(win.store, sid, "NNKJ-2025-0104", "accepted", "已核实临床研究批件（附件5）")
    formal.set_manual_check(win.store, sid, "NNKJ-2025-0104", "I08.R1", True, "IND 批件已核对")
    formal.decide(win.store, sid, "NNKJ-2025-0101", "accepted")
    formal.set_manual_check(win.store, sid, "NNKJ-2025-0106", "I11.R1", True, "园区管委会证明已核对")
    win.reload_applications()


def _formal_check_english(app, store, size, shot) -> None:
    """Issue 15 items 8/12: the 形式审查 tab in English — findings in words, rule ids in a small last
    column, the decision box's refusal in English, the guide named by its title."""
    from .app import make_app
    from .main_window import MainWindow
    make_app(lang="en")
    try:
        w = MainWindow(store)
        w.resize(size)
        w.show()
        settle(app)
        w.select_application("NNKJ-2025-0107")
        w.detail.tabs.setCurrentIndex(1)
        w.statusBar().clearMessage()
        w.decide("NNKJ-2025-0107", "accepted", "")  # refused in the box: not passed by the machine, no reason
        shot("formal_check_en", w)
        w.detail.tabs.setCurrentIndex(0)
        shot("detail_summary_en", w)
        w.close()
    finally:
        make_app()


def _return_scores(exchange, tmp: Path) -> None:
    """What an expert would send back: a signed score file (and a tampered copy of it)."""
    from nn_review.formats.bundle import open_bundle
    from nn_review.formats.scorefile import write_score_file
    from nn_review.keys import ephemeral_key

    opinion = ("该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
               "考核指标量化明确且不低于指南要求，经费预算基本合理，建议予以支持。")
    files = []
    for k, h in enumerate(exchange.last_handout):  # every expert of the panel returns, grades differ a little
        with open_bundle(h.bundle.path, h.bundle.password) as b:
            reviews = []
            for j, a in enumerate(b.applications):
                g = "ABBCBD"[(j + k) % 6] if k else "B"
                reviews.append({"application_id": a["application_id"], "opinion": opinion,
                                "recommendation": "reject" if g == "D" else "support",
                                "grades": {c.id: {"grade": g, "comment": "论证不足，需补充依据。" if g == "D" else ""}
                                           for c in b.form_for(a["application_id"]).criteria}})
            files.append(write_score_file(tmp / "back" / f"{h.bundle.path.stem}-r1.nnscore", b,
                                          ephemeral_key("expert", str(k)), 1, reviews).path)
    good = files[0]
    bad = good.with_name("篡改的评分文件.nnscore")
    raw = bytearray(good.read_bytes())
    i = raw.index(b'"grade":"B"')
    raw[i + 9:i + 10] = b"A"
    bad.write_bytes(bytes(raw))
    exchange.win.handle_drop(files + [bad])


def _pdf_screens(app, win, shot) -> None:
    """The PDF's search with hits in the detail pane, then the PDF taking the window (issue 15 items 2, 10)."""
    from PySide6.QtPdf import QPdfDocument
    win.pages.setCurrentIndex(0)
    win.select_application("NNKJ-2025-0107")
    win.detail.tabs.setCurrentIndex(2)
    v = win.detail.viewer
    while v.document.status() != QPdfDocument.Status.Ready:
        settle(app, 0.1)
    v.find()
    v.search_bar.field.setText("东盟")
    settle(app, 1.0)
    v.search_bar.next()
    v.search_bar.next()
    shot("pdf_search")
    v.set_enlarged(True)
    shot("pdf_reading")
    v.set_enlarged(False)
    v.search_bar.close_search()


def plain_refusal_shots(app, out: Path, store, session_id: int, score_results, tmp: Path) -> list[Path]:
    """Issue 15 items 8/12: a refused package (bad credit code, damaged file) and a refused score
    file, in plain words, in Chinese and in English: import_refused[_en].png,
    import_refused_details[_en].png (详细信息… with the technical detail unfolded), score_refused[_en].png."""
    import json
    import zipfile

    from nn_review.demo.packages import write_demo_packages
    from nn_review.package.builder import build_package
    from nn_review.services.importer import import_packages

    from .app import make_app
    from .exchange_page import ScoreResultsDialog
    from .import_dialogs import ImportResultDialog

    src = write_demo_packages(tmp / "refusal-src")[0]
    with zipfile.ZipFile(src) as z:
        manifest = json.loads(z.read("manifest.json"))
        docs = {d["path"]: z.read(d["path"]) for d in manifest["documents"]}
    manifest["application_id"] = "NNKJ-2025-0190"
    manifest["applicant"]["credit_code"] = "91450100MA5LFH2B1"  # 17 characters
    bad = build_package(manifest, docs, tmp / "refusals" / "统一社会信用代码有误.nnpkg")
    damaged = tmp / "refusals" / "下载不完整.nnpkg"
    damaged.write_bytes(src.read_bytes()[:2000])
    report = import_packages(store, session_id, [bad, damaged])
    refused_scores = [r for r in score_results if r.outcome != "imported"] + \
                     [r for r in score_results if r.outcome == "imported"][:2]
    shots: list[Path] = []

    def shot(name: str, widget) -> None:
        widget.show()
        settle(app)
        p = out / f"{name}.png"
        widget.grab().save(str(p))
        shots.append(p)

    for lang, suffix in (("zh_CN", ""), ("en", "_en")):
        make_app(lang=lang)
        dlg = ImportResultDialog(report)
        dlg.resize(1000, 300)
        shot(f"import_refused{suffix}", dlg)
        details = dlg.details(0)
        details.toggle.setChecked(True)
        shot(f"import_refused_details{suffix}", details)
        details.reject()
        dlg.reject()
        scores = ScoreResultsDialog(refused_scores)
        scores.resize(1000, 300)
        shot(f"score_refused{suffix}", scores)
        scores.reject()
    make_app(lang="zh_CN")
    return shots


def funding_route_shots(app, out: Path, size: tuple[int, int], tmp: Path) -> list[Path]:
    """Issue 21 (routes): the applications table with its 评审路径 column (routes_table.png), the
    detail pane's 资助规则 section of a rule-route package (routes_detail.png) and the question
    the panels page asks before such a package joins a panel (routes_confirm.png). Its own store
    with the demo packages (items 23–28 among them: the rule route)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QAbstractItemView, QMessageBox

    from nn_review.demo.packages import write_demo_packages
    from nn_review.funding.errors import FundingError
    from nn_review.i18n import render
    from nn_review.roster.panels import create_panel
    from nn_review.services.guides import ensure_builtin_guides
    from nn_review.services.importer import import_packages
    from nn_review.services.sessions import create_session
    from nn_review.store import open_store

    from .main_window import MainWindow
    from .plain import plain

    out.mkdir(parents=True, exist_ok=True)
    store = open_store(tmp / "routes-store")
    ensure_builtin_guides(store)
    sid = create_session(store, "2025年度南宁市科技计划项目评审（演示）")
    import_packages(store, sid, write_demo_packages(tmp / "routes-pkgs", include_refused=False))
    shots: list[Path] = []

    def shot(name: str, widget) -> None:
        settle(app)
        p = out / f"{name}.png"
        widget.grab().save(str(p))
        shots.append(p)

    win = MainWindow(store)
    win.resize(*size)
    win.show()
    win.reload_sessions()
    settle(app)
    win.table.sortByColumn(win.model.COLUMNS.index("route"), Qt.DescendingOrder)
    win.select_application("NNKJ-2025-0118")  # 科技保险保费补贴: a computed amount with its formula
    win.detail.tabs.setCurrentIndex(0)
    shot("routes_table", win)
    heading = QCoreApplication.translate("DetailPane", "资助规则")
    summary = win.detail.summary
    row = next(r for r in range(summary.rowCount()) if summary.item(r, 0).text() == heading)
    summary.scrollToItem(summary.item(row, 0), QAbstractItemView.PositionAtTop)
    shot("routes_detail", win.detail)
    try:
        create_panel(store, sid, "第四组（后补助与临床医学）", items=[24, 25, 31])
    except FundingError as e:  # the question the panels page asks (ui/panel_dialogs.confirm_no_review)
        text = render(e.question) + "\n\n" + QCoreApplication.translate(
            "PanelDialogs", "仍要将这些申报交由评审组评审吗？确认将记入审计日志。")
        box = QMessageBox(QMessageBox.Question, QCoreApplication.translate("PanelsPage", "新建评审组"), plain(text),
                          QMessageBox.Yes | QMessageBox.No, win)
        box.show()
        shot("routes_confirm", box)
        box.close()
    win.close()
    store.close()
    return shots


def _export_folders_dialog(exchange, tmp: Path):
    """The export's folder choice (issue 20 item 3), filled as a secretary would: the bundles on the
    USB stick, the letters on this computer."""
    from .handout_dialog import HandoutFoldersDialog
    dlg = exchange.folders_dialog = HandoutFoldersDialog(exchange.panel.currentText(), exchange)
    dlg.bundles.setText(str(tmp / "U盘" / "评审包"))
    dlg.letters.setText(str(tmp / "本机" / "评审任务通知书"))
    dlg.show()
    return dlg


if __name__ == "__main__":
    w, h = map(int, (sys.argv[2] if len(sys.argv) > 2 else "1366x768").split("x"))
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"), (w, h)):
        print(p)
    sys.stdout.flush()
    # PySide 6.12 can crash in the interpreter's final GC after offscreen grabs; the PNGs are written.
    os._exit(0)

