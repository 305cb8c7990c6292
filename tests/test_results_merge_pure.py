"""The merge as a pure function of loaded data (issue 14 §2): ``merge_panel`` on hand-built
:class:`PanelData` (no store at all) — trimmed mean, recusals, conflicts, formal exclusion,
band-mode points, form B levels, divergence flags and consensus, ranks per guide item."""

from __future__ import annotations

import ast
import dataclasses
from decimal import Decimal as D
from pathlib import Path

import pytest

from nn_review.forms import builtin_form, grade_value
from nn_review.results.aggregate import divide, parse_rule
from nn_review.results.loader import (AppRow, ConsensusRow, FindingRow, GradeRow, MemberRow, OpinionRow,
                                      PanelData)
from nn_review.results.merge import CONSORTIUM_GROUP, PanelResults, detail_from, merge_panel, sha256_json

FORM_A = builtin_form("form-a")   # weights 15 20 20 15 20 10; A 1.00 B 0.80 C 0.60 D 0.40 E 0.20
FORM_B = builtin_form("form-b")   # 等次 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60 …
NAMES = ("王建国", "李秀英", "赵明", "陈晓东", "刘海燕", "黄志强", "周丽华")
OPINION = "该项目技术路线清晰可行。"


def member(i: int) -> MemberRow:
    return MemberRow(i, f"E{i:03d}", NAMES[i - 1], f"广西第{i}研究院", "研究员", None)


def app(pk: int, guide_item: int | None = 14, form=FORM_A, **kw) -> AppRow:
    base = dict(pk=pk, application_id=f"NNKJ-2025-{pk:04d}", kind="project" if guide_item else "consortium",
                title=f"项目{pk}", applicant=f"申报单位{pk}", guide_item=guide_item,
                guide_item_title=f"指南项目{guide_item}" if guide_item else None, direction=None,
                direction_title="", requested=D("100"), check_status="pass", formal_decision="",
                formal_reason="", findings=(), form=form)
    base.update(kw)
    return AppRow(**base)


def grades(letters: str, points: list[str] | None = None) -> tuple[GradeRow, ...]:
    return tuple(GradeRow(f"c{i}", g, D(points[i - 1]) if points else None, "论证不足" if g in "DE" else "")
                 for i, g in enumerate(letters, 1))


def data(n_experts: int, apps: list[AppRow], reviews: dict, *, recs: dict | None = None, rule: str = "trimmed_mean_from_5",
         band_mode: bool = False, conflicts: dict | None = None, assigned=None, consensus: dict | None = None,
         form=FORM_A, leader: int | None = 1) -> PanelData:
    """``reviews``: {(expert, pk): "ABBBBB" | ("ABBBBB", points) | ("recused", reason)}."""
    members = tuple(member(i) for i in range(1, n_experts + 1))
    opinions, grade_rows = {}, {}
    for k, r in reviews.items():
        if isinstance(r, tuple) and r[0] == "recused":
            opinions[k] = OpinionRow("", True, r[1], 1, None)
            continue
        letters, pts = (r, None) if isinstance(r, str) else r
        opinions[k] = OpinionRow(OPINION, False, "", 1, None)
        grade_rows[k] = grades(letters, pts)
    if assigned is None:
        assigned = {(m.expert_id, a.pk) for m in members for a in apps}
    return PanelData(session_id=1, session_name="2025年度第一批评审", session_state="open", sheet_version=1,
                     panel_id=1, panel_name="信息技术组", rule=parse_rule(rule), band_mode=band_mode, form=form,
                     guide_title="南宁市科技计划项目申报指南", leader_id=leader, members=members,
                     applications=tuple(apps), opinions=opinions, grades=grade_rows,
                     recommendations=recs or {}, assigned=frozenset(assigned),
                     conflicts={k: tuple(v) for k, v in (conflicts or {}).items()}, consensus=consensus or {})


def test_trimmed_mean_from_five_and_plain_mean_below():
    # a1 totals 100 80 80 60 40 → mean 72, trimmed (80 + 80 + 60)/3; a2 only four → plain mean
    five = dict(zip(range(1, 6), ["AAAAAA", "BBBBBB", "BBBBBB", "CCCCCC", "DDDDDD"]))
    reviews = {(e, 1): g for e, g in five.items()} | {(e, 2): g for e, g in five.items() if e != 5}
    pr = merge_panel(data(5, [app(1), app(2)], reviews))
    a1, a2 = pr.application(1), pr.application(2)
    assert [c.total for c in a1.experts] == [D(100), D(80), D(80), D(60), D(40)]
    assert (a1.score.n, a1.score.mean, a1.score.method) == (5, D(72), "trimmed_mean")
    assert a1.score.value == divide(D(220), 3) and (a1.score.dropped_high, a1.score.dropped_low) == (D(100), D(40))
    assert (a2.score.n, a2.score.method, a2.score.value) == (4, "mean", D(80))
    assert [c.cell for c in a2.experts][-1] == "未交回"
    # the rule 'mean' never trims
    pr = merge_panel(data(5, [app(1)], {(e, 1): g for e, g in five.items()}, rule="mean"))
    assert (pr.applications[0].score.method, pr.applications[0].score.value) == ("mean", D(72))


