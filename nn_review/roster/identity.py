"""One person, one expert (issue 20 item 1): who is the same person in the roster.

The schema (v9, frozen this session) has no column for a 身份证号, so a person is identified by
what the roster stores:

* the same name (``normalize_person``: width, spaces and middle dots folded) **and**
* the same phone number (``phones.phone_digits``: 138-1234-5678 = +86 13812345678), or
* the same e-mail address (case folded), or
* when either side has no phone: the same unit (``normalize_unit``).

Two experts with different phone numbers are two people, whatever their unit. This one rule is
used everywhere: the import (a second row for the same person), ``roster add``, the draw (never
one person twice), the suspected duplicates shown by ``roster list`` and the roster page, which
the secretary merges with ``merge_experts`` (roster/merge.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..i18n import M, Msg
from .errors import RosterError
from .normalize import normalize_person, normalize_unit
from .phones import phone_digits


# Names and units repeat a lot in a roster: normalised once each.
_person_name = lru_cache(maxsize=1 << 16)(normalize_person)
_unit = lru_cache(maxsize=1 << 16)(normalize_unit)


class PersonError(RosterError):
    """A refusal about who is who (merge, add); ``str(e)`` Chinese, ``e.msg`` for the GUI."""

    def __init__(self, msg: Msg):
        self.msg = msg
        super().__init__(msg.render("zh_CN"))


@dataclass(frozen=True)
class Person:
    """What identifies one roster entry (an expert, or a row being imported)."""
    ref: object          # the expert id, or the Excel row number
    name: str
    phone: str
    email: str
    unit: str

    @classmethod
    def of(cls, ref, name: str, phone: str | None, email: str | None, unit: str | None) -> Person:
        return cls(ref, _person_name(name), phone_digits(phone), (email or "").strip().casefold(), _unit(unit))


def same_person(a: Person, b: Person) -> str:
    """Why ``a`` and ``b`` are the same person: ``"phone"``, ``"email"``, ``"unit"``; ``""`` when not."""
    if not a.name or a.name != b.name:
        return ""
    if a.phone and b.phone:
        if a.phone == b.phone:
            return "phone"
    if a.email and a.email == b.email:
        return "email"
    if (not a.phone or not b.phone) and a.unit and a.unit == b.unit:
        return "unit"
    return ""


def reason_msg(reason: str) -> Msg:
    return M(f"person.same.{reason}")


class PersonIndex:
    """Persons by what ``same_person`` compares (name with phone, e-mail, unit), to find the same
    person among many without comparing every namesake with every other: Chinese names repeat a
    lot (a roster of 60,000 has buckets of hundreds of 王伟)."""

    def __init__(self, persons: Iterable[Person] = ()):
        self.keys: dict[tuple[str, str, str], list[Person]] = {}
        self.order: dict[int, int] = {}  # id(person) → when it was added
        for p in persons:
            self.add(p)

    @staticmethod
    def _keys(p: Person) -> list[tuple[str, str, str]]:
        if not p.name:
            return []
        out = [("u", p.name, p.unit)] if p.unit else []
        if p.phone:
            out.append(("p", p.name, p.phone))
        if p.email:
            out.append(("e", p.name, p.email))
        return out

    def add(self, p: Person) -> None:
        self.order.setdefault(id(p), len(self.order))
        for k in self._keys(p):
            self.keys.setdefault(k, []).append(p)

    def remove(self, p: Person) -> None:
        """Forget ``p`` (the very object added), e.g. an expert whose name or phone an import changes."""
        for k in self._keys(p):
            bucket = self.keys.get(k, [])
            for i, q in enumerate(bucket):
                if q is p:
                    del bucket[i]
                    break

    def matches(self, p: Person) -> list[tuple[Person, str]]:
        """The persons of the index that are ``p``, each once, in the order they were added."""
        hits: dict[int, tuple[Person, str]] = {}
        for k in self._keys(p):
            for q in self.keys.get(k, ()):
                if id(q) not in hits and q.ref != p.ref and (why := same_person(p, q)):
                    hits[id(q)] = (q, why)
        return [hits[i] for i in sorted(hits, key=self.order.__getitem__)]


@dataclass(frozen=True)
class SuspectedDuplicate:
    """Two experts that look like one person: ``a`` sorts before ``b`` by 专家编号."""
    a: object           # ExpertInfo
    b: object
    reason: str         # phone | email | unit
    value: str          # the shared phone / e-mail / unit, as stored on ``a``

    def msg(self) -> Msg:
        return M("person.duplicate", akey=self.a.roster_key, bkey=self.b.roster_key, name=self.a.name,
                 why=reason_msg(self.reason), value=self.value)


def _person(e) -> Person:
    return Person.of(e.id, e.name, e.phone, e.email, e.unit)


_DERIVED = re.compile(r"ZJ-[0-9A-F]{10}")  # a 专家编号 the importer made up (xlsx.derived_key)


def keep_order(e) -> tuple:
    """Which of two entries of one person comes first (is offered as the one to keep, and is the one
    a draw considers): a 专家编号 somebody gave before one the importer derived, then by 专家编号."""
    return (bool(_DERIVED.fullmatch(e.roster_key)), e.roster_key)


def suspected_duplicates(experts: Iterable) -> list[SuspectedDuplicate]:
    """Every pair of experts (ExpertInfo or Expert rows) that ``same_person`` says are one person;
    in each pair ``a`` comes first by ``keep_order``."""
    rows = sorted(experts, key=keep_order)
    by_id = {e.id: e for e in rows}
    index = PersonIndex()
    out = []
    for e in rows:
        p = _person(e)
        for q, why in index.matches(p):
            a = by_id[q.ref]
            value = {"phone": a.phone, "email": a.email, "unit": a.unit}[why]
            out.append(SuspectedDuplicate(a, e, why, value))
        index.add(p)
    return sorted(out, key=lambda d: (keep_order(d.a), keep_order(d.b)))


def person_groups(experts: Iterable) -> dict[int, int]:
    """Expert id → the id of its person (the smallest id among the experts that are, directly or
    through another, the same person); an expert alone is its own person."""
    experts = list(experts)
    parent = {e.id: e.id for e in experts}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in suspected_duplicates(experts):
        ra, rb = find(d.a.id), find(d.b.id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {e.id: find(e.id) for e in experts}


def list_duplicates(store) -> list[SuspectedDuplicate]:
    """The roster's suspected duplicates (for ``roster list`` and the roster page)."""
    from .experts import list_experts
    return suspected_duplicates(list_experts(store))
