-- Coverage (GET /api/v1/assignments/coverage) reads the shared subtree counts (db/common/V0_2__subtree_counts.sql), metric
-- 'coverage', instead of checking every household of the subtree. k is one of
--   grassroots / grassroots_covered    ACTIVE GRASSROOTS_COMMITTEE, GRASSROOTS_CELL / with a PROVINCIAL assignment in force
--   cells / cells_covered              ACTIVE GRASSROOTS_CELL, SUBORDINATE_CELL / with a PROVINCIAL or DISTRICT one
--   households / households_covered    households of ACTIVE organizations / with any assignment in force
-- "In force" depends on the day (ACTIVE and valid_from <= day <= valid_to), so the counts are exact as of one day, kept in
-- coverage_day: coverage_target holds, per target, how many assignments are in force on that day (by the levels that
-- count), and a target is covered when its count is > 0. Statement-level triggers on assignment, household and org_ref
-- turn each change into per-target count changes and the covered/total flips into deltas (one merge per statement).
-- When the day changes, coverage_advance(day) applies the assignments that started or ended in between (a scheduled job
-- after midnight, and the coverage call itself when it finds the counts a day behind): exact without a write per day.
-- Every trigger takes the coverage advisory lock shared, the advance takes it exclusive: no change slips between them.

CREATE TABLE coverage_day (
    id     int  PRIMARY KEY CHECK (id = 1),
    as_of  date NOT NULL
);
INSERT INTO coverage_day VALUES (1, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date);

-- Assignments in force on coverage_day.as_of per target (rows with all zeros may stay).
CREATE TABLE coverage_target (
    target_id  uuid PRIMARY KEY,
    provincial int NOT NULL DEFAULT 0, -- ORGANIZATION target, level PROVINCIAL (a grassroots organization is covered)
    district   int NOT NULL DEFAULT 0, -- ORGANIZATION target, level PROVINCIAL or DISTRICT (a cell is covered)
    any_level  int NOT NULL DEFAULT 0  -- HOUSEHOLD target, any level (a household is covered)
);

-- The day's start and end transitions are found through these.
CREATE INDEX assignment_active_from ON assignment (valid_from) WHERE status = 'ACTIVE';
CREATE INDEX assignment_active_to ON assignment (valid_to) WHERE status = 'ACTIVE' AND valid_to IS NOT NULL;

CREATE FUNCTION coverage_lock_key() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 7305110001::bigint $$;

CREATE FUNCTION assignment_in_force(status text, valid_from date, valid_to date, day date) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT status = 'ACTIVE' AND valid_from <= day AND (valid_to IS NULL OR valid_to >= day) $$;

