#!/usr/bin/env bash
# Install what nn_review needs on Debian/Ubuntu (system packages when root or via sudo),
# then a virtual environment in .venv with the app and its test tools. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3 python3-venv python3-pip xvfb xauth fonts-noto-cjk fonts-wqy-microhei poppler-utils
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6
  softhsm2)  # softhsm2: a software PKCS#11 token, for the UKey signing tests

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# The Qt binding is pinned exactly (pyproject.toml; README, "Qt binding"). Wheels of any other
# PySide6 release go first: 6.12 splits QtPdf/QtWebEngine into wheels of their own whose files
# overlap the pinned PySide6_Addons, and a plain downgrade would leave them behind.
PIN=$(sed -n 's/^ *"PySide6==\([0-9][0-9.]*\)".*/\1/p' pyproject.toml)
stale=$(.venv/bin/python - "$PIN" <<'PYEOF'
import sys
from importlib import metadata
for d in metadata.distributions():
    name = d.metadata["Name"] or ""
    if name.lower().replace("-", "_").startswith(("pyside6", "shiboken6")) and d.version != sys.argv[1]:
        print(name)
PYEOF
)
if [ -n "$stale" ]; then
  echo "Replacing Qt binding wheels other than PySide6 $PIN:" $stale
  .venv/bin/python -m pip uninstall -q -y $stale
fi
.venv/bin/python -m pip install -q -e ".[dev]"
bash scripts/i18n.sh --build  # English UI: .ts → .qm
