"""What build is running: the version (single source: ``nn_review.__version__``) and, in a bundle,
the build date and platform written by ``installer/nn_review.spec`` into ``resources/build-info.json``.

A source checkout has no such file: its build date is "development"."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import lru_cache

from . import __version__

BUILD_INFO_FILE = "build-info.json"
DEVELOPMENT = "development"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    build_date: str          # ISO date (UTC) of the bundle build, or "development"
    platform: str            # e.g. "linux-x86_64", "windows-amd64"; "" from source
    frozen: bool             # running from a PyInstaller bundle
    qt_version: str = ""     # the Qt the bundle was built with (empty from source)

    @property
    def is_development(self) -> bool:
        return self.build_date == DEVELOPMENT


@lru_cache(maxsize=1)
def build_info_data() -> dict:
    """The raw ``build-info.json`` of a bundle ({} from source)."""
    from .resources import resource
    try:
        p = resource(BUILD_INFO_FILE)
        if p.is_file():
            data = json.loads(p.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        pass
    return {}


def build_info() -> BuildInfo:
    frozen = bool(getattr(sys, "frozen", False))
    data = build_info_data()
    return BuildInfo(version=__version__, build_date=str(data.get("build_date") or DEVELOPMENT),
                     platform=str(data.get("platform") or ""), frozen=frozen,
                     qt_version=str(data.get("qt_version") or ""))


def version_text() -> str:
    """What ``nn-review --version`` prints."""
    b = build_info()
    text = f"nn-review {b.version}"
    if not b.is_development:
        text += f" (build {b.build_date}{', ' + b.platform if b.platform else ''})"
    return text
