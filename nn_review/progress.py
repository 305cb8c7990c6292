"""Where a review session stands: the eight steps of a review and each one's state (a pure read).

The start panel (ui/start_panel.py) and ``nn-review session status`` show the same thing:
批次 → 导入 → 形式审查 → 专家库 → 专家组 → 评审包 → 回收评分 → 结果. A step is *done* by its own
test (the roster, shared by all sessions, can be done before anything is imported); the first
step not done is *current*, every other step not done is *to do*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from .exchange.scores_import import returns_overview
from .i18n import M, Msg
from .store import Store
from .store.models import (Application, Assignment, Bundle, Consensus, Expert, Panel, PanelApplication,
                            ReviewSession)

STEPS = ("session", "import", "formal", "roster", "panels", "bundles", "returns", "results")
DONE = "done"
CURRENT = "current"
TODO = "todo"


@dataclass(frozen=True)
class Step:
    key: str        # one of STEPS
    title: Msg      # 评审批次, 导入申报包, …
    state: str      # done | current | todo
    detail: Msg     # what there is: "已导入 12 个申报包"
    done: int = 0   # counts behind the detail (for a bar or a test); total 0 = not countable yet
    total: int = 0

    @property
    def state_text(self) -> Msg:
        return M(f"progress.state.{self.state}")

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title.render("zh_CN"), "state": self.state,
                "detail": self.detail.render("zh_CN"), "done": self.done, "total": self.total}


@dataclass(frozen=True)
class SessionProgress:
    session_id: int | None
    steps: list[Step]

    @property
    def current(self) -> Step | None:
        return next((s for s in self.steps if s.state == CURRENT), None)

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    @property
    def empty(self) -> bool:
        """Nothing to review yet: no session, or a session without packages (the start panel opens)."""
        return self.step("import").state != DONE

    def to_json(self) -> dict[str, Any]:
        cur = self.current
        return {"session_id": self.session_id, "current": cur.key if cur else None,
                "steps": [s.to_json() for s in self.steps]}


def session_progress(store: Store, session_id: int | None) -> SessionProgress:
    """The eight steps for ``session_id`` (None: no session chosen / none exists)."""
    with store.read() as s:
        experts = s.scalar(select(func.count()).select_from(Expert)) or 0
        sess = s.get(ReviewSession, session_id) if session_id is not None else None
        if sess is None:
            raw = [("session", False, M("progress.session.none"), 0, 1),
                   ("import", False, M("progress.import.none"), 0, 0),
                   ("formal", False, M("progress.formal.none"), 0, 0),
                   _roster(experts),
                   ("panels", False, M("progress.panels.none"), 0, 0),
                   ("bundles", False, M("progress.bundles.none"), 0, 0),
                   ("returns", False, M("progress.returns.none"), 0, 0),
                   ("results", False, M("progress.results.none"), 0, 0)]
            return _states(None, raw)
        finalised = sess.state != "open"
        apps = s.execute(select(Application.id, Application.check_status, Application.formal_decision)
                         .where(Application.session_id == sess.id)).all()
        admitted = {pk for pk, _st, dec in apps if dec != "excluded"}
        excluded = len(apps) - len(admitted)
        open_ = sum(1 for _pk, st, dec in apps if not dec and st != "pass")
        panels = s.scalar(select(func.count()).select_from(Panel).where(Panel.session_id == sess.id)) or 0
        grouped = set(s.scalars(select(PanelApplication.application_pk).distinct()
                                .join(Panel, Panel.id == PanelApplication.panel_id)
                                .where(Panel.session_id == sess.id)))
        assigned_experts = set(s.scalars(select(Assignment.expert_id).distinct()
                                         .join(Panel, Panel.id == Assignment.panel_id)
                                         .where(Panel.session_id == sess.id)))
        bundled = set(s.scalars(select(Bundle.expert_id).where(Bundle.session_id == sess.id,
                                                               Bundle.superseded_at.is_(None))))
        recorded = set(s.scalars(select(Consensus.application_pk).join(
            Application, Application.id == Consensus.application_pk).where(Application.session_id == sess.id)))
    n = len(apps)
    session_text = M("progress.session.finalised" if finalised else "progress.session.open", name=sess.name)
    raw = [("session", True, session_text, 1, 1),
           ("import", n > 0, M("progress.import.count", n=n) if n else M("progress.import.none"), n, n)]
    formal_done = n > 0 and open_ == 0
    raw.append(("formal", formal_done,
                M("progress.formal.count", ready=n - open_ - excluded, open=open_, excluded=excluded)
                if n else M("progress.formal.none"), n - open_, n))
    raw.append(_roster(experts))
    in_panel = len(grouped & admitted)
    raw.append(("panels", panels > 0 and bool(admitted) and in_panel == len(admitted) and bool(assigned_experts),
                M("progress.panels.count", panels=panels, grouped=in_panel, admitted=len(admitted))
                if panels else M("progress.panels.none"), in_panel, len(admitted)))
    made = len(bundled & assigned_experts)
    raw.append(("bundles", bool(assigned_experts) and made == len(assigned_experts),
                M("progress.bundles.count", bundled=made, experts=len(assigned_experts))
                if bundled else M("progress.bundles.none"), made, len(assigned_experts)))
    if bundled:
        ov = returns_overview(store, sess.id)  # every expert with a task: sent a bundle or not yet
        received = sum(e.status == "received" for e in ov.experts)
        raw.append(("returns", bool(ov.experts) and received == len(ov.experts),
                    M("progress.returns.count", received=received, experts=len(ov.experts)), received,
                    len(ov.experts)))
    else:
        raw.append(("returns", False, M("progress.returns.none"), 0, 0))
    rec = len(recorded & admitted)
    raw.append(("results", finalised, M("progress.results.finalised") if finalised
                else M("progress.results.open", recorded=rec, admitted=len(admitted)), rec, len(admitted)))
    return _states(sess.id, raw)


def _roster(experts: int) -> tuple:
    return ("roster", experts > 0, M("progress.roster.count", n=experts) if experts else M("progress.roster.none"),
            experts, experts)


def _states(session_id: int | None, raw: list[tuple]) -> SessionProgress:
    steps, current_seen = [], False
    for key, done, detail, k, total in raw:
        if done:
            state = DONE
        elif not current_seen:
            state, current_seen = CURRENT, True
        else:
            state = TODO
        steps.append(Step(key, M(f"progress.step.{key}"), state, detail, k, total))
    return SessionProgress(session_id, steps)
