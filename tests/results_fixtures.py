"""Realistic imported scores for the results tests: a store built by ``build_world`` whose
experts really receive bundles, sign score files and have them imported (so every figure
goes through the same path as in production)."""

from __future__ import annotations

from pathlib import Path

from nn_review.exchange.bundles import make_bundle
from nn_review.formats.bundle import open_bundle
from nn_review.formats.scorefile import write_score_file
from nn_review.exchange.scores_import import import_score_files
from nn_review.keys import ephemeral_key
from nn_review.store import models as M

from .exchange_fixtures import World, build_world

SEVEN = ("王建国", "李秀英", "赵明", "陈晓东", "刘海燕", "黄志强", "周丽华")
OPINION = ("该项目紧扣指南方向，技术路线清晰可行，团队具有较好的研究基础和产学研合作条件，"
           "考核指标量化明确且不低于指南要求，经费预算基本合理。")


def review(application_id: str, grades: str, recommendation: str | None = "support",
           points: list[str] | None = None, opinion: str = OPINION) -> dict:
    """``grades``: one letter per criterion, e.g. ``"ABBCCD"`` (c1…); D/E get a comment."""
    g = {}
    for i, letter in enumerate(grades, 1):
        g[f"c{i}"] = {"grade": letter, "comment": "论证不足，需补充数据和依据。" if letter in "DE" else ""}
        if points is not None:
            g[f"c{i}"]["points"] = points[i - 1]
    return {"application_id": application_id, "grades": g, "recommendation": recommendation, "opinion": opinion}


def recusal(application_id: str, reason: str = "与申报单位存在合作关系") -> dict:
    return {"application_id": application_id, "recused": True, "recusal_reason": reason}


def make_world(tmp_path: Path, n_apps: int = 3, experts=SEVEN, band_mode: bool = False, leader: str | None = None,
               form: str | None = None) -> World:
    w = build_world(tmp_path, n_apps=n_apps, experts=experts, band_mode=band_mode)
    with w.store.write() as s:
        if leader:
            s.get(M.Panel, w.panel_id).leader_expert_id = w.experts[leader]
        if form:
            s.get(M.ReviewSession, w.sid).form_template = form
    w.keys = {}
    return w


def set_items(world: World, items: dict[str, int | None], kind: str | None = None) -> None:
    """Change the guide item of applications (test data: several items in one panel)."""
    with world.store.write() as s:
        for aid, item in items.items():
            a = s.get(M.Application, world.apps[aid])
            a.guide_item = item
            if kind:
                a.kind = kind


def return_scores(world: World, tmp_path: Path, reviews: dict[str, list[dict]], revision: int = 1) -> None:
    """Each expert named in ``reviews`` gets (once) a bundle, signs the reviews and the file is imported."""
    if not hasattr(world, "opened"):
        world.opened = {}
    paths = []
    for name, revs in reviews.items():
        if name not in world.opened:
            info = make_bundle(world.store, world.sid, world.experts[name], tmp_path / "bundles",
                               secretary_key=world.secretary)
            world.opened[name] = open_bundle(info.path, info.password,
                                             trusted_secretary_fingerprint=world.secretary.fingerprint,
                                             out_dir=tmp_path / "laptop" / name)
            world.keys[name] = ephemeral_key("expert", name)
        ob = world.opened[name]
        path = tmp_path / "returns" / f"{name}-r{revision}.nnscore"
        path.parent.mkdir(exist_ok=True)
        full = []
        for r in revs:
            r = dict(r)
            r.setdefault("recused", False)
            r.setdefault("recusal_reason", "")
            r.setdefault("grades", {})
            r.setdefault("opinion", "")
            r.setdefault("recommendation", None)
            full.append(r)
        write_score_file(path, ob, world.keys[name], revision, full)
        paths.append(path)
    results = import_score_files(world.store, world.sid, paths)
    bad = [r.message for r in results if r.outcome != "imported"]
    assert not bad, bad


LONG_TITLE = ("面向中国—东盟跨境贸易的多语种智能翻译与语音交互关键技术研究及其在边境口岸通关、跨境电商客服、"
              "农产品溯源和面向东盟国家留学生的远程教育服务等多场景中的规模化示范应用（兼论泰语、越南语、老挝语、"
              "缅甸语和柬埔寨语等小语种低资源条件下的模型压缩、离线部署与数据安全合规问题）")


def retitle(world: World, titles: dict[str, str]) -> None:
    with world.store.write() as s:
        for aid, title in titles.items():
            s.get(M.Application, world.apps[aid]).title = title


def bulk_world(tmp_path: Path, n_apps: int, experts=SEVEN, items=(14, 15, 16), seed: int = 7) -> World:
    """A panel of ``n_apps`` applications graded by every expert, written straight into the
    store (for layout and page-count tests of large panels, where real bundles would only
    cost time): application rows are copies of one imported package."""
    import random

    from sqlalchemy import select

    w = make_world(tmp_path, n_apps=1, experts=experts, leader=experts[0])
    rng = random.Random(seed)
    letters = "ABBBCCD"
    with w.store.write() as s:
        proto = s.get(M.Application, w.apps[w.app_ids[0]])
        cols = {c.name: getattr(proto, c.name) for c in M.Application.__table__.columns if c.name != "id"}
        for i in range(1, n_apps):
            a = M.Application(**dict(cols, application_id=f"NNKJ-2025-B{i:04d}", guide_item=items[i % len(items)],
                                     title=f"批量测试项目{'甲乙丙丁戊己庚辛壬癸'[i % 10]}：面向东盟的智能制造关键技术研发与应用示范",
                                     applicant_name=f"广西批量测试{'甲乙丙丁戊'[i % 5]}科技有限公司"))
            s.add(a)
            s.flush()
            w.apps[a.application_id] = a.id
            s.add(M.PanelApplication(panel_id=w.panel_id, application_pk=a.id))
            for eid in w.experts.values():
                s.add(M.Assignment(panel_id=w.panel_id, expert_id=eid, application_pk=a.id))
        for pk in w.apps.values():
            for eid in w.experts.values():
                s.add(M.Opinion(expert_id=eid, application_pk=pk, text=OPINION, recused=False, revision=1))
                for c in range(1, 7):
                    g = rng.choice(letters)
                    s.add(M.Grade(expert_id=eid, application_pk=pk, criterion=f"c{c}", grade=g,
                                  comment="论证不足。" if g in "DE" else "", revision=1))
                s.add(M.Recommendation(expert_id=eid, application_pk=pk, revision=1,
                                       value=rng.choice(["support", "support", "support_if_revised", "reject"])))
        assert s.scalar(select(M.Panel).where(M.Panel.id == w.panel_id)) is not None
    return w
