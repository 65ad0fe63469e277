#!/usr/bin/env bash
# make bench: the platform at the scale of a province, on the running dev stack (make run). Synthetic data goes straight
# into each service's own database (generate_series, no loaders; bench/<service>.sh says what); then the calls that must
# stay fast are timed through the gateway with a real admin token, RUNS times each, against their budgets (p50 through
# the gateway, p95 at most 3 × p50). The table goes to .run/<stack>/bench/results.txt (diffable between runs) and the
# script exits non-zero when any budget is missed.
#
#   deploy/local/bench.sh [SERVICE...]          load (once) and time; default every service
#   BENCH_PHASE=load deploy/local/bench.sh …    only load (needs PostgreSQL only, with the services' schemas)
#   BENCH_PHASE=time deploy/local/bench.sh …    only time (needs the gateway)
#   SCALE=nation deploy/local/bench.sh …         the country on top: 63 provinces, 5.6 million members (bench/nation.sh)
#
# Province p, district d, grassroots committee g, cell c have the ids md5('p<p>'), md5('d<p>-<d>'), md5('g<p>-<d>-<g>'),
# md5('c<p>-<d>-<g>-<c>') and paths of these ids; the timed province is province 1, the timed district 1-7.
# Every load step checks what is there first: a second run inserts nothing. `make stop; rm -rf .run/dev` drops it all.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PROVINCES="${PROVINCES:-8}"
MEMBERS="${MEMBERS:-400000}"
RUNS="${RUNS:-20}"
BENCH_PHASE="${BENCH_PHASE:-all}"
SCALE="${SCALE:-province}"
[[ "$SCALE" == province || "$SCALE" == nation ]] || die "SCALE is province or nation"
GW="http://localhost:$GATEWAY_PORT/api/v1"
# Budgets (ms, p50 through the gateway): a report of a province, of a district, a page of a list.
PROVINCE_MS=300
DISTRICT_MS=100
PAGE_MS=50
RESULTS_DIR="$STATE/bench"
RESULTS="$RESULTS_DIR/results.txt"
FAILED=0
LAST_MEDIAN=0

# sql DB [psql args]: psql on a service's database, unaligned, tuples only.
sql() { local db="$1"; shift; "$LOCAL_DIR/postgres.sh" psql -d "$db" -At "$@"; }

# record LINE: prints a line of the table and keeps it for the results file.
record() { printf '%s\n' "$1" | tee -a "$RESULTS.part"; }

# time_calls NAME BUDGET_MS METHOD URL [BODY]: RUNS calls (after two untimed ones for a GET); median, p95, max, the budget and PASS/FAIL
# (BUDGET_MS "-": timed, no budget). A call that does not answer 2xx fails the bench.
time_calls() {
  local name="$1" budget="$2" method="$3" url="$4" body="${5:-}" i t times=() line verdict
  # Two calls first, not timed, as the service answers them once it runs warm (a GET only: they change nothing).
  if [[ "$method" == GET ]]; then
    for ((i = 0; i < 2; i++)); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"; done
  fi
  for ((i = 0; i < RUNS; i++)); do
    if [[ -n "$body" ]]; then
      t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X "$method" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d "$body" "$url")
    else
      t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$url")
    fi
    if [[ "${t%% *}" != 2* ]]; then
      record "$(printf '  %-66s answered %s                                        FAIL' "$name" "${t%% *}")"
      FAILED=1
      return 0
    fi
    times+=("${t#* }")
  done
  line=$(printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" -v b="$budget" '{a[NR]=$1*1000} END {
    med = a[int((NR+1)/2)]; p95 = a[int(NR*0.95+0.5)]
    v = (b == "-") ? "" : ((med <= b && p95 <= 3 * med) ? "PASS" : "FAIL")
    printf "  %-66s %8.1f %8.1f %8.1f %8s   %s|%.1f\n", n, med, p95, a[NR], (b == "-" ? "-" : b), v, med}')
  LAST_MEDIAN="${line##*|}"
  line="${line%|*}"
  [[ "$line" != *FAIL ]] || FAILED=1
  record "$line"
}

# warm URL: untimed calls of one of a service's pages (WARM_CALLS, default 100) before its calls are timed. A service
# just started answers before its JIT compiler is done: members of a district took 49.9 ms p50 right after make run and
# 21.6 ms two minutes later (2026-12-02), while the budgets are of a service that runs warm.
warm() {
  local i start=$SECONDS
  for ((i = 0; i < ${WARM_CALLS:-100}; i++)); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$1"; done
  log "warmed with ${WARM_CALLS:-100} calls of ${1#"$GW"} in $((SECONDS - start)) s"
}

