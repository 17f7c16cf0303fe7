#!/usr/bin/env bash
# README command 1: install what is missing, then start the portal with the example mesh:
# backend on http://localhost:7007, frontend on http://localhost:3000 (guest sign-in),
# data in SQLite files under .data/ (kept across restarts).
# Extra arguments go to `backstage-cli repo start` (e.g. --config ../../app-config.local.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/install.sh
# The example products' pipelines: their data, rewritten as of now every five minutes into
# .data/example-data, where app-config.yaml's `local` server reads it (examples/generate-data.ts).
export DATA_MESH_EXAMPLE_DATA="$PWD/.data/example-data"
node --require @backstage/cli/config/nodeTransform.cjs examples/generate-data.ts \
  --out "$DATA_MESH_EXAMPLE_DATA" --every 300 &
exec yarn start "$@"
