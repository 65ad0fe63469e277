#!/usr/bin/env bash
# The whole platform of one stack: infrastructure (infra.sh), every service and the gateway from their
# built jars, and the demonstration data. What `make run|stop|status|logs|test` call.
#
#   deploy/local/platform.sh run      build, start everything, wait until healthy, load demo data
#   deploy/local/platform.sh stop     stop the gateway, the services and the infrastructure
#   deploy/local/platform.sh status   one line per process
#   deploy/local/platform.sh logs     follow every log
#   deploy/local/platform.sh restart NAME   restart one service (or the gateway) of a running stack, by its pid
#                                     file, and wait until it is ready (`make restart SERVICE=NAME`)
#   deploy/local/platform.sh test     GRASSROOTS_STACK=test: a fresh stack, every module's tests,
#                                     then the end-to-end tests through the gateway; stops after
#   deploy/local/platform.sh chromium install Debian's chromium + chromium-driver (browser test)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SERVICES=(organization membership meetings evaluations assignments)
SERVICE_HEAP="${SERVICE_HEAP:--Xms32m -Xmx256m}"
# How long a service may take to become ready. Ten JVMs starting at once on two cores, or five restarting while
# five others carry a load, took 70-130 s in CI; a process that dies is noticed at once anyway.
READY_SECONDS="${READY_SECONDS:-300}"
# Extra JVM options for every service and the gateway (e.g. deploy/local/chaos.sh's token key); a restart reuses
# the options the process was started with (saved next to its pid file).
GRASSROOTS_JAVA_OPTS="${GRASSROOTS_JAVA_OPTS:-}"

# INSTANCES=N (make run INSTANCES=2): N instances of every service, the n-th named <service>-n and listening 10 × (n - 1)
# above the service's port (dev: organization-2 on 8091); the gateway balances over them. The gateway stays one.
INSTANCES="${INSTANCES:-1}"
[[ "$INSTANCES" =~ ^[1-9]$ ]] || { echo "INSTANCES must be 1 to 9, not '$INSTANCES'" >&2; exit 2; }

service_of() { [[ "$1" =~ ^(.*)-([0-9])$ ]] && echo "${BASH_REMATCH[1]}" || echo "$1"; }
instance_of() { [[ "$1" =~ -([0-9])$ ]] && echo "${BASH_REMATCH[1]}" || echo 1; }
instances_of() { # the instance names of a service: organization, organization-2, …
  local n
  echo "$1"
  for ((n = 2; n <= INSTANCES; n++)); do echo "$1-$n"; done
}

port_var() { echo "$(tr '[:lower:]' '[:upper:]' <<<"$(service_of "$1")")_PORT"; }

port_of() { # the port of a service instance or the gateway
  local var
  var="$(port_var "$1")"
  echo $(( ${!var} + 10 * ($(instance_of "$1") - 1) ))
}

jar_of() {
  if [[ "$1" == gateway ]]; then echo "$REPO/gateway/target/quarkus-app/quarkus-run.jar"
  else echo "$REPO/services/$(service_of "$1")/target/quarkus-app/quarkus-run.jar"; fi
}

healthy() { curl -fsS "http://localhost:$(port_of "$1")/q/health/ready" >/dev/null; }

build() {
  local s jars=()
  for s in "${SERVICES[@]}" gateway; do jars+=("$(jar_of "$s")"); done
  if up_to_date "${jars[@]}"; then
    log "jars are newer than every source; not rebuilding"
    return 0
  fi
  log "building (./mvnw package, tests skipped)"
  (cd "$REPO" && "$REPO/mvnw" -B -q -T1 package -DskipTests $(contracts_flag))
}

# Builds write the OpenAPI documents into contracts/; the document names the Keycloak of the stack it was
# built for, so only dev builds (the documented defaults) write there.
contracts_flag() {
  [[ "$GRASSROOTS_STACK" == dev ]] || echo "-Dquarkus.smallrye-openapi.store-schema-directory=target/openapi"
}

# up_to_date JAR...: every jar exists and no pom or source file is newer than the oldest of them.
up_to_date() {
  local oldest="" j
  for j in "$@"; do
    [[ -f "$j" ]] || return 1
    if [[ -z "$oldest" || "$j" -ot "$oldest" ]]; then oldest="$j"; fi
  done
  [[ -z "$(find "$REPO/pom.xml" "$REPO/services" "$REPO/gateway" -newer "$oldest" \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -print -quit 2>/dev/null)" ]]
}

start_app() { # NAME HEAP
  local name="$1" heap="$2" port
  port="$(port_of "$name")"
  if pid_alive "$name"; then
    log "$name already running (pid $(pid_of "$name"))"
    return 0
  fi
  require_port_free "$name" "$port" "$(port_var "$name")"
  [[ -f "$(jar_of "$name")" ]] || die "$(jar_of "$name") is missing; build first"
  printf '%s\n' "$GRASSROOTS_JAVA_OPTS" >"$PIDS/$name.opts"
  # shellcheck disable=SC2086
  start_bg "$name" "$LOGS/$name.log" env "$(port_var "$name")=$port" \
    java $heap -XX:+UseSerialGC $GRASSROOTS_JAVA_OPTS -Dstack.state="$STATE/" -jar "$(jar_of "$name")"
}

