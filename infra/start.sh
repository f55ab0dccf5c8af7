#!/usr/bin/env bash
# npm start: installs what is missing, starts the infrastructure that is not running, the
# services and the web, loads the demo data and prints the URLs. Ctrl-C stops everything
# this script started (and nothing else).
set -euo pipefail

# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
infra_trap

export GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:3001}"
# Logs for people on the terminal (LOG_FORMAT=json for the raw lines), and every service's
# JSON lines in .data/logs/<service>.log either way.
export LOG_FORMAT="${LOG_FORMAT:-pretty}"
export LOG_DIR="${LOG_DIR:-$INFRA_LOGS}"

port_taken() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ] && return 0
  fi
  port_open 127.0.0.1 "$1"
}

for port in 3000 3001; do
  if port_taken "$port"; then
    if command -v ss >/dev/null 2>&1; then ss -ltnp "sport = :$port" >&2 || true; fi
    die "port $port is already in use (the web needs 3000, the API 3001): stop what listens there (another npm start?) and run again"
  fi
done

ensure_pnpm
ensure_deps
ensure_temporal
ensure_postgres
ensure_database bandanh
ensure_nats
ensure_temporal_server
ensure_mailpit
ensure_caller_keys

say "applying database migrations"
pnpm db:migrate

web_needs_build() {
  local build_id=apps/web/.next/BUILD_ID src
  [ -f "$build_id" ] || return 0
  for src in apps/web/src apps/web/messages apps/web/public libs/contracts/src \
    apps/web/package.json apps/web/next.config.ts apps/web/next.config.mjs apps/web/next.config.js; do
    [ -e "$src" ] || continue
    [ -n "$(find "$src" -type f -newer "$build_id" -print -quit)" ] && return 0
  done
  return 1
}

if web_needs_build; then
  say "building the web (next build)"
  pnpm --filter @bandanh/web build
else
  say "the web build is up to date"
fi

# The supervisor (infra/scripts/supervise.ts, on concurrently) runs the apps, prefixes their
# lines with [name], and restarts one that exits, after 1, 2, 4 ... up to 30 s; an app that
# exits 3 times in a row without ever staying up for a minute makes it give up and exit.
APP_NAMES=(identity network training grants orchestrator gateway web)
APP_SPECS=()
for app in "${APP_NAMES[@]}"; do
  APP_SPECS+=("$app=pnpm --silent --filter @bandanh/$app start")
done
mkdir -p "$LOG_DIR"
setsid node -r @swc-node/register infra/scripts/supervise.ts --start-tries=3 "${APP_SPECS[@]}" </dev/null &
SUPERVISOR_PID=$!
_track "the apps" "$SUPERVISOR_PID"
say "started ${APP_NAMES[*]} (service logs as JSON in ${LOG_DIR#"$REPO/"}/); waiting for the API and the web (up to 90 s)"

# Stops the script if the supervisor has already exited (it gave up on an app).
check_apps() {
  _alive "$SUPERVISOR_PID" ||
    die "an app kept exiting during start-up, so the supervisor stopped them all; the app's output is above"
}

health_body=$(mktemp)
deadline=$((SECONDS + 90))
api_code=000
web_code=000
while :; do
  if [ "$api_code" != 200 ]; then
    api_code=$(curl -sS -o "$health_body" -w '%{http_code}' --max-time 5 \
      http://127.0.0.1:3001/health 2>/dev/null) || true
  fi
  if [ "$web_code" -lt 200 ] || [ "$web_code" -ge 500 ]; then
    web_code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 http://127.0.0.1:3000/ 2>/dev/null) || true
  fi
  api_code=${api_code:-000}
  web_code=${web_code:-000}
  if [ "$api_code" = 200 ] && [ "$web_code" -ge 200 ] && [ "$web_code" -lt 500 ]; then
    break
  fi
  check_apps
  if ((SECONDS >= deadline)); then
    if [ "$api_code" = 000 ]; then
      say "API: nothing answers on http://127.0.0.1:3001/health"
    elif [ "$api_code" != 200 ]; then
      say "API: /health answers $api_code; checks that are down:"
      node -e '
        const h = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        for (const [name, c] of Object.entries(h.checks ?? {}))
          if (c.status !== "up") console.log(`  ${name}${c.error ? ": " + c.error : ""}`);
      ' "$health_body" 2>/dev/null || cat "$health_body"
    fi
    if [ "$web_code" = 000 ]; then
      say "web: nothing answers on http://127.0.0.1:3000"
    elif [ "$web_code" -ge 500 ]; then
      say "web: http://127.0.0.1:3000 answers $web_code"
    fi
    rm -f "$health_body"
    die "the system did not come up within 90 s"
  fi
  sleep 1
done
rm -f "$health_body"

say "loading the demo data through the API"
pnpm db:seed

cat <<'EOF'

  +--------------------------------------------------------------+
  |  Bandanh is running                                          |
  |                                                              |
  |  Web          http://localhost:3000                          |
  |  API          http://localhost:3001                          |
  |  OpenAPI      http://localhost:3001/api/openapi.json         |
  |  API docs     http://localhost:3001/api/docs                 |
  |  Temporal UI  http://localhost:8233                          |
  |  Mail inbox   http://localhost:8025 (Mailpit)                |
  |                                                              |
  |  Ctrl-C stops everything this started                        |
  +--------------------------------------------------------------+

EOF

# Until Ctrl-C (the trap stops the supervisor, which stops the apps, then the infrastructure
# this started). An app that exits is restarted by the supervisor; it exits itself only when
# it gives up on one.
status=0
wait "$SUPERVISOR_PID" || status=$?
die "the supervisor exited (status $status): an app kept exiting, its output is above; stopping everything"
