#!/usr/bin/env bash
# The install test: the suite as an adopter gets it. Packs every package (after
# `yarn build:all`), serves the tarballs as an npm registry would once they are published,
# creates a fresh app with @backstage/create-app 0.9.2 for the new frontend system and one
# with --legacy, installs the suite into each exactly as the READMEs say (counting the lines
# a user adds), starts it on its own ports (3100, 7100) with install-test/app-config.install.yaml,
# and checks in Chromium that the explorer lists the example products and that a data
# product page shows its Contract, SLOs, Lineage and Governance tabs (screenshots in
# e2e-test-report/screenshots/install-*.png).
#
#   install-test/run.sh [new] [legacy]      (both by default; source scripts/toolchain.sh first)
#
# Writes e2e-test-report/install-<kind>.json (Playwright) and e2e-test-report/install/*.txt
# (file lists of the tarballs, the apps' diffs, timings). Exits non-zero when a step fails.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(new legacy)
report="$root/e2e-test-report/install"
CREATE_APP_VERSION=0.9.2
work=${DATA_MESH_INSTALL_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/dm-install-XXXXXX")}
mkdir -p "$report" "$root/e2e-test-report/screenshots" "$work"
say() { printf '\n--- install test: %s\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
started=$(date +%s)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null; done
  [ -n "${DATA_MESH_INSTALL_DIR:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

say "packing the packages into $work/packs"
t=$(date +%s)
node install-test/pack.js "$work/packs" | tee "$report/pack.txt" || exit 1
cp "$work/packs/files.txt" "$report/pack-files.txt"
echo "packed in $(elapsed "$t")" | tee -a "$report/timings.txt"

say "serving the tarballs on a local registry"
node install-test/registry.js "$work/packs" 0 "$(npm config get registry)" "$CREATE_APP_VERSION" > "$work/registry.out" 2>&1 &
pids+=($!)
for _ in $(seq 150); do grep -qs listening "$work/registry.out" && break; sleep 0.2; done
port=$(sed -n 's/^listening \([0-9]*\).*/\1/p' "$work/registry.out")
[ -n "$port" ] || { cat "$work/registry.out"; exit 1; }
registry="http://127.0.0.1:$port"
echo "registry at $registry: $(cat "$work/registry.out")"

# The apps are installed as their users would, outside CI: their lockfiles change.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
failed=0
for kind in "${kinds[@]}"; do
  app="$work/app-$kind"
  say "$kind frontend system: creating an app with @backstage/create-app 0.9.2"
  t=$(date +%s)
  flag=(); [ "$kind" = legacy ] && flag=(--legacy)
  BACKSTAGE_APP_NAME="dm-$kind" npx -y "@backstage/create-app@$CREATE_APP_VERSION" --skip-install "${flag[@]}" --path "$app" > "$report/$kind-create-app.log" 2>&1 || { echo "create-app failed: $report/$kind-create-app.log"; failed=1; continue; }
  node install-test/prepare-app.js "$app" "$registry" || { failed=1; continue; }
  (cd "$app" && yarn install > "$report/$kind-yarn-install.log" 2>&1) || { echo "yarn install of the new app failed: $report/$kind-yarn-install.log"; failed=1; continue; }
  git -C "$app" add -A >/dev/null && git -C "$app" -c user.name=test -c user.email=test@localhost commit -qm "created and installed" --no-verify
  echo "$kind: created and installed in $(elapsed "$t")" | tee -a "$report/timings.txt"

  say "$kind frontend system: installing the suite as the READMEs say"
  t=$(date +%s)
  node install-test/apply-readmes.js "$app" "$kind" > "$report/$kind-readme-steps.log" 2>&1
  status=$?
  grep -E '^(plugins/|  \$ |README|.*frontend system: a user runs)' "$report/$kind-readme-steps.log"
  [ $status = 0 ] || { echo "see $report/$kind-readme-steps.log"; failed=1; continue; }
  git -C "$app" diff --stat -- . ':!yarn.lock' > "$report/$kind-app-diff.txt"
  git -C "$app" diff -- . ':!yarn.lock' >> "$report/$kind-app-diff.txt"
  echo "$kind: suite installed in $(elapsed "$t")" | tee -a "$report/timings.txt"

  say "$kind frontend system: starting the app on ports 3100 and 7100"
  t=$(date +%s)
  (cd "$app" && exec setsid env BROWSER=none DATA_MESH_EXAMPLES="$root/examples" \
    yarn start --config "$app/app-config.yaml" --config "$root/install-test/app-config.install.yaml" \
    > "$report/$kind-app.log" 2>&1) &
  app_pid=$!
  pids+=($app_pid)
  up=0
  for _ in $(seq 300); do
    if curl -sf -o /dev/null http://localhost:7100/.backstage/health/v1/readiness &&
      curl -sf -o /dev/null http://localhost:3100; then up=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 2
  done
  [ $up = 1 ] || { echo "the $kind app did not start: $report/$kind-app.log"; tail -30 "$report/$kind-app.log"; failed=1; kill -- "-$app_pid" 2>/dev/null; continue; }
  echo "$kind: app up in $(elapsed "$t")" | tee -a "$report/timings.txt"
  grep -h 'push-only\|SLO engines' "$report/$kind-app.log" | head -2

  say "$kind frontend system: Chromium"
  t=$(date +%s)
  DATA_MESH_INSTALL_KIND=$kind yarn playwright test --config install-test/playwright.config.ts || failed=1
  echo "$kind: browser checks in $(elapsed "$t")" | tee -a "$report/timings.txt"
  kill -- "-$app_pid" 2>/dev/null
  wait "$app_pid" 2>/dev/null
  for _ in $(seq 30); do ss -ltn 2>/dev/null | grep -qE ':(3100|7100)\b' || break; sleep 1; done
done

echo "install test: $(elapsed "$started") in all" | tee -a "$report/timings.txt"
exit $failed
