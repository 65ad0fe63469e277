-- Subtree counts: what a report of a subtree needs, kept for every organization as the sum over its whole subtree, so
-- that a report of a province reads its own few rows instead of every fact below it. A service's triggers turn each
-- change of a fact (a member, a meeting, a rating …) into deltas in the same transaction as the change, so the counts
-- stay exactly equal to a recount; a move of an organization carries its subtree's counts from the old ancestors to
-- the new ones. Versioned before every service's own migrations, so that their triggers and functions can use what is
-- here; R__subtree_count_moves.sql attaches the move trigger to the service's tree table once that exists.

CREATE TABLE subtree_count (
    org_id uuid         NOT NULL, -- an organization, or the whole tree (subtree_counts_whole_tree())
    metric varchar(60)  NOT NULL, -- what is counted, e.g. 'status' or 'admitted'
    k      varchar(120) NOT NULL, -- the group within the metric, e.g. 'OFFICIAL' or '2024'; '' when none
    n      bigint       NOT NULL, -- a count, or a sum (people present, points …)
    PRIMARY KEY (org_id, metric, k)
);

-- The key under which the whole tree is counted (what an admin without a subtree sees).
CREATE FUNCTION subtree_counts_whole_tree() RETURNS uuid LANGUAGE sql IMMUTABLE
AS $$ SELECT '00000000-0000-0000-0000-000000000000'::uuid $$;

-- Where a fact of the organization at path '/a/b/c/' is counted: the whole tree, a, b and c.
CREATE FUNCTION subtree_ids(p text) RETURNS uuid[] LANGUAGE sql IMMUTABLE
AS $$ SELECT ARRAY[subtree_counts_whole_tree()] || string_to_array(trim(BOTH '/' FROM p), '/')::uuid[] $$;

CREATE TYPE subtree_delta AS (path text, metric varchar(60), k varchar(120), n bigint);

-- Adds deltas (the path of the fact's organization, metric, group, amount) at every level of their paths. One grouped
-- upsert in a fixed order, so that a statement-level trigger over many rows costs one statement and two writers take
-- the shared rows (a province's) in the same order. A fact of an organization not in the tree (path NULL) would be
-- counted nowhere: refused, so that the counts never silently drift from a recount.
CREATE FUNCTION subtree_count_merge(deltas subtree_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(deltas) d WHERE d.path IS NULL AND d.n <> 0) THEN
        RAISE EXCEPTION 'subtree counts: a fact of an organization that is not in the tree' USING ERRCODE = 'foreign_key_violation';
    END IF;
    INSERT INTO subtree_count AS c (org_id, metric, k, n)
    SELECT a, d.metric, coalesce(d.k, ''), sum(d.n)
    FROM unnest(deltas) d, unnest(subtree_ids(d.path)) a
    GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (org_id, metric, k) DO UPDATE SET n = c.n + EXCLUDED.n;
END $$;

-- A move: the tree table's row changes its parent (the last but one id of its path). Its subtree's counts, kept at its
-- own id, leave the ancestors it had and reach the ones it has now. The rows below it change their paths in the same
-- statement but keep their parents, so they do nothing here.
CREATE FUNCTION subtree_count_follow_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_ids uuid[] := subtree_ids(OLD.path);
    new_ids uuid[] := subtree_ids(NEW.path);
BEGIN
    IF old_ids[cardinality(old_ids) - 1] IS NOT DISTINCT FROM new_ids[cardinality(new_ids) - 1] THEN
        RETURN NULL;
    END IF;
    INSERT INTO subtree_count AS c (org_id, metric, k, n)
    SELECT a.id, s.metric, s.k, sum(s.n * a.sign)
    FROM subtree_count s,
         (SELECT id, -1 AS sign FROM unnest(old_ids) id WHERE id <> ALL (new_ids)
          UNION ALL
          SELECT id, 1 FROM unnest(new_ids) id WHERE id <> ALL (old_ids)) a
    WHERE s.org_id = NEW.id AND s.n <> 0
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT (org_id, metric, k) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END $$;
