"""Guide editions held by a store: built-in ones are added on open; secretaries may import more."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..guide import Guide, GuideError, builtin_guide_files, load_guide, parse_guide
from ..store import Store
from ..store.models import GuideEdition, ReviewSession
from ..changes import operation

_cache: dict[str, Guide] = {}


@dataclass(frozen=True)
class EditionInfo:
    id: int
    edition: str
    version: str
    title: str
    items: int
    sha256: str


def _add(store: Store, s, guide: Guide, raw: bytes) -> GuideEdition:
    row = GuideEdition(edition=guide.edition, version=guide.version, title=guide.title,
                       sha256=guide.sha256, content_json=raw.decode("utf-8-sig"))
    s.add(row)
    s.flush()
    store.audit(s, "guide.import", edition=guide.edition, version=guide.version, sha256=guide.sha256)
    return row


@operation
def ensure_builtin_guides(store: Store) -> None:
    with store.write() as s:
        known = set(s.scalars(select(GuideEdition.sha256)))
        for path in builtin_guide_files():
            raw = path.read_bytes()
            if hashlib.sha256(raw).hexdigest() in known:
                continue
            guide = load_guide(path)
            clash = s.scalar(select(GuideEdition).where(GuideEdition.edition == guide.edition,
                                                        GuideEdition.version == guide.version))
            if clash is None:  # a changed built-in file without a version bump is not re-added
                _add(store, s, guide, raw)


@operation
def import_guide(store: Store, path: str | Path) -> EditionInfo:
    """Add an edition file; refuses invalid files and a changed file reusing a version number."""
    path = Path(path)
    guide = load_guide(path)  # raises GuideError with the JSON path
    raw = path.read_bytes()
    with store.write() as s:
        if s.scalar(select(GuideEdition).where(GuideEdition.sha256 == guide.sha256)):
            raise GuideError(str(path), "$", "该指南文件已导入")
        if s.scalar(select(GuideEdition).where(GuideEdition.edition == guide.edition,
                                               GuideEdition.version == guide.version)):
            raise GuideError(str(path), "$.version",
                             f"版本 {guide.edition} v{guide.version} 已存在且内容不同；修改后的指南须提高 version")
        row = _add(store, s, guide, raw)
        return EditionInfo(row.id, row.edition, row.version, row.title, len(guide.items), row.sha256)


def list_editions(store: Store) -> list[EditionInfo]:
    with store.read() as s:
        rows = s.scalars(select(GuideEdition).order_by(GuideEdition.edition, GuideEdition.id)).all()
        return [EditionInfo(r.id, r.edition, r.version, r.title, len(json.loads(r.content_json)["items"]), r.sha256)
                for r in rows]


def parse_edition_row(row: GuideEdition) -> Guide:
    """The guide of a stored edition row, parsed once per content hash (the checks and the results share it)."""
    if row.sha256 not in _cache:
        _cache[row.sha256] = parse_guide(json.loads(row.content_json), f"store:{row.edition}", row.sha256)
    return _cache[row.sha256]


def edition_row(s, edition: str, version: str | None = None) -> GuideEdition:
    q = select(GuideEdition).where(GuideEdition.edition == edition)
    if version:
        q = q.where(GuideEdition.version == version)
    row = s.scalars(q.order_by(GuideEdition.id.desc())).first()
    if row is None:
        raise GuideError("store", "$.edition", f"存储中没有指南版本 {edition!r}" + (f" v{version}" if version else ""))
    return row


def get_guide(store: Store, edition: str, version: str | None = None) -> Guide:
    with store.read() as s:
        return parse_edition_row(edition_row(s, edition, version))


def guide_for_session(store: Store, session_id: int) -> Guide:
    with store.read() as s:
        sess = s.get(ReviewSession, session_id)
        return parse_edition_row(sess.guide_edition)


def builtin_guide(edition: str = "nanning-seed") -> Guide:
    """A built-in edition without a store (``package check``)."""
    for path in builtin_guide_files():
        g = load_guide(path)
        if g.edition == edition:
            return g
    raise GuideError("resources/guides", "$.edition", f"没有内置指南版本 {edition!r}")