def test_every_cell_status_recusal_conflict_missing_and_not_assigned():
    reviews = {(1, 1): "BBBBBB", (2, 1): ("recused", "与申报单位有合作"), (3, 1): "AAAAAA"}
    conflicts = {(3, 1): ["同一单位"], (4, 1): ["近三年合作发表论文", "共同承担项目"]}
    assigned = {(1, 1), (2, 1), (3, 1), (5, 1)}   # 4 never sent (conflict), 6 not assigned
    pr = merge_panel(data(6, [app(1)], reviews, conflicts=conflicts, assigned=assigned))
    c = {x.expert_id: x for x in pr.applications[0].experts}
    assert [c[i].status for i in range(1, 7)] == ["scored", "recused", "excluded", "recused", "missing",
                                                  "not_assigned"]
    assert c[2].reason == "与申报单位有合作" and c[2].total is None
    # a review under an active conflict keeps its total for the record but is not counted
    assert c[3].total == D(100) and c[3].excluded_by == "conflict" and c[3].reason == "同一单位"
    assert c[3].cell == "回避（不计入）"
    assert c[4].reason == "近三年合作发表论文；共同承担项目"
    a = pr.applications[0]
    assert (a.score.n, a.score.value) == (1, D(80)) and [e.expert_id for e in a.scored] == [1]


def test_formal_exclusion_keeps_reviews_but_no_score_or_rank():
    reviews = {(e, pk): "BBBBBB" for e in (1, 2, 3) for pk in (1, 2)}
    pr = merge_panel(data(3, [app(1, formal_decision="excluded", formal_reason="缺少承诺书"), app(2)], reviews))
    x = pr.application(1)
    assert {c.status for c in x.experts} == {"excluded"} and {c.excluded_by for c in x.experts} == {"formal"}
    assert x.experts[0].reason == "不予受理（形式审查）：缺少承诺书"
    assert x.score.value is None and x.rank_overall is None and x.final_recommendation is None
    assert x.conclusion_text == "不予受理（形式审查）"
    assert pr.application(2).rank_overall == 1 and [a.pk for a in pr.applications] == [2, 1]


def test_band_mode_points_are_the_exact_values_via_grade_value():
    pts = ["92.5", "80", "75", "60.25", "89.9", "100"]
    pr = merge_panel(data(1, [app(1)], {(1, 1): ("ABBCBA", pts)}, band_mode=True))
    e = pr.applications[0].experts[0]
    assert e.status == "scored"
    for i, p in enumerate(pts, 1):
        cell = e.grades[f"c{i}"]
        assert cell.points == D(p) and cell.value == D(p) / 100
        assert cell.value == grade_value(FORM_A, f"c{i}", {"grade": cell.grade, "points": D(p)}, True)
        assert cell.score == FORM_A.criteria[i - 1].weight * cell.value
    assert e.total == sum((g.score for g in e.grades.values()), D(0)) == D("81.8925")
    # outside its band the review is invalid (named), never counted
    pr = merge_panel(data(1, [app(1)], {(1, 1): ("ABBCBA", ["92.5", "95", "75", "60", "80", "100"])}, band_mode=True))
    e = pr.applications[0].experts[0]
    assert e.status == "invalid" and "c2" in e.reason and "75–89" in e.reason
    assert pr.applications[0].score.n == 0 and pr.applications[0].rank_overall is None


def test_fixed_mode_cells_and_the_drill_down_from_the_merged_panel():
    pr = merge_panel(data(2, [app(1), app(2)], {(1, 1): "ABCDEA", (2, 1): "BBBBBB", (1, 2): "CCCCCC"}))
    e = pr.application(1).experts[0]
    assert [(g.grade, g.points, g.value, g.score) for g in e.grades.values()] == [
        ("A", None, D("1.00"), D("15.00")), ("B", None, D("0.80"), D("16.00")), ("C", None, D("0.60"), D("12.00")),
        ("D", None, D("0.40"), D("6.00")), ("E", None, D("0.20"), D("4.00")), ("A", None, D("1.00"), D("10.00"))]
    d = detail_from(pr, "NNKJ-2025-0001")
    assert d.panel is pr and d.result is pr.application(1)
    assert [c["grade"] for c in d.grade_table[0]["cells"]] == ["A", "B"]
    assert detail_from(pr, 2).result.application_id == "NNKJ-2025-0002"


