"""Core texts with an id and parameters, rendered per language (issue 15 item 12).

The core never imports Qt, so Qt's translator cannot reach the texts it makes (finding
messages, flags, refusal reasons, import summaries...). Instead the core returns a ``Msg``:
a message id and its parameters. ``render(msg, lang)`` looks the id up in the catalogs
(``catalog_*.py`` beside this file: ``CATALOG = {id: (zh, en)}``, ``str.format`` fields)
and formats it. ``str(msg)`` renders in the process language (``set_language``): the GUI sets
it from its UI language at start, the CLI leaves Simplified Chinese.

Parameters may themselves be ``Msg`` (rendered in the same language), lists (joined with the
language's list separator), ``Wan`` (money in 万元), or plain data (names, titles: shown as
they are, in any language). A ``Msg`` is stored as JSON (``to_json``/``from_json``) where the
store keeps a text the user sees later (findings).

User-facing problems (item 8) say first what is wrong and what to do, in plain words; ids,
file paths and technical terms go to ``detail`` (a details line or tooltip): ``Problem``.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

LANGS = ("zh_CN", "en")
_lang = "zh_CN"
_catalog: dict[str, tuple[str, str]] | None = None
_LIST_SEP = {"zh_CN": "、", "en": ", "}


def set_language(lang: str) -> None:
    """The language ``str(msg)`` renders in ('zh_CN' or 'en'; other English variants → 'en')."""
    global _lang
    _lang = "zh_CN" if lang.startswith("zh") else "en"


def language() -> str:
    return _lang


def catalog() -> dict[str, tuple[str, str]]:
    """Every message id → (zh, en), from the ``catalog_*`` modules of this package."""
    global _catalog
    if _catalog is None:
        merged: dict[str, tuple[str, str]] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if not info.name.startswith("catalog_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            for key, pair in module.CATALOG.items():
                if key in merged:
                    raise ValueError(f"message id {key!r} defined twice (second in {info.name})")
                merged[key] = pair
        _catalog = merged
    return _catalog


@dataclass(frozen=True)
class Wan:
    """An amount in 万元, formatted per language (zhfmt.wan in Chinese)."""
    value: Any


@dataclass(frozen=True)
class Msg:
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self)

    def render(self, lang: str | None = None) -> str:
        return render(self, lang)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.key, "params": {k: _param_json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Msg:
        return cls(str(data["id"]), {k: _param_from_json(v) for k, v in dict(data.get("params") or {}).items()})

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def loads(cls, text: str) -> Msg:
        return cls.from_json(json.loads(text))


def M(key: str, **params: Any) -> Msg:
    """Shorthand: ``M("finding.edition_ok")``, ``M("flag.spread", points=12)``."""
    if key not in catalog():
        raise KeyError(f"unknown message id {key!r}: add it to a nn_review/i18n/catalog_*.py")
    return Msg(key, params)


def render(value: Any, lang: str | None = None) -> str:
    """A Msg, a list of them, a Wan or plain data as text in ``lang`` (default: the process language)."""
    lang = "zh_CN" if (lang or _lang).startswith("zh") else "en"
    if isinstance(value, Msg):
        pair = catalog().get(value.key)
        if pair is None:  # a stored message from a newer release: show its id, never crash
            return value.key
        template = pair[0] if lang == "zh_CN" else pair[1]
        params = {k: render(v, lang) for k, v in value.params.items()}
        try:
            return template.format_map(params)
        except (KeyError, IndexError, ValueError):
            return template
    if isinstance(value, (list, tuple)):
        return _LIST_SEP[lang].join(render(v, lang) for v in value)
    if isinstance(value, Wan):
        from ..zhfmt import wan
        text = wan(value.value, unit=False)
        return f"{text} 万元" if lang == "zh_CN" else f"{text} (CNY 10k)"
    if isinstance(value, bool):
        return render(Msg("common.yes" if value else "common.no"), lang)
    if isinstance(value, Decimal):
        return format(value, "f")
    return "" if value is None else str(value)


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Problem:
    """What is wrong (plain words), what to do, and the technical detail for a details line."""
    what: Msg | str
    todo: Msg | str | None = None
    detail: str = ""  # ids, paths, field names, exception text: shown small or in a tooltip

    def render(self, lang: str | None = None) -> str:
        head = render(self.what, lang)
        return head if self.todo is None else f"{head}\n{render(self.todo, lang)}"

    def __str__(self) -> str:
        return self.render()


def _param_json(v: Any) -> Any:
    if isinstance(v, Msg):
        return {"$msg": v.to_json()}
    if isinstance(v, Wan):
        return {"$wan": str(v.value)}
    if isinstance(v, (list, tuple)):
        return [_param_json(x) for x in v]
    if isinstance(v, Decimal):
        return str(v)
    return v


def _param_from_json(v: Any) -> Any:
    if isinstance(v, dict) and "$msg" in v:
        return Msg.from_json(v["$msg"])
    if isinstance(v, dict) and "$wan" in v:
        return Wan(v["$wan"])
    if isinstance(v, list):
        return [_param_from_json(x) for x in v]
    return v


def text_of(exc: BaseException, lang: str | None = None) -> tuple[str, str]:
    """(plain text, detail) of an exception: its ``msg``/``problem`` attribute where the core set
    one, else ``str(exc)`` with no detail."""
    problem = getattr(exc, "problem", None)
    if isinstance(problem, Problem):
        return problem.render(lang), problem.detail
    msg = getattr(exc, "msg", None)
    if isinstance(msg, Msg):
        return render(msg, lang), getattr(exc, "detail", "") or ""
    return str(exc), ""
