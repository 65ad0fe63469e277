-- Compliance on the shared subtree counts (db/common/V0_2__subtree_counts.sql). What the compliance summary of a subtree
-- sums is kept per organization and month in meeting_month (held meetings only: state HELD or MINUTES_APPROVED), and
-- for the organizations the summary counts (ACTIVE cells: GRASSROOTS_CELL, SUBORDINATE_CELL) as subtree counts:
--   cells                             ''         the cell itself
--   held, below_quorum, expected, present, superior_expected, superior_attended
--                                     'YYYY-MM'  sums over the held meetings of that month
--   regular_months                    'YYYY:m'   1 for the cell's year: m = bit (month - 1) set when it held a REGULAR
--                                                meeting in that month (so the cells that held one in every month of a
--                                                set S of that year are the sum over the masks m ⊇ S)
--   thematic_quarters                 'YYYY:m'   the same with bit (quarter - 1) for THEMATIC meetings
-- Statement-level triggers on meeting turn each statement's changes into deltas of meeting_month and, for the counted
-- cells, into the difference of their facts before and after (one subtree_count_merge per statement); a cell's mask
-- changes only when one of its months crosses 0 ↔ 1. Triggers on org_ref add or remove all facts of a cell when it
-- starts or stops being counted (created, dissolved, merged, retyped); a move is carried by the shared move trigger.

CREATE TABLE meeting_month (
    org_id       uuid   NOT NULL,
    month        date   NOT NULL, -- first day of the month of meeting_date
    regular      int    NOT NULL, -- held REGULAR meetings
    thematic     int    NOT NULL, -- held THEMATIC meetings
    held         int    NOT NULL, -- held meetings of any kind
    below        int    NOT NULL, -- of which quorum_met is false
    expected     bigint NOT NULL,
    present      bigint NOT NULL,
    sup_expected int    NOT NULL, -- superior_expected
    sup_attended int    NOT NULL, -- superior_expected and superior_attended
    PRIMARY KEY (org_id, month)
);

-- Whether the compliance summary counts an organization (and its meetings).
CREATE FUNCTION meeting_counted(type text, status text) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL') AND status = 'ACTIVE' $$;

-- One meeting's part in meeting_month, with a sign (+1 for a row as it is now, -1 for a row as it was).
CREATE TYPE meeting_change AS (sign int, org_id uuid, meeting_date date, kind text, state text, quorum_met boolean,
                               expected int, present int, superior_expected boolean, superior_attended boolean);
-- A counted cell and one of its months.
CREATE TYPE meeting_key AS (org_id uuid, path text, month date);

-- The facts of these cells (keys: the cell, its path and a month) times sign: the sums of those months and the masks of
-- their years. The caller decides which cells are counted.
CREATE FUNCTION meeting_cell_facts(keys meeting_key[], sign int) RETURNS SETOF subtree_delta LANGUAGE sql STABLE AS $$
    WITH k AS (SELECT DISTINCT org_id, path, month FROM unnest(keys)),
         y AS (SELECT DISTINCT org_id, path, date_trunc('year', month)::date AS year FROM k)
    SELECT ROW(k.path, x.metric, to_char(mm.month, 'YYYY-MM'), x.n * sign)::subtree_delta
    FROM k JOIN meeting_month mm ON mm.org_id = k.org_id AND mm.month = k.month,
         LATERAL (VALUES ('held', mm.held::bigint), ('below_quorum', mm.below), ('expected', mm.expected), ('present', mm.present),
                         ('superior_expected', mm.sup_expected), ('superior_attended', mm.sup_attended)) x(metric, n)
    WHERE x.n <> 0
    UNION ALL
    SELECT ROW(y.path, b.metric, to_char(y.year, 'YYYY') || ':' || b.mask, sign)::subtree_delta
    FROM y, LATERAL (SELECT bit_or(CASE WHEN mm.regular > 0 THEN 1 << (extract(month FROM mm.month)::int - 1) ELSE 0 END) AS reg,
                            bit_or(CASE WHEN mm.thematic > 0 THEN 1 << ((extract(month FROM mm.month)::int - 1) / 3) ELSE 0 END) AS them
                     FROM meeting_month mm WHERE mm.org_id = y.org_id AND mm.month >= y.year AND mm.month < (y.year + interval '1 year')::date) s,
         LATERAL (VALUES ('regular_months', s.reg), ('thematic_quarters', s.them)) b(metric, mask)
    WHERE b.mask <> 0 AND b.mask IS NOT NULL
$$;

