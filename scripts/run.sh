#!/usr/bin/env bash
# The main job, from a fresh clone: install, ingest ../shared/seeds, serve on 127.0.0.1.
#   bash scripts/run.sh [PORT]        (default 8000; the store goes to data/store)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_venv
setup_web_assets
export STANCEGRAPH_STORE="${STANCEGRAPH_STORE:-data/store}"
.venv/bin/stancegraph ingest ../shared/seeds
.venv/bin/stancegraph stats
exec .venv/bin/stancegraph serve --host 127.0.0.1 --port "${1:-8000}"
