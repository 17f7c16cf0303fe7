#!/usr/bin/env bash
# Installs what is missing: the toolchain (scripts/toolchain.sh) and the dependencies from the
# committed yarn.lock. Safe to run again: a no-op install takes a few seconds.
# Source it, so that `node` and `yarn` stay on PATH for the caller.
DM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=toolchain.sh
. "$DM_ROOT/scripts/toolchain.sh" || return 1 2>/dev/null || exit 1
for tool in python3 make g++; do
  command -v "$tool" >/dev/null || dm_log "warning: $tool is missing; native modules (better-sqlite3) need python3, make and g++"
done
(cd "$DM_ROOT" && yarn install --immutable) || { dm_log "yarn install failed"; return 1 2>/dev/null || exit 1; }
mkdir -p "$DM_ROOT/.data/sqlite" "$DM_ROOT/.data/work"
