"""Schema v7: band-mode grade points stored exactly (issue 13).

Up to v6 ``grades.points`` was a FLOAT and read back with ``Decimal(repr(float))``. v7 adds
``grades.points_text`` — the decimal text exactly as the expert's signed score file gave it —
fills it for existing rows and drops the float column:

* preferred: the verbatim point string of the same review in ``score_imports.reviews_json`` of
  the revision the grade row came from (same expert, application, criterion and revision),
  taken only where it equals the stored float (so a file that does not match is never trusted);
* otherwise the float's shortest repr as a plain decimal without trailing zeros
  (``87.35`` → ``"87.35"``, ``80.0`` → ``"80"``).

The pre-upgrade copy ``store.sqlite.v6.bak`` (kept by the runner) still holds the floats.

Frozen: never edit a released migration; add a new one."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal, InvalidOperation


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _verbatim_points(conn: sqlite3.Connection) -> dict[tuple[int, int, str, int], str]:
    """(expert id, application pk, criterion, revision) → point string as imported."""
    out: dict[tuple[int, int, str, int], str] = {}
    rows = conn.execute(
        "SELECT si.expert_id, si.revision, si.reviews_json, b.applications_json FROM score_imports si "
        "JOIN bundles b ON b.bundle_id = si.bundle_id ORDER BY si.id").fetchall()
    for expert_id, revision, reviews_json, apps_json in rows:
        try:
            pks = {a["application_id"]: a["pk"] for a in json.loads(apps_json)}
            reviews = json.loads(reviews_json)
            for r in reviews:
                pk = pks.get(r.get("application_id"))
                for cid, g in (r.get("grades") or {}).items():
                    pts = g.get("points") if isinstance(g, dict) else None
                    if pk is not None and isinstance(pts, str):
                        out[(expert_id, pk, cid, revision)] = pts
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # an unreadable record: its grades fall back to the float
    return out


def _exact(points: float, verbatim: str | None) -> str:
    if verbatim is not None:
        try:
            if float(Decimal(verbatim)) == points:
                return verbatim
        except (InvalidOperation, ValueError):
            pass
    return _plain(Decimal(repr(points)))


def upgrade(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE grades ADD COLUMN points_text VARCHAR(32)")
    verbatim = _verbatim_points(conn)
    rows = conn.execute("SELECT id, expert_id, application_pk, criterion, revision, points FROM grades "
                        "WHERE points IS NOT NULL").fetchall()
    for gid, eid, pk, cid, rev, pts in rows:
        conn.execute("UPDATE grades SET points_text = ? WHERE id = ?",
                     (_exact(float(pts), verbatim.get((eid, pk, cid, rev))), gid))
    conn.execute("ALTER TABLE grades DROP COLUMN points")
