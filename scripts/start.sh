#!/usr/bin/env bash
# README command 1: install what is missing, then start the portal with the example mesh:
# backend on http://localhost:7007, frontend on http://localhost:3000 (guest sign-in),
# data in SQLite files under .data/ (kept across restarts).
# Extra arguments go to `backstage-cli repo start` (e.g. --config ../../app-config.local.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/install.sh
exec yarn start "$@"
