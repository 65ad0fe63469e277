# shellcheck shell=bash
# ---------------------------------------------------------------- evaluations
# Province 1 rated for 2025 and 2024 (the year-over-year comparison): one cycle per year under the built-in policy
# CURRENT-2018, a rating for every member (400,000, read model member_ref as in membership.sh: ids md5('m<k>'), same
# cells) and every organization (37,831); about 4% of the 2025 ratings still undecided (self-assessed or proposed),
# the rest decided with a provincial spread of levels. Inserted one district at a time, so that the rating triggers
# (V4__report_counts) merge their subtree counts in 30 statements per year rather than one huge one.
EV_POLICY="'b0000000-0000-4000-8000-000000002018'::uuid"

load_evaluations() {
  org_ref evaluations
  insert_once evaluations "the member read model: $MEMBERS members of province 1" \
    "SELECT count(*) FROM member_ref WHERE id = md5('m$MEMBERS')::uuid" 1 <<SQL
INSERT INTO member_ref (id, full_name, organization_id, status, version)
SELECT md5('m' || k)::uuid, fam[1 + k % 16] || ' ' || mid[1 + k / 16 % 8] || ' ' || giv[1 + k / 128 % 30],
       md5('c1-' || d || '-' || g || '-' || c)::uuid,
       CASE k % 20 WHEN 0 THEN 'PROBATIONARY' WHEN 1 THEN 'EXEMPT' WHEN 2 THEN 'DECEASED' WHEN 3 THEN 'TRANSFERRED_OUT' ELSE 'OFFICIAL' END, 0
FROM generate_series(1, $MEMBERS) k, $MEMBER_CELL, $MEMBER_NAMES
ON CONFLICT (id) DO NOTHING;
ANALYZE member_ref;
SQL
  insert_once evaluations "the evaluation cycles 2024 and 2025 of province 1" \
    "SELECT count(*) FROM cycle WHERE id IN (md5('ev-cycle-2024')::uuid, md5('ev-cycle-2025')::uuid)" 2 <<SQL
INSERT INTO cycle (id, year, name, scope_org_id, scope_path, policy_id, state, opened_at, opened_by, closed_at, closed_by, version)
SELECT md5('ev-cycle-' || y)::uuid, y, 'Đánh giá, xếp loại chất lượng năm ' || y || ' – Đảng bộ tỉnh Đo Tải 1', md5('p1')::uuid, $P_PATH,
       $EV_POLICY, CASE y WHEN 2024 THEN 'CLOSED' ELSE 'OPEN' END, make_date(y, 11, 15), 'bench',
       CASE y WHEN 2024 THEN make_date(y + 1, 1, 20)::timestamptz END, CASE y WHEN 2024 THEN 'bench' END, 0
FROM generate_series(2024, 2025) y
ON CONFLICT (id) DO NOTHING;
SQL
  local year
  for year in 2024 2025; do
    insert_once evaluations "the $year ratings of every member and organization of province 1, one district at a time" \
      "SELECT count(*) FROM rating WHERE cycle_id = md5('ev-cycle-$year')::uuid" $((MEMBERS + 37831)) <<SQL
$(rating_functions)
DO \$\$
DECLARE d int;
BEGIN
  FOR d IN 1..30 LOOP
    INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                        self_scores, self_total, self_by, self_at, proposed_level, proposed_by, proposed_at,
                        decided_level, decided_rank, decided_by, decided_at, version)
    SELECT md5('ev-r-$year-' || m.id)::uuid, md5('ev-cycle-$year')::uuid, $year, 'MEMBER', m.id, m.full_name, o.id, o.path, o.type, o.sector,
           $(rating_columns "$year" "jsonb_build_object('POLITICS_ETHICS', 26, 'DISCIPLINE_WORKSTYLE', 17, 'DUTIES', 33, 'PARTY_ACTIVITIES', 9), 85")
    FROM org_ref o JOIN member_ref m ON m.organization_id = o.id,
         LATERAL (SELECT pg_temp.bench_level(m.id, $year, false) AS lv, pg_temp.bench_state(m.id, $year) AS st) x
    WHERE o.path >= '/' || md5('p1')::uuid || '/' || md5('d1-' || d)::uuid || '/'
      AND o.path < '/' || md5('p1')::uuid || '/' || md5('d1-' || d)::uuid || '0'
    ON CONFLICT (id) DO NOTHING;
    INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                        self_scores, self_total, self_by, self_at, proposed_level, proposed_by, proposed_at,
                        decided_level, decided_rank, decided_by, decided_at, version)
    SELECT md5('ev-r-$year-' || o.id)::uuid, md5('ev-cycle-$year')::uuid, $year, 'ORGANIZATION', o.id, o.name, o.id, o.path, o.type, o.sector,
           $(rating_columns "$year" "jsonb_build_object('POLITICAL_IDEOLOGICAL', 17, 'ORGANIZATION_CADRES', 26, 'INSPECTION_SUPERVISION', 13, 'POLITICAL_TASKS', 30), 86")
    FROM org_ref o, LATERAL (SELECT pg_temp.bench_level(o.id, $year, true) AS lv, pg_temp.bench_state(o.id, $year) AS st) x
    WHERE o.path >= '/' || md5('p1')::uuid || '/' || md5('d1-' || d)::uuid || '/'
      AND o.path < '/' || md5('p1')::uuid || '/' || md5('d1-' || d)::uuid || '0'
    ON CONFLICT (id) DO NOTHING;
  END LOOP;
  -- the province itself
  INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                      self_total, self_by, self_at, proposed_level, proposed_by, proposed_at, decided_level, decided_rank, decided_by,
                      decided_at, version)
  SELECT md5('ev-r-$year-' || o.id)::uuid, md5('ev-cycle-$year')::uuid, $year, 'ORGANIZATION', o.id, o.name, o.id, o.path, o.type, o.sector,
         'DECIDED', 92, 'bench', make_date($year, 12, 1), 'GOOD', 'bench', make_date($year, 12, 10), 'GOOD', 2, 'bench', make_date($year, 12, 28), 2
  FROM org_ref o WHERE o.id = md5('p1')::uuid
  ON CONFLICT (id) DO NOTHING;
