# shellcheck shell=bash
# ---------------------------------------------------------------- gateway
# The gateway's cost: the same read by id (an organization, organizer token) straight to the organization service and
# through the gateway, with wrk at 8 and 32 connections. Budget: through the gateway at least 0.8 × the direct
# throughput and at most 2 ms more at p50. The machine is noisy (2 shared cores, other VMs), so each count of
# connections runs GATEWAY_BENCH_PAIRS pairs (direct then gateway, back to back) and the verdict is on the medians of
# the pairs' ratios and added p50s. The CPU each process spent per request (from /proc) is printed beside them: it
# hardly depends on the noise and says what the gateway costs against the service it fronts. The rate limits are
# lifted for the run (the gateway is restarted with them raised, and again as it was after).
load_gateway() { :; }

time_gateway() {
  local org=10000000-0000-4000-8000-000000000004 c i token pairs="${GATEWAY_BENCH_PAIRS:-3}" direct gw
  command -v wrk >/dev/null || apt_install_wrk
  gateway_with_limits 1000000000
  token=$(curl -fsS -d grant_type=password -d client_id=grassroots-cli -d username=organizer -d password=organizer \
    "$OIDC_ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  warm_gateway "http://localhost:$GATEWAY_PORT/api/v1/organizations/$org" "$token"
  heading "gateway overhead: GET one organization by id, $pairs pairs of wrk runs of ${GATEWAY_BENCH_SECONDS:-10} s (direct, then through the gateway), medians of the pairs; CPU per request"
  record "$(printf '  %-40s %10s %10s %10s %10s %14s %14s   %s' "connections" "direct/s" "gateway/s" "ratio" "+p50 ms" \
    "gateway cpu ms" "service cpu ms" verdict)"
  for c in 8 32; do
    local pairs_out=""
    for ((i = 1; i <= pairs; i++)); do
      direct=$(wrk_run "$c" "http://localhost:$ORGANIZATION_PORT/api/v1/organizations/$org" "$token")
      gw=$(wrk_run "$c" "http://localhost:$GATEWAY_PORT/api/v1/organizations/$org" "$token")
      pairs_out+="$direct $gw"$'\n'
    done
    # Each line: direct/s, p50, gateway cpu, service cpu (direct run); then the same four for the gateway run.
    record "$(awk -v c="$c" '
      function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
      NF == 8 { n++; d[n] = $1; g[n] = $5; r[n] = $5 / $1; p[n] = $6 - $2; gc[n] = $7; sc[n] = $4 }
      END {
        ratio = median(r, n); added = median(p, n)
        printf "  %-40s %10.0f %10.0f %10.2f %10.2f %14.3f %14.3f   %s", c " connections", median(d, n), median(g, n), ratio,
          added, median(gc, n), median(sc, n), (ratio >= 0.8 && added <= 2) ? "PASS" : "FAIL" }' <<<"$pairs_out")"
  done
  gateway_with_limits ""
  grep -q "connections.*FAIL$" "$RESULTS.part" && FAILED=1
  return 0
}

# warm_gateway URL TOKEN: the gateway was just restarted. Until its JIT compiler is done, it spends several times the
# CPU per request it spends in service (1.2 ms against 0.13 seen after a 15 s warm-up). So traffic in slices of 5 s
# until the CPU per request of a slice is within 10 % of the slice before (at most 2 minutes).
warm_gateway() {
  local i last=0 now
  for ((i = 1; i <= 24; i++)); do
    now=$(wrk_run 32 "$1" "$2" 5 | awk '{print $3}')
    if awk -v a="$last" -v b="$now" 'BEGIN {exit !(a > 0 && b <= a * 1.1 && b >= a * 0.9)}'; then
      break
    fi
    last=$now
  done
  log "gateway warmed up in $((i * 8)) s (last slice $now ms of CPU per request)"
}

# cpu_ticks NAME: CPU time (user + system, in clock ticks) the process of pid file NAME has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$(pid_of "$1")/stat"; }

# wrk_run CONNECTIONS URL TOKEN [SECONDS]: "requests-per-second p50-ms gateway-cpu-ms/request service-cpu-ms/request"
# of one run (after a 3 s warm-up); a non-2xx answer fails.
wrk_run() {
  local out gw0 svc0 gw1 svc1 tick
  tick=$(getconf CLK_TCK)
  wrk -t2 -c"$1" -d3s -H "Authorization: Bearer $3" "$2" >/dev/null
  gw0=$(cpu_ticks gateway) svc0=$(cpu_ticks organization)
  out=$(wrk -t2 -c"$1" -d"${4:-${GATEWAY_BENCH_SECONDS:-10}}s" --latency -H "Authorization: Bearer $3" "$2")
  gw1=$(cpu_ticks gateway) svc1=$(cpu_ticks organization)
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; die "wrk: answers other than 2xx from $2"; fi
  awk -v g=$((gw1 - gw0)) -v s=$((svc1 - svc0)) -v tick="$tick" '
       $2 == "requests" {n = $1} /Requests\/sec/ {r = $2}
       $1 == "50%" {v = $2; if (v ~ /us$/) p = v / 1000; else if (v ~ /ms$/) p = v + 0; else p = v * 1000}
       END {print r, p, g * 1000 / tick / n, s * 1000 / tick / n}' <<<"$out"
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
