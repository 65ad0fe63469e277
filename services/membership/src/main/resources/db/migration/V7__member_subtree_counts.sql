-- The member statistics (GET /api/v1/members/statistics) read the shared subtree counts (db/common/V0_2__subtree_counts.sql)
-- instead of every member of the subtree. Statement-level triggers on member turn each change into deltas of the groups
-- below, in the same transaction, so a bulk insert of 400,000 members costs one merge. Metrics (k = the group):
--   member_status     every member, by status
--   member_gender     current members (PROBATIONARY, OFFICIAL, EXEMPT, not in transit), by gender
--   member_theory     current members, by theory level
--   member_ethnicity  current members, by ethnicity ('UNKNOWN' when none)
--   member_birth_year current members, by year of birth (YYYY)
--   member_birth      current members, by birth date (ISO, YYYY-MM-DD). Age bands are exact ages on the day asked: a
--                     year of birth that holds no band limit of that day lies in one band whole (its year row counts);
--                     the at most six years that hold a limit are read by date (≤ 2,200 rows instead of a province's
--                     ~13,000 dates)
--   member_admission  every member, by admission year and the year their membership ended: 'YYYY/YYYY', or 'YYYY/'
--                     while it has not ended (status_since of TRANSFERRED_OUT, REMOVED, EXPELLED, DECEASED is the end);
--                     admitted in y = k starts with y; members at the start of y = admitted before y, not ended before y

-- The groups one member counts in.
CREATE FUNCTION member_count_keys(status text, in_transit uuid, gender text, theory_level text, ethnicity text,
                                  birth_date date, admission_date date, status_since date)
    RETURNS TABLE (metric varchar(60), k varchar(120)) LANGUAGE sql STABLE
AS $$
    SELECT v.metric, v.k
    FROM (SELECT status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT') AND in_transit IS NULL AS cur) c,
         LATERAL (VALUES ('member_status'::varchar(60), status::varchar(120)),
                         ('member_gender', CASE WHEN c.cur THEN gender END),
                         ('member_theory', CASE WHEN c.cur THEN theory_level END),
                         ('member_ethnicity', CASE WHEN c.cur THEN coalesce(ethnicity, 'UNKNOWN') END),
                         ('member_birth_year', CASE WHEN c.cur THEN to_char(birth_date, 'YYYY') END),
                         ('member_birth', CASE WHEN c.cur THEN to_char(birth_date, 'YYYY-MM-DD') END),
                         ('member_admission', to_char(admission_date, 'YYYY') || '/'
                              || CASE WHEN status IN ('TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED')
                                      THEN to_char(status_since, 'YYYY') ELSE '' END)) v (metric, k)
    WHERE v.k IS NOT NULL
$$;

-- One merge per statement: the rows that left (-1) and the rows that came (+1), grouped by organization and group
-- first (an update of a phone number nets to nothing and writes nothing).
CREATE FUNCTION member_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(o.path, d.metric, d.k, d.n)::subtree_delta
        FROM (SELECT m.organization_id, f.metric, f.k, count(*) AS n
              FROM new_members m,
                   member_count_keys(m.status, m.in_transit_transfer_id, m.gender, m.theory_level, m.ethnicity,
                                     m.birth_date, m.admission_date, m.status_since) f
              GROUP BY 1, 2, 3) d
        LEFT JOIN org_ref o ON o.id = d.organization_id));
    RETURN NULL;
END $$;

CREATE FUNCTION member_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(o.path, d.metric, d.k, d.n)::subtree_delta
        FROM (SELECT m.organization_id, f.metric, f.k, sum(m.sign) AS n
              FROM (SELECT x.*, 1 AS sign FROM new_members x
                    UNION ALL
                    SELECT x.*, -1 FROM old_members x) m,
                   member_count_keys(m.status, m.in_transit_transfer_id, m.gender, m.theory_level, m.ethnicity,
                                     m.birth_date, m.admission_date, m.status_since) f
              GROUP BY 1, 2, 3 HAVING sum(m.sign) <> 0) d
        LEFT JOIN org_ref o ON o.id = d.organization_id));
    RETURN NULL;
END $$;

CREATE FUNCTION member_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(o.path, d.metric, d.k, -d.n)::subtree_delta
        FROM (SELECT m.organization_id, f.metric, f.k, count(*) AS n
              FROM old_members m,
                   member_count_keys(m.status, m.in_transit_transfer_id, m.gender, m.theory_level, m.ethnicity,
                                     m.birth_date, m.admission_date, m.status_since) f
              GROUP BY 1, 2, 3) d
        LEFT JOIN org_ref o ON o.id = d.organization_id));
    RETURN NULL;
END $$;

-- TRUNCATE member (tests, a reload): nobody is left to count.
CREATE FUNCTION member_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM subtree_count WHERE metric LIKE 'member\_%';
    RETURN NULL;
END $$;

CREATE TRIGGER member_counts_insert AFTER INSERT ON member REFERENCING NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_insert();
CREATE TRIGGER member_counts_update AFTER UPDATE ON member REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_update();
CREATE TRIGGER member_counts_delete AFTER DELETE ON member REFERENCING OLD TABLE AS old_members
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_delete();
CREATE TRIGGER member_counts_truncate AFTER TRUNCATE ON member
    FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_truncate();

-- Rebuild: the member counts computed from the facts in one pass (every organization of the tree and the whole tree),
-- replacing what is there. For a database that had members before this migration (run at the end of it), and for a
-- bulk load done with the triggers disabled.
-- Takes a lock on member so that no change slips between the recount and the replace.
CREATE FUNCTION member_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE member IN SHARE MODE;
    DELETE FROM subtree_count WHERE metric LIKE 'member\_%';
    IF EXISTS (SELECT 1 FROM member m LEFT JOIN org_ref o ON o.id = m.organization_id WHERE o.id IS NULL) THEN
        RAISE EXCEPTION 'subtree counts: a member of an organization that is not in the tree' USING ERRCODE = 'foreign_key_violation';
    END IF;
    INSERT INTO subtree_count (org_id, metric, k, n)
    SELECT a, d.metric, d.k, sum(d.n)
    FROM (SELECT m.organization_id, f.metric, f.k, count(*) AS n
          FROM member m,
               member_count_keys(m.status, m.in_transit_transfer_id, m.gender, m.theory_level, m.ethnicity,
                                 m.birth_date, m.admission_date, m.status_since) f
          GROUP BY 1, 2, 3) d
    JOIN org_ref o ON o.id = d.organization_id,
    unnest(subtree_ids(o.path)) a
    GROUP BY 1, 2, 3;
END $$;

-- Members registered before this migration.
SELECT member_counts_rebuild();