def test_form_b_level_of_the_project_score():
    reviews = {(1, 1): "AAAAA", (2, 1): "AAAAB", (1, 2): "BBBBB", (2, 2): "CCCCC"}
    pr = merge_panel(data(2, [app(1, form=FORM_B), app(2, form=FORM_B)], reviews, form=FORM_B))
    a1, a2 = pr.application(1), pr.application(2)
    assert a1.score.value == D("97.5") and a1.computed_level == "excellent" and a1.level_zh(a1.final_level) == "优秀"
    assert a2.score.value == D("70") and a2.computed_level == "qualified"
    assert a1.computed_recommendation is None and a1.conclusion_text == "优秀（待确认）"


def test_divergence_flags_and_consensus_resolution_and_staleness():
    letters = ["AAAAAA", "BBBBBB", "BBBBBB", "BBBBBB", "DDDDDD"]   # 100 and 40 are > 15 from the others
    reviews = {(e, 1): g for e, g in enumerate(letters, 1)}
    recs = {(1, 1): "support", (2, 1): "support", (3, 1): "support_if_revised", (4, 1): "reject", (5, 1): "reject"}
    d = data(5, [app(1)], reviews, recs=recs)
    a = merge_panel(d).applications[0]
    kinds = sorted(f.key for f in a.flags)
    assert kinds == ["grades:c1", "grades:c2", "grades:c3", "grades:c4", "grades:c5", "grades:c6", "split",
                     "total:1", "total:5"]
    assert not any(f.resolved for f in a.flags) and a.consensus is None
    assert a.rec_counts == {"support": 2, "support_if_revised": 1, "reject": 2}
    assert a.computed_recommendation == "reject"   # a tie goes to the more cautious
    # a consensus on the current scores resolves the flags; on other scores it is stale
    row = ConsensusRow("经讨论同意", "support_if_revised", None, "", "王建国", "leader", None, a.basis_hash)
    b = merge_panel(dataclasses.replace(d, consensus={1: row})).applications[0]
    assert b.consensus.stale is False and all(f.resolved for f in b.flags)
    assert b.flags[0].resolution == "已经专家组讨论并形成意见（王建国）"
    assert b.final_recommendation == "support_if_revised" and b.basis_hash == a.basis_hash
    assert b.data_hash != a.data_hash   # the sheet shows the consensus
    stale = merge_panel(dataclasses.replace(d, consensus={1: dataclasses.replace(row, basis_hash="0" * 64)}))
    s = stale.applications[0]
    assert s.consensus.stale is True and not any(f.resolved for f in s.flags)
    assert s.conclusion_text == "修改后支持（评分有变，待重新确认）"


def test_ranks_per_guide_item_and_consortium_group_and_statistics():
    apps = [app(1, 14), app(2, 15), app(3, 14), app(4, None, kind="consortium"), app(5, 15)]
    letters = {1: "BBBBBB", 2: "AAAAAA", 3: "CCCCCC", 4: "ABBBBB", 5: None}
    reviews = {(e, pk): g for pk, g in letters.items() if g for e in (1, 2, 3)}
    reviews[(3, 1)] = "ABBBBB"
    pr = merge_panel(data(3, apps, reviews))
    assert [a.pk for a in pr.applications] == [2, 4, 1, 3, 5]   # 100, 83, 81, 60, unscored last
    assert [pr.application(pk).rank_overall for pk in (2, 4, 1, 3, 5)] == [1, 2, 3, 4, None]
    assert [(g.guide_item, [a.pk for a in g.applications], [a.rank_item for a in g.applications]) for g in pr.items] \
        == [(14, [1, 3], [1, 2]), (15, [2, 5], [1, None]), (None, [4], [1])]
    assert pr.items[2].title == CONSORTIUM_GROUP and pr.items[0].title == "指南项目14"
    assert pr.leader.name == "王建国" and pr.experts[0].is_leader and not pr.experts[1].is_leader
    assert [s.n for s in pr.severity] == [4, 4, 4] and pr.kendall.m == 3
    assert pr.application(5).missing and pr.application(5).score.method is None


