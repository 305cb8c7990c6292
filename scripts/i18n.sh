#!/usr/bin/env bash
# Refresh the translation source from ui/ (after changing UI strings), then build the .qm files.
#   bash scripts/i18n.sh          update resources/translations/*.ts and compile them
#   bash scripts/i18n.sh --build  only compile (.qm files are build products, not committed)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
if [ "${1:-}" != "--build" ]; then
  # every module under ui/, sub-packages (ui/expert/…) included; tests/test_translations.py does the same
  "$BIN/pyside6-lupdate" $(find ui -name "*.py" | sort) -source-language zh_CN -target-language en -no-obsolete \
    -ts resources/translations/nn_review_en.ts
fi
for ts in resources/translations/*.ts; do
  "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
