"""Screenshots of the expert workspace with the demo data:
``python -m ui.expert.screenshots [OUTDIR]`` → ``OUTDIR/expert_*.png`` at 1366×768 and 1920×1080
(and 1366×705: a maximised laptop window; ``expert_*_en_*``: in English).

A real bundle is made by the secretary code from the demo store (``ensure_demo_store`` →
``make_bundle``), opened in a fresh expert workspace (temporary folder, passphrase storage:
the real keyring is never touched), partly graded, and shown with a real Chinese PDF.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1366, 768), (1920, 1080))
PASSPHRASE = "演示口令 demo-2025"
OPINION = ("项目面向东盟小语种翻译的实际需求，技术路线总体可行，申报单位与合作高校分工明确，"
           "但考核指标中的新增销售收入测算依据不足，建议补充市场数据后予以支持。")


def _demo_bundle(tmp: Path):
    """(bundle info, secretary fingerprint) for the demo expert with the most assigned packages."""
    from sqlalchemy import func, select

    from nn_review.demo.store import ensure_demo_store
    from nn_review.exchange.bundles import make_bundle
    from nn_review.keys import ephemeral_key
    from nn_review.store import open_store
    from nn_review.store.models import Assignment

    ensure_demo_store(tmp / "store")
    store = open_store(tmp / "store")
    try:
        with store.read() as s:
            eid, _n = s.execute(select(Assignment.expert_id, func.count()).group_by(Assignment.expert_id)
                                .order_by(func.count().desc(), Assignment.expert_id)).first()
            from nn_review.store.models import Panel
            sid = s.scalar(select(Panel.session_id).join(Assignment, Assignment.panel_id == Panel.id)
                           .where(Assignment.expert_id == eid))
        key = ephemeral_key("secretary", "demo")
        return make_bundle(store, sid, eid, tmp / "out", secretary_key=key), key.fingerprint
    finally:
        store.close()


def _grade(ws, bid: str) -> None:
    """Some finished, one recused, one in progress: what a real list looks like mid-way."""
    apps = ws.applications(bid)
    for a, letters in zip(apps[:2], ("BABBAB", "CBCDBC")):
        for box_id, letter in zip(("c1", "c2", "c3", "c4", "c5", "c6"), letters):
            ws.set_grade(bid, a.application_id, box_id, letter)
        if "D" in letters:
            ws.set_comment(bid, a.application_id, "c4", "合作单位在核心算法方面的研究基础论证不足")
        ws.set_opinion(bid, a.application_id, OPINION)
        ws.set_recommendation(bid, a.application_id, "support" if a is apps[0] else "support_if_revised")
        ws.mark_complete(bid, a.application_id)
    if len(apps) > 3:
        ws.set_recusal(bid, apps[2].application_id, True, "本人近三年与申报单位有合作项目")


def main(out: Path) -> list[Path]:
    from PySide6.QtTest import QTest

    from nn_review.expert import open_workspace
    from ui.app import make_app

    from .dialogs import OpenBundleDialog, PassphraseDialog, ExpertSettingsDialog
    from .main_window import ExpertWindow
    from .submit_dialog import SubmitDialog

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="nn-expert-shots-"))
    os.environ["NN_REVIEW_KEYRING"] = "file"
    os.environ["NN_REVIEW_KEY_DIR"] = str(tmp / "keys")
    shots: list[Path] = []
    try:
        app = make_app()
        info, fpr = _demo_bundle(tmp)
        ws = open_workspace(tmp / "ws", passphrase=PASSPHRASE)
        from nn_review.expert.intake import peek_bundle
        dlg = OpenBundleDialog(ws, peek_bundle(ws, info.path))  # first use: nothing pinned yet
        dlg.password.setText(info.password)
        dlg.fingerprint.setText(fpr)
        dlg.show()
        QTest.qWait(400)
        dlg.grab().save(str(out / "expert_open_dialog.png"))
        shots.append(out / "expert_open_dialog.png")
        dlg.close()
        ws.add_bundle(info.path, info.password, trusted_fingerprint=fpr)
        bid = info.bundle_id
        _grade(ws, bid)
        apps = ws.applications(bid)
        current = next(a for a in apps if a.status == "not_started")
        win = None

        def shot(name: str, widget=None, wait: int = 600) -> None:
            QTest.qWait(wait)
            p = out / f"{name}.png"
            (widget or win).grab().save(str(p))
            shots.append(p)

        for w, h in SIZES:  # a fresh window per size, as the expert would start the app
            ws.save_ui_state(bid, "", {"application": current.application_id})
            ws.save_ui_state(bid, current.application_id, {"form_scroll": 0, "doc": 0})
            win = ExpertWindow(ws)
            win.resize(w, h)
            win.show()
            win.activateWindow()
            QTest.qWait(300)
            win.form.boxes[0].grade("B")
            win.form.boxes[1].grade("A")
            win.form.boxes[2].focus_grades()  # the anchor text of the focused criterion shows
            shot(f"expert_grading_{w}x{h}", wait=1500)
            win.form.boxes[3].grade("D")
            win.mark_complete()  # says exactly what is missing
            win.form.scroll.ensureWidgetVisible(win.form.boxes[3])
            shot(f"expert_missing_{w}x{h}")
            win.docs.tabs.setCurrentIndex(win.docs.tabs.count() - 1)
            shot(f"expert_checklist_{w}x{h}")
            win.docs.tabs.setCurrentIndex(win.docs.tabs.count() - 2)
            shot(f"expert_summary_{w}x{h}")
            for b in win.form.boxes[:4]:
                b.grade(None)
            if (w, h) != SIZES[-1]:
                win.close()
                win.deleteLater()
        win.resize(*SIZES[0])
        done = next(a for a in apps if a.status == "recused") if any(a.status == "recused" for a in apps) else apps[0]
        win.apps.select(done.application_id)
        shot("expert_recused_1366x768")
        dlg = SubmitDialog(ws, bid, str(tmp / "usb"), win)
        dlg.show()
        shot("expert_submit_dialog", dlg)
        dlg.close()
        dlg = ExpertSettingsDialog(ws, win)
        dlg.show()
        shot("expert_settings", dlg)
        dlg.close()
        from nn_review.expert.vault import passphrase_notice
        dlg = PassphraseDialog(True, passphrase_notice(Path("~/.local/share/nn-review/expert-store").expanduser(),
                                                       "本机没有可用的系统钥匙串"), "", None)
        dlg.show()
        shot("expert_passphrase_dialog", dlg)
        dlg.close()
        _pdf_search_shots(win, shot, current.application_id)
        win.close()
        shots += first_use_shots(out, ws, bid, tmp)
        ws.close()
        del app
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return shots


def _pdf_search_shots(win, shot, application_id: str) -> None:
    """Ctrl+F while grading: the document's search with hits, at both sizes (issue 15 item 2)."""
    from PySide6.QtTest import QTest
    win.apps.select(application_id)
    win.docs.tabs.setCurrentIndex(0)
    v = win.docs.current_viewer()
    if v is None:
        return
    for w, h in SIZES:
        win.resize(w, h)
        v.find()
        v.search_bar.field.clear()
        v.search_bar.field.setText("南宁")
        QTest.qWait(1200)  # QtPdf searches in the background
        v.search_bar.next()
        v.search_bar.next()
        shot(f"expert_pdf_search_{w}x{h}")
    v.search_bar.close_search()
    win.resize(*SIZES[0])


