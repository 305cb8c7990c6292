"""Results: load, then compute (issue 14 §2). The loader reads everything a panel's merge needs in
ONE read transaction into plain frozen data (no ORM object escapes), with a number of statements
that does not grow with the panel; ``panel_results`` is exactly ``merge_panel(load_panel(...))``."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal as D

import pytest
from sqlalchemy import event

from nn_review.results import ResultsError, application_detail, panel_results, session_results, set_consensus
from nn_review.results.loader import PanelData, load_panel, load_session
from nn_review.results.merge import detail_from, merge_panel, panel_of_application, session_panels
from nn_review.store import models as M

from .helpers import file_keys
from .exchange_fixtures import EXPERTS, add_conflict, no_real_keyring  # noqa: F401
from .results_fixtures import bulk_world, make_world, recusal, return_scores, review

OPINION_OK = "专家组经讨论认为该项目创新性突出、技术路线可行，同意按专家多数意见处理。"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """3 experts, 3 applications: scores, a recusal, a late conflict, a consensus, a second (empty) panel."""
    tmp = tmp_path_factory.mktemp("loader")
    with file_keys(tmp):
        w = make_world(tmp, n_apps=3, experts=EXPERTS, leader=EXPERTS[0])
        a1, a2, a3 = w.app_ids
        return_scores(w, tmp, {
            EXPERTS[0]: [review(a1, "ABBBBB"), review(a2, "BBBBBB"), recusal(a3, "本人曾指导申报人")],
            EXPERTS[1]: [review(a1, "BBBBBB", "reject"), review(a2, "CBBBBB")],
            EXPERTS[2]: [review(a1, "DDDDDD", "reject"), review(a2, "BBBBBA"), review(a3, "BBBBBB")]})
        add_conflict(w, EXPERTS[2], a2)   # recorded after the review: excluded, kept for the record
        set_consensus(w.store, w.sid, a1, opinion=OPINION_OK, recommendation="reject")
        with w.store.write() as s:
            s.add(M.Panel(session_id=w.sid, name="第二组"))
        yield w
        w.store.close()


class Counting:
    """Counts the store's read transactions (``store.read`` entries and engine BEGINs) and SQL statements."""

    def __init__(self, store, monkeypatch):
        self.reads = self.begins = self.statements = 0
        read = store.read

        def counted_read():
            self.reads += 1
            return read()
        monkeypatch.setattr(store, "read", counted_read)
        self.engine = store.engine
        event.listen(self.engine, "begin", self._begin)
        event.listen(self.engine, "before_cursor_execute", self._statement)

    def _begin(self, conn):
        self.begins += 1

    def _statement(self, *args):
        self.statements += 1

    def close(self):
        event.remove(self.engine, "begin", self._begin)
        event.remove(self.engine, "before_cursor_execute", self._statement)


@pytest.fixture
def counting(monkeypatch):
    made = []

    def make(store):
        made.append(Counting(store, monkeypatch))
        return made[-1]
    yield make
    for c in made:
        c.close()


def test_panel_results_is_the_merge_of_the_loaded_data(world):
    pr = panel_results(world.store, world.panel_id)
    again = merge_panel(load_panel(world.store, world.panel_id))
    assert again.to_json() == pr.to_json() and again.data_hash == pr.data_hash
    a1, a2, a3 = (pr.application(x) for x in world.app_ids)
    assert a1.consensus is not None and not a1.consensus.stale
    assert [c.status for c in a2.experts] == ["scored", "scored", "excluded"]
    assert [c.status for c in a3.experts] == ["recused", "missing", "scored"]
    assert a1.experts[0].total == D(83)


def test_one_read_transaction_per_panel_and_per_session(world, counting):
    c = counting(world.store)
    data = load_panel(world.store, world.panel_id)
    assert (c.reads, c.begins) == (1, 1)
    merge_panel(data)
    assert (c.reads, c.begins) == (1, 1)   # the merge itself reads nothing
    panel_results(world.store, world.panel_id)
    assert (c.reads, c.begins) == (2, 2)
    both = session_results(world.store, world.sid)   # two panels, still one transaction
    assert (c.reads, c.begins) == (3, 3) and [p.panel_name for p in both] == ["信息技术组", "第二组"]
    application_detail(world.store, world.sid, world.app_ids[0])   # finds the panel and loads it: one transaction
    assert (c.reads, c.begins) == (4, 4)
    assert both[1].applications == [] and both[0].to_json() == panel_results(world.store, world.panel_id).to_json()
    assert (c.reads, c.begins) == (5, 5)


def test_loaded_data_holds_no_orm_objects(world):
    seen = []

    def walk(x, path):
        assert not isinstance(x, M.Base), f"{path}: ORM object {type(x).__name__}"
        seen.append(x)
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            for f in dataclasses.fields(x):
                if f.name != "raw":   # a Form's template JSON
                    walk(getattr(x, f.name), f"{path}.{f.name}")
        elif isinstance(x, Mapping):
            for k, v in x.items():
                walk(k, f"{path}[{k!r}]")
                walk(v, f"{path}[{k!r}]")
        elif isinstance(x, (list, tuple, set, frozenset)):
            for i, v in enumerate(x):
                walk(v, f"{path}[{i}]")
    for d in load_session(world.store, world.sid):
        assert isinstance(d, PanelData)
        walk(d, "data")
    assert len(seen) > 50


def test_statements_do_not_grow_with_the_panel(tmp_path, counting):
    small, large = bulk_world(tmp_path / "s", 2), bulk_world(tmp_path / "l", 9)
    counts = []
    for w in (small, large):
        c = counting(w.store)
        pr = panel_results(w.store, w.panel_id)
        counts.append(c.statements)
        assert len(pr.applications) in (2, 9)
        w.store.close()
    assert counts[0] == counts[1], counts


def test_session_helpers_and_refusals(world):
    pid = world.panel_id
    assert session_panels(world.store, world.sid)[0] == pid and len(session_panels(world.store, world.sid)) == 2
    assert panel_of_application(world.store, world.sid, world.app_ids[1]) == pid
    pr = panel_results(world.store, pid)
    assert detail_from(pr, world.app_ids[0]).grade_table == application_detail(
        world.store, world.sid, world.app_ids[0]).grade_table
    with pytest.raises(ResultsError, match="没有评审组 99999"):
        load_panel(world.store, 99999)
    with pytest.raises(ResultsError, match="没有评审批次"):
        session_results(world.store, 99999)
    with pytest.raises(ResultsError, match="不属于评审批次"):
        load_session(world.store, world.sid, [pid, 99999])
    with pytest.raises(ResultsError, match="没有申报项目"):
        panel_of_application(world.store, world.sid, "NNKJ-NONE")


def test_no_private_names_imported_in_the_results_loading_path():
    """The guide parser the merge and the checks share has a public name (was guides._parse_row)."""
    import ast
    from pathlib import Path

    from nn_review.services import guides
    assert callable(guides.parse_edition_row)
    root = Path(__file__).parents[1] / "nn_review"
    for rel in ("results/merge.py", "results/loader.py", "services/checks.py"):
        tree = ast.parse((root / rel).read_text(encoding="utf-8"))
        private = [a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module != "__future__"
                   for a in n.names if a.name.startswith("_")]
        assert not private, (rel, private)
