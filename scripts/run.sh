#!/usr/bin/env bash
# Install (first time) and start nn_review. Arguments go to the app, e.g. --demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/nn-review "$@"
