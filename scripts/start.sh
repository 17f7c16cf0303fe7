#!/usr/bin/env bash
# README command 1: install what is missing, then start the portal with the example mesh:
# backend on http://localhost:7007, frontend on http://localhost:3000 (guest sign-in),
# data in SQLite files under .data/ (kept across restarts).
# Without --config it loads app-config.yaml, then app-config.development.yaml (sign-in, demo
# pipeline token), then app-config.local.yaml when there is one. Other arguments go to
# `backstage-cli repo start` (config paths are relative to packages/backend and packages/app).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/install.sh
if [[ " $* " != *" --config "* ]]; then
  set -- --config ../../app-config.yaml --config ../../app-config.development.yaml "$@"
  [ -f app-config.local.yaml ] && set -- "$@" --config ../../app-config.local.yaml
fi
exec yarn start "$@"
