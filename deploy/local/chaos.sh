#!/usr/bin/env bash
# The fault suite (`make chaos`). Starts its own stack (GRASSROOTS_STACK=chaos, ports +1000: it never touches the
# dev or test stacks), then runs each case under a steady write load through the gateway (members and cells created
# with Idempotency-Keys; a 503, 502, 504, 429 or timeout is retried with the same key):
#
#   kafka           Kafka stopped ~15 s, then started
#   postgres        a burst of writes (consumers behind), then PostgreSQL stopped ~10 s and started
#   kill-publisher  kill -9 of membership (it publishes the member events), then restart
#   kill-consumer   kill -9 of evaluations (it consumes them), then restart
#
# After each case it checks, by reading the topics and every consumer's database: 0 acknowledged writes lost (each
# is in its service and its created event is on its topic), every acknowledged event applied in every consumer
# (read-model row and processed_event), 0 answers 500, every outbox drained; and prints a table (writes, statuses
# seen, recovery time from the end of the fault, duplicates on the topics). Exits 1 when a check fails. The stack
# is stopped at the end, whatever happens (trap).
#
#   deploy/local/chaos.sh            every case (~8-10 min on 2 cores)
#   deploy/local/chaos.sh short      the PostgreSQL restart with a consumer behind only (for `make test`)
#   deploy/local/chaos.sh CASE...    the named cases
#
# It builds nothing: it runs the jars under services/*/target and gateway/target (./mvnw package first). Keycloak is
# not started: the services trust the test key pair of services/testing, with which Chaos.java mints its token.
set -euo pipefail
export GRASSROOTS_STACK=chaos GRASSROOTS_PORT_OFFSET="${CHAOS_PORT_OFFSET:-1000}"
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ALL_CASES=(kafka postgres kill-publisher kill-consumer)
if [[ $# -eq 0 || "${1:-}" == all ]]; then CASES=("${ALL_CASES[@]}")
elif [[ "$1" == short ]]; then CASES=(postgres)
else CASES=("$@"); fi
for c in "${CASES[@]}"; do
  [[ " ${ALL_CASES[*]} " == *" $c "* ]] || die "unknown case '$c' (cases: ${ALL_CASES[*]}, or short)"
done

LOAD_SECONDS="${CHAOS_LOAD_SECONDS:-40}"     # write load per case
LOAD_RATE="${CHAOS_LOAD_RATE:-8}"            # writes per second
CHECK_TIMEOUT="${CHAOS_CHECK_TIMEOUT:-120}"  # how long a case may take to converge after the fault ends

SERVICES=(organization membership meetings evaluations assignments)
for s in "${SERVICES[@]}"; do
  [[ -f "$REPO/services/$s/target/quarkus-app/quarkus-run.jar" ]] || die "services/$s is not built: ./mvnw -B -q -T1 package -DskipTests first"
done
[[ -f "$REPO/gateway/target/quarkus-app/quarkus-run.jar" ]] || die "the gateway is not built: ./mvnw -B -q -T1 package -DskipTests first"

# The services check tokens against the test key (no Keycloak on this stack).
PUBLIC_KEY="$(grep -v -- '-----' "$REPO/services/testing/src/main/resources/grassroots-testing/publicKey.pem" | tr -d '\n')"
export GRASSROOTS_JAVA_OPTS="-Dquarkus.oidc.auth-server-url= -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.discovery-enabled=false \
-Dquarkus.oidc.public-key=$PUBLIC_KEY -Dquarkus.oidc.token.issuer=https://grassroots.test/realms/grassroots"

# The checker's class path: the Kafka client of the broker's distribution and the PostgreSQL driver of a built service.
KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
PGJDBC="$(ls "$REPO"/services/membership/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar 2>/dev/null | head -1)"
[[ -n "$PGJDBC" ]] || die "no PostgreSQL driver under services/membership/target/quarkus-app/lib/main"
CHAOS_DIR="$STATE/chaos"
chaos_java() {
  java -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$STATE/kafka/tools-log4j2.xml" \
    -cp "$KAFKA_LIBS/*:$PGJDBC" "$LOCAL_DIR/chaos/Chaos.java" "$@"
}

cleanup() {
  local rc=$?
  [[ -n "${LOAD_PID:-}" ]] && kill "$LOAD_PID" 2>/dev/null || true
  log "stopping the chaos stack"
  "$LOCAL_DIR/platform.sh" stop >/dev/null 2>&1 || true
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- the stack
START=$SECONDS
"$LOCAL_DIR/platform.sh" stop >/dev/null 2>&1 || true
rm -rf "$STATE"
mkdir -p "$PIDS" "$LOGS" "$DATA" "$CHAOS_DIR"
"$LOCAL_DIR/postgres.sh" start
"$LOCAL_DIR/kafka.sh" start
SERVICE_HEAP="${SERVICE_HEAP:--Xms32m -Xmx200m}" "$LOCAL_DIR/platform.sh" start-apps
log "chaos stack up in $((SECONDS - START)) s; gateway on :$GATEWAY_PORT"
chaos_java setup "$CHAOS_DIR/tree"

now_ms() { date +%s%3N; }

# service_down NAME: kill -9 by pid file (the process only: its pid is the JVM's)
kill9() {
  local pid
  pid="$(pid_of "$1")"
  [[ -n "$pid" ]] && pid_alive "$1" || die "$1 is not running"
  log "kill -9 $1 (pid $pid)"
  kill -KILL "$pid"
}

readiness() { # NAME: the HTTP status of /q/health/ready (000 when no answer)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://localhost:$(port_of_service "$1")/q/health/ready" || true
}
port_of_service() { local v; v="$(tr '[:lower:]' '[:upper:]' <<<"$1")_PORT"; echo "${!v}"; }

RESULTS="$CHAOS_DIR/results.tsv"
: >"$RESULTS"
NOTES="$CHAOS_DIR/notes.txt"
: >"$NOTES"
FAILED=0

run_case() {
  local name="$1" burst=0 writes="$CHAOS_DIR/$1.writes" heal
  [[ "$name" == postgres ]] && burst=120
  log "case $name: $LOAD_SECONDS s of writes at $LOAD_RATE/s (after a burst of $burst)"
  chaos_java load "$CHAOS_DIR/tree" "$writes" "$LOAD_SECONDS" "$LOAD_RATE" "$burst" &
  LOAD_PID=$!
  case "$name" in
    kafka)
      sleep 8
      "$LOCAL_DIR/kafka.sh" stop
      sleep 6
      local s ready=""
      for s in "${SERVICES[@]}"; do ready+="$s:$(readiness "$s") "; done
      echo "kafka down: /q/health/ready $ready" | tee -a "$NOTES" >&2
      sleep 6
      "$LOCAL_DIR/kafka.sh" start ;;
    postgres)
      sleep 3
      "$LOCAL_DIR/postgres.sh" stop
      sleep 10
      "$LOCAL_DIR/postgres.sh" start ;;
    kill-publisher)
      sleep 10
      kill9 membership
      sleep 5
      "$LOCAL_DIR/platform.sh" restart membership ;;
    kill-consumer)
      sleep 10
      kill9 evaluations
      sleep 5
      "$LOCAL_DIR/platform.sh" restart evaluations ;;
  esac
  heal="$(now_ms)"
  log "case $name: fault over; waiting for the writer"
  wait "$LOAD_PID" || log "the writer of $name exited with $?"
  LOAD_PID=""
  if ! chaos_java check "$name" "$writes" "$heal" "$CHECK_TIMEOUT" >>"$RESULTS"; then
    FAILED=1
  fi
  tail -n1 "$RESULTS" >&2
}

for c in "${CASES[@]}"; do run_case "$c"; done

# ---------------------------------------------------------------- the table
{
  echo
  echo "chaos stack: ${#CASES[@]} case(s) in $((SECONDS - START)) s"
  printf '%-15s %6s %6s %7s  %-34s %4s %5s %11s %10s %10s %9s %s\n' case writes acked retried "statuses seen (all attempts)" 500s lost not-applied "dup(case)" "dup(topic)" recovery result
  while IFS=$'\t' read -r n w a r st f l na d da rec res; do
    printf '%-15s %6s %6s %7s  %-34s %4s %5s %11s %10s %10s %9s %s\n' "$n" "$w" "$a" "$r" "$st" "$f" "$l" "$na" "$d" "$da" "$rec" "$res"
  done <"$RESULTS"
  cat "$NOTES"
  echo "recovery: from the end of the fault until every check passed; dup(case): event ids on the topics more than once among"
  echo "the case's writes; dup(topic): on the whole member and organization topics (events and state) so far"
} | tee "$CHAOS_DIR/table.txt"
exit "$FAILED"
