#!/usr/bin/env bash
# Measures Retenza's ingest throughput and latency on this machine, in two topologies:
#   local    the API alone in local mode (co-hosted in-memory silo, demo tenant), no database
#   cluster  scripts/cluster.sh: PostgreSQL, 2 silos, 1 API node; plus PostgreSQL's raw upsert
#            ceiling on the same server and the ratio of the two (see bench/Retenza.Bench)
#
#   bench/run.sh [local|cluster|all]      (default all; a few minutes in all)
#
# Environment: DURATION (s, default 20), WARMUP (s, default 15: tiered JIT needs that long on 2 cores), CONCURRENCY (default 64),
# SILOS (default 2), NO_BUILD=1 to use the existing Release build, BENCH_ARGS for extra bench options.
# Reuses a cluster that scripts/cluster.sh already runs (and leaves it running); otherwise starts one
# and stops it again. Each run's output is kept in .data/bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${RETENZA_DATA_DIR:-$ROOT/.data}"
OUT_DIR="$DATA_DIR/bench"
LOG_DIR="$DATA_DIR/logs"
BIN="bin/Release/net10.0"
API_DLL="$ROOT/src/Retenza.Api/$BIN/Retenza.Api.dll"
BENCH_DLL="$ROOT/bench/Retenza.Bench/$BIN/Retenza.Bench.dll"
CLUSTER="$ROOT/scripts/cluster.sh"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-15}"
CONCURRENCY="${CONCURRENCY:-64}"
SILOS="${SILOS:-2}"
MODE="${1:-all}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

case "$MODE" in local | cluster | all) ;; *) die "usage: $0 [local|cluster|all]" ;; esac
mkdir -p "$OUT_DIR" "$LOG_DIR"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Others may be editing the tree: a failed build is retried after a minute instead of giving up at once.
build() {
  local project attempt
  for project in src/Retenza.Cli src/Retenza.Silo src/Retenza.Api bench/Retenza.Bench; do
    for attempt in 1 2 3; do
      if dotnet build -c Release --nologo -v quiet "$ROOT/$project" >"$LOG_DIR/bench-build.log" 2>&1; then
        break
      fi
      ((attempt < 3)) || { tail -30 "$LOG_DIR/bench-build.log" >&2; die "build of $project failed"; }
      log "build of $project failed (attempt $attempt); retrying in 60 s"
      sleep 60
    done
  done
}

bench() {
  # shellcheck disable=SC2086
  dotnet "$BENCH_DLL" --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" "$@" ${BENCH_ARGS:-}
}

# CPU time (clock ticks, user + system) the given processes have used so far. The process name in
# /proc/PID/stat is cut off first: it sits in parentheses and may hold spaces.
cpu_ticks() {
  local pid total=0 used
  for pid in "$@"; do
    used=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13}') || used=0
    total=$((total + ${used:-0}))
  done
  echo "$total"
}

# Runs the bench in the background and, over its measured window (warm-up excluded, a second off
# each end), appends the cores each group of processes used and its CPU time per ticket. $2 names a
# function printing "group pid..." lines; it runs at both ends (postgres backends come and go).
bench_with_cpu() {
  local out=$1 groups=$2; shift 2
  bench "$@" >"$out" &
  local bench_pid=$! hz t0 t1 tps name pids ticks
  local -A start=() end=()
  hz=$(getconf CLK_TCK)
  sleep "$((WARMUP + 1))"
  t0=$(date +%s%N)
  while read -r name pids; do start[$name]=$(cpu_ticks $pids); done < <("$groups"; echo "bench $(with_descendants "$bench_pid" | tr '\n' ' ')")
  sleep "$((DURATION > 3 ? DURATION - 2 : 1))"
  t1=$(date +%s%N)
  while read -r name pids; do end[$name]=$(cpu_ticks $pids); done < <("$groups"; echo "bench $(with_descendants "$bench_pid" | tr '\n' ' ')")
  wait "$bench_pid"
  tps=$(tail -1 "$out" | grep -o '"ticketsPerSecond":[0-9.]*' | cut -d: -f2)
  {
    head -n -1 "$out"
    for name in "${!start[@]}"; do
      ticks=$((end[$name] - start[$name]))
      awk -v n="$name" -v d="$ticks" -v hz="$hz" -v ns="$((t1 - t0))" -v tps="${tps:-0}" 'BEGIN {
        cores = d / hz / (ns / 1e9)
        printf "cpu   %-9s %.2f cores = %s ms/ticket\n", n, cores, (tps > 0 ? sprintf("%.3f", cores * 1000 / tps) : "-")
      }'
    done | sort
    tail -1 "$out" # the JSON summary stays the last line
  } >"$out.tmp"
  mv "$out.tmp" "$out"
  cat "$out"
}

