#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, then lint, types, tests.
#   bash scripts/test.sh            (extra arguments go to pytest, e.g. -k store)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_venv dev
setup_web_assets
setup_browser || echo "note: no headless Chromium; browser tests will be skipped" >&2

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
workers=$(python3 -c 'import os; print(min(4, os.cpu_count() or 1))')
.venv/bin/pytest -n "$workers" -p no:cacheprovider "$@"
