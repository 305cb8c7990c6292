"""Locate the shipped `resources/` folder (source checkout, installed data, or frozen app)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding guide catalogs, fonts, translations, icons.

    Order: $NN_REVIEW_RESOURCES, a PyInstaller bundle, the source checkout
    (editable installs), then <prefix>/share/nn_review/resources.
    """
    candidates: list[Path] = []
    env = os.environ.get("NN_REVIEW_RESOURCES")
    if env:
        candidates.append(Path(env))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "nn_review" / "resources")
    for c in candidates:
        if (c / "guides").is_dir():
            return c
    raise FileNotFoundError("resources/ folder not found; tried: " + ", ".join(map(str, candidates)))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
