"""Formal-check texts per language (issue 15 items 12 and 8): every finding carries a message id
with parameters; its Chinese render is the stored/CLI ``message``; its English has no Chinese
except data (guide texts, titles, names, ids); it survives the store; old rows still show."""

from __future__ import annotations

import copy
import re

import pytest
from sqlalchemy import select, update

from nn_review.checks.engine import text_of_finding
from nn_review.demo.packages import demo_packages, write_demo_packages
from nn_review.guide import builtin_guide_files, load_guide
from nn_review.i18n import Msg, render
from nn_review.services import formal
from nn_review.services.checks import findings_for
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.queries import application_detail
from nn_review.services.sessions import create_session
from nn_review.store import open_store
from nn_review.store.models import Application, Finding

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
GUIDE = load_guide(builtin_guide_files()[0])
# Findings whose CLI text keeps a technical detail (a JSON path, a file path, edition ids) that the
# message shown in the UI puts aside: their Chinese render differs from ``message`` on purpose.
CLI_OWN_TEXT = {"K.HIDDEN_CHARS", "K.PDF_ACTIVE", "K.EDITION"}


def _rule_texts(rule) -> list[str]:
    if not isinstance(rule, dict):
        return []
    out = [str(rule[k]) for k in ("label", "manual") if rule.get(k)]
    for k in ("all_of", "any_of", "of"):
        for r in rule.get(k) or []:
            out += _rule_texts(r)
    return out


def guide_data(guide) -> set[str]:
    """Texts quoted from the guide: shown as they are in every language."""
    texts = {guide.title}
    reqs = list(guide.consortium_requirements) + [r for p in guide.plan_types for r in p.requirements]
    for item in guide.items:
        texts.add(item.title)
        reqs += item.requirements
        for d in item.directions:
            texts |= {d.title, d.text, d.text[:40]}
    for r in reqs:
        texts.add(r.text)
        texts.update(_rule_texts(r.rule))
    return {t for t in texts if t}


def manifest_data(m) -> set[str]:
    texts = {m["title"], m["application_id"], m["applicant"]["name"]}
    texts |= {d.get("title", "") for d in m.get("documents") or []}
    texts |= {u.get("name", "") for u in (m.get("consortium") or {}).get("members", [])}
    return {t for t in texts if t}


def without(text: str, data: set[str]) -> str:
    for d in sorted(data, key=len, reverse=True):
        text = text.replace(d, "")
    return text


def hostile_variants(m):
    """The demo package with what makes the rarer findings: another guide edition, no direction,
    an unknown item, no funding, hidden characters, active PDF content."""
    yield m
    for change in ({"guide_edition": "other-2024"}, {"direction": None}, {"direction": 9}, {"guide_item": 99},
                   {"budget": {"requested": 0, "self_funded": 5}}, {"indicators": {}}):
        v = copy.deepcopy(m)
        v.update(change)
        yield v
    v = copy.deepcopy(m)
    v["title"] = "智能\u202e系统"
    v.setdefault("leader", {"name": "x"})["name"] = "张\u2066三"
    for d in v.get("documents") or []:
        d["pdf_findings"] = ["javascript", "launch", "embedded_files", "file_attachment", "owner_password",
                             "scan_incomplete"]
    yield v


def all_findings():
    base = [m for m, _files in demo_packages()]
    manifests = [v for m in base for v in hostile_variants(m)]
    # ids unique per variant; the duplicates among them give the cross-package findings
    keyed = list(enumerate(manifests))
    found = findings_for(GUIDE, keyed)
    # five copies of the consortium: one member unit in more than 3, a leader leading several
    cons = next(m for m in base if m.get("kind") == "consortium_recognition")
    copies = [(1000 + i, {**copy.deepcopy(cons), "application_id": f"C-{i}"}) for i in range(5)]
    found.update(findings_for(GUIDE, copies))
    manifests_by_key = dict(keyed) | dict(copies)
    return [(f, manifests_by_key[k]) for k, fs in found.items() for f in fs]


@pytest.fixture(scope="module")
def findings():
    return all_findings()


def test_every_finding_renders_in_english_without_chinese_except_data(findings):
    data = guide_data(GUIDE)
    rules = set()
    for f, m in findings:
        assert isinstance(f.msg, Msg), f.rule_id
        en = f.msg.render("en")
        rest = without(en, data | manifest_data(m) | {"智能⟦U+202E⟧系统", "张⟦U+2066⟧三"})
        assert not CJK.search(rest), (f.rule_id, en)
        rules.add(f.rule_id)
        if f.rule_id not in CLI_OWN_TEXT:
            assert f.msg.render("zh_CN") == f.message, f.rule_id
    # the rarer findings were all made, so the loop above saw them
    assert {"K.EDITION", "K.ITEM", "K.DIRECTION", "K.PERIOD", "K.BUDGET", "K.HIDDEN_CHARS", "K.PDF_ACTIVE",
            "X.DUP_TITLE", "X.DUP_APPLICANT_ITEM", "X.CONS_LEADER_ONCE", "X.CONS_UNIT_MAX3"} <= rules


