"""One expert edited in the app (issue 15 item 13): add, edit, deactivate, reactivate.

The same validation as a row of the Excel import (``xlsx.parse_row``: required name and unit,
GB 32100 credit code, e-mail and phone forms, hidden characters, lengths); a refusal is a
``RosterEditError`` naming the column, what was wrong and what was expected, and nothing is
written. Each call is one write transaction with one audit event.

Deactivated (停用) experts stay in the roster (their past reviews, panels and key pins refer to
them) but are never drawn nor added to a panel (``experts.active``, schema v8); each change is
audited as ``roster.expert_deactivate`` / ``roster.expert_activate`` with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy import select

from ..changes import operation
from ..i18n import M, Msg
from ..store import Store
from ..store.models import Expert
from .errors import RosterError
from .identity import Person, reason_msg, same_person
from .experts import ACTIVATE, DEACTIVATE, ExpertInfo, expert_info
from .sheet_cells import Cell
from .xlsx import HEADER_OF, apply_values, parse_row  # one validation for the workbook row and the dialog

FIELDS = ("roster_key", "name", "unit", "credit_code", "title", "fields", "phone", "email", "avoid_units",
          "avoid_persons")
_LIST_FIELDS = {"fields", "avoid_units", "avoid_persons"}


class RosterEditError(RosterError):
    """A refused edit: ``field`` is the value's key (see FIELDS), ``column`` its header as in the
    workbook, ``message`` what was wrong, ``expected`` what is expected. ``str(e)`` is Chinese
    (the CLI); ``e.msg`` the same for the GUI in its language (nn_review.i18n: the problem and
    expectation of a workbook-row check are passed on as they are worded there)."""

    def __init__(self, field: str, message: str | Msg, expected: str | Msg = ""):
        self.field, self.column = field, HEADER_OF.get(field, field)
        self.message, self.expected = (m.render("zh_CN") if isinstance(m, Msg) else str(m) for m in (message, expected))
        column = M(f"roster_edit.col.{field}") if field in FIELDS else field
        self.msg = (M("roster_edit.refused", column=column, problem=message, expected=expected) if expected
                    else M("roster_edit.refused_plain", column=column, problem=message))
        super().__init__(f"“{self.column}”：{self.message}" + (f"；应为：{self.expected}" if expected else ""))


def _cells(values: Mapping[str, object]) -> dict[str, Cell]:
    """The values as the workbook reader's cells (lists joined as a secretary would type them)."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise RosterEditError(unknown[0], M("roster_edit.unknown_field"),
                              M("roster_edit.fields", fields=[M(f"roster_edit.col.{k}") for k in FIELDS]))
    out = {}
    for key, v in values.items():
        if isinstance(v, (list, tuple)):
            v = "；".join(str(x) for x in v)
        out[key] = Cell(None if v is None or v == "" else str(v))
    return out


def _validated(values: Mapping[str, object]) -> dict:
    cells = _cells(values)
    columns = {key: i for i, key in enumerate(cells)}
    parsed, errors = parse_row(0, cells, columns)
    if errors:
        e = errors[0]
        key = next(k for k, h in HEADER_OF.items() if h == e.column)
        if e.msg is not None and e.expected_msg is not None and "cell" not in e.msg.params:
            raise RosterEditError(key, e.msg, e.expected_msg)  # both languages (issue 20: the phone forms)
        # the workbook's message names a cell ("单元格 A0"): a form field has none
        raise RosterEditError(key, re.sub(r"^单元格 [A-Z]+\d+ ?", "", e.message), e.expected)
    return parsed


def _row(s, ref: int | str) -> Expert:
    e = s.get(Expert, ref) if isinstance(ref, int) else s.scalar(select(Expert).where(Expert.roster_key == ref))
    if e is None:
        raise RosterEditError("roster_key", M("roster_edit.missing", ref=str(ref)), M("roster_edit.missing.todo"))
    return e


def _info(s, e: Expert) -> ExpertInfo:
    return expert_info(e)


def _snapshot(e: Expert) -> dict:
    info = expert_info(e)
    return {"name": info.name, "unit": info.unit, "credit_code": info.unit_credit_code, "title": info.title,
            "fields": info.fields, "phone": info.phone, "email": info.email, "avoid_units": info.avoid_units,
            "avoid_persons": info.avoid_persons}