# A process and all its descendants (postgres runs under runuser and forks a backend per connection).
with_descendants() {
  local pid child
  for pid in "$@"; do
    echo "$pid"
    for child in $(pgrep -P "$pid"); do with_descendants "$child"; done
  done
}

local_groups() { echo "api $LOCAL_PID"; }

cluster_groups() {
  echo "silos $SILO_PIDS"
  echo "api $API_PID"
  echo "postgres $(with_descendants "$PG_PID" | tr '\n' ' ')"
}

wait_ready() {
  local url=$1 pid=$2 deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null --max-time 5 "$url/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

stop_pid() {
  local pid=$1 deadline=$((SECONDS + 60))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || { kill -KILL "$pid" 2>/dev/null || true; return 0; }
    sleep 0.3
  done
}

LOCAL_PID=""
STARTED_CLUSTER=0
cleanup() {
  if [[ -n "$LOCAL_PID" ]]; then stop_pid "$LOCAL_PID"; fi
  if ((STARTED_CLUSTER)); then "$CLUSTER" down || true; fi
}
trap cleanup EXIT

run_local() {
  local port silo_port gateway_port url out="$OUT_DIR/$STAMP-local.txt"
  port=$(free_port 5099)
  silo_port=$(free_port 21111)
  gateway_port=$(free_port 31111)
  url="http://127.0.0.1:$port"
  log "local mode: API on $url (silo port $silo_port, gateway $gateway_port; log .data/logs/bench-api-local.log)"
  # No connection string, whatever the caller's environment says: local mode.
  env -u Retenza__Postgres__ConnectionString \
    Retenza__Cluster__SiloPort="$silo_port" Retenza__Cluster__GatewayPort="$gateway_port" \
    setsid dotnet "$API_DLL" --urls "$url" >"$LOG_DIR/bench-api-local.log" 2>&1 </dev/null &
  LOCAL_PID=$!
  wait_ready "$url" "$LOCAL_PID" || { tail -20 "$LOG_DIR/bench-api-local.log" >&2; die "local API did not get ready"; }
  bench_with_cpu "$out" local_groups --url "$url" --key demo-key
  stop_pid "$LOCAL_PID"
  LOCAL_PID=""
  LOCAL_JSON=$(tail -1 "$out")
}

run_cluster() {
  local out="$OUT_DIR/$STAMP-cluster.txt" tenant="bench-$STAMP"
  tenant=$(tr '[:upper:]' '[:lower:]' <<<"$tenant")
  if "$CLUSTER" status >/dev/null 2>&1; then
    log "reusing the cluster scripts/cluster.sh already runs (left running afterwards)"
  else
    log "cluster mode: scripts/cluster.sh up --silos $SILOS"
    STARTED_CLUSTER=1
    "$CLUSTER" up --no-build --silos "$SILOS" --url "http://127.0.0.1:$(free_port 5098)" >/dev/null
  fi
  # shellcheck disable=SC1091
  source "$DATA_DIR/cluster/state"
  "$CLUSTER" tenant "$tenant" >/dev/null
  # shellcheck disable=SC1090
  source "$DATA_DIR/cluster/tenant-$tenant.env"
  bench_with_cpu "$out" cluster_groups --url "$API_URL" --key "$PLATFORM_KEY" --pg "$CONNECTION_STRING"
  CLUSTER_JSON=$(tail -1 "$out")
  if ((STARTED_CLUSTER)); then
    "$CLUSTER" down
    STARTED_CLUSTER=0
  fi
}

if [[ "${NO_BUILD:-0}" != 1 ]]; then
  log "building (Release)"
  build
fi
[[ -f "$BENCH_DLL" && -f "$API_DLL" ]] || die "Release build missing: run without NO_BUILD=1"

LOCAL_JSON="" CLUSTER_JSON=""
case "$MODE" in
  local) run_local ;;
  cluster) run_cluster ;;
  all) run_local; run_cluster ;;
esac

echo
echo "== summary ($(nproc) cores; output kept in ${OUT_DIR#"$ROOT"/}/$STAMP-*.txt)"
[[ -z "$LOCAL_JSON" ]] || echo "local:   $LOCAL_JSON"
[[ -z "$CLUSTER_JSON" ]] || echo "cluster: $CLUSTER_JSON"
