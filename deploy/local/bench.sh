#!/usr/bin/env bash
# make bench: the platform at scale, on the running dev stack (make run). Synthetic data goes straight into
# each service's own database (generate_series, no loaders); the calls that must stay fast are then timed
# through the gateway with a real admin token, RUNS times each (median, p95, max).
#
#   organization  PROVINCES synthetic provinces (each 30 districts × 60 grassroots committees × 20 cells,
#                 37,831 organizations); province p, district d, committee g, cell c have the ids
#                 md5('p<p>'), md5('d<p>-<d>'), md5('g<p>-<d>-<g>'), md5('c<p>-<d>-<g>-<c>') and paths of these ids.
#   membership    its read model of province 1 (same ids, paths, names, sectors) and MEMBERS members spread
#                 over its 36,000 cells (member k: md5('m<k>'), in cell (k-1) mod 36,000).
#   meetings      the same read models (tree and members) and a year (2025) of REGULAR meetings, one a month
#                 in every cell of province 1, held or with approved minutes; attendance rows for district 1-7.
#   assignments   the same tree, 20 households in each residential cell, assignments in force for every grassroots
#                 committee (provincial level), 9 cells in 10 (district level) and 2 households in 3.
#
# Every step checks what is there first: a second run inserts nothing. `make stop; rm -rf .run/dev` drops it all.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PROVINCES="${PROVINCES:-8}"
MEMBERS="${MEMBERS:-400000}"
RUNS="${RUNS:-20}"
GW="http://localhost:$GATEWAY_PORT/api/v1"
curl -fsS "http://localhost:$GATEWAY_PORT/q/health/ready" >/dev/null || die "start the platform first: make run"

# sql DB [psql args]: psql on a service's database, unaligned, tuples only.
sql() { local db="$1"; shift; "$LOCAL_DIR/postgres.sh" psql -d "$db" -At "$@"; }

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
    printf "  %-62s median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", n, a[int((NR+1)/2)], a[int(NR*0.95+0.5)], a[NR]}'
}

# explain DB TITLE SQL: the plan of a query as the service runs it, indented.
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