# vs_sql DB SQL: the median time of a hand-written query giving the same numbers as the call timed last, run RUNS
# times by psql on the service's database, and how many times slower the call through the gateway is.
vs_sql() {
  local db="$1" query="$2" med
  med=$( (echo '\timing on'; for ((i = 0; i < RUNS; i++)); do echo "$query;"; done) | sql "$db" 2>/dev/null \
    | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  record "$(printf '  %-66s %8.1f   call / SQL = %.3f' "  ↳ hand-written SQL giving the same numbers" "$med" \
    "$(awk -v a="$LAST_MEDIAN" -v b="$med" 'BEGIN {print (b > 0) ? a / b : 0}')")"
}

# time_export NAME URL: a background export (POST URL) from start to its file downloaded: the answer to the POST
# (budget: a report of a province), then the whole run, its rows and rows per second (no budget). A failed export fails the bench.
time_export() {
  local name="$1" url="$2" t0 posted location status export rows lines
  t0=$(date +%s%N)
  posted=$(curl -s -D - -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H "Authorization: Bearer $TOKEN" "$url")
  location=$(sed -nE 's/^[Ll]ocation: *([^\r]+)\r?$/\1/p' <<<"$posted")
  status=$(tail -1 <<<"$posted")
  if [[ "${status%% *}" != 202 || -z "$location" ]]; then
    record "$(printf '  %-66s answered %s                                        FAIL' "$name" "${status%% *}")"
    FAILED=1
    return 0
  fi
  while export=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://localhost:$GATEWAY_PORT$location") \
    && [[ "$export" == *'"status":"QUEUED"'* || "$export" == *'"status":"RUNNING"'* ]]; do
    sleep 0.5
  done
  rows=$(sed -nE 's/.*"rowsWritten":([0-9]+).*/\1/p' <<<"$export")
  lines=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://localhost:$GATEWAY_PORT$location/file" | wc -l)
  if [[ "$export" != *'"status":"SUCCEEDED"'* || "$lines" -ne $((rows + 1)) ]]; then
    record "$(printf '  %-66s %s, %s lines for %s rows                          FAIL' "$name" "$export" "$lines" "$rows")"
    FAILED=1
    return 0
  fi
  awk -v n="$name" -v p="${status#* }" -v t="$(( ($(date +%s%N) - t0) / 1000000 ))" -v r="$rows" -v b="$PROVINCE_MS" 'BEGIN {
    printf "  %-66s %8.1f %8s %8s %8s   %s\n", n " (POST, 202)", p * 1000, "-", "-", b, (p * 1000 <= b) ? "PASS" : "FAIL"
    printf "  %-66s %8.0f   %d rows, %.0f rows/s\n", "  ↳ queued, written and downloaded in (ms)", t, r, r * 1000 / t }' \
    | while IFS= read -r line; do record "$line"; done
  grep -q "(POST, 202).*FAIL$" "$RESULTS.part" && FAILED=1
  return 0
}

# heading TEXT: a section of the table.
heading() { record ""; record "$1"; }

# explain DB TITLE SQL: the plan of a query as the service runs it, indented (printed, not kept in the table).
explain() {
  echo; echo "$2:"
  sql "$1" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $3" | sed 's/^/  /'
}

# insert_once DB WHAT COUNT_SQL EXPECTED: reads stdin (the inserting SQL) and runs it only when COUNT_SQL
# answers less than EXPECTED; the SQL itself skips rows already there, so an interrupted run completes.
insert_once() {
  local db="$1" what="$2" have start
  have=$(sql "$db" -c "$3")
  if ((have >= $4)); then
    cat >/dev/null
    return 0
  fi
  log "$db: inserting $what"
  start=$SECONDS
  sql "$db" -q -v ON_ERROR_STOP=1 >/dev/null
  log "$db: inserted in $((SECONDS - start)) s"
}

# Paths and ids of province 1 in SQL, as in the organization database.
P_PATH="'/' || md5('p1')::uuid || '/'"
D_PATH="$P_PATH || md5('d1-' || d)::uuid || '/'"
G_PATH="$D_PATH || md5('g1-' || d || '-' || g)::uuid || '/'"
C_PATH="$G_PATH || md5('c1-' || d || '-' || g || '-' || c)::uuid || '/'"
# The cell of member k (district d, committee g, cell c), as a FROM item over generate_series(1, MEMBERS) k.
MEMBER_CELL="LATERAL (SELECT (k - 1) % 36000 AS i) x, LATERAL (SELECT x.i / 1200 + 1 AS d, x.i / 20 % 60 + 1 AS g, x.i % 20 + 1 AS c) cell"

# The parts of members' names (with and without accents), as a FROM item: fam, mid, giv and fam_s, mid_s, giv_s.
MEMBER_NAMES="(SELECT ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'] AS fam,
        ARRAY['nguyen','tran','le','pham','hoang','huynh','phan','vu','vo','dang','bui','do','ho','ngo','duong','ly'] AS fam_s,
        ARRAY['Văn','Thị','Hữu','Đức','Minh','Thanh','Quang','Ngọc'] AS mid,
        ARRAY['van','thi','huu','duc','minh','thanh','quang','ngoc'] AS mid_s,
        ARRAY['An','Bình','Cường','Dũng','Giang','Hà','Hải','Hạnh','Hòa','Hùng','Hương','Khánh','Lan','Linh','Long',
              'Mai','Nam','Nga','Phong','Phúc','Quân','Sơn','Tâm','Thảo','Trang','Trung','Tuấn','Việt','Xuân','Yến'] AS giv,
        ARRAY['an','binh','cuong','dung','giang','ha','hai','hanh','hoa','hung','huong','khanh','lan','linh','long',
              'mai','nam','nga','phong','phuc','quan','son','tam','thao','trang','trung','tuan','viet','xuan','yen'] AS giv_s) nm"