heap_of() { if [[ "$1" == gateway ]]; then echo "$GATEWAY_HEAP"; else echo "$SERVICE_HEAP"; fi; }

# restart NAME: stop one service (or the gateway) by its pid file (TERM, then KILL after 30 s; a process already
# dead, e.g. killed -9, is fine), start it again from its jar with the options it had, wait until it is ready.
cmd_restart() {
  local name="${1:-}" s known=0 start=$SECONDS
  for s in "${SERVICES[@]}" gateway; do [[ "$s" == "$(service_of "$name")" ]] && known=1; done
  ((known)) || die "usage: $0 restart NAME (one of: ${SERVICES[*]} gateway, or an instance such as organization-2)"
  if [[ -f "$PIDS/$name.opts" && -z "$GRASSROOTS_JAVA_OPTS" ]]; then
    GRASSROOTS_JAVA_OPTS="$(cat "$PIDS/$name.opts")"
  fi
  stop_pid "$name"
  [[ "$name" != gateway ]] || export_routes
  start_app "$name" "$(heap_of "$name")"
  wait_for "$name" "$READY_SECONDS" healthy "$name"
  log "$name restarted and ready on :$(port_of "$name") in $((SECONDS - start)) s"
}

# export_routes: <SERVICE>_URL for the gateway, every instance of the service that has a pid file
# (grassroots.routes.<service>.url takes a list), so that a restarted gateway finds them all too.
export_routes() {
  local s f urls
  for s in "${SERVICES[@]}"; do
    urls="http://127.0.0.1:$(port_of "$s")"
    for f in "$PIDS/$s"-[0-9].pid; do
      if [[ -e "$f" ]]; then urls="$urls,http://127.0.0.1:$(port_of "$(basename "$f" .pid)")"; fi
    done
    export "$(tr '[:lower:]' '[:upper:]' <<<"$s")_URL=$urls"
  done
}

start_apps() {
  local s i
  for s in "${SERVICES[@]}"; do for i in $(instances_of "$s"); do start_app "$i" "$SERVICE_HEAP"; done; done
  for s in "${SERVICES[@]}"; do
    for i in $(instances_of "$s"); do wait_for "$i" "$READY_SECONDS" healthy "$i"; log "$i ready on :$(port_of "$i")"; done
  done
  export_routes
  start_app gateway "$GATEWAY_HEAP"
  wait_for gateway "$READY_SECONDS" healthy gateway
  log "gateway ready on :$GATEWAY_PORT"
}

stop_apps() {
  local s f
  stop_pid gateway
  for s in "${SERVICES[@]}"; do
    stop_pid "$s"
    for f in "$PIDS/$s"-[0-9].pid; do
      if [[ -e "$f" ]]; then stop_pid "$(basename "$f" .pid)"; fi
    done
  done
}

load_demo() {
  log "loading demonstration data through the gateway"
  java "$REPO/deploy/demo/LoadDemo.java" "http://localhost:$GATEWAY_PORT" "$OIDC_ISSUER" "$REPO/deploy/demo/demo-data.txt"
}

cmd_run() {
  if pid_alive gateway; then
    log "Grassroots ($GRASSROOTS_STACK) is already running; nothing changed (make stop to stop it)"
    print_addresses
    return 0
  fi
  local start=$SECONDS
  ensure_fonts
  build
  "$LOCAL_DIR/infra.sh" up >/dev/null
  start_apps
  load_demo
  log "started in $((SECONDS - start)) s"
  print_addresses
}

cmd_stop() {
  stop_apps
  "$LOCAL_DIR/infra.sh" down
}

cmd_status() {
  "$LOCAL_DIR/infra.sh" status
  local s f
  for s in "${SERVICES[@]}" gateway; do
    status_line "$s"
    for f in "$PIDS/$s"-[0-9].pid; do
      if [[ -e "$f" ]]; then status_line "$(basename "$f" .pid)"; fi
    done
  done
}