def test_the_merge_is_deterministic_and_hashes_follow_the_data():
    d = data(3, [app(1), app(2)], {(e, pk): "BBBBBB" for e in (1, 2, 3) for pk in (1, 2)})
    one, two = merge_panel(d), merge_panel(d)
    assert isinstance(one, PanelResults) and one.to_json() == two.to_json()
    assert one.data_hash == sha256_json({
        "session": [1, "2025年度第一批评审"], "panel": [1, "信息技术组"], "rule": "trimmed_mean_from_5",
        "form": _form_basis(FORM_A), "band_mode": False,
        "experts": [[e.expert_id, e.roster_key, e.name, e.unit, e.is_leader] for e in one.experts],
        "applications": [a.data_hash for a in one.applications]})
    renamed = merge_panel(dataclasses.replace(d, panel_name="另一组"))
    assert renamed.data_hash != one.data_hash
    assert [a.data_hash for a in renamed.applications] == [a.data_hash for a in one.applications]


def _form_basis(form) -> dict:
    return {"id": form.id, "version": form.version, "criteria": [[c.id, c.weight] for c in form.criteria],
            "grades": [[g.grade, str(g.value).rstrip("0").rstrip(".")] for g in form.grades],
            "levels": [[lv.id, str(lv.min)] for lv in form.levels]}


def test_merge_module_reads_no_store():
    """merge.py is arithmetic on loaded data: no SQLAlchemy, no ORM models (the loader reads them)."""
    src = Path(__file__).parents[1] / "nn_review" / "results" / "merge.py"
    mods = set()
    for node in ast.walk(ast.parse(src.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            mods.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            mods.update(a.name for a in node.names)
    assert not {m for m in mods if m.startswith("sqlalchemy") or m.endswith("store.models")}, mods


def test_loaded_data_is_frozen():
    d = data(1, [app(1)], {(1, 1): "BBBBBB"})
    for obj in (d, d.members[0], d.applications[0], d.opinions[(1, 1)], d.grades[(1, 1)][0],
                FindingRow("fail", "error", "缺少附件")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, dataclasses.fields(obj)[0].name, None)


# -- properties of the merge on generated panels (no store, so cheap) ---------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from .fuzzing import EXAMPLES, FUZZ  # noqa: E402

LETTERS = st.text(alphabet="ABCDE", min_size=6, max_size=6)
CELL = st.one_of(st.none(), LETTERS, st.just(("recused", "与申报单位有合作")))


@st.composite
def panels(draw):
    n_exp, n_app = draw(st.integers(1, 7)), draw(st.integers(1, 6))
    apps = [app(pk, draw(st.sampled_from([14, 15, None])),
                formal_decision=draw(st.sampled_from(["", "", "accepted", "excluded"]))) for pk in range(1, n_app + 1)]
    reviews, recs, conflicts = {}, {}, {}
    for e in range(1, n_exp + 1):
        for pk in range(1, n_app + 1):
            cell = draw(CELL)
            if cell is not None:
                reviews[(e, pk)] = cell
                if isinstance(cell, str):
                    recs[(e, pk)] = draw(st.sampled_from(["support", "support_if_revised", "reject"]))
            if draw(st.integers(0, 9)) == 0:
                conflicts[(e, pk)] = ["同一单位"]
    return data(n_exp, apps, reviews, recs=recs, conflicts=conflicts,
                rule=draw(st.sampled_from(["trimmed_mean_from_5", "mean", "trimmed_mean"])))


@settings(FUZZ, max_examples=max(EXAMPLES // 2, 10))
@given(panels())
def test_merge_properties_on_generated_panels(d):
    pr = merge_panel(d)
    assert merge_panel(d).to_json() == pr.to_json()   # pure: the same data, the same results
    ranked = sorted(a.rank_overall for a in pr.applications if a.rank_overall is not None)
    assert ranked == list(range(1, len(ranked) + 1))
    for a in pr.applications:
        counted = [c for c in a.experts if c.counted]
        assert a.score.n == len(counted) and sum(a.rec_counts.values()) == len(counted)
        for c in a.experts:
            k = (c.expert_id, a.pk)
            # counted only when the expert graded, no active conflict, the application not excluded
            assert c.counted == (isinstance(d.opinions.get(k), OpinionRow) and not d.opinions[k].recused
                                 and k not in d.conflicts and a.formal_decision != "excluded")
            if c.status == "recused":
                assert c.total is None and c.reason
        if counted:
            totals = [c.total for c in counted]
            assert min(totals) <= a.score.value <= max(totals) and a.rank_overall is not None
        else:
            assert a.score.value is None and a.rank_overall is None
