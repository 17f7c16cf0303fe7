#!/usr/bin/env bash
# README command 2: install what is missing, then run every test: type check, lint, unit and
# integration tests (Jest, on SQLite and on a throwaway PostgreSQL cluster), end-to-end tests
# in a real Chromium against a portal this run starts. Ends with `N passed, N failed` and exits
# non-zero when anything failed or when no test ran.
# Needs bash, git, python3, make, g++; and Debian's chromium and postgresql packages, which it
# installs with apt-get when they are missing (as root, or through sudo).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
reports="$root/test-reports"
rm -rf "$reports" "$root/e2e-test-report"
mkdir -p "$reports"

step() { printf '\n=== %s\n' "$*"; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "install Debian packages: $* (needs root)" >&2; return 1; }
    sudo="sudo"
  fi
  [ -n "$(find /var/lib/apt/lists -name '*Packages*' -print -quit 2>/dev/null)" ] || $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null || {
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
  }
}

step "toolchain and dependencies"
. scripts/install.sh || exit 1

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}" || { echo "could not install ${missing[*]}"; exit 1; }
fi

step "PostgreSQL: a throwaway cluster on 127.0.0.1"
if pg_env=$(scripts/pg-cluster.sh start); then
  eval "$pg_env"
  trap 'scripts/pg-cluster.sh stop' EXIT
  env | grep -E '^BACKSTAGE_TEST_DATABASE_' | sed 's/=.*//'
else
  echo "could not start PostgreSQL: the PostgreSQL variants of the database tests are skipped"
fi

failed_steps=0
step "type check (yarn tsc)"
yarn tsc || failed_steps=$((failed_steps + 1))

step "lint (yarn lint)"
yarn lint || failed_steps=$((failed_steps + 1))

step "unit and integration tests (Jest)"
CI=true yarn backstage-cli repo test --verbose --json --outputFile="$reports/jest.json"

step "end-to-end tests (Playwright, Chromium): the development portal"
CI=true DATA_MESH_E2E_RUN="ci-$$" yarn playwright test

step "end-to-end tests (Playwright, Chromium): the production build, served by the backend"
CI=true DATA_MESH_E2E_RUN="ci-$$" DATA_MESH_E2E_BUILD=production yarn playwright test
rm -rf "$root/.data/e2e-ci-$$" "$root/.data/e2e-ci-$$-production"

step "summary"
echo "elapsed: ${SECONDS}s"
node scripts/test-summary.js "$reports/jest.json" "$root/e2e-test-report/results.json,$root/e2e-test-report/results-production.json" "$failed_steps"
