# shellcheck shell=bash
# ---------------------------------------------------------------- nation (make bench SCALE=nation)
# The country on top of the province: 63 provinces. Provinces 1-8 have the province shape of organization.sh (30
# districts × 60 grassroots committees × 20 cells: 288,000 cells); provinces 9-63 are smaller: 10 districts × 68
# grassroots cells (chi bộ cơ sở, members directly in them, every sector). So about 51,800 grassroots organizations,
# 325,000 cells holding members, 340,000 organizations. Members: province 1 as in membership.sh (400,000), provinces
# 2-8 about 403,000 each in cells of the same uneven sizes, provinces 9-63 about 44,000 each (20-109 per grassroots
# cell): about 5.6 million. Every cell of provinces 2-63 held its monthly meetings of 2025 (the same rule as province 1)
# and every member and organization of provinces 2-63 is rated for 2025 in one cycle per province. Member p-n has the
# id md5('m<p>-<n>'). Not at nation scale: attendance rows, households and assignments (province 1 only), the 2024
# ratings (province 1 only), and the member read models of meetings and evaluations (province 1 only).
NATION_LAST=63
NATION_BIG_LAST=8
NATION_MS=2000
NATION_PROVINCE_IDS="ARRAY(SELECT md5('p' || p)::uuid::text FROM generate_series(2, $NATION_LAST) p)"

# nation_members P: the members of province P (2-63) as rows (id, org, k); k drives the attributes as in membership.sh.
nation_members() {
  local p="$1"
  if ((p <= NATION_BIG_LAST)); then
    cat <<SQL
SELECT md5('m$p-' || n)::uuid AS id, md5('c$p-' || d || '-' || g || '-' || c)::uuid AS org, (n + 1000000 * $p)::int AS k
FROM (SELECT d, g, c, size, sum(size) OVER (ORDER BY i) - size AS lo
      FROM (SELECT i, i / 1200 + 1 AS d, i / 20 % 60 + 1 AS g, i % 20 + 1 AS c,
                   CASE WHEN h < 15 THEN 3 + h % 3 WHEN h < 75 THEN 6 + h % 6 WHEN h < 97 THEN 12 + h % 9 ELSE 60 + h % 5 * 3 END AS size
            FROM generate_series(0, 35999) i, LATERAL (SELECT abs(hashtext('cell-size-$p-' || i)) % 100 AS h) x) s) u,
     generate_series(lo + 1, lo + size) n
SQL
  else
    cat <<SQL
SELECT md5('m$p-' || n)::uuid AS id, md5('g$p-' || d || '-' || g)::uuid AS org, (n + 1000000 * $p)::int AS k
FROM (SELECT d, g, size, sum(size) OVER (ORDER BY i) - size AS lo
      FROM (SELECT i, i / 68 + 1 AS d, i % 68 + 1 AS g, 20 + abs(hashtext('unit-size-$p-' || i)) % 90 AS size
            FROM generate_series(0, 679) i) s) u,
     generate_series(lo + 1, lo + size) n
SQL
  fi
}

# nation_org_ref DB: the read model of every organization of the nation, copied from the organization database.
nation_org_ref() {
  local db="$1" want have start=$SECONDS
  want=$(sql organization -c "SELECT count(*) FROM organization WHERE substr(path, 2, 36) = ANY ($NATION_PROVINCE_IDS)")
  have=$(sql "$db" -c "SELECT count(*) FROM org_ref WHERE substr(path, 2, 36) = ANY ($NATION_PROVINCE_IDS)")
  ((have < want)) || return 0
  log "$db: copying the read model of provinces 2-$NATION_LAST ($want organizations)"
  sql organization -c "COPY (SELECT id, parent_id, path, depth, type, sector, status, name FROM organization
                             WHERE substr(path, 2, 36) = ANY ($NATION_PROVINCE_IDS)) TO STDOUT" \
    | sql "$db" -q -v ON_ERROR_STOP=1 \
      -c "CREATE TEMP TABLE o (id uuid, parent_id uuid, path text, depth int, type text, sector text, status text, name text)" \
      -c "COPY o FROM STDIN" \
      -c "INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version)
          SELECT id, parent_id, path, depth, type, sector, status, name, 0 FROM o ON CONFLICT (id) DO NOTHING" \
      -c "ANALYZE org_ref" >/dev/null
  log "$db: copied in $((SECONDS - start)) s"
}

