"""Issue 15 item 8 for keys: the secretary's dialogs say where the keys are and what to do in plain
words, in the UI's language — no NN_REVIEW_KEYRING, no CLI command, no key file path in the main
text; those are the folded technical detail."""

from __future__ import annotations

import re

import pytest

from nn_review import keys as K
from nn_review import secretary_keys as SK
from nn_review.i18n import text_of

from ..exchange_fixtures import build_world, no_real_keyring  # noqa: F401  (autouse: no real keyring)

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture
def lang():
    from ui.app import make_app
    yield lambda code: make_app(lang=code)
    make_app(lang="zh_CN")


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.setenv("NN_REVIEW_KEYRING", "file")
    monkeypatch.setenv("NN_REVIEW_SECRETARY_PASSPHRASE", "my own passphrase")
    w = build_world(tmp_path)
    yield w
    w.store.close()
    K.forget_passphrases()


@pytest.mark.parametrize("code", ["zh_CN", "en"])
def test_the_bundle_key_notice_is_plain_words_the_variable_and_folder_in_the_detail(qtbot, world, tmp_path, lang,
                                                                                    code):
    from nn_review.exchange.bundles import make_bundle
    lang(code)
    info = make_bundle(world.store, world.sid, world.experts["王建国"], tmp_path / "out")
    assert info.key_notice
    for technical in ("NN_REVIEW", "nn-review keys", str(world.store.root)):
        assert technical not in info.key_notice
    assert "NN_REVIEW_KEYRING=file" in info.key_notice_detail and "nn-review keys backup" in info.key_notice_detail
    if code == "en":
        assert not CJK.search(info.key_notice) and "Back up the keys" in info.key_notice
    else:
        assert "口令加密保存" in info.key_notice and "备份密钥" in info.key_notice


def test_a_wrong_passphrase_in_english_is_plain_the_key_file_only_in_the_detail(qtbot, world, lang, monkeypatch):
    from ui import long_message
    from ui.signer_dialogs import show_problem
    lang("en")
    SK.secretary_ed25519(world.store)  # the sealed key file exists now
    K.forget_passphrases()
    monkeypatch.setenv("NN_REVIEW_SECRETARY_PASSPHRASE", "a wrong passphrase")
    with pytest.raises(K.KeyStoreError) as err:
        SK.secretary_ed25519(world.store)
    assert "口令错误" in str(err.value)  # the CLI's sentence is unchanged
    text, detail = text_of(err.value)
    assert text.startswith("Wrong passphrase") and not CJK.search(text)
    assert str(SK.key_dir(world.store)) in detail
    shown = []
    monkeypatch.setattr(long_message, "show_long_message", lambda *a, **kw: shown.append((a, kw)))
    show_problem(None, "Keys", err.value)
    (args, kw), = shown
    assert args[2] == text and kw["detail"] == detail


def test_the_passphrase_prompt_follows_the_ui_language_without_the_folder(world, lang, monkeypatch):
    asked = []
    K.forget_passphrases()
    lang("en")

    def provider(prompt, confirm):
        asked.append(prompt)
        return "my own passphrase"

    K.set_passphrase_provider(provider)
    try:
        monkeypatch.delenv("NN_REVIEW_SECRETARY_PASSPHRASE")
        SK.secretary_ed25519(world.store)
    finally:
        K.set_passphrase_provider(None)
    assert asked and not CJK.search(asked[0]) and str(world.store.root) not in asked[0]


def test_a_refused_bundle_export_says_in_english_what_to_do(qtbot, world, tmp_path, lang):
    """A panel without assignments: the export refusal in plain English (names are data), no traceback."""
    from nn_review.exchange.bundles import export_panel_bundles
    from nn_review.formats.errors import ExchangeError
    from nn_review.store import models as m
    lang("en")
    with world.store.write() as s:
        panel = m.Panel(session_id=world.sid, name="空评审组")
        s.add(panel)
        s.flush()
        pid = panel.id
    with pytest.raises(ExchangeError) as err:
        export_panel_bundles(world.store, pid, tmp_path / "out")
    assert "还没有分配任何申报" in str(err.value)  # the CLI's sentence
    text, detail = text_of(err.value)
    assert text.startswith('The panel "空评审组" has no reviews assigned yet') and "Assign reviews" in text
    assert not CJK.search(text.replace("空评审组", "")) and detail == "code: bundle.no_assignments"