END \$\$;
VACUUM ANALYZE rating;
SQL
  done
}

# rating_functions: pg_temp.bench_level and bench_state for the session.
rating_functions() {
  cat <<'SQL'
-- level of subject s in the year: ~12% EXCELLENT, ~68% GOOD, ~17% COMPLETED, ~3% NOT_COMPLETED (members; organizations
-- a little better), from a hash of the subject and year; ~4% of 2025 still undecided.
CREATE OR REPLACE FUNCTION pg_temp.bench_level(s uuid, y int, org boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN h < (CASE WHEN org THEN 150 ELSE 120 END) THEN 'EXCELLENT' WHEN h < 800 THEN 'GOOD' WHEN h < 970 THEN 'COMPLETED'
              ELSE 'NOT_COMPLETED' END
  FROM (SELECT abs(hashtext(s::text || y)) % 1000 AS h) x $$;
CREATE OR REPLACE FUNCTION pg_temp.bench_state(s uuid, y int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN y < 2025 THEN 'DECIDED' ELSE (CASE abs(hashtext(s::text || 'state')) % 100 WHEN 0 THEN 'SELF_ASSESSED'
              WHEN 1 THEN 'PROPOSED' WHEN 2 THEN 'PROPOSED' WHEN 3 THEN 'PROPOSAL_RETURNED' ELSE 'DECIDED' END) END $$;
SQL
}

# rating_columns YEAR SCORES: the columns from state to version of a rating in the state st with the level lv (self
# assessment SCORES: the scores and their total).
rating_columns() {
  cat <<SQL
st, $2, 'bench', make_date($1, 12, 1), CASE WHEN st <> 'SELF_ASSESSED' THEN lv END,
       CASE WHEN st <> 'SELF_ASSESSED' THEN 'bench' END, CASE WHEN st <> 'SELF_ASSESSED' THEN make_date($1, 12, 10)::timestamptz END,
       CASE WHEN st = 'DECIDED' THEN lv END,
       CASE WHEN st = 'DECIDED' THEN array_position(ARRAY['EXCELLENT','GOOD','COMPLETED','NOT_COMPLETED'], lv) END,
       CASE WHEN st = 'DECIDED' THEN 'bench' END, CASE WHEN st = 'DECIDED' THEN make_date($1, 12, 20)::timestamptz END, 2
SQL
}

time_evaluations() {
  local ratings API="$GW/evaluations" R C25 cursor
  ratings=$(sql evaluations -c "SELECT count(*) FROM rating WHERE year = 2025")
  C25=$(sql evaluations -c "SELECT md5('ev-cycle-2025')::uuid")
  R="$API/reports"
  login
  warm "$R/ratings?year=2025&organizationId=$D&subjectType=MEMBER&level=NOT_COMPLETED&limit=50"
  heading "evaluations service through the gateway, $ratings ratings of 2025 (and as many of 2024) in province 1, $RUNS calls each:"
  time_calls "summary 2025 of a province (400,000 members, 37,831 organizations)" $PROVINCE_MS GET "$R/summary?year=2025&organizationId=$P"
  vs_sql evaluations "SELECT subject_type, decided_level, org_type, org_sector, count(*), GROUPING(org_type), GROUPING(org_sector)
     FROM rating WHERE state = 'DECIDED' AND year = 2025 AND org_path >= '/$P/' AND org_path < '/${P}0'
     GROUP BY GROUPING SETS ((subject_type, decided_level), (subject_type, decided_level, org_type), (subject_type, decided_level, org_sector))"
  time_calls "summary 2025 of a district (~13,300 members)" $DISTRICT_MS GET "$R/summary?year=2025&organizationId=$D"
  time_calls "summary 2025 of a province as CSV" $PROVINCE_MS GET "$R/summary.csv?year=2025&organizationId=$P"
  time_calls "report of the 2025 cycle as PDF (province)" $PROVINCE_MS GET "$API/cycles/$C25/report.pdf"
  time_calls "comparison 2024–2025 of a province" $PROVINCE_MS GET "$R/comparison?fromYear=2024&toYear=2025&organizationId=$P"
  time_calls "comparison 2024–2025 of a district" $DISTRICT_MS GET "$R/comparison?fromYear=2024&toYear=2025&organizationId=$D"
  time_calls "list: members EXCELLENT of a province, page of 50" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$P&subjectType=MEMBER&level=EXCELLENT&limit=50"
  cursor=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$R/ratings?year=2025&organizationId=$P&subjectType=MEMBER&level=EXCELLENT&limit=50" \
    | sed -nE 's/.*"nextCursor":"([^"]+)".*/\1/p')
  time_calls "list: the same, next page (cursor)" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$P&subjectType=MEMBER&level=EXCELLENT&limit=50&cursor=$cursor"
  time_calls "list: members NOT_COMPLETED of a district, page of 50" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$D&subjectType=MEMBER&level=NOT_COMPLETED&limit=50"
  time_calls "list: members of sector MILITARY rated COMPLETED, district, page" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$D&subjectType=MEMBER&level=COMPLETED&sector=MILITARY&limit=50"
  time_calls "list: grassroots committees GOOD of a province, page of 50" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$P&subjectType=ORGANIZATION&organizationType=GRASSROOTS_COMMITTEE&level=GOOD&limit=50"
  time_calls "list: everyone rated in a province (both subject types), page" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$P&limit=50"
  time_calls "list: everyone rated in a commune, page of 50" $PAGE_MS GET "$R/ratings?year=2025&organizationId=$G&limit=50"
  time_calls "ratings CSV of a district (~14,000 rows, streamed)" $PROVINCE_MS GET "$R/ratings.csv?year=2025&organizationId=$D"
  time_export "ratings CSV of a province (~420,000 rows) in the background" "$R/ratings.csv?year=2025&organizationId=$P"
  explain evaluations "query plan of the province summary (subtree counts of the year's cycles)" \
    "SELECT c.k, sum(c.n) FROM subtree_count c
     WHERE c.org_id = '$P' AND c.metric IN (SELECT 'ev:' || y.id FROM cycle y WHERE y.year = 2025)
     GROUP BY c.k HAVING sum(c.n) <> 0"
  explain evaluations "query plan of a list page: members NOT_COMPLETED of a district (keys index-only, then 51 rows)" \
    "SELECT r.id, r.subject_type, r.subject_id, r.subject_name, r.organization_id, r.org_type, r.org_sector, r.decided_level,
            r.decided_at, r.decided_by
     FROM (SELECT id, subject_name FROM ((SELECT id, subject_name FROM rating WHERE subject_type = 'MEMBER' AND state = 'DECIDED'
             AND year = 2025 AND (org_path >= '/$P/$D/' AND org_path < '/$P/${D}0') AND decided_level = 'NOT_COMPLETED'
             ORDER BY subject_name, id LIMIT 51)) a ORDER BY subject_name, id LIMIT 51) p
     JOIN rating r ON r.id = p.id ORDER BY p.subject_name, p.id"
}
