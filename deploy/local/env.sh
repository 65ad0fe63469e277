# shellcheck shell=bash
# Common settings and helpers for the local (container-free) Grassroots stack.
# Sourced by every script in deploy/local/. Safe under `set -euo pipefail`.
#
#   GRASSROOTS_STACK   dev (default, `make run`) or test (`make test`). Each stack has
#                      its own state folder .run/<stack>/{pids,logs,data} and its own ports,
#                      so both can run at the same time.
#   *_PORT             every port can be overridden from the environment.
#   GRASSROOTS_CACHE   download cache shared by the stacks (default .run/cache).
#   KAFKA_VERSION, KEYCLOAK_VERSION   versions fetched from Maven Central.
#
# Nothing here starts anything; it only defines variables and functions.

set -euo pipefail

# ---------------------------------------------------------------- repository root
if [[ -z "${REPO:-}" || ! -x "${REPO}/mvnw" ]]; then
  REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
  if [[ ! -x "$REPO/mvnw" ]] && command -v git >/dev/null 2>&1; then
    REPO="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
  fi
fi
export REPO
LOCAL_DIR="$REPO/deploy/local"

# ---------------------------------------------------------------- stack and state folders
GRASSROOTS_STACK="${GRASSROOTS_STACK:-dev}"
if [[ ! "$GRASSROOTS_STACK" =~ ^[a-z0-9][a-z0-9_-]*$ ]]; then
  echo "GRASSROOTS_STACK must match [a-z0-9][a-z0-9_-]* (got '$GRASSROOTS_STACK')" >&2
  exit 1
fi
export GRASSROOTS_STACK

RUN_ROOT="$REPO/.run"
STATE="$RUN_ROOT/$GRASSROOTS_STACK"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
DATA="$STATE/data"
CACHE="${GRASSROOTS_CACHE:-$RUN_ROOT/cache}"   # downloads shared by all stacks
export STATE PIDS LOGS DATA CACHE
mkdir -p "$PIDS" "$LOGS" "$DATA" "$CACHE"

# ---------------------------------------------------------------- ports and endpoints
# If this file was already sourced for ANOTHER stack in a parent process (e.g. a Makefile
# that exported the dev values and then runs GRASSROOTS_STACK=test ...), forget the values
# that were only that stack's defaults (same name AND value); explicit overrides are kept.
if [[ "${GRASSROOTS_ENV_STACK:-}" != "$GRASSROOTS_STACK" ]]; then
  for _v in ${GRASSROOTS_ENV_DEFAULTED:-}; do
    _n="${_v%%=*}"
    if [[ "${!_n:-}" == "${_v#*=}" ]]; then unset "$_n"; fi
  done
  unset _v _n
  GRASSROOTS_ENV_DEFAULTED=""
fi

# _default VAR VALUE: export VAR=VALUE unless VAR is already set (and remember VAR=VALUE).
_default() {
  if [[ -z "${!1:-}" ]]; then
    printf -v "$1" '%s' "$2"
    [[ "$2" == *" "* ]] || GRASSROOTS_ENV_DEFAULTED="${GRASSROOTS_ENV_DEFAULTED:-} $1=$2"
  fi
  export "${1?}"
}

case "$GRASSROOTS_STACK" in
  dev)  _port_offset=0 ;;
  test) _port_offset=100 ;;
  *)    _port_offset="${GRASSROOTS_PORT_OFFSET:-200}" ;;
esac

_default GATEWAY_PORT             $((8080 + _port_offset))
_default ORGANIZATION_PORT        $((8081 + _port_offset))
_default MEMBERSHIP_PORT          $((8082 + _port_offset))
_default MEETINGS_PORT            $((8083 + _port_offset))
_default EVALUATIONS_PORT         $((8084 + _port_offset))
_default ASSIGNMENTS_PORT         $((8085 + _port_offset))
_default PG_PORT                  $((55432 + _port_offset))
_default KAFKA_PORT               $((59092 + _port_offset))
_default KAFKA_CONTROLLER_PORT    $((59093 + _port_offset))
_default KEYCLOAK_PORT            $((58080 + _port_offset))
_default KEYCLOAK_MANAGEMENT_PORT $((58090 + _port_offset))
# Below Linux's ephemeral range (32768-60999): TracingIT binds it mid-run, when a client socket of the stack may hold
# any port of that range (CI once failed with 54418 'already in use').
_default OTLP_PORT                $((24318 + _port_offset)) # where the test stack exports spans (TracingIT listens)
unset _port_offset

