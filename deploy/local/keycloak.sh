#!/usr/bin/env bash
# Local Keycloak for the Grassroots stack: the official Keycloak server distribution
# (org.keycloak:keycloak-quarkus-dist:<version>:zip from Maven Central, fetched once with the
# Maven wrapper into .run/cache), unpacked per stack into .run/<stack>/keycloak and run in
# development mode (embedded H2 file database) with the realm deploy/keycloak/grassroots-realm.json.
#
#   deploy/local/keycloak.sh start|stop|status|token USER [PASSWORD]
#
# Issuer of every token: http://localhost:$KEYCLOAK_PORT/realms/grassroots (also when the token
# is requested through 127.0.0.1). Admin console: $KEYCLOAK_URL/admin (kcadmin / kcadmin).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

KC_ZIP="$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
KC_HOME="$STATE/keycloak"
KC_LOG="$LOGS/keycloak.log"
REALM_FILE="$REPO/deploy/keycloak/grassroots-realm.json"
REALM_NAME=grassroots
WELL_KNOWN="http://localhost:$KEYCLOAK_PORT/realms/$REALM_NAME/.well-known/openid-configuration"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-240}"

# ---------------------------------------------------------------- distribution
fetch_zip() {
  [[ -s "$KC_ZIP" ]] && return 0
  log "fetching Keycloak $KEYCLOAK_VERSION from Maven Central (one time, ~160 MB)"
  local tmp="$CACHE/.keycloak-download.$$"
  rm -rf "$tmp"
  # The standalone pom of deploy/local/kafka is only used as a neutral project here, so that
  # the download does not depend on the state of the main reactor.
  if ! mvnw -f "$LOCAL_DIR/kafka/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true; then
    rm -rf "$tmp"
    die "could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip with Maven"
  fi
  mv "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" "$KC_ZIP"
  rm -rf "$tmp"
}

extract_zip() { # ZIP DEST
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$1" -d "$2"
  elif command -v jar >/dev/null 2>&1 || [[ -x "${JAVA_HOME:-/nonexistent}/bin/jar" ]]; then
    local jar="jar"
    command -v jar >/dev/null 2>&1 || jar="$JAVA_HOME/bin/jar"
    (cd "$2" && "$jar" xf "$1")
    chmod +x "$2"/keycloak-*/bin/*.sh   # jar does not keep the executable bits
  elif is_root && command -v apt-get >/dev/null 2>&1; then
    log "installing unzip with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends unzip >/dev/null \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends unzip; }
    unzip -q "$1" -d "$2"
  else
    die "need unzip (or the JDK's jar tool) to unpack $1"
  fi
}

install_dist() {
  local installed=""
  [[ -f "$KC_HOME/version.txt" ]] && installed="$(cat "$KC_HOME/version.txt")"
  if [[ -x "$KC_HOME/bin/kc.sh" && "$installed" == *" $KEYCLOAK_VERSION"* ]]; then
    return 0
  fi
  with_lock "keycloak-$KEYCLOAK_VERSION" fetch_zip
  log "unpacking Keycloak $KEYCLOAK_VERSION into $KC_HOME"
  local tmp="$STATE/.keycloak-unpack.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  extract_zip "$KC_ZIP" "$tmp"
  [[ -x "$tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || die "unexpected content in $KC_ZIP"
  if [[ -d "$KC_HOME" ]]; then
    # another version was installed: keep its data (H2 database is migrated on start)
    [[ -d "$KC_HOME/data" ]] && mv "$KC_HOME/data" "$tmp/keycloak-$KEYCLOAK_VERSION/data"
    rm -rf "$KC_HOME"
  fi
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

# Put the realm file where --import-realm reads it. Import never overwrites an existing realm,
# so when the realm file changed since the last import the dev database is reset (this stack's
# Keycloak holds nothing but the realm file's content).
stage_realm() {
  [[ -f "$REALM_FILE" ]] || die "missing $REALM_FILE"
  local import_dir="$KC_HOME/data/import" h2="$KC_HOME/data/h2"
  mkdir -p "$import_dir"
  if [[ -d "$h2" ]] && ! cmp -s "$REALM_FILE" "$import_dir/$REALM_NAME-realm.json"; then
    log "realm file changed since the last import: resetting this stack's Keycloak database"
    rm -rf "$h2"
  fi
  cp "$REALM_FILE" "$import_dir/$REALM_NAME-realm.json"
}

realm_ready() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$WELL_KNOWN")" == 200 ]]
}

# ---------------------------------------------------------------- commands
cmd_start() {
  if pid_alive keycloak; then
    log "keycloak already running (pid $(pid_of keycloak)) on $KEYCLOAK_URL"
    return 0
  fi
  require_port_free keycloak "$KEYCLOAK_PORT" KEYCLOAK_PORT
  require_port_free "keycloak management" "$KEYCLOAK_MANAGEMENT_PORT" KEYCLOAK_MANAGEMENT_PORT
  command -v java >/dev/null 2>&1 || [[ -n "${JAVA_HOME:-}" ]] || die "java not found (JDK 17+ required)"

  install_dist
  stage_realm

  log "starting keycloak $KEYCLOAK_VERSION on $KEYCLOAK_URL (management port $KEYCLOAK_MANAGEMENT_PORT)"
  start_bg keycloak "$KC_LOG" env \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin}" \
    JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}" \
    KC_LOG_CONSOLE_COLOR=false \
    "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 \
      --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --hostname="http://localhost:$KEYCLOAK_PORT" \
      --health-enabled=true \
      --import-realm
}

cmd_wait() {
  local t="${1:-$KEYCLOAK_START_TIMEOUT}"
  wait_for keycloak "$t" realm_ready
  log "keycloak ready: issuer $OIDC_ISSUER (admin console $KEYCLOAK_URL/admin, kcadmin/kcadmin)"
}

# Print an access token (password grant through the public demo client grassroots-cli).
cmd_token() {
  local user="${1:?usage: $0 token USER [PASSWORD]}" pass="${2:-$1}"
  curl -sf -d grant_type=password -d client_id=grassroots-cli \
    --data-urlencode "username=$user" --data-urlencode "password=$pass" \
    "$KEYCLOAK_URL/realms/$REALM_NAME/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

case "${1:-}" in
  start)  cmd_start; cmd_wait ;;
  start-nowait) cmd_start ;;
  wait)   cmd_wait "${2:-$KEYCLOAK_START_TIMEOUT}" ;;
  stop)
    if pid_alive keycloak; then stop_pid keycloak; else rm -f "$PIDS/keycloak.pid"; log "keycloak not running"; fi ;;
  status) status_line keycloak ;;
  token)  shift; cmd_token "$@" ;;
  *) echo "usage: $0 start|stop|status|token USER [PASSWORD]" >&2; exit 2 ;;
esac
