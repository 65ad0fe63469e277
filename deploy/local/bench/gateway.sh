# shellcheck shell=bash
# ---------------------------------------------------------------- gateway
# The gateway's cost: the same read by id (an organization, organizer token) straight to the organization service and
# through the gateway, with wrk at 8 and 32 connections, one after the other in one run. Budget: through the gateway
# at least 0.8 × the direct throughput and at most 2 ms more at p50. The rate limits are lifted for the run (the
# gateway is restarted with them raised, and again as it was after).
load_gateway() { :; }

time_gateway() {
  local org=10000000-0000-4000-8000-000000000004 c direct gw token
  command -v wrk >/dev/null || apt_install_wrk
  gateway_with_limits 1000000000
  token=$(curl -fsS -d grant_type=password -d client_id=grassroots-cli -d username=organizer -d password=organizer \
    "$OIDC_ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  # The gateway was just restarted: 15 s of traffic first, so that it is measured compiled (JIT) as it runs in service.
  wrk -t2 -c32 -d15s -H "Authorization: Bearer $token" "http://localhost:$GATEWAY_PORT/api/v1/organizations/$org" >/dev/null
  heading "gateway overhead: GET one organization by id, wrk ${GATEWAY_BENCH_SECONDS:-15} s per run after a 3 s warm-up (the gateway after 15 s more)"
  record "$(printf '  %-66s %10s %10s %10s %10s   %s' "connections" "direct/s" "gateway/s" "ratio" "+p50 ms" verdict)"
  for c in 8 32; do
    direct=$(wrk_run "$c" "http://localhost:$ORGANIZATION_PORT/api/v1/organizations/$org" "$token")
    gw=$(wrk_run "$c" "http://localhost:$GATEWAY_PORT/api/v1/organizations/$org" "$token")
    record "$(awk -v c="$c" -v d="$direct" -v g="$gw" 'BEGIN {
      split(d, a, " "); split(g, b, " "); ratio = b[1] / a[1]; added = b[2] - a[2]
      printf "  %-66s %10.0f %10.0f %10.2f %10.2f   %s", c " connections", a[1], b[1], ratio, added,
        (ratio >= 0.8 && added <= 2) ? "PASS" : "FAIL" }')"
  done
  gateway_with_limits ""
  grep -q "connections.*FAIL$" "$RESULTS.part" && FAILED=1
  return 0
}

# wrk_run CONNECTIONS URL TOKEN: "requests-per-second p50-ms" of one run (after a warm-up); a non-2xx answer fails.
wrk_run() {
  local out
  wrk -t2 -c"$1" -d3s -H "Authorization: Bearer $3" "$2" >/dev/null
  out=$(wrk -t2 -c"$1" -d"${GATEWAY_BENCH_SECONDS:-15}s" --latency -H "Authorization: Bearer $3" "$2")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; die "wrk: answers other than 2xx from $2"; fi
  awk '/Requests\/sec/ {r = $2} $1 == "50%" {v = $2; if (v ~ /us$/) p = v / 1000; else if (v ~ /ms$/) p = v + 0; else p = v * 1000}
       END {print r, p}' <<<"$out"
}

# gateway_with_limits N: restarts the gateway with every rate limit at N per second ("" = its configured limits).
gateway_with_limits() {
  # shellcheck disable=SC2086 # GATEWAY_HEAP is several options
  stop_pid gateway
  if [[ -n "$1" ]]; then
    RATE_LIMIT_USER_CAPACITY="$1" RATE_LIMIT_USER_PER_SECOND="$1" RATE_LIMIT_CLIENT_CAPACITY="$1" RATE_LIMIT_CLIENT_PER_SECOND="$1" \
      start_bg gateway "$LOGS/gateway.log" java $GATEWAY_HEAP -XX:+UseSerialGC -Dstack.state="$STATE/" \
      -jar "$REPO/gateway/target/quarkus-app/quarkus-run.jar"
  else
    start_bg gateway "$LOGS/gateway.log" java $GATEWAY_HEAP -XX:+UseSerialGC -Dstack.state="$STATE/" \
      -jar "$REPO/gateway/target/quarkus-app/quarkus-run.jar"
  fi
  wait_for gateway 120 curl -fsS "http://localhost:$GATEWAY_PORT/q/health/ready" -o /dev/null
}

apt_install_wrk() {
  [[ "$(id -u)" == 0 ]] || die "wrk is missing: apt-get install wrk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
}
