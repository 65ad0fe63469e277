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
  # A year of monthly regular meetings, one INSERT per month so that the statement-level triggers of the compliance
  # counts (V3__compliance_counts.sql) merge one month of 36,000 meetings at a time; about one cell in 23 missed a given
  # month (no meeting), and four cells in five held a thematic meeting in May (the second quarter).
  insert_once meetings "a year of meetings in the 36,000 cells (about 414,000 regular, 28,800 thematic) through the compliance triggers" \
    "SELECT count(*) FROM meeting WHERE id = md5('mt-' || md5('c1-30-60-19')::uuid || '-thematic-2025-Q2')::uuid" 1 <<SQL
$(meetings_year "o.path >= '/$P/' AND o.path < '/${P}0' AND o.type = 'SUBORDINATE_CELL'")
ANALYZE meeting; ANALYZE meeting_month; ANALYZE subtree_count;
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

# meetings_year CELLS: the SQL inserting the 2025 meetings of the cells o of org_ref where CELLS holds: one INSERT per
# month, then the thematic meetings of the second quarter.
meetings_year() {
  cat <<SQL
$(for mo in $(seq 1 12); do cat <<MONTH
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
       11, 10, 9 + mo % 3, 8 + mo % 3, 2 - mo % 3, 0, (hashtext(o.id::text)::bigint + mo) % 11 <> 0, mo % 3 = 0, mo % 6 = 0,
       'bench', now(), now(), 0
FROM org_ref o, (VALUES ($mo)) v(mo)
WHERE $1 AND (hashtext(o.id::text)::bigint + 7 * mo) % 23 <> 0
ON CONFLICT (id) DO NOTHING;
MONTH
done)
INSERT INTO meeting (id, organization_id, organization_path, kind, format, starts_at, meeting_date, place, topic, state,
                     minutes, expected, expected_official, present, present_official, absent_excused, absent_unexcused,
                     quorum_met, superior_expected, superior_attended, created_by, created_at, updated_at, version)
SELECT md5('mt-' || o.id || '-thematic-2025-Q2')::uuid, o.id, o.path, 'THEMATIC', 'IN_PERSON',
       make_timestamptz(2025, 5, 20, 8, 0, 0, 'Asia/Ho_Chi_Minh'), DATE '2025-05-20', 'Hội trường xã',
       'Sinh hoạt chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'HELD', 'Biên bản chuyên đề',
       11, 10, 10, 9, 1, 0, TRUE, TRUE, hashtext(o.id::text)::bigint % 2 = 0, 'bench', now(), now(), 0
FROM org_ref o
WHERE $1 AND (o.name LIKE 'Chi bộ bản Nậm 19 %' OR hashtext(o.id::text)::bigint % 5 <> 0)
ON CONFLICT (id) DO NOTHING;
SQL
}

time_meetings() {
  local meetings attendance API="$GW/meetings" period="from=2025-01-01&to=2025-12-31"
  meetings=$(sql meetings -c "SELECT count(*) FROM meeting"); attendance=$(sql meetings -c "SELECT count(*) FROM attendance")
  login
  warm "$API/compliance/cells?organizationId=$D&$period"
  heading "meetings service through the gateway, $meetings meetings, $attendance attendance rows, $RUNS calls each:"
  time_calls "compliance 2025 of a district (1,200 cells, 14,400 meetings)" $DISTRICT_MS GET "$API/compliance?organizationId=$D&$period"
  time_calls "compliance 2025 per cell of a district, page of 50" $PAGE_MS GET "$API/compliance/cells?organizationId=$D&$period"
  time_calls "compliance 2025 per member of a district, page of 50" $PAGE_MS GET "$API/compliance/members?organizationId=$D&$period"
  time_calls "meetings of a district, page of 50" $PAGE_MS GET "$API?organizationId=$D&limit=50"
  time_calls "meetings of a district in March 2025, page of 50" $PAGE_MS GET "$API?organizationId=$D&from=2025-03-01&to=2025-03-31&limit=50"
  time_calls "compliance 2025 of a province (36,000 cells)" $PROVINCE_MS GET "$API/compliance?organizationId=$P&$period"
  time_calls "compliance 2025 of a province, printed (PDF: 12 months, 4 quarters, charts)" $PROVINCE_MS GET "$API/compliance/report.pdf?organizationId=$P&$period"
  # the same numbers in one pass over the province's meetings (2025 is over: every month and quarter counts)
  vs_sql meetings "WITH c AS (SELECT id FROM org_ref WHERE path >= '/$P/' AND path < '/${P}0'
                                AND type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL') AND status = 'ACTIVE'),
     s AS (SELECT m.organization_id, count(DISTINCT extract(month FROM m.meeting_date)) FILTER (WHERE m.kind = 'REGULAR') AS months,
                  count(DISTINCT extract(quarter FROM m.meeting_date)) FILTER (WHERE m.kind = 'THEMATIC') AS quarters,
                  count(*) AS held, count(*) FILTER (WHERE NOT m.quorum_met) AS below, sum(m.expected) AS expected, sum(m.present) AS present,
                  count(*) FILTER (WHERE m.superior_expected) AS sup_e, count(*) FILTER (WHERE m.superior_expected AND m.superior_attended) AS sup_a
           FROM meeting m JOIN c ON c.id = m.organization_id
           WHERE m.state IN ('HELD', 'MINUTES_APPROVED') AND m.meeting_date BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1)
     SELECT count(*), count(*) FILTER (WHERE coalesce(s.months, 0) < 12), count(*) FILTER (WHERE coalesce(s.quarters, 0) < 4),
            sum(s.held), sum(s.below), sum(s.present)::numeric / sum(s.expected), sum(s.sup_e), sum(s.sup_a)
     FROM c LEFT JOIN s ON s.organization_id = c.id"
  explain meetings "query plan of the province's compliance summary (the sums of its whole months: the subtree counts)" \
    "SELECT metric, sum(n) FROM subtree_count WHERE org_id = '$P'
       AND metric IN ('held', 'below_quorum', 'expected', 'present', 'superior_expected', 'superior_attended')
       AND k >= '2025-01' AND k <= '2025-12' GROUP BY metric"
  explain meetings "query plan of attendance per member of a district, first page" \
    "SELECT a.member_id, max(a.full_name), count(*), count(*) FILTER (WHERE a.status = 'PRESENT'),
            count(*) FILTER (WHERE a.status = 'ABSENT_EXCUSED'), count(*) FILTER (WHERE a.status = 'ABSENT_UNEXCUSED')
     FROM meeting m JOIN attendance a ON a.meeting_id = m.id
     WHERE m.organization_path >= '/$P/$D/' AND m.organization_path < '/$P/${D}0' AND m.state IN ('HELD', 'MINUTES_APPROVED')
       AND m.meeting_date BETWEEN '2025-01-01' AND '2025-12-31'
     GROUP BY a.member_id ORDER BY a.member_id LIMIT 51"
}