cmd_logs() {
  local files=("$LOGS"/*.log)
  exec tail -n 20 -F "${files[@]}"
}

print_addresses() {
  cat <<EOF

  Swagger UI   http://localhost:$GATEWAY_PORT/q/swagger-ui   (Authorize: client grassroots-swagger)
  API          http://localhost:$GATEWAY_PORT/api/v1/organizations
  Keycloak     $KEYCLOAK_URL   (realm grassroots; admin console kcadmin / kcadmin)
  Accounts     admin/admin (whole tree) · organizer/organizer (Tuần Giáo district)
               secretary/secretary and member/member (Chi bộ bản Cang) · auditor/auditor
               service account: client grassroots-integration, secret integration-secret
  Logs         $LOGS   (make logs)
EOF
}

# apt_install CHECK_FILE PACKAGE...: installs Debian packages unless CHECK_FILE exists already (root only;
# a stale package list is the usual reason for a failed install, so the list is updated only then).
apt_install() {
  local check="$1"; shift
  [[ -e "$check" ]] && return 0
  [[ "$(id -u)" == 0 ]] || die "$check is missing: apt-get install $*"
  log "installing $* (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "$@" >/dev/null \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "$@" >/dev/null; } \
    || die "could not install $*"
}

# The gateway's Swagger UI test drives Debian's Chromium through its chromedriver; it is installed
# here, from the distribution, because no test tool may download a browser of its own.
ensure_chromium() {
  apt_install /usr/bin/chromedriver chromium chromium-driver
  apt_install /usr/bin/chromium chromium chromium-driver
}

# The evaluations service sets its PDF report in DejaVu Sans, which has the Vietnamese letters.
ensure_fonts() {
  apt_install /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf fonts-dejavu-core
}

fast_test_modules() {
  local m=services/common,services/testing s
  for s in "${SERVICES[@]}"; do m+=",services/$s"; done
  echo "$m"
}

cmd_test() {
  [[ "$GRASSROOTS_STACK" == test ]] || die "run tests with GRASSROOTS_STACK=test"
  local start=$SECONDS
  ensure_chromium
  ensure_fonts
  cmd_stop >/dev/null 2>&1 || true
  rm -rf "$STATE"
  mkdir -p "$PIDS" "$LOGS" "$DATA"
  # CI shows only part of the output: the last line names the step that failed.
  TEST_STEP="the fast tests"
  trap 'rc=$?; cmd_stop >/dev/null 2>&1 || true; ((rc == 0)) || log "make test FAILED in $TEST_STEP (exit $rc)"' EXIT
  # The contract linters install from npm while the modules build and test (network, not CPU).
  "$LOCAL_DIR/lint-contracts.sh" install >"$LOGS/contract-lint-install.log" 2>&1 &
  local linters=$!
  # Fast tests first, without PostgreSQL or Kafka: a broken rule or a dependency pointing the wrong way fails in
  # minutes, before any infrastructure starts (the same tests run again, with the rest, in each module below).
  log "fast tests: services/common's unit tests, every service's ArchitectureTest and domain tests"
  (cd "$REPO" && "$REPO/mvnw" -B -q -T1 test -pl "$(fast_test_modules)" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='vn/grassroots/common/**/*Test,**/ArchitectureTest,**/domain/**/*Test')
  log "fast tests passed after $((SECONDS - start)) s"
  TEST_STEP="starting PostgreSQL, Kafka and Keycloak"
  "$LOCAL_DIR/infra.sh" up >/dev/null
  log "infrastructure up after $((SECONDS - start)) s; running every module's tests"
  TEST_STEP="the module tests"
  (cd "$REPO" && "$REPO/mvnw" -B -T1 install $(contracts_flag))
  log "module tests passed after $((SECONDS - start)) s; linting the contracts they wrote"
  TEST_STEP="the contract linters"
  wait "$linters" || { cat "$LOGS/contract-lint-install.log" >&2; die "the contract linters did not install"; }
  "$LOCAL_DIR/lint-contracts.sh"
  log "contracts linted after $((SECONDS - start)) s; checking the Kubernetes deployment"
  TEST_STEP="the Kubernetes deployment check"
  "$REPO/deploy/kubernetes/check.sh"
  log "Kubernetes deployment checked after $((SECONDS - start)) s; starting the platform for the end-to-end tests"
  # Tracing on, exported to TracingIT's collector. A request is traced only if it comes with a sampled traceparent
  # (a new trace is sampled at ratio 0), so the other tests export nothing.
  GRASSROOTS_JAVA_OPTS+=" -Dquarkus.otel.sdk.disabled=false -Dquarkus.otel.exporter.otlp.endpoint=http://127.0.0.1:$OTLP_PORT"
  GRASSROOTS_JAVA_OPTS+=" -Dquarkus.otel.traces.sampler.arg=0 -Dquarkus.otel.bsp.schedule.delay=500ms"
  TEST_STEP="the end-to-end tests"
  start_apps
  load_demo
  (cd "$REPO" && "$REPO/mvnw" -B -pl gateway -Pe2e verify)
  cmd_stop >/dev/null 2>&1 || true
  log "end-to-end tests passed after $((SECONDS - start)) s; the short fault cases (PostgreSQL restart with consumers behind; two instances and three Kafka nodes, one of each killed)"
  TEST_STEP="the fault cases (chaos.sh short)"
  "$LOCAL_DIR/chaos.sh" short
  log "all tests passed in $((SECONDS - start)) s"
}

case "${1:-}" in
  run) cmd_run ;;
  # stop takes no name: 'stop gateway' used to stop the whole stack without a word
  stop) [[ $# -eq 1 ]] || die "stop takes no name and stops the whole stack; to stop one, kill the pid in $PIDS/NAME.pid, or restart NAME"; cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs ;;
  test) cmd_test ;;
  restart) shift; cmd_restart "${1:-}" ;;
  start-apps) start_apps ;;
  chromium) ensure_chromium ;;
  *) echo "usage: $0 run|stop|status|logs|test|restart NAME|chromium" >&2; exit 2 ;;
esac
