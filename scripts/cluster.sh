#!/usr/bin/env bash
# Runs Retenza's cluster topology as plain processes on this machine, like docker-compose.yml does in
# containers: a throwaway PostgreSQL, `retenza migrate`, N silos and one API node.
#
#   scripts/cluster.sh up [options]   build (Release), start everything in the background, wait for /ready
#   scripts/cluster.sh status         what runs, and whether the API is ready
#   scripts/cluster.sh tenant NAME    create a tenant on the running cluster and print its keys
#   scripts/cluster.sh down           stop everything `up` started (SIGTERM, then wait) and delete the database
#
# Options of `up`:
#   --silos N          number of silos (default 2)
#   --url URL          the API's address (default http://127.0.0.1:5080)
#   --pg-port PORT     PostgreSQL's port (default: the first free one from 55432)
#   --tenant NAME      also create this tenant and print its keys (saved in .data/cluster/tenant-NAME.env)
#   --no-build         use the DLLs already in */bin/Release/net10.0
#   --fast-pg          run PostgreSQL with fsync=off and synchronous_commit=off (not durable; faster writes)
#
# RETENZA_CS_EXTRA appends Npgsql settings to the connection string the processes get
# (e.g. "Maximum Pool Size=50;No Reset On Close=true"). RETENZA_PG_OPTS adds server settings
# (e.g. "-c shared_preload_libraries=pg_stat_statements" to see what each statement costs).
#
# Everything lives under .data/ (git-ignored; RETENZA_DATA_DIR overrides): the state file
# .data/cluster/state, logs in .data/logs/. The database files go to a temp dir owned by the postgres
# user (initdb and postgres refuse to run as root), deleted again by `down`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${RETENZA_DATA_DIR:-$ROOT/.data}"
CLUSTER_DIR="$DATA_DIR/cluster"
LOG_DIR="$DATA_DIR/logs"
STATE_FILE="$CLUSTER_DIR/state"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
OUT="bin/Release/net10.0"
SILO_DLL="$ROOT/src/Retenza.Silo/$OUT/Retenza.Silo.dll"
API_DLL="$ROOT/src/Retenza.Api/$OUT/Retenza.Api.dll"
CLI_DLL="$ROOT/src/Retenza.Cli/$OUT/retenza.dll"
STOP_TIMEOUT="${STOP_TIMEOUT:-60}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

# initdb/postgres refuse root: run them as the postgres user then.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Ports already handed out in this run, so two silos never get the same one before either binds it.
TAKEN=" "
next_free_port() {
  local port
  port=$(free_port "$1")
  while [[ "$TAKEN" == *" $port "* ]]; do port=$(free_port $((port + 1))); done
  TAKEN+="$port "
  echo "$port"
}

load_state() {
  [[ -f "$STATE_FILE" ]] || return 1
  # shellcheck disable=SC1090
  source "$STATE_FILE"
}

save_state() {
  mkdir -p "$CLUSTER_DIR"
  {
    printf 'PG_DIR=%q\nPG_PORT=%q\nPG_PID=%q\nCONNECTION_STRING=%q\n' "$PG_DIR" "$PG_PORT" "$PG_PID" "$CONNECTION_STRING"
    printf 'SILO_PIDS=%q\nAPI_PID=%q\nAPI_URL=%q\n' "${SILO_PIDS:-}" "${API_PID:-}" "${API_URL:-}"
  } >"$STATE_FILE.tmp"
  mv "$STATE_FILE.tmp" "$STATE_FILE"
}

any_alive() {
  local pid
  for pid in ${API_PID:-} ${SILO_PIDS:-} ${PG_PID:-}; do
    alive "$pid" && return 0
  done
  [[ -n "${PG_DIR:-}" && -f "$PG_DIR/data/postmaster.pid" ]] && alive "$(head -1 "$PG_DIR/data/postmaster.pid")"
}

retenza_cli() {
  Retenza__Postgres__ConnectionString="$CONNECTION_STRING" dotnet "$CLI_DLL" "$@"
}

# Creates a tenant, prints its keys and saves them (mode 600) for scripts such as bench/run.sh.
add_tenant() {
  local name=$1 output platform admin file="$CLUSTER_DIR/tenant-$1.env"
  output=$(retenza_cli tenant add "$name") || die "retenza tenant add $name failed"
  # The CLI prints 'platform: KEY' and 'admin: KEY' lines; parse loosely.
  platform=$(sed -nE 's/^[[:space:]]*platform[^:]*:[[:space:]]*([^[:space:]]+).*/\1/ip' <<<"$output" | head -1)
  admin=$(sed -nE 's/^[[:space:]]*admin[^:]*:[[:space:]]*([^[:space:]]+).*/\1/ip' <<<"$output" | head -1)
  [[ -n "$platform" ]] || die "no platform key in the output of 'retenza tenant add': $output"
  (umask 077 && printf 'TENANT=%q\nPLATFORM_KEY=%q\nADMIN_KEY=%q\n' "$name" "$platform" "$admin" >"$file")
  log "tenant $name created; its keys are saved in $file"
  printf 'tenant: %s\nplatform: %s\nadmin: %s\n' "$name" "$platform" "$admin"
}

wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) pid
  until curl -fsS -o /dev/null --max-time 5 "$API_URL/ready" 2>/dev/null; do
    for pid in $API_PID $SILO_PIDS; do
      alive "$pid" || { log "process $pid exited during start-up"; return 1; }
    done
    ((SECONDS < deadline)) || { log "not ready after ${READY_TIMEOUT}s"; return 1; }
    sleep 1
  done
}

start_postgres() {
  local fast=$1
  PG_PORT=${PG_PORT:-$(next_free_port 55432)}
  if port_in_use "$PG_PORT"; then die "port $PG_PORT is taken"; fi
  PG_DIR=$(as_postgres mktemp -d "${TMPDIR:-/tmp}/retenza-cluster-pg-XXXXXX")
  save_state
  log "initdb in $PG_DIR/data"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync \
    >"$LOG_DIR/initdb.log" 2>&1 || { cat "$LOG_DIR/initdb.log" >&2; die "initdb failed"; }
  local opts=(-c listen_addresses=127.0.0.1 -c "port=$PG_PORT" -c "unix_socket_directories=$PG_DIR" -c max_connections=500)
  if [[ "$fast" == 1 ]]; then
    opts+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  fi
  # shellcheck disable=SC2206
  opts+=(${RETENZA_PG_OPTS:-})
  local as_pg=()
  [[ $EUID -eq 0 ]] && as_pg=(runuser -u postgres --)
  # setsid: the server outlives this shell and ignores its terminal's signals.
  setsid "${as_pg[@]}" "$PG_BIN/postgres" -D "$PG_DIR/data" "${opts[@]}" >"$LOG_DIR/postgres.log" 2>&1 </dev/null &
  PG_PID=$!
  save_state
  local deadline=$((SECONDS + 60))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    alive "$PG_PID" || { tail -20 "$LOG_DIR/postgres.log" >&2; die "postgres exited during start-up"; }
    ((SECONDS < deadline)) || die "postgres not ready after 60s (see $LOG_DIR/postgres.log)"
    sleep 0.2
  done
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE retenza" >/dev/null
  CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=retenza${RETENZA_CS_EXTRA:+;$RETENZA_CS_EXTRA}"
}