_default DB_USER          grassroots
_default DB_PASSWORD      grassroots
# KAFKA_BROKERS: the Kafka nodes of this stack (deploy/local/kafka.sh); by default the count its storage was formatted for.
_default KAFKA_BROKERS    "$(cat "$DATA/kafka.brokers" 2>/dev/null || echo 1)"
[[ "$KAFKA_BROKERS" =~ ^[1-5]$ ]] || { echo "KAFKA_BROKERS must be 1 to 5, not '$KAFKA_BROKERS'" >&2; exit 2; }
_bootstrap="localhost:$KAFKA_PORT"
for ((_n = 2; _n <= KAFKA_BROKERS; _n++)); do _bootstrap+=",localhost:$((KAFKA_PORT + 2 * (_n - 1)))"; done
_default KAFKA_BOOTSTRAP  "$_bootstrap"
unset _bootstrap _n
_default KEYCLOAK_URL     "http://localhost:$KEYCLOAK_PORT"
_default OIDC_ISSUER      "$KEYCLOAK_URL/realms/grassroots"
_default SERVICE_DATABASES "organization membership meetings evaluations assignments"

# Versions of the downloaded components (Maven Central).
_default KAFKA_VERSION    4.1.1
_default KEYCLOAK_VERSION 26.5.5

GRASSROOTS_ENV_STACK="$GRASSROOTS_STACK"
export GRASSROOTS_ENV_STACK GRASSROOTS_ENV_DEFAULTED

# ---------------------------------------------------------------- helpers

log() { printf '[%s %s] %s\n' "$(date +%H:%M:%S)" "$GRASSROOTS_STACK" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Maven wrapper of the repository, batch + quiet.
mvnw() { "$REPO/mvnw" -B -q "$@"; }

is_root() { [[ "$(id -u)" == 0 ]]; }

# port_free PORT: true when nothing listens on PORT (any address).
port_free() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
    return
  fi
  # No iproute2 (fresh Debian images): try to connect over IPv4 and IPv6 loopback.
  local host
  for host in 127.0.0.1 ::1; do
    if timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then
      return 1
    fi
  done
  return 0
}

# port_open PORT: true when something accepts connections on localhost:PORT.
port_open() { ! port_free "$1"; }

# require_port_free NAME PORT [VARIABLE]: exit 1 with a clear message if PORT is taken.
require_port_free() {
  local name="$1" port="$2" var="${3:-}"
  if ! port_free "$port"; then
    local who=""
    if command -v ss >/dev/null 2>&1; then
      who="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:.*' | head -1 || true)"
    fi
    log "port $port ($name) is already taken by another process${who:+ ($who)}${var:+; set $var to use another}"
    exit 1
  fi
}

# pid_of NAME: the pid stored in pids/NAME.pid (empty if none).
pid_of() {
  local f="$PIDS/$1.pid"
  [[ -s "$f" ]] && head -n1 "$f" | tr -dc '0-9' || true
}

# pid_alive NAME [MARKER]: true when pids/NAME.pid names a live process that belongs to this
# stack (its command line contains MARKER, by default the state folder), which protects
# against stale pid files whose pid has been reused by an unrelated process.
pid_alive() {
  local pid marker="${2:-$STATE/}"
  pid="$(pid_of "$1")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  fi
  return 0
}