def test_technical_detail_is_kept_out_of_the_main_text(findings):
    by_rule = {}
    for f, _m in findings:
        if f.status != "pass":
            by_rule.setdefault(f.rule_id, f)
    hidden = by_rule["K.HIDDEN_CHARS"]
    # The CLI keeps the JSON path and the code points; the UI text names the field in words.
    assert "manifest." in hidden.message and "U+" in hidden.message
    for lang in ("zh_CN", "en"):
        shown = hidden.msg.render(lang)
        assert "manifest." not in shown and "U+202E RIGHT" not in shown, shown
    assert hidden.msg.params["path"].startswith("manifest.")
    assert "项目名称含不可见字符" in hidden.msg.render("zh_CN") or "项目负责人" in hidden.msg.render("zh_CN")
    edition = by_rule["K.EDITION"]
    assert "'other-2024'" in edition.message  # the CLI: ids
    assert GUIDE.title in edition.msg.render("zh_CN") and "'nanning-seed'" not in edition.msg.render("zh_CN")
    assert GUIDE.title in edition.msg.render("en")
    pdf = by_rule["K.PDF_ACTIVE"]
    assert "/JS" in pdf.message and "JavaScript" in pdf.msg.render("en") and "/JS" not in pdf.msg.render("en")


def test_fact_labels_and_operators_in_english(findings):
    f = next(f for f, _m in findings if f.rule_id == "I01.R1")  # patents: facts named by the tool
    assert "申请发明专利（件） ≥ 3" in f.message
    en = f.msg.render("en")
    assert "invention patent applications ≥ 3" in en and "; or " in en, en
    op = next(f for f, _m in findings if f.rule_id == "C.R7")  # an == against a boolean
    assert "= yes" in op.msg.render("en") and "＝ 是" in op.message


@pytest.fixture
def stored_world(tmp_path):
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, "文本测试批次")
    rep = import_packages(store, sid, write_demo_packages(tmp_path / "pkgs", include_refused=False))
    assert rep.counts["imported"] >= 5
    yield store, sid
    store.close()


def test_message_json_round_trips_through_the_store(stored_world):
    store, sid = stored_world
    with store.read() as s:
        apps = s.scalars(select(Application).where(Application.session_id == sid)).all()
        fresh = findings_for(GUIDE, [(a.id, a.manifest) for a in apps])
        ids = {a.id: a.application_id for a in apps}
        rows = s.scalars(select(Finding)).all()
        assert rows and all(r.message_json for r in rows)
        assert all(Msg.loads(r.message_json).render("zh_CN") == r.message for r in rows)
    for pk, aid in ids.items():
        d = application_detail(store, sid, aid)
        assert [f.msg for f in d.findings] == [f.msg for f in fresh[pk]]
        assert [text_of_finding(f, "en") for f in d.findings] == [render(f.msg, "en") for f in fresh[pk]]
        for m in d.formal.manual:
            assert m.msg is not None and m.msg.render("zh_CN") == m.message


def test_a_row_without_message_json_still_shows_its_message(stored_world):
    store, sid = stored_world
    with store.write() as s:  # as a store upgraded from v7 has them
        s.execute(update(Finding).values(message_json=""))
        aid = s.scalar(select(Application.application_id).join(Finding).where(Finding.status == "manual").limit(1))
    d = application_detail(store, sid, aid)
    assert d.findings and all(f.msg is None for f in d.findings)
    assert [text_of_finding(f, "en") for f in d.findings] == [f.message for f in d.findings]
    st = formal.formal_state(store, sid, aid)
    assert st.manual and all(m.msg is None and m.message for m in st.manual)


def test_excluded_and_undecided_messages_for_panels_and_bundles(stored_world):
    """The Msg forms that panels and bundles can attach to their refusals: Chinese as the CLI says
    it, English without Chinese except the title."""
    store, sid = stored_world
    with store.write() as s:
        a = s.scalar(select(Application).where(Application.check_status != "pass").limit(1))
        assert formal.undecided_msg(a).render("zh_CN") in formal.undecided_warning(a)
        en = formal.undecided_msg(a).render("en")
        assert a.application_id in en and not CJK.search(en), en
        a.formal_decision, a.formal_reason = "excluded", "超出指南范围"
        zh = formal.excluded_msg(a, formal.M("formal.where.panel", panel="第一组"), skipped=True).render("zh_CN")
        assert zh == formal.excluded_message(a, "加入评审组“第一组”") + "，已跳过"
        en = formal.excluded_msg(a, formal.M("formal.where.bundle")).render("en")
        assert not CJK.search(without(en, {a.title, "超出指南范围"})), en
        s.rollback()