@operation
def add_expert(store: Store, values: Mapping[str, object]) -> ExpertInfo:
    """A new expert from the form's values (keys of FIELDS; 专家编号 left blank is derived as on import)."""
    v = _validated({k: values.get(k, "") for k in FIELDS} | dict(values))
    with store.write() as s:
        other = s.scalar(select(Expert).where(Expert.roster_key == v["roster_key"]))
        if other is not None:
            raise RosterEditError("roster_key", M("roster_edit.key_taken", rkey=v["roster_key"], name=other.name,
                                                  unit=other.unit), M("roster_edit.key_taken.todo"))
        me = Person.of(None, v["name"], v.get("phone"), v.get("email"), v["unit"])
        # one person, one expert (issue 20): plain tuples, a roster may hold tens of thousands
        for oid, okey, oname, ophone, oemail, ounit in s.execute(select(
                Expert.id, Expert.roster_key, Expert.name, Expert.phone, Expert.email, Expert.unit)):
            if why := same_person(me, Person.of(oid, oname, ophone, oemail, ounit)):
                raise RosterEditError("name", M("person.add_same", name=v["name"], rkey=f"{okey} {oname}",
                                                why=reason_msg(why)), M("person.add_same.todo"))
        e = Expert(roster_key=v["roster_key"], name="", unit="", title="", phone="", email="")
        e.fields, e.standing_conflicts = [], []
        apply_values(e, v)
        s.add(e)
        s.flush()
        store.audit(s, "roster.expert_add", None, expert_id=e.id, roster_key=e.roster_key, values=_snapshot(e))
        return _info(s, e)


@operation
def update_expert(store: Store, ref: int | str, values: Mapping[str, object]) -> ExpertInfo:
    """Change the given values of one expert (by id or 专家编号); the others stay as they are.
    The 专家编号 is the key re-imports match on: it cannot change here."""
    with store.write() as s:
        e = _row(s, ref)
        if "roster_key" in values and str(values["roster_key"] or "").strip() not in ("", e.roster_key):
            raise RosterEditError("roster_key", M("roster_edit.key_fixed"), M("roster_edit.key_fixed.todo", rkey=e.roster_key))
        current = _snapshot(e)
        merged = {k: current[k] for k in ("name", "unit")} | {k: v for k, v in values.items() if k != "roster_key"}
        v = _validated(merged | {"roster_key": e.roster_key})
        before = _snapshot(e)
        _refuse_new_twin(s, e, v)
        if not apply_values(e, v):
            return _info(s, e)  # nothing changed: no write, no audit event
        after = _snapshot(e)
        changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
        store.audit(s, "roster.expert_edit", None, expert_id=e.id, roster_key=e.roster_key, changed=changed)
        return _info(s, e)


def _refuse_new_twin(s, e: Expert, v: dict) -> None:
    """One person, one expert (issue 20): an edit may not make ``e`` the same person as another expert
    it is not already (a pair the roster already holds is listed as a suspected duplicate, to merge)."""
    old = Person.of(e.id, e.name, e.phone, e.email, e.unit)
    new = Person.of(e.id, v["name"], v["phone"] if "phone" in v else e.phone,
                    v["email"] if "email" in v else e.email, v["unit"])
    if (new.name, new.phone, new.email, new.unit) == (old.name, old.phone, old.email, old.unit):
        return
    for oid, okey, oname, ophone, oemail, ounit in s.execute(select(
            Expert.id, Expert.roster_key, Expert.name, Expert.phone, Expert.email, Expert.unit).where(Expert.id != e.id)):
        other = Person.of(oid, oname, ophone, oemail, ounit)
        if (why := same_person(new, other)) and not same_person(old, other):
            raise RosterEditError("name", M("person.edit_twin", rkey=f"{e.roster_key} {e.name}", other=f"{okey} {oname}",
                                            why=reason_msg(why)), M("person.exp.twin"))


@operation
def set_expert_active(store: Store, ref: int | str, active: bool, reason: str = "") -> ExpertInfo:
    """Deactivate (停用: not drawn, not added to panels) or reactivate one expert, audited."""
    with store.write() as s:
        e = _row(s, ref)
        if e.active == active:
            raise RosterEditError("roster_key", M("roster_edit.state_active" if active else "roster_edit.state_inactive",
                                                  name=e.name, rkey=e.roster_key), M("roster_edit.state.todo"))
        store.audit(s, ACTIVATE if active else DEACTIVATE, None, expert_id=e.id, roster_key=e.roster_key,
                    name=e.name, reason=(reason or "").strip())
        e.active = active
        return expert_info(e)
