# shellcheck shell=bash
# Shared by infra/start.sh and infra/test.sh: finds or installs what the system needs and
# starts the real infrastructure (PostgreSQL, NATS with JetStream, the Temporal dev server)
# where it is not running yet. Every ensure_* function is idempotent and prints one line.
#
# What a script starts, it stops: call infra_trap once, and on exit (normal, error, Ctrl-C)
# infra_cleanup stops exactly the processes this script started, and PostgreSQL only if
# this script started it. Services that were already running are left alone.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bandanh}"
export NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
export NEXT_TELEMETRY_DISABLED=1
case ":$PATH:" in
  *":$REPO/node_modules/.bin:"*) ;;
  *) export PATH="$REPO/node_modules/.bin:$PATH" ;;
esac

INFRA_DATA="$REPO/.data"
INFRA_LOGS="$INFRA_DATA/logs"

# What this script started, in start order: names and process-group leader pids.
_INFRA_NAMES=()
_INFRA_PIDS=()
# The PostgreSQL version whose "main" cluster this script started; empty if it did not.
_INFRA_STARTED_PG=""
_INFRA_APT_UPDATED=""

say() { printf '[infra] %s\n' "$*"; }
die() {
  printf '[infra] error: %s\n' "$*" >&2
  exit 1
}

# True when something accepts TCP connections on host:port.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif [ -t 0 ]; then
    sudo "$@"
  else
    sudo -n "$@"
  fi
}

# Stops with a message unless as_root can work: we are root, or sudo is there (and usable
# without a password when nobody is at the terminal to type one).
need_root() {
  [ "$(id -u)" -eq 0 ] && return 0
  if command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
    return 0
  fi
  die "$1 needs root: run as root, set up sudo, or install it yourself and run again"
}

apt_install() {
  need_root "installing $* with apt-get"
  command -v apt-get >/dev/null 2>&1 || die "apt-get is missing: install $* yourself and run again"
  if [ -z "$_INFRA_APT_UPDATED" ]; then
    as_root apt-get update -qq
    _INFRA_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# Prints the last lines a log got since byte offset $2 (what this run wrote), to stderr.
_log_tail() {
  local log=$1 offset=$2 lines=$3
  printf -- '--- last lines of %s ---\n' "$log" >&2
  tail -c "+$((offset + 1))" "$log" 2>/dev/null | tail -n "$lines" >&2 || true
  printf -- '---\n' >&2
}

_size() { if [ -f "$1" ]; then wc -c <"$1"; else echo 0; fi; }

# True while pid is a live (not zombie) process.
_alive() {
  local pid=$1 state
  kill -0 "$pid" 2>/dev/null || return 1
  [ -r "/proc/$pid/stat" ] || return 0
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ]
}

_track() {
  _INFRA_NAMES+=("$1")
  _INFRA_PIDS+=("$2")
}

# start_logged NAME LOGFILE CMD...: runs CMD in the background in a new session (its own
# process group, away from the terminal), stdin from /dev/null, output appended to LOGFILE.
# Sets STARTED_PID.
start_logged() {
  local name=$1 log=$2
  shift 2
  mkdir -p "$(dirname "$log")"
  setsid "$@" </dev/null >>"$log" 2>&1 &
  STARTED_PID=$!
  _track "$name" "$STARTED_PID"
}

# start_prefixed NAME CMD...: runs CMD in the background in its own process group, each line
# of its output on this terminal prefixed with [NAME]. Sets STARTED_PID.
start_prefixed() {
  local name=$1
  shift
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'set -o pipefail; name=$1; shift; "$@" 2>&1 | sed -u "s/^/[$name] /"' \
    bash "$name" "$@" </dev/null &
  STARTED_PID=$!
  _track "$name" "$STARTED_PID"
}

