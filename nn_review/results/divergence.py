"""Divergence flags of review-rules.md, shown to the panel before results are final.

* ``total``: an expert's total is **more than** 15 points from the mean of the *other*
  scoring experts (exactly 15 is not flagged; needs at least two scores).
* ``grades``: on one criterion the grades of the scoring experts are 3 or more steps apart
  (A–D, A–E, B–E); the experts giving the highest and the lowest grade are named.
* ``split``: the recommendations are split so that no single recommendation holds a
  two-thirds majority of the experts who recommended (3 × count ≥ 2 × n, so 2 of 3 is
  enough, 4 of 7 is not). Each of the three recommendations counts as its own side.

Each flag carries the experts and numbers involved and a Chinese sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from ..forms import GRADE_LETTERS, display
from .aggregate import dec_str, has_two_thirds, quantise

TOTAL_LIMIT = Decimal(15)
STEP_LIMIT = 3
KIND_ZH = {"total": "总分偏离", "grades": "等级分歧", "split": "推荐意见分歧"}


@dataclass(frozen=True)
class Flag:
    kind: str                      # total | grades | split
    key: str                       # stable within an application: total:<expert id>, grades:<criterion>, split
    application_id: str
    experts: list[dict]            # [{"expert_id", "name", ...numbers of that expert}]
    numbers: dict                  # the figures involved, decimal strings
    message: str                   # Chinese, names experts and numbers
    resolved: bool = False         # the panel recorded its consensus on the current scores
    resolution: str = ""

    @property
    def kind_zh(self) -> str:
        return KIND_ZH[self.kind]

    @property
    def kind_msg(self):
        from ..i18n import M
        return M(f"results.flag.kind.{self.kind}")

    def msg(self, form=None):
        """The flag's sentence per language, from its experts and numbers (``form``: the names of the
        criterion and the recommendations; without it, the Chinese names recorded in the flag)."""
        from ..forms import criterion_msg, recommendation_msg
        from ..i18n import M
        n = self.numbers
        if self.kind == "total":
            diff = Decimal(n["difference"])
            return M("results.flag.total", name=self.experts[0]["name"], total=display(n["total"]),
                     word=M("results.flag.higher" if diff > 0 else "results.flag.lower"), others=n["others"],
                     mean=display(n["others_mean"]), diff=display(abs(diff)), limit=n["limit"])
        if self.kind == "grades":
            name = criterion_msg(form, n["criterion"]) if form is not None and form.criterion(n["criterion"]) \
                else n["criterion_name"]
            return M("results.flag.grades", criterion=name,
                     high=[e["name"] for e in self.experts if e["grade"] == n["highest"]], gh=n["highest"],
                     low=[e["name"] for e in self.experts if e["grade"] == n["lowest"]], gl=n["lowest"],
                     steps=n["steps"])
        counts = n["counts"]
        parts = [M("results.votes_n", name=recommendation_msg(form, k) if form is not None else k, n=v)
                 for k, v in counts.items() if v]
        return M("results.flag.split", parts=parts, votes=n["votes"], needed=n["needed"])

    def resolution_msg(self):
        from ..i18n import M
        prefix, suffix = "已经专家组讨论并形成意见（", "）"
        if self.resolution.startswith(prefix) and self.resolution.endswith(suffix):
            who = self.resolution[len(prefix):-len(suffix)]
            return M("results.flag.resolved", who=M("results.flag.panel") if who == "专家组" else who)
        return self.resolution

    def to_json(self) -> dict:
        return {"kind": self.kind, "key": self.key, "application_id": self.application_id,
                "experts": self.experts, "numbers": self.numbers, "message": self.message,
                "resolved": self.resolved, "resolution": self.resolution}


@dataclass
class ScoredExpert:
    """What the flags need of one scoring expert."""
    expert_id: int
    name: str
    total: Decimal
    grades: Mapping[str, str]            # criterion id → letter
    recommendation: str | None = None
    extra: dict = field(default_factory=dict)


def total_flags(application_id: str, experts: Sequence[ScoredExpert]) -> list[Flag]:
    out = []
    if len(experts) < 2:
        return out
    grand = sum((Fraction(e.total) for e in experts), Fraction(0))
    for e in experts:
        exact_others = (grand - Fraction(e.total)) / (len(experts) - 1)
        exact_diff = Fraction(e.total) - exact_others
        others, diff = quantise(exact_others), quantise(exact_diff)  # each rounded once, from exact values
        if abs(exact_diff) > Fraction(TOTAL_LIMIT):
            word = "高出" if diff > 0 else "低于"
            out.append(Flag("total", f"total:{e.expert_id}", application_id,
                            [{"expert_id": e.expert_id, "name": e.name, "total": dec_str(e.total)}],
                            {"total": dec_str(e.total), "others_mean": dec_str(others), "difference": dec_str(diff),
                             "limit": dec_str(TOTAL_LIMIT), "others": len(experts) - 1},
                            f"{e.name} 的总分 {display(e.total)} {word}其他 {len(experts) - 1} 位专家的平均分 "
                            f"{display(others)} 共 {display(abs(diff))} 分（超过 {TOTAL_LIMIT} 分）"))
    return out


def grade_flags(application_id: str, experts: Sequence[ScoredExpert],
                criteria: Sequence[tuple[str, str]]) -> list[Flag]:
    """``criteria``: (id, name) in form order."""
    out = []
    step = {g: i for i, g in enumerate(GRADE_LETTERS)}
    for cid, cname in criteria:
        graded = [(e, e.grades[cid]) for e in experts if e.grades.get(cid) in step]
        if len(graded) < 2:
            continue
        best = min(step[g] for _, g in graded)
        worst = max(step[g] for _, g in graded)
        if worst - best >= STEP_LIMIT:
            hi = [e for e, g in graded if step[g] == best]
            lo = [e for e, g in graded if step[g] == worst]
            gh, gl = GRADE_LETTERS[best], GRADE_LETTERS[worst]
            out.append(Flag("grades", f"grades:{cid}", application_id,
                            [{"expert_id": e.expert_id, "name": e.name, "grade": gh} for e in hi]
                            + [{"expert_id": e.expert_id, "name": e.name, "grade": gl} for e in lo],
                            {"criterion": cid, "criterion_name": cname, "highest": gh, "lowest": gl,
                             "steps": worst - best},
                            f"指标 {cid}“{cname}”：{'、'.join(e.name for e in hi)} 评 {gh}，"
                            f"{'、'.join(e.name for e in lo)} 评 {gl}，相差 {worst - best} 档"))
    return out


def split_flag(application_id: str, counts: Mapping[str, int], names: Mapping[str, str],
               experts: Sequence[ScoredExpert]) -> list[Flag]:
    n = sum(counts.values())
    if n < 2 or has_two_thirds(dict(counts)):
        return []
    parts = "、".join(f"{names.get(k, k)} {v} 票" for k, v in counts.items() if v)
    top = max(counts.values())
    return [Flag("split", "split", application_id,
                 [{"expert_id": e.expert_id, "name": e.name, "recommendation": e.recommendation}
                  for e in experts if e.recommendation],
                 {"counts": dict(counts), "votes": n, "largest": top, "needed": -(-2 * n // 3)},
                 f"{parts}，没有一种意见达到三分之二（{n} 票中至少需 {-(-2 * n // 3)} 票）")]


def application_flags(application_id: str, experts: Sequence[ScoredExpert], criteria: Sequence[tuple[str, str]],
                      counts: Mapping[str, int], rec_names: Mapping[str, str]) -> list[Flag]:
    return (total_flags(application_id, experts) + grade_flags(application_id, experts, criteria)
            + split_flag(application_id, counts, rec_names, experts))