cmd_up() {
  local silos=2 build=1 tenant="" fast=0
  API_URL="http://127.0.0.1:5080"
  while (($#)); do
    case "$1" in
      --silos) silos=${2:?}; shift 2 ;;
      --url) API_URL=${2:?}; shift 2 ;;
      --pg-port) PG_PORT=${2:?}; shift 2 ;;
      --tenant) tenant=${2:?}; shift 2 ;;
      --no-build) build=0; shift ;;
      --fast-pg) fast=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option '$1' (see '$0 --help')" ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ ]] || die "--silos must be a positive integer"
  API_URL=${API_URL%/}

  if (
    load_state && any_alive
  ); then
    die "already up (state in ${STATE_FILE#"$ROOT"/}); run '$0 down' first, or '$0 status'"
  fi
  if [[ -f "$STATE_FILE" ]]; then
    log "removing stale state of a cluster that is no longer running"
    (load_state && [[ -n "${PG_DIR:-}" && -d "$PG_DIR" ]] && rm -rf "$PG_DIR") || true
    rm -f "$STATE_FILE"
  fi
  [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb): apt-get install postgresql-15"
  local api_port=${API_URL##*:}
  api_port=${api_port%%/*}
  if [[ "$api_port" =~ ^[0-9]+$ ]] && port_in_use "$api_port"; then
    die "port $api_port of $API_URL is taken; pick another with --url"
  fi

  if ((build)); then
    log "building (Release)"
    local project
    : >"$LOG_DIR/build.log"
    for project in src/Retenza.Cli src/Retenza.Silo src/Retenza.Api; do
      dotnet build -c Release --nologo -v quiet "$ROOT/$project" >>"$LOG_DIR/build.log" 2>&1 ||
        { tail -30 "$LOG_DIR/build.log" >&2; die "build of $project failed (full log: $LOG_DIR/build.log)"; }
    done
  fi
  local dll
  for dll in "$SILO_DLL" "$API_DLL" "$CLI_DLL"; do
    [[ -f "$dll" ]] || die "$dll is missing: run without --no-build"
  done

  SILO_PIDS="" API_PID="" PG_DIR="" PG_PID="" CONNECTION_STRING=""
  # From here on a failure (set -e or die) tears down what was started, as recorded in the state file.
  trap 'rc=$?; if ((rc != 0)); then log "start-up failed; stopping what was started"; cmd_down || true; fi' EXIT
  start_postgres "$fast"
  save_state

  log "migrating"
  retenza_cli migrate >"$LOG_DIR/migrate.log" 2>&1 || { cat "$LOG_DIR/migrate.log" >&2; false; }

  local i silo_port gateway_port
  for ((i = 1; i <= silos; i++)); do
    silo_port=$(next_free_port $((11110 + i)))
    gateway_port=$(next_free_port $((29999 + i)))
    Retenza__Postgres__ConnectionString="$CONNECTION_STRING" \
      Retenza__Cluster__SiloPort="$silo_port" \
      Retenza__Cluster__GatewayPort="$gateway_port" \
      Retenza__Cluster__AdvertisedAddress=127.0.0.1 \
      setsid dotnet "$SILO_DLL" >"$LOG_DIR/silo-$i.log" 2>&1 </dev/null &
    SILO_PIDS="${SILO_PIDS:+$SILO_PIDS }$!"
    log "silo $i: pid $! silo port $silo_port gateway port $gateway_port (log .data/logs/silo-$i.log)"
  done
  save_state

  Retenza__Postgres__ConnectionString="$CONNECTION_STRING" \
    ASPNETCORE_URLS="$API_URL" \
    setsid dotnet "$API_DLL" >"$LOG_DIR/api.log" 2>&1 </dev/null &
  API_PID=$!
  save_state
  log "api: pid $API_PID on $API_URL (log .data/logs/api.log)"

  log "waiting for $API_URL/ready"
  if ! wait_ready; then
    tail -n 15 "$LOG_DIR/api.log" "$LOG_DIR"/silo-*.log >&2 || true
    false
  fi

  if [[ -n "$tenant" ]]; then
    add_tenant "$tenant"
  fi
  trap - EXIT

  cat <<EOF
Retenza cluster is up: $silos silo(s), 1 API node.
  url:               $API_URL
  connection string: $CONNECTION_STRING
  psql:              psql -h 127.0.0.1 -p $PG_PORT -U postgres retenza
  pids:              postgres $PG_PID, silos $SILO_PIDS, api $API_PID
  state:             $STATE_FILE
  logs:              $LOG_DIR/
Create a tenant:     $0 tenant NAME
Stop:                $0 down
EOF
}

stop_pids() {
  local pid deadline=$((SECONDS + STOP_TIMEOUT)) remaining
  for pid in "$@"; do
    if alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  while :; do
    remaining=""
    for pid in "$@"; do
      alive "$pid" && remaining+=" $pid"
    done
    [[ -z "$remaining" ]] && return 0
    if ((SECONDS >= deadline)); then
      log "still running after ${STOP_TIMEOUT}s:$remaining; sending SIGKILL"
      # shellcheck disable=SC2086
      kill -KILL $remaining 2>/dev/null || true
      return 0
    fi
    sleep 0.3
  done
}

cmd_down() {
  if ! load_state; then
    log "not up (no state file ${STATE_FILE#"$ROOT"/})"
    return 0
  fi
  if alive "${API_PID:-}"; then
    log "stopping api (pid $API_PID)"
    stop_pids "$API_PID"
  fi
  # shellcheck disable=SC2086
  if [[ -n "${SILO_PIDS:-}" ]]; then
    log "stopping silos (pids $SILO_PIDS)"
    stop_pids $SILO_PIDS
  fi
  if [[ -n "${PG_DIR:-}" && -f "$PG_DIR/data/postmaster.pid" ]]; then
    log "stopping postgres"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t "$STOP_TIMEOUT" stop >/dev/null 2>&1 || true
  fi
  if [[ -n "${PG_PID:-}" ]]; then stop_pids "$PG_PID"; fi
  if [[ -n "${PG_DIR:-}" && -d "$PG_DIR" ]]; then
    rm -rf "$PG_DIR"
  fi
  rm -f "$STATE_FILE" "$CLUSTER_DIR"/tenant-*.env
  log "down"
}

cmd_status() {
  if ! load_state; then
    echo "not up"
    return 3
  fi
  local pid i=0 state=0
  describe() { if alive "$2"; then echo "  $1: running (pid $2)"; else echo "  $1: NOT running (pid $2)"; state=1; fi; }
  echo "cluster (state $STATE_FILE):"
  describe postgres "$PG_PID"
  for pid in $SILO_PIDS; do
    i=$((i + 1))
    describe "silo $i" "$pid"
  done
  describe api "$API_PID"
  if curl -fsS -o /dev/null --max-time 5 "$API_URL/ready" 2>/dev/null; then
    echo "  $API_URL/ready: ready"
  else
    echo "  $API_URL/ready: NOT ready"
    state=1
  fi
  echo "  connection string: $CONNECTION_STRING"
  return $state
}

cmd_tenant() {
  (($# == 1)) || die "usage: $0 tenant NAME"
  load_state || die "not up"
  add_tenant "$1"
}

mkdir -p "$LOG_DIR" "$CLUSTER_DIR"
case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down ;;
  status) shift; cmd_status ;;
  tenant) shift; cmd_tenant "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 64 ;;
esac
