#!/usr/bin/env bash
# Local PostgreSQL for the Grassroots stack: our own cluster (initdb) in .run/<stack>/data/postgres,
# listening on 127.0.0.1:$PG_PORT only. Uses the machine's PostgreSQL binaries
# (/usr/lib/postgresql/<major>/bin); installs them with apt-get when missing and running as root.
# The cluster that Debian's package may create (/var/lib/postgresql/<major>/main) is never used.
#
#   deploy/local/postgres.sh start|stop|status|psql [ARGS...]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# PostgreSQL runs as the 'postgres' user when we are root, and that user must reach its files. When the
# clone lies where it cannot (e.g. under /root, mode 0700), the cluster lives under /var/tmp instead.
PG_ROOT="$STATE"
if is_root && ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
  PG_ROOT="/var/tmp/grassroots-$(printf '%s' "$REPO" | md5sum | cut -c1-10)-$GRASSROOTS_STACK"
  mkdir -p "$PG_ROOT/data" && chmod 755 "$PG_ROOT" "$PG_ROOT/data"
fi
PGDATA_DIR="$PG_ROOT/data/postgres"
PG_SOCKET_DIR="$PG_ROOT/pg-socket"
PG_LOG="$PG_ROOT/postgres.log"
PG_MARKER="$PGDATA_DIR"   # the postmaster's command line contains "-D $PGDATA_DIR"

# ---------------------------------------------------------------- binaries
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "PG_BIN=$PG_BIN has no initdb/pg_ctl"
    return 0
  fi
  local d
  # newest major version first
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5nr); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
      PG_BIN="$d"
      return 0
    fi
  done
  return 1
}

install_pg() {
  is_root || die "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin). Install them: sudo apt-get install -y postgresql (or set PG_BIN)"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL not found and apt-get is not available; set PG_BIN"
  log "installing PostgreSQL with apt-get (one time)"
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  apt-get update -q
  # Install postgresql-common first and tell it not to create/start the default "main"
  # cluster (same approach as the official postgres image): we run our own cluster.
  apt-get install "${apt_opts[@]}" postgresql-common
  if [[ -f /etc/postgresql-common/createcluster.conf ]]; then
    sed -ri 's/^#?\s*(create_main_cluster)\s*=.*$/\1 = false/' /etc/postgresql-common/createcluster.conf
  fi
  apt-get install "${apt_opts[@]}" postgresql
  find_pg_bin || die "apt-get install postgresql did not provide /usr/lib/postgresql/*/bin"
}

ensure_pg_bin() {
  find_pg_bin || install_pg
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user (PostgreSQL refuses to run as root)"
  fi
}

# Run a PostgreSQL program as the right OS user (postgres when we are root).
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_owner_fix() {
  # PostgreSQL insists on owning its data dir (and it must write socket and log).
  is_root || return 0
  chown postgres:postgres "$@"
}

check_traversable() {
  is_root || return 0
  if ! runuser -u postgres -- test -x "$PG_ROOT" 2>/dev/null; then
    die "the 'postgres' user cannot reach $PG_ROOT"
  fi
  [[ "$PG_ROOT" == "$STATE" ]] || ln -sfn "$PG_LOG" "$LOGS/postgres.log"
}

# ---------------------------------------------------------------- psql helpers
# Superuser over the unix socket of our cluster (local trust).
psql_super() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres "$@"
}
# Application user over TCP with its password, as the services connect.
psql_app() {
  PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" "$@"
}

# ---------------------------------------------------------------- init
init_cluster() {
  log "initializing PostgreSQL cluster in $PGDATA_DIR"
  rm -rf "$PGDATA_DIR"
  mkdir -p "$PGDATA_DIR"
  chmod 700 "$PGDATA_DIR"
  pg_owner_fix "$PGDATA_DIR"
  as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 \
    || { log_tail postgres; die "initdb failed"; }
  # Our settings live in grassroots.conf (rewritten at every start).
  as_pg sh -c "echo \"include_if_exists = 'grassroots.conf'\" >>'$PGDATA_DIR/postgresql.conf'"
}

