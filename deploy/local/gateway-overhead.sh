#!/usr/bin/env bash
# The gateway's overhead: the same read (GET /api/v1/organizations/<id> with a real organizer token)
# through the gateway and straight to the organization service, one after the other in one run, with
# wrk (Debian package, installed here when missing and root). Prints requests per second and p99.
#
#   GRASSROOTS_STACK=dev deploy/local/gateway-overhead.sh     on a running stack (make run)
#
# The gateway must be started with rate limits above the load, or it measures 429s (this script stops
# if any answer is not a 200), e.g. for the `gw` stack:
#   RATE_LIMIT_USER_CAPACITY=1000000 RATE_LIMIT_USER_PER_SECOND=1000000 \
#   RATE_LIMIT_CLIENT_CAPACITY=1000000 RATE_LIMIT_CLIENT_PER_SECOND=1000000 GRASSROOTS_STACK=gw deploy/local/platform.sh run
# DURATION (default 20s), CONNECTIONS (16) and THREADS (2) tune wrk; a warm-up of WARMUP (5s) precedes each.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
ORG_ID="${ORG_ID:-10000000-0000-4000-8000-000000000004}"   # Chi bộ bản Cang, in the organizer's district

if ! command -v wrk >/dev/null; then
  [[ "$(id -u)" == 0 ]] || die "wrk is missing: apt-get install wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi

GATEWAY="http://localhost:$GATEWAY_PORT/api/v1/organizations/$ORG_ID"
DIRECT="http://localhost:$ORGANIZATION_PORT/api/v1/organizations/$ORG_ID"
TOKEN=$(curl -fsS -d grant_type=password -d client_id=grassroots-cli -d username=organizer -d password=organizer \
  "$OIDC_ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/') \
  || die "no token from $OIDC_ISSUER: is the stack running?"
for url in "$GATEWAY" "$DIRECT"; do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url")" == 200 ]] || die "$url does not answer 200"
done

# run NAME URL: one wrk run; prints "NAME rps p99" and keeps wrk's full output in $LOGS.
run() {
  local name="$1" url="$2" out="$LOGS/overhead-$1.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url" >"$out"
  if grep -q 'Non-2xx' "$out"; then
    cat "$out" >&2
    die "$name: some answers were not 200 (rate limits of the gateway too low for this load?)"
  fi
  printf '%-8s %10s req/s   p50 %8s   p99 %8s\n' "$name" \
    "$(awk '/Requests\/sec/ {print $2}' "$out")" "$(awk '$1 == "50%" {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")"
}

log "GET $ORG_ID, $CONNECTIONS connections, $THREADS threads, $DURATION each (after $WARMUP warm-up); wrk output in $LOGS"
run direct "$DIRECT"
run gateway "$GATEWAY"
