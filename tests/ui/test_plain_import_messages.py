"""Issue 15 items 8 and 12 for imports: a refused package or score file says what is wrong and
what to do in plain words, in the UI's language; the JSON path, the refusal code and the
technical reason (HMAC…) are in the tooltip and the folded details, never the main text."""

from __future__ import annotations

import re

import pytest

from nn_review.services.importer import import_packages

from ..helpers import docs_for, manifest
from ..pkgtools import build_package

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture
def lang():
    """make_app(lang=…) for one test; Chinese again after it (the core texts' process language)."""
    from ui.app import make_app
    yield lambda code: make_app(lang=code)
    make_app(lang="zh_CN")


def _bad_credit_code_package(tmp_path):
    m = manifest()
    m["applicant"]["credit_code"] = "91450100MA5XXXXX1"  # 17 characters
    return build_package(tmp_path / "坏代码.nnpkg", m, docs_for(m))


def _dialog(qtbot, store, session_id, paths):
    from ui.import_dialogs import ImportResultDialog
    dlg = ImportResultDialog(import_packages(store, session_id, paths), None)
    qtbot.addWidget(dlg)
    return dlg


@pytest.fixture
def sid(store):
    from nn_review.services.sessions import create_session
    return create_session(store, "导入测试批次")


def test_a_refused_package_says_what_and_what_to_do_the_field_only_in_the_detail(qtbot, store, sid, tmp_path, lang):
    lang("zh_CN")
    dlg = _dialog(qtbot, store, sid, [_bad_credit_code_package(tmp_path)])
    main = dlg.table.item(0, 2).text()
    assert dlg.table.item(0, 0).text() == "拒收"
    assert main.startswith("申报单位的统一社会信用代码无效") and "应为18位" in main
    assert "请申报单位" in main  # what to do
    assert "manifest." not in main and "credit_code" not in main  # the JSON path is no longer the main text
    assert "manifest.applicant.credit_code" in dlg.table.item(0, 2).toolTip()
    details = dlg.details(0)
    qtbot.addWidget(details)
    assert details.summary.text() == main
    assert "manifest.applicant.credit_code" in details.detail and "manifest.credit_code" in details.detail
    assert not details.detail_box.isVisible()  # folded until asked for
    assert "manifest.applicant.credit_code" in "\n".join(dlg.lines)  # the copy keeps it for support


def test_the_libraries_words_of_a_damaged_file_go_to_the_detail(qtbot, store, sid, tmp_path, lang):
    lang("zh_CN")
    broken = tmp_path / "下载不完整.nnpkg"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    dlg = _dialog(qtbot, store, sid, [broken])
    main, tip = dlg.table.item(0, 2).text(), dlg.table.item(0, 2).toolTip()
    assert main.startswith("不是有效的 ZIP 文件") and "请联系申报单位重新生成或重新发送" in main
    assert "详情" not in main and "File is not a zip file" not in main
    assert "File is not a zip file" in tip and "zip.not_zip" in tip


def test_a_refused_package_in_english_has_no_chinese_but_the_file_name(qtbot, store, sid, tmp_path, lang):
    lang("en")
    broken = tmp_path / "damaged.nnpkg"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    dlg = _dialog(qtbot, store, sid, [_bad_credit_code_package(tmp_path), broken])
    texts = {dlg.table.item(r, 1).text(): dlg.table.item(r, 2).text() for r in range(dlg.table.rowCount())}
    assert texts["坏代码.nnpkg"].startswith("Applicant: The unified social credit code is invalid")
    assert "Ask the applicant" in texts["坏代码.nnpkg"]
    assert "not a ZIP archive" in texts["damaged.nnpkg"]
    for text in texts.values():
        assert not CJK.search(text), text
    assert {dlg.table.item(r, 0).text() for r in range(2)} == {"Refused"}
    from PySide6.QtWidgets import QLabel
    assert dlg.findChildren(QLabel)[0].text() == "Refused: 2"
    assert "manifest.applicant.credit_code" in dlg.table.item(
        [dlg.table.item(r, 1).text() for r in range(2)].index("坏代码.nnpkg"), 2).toolTip()


def _tampered_score_file(tmp_path):
    from tests.exchange_fixtures import build_world, good_review
    from nn_review.exchange.bundles import make_bundle
    from nn_review.formats.bundle import open_bundle
    from nn_review.formats.scorefile import write_score_file
    from nn_review.keys import ephemeral_key
    world = build_world(tmp_path)
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out", secretary_key=world.secretary)
    with open_bundle(info.path, info.password) as b:
        reviews = [good_review(a["application_id"]) for a in b.applications]
        good = write_score_file(tmp_path / "back" / "王建国-r1.nnscore", b, ephemeral_key("expert", "w"), 1, reviews).path
    raw = bytearray(good.read_bytes())
    i = raw.index(b'"grade":"B"')
    raw[i + 9:i + 10] = b"A"
    bad = good.with_name("tampered.nnscore")
    bad.write_bytes(bytes(raw))
    return world, bad


@pytest.mark.parametrize("code", ["zh_CN", "en"])
def test_a_tampered_score_file_says_in_plain_words_what_happened_and_to_export_again(qtbot, tmp_path, lang, code):
    from nn_review.exchange.scores_import import import_score_files
    from ui.exchange_page import ScoreResultsDialog
    lang(code)
    world, bad = _tampered_score_file(tmp_path)
    try:
        results = import_score_files(world.store, world.sid, [bad])
    finally:
        world.store.close()
    assert results[0].outcome == "refused" and results[0].code == "scores.hmac"
    dlg = ScoreResultsDialog(results)
    qtbot.addWidget(dlg)
    main, tip = dlg.table.item(0, 2).text(), dlg.table.item(0, 2).toolTip()
    assert "HMAC" not in main and "scores.hmac" not in main
    assert "scores.hmac" in tip
    if code == "zh_CN":
        assert "改动过" in main and "请专家用评审软件重新导出" in main
        assert "HMAC 校验失败" in tip  # the technical reason, for whoever supports the secretary
    else:
        assert "changed after the expert exported it" in main and "Ask the expert to export" in main
        assert not CJK.search(main) and not CJK.search(tip)
    details = dlg.details(0)
    qtbot.addWidget(details)
    assert "scores.hmac" in details.detail and details.summary.text() == main