load_nation_organization() {
  insert_once organization "provinces 9-$NATION_LAST (10 districts × 68 grassroots cells each)" \
    "SELECT count(*) FROM organization WHERE id = md5('g$NATION_LAST-10-68')::uuid" 1 <<SQL
BEGIN;
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('p' || p)::uuid, NULL, '/' || md5('p' || p)::uuid || '/', 0, 'PROVINCIAL_COMMITTEE', 'OTHER', 'ACTIVE',
       'Đảng bộ tỉnh Đo Tải ' || p, 'dang bo tinh do tai ' || p, 'BENCH-' || p, now(), now(), 0
FROM generate_series($((NATION_BIG_LAST + 1)), $NATION_LAST) p ON CONFLICT (id) DO NOTHING;
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('d' || p || '-' || d)::uuid, md5('p' || p)::uuid,
       '/' || md5('p' || p)::uuid || '/' || md5('d' || p || '-' || d)::uuid || '/', 1, 'DISTRICT_COMMITTEE', 'OTHER', 'ACTIVE',
       'Đảng bộ thị xã số ' || d || ' tỉnh ' || p, 'dang bo thi xa so ' || d || ' tinh ' || p, NULL, now(), now(), 0
FROM generate_series($((NATION_BIG_LAST + 1)), $NATION_LAST) p, generate_series(1, 10) d ON CONFLICT (id) DO NOTHING;
INSERT INTO organization (id, parent_id, path, depth, type, sector, status, name, search_name, code, created_at, updated_at, version)
SELECT md5('g' || p || '-' || d || '-' || g)::uuid, md5('d' || p || '-' || d)::uuid,
       '/' || md5('p' || p)::uuid || '/' || md5('d' || p || '-' || d)::uuid || '/' || md5('g' || p || '-' || d || '-' || g)::uuid || '/',
       2, 'GRASSROOTS_CELL', s, 'ACTIVE', 'Chi bộ ' || n || ' số ' || g || ' thị xã ' || d || ' tỉnh ' || p,
       'chi bo ' || n_s || ' so ' || g || ' thi xa ' || d || ' tinh ' || p, NULL, now(), now(), 0
FROM generate_series($((NATION_BIG_LAST + 1)), $NATION_LAST) p, generate_series(1, 10) d, generate_series(1, 68) g,
     LATERAL (SELECT (ARRAY['COMMUNE','RESIDENTIAL','AGENCY','PUBLIC_SERVICE','STATE_ENTERPRISE','PRIVATE_ENTERPRISE','MILITARY','POLICE'])[1 + g % 8] AS s,
                     (ARRAY['xã','khu phố','cơ quan','trường học','công ty','doanh nghiệp','quân sự','công an'])[1 + g % 8] AS n,
                     (ARRAY['xa','khu pho','co quan','truong hoc','cong ty','doanh nghiep','quan su','cong an'])[1 + g % 8] AS n_s) x
ON CONFLICT (id) DO NOTHING;
ANALYZE organization;
COMMIT;
SQL
}

# Provinces 2-63 are loaded as a bulk load is: in one transaction, the indexes that no insert needs dropped before and
# built after, the members' words (member_word) inserted in one statement after the members. Kept row by row, each
# index took inserts at random places of an index larger than shared_buffers: the three loads took 3,472 s from empty
# (2026-12-02, over the 45 minutes of issue 11), membership alone 3,342 s.
# without_indexes TABLE...: the SQL (in a transaction) dropping the indexes of TABLEs but the unique ones (ON CONFLICT
# needs them), their definitions kept for with_indexes, the SQL building them again.
without_indexes() {
  local tables
  tables=$(printf "'%s'::regclass," "$@")
  cat <<SQL
SET LOCAL maintenance_work_mem = '1GB';
CREATE TEMP TABLE dropped_index ON COMMIT DROP AS
    SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index
    WHERE indrelid IN (${tables%,}) AND NOT indisunique;
SELECT 'DROP INDEX ' || name FROM dropped_index \gexec
SQL
}
with_indexes() { progress "$1" "building the indexes"; printf '%s\n' 'SELECT def FROM dropped_index \gexec'; }
# progress DB WHAT: the SQL printing a log line in the middle of a load.
progress() { printf '%s\n' "\\warn [\`date +%H:%M:%S\` $GRASSROOTS_STACK] $1: $2"; }

