"""Issue 15 item 12, core side of task G: the package vocabulary and the automatic conflict reasons
render in both languages; Chinese stays exactly what the core wrote."""

from __future__ import annotations

import re

from sqlalchemy import select

from nn_review.package import manifest as mf
from nn_review.package import vocab
from nn_review.roster.conflict_texts import reason_msg, reason_text

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def test_the_package_vocabulary_is_the_manifest_tables_in_chinese_and_english_without_chinese():
    tables = {"kind": mf.KINDS, "unit": mf.UNIT_KINDS, "role": mf.LAYERS, "doc": mf.DOC_KINDS,
              "platform": mf.PLATFORM_LEVELS}
    for group, table in tables.items():
        for key, zh in table.items():
            assert vocab.label(group, key, "zh_CN") == zh, (group, key)
            assert not CJK.search(vocab.label(group, key, "en")), (group, key)
    for key in mf.NUMERIC_INDICATORS:
        assert vocab.label("indicator", key, "zh_CN").startswith(mf.NUMERIC_INDICATORS[key][:2])
        assert not CJK.search(vocab.label("indicator", key, "en"))
    assert vocab.label("unit", "spaceship", "en") == "spaceship"  # unknown values as they are
    assert vocab.money("300", "zh_CN") == "300.00 万元" and vocab.money("300", "en") == "300.00 (CNY 10k)"
    assert vocab.money("300", "en", short=True) == "300.00" and vocab.money("300", "zh_CN", short=True) == "300.00 万元"
    assert vocab.joined(["甲", "", "乙"], "en") == "甲, 乙" and vocab.joined(["甲", "乙"], "zh_CN") == "甲，乙"


def test_every_automatic_conflict_reason_of_the_demo_reads_back_in_both_languages(tmp_path):
    from nn_review.demo.store import ensure_demo_store
    from nn_review.store import open_store
    from nn_review.store.models import Conflict
    ensure_demo_store(tmp_path / "store")
    store = open_store(tmp_path / "store")
    try:
        with store.read() as s:
            reasons = set(s.scalars(select(Conflict.reason).where(Conflict.source == "auto")))
    finally:
        store.close()
    assert len(reasons) >= 3
    for reason in reasons:
        assert reason_msg(reason) is not None, reason
        assert reason_text(reason, "zh_CN") == reason
        english = reason_text(reason, "en")
        assert not CJK.search(re.sub(r'"[^"]*"', "", english)), english  # only the quoted names are Chinese
    assert reason_text("本人曾指导该项目负责人", "en") == "本人曾指导该项目负责人"  # typed by the secretary: data


def test_a_recusal_declared_while_reviewing_and_a_refused_key_repin_in_english():
    from nn_review.exchange.scores_import import DECLARED, NO_REASON
    assert reason_text(DECLARED + NO_REASON, "en") == "The expert declared a conflict while reviewing: (no reason given)"
    assert reason_text(DECLARED + "曾与申报单位合作", "en").endswith(": 曾与申报单位合作")  # the expert's words: data
    assert reason_text(DECLARED + NO_REASON, "zh_CN") == DECLARED + NO_REASON


def test_a_key_repin_without_reason_is_refused_in_plain_english(tmp_path):
    import pytest

    from nn_review.exchange.scores_import import repin_expert_key
    from nn_review.formats.errors import ExchangeError
    from nn_review.i18n import text_of
    from nn_review.store import open_store
    store = open_store(tmp_path / "store")
    try:
        with pytest.raises(ExchangeError) as err:
            repin_expert_key(store, 1, "8LM4X-WAJNN-84M4N-UMPTP-8LM4X-WAJNN-84M4N-UMPTP", "  ")
    finally:
        store.close()
    text, _detail = text_of(err.value, "en")
    assert err.value.code in ("key.reason", "key.fingerprint") and not CJK.search(text)
