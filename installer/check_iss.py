"""Check the Inno Setup script against a built bundle: every file it takes from the bundle at
compile time, and every ``{app}\\…`` path it refers to after installation (shortcuts, icons of
the file types, association commands, the uninstall icon), must exist.

    python installer/check_iss.py [--iss installer/windows/nn_review.iss] [--bundle dist/nn-review]

The script cannot be compiled on Linux, but the bundle has the same layout on both systems:
``nn-review.exe`` is looked up as ``nn-review`` in a Linux bundle. Exit 0 when all is there,
1 with the list of what is missing. Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ISS = ROOT / "installer" / "windows" / "nn_review.iss"

_PARAM = re.compile(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)(?:;|$)')


@dataclass
class Iss:
    path: Path
    defines: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)

    def entries(self, section: str) -> list[dict[str, str]]:
        out = []
        for line in self.sections.get(section.lower(), []):
            params = {}
            for m in _PARAM.finditer(line):
                v = m.group(2).strip()
                if v.startswith('"') and v.endswith('"'):
                    v = v[1:-1].replace('""', '"')
                params[m.group(1).lower()] = v
            out.append(params)
        return out

    def setup(self) -> dict[str, str]:
        out = {}
        for line in self.sections.get("setup", []):
            if "=" in line:
                k, v = line.split("=", 1)
                out[k.strip().lower()] = v.strip()
        return out


def parse(path: Path) -> Iss:
    iss = Iss(path)
    text = path.read_text(encoding="utf-8-sig")
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("//"):
            continue
        m = re.match(r'#define\s+(\w+)\s+"([^"]*)"', line)
        if m:
            iss.defines.setdefault(m.group(1), m.group(2))  # first definition wins (#ifndef defaults)
            continue
        if line.startswith("#"):
            continue
        m = re.match(r"\[(\w+)\]$", line)
        if m:
            section = m.group(1).lower()
            iss.sections.setdefault(section, [])
            if section == "code":
                break
            continue
        if section:
            iss.sections[section].append(_expand(line, iss.defines))
    return iss


def _expand(text: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), text)


def _app_paths(value: str) -> list[str]:
    r"""The ``{app}\…`` paths in a value (quoted or not; a trailing ``,0`` icon index dropped)."""
    out = []
    for m in re.finditer(r'\{app\}\\([^"]+?)(?:,\d+)?(?="|$)', value):
        out.append(m.group(1))
    return out


def _in_bundle(bundle: Path, rel_win: str) -> Path | None:
    """The bundle file for a Windows-style relative path (``.exe`` optional on Linux)."""
    rel = Path(*PureWindowsPath(rel_win).parts)
    p = bundle / rel
    if p.exists():
        return p
    if p.suffix.lower() == ".exe" and p.with_suffix("").exists():
        return p.with_suffix("")
    return None


def check(iss_path: Path, bundle: Path) -> tuple[list[str], list[str]]:
    """(checked, problems)"""
    iss = parse(iss_path)
    base = iss_path.parent
    bundle_define = iss.defines.get("BundleDir")
    checked: list[str] = []
    problems: list[str] = []

    def compile_source(src: str) -> Path:
        # Sources are relative to the .iss; those under BundleDir are checked in the given bundle.
        if bundle_define and src.startswith(bundle_define):
            return bundle / Path(*PureWindowsPath(src[len(bundle_define):].lstrip("\\")).parts)
        return base / Path(*PureWindowsPath(src).parts)

    setup = iss.setup()
    for key in ("setupiconfile", "licensefile", "infobeforefile", "infoafterfile"):
        if key in setup:
            p = compile_source(setup[key])
            checked.append(f"[Setup] {key} → {p}")
            if not p.is_file():
                problems.append(f"[Setup] {key}: {p} does not exist")

    dest_dirs: list[tuple[str, Path]] = []  # (DestDir under {app}, bundle folder it comes from)
    for e in iss.entries("Files"):
        src = e.get("source", "")
        p = compile_source(src)
        checked.append(f"[Files] {src} → {p}")
        if "*" in p.name:
            folder = p.parent
            if not folder.is_dir() or not any(folder.glob(p.name)):
                problems.append(f"[Files] {src}: nothing matches {p}")
            elif "recursesubdirs" in e.get("flags", ""):
                dest = e.get("destdir", "")
                dest_dirs.append((dest, folder))
        else:
            q = p if p.exists() else (p.with_suffix("") if p.suffix.lower() == ".exe" else p)
            if not q.is_file():
                problems.append(f"[Files] {src}: {p} does not exist")
            dest_dirs.append((e.get("destdir", ""), q.parent))

    def installed(rel: str, where: str) -> None:
        checked.append(f"{where} {{app}}\\{rel}")
        if _in_bundle(bundle, rel) is None:
            problems.append(f"{where}: {{app}}\\{rel} is not in the bundle ({bundle})")
            return
        # …and some [Files] entry installs it there.
        target = "{app}\\" + rel
        if not any(target.lower().startswith(d.lower().rstrip("\\") + "\\") for d, _ in dest_dirs):
            problems.append(f"{where}: no [Files] entry installs {target}")

    if "uninstalldisplayicon" in setup:
        for rel in _app_paths(setup["uninstalldisplayicon"]):
            installed(rel, "[Setup] UninstallDisplayIcon")
    for section, keys in (("Icons", ("filename", "iconfilename")), ("Run", ("filename",)),
                          ("Registry", ("valuedata",))):
        for e in iss.entries(section):
            for k in keys:
                for rel in _app_paths(e.get(k, "")):
                    installed(rel, f"[{section}] {k}")
    return checked, problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--iss", type=Path, default=DEFAULT_ISS)
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "nn-review")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    if not a.bundle.is_dir():
        print(f"no bundle at {a.bundle} (build it first)", file=sys.stderr)
        return 1
    checked, problems = check(a.iss, a.bundle)
    if a.verbose:
        print("\n".join(checked))
    for p in problems:
        print("MISSING " + p, file=sys.stderr)
    print(f"check_iss: {len(checked)} references checked, {len(problems)} missing")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
