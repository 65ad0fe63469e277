-- Report totals on the shared subtree counts (db/common/V0_2__subtree_counts.sql): every decided rating adds 1 at its
-- organization and every ancestor (and the whole tree), under metric 'ev:<cycle id>' and three keys:
--   '<subject type>|A|<level>'                       overall
--   '<subject type>|T|<organization type>|<level>'   by the rated organization's type (grassroots = two of these types)
--   '<subject type>|S|<sector>|<level>'              by its sector
-- Type and sector are the rating's own copy, taken when the rating was made (a 2025 report does not change when an
-- organization is reclassified later), so org_ref changes other than moves do not touch these counts; a move carries
-- the counts with the subtree (trigger a_subtree_count_follow_move on org_ref). A summary of a year adds up the few
-- cycles of that year (a subject is rated once a year, across cycles). Statement-level triggers with transition
-- tables: a bulk insert or update costs one merge.
--

CREATE OR REPLACE FUNCTION rating_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(r.org_path, 'ev:' || r.cycle_id, k, count(*))::subtree_delta
        FROM new_rows r,
             LATERAL (VALUES (r.subject_type || '|A|' || r.decided_level),
                             (r.subject_type || '|T|' || r.org_type || '|' || r.decided_level),
                             (r.subject_type || '|S|' || r.org_sector || '|' || r.decided_level)) x(k)
        WHERE r.state = 'DECIDED'
        GROUP BY r.org_path, r.cycle_id, k));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rating_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(r.org_path, 'ev:' || r.cycle_id, k, -count(*))::subtree_delta
        FROM old_rows r,
             LATERAL (VALUES (r.subject_type || '|A|' || r.decided_level),
                             (r.subject_type || '|T|' || r.org_type || '|' || r.decided_level),
                             (r.subject_type || '|S|' || r.org_sector || '|' || r.decided_level)) x(k)
        WHERE r.state = 'DECIDED'
        GROUP BY r.org_path, r.cycle_id, k));
    RETURN NULL;
END $$;

-- An update counts only when what is counted changed: the old row's counts leave, the new row's arrive. A path
-- rewritten by a move of an organization (same organization, same everything else) is left to
-- a_subtree_count_follow_move, which carries the subtree's counts: counting it here too would count the move twice.
CREATE OR REPLACE FUNCTION rating_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM subtree_count_merge(ARRAY(
        SELECT ROW(r.org_path, 'ev:' || r.cycle_id, k, sum(r.sign))::subtree_delta
        FROM (SELECT -1 AS sign, o.* FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE o.state = 'DECIDED'
                AND (o.state, o.decided_level, o.cycle_id, o.subject_type, o.organization_id, o.org_type, o.org_sector)
                    IS DISTINCT FROM (n.state, n.decided_level, n.cycle_id, n.subject_type, n.organization_id, n.org_type, n.org_sector)
              UNION ALL
              SELECT 1, n.* FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE n.state = 'DECIDED'
                AND (o.state, o.decided_level, o.cycle_id, o.subject_type, o.organization_id, o.org_type, o.org_sector)
                    IS DISTINCT FROM (n.state, n.decided_level, n.cycle_id, n.subject_type, n.organization_id, n.org_type, n.org_sector)) r,
             LATERAL (VALUES (r.subject_type || '|A|' || r.decided_level),
                             (r.subject_type || '|T|' || r.org_type || '|' || r.decided_level),
                             (r.subject_type || '|S|' || r.org_sector || '|' || r.decided_level)) x(k)
        GROUP BY r.org_path, r.cycle_id, k));
    RETURN NULL;
END $$;

CREATE TRIGGER rating_count_insert AFTER INSERT ON rating REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rating_count_insert();
CREATE TRIGGER rating_count_update AFTER UPDATE ON rating REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rating_count_update();
CREATE TRIGGER rating_count_delete AFTER DELETE ON rating REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rating_count_delete();

-- Lists behind a number: a page in name order within a year and subject type, with or without a level, read from the
-- index alone (path, type, sector and cycle included), so that a province or district page reads ~50 entries plus the
-- ones its filters skip. A small subtree (a commune, a cell) goes through rating_report (org_path, year) instead.
CREATE INDEX rating_list ON rating (year, subject_type, subject_name, id)
    INCLUDE (org_path, decided_level, org_type, org_sector, cycle_id) WHERE state = 'DECIDED';
CREATE INDEX rating_list_level ON rating (year, subject_type, decided_level, subject_name, id)
    INCLUDE (org_path, org_type, org_sector, cycle_id) WHERE state = 'DECIDED';

-- Ratings decided before this migration get their counts (an UPDATE that changes nothing counted is a no-op for the
-- counts, so this goes through the delete and insert arithmetic directly). A new database has none; a database that
-- has ratings was migrated with the common counts already.
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM rating WHERE state = 'DECIDED') THEN
        EXECUTE $q$
            SELECT subtree_count_merge(ARRAY(
                SELECT ROW(r.org_path, 'ev:' || r.cycle_id, k, count(*))::subtree_delta
                FROM rating r,
                     LATERAL (VALUES (r.subject_type || '|A|' || r.decided_level),
                                     (r.subject_type || '|T|' || r.org_type || '|' || r.decided_level),
                                     (r.subject_type || '|S|' || r.org_sector || '|' || r.decided_level)) x(k)
                WHERE r.state = 'DECIDED'
                GROUP BY r.org_path, r.cycle_id, k))$q$;
    END IF;
END $$;
