"""Where stores live by default (per-user data directory)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP = "nn-review"


def data_root() -> Path:
    return user_data_path(APP, appauthor=False)


def default_store() -> Path:
    return data_root() / "store"


def demo_store() -> Path:
    return data_root() / "demo-store"
