"""The panel's consensus (专家组意见), finalising a session and reopening it.

* :func:`set_consensus` records, per application, the consensus opinion and the final
  recommendation (form A) or final 等次 (form B). It is entered by the panel leader, or by
  the secretary on the leader's behalf (``by="secretary"``; the author then reads
  “<secretary>（代组长 <leader>）”). A final recommendation / 等次 that differs from the
  computed one needs a written reason, which every sheet prints. The consensus remembers
  the scores it was decided on (``basis_hash``): if a later import changes them, it is
  *stale* and must be confirmed again.
* :func:`finalise` locks the session (``state = 'finalised'``): every write service of the
  store refuses to change a finalised session (imports, checks, panels, conflicts,
  assignments, bundles, score imports, consensus). It refuses while any application of a
  panel still lacks returns, scores or a current consensus, and while anything computed is
  stale — a consensus recorded on scores that have changed since (a late import, a conflict
  recorded or dismissed after the scores came in, a formal-check exclusion), or a conflict
  detection that no longer matches the roster and the packages where it would change a
  figure — naming the applications and what changed. An application excluded at formal check (不予受理) needs
  neither returns nor a consensus: it is not ranked.
* :func:`reopen` needs a reason, is audited, and increments ``sheet_version``: every sheet
  printed after reopening carries the new version number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select

from ..forms import han_count, level_msg, recommendation_msg
from ..i18n import M, Msg, render
from ..signer import person_name
from ..store import Store
from ..store.models import Application, Consensus, ConsensusDraft, Expert, Panel, ReviewSession, utcnow
from .errors import ResultsError
from .merge import AppResult, panel_of_application, session_results
from ..changes import operation

AUTHOR_ROLES = {"leader": "组长", "secretary": "秘书代组长"}


def require_open(s, session_id: int, doing: str) -> ReviewSession:
    sess = s.get(ReviewSession, session_id)
    if sess is None:
        raise ResultsError(f"没有评审批次 {session_id}", "session.missing")
    if sess.state != "open":
        raise ResultsError(f"评审批次“{sess.name}”已定稿锁定，不能再{doing}；如确需修改，请先写明理由重新开启（session reopen）",
                           "session.locked", msg=M("results.err.locked", session=sess.name))
    return sess


def _level_id(form, level: str | None) -> str | None:
    if level in (None, ""):
        return None
    for lv in form.levels:
        if level in (lv.id, lv.name):
            return lv.id
    raise ResultsError(f"等次应为 {'、'.join(f'{lv.name}（{lv.id}）' for lv in form.levels)} 之一，实际为 {level!r}",
                       "consensus.level")


def _rec_id(form, rec: str | None) -> str | None:
    if rec in (None, ""):
        return None
    for rid, name in form.recommendations:
        if rec in (rid, name):
            return rid
    raise ResultsError(f"推荐意见应为 {'、'.join(f'{n}（{r}）' for r, n in form.recommendations)} 之一，实际为 {rec!r}",
                       "consensus.recommendation")


@operation
def set_consensus(store: Store, session_id: int, application: str | int, *, opinion: str,
                  recommendation: str | None = None, level: str | None = None, reason: str = "",
                  by: str = "leader") -> AppResult:
    """Record the panel's consensus on one application; returns its refreshed result.

    ``recommendation`` / ``level`` accept the id (``support``, ``good``) or the Chinese name
    (建议支持, 良好). ``by`` is ``leader`` or ``secretary`` (on the leader's behalf).
    """
    from .merge import panel_results
    opinion, reason = (opinion or "").strip(), (reason or "").strip()
    if by not in AUTHOR_ROLES:
        raise ResultsError(f"录入人应为 leader（组长）或 secretary（秘书代组长），实际为 {by!r}", "consensus.author")
    if not opinion or han_count(opinion) < 5:
        raise ResultsError("专家组意见不能为空（至少 5 个汉字）", "consensus.opinion", msg=M("results.err.opinion"))
    panel_id = panel_of_application(store, session_id, application)
    with store.read() as s:
        require_open(s, session_id, "修改专家组意见")
    current = panel_results(store, panel_id).application(application)
    form = current.form
    if current.formally_excluded:
        raise ResultsError(f"申报 {current.application_id} 形式审查{current.formal_text}，不参加评审排名，"
                           f"不能录入专家组意见", "consensus.excluded")
    if current.score.n == 0:
        raise ResultsError(f"申报 {current.application_id} 还没有有效评分，不能形成专家组意见", "consensus.no_scores",
                           msg=M("results.err.no_scores", application=current.application_id))
    if form.levels and recommendation not in (None, ""):
        raise ResultsError(f"评审表“{form.title}”不设推荐意见，请给出等次", "consensus.recommendation")
    if not form.levels and level not in (None, ""):
        raise ResultsError(f"评审表“{form.title}”不设等次，请给出推荐意见", "consensus.level")
    rec, lvl = _rec_id(form, recommendation), _level_id(form, level)
    differs, why = [], []
    if form.levels:
        if lvl is None:
            raise ResultsError(f"请给出最终等次（{'、'.join(lv.name for lv in form.levels)}）", "consensus.level")
        if lvl != current.computed_level:
            differs.append(f"最终等次“{current.level_zh(lvl)}”与按得分 {current.score.value:.2f} 计算的等次"
                           f"“{current.level_zh(current.computed_level)}”不同")
            why.append(M("results.err.level_differs", final=level_msg(form, lvl), score=f"{current.score.value:.2f}",
                         computed=level_msg(form, current.computed_level)))
    else:
        if form.recommendation_ids and rec is None:
            raise ResultsError(f"请给出最终推荐意见（{'、'.join(n for _, n in form.recommendations)}）",
                               "consensus.recommendation")
        if rec != current.computed_recommendation:
            differs.append(f"最终推荐意见“{current.recommendation_zh(rec)}”与专家多数意见"
                           f"“{current.recommendation_zh(current.computed_recommendation)}”（{current.rec_counts_text}）不同")
            why.append(M("results.err.rec_differs", final=recommendation_msg(form, rec),
                         computed=recommendation_msg(form, current.computed_recommendation),
                         counts=current.rec_counts_msg))
    if differs and not reason:
        raise ResultsError("；".join(differs) + "，必须写明理由（将打印在评审意见表上）", "consensus.reason",
                           msg=M("results.err.reason", why=why))

    with store.write() as s:
        sess = require_open(s, session_id, "修改专家组意见")
        # What was checked above was read before the write lock: scores imported or an exclusion
        # recorded meanwhile (another window, the CLI) change what the panel decides on.
        now = panel_results(store, panel_id).application(application)
        if (now.basis_hash, now.formally_excluded) != (current.basis_hash, current.formally_excluded):
            raise ResultsError(f"申报 {current.application_id} 的评分或形式审查结论在录入期间发生了变化，"
                               f"请查看最新结果后重新录入专家组意见", "consensus.changed")
        panel = s.get(Panel, panel_id)
        leader = s.get(Expert, panel.leader_expert_id) if panel.leader_expert_id else None
        if leader is None:
            raise ResultsError(f"评审组“{panel.name}”尚未指定组长：专家组意见由组长确认（或秘书代组长录入），"
                               f"请先指定组长（session panel leader）", "consensus.no_leader",
                               msg=M("results.err.no_leader", panel=panel.name))
        author = leader.name if by == "leader" else f"{person_name(s, store.actor)}（代组长 {leader.name}）"
        row = s.scalar(select(Consensus).where(Consensus.application_pk == current.pk))
        old = None
        if row is None:
            row = Consensus(application_pk=current.pk)
            s.add(row)
        else:
            old = {"text": row.text, "final_recommendation": row.final_recommendation, "final_level": row.final_level,
                   "override_reason": row.override_reason, "author": row.author}
        row.text, row.final_recommendation, row.final_level = opinion, rec, lvl
        row.override_reason = reason if differs else ""
        row.author, row.author_role, row.basis_hash, row.updated_at = author, by, current.basis_hash, utcnow()
        store.audit(s, "results.consensus", sess.id, application_id=current.application_id, author=author,
                    role=by, final_recommendation=rec, final_level=lvl, computed_recommendation=current.computed_recommendation,
                    computed_level=current.computed_level, override_reason=row.override_reason,
                    basis_hash=current.basis_hash, previous=old)
        # the draft became the record (in the same transaction: kept when recording is refused)
        s.execute(delete(ConsensusDraft).where(ConsensusDraft.application_pk == current.pk))
    return panel_results(store, panel_id).application(application)


@operation
def clear_consensus(store: Store, session_id: int, application: str | int, reason: str) -> None:
    """Withdraw a recorded consensus (audited with the reason)."""
    reason = (reason or "").strip()
    if not reason:
        raise ResultsError("撤销专家组意见须写明理由", "consensus.reason")
    with store.write() as s:
        sess = require_open(s, session_id, "修改专家组意见")
        app = s.scalar(select(Application).where(Application.session_id == session_id,
                                                 Application.id == application if isinstance(application, int)
                                                 else Application.application_id == str(application)))
        row = s.scalar(select(Consensus).where(Consensus.application_pk == app.id)) if app else None
        if row is None:
            raise ResultsError(f"申报 {application} 没有已录入的专家组意见", "consensus.missing")
        store.audit(s, "results.consensus_clear", sess.id, application_id=app.application_id, reason=reason,
                    previous={"text": row.text, "final_recommendation": row.final_recommendation,
                              "final_level": row.final_level, "author": row.author})
        s.delete(row)


# -- finalise / reopen --------------------------------------------------------------------

@dataclass
class FinaliseReport:
    session_id: int
    sheet_version: int
    panels: dict[str, str] = field(default_factory=dict)   # panel name → data hash
    applications: int = 0
    problems: list[str] = field(default_factory=list)


def finalise_problems(store: Store, session_id: int) -> tuple[list[str], dict[str, str], int]:
    """What still prevents finalising (empty = ready), the panels' data hashes, and the number of
    applications — in Chinese (the CLI, the refusal); :func:`finalise_refusal` gives the same as messages."""
    problems, hashes, count = finalise_refusal(store, session_id)
    return [render(p, "zh_CN") + _CLI_HINTS.get(p.key, "") for p in problems], hashes, count


# The command to run, for the CLI's refusal only (the GUI names the page instead of a verb).
_CLI_HINTS = {"results.fin.conflict_added": "（session conflicts）", "results.fin.conflict_removed": "（session conflicts）",
              "results.fin.unchecked": "（session checks）"}


def finalise_refusal(store: Store, session_id: int) -> tuple[list[Msg], dict[str, str], int]:
    """:func:`finalise_problems` as messages rendered per language (the GUI's refusal dialog)."""
    problems: list[Msg] = []
    hashes: dict[str, str] = {}
    count = 0
    panels = session_results(store, session_id)
    if not panels:
        problems.append(M("results.fin.no_panels"))
    for pr in panels:
        hashes[pr.panel_name] = pr.data_hash
        for a in pr.applications:
            if not any(c.status != "not_assigned" for c in a.experts):
                continue  # not reviewed by anyone (e.g. post-award items): nothing to finalise
            count += 1
            where = f"{pr.panel_name} / {a.application_id}"
            if a.formally_excluded:
                continue  # 不予受理: its reviews are not counted and it is not ranked; nothing to decide
            if a.missing:
                problems.append(M("results.fin.missing", where=where, names=[c.name for c in a.missing]))
            invalid = [c for c in a.experts if c.status == "invalid"]
            if invalid:
                problems.append(M("results.fin.invalid", where=where, names=[c.name for c in invalid],
                                  reason=invalid[0].reason))
            if a.score.n == 0:
                problems.append(M("results.fin.no_scores", where=where))
            elif a.consensus is None:
                problems.append(M("results.fin.no_consensus", where=where,
                                  what=M("results.word.level" if a.form.levels else "results.word.recommendation")))
            elif a.consensus.stale:
                why = [M("results.fin.not_counted", name=c.name, mark=exclusion_mark(c), reason=c.reason)
                       for c in a.excluded]
                problems.append(M("results.fin.stale", where=where,
                                  now=M("results.fin.stale_now", why=why) if why else ""))
    problems += _outdated_conflicts(store, session_id, panels)
    with store.read() as s:  # findings are frozen by finalising: a package never checked is not ready
        unchecked = list(s.scalars(select(Application.application_id).where(
            Application.session_id == session_id, Application.check_status == "unchecked")
            .order_by(Application.application_id)))
    if unchecked:
        problems.append(M("results.fin.unchecked", ids=unchecked[:10],
                          more=M("results.fin.and_more") if len(unchecked) > 10 else ""))
    return problems, hashes, count


def exclusion_mark(c) -> Msg | str:
    """回避 / 不予受理 of an excluded review, per language."""
    if c.status != "excluded":
        return ""
    return M("results.mark.conflict" if c.excluded_by == "conflict" else "results.mark.formal")


def _outdated_conflicts(store: Store, session_id: int, panels) -> list[Msg]:
    """Conflict detection that no longer matches the roster and the packages, where it would change a
    figure: a conflict detection would add for an expert who reviewed (or was assigned) the
    application, or an auto conflict it would remove that now keeps a review out."""
    from ..roster.conflicts import pending_auto_changes
    cells = {(c.expert_id, a.pk): (pr.panel_name, a.application_id, c.name, c.status, c.revision)
             for pr in panels for a in pr.applications for c in a.experts}
    with store.read() as s:
        added, removed = pending_auto_changes(s, session_id)
    out: list[Msg] = []
    for (eid, pk, reason) in added:
        cell = cells.get((eid, pk))
        if cell and cell[3] in ("scored", "missing", "invalid"):
            out.append(M("results.fin.conflict_added", where=f"{cell[0]} / {cell[1]}", name=cell[2], reason=reason))
    for (eid, pk, reason) in removed:
        cell = cells.get((eid, pk))
        if cell and (cell[3] == "excluded" or cell[3] == "recused" and cell[4] is None):  # not the expert's own 回避
            out.append(M("results.fin.conflict_removed", where=f"{cell[0]} / {cell[1]}", name=cell[2], reason=reason))
    return list({m.dumps(): m for m in out}.values())  # each once, in order


@operation
def finalise(store: Store, session_id: int) -> FinaliseReport:
    """Lock the session. Refuses (listing every reason) while results are incomplete.

    The check runs while holding the write lock (readers still work in WAL mode), so no
    import can slip in between the check and the lock."""
    with store.write() as s:
        sess = require_open(s, session_id, "定稿")
        problems, hashes, count = finalise_problems(store, session_id)
        if problems:
            shown = problems[:20] + ([f"……另有 {len(problems) - 20} 项"] if len(problems) > 20 else [])
            raise ResultsError("尚不能定稿：\n" + "\n".join(f"  - {p}" for p in shown), "finalise.incomplete")
        sess.state = "finalised"
        store.audit(s, "session.finalise", sess.id, sheet_version=sess.sheet_version, panels=hashes,
                    applications=count)
        return FinaliseReport(sess.id, sess.sheet_version, hashes, count)


@operation
def reopen(store: Store, session_id: int, reason: str) -> int:
    """Unlock a finalised session; returns the new sheet version."""
    reason = (reason or "").strip()
    if han_count(reason) < 2 and len(reason) < 4:
        raise ResultsError("重新开启已定稿的批次必须写明理由（记入审计，并使此后打印的评审表版本号加一）", "reopen.reason",
                           msg=M("results.err.reopen_reason"))
    with store.write() as s:
        sess = s.get(ReviewSession, session_id)
        if sess is None:
            raise ResultsError(f"没有评审批次 {session_id}", "session.missing")
        if sess.state != "finalised":
            raise ResultsError(f"评审批次“{sess.name}”未定稿，无需重新开启", "reopen.not_finalised")
        from ..store.models import FundingPublicity  # issue 21: a published / frozen 公示 locks the results
        pub = s.scalar(select(FundingPublicity).where(FundingPublicity.session_id == session_id))
        if pub is not None:
            raise ResultsError(f"评审批次“{sess.name}”的拟资助名单已{'立项' if pub.state == 'frozen' else '公示'}，"
                               "不能重新开启", "reopen.funding_publicity",
                               msg=M("funding.out.err.reopen", session=sess.name))
        old = sess.sheet_version
        sess.state, sess.sheet_version = "open", old + 1
        store.audit(s, "session.reopen", sess.id, reason=reason, sheet_version_from=old, sheet_version_to=old + 1)
        return sess.sheet_version