# Stops one process group this script started: SIGTERM, up to 10 s, then SIGKILL.
_stop_group() {
  local name=$1 pid=$2 i
  if _alive "$pid"; then
    say "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      _alive "$pid" || break
      sleep 0.2
    done
    if _alive "$pid"; then
      say "$name did not stop within 10 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  # Anything left in its group (a grandchild that outlived its parent).
  kill -KILL -- "-$pid" 2>/dev/null || true
}

infra_cleanup() {
  local status=$? i
  trap '' INT TERM
  trap - EXIT
  for ((i = ${#_INFRA_PIDS[@]} - 1; i >= 0; i--)); do
    _stop_group "${_INFRA_NAMES[i]}" "${_INFRA_PIDS[i]}"
  done
  _INFRA_NAMES=()
  _INFRA_PIDS=()
  if [ -n "$_INFRA_STARTED_PG" ]; then
    say "stopping PostgreSQL $_INFRA_STARTED_PG (this script started it)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$_INFRA_STARTED_PG" main stop || true
    _INFRA_STARTED_PG=""
  fi
  exit "$status"
}

# Installs the cleanup: on EXIT, and on INT/TERM (which exit, and so run the EXIT trap).
infra_trap() {
  trap infra_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1; then
    say "pnpm $(pnpm --version) found"
    return 0
  fi
  say "pnpm is missing: installing pnpm 10 with npm (pnpm 11 needs Node 22)"
  npm i -g pnpm@10
  hash -r
  command -v pnpm >/dev/null 2>&1 || die "npm installed pnpm but it is not on PATH ($(npm prefix -g)/bin)"
}

ensure_deps() {
  local modules="$REPO/node_modules/.modules.yaml"
  if [ -f "$modules" ] && ! [ "$REPO/pnpm-lock.yaml" -nt "$modules" ]; then
    say "dependencies are installed and match pnpm-lock.yaml"
    return 0
  fi
  say "installing dependencies (pnpm install --frozen-lockfile)"
  (cd "$REPO" && pnpm install --frozen-lockfile --config.confirm-modules-purge=false)
}

# Builds a Go program into .tools/bin with go install: go_install_tool <name> <module@version>
# <what it is, for the messages> <how long it takes, for the first message>. Dies, saying what to
# do, when Go is missing or the build fails.
go_install_tool() {
  local name=$1 module=$2 what=$3 takes=$4 go_bin="" started
  if go_bin=$(command -v go 2>/dev/null); then
    :
  elif [ -x /usr/local/go/bin/go ]; then
    go_bin=/usr/local/go/bin/go
  else
    die "$what is missing and Go is not installed to build it: install Go (https://go.dev/dl/) and run again, or put \`$name\` on PATH"
  fi
  say "building $what (${module##*@}) into .tools/bin with go install ($takes)"
  started=$SECONDS
  GOBIN="$REPO/.tools/bin" "$go_bin" install "$module" ||
    die "go install of $what failed (see above); or put \`$name\` on PATH and run again"
  say "built $REPO/.tools/bin/$name in $((SECONDS - started)) s"
}

ensure_temporal() {
  local found=""
  if found=$(command -v temporal 2>/dev/null); then
    :
  elif [ -x "$REPO/.tools/bin/temporal" ]; then
    found="$REPO/.tools/bin/temporal"
  fi
  if [ -n "$found" ]; then
    export TEMPORAL_BIN="$found"
    say "Temporal CLI: $TEMPORAL_BIN"
    return 0
  fi
  go_install_tool temporal github.com/temporalio/cli/cmd/temporal@v1.5.1 "the Temporal CLI" \
    "takes a few minutes the first time"
  export TEMPORAL_BIN="$REPO/.tools/bin/temporal"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    say "Chromium found at /usr/bin/chromium"
    return 0
  fi
  say "Chromium is missing: installing it with apt-get (for the browser tests)"
  apt_install chromium
  [ -x /usr/bin/chromium ] || die "apt-get finished but /usr/bin/chromium is still missing"
}

_pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    port_open 127.0.0.1 5432
  fi
}

_pg_version() {
  [ -d /etc/postgresql ] || return 0
  find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1
}

ensure_postgres() {
  local version fresh="" i
  if _pg_ready; then
    say "PostgreSQL answers on 127.0.0.1:5432"
    return 0
  fi
  need_root "starting PostgreSQL"
  version=$(_pg_version)
  if [ -z "$version" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    say "PostgreSQL is not installed: installing it with apt-get"
    apt_install postgresql
    version=$(_pg_version)
    [ -n "$version" ] || die "apt-get installed PostgreSQL but /etc/postgresql holds no cluster"
    fresh=1
  fi
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    as_root pg_createcluster "$version" main
    fresh=1
  fi
  if [ -n "$fresh" ]; then
    # The scripts connect as postgres without a password, like the project's machines do.
    say "allowing local connections without a password (trust) in PostgreSQL $version's pg_hba.conf"
    as_root sed -i -E \
      -e 's/^(local[[:space:]]+all[[:space:]]+all[[:space:]]+)[^[:space:]]+/\1trust/' \
      -e 's/^(local[[:space:]]+all[[:space:]]+postgres[[:space:]]+)[^[:space:]]+/\1trust/' \
      -e 's#^(host[[:space:]]+all[[:space:]]+all[[:space:]]+(127\.0\.0\.1/32|::1/128)[[:space:]]+)[^[:space:]]+#\1trust#' \
      "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  say "starting PostgreSQL $version (cluster main)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
    die "PostgreSQL $version did not start; see /var/log/postgresql/postgresql-$version-main.log"
  _INFRA_STARTED_PG=$version
  for ((i = 0; i < 60; i++)); do
    _pg_ready && return 0
    sleep 0.5
  done
  die "PostgreSQL did not accept connections on 127.0.0.1:5432 within 30 s; see /var/log/postgresql/postgresql-$version-main.log"
}

ensure_database() {
  local name=$1 exists
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || die "ensure_database: '$name' is not a plain database name"
  exists=$(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq \
    -c "select 1 from pg_database where datname = '$name'") ||
    die "cannot query PostgreSQL on 127.0.0.1:5432 as user postgres"
  if [ "$exists" = 1 ]; then
    say "database $name exists"
    return 0
  fi
  say "creating database $name"
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "create database \"$name\""
}

ensure_nats() {
  local i log="$INFRA_LOGS/nats.log" offset
  if port_open 127.0.0.1 4222; then
    say "NATS answers on 127.0.0.1:4222"
    return 0
  fi
  if ! command -v nats-server >/dev/null 2>&1; then
    say "nats-server is missing: installing it with apt-get"
    apt_install nats-server
  fi
  mkdir -p "$INFRA_DATA/nats" "$INFRA_LOGS"
  say "starting NATS with JetStream on 127.0.0.1:4222 (log: .data/logs/nats.log)"
  offset=$(_size "$log")
  start_logged nats "$log" nats-server -a 127.0.0.1 -p 4222 -js -sd "$INFRA_DATA/nats"
  for ((i = 0; i < 60; i++)); do
    port_open 127.0.0.1 4222 && return 0
    _alive "$STARTED_PID" || break
    sleep 0.25
  done
  _log_tail "$log" "$offset" 20
  die "NATS did not answer on 127.0.0.1:4222 (log above: $log)"
}

_temporal_healthy() {
  port_open 127.0.0.1 7233 || return 1
  timeout 5 "$TEMPORAL_BIN" operator cluster health --address 127.0.0.1:7233 >/dev/null 2>&1
}

ensure_temporal_server() {
  local log="$INFRA_LOGS/temporal.log" deadline offset
  if port_open 127.0.0.1 7233; then
    say "Temporal answers on 127.0.0.1:7233"
    return 0
  fi
  [ -n "${TEMPORAL_BIN:-}" ] || ensure_temporal
  mkdir -p "$INFRA_DATA/temporal" "$INFRA_LOGS"
  say "starting the Temporal dev server on 127.0.0.1:7233, UI on :8233 (log: .data/logs/temporal.log)"
  offset=$(_size "$log")
  start_logged temporal "$log" "$TEMPORAL_BIN" server start-dev --ip 127.0.0.1 --port 7233 \
    --ui-port 8233 --db-filename "$INFRA_DATA/temporal/temporal.db" --log-level warn
  deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    _temporal_healthy && return 0
    _alive "$STARTED_PID" || break
    sleep 1
  done
  _log_tail "$log" "$offset" 30
  die "the Temporal dev server did not become healthy on 127.0.0.1:7233 (log above: $log)"
}

# Mailpit, the local SMTP server the notifications go to (SMTP on 127.0.0.1:1025, its web inbox
# and API on 127.0.0.1:8025), built once with go install like the Temporal CLI (MAILPIT_BIN, which
# the failing-relay test also starts on ports of its own); started where nothing answers on 1025,
# and stopped on exit by the trap like everything this script started.
ensure_mailpit() {
  local found="" log="$INFRA_LOGS/mailpit.log" offset i
  export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}"
  if found=$(command -v mailpit 2>/dev/null); then
    :
  elif [ -x "$REPO/.tools/bin/mailpit" ]; then
    found="$REPO/.tools/bin/mailpit"
  else
    go_install_tool mailpit github.com/axllent/mailpit@v1.33.1 Mailpit "about a minute the first time"
    found="$REPO/.tools/bin/mailpit"
  fi
  export MAILPIT_BIN="$found"
  if port_open 127.0.0.1 1025; then
    say "an SMTP server answers on 127.0.0.1:1025 (Mailpit's inbox: http://localhost:8025)"
    return 0
  fi
  mkdir -p "$INFRA_LOGS"
  say "starting Mailpit: SMTP on 127.0.0.1:1025, inbox on http://localhost:8025 (log: .data/logs/mailpit.log)"
  offset=$(_size "$log")
  start_logged mailpit "$log" "$MAILPIT_BIN" --smtp 127.0.0.1:1025 --listen 127.0.0.1:8025 \
    --smtp-auth-accept-any --smtp-auth-allow-insecure
  for ((i = 0; i < 60; i++)); do
    port_open 127.0.0.1 1025 && port_open 127.0.0.1 8025 && return 0
    _alive "$STARTED_PID" || break
    sleep 0.25
  done
  _log_tail "$log" "$offset" 20
  die "Mailpit did not answer on 127.0.0.1:1025 and :8025 (log above: $log)"
}

# The local default caller-signing keys (one Ed25519 key per service, in the git-ignored
# .data/keys); a deployment passes CALLER_SIGNING_KEY and CALLER_TRUSTED_KEYS instead.
ensure_caller_keys() {
  export CALLER_KEYS_DIR="${CALLER_KEYS_DIR:-$INFRA_DATA/keys}"
  pnpm -s keys:generate
}

# Debian's nats-server binary, for tests that start a server of their own with the deployment's
# configuration (infra/nats/), even where a NATS is already answering on 4222.
# An S3-compatible server for the tests of the S3 upload store (gofakes3: the S3 protocol over
# HTTP, buckets in memory), built like Mailpit into .tools/bin. The test starts its own on a
# free port; S3_SERVER_BIN tells it where the binary is.
ensure_s3_server() {
  if [ ! -x "$REPO/.tools/bin/gofakes3" ]; then
    go_install_tool gofakes3 github.com/johannesboyne/gofakes3/cmd/gofakes3@v1.2.0 \
      "gofakes3, the tests' S3 server," "a few seconds"
  fi
  export S3_SERVER_BIN="$REPO/.tools/bin/gofakes3"
}

ensure_nats_server_binary() {
  if [ -x /usr/sbin/nats-server ]; then
    say "nats-server found at /usr/sbin/nats-server"
    return 0
  fi
  say "nats-server is missing: installing it with apt-get (for the NATS permissions test)"
  apt_install nats-server
  [ -x /usr/sbin/nats-server ] || die "apt-get finished but /usr/sbin/nats-server is still missing"
}
