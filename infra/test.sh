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
step jest pnpm exec jest --ci

say "all tests passed in $((SECONDS - total_started)) s"
