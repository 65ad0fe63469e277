# shellcheck shell=bash
# ---------------------------------------------------------------- membership
# The shape of a real province: cells of uneven size (15% of 3-5 members, 60% of 6-11, 22% of 12-20, 3% of 60-72),
# scaled so that members 1..MEMBERS fill the 36,000 cells in order; members in every status (about 5% probationary,
# 5% exempt, 5% deceased, 5% transferred out, 1% removed, 0.3% expelled, the rest official), their memberships ended
# in many different years. A member keeps the id md5('m<k>') that the other services' data refers to.
MEMBERSHIP_CELLS="SELECT i, i / 1200 + 1 AS d, i / 20 % 60 + 1 AS g, i % 20 + 1 AS c,
       CASE WHEN h < 15 THEN 3 + h % 3 WHEN h < 75 THEN 6 + h % 6 WHEN h < 97 THEN 12 + h % 9 ELSE 60 + h % 5 * 3 END AS size
FROM generate_series(0, 35999) i, LATERAL (SELECT abs(hashtext('cell-size-' || i)) % 100 AS h) x"

load_membership() {
  org_ref membership
  # Through the counting triggers of V7__member_subtree_counts.sql: one statement, so one merge of its deltas. A
  # database loaded with the earlier, even shape is updated in place to this one (the update trigger counts that).
  insert_once membership "$MEMBERS members over the 36,000 cells of province 1 (uneven cells, every status)" \
    "SELECT count(*) FROM member WHERE id = md5('m$MEMBERS')::uuid AND organization_id = md5('c1-30-60-20')::uuid
            AND EXISTS (SELECT 1 FROM member WHERE status = 'EXPELLED')" 1 <<SQL
$(member_insert "SELECT md5('m' || k)::uuid AS id, md5('c1-' || d || '-' || g || '-' || c)::uuid AS org, k
FROM (SELECT d, g, c, sum(size) OVER (ORDER BY i) - size AS lo, sum(size) OVER (ORDER BY i) AS hi, sum(size) OVER () AS total
      FROM ($MEMBERSHIP_CELLS) s) cells,
     generate_series((lo * $MEMBERS / total)::int + 1, (hi * $MEMBERS / total)::int) k")
ANALYZE member;
SQL
}

# member_insert ROWS: the SQL inserting the members of ROWS (id, org, k); name, birth, gender, ethnicity, theory level,
# status and dates follow from k.
member_insert() {
  cat <<SQL
WITH m AS (SELECT id, org, k, 1 + k % 16 AS a, 1 + k / 16 % 8 AS b, 1 + k / 128 % 30 AS e,
                  CASE WHEN k % 300 = 5 THEN 'EXPELLED' WHEN k % 100 = 4 THEN 'REMOVED'
                       ELSE CASE k % 20 WHEN 0 THEN 'PROBATIONARY' WHEN 1 THEN 'EXEMPT' WHEN 2 THEN 'DECEASED' WHEN 3 THEN 'TRANSFERRED_OUT'
                                        ELSE 'OFFICIAL' END END AS status,
                  CASE WHEN k % 20 = 0 THEN DATE '2025-09-01' + (k / 20 % 450)
                       ELSE DATE '1958-01-01' + (k::bigint * 7919 % 24000)::int END AS admitted
           FROM ($1) r)
INSERT INTO member (id, full_name, search_name, birth_date, gender, ethnicity, theory_level, admission_date, official_date,
                    organization_id, status, status_since, created_at, updated_at, version)
SELECT id, fam[a] || ' ' || mid[b] || ' ' || giv[e], fam_s[a] || ' ' || mid_s[b] || ' ' || giv_s[e],
       admitted - (6600 + k % 9000), CASE WHEN b = 2 OR k % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       (ARRAY['Kinh','Kinh','Kinh','Thái','Mông','Tày','Dao','Khơ Mú',NULL])[1 + k % 9],
       (ARRAY['NONE','ELEMENTARY','ELEMENTARY','INTERMEDIATE','ADVANCED','BACHELOR'])[1 + k % 6],
       admitted, CASE WHEN status <> 'PROBATIONARY' THEN admitted + 365 END, org, status,
       CASE WHEN status = 'PROBATIONARY' THEN admitted WHEN status IN ('OFFICIAL', 'EXEMPT') THEN admitted + 365
            ELSE least(DATE '2026-06-30', admitted + 400 + (k::bigint * 131 % 9000)::int) END,
       now(), now(), 0
FROM m, $MEMBER_NAMES
ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, status = EXCLUDED.status,
                               status_since = EXCLUDED.status_since, updated_at = EXCLUDED.updated_at
WHERE (member.organization_id, member.status, member.status_since)
      IS DISTINCT FROM (EXCLUDED.organization_id, EXCLUDED.status, EXCLUDED.status_since);
SQL
}

# membership_recount CONDITION: the numbers of the statistics (byStatus, byGender, byTheoryLevel, byEthnicity, byAgeBand,
# admissions of the last five years and members at their start) recounted by hand from the member rows in one pass.
membership_recount() {
  cat <<SQL
WITH s AS MATERIALIZED (
  SELECT m.status, m.gender, m.theory_level, coalesce(m.ethnicity, 'UNKNOWN') AS eth,
         m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT') AND m.in_transit_transfer_id IS NULL AS cur,
         CASE WHEN m.birth_date > (current_date - interval '30 years')::date THEN 'UNDER_30'
              WHEN m.birth_date > (current_date - interval '41 years')::date THEN 'FROM_30_TO_40'
              WHEN m.birth_date > (current_date - interval '51 years')::date THEN 'FROM_41_TO_50'
              WHEN m.birth_date > (current_date - interval '61 years')::date THEN 'FROM_51_TO_60'
              WHEN m.birth_date > (current_date - interval '201 years')::date THEN 'OVER_60' ELSE 'UNKNOWN' END AS band,
         extract(year FROM m.admission_date)::int AS a,
         CASE WHEN m.status IN ('TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED') THEN extract(year FROM m.status_since)::int END AS e
  FROM member m JOIN org_ref o ON o.id = m.organization_id WHERE $1)
SELECT 'status', status, count(*) FROM s GROUP BY 2
UNION ALL SELECT 'gender', gender, count(*) FROM s WHERE cur GROUP BY 2
UNION ALL SELECT 'theory', theory_level, count(*) FROM s WHERE cur GROUP BY 2
UNION ALL SELECT 'ethnicity', eth, count(*) FROM s WHERE cur GROUP BY 2
UNION ALL SELECT 'age', band, count(*) FROM s WHERE cur GROUP BY 2
UNION ALL SELECT 'admissions', y::text, count(*) FILTER (WHERE a = y) * 1000000000 + count(*) FILTER (WHERE a < y AND (e IS NULL OR e >= y))
          FROM s, generate_series(extract(year FROM current_date)::int - 4, extract(year FROM current_date)::int) y GROUP BY 2
SQL
}

time_membership() {
  local members API="$GW/members"
  members=$(sql membership -c "SELECT count(*) FROM member")
  login
  warm "$API?organizationId=$D&limit=50"
  heading "membership service through the gateway, $members members (org_ref: province 1, 36,000 cells), $RUNS calls each:"
  time_calls "members of a district (~13,300), page of 50" $PAGE_MS GET "$API?organizationId=$D&limit=50"
  time_calls "members of a district, q accents ignored ('nguyen van hung')" $PAGE_MS GET "$API?organizationId=$D&q=nguyen%20van%20hung&limit=50"
  time_calls "members of a province, q with accents (Tran Thi Yen)" $PAGE_MS GET "$API?organizationId=$P&q=Tr%E1%BA%A7n%20Th%E1%BB%8B%20Y%E1%BA%BFn&limit=50"
  # the most common family name: the page is the first names of a range of the name index, not every match sorted
  time_calls "members of a province, q a family name (Nguyễn)" $PAGE_MS GET "$API?organizationId=$P&q=Nguy%E1%BB%85n&limit=50"
  # a word most names hold after the family name, and one letter: from member_word (V14), a province walking each
  # word's names in order, a district reading its range of each word
  time_calls "members of a province, q a middle name alone ('van')" $PAGE_MS GET "$API?organizationId=$P&q=van&limit=50"
  time_calls "members of a province, q one letter ('h')" $PAGE_MS GET "$API?organizationId=$P&q=h&limit=50"
  time_calls "members of a district, q one letter ('h')" $PAGE_MS GET "$API?organizationId=$D&q=h&limit=50"
  time_calls "statistics of a province (400,000 members)" $PROVINCE_MS GET "$API/statistics?organizationId=$P"
  vs_sql membership "$(membership_recount "o.path >= '/$P/' AND o.path < '/${P}0'")"
  time_calls "statistics of a district (~13,300 members)" $DISTRICT_MS GET "$API/statistics?organizationId=$D"
  time_calls "statistics of a province, printed (PDF with charts)" $PROVINCE_MS GET "$API/statistics.pdf?organizationId=$P"
  time_calls "statistics of the whole tree (admin, no organizationId)" $PROVINCE_MS GET "$API/statistics"
  time_calls "badges 2026 of a province, page of 50" $PAGE_MS GET "$API/badges?year=2026&organizationId=$P"
  time_calls "probation ending in 30 days (whole tree), page of 50" $PAGE_MS GET "$API/probation-ending?days=30"
  time_calls "CSV of the members of a district (~13,300 rows, direct)" $PROVINCE_MS GET "$API/export?organizationId=$D&includeDescendants=true"
  time_export "CSV of the members of a province (400,000 rows) in the background" "$API/export?organizationId=$P&includeDescendants=true"
  explain membership "query plan of the statistics of a province: its subtree counts (age bands: birth years, and dates of the years holding a band limit)" \
    "SELECT k, n FROM subtree_count WHERE org_id = '$P' AND metric = ANY ('{member_status,member_gender,member_theory,member_ethnicity,member_admission,member_birth_year}')
     UNION ALL SELECT k, n FROM subtree_count WHERE org_id = '$P' AND metric = 'member_birth'
       AND (k BETWEEN '1996-01-01' AND '1996-12-31' OR k BETWEEN '1985-01-01' AND '1985-12-31' OR k BETWEEN '1975-01-01' AND '1975-12-31'
            OR k BETWEEN '1965-01-01' AND '1965-12-31' OR k BETWEEN '1825-01-01' AND '1825-12-31' OR k BETWEEN '2026-01-01' AND '2026-12-31')"
  explain membership "query plan of probation ending in 30 days (whole tree), first page" \
    "SELECT m.id FROM member m JOIN org_ref o ON o.id = m.organization_id
     WHERE m.status = 'PROBATIONARY' AND m.admission_date <= current_date + 30 - interval '12 months' ORDER BY m.search_name, m.id LIMIT 51"
}