-- What one organization counts in, given its coverage counts.
CREATE FUNCTION coverage_org_keys(type text, status text, provincial int, district int)
    RETURNS TABLE (k varchar(120)) LANGUAGE sql IMMUTABLE AS $$
    SELECT v.k FROM (VALUES
        ('grassroots'::varchar(120), status = 'ACTIVE' AND type IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL')),
        ('grassroots_covered', status = 'ACTIVE' AND type IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL') AND coalesce(provincial, 0) > 0),
        ('cells', status = 'ACTIVE' AND type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL')),
        ('cells_covered', status = 'ACTIVE' AND type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL') AND coalesce(district, 0) > 0)) v (k, yes)
    WHERE v.yes
$$;

-- What one household counts in, given its organization's status and its coverage count.
CREATE FUNCTION coverage_household_keys(org_status text, any_level int)
    RETURNS TABLE (k varchar(120)) LANGUAGE sql IMMUTABLE AS $$
    SELECT v.k FROM (VALUES ('households'::varchar(120), org_status = 'ACTIVE'),
                            ('households_covered', org_status = 'ACTIVE' AND coalesce(any_level, 0) > 0)) v (k, yes)
    WHERE v.yes
$$;

-- The day the counts are as of, after taking the shared lock that the advance takes exclusively.
CREATE FUNCTION coverage_day_locked() RETURNS date LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(coverage_lock_key());
    RETURN (SELECT as_of FROM coverage_day WHERE id = 1);
END $$;

-- Applies per-target changes of the in-force counts: (target, d provincial, d district, d any level), one row per target.
-- The targets' rows are changed (and so locked) first; the organizations and households are read in a later statement,
-- so a concurrent status change either waited for us or is seen (it locks the same rows before reading them).
CREATE FUNCTION coverage_apply_targets(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    after jsonb;
BEGIN
    IF changes IS NULL OR jsonb_array_length(changes) = 0 THEN
        RETURN;
    END IF;
    WITH d AS (SELECT * FROM jsonb_to_recordset(changes) AS x (t uuid, p int, di int, a int)),
         up AS (INSERT INTO coverage_target AS c (target_id, provincial, district, any_level)
                SELECT t, p, di, a FROM d ORDER BY t
                ON CONFLICT (target_id) DO UPDATE SET provincial = c.provincial + EXCLUDED.provincial,
                    district = c.district + EXCLUDED.district, any_level = c.any_level + EXCLUDED.any_level
                RETURNING c.target_id, c.provincial, c.district, c.any_level)
    SELECT jsonb_agg(jsonb_build_object('t', up.target_id, 'p', up.provincial, 'di', up.district, 'a', up.any_level,
                                        'p0', up.provincial - d.p, 'di0', up.district - d.di, 'a0', up.any_level - d.a))
    INTO after
    FROM up JOIN d ON d.t = up.target_id
    WHERE (up.provincial > 0) <> (up.provincial - d.p > 0) OR (up.district > 0) <> (up.district - d.di > 0)
       OR (up.any_level > 0) <> (up.any_level - d.a > 0);
    IF after IS NULL THEN
        RETURN; -- no target changed between covered and not covered
    END IF;
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(x.path, 'coverage', x.k, sum(x.n))::subtree_delta
        FROM (SELECT o.path, f.k, 1 AS n
              FROM jsonb_to_recordset(after) AS c (t uuid, p int, di int, a int, p0 int, di0 int, a0 int)
              JOIN org_ref o ON o.id = c.t, coverage_org_keys(o.type, o.status, c.p, c.di) f
              UNION ALL
              SELECT o.path, f.k, -1
              FROM jsonb_to_recordset(after) AS c (t uuid, p int, di int, a int, p0 int, di0 int, a0 int)
              JOIN org_ref o ON o.id = c.t, coverage_org_keys(o.type, o.status, c.p0, c.di0) f
              UNION ALL
              SELECT o.path, f.k, 1
              FROM jsonb_to_recordset(after) AS c (t uuid, p int, di int, a int, p0 int, di0 int, a0 int)
              JOIN household h ON h.id = c.t JOIN org_ref o ON o.id = h.organization_id, coverage_household_keys(o.status, c.a) f
              UNION ALL
              SELECT o.path, f.k, -1
              FROM jsonb_to_recordset(after) AS c (t uuid, p int, di int, a int, p0 int, di0 int, a0 int)
              JOIN household h ON h.id = c.t JOIN org_ref o ON o.id = h.organization_id, coverage_household_keys(o.status, c.a0) f) x
        GROUP BY x.path, x.k HAVING sum(x.n) <> 0));
END $$;

-- The per-target changes of a set of assignment rows (sign +1 came, -1 left), in force on day.
CREATE FUNCTION coverage_changes(rows jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_agg(jsonb_build_object('t', t, 'p', p, 'di', di, 'a', a))
    FROM (SELECT x.target_id AS t,
                 sum(x.sign * (x.target_type = 'ORGANIZATION' AND x.level = 'PROVINCIAL')::int) AS p,
                 sum(x.sign * (x.target_type = 'ORGANIZATION' AND x.level IN ('PROVINCIAL', 'DISTRICT'))::int) AS di,
                 sum(x.sign * (x.target_type = 'HOUSEHOLD')::int) AS a
          FROM jsonb_to_recordset(rows) AS x (target_id uuid, target_type text, level text, sign int)
          GROUP BY x.target_id) s
    WHERE p <> 0 OR di <> 0 OR a <> 0
$$;

CREATE FUNCTION coverage_assignment_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    day date := coverage_day_locked();
BEGIN
    PERFORM coverage_apply_targets(coverage_changes((
        SELECT jsonb_agg(jsonb_build_object('target_id', n.target_id, 'target_type', n.target_type, 'level', n.level, 'sign', 1))
        FROM new_assignments n WHERE assignment_in_force(n.status, n.valid_from, n.valid_to, day))));
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_assignment_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    day date := coverage_day_locked();
BEGIN
    PERFORM coverage_apply_targets(coverage_changes((
        SELECT jsonb_agg(jsonb_build_object('target_id', x.target_id, 'target_type', x.target_type, 'level', x.level, 'sign', x.sign))
        FROM (SELECT n.target_id, n.target_type, n.level, 1 AS sign
              FROM new_assignments n WHERE assignment_in_force(n.status, n.valid_from, n.valid_to, day)
              UNION ALL
              SELECT o.target_id, o.target_type, o.level, -1
              FROM old_assignments o WHERE assignment_in_force(o.status, o.valid_from, o.valid_to, day)) x)));
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_assignment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    day date := coverage_day_locked();
BEGIN
    PERFORM coverage_apply_targets(coverage_changes((
        SELECT jsonb_agg(jsonb_build_object('target_id', o.target_id, 'target_type', o.target_type, 'level', o.level, 'sign', -1))
        FROM old_assignments o WHERE assignment_in_force(o.status, o.valid_from, o.valid_to, day))));
    RETURN NULL;
END $$;

CREATE TRIGGER coverage_assignment_insert AFTER INSERT ON assignment REFERENCING NEW TABLE AS new_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_assignment_insert();
CREATE TRIGGER coverage_assignment_update AFTER UPDATE ON assignment
    REFERENCING OLD TABLE AS old_assignments NEW TABLE AS new_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_assignment_update();
CREATE TRIGGER coverage_assignment_delete AFTER DELETE ON assignment REFERENCING OLD TABLE AS old_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_assignment_delete();

-- Households: their organization is locked FOR SHARE first, so a concurrent status change of it either waited for us or
-- is seen; a household of an organization not in org_ref counts nowhere (as in a recount, which joins org_ref).
CREATE FUNCTION coverage_household_change(came jsonb, went jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coverage_day_locked();
    PERFORM 1 FROM org_ref o
    WHERE o.id IN (SELECT (e ->> 'organization_id')::uuid FROM jsonb_array_elements(coalesce(came, '[]') || coalesce(went, '[]')) e)
    ORDER BY o.id FOR SHARE;
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(x.path, 'coverage', x.k, sum(x.n))::subtree_delta
        FROM (SELECT o.path, f.k, h.sign AS n
              FROM (SELECT (e ->> 'id')::uuid AS id, (e ->> 'organization_id')::uuid AS org, 1 AS sign
                    FROM jsonb_array_elements(coalesce(came, '[]')) e
                    UNION ALL
                    SELECT (e ->> 'id')::uuid, (e ->> 'organization_id')::uuid, -1
                    FROM jsonb_array_elements(coalesce(went, '[]')) e) h
              JOIN org_ref o ON o.id = h.org
              LEFT JOIN coverage_target c ON c.target_id = h.id,
              coverage_household_keys(o.status, c.any_level) f) x
        GROUP BY x.path, x.k HAVING sum(x.n) <> 0));
END $$;

CREATE FUNCTION coverage_household_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coverage_household_change((SELECT jsonb_agg(jsonb_build_object('id', id, 'organization_id', organization_id))
                                       FROM new_households), NULL);
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_household_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- only a household that changed its organization changes the counts
    PERFORM coverage_household_change(
        (SELECT jsonb_agg(jsonb_build_object('id', n.id, 'organization_id', n.organization_id))
         FROM new_households n JOIN old_households o ON o.id = n.id WHERE o.organization_id <> n.organization_id),
        (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'organization_id', o.organization_id))
         FROM new_households n JOIN old_households o ON o.id = n.id WHERE o.organization_id <> n.organization_id));
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_household_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coverage_household_change(NULL, (SELECT jsonb_agg(jsonb_build_object('id', id, 'organization_id', organization_id))
                                             FROM old_households));
    RETURN NULL;
END $$;

CREATE TRIGGER coverage_household_insert AFTER INSERT ON household REFERENCING NEW TABLE AS new_households
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_household_insert();
CREATE TRIGGER coverage_household_update AFTER UPDATE ON household
    REFERENCING OLD TABLE AS old_households NEW TABLE AS new_households
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_household_update();
CREATE TRIGGER coverage_household_delete AFTER DELETE ON household REFERENCING OLD TABLE AS old_households
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_household_delete();

-- Organizations (the read model): a new organization counts itself and any households already recorded for it; a
-- change of status or type changes what it and its households count in. A move needs nothing here: the shared
-- a_subtree_count_follow_move carries the subtree's counts, and has done so before this statement trigger runs, so the
-- deltas of a row are taken at its NEW path. The targets of the changed organizations and of their households are
-- locked (created when missing) before they are read, against a concurrent assignment (see coverage_apply_targets).
CREATE FUNCTION coverage_org_change(changed jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF changed IS NULL THEN
        RETURN;
    END IF;
    PERFORM coverage_day_locked();
    INSERT INTO coverage_target (target_id)
    SELECT t FROM (SELECT (e ->> 'id')::uuid AS t FROM jsonb_array_elements(changed) e
                   UNION SELECT h.id FROM household h
                   WHERE h.organization_id IN (SELECT (e ->> 'id')::uuid FROM jsonb_array_elements(changed) e)) x
    ORDER BY t ON CONFLICT (target_id) DO NOTHING;
    PERFORM 1 FROM coverage_target
    WHERE target_id IN (SELECT (e ->> 'id')::uuid FROM jsonb_array_elements(changed) e
                        UNION SELECT h.id FROM household h
                        WHERE h.organization_id IN (SELECT (e ->> 'id')::uuid FROM jsonb_array_elements(changed) e))
    ORDER BY target_id FOR UPDATE;
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(x.path, 'coverage', x.k, sum(x.n))::subtree_delta
        FROM (SELECT o.path, f.k, 1 AS n
              FROM jsonb_to_recordset(changed) AS o (id uuid, path text, type text, status text, old_type text, old_status text)
              LEFT JOIN coverage_target c ON c.target_id = o.id, coverage_org_keys(o.type, o.status, c.provincial, c.district) f
              UNION ALL
              SELECT o.path, f.k, -1
              FROM jsonb_to_recordset(changed) AS o (id uuid, path text, type text, status text, old_type text, old_status text)
              LEFT JOIN coverage_target c ON c.target_id = o.id, coverage_org_keys(o.old_type, o.old_status, c.provincial, c.district) f
              WHERE o.old_status IS NOT NULL
              UNION ALL
              SELECT o.path, f.k, 1
              FROM jsonb_to_recordset(changed) AS o (id uuid, path text, type text, status text, old_type text, old_status text)
              JOIN household h ON h.organization_id = o.id
              LEFT JOIN coverage_target c ON c.target_id = h.id, coverage_household_keys(o.status, c.any_level) f
              UNION ALL
              SELECT o.path, f.k, -1
              FROM jsonb_to_recordset(changed) AS o (id uuid, path text, type text, status text, old_type text, old_status text)
              JOIN household h ON h.organization_id = o.id
              LEFT JOIN coverage_target c ON c.target_id = h.id, coverage_household_keys(o.old_status, c.any_level) f
              WHERE o.old_status IS NOT NULL) x
        GROUP BY x.path, x.k HAVING sum(x.n) <> 0));
END $$;

CREATE FUNCTION coverage_org_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- new organizations have no target rows to lock against: nothing could be assigned to them before they existed
    PERFORM coverage_day_locked();
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(x.path, 'coverage', x.k, sum(x.n))::subtree_delta
        FROM (SELECT o.path, f.k, 1 AS n
              FROM new_orgs o LEFT JOIN coverage_target c ON c.target_id = o.id,
                   coverage_org_keys(o.type, o.status, c.provincial, c.district) f
              UNION ALL
              SELECT o.path, f.k, 1
              FROM new_orgs o JOIN household h ON h.organization_id = o.id
              LEFT JOIN coverage_target c ON c.target_id = h.id, coverage_household_keys(o.status, c.any_level) f) x
        GROUP BY x.path, x.k HAVING sum(x.n) <> 0));
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_org_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coverage_org_change((
        SELECT jsonb_agg(jsonb_build_object('id', n.id, 'path', n.path, 'type', n.type, 'status', n.status,
                                            'old_type', o.type, 'old_status', o.status))
        FROM new_orgs n JOIN old_orgs o ON o.id = n.id
        WHERE o.status IS DISTINCT FROM n.status OR o.type IS DISTINCT FROM n.type));
    RETURN NULL;
