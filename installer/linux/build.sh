#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball from this checkout:
#
#   bash installer/linux/build.sh
#     → dist/nn-review/                                   the bundle (run dist/nn-review/nn-review)
#     → dist/nn-review-<version>-linux-<arch>.tar.gz      what users get: unpack, run ./install.sh
#
# Uses the project's .venv (scripts/setup.sh makes it or brings it to the pinned PySide6) and installs
# PyInstaller into it from PyPI (installer/requirements.txt). Translations are compiled first. Build
# on the oldest distribution you support: the bundle needs a glibc at least as new as the build
# machine's and the Qt wheels' (PySide6 6.9: manylinux_2_28 → glibc 2.28, UOS 20 / Kylin V10).
# Interpreter: PYTHON=python3.12 for a fresh .venv makes None/True/False immortal in the bundle
# (README, "Qt binding").
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/setup.sh  # always: it also puts an existing .venv on the pinned PySide6 (README, "Qt binding")
if ! command -v objdump >/dev/null && command -v apt-get >/dev/null; then  # PyInstaller needs binutils
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends binutils >/dev/null
fi
.venv/bin/python -m pip install -q -r installer/requirements.txt
bash scripts/i18n.sh --build

VERSION=$(.venv/bin/python -c "import nn_review; print(nn_review.__version__)")
ARCH=$(uname -m)
NAME="nn-review-$VERSION-linux-$ARCH"
start=$(date +%s)

rm -rf dist/nn-review
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/nn_review.spec

# Desktop integration next to the program; install.sh puts it in place.
B=dist/nn-review
mkdir -p "$B/linux"
cp installer/linux/nn-review.desktop installer/linux/nn-review-mime.xml "$B/linux/"
install -m 755 installer/linux/install.sh "$B/install.sh"
cp installer/linux/README-linux.txt "$B/README.txt"

# Reproducible-ish tarball: sorted names, no owner, mtime of the build.
tar --sort=name --owner=0 --group=0 --numeric-owner -C dist -czf "dist/$NAME.tar.gz" nn-review

echo "bundle:  $B  ($(du -sh "$B" | cut -f1) on disk, $(find "$B" -type f | wc -l) files)"
echo "tarball: dist/$NAME.tar.gz  ($(du -h "dist/$NAME.tar.gz" | cut -f1))"
echo "built in $(( $(date +%s) - start )) s"