load_nation_membership() {
  local p
  nation_org_ref membership
  # Checked by the last member's words; the words are all made again from the members (province 1's as well).
  insert_once membership "the members of provinces 2-$NATION_LAST, then every member's words (one transaction)" \
    "SELECT count(*) FROM member m, name_later_words(m.search_name) w, member_word mw
     WHERE m.id = md5('m$NATION_LAST-1')::uuid AND mw.word = w AND mw.search_name = m.search_name AND mw.member_id = m.id" 1 <<SQL
BEGIN;
$(without_indexes member member_word)
ALTER TABLE member DISABLE TRIGGER member_words_insert;
$(for ((p = 2; p <= NATION_LAST; p++)); do
    member_insert "$(nation_members "$p")"
    progress membership "province $p inserted"
  done)
ALTER TABLE member ENABLE TRIGGER member_words_insert;
TRUNCATE member_word;
INSERT INTO member_word (word, org_path, search_name, member_id)
    SELECT w, m.org_path, m.search_name, m.id FROM member m, name_later_words(m.search_name) AS w;
$(with_indexes membership)
COMMIT;
SQL
  # Vacuumed, not only analyzed: else autovacuum reads the 5 million fresh rows while the timing runs.
  sql membership -q -c "VACUUM (ANALYZE) member" -c "VACUUM (ANALYZE) member_word"
}

load_nation_meetings() {
  nation_org_ref meetings
  # One transaction: a nation meeting there means all are.
  insert_once meetings "a year of meetings in every cell of provinces 2-$NATION_LAST" \
    "SELECT count(*) FROM meeting WHERE organization_id = md5('g$NATION_LAST-10-68')::uuid" 1 \
    <<<"BEGIN; $(without_indexes meeting)
        $(meetings_year "substr(o.path, 2, 36) = ANY ($NATION_PROVINCE_IDS) AND o.type IN ('SUBORDINATE_CELL', 'GRASSROOTS_CELL')")
        $(with_indexes meetings)
        COMMIT; ANALYZE meeting; ANALYZE meeting_month; ANALYZE subtree_count;"
  sql meetings -q -c "VACUUM (ANALYZE) meeting" -c "VACUUM (ANALYZE) subtree_count"
}

load_nation_evaluations() {
  local p
  nation_org_ref evaluations
  insert_once evaluations "the 2025 cycles of provinces 2-$NATION_LAST" \
    "SELECT count(*) FROM cycle WHERE id = md5('ev-cycle-2025-p$NATION_LAST')::uuid" 1 <<SQL
INSERT INTO cycle (id, year, name, scope_org_id, scope_path, policy_id, state, opened_at, opened_by, version)
SELECT md5('ev-cycle-2025-p' || p)::uuid, 2025, 'Đánh giá, xếp loại chất lượng năm 2025 – Đảng bộ tỉnh Đo Tải ' || p,
       md5('p' || p)::uuid, '/' || md5('p' || p)::uuid || '/', $EV_POLICY, 'OPEN', DATE '2025-11-15', 'bench', 0
FROM generate_series(2, $NATION_LAST) p
ON CONFLICT (id) DO NOTHING;
SQL
  insert_once evaluations "the 2025 ratings of provinces 2-$NATION_LAST (one transaction)" \
    "SELECT count(*) FROM rating WHERE id = md5('ev-r-2025-' || md5('p$NATION_LAST')::uuid)::uuid" 1 <<SQL
BEGIN;
$(rating_functions)
$(without_indexes rating)
$(for ((p = 2; p <= NATION_LAST; p++)); do
    cat <<ROWS
INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                    self_scores, self_total, self_by, self_at, proposed_level, proposed_by, proposed_at,
                    decided_level, decided_rank, decided_by, decided_at, version)
SELECT md5('ev-r-2025-' || m.id)::uuid, md5('ev-cycle-2025-p$p')::uuid, 2025, 'MEMBER', m.id,
       fam[1 + k % 16] || ' ' || mid[1 + k / 16 % 8] || ' ' || giv[1 + k / 128 % 30], o.id, o.path, o.type, o.sector,
       $(rating_columns 2025 "jsonb_build_object('POLITICS_ETHICS', 26, 'DISCIPLINE_WORKSTYLE', 17, 'DUTIES', 33, 'PARTY_ACTIVITIES', 9), 85")
FROM ($(nation_members "$p")) m JOIN org_ref o ON o.id = m.org, $MEMBER_NAMES,
     LATERAL (SELECT pg_temp.bench_level(m.id, 2025, false) AS lv, pg_temp.bench_state(m.id, 2025) AS st) x
ON CONFLICT (id) DO NOTHING;
INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                    self_scores, self_total, self_by, self_at, proposed_level, proposed_by, proposed_at,
                    decided_level, decided_rank, decided_by, decided_at, version)