# ---------------------------------------------------------------- organization
bench_organization() {
  local existing total cursor D2 i
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
  total=$(sql organization -c "SELECT count(*) FROM organization")
  login
  local API="$GW/organizations"
  echo
  echo "organization service through the gateway, $total organizations, $RUNS calls each:"
  time_calls "subtree of a district (1,231 orgs), first page of 50" GET "$API/$D/subtree?limit=50"
  cursor=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/$D/subtree?limit=200" | sed -E 's/.*"nextCursor":"([^"]+)".*/\1/')
  time_calls "subtree of a district, a later page (cursor)" GET "$API/$D/subtree?limit=50&cursor=$cursor"
  time_calls "subtree of a province (37,831 orgs), cells only, page of 50" GET "$API/$P/subtree?type=SUBORDINATE_CELL&limit=50"
  time_calls "statistics of a province (37,831 orgs)" GET "$API/$P/statistics"
  time_calls "statistics of a district (1,231 orgs)" GET "$API/$D/statistics"
  time_calls "name search, accents ignored, whole tree ('nam 17 xa 42')" GET "$API?q=nam%2017%20xa%2042&limit=50"
  time_calls "children of a grassroots committee" GET "$API/$G/children"
  time_calls "ancestors of a cell" GET "$API/$C/ancestors"
  time_calls "read one organization" GET "$API/$C"
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
  echo
  echo "organization restructuring (a district moves to another province and back; 1,231 paths rewritten each way):"
  RUNS=1
  for ((i = 0; i < 5; i++)); do
    time_calls "move a district (1,231 orgs) to another province" POST "$API/$D2/move" "$(move_body "$P2")"
    time_calls "… and back" POST "$API/$D2/move" "$(move_body "$P")"
  done
  RUNS=$RUNS_SAVED
}

# ---------------------------------------------------------------- membership
bench_membership() {
  org_ref membership
  insert_once membership "$MEMBERS members over the 36,000 cells of province 1" \
    "SELECT count(*) FROM member WHERE id = md5('m$MEMBERS')::uuid" 1 <<SQL
WITH f(fam, fam_s) AS (SELECT ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'],
                              ARRAY['nguyen','tran','le','pham','hoang','huynh','phan','vu','vo','dang','bui','do','ho','ngo','duong','ly']),
     mi(mid, mid_s) AS (SELECT ARRAY['Văn','Thị','Hữu','Đức','Minh','Thanh','Quang','Ngọc'],
                               ARRAY['van','thi','huu','duc','minh','thanh','quang','ngoc']),
     gi(giv, giv_s) AS (SELECT ARRAY['An','Bình','Cường','Dũng','Giang','Hà','Hải','Hạnh','Hòa','Hùng','Hương','Khánh','Lan','Linh','Long',
                                     'Mai','Nam','Nga','Phong','Phúc','Quân','Sơn','Tâm','Thảo','Trang','Trung','Tuấn','Việt','Xuân','Yến'],
                               ARRAY['an','binh','cuong','dung','giang','ha','hai','hanh','hoa','hung','huong','khanh','lan','linh','long',
                                     'mai','nam','nga','phong','phuc','quan','son','tam','thao','trang','trung','tuan','viet','xuan','yen']),
     m AS (SELECT k, md5('c1-' || d || '-' || g || '-' || c)::uuid AS org,
                  1 + k % 16 AS a, 1 + k / 16 % 8 AS b, 1 + k / 128 % 30 AS e,
                  CASE k % 20 WHEN 0 THEN 'PROBATIONARY' WHEN 1 THEN 'EXEMPT' WHEN 2 THEN 'DECEASED' WHEN 3 THEN 'TRANSFERRED_OUT'
                              ELSE 'OFFICIAL' END AS status,
                  CASE WHEN k % 20 = 0 THEN DATE '2025-09-01' + (k / 20 % 450)
                       ELSE DATE '1958-01-01' + (k::bigint * 7919 % 24000)::int END AS admitted
           FROM generate_series(1, $MEMBERS) k, $MEMBER_CELL)
INSERT INTO member (id, full_name, search_name, birth_date, gender, ethnicity, theory_level, admission_date, official_date,
                    organization_id, status, status_since, created_at, updated_at, version)
SELECT md5('m' || k)::uuid, fam[a] || ' ' || mid[b] || ' ' || giv[e], fam_s[a] || ' ' || mid_s[b] || ' ' || giv_s[e],
       admitted - (6600 + k % 9000), CASE WHEN b = 2 OR k % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       (ARRAY['Kinh','Kinh','Kinh','Thái','Mông','Tày','Dao','Khơ Mú',NULL])[1 + k % 9],
       (ARRAY['NONE','ELEMENTARY','ELEMENTARY','INTERMEDIATE','ADVANCED','BACHELOR'])[1 + k % 6],
       admitted, CASE WHEN status <> 'PROBATIONARY' THEN admitted + 365 END, org, status,
       CASE WHEN status = 'PROBATIONARY' THEN admitted WHEN status = 'OFFICIAL' THEN admitted + 365 ELSE DATE '2024-06-01' END,
       now(), now(), 0
FROM m, f, mi, gi
ON CONFLICT (id) DO NOTHING;
ANALYZE member;
SQL
  local members API="$GW/members"
  members=$(sql membership -c "SELECT count(*) FROM member")
  login
  echo
  echo "membership service through the gateway, $members members (org_ref: province 1, 36,000 cells), $RUNS calls each:"
  time_calls "members of a district (~13,300), page of 50" GET "$API?organizationId=$D&limit=50"
  time_calls "members of a district, q accents ignored ('nguyen van hung')" GET "$API?organizationId=$D&q=nguyen%20van%20hung&limit=50"
  time_calls "members of a province, q with accents (Tran Thi Yen)" GET "$API?organizationId=$P&q=Tr%E1%BA%A7n%20Th%E1%BB%8B%20Y%E1%BA%BFn&limit=50"
  time_calls "statistics of a province (400,000 members)" GET "$API/statistics?organizationId=$P"
  time_calls "statistics of a district (~13,300 members)" GET "$API/statistics?organizationId=$D"
  time_calls "badges 2026 of a province, page of 50" GET "$API/badges?year=2026&organizationId=$P"
  time_calls "probation ending in 30 days (whole tree), page of 50" GET "$API/probation-ending?days=30"
  explain membership "query plan of the heaviest membership query: admission years of a province (statistics)" \
    "SELECT y, count(*) FILTER (WHERE m.admission_date >= make_date(y, 1, 1) AND m.admission_date < make_date(y + 1, 1, 1)),
            count(*) FILTER (WHERE m.admission_date < make_date(y, 1, 1)
                              AND (NOT (m.status IN ('TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED')) OR m.status_since >= make_date(y, 1, 1)))
     FROM generate_series(2022, 2026) AS y
     LEFT JOIN (member m JOIN org_ref o ON o.id = m.organization_id AND (o.path >= '/$P/' AND o.path < '/${P}0')) ON TRUE
     GROUP BY y ORDER BY y"
}

# ---------------------------------------------------------------- meetings
bench_meetings() {
  org_ref meetings
  insert_once meetings "the member read model ($MEMBERS members)" \
    "SELECT count(*) FROM member_ref WHERE id = md5('m$MEMBERS')::uuid" 1 <<SQL
INSERT INTO member_ref (id, full_name, organization_id, status, version)
SELECT md5('m' || k)::uuid, 'Đảng viên ' || k, md5('c1-' || d || '-' || g || '-' || c)::uuid,
       CASE k % 20 WHEN 0 THEN 'PROBATIONARY' WHEN 1 THEN 'EXEMPT' WHEN 2 THEN 'DECEASED' WHEN 3 THEN 'TRANSFERRED_OUT' ELSE 'OFFICIAL' END, 0
FROM generate_series(1, $MEMBERS) k, $MEMBER_CELL
ON CONFLICT (id) DO NOTHING;
ANALYZE member_ref;
SQL
  insert_once meetings "a year of regular meetings in the 36,000 cells (432,000 meetings)" \
    "SELECT count(*) FROM meeting WHERE id = md5('mt-' || md5('c1-30-60-20')::uuid || '-12')::uuid" 1 <<SQL
INSERT INTO meeting (id, organization_id, organization_path, kind, format, starts_at, meeting_date, place, topic, state,
                     minutes, minutes_approved_at, minutes_approved_by, expected, expected_official, present, present_official,
                     absent_excused, absent_unexcused, quorum_met, superior_expected, superior_attended,
                     created_by, created_at, updated_at, version)
SELECT md5('mt-' || o.id || '-' || mo)::uuid, o.id, o.path, 'REGULAR', 'IN_PERSON',
       make_timestamptz(2025, mo, 5 + mo, 14, 0, 0, 'Asia/Ho_Chi_Minh'), make_date(2025, mo, 5 + mo), 'Nhà văn hóa bản',
       'Sinh hoạt chi bộ định kỳ tháng ' || mo || '/2025',
       CASE WHEN mo % 3 = 0 THEN 'HELD' ELSE 'MINUTES_APPROVED' END, 'Biên bản họp chi bộ',
       CASE WHEN mo % 3 = 0 THEN NULL ELSE make_timestamptz(2025, mo, 6 + mo, 9, 0, 0, 'Asia/Ho_Chi_Minh') END,
       CASE WHEN mo % 3 = 0 THEN NULL ELSE 'bench' END,
       11, 10, 9 + mo % 3, 8 + mo % 3, 2 - mo % 3, 0, TRUE, mo % 3 = 0, mo % 6 = 0,
       'bench', now(), now(), 0
FROM org_ref o, generate_series(1, 12) mo
WHERE o.path >= '/$P/' AND o.path < '/${P}0' AND o.type = 'SUBORDINATE_CELL'
ON CONFLICT (id) DO NOTHING;
ANALYZE meeting;
SQL
  insert_once meetings "attendance of the meetings of district 1-7 (1,200 cells × 12 meetings × their members)" \
    "SELECT count(*) FROM attendance WHERE meeting_id = md5('mt-' || md5('c1-7-60-20')::uuid || '-12')::uuid" 1 <<SQL
INSERT INTO attendance (meeting_id, member_id, full_name, official, temporary, status, reason)
SELECT m.id, r.id, r.full_name, r.status <> 'PROBATIONARY', FALSE,
       CASE WHEN hashtext(r.id::text || m.id::text) % 10 = 0 THEN 'ABSENT_EXCUSED'
            WHEN hashtext(r.id::text || m.id::text) % 25 = 0 THEN 'ABSENT_UNEXCUSED' ELSE 'PRESENT' END, NULL
FROM meeting m JOIN member_ref r ON r.organization_id = m.organization_id
                                 AND r.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')
WHERE m.organization_path >= '/$P/$D/' AND m.organization_path < '/$P/${D}0'
ON CONFLICT DO NOTHING;
ANALYZE attendance;
SQL
  local meetings attendance API="$GW/meetings" period="from=2025-01-01&to=2025-12-31"
  meetings=$(sql meetings -c "SELECT count(*) FROM meeting"); attendance=$(sql meetings -c "SELECT count(*) FROM attendance")
  login
  echo
  echo "meetings service through the gateway, $meetings meetings, $attendance attendance rows, $RUNS calls each:"
  time_calls "compliance 2025 of a district (1,200 cells, 14,400 meetings)" GET "$API/compliance?organizationId=$D&$period"
  time_calls "compliance 2025 per cell of a district, page of 50" GET "$API/compliance/cells?organizationId=$D&$period"
  time_calls "compliance 2025 per member of a district, page of 50" GET "$API/compliance/members?organizationId=$D&$period"
  time_calls "meetings of a district, page of 50" GET "$API?organizationId=$D&limit=50"
  time_calls "meetings of a district in March 2025, page of 50" GET "$API?organizationId=$D&from=2025-03-01&to=2025-03-31&limit=50"
  local RUNS_SAVED=$RUNS; RUNS=3
  time_calls "compliance 2025 of a province (36,000 cells), 3 calls" GET "$API/compliance?organizationId=$P&$period"
  RUNS=$RUNS_SAVED
  explain meetings "query plan of the heaviest meetings query: compliance 2025 of a district (summary)" \
    "WITH cells AS (SELECT o.id, o.name, o.path FROM org_ref o WHERE o.type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL')
                    AND o.status = 'ACTIVE' AND (o.path >= '/$P/$D/' AND o.path < '/$P/${D}0')),
     months AS (SELECT to_char(g, 'YYYY-MM') AS label, g::date AS starts, (g + interval '1 month')::date AS ends
                FROM generate_series(date_trunc('month', DATE '2025-01-01'), DATE '2025-12-31', interval '1 month') g
                WHERE g::date <= current_date),
     quarters AS (SELECT to_char(g, 'YYYY-\"Q\"Q') AS label, g::date AS starts, (g + interval '3 months')::date AS ends
                  FROM generate_series(date_trunc('quarter', DATE '2025-01-01'), DATE '2025-12-31', interval '3 months') g
                  WHERE g::date <= current_date),
     per_cell AS (SELECT c.id,
       (SELECT string_agg(mo.label, ',' ORDER BY mo.label) FROM months mo WHERE NOT EXISTS (SELECT 1 FROM meeting m
          WHERE m.organization_id = c.id AND m.kind = 'REGULAR' AND m.state IN ('HELD', 'MINUTES_APPROVED')
            AND m.meeting_date >= mo.starts AND m.meeting_date < mo.ends)) AS missing_regular,
       (SELECT string_agg(q.label, ',' ORDER BY q.label) FROM quarters q WHERE NOT EXISTS (SELECT 1 FROM meeting m
          WHERE m.organization_id = c.id AND m.kind = 'THEMATIC' AND m.state IN ('HELD', 'MINUTES_APPROVED')
            AND m.meeting_date >= q.starts AND m.meeting_date < q.ends)) AS missing_thematic,
       s.held, s.below, s.expected, s.present, s.sup_expected, s.sup_attended
       FROM cells c LEFT JOIN LATERAL (SELECT count(*) AS held, count(*) FILTER (WHERE NOT m.quorum_met) AS below,
           coalesce(sum(m.expected), 0) AS expected, coalesce(sum(m.present), 0) AS present,
           count(*) FILTER (WHERE m.superior_expected) AS sup_expected,
           count(*) FILTER (WHERE m.superior_expected AND m.superior_attended) AS sup_attended
           FROM meeting m WHERE m.organization_id = c.id AND m.state IN ('HELD', 'MINUTES_APPROVED')
             AND m.meeting_date BETWEEN '2025-01-01' AND '2025-12-31') s ON true)
     SELECT count(*), count(*) FILTER (WHERE missing_regular IS NOT NULL), count(*) FILTER (WHERE missing_thematic IS NOT NULL),
            coalesce(sum(held), 0), coalesce(sum(expected), 0), coalesce(sum(present), 0) FROM per_cell"
}

# ---------------------------------------------------------------- assignments
bench_assignments() {
  org_ref assignments
  insert_once assignments "20 households in each residential cell of province 1 (180,000)" \
    "SELECT count(*) FROM household WHERE id = md5('h1-30-60-20-20')::uuid" 1 <<SQL
INSERT INTO household (id, organization_id, address, head_name, people_count, created_at, updated_at, version)
SELECT md5('h1-' || d || '-' || g || '-' || c || '-' || h)::uuid, md5('c1-' || d || '-' || g || '-' || c)::uuid,
       'Số ' || h || ', bản Nậm ' || c || ', xã ' || g, 'Chủ hộ ' || h, 1 + h % 6, now(), now(), 0
FROM generate_series(1, 30) d, generate_series(1, 60) g, generate_series(4, 20, 4) c, generate_series(1, 20) h
ON CONFLICT (id) DO NOTHING;
ANALYZE household;
SQL
  insert_once assignments "assignments in force: every grassroots committee (provincial), 9 cells in 10 (district), 2 households in 3" \
    "SELECT count(*) FROM assignment WHERE id = md5('a-h1-30-60-20-20')::uuid" 1 <<SQL
INSERT INTO assignment (id, person_id, target_type, target_id, organization_id, deciding_organization_id, level, role,
                        valid_from, status, created_at, updated_at, version)
SELECT md5('a-g1-' || d || '-' || g)::uuid, md5('m' || (d * 100 + g))::uuid, 'ORGANIZATION', md5('g1-' || d || '-' || g)::uuid,
       md5('g1-' || d || '-' || g)::uuid, md5('p1')::uuid, 'PROVINCIAL', 'FOLLOWS', DATE '2025-01-01', 'ACTIVE', now(), now(), 0
FROM generate_series(1, 30) d, generate_series(1, 60) g
UNION ALL
SELECT md5('a-c1-' || d || '-' || g || '-' || c)::uuid, md5('m' || (d * 10000 + g * 20 + c))::uuid, 'ORGANIZATION',
       md5('c1-' || d || '-' || g || '-' || c)::uuid, md5('c1-' || d || '-' || g || '-' || c)::uuid, md5('d1-' || d)::uuid,
       'DISTRICT', 'FOLLOWS', DATE '2025-01-01', 'ACTIVE', now(), now(), 0
FROM generate_series(1, 30) d, generate_series(1, 60) g, generate_series(1, 20) c WHERE c % 10 <> 0
UNION ALL
SELECT md5('a-h1-' || d || '-' || g || '-' || c || '-' || h)::uuid, md5('m' || (d * 10000 + g * 20 + c))::uuid, 'HOUSEHOLD',
       md5('h1-' || d || '-' || g || '-' || c || '-' || h)::uuid, md5('c1-' || d || '-' || g || '-' || c)::uuid,
       md5('c1-' || d || '-' || g || '-' || c)::uuid, 'GRASSROOTS', 'FOLLOWS', DATE '2025-01-01', 'ACTIVE', now(), now(), 0
FROM generate_series(1, 30) d, generate_series(1, 60) g, generate_series(4, 20, 4) c, generate_series(1, 20) h WHERE h % 3 <> 0
   OR (d, g, c, h) = (30, 60, 20, 20)
ON CONFLICT (id) DO NOTHING;
ANALYZE assignment;
SQL
  local households assignments API="$GW/assignments"
  households=$(sql assignments -c "SELECT count(*) FROM household"); assignments=$(sql assignments -c "SELECT count(*) FROM assignment")
  login
  echo
  echo "assignments service through the gateway, $assignments assignments, $households households, $RUNS calls each:"
  time_calls "coverage of a province (1,800 committees, 36,000 cells)" GET "$API/coverage?organizationId=$P"
  time_calls "coverage of a district" GET "$API/coverage?organizationId=$D"
  time_calls "cells without a district assignment, province, page of 50" GET "$API/coverage/gaps?organizationId=$P&level=CELL"
  time_calls "households without an assignment, province, page of 50" GET "$API/coverage/gaps?organizationId=$P&level=HOUSEHOLD"
  explain assignments "query plan of the heaviest assignments query: households covered in a province (coverage)" \
    "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = h.id
         AND x.target_type = 'HOUSEHOLD' AND x.status = 'ACTIVE' AND x.valid_from <= current_date
         AND (x.valid_to IS NULL OR x.valid_to >= current_date)))
     FROM household h JOIN org_ref o ON o.id = h.organization_id WHERE o.status = 'ACTIVE' AND (o.path >= '/$P/' AND o.path < '/${P}0')"
}

# login: a fresh admin token (15 minutes) before each service's timings, as loading data takes a while.
login() {
  TOKEN=$(curl -fsS -d grant_type=password -d client_id=grassroots-cli -d username=admin -d password=admin \
    "$OIDC_ISSUER/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}

P=$(sql organization -c "SELECT md5('p1')::uuid")
D=$(sql organization -c "SELECT md5('d1-7')::uuid"); G=$(sql organization -c "SELECT md5('g1-7-9')::uuid"); C=$(sql organization -c "SELECT md5('c1-7-9-3')::uuid")

# deploy/local/bench.sh [SERVICE...]: only these services (default: all); the moves come with organization.
services=("$@")
((${#services[@]})) || services=(organization membership meetings assignments)
for s in "${services[@]}"; do "bench_$s"; done
if [[ " ${services[*]} " == *" organization "* ]]; then bench_organization_moves; fi
