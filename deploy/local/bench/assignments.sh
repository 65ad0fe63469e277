# shellcheck shell=bash
# ---------------------------------------------------------------- assignments
# The loads go through the coverage triggers (V2__coverage_counts.sql): one INSERT … SELECT = one merge of the counts.
load_assignments() {
  local start=$SECONDS
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
  log "assignments: loaded (through the coverage triggers) in $((SECONDS - start)) s"
}

time_assignments() {
  local households assignments API="$GW/assignments"
  households=$(sql assignments -c "SELECT count(*) FROM household"); assignments=$(sql assignments -c "SELECT count(*) FROM assignment")
  login
  warm "$API/coverage/gaps?organizationId=$P&level=CELL"
  heading "assignments service through the gateway, $assignments assignments, $households households, $RUNS calls each:"
  time_calls "coverage of a province (1,800 committees, 36,000 cells)" $PROVINCE_MS GET "$API/coverage?organizationId=$P"
  vs_sql assignments "$COVERAGE_SQL"
  time_calls "coverage of a district" $DISTRICT_MS GET "$API/coverage?organizationId=$D"
  time_calls "report of a province, printed (PDF: coverage, plans of 2025)" $PROVINCE_MS GET "$API/report.pdf?organizationId=$P&from=2025-01-01&to=2025-12-31"
  time_calls "cells without a district assignment, province, page of 50" $PAGE_MS GET "$API/coverage/gaps?organizationId=$P&level=CELL"
  time_calls "households without an assignment, province, page of 50" $PAGE_MS GET "$API/coverage/gaps?organizationId=$P&level=HOUSEHOLD"
  explain assignments "query plan of the coverage of a province as the service runs it (subtree counts)" \
    "SELECT metric, k, n FROM subtree_count WHERE org_id = '$P' AND metric = ANY ('{coverage}') AND n <> 0 ORDER BY metric, k"
  explain assignments "query plan of households without an assignment in a province, first page (as the service runs it)" \
    "SELECT h.id, 'HOUSEHOLD', h.head_name || ', ' || h.address, h.organization_id
     FROM household h JOIN org_ref o ON o.id = h.organization_id WHERE o.status = 'ACTIVE' AND (o.path >= '/$P/' AND o.path < '/${P}0')
       AND NOT EXISTS (SELECT 1 FROM coverage_target x WHERE x.target_id = h.id AND x.any_level > 0)
     ORDER BY h.id LIMIT 51"
  explain assignments "query plan of cells without a district assignment in a province, first page (as the service runs it)" \
    "SELECT o.id, 'ORGANIZATION', o.name, o.id FROM org_ref o WHERE o.status = 'ACTIVE'
       AND o.type IN ('GRASSROOTS_CELL','SUBORDINATE_CELL') AND (o.path >= '/$P/' AND o.path < '/${P}0')
       AND NOT EXISTS (SELECT 1 FROM coverage_target x WHERE x.target_id = o.id AND x.district > 0)
     ORDER BY o.id LIMIT 51"
}

# The coverage of province 1 recounted from the facts in one statement (what the service did per call before the
# subtree counts): the same six numbers.
COVERAGE_SQL="WITH d AS (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day),
  x AS (SELECT target_id, level FROM assignment, d WHERE status = 'ACTIVE' AND valid_from <= d.day
        AND (valid_to IS NULL OR valid_to >= d.day) AND target_type = 'ORGANIZATION')
SELECT count(*) FILTER (WHERE o.type IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL')),
       count(*) FILTER (WHERE o.type IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL')
                        AND EXISTS (SELECT 1 FROM x WHERE x.target_id = o.id AND x.level = 'PROVINCIAL')),
       count(*) FILTER (WHERE o.type IN ('GRASSROOTS_CELL','SUBORDINATE_CELL')),
       count(*) FILTER (WHERE o.type IN ('GRASSROOTS_CELL','SUBORDINATE_CELL')
                        AND EXISTS (SELECT 1 FROM x WHERE x.target_id = o.id AND x.level IN ('PROVINCIAL','DISTRICT'))),
       (SELECT count(*) FROM household h JOIN org_ref c ON c.id = h.organization_id
        WHERE c.status = 'ACTIVE' AND c.path >= '/$P/' AND c.path < '/${P}0'),
       (SELECT count(*) FROM household h JOIN org_ref c ON c.id = h.organization_id, d
        WHERE c.status = 'ACTIVE' AND c.path >= '/$P/' AND c.path < '/${P}0'
          AND EXISTS (SELECT 1 FROM assignment a WHERE a.target_id = h.id AND a.target_type = 'HOUSEHOLD' AND a.status = 'ACTIVE'
                      AND a.valid_from <= d.day AND (a.valid_to IS NULL OR a.valid_to >= d.day)))
FROM org_ref o WHERE o.status = 'ACTIVE' AND o.path >= '/$P/' AND o.path < '/${P}0'"