write_conf() {
  local conf="$PGDATA_DIR/grassroots.conf"
  cat >"$conf" <<EOF
# Written by deploy/local/postgres.sh at every start; edits are lost.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
unix_socket_permissions = 0700
max_connections = 200
# 128 MB held little of one province (make bench's databases are about 5 GB): index probes went to the kernel's cache.
# 1 GB keeps the indexes the reports and lists walk in PostgreSQL's own cache, as a server with a quarter of its memory
# for it would (PG_SHARED_BUFFERS to change it).
shared_buffers = ${PG_SHARED_BUFFERS:-1GB}
work_mem = 16MB
# Starting a query's parallel workers took 50-75 ms here (2 cores): a page of member names found in 0.1 ms waited that
# long for its two workers. The planner is told so, and keeps workers for scans long in their own right.
parallel_setup_cost = 20000
maintenance_work_mem = 256MB
dynamic_shared_memory_type = posix
# Checkpoints far apart: after each one, the first change to a page writes the whole page to the WAL, and the bench's
# loads change pages all over indexes keyed by random ids (PostgreSQL's "Populating a Database" advice). A fast stop
# checkpoints, so a restart replays nothing; only a crash replays up to this much.
max_wal_size = ${PG_MAX_WAL_SIZE:-8GB}
min_wal_size = 64MB
checkpoint_timeout = 30min
wal_compression = lz4
password_encryption = scram-sha-256
timezone = 'UTC'
log_timezone = 'UTC'
log_min_messages = warning
log_min_error_statement = error
log_connections = off
log_disconnections = off
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  pg_owner_fix "$conf"
}

# Idempotent: role, one database per service, extension check. Runs at every start (cheap),
# so that a database added to SERVICE_DATABASES later is created too.
provision() {
  psql_super -d postgres -v user="$DB_USER" -v pass="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pass')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pass') \gexec
SQL
  local db
  for db in $SERVICE_DATABASES; do
    psql_super -d postgres -v db="$db" -v user="$DB_USER" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  done
  if [[ ! -f "$PGDATA_DIR/.grassroots-extensions-ok" ]]; then
    local first="${SERVICE_DATABASES%% *}"
    # pg_trgm and unaccent are trusted extensions: the database owner may create them.
    # Checked inside a rolled back transaction: no side effect, only proves the contrib files exist.
    if ! psql_app -d "$first" >>"$PG_LOG" 2>&1 <<'SQL'
BEGIN;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
SELECT similarity(unaccent('Nguyễn Thị Hạnh'), 'Nguyen Thi Hanh');
ROLLBACK;
SQL
    then
      log_tail postgres 20
      die "CREATE EXTENSION pg_trgm/unaccent failed as $DB_USER (install the contrib package of PostgreSQL, on Debian it is part of postgresql-<major>)"
    fi
    as_pg touch "$PGDATA_DIR/.grassroots-extensions-ok"
  fi
}

# ---------------------------------------------------------------- commands
running() { pid_alive postgres "$PG_MARKER"; }

record_pid() {
  head -n1 "$PGDATA_DIR/postmaster.pid" >"$PIDS/postgres.pid"
}

ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres -t 2; }

cmd_start() {
  ensure_pg_bin
  if running; then
    log "postgres already running (pid $(pid_of postgres)) on 127.0.0.1:$PG_PORT"
    return 0
  fi
  # Started earlier but our pid file is gone/stale? The postmaster.pid of the data dir tells.
  if [[ -f "$PGDATA_DIR/postmaster.pid" ]]; then
    record_pid
    if running; then
      log "postgres already running (pid $(pid_of postgres)) on 127.0.0.1:$PG_PORT"
      return 0
    fi
    rm -f "$PIDS/postgres.pid"
  fi
  require_port_free postgres "$PG_PORT" PG_PORT
  check_traversable

  mkdir -p "$PG_SOCKET_DIR"
  chmod 700 "$PG_SOCKET_DIR"
  touch "$PG_LOG"
  pg_owner_fix "$PG_SOCKET_DIR" "$PG_LOG"
  if (( ${#PG_SOCKET_DIR} > 90 )); then
    die "socket folder path too long for a unix socket: $PG_SOCKET_DIR"
  fi

  if [[ ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
    init_cluster
  fi
  write_conf

  log "starting postgres $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT"
  # pg_ctl daemonizes the postmaster (own session, output to the log file).
  # detach.sh: the postmaster must not inherit the caller's descriptors (make/CI pipes).
  local run_as=()
  is_root && run_as=(runuser -u postgres --)
  if ! "$LOCAL_DIR/detach.sh" "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 -s start; then
    log_tail postgres
    die "postgres did not start"
  fi
  record_pid
  wait_for postgres 60 ready
  provision
  log "postgres ready: postgresql://$DB_USER:$DB_PASSWORD@localhost:$PG_PORT/{${SERVICE_DATABASES// /,}}"
}

cmd_stop() {
  if [[ -f "$PGDATA_DIR/postmaster.pid" ]] && ! running; then
    record_pid 2>/dev/null || true
  fi
  if ! running; then
    rm -f "$PIDS/postgres.pid"
    log "postgres not running"
    return 0
  fi
  ensure_pg_bin
  log "stopping postgres (pid $(pid_of postgres))"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 30 -s stop; then
    stop_pid postgres "$PG_MARKER"
  fi
  rm -f "$PIDS/postgres.pid"
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) status_line postgres "$PG_MARKER" ;;
  psql)   shift; ensure_pg_bin; psql_super "$@" ;;
  *) echo "usage: $0 start|stop|status|psql [ARGS...]" >&2; exit 2 ;;
esac
