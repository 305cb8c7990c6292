"""The core message catalogs: both languages, the same fields, English without Chinese."""

import re
from decimal import Decimal

import pytest

from nn_review import i18n
from nn_review.i18n import M, Msg, Problem, Wan, catalog, fields_of, render, text_of

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(autouse=True)
def _zh():
    yield
    i18n.set_language("zh_CN")


@pytest.mark.parametrize("key", sorted(catalog()))
def test_every_message_has_both_languages_with_the_same_fields(key):
    zh, en = catalog()[key]
    assert zh and en, key
    assert fields_of(zh) == fields_of(en), key
    assert not CJK.search(en), f"{key}: English text has Chinese: {en!r}"


def test_nested_messages_lists_money_and_booleans_render_per_language():
    msg = Msg("common.yes")
    assert render(msg, "zh_CN") == "是" and render(msg, "en") == "yes"
    assert render([Msg("common.yes"), Msg("common.no")], "en") == "yes, no"
    assert render([Msg("common.yes"), Msg("common.no")], "zh_CN") == "是、否"
    assert render(Wan(Decimal("1234.5")), "zh_CN") == "1,234.50 万元"
    assert not CJK.search(render(Wan("200"), "en"))
    assert render(True, "en") == "yes"


def test_str_follows_the_process_language():
    msg = M("common.no")
    assert str(msg) == "否"
    i18n.set_language("en")
    assert str(msg) == "no"


def test_a_message_survives_json_with_nested_parameters():
    msg = Msg("x.outer", {"inner": Msg("common.yes"), "items": [Msg("common.no"), "张三"],
                           "amount": Wan(Decimal("5")), "n": 3})
    assert Msg.loads(msg.dumps()) == Msg("x.outer", {"inner": Msg("common.yes"),
                                                     "items": [Msg("common.no"), "张三"],
                                                     "amount": Wan("5"), "n": 3})


def test_unknown_ids_are_refused_when_made_and_shown_as_the_id_when_stored():
    with pytest.raises(KeyError):
        M("no.such.message")
    assert render(Msg("from.a.newer.release"), "en") == "from.a.newer.release"


def test_problems_and_exceptions_give_plain_text_and_detail():
    p = Problem(M("common.no"), M("common.yes"), detail="scores.hmac")
    assert p.render("en") == "no\nyes"

    class Refused(Exception):
        problem = p
    assert text_of(Refused("x"), "en") == ("no\nyes", "scores.hmac")
    assert text_of(ValueError("plain"), "en") == ("plain", "")
