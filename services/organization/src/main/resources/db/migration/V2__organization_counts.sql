-- Organization statistics (GET /api/v1/organizations/{id}/statistics) read the shared subtree counts
-- (db/common/V0_2__subtree_counts.sql) instead of grouping every organization of the subtree. Metrics (k = the group):
--   org_status   every organization, by status (the total is their sum)
--   org_type     ACTIVE organizations, by type
--   org_sector   ACTIVE organizations, by sector
-- Statement-level triggers on organization turn each change into deltas in the same transaction (a bulk insert is one
-- merge). A move needs nothing here: a_subtree_count_follow_move (row-level, R__) carries the subtree's counts to the new
-- ancestors, and has done so when the statement trigger runs, so an update takes both its -old and +new deltas at the
-- row's NEW path.

CREATE FUNCTION organization_count_keys(type text, sector text, status text)
    RETURNS TABLE (metric varchar(60), k varchar(120)) LANGUAGE sql IMMUTABLE AS $$
    SELECT v.metric, v.k
    FROM (VALUES ('org_status'::varchar(60), status::varchar(120)),
                 ('org_type', CASE WHEN status = 'ACTIVE' THEN type END),
                 ('org_sector', CASE WHEN status = 'ACTIVE' THEN sector END)) v (metric, k)
    WHERE v.k IS NOT NULL
$$;

CREATE FUNCTION organization_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(n.path, f.metric, f.k, count(*))::subtree_delta
        FROM new_orgs n, organization_count_keys(n.type, n.sector, n.status) f
        GROUP BY n.path, f.metric, f.k));
    RETURN NULL;
END $$;

CREATE FUNCTION organization_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(x.path, x.metric, x.k, sum(x.n))::subtree_delta
        FROM (SELECT n.path, f.metric, f.k, 1 AS n
              FROM new_orgs n JOIN old_orgs o ON o.id = n.id, organization_count_keys(n.type, n.sector, n.status) f
              WHERE (o.type, o.sector, o.status) IS DISTINCT FROM (n.type, n.sector, n.status)
              UNION ALL
              SELECT n.path, f.metric, f.k, -1
              FROM new_orgs n JOIN old_orgs o ON o.id = n.id, organization_count_keys(o.type, o.sector, o.status) f
              WHERE (o.type, o.sector, o.status) IS DISTINCT FROM (n.type, n.sector, n.status)) x
        GROUP BY x.path, x.metric, x.k HAVING sum(x.n) <> 0));
    RETURN NULL;
END $$;

CREATE FUNCTION organization_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(o.path, f.metric, f.k, -count(*))::subtree_delta
        FROM old_orgs o, organization_count_keys(o.type, o.sector, o.status) f
        GROUP BY o.path, f.metric, f.k));
    RETURN NULL;
END $$;

CREATE TRIGGER organization_counts_insert AFTER INSERT ON organization REFERENCING NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_insert();
CREATE TRIGGER organization_counts_update AFTER UPDATE ON organization REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_update();
CREATE TRIGGER organization_counts_delete AFTER DELETE ON organization REFERENCING OLD TABLE AS old_orgs
    FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_delete();

-- Rebuild: the organization counts computed from the table in one pass, replacing what is there (run by
-- the end of this migration; also for a bulk load done with the triggers disabled).
CREATE FUNCTION organization_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE organization IN SHARE MODE;
    DELETE FROM subtree_count WHERE metric IN ('org_status', 'org_type', 'org_sector');
    INSERT INTO subtree_count (org_id, metric, k, n)
    SELECT a, f.metric, f.k, count(*)
    FROM organization o, organization_count_keys(o.type, o.sector, o.status) f, unnest(subtree_ids(o.path)) a
    GROUP BY 1, 2, 3;
END $$;

-- The organizations registered before this migration.
SELECT organization_counts_rebuild();
