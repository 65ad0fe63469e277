-- The move trigger of db/common/V0_2__subtree_counts.sql on this service's tree table: the organization service's own
-- table, the read model org_ref elsewhere. Repeatable: it runs after the versioned migrations, which create the table.
-- Named a_… so that it fires before a service's own triggers on the same table, which then see the counts moved.
DO $$ BEGIN
    IF to_regclass('organization') IS NOT NULL AND EXISTS (SELECT 1 FROM information_schema.columns
            WHERE table_name = 'organization' AND column_name = 'path') THEN
        CREATE OR REPLACE TRIGGER a_subtree_count_follow_move AFTER UPDATE OF path ON organization
            FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION subtree_count_follow_move();
    END IF;
    IF to_regclass('org_ref') IS NOT NULL THEN
        CREATE OR REPLACE TRIGGER a_subtree_count_follow_move AFTER UPDATE OF path ON org_ref
            FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION subtree_count_follow_move();
    END IF;
END $$;
