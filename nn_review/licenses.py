"""The bundled components and their licence files (``resources/licenses/components.json``)."""

from __future__ import annotations

import importlib
import importlib.util
import json
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .resources import resource

MANIFEST = "components.json"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str
    files: tuple[Path, ...]
    url: str
    role_zh: str
    role_en: str

    def text(self) -> str:
        """The licence files, one after the other."""
        parts = []
        for f in self.files:
            try:
                parts.append(f.read_text(encoding="utf-8", errors="replace"))
            except OSError as e:
                parts.append(f"[{f.name}: {e}]")
        return ("\n\n" + "=" * 72 + "\n\n").join(parts)


def licenses_dir() -> Path:
    return resource("licenses")


def _installed(module: str | None) -> bool:
    if not module:
        return True
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _version(entry: dict) -> str:
    fixed = entry.get("version")
    if fixed == "python":
        return platform.python_version()
    if fixed:
        return str(fixed)
    dist, module = entry.get("dist"), entry.get("module")
    if dist:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
        from .buildinfo import build_info_data
        v = build_info_data().get("components", {}).get(dist)
        if v:
            return str(v)
    if module:
        try:
            m = importlib.import_module(module)
            v = getattr(m, "__version__", None) or getattr(m, "Version", None)
            if v:
                return str(v)
        except Exception:  # noqa: BLE001 — a version is nice to have, never a reason to fail
            pass
    return ""


def components() -> list[Component]:
    d = licenses_dir()
    data = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    out = []
    for e in data["components"]:
        if e.get("optional") and not _installed(e.get("module")):
            continue
        out.append(Component(name=e["name"], version=_version(e), license=e["license"],
                             files=tuple(d / f for f in e["files"]), url=e.get("url", ""),
                             role_zh=e.get("role_zh", ""), role_en=e.get("role_en", "")))
    return out
