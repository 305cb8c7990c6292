"""Files handed to ``nn-review`` on the command line (double-click through a file association,
"Open with", the Linux ``.desktop`` ``%F``): ``nn-review [options] FILE.nnpkg|FILE.nnrb|FILE.nnscore…``.

argparse cannot mix free file arguments with sub-commands, so the files are taken out of argv
first: every argument before the first sub-command that is not an option (or an option's value)
and names one of our file types. What is left is parsed as usual; the GUI gets the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_SUFFIXES = (".nnpkg",)          # ".zip" is accepted by import, but is not ours to claim
BUNDLE_SUFFIXES = (".nnrb",)
SCORE_SUFFIXES = (".nnscore",)
OPENABLE_SUFFIXES = PACKAGE_SUFFIXES + BUNDLE_SUFFIXES + SCORE_SUFFIXES

# Top-level options that take a value (the value is never a file to open).
_VALUE_OPTIONS = {"--store", "--lang"}


@dataclass
class OpenFiles:
    packages: list[Path] = field(default_factory=list)
    bundles: list[Path] = field(default_factory=list)
    scores: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.packages or self.bundles or self.scores)

    @property
    def all(self) -> list[Path]:
        return self.packages + self.bundles + self.scores


def kind_of(path: Path) -> str | None:
    s = path.suffix.lower()
    if s in PACKAGE_SUFFIXES:
        return "package"
    if s in BUNDLE_SUFFIXES:
        return "bundle"
    if s in SCORE_SUFFIXES:
        return "score"
    return None


def classify(paths) -> OpenFiles:
    out = OpenFiles()
    for p in map(Path, paths):
        {"package": out.packages, "bundle": out.bundles, "score": out.scores}.get(kind_of(p), []).append(p)
    return out


def split_argv(argv: list[str], commands) -> tuple[list[str], list[Path]]:
    """(argv without the files to open, the files in the order given).

    ``commands`` are the sub-command names: nothing after the first of them is touched."""
    rest: list[str] = []
    files: list[Path] = []
    skip_value = False
    for i, a in enumerate(argv):
        if skip_value:
            rest.append(a)
            skip_value = False
            continue
        if a in commands or a == "--":
            rest.extend(argv[i:])
            break
        if a.startswith("-"):
            rest.append(a)
            skip_value = a in _VALUE_OPTIONS  # "--store=DIR" carries its own value
            continue
        if kind_of(Path(a)) is not None:
            files.append(Path(a))
            continue
        rest.append(a)
    return rest, files