END $$;

CREATE FUNCTION coverage_org_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM coverage_day_locked();
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(x.path, 'coverage', x.k, sum(x.n))::subtree_delta
        FROM (SELECT o.path, f.k, -1 AS n
              FROM old_orgs o LEFT JOIN coverage_target c ON c.target_id = o.id,
                   coverage_org_keys(o.type, o.status, c.provincial, c.district) f
              UNION ALL
              SELECT o.path, f.k, -1
              FROM old_orgs o JOIN household h ON h.organization_id = o.id
              LEFT JOIN coverage_target c ON c.target_id = h.id, coverage_household_keys(o.status, c.any_level) f) x
        GROUP BY x.path, x.k HAVING sum(x.n) <> 0));
    RETURN NULL;
END $$;

CREATE TRIGGER coverage_org_insert AFTER INSERT ON org_ref REFERENCING NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_org_insert();
CREATE TRIGGER coverage_org_update AFTER UPDATE ON org_ref REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_org_update();
CREATE TRIGGER coverage_org_delete AFTER DELETE ON org_ref REFERENCING OLD TABLE AS old_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION coverage_org_delete();

-- The day changes: the assignments that started or ended between the counts' day and the new one change their targets'
-- counts (in force on the new day minus in force on the old one; either direction). Idempotent; exclusive against the
-- triggers. Returns how many assignments changed.
CREATE FUNCTION coverage_advance(day date) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    was date;
    lo date;
    hi date;
    rows jsonb;
