#!/usr/bin/env bash
# Smoke test of the built Linux bundle, with nothing but the bundle's own program:
#
#   bash installer/linux/smoke.sh [BUNDLE_DIR]        (default: dist/nn-review)
#
#  1. nn-review --version prints the version of nn_review/__init__.py and the build date;
#     the bundled PySide6 is the pinned one; the newest glibc symbol any bundled binary needs
#     (NN_REVIEW_MAX_GLIBC=2.28: fail above that — the UOS 20 / Kylin V10 target)
#  2. GUI, headless (QT_QPA_PLATFORM=offscreen), fresh HOME/XDG dirs: --demo --smoke-exit
#     creates the demo store, shows the main window and exits 0 — timed cold (demo store
#     created) and warm; then once more in English (--lang en) to see the .qm is bundled
#  3. the bundle's CLI: demo packages → --store S session create → session import → checks
#  4. a file opened like a double-click does: nn-review --store S --smoke-exit FILE.nnpkg
#  5. installer/check_iss.py: every path of the Windows installer script exists in the bundle
#  6. install.sh into a temporary HOME (menu entry, MIME types, icons), the installed program
#     runs, install.sh --uninstall removes it and leaves the review data
# Prints the bundle size and the start times; exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
B=$(cd "${1:-dist/nn-review}" && pwd)
EXE="$B/nn-review"
[ -x "$EXE" ] || { echo "smoke: no bundle at $B (run installer/linux/build.sh)" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache"
export XDG_RUNTIME_DIR="$T/run" NN_REVIEW_KEYRING=file NN_REVIEW_KEY_DIR="$T/keys"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV NN_REVIEW_RESOURCES

step() { echo "smoke: $*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# 1. version -------------------------------------------------------------------------------------
want=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' nn_review/__init__.py)
got=$("$EXE" --version)
step "--version → $got"
case "$got" in "nn-review $want (build "*) ;; *) fail "--version printed '$got', expected 'nn-review $want (build …)'" ;; esac

# 1b. the pinned Qt binding, and the newest glibc any bundled binary asks for -------------------------
pin=$(sed -n 's/^ *"PySide6==\([0-9][0-9.]*\)".*/\1/p' pyproject.toml)
qt=$(sed -n 's/.*"qt_version": *"\([^"]*\)".*/\1/p' "$B/_internal/resources/build-info.json")
[ -z "$pin" ] || [ "$qt" = "$pin" ] || fail "bundle has PySide6 $qt, pyproject.toml pins $pin (README, \"Qt binding\")"
if command -v objdump >/dev/null; then
  glibc=$(find "$B" -type f \( -name '*.so*' -o -perm -u+x \) -print0 | xargs -0 objdump -T 2>/dev/null \
          | grep -o 'GLIBC_[0-9][0-9.]*' | sort -u -V | tail -1 || true)  # non-ELF files: objdump complains
  step "PySide6 $qt; the bundle needs ${glibc:-?} (${NN_REVIEW_MAX_GLIBC:+at most GLIBC_$NN_REVIEW_MAX_GLIBC wanted})"
  if [ -n "${NN_REVIEW_MAX_GLIBC:-}" ] && [ -n "$glibc" ]; then
    newest=$(printf '%s\n' "GLIBC_$NN_REVIEW_MAX_GLIBC" "$glibc" | sort -V | tail -1)
    [ "$newest" = "GLIBC_$NN_REVIEW_MAX_GLIBC" ] || fail "the bundle needs $glibc, more than GLIBC_$NN_REVIEW_MAX_GLIBC"
  fi
fi

# 2. GUI on the demo store, headless ----------------------------------------------------------------
export QT_QPA_PLATFORM=offscreen
t0=$(now); out=$("$EXE" --demo --smoke-exit 2>"$T/gui.err") || { cat "$T/gui.err" >&2; fail "demo start"; }; t1=$(now)
echo "$out" | grep -q "smoke exit" || fail "demo start printed: $out"
cold=$(secs "$t0" "$t1")
[ -f "$XDG_DATA_HOME/nn-review/demo-store/store.sqlite" ] || fail "no demo store in $XDG_DATA_HOME/nn-review"
t0=$(now); out=$("$EXE" --demo --smoke-exit 2>"$T/gui.err") || { cat "$T/gui.err" >&2; fail "warm demo start"; }; t1=$(now)
warm=$(secs "$t0" "$t1")
shown=$(echo "$out" | sed -n 's/.*window shown \([0-9.]*\) s after.*/\1/p')
step "demo store, main window shown and closed: first start ${cold} s (creates the demo store), next ${warm} s"
out=$("$EXE" --demo --lang en --smoke-exit 2>"$T/gui.err") || { cat "$T/gui.err" >&2; fail "English start"; }
echo "$out" | grep -q "title: Nanning" || fail "English UI not loaded: $out"
step "English UI: ${out#*title: }"

