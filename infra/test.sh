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
ensure_mailpit
ensure_nats_server_binary
ensure_s3_server

# A free TCP port on 127.0.0.1 (the kernel's pick; closed again for the caller to bind).
free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# The tests' own Temporal dev server, in memory (no --db-filename), on a free port, without
# the UI, for this run only: never the one `npm start` uses on 7233, so the workflows a test
# run leaves behind go away with it. The trap stops it on exit; TEMPORAL_ADDRESS points the
# tests at it (they default to 127.0.0.1:7233 only when it is unset).
start_test_temporal() {
  local log="$INFRA_LOGS/temporal-test.log" port offset deadline
  port=$(free_port)
  mkdir -p "$INFRA_LOGS"
  offset=$(_size "$log")
  say "starting the tests' own Temporal dev server on 127.0.0.1:$port, in memory, no UI (log: .data/logs/temporal-test.log)"
  start_logged temporal-test "$log" "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port "$port" \
    --headless --log-level warn
  export TEMPORAL_ADDRESS="127.0.0.1:$port"
  deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    if port_open 127.0.0.1 "$port" &&
      timeout 5 "$TEMPORAL_BIN" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
      return 0
    fi
    _alive "$STARTED_PID" || break
    sleep 0.5
  done
  _log_tail "$log" "$offset" 30
  die "the tests' Temporal dev server did not become healthy on $TEMPORAL_ADDRESS (log above: $log)"
}
start_test_temporal

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
# Two test files at a time (JEST_WORKERS): jest's default on two cores is one, and most of a
# file's time is spent waiting on services, workflows and the browser; each file has its own
# database, NATS prefix and task queue, so they do not meet.
pnpm exec jest --ci --maxWorkers="${JEST_WORKERS:-2}" --json --outputFile="$results" || jest_status=$?
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