# org_ref DB: the shared read model of the organization tree (OrganizationTree), province 1 only.
org_ref() {
  insert_once "$1" "the read model of province 1 (36,000 cells, 37,831 organizations)" \
    "SELECT count(*) FROM org_ref WHERE path >= '/$P/' AND path < '/${P}0'" 37831 <<SQL
INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version)
SELECT md5('p1')::uuid, NULL, $P_PATH, 0, 'PROVINCIAL_COMMITTEE', 'OTHER', 'ACTIVE', 'Đảng bộ tỉnh Đo Tải 1', 0
ON CONFLICT (id) DO NOTHING;
INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version)
SELECT md5('d1-' || d)::uuid, md5('p1')::uuid, $D_PATH, 1, 'DISTRICT_COMMITTEE', 'OTHER', 'ACTIVE',
       'Đảng bộ huyện số ' || d || ' tỉnh 1', 0
FROM generate_series(1, 30) d ON CONFLICT (id) DO NOTHING;
INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version)
SELECT md5('g1-' || d || '-' || g)::uuid, md5('d1-' || d)::uuid, $G_PATH, 2, 'GRASSROOTS_COMMITTEE', 'COMMUNE', 'ACTIVE',
       'Đảng bộ xã số ' || g || ' huyện ' || d || ' tỉnh 1', 0
FROM generate_series(1, 30) d, generate_series(1, 60) g ON CONFLICT (id) DO NOTHING;
INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version)
SELECT md5('c1-' || d || '-' || g || '-' || c)::uuid, md5('g1-' || d || '-' || g)::uuid, $C_PATH, 3, 'SUBORDINATE_CELL',
       (ARRAY['RESIDENTIAL','PUBLIC_SERVICE','AGENCY','MILITARY'])[1 + c % 4], 'ACTIVE',
       'Chi bộ bản Nậm ' || c || ' xã ' || g || ' huyện ' || d || ' tỉnh 1', 0
FROM generate_series(1, 30) d, generate_series(1, 60) g, generate_series(1, 20) c ON CONFLICT (id) DO NOTHING;
ANALYZE org_ref;
SQL
}

# login: a fresh admin token (15 minutes) before each service's timings, as loading data takes a while.
login() {
  TOKEN=$(curl -fsS -d grant_type=password -d client_id=grassroots-cli -d username=admin -d password=admin \
    "$OIDC_ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}

P=$(sql organization -c "SELECT md5('p1')::uuid")
D=$(sql organization -c "SELECT md5('d1-7')::uuid"); G=$(sql organization -c "SELECT md5('g1-7-9')::uuid"); C=$(sql organization -c "SELECT md5('c1-7-9-3')::uuid")

for f in "$LOCAL_DIR"/bench/*.sh; do
  # shellcheck source=/dev/null
  source "$f"
done

# deploy/local/bench.sh [SERVICE...]: only these services (default: all); the moves come with organization, last.
services=("$@")
((${#services[@]})) || services=(organization membership meetings evaluations assignments gateway)
if [[ "$BENCH_PHASE" != time ]]; then
  for s in "${services[@]}"; do "load_$s"; done
  if [[ "$SCALE" == nation ]]; then
    # The organizations first (the others copy them), then the services' databases side by side: one PostgreSQL
    # backend each, so both cores work.
    start=$SECONDS loaders=()
    [[ " ${services[*]} " != *" organization "* ]] || load_nation_organization
    for s in "${services[@]}"; do
      [[ "$s" == organization ]] || { "load_nation_$s" & loaders+=($!); }
    done
    failed=0
    for pid in "${loaders[@]}"; do wait "$pid" || failed=1; done
    ((!failed)) || die "loading the nation failed (see above); run it again to complete it"
    log "the nation loaded in $((SECONDS - start)) s"
  fi
fi
[[ "$BENCH_PHASE" != load ]] || exit 0
curl -fsS "http://localhost:$GATEWAY_PORT/q/health/ready" >/dev/null || die "start the platform first: make run"
mkdir -p "$RESULTS_DIR"
: >"$RESULTS.part"
record "make bench SCALE=$SCALE $(date -u +%Y-%m-%dT%H:%MZ), $RUNS calls each, times in ms through the gateway (load $(cut -d' ' -f1-3 /proc/loadavg))"
record "$(printf '  %-66s %8s %8s %8s %8s   %s' call median p95 max budget verdict)"
for s in "${services[@]}"; do "time_$s"; done
if [[ "$SCALE" == nation ]]; then time_nation; fi
if [[ " ${services[*]} " == *" organization "* ]]; then bench_organization_moves; fi
mv "$RESULTS.part" "$RESULTS"
echo
if ((FAILED)); then
  log "budgets missed (FAIL above); the table is in $RESULTS"
  exit 1
fi
log "every budget held; the table is in $RESULTS"
