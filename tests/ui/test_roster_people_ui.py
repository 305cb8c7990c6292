"""Issue 20 on the 专家库 page: suspected duplicates listed, merged after a confirmation (audited,
refreshed by the change notice); a refusal shown and nothing changed; the edit dialog refuses a
phone number that is not one, naming 手机 and the expected forms."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select

from nn_review.roster.experts import list_experts
from nn_review.store.models import AuditEvent, Expert, Grade

from ..exchange_fixtures import table_counts
from .test_expert_edit_ui import roster_page, run_dialog


def put(store, key, name, unit, phone="", email=""):
    """An expert as an earlier version stored it (the same person may already be there twice)."""
    with store.write() as s:
        e = Expert(roster_key=key, name=name, unit=unit, title="", phone=phone, email=email)
        e.fields, e.standing_conflicts = ["重点研发计划"], []
        s.add(e)
        s.flush()
        return e.id


def twins(window):
    ids = {"ZJ-9": put(window.store, "ZJ-9", "韦国强", "广西大学", "13812345678"),
           "ZJ-7A3F00B1C2": put(window.store, "ZJ-7A3F00B1C2", "韦国强", "广西大学", "138-1234-5678", "wei@example.cn"),
           "ZJ-5": put(window.store, "ZJ-5", "黄丽", "广西医科大学", "13900000005")}
    window.ops.external()  # another process wrote the roster: the page hears of it
    return ids


def answer(monkeypatch, pick: str):
    """Answer the merge confirmation by the button whose text starts with ``pick`` (or 取消)."""
    seen = []

    def exec_(box):
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text().startswith(pick)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def test_duplicates_listed_and_merged_after_confirmation(qtbot, window, monkeypatch):
    page = roster_page(window)
    ids = twins(window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.dup_box.isVisibleTo(page) and page.dup_list.count() == 1
    assert "疑似重复：1 对" in page.dup_label.text()
    text = page.dup_list.item(0).text()
    assert text == "ZJ-9 与 ZJ-7A3F00B1C2（韦国强）疑似同一人：姓名与手机相同（13812345678）"
    assert page.btn_merge.isEnabled()

    before = table_counts(window.store)
    seen = answer(monkeypatch, "取消")  # cancelled: nothing happens
    qtbot.mouseClick(page.btn_merge, Qt.LeftButton)
    assert seen and "不能撤销" in seen[0][0] and "保留 ZJ-9，并入 ZJ-7A3F00B1C2" in seen[0][1]
    assert table_counts(window.store) == before

    seen = answer(monkeypatch, "保留 ZJ-9")
    qtbot.mouseClick(page.btn_merge, Qt.LeftButton)
    assert seen
    keys = sorted(e.roster_key for e in list_experts(window.store))
    assert keys == ["ZJ-5", "ZJ-9"]
    assert page.model.rowCount() == 2 and not page.dup_box.isVisibleTo(page)  # the notice refreshed the page
    assert page.current_expert().roster_key == "ZJ-9" and page.current_expert().email == "wei@example.cn"
    assert "已将 ZJ-7A3F00B1C2 合并到 ZJ-9" in window.statusBar().currentMessage()
    with window.store.read() as s:
        [ev] = s.scalars(select(AuditEvent).where(AuditEvent.action == "roster.expert_merge")).all()
        assert ev.details["keep_id"] == ids["ZJ-9"] and ev.details["drop"] == "ZJ-7A3F00B1C2"


def test_a_refused_merge_is_shown_and_changes_nothing(qtbot, window, monkeypatch):
    page = roster_page(window)
    ids = twins(window)
    qtbot.waitUntil(lambda: page.dup_list.count() == 1)
    from nn_review.services.sessions import list_sessions
    sid = list_sessions(window.store)[0].id
    # both entries have scores in one session: a merge would make two reviews one person's
    from tests.helpers import manifest, write_package
    from nn_review.services.importer import import_packages
    import tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp(dir=str(window.store.root)))
    import_packages(window.store, sid, [write_package(folder, manifest())])
    with window.store.write() as s:
        from nn_review.store.models import Application
        pk = s.scalar(select(Application.id))
        s.add(Grade(expert_id=ids["ZJ-9"], application_pk=pk, criterion="c1", grade="A"))
        s.add(Grade(expert_id=ids["ZJ-7A3F00B1C2"], application_pk=pk, criterion="c1", grade="B"))
    before = table_counts(window.store)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    answer(monkeypatch, "保留 ZJ-7A3F00B1C2")
    page.merge_selected()
    assert warned and "都有评分或评审包" in warned[0] and "界面测试批次" in warned[0]
    assert table_counts(window.store) == before and page.dup_list.count() == 1


def test_edit_dialog_refuses_a_bad_phone_in_place_and_stores_the_normal_form(qtbot, window, monkeypatch):
    page = roster_page(window)
    before = table_counts(window.store)

    def fill(dlg):
        dlg.fields["name"].setText("李秀英")
        dlg.fields["unit"].setText("广西医科大学")
        dlg.fields["phone"].setText("12345")
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.LeftButton)
        assert dlg.result() != QDialog.Accepted and dlg.marked() == ["phone"]
        text = dlg.error.text()
        assert "手机" in text and "“12345”不是有效的手机或座机号码" in text and "0771-5551234" in text and "+86" in text
        assert table_counts(window.store) == before
        dlg.fields["phone"].setText("+86 (0771) 555 1234")
        assert dlg.save()

    seen = run_dialog(monkeypatch, fill)
    page.add_dialog()
    assert seen and seen[0].result() == QDialog.Accepted
    [e] = list_experts(window.store)
    assert e.phone == "0771-5551234"


def test_edit_dialog_refusal_in_english(qtbot, window, monkeypatch):
    from nn_review import i18n
    page = roster_page(window)
    i18n.set_language("en")
    try:
        def fill(dlg):
            dlg.fields["name"].setText("李秀英")
            dlg.fields["unit"].setText("广西医科大学")
            dlg.fields["phone"].setText("1")
            assert not dlg.save()
            assert dlg.error.text().startswith("Phone: \"1\" is not a valid mobile or landline number")
            assert "0771-5551234" in dlg.error.text()
            dlg.reject()

        run_dialog(monkeypatch, fill)
        page.add_dialog()
    finally:
        i18n.set_language("zh_CN")
