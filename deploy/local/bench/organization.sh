# shellcheck shell=bash
# ---------------------------------------------------------------- organization
# The inserts go through the statistics triggers (V2__organization_counts.sql): one INSERT … SELECT = one merge.
load_organization() {
  local existing
  existing=$(sql organization -c "SELECT count(*) FROM organization WHERE code LIKE 'BENCH-%' AND depth = 0")
  if ((existing < PROVINCES)); then
    log "organization: inserting $((PROVINCES - existing)) synthetic provinces (about $(( (PROVINCES - existing) * 37831 )) organizations)"
    local start=$SECONDS
    sql organization -q -v ON_ERROR_STOP=1 -v first="$((existing + 1))" -v last="$PROVINCES" >/dev/null <<'SQL'
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
    log "organization: inserted in $((SECONDS - start)) s"
  fi
}

time_organization() {
  local total cursor
  total=$(sql organization -c "SELECT count(*) FROM organization")
  login
  local API="$GW/organizations"
  warm "$API/$D/subtree?limit=50"
  heading "organization service through the gateway, $total organizations, $RUNS calls each:"
  time_calls "subtree of a district (1,231 orgs), first page of 50" $PAGE_MS GET "$API/$D/subtree?limit=50"
  cursor=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/$D/subtree?limit=200" | sed -E 's/.*"nextCursor":"([^"]+)".*/\1/')
  time_calls "subtree of a district, a later page (cursor)" $PAGE_MS GET "$API/$D/subtree?limit=50&cursor=$cursor"
  time_calls "subtree of a province (37,831 orgs), cells only, page of 50" $PAGE_MS GET "$API/$P/subtree?type=SUBORDINATE_CELL&limit=50"
  time_calls "statistics of a province (37,831 orgs)" $PROVINCE_MS GET "$API/$P/statistics"
  vs_sql organization "SELECT grouping(type), grouping(sector), grouping(status), type, sector, status, count(*)
    FROM organization WHERE path >= '/$P/' AND path < '/${P}0' GROUP BY GROUPING SETS ((type, status), (sector, status), (status))"
  time_calls "statistics of a district (1,231 orgs)" $DISTRICT_MS GET "$API/$D/statistics"
  time_calls "name search, accents ignored, whole tree ('nam 17 xa 42')" $PAGE_MS GET "$API?q=nam%2017%20xa%2042&limit=50"
  time_calls "children of a grassroots committee" $PAGE_MS GET "$API/$G/children"
  time_calls "ancestors of a cell" $PAGE_MS GET "$API/$C/ancestors"
  time_calls "read one organization" $PAGE_MS GET "$API/$C"
  explain organization "query plan of the statistics of a province as the service runs it (subtree counts)" \
    "SELECT metric, k, n FROM subtree_count WHERE org_id = '$P'
     AND metric = ANY ('{org_status,org_type,org_sector}') AND n <> 0 ORDER BY metric, k"
  explain organization "query plan of the name search over the whole tree (the index of the names' phrases)" \
    "SELECT organization_state(o)::text, o.search_name, o.id FROM organization o
     WHERE TRUE AND name_matches(o.search_name, '''nam 17 xa'' & ''17 xa 42'':*') AND ' ' || o.search_name LIKE '% nam 17 xa 42%'
     ORDER BY o.search_name, o.id LIMIT 51"
  explain organization "query plan of a subtree page as the service runs it (planned with its parameters, path range)" \
    "SELECT o.id FROM organization o WHERE o.path >= '/$P/$D/' AND o.path < '/$P/${D}0'
     AND o.id <> '$D' ORDER BY o.search_name, o.id LIMIT 51"
}

# Restructuring last: the moves reach the other services' read models through Kafka, after the timings.
bench_organization_moves() {
  local API="$GW/organizations" D2 P2 i RUNS_SAVED=$RUNS
  D2=$(sql organization -c "SELECT md5('d1-8')::uuid"); P2=$(sql organization -c "SELECT md5('p2')::uuid")
  login
  move_body() { printf '{"newParentId":"%s","decision":{"number":"BENCH","date":"2025-01-01"}}' "$1"; }
  heading "organization restructuring (a district moves to another province and back; 1,231 paths rewritten each way):"
  RUNS=1
  for ((i = 0; i < 5; i++)); do
    time_calls "move a district (1,231 orgs) to another province" - POST "$API/$D2/move" "$(move_body "$P2")"
    time_calls "… and back" - POST "$API/$D2/move" "$(move_body "$P")"
  done
  RUNS=$RUNS_SAVED
}

