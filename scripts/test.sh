#!/usr/bin/env bash
# Install (first time) and run the whole test suite headless (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
if [ "${NN_REVIEW_BUILD_BUNDLE:-0}" != 1 ]; then
  exec .venv/bin/python -m pytest -q "$@"
fi
# NN_REVIEW_BUILD_BUNDLE=1 (CI): after the tests pass, build the Linux bundle and smoke-test it
# (installer/README.md). pytest's summary is repeated as the last line of the run.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
.venv/bin/python -m pytest -q "$@" | tee "$log"
bash installer/linux/build.sh
bash installer/linux/smoke.sh
tail -n 1 "$log"