BEGIN
    PERFORM pg_advisory_xact_lock(coverage_lock_key());
    SELECT as_of INTO was FROM coverage_day WHERE id = 1;
    IF was = day THEN
        RETURN 0;
    END IF;
    lo := least(was, day);
    hi := greatest(was, day);
    SELECT jsonb_agg(jsonb_build_object('target_id', x.target_id, 'target_type', x.target_type, 'level', x.level, 'sign', x.sign))
    INTO rows
    FROM (SELECT a.target_id, a.target_type, a.level,
                 assignment_in_force(a.status, a.valid_from, a.valid_to, day)::int
                 - assignment_in_force(a.status, a.valid_from, a.valid_to, was)::int AS sign
          FROM assignment a
          WHERE a.status = 'ACTIVE' AND ((a.valid_from > lo AND a.valid_from <= hi) OR (a.valid_to >= lo AND a.valid_to < hi))) x
    WHERE x.sign <> 0;
    PERFORM coverage_apply_targets(coverage_changes(rows));
    UPDATE coverage_day SET as_of = day WHERE id = 1;
    RETURN coalesce(jsonb_array_length(rows), 0);
END $$;

-- Rebuild: coverage_target and the coverage counts computed from the facts in one pass, as of coverage_day, replacing
-- what is there (run at the end of this migration, and after a bulk load done with
-- the triggers disabled). Exclusive against every writer of the three tables.
CREATE FUNCTION coverage_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    day date;
BEGIN
    PERFORM pg_advisory_xact_lock(coverage_lock_key());
    LOCK TABLE assignment, household, org_ref IN SHARE MODE;
    SELECT as_of INTO day FROM coverage_day WHERE id = 1;
    DELETE FROM coverage_target;
    INSERT INTO coverage_target (target_id, provincial, district, any_level)
    SELECT a.target_id,
           count(*) FILTER (WHERE a.target_type = 'ORGANIZATION' AND a.level = 'PROVINCIAL'),
           count(*) FILTER (WHERE a.target_type = 'ORGANIZATION' AND a.level IN ('PROVINCIAL', 'DISTRICT')),
           count(*) FILTER (WHERE a.target_type = 'HOUSEHOLD')
    FROM assignment a WHERE assignment_in_force(a.status, a.valid_from, a.valid_to, day)
    GROUP BY a.target_id;
    DELETE FROM subtree_count WHERE metric = 'coverage';
    INSERT INTO subtree_count (org_id, metric, k, n)
    SELECT a, 'coverage', d.k, sum(d.n)
    FROM (SELECT x.org, x.k, count(*) AS n
          FROM (SELECT o.id AS org, f.k FROM org_ref o LEFT JOIN coverage_target c ON c.target_id = o.id,
                     coverage_org_keys(o.type, o.status, c.provincial, c.district) f
                UNION ALL
                SELECT o.id, f.k FROM household h JOIN org_ref o ON o.id = h.organization_id
                LEFT JOIN coverage_target c ON c.target_id = h.id, coverage_household_keys(o.status, c.any_level) f) x
          GROUP BY 1, 2) d
    JOIN org_ref o ON o.id = d.org, unnest(subtree_ids(o.path)) a
    GROUP BY 1, 2, 3;
END $$;

-- The assignments registered before this migration.
SELECT coverage_counts_rebuild();
