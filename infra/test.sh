#!/usr/bin/env bash
# npm test: installs what is missing, starts the infrastructure that is not running, then
# lint, typecheck, the web build and every jest project, stopping at the first failure.
# It behaves the same with or without CI=true: every flag that CI would change is explicit.
# On exit the trap stops what this script started, so nothing stays attached to the terminal.
set -euo pipefail

# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
infra_trap

total_started=$SECONDS

ensure_pnpm
ensure_deps
ensure_temporal
ensure_chromium
ensure_postgres
ensure_nats
ensure_temporal_server

# step NAME CMD...: runs CMD, prints how long it took, and stops the script if it failed.
step() {
  local name=$1 started=$SECONDS status=0
  shift
  say "$name: $*"
  "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    say "$name FAILED (exit $status) after $((SECONDS - started)) s"
    exit "$status"
  fi
  say "$name passed in $((SECONDS - started)) s"
}

step lint pnpm lint
step typecheck pnpm typecheck
step "web build" pnpm --filter @bandanh/web build
mkdir -p "$INFRA_DATA"
results="$INFRA_DATA/jest-results.json"
rm -f "$results"
jest_started=$SECONDS
jest_status=0
say "jest: every project (unit, integration, browser)"
pnpm exec jest --ci --json --outputFile="$results" || jest_status=$?
# The plain closing line, for readers that do not know jest's own summary.
if [ -f "$results" ]; then
  node -e 'const r = require(process.argv[1]); console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)' "$results"
fi
if [ "$jest_status" -ne 0 ]; then
  say "jest FAILED (exit $jest_status) after $((SECONDS - jest_started)) s"
  exit "$jest_status"
fi
say "jest passed in $((SECONDS - jest_started)) s"

say "all tests passed in $((SECONDS - total_started)) s"
