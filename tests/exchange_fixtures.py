"""A real store with a session, imported packages, experts, one panel and assignments
(made directly through the models, independent of the roster module), for the bundle and
score-file tests. Importing this module also activates ``no_real_keyring``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nn_review.keys import ephemeral_key
from nn_review.services.guides import ensure_builtin_guides
from nn_review.services.importer import import_packages
from nn_review.services.sessions import create_session
from nn_review.store import Store, open_store
from nn_review.store import models as M

from .helpers import distinct_packages

EXPERTS = ("王建国", "李秀英", "赵明")


@pytest.fixture(autouse=True)
def no_real_keyring(monkeypatch, tmp_path):
    """Never touch the developer's keyring: keys go to files under tmp_path."""
    monkeypatch.setenv("NN_REVIEW_KEYRING", "file")
    monkeypatch.setenv("NN_REVIEW_KEY_DIR", str(tmp_path / "keys"))
    # The secretary's keys are sealed under this passphrase (asked once per run outside tests).
    monkeypatch.setenv("NN_REVIEW_SECRETARY_PASSPHRASE", "test-secretary-passphrase")


@dataclass
class World:
    store: Store
    sid: int
    panel_id: int
    experts: dict[str, int]                 # name → expert id
    apps: dict[str, int]                    # application id → pk
    secretary: object = field(default_factory=lambda: ephemeral_key("secretary", "test"))

    @property
    def app_ids(self) -> list[str]:
        return sorted(self.apps)


def build_world(tmp_path: Path, n_apps: int = 3, experts=EXPERTS, session: str = "2025年度第一批评审",
                band_mode: bool = False) -> World:
    store = open_store(tmp_path / "store")
    ensure_builtin_guides(store)
    sid = create_session(store, session)
    pkg_dir = tmp_path / f"pkgs-{sid}"
    pkg_dir.mkdir()
    paths = distinct_packages(pkg_dir, [f"NNKJ-2025-{sid}{i + 1:03d}" for i in range(n_apps)], code_base=100)
    rep = import_packages(store, sid, paths)
    assert rep.counts["imported"] == n_apps, [r.message for r in rep.results]
    with store.write() as s:
        if band_mode:
            s.get(M.ReviewSession, sid).band_mode = True
        apps = {a.application_id: a.id for a in s.scalars(select(M.Application).where(M.Application.session_id == sid))}
        n = s.scalar(select(func.count()).select_from(M.Expert))
        ids = {}
        for j, name in enumerate(experts):
            e = s.scalar(select(M.Expert).where(M.Expert.name == name))
            if e is None:
                e = M.Expert(roster_key=f"E{n + j + 1:03d}", name=name, unit=f"广西第{j + 1}研究院", title="研究员")
                s.add(e)
                s.flush()
            ids[name] = e.id
        panel = M.Panel(session_id=sid, name="信息技术组")
        s.add(panel)
        s.flush()
        for eid in ids.values():
            s.add(M.PanelMember(panel_id=panel.id, expert_id=eid))
            for pk in apps.values():
                s.add(M.Assignment(panel_id=panel.id, expert_id=eid, application_pk=pk))
        for pk in apps.values():
            s.add(M.PanelApplication(panel_id=panel.id, application_pk=pk))
        panel_id = panel.id
    return World(store, sid, panel_id, ids, apps)


def add_conflict(world: World, expert: str, application_id: str, dismissed: bool = False) -> None:
    with world.store.write() as s:
        s.add(M.Conflict(session_id=world.sid, expert_id=world.experts[expert], application_pk=world.apps[application_id],
                         source="manual", reason="专家所在单位为合作单位", dismissed=dismissed))


def table_counts(store: Store) -> dict[str, int]:
    """Row counts of every table: 'the DB is unchanged' in one comparison."""
    with store.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in M.Base.metadata.sorted_tables}


def good_review(application_id: str, grade: str = "B", recommendation: str = "support", band_mode: bool = False,
                points: str = "85") -> dict:
    grades = {f"c{i}": {"grade": grade, "comment": "" if grade not in "DE" else "该项论证明显不足，需补充数据。"}
              for i in range(1, 7)}
    if band_mode:
        for g in grades.values():
            g["points"] = points
    return {"application_id": application_id, "grades": grades, "recommendation": recommendation,
            "opinion": "该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
                       "考核指标量化明确且不低于指南要求，经费预算基本合理，建议予以支持。"}