-- Applies the changes of one statement on meeting: meeting_month, then the counted cells' facts after minus before.
CREATE FUNCTION meeting_changes_apply(changes meeting_change[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    d meeting_month[];
    keys meeting_key[];
    before subtree_delta[];
BEGIN
    SELECT array_agg(ROW(g.*)::meeting_month ORDER BY g.org_id, g.month) INTO d FROM (
        SELECT c.org_id, date_trunc('month', c.meeting_date)::date AS month,
               coalesce(sum(c.sign) FILTER (WHERE c.kind = 'REGULAR'), 0)::int AS regular,
               coalesce(sum(c.sign) FILTER (WHERE c.kind = 'THEMATIC'), 0)::int AS thematic,
               sum(c.sign)::int AS held,
               coalesce(sum(c.sign) FILTER (WHERE NOT c.quorum_met), 0)::int AS below,
               sum(c.sign * coalesce(c.expected, 0))::bigint AS expected,
               sum(c.sign * coalesce(c.present, 0))::bigint AS present,
               coalesce(sum(c.sign) FILTER (WHERE c.superior_expected), 0)::int AS sup_expected,
               coalesce(sum(c.sign) FILTER (WHERE c.superior_expected AND c.superior_attended), 0)::int AS sup_attended
        FROM unnest(changes) c
        WHERE c.state IN ('HELD', 'MINUTES_APPROVED')
        GROUP BY 1, 2) g
    WHERE (g.regular, g.thematic, g.held, g.below, g.expected, g.present, g.sup_expected, g.sup_attended)
          IS DISTINCT FROM (0, 0, 0, 0, 0::bigint, 0::bigint, 0, 0);
    IF d IS NULL THEN
        RETURN;
    END IF;
    SELECT array_agg(ROW(x.org_id, o.path, x.month)::meeting_key) INTO keys
    FROM unnest(d) x JOIN org_ref o ON o.id = x.org_id WHERE meeting_counted(o.type, o.status);
    IF keys IS NOT NULL THEN
        before := ARRAY(SELECT meeting_cell_facts(keys, -1));
    END IF;
    INSERT INTO meeting_month AS t SELECT * FROM unnest(d)
    ON CONFLICT (org_id, month) DO UPDATE SET regular = t.regular + EXCLUDED.regular, thematic = t.thematic + EXCLUDED.thematic,
        held = t.held + EXCLUDED.held, below = t.below + EXCLUDED.below, expected = t.expected + EXCLUDED.expected,
        present = t.present + EXCLUDED.present, sup_expected = t.sup_expected + EXCLUDED.sup_expected,
        sup_attended = t.sup_attended + EXCLUDED.sup_attended;
    IF keys IS NOT NULL THEN
        PERFORM subtree_count_merge(coalesce(before, '{}') || ARRAY(SELECT meeting_cell_facts(keys, 1)));
    END IF;
END $$;

CREATE FUNCTION meeting_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM meeting_changes_apply(ARRAY(
        SELECT ROW(1, n.organization_id, n.meeting_date, n.kind, n.state, n.quorum_met, n.expected, n.present,
                   n.superior_expected, n.superior_attended)::meeting_change
        FROM new_rows n WHERE n.state IN ('HELD', 'MINUTES_APPROVED')));
    RETURN NULL;
END $$;

CREATE FUNCTION meeting_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM meeting_changes_apply(ARRAY(
        SELECT ROW(-1, o.organization_id, o.meeting_date, o.kind, o.state, o.quorum_met, o.expected, o.present,
                   o.superior_expected, o.superior_attended)::meeting_change
        FROM old_rows o WHERE o.state IN ('HELD', 'MINUTES_APPROVED')));
    RETURN NULL;
END $$;

-- Only rows whose counted fields changed (a move rewrites organization_path of many meetings and changes nothing here).
CREATE FUNCTION meeting_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM meeting_changes_apply(ARRAY(
        SELECT ROW(s.sign, s.organization_id, s.meeting_date, s.kind, s.state, s.quorum_met, s.expected, s.present,
                   s.superior_expected, s.superior_attended)::meeting_change
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (SELECT -1 AS sign, o.* UNION ALL SELECT 1, n.*) s
        WHERE (o.organization_id, o.meeting_date, o.kind, o.state, o.quorum_met, o.expected, o.present, o.superior_expected, o.superior_attended)
              IS DISTINCT FROM
              (n.organization_id, n.meeting_date, n.kind, n.state, n.quorum_met, n.expected, n.present, n.superior_expected, n.superior_attended)
          AND (o.state IN ('HELD', 'MINUTES_APPROVED') OR n.state IN ('HELD', 'MINUTES_APPROVED'))));
    RETURN NULL;
END $$;

CREATE TRIGGER meeting_count_insert AFTER INSERT ON meeting REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_count_insert();
CREATE TRIGGER meeting_count_update AFTER UPDATE ON meeting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_count_update();
CREATE TRIGGER meeting_count_delete AFTER DELETE ON meeting REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION meeting_count_delete();

-- An organization that starts (sign 1) or stops (sign -1) being counted brings or takes all its facts, at its path now
-- (a move in the same statement was carried by the shared row-level move trigger, which fires first).
CREATE FUNCTION meeting_org_facts(orgs meeting_key[], sign int) RETURNS subtree_delta[] LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT ROW(o.path, 'cells', '', sign)::subtree_delta FROM unnest(orgs) o)
        || ARRAY(SELECT meeting_cell_facts(ARRAY(SELECT ROW(o.org_id, o.path, mm.month)::meeting_key
                                                 FROM unnest(orgs) o JOIN meeting_month mm ON mm.org_id = o.org_id), sign))
$$;

CREATE FUNCTION org_ref_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    orgs meeting_key[] := ARRAY(SELECT ROW(n.id, n.path, NULL)::meeting_key FROM new_rows n WHERE meeting_counted(n.type, n.status));
BEGIN
    IF cardinality(orgs) > 0 THEN
        PERFORM subtree_count_merge(meeting_org_facts(orgs, 1));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION org_ref_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    orgs meeting_key[] := ARRAY(SELECT ROW(o.id, o.path, NULL)::meeting_key FROM old_rows o WHERE meeting_counted(o.type, o.status));
BEGIN
    IF cardinality(orgs) > 0 THEN
        PERFORM subtree_count_merge(meeting_org_facts(orgs, -1));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION org_ref_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gained meeting_key[] := ARRAY(SELECT ROW(n.id, n.path, NULL)::meeting_key FROM old_rows o JOIN new_rows n ON n.id = o.id
                                  WHERE meeting_counted(n.type, n.status) AND NOT meeting_counted(o.type, o.status));
    lost meeting_key[] := ARRAY(SELECT ROW(n.id, n.path, NULL)::meeting_key FROM old_rows o JOIN new_rows n ON n.id = o.id
                                WHERE meeting_counted(o.type, o.status) AND NOT meeting_counted(n.type, n.status));
BEGIN
    IF cardinality(gained) + cardinality(lost) > 0 THEN
        PERFORM subtree_count_merge(meeting_org_facts(gained, 1) || meeting_org_facts(lost, -1));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER org_ref_count_insert AFTER INSERT ON org_ref REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_ref_count_insert();
CREATE TRIGGER org_ref_count_update AFTER UPDATE ON org_ref REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_ref_count_update();
CREATE TRIGGER org_ref_count_delete AFTER DELETE ON org_ref REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION org_ref_count_delete();

-- One pass that equals a recount: meeting_month from the meetings, the compliance counts from meeting_month and the
-- counted cells. Used once below (meetings held before this migration) and by the bench after a bulk load made with
-- the triggers off (deploy/local/bench/meetings.sh).
CREATE FUNCTION meeting_counts_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM meeting_month;
    INSERT INTO meeting_month
    SELECT m.organization_id, date_trunc('month', m.meeting_date)::date,
           count(*) FILTER (WHERE m.kind = 'REGULAR'), count(*) FILTER (WHERE m.kind = 'THEMATIC'), count(*),
           count(*) FILTER (WHERE NOT m.quorum_met), coalesce(sum(m.expected), 0), coalesce(sum(m.present), 0),
           count(*) FILTER (WHERE m.superior_expected), count(*) FILTER (WHERE m.superior_expected AND m.superior_attended)
    FROM meeting m WHERE m.state IN ('HELD', 'MINUTES_APPROVED')
    GROUP BY 1, 2;
    DELETE FROM subtree_count WHERE metric IN ('cells', 'held', 'below_quorum', 'expected', 'present', 'superior_expected',
                                                'superior_attended', 'regular_months', 'thematic_quarters');
    INSERT INTO subtree_count (org_id, metric, k, n)
    SELECT a, f.metric, f.k, sum(f.n)
    FROM (SELECT o.path, 'cells' AS metric, '' AS k, 1::bigint AS n FROM org_ref o WHERE meeting_counted(o.type, o.status)
          UNION ALL
          SELECT o.path, x.metric, to_char(mm.month, 'YYYY-MM'), x.n
          FROM org_ref o JOIN meeting_month mm ON mm.org_id = o.id,
               LATERAL (VALUES ('held', mm.held::bigint), ('below_quorum', mm.below), ('expected', mm.expected), ('present', mm.present),
                               ('superior_expected', mm.sup_expected), ('superior_attended', mm.sup_attended)) x(metric, n)
          WHERE meeting_counted(o.type, o.status) AND x.n <> 0
          UNION ALL
          SELECT o.path, b.metric, to_char(s.year, 'YYYY') || ':' || b.mask, 1
          FROM org_ref o JOIN (SELECT mm.org_id, date_trunc('year', mm.month)::date AS year,
                                      bit_or(CASE WHEN mm.regular > 0 THEN 1 << (extract(month FROM mm.month)::int - 1) ELSE 0 END) AS reg,
                                      bit_or(CASE WHEN mm.thematic > 0 THEN 1 << ((extract(month FROM mm.month)::int - 1) / 3) ELSE 0 END) AS them
                               FROM meeting_month mm GROUP BY 1, 2) s ON s.org_id = o.id,
               LATERAL (VALUES ('regular_months', s.reg), ('thematic_quarters', s.them)) b(metric, mask)
          WHERE meeting_counted(o.type, o.status) AND b.mask <> 0) f,
         unnest(subtree_ids(f.path)) a
    GROUP BY 1, 2, 3 HAVING sum(f.n) <> 0;
END $$;

-- Meetings held before this migration.
SELECT meeting_counts_rebuild();

-- A partial month at an edge of a period is summed from the meetings of those days.
CREATE INDEX meeting_date_org ON meeting (meeting_date, organization_id);