# pgid_of PID: process group id (from /proc: procps is not installed on minimal Debian).
pgid_of() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"          # drop "pid (comm) ", comm may contain spaces
  # shellcheck disable=SC2086
  set -- $stat                 # state ppid pgrp ...
  echo "${3:-}"
}

# stop_pid NAME [MARKER]: TERM the process of pids/NAME.pid (and its process group when it
# leads one: our components are started with setsid), wait up to 30 s, then KILL.
# Only the pid from the file is ever signalled. The pid file is removed.
stop_pid() {
  local name="$1" marker="${2:-$STATE/}" pid target i
  pid="$(pid_of "$name")"
  if [[ -z "$pid" ]] || ! pid_alive "$name" "$marker"; then
    rm -f "$PIDS/$name.pid"
    return 0
  fi
  target="$pid"
  if [[ "$(pgid_of "$pid")" == "$pid" ]]; then
    target="-$pid"   # the whole process group that we created with setsid
  fi
  log "stopping $name (pid $pid)"
  kill -TERM -- "$target" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) did not stop within 30 s; killing it"
    kill -KILL -- "$target" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PIDS/$name.pid"
}

# start_bg NAME LOGFILE COMMAND...: run COMMAND detached (own session, no stdin), append
# stdout+stderr to LOGFILE and write its pid (the pid of COMMAND itself) to pids/NAME.pid.
start_bg() {
  local name="$1" logfile="$2" i
  shift 2
  local pidfile="$PIDS/$name.pid"
  rm -f "$pidfile"
  printf '\n===== %s starting %s: %s\n' "$(date '+%F %T')" "$name" "$*" >>"$logfile"
  # The inner shell writes its own pid and then execs COMMAND, so the pid is exact even if
  # setsid has to fork. Inherited descriptors (make's jobserver, CI pipes) are closed.
  setsid "$LOCAL_DIR/detach.sh" --pidfile "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
  for ((i = 0; i < 100; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.1
  done
  die "$name did not start (no pid file); see $logfile"
}

# log_tail NAME [LINES]: print the end of logs/NAME.log.
log_tail() {
  local f="$LOGS/$1.log"
  [[ -f "$f" ]] || return 0
  echo "----- last ${2:-40} lines of $f -----" >&2
  tail -n "${2:-40}" "$f" >&2 || true
  echo "-----" >&2
}

# wait_for NAME SECONDS COMMAND...: poll COMMAND every second until it succeeds. Fails (and
# prints the log tail) on timeout, or as soon as the process of pids/NAME.pid has died.
wait_for() {
  local name="$1" seconds="$2" start
  shift 2
  start=$SECONDS
  while ! "$@" >/dev/null 2>&1; do
    if [[ -f "$PIDS/$name.pid" ]] && ! kill -0 "$(pid_of "$name")" 2>/dev/null; then
      log "$name exited during startup"
      log_tail "$name"
      return 1
    fi
    if ((SECONDS - start >= seconds)); then
      log "$name not ready after ${seconds} s"
      log_tail "$name"
      return 1
    fi
    sleep 1
  done
}

# with_lock NAME COMMAND...: run COMMAND holding an exclusive lock on the shared cache, so
# two stacks started at the same time do not download/unpack the same thing twice.
with_lock() {
  local lock="$CACHE/.$1.lock"
  shift
  (
    flock -w 1800 9 || die "could not lock $lock"
    "$@"
  ) 9>"$lock"
}

# status_line NAME [MARKER]: one line "NAME running (pid N)" or "NAME stopped".
status_line() {
  if pid_alive "$1" "${2:-$STATE/}"; then
    printf '%-9s running (pid %s)\n' "$1" "$(pid_of "$1")"
  else
    printf '%-9s stopped\n' "$1"
  fi
}

# The gateway's heap, fixed, with a young generation large enough for a few seconds of proxying between collections:
# make bench measured 0.61-0.74 × the direct throughput with the former -Xms32m -Xmx160m, 0.82 / 0.86 with this.
export GATEWAY_HEAP="${GATEWAY_HEAP:--Xms256m -Xmx256m -Xmn160m}"