# 3. the bundle's CLI ---------------------------------------------------------------------------------
S="$T/store"
"$EXE" demo packages "$T/pkgs" --valid-only >/dev/null || fail "demo packages"
pkg=$(ls "$T/pkgs"/*.nnpkg | head -1)
"$EXE" --store "$S" session create "冒烟测试批次" || fail "session create"
"$EXE" --store "$S" session import "$pkg" || fail "session import $pkg"
rc=0; "$EXE" --store "$S" session checks >/dev/null || rc=$?
[ "$rc" -le 1 ] || fail "session checks exit $rc"
"$EXE" --store "$S" session list | grep -q "1 个申报包" || fail "session list does not show the package"
step "CLI: session created, $(basename "$pkg") imported and checked"

# 4. a double-clicked file -------------------------------------------------------------------------------
second=$(ls "$T/pkgs"/*.nnpkg | sed -n 2p)
out=$("$EXE" --store "$S" --smoke-exit "$second" 2>"$T/gui.err") || { cat "$T/gui.err" >&2; fail "open $second"; }
"$EXE" --store "$S" session list | grep -q "2 个申报包" || fail "opening $(basename "$second") did not import it"
step "GUI: $(basename "$second") opened on the command line and imported"
unset QT_QPA_PLATFORM

# 5. the Windows installer's references -------------------------------------------------------------------
PY=$(command -v python3 || echo .venv/bin/python)
"$PY" installer/check_iss.py --bundle "$B" || fail "installer/windows/nn_review.iss references missing files"

# 6. install.sh round trip ---------------------------------------------------------------------------------
sh "$B/install.sh" >/dev/null || fail "install.sh"
"$HOME/.local/opt/nn-review/nn-review" --version >/dev/null || fail "installed program does not run"
for f in "$XDG_DATA_HOME/applications/nn-review.desktop" "$XDG_DATA_HOME/mime/packages/nn-review.xml" \
         "$XDG_DATA_HOME/icons/hicolor/48x48/apps/nn-review.png" \
         "$XDG_DATA_HOME/icons/hicolor/scalable/mimetypes/application-x-nn-review-bundle.svg"; do
  [ -f "$f" ] || fail "install.sh did not write $f"
done
if command -v update-mime-database >/dev/null; then
  grep -q "application/x-nn-review-package:\*.nnpkg" "$XDG_DATA_HOME/mime/globs2" || fail "MIME database has no *.nnpkg"
  grep -q "application/x-nn-review-bundle" "$XDG_DATA_HOME/mime/magic" || fail "MIME database has no NNRB magic"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$XDG_DATA_HOME/applications/nn-review.desktop" || fail "desktop file"
fi
sh "$B/install.sh" --uninstall >/dev/null || fail "install.sh --uninstall"
[ ! -e "$HOME/.local/opt/nn-review" ] && [ ! -e "$XDG_DATA_HOME/applications/nn-review.desktop" ] || fail "uninstall left the program"
[ -f "$XDG_DATA_HOME/nn-review/demo-store/store.sqlite" ] || fail "uninstall removed the review data"
step "install.sh: installed, ran, uninstalled; review data kept"

size=$(du -sh "$B" | cut -f1)
tarball=$(ls dist/nn-review-*-linux-*.tar.gz 2>/dev/null | head -1 || true)
step "bundle $size on disk ($(find "$B" -type f | wc -l) files)${tarball:+, tarball $(du -h "$tarball" | cut -f1)}"
step "start: main window shown ${shown:-?} s after the process started; start to exit ${warm} s (first start with demo store creation: ${cold} s)"
step "OK"
