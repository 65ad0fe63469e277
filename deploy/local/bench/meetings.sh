# shellcheck shell=bash
# ---------------------------------------------------------------- meetings
load_meetings() {
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
}

time_meetings() {
  local meetings attendance API="$GW/meetings" period="from=2025-01-01&to=2025-12-31"
  meetings=$(sql meetings -c "SELECT count(*) FROM meeting"); attendance=$(sql meetings -c "SELECT count(*) FROM attendance")
  login
  heading "meetings service through the gateway, $meetings meetings, $attendance attendance rows, $RUNS calls each:"
  time_calls "compliance 2025 of a district (1,200 cells, 14,400 meetings)" $DISTRICT_MS GET "$API/compliance?organizationId=$D&$period"
  time_calls "compliance 2025 per cell of a district, page of 50" $PAGE_MS GET "$API/compliance/cells?organizationId=$D&$period"
  time_calls "compliance 2025 per member of a district, page of 50" $PAGE_MS GET "$API/compliance/members?organizationId=$D&$period"
  time_calls "meetings of a district, page of 50" $PAGE_MS GET "$API?organizationId=$D&limit=50"
  time_calls "meetings of a district in March 2025, page of 50" $PAGE_MS GET "$API?organizationId=$D&from=2025-03-01&to=2025-03-31&limit=50"
  local RUNS_SAVED=$RUNS; RUNS=3
  time_calls "compliance 2025 of a province (36,000 cells), 3 calls" $PROVINCE_MS GET "$API/compliance?organizationId=$P&$period"
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

