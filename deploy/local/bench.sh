#!/usr/bin/env bash
# make bench: the organization service at the scale of a country, on the running dev stack (make run).
# Adds PROVINCES synthetic provinces (each 30 districts × 60 grassroots committees × 20 cells, about
# 37,800 organizations) straight into the organization database, then times, through the gateway with
# a real token, the calls that must stay fast at that size. Run `make stop; rm -rf .run/dev` to drop it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PROVINCES="${PROVINCES:-8}"
RUNS="${RUNS:-20}"
API="http://localhost:$GATEWAY_PORT/api/v1/organizations"
curl -fsS "http://localhost:$GATEWAY_PORT/q/health/ready" >/dev/null || die "start the platform first: make run"

sql() { "$LOCAL_DIR/postgres.sh" psql -d organization -At "$@"; }

existing=$(sql -c "SELECT count(*) FROM organization WHERE code LIKE 'BENCH-%' AND depth = 0")
if ((existing < PROVINCES)); then
  log "inserting $((PROVINCES - existing)) synthetic provinces (about $(( (PROVINCES - existing) * 37831 )) organizations)"
  start=$SECONDS
  sql -v first="$((existing + 1))" -v last="$PROVINCES" <<'SQL'
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('p' || p)::uuid, NULL, '/' || md5('p' || p)::uuid || '/', 0, 'PROVINCIAL_COMMITTEE', 'OTHER', 'ACTIVE',
       'Đảng bộ tỉnh Đo Tải ' || p, 'dang bo tinh do tai ' || p, 'BENCH-' || p, now(), now(), 0
FROM generate_series(:first, :last) p;
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('d' || p || '-' || d)::uuid, md5('p' || p)::uuid,
       '/' || md5('p' || p)::uuid || '/' || md5('d' || p || '-' || d)::uuid || '/', 1, 'DISTRICT_COMMITTEE', 'OTHER', 'ACTIVE',
       'Đảng bộ huyện số ' || d || ' tỉnh ' || p, 'dang bo huyen so ' || d || ' tinh ' || p, NULL, now(), now(), 0
FROM generate_series(:first, :last) p, generate_series(1, 30) d;
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('g' || p || '-' || d || '-' || g)::uuid, md5('d' || p || '-' || d)::uuid,
       '/' || md5('p' || p)::uuid || '/' || md5('d' || p || '-' || d)::uuid || '/' || md5('g' || p || '-' || d || '-' || g)::uuid || '/',
       2, 'GRASSROOTS_COMMITTEE', 'COMMUNE', 'ACTIVE',
       'Đảng bộ xã số ' || g || ' huyện ' || d || ' tỉnh ' || p, 'dang bo xa so ' || g || ' huyen ' || d || ' tinh ' || p, NULL, now(), now(), 0
FROM generate_series(:first, :last) p, generate_series(1, 30) d, generate_series(1, 60) g;
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('c' || p || '-' || d || '-' || g || '-' || c)::uuid, md5('g' || p || '-' || d || '-' || g)::uuid,
       '/' || md5('p' || p)::uuid || '/' || md5('d' || p || '-' || d)::uuid || '/' || md5('g' || p || '-' || d || '-' || g)::uuid
           || '/' || md5('c' || p || '-' || d || '-' || g || '-' || c)::uuid || '/',
       3, 'SUBORDINATE_CELL', (ARRAY['RESIDENTIAL','PUBLIC_SERVICE','AGENCY','MILITARY'])[1 + c % 4], 'ACTIVE',
       'Chi bộ bản Nậm ' || c || ' xã ' || g || ' huyện ' || d || ' tỉnh ' || p,
       'chi bo ban nam ' || c || ' xa ' || g || ' huyen ' || d || ' tinh ' || p, NULL, now(), now(), 0
FROM generate_series(:first, :last) p, generate_series(1, 30) d, generate_series(1, 60) g, generate_series(1, 20) c;
ANALYZE organization;
SQL
  log "inserted in $((SECONDS - start)) s"
fi
total=$(sql -c "SELECT count(*) FROM organization")
log "organizations in the database: $total"

TOKEN=$(curl -fsS -d grant_type=password -d client_id=grassroots-cli -d username=admin -d password=admin \
  "$OIDC_ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
P=$(sql -c "SELECT md5('p1')::uuid"); P2=$(sql -c "SELECT md5('p2')::uuid")
D=$(sql -c "SELECT md5('d1-7')::uuid"); G=$(sql -c "SELECT md5('g1-7-9')::uuid"); C=$(sql -c "SELECT md5('c1-7-9-3')::uuid")

# time_calls NAME METHOD URL [BODY]: RUNS calls, prints median, p95 and max in ms.
time_calls() {
  local name="$1" method="$2" url="$3" body="${4:-}" i t times=()
  for ((i = 0; i < RUNS; i++)); do
    if [[ -n "$body" ]]; then
      t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X "$method" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d "$body" "$url")
    else
      t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$url")
    fi
    [[ "${t%% *}" == 2* ]] || die "$name answered ${t%% *}"
    times+=("${t#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" '{a[NR]=$1*1000} END {
    printf "  %-58s median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", n, a[int((NR+1)/2)], a[int(NR*0.95+0.5)], a[NR]}'
}

echo
echo "organization service through the gateway, $total organizations, $RUNS calls each:"
time_calls "subtree of a district (1,231 orgs), first page of 50" GET "$API/$D/subtree?limit=50"
CURSOR=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/$D/subtree?limit=200" | sed -E 's/.*"nextCursor":"([^"]+)".*/\1/')
time_calls "subtree of a district, a later page (cursor)" GET "$API/$D/subtree?limit=50&cursor=$CURSOR"
time_calls "subtree of a province (37,831 orgs), cells only, page of 50" GET "$API/$P/subtree?type=SUBORDINATE_CELL&limit=50"
time_calls "statistics of a province (37,831 orgs)" GET "$API/$P/statistics"
time_calls "statistics of a district (1,231 orgs)" GET "$API/$D/statistics"
time_calls "name search, accents ignored, whole tree ('nam 17 xa 42')" GET "$API?q=nam%2017%20xa%2042&limit=50"
time_calls "children of a grassroots committee" GET "$API/$G/children"
time_calls "ancestors of a cell" GET "$API/$C/ancestors"
time_calls "read one organization" GET "$API/$C"
# A district moves between provinces and back: 1,231 paths rewritten and as many state records.
D2=$(sql -c "SELECT md5('d1-8')::uuid")
move_body() { printf '{"newParentId":"%s","decision":{"number":"BENCH","date":"2025-01-01"}}' "$1"; }
RUNS_SAVED=$RUNS; RUNS=1
for ((i = 0; i < 5; i++)); do
  time_calls "move a district (1,231 orgs) to another province" POST "$API/$D2/move" "$(move_body "$P2")"
  time_calls "… and back" POST "$API/$D2/move" "$(move_body "$P")"
done
RUNS=$RUNS_SAVED

echo
echo "query plan of a subtree page as the service runs it (planned with its parameters, path range):"
sql -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT o.id FROM organization o WHERE o.path >= '/$P/$D/' AND o.path < '/$P/${D}0'
        AND o.id <> '$D' ORDER BY o.search_name, o.id LIMIT 51" | sed 's/^/  /'
