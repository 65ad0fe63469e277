# shellcheck shell=bash
# ---------------------------------------------------------------- assignments
load_assignments() {
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
}

time_assignments() {
  local households assignments API="$GW/assignments"
  households=$(sql assignments -c "SELECT count(*) FROM household"); assignments=$(sql assignments -c "SELECT count(*) FROM assignment")
  login
  heading "assignments service through the gateway, $assignments assignments, $households households, $RUNS calls each:"
  time_calls "coverage of a province (1,800 committees, 36,000 cells)" $PROVINCE_MS GET "$API/coverage?organizationId=$P"
  time_calls "coverage of a district" $DISTRICT_MS GET "$API/coverage?organizationId=$D"
  time_calls "cells without a district assignment, province, page of 50" $PAGE_MS GET "$API/coverage/gaps?organizationId=$P&level=CELL"
  time_calls "households without an assignment, province, page of 50" $PAGE_MS GET "$API/coverage/gaps?organizationId=$P&level=HOUSEHOLD"
  explain assignments "query plan of the heaviest assignments query: households covered in a province (coverage)" \
    "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = h.id
         AND x.target_type = 'HOUSEHOLD' AND x.status = 'ACTIVE' AND x.valid_from <= current_date
         AND (x.valid_to IS NULL OR x.valid_to >= current_date)))
     FROM household h JOIN org_ref o ON o.id = h.organization_id WHERE o.status = 'ACTIVE' AND (o.path >= '/$P/' AND o.path < '/${P}0')"
}