SELECT md5('ev-r-2025-' || o.id)::uuid, md5('ev-cycle-2025-p$p')::uuid, 2025, 'ORGANIZATION', o.id, o.name, o.id, o.path, o.type, o.sector,
       $(rating_columns 2025 "jsonb_build_object('POLITICAL_IDEOLOGICAL', 17, 'ORGANIZATION_CADRES', 26, 'INSPECTION_SUPERVISION', 13, 'POLITICAL_TASKS', 30), 86")
FROM org_ref o, LATERAL (SELECT pg_temp.bench_level(o.id, 2025, true) AS lv, pg_temp.bench_state(o.id, 2025) AS st) x
WHERE o.path >= '/' || md5('p$p')::uuid || '/' AND o.path < '/' || md5('p$p')::uuid || '0'
ON CONFLICT (id) DO NOTHING;
ROWS
    progress evaluations "province $p rated"
  done)
$(with_indexes evaluations)
COMMIT;
SQL
  sql evaluations -q -c "VACUUM ANALYZE rating"
}

load_nation_assignments() { :; }
load_nation_gateway() { :; }

# The national figures (an admin's whole tree) and lists over the nation; the province and district calls of every
# service are timed by their own time_<service> as at the province scale.
time_nation() {
  local members ratings RUNS_SAVED=$RUNS
  members=$(sql membership -c "SELECT count(*) FROM member")
  ratings=$(sql evaluations -c "SELECT count(*) FROM rating WHERE year = 2025")
  login
  heading "the nation through the gateway: $members members, $ratings ratings of 2025 (budget of a national figure: $NATION_MS ms), $RUNS calls each:"
  time_calls "member statistics of the nation (whole tree)" $NATION_MS GET "$GW/members/statistics"
  RUNS=3
  vs_sql membership "$(membership_recount "TRUE")"
  RUNS=$RUNS_SAVED
  time_calls "rating summary 2025 of the nation (whole tree)" $NATION_MS GET "$GW/evaluations/reports/summary?year=2025"
  time_calls "rating summary 2025 of the nation as CSV" $NATION_MS GET "$GW/evaluations/reports/summary.csv?year=2025"
  time_calls "members of the nation, q accents ignored ('tran thi yen'), page of 50" $PAGE_MS GET "$GW/members?q=tran%20thi%20yen&limit=50"
  time_calls "members of the nation, q a family name ('nguyen'), page of 50" $PAGE_MS GET "$GW/members?q=nguyen&limit=50"
  time_calls "members of the nation, q a middle name alone ('van'), page of 50" $PAGE_MS GET "$GW/members?q=van&limit=50"
  time_calls "members of the nation, page of 50" $PAGE_MS GET "$GW/members?limit=50"
  time_calls "ratings 2025 of the nation, members EXCELLENT, page of 50" $PAGE_MS GET "$GW/evaluations/reports/ratings?year=2025&subjectType=MEMBER&level=EXCELLENT&limit=50"
  time_calls "probation ending in 30 days (the nation), page of 50" $PAGE_MS GET "$GW/members/probation-ending?days=30"
}