def first_use_shots(out: Path, ws, bid: str, tmp: Path) -> list[Path]:
    """Issue 15: the empty state, grading on a maximised laptop screen (1366×705), and the same in
    English: ``expert_empty_*``, ``expert_grading_1366x705``, ``expert_*_en_*``."""
    from PySide6.QtTest import QTest

    from nn_review.expert import open_workspace
    from ui.app import make_app

    from .main_window import ExpertWindow

    shots: list[Path] = []
    empty_ws = open_workspace(tmp / "ws-empty", passphrase=PASSPHRASE)
    current = next(a for a in ws.applications(bid) if a.status == "not_started")

    def save(widget, name: str, wait: int = 600) -> None:
        QTest.qWait(wait)
        p = out / f"{name}.png"
        widget.grab().save(str(p))
        shots.append(p)

    def window(w: int, h: int, workspace) -> ExpertWindow:
        win = ExpertWindow(workspace)
        win.resize(w, h)
        win.show()
        win.activateWindow()
        QTest.qWait(300)
        return win

    try:
        for lang, suffix in (("zh_CN", ""), ("en", "_en")):
            make_app(lang=lang)
            for w, h in ((1366, 768), (1920, 1080)) if not suffix else ((1366, 768),):
                win = window(w, h, empty_ws)
                save(win, f"expert_empty{suffix}_{w}x{h}")
                win.close()
            for w, h in ((1366, 705), (1920, 1080)) if suffix else ((1366, 705),):
                ws.save_ui_state(bid, "", {"application": current.application_id})
                ws.save_ui_state(bid, current.application_id, {"form_scroll": 0, "doc": 0})
                win = window(w, h, ws)
                win.form.boxes[0].grade("B")
                win.form.boxes[1].grade("A")
                win.form.boxes[2].grade("D")  # the cursor waits in its comment
                save(win, f"expert_grading{suffix}_{w}x{h}", 1200)
                win.mark_complete()  # what is missing, in the window's language
                save(win, f"expert_missing{suffix}_{w}x{h}")
                for b in win.form.boxes[:3]:
                    b.grade(None)
                win.close()
    finally:
        make_app(lang="zh_CN")
        empty_ws.close()
    return shots


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(p)
    sys.stdout.flush()
    # PySide 6.12 crashed in the interpreter's final GC (README, "Qt binding"); harmless now: the PNGs are written.
    os._exit(0)
