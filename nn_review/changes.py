"""What a write changed: the change notice every core operation gives back (after Anki's OpChanges).

The store derives the notice from the rows its committed transactions touched (see
``nn_review.store.db``), so an operation cannot forget to announce a change nor announce one
that was rolled back. ``@operation`` marks a public core write; ``fn.with_changes(...)`` runs it
and returns ``Outcome(value, changes)`` — the UI runner (``ui/ops.py``) calls that and broadcasts
the changes; the CLI and the tests call ``fn(...)`` as before and get the value.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Kind(enum.Flag):
    """The kinds of data a screen may show. One flag per group of tables (TABLE_KINDS)."""

    NONE = 0
    SESSIONS = enum.auto()   # review sessions: created, finalised, reopened
    GUIDES = enum.auto()     # guide editions
    PACKAGES = enum.auto()   # applications, their documents, formal-check decisions
    FINDINGS = enum.auto()   # machine findings and manual check ticks
    ROSTER = enum.auto()     # experts
    PANELS = enum.auto()     # panels, members, draws, assignments
    CONFLICTS = enum.auto()  # conflicts of interest (回避)
    BUNDLES = enum.auto()    # review bundles handed out
    RETURNS = enum.auto()    # score files imported: grades, opinions, recommendations
    RESULTS = enum.auto()    # consensus records, issued (signed) sheets
    KEYS = enum.auto()       # key pins, signer profile, certificates
    AUDIT = enum.auto()      # audit log only
    DRAFTS = enum.auto()     # panel opinion drafts being typed (not a result until recorded)
    FUNDING = enum.auto()    # budgets, amounts decided, 公示, objections, 立项 (docs/funding.md)


# Every table of the store's schema belongs to exactly one kind (a test holds this against
# the models, so a new table cannot be forgotten).
TABLE_KINDS: dict[str, Kind] = {
    "review_sessions": Kind.SESSIONS,
    "guide_editions": Kind.GUIDES,
    "applications": Kind.PACKAGES,
    "documents": Kind.PACKAGES,
    "findings": Kind.FINDINGS,
    "manual_checks": Kind.FINDINGS,
    "experts": Kind.ROSTER,
    "panels": Kind.PANELS,
    "panel_members": Kind.PANELS,
    "panel_applications": Kind.PANELS,
    "assignments": Kind.PANELS,
    "draws": Kind.PANELS,
    "conflicts": Kind.CONFLICTS,
    "bundles": Kind.BUNDLES,
    "grades": Kind.RETURNS,
    "opinions": Kind.RETURNS,
    "recommendations": Kind.RETURNS,
    "score_imports": Kind.RETURNS,
    "consensus": Kind.RESULTS,
    "issued_sheets": Kind.RESULTS,
    "consensus_drafts": Kind.DRAFTS,
    "key_pins": Kind.KEYS,
    "signer_profiles": Kind.KEYS,
    "signing_certificates": Kind.KEYS,
    "audit_events": Kind.AUDIT,
    "funding_budgets": Kind.FUNDING,
    "funding_params": Kind.FUNDING,
    "funding_decisions": Kind.FUNDING,
    "funding_publicity": Kind.FUNDING,
    "funding_objections": Kind.FUNDING,
}

# What a screen of results must redo: anything the merge reads (a derived flag, as Anki's
# ``browser_table``).
AFFECTS_RESULTS = (Kind.SESSIONS | Kind.PACKAGES | Kind.PANELS | Kind.CONFLICTS | Kind.RETURNS
                   | Kind.RESULTS | Kind.ROSTER | Kind.KEYS)

_DML = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+'
                  r'["`\[]?(\w+)', re.IGNORECASE)


def kind_of_statement(sql: str) -> Kind:
    """The kind a DML statement writes (NONE for reads, pragmas and unknown tables)."""
    m = _DML.match(sql)
    if not m:
        return Kind.NONE
    return TABLE_KINDS.get(m.group(1).lower(), Kind.NONE)


@dataclass(frozen=True)
class Changes:
    """A change notice: which kinds of data changed, and in which session.

    ``session_id`` None means "not tied to one session" (roster, keys, guides) or "unknown"
    (another process wrote the store): a page of any session that shows such kinds refreshes.
    """

    kinds: Kind = Kind.NONE
    session_id: int | None = None
    external: bool = False   # another process wrote the store (noticed by the store watch)

    def __bool__(self) -> bool:
        return bool(self.kinds & ~Kind.AUDIT)

    def __or__(self, other: Changes) -> Changes:
        same = self.session_id == other.session_id or not self or not other
        sid = (self.session_id if self else other.session_id) if same else None
        return Changes(self.kinds | other.kinds, sid, self.external or other.external)

    def touches(self, kinds: Kind, session_id: int | None = None) -> bool:
        """True when a screen showing ``kinds`` of session ``session_id`` must refresh."""
        if not self.kinds & kinds:
            return False
        return session_id is None or self.session_id is None or self.session_id == session_id

    @classmethod
    def everything(cls, *, external: bool = True) -> Changes:
        kinds = Kind.NONE
        for k in Kind:
            kinds |= k
        return cls(kinds, None, external)

    def describe(self) -> str:
        """For logs and tests: 'PACKAGES|FINDINGS @ session 3'."""
        names = "|".join(k.name for k in Kind if k and k in self.kinds) or "NONE"
        return f"{names} @ session {self.session_id}" if self.session_id is not None else names


NO_CHANGES = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An operation's result together with what it changed (Anki's OpChangesWith…)."""

    value: T
    changes: Changes


def operation(fn: Callable[..., T]) -> Callable[..., T]:
    """Mark ``fn(store, …)`` as a core write and give it ``fn.with_changes(…) -> Outcome``.

    Calling ``fn`` itself is unchanged (no wrapper on the hot path). ``with_changes`` collects
    the changes of every transaction the call committed — also when it raises part-way (an
    import of 300 packages that fails at the 201st committed 200): the exception then carries
    them as ``e.changes`` so the UI can refresh what did change.
    """
    sig = inspect.signature(fn)
    if "store" not in sig.parameters:
        raise TypeError(f"@operation {fn.__qualname__}: the first parameter must be the store")

    @functools.wraps(fn)
    def with_changes(*args: Any, **kwargs: Any) -> Outcome[T]:
        bound = sig.bind_partial(*args, **kwargs)
        return collecting(bound.arguments["store"], bound.arguments.get("session_id"), fn, args, kwargs)

    fn.with_changes = with_changes  # type: ignore[attr-defined]
    fn.is_operation = True  # type: ignore[attr-defined]
    return fn


def collecting(store, session_id: int | None, fn: Callable[..., T], args, kwargs) -> Outcome[T]:
    """``fn(*args, **kwargs)`` with the changes its committed transactions made on ``store``."""
    with store.collect() as got:
        try:
            value = fn(*args, **kwargs)
        except BaseException as e:
            e.changes = got.changes(session_id)  # type: ignore[attr-defined]
            raise
    return Outcome(value, got.changes(session_id))


class Collector:
    """Kinds committed while a ``store.collect()`` block was open (thread-local; see store.db)."""

    def __init__(self) -> None:
        self.kinds = Kind.NONE
        self.session_ids: set[int] = set()

    def add(self, kinds: Kind, session_ids: set[int]) -> None:
        self.kinds |= kinds
        self.session_ids |= session_ids

    def changes(self, session_id: int | None = None) -> Changes:
        if session_id is None and len(self.session_ids) == 1:
            session_id = next(iter(self.session_ids))
        return Changes(self.kinds, session_id)
