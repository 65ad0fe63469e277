#!/usr/bin/env bash
# The local infrastructure of one Grassroots stack: PostgreSQL, Kafka (KRaft) and Keycloak, as
# real processes (no containers). State, data and logs: .run/$GRASSROOTS_STACK/.
#
#   deploy/local/infra.sh up|down|status|logs [COMPONENT]|env
#
#   GRASSROOTS_STACK=dev  (default) ports 55432 / 59092 / 58080   used by `make run`
#   GRASSROOTS_STACK=test           ports 55532 / 59192 / 58180   used by `make test`
# Both stacks can run at the same time. Every port can be overridden (see env.sh).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

COMPONENTS=(postgres kafka keycloak)

marker() { # pid_alive marker of a component
  case "$1" in
    postgres) echo "$DATA/postgres" ;;
    *) echo "$STATE/" ;;
  esac
}

# Fail before starting anything when a port of a component that is not running (as ours) is
# taken by something else.
preflight() {
  local bad=0
  check() { # COMPONENT NAME PORT VAR
    pid_alive "$1" "$(marker "$1")" && return 0
    if ! port_free "$3"; then
      ( require_port_free "$2" "$3" "$4" ) || bad=1
    fi
  }
  check postgres postgres "$PG_PORT" PG_PORT
  check kafka kafka "$KAFKA_PORT" KAFKA_PORT
  check kafka "kafka controller" "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT
  check keycloak keycloak "$KEYCLOAK_PORT" KEYCLOAK_PORT
  check keycloak "keycloak management" "$KEYCLOAK_MANAGEMENT_PORT" KEYCLOAK_MANAGEMENT_PORT
  ((bad == 0)) || die "cannot start the '$GRASSROOTS_STACK' stack (see above)"
}

cmd_up() {
  local start=$SECONDS
  preflight
  # Keycloak is by far the slowest: launch it first in the background, start the others
  # meanwhile, then wait for everything.
  "$LOCAL_DIR/keycloak.sh" start-nowait
  "$LOCAL_DIR/postgres.sh" start
  "$LOCAL_DIR/kafka.sh" start-nowait
  "$LOCAL_DIR/kafka.sh" wait
  "$LOCAL_DIR/keycloak.sh" wait
  log "infrastructure of stack '$GRASSROOTS_STACK' is up ($((SECONDS - start)) s)"
  cmd_env
}

cmd_down() {
  local rc=0
  "$LOCAL_DIR/keycloak.sh" stop || rc=1
  "$LOCAL_DIR/kafka.sh" stop || rc=1
  "$LOCAL_DIR/postgres.sh" stop || rc=1
  return $rc
}

cmd_status() {
  local c
  echo "stack $GRASSROOTS_STACK ($STATE)"
  for c in "${COMPONENTS[@]}"; do
    status_line "$c" "$(marker "$c")"
  done
}

cmd_env() {
  cat <<EOF
  postgres  jdbc:postgresql://localhost:$PG_PORT/<db>  user $DB_USER / $DB_PASSWORD  dbs: $SERVICE_DATABASES
  kafka     $KAFKA_BOOTSTRAP
  keycloak  $KEYCLOAK_URL  issuer $OIDC_ISSUER  (admin console: kcadmin / kcadmin)
  logs      $LOGS
EOF
}

cmd_logs() {
  local files=()
  if (($# == 0)); then
    files=("$LOGS"/postgres.log "$LOGS"/kafka.log "$LOGS"/keycloak.log)
  else
    for c in "$@"; do files+=("$LOGS/$c.log"); done
  fi
  exec tail -n 30 -F "${files[@]}"
}

case "${1:-}" in
  up)     cmd_up ;;
  down)   cmd_down ;;
  status) cmd_status ;;
  logs)   shift; cmd_logs "$@" ;;
  env)    cmd_env ;;
  *) echo "usage: $0 up|down|status|logs [postgres|kafka|keycloak]|env" >&2; exit 2 ;;
esac
