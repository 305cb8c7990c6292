#!/bin/sh
# Install the nn-review bundle this script sits in (the unpacked tarball), with its menu entry,
# icons and the .nnpkg / .nnrb / .nnscore file types.
#
#   ./install.sh                     for the current user, no root needed:
#                                    ~/.local/opt/nn-review, ~/.local/bin/nn-review, ~/.local/share/…
#   sudo ./install.sh --system       for every user: /opt/nn-review, /usr/local/bin, /usr/local/share/…
#   ./install.sh --uninstall [--system]
#                                    remove the program again; the review data (the store in
#                                    ~/.local/share/nn-review) is kept — delete that folder yourself
#                                    only if it is no longer needed.
set -eu

SRC=$(cd "$(dirname "$0")" && pwd)
MODE=user
ACTION=install
for a in "$@"; do
  case "$a" in
    --system) MODE=system ;;
    --uninstall) ACTION=uninstall ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

if [ "$MODE" = system ]; then
  APPDIR=/opt/nn-review
  BINDIR=/usr/local/bin
  DATA=/usr/local/share
else
  APPDIR=${HOME}/.local/opt/nn-review
  BINDIR=${HOME}/.local/bin
  DATA=${XDG_DATA_HOME:-${HOME}/.local/share}
fi

# icon file in the bundle -> freedesktop icon name
ICONS="nn-review:apps/nn-review nnpkg:mimetypes/application-x-nn-review-package
nnrb:mimetypes/application-x-nn-review-bundle nnscore:mimetypes/application-x-nn-review-scores"
SIZES="16 24 32 48 64 128 256"

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

if [ "$ACTION" = uninstall ]; then
  rm -rf "$APPDIR"
  [ -L "$BINDIR/nn-review" ] && rm -f "$BINDIR/nn-review"
  rm -f "$DATA/applications/nn-review.desktop" "$DATA/mime/packages/nn-review.xml"
  for pair in $ICONS; do
    name=${pair#*:}
    for s in $SIZES; do rm -f "$DATA/icons/hicolor/${s}x${s}/$name.png"; done
    rm -f "$DATA/icons/hicolor/scalable/$name.svg"
  done
  refresh
  echo "nn-review removed. Review data kept in ${XDG_DATA_HOME:-$HOME/.local/share}/nn-review"
  exit 0
fi

[ -x "$SRC/nn-review" ] || { echo "run install.sh from the unpacked nn-review folder" >&2; exit 2; }
RES="$SRC/_internal/resources"

# The program: a fresh copy (an update replaces the old version; the store is elsewhere).
if [ "$SRC" != "$APPDIR" ]; then
  mkdir -p "$(dirname "$APPDIR")"
  rm -rf "$APPDIR.new"
  cp -a "$SRC" "$APPDIR.new"
  rm -rf "$APPDIR"
  mv "$APPDIR.new" "$APPDIR"
fi
mkdir -p "$BINDIR"
ln -sfn "$APPDIR/nn-review" "$BINDIR/nn-review"

# Menu entry (absolute Exec: works even when ~/.local/bin is not on PATH).
mkdir -p "$DATA/applications"
sed -e "s|^Exec=.*|Exec=\"$APPDIR/nn-review\" %F|" -e "s|^TryExec=.*|TryExec=$APPDIR/nn-review|" \
  "$SRC/linux/nn-review.desktop" > "$DATA/applications/nn-review.desktop"

# File types and icons.
mkdir -p "$DATA/mime/packages"
cp "$SRC/linux/nn-review-mime.xml" "$DATA/mime/packages/nn-review.xml"
for pair in $ICONS; do
  file=${pair%%:*}
  name=${pair#*:}
  for s in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${s}x${s}/$(dirname "$name")"
    cp "$RES/icons/$file-$s.png" "$DATA/icons/hicolor/${s}x${s}/$name.png"
  done
  mkdir -p "$DATA/icons/hicolor/scalable/$(dirname "$name")"
  cp "$RES/icons/$file.svg" "$DATA/icons/hicolor/scalable/$name.svg"
done
refresh

# Our file types open in nn-review (per user; for --system the desktop's defaults apply).
if [ "$MODE" = user ] && command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default nn-review.desktop application/x-nn-review-package application/x-nn-review-bundle \
    application/x-nn-review-scores >/dev/null 2>&1 || true
fi

echo "nn-review installed in $APPDIR"
echo "  start it from the menu (南宁市科技计划项目评审系统) or with: $BINDIR/nn-review"
case ":$PATH:" in *":$BINDIR:"*) ;; *) echo "  (add $BINDIR to PATH to type just 'nn-review')" ;; esac
